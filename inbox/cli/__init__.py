"""The command line: an adapter over the same acts as the UI (nothing else in inbox/ imports it).

Exit codes: 0 success, 2 usage error (argparse), 1 any other error with one line on stderr.
Nothing here imports Qt, so commands start fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from inbox.cli.common import DutchParser, clean_text, db_path
from inbox.errors import LoketError
from storage.errors import StorageError

__all__ = ["build_parser", "db_path", "main", "run"]

log = logging.getLogger("loket.cli")

# Each module of this package has `add_commands(sub, exports)`, which registers subparsers
# (top-level on `sub`, `export KIND` on `exports`) with `set_defaults(handler=fn)`;
# fn(loket, args) -> exit code.
MODULES: tuple[str, ...] = (
    "inbox.cli.cases",
    "inbox.cli.admin",
    "inbox.cli.archive",
    "inbox.cli.team",
    "inbox.cli.social",
    "inbox.cli.privacy",
    "inbox.cli.kb",
    "inbox.cli.maintenance",
    "inbox.cli.users",
    "inbox.cli.day",
    "inbox.cli.batch",
)

# The module that registers each top-level command (tests/unit/test_cli_lean.py checks this
# against the modules): a command line loads only its command's module, so `loket search`
# does not import the archive, team sync or Mastodon code. `export` and `--help` load all.
COMMANDS: dict[str, str] = {
    **dict.fromkeys(("bulk", "case", "cases", "message", "messages", "norms", "search", "searches",
                     "stats", "templates"), "inbox.cli.cases"),
    **dict.fromkeys(("account", "audit", "backup", "demo", "import", "key", "restore", "sync"),
                    "inbox.cli.admin"),
    **dict.fromkeys(("destruction", "hold", "organisation", "retention"), "inbox.cli.archive"),
    "team": "inbox.cli.team",
    **dict.fromkeys(("contact", "mastodon"), "inbox.cli.social"),
    **dict.fromkeys(("avg", "processing-log"), "inbox.cli.privacy"),
    **dict.fromkeys(("kb", "suggest", "trends"), "inbox.cli.kb"),
    "check": "inbox.cli.maintenance",
    "user": "inbox.cli.users",
    "batch": "inbox.cli.batch",
    **dict.fromkeys(("autoreply", "callback", "callbacks", "department", "office-hours",
                     "products"), "inbox.cli.day"),
}

_GLOBAL_OPTIONS = ("--db", "--user")


def command_of(argv: Sequence[str]) -> str | None:
    """The command word of a command line (after `--db PATH` and `--user NAME`), or None."""
    words = iter(argv)
    for word in words:
        if word in _GLOBAL_OPTIONS:
            next(words, None)
        elif word.startswith(tuple(o + "=" for o in _GLOBAL_OPTIONS)):
            continue
        elif word.startswith("-"):
            return None  # --help, or an option argparse will explain
        else:
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command parser: every command, or (given the command line `argv` of a known
    command) only the commands of that command's module, which keeps start-up short."""
    parser = DutchParser(
        prog="loket", description="Loket: één inbox voor het klantcontactcentrum."
    )
    parser.add_argument(
        "--db", dest="db_file", type=Path, help="database file (default: LOKET_DB or user data)"
    )
    parser.add_argument("--user", help="act as this user (default: LOKET_USER)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("export", help="exports for the archive, Open Klant, AVG and Woo")
    exports = p.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    import importlib

    word = None if argv is None else command_of(argv)
    for module_name in (COMMANDS[word],) if word in COMMANDS else MODULES:
        importlib.import_module(module_name).add_commands(sub, exports)
    return parser


def run(
    args: argparse.Namespace,
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> int:
    """Run one parsed command; errors for people become one line on stderr and exit 1.

    With `argv`, this is a command-line process: when the app has the database open, the
    command is handed over to it (inbox/owner.py). `env` gives the user and password (the
    process environment when None).
    """
    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, clean_text(value))
        elif isinstance(value, list):
            setattr(args, name, [clean_text(v) for v in value])
    environment: Mapping[str, str] = os.environ if env is None else env
    try:
        if argv is None or _opens_no_database(args):
            return _dispatch(args, environment)
        from inbox.gate import is_foreign_file

        if is_foreign_file(db_path(args)):
            return _dispatch(args, environment)  # refused there, without a lock file beside it
        from inbox import owner

        with owner.command_lock(db_path(args)) as app:
            if app is None:
                return _dispatch(args, environment)
            if args.command == "batch":
                from inbox.cli.batch import for_hand_over

                handed, text = for_hand_over(args, list(argv))
                return _hand_over(app, handed, environment, text)
            return _hand_over(app, list(argv), environment)
    except (LoketError, StorageError) as exc:
        print(f"loket: {_one_line(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        _quiet_closed_pipe()
        return 0
    except KeyboardInterrupt:
        print("loket: afgebroken", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"loket: {_os_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the user, detail in the log
        known = _known(exc)
        if known is not None:
            print(f"loket: {_one_line(known)}", file=sys.stderr)
            return 1
        log.exception("unexpected error in %s", args.command)
        print(
            f"loket: onverwachte fout ({type(exc).__name__}); zie het logbestand", file=sys.stderr
        )
        return 1


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _known(exc: BaseException) -> StorageError | None:
    """A database failure that reached here outside an act, in Dutch."""
    from inbox.gate import database_error

    return database_error(exc)


def _os_error(exc: OSError) -> str:
    """A file-system failure in one Dutch line, naming the file, never blaming the network."""
    import errno

    reason = {
        errno.ENOSPC: "de schijf is vol",
        errno.EACCES: "geen toegang",
        errno.EPERM: "geen toegang",
        errno.EROFS: "de schijf is alleen-lezen",
        errno.ENOENT: "bestaat niet",
        errno.EISDIR: "is een map",
        errno.ENOTDIR: "is geen map",
    }.get(exc.errno or 0, "kan niet worden gelezen of geschreven")
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{reason}."


def _quiet_closed_pipe() -> None:
    """The reader went away (`loket ... | head`): stop quietly, without a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def _opens_no_database(args: argparse.Namespace) -> bool:
    if args.command == "restore":
        return not db_path(args).exists()  # a restore to a new file
    return bool(args.command == "key" and args.key_command == "recover")


def _hand_over(
    app: Path, argv: list[str], env: Mapping[str, str], stdin_text: str | None = None
) -> int:
    """Let the running app do the command; print what it printed. `stdin_text`: what to pass
    as its standard input (None: this process's own)."""
    from inbox import owner

    passed = {k: env[k] for k in ("LOKET_USER", "LOKET_PASSWORD") if k in env}
    user = _user_in(argv) or passed.get("LOKET_USER")
    if user and "LOKET_PASSWORD" not in passed and sys.stdin.isatty():
        import getpass

        passed["LOKET_PASSWORD"] = getpass.getpass(f"Wachtwoord voor {user}: ")
    if stdin_text is not None:
        stdin = stdin_text
    else:
        stdin = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()
    outcome = owner.hand_over(app, argv, passed, stdin)
    sys.stdout.write(outcome.stdout)
    sys.stderr.write(outcome.stderr)
    return outcome.code


def _user_in(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--user" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--user="):
            return arg.split("=", 1)[1]
    return None


def run_handed_over(argv: list[str], env: Mapping[str, str]) -> int:
    """A command another process handed to the running app (inbox/owner.CommandServer)."""
    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        return 2
    args.handed_over = True  # the app holds the database open
    return run(args, env=env)


def _dispatch(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from inbox.services import Loket

    if args.command == "key" and args.key_command == "recover":
        from inbox.cli.admin import cmd_key_recover

        return cmd_key_recover(args)  # the database cannot be opened before this
    if args.command == "restore" and not db_path(args).exists():
        from inbox.cli.admin import cmd_restore_new

        return cmd_restore_new(args, env)
    loket = Loket.open(db_path(args))
    try:
        sign_in(loket, args.user or env.get("LOKET_USER"), env)
        return int(args.handler(loket, args))
    finally:
        loket.close()


def sign_in(loket: Any, user: str | None, env: Mapping[str, str] | None = None) -> None:
    """The CLI acts as a person, like the app: password from LOKET_PASSWORD or a prompt.

    Nobody works unnamed: without a password in the database only its first beheerder can be
    made (`user add ... --role beheerder`), or `demo` run on a new file; a database from before
    sign-in was required can only be read until then. The system identity (scheduled jobs) is
    never accepted here.
    """
    from inbox import identity
    from inbox.errors import PermissionDenied
    from inbox.gate import SYSTEM_USER

    env = os.environ if env is None else env
    loket.user = ""  # not signed in
    if user and user.strip().lower() == SYSTEM_USER:
        raise PermissionDenied("'systeem' is geen persoon; meld u aan met uw eigen naam.")
    if identity.needs_first_beheerder(loket):
        if user:
            raise PermissionDenied(
                "Deze database heeft nog geen beheerder met een wachtwoord; maak die eerst: "
                "loket user add NAAM --name 'Uw Naam' --role beheerder --password-stdin"
            )
        return
    if not user:
        raise PermissionDenied("Meld u aan: geef --user NAAM (of LOKET_USER) en het wachtwoord.")
    password = env.get("LOKET_PASSWORD")
    if password is None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"Wachtwoord voor {user}: ")
    if password is None:
        raise PermissionDenied("Geef het wachtwoord via LOKET_PASSWORD of de prompt.")
    loket.sign_in(user, password)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("geef een opdracht")  # the GUI is started by main.py, not here
    return run(args, argv=list(sys.argv[1:] if argv is None else argv))

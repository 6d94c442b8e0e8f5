"""The command line: an adapter over the same acts as the UI (nothing else in inbox/ imports it).

Exit codes: 0 success, 2 usage error (argparse), 1 any other error with one line on stderr.
Nothing here imports Qt, so commands start fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
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
    "inbox.cli.maintenance",
)


def build_parser() -> argparse.ArgumentParser:
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

    for module_name in MODULES:
        importlib.import_module(module_name).add_commands(sub, exports)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; errors for people become one line on stderr and exit 1."""
    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, clean_text(value))
        elif isinstance(value, list):
            setattr(args, name, [clean_text(v) for v in value])
    try:
        return _dispatch(args)
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


def _dispatch(args: argparse.Namespace) -> int:
    from inbox.services import Loket

    if args.command == "key" and args.key_command == "recover":
        from inbox.cli.admin import cmd_key_recover

        return cmd_key_recover(args)  # the database cannot be opened before this
    loket = Loket.open(db_path(args))
    try:
        sign_in(loket, args.user or os.environ.get("LOKET_USER"))
        return int(args.handler(loket, args))
    finally:
        loket.close()


def sign_in(loket: Any, user: str | None) -> None:
    """The CLI acts as a user, like the UI: password from LOKET_PASSWORD or a prompt."""
    from inbox.errors import PermissionDenied

    if not loket.needs_sign_in():
        if user:
            if loket.user_id(user) is None:
                raise PermissionDenied(f"Medewerker '{user}' bestaat niet.")
            loket.user = user
        return
    if not user:
        raise PermissionDenied("Meld u aan: geef --user NAAM (of LOKET_USER) en het wachtwoord.")
    password = os.environ.get("LOKET_PASSWORD")
    if password is None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"Wachtwoord voor {user}: ")
    if password is None:
        raise PermissionDenied("Geef het wachtwoord via LOKET_PASSWORD of de prompt.")
    loket.sign_in(user, password)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("geef een opdracht")  # the GUI is started by main.py, not here
    return run(args)

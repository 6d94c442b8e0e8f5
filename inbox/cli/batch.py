"""`loket batch FILE`: many commands under one sign-in, in one process (for scripts).

Signing in costs one argon2id verification (RFC 9106 strength, a few hundred milliseconds on
purpose), and every `loket` process pays for starting Python and opening the encrypted
database. A script that runs many commands writes them in a file instead, one per line as they
would follow `loket` (`search "grijze container" --json`); blank lines and lines starting with
`#` are skipped. The key is read and the database opened once; the person signs in once, as
for any command (--user/LOKET_USER, LOKET_PASSWORD or the prompt); then every line passes the
gate like a separate command: its own permission check, vertrouwelijk rule and audit entry.

Every line is parsed before any runs, so a typing error in line 40 does not leave 39 done
(exit 2, "regel 40: ..."). The lines then run in order; the first that fails stops the batch
(exit 1, "loket: regel N: ..."), unless --keep-going, which runs the rest and exits 1 at the
end. A line cannot name another database or person (--db, --user), nor run `batch` itself.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inbox.cli.common import arg, clean_text, command
from inbox.errors import LoketError
from storage.errors import StorageError

log = logging.getLogger("loket.cli")

NOT_IN_A_BATCH = ("batch",)


def add_commands(sub: Any, exports: Any) -> None:
    command(
        sub, "batch", cmd_batch,
        "run the commands in FILE (one per line, as after 'loket') under one sign-in",
        arg("file", metavar="FILE", help="the commands ('-': standard input)"),
        arg("--keep-going", action="store_true",
            help="run the other lines when one fails (exit 1 at the end)"),
        json=False,
    )


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    args: argparse.Namespace


class BatchUsageError(Exception):
    """A line of the file is not a command Loket knows (exit 2)."""


def read_lines(file: str) -> list[tuple[int, str]]:
    """The file's command lines with their numbers (blank lines and # comments left out)."""
    text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#")
    ]


def parse_lines(lines: list[tuple[int, str]]) -> list[Line]:
    """Every line as a parsed command; BatchUsageError names the first that is not one."""
    from inbox.cli import build_parser

    parsed = []
    for number, text in lines:
        try:
            words = shlex.split(text)
        except ValueError as exc:
            raise BatchUsageError(f"regel {number}: {exc}") from None
        if words and words[0] in NOT_IN_A_BATCH:
            raise BatchUsageError(f"regel {number}: '{words[0]}' kan niet in een opdrachtenbestand")
        complaint = io.StringIO()
        try:
            with contextlib.redirect_stderr(complaint), contextlib.redirect_stdout(complaint):
                args = build_parser(words).parse_args(words)
        except SystemExit:
            said = complaint.getvalue().strip().splitlines()
            reason = said[-1].removeprefix("loket: ") if said else "geen geldige opdracht"
            raise BatchUsageError(f"regel {number}: {reason}") from None
        if args.command is None:
            raise BatchUsageError(f"regel {number}: geef een opdracht")
        if args.db_file is not None or args.user is not None:
            raise BatchUsageError(
                f"regel {number}: --db en --user gelden voor het hele bestand, niet per regel"
            )
        for name, value in vars(args).items():
            if isinstance(value, str):
                setattr(args, name, clean_text(value))
            elif isinstance(value, list):
                setattr(args, name, [clean_text(v) for v in value])
        parsed.append(Line(number, text, args))
    return parsed


def cmd_batch(loket: Any, args: argparse.Namespace) -> int:
    from inbox import acts

    try:
        lines = parse_lines(read_lines(args.file))
    except BatchUsageError as exc:
        print(f"loket: {exc}", file=sys.stderr)
        return 2
    with loket.op(acts.CLI_BATCH, obj="opdrachtenbestand") as op:
        op.details = {"regels": len(lines)}  # how many, not what
    failed = 0
    for line in lines:
        code = _run_line(loket, line)
        if code != 0:
            failed += 1
            if not args.keep_going:
                return code
    return 1 if failed else 0


def _run_line(loket: Any, line: Line) -> int:
    """One line, as `loket` would run it: errors for people become one line on stderr."""
    from inbox.cli import _known, _one_line

    try:
        code = int(line.args.handler(loket, line.args))
    except (LoketError, StorageError) as exc:
        print(f"loket: regel {line.number}: {_one_line(exc)}", file=sys.stderr)
        return 1
    except (BrokenPipeError, KeyboardInterrupt):
        raise  # the reader left, or Ctrl+C: the whole batch ends (inbox.cli.run says so)
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the user, detail in the log
        known = _known(exc)
        if known is not None:
            print(f"loket: regel {line.number}: {_one_line(known)}", file=sys.stderr)
            return 1
        log.exception("unexpected error in batch line %d (%s)", line.number, line.args.command)
        print(f"loket: regel {line.number}: onverwachte fout ({type(exc).__name__}); zie het "
              "logbestand", file=sys.stderr)
        return 1
    sys.stdout.flush()
    if code != 0:
        print(f"loket: regel {line.number} eindigde met code {code}", file=sys.stderr)
    return code


def for_hand_over(args: argparse.Namespace, argv: list[str]) -> tuple[list[str], str | None]:
    """The command line and standard input to hand a batch to the running app: the file is
    read here (the app does not share this process's working folder) and passed as stdin."""
    if args.file == "-":
        return argv, None
    text = Path(args.file).read_text(encoding="utf-8")
    index = len(argv) - 1 - argv[::-1].index(args.file)
    return [*argv[:index], "-", *argv[index + 1:]], text

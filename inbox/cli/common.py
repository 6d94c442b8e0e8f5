"""What every command shares: where the database is and the one output rule."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

DEMO_PASSWORD = "loket-demo"
T = TypeVar("T")


def db_path(args: argparse.Namespace) -> Path:
    if args.db_file:
        return Path(args.db_file)
    if os.environ.get("LOKET_DB"):
        return Path(os.environ["LOKET_DB"])
    from storage.paths import default_db_path

    return default_db_path()


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """`data` as JSON with --json, else `text`: the one output rule of every command
    (dates and paths are written as text)."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


def emit_rows(
    args: argparse.Namespace, data: Any, rows: Iterable[T], line: Callable[[T], str],
    empty: str = "",
) -> None:
    """`data` as JSON with --json, else one `line` per row (`empty` when there are none)."""
    emit(args, data, "\n".join(line(row) for row in rows) or empty)


def report_sync(args: argparse.Namespace, events: list[Any], empty: str, *, sent: bool) -> int:
    """The outcome of one sync pass (inbox.sync.SyncEvent per account; with `sent`, the
    replies sent too); exit 1, and the first error on stderr, when an account failed."""
    data = [
        {
            "account": e.account,
            "ok": e.kind == "done",
            "fetched": e.fetched,
            **({"sent": e.sent} if sent else {}),
            "error": e.message or None,
        }
        for e in events
    ]
    emit(
        args,
        data,
        "\n".join(
            f"{d['account']}: {d['fetched']} opgehaald"
            + (f", {d['sent']} verzonden" if sent else "")
            + (f" - {d['error']}" if d["error"] else "")
            for d in data
        )
        or empty,
    )
    failed = [e for e in events if e.kind == "error"]
    if failed and not args.json:
        print(f"loket: {failed[0].message}", file=sys.stderr)
    return 1 if failed else 0


# -- declaring commands: one call per command, its arguments in the order `--help` lists them --

Handler = Callable[[Any, argparse.Namespace], int]


@dataclass(frozen=True)
class Arg:
    """One argument of a command, as `add_argument` takes it."""

    flags: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)

    def add_to(self, parser: Any) -> None:
        parser.add_argument(*self.flags, **self.options)


def arg(*flags: str, **options: Any) -> Arg:
    return Arg(flags, options)


@dataclass(frozen=True)
class OneOf:
    """Arguments of which at most one (with `required`, exactly one) may be given."""

    arguments: tuple[Arg, ...]
    required: bool = False

    def add_to(self, parser: Any) -> None:
        group = parser.add_mutually_exclusive_group(required=self.required)
        for argument in self.arguments:
            argument.add_to(group)


def one_of(*arguments: Arg, required: bool = False) -> OneOf:
    return OneOf(arguments, required)


def actions(parent: Any, name: str, help: str, dest: str, metavar: str = "ACTION") -> Any:
    """A command with actions (`loket NAME ACTION ...`): the subparsers to add them to."""
    p = parent.add_parser(name, help=help)
    return p.add_subparsers(dest=dest, metavar=metavar, required=True)


def command(
    parent: Any, name: str, handler: Handler, help: str, *arguments: Arg | OneOf,
    json: bool = True,
) -> argparse.ArgumentParser:
    """A command run by `handler`: its arguments, then `--json` (unless json=False)."""
    p: argparse.ArgumentParser = parent.add_parser(name, help=help)
    for argument in arguments:
        argument.add_to(p)
    if json:
        p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handler)
    return p


# -- arguments: checked when parsed, so a wrong one is a usage error (exit 2, one Dutch line) ----

_ARGPARSE_DUTCH: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (.+)$", r"deze gegevens ontbreken: \1"),
    (r"^one of the arguments (.+) is required$", r"geef een van: \1"),
    (r"^argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)$",
     r"\1: '\2' kan niet; kies uit \3"),
    (r"^argument (\S+): invalid (\w+) value: '(.*)'$", r"\1: '\3' is geen geldige waarde"),
    (r"^argument (\S+): expected one argument$", r"\1 verwacht een waarde"),
    (r"^argument (\S+): expected at least one argument$", r"\1 verwacht minstens één waarde"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"\1 gaat niet samen met \2"),
    (r"^argument (\S+): (.+)$", r"\1: \2"),
    (r"^unrecognized arguments: (.+)$", r"onbekende opties of waarden: \1"),
    (r"^ambiguous option: (\S+) could match (.+)$", r"\1 is onduidelijk: bedoelt u \2?"),
)


def dutch_usage_error(message: str) -> str:
    """argparse's English usage errors in Dutch (one line)."""
    import re

    for pattern, replacement in _ARGPARSE_DUTCH:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one Dutch line on stderr, exit 2, and whose
    arguments are checked when parsed, in every command alike: a whole number (`type=int`)
    must be 0 or more and of a sane size; an argument shown as YYYY-MM-DD must be a date."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("type", int, count_arg)  # also for arguments in groups

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("metavar") == "YYYY-MM-DD" and "type" not in kwargs:
            kwargs["type"] = date_arg
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> Any:
        sys.stderr.write(f"loket: {dutch_usage_error(message)} (zie '{self.prog} --help')\n")
        raise SystemExit(2)


def date_arg(value: str) -> str:
    """A date as the command line takes it (2026-03-01 or 20260301), given on as ISO text."""
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is geen datum (JJJJ-MM-DD)") from None


def count_arg(value: str) -> int:
    """A whole number of zero or more (limits, counts)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is geen geheel getal") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{value}' mag niet negatief zijn")
    if number > 10_000_000:
        raise argparse.ArgumentTypeError(f"'{value}' is te groot")
    return number


def id_arg(value: str) -> int:
    """A record id (1 or more)."""
    number = count_arg(value.lstrip("#"))
    if number == 0:
        raise argparse.ArgumentTypeError(f"'{value}' is geen nummer")
    return number


def existing_file(value: str) -> Path:
    """A file to read: it must exist and be a regular file."""
    path = Path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"{value} bestaat niet")
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{value} is geen gewoon bestand")
    return path


def new_path(value: str) -> Path:
    """A file or folder to write: its parent may not be a file."""
    path = Path(value)
    if path.parent.exists() and not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"{path.parent} is geen map")
    return path


def clean_text(value: Any) -> Any:
    """Command-line text as a person meant it: bytes that are not UTF-8 (argv decoded with
    surrogateescape, e.g. Latin-1 from an old terminal) are read as Windows-1252."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")

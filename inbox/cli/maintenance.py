"""Commands that look after the database file itself: `check` (integrity)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from inbox.cli.common import emit
from inbox.errors import LoketError

if TYPE_CHECKING:
    from inbox.services import Loket


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("check", help="check the database for damage (integrity check)")
    p.add_argument("--full", action="store_true", help="the thorough check (slower)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)


def cmd_check(loket: Loket, args: argparse.Namespace) -> int:
    problems = loket.integrity_problems(quick=not args.full)
    emit(args, {"ok": not problems, "problems": problems[:20]},
         "De database is in orde." if not problems else "\n".join(problems[:20]))
    if problems:
        raise LoketError(
            "De database is beschadigd; zet een reservekopie terug (loket restore BESTAND)."
        )
    return 0

"""Tamper evidence that covers the audit trail's tail.

The hash chain (inbox/privacy/audit.py) shows an edited, removed or reordered row *inside* the
trail. It cannot show a cut tail or an emptied table: what is left is still a valid chain. So
the chain's head (the newest row's id and hash) is also kept outside the database: in the OS
keyring beside the database key (written after each act that adds to the trail, at most once
a second, and when Loket closes), and in every team-sync batch, so colleagues' laptops hold it
too. `audit --verify` and every start compare the database with the kept head.

What it catches: rows removed from the end, an emptied trail, a chain rewritten from some row
on (the kept head's hash no longer matches its row). What it cannot catch: rows written in the
last second before a crash, then removed; someone who can write both the database and this
computer's keyring (they hold the key too); a restored backup (restore writes a new head).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from inbox.errors import LoketError

if TYPE_CHECKING:
    from inbox.gate import Session

log = logging.getLogger("loket.audit")

_PREFIX = "audit-head"


def _slot(path: Path) -> str:
    from inbox.privacy import keys

    if keys.keyfile_for(path).exists():
        try:
            return f"{_PREFIX}/{keys._read(path)['key_id']}"
        except (LoketError, KeyError):
            pass
    return f"{_PREFIX}/path-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]}"


def remember(session: Session) -> None:
    """Keep the trail's current head in the keyring (best effort: logged when it fails)."""
    path = session.path
    if path is None:
        return
    head = session.store.tamper.head()
    if head is None:
        return
    from inbox.privacy import keys

    try:
        keys._set(_slot(path), json.dumps({"id": head[0], "hash": head[1], "at": time.time()}))
    except LoketError:
        log.warning("audit head not kept: keyring unavailable")


def kept_head(session: Session) -> tuple[int, str] | None:
    path = session.path
    if path is None:
        return None
    from inbox.privacy import keys

    try:
        value = keys._get(_slot(path))
    except LoketError:
        return None
    if not value:
        return None
    try:
        data = json.loads(value)
        return int(data["id"]), str(data["hash"])
    except (ValueError, KeyError, TypeError):
        return None


def problem(session: Session, heads: list[tuple[int, str]] | None = None) -> str | None:
    """A Dutch sentence when the trail lost its tail, was emptied or rewritten, else None.

    `heads` are heads known from elsewhere; this laptop's own head as the team mailbox holds
    it (sent with every team batch) is always compared too."""
    team_heads = session.store.tamper.own_team_heads()  # (not the team-sync code: start-up)
    known = [h for h in [kept_head(session), *team_heads, *(heads or [])] if h is not None]
    if not known:
        return None
    current = session.store.tamper.head()
    newest = max(known)
    if current is None:
        return (f"Het auditlog is leeg, maar had tot regel {newest[0]}: het is gewist of "
                "vervangen.")
    if current[0] < newest[0]:
        return (f"Het auditlog is ingekort: de regels na {current[0]} ontbreken (het liep tot "
                f"regel {newest[0]}).")
    for row_id, digest in known:
        if session.store.tamper.hash_at(row_id) != digest:
            return f"Het auditlog is herschreven: regel {row_id} is niet meer dezelfde."
    return None

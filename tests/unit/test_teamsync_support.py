"""Helpers for the team sync tests: laptops (separate databases) and a shared mailbox."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from inbox.model import Channel, IncomingMessage, Role
from inbox.services import SYSTEM_USER, Loket
from inbox.teamsync import apply, engine, setup
from storage.blobs import BlobStore
from storage.db import connect

PEOPLE = (("anne", "Anne de Vries"), ("bram", "Bram Visser"), ("cas", "Cas Jansen"))


def laptop(folder: Path, name: str, user: str, slot: int | None = None) -> Loket:
    """A laptop: its own database and blob folder, all team members known, acting as `user`."""
    lk = Loket(connect(folder / f"{name}.db"), BlobStore(folder / f"{name}-blobs"))
    for person, display in PEOPLE:
        lk.ensure_user(person, display, Role.MEDEWERKER)
    lk.user = user
    if slot is not None:
        setup.join_memory(lk, slot, device_name=name)
    return lk


def mail(n: int) -> tuple[bytes, IncomingMessage]:
    raw = f"From: inwoner{n}@example.nl\r\nSubject: Vraag {n}\r\n\r\nVraag nummer {n}\r\n".encode()
    msg = IncomingMessage(
        Channel.EMAIL,
        datetime(2026, 11, 2, tzinfo=UTC) + timedelta(minutes=n),
        sender=f"inwoner{n}@example.nl",
        sender_name=f"Inwoner {n}",
        subject=f"Vraag {n}",
        body_text=f"Vraag nummer {n}",
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        imap_folder="INBOX",
        imap_uidvalidity=1,
        imap_uid=n,
    )
    return raw, msg


@dataclass
class Inbox:
    """The shared INBOX: every laptop fetches the same messages (same bytes, same UIDs)."""

    messages: list[IncomingMessage] = field(default_factory=list)
    fetched: dict[int, int] = field(default_factory=dict)

    def deliver(self, n: int) -> None:
        self.messages.append(mail(n)[1])

    def fetch(self, lk: Loket, upto: int | None = None) -> None:
        start = self.fetched.get(id(lk), 0)
        end = len(self.messages) if upto is None else min(upto, len(self.messages))
        who = lk.user
        lk.user = SYSTEM_USER
        try:
            for msg in self.messages[start:end]:
                lk.receive(msg)
        finally:
            lk.user = who
        self.fetched[id(lk)] = max(start, end)


def ref(lk: Loket, uid: str) -> str:
    case_id = apply.case_id_for(lk.db, uid)
    assert case_id is not None
    return str(lk.db.scalar("SELECT reference FROM cases WHERE id = ?", (case_id,)))


def team_uids(lk: Loket) -> list[str]:
    return [str(r[0]) for r in lk.db.query("SELECT uid FROM team_cases ORDER BY uid")]


def sync(lk: Loket, folder: engine.MemoryFolder, key: bytes | None = None) -> engine.PassReport:
    return engine.sync_pass(lk, folder, key)


def states(*laptops: Loket) -> list[dict[str, object]]:
    return [apply.snapshot(lk.db) for lk in laptops]

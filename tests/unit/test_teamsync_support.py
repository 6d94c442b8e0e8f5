"""Helpers for the team sync tests: laptops (separate databases) and a shared mailbox.

Every laptop has the test staff (tests.conftest.STAFF) and a third medewerker, cas; the
beheerder bea sets the laptop up, then its own person signs in and works.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from inbox import acts
from inbox.model import Channel, IncomingMessage
from inbox.privacy import auth
from inbox.services import SYSTEM_USER, Loket
from inbox.teamsync import apply, engine, events, setup
from storage.blobs import BlobStore
from storage.db import connect
from tests.conftest import STAFF_PASSWORD, act_as, add_staff

KEY_TEXT = events.new_key()  # the team key of the tests' team
KEY = events.parse_key(KEY_TEXT)


def laptop(folder: Path, name: str, user: str, slot: int | None = None,
           key_text: str = KEY_TEXT) -> Loket:
    """A laptop: its own database and blob folder, the staff known, `user` signed in; with a
    slot, bea (beheerder) joined it to the team first."""
    lk = Loket(connect(folder / f"{name}.db"), BlobStore(folder / f"{name}-blobs"))
    add_staff(lk)
    with lk.op(acts.USER_ADD, obj="gebruiker:cas") as op:
        op.store.records.insert_user("cas", "Cas Jansen", "medewerker", op.stamp())
        op.store.records.set_password_hash("cas", auth.hash_password(STAFF_PASSWORD))
    if slot is not None:
        act_as(lk, "bea")
        setup.join_memory(lk, slot, key_text, device_name=name)
    act_as(lk, user)
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
        lk.user = SYSTEM_USER  # the scheduled mail pass
        try:
            for msg in self.messages[start:end]:
                lk.receive(msg)
        finally:
            lk.user = who
        self.fetched[id(lk)] = max(start, end)


def ref(lk: Loket, uid: str) -> str:
    case_id = lk.store.team.case_id_for(uid)
    assert case_id is not None
    return str(lk.store.records.case_reference(case_id))


def mail_uid(n: int) -> str:
    """The team uid every laptop gives the case that mail `n` opened."""
    return "m-" + str(mail(n)[1].raw_sha256)[:32]


def team_uids(lk: Loket) -> list[str]:
    return sorted(str(r["uid"]) for r in lk.store.team.team_case_rows())


def sync(lk: Loket, folder: engine.MemoryFolder, key: bytes = KEY) -> engine.PassReport:
    return engine.sync_pass(lk, folder, key)


def rounds(
    folder: engine.MemoryFolder, laptops: Sequence[Loket], n: int = 2, key: bytes = KEY
) -> None:
    """`n` sync passes of every laptop, in turn."""
    for _ in range(n):
        for lk in laptops:
            sync(lk, folder, key)


TEAM = (("a", "anne"), ("b", "bram"), ("c", "cas"))


def team(
    folder: Path, people: Sequence[tuple[str, str]] = TEAM, mails: int = 3
) -> tuple[engine.MemoryFolder, Inbox, list[Loket]]:
    """Laptops for `people` (laptop name, its person) in the team's slots 1, 2, ..., and the
    shared mailbox; each laptop has fetched its first `mails` mails, nothing is synced yet."""
    inbox = Inbox()
    laptops = [laptop(folder, name, user, slot)
               for slot, (name, user) in enumerate(people, start=1)]
    for n in range(1, mails + 1):
        inbox.deliver(n)
    for lk in laptops:
        inbox.fetch(lk)
    return engine.MemoryFolder(), inbox, laptops


def log_call(lk: Loket, **extra: str) -> None:
    """Piet Smit phones about his pass and wants to be called back (the team tests' call)."""
    lk.log_contact(Channel.PHONE, name="Piet Smit", question="Waar blijft mijn pas?",
                   phone_number="0612345678", callback_by="2026-11-10", **extra)


def states(*laptops: Loket) -> list[dict[str, object]]:
    return [apply.snapshot(lk.store) for lk in laptops]


def forged_batch(
    events_: list[events.Event], signer: events.Signer, key: bytes | None = KEY
) -> bytes:
    """A batch as somebody else could write it: `key` None leaves it unsealed."""
    return events.encode_batch(events_, key, signer, at="2026-11-03T10:00:00Z")


def plain_v1_batch(events_: list[events.Event]) -> bytes:
    """A batch in the old unsealed, unsigned format (a downgrade attempt)."""
    msg = EmailMessage()
    msg["Subject"] = events.SUBJECT
    msg["X-Loket-Batch"] = "b-plain"
    msg["X-Loket-Format"] = "loket-team/1+plain"
    body = json.dumps([e.to_json() for e in events_]).encode()
    msg.set_content(body, maintype="application", subtype="octet-stream", cte="base64")
    return msg.as_bytes()


def team_wall(monkeypatch: Any, held: bool) -> list[int]:
    """The team clock's wall time (ms) as a one-item list: when `held`, the clock moves only
    when the test moves it (`wall[0] += 1000`), so two laptops can stamp the same moment."""
    from types import SimpleNamespace

    from inbox.teamsync import hlc

    wall = [hlc.wall_ms()]
    if held:
        monkeypatch.setattr(hlc, "time", SimpleNamespace(time_ns=lambda: wall[0] * 1_000_000))
    return wall

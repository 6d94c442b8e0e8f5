"""An erasure on one laptop reaches every laptop and the team's events folder (in memory here;
tests/integration/test_teamsync.py does the same against Dovecot)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inbox import acts
from inbox.model import Channel
from inbox.privacy import erasure
from inbox.teamsync import engine, events
from inbox.teamsync import erasure as team_erasure
from tests.conftest import act_as
from tests.unit.test_teamsync_apply import team  # noqa: F401 - three laptops, one folder
from tests.unit.test_teamsync_support import KEY, laptop, ref, states, sync, team_uids

# what the resident told, in every form it takes: none of it may survive anywhere
NEEDLES = ("Zwanenburg", "Petronella", "612345678", "Kikkerpoel", "Salamanderlaan")


def rounds(folder: Any, laptops: Any, n: int = 2) -> None:
    for _ in range(n):
        for lk in laptops:
            sync(lk, folder)


def plant(a: Any, b: Any, c: Any, sync_all: Callable[[], None]) -> str:
    """Petronella phones laptop a; b adds a note, c assigns: every laptop and the folder know
    (`sync_all`: sync rounds over the three laptops)."""
    received = a.log_contact(
        Channel.PHONE, name="Petronella Zwanenburg", question="Mijn pas ligt bij de Kikkerpoel.",
        phone_number="0612345678", subject="Pas kwijt bij de Kikkerpoel")
    a.add_note(str(received.reference), "Woont aan de Salamanderlaan 3")
    sync_all()
    uid = next(u for u in team_uids(b) if "Kikkerpoel" in _subject(b, u))
    b.add_note(ref(b, uid), "Petronella belde terug over de Kikkerpoel")
    c.assign(ref(c, uid), "cas")
    b.close_case(ref(b, uid), outcome="Beantwoord", first_contact_resolution=True)
    sync_all()
    return uid


def _subject(lk: Any, uid: str) -> str:
    return str(lk.db.scalar("SELECT subject FROM cases WHERE reference = ?", (ref(lk, uid),)))


def erase_on(lk: Any, uid: str) -> None:
    act_as(lk, "arjen")
    case_id = lk.db.scalar("SELECT case_id FROM team_cases WHERE uid = ?", (uid,))
    contact = lk.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (case_id,))
    with lk.op(acts.AVG_ERASE, obj=f"inwoner:{contact}", about=contact) as op:
        done = erasure.erase_contact(op, int(contact))
    erasure.settle(lk, done)


def found_in_database(lk: Any) -> list[str]:
    dump = "\n".join(lk.db.conn.iterdump())
    return [n for n in NEEDLES if n in dump]


def found_in_folder(folder: engine.MemoryFolder) -> list[str]:
    texts = []
    for _uid, raw in folder.messages:
        batch = events.decode_batch(raw, KEY)
        texts.append(json.dumps([e.to_json() for e in batch.events], ensure_ascii=False))
        texts.append(raw.decode("latin-1"))
    joined = "\n".join(texts)
    return [n for n in NEEDLES if n in joined]


def test_an_erasure_reaches_every_laptop_and_the_folder(
    team, tmp_path: Path  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    folder, inbox, (a, b, c) = team
    uid = plant(a, b, c, lambda: rounds(folder, (a, b, c)))
    others = [u for u in team_uids(a) if u != uid]
    assert all(found_in_database(lk) for lk in (a, b, c)) and found_in_folder(folder)
    batches_before = len(folder.messages)

    erase_on(b, uid)  # the archivaris on laptop b
    assert found_in_database(b) == []
    act_as(b, "bram")
    rounds(folder, (b, a, c))  # a and c erase and say so; then b compacts the folder
    rounds(folder, (b, a, c), 1)
    for lk in (a, b, c):
        assert found_in_database(lk) == [], lk.db.path
    assert found_in_folder(folder) == []
    assert len(folder.messages) < batches_before + 6  # old batches went, not only new ones came
    # the other cases are whole on every laptop, the erased one keeps its counts
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    for lk in (a, b, c):
        assert all(ref(lk, u) for u in others)
        assert lk.db.scalar("SELECT count(*) FROM cases") == 4
    # a laptop joining later learns nothing of her from the folder
    d = laptop(tmp_path, "d", "anne", 4)
    inbox.fetch(d)
    rounds(folder, (d,), 2)
    assert found_in_database(d) == []
    assert set(team_uids(d)) >= set(others)
    d.close()


def test_the_folder_waits_for_every_laptop_or_the_grace_period(
    team, monkeypatch  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    folder, inbox, (a, b, c) = team
    uid = plant(a, b, c, lambda: rounds(folder, (a, b, c)))
    erase_on(a, uid)
    act_as(a, "anne")
    rounds(folder, (a, b), 2)  # laptop c is away: its erasure is not confirmed
    assert found_in_database(b) == []
    assert found_in_folder(folder)  # kept until c erased too (c still reads from it)
    later = a.now() + team_erasure.GRACE
    monkeypatch.setattr(a, "now", lambda: later)
    sync(a, folder)
    assert found_in_folder(folder) == []
    rounds(folder, (c,), 1)  # c comes back: erases from the erasure event
    assert found_in_database(c) == []

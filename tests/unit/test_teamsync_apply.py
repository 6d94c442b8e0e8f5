"""Three laptops over one (in-memory) events folder: convergence, conflicts, catch-up, rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbox.model import Channel
from inbox.teamsync import apply, engine, events
from inbox.teamsync.setup import join_memory
from tests.conftest import act_as
from tests.unit import test_teamsync_support as support
from tests.unit.test_teamsync_support import (
    KEY_TEXT,
    Inbox,
    laptop,
    log_call,
    ref,
    rounds,
    states,
    sync,
    team_uids,
)


@pytest.fixture
def team(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder, inbox, laptops = support.team(tmp_path)
    yield folder, inbox, laptops
    for lk in laptops:
        lk.close()


def test_mail_cases_get_one_reference_everywhere(team) -> None:  # type: ignore[no-untyped-def]
    folder, _inbox, (a, b, c) = team
    uids = team_uids(a)
    assert len(uids) == 3 and uids == team_uids(b) == team_uids(c)
    assert ref(a, uids[0]) != ref(b, uids[0])  # each laptop claimed from its own slot
    rounds(folder, (a, b, c))
    assert [ref(a, u) for u in uids] == [ref(b, u) for u in uids] == [ref(c, u) for u in uids]
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]


def test_concurrent_edits_converge_and_a_real_conflict_is_shown(team) -> None:  # type: ignore[no-untyped-def]
    folder, _inbox, (a, b, c) = team
    rounds(folder, (a, b, c))
    u1, u2, u3 = team_uids(a)
    a.assign(ref(a, u1), "anne")
    b.assign(ref(b, u1), "bram")  # at the same time: a real conflict
    c.add_note(ref(c, u1), "Inwoner belde ook nog")
    b.set_status(ref(b, u2), "wacht_op_inwoner")
    c.set_status(ref(c, u2), "wacht_op_inwoner")  # the same value: no conflict
    a.close_case(ref(a, u3), outcome="Uitgelegd", first_contact_resolution=True)
    log_call(c, answer="Ligt klaar")
    rounds(folder, (a, b, c))
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    case1 = s[0][u1]
    heads = apply.conflicts(b.store)[0]["heads"]
    last = max(heads, key=lambda h: (h["hlc"], h["device"], h["event"]))
    assert case1["assignee"] == last["value"]  # the last writer (HLC, device) wins the field...
    assert [n[1] for n in case1["notes"]] == ["Inwoner belde ook nog"]
    found = apply.conflicts(a.store)  # ...and the conflict is recorded for the people involved
    assert [(x["case"], x["field"], sorted(x["values"]), x["people"]) for x in found] == [
        (ref(a, u1), "assignee", ["anne", "bram"], ["anne", "bram"])
    ]
    assert apply.conflicts(b.store) == apply.conflicts(c.store) == found
    assert s[0][u2]["status"] == "wacht_op_inwoner"
    assert (s[0][u3]["status"], s[0][u3]["outcome"], s[0][u3]["first_contact_resolution"]) == (
        "afgerond",
        "Uitgelegd",
        1,
    )
    phone = [v for k, v in s[0].items() if not k.startswith(("m-", "_"))]
    assert len(phone) == 1 and phone[0]["messages"][0][1] == "phone"
    assert "Ligt klaar" in phone[0]["messages"][0][2]
    # the timeline on another laptop says who did it
    kinds = {(r["actor"], r["kind"]) for r in b.db.query("SELECT actor, kind FROM case_events")}
    assert ("anne", "assigned") in kinds and ("cas", "note_added") in kinds
    # choosing resolves the conflict everywhere
    a.assign(ref(a, u1), "anne")
    rounds(folder, (a, b, c))
    assert apply.conflicts(a.store) == apply.conflicts(b.store) == apply.conflicts(c.store) == []
    s = states(a, b, c)
    assert s[0] == s[1] == s[2] and s[0][u1]["assignee"] == "anne"


def test_duplicate_batches_change_nothing(team) -> None:  # type: ignore[no-untyped-def]
    folder, _inbox, (a, b, c) = team
    a.add_note(ref(a, team_uids(a)[0]), "een keer")
    rounds(folder, (a, b, c))
    for _uid, raw in list(folder.messages):
        folder.append(raw)
    rounds(folder, (a, b, c))
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    assert [n[1] for n in s[1][team_uids(a)[0]]["notes"]] == ["een keer"]


def test_offline_for_a_week_catches_up(team) -> None:  # type: ignore[no-untyped-def]
    folder, inbox, (a, b, c) = team
    rounds(folder, (a, b, c))
    # c is offline: a and b work on, mail keeps coming; c works offline too
    for day in range(5):
        inbox.deliver(10 + day)
        for lk in (a, b):
            inbox.fetch(lk)
            uid = team_uids(lk)[-1]
            lk.add_note(ref(lk, uid), f"dag {day} door {lk.user}")
            rounds(folder, (a, b), 1)
    c.add_note(ref(c, team_uids(c)[0]), "offline geschreven")
    c.assign(ref(c, team_uids(c)[0]), "cas")
    inbox.fetch(c)  # back online: the mail pass first, then the team pass
    rounds(folder, (c, a, b))
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    assert len(s[0]) - 1 == 8


def test_a_new_laptop_rebuilds_everything_from_the_mailbox(team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, inbox, (a, b, c) = team
    u1 = team_uids(a)[0]
    a.assign(ref(a, u1), "anne")
    b.add_note(ref(b, u1), "notitie")
    c.log_contact(Channel.COUNTER, name="Els", question="Parkeervergunning?")
    rounds(folder, (a, b, c))
    d = laptop(tmp_path, "d", "anne", 4)
    inbox.fetch(d)
    rounds(folder, (d, a, b, c))
    s = states(a, b, c, d)
    assert s[0] == s[1] == s[2] == s[3]
    d.close()


def test_emptied_or_recreated_folder_is_republished(team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, inbox, (a, b, c) = team
    a.add_note(ref(a, team_uids(a)[0]), "blijft bewaard")
    rounds(folder, (a, b, c))
    folder.uidvalidity += 1  # a server restored as it was: read again, nothing is missing
    again = sync(a, folder)
    assert again.resynced and again.republished == 0 and again.uploaded_events == 0
    assert a.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'team_present'") == 0
    folder.recreate()  # a new UIDVALIDITY: the folder was deleted and made again
    report = sync(b, folder)
    assert report.resynced and report.republished > 0 and report.uploaded_events > 0
    folder.empty()  # same UIDVALIDITY, messages gone
    assert sync(c, folder).republished > 0
    d = laptop(tmp_path, "d", "cas", 4)
    inbox.fetch(d)
    rounds(folder, (d, a, b, c))
    s = states(a, b, c, d)
    assert s[0] == s[1] == s[2] == s[3]
    assert [n[1] for n in s[3][team_uids(a)[0]]["notes"]] == ["blijft bewaard"]
    d.close()


def test_sealed_events_and_a_laptop_that_gets_the_right_key_later(tmp_path: Path) -> None:
    folder = engine.MemoryFolder()
    inbox = Inbox()
    inbox.deliver(1)
    a = laptop(tmp_path, "a", "anne", 1)
    inbox.fetch(a)
    a.add_note(ref(a, team_uids(a)[0]), "intern: niet voor de provider")
    sync(a, folder)
    assert all(b"intern" not in raw and b"anne" not in raw for _uid, raw in folder.messages)
    wrong = events.new_key()
    b = laptop(tmp_path, "b", "bram", 2, key_text=wrong)
    inbox.fetch(b)
    theirs = len(folder.messages)
    report = sync(b, folder, events.parse_key(wrong))
    assert report.refused == {"key": theirs} and report.new_events == 0
    act_as(b, "bea")
    join_memory(b, 2, KEY_TEXT)  # the right key arrives: the kept batches are read after all
    act_as(b, "bram")
    sync(b, folder)
    sync(a, folder)
    sync(b, folder)
    s = states(a, b)
    assert s[0] == s[1]
    # only b's first batch, sealed with the wrong key, stays aside; a knows b's laptop
    assert [r["reason"] for r in a.store.team.kept_batches()] == ["key"]
    assert [r["reason"] for r in b.store.team.kept_batches()] == ["key"]
    assert {r["name"] for r in a.store.team.devices()} == {"a", "b"}
    a.close()
    b.close()


def test_not_in_a_team_writes_no_team_events(tmp_path: Path) -> None:
    lk = laptop(tmp_path, "solo", "anne")
    Inbox(messages=[]).fetch(lk)
    lk.log_contact(Channel.PHONE, name="X", question="Vraag")
    assert lk.db.scalar("SELECT count(*) FROM team_events") == 0
    act_as(lk, "bea")
    join_memory(lk, 5, KEY_TEXT)
    act_as(lk, "anne")
    lk.add_note(lk.db.scalar("SELECT reference FROM cases"), "nu wel")
    assert lk.db.scalar("SELECT count(*) FROM team_events WHERE kind = 'note'") == 1
    lk.close()

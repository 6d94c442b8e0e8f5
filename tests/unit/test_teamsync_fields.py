"""What travels besides assignee and status: product, deadline and vertrouwelijk as
last-writer-wins fields, and merges, splits and message moves, so that every laptop ends with
the same cases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from inbox import casework
from inbox.errors import PermissionDenied
from inbox.model import Channel, EventKind
from inbox.teamsync import fields
from tests.unit import test_teamsync_support as support
from tests.unit.test_teamsync_support import mail_uid, ref, rounds, states


@pytest.fixture
def team(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder, _inbox, laptops = support.team(tmp_path)
    rounds(folder, laptops)
    yield folder, laptops
    for lk in laptops:
        lk.close()


def _case(lk, uid: str):  # type: ignore[no-untyped-def]
    return lk.store.records.case_row(lk.store.team.case_id_for(uid))


def _bodies(lk, uid: str) -> list[str]:  # type: ignore[no-untyped-def]
    case_id = lk.store.team.case_id_for(uid)
    return sorted(r[0] for r in lk.db.query(
        "SELECT body_text FROM messages WHERE case_id = ?", (case_id,)))


def test_product_deadline_and_vertrouwelijk_travel_last_writer_wins(team) -> None:  # type: ignore[no-untyped-def]
    folder, (a, b, c) = team
    u1, u2 = mail_uid(1), mail_uid(2)
    casework.set_product(a, ref(a, u1), "Paspoort")
    casework.set_deadline(b, ref(b, u1), date(2026, 11, 20))
    casework.set_product(c, ref(c, u1), "Rijbewijs")  # later, on another laptop: it wins
    a.assign(ref(a, u2), "anne")
    a.set_confidential(ref(a, u2), True, "melding over een collega")
    rounds(folder, (a, b, c))
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    assert (s[0][u1]["product"], s[0][u1]["deadline"]) == ("Rijbewijs", "2026-11-20")
    assert s[0][u2]["confidential"] == 1
    # on bram's laptop the case is now anne's alone
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        b.case_detail(ref(b, u2))
    history = b.db.query("SELECT kind, actor, data FROM case_events WHERE case_id = ? "
                         "AND kind = 'confidential_set'", (_case(b, u2)["id"],))
    assert [(r["kind"], r["actor"]) for r in history] == [("confidential_set", "anne")]
    assert json.loads(history[0]["data"])["on"] is True
    assert "melding over een collega" in history[0]["data"]
    # and lifted by the assignee: it travels back, and the timeline says so on every laptop
    a.set_confidential(ref(a, u2), False, "toch niet")
    rounds(folder, (a, b, c))
    timeline = [e.title for e in b.case_detail(ref(b, u2)).timeline]
    assert "Vertrouwelijk gemaakt: melding over een collega" in timeline
    assert "Vertrouwelijk opgeheven: toch niet" in timeline


def test_a_new_field_is_one_entry_in_the_table() -> None:
    edits = fields.edits(EventKind.CLOSED, {"outcome": " Uitgelegd ",
                                            "first_contact_resolution": 1},
                         {"closed_at": "2026-11-03T10:00Z"})
    assert dict(edits) == {"status": "afgerond", "outcome": "Uitgelegd",
                           "first_contact_resolution": True, "closed_at": "2026-11-03T10:00Z"}
    assert fields.edits("retention_fixed", {}, {}) == []  # stays on this laptop
    assert not fields.sources("retention_fixed") and fields.sources(EventKind.PRODUCT_SET)
    assert fields.CONFLICT_FIELDS == {"assignee", "status"}
    for name, spec in fields.FIELDS.items():
        assert spec.column, name


def test_merges_travel_with_messages_and_notes(team) -> None:  # type: ignore[no-untyped-def]
    folder, (a, b, c) = team
    u1, u2 = mail_uid(1), mail_uid(2)
    b.add_note(ref(b, u2), "bellen na twaalf uur")
    rounds(folder, (a, b, c))
    casework.merge_cases(a, ref(a, u2), ref(a, u1))
    rounds(folder, (a, b, c))
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    assert _bodies(c, u1) == ["Vraag nummer 1", "Vraag nummer 2"] and _bodies(c, u2) == []
    assert [n[1] for n in s[2][u1]["notes"]] == ["bellen na twaalf uur"]
    assert s[2][u2]["status"] == "afgerond"
    assert s[2][u2]["outcome"] == f"Samengevoegd met {ref(a, u1)}"
    kinds = {r[0] for r in c.db.query("SELECT kind FROM case_events WHERE case_id = ?",
                                      (_case(c, u1)["id"],))}
    assert "merged_from" in kinds
    # the search on another laptop finds the merged text in the target case
    assert {h.case for h in c.search("nummer 2")} == {ref(c, u1)}


def test_splits_and_moves_travel_and_concurrent_moves_converge(team) -> None:  # type: ignore[no-untyped-def]
    folder, (a, b, c) = team
    u1, u2, u3 = mail_uid(1), mail_uid(2), mail_uid(3)
    for question in ("Waar blijft mijn pas?", "En mijn rijbewijs?"):
        b.log_contact(Channel.PHONE, name="Inwoner 1", question=question,
                      case_reference=ref(b, u1))
    rounds(folder, (a, b, c))
    assert len(_bodies(a, u1)) == 3

    def message(lk, text: str) -> int:  # type: ignore[no-untyped-def]
        return int(lk.db.scalar("SELECT id FROM messages WHERE body_text = ?", (text,)))

    new_ref = casework.split_case(c, ref(c, u1), [message(c, "Waar blijft mijn pas?")])
    casework.move_message(a, message(a, "En mijn rijbewijs?"), ref(a, u2))
    casework.move_message(b, message(b, "En mijn rijbewijs?"), ref(b, u3))  # at the same time
    rounds(folder, (a, b, c))
    s = states(a, b, c)
    assert s[0] == s[1] == s[2]
    new_uid = str(c.store.team.case_uid(c.store.records.case_id_by_reference(new_ref)))
    assert all(_bodies(lk, new_uid) == ["Waar blijft mijn pas?"] for lk in (a, b, c))
    assert all(ref(lk, new_uid) == new_ref for lk in (a, b, c))
    assert all(_bodies(lk, u1) == ["Vraag nummer 1"] for lk in (a, b, c))
    moved_to = {lk.user: [u for u in (u1, u2, u3) if "En mijn rijbewijs?" in _bodies(lk, u)]
                for lk in (a, b, c)}
    assert len({tuple(v) for v in moved_to.values()}) == 1  # the last move wins everywhere
    assert moved_to["anne"] in ([u2], [u3])


def test_labels_travel_last_writer_wins(team) -> None:  # type: ignore[no-untyped-def]
    folder, (a, b, c) = team
    u1 = mail_uid(1)
    casework.add_label(a, ref(a, u1), "Wijk Noord")
    rounds(folder, (a, b, c))
    casework.add_label(b, ref(b, u1), "Pers")  # on top of what came from anne's laptop
    rounds(folder, (a, b, c))
    for lk in (a, b, c):
        assert lk.case_detail(ref(lk, u1)).summary.labels == ("Pers", "Wijk Noord")

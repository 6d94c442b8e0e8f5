"""The narrow search_case table (storage/schema_speed.py) that case lists filtered by a search
read instead of search_index's stored columns: triggers keep it equal to the messages' and
notes' cases, and a search-filtered list finds the same cases either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inbox import casework
from inbox.privacy import keys
from inbox.services import CaseQuery, Loket
from storage import migrations
from storage.db import connect
from tests.conftest import act_as, add_staff, receive_mail, replay_migration


def _index_cases(loket: Any) -> dict[int, int | None]:
    """entry -> case_id as search_index itself stores it (the slow way)."""
    return {int(r[0]): r[1] for r in loket.db.query("SELECT rowid, case_id FROM search_index")}


def _search_cases(loket: Any) -> dict[int, int | None]:
    return {int(r[0]): r[1] for r in loket.db.query("SELECT entry, case_id FROM search_case")}


def test_search_case_follows_messages_and_notes_through_receive_note_move_and_merge(
    loket: Loket,
) -> None:
    add_staff(loket)
    first = receive_mail(loket, "a@example.nl", "Paspoort verlopen", "mijn paspoort")
    again = receive_mail(loket, "a@example.nl", "Re: Paspoort verlopen", "over de dakkapel")
    second = receive_mail(loket, "b@example.nl", "Containerpas kwijt", "grijze container")
    assert again.case_id == first.case_id != second.case_id
    act_as(loket, "anne")
    loket.add_note(second.reference, "Teruggebeld over de paspoortaanvraag")
    assert _search_cases(loket) == _index_cases(loket)
    assert len(_search_cases(loket)) == 4  # three messages and a note

    casework.move_message(loket, again.message_id, second.reference)
    assert _search_cases(loket) == _index_cases(loket)
    assert loket.case_ids(CaseQuery(text="dakkapel")) == [second.case_id]
    casework.merge_cases(loket, second.reference, first.reference)
    assert _search_cases(loket) == _index_cases(loket)
    assert set(_search_cases(loket).values()) == {first.case_id}
    assert loket.case_ids(CaseQuery(text="dakkapel")) == [first.case_id]


def test_a_search_filtered_list_finds_the_cases_whose_texts_match(loket: Loket) -> None:
    add_staff(loket)
    passport = receive_mail(loket, "a@example.nl", "Vraag", "mijn paspoort is verlopen")
    container = receive_mail(loket, "b@example.nl", "Vraag", "de grijze container")
    act_as(loket, "anne")
    loket.add_note(container.reference, "Ook het paspoort besproken")
    found = set(loket.case_ids(CaseQuery(text="paspoort")))
    assert found == {passport.case_id, container.case_id}
    assert loket.count_cases(CaseQuery(text="paspoort")) == 2
    assert set(loket.case_ids(CaseQuery(text="container"))) == {container.case_id}
    assert loket.case_ids(CaseQuery(text="dakkapel")) == []


def test_the_migration_fills_search_case_from_existing_messages_and_notes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    loket = Loket.open(path)
    add_staff(loket)
    case = receive_mail(loket, "a@example.nl", "Vraag", "mijn paspoort")
    act_as(loket, "anne")
    loket.add_note(case.reference, "teruggebeld")
    loket.close()
    key = keys.unlock(path)  # the database is encrypted, as every new one
    db = connect(path, key)
    with db.transaction() as conn:  # back to a database from before the table
        for name in ("messages", "notes"):
            for action in ("insert", "update", "delete"):
                conn.execute(f"DROP TRIGGER {name}_search_case_{action}")
        conn.execute("DROP TABLE search_case")
        conn.execute("DROP INDEX messages_case_channel")
    replay_migration(db, migrations.SPEED)
    db.close()
    db = connect(path, key)
    assert db.user_version == migrations.SCHEMA_VERSION
    rows = {int(r[0]): r[1] for r in db.query("SELECT entry, case_id FROM search_case")}
    assert rows == {int(r[0]): r[1] for r in db.query("SELECT rowid, case_id FROM search_index")}
    assert sorted(rows) == [2, 3]  # message 1 (id * 2) and note 1 (id * 2 + 1)
    assert set(rows.values()) == {case.case_id}
    db.close()

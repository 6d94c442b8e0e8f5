"""Norms, saved searches, standaardantwoorden and undo of the last safe action."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from inbox import casework, workspace
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from inbox.model import Channel, IncomingMessage, Status
from tests.conftest import act_as, add_staff, at
from tests.trail import newest_audit


@pytest.fixture(autouse=True)
def staff(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "anne")


@pytest.fixture
def case(loket):  # type: ignore[no-untyped-def]
    return loket.receive(IncomingMessage(Channel.EMAIL, at(2), sender="els@example.nl",
                                         sender_name="Els Bakker", subject="Grofvuil"))


def test_default_norms_and_saving_them(loket) -> None:  # type: ignore[no-untyped-def]
    act_as(loket, "tineke")  # teamleider
    norms = workspace.norms(loket)
    assert norms["email"] == workspace.Norm(2, workspace.WORKING_DAYS)
    assert norms["mastodon"] == workspace.Norm(4, workspace.HOURS)
    assert norms["phone"].label() == "2 werkdagen"
    assert "counter" not in norms
    workspace.save_norms(loket, {"email": workspace.Norm(1, workspace.WORKING_DAYS),
                                 "phone": None})
    norms = workspace.norms(loket)
    assert norms["email"].amount == 1 and "phone" not in norms
    with pytest.raises(InvalidInput):
        workspace.save_norms(loket, {"email": workspace.Norm(0, workspace.HOURS)})
    with pytest.raises(InvalidInput, match="Onbekend kanaal"):
        workspace.save_norms(loket, {"fax": None})
    newest = newest_audit(loket, 1)[0]
    assert (newest["actor"], newest["action"].split(":")[0]) == ("tineke", "norms.set")
    act_as(loket, "bea")  # the beheerder sets them too
    assert workspace.norms(loket)["email"].amount == 1
    act_as(loket, "anne")
    with pytest.raises(PermissionDenied):
        workspace.save_norms(loket, {})


def test_norm_deadline_in_working_days_ends_the_local_day() -> None:
    friday = datetime(2026, 11, 6, 15, 0, tzinfo=UTC)
    due = workspace.Norm(2, workspace.WORKING_DAYS).deadline(friday)
    assert due.date().isoformat() == "2026-11-10" and due.hour == 23
    assert workspace.Norm(4, workspace.HOURS).deadline(friday).hour == 19


def test_saved_searches_are_per_user(loket) -> None:  # type: ignore[no-untyped-def]
    workspace.save_search(loket, workspace.SavedSearch("Paspoort", "paspoort", ("nieuw",)))
    workspace.save_search(loket, workspace.SavedSearch("Mail", channel="email"))
    workspace.save_search(loket, workspace.SavedSearch("Paspoort", "paspoort kwijt"))
    found = workspace.saved_searches(loket)
    assert [s.name for s in found] == ["Mail", "Paspoort"]
    assert found[1].text == "paspoort kwijt" and found[1].statuses == ()
    workspace.delete_search(loket, "Mail")
    assert [s.name for s in workspace.saved_searches(loket)] == ["Paspoort"]
    act_as(loket, "bram")
    assert workspace.saved_searches(loket) == []
    with pytest.raises(InvalidInput):
        workspace.save_search(loket, workspace.SavedSearch(" "))


def test_templates_fill_name_and_reference(loket) -> None:  # type: ignore[no-untyped-def]
    shipped = workspace.templates(loket)
    assert any(t.key == "ontvangstbevestiging" for t in shipped)
    first = next(t for t in shipped if t.key == "ontvangstbevestiging")
    text = workspace.fill(first, name="Els Bakker", reference="LK-2026-000001",
                          employee="Anne de Vries")
    assert text.startswith("Beste Els Bakker,") and "LK-2026-000001" in text
    assert "Anne de Vries" in text and "{" not in text
    own = workspace.save_template(loket, "Afspraak gemaakt", "Beste {naam}, zie {zaak}.")
    assert own in workspace.templates(loket)
    assert workspace.fill(own, name="", reference="LK-1") == "Beste heer/mevrouw, zie LK-1."
    workspace.retire_template(loket, own.key)
    assert own not in workspace.templates(loket)
    assert any(t.key == own.key and t.retired for t in workspace.templates(loket, retired=True))
    workspace.retire_template(loket, "ontvangstbevestiging")  # a shipped one too
    assert all(t.key != "ontvangstbevestiging" for t in workspace.templates(loket))
    again = workspace.save_template(loket, "Weer", "Tekst", key=own.key)  # back in use
    assert again in workspace.templates(loket)
    with pytest.raises(NotFound):
        workspace.retire_template(loket, "bestaat-niet")


def test_templates_belong_to_the_team_and_the_beheerder(loket) -> None:  # type: ignore[no-untyped-def]
    act_as(loket, "bea")
    made = workspace.save_template(loket, "Openingstijden", "Wij zijn open van 9 tot 5.")
    assert made in workspace.templates(loket)
    for login in ("tineke", "arjen"):
        act_as(loket, login)
        with pytest.raises(PermissionDenied):
            workspace.templates(loket)
        with pytest.raises(PermissionDenied):
            workspace.save_template(loket, "x", "y")


def test_undo_puts_assignment_status_product_and_deadline_back(loket, case) -> None:  # type: ignore[no-untyped-def]
    before = workspace.snapshot(loket, case.reference)
    loket.assign(case.reference, "anne")
    step = workspace.UndoStep("Toewijzen", case.reference, before)
    workspace.undo(loket, step)
    s = loket.case_detail(case.reference).summary
    assert (s.assignee, s.status) == (None, Status.NIEUW)

    before = workspace.snapshot(loket, case.reference)
    casework.set_product(loket, case.reference, "Grofvuil")
    loket.close_case(case.reference, "Afspraak gemaakt", first_contact_resolution=True)
    workspace.undo(loket, workspace.UndoStep("Afronden", case.reference, before))
    s = loket.case_detail(case.reference).summary
    assert (s.status, s.product) == (Status.NIEUW, None)
    kinds = [r[0] for r in loket.db.query(
        "SELECT kind FROM case_events WHERE case_id = ? ORDER BY id", (case.case_id,))]
    assert kinds[-2:] == ["status_changed", "product_set"] or "reopened" in kinds


def test_an_undo_overtaken_by_a_later_change_is_refused(loket, case) -> None:  # type: ignore[no-untyped-def]
    before = workspace.snapshot(loket, case.reference)
    loket.assign(case.reference, "anne")
    step = workspace.UndoStep("toewijzing aan Anne", case.reference, before,
                              workspace.snapshot(loket, case.reference))
    assert workspace.overtaken(loket, step) == []
    act_as(loket, "bram")
    loket.assign(case.reference, "bram")  # a colleague took it over since
    act_as(loket, "anne")
    assert workspace.overtaken(loket, step) == [case.reference]
    with pytest.raises(InvalidInput, match="nog eens gewijzigd"):
        workspace.undo(loket, step)
    assert loket.case_detail(case.reference).summary.assignee == "Bram Jansen"


def test_one_undo_puts_every_case_of_a_bulk_action_back(loket, case) -> None:  # type: ignore[no-untyped-def]
    second = loket.receive(IncomingMessage(Channel.EMAIL, at(3), sender="jan@example.nl",
                                           subject="Paspoort"))
    references = [str(case.reference), str(second.reference)]
    before = workspace.snapshots(loket, references)
    for reference in references:
        loket.assign(reference, "bram")
    after = workspace.snapshots(loket, references)
    step = workspace.UndoStep("toewijzing van 2 zaken aan Bram", references[0],
                              before[references[0]], after[references[0]],
                              ((references[1], before[references[1]], after[references[1]]),))
    assert step.references() == references
    workspace.undo(loket, step)
    for reference in references:
        summary = loket.case_detail(reference).summary
        assert (summary.assignee, summary.status) == (None, Status.NIEUW)


@pytest.mark.parametrize("same_millisecond", [False, True])
def test_templates_travel_to_a_colleagues_laptop(
    tmp_path: Path, same_millisecond: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A standaardantwoord saved on two laptops at once ends as one winner on both, also in
    the same millisecond of the team clock (each laptop once kept its own then)."""
    from inbox.teamsync import engine
    from tests.unit.test_teamsync_support import laptop, sync, team_wall

    wall = team_wall(monkeypatch, same_millisecond)

    folder = engine.MemoryFolder()
    a = laptop(tmp_path, "a", "anne", 1)
    b = laptop(tmp_path, "b", "bram", 2)
    try:
        made = workspace.save_template(a, "Openingstijden", "Beste {naam}, wij zijn open.")
        workspace.retire_template(a, "afgehandeld")  # a shipped one, retired by the team
        sync(a, folder)
        sync(b, folder)
        assert made in workspace.templates(b)
        assert all(t.key != "afgehandeld" for t in workspace.templates(b))
        wall[0] += 1000  # both save in this same (new) millisecond: equal clocks
        workspace.save_template(b, "Openingstijden", "Beste {naam}, wij zijn tot 17 uur open.",
                                key=made.key)
        workspace.save_template(a, "Openingstijden (oud)", "Oud.", key=made.key)  # at once
        for _ in range(2):
            sync(b, folder)
            sync(a, folder)
        on_a = {t.key: t for t in workspace.templates(a)}[made.key]
        on_b = {t.key: t for t in workspace.templates(b)}[made.key]
        assert on_a == on_b  # one winner on both laptops, whichever it is
        sync(a, folder)  # nothing new: nothing changes
        assert {t.key: t for t in workspace.templates(a)}[made.key] == on_a
    finally:
        a.close()
        b.close()

"""Vertrouwelijk (issue 12): the assignee marks their own case with a reason, only they see it
from then on (list, search, messages), a beheerder can lift it, and the history says why."""

from __future__ import annotations

import json

import pytest

from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage
from inbox.services import CaseQuery, Loket
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at
from tests.unit.test_cli import loket as cli
from tests.unit.test_cli import staffed


def _case(loket: Loket) -> str:
    got = loket.receive(IncomingMessage(channel=Channel.EMAIL, sent_at=at(2),
                                        sender="r@example.nl", sender_name="Rosa",
                                        subject="Huiselijk geweld", body_text="Help"))
    return str(got.reference)


def test_the_assignee_marks_their_own_case_and_only_they_see_it(loket: Loket) -> None:
    add_staff(loket)
    ref = _case(loket)
    act_as(loket, "anne")
    with pytest.raises(InvalidInput, match="behandelaar"):
        loket.set_confidential(ref, True, "Veiligheid van de inwoner")  # not hers yet
    loket.assign(ref, "anne")
    with pytest.raises(InvalidInput, match="reden"):
        loket.set_confidential(ref, True, "  ")
    changes = loket.set_confidential(ref, True, "Veiligheid van de inwoner")
    assert changes.cases
    assert loket.case_summaries(loket.case_ids(CaseQuery()))[0].confidential
    history = [t.title for t in loket.case_detail(ref).timeline if t.kind == "event"]
    assert "Vertrouwelijk gemaakt: Veiligheid van de inwoner" in history
    act_as(loket, "bram")
    assert loket.case_ids(CaseQuery()) == [] and loket.search("geweld") == []
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        loket.case_detail(ref)
    with pytest.raises(PermissionDenied):
        loket.set_confidential(ref, False, "Ik wil meelezen")


def test_a_beheerder_lifts_a_marking_without_seeing_the_content(loket: Loket) -> None:
    add_staff(loket)
    ref = _case(loket)
    act_as(loket, "anne")
    loket.assign(ref, "anne")
    loket.set_confidential(ref, True, "Veiligheid")
    act_as(loket, "bea")
    with pytest.raises(PermissionDenied):
        loket.case_detail(ref)
    with pytest.raises(PermissionDenied):
        loket.set_confidential(ref, True, "x")  # marking is the assignee's
    loket.set_confidential(ref, False, "Op verzoek van de teamleider")
    act_as(loket, "bram")
    assert loket.case_detail(ref).summary.reference == ref


def test_on_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = staffed(tmp_path / "l.db")
    opened = Loket.open(db)
    ref = _case(opened)
    opened.close()

    def as_(user: str, *args: str):  # type: ignore[no-untyped-def]
        return cli("--db", db, "--user", user, *args, env={"LOKET_PASSWORD": STAFF_PASSWORD})

    assert as_("anne", "case", ref, "--assign", "anne").returncode == 0
    marked = as_("anne", "case", ref, "--confidential", "on", "--reason", "Veiligheid", "--json")
    assert marked.returncode == 0, marked.stderr
    assert json.loads(marked.stdout)["confidential"] is True
    assert json.loads(as_("bram", "cases", "--json").stdout) == []
    refused = as_("bram", "case", ref)
    assert refused.returncode == 1 and "vertrouwelijk" in refused.stderr
    no_reason = as_("anne", "case", ref, "--confidential", "off")
    assert no_reason.returncode == 1 and "reden" in no_reason.stderr
    lifted = as_("bea", "case", ref, "--confidential", "off", "--reason", "Niet meer nodig")
    assert lifted.returncode == 0 and "niet meer vertrouwelijk" in lifted.stdout
    assert [c["reference"] for c in json.loads(as_("bram", "cases", "--json").stdout)] == [ref]

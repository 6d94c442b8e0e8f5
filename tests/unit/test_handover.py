"""Hand-over to a department by plain e-mail, and the department's reply threaded back into its
case (status bij_vakafdeling, "teruggemeld", back to the medewerker, never "in één keer")."""

from __future__ import annotations

import email
import json
from datetime import UTC, datetime
from email import policy
from pathlib import Path
from typing import Any

import pytest

from inbox import departments, handover
from inbox.accounts import Accounts, MailAccount, Security
from inbox.errors import InvalidInput, NotFound
from inbox.model import Status
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at, receive_mail

FRIDAY_4PM = datetime(2026, 11, 6, 15, 0, tzinfo=UTC)  # 16:00 in Amsterdam


def team_with_a_department(loket: Any) -> None:
    """STAFF, the team's mail account (no server behind it) and the department Burgerzaken
    (1 working day), made by the beheerder; then anne works."""
    add_staff(loket)
    act_as(loket, "bea")
    Accounts(loket).add_mail(
        MailAccount(name="Postbus", host="127.0.0.1", port=1, security=Security.NONE,
                    username="info@gemeente.test", from_address="info@gemeente.test",
                    smtp_host="127.0.0.1", smtp_port=1, smtp_security=Security.NONE),
        "geheim",
    )
    departments.add(loket, "Burgerzaken", "burgerzaken@gemeente.test", 1)
    act_as(loket, "anne")


@pytest.fixture
def kcc(loket):  # type: ignore[no-untyped-def]
    team_with_a_department(loket)
    loket.now = lambda: FRIDAY_4PM
    question = receive_mail(loket, "sanne@example.nl", "Verhuizing doorgeven",
                            "Ik ben verhuisd, is dat al verwerkt?", when=at(6, 9),
                            sender_name="Sanne Mulder", message_id="<q1@example.nl>",
                            raw_sha256=None)
    return loket, question


def _row(loket: Any, case_id: int) -> Any:
    return loket.db.one("SELECT * FROM cases WHERE id = ?", (case_id,))


def test_a_hand_over_mails_the_department_and_waits_for_it(kcc) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    loket.assign(question.reference, "anne")
    changes = handover.forward(loket, question.reference, "burgerzaken",
                               "Staat de verhuizing al in de BRP?")
    assert question.case_id in changes.cases and "outbox" in changes.kinds
    case = _row(loket, question.case_id)
    assert case["status"] == Status.BIJ_VAKAFDELING.value
    assert case["department"] == "Burgerzaken"
    # Friday 16:00 with a norm of 1 working day: Monday at closing time (17:00 local)
    assert case["forward_due"] == "2026-11-09T16:00:00Z"
    assert case["first_response_at"] is None  # a hand-over is no answer to the resident
    out = loket.db.one("SELECT * FROM outbox")
    assert out["recipients"] == "burgerzaken@gemeente.test"
    raw = loket.blobs.get(out["raw_sha256"])
    sent = email.message_from_bytes(raw, policy=policy.default)
    assert sent["Subject"] == f"[{question.reference}] Vraag van het KCC: Verhuizing doorgeven"
    assert "Staat de verhuizing al in de BRP?" in sent.get_body(("plain",)).get_content()
    message = loket.db.one("SELECT internal, direction FROM messages WHERE message_id = ?",
                           (sent["Message-ID"],))
    assert (message["internal"], message["direction"]) == (1, "out")
    kinds = [r[0] for r in loket.db.query(
        "SELECT kind FROM case_events WHERE case_id = ? ORDER BY id", (question.case_id,))]
    assert kinds[-2:] == ["forwarded", "status_changed"]
    timeline = [t.title for t in loket.case_detail(question.reference).timeline]
    assert any(t.startswith("Overgedragen aan Burgerzaken") for t in timeline)


def test_the_originals_go_along(kcc) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    from inbox.channels.imports.eml import import_bytes

    raw = (b"From: Sanne Mulder <sanne@example.nl>\r\nTo: info@gemeente.test\r\n"
           b"Subject: Re: [" + question.reference.encode() + b"] Verhuizing doorgeven\r\n"
           b"Message-ID: <q2@example.nl>\r\nDate: Fri, 06 Nov 2026 11:00:00 +0100\r\n\r\n"
           b"Mijn nieuwe adres is Dorpsstraat 1.\r\n")
    assert import_bytes(loket, raw).case_id == question.case_id
    handover.forward(loket, question.reference, "Burgerzaken", "Graag controleren.")
    sent = email.message_from_bytes(
        loket.blobs.get(loket.db.scalar("SELECT raw_sha256 FROM outbox")), policy=policy.default)
    attached = [a for a in sent.iter_attachments()]
    assert [a.get_filename() for a in attached] == ["bericht-2.eml"]
    assert attached[0].get_content() == raw  # the original, byte for byte


def test_the_departments_reply_comes_back_into_its_case(kcc) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    loket.assign(question.reference, "anne")
    handover.forward(loket, question.reference, "Burgerzaken", "Staat de verhuizing erin?")
    sent_id = loket.db.scalar("SELECT message_id FROM outbox")
    contacts_before = loket.db.scalar("SELECT count(*) FROM contacts")
    act_as(loket, "bram")  # whoever fetches the mail
    loket.assign(question.reference, "bram")
    reply = receive_mail(loket, "p.jansen@gemeente.test", "RE: Vraag van het KCC",
                         "Ja, verwerkt per 1 november.", when=at(9, 10),
                         in_reply_to=sent_id, references=(sent_id,), sender_name="P. Jansen")
    assert reply.case_id == question.case_id and not reply.new_case
    case = _row(loket, question.case_id)
    assert case["status"] == Status.IN_BEHANDELING.value
    assert case["reported_back_at"] == "2026-11-09T10:00:00Z"
    assert loket.db.scalar("SELECT name FROM users WHERE id = ?", (case["assignee_id"],)) == "anne"
    assert loket.db.scalar("SELECT count(*) FROM contacts") == contacts_before  # no resident
    assert loket.db.scalar("SELECT internal FROM messages WHERE id = ?", (reply.message_id,)) == 1
    assert case["first_response_at"] is None
    summary = loket.case_detail(question.reference).summary
    assert summary.department == "Burgerzaken" and not summary.forward_open
    # a second mail of the department is just a message: the case stays where it is
    loket.set_status(question.reference, "wacht_op_inwoner")
    receive_mail(loket, "burgerzaken@gemeente.test", f"Re: [{question.reference}] aanvulling",
                 "Nog een detail.", when=at(9, 11))
    assert _row(loket, question.case_id)["status"] == Status.WACHT_OP_INWONER.value
    # replying to the resident still goes to the resident, not to the department
    act_as(loket, "anne")
    from inbox import casework

    casework.reply_by_email(loket, question.reference, "Uw verhuizing is verwerkt.")
    assert loket.db.scalar(
        "SELECT recipients FROM outbox ORDER BY id DESC LIMIT 1") == "sanne@example.nl"


def test_a_department_known_by_its_address_and_new_mail_from_it(kcc) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    handover.forward(loket, question.reference, "Burgerzaken", "Vraag")
    by_reference = receive_mail(loket, "Burgerzaken@Gemeente.test",
                                f"Re: [{question.reference}] Vraag van het KCC", "Klopt.",
                                when=at(9, 10))
    assert by_reference.case_id == question.case_id
    assert _row(loket, question.case_id)["reported_back_at"] is not None
    # a department writing about something new is ordinary mail: a case of its own
    other = receive_mail(loket, "burgerzaken@gemeente.test", "Folders voor de balie",
                         "Zijn er nog folders?", when=at(9, 11))
    assert other.new_case
    assert loket.db.scalar("SELECT internal FROM messages WHERE id = ?",
                           (other.message_id,)) is None


def test_a_handed_over_case_never_counts_as_in_one_go(kcc) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    handover.forward(loket, question.reference, "Burgerzaken", "Vraag")
    loket.close_case(question.reference, "Uitgezocht", first_contact_resolution=True)
    assert _row(loket, question.case_id)["first_contact_resolution"] == 0
    with pytest.raises(InvalidInput, match="afgerond"):
        handover.forward(loket, question.reference, "Burgerzaken", "Nog een vraag")


def test_refusals(kcc) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    with pytest.raises(NotFound, match="Kies uit: Burgerzaken"):
        handover.forward(loket, question.reference, "Sport", "Vraag")
    with pytest.raises(InvalidInput):
        handover.forward(loket, question.reference, "Burgerzaken", "  ")
    with pytest.raises(InvalidInput, match="Draag de zaak over"):
        loket.set_status(question.reference, "bij_vakafdeling")


def test_case_forward_on_the_command_line(kcc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, question = kcc
    db = Path(loket.path)
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    code, out, err = run_cli(db, "anne", "case", question.reference, "--forward",
                             "Burgerzaken", "--note", "Graag uitzoeken", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["status"], data["department"]) == ("bij_vakafdeling", "Burgerzaken")
    assert data["forward_open"] is True
    code, _, err = run_cli(db, "anne", "case", question.reference, "--forward", "Sport",
                           "--note", "x")
    assert code == 1 and "Kies uit: Burgerzaken" in err

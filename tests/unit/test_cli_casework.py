"""The casework commands added for CLI parity: phone and counter notes, reply by e-mail (queued
in the outbox), product, deadline, merge/split/move, an original, norms, standaardantwoorden and
saved searches; each as the person the grants table lets do it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inbox.model import Channel, IncomingMessage
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at


def _run(db: Path, user: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    return run_cli(db, user, *args, stdin=stdin)


def _ok(db: Path, user: str, *args: str, stdin: str = "") -> Any:
    code, out, err = _run(db, user, *args, "--json", stdin=stdin)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from inbox.accounts import Accounts, MailAccount, Security
    from inbox.services import Loket

    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    add_staff(loket)
    act_as(loket, "bea")  # the team's mail account is the beheerder's to add
    Accounts(loket).add_mail(
        MailAccount(name="Postbus", host="127.0.0.1", port=1, security=Security.NONE,
                    username="info@gemeente.test", from_address="info@gemeente.test",
                    smtp_host="127.0.0.1", smtp_port=1, smtp_security=Security.NONE),
        "geheim",
    )
    act_as(loket, "anne")
    for day, sender, subject in ((2, "els@example.nl", "Grofvuil"),
                                 (3, "piet@example.nl", "Paspoort"),
                                 (4, "jan@example.nl", "Parkeren")):
        loket.receive(IncomingMessage(Channel.EMAIL, at(day), sender=sender,
                                      sender_name=sender.split("@")[0], subject=subject,
                                      body_text=f"Vraag over {subject.lower()}"))
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    return path


def test_phone_and_counter_notes(db: Path) -> None:
    made = _ok(db, "anne", "contact", "log", "--channel", "phone", "--name", "Sanne Smit",
               "--question", "Wanneer wordt het grofvuil opgehaald?", "--answer", "Donderdag",
               "--phone", "06 12345678", "--resolved")
    assert made["new_case"] is True
    case = _ok(db, "anne", "case", made["case"])
    assert case["status"] == "afgerond" and case["first_contact_resolution"] is True
    assert case["channel"] == "phone"
    added = _ok(db, "anne", "contact", "log", "--channel", "counter", "--name", "Els",
                "--question", "Komt langs met foto's", "--case", "LK-2026-000001",
                "--callback-by", "2026-11-20")
    assert (added["case"], added["new_case"]) == ("LK-2026-000001", False)
    code, _, err = _run(db, "anne", "contact", "log", "--channel", "email", "--name", "x",
                        "--question", "y")
    assert code == 2 and "kies uit" in err
    code, _, err = _run(db, "anne", "contact", "log", "--channel", "phone", "--name", "x",
                        "--question", "y", "--phone", "12")
    assert code == 1 and "geen geldig telefoonnummer" in err


def test_product_deadline_and_their_removal(db: Path) -> None:
    data = _ok(db, "anne", "case", "LK-2026-000001", "--product", "Grofvuil", "--deadline",
               "2026-11-20")
    assert (data["product"], data["deadline"]) == ("Grofvuil", "2026-11-20")
    data = _ok(db, "anne", "case", "LK-2026-000001", "--product", "", "--deadline", "")
    assert (data["product"], data["deadline"]) == (None, None)
    code, _, err = _run(db, "anne", "case", "LK-2026-000001", "--deadline", "morgen")
    assert code == 2 and "geen datum" in err
    code, _, err = _run(db, "tineke", "case", "LK-2026-000001", "--product", "Grofvuil")
    assert code == 1 and "behandelen" in err


def test_merge_split_and_move(db: Path) -> None:
    merged = _ok(db, "anne", "case", "merge", "LK-2026-000002", "LK-2026-000001")
    assert merged == {"merged": "LK-2026-000002", "into": "LK-2026-000001"}
    case = _ok(db, "anne", "case", "LK-2026-000001")
    moved_in = [t["ref_id"] for t in case["timeline"] if t["kind"] == "message"]
    assert len(moved_in) == 2
    split = _ok(db, "anne", "case", "split", "LK-2026-000001", "--message", str(moved_in[1]))
    assert split["new_case"] == "LK-2026-000004"
    code, _, err = _run(db, "anne", "case", "move-message", str(moved_in[0]), "--to",
                        "LK-2026-000003")
    assert code == 1 and "enige bericht" in err  # LK-...001 keeps its last message
    _ok(db, "anne", "contact", "log", "--channel", "phone", "--name", "Els",
        "--question", "Nog iets", "--case", "LK-2026-000001")
    moved = _ok(db, "anne", "case", "move-message", str(moved_in[0]), "--to", "LK-2026-000003")
    assert moved == {"message": moved_in[0], "case": "LK-2026-000003"}
    code, _, err = _run(db, "anne", "case", "merge", "LK-2026-000001")
    assert code == 1 and "case merge SOURCE TARGET" in err
    code, _, err = _run(db, "anne", "case", "LK-2026-000001", "extra")
    assert code == 1 and "Onbekend" in err


def test_reply_by_email_is_queued_in_the_outbox(db: Path, tmp_path: Path) -> None:
    reply = tmp_path / "antwoord.txt"
    reply.write_text("Beste Els,\n\nHet grofvuil wordt donderdag opgehaald.\n", encoding="utf-8")
    data = _ok(db, "anne", "case", "LK-2026-000001", "--reply-file", str(reply))
    outbound = [t for t in data["timeline"] if t["kind"] == "message"
                and t["direction"] == "out"]
    assert len(outbound) == 1 and "donderdag opgehaald" in outbound[0]["text"]
    from inbox.channels import smtp
    from inbox.services import Loket

    loket = Loket.open(db)
    act_as(loket, "anne")
    (queued,) = smtp.outbox(loket)
    assert (queued["state"], queued["recipients"]) == ("queued", "els@example.nl")
    loket.close()
    from_stdin = _ok(db, "anne", "case", "LK-2026-000002", "--reply-file", "-",
                     stdin="Uw paspoort ligt klaar.")
    assert any(t["text"] == "Uw paspoort ligt klaar." for t in from_stdin["timeline"])
    code, _, err = _run(db, "tineke", "case", "LK-2026-000001", "--reply-file", str(reply))
    assert code == 1 and "Alleen een medewerker" in err


def test_an_original_is_written_once_and_privately(db: Path, tmp_path: Path) -> None:
    case = _ok(db, "anne", "case", "LK-2026-000001")
    out = tmp_path / "origineel.eml"
    reply = tmp_path / "r.txt"
    reply.write_text("Antwoord", encoding="utf-8")
    data = _ok(db, "anne", "case", "LK-2026-000001", "--reply-file", str(reply))
    sent = next(t["ref_id"] for t in data["timeline"] if t["direction"] == "out")
    written = _ok(db, "anne", "message", str(sent), "--out", str(out))
    assert written["bytes"] == out.stat().st_size and b"Antwoord" in out.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o600
    code, _, err = _run(db, "anne", "message", str(sent), "--out", str(out))
    assert code == 1  # never over an existing file
    first = next(t["ref_id"] for t in case["timeline"] if t["kind"] == "message")
    code, _, err = _run(db, "anne", "message", str(first), "--out", str(tmp_path / "x"))
    assert code == 1 and "geen origineel" in err  # received without original bytes
    code, _, err = _run(db, "bea", "message", str(sent), "--out", str(tmp_path / "y"))
    assert code == 1 and "niet lezen" in err


def test_norms_for_the_teamleider_and_the_beheerder(db: Path) -> None:
    norms = _ok(db, "tineke", "norms", "list")
    assert norms["email"] == {"amount": 2, "unit": "working_days"}
    changed = _ok(db, "tineke", "norms", "set", "email", "--amount", "1")
    assert changed["email"]["amount"] == 1
    removed = _ok(db, "bea", "norms", "set", "phone", "--none")
    assert "phone" not in removed
    code, _, err = _run(db, "tineke", "norms", "set", "email")
    assert code == 1 and "--amount" in err
    code, _, err = _run(db, "anne", "norms", "list")
    assert code == 1 and "normen" in err


def test_templates_add_edit_retire(db: Path, tmp_path: Path) -> None:
    added = _ok(db, "anne", "templates", "add", "--title", "Grofvuil ophalen", "--text",
                "Beste {naam}, het grofvuil van zaak {zaak} wordt donderdag opgehaald.")
    assert added["key"] == "grofvuil_ophalen" and not added["shipped"]
    body = tmp_path / "tekst.txt"
    body.write_text("Nieuwe tekst voor {naam}.", encoding="utf-8")
    edited = _ok(db, "bea", "templates", "edit", "grofvuil_ophalen", "--text-file", str(body))
    assert (edited["title"], edited["text"]) == ("Grofvuil ophalen", "Nieuwe tekst voor {naam}.")
    _run(db, "anne", "templates", "retire", "grofvuil_ophalen")
    listed = _ok(db, "anne", "templates", "list")
    assert "grofvuil_ophalen" not in {t["key"] for t in listed}
    every = _ok(db, "anne", "templates", "list", "--all")
    assert {t["key"]: t["retired"] for t in every}["grofvuil_ophalen"] is True
    code, _, err = _run(db, "anne", "templates", "edit", "bestaat-niet", "--title", "x")
    assert code == 1 and "bestaat niet" in err
    code, _, err = _run(db, "tineke", "templates", "list")
    assert code == 1 and "standaardantwoorden" in err


def test_saved_searches_are_ones_own(db: Path) -> None:
    assert _run(db, "anne", "searches", "save", "Paspoort", "--text", "paspoort",
                "--status", "nieuw")[0] == 0
    assert _ok(db, "anne", "searches", "list") == [
        {"name": "Paspoort", "text": "paspoort", "statuses": ["nieuw"], "channel": None}]
    assert _ok(db, "bram", "searches", "list") == []
    assert _run(db, "anne", "searches", "delete", "Paspoort")[0] == 0
    assert _ok(db, "anne", "searches", "list") == []


def test_labels_bulk_and_an_answer_given_elsewhere(db: Path) -> None:
    cases = {c["subject"]: c["reference"] for c in _ok(db, "anne", "cases")}
    grofvuil, paspoort = cases["Grofvuil"], cases["Paspoort"]
    shown = _ok(db, "anne", "case", grofvuil, "--label", "Wijk Noord", "--label", "Pers")
    assert shown["labels"] == ["Pers", "Wijk Noord"]
    assert _ok(db, "anne", "case", grofvuil, "--unlabel", "pers")["labels"] == ["Wijk Noord"]
    done = _ok(db, "anne", "bulk", grofvuil, paspoort, "--assign", "bram")
    assert done == {"action": "assign", "cases": [grofvuil, paspoort], "changed": 2}
    code, _, err = _run(db, "anne", "bulk", grofvuil, "--close", "x", "--label", "y")
    assert code == 2 and err.count("\n") == 1  # one of them only: a usage error
    code, _, err = _run(db, "tineke", "bulk", grofvuil, "--label", "Pers")
    assert code == 1 and err.strip()
    shown = _ok(db, "anne", "case", paspoort, "--answered-elsewhere",
                "Teruggebeld: de pas ligt klaar.", "--via", "phone")
    last = [t for t in shown["timeline"] if t["kind"] == "message"][-1]
    assert (last["direction"], last["channel"]) == ("out", "phone")
    assert "de pas ligt klaar" in last["text"]

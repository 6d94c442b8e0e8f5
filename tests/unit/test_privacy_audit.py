"""The audit trail as the beheerder and the archivaris see it: actions in Dutch (never codes
like `read_content` or `archief:destruction_carried_out`), viewing and checking it are acts of
their own (refused to others, audited), and the chain written by the gate verifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbox import acts
from inbox.errors import PermissionDenied
from inbox.model import Channel, IncomingMessage
from inbox.privacy import audit
from inbox.services import Loket
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at
from tests.unit.test_cli import loket as cli


def test_every_action_reads_as_dutch_words() -> None:
    assert audit.describe("case.read") == "Zaak bekijken"
    assert audit.describe('case.search:{"treffers": 3}') == "Zoeken (treffers: 3)"
    assert audit.describe('avg.erase.review:{"uitkomst": "geweigerd"}') == (
        "Verwijderverzoek getoetst aan de bewaarplicht (uitkomst: geweigerd)"
    )
    assert audit.describe("permission.read_content") == "Recht: inhoud van zaken lezen"
    assert audit.describe("archief:destruction_carried_out") == "Archief: vernietiging uitgevoerd"
    assert audit.describe("wijzigen:note_added") == "Gewijzigd: notitie toegevoegd"
    assert audit.describe("exporteren: avg-inzage") == "AVG-inzage geëxporteerd"
    # every act of the catalogue has Dutch words of its own
    for code, act in acts.ACTS.items():
        if not code.startswith("permission."):
            assert audit.describe(code) == act.label and "_" not in act.label, code


def test_viewing_and_verifying_the_trail_are_acts_refused_to_others(loket: Loket) -> None:
    add_staff(loket)
    act_as(loket, "anne")
    got = loket.receive(IncomingMessage(Channel.EMAIL, at(2), sender="r@example.nl",
                                        subject="Vraag", body_text="Hoe laat?"))
    loket.case_detail(str(got.reference))
    for login in ("anne", "tineke"):
        act_as(loket, login)
        with pytest.raises(PermissionDenied, match="beheerder of archivaris"):
            audit.entries(loket)
        with pytest.raises(PermissionDenied):
            audit.verify(loket)
    for login in ("bea", "arjen"):
        act_as(loket, login)
        rows = audit.entries(loket, limit=50)
        assert audit.verify(loket) is None
        read = next(r for r in rows if r["action"] == "case.read")
        assert read["label"] == "Zaak bekijken" and read["actor"] == "anne"
    newest = [(e["actor"], e["action"]) for e in loket.store.audit.entries(limit=3)]
    assert ("arjen", 'audit.verify:{"intact": true}') in newest
    assert ("arjen", "audit.view") in newest
    trail = audit.trail(loket)
    assert trail.broken_at is None
    assert trail.entries[0]["label"] == "Auditlog controleren (intact: ja)"


def test_the_command_shows_dutch_words_and_the_json_keeps_the_code(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    loket = Loket.open(db)
    add_staff(loket)
    act_as(loket, "anne")
    got = loket.receive(IncomingMessage(Channel.EMAIL, at(2), sender="r@example.nl",
                                        subject="Vraag", body_text="Hoe laat?"))
    act_as(loket, "tineke")
    with pytest.raises(PermissionDenied):
        loket.case_detail(str(got.reference))
    loket.close()
    env = {"LOKET_PASSWORD": STAFF_PASSWORD}
    text = cli("--db", db, "--user", "bea", "audit", env=env)
    assert text.returncode == 0, text.stderr
    assert "Zaak bekijken" in text.stdout and "case.read" not in text.stdout
    rows = json.loads(cli("--db", db, "--user", "bea", "audit", "--json", env=env).stdout)
    refused = next(r for r in rows if r["result"] == "geweigerd")
    assert (refused["action"], refused["label"]) == ("case.read", "Zaak bekijken")
    checked = cli("--db", db, "--user", "arjen", "audit", "--verify", env=env)
    assert checked.returncode == 0 and "onbeschadigd" in checked.stdout
    refused_cli = cli("--db", db, "--user", "anne", "audit", env=env)
    assert refused_cli.returncode == 1 and "beheerder of archivaris" in refused_cli.stderr

"""The Klantinteracties export validates against the schemas of the VNG OpenAPI document."""

from __future__ import annotations

import copy
import json
import stat
import uuid
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from inbox import contacts, klantinteracties
from inbox.channels.imports.files import import_files
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage
from tests.conftest import ROOT, at

# a copy of ../shared/standards/klantinteracties/openapi.yaml (Open Klant 2.18, EUPL-1.2)
OPENAPI = ROOT / "tests" / "data" / "klantinteracties" / "openapi.yaml"
DATA = Path(__file__).resolve().parent.parent / "data" / "social"
COLLECTIONS = {
    "klantcontacten": "Klantcontact",
    "betrokkenen": "Betrokkene",
    "partijen": "Partij",
    "digitaleadressen": "DigitaalAdres",
}


def to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema -> JSON Schema 2020-12: `nullable` becomes a null type, and a
    oneOf with a discriminator becomes if/then per mapped value (the variants overlap, so plain
    oneOf would match several). readOnly stays: in JSON Schema it only annotates, and an export
    is what a GET returns, read-only fields included."""
    if isinstance(node, list):
        return [to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: to_json_schema(v) for k, v in node.items()}
    discriminator = node.pop("discriminator", None)
    if discriminator and "oneOf" in node:
        prop, mapping = discriminator["propertyName"], discriminator["mapping"]
        node.pop("oneOf")
        node["required"] = [prop]
        node["properties"] = {prop: {"enum": list(mapping)}}
        node["allOf"] = [
            {"if": {"properties": {prop: {"const": value}}}, "then": {"$ref": ref}}
            for value, ref in mapping.items()
        ]
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = [*node["enum"], None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@cache
def _components() -> dict[str, Any]:
    document = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.0")
    return {"schemas": to_json_schema(copy.deepcopy(document["components"]["schemas"]))}


def validator(schema_name: str) -> jsonschema.Draft202012Validator:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{schema_name}",
        "components": _components(),
    }
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid(data: dict[str, list[dict[str, Any]]]) -> None:
    assert set(data) == set(COLLECTIONS)
    for collection, schema_name in COLLECTIONS.items():
        check = validator(schema_name)
        for item in data[collection]:
            errors = sorted(check.iter_errors(item), key=lambda e: list(e.path))
            assert not errors, f"{collection}: {[f'{list(e.path)}: {e.message}' for e in errors]}"
            uuid.UUID(item["uuid"])
            assert item["url"].startswith("https://") and item["url"].endswith(item["uuid"])
    for item in data["klantcontacten"]:
        assert datetime.fromisoformat(item["plaatsgevondenOp"].replace("Z", "+00:00")).tzinfo


def test_the_converter_is_strict_enough() -> None:
    check = validator("DigitaalAdres")
    good = {
        "uuid": str(uuid.uuid4()),
        "url": "https://x.invalid/a",
        "adres": "a@example.org",
        "soortDigitaalAdres": "email",
    }
    assert not list(check.iter_errors(good))
    assert list(check.iter_errors({**good, "soortDigitaalAdres": "fax"}))
    assert list(check.iter_errors({**good, "referentie": "met spatie"}))
    partij = validator("Partij")
    assert list(partij.iter_errors({"soortPartij": "persoon"}))  # required fields missing
    assert list(partij.iter_errors({"soortPartij": "alien"}))


@pytest.fixture
def filled(loket: Any) -> Any:
    import_files(
        loket,
        [
            DATA / "WhatsApp Chat with +31 6 55501234.txt",
            DATA / "message_1.json",
            DATA / "direct-messages.js",
        ],
    )
    loket.receive(
        IncomingMessage(
            channel=Channel.EMAIL,
            sent_at=at(3),
            sender="Mila van der Berg-Jansen <mila@example.org>",
            sender_name="Mila van der Berg-Jansen",
            subject="Vraag over de " + "hele lange " * 40 + "afvalstoffenheffing",
            body_text="Hallo,\n\n" + "Dit is een lange vraag. " * 100,
        )
    )
    loket.log_contact(
        Channel.PHONE,
        name="Bo",
        question="Is mijn vergunning klaar?",
        answer="Ja, ophalen bij de balie.",
        phone_number="0655501234",
        resolved=True,
    )
    loket.log_contact(Channel.COUNTER, name="Onbekende bezoeker", question="Waar is het toilet?")
    return loket


def test_export_validates_against_the_openapi_schemas(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "ki.json"
    counts = klantinteracties.export(filled, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert_valid(data)
    messages = filled.db.scalar("SELECT count(*) FROM messages")
    assert counts["klantcontacten"] == len(data["klantcontacten"]) == messages
    kinds = {a["soortDigitaalAdres"] for a in data["digitaleadressen"]}
    assert kinds == {"email", "telefoonnummer", "overig"}
    phone = [a for a in data["digitaleadressen"] if a["soortDigitaalAdres"] == "telefoonnummer"]
    assert [a["adres"] for a in phone] == ["+31655501234"]
    # WhatsApp and the phone call are the same resident: one partij with both contacts
    partij = next(
        p for p in data["partijen"] if p["uuid"] == phone[0]["verstrektDoorPartij"]["uuid"]
    )
    betrokken = {b["uuid"] for b in partij["betrokkenen"]}
    channels = {
        k["kanaal"]
        for k in data["klantcontacten"]
        if {b["uuid"] for b in k["hadBetrokkenen"]} & betrokken
    }
    assert channels == {"WhatsApp", "Telefoon"}
    called = next(k for k in data["klantcontacten"] if k["kanaal"] == "Telefoon")
    assert called["reactie"] == "Ja, ophalen bij de balie."
    mila = next(
        p for p in data["partijen"] if p["partijIdentificatie"]["volledigeNaam"].startswith("Mila")
    )
    assert mila["partijIdentificatie"]["contactnaam"] == {
        "voornaam": "Mila",
        "voorvoegselAchternaam": "van der",
        "achternaam": "Berg-Jansen",
    }
    # stable identifiers: a second export gives the same UUIDs
    again = klantinteracties.build(filled)
    assert [k["uuid"] for k in again["klantcontacten"]] == [
        k["uuid"] for k in data["klantcontacten"]
    ]
    logged = filled.db.scalar(
        "SELECT count(*) FROM case_events WHERE kind = 'export_klantinteracties'"
    )
    assert logged == 1


def test_merged_residents_are_one_partij(filled: Any) -> None:
    before = klantinteracties.build(filled)
    mila = contacts.find_contact(filled, "mila@example.org")
    bo = contacts.find_contact(filled, "+31655501234")
    assert mila is not None and bo is not None
    contacts.merge(filled, bo, mila, "test")
    after = klantinteracties.build(filled)
    assert_valid(after)
    assert len(after["partijen"]) == len(before["partijen"]) - 1


def test_only_the_archivaris_exports_and_it_is_audited_and_logged(
    filled: Any, tmp_path: Path
) -> None:
    from inbox.privacy import processing_log
    from tests.conftest import act_as, add_staff

    add_staff(filled)
    for login in ("anne", "bea", "tineke"):  # the beheerder too: every message text leaves
        act_as(filled, login)
        with pytest.raises(PermissionDenied):
            klantinteracties.export(filled, tmp_path / f"{login}.json")
        assert not (tmp_path / f"{login}.json").exists()
    refused = {e["actor"] for e in filled.store.audit.entries() if e["result"] == "geweigerd"}
    assert {"anne", "bea", "tineke"} <= refused
    act_as(filled, "arjen")
    out = tmp_path / "ki.json"
    counts = klantinteracties.export(filled, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    entry = filled.store.audit.entries(limit=5)
    made = [e for e in entry if e["action"].startswith("export.klantinteracties")]
    assert made and made[0]["actor"] == "arjen" and made[0]["result"] == "ok"
    assert f'"partijen": {counts["partijen"]}' in made[0]["action"]
    spans = [
        s for s in processing_log.entries(filled, decrypt=True)
        if s["operation"] == "export" and s["processing_activity_id"] == "loket-va-001"
    ]
    assert len(spans) == counts["partijen"] and all(s["subject_id"] for s in spans)
    with pytest.raises(InvalidInput, match="bestaat al"):  # never over an earlier export
        klantinteracties.export(filled, out)


def test_empty_database_exports_empty_lists(loket: Any) -> None:
    data = klantinteracties.build(loket)
    assert data == {k: [] for k in COLLECTIONS}

"""MDTO export of a demo database: every XML valid, checksums and sizes right, deterministic."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from inbox.archive import mdto, retention
from inbox.errors import InvalidInput, PermissionDenied
from inbox.services import CaseQuery, Loket
from tests.conftest import act_as
from tests.unit.test_archive_kit import XSD, ready

NS = {"m": "https://www.nationaalarchief.nl/mdto"}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[Loket]:
    loket = ready(tmp_path / "demo.db")  # 40 demo cases + 1 with a PDF, all closed; as arjen
    yield loket
    loket.close()


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_every_file_of_a_demo_export_validates_with_right_checksums(
    lk: Loket, tmp_path: Path, schema: etree.XMLSchema
) -> None:
    out = tmp_path / "pakket"
    report = mdto.export(lk, out)
    assert report.cases == 41 and report.messages > 40
    files = _tree(out)
    assert report.files == len(files)
    xmls = [name for name in files if name.endswith(".xml")]
    for name in xmls:
        doc = etree.parse(str(out / name))
        assert schema.validate(doc), (name, schema.error_log)

    payloads = [n for n in files if not n.endswith(".mdto.xml")]
    assert payloads and any(n.endswith(".eml") for n in payloads)
    kinds = set()
    for name in payloads:
        meta = etree.parse(str(out / (name + ".bestand.mdto.xml")))
        data = files[name]
        assert meta.findtext("m:bestand/m:omvang", namespaces=NS) == str(len(data))
        checksum = meta.find("m:bestand/m:checksum", NS)
        assert checksum.findtext("m:checksumAlgoritme/m:begripLabel", namespaces=NS) == "SHA-256"
        assert (
            checksum.findtext("m:checksumWaarde", namespaces=NS) == hashlib.sha256(data).hexdigest()
        )
        code = meta.findtext("m:bestand/m:bestandsformaat/m:begripCode", namespaces=NS)
        kinds.add((Path(name).suffix, code))
        # the bestand points at an archiefstuk in the same folder, which points back
        target = meta.findtext(
            "m:bestand/m:isRepresentatieVan/m:verwijzingIdentificatie/m:identificatieKenmerk",
            namespaces=NS,
        )
        folder = Path(name).parent
        stem = target.split("/")[-1]
        piece = etree.parse(str(out / folder / f"{stem}.mdto.xml"))
        assert (
            piece.findtext("m:informatieobject/m:aggregatieniveau/m:begripLabel", namespaces=NS)
            == "Archiefstuk"
        )
        reps = [
            r.findtext("m:verwijzingNaam", namespaces=NS)
            for r in piece.findall("m:informatieobject/m:heeftRepresentatie", NS)
        ]
        assert Path(name).name in reps
    assert (".eml", "fmt/950") in kinds
    assert (".txt", "x-fmt/111") in kinds  # phone and counter notes, internal notes
    assert (".pdf", "fmt/276") in kinds  # the imported PDF 1.7 attachment
    assert any(suffix == ".jpg" and code for suffix, code in kinds)

    for ref in report.references:
        dossier = etree.parse(str(out / ref / f"{ref}.mdto.xml"))
        io = dossier.find("m:informatieobject", NS)
        assert io.findtext("m:aggregatieniveau/m:begripLabel", namespaces=NS) == "Dossier"
        assert io.findtext("m:waardering/m:begripCode", namespaces=NS) == "V"
        assert io.findtext("m:informatiecategorie/m:begripCode", namespaces=NS) == "6.1.3"
        assert io.findtext("m:bewaartermijn/m:termijnLooptijd", namespaces=NS) == "P1Y"
        end = io.findtext("m:bewaartermijn/m:termijnEinddatum", namespaces=NS)
        assert end == retention.retention_of(lk, ref)["destroy_date"]
        assert io.findtext("m:archiefvormer/m:verwijzingNaam", namespaces=NS) == (
            "Gemeente Voorbeeld"
        )
        assert io.find("m:dekkingInTijd/m:dekkingInTijdBegindatum", NS) is not None
        parts = io.findall("m:bevatOnderdeel", NS)
        assert len(parts) == len([p for p in (out / ref).glob("*.mdto.xml")]) - 1 - len(
            list((out / ref).glob("*.bestand.mdto.xml"))
        )


def test_originals_are_byte_for_byte(lk: Loket, tmp_path: Path) -> None:
    out = tmp_path / "p"
    mdto.export(lk, out)
    row = lk.db.one(
        "SELECT c.reference, m.id FROM messages m JOIN cases c ON c.id = m.case_id "
        "WHERE m.channel = 'email' AND m.raw_sha256 IS NOT NULL ORDER BY c.reference, m.sent_at, "
        "m.id LIMIT 1"
    )
    assert row is not None
    first = sorted((out / row["reference"]).glob("*.eml"))[0]
    digest = lk.db.scalar("SELECT raw_sha256 FROM messages WHERE id = ?", (row["id"],))
    assert first.read_bytes() == lk.blobs.get(digest)


def test_same_data_twice_gives_identical_packages(lk: Loket, tmp_path: Path) -> None:
    mdto.export(lk, tmp_path / "a")
    mdto.export(lk, tmp_path / "b")
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert a.keys() == b.keys() and a == b


def test_selection_by_case_and_by_closing_date(lk: Loket, tmp_path: Path) -> None:
    refs = sorted(s.reference for s in lk.case_summaries(lk.case_ids(CaseQuery())))
    report = mdto.export(lk, tmp_path / "one", references=[refs[3].lower(), refs[1]])
    assert report.references == sorted([refs[3], refs[1]])
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == report.references
    early = mdto.select_cases(lk, closed_before=date(2026, 3, 1))
    assert early and len(early) < len(refs)
    for ref in early:
        closed = retention.retention_of(lk, ref)["closed_on"]
        assert closed < "2026-03-01"


def test_refusals(lk: Loket, tmp_path: Path) -> None:
    ref = sorted(s.reference for s in lk.case_summaries(lk.case_ids(CaseQuery())))[0]
    act_as(lk, "anne")
    lk.set_status(ref, "in_behandeling")
    act_as(lk, "arjen")
    with pytest.raises(InvalidInput, match="niet afgerond"):
        mdto.export(lk, tmp_path / "x", references=[ref])
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "iets.txt").write_text("x")
    with pytest.raises(InvalidInput, match="niet leeg"):
        mdto.export(lk, tmp_path / "full")
    act_as(lk, "anne")
    with pytest.raises(PermissionDenied, match="archivaris"):
        mdto.export(lk, tmp_path / "y")
    assert not (tmp_path / "y").exists()
    act_as(lk, "arjen")
    lk.db.conn.execute("DELETE FROM settings WHERE key LIKE 'organisation.%'")
    with pytest.raises(InvalidInput, match="gemeente"):
        mdto.export(lk, tmp_path / "z")


def test_export_is_logged(lk: Loket, tmp_path: Path) -> None:
    report = mdto.export(lk, tmp_path / "p")
    row = lk.db.one("SELECT actor, data FROM case_events WHERE kind = 'mdto_export'")
    assert row is not None and row["actor"] == "arjen"
    assert report.references[0] in row["data"]


def test_pronom_by_content() -> None:
    assert mdto.pronom("application/pdf", b"%PDF-1.4\n")[0] == "fmt/18"
    assert mdto.pronom("application/pdf", b"%PDF-1.7\n")[0] == "fmt/276"
    assert mdto.pronom("message/rfc822", b"From: x")[0] == "fmt/950"
    assert mdto.pronom("text/plain; charset=utf-8", b"hoi")[0] == "x-fmt/111"
    assert mdto.pronom("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01")[0] == "fmt/43"
    assert mdto.pronom("application/x-onbekend", b"\x00\x01")[0] is None

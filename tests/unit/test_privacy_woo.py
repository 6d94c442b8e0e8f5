"""Woo: BSN (11-proef), phone, e-mail, IBAN (mod 97) and names are redacted with their ground;
the reviewer adds and undoes; no output byte holds a redacted text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from inbox.errors import InvalidInput, PermissionDenied
from inbox.privacy import redaction, woo
from inbox.services import Loket
from tests.unit.test_privacy_kit import (
    ADDRESS,
    BSN,
    IBAN,
    NAME,
    OTHER_EMAIL,
    PHONE,
    PHRASE,
    build,
)


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[tuple[Loket, str]]:
    loket, ref = build(tmp_path / "w.db")
    loket.user = "arjen"
    yield loket, ref
    loket.close()


def _bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("BSN 111222333.", "111222333"),
        ("bsn: 123.456.782", "123.456.782"),
        ("nummer 1234 56 782 hier", "1234 56 782"),
        ("kenmerk 123456789", None),  # fails the 11-proef
        ("000000000", None),
        ("zaak 2026-00012345", None),
    ],
)
def test_bsn_needs_the_11_proef(text: str, found: str | None) -> None:
    got = [r.text for r in redaction.find_bsns(text)]
    assert got == ([found] if found else [])
    if found:
        assert redaction.find_bsns(text)[0].ground == "5.1.1d"


def test_iban_checksum_phone_email_and_names() -> None:
    assert redaction.iban_valid("NL91 ABNA 0417 1643 00")
    assert not redaction.iban_valid("NL92ABNA0417164300")
    text = (
        "Rekening NL91 ABNA 0417 1643 00, fout NL92ABNA0417164300. Bel 020-1234567 of "
        "+31 6 12345678, mail a.b@c.nl. Groet, meneer Bakker (Jan Bakker)."
    )
    found = redaction.detect(text, redaction.name_terms(["Jan Bakker"]))
    kinds = [(r.kind, r.text) for r in found]
    assert ("iban", "NL91 ABNA 0417 1643 00") in kinds
    assert not any("NL92" in t for _, t in kinds)
    assert ("telefoon", "020-1234567") in kinds and ("telefoon", "+31 6 12345678") in kinds
    assert ("email", "a.b@c.nl") in kinds
    assert ("naam", "Bakker") in kinds and ("naam", "Jan Bakker") in kinds
    assert all(r.ground == "5.1.2e" for r in found)
    out = redaction.apply(text, found)
    assert "Bakker" not in out and "[5.1.2e]" in out and "NL92ABNA0417164300" in out


def test_export_has_text_but_no_redacted_string(lk: tuple[Loket, str], tmp_path: Path) -> None:
    loket, ref = lk
    out = tmp_path / "woo"
    done = woo.export(loket, [ref], out)
    assert {p.name for p in out.iterdir()} == {
        f"{ref}.txt",
        f"{ref}.html",
        f"{ref}-redacties.csv",
        f"{ref}-redacties.json",
        "index.json",
    }
    everything = _bytes(out)
    for secret in (BSN, IBAN, PHONE, OTHER_EMAIL, ADDRESS, NAME, "Kwakernaat", "Marloes"):
        assert secret.encode() not in everything, secret
        assert secret.lower().encode() not in everything.lower(), secret
    text = (out / f"{ref}.txt").read_text(encoding="utf-8")
    assert PHRASE in text and "[5.1.1d]" in text and "[5.1.2e]" in text
    rows = json.loads((out / f"{ref}-redacties.json").read_text(encoding="utf-8"))
    assert done.redactions == len(rows) and len(rows) >= 6
    assert {r["grond"] for r in rows} == {"5.1.1d", "5.1.2e"}
    assert {"BSN", "IBAN", "telefoonnummer", "e-mailadres", "naam"} <= {r["soort"] for r in rows}
    html = (out / f"{ref}.html").read_text(encoding="utf-8")
    assert 'class="lak"' in html and "persoonlijke levenssfeer" in html
    exports = [e for e in loket.store.audit.entries() if e["action"] == "exporteren: woo"]
    assert exports and exports[0]["object"] == f"zaak:{ref}"


def test_reviewer_adds_and_undoes_before_export(lk: tuple[Loket, str], tmp_path: Path) -> None:
    loket, ref = lk
    before = woo.document(loket, ref)
    assert PHRASE not in before.secrets()
    woo.add(loket, ref, PHRASE)
    woo.undo(loket, ref, OTHER_EMAIL)
    doc = woo.document(loket, ref)
    assert PHRASE in doc.secrets() and OTHER_EMAIL not in doc.secrets()
    out = tmp_path / "woo"
    woo.export(loket, [ref], out)
    everything = _bytes(out)
    assert PHRASE.encode() not in everything and BSN.encode() not in everything
    assert OTHER_EMAIL.encode() in everything  # the reviewer left it readable
    woo.reset(loket, ref, OTHER_EMAIL)
    assert OTHER_EMAIL in woo.document(loket, ref).secrets()
    with pytest.raises(InvalidInput, match="weigeringsgrond"):
        woo.add(loket, ref, "iets", ground="9.9.9")
    actions = {e["action"] for e in loket.store.audit.entries()}
    assert {"woo: lakken toegevoegd", "woo: lakken ongedaan"} <= actions


def test_woo_is_for_the_archivaris(lk: tuple[Loket, str], tmp_path: Path) -> None:
    loket, ref = lk
    loket.user = "anne"
    with pytest.raises(PermissionDenied):
        woo.export(loket, [ref], tmp_path / "no")
    with pytest.raises(PermissionDenied):
        woo.add(loket, ref, "iets")

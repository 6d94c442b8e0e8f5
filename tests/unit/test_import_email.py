"""Import of .eml and .mbox files, including messages that are broken in the ways real mail is."""

from __future__ import annotations

import hashlib
import sysconfig
from pathlib import Path

import pytest

from inbox.channels.imports.eml import import_bytes
from inbox.channels.imports.files import import_files
from inbox.channels.mailparse import parse_email, safe_filename, sanitize_html


def parse(raw: bytes):  # type: ignore[no-untyped-def]
    return parse_email(raw, hashlib.sha256(raw).hexdigest())


PLAIN = (
    b"From: =?utf-8?q?J=C3=BCrgen_van_der_Berg?= <Jurgen@Example.NL>\r\n"
    b"To: info@gemeente.test\r\n"
    b"Subject: =?iso-8859-1?q?Caf=E9_op_het_plein_?= =?utf-8?b?4oCTIHRlcnJhcw==?=\r\n"
    b"Date: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
    b"Message-ID: <plain@example.nl>\r\n"
    b"\r\n"
    b"Mag het terras open tot 23 uur?\r\n"
)


def test_encoded_words_in_headers_are_decoded() -> None:
    msg = parse(PLAIN)
    assert msg.parse_error is None
    assert msg.sender == "jurgen@example.nl"
    assert msg.sender_name == "Jürgen van der Berg"
    assert msg.subject == "Café op het plein – terras"
    assert msg.message_id == "<plain@example.nl>"
    assert msg.sent_at.isoformat() == "2026-11-02T10:00:00+01:00"


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("koi8-r", "Привет, мэрия"),
        ("iso-2022-jp", "市役所へ"),
        ("windows-1252", "€ 25,– boete"),
        ("iso-8859-15", "Œuvre €"),
        ("utf-16", "ĳsbaan"),
    ],
)
def test_odd_charsets_decode(charset: str, text: str) -> None:
    raw = (
        f"From: a@example.nl\nSubject: t\nContent-Type: text/plain; charset={charset}\n"
        "Content-Transfer-Encoding: base64\n\n"
    ).encode() + __import__("base64").encodebytes(text.encode(charset))
    assert parse(raw).body_text.strip() == text


def test_unknown_or_lying_charset_falls_back_without_losing_the_text() -> None:
    unknown = (
        b"From: a@example.nl\nSubject: t\nContent-Type: text/plain; charset=x-martian\n\nhallo"
    )
    assert parse(unknown).body_text == "hallo"
    lying = (
        "From: a@example.nl\nSubject: t\nContent-Type: text/plain; charset=us-ascii\n\n"
        "Beste meneer, één vraag"
    ).encode()
    assert parse(lying).body_text == "Beste meneer, één vraag"
    latin = "From: a@example.nl\nSubject: t\n\nCafé".encode("latin-1")  # 8-bit, no charset
    assert parse(latin).body_text == "Café"


def test_broken_headers_cost_the_header_not_the_message() -> None:
    raw = (
        b'From: "unterminated <broken@@example..nl\r\n'
        b"To: ;;;,,<>\r\n"
        b"Subject: =?utf-8?q?half_encoded\r\n"
        b"Date: yesterday around noon\r\n"
        b"Message-ID: no angle brackets here\r\n"
        b"X-Nul: a\x00b\r\n"
        b"\r\n"
        b"De tekst komt wel door.\r\n"
    )
    msg = parse(raw)
    assert msg.parse_error is None
    assert "tekst komt wel door" in msg.body_text
    assert "half" in msg.subject


def test_nested_multiparts_attachments_and_inline_images() -> None:
    raw = b"""From: a@example.nl
Subject: Foto van de losse stoeptegel
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Zie foto.
--alt
Content-Type: text/html; charset=utf-8

<p>Zie <b>foto</b> <img src="cid:img1@x"><img src="https://tracker.example/p.gif"></p>
<script>alert(1)</script>
--alt--
--rel
Content-Type: image/png
Content-ID: <img1@x>
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--rel--
--outer
Content-Type: application/pdf
Content-Disposition: attachment; filename*=utf-8''..%2F..%2Fetc%2Fbrief%20gemeente.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--outer--
"""
    msg = parse(raw)
    assert msg.body_text == "Zie foto."
    assert msg.body_html is not None
    assert "<script" not in msg.body_html and "tracker.example" not in msg.body_html
    assert 'src="cid:img1@x"' in msg.body_html
    names = {(a.filename, a.inline, a.content_id) for a in msg.attachments}
    assert ("brief gemeente.pdf", False, None) in names
    assert any(a.inline and a.content_id == "img1@x" for a in msg.attachments)
    pdf = next(a for a in msg.attachments if a.filename.endswith(".pdf"))
    assert pdf.data.startswith(b"%PDF")


def test_html_only_mail_gets_a_text_version() -> None:
    raw = (
        b"From: a@example.nl\nSubject: t\nContent-Type: text/html; charset=utf-8\n\n"
        b"<html><body><p>Regel&nbsp;een</p><p>Regel twee</p><style>p{}</style></body></html>"
    )
    msg = parse(raw)
    assert msg.body_text == "Regel een\nRegel twee"  # a non-breaking space is a space


def test_missing_boundary_and_truncated_base64_still_parse() -> None:
    raw = b"From: a@example.nl\nSubject: kapot\nContent-Type: multipart/mixed\n\ngeen grens\n"
    assert parse(raw).parse_error is None
    truncated = (
        b"From: a@example.nl\nSubject: t\nContent-Type: multipart/mixed; boundary=b\n\n"
        b"--b\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        b"filename=a.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLj"
    )
    msg = parse(truncated)
    assert msg.parse_error is None and msg.attachments[0].filename == "a.pdf"


def test_bounce_keeps_the_returned_message_as_attachment() -> None:
    raw = b"""From: MAILER-DAEMON@mail.example.nl
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="r"

--r
Content-Type: text/plain

Het bericht kon niet worden bezorgd.
--r
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.nl
Final-Recipient: rfc822; weg@example.nl
Action: failed
Status: 5.1.1
--r
Content-Type: message/rfc822

From: info@gemeente.test
Subject: Uw aanvraag

Origineel.
--r--
"""
    msg = parse(raw)
    assert "niet worden bezorgd" in msg.body_text
    eml = [a for a in msg.attachments if a.content_type == "message/rfc822"]
    assert eml and b"Uw aanvraag" in eml[0].data


@pytest.mark.parametrize("raw", [b"", b"\x89PNG\r\n\x1a\n\x00\x00binary", b"\n\n\njust text"])
def test_unreadable_input_is_flagged_not_dropped(raw: bytes) -> None:
    msg = parse(raw)
    assert msg.parse_error is not None
    assert msg.subject == "(onleesbaar bericht)"


def test_safe_filename() -> None:
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\x\\brief.pdf") == "brief.pdf"
    assert safe_filename("a\x00b<>.pdf") == "a_b__.pdf"
    assert safe_filename("...") == "bijlage"
    assert safe_filename("CON.txt") == "_CON.txt"


def test_sanitizer_removes_event_handlers_and_javascript_links() -> None:
    out = sanitize_html('<a href="javascript:alert(1)" onmouseover="x()">k</a><iframe src=x>')
    assert "javascript" not in out and "onmouseover" not in out and "iframe" not in out


# -- import into a database -----------------------------------------------------------------


def test_original_bytes_are_stored_before_parsing_and_kept_exactly(loket) -> None:  # type: ignore[no-untyped-def]
    received = import_bytes(loket, PLAIN)
    assert loket.original_bytes(received.message_id) == PLAIN


def test_a_parser_crash_still_keeps_the_message(loket, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import inbox.channels.mailparse as mp

    def explode(*a, **k):  # type: ignore[no-untyped-def]
        raise RuntimeError("parser bug")

    monkeypatch.setattr(mp, "_from_message", explode)
    received = import_bytes(loket, PLAIN)
    row = loket.db.one(
        "SELECT parse_error, subject FROM messages WHERE id = ?", (received.message_id,)
    )
    assert row["parse_error"] == "RuntimeError"
    assert "Caf" in row["subject"] or row["subject"] == "(onleesbaar bericht)"
    assert loket.original_bytes(received.message_id) == PLAIN


def test_identical_bytes_are_a_duplicate_but_same_message_id_is_not(loket) -> None:  # type: ignore[no-untyped-def]
    assert not import_bytes(loket, PLAIN).duplicate
    assert import_bytes(loket, PLAIN).duplicate
    other = PLAIN.replace(b"Mag het terras", b"Mag het TERRAS")  # same Message-ID, other bytes
    assert not import_bytes(loket, other).duplicate
    assert loket.db.scalar("SELECT count(*) FROM messages") == 2


def _write_mbox(path: Path, bodies: list[bytes]) -> None:
    with path.open("wb") as fh:
        for body in bodies:
            fh.write(b"From sender@example.nl Mon Nov  2 10:00:00 2026\n" + body + b"\n")


def test_mbox_import_counts_and_second_import_adds_nothing(loket, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mails = [f"From: r{i}@example.nl\nSubject: Vraag {i}\n\nTekst {i}\n".encode() for i in range(3)]
    _write_mbox(tmp_path / "a.mbox", mails + [mails[0]])
    (tmp_path / "one.eml").write_bytes(PLAIN)
    first = import_files(loket, [tmp_path / "a.mbox", tmp_path / "one.eml"])
    assert (first.imported, first.duplicates, first.failed) == (4, 1, [])
    second = import_files(loket, [tmp_path / "a.mbox", tmp_path / "one.eml"])
    assert (second.imported, second.duplicates) == (0, 5)
    assert loket.db.scalar("SELECT count(*) FROM messages") == 4


def test_files_that_cannot_be_read_are_reported_and_the_rest_imports(loket, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "fake.mbox").write_bytes(b"not an mbox at all")
    (tmp_path / "ok.eml").write_bytes(PLAIN)
    report = import_files(
        loket, [tmp_path / "missing.eml", tmp_path / "fake.mbox", tmp_path, tmp_path / "ok.eml"]
    )
    assert report.imported == 1
    assert [f["error"] for f in report.failed] == [
        "bestand niet gevonden",
        "geen mbox-bestand (het begint niet met 'From ')",
        "dit is een map, geen bestand",
    ]


def _cpython_corpus() -> list[Path]:
    """Real-world test messages shipped with CPython's email package tests (not written here)."""
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_email" / "data"
    return sorted(folder.glob("msg_*.txt"))


def test_real_world_corpus_imports_completely_and_idempotently(loket) -> None:  # type: ignore[no-untyped-def]
    files = _cpython_corpus()
    assert len(files) >= 40, "CPython's test_email corpus is part of this Python install"
    first = import_files(loket, files)
    assert first.failed == []
    assert first.imported + first.duplicates == len(files)
    assert first.imported >= len(files) - 2  # a few files in the corpus are byte-identical
    second = import_files(loket, files)
    assert second.imported == 0 and second.duplicates == len(files)
    for row in loket.db.query("SELECT id, raw_sha256 FROM messages"):
        data = loket.original_bytes(row["id"])
        assert hashlib.sha256(data).hexdigest() == row["raw_sha256"]

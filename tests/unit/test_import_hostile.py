"""Hostile and broken input for the importers, the mail parser and the Mastodon client: every
file ends in stored messages or one Dutch line naming the cause, never a crash, a hang or a
stop of the other files. The files are synthetic, made here or in tests/data/mbox."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import threading
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from inbox.channels import mailparse
from inbox.channels.imports import files, guard, limits, mbox
from inbox.channels.imports.files import import_files
from inbox.channels.mailparse import html_to_text, parse_email, safe_filename
from inbox.errors import PermissionDenied
from tests.conftest import ROOT, act_as, add_staff

MBOX = ROOT / "tests" / "data" / "mbox"
GOOD = (
    b"From: Fatima el Amrani <fatima@example.nl>\nTo: info@gemeente.test\n"
    b"Subject: Parkeervergunning\nDate: Tue, 03 Nov 2026 09:12:00 +0100\n"
    b"Message-ID: <good@example.nl>\n\nIk wil een parkeervergunning aanvragen.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


@pytest.fixture
def anne(loket: Any) -> Any:
    """The test database acting as anne (medewerker): she may import."""
    add_staff(loket)
    act_as(loket, "anne")
    return loket


def parse(raw: bytes) -> Any:
    return parse_email(raw, hashlib.sha256(raw).hexdigest())


def errors(report: files.ImportReport) -> dict[str, str]:
    return {Path(f["file"]).name: f["error"] for f in report.failed}


# -- mbox: the formats of Thunderbird, Gmail Takeout, mutt and mboxcl2 --------------------------


def read_mbox(name: str, limit: int = limits.MAX_MESSAGE_BYTES) -> list[mbox.MboxMessage]:
    with (MBOX / name).open("rb") as fh:
        return list(mbox.iter_messages(fh, limit))


def test_thunderbird_mbox_unquotes_from_lines() -> None:
    messages = read_mbox("thunderbird.mbox")
    assert len(messages) == 3
    first, second, third = (m.data or b"" for m in messages)
    assert b"\nFrom maandag af kan ik niet meer betalen.\n" in first
    assert b"\n>From de buren hoorde ik dinsdag.\n" in second  # mboxrd: one '>' less
    assert first.startswith(b"X-Mozilla-Status: 0001\n") and first.endswith(b"Fatima\n")
    assert third.endswith(b"Hij doet het weer, dank u.\n")  # the separating blank line is gone


def test_gmail_takeout_body_lines_starting_with_from_do_not_split_a_message() -> None:
    messages = read_mbox("gmail-takeout.mbox")
    assert len(messages) == 2  # Python's mailbox.mbox reads four
    first = messages[0].data or b""
    assert b"\r\nFrom what I read on your website" in first
    assert b"\r\nFrom Monday on I live at Dorpsstraat 3.\r\n" in first
    assert first.endswith(b"--000000000000a1b2c3--\r\n")
    parsed = parse(first)
    assert parsed.parse_error is None and parsed.subject == "Registering at the town hall"
    assert "From Monday on I live" in parsed.body_text


def test_mutt_content_length_and_quoting() -> None:
    messages = read_mbox("mutt.mbox")
    assert [parse(m.data or b"").subject for m in messages] == ["Paspoort verlengen", "Afval"]
    assert b"\nFrom de website snap ik niet" in (messages[0].data or b"")


def test_mboxcl2_content_length_keeps_a_forwarded_from_line_and_survives_a_wrong_length() -> None:
    messages = read_mbox("mboxcl2.mbox")
    subjects = [parse(m.data or b"").subject for m in messages]
    assert subjects == ["Doorgestuurd: klacht", "Verkeerde lengte", "Laatste"]
    first = messages[0].data or b""
    assert b"\nFrom jan@example.nl Sun Nov  1 09:00:00 2026\nSubject: Klacht" in first
    assert first.endswith(b"De stoep is gevaarlijk.\n")
    assert (messages[1].data or b"").endswith(b"regel voor regel.\n")


def test_mbox_corpus_imports_every_message_once(anne: Any) -> None:
    paths = sorted(MBOX.glob("*.mbox"))
    report = import_files(anne, paths)
    assert (report.imported, report.failed, report.unparsed) == (10, [], 0)
    again = import_files(anne, paths)
    assert (again.imported, again.duplicates) == (0, 10)


def test_a_message_above_the_limit_is_skipped_and_named_the_rest_imports(
    anne: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = b"From: a@example.nl\nSubject: groot\n\n" + b"x" * 4000 + b"\n"
    path = tmp_path / "groot.mbox"
    path.write_bytes(
        b"From a@example.nl Mon Nov  2 10:00:00 2026\n" + big + b"\n"
        b"From b@example.nl Mon Nov  2 11:00:00 2026\n" + GOOD
    )
    (tmp_path / "groot.eml").write_bytes(big)
    monkeypatch.setattr(files, "MAX_MESSAGE_BYTES", 2 * 1024 * 1024 // 1000)  # 2 KB
    report = import_files(anne, [path, tmp_path / "groot.eml"])
    assert report.imported == 1
    found = errors(report)
    assert found["groot.mbox"].startswith("bericht 1: groter dan ")
    assert found["groot.mbox"].endswith("overgeslagen; de andere berichten zijn wel geïmporteerd.")
    assert found["groot.eml"].startswith("De e-mail is te groot om te importeren")


# -- HTML to text: linear, complete, plain spaces ------------------------------------------


PATHOLOGICAL = {
    "bare <": lambda n: "a < b " * (n // 6),
    "unclosed <script": lambda n: "<script " * (n // 8),
    "deep nesting": lambda n: "<div>" * (n // 5),
    "unclosed comments": lambda n: "<!--" * (n // 4),
    "formatting with attributes": lambda n: "".join(f"<b class=c{i}>" for i in range(n // 16)),
    "ampersands": lambda n: "&" * n,
}


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_a_megabyte_of_pathological_html_converts_in_under_a_second(kind: str) -> None:
    html = "<p>Begin van de klacht</p>" + PATHOLOGICAL[kind](1_000_000)
    raw = b"From: a@example.nl\nSubject: t\nContent-Type: text/html; charset=utf-8\n\n"
    raw += html.encode()
    started = time.process_time()
    message = parse(raw)
    spent = time.process_time() - started
    assert message.parse_error is None
    assert message.body_text.startswith("Begin van de klacht")
    assert spent < 1.0, f"{kind}: {spent:.2f} s of CPU"  # the one timing bound (issue 18 #4)


def test_html_to_text_is_complete_after_the_budget_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    html = "<p>Een</p><script>var x = '<p>geheim</p>';</script><p>Twee&nbsp;drie</p>" * 3
    normal = html_to_text(html)
    monkeypatch.setattr(mailparse, "HTML_CPU_SECONDS", -1.0)  # already over budget
    fallback = html_to_text(html)
    for text in (normal, fallback):
        assert text.count("Een") == 3 and text.count("Twee drie") == 3
        assert "geheim" not in text and "var x" not in text


def test_unicode_spaces_become_plain_spaces() -> None:
    html = (
        "<p>een\xa0twee\u2002drie\u2003vier\u2009vijf\u202fzes\u3000zeven</p>"
        "<p>a&nbsp;b&#8239;c</p>"
    )
    assert html_to_text(html) == "een twee drie vier vijf zes zeven\na b c"


def test_deep_html_is_shown_as_text_not_sanitised() -> None:
    raw = b"From: a@example.nl\nSubject: t\nContent-Type: text/html\n\n" + b"<div>" * 300 + b"x"
    message = parse(raw)
    assert message.body_html is None and message.body_text == "x"
    shallow = parse(b"From: a@example.nl\nSubject: t\nContent-Type: text/html\n\n<p>x</p>")
    assert shallow.body_html is not None


# -- the mail parser never raises: lone surrogates, broken charsets, deep MIME -------------


UTF7_SUBJECT = b"From: a@example.nl\nSubject: =?utf-7?q?+2AA-?= vraag\n\nTekst\n"
UTF7_BODY = (
    b"From: =?utf-7?q?+2AA-?= <a@example.nl>\nSubject: t\n"
    b"Content-Type: text/plain; charset=utf-7\n\nHallo +2AA- daar\n"
)


@pytest.mark.parametrize("raw", [UTF7_SUBJECT, UTF7_BODY])
def test_lone_surrogates_become_replacement_characters(raw: bytes, anne: Any,
                                                       tmp_path: Path) -> None:
    message = parse(raw)
    assert message.parse_error is None
    for text in (message.subject, message.sender_name, message.body_text):
        assert not re.search("[\ud800-\udfff]", text)
    assert "\ufffd" in message.subject + message.sender_name + message.body_text
    path = tmp_path / "utf7.eml"
    path.write_bytes(raw)
    assert import_files(anne, [path]).imported == 1  # and it is kept


@pytest.mark.parametrize(
    "charset", ["utf-7", "idna", "punycode", "rot13", "zlib", "base64", "x-\x01", "utf-16", "nul"]
)
def test_broken_or_odd_charsets_give_text(charset: str) -> None:
    raw = (
        f"From: a@example.nl\nSubject: t\nContent-Type: text/html; charset=\"{charset}\"\n\n"
    ).encode() + b"<p>+AGEAYgBj-\xff\xfe caf\xe9 \x00</p>"
    message = parse(raw)
    assert message.parse_error is None
    assert not re.search("[\ud800-\udfff\x00]", message.body_text)
    if charset != "utf-16":  # a lying UTF-16 gives (other) text; the rest falls back to Latin
        assert "caf" in message.body_text


def test_mime_nested_deeper_than_the_limit_is_kept_as_an_attachment() -> None:
    depth = limits.MAX_MIME_DEPTH + 10
    parts = [b"From: a@example.nl\nSubject: diep\nMIME-Version: 1.0\n"]
    for level in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{level}"\n\n--b{level}\n'.encode())
    parts.append(b"Content-Type: text/plain\n\nHet diepste deel.\n")
    parts += [f"--b{level}--\n".encode() for level in reversed(range(depth))]
    message = parse(b"".join(parts))
    assert message.parse_error is None
    kept = [a for a in message.attachments if a.content_type == "message/rfc822"]
    assert len(kept) == 1 and b"Het diepste deel." in kept[0].data


# -- attachment names: device names, bidi overrides ----------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("CON .txt", "_CON .txt"),
        ("com2.log", "_com2.log"),
        ("COM9", "_COM9"),
        ("LPT2.pdf", "_LPT2.pdf"),
        ("lpt9.tar.gz", "_lpt9.tar.gz"),
        ("nul", "_nul"),
        ("COM10.txt", "COM10.txt"),
        ("x\u202egpj.exe", "xgpj.exe"),
        ("factuur\u2066\u200f.pdf\u2069.exe", "factuur.pdf.exe"),
        ("a" * 300 + ".pdf", "a" * 146 + ".pdf"),
    ],
)
def test_safe_filename_refuses_device_names_and_direction_tricks(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_a_right_to_left_override_cannot_hide_an_executable() -> None:
    from inbox.mailview import is_risky

    raw = (
        "From: a@example.nl\nSubject: foto\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nZie '
        "bijlage.\n--b\nContent-Type: application/octet-stream\n"
        'Content-Disposition: attachment; filename="=?utf-8?b?'
        + __import__("base64").b64encode("vakantie\u202egpj.exe".encode()).decode()
        + '?="\n\nTVo=\n--b--\n'
    ).encode()
    (attachment,) = parse(raw).attachments
    assert attachment.filename == "vakantiegpj.exe"
    assert is_risky(attachment.filename)


# -- files that are not what they say ------------------------------------------------------


def test_empty_file_and_png_named_eml_are_refused_with_their_real_kind(
    anne: Any, tmp_path: Path
) -> None:
    (tmp_path / "leeg.eml").write_bytes(b"")
    (tmp_path / "foto.eml").write_bytes(PNG)
    (tmp_path / "brief.json").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "chat.mbox").write_bytes(PNG)
    (tmp_path / "WhatsApp Chat with Eva.txt").write_bytes(PNG)
    (tmp_path / "export.zip").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    (tmp_path / "goed.eml").write_bytes(GOOD)
    names = ["leeg.eml", "foto.eml", "brief.json", "chat.mbox", "WhatsApp Chat with Eva.txt",
             "export.zip", "goed.eml"]
    report = import_files(anne, [tmp_path / n for n in names])
    assert report.imported == 1
    assert errors(report) == {
        "leeg.eml": "Het bestand is leeg.",
        "foto.eml": "Dit bestand is geen e-mail (.eml) maar een afbeelding (PNG).",
        "brief.json": "Dit bestand is geen Facebook- of Instagram-export (.json) maar een "
        "PDF-document.",
        "chat.mbox": "Dit bestand is geen mailbox (.mbox) maar een afbeelding (PNG).",
        "WhatsApp Chat with Eva.txt": "Dit bestand is geen WhatsApp-chat (.txt) maar een "
        "afbeelding (PNG).",
        "export.zip": "Dit bestand is geen export (.zip) maar een afbeelding (GIF).",
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_or_a_device_named_eml_is_refused_without_blocking(
    anne: Any, tmp_path: Path
) -> None:
    fifo = tmp_path / "wacht.eml"
    os.mkfifo(fifo)
    device = tmp_path / "nul.eml"
    device.symlink_to("/dev/zero")
    (tmp_path / "goed.eml").write_bytes(GOOD)
    result: dict[str, Any] = {}

    def run() -> None:
        result["report"] = import_files(anne, [fifo, device, tmp_path / "goed.eml"])

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the reader before failing, so the test run ends
        with open(fifo, "wb"):
            pass
        pytest.fail("the import blocked on a named pipe")
    report = result["report"]
    assert report.imported == 1
    assert errors(report) == {
        "wacht.eml": "dit is een named pipe (FIFO), geen gewoon bestand; Loket leest het niet",
        "nul.eml": "dit is een apparaat, geen gewoon bestand; Loket leest het niet",
    }


def test_the_command_line_exits_1_and_names_each_refused_file(tmp_path: Path) -> None:
    from inbox.services import Loket
    from tests.conftest import STAFF_PASSWORD
    from tests.unit.test_cli import loket as run

    made = Loket.open(tmp_path / "x.db")
    add_staff(made)
    made.close()
    (tmp_path / "leeg.eml").write_bytes(b"")
    (tmp_path / "foto.eml").write_bytes(PNG)
    done = run("--db", tmp_path / "x.db", "--user", "anne", "import", tmp_path / "leeg.eml",
               tmp_path / "foto.eml", env={"LOKET_PASSWORD": STAFF_PASSWORD})
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "0 geïmporteerd, 0 dubbel, 2 mislukt",
        f"  {tmp_path / 'leeg.eml'}: Het bestand is leeg.",
        f"  {tmp_path / 'foto.eml'}: Dit bestand is geen e-mail (.eml) maar een afbeelding (PNG).",
    ]


# -- zips within the limits ------------------------------------------------------------------


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _patch_zip(raw: bytes, *, flags: int | None = None, method: int | None = None) -> bytes:
    """Set the general-purpose flags or the compression method in every header."""
    data = bytearray(raw)
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            if flags is not None:
                data[found + flag_at : found + flag_at + 2] = flags.to_bytes(2, "little")
            if method is not None:
                data[found + flag_at + 2 : found + flag_at + 4] = method.to_bytes(2, "little")
            start = found + 4
    return bytes(data)


CHAT = b"[12-03-2024 09:15:10] Piet: Hallo, de stoep is kapot\n"


def test_zip_bomb_is_refused_before_it_is_unpacked(anne: Any, tmp_path: Path) -> None:
    chat_with_photo = CHAT + b"[12-03-2024 09:16:00] Piet: IMG-0001.jpg <attached: IMG-0001.jpg>\n"
    bomb = _zip({"_chat.txt": chat_with_photo, "IMG-0001.jpg": b"\x00" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000  # 20 MB of zeros in a few dozen KB
    path = tmp_path / "WhatsApp Chat - Piet.zip"
    path.write_bytes(bomb)
    report = import_files(anne, [path])
    assert report.imported == 0
    assert "zip-bom" in errors(report)[path.name]
    assert "100 keer" in errors(report)[path.name]


@pytest.mark.parametrize(
    ("limit", "value", "members", "expected"),
    [
        ("MAX_ZIP_MEMBERS", 3, {f"m{i}.txt": b"x" for i in range(4)}, "de grens is 3"),
        ("MAX_MEMBER_BYTES", 10, {"_chat.txt": CHAT}, "uitgepakt te groot"),
        ("MAX_UNPACKED_BYTES", 10, {"_chat.txt": CHAT}, "Uitgepakt is dit zip-bestand te groot"),
    ],
)
def test_each_zip_limit_is_enforced(
    anne: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int,
    members: dict[str, bytes], expected: str,
) -> None:
    monkeypatch.setattr(guard, limit, value)
    members = {"_chat.txt": CHAT, **members}
    path = tmp_path / "WhatsApp Chat - Piet.zip"
    path.write_bytes(_zip(members))
    report = import_files(anne, [path])
    assert report.imported == 0 and expected in errors(report)[path.name]


def test_a_zip_inside_the_export_is_kept_not_unpacked(anne: Any, tmp_path: Path) -> None:
    inner = _zip({"a.txt": b"binnenin"})
    chat = CHAT + b"[12-03-2024 09:16:00] Piet: stukken.zip <attached: stukken.zip>\n"
    path = tmp_path / "WhatsApp Chat - Piet.zip"
    path.write_bytes(_zip({"_chat.txt": chat, "stukken.zip": inner}))
    assert import_files(anne, [path]).imported == 2
    kept = anne.db.scalar("SELECT sha256 FROM attachments WHERE filename = 'stukken.zip'")
    assert anne.blobs.get(kept) == inner  # limit zip_depth: one level, the inner one as is


def test_encrypted_and_unknown_compression_members_are_named(anne: Any, tmp_path: Path) -> None:
    encrypted = tmp_path / "WhatsApp Chat - Geheim.zip"
    encrypted.write_bytes(_patch_zip(_zip({"_chat.txt": CHAT}), flags=0x1))
    odd = tmp_path / "WhatsApp Chat - Vreemd.zip"
    odd.write_bytes(_patch_zip(_zip({"_chat.txt": CHAT}), method=99))
    report = import_files(anne, [encrypted, odd])
    found = errors(report)
    assert "met een wachtwoord beveiligd" in found[encrypted.name]
    assert "ingepakt op een manier die Loket niet kan lezen" in found[odd.name]


# -- the social importers: every hostile file one Dutch line, the others go on -------------------


def _facebook(messages: Any, participants: Any = None) -> bytes:
    document = {
        "participants": [{"name": "Zoë Hendriks"}, {"name": "Gemeente Voorbeeld"}]
        if participants is None
        else participants,
        "messages": messages,
        "title": "Zoë Hendriks",
    }
    return json.dumps(document).encode()


def _fb_message(stamp: Any) -> dict[str, Any]:
    return {"sender_name": "Zoë Hendriks", "timestamp_ms": stamp, "content": "Hallo"}


def _x(messages: Any) -> bytes:
    document = [{"dmConversation": {"conversationId": "1001-2002", "messages": messages}}]
    return b"window.YTD.direct_messages.part0 = " + json.dumps(document).encode()


def _x_message(created: Any, media: Any = None, number: str = "1") -> dict[str, Any]:
    create: dict[str, Any] = {
        "id": number, "senderId": "2002", "text": "Hoi", "createdAt": created
    }
    if media is not None:
        create["mediaUrls"] = media
    return {"messageCreate": create}


HOSTILE: dict[str, tuple[bytes, str]] = {
    "WhatsApp Chat with Jaar Een.txt": (
        b"[01-01-0001, 10:00:00] Eva: Hallo\n", "onmogelijke datum (0001-01-01)"),
    "WhatsApp Chat with Jaar Negenduizend.txt": (
        b"31-12-9999 23:59 - Eva: Hallo\n", "onmogelijke datum (9999-12-31)"),
    "WhatsApp Chat with Utf16.txt": (b"\xff\xfe\x41", "geen geldige UTF-8 of UTF-16"),
    "infinity.json": (
        _facebook([_fb_message(1)]).replace(b'"timestamp_ms": 1', b'"timestamp_ms": Infinity'),
        "onmogelijke tijd (inf)"),
    "nan.json": (
        _facebook([_fb_message(1)]).replace(b'"timestamp_ms": 1', b'"timestamp_ms": NaN'),
        "onmogelijke tijd (nan)"),
    "huge-number.json": (_facebook([_fb_message(10**30)]), "onmogelijke tijd"),
    "overflow.json": (
        _facebook([_fb_message(1)]).replace(b'"timestamp_ms": 1', b'"timestamp_ms": 1e400'),
        "onmogelijke tijd (inf)"),
    "year-one.json": (_facebook([_fb_message(-62135596800000)]), "onmogelijke tijd"),
    "boolean.json": (_facebook([_fb_message(True)]), "geen geldige tijd"),
    "text-stamp.json": (_facebook([_fb_message("gisteren")]), "geen geldige tijd"),
    "deep.json": (b'{"participants": [], "messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                  "te diep genest"),
    "deep-but-parses.json": (
        _facebook([_fb_message(1)], participants=json.loads("[" * 150 + "]" * 150)),
        "te diep genest"),
    "participants-number.json": (_facebook([_fb_message(1_700_000_000_000)], participants=5),
                                 "onbekende opbouw"),
    "photos-text.json": (
        _facebook([{**_fb_message(1_700_000_000_000), "photos": "foto.jpg"}]),
        "onbekende opbouw"),
    "x-mixed-zones.js": (
        _x([_x_message("2024-03-12T13:05:00.000Z"), _x_message("2024-03-12T13:06:00", None, "2")]),
        ""),
    "x-year-9999.js": (_x([_x_message("9999-12-31T23:59:59.000Z")]), "onmogelijke datum"),
    "x-media-number.js": (_x([_x_message("2024-03-12T13:05:00.000Z", media=7)]),
                          "onbekende opbouw"),
    "x-messages-object.js": (_x({"a": 1}), "onbekende opbouw"),
    "x-deep.js": (b"window.YTD.direct_messages.part0 = " + b"[" * 50_000 + b"]" * 50_000,
                  "te diep genest"),
}


def test_every_hostile_export_gives_one_dutch_line_and_the_next_file_imports(
    anne: Any, tmp_path: Path
) -> None:
    paths = []
    for name, (data, _) in HOSTILE.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    (tmp_path / "goed.eml").write_bytes(GOOD)
    report = import_files(anne, [*paths, tmp_path / "goed.eml"])
    found = errors(report)
    # mixed naive and aware X times are read (naive as UTC), not refused
    assert "x-mixed-zones.js" not in found
    assert report.imported == 2 + 1
    for name, (_, expected) in HOSTILE.items():
        if not expected:
            continue
        assert expected in found[name], (name, found.get(name))
        assert "\n" not in found[name] and "interne fout" not in found[name]
        assert not re.search(r"\b(the|is not|cannot|invalid|error|out of range)\b", found[name])
    assert len(found) == len([e for _, e in HOSTILE.values() if e])


def test_an_unexpected_bug_in_one_file_still_names_it_and_the_others_import(
    anne: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inbox.channels.imports import whatsapp

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise TypeError("a bug")

    monkeypatch.setattr(whatsapp, "parse_file", broken)
    (tmp_path / "WhatsApp Chat with Eva.txt").write_bytes(b"01-02-2024 10:00 - Eva: Ok\n")
    (tmp_path / "goed.eml").write_bytes(GOOD)
    report = import_files(anne, [tmp_path / "WhatsApp Chat with Eva.txt", tmp_path / "goed.eml"])
    assert report.imported == 1
    assert errors(report)["WhatsApp Chat with Eva.txt"] == (
        "Loket kon dit bestand niet lezen (interne fout TypeError); de andere bestanden zijn wel "
        "verwerkt"
    )


def test_json_depth_limit() -> None:
    assert guard.load_json("[" * 100 + "]" * 100, "x") == json.loads("[" * 100 + "]" * 100)
    with pytest.raises(guard.ExportError, match="te diep genest"):
        guard.load_json("[" * 101 + "]" * 101, "x")


# -- the gate: who may import, and what the audit trail says ------------------------------------


def test_import_is_refused_for_a_teamleider_and_audited_without_file_names(
    anne: Any, tmp_path: Path
) -> None:
    path = tmp_path / "WhatsApp Chat with Anna Smit.eml"
    path.write_bytes(GOOD)
    act_as(anne, "tineke")
    with pytest.raises(PermissionDenied):
        import_files(anne, [path])
    act_as(anne, "anne")
    report = import_files(anne, [path])
    assert report.imported == 1 and report.changes.cases and report.changes.created_case
    rows = anne.db.query("SELECT actor, action, object, result FROM audit_log ORDER BY id")
    mine = [tuple(r) for r in rows if str(r["action"]).startswith("import.files")]
    assert [(r[0], r[3]) for r in mine] == [("tineke", "geweigerd"), ("anne", "ok")]
    assert '"imported": 1' in mine[1][1]
    assert not any("Anna Smit" in " ".join(map(str, r)) for r in rows)


def test_limits_table_in_the_readme_is_the_one_the_code_uses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert limits.markdown_table() in readme
    assert guard.MAX_ZIP_MEMBERS == limits.LIMITS["zip_members"].value
    assert mailparse.MAX_MIME_DEPTH == limits.LIMITS["mime_depth"].value
    assert len(zlib.compress(b"\x00" * limits.RATIO_FLOOR)) * limits.MAX_EXPANSION_RATIO < (
        limits.RATIO_FLOOR
    )  # a megabyte of zeros is over the ratio: the floor is what lets small files through

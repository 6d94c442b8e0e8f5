"""Importers of platform export files: WhatsApp layouts, Facebook/Instagram JSON, X archives,
all-or-nothing per file, idempotence and bad input. Every fixture is synthetic."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from inbox.channels.imports import exportfile, meta, whatsapp, xarchive
from inbox.channels.imports.exportfile import ExportError
from inbox.channels.imports.files import import_files
from inbox.model import Channel

DATA = Path(__file__).resolve().parent.parent / "data" / "social"
AMS = whatsapp._dutch_time()


def _rows(loket: Any, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    return [tuple(r) for r in loket.db.query(sql, params)]


def _counts(loket: Any) -> tuple[int, int, int, int]:
    db = loket.db
    return (
        db.scalar("SELECT count(*) FROM messages"),
        db.scalar("SELECT count(*) FROM cases"),
        db.scalar("SELECT count(*) FROM import_files"),
        db.scalar("SELECT count(*) FROM contacts"),
    )


# -- WhatsApp layouts --------------------------------------------------------------------------


def _parse(name: str) -> Any:
    return whatsapp.parse_file(name, (DATA / name).read_bytes())


def test_android_24h_day_month_dutch_with_multiline_and_system_message() -> None:
    parsed = _parse("WhatsApp-chat met Sanne Bakker.txt")
    assert parsed.title == "Sanne Bakker"
    assert parsed.system_messages == 1
    got = [(m.author, m.sent_at, m.outbound) for m in parsed.messages]
    assert got == [
        ("Sanne Bakker", datetime(2024, 3, 12, 9, 14, tzinfo=AMS), False),
        ("Gemeente Voorbeeld", datetime(2024, 3, 13, 10, 2, tzinfo=AMS), True),
        ("Sanne Bakker", datetime(2024, 3, 13, 10, 5, tzinfo=AMS), False),
    ]
    assert parsed.messages[1].text == "Dank u, we geven het door.\nKunt u uw adres sturen?"
    assert parsed.messages[2].text == "Dorpsstraat 1, Voorbeeld\n\nAlvast bedankt!"


def test_android_12h_month_day_with_phone_author_and_narrow_space() -> None:
    parsed = _parse("WhatsApp Chat with +31 6 55501234.txt")
    assert parsed.system_messages == 1
    assert [(m.sent_at.hour, m.sent_at.minute) for m in parsed.messages] == [
        (14, 5),
        (14, 7),
        (9, 30),
        (12, 10),
    ]
    assert parsed.messages[0].sent_at.date().isoformat() == "2024-03-14"
    assert parsed.messages[0].address == (exportfile.AddressKind.PHONE, "+31655501234")
    assert [m.outbound for m in parsed.messages] == [False, False, True, False]


def test_ios_12h_month_day_with_seconds_midnight_and_system_message_under_chat_name() -> None:
    parsed = _parse("WhatsApp Chat with Anna Smit.txt")
    assert parsed.system_messages == 1  # "‎Messages and calls are end-to-end encrypted"
    assert [m.sent_at for m in parsed.messages] == [
        datetime(2024, 3, 14, 14, 5, 31, tzinfo=AMS),
        datetime(2024, 3, 14, 23, 58, 2, tzinfo=AMS),
        datetime(2024, 3, 15, 0, 1, 0, tzinfo=AMS),
    ]
    assert [m.author for m in parsed.messages] == ["Anna Smit", "Gemeente Voorbeeld", "Anna Smit"]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("WhatsApp Chat with Ruben de Wit.txt", datetime(2024, 3, 12, 14, 5, tzinfo=AMS)),
        ("WhatsApp Chat with Lotte Visser.txt", datetime(2024, 3, 12, 14, 5, 23, tzinfo=AMS)),
        ("WhatsApp Chat with Jonas Meier.txt", datetime(2024, 3, 12, 14, 5, tzinfo=AMS)),
    ],
)
def test_iso_dates_both_layouts_and_dotted_dates(name: str, first: datetime) -> None:
    parsed = _parse(name)
    assert parsed.messages[0].sent_at == first
    assert len(parsed.messages) == 2
    assert parsed.messages[1].outbound


def test_ios_zip_with_media_keeps_the_photo_as_attachment() -> None:
    parsed = _parse("WhatsApp Chat - Pieter Jansen.zip")
    assert parsed.title == "Pieter Jansen"
    assert parsed.system_messages == 1
    assert [m.author for m in parsed.messages] == [
        "Pieter Jansen",
        "Pieter Jansen",
        "Gemeente Voorbeeld",
    ]
    assert parsed.messages[0].text == "Hallo, er ligt een losse stoeptegel\nvoor nummer 12."
    photo = parsed.messages[1].attachments
    assert len(photo) == 1 and photo[0].content_type == "image/jpeg"
    assert photo[0].data.startswith(b"\xff\xd8")


def test_group_chat_system_lines_are_counted_not_filed() -> None:
    parsed = _parse("WhatsApp-chat met Buurtgroep Dorpsstraat.txt")
    assert parsed.system_messages == 3
    assert [m.author for m in parsed.messages] == [
        "Kees Mulder",
        "+31 6 55501236",
        "Gemeente Voorbeeld",
    ]


def test_ambiguous_dates_follow_time_order() -> None:
    # every number is 12 or less: day-month keeps 1 Feb .. 2 Feb .. 3 Feb in order
    text = "01/02/2024, 10:00 - Eva: a\n02/02/2024, 10:00 - Eva: b\n03/02/2024, 10:00 - Eva: c\n"
    parsed = whatsapp.parse_text(text, "Eva")
    assert [m.sent_at.month for m in parsed.messages] == [2, 2, 2]
    text_us = "2/1/24, 10:00 AM - Eva: a\n2/2/24, 10:00 AM - Eva: b\n2/3/24, 10:00 AM - Eva: c\n"
    parsed = whatsapp.parse_text(text_us, "Eva")
    assert [m.sent_at.day for m in parsed.messages] == [1, 2, 3]


def test_unknown_layout_is_refused_in_dutch() -> None:
    with pytest.raises(ExportError, match="Onbekende chatindeling"):
        _parse("notitie.txt")


# -- Facebook, Instagram, X ------------------------------------------------------------------


def test_facebook_mojibake_is_repaired_and_order_by_time() -> None:
    parsed = meta.parse_file("message_1.json", (DATA / "message_1.json").read_bytes())
    assert parsed.channel is Channel.FACEBOOK
    texts = [m.text for m in sorted(parsed.messages, key=lambda m: m.sent_at)]
    assert texts[0] == "Wanneer is het café-terras vergunningvrij? 😀"
    assert texts[1] == "[5555.jpg]"  # the photo itself is not in a lone .json
    assert texts[2] == "Graag gedaan, fijne dag! ☀️"
    authors = {m.author: m.outbound for m in parsed.messages}
    assert authors == {"Zoë Hendriks": False, "Gemeente Voorbeeld": True}
    assert meta.fix_mojibake("CafÃ©") == "Café"
    assert meta.fix_mojibake("Café") == "Café"  # already right: unchanged


def test_instagram_zip() -> None:
    name = "instagram-gemeentevoorbeeld-2024-03-20.zip"
    parsed = meta.parse_file(name, (DATA / name).read_bytes())
    assert parsed.channel is Channel.INSTAGRAM
    assert [(m.author, m.outbound) for m in parsed.messages] == [
        ("Daan Köse", False),
        ("gemeentevoorbeeld", True),
    ]


def test_x_archive_wrapper_and_own_account() -> None:
    parsed = xarchive.parse_file("direct-messages.js", (DATA / "direct-messages.js").read_bytes())
    assert parsed.channel is Channel.X
    assert [(m.author, m.outbound) for m in parsed.messages] == [
        ("X-gebruiker 2002", False),
        ("X-gebruiker 1001", True),
        ("X-gebruiker 3003", False),
    ]
    assert parsed.messages[0].sent_at == datetime(2024, 3, 12, 13, 5, tzinfo=UTC)
    assert parsed.messages[0].external_id == "1767000000000000001"


def test_json_of_another_platform_is_named() -> None:
    with pytest.raises(ExportError, match="Telegram"):
        meta.parse_file("result.json", (DATA / "telegram-result.json").read_bytes())
    with pytest.raises(ExportError, match="X-archief"):
        meta.parse_file("x.json", (DATA / "direct-messages.js").read_bytes())
    with pytest.raises(ExportError, match="geen Facebook- of Instagram-gesprek"):
        meta.parse_file("x.json", b'{"hello": "world"}')


# -- into Loket: records, idempotence, all-or-nothing ---------------------------------------


def test_every_layout_imports_every_message_with_author_and_time(
    loket: Any, tmp_path: Path
) -> None:
    names = sorted(p.name for p in DATA.iterdir() if p.name != "notitie.txt")
    names.remove("telegram-result.json")
    report = import_files(loket, [DATA / n for n in names])
    assert report.failed == []
    # 3+4+3+2+2+2+3 WhatsApp, 3 Facebook, 2 Instagram, 3 X
    assert report.imported == 3 + 4 + 3 + 2 + 2 + 2 + 3 + 3 + 3 + 2 + 3
    rows = _rows(
        loket,
        "SELECT channel, count(*), min(sent_at) FROM messages GROUP BY channel ORDER BY channel",
    )
    assert [(r[0], r[1]) for r in rows] == [
        ("facebook", 3),
        ("instagram", 2),
        ("whatsapp", 22),
        ("x", 3),
    ]
    # every resident message has an author and a time
    assert (
        loket.db.scalar(
            "SELECT count(*) FROM messages WHERE direction = 'in' "
            "AND (sender_name = '' OR sent_at = '')"
        )
        == 0
    )
    # one chat is one case (threaded), replies are outbound and the file is a record
    sanne = _rows(
        loket,
        "SELECT DISTINCT case_id FROM messages WHERE subject = 'WhatsApp: Sanne Bakker'",
    )
    assert len(sanne) == 1
    files = _rows(loket, "SELECT channel, filename, size FROM import_files ORDER BY filename")
    assert len(files) == len(names)
    digest = loket.db.scalar(
        "SELECT sha256 FROM import_files WHERE filename = 'WhatsApp Chat - Pieter Jansen.zip'"
    )
    assert loket.blobs.get(digest) == (DATA / "WhatsApp Chat - Pieter Jansen.zip").read_bytes()
    linked = loket.db.scalar(
        "SELECT count(*) FROM import_file_messages l JOIN import_files f ON f.id = l.file_id "
        "WHERE f.filename = 'WhatsApp Chat - Pieter Jansen.zip'"
    )
    assert linked == 3
    assert loket.db.scalar("SELECT count(*) FROM attachments") == 1


def test_same_file_twice_adds_nothing(loket: Any) -> None:
    path = DATA / "WhatsApp-chat met Sanne Bakker.txt"
    first = import_files(loket, [path])
    before = _counts(loket)
    again = import_files(loket, [path])
    assert (first.imported, again.imported, again.duplicates) == (3, 0, 3)
    assert _counts(loket) == before


def test_longer_export_of_the_same_chat_adds_only_the_new_messages(
    loket: Any, tmp_path: Path
) -> None:
    original = (DATA / "WhatsApp-chat met Sanne Bakker.txt").read_text(encoding="utf-8")
    (tmp_path / "WhatsApp-chat met Sanne Bakker.txt").write_text(original, encoding="utf-8")
    import_files(loket, [tmp_path / "WhatsApp-chat met Sanne Bakker.txt"])
    later = tmp_path / "later" / "WhatsApp-chat met Sanne Bakker.txt"
    later.parent.mkdir()
    later.write_text(original + "14-03-2024 08:00 - Sanne Bakker: Hij is geleegd!\n", "utf-8")
    report = import_files(loket, [later])
    assert (report.imported, report.duplicates) == (1, 3)
    assert loket.db.scalar("SELECT count(DISTINCT case_id) FROM messages") == 1
    assert loket.db.scalar("SELECT count(*) FROM import_file_messages") == 3 + 4


def test_identical_messages_in_one_chat_are_both_kept(loket: Any, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Eva.txt"
    path.write_text("01-02-2024 10:00 - Eva: Ok\n01-02-2024 10:00 - Eva: Ok\n", "utf-8")
    assert import_files(loket, [path]).imported == 2


def test_a_failure_midway_leaves_nothing_of_that_file(
    loket: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = exportfile.receive_chat_message

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise ValueError("disk hiccup")
        return real(*args, **kwargs)

    monkeypatch.setattr(exportfile, "receive_chat_message", flaky)
    zip_path = DATA / "WhatsApp Chat - Pieter Jansen.zip"
    before = _counts(loket)
    blobs_before = loket.blobs.digests()
    report = import_files(loket, [zip_path])
    assert report.imported == 0 and len(report.failed) == 1
    assert _counts(loket) == before
    assert loket.db.scalar("SELECT count(*) FROM social_message_keys") == 0
    assert loket.blobs.digests() == blobs_before  # the original and the photo are gone again
    monkeypatch.setattr(exportfile, "receive_chat_message", real)
    assert import_files(loket, [zip_path]).imported == 3


def test_bad_input_gives_one_dutch_message_and_imports_nothing(
    loket: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    truncated = tmp_path / "WhatsApp Chat - Kapot.zip"
    data = (DATA / "WhatsApp Chat - Pieter Jansen.zip").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    huge = tmp_path / "WhatsApp Chat with Groot.txt"
    with huge.open("wb") as fh:  # a sparse 2 GB file: nothing is written, nothing may be read
        fh.truncate(2 * 1024**3)
    real_read = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self != huge, "the huge file was read"
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    other = tmp_path / "result.json"
    shutil.copy(DATA / "telegram-result.json", other)
    unknown = tmp_path / "WhatsApp Chat with Niemand.txt"
    shutil.copy(DATA / "notitie.txt", unknown)
    unknown_zip = tmp_path / "foto's.zip"
    with zipfile.ZipFile(unknown_zip, "w") as z:
        z.writestr("vakantie.jpg", b"x")
    report = import_files(loket, [truncated, huge, other, unknown, unknown_zip])
    assert report.imported == 0
    errors = {Path(f["file"]).name: f["error"] for f in report.failed}
    assert "beschadigd of onvolledig" in errors[truncated.name]
    assert "te groot" in errors[huge.name] and "2,0 GB" in errors[huge.name]
    assert "Telegram" in errors[other.name]
    assert "Onbekende chatindeling" in errors[unknown.name]
    assert "geen bekende export" in errors[unknown_zip.name]
    assert _counts(loket) == (0, 0, 0, 0)
    assert loket.blobs.digests() == []
    os.remove(huge)


def test_zip_member_that_is_damaged_inside(loket: Any, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_chat.txt", "[12-03-2024 09:15:10] Piet: Hallo\n" * 200)
    raw = bytearray(buffer.getvalue())
    raw[60:80] = b"\x00" * 20  # corrupt the compressed stream, keep the directory
    path = tmp_path / "WhatsApp Chat - Piet.zip"
    path.write_bytes(bytes(raw))
    report = import_files(loket, [path])
    assert report.imported == 0
    assert "beschadigd" in report.failed[0]["error"]
    assert _counts(loket) == (0, 0, 0, 0)


def test_one_resident_across_whatsapp_and_phone(loket: Any) -> None:
    import_files(loket, [DATA / "WhatsApp Chat with +31 6 55501234.txt"])
    received = loket.log_contact(
        Channel.PHONE, name="Bo", question="Is mijn vergunning al klaar?", phone_number="0655501234"
    )
    whatsapp_contact = loket.db.scalar(
        "SELECT DISTINCT contact_id FROM messages WHERE channel = 'whatsapp' AND direction = 'in'"
    )
    phone_contact = loket.db.scalar(
        "SELECT contact_id FROM messages WHERE id = ?", (received.message_id,)
    )
    assert whatsapp_contact == phone_contact
    row = loket.db.one("SELECT phone_number FROM messages WHERE id = ?", (received.message_id,))
    assert row["phone_number"] == "+31655501234"


def test_own_names_setting_marks_outbound(loket: Any, tmp_path: Path) -> None:
    with loket.db.transaction():
        loket.db.conn.execute(
            "INSERT INTO settings(key, value) VALUES ('social.own_names', '[\"Balie KCC\"]')"
        )
    path = tmp_path / "WhatsApp-chat met Buurt.txt"
    path.write_text(
        "01-02-2024 10:00 - Eva: Vraag\n01-02-2024 10:05 - Balie KCC: Antwoord\n"
        "01-02-2024 10:06 - Tom: Nog een vraag\n",
        "utf-8",
    )
    import_files(loket, [path])
    assert _rows(loket, "SELECT direction FROM messages ORDER BY sent_at") == [
        ("in",),
        ("out",),
        ("in",),
    ]

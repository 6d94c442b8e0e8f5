"""Erasure reaches every place of the personal-data map: a resident's distinctive values are
planted through the real features (e-mail with attachment, phone note, WhatsApp export, note,
merge with a reason, a queued reply, a Woo decision, an AVG request, team sync events,
Mastodon status, a public post heard while listening), the test checks every place of the map
holds them, erases, and then searches a raw dump of the database (every table, the full-text
index's shadow tables and its terms), the database file itself, and every blob file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inbox import acts, contacts
from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.channels.imports.eml import import_bytes
from inbox.channels.imports.files import import_files
from inbox.errors import PermissionDenied
from inbox.model import Channel, EventKind, IncomingMessage
from inbox.privacy import erasure, processing_log, subject, woo
from inbox.services import Loket
from storage.blobs import BlobStore
from storage.db import connect
from storage.erasure import ErasureQueries
from storage.personal_data import (
    NO_PERSONAL_DATA,
    PLACES,
    Erase,
    classified,
    scrub_json,
)
from tests.conftest import act_as, add_staff
from tests.unit.test_privacy_kit import ADDRESS, BSN, NAME, NOW, PHONE, PHRASE, raw_mail

HANDLE = "mkwakernaat@social.example"
# what must be gone: every value that identifies the resident or is theirs alone
NEEDLES = ("marloes", "kwakernaat", ADDRESS, "87654321", BSN, PHRASE.lower())
OTHER = "milieustraat"  # another resident's text: must survive


def _plain(path: Path) -> Loket:
    """A Loket on an unencrypted database, so the file's raw bytes can be searched too."""
    loket = Loket(connect(path), BlobStore(path.parent / "blobs"))
    loket.now = lambda: NOW
    return loket


def _whatsapp(folder: Path) -> Path:
    chat = folder / "WhatsApp Chat with +31 6 87654321.txt"
    chat.write_text(
        "11/18/26, 9:05 AM - +31 6 87654321: Hallo, hier Marloes Kwakernaat over de "
        f"{PHRASE}\n"
        "11/18/26, 9:40 AM - Gemeente Voorbeeld: Wij kijken ernaar.\n",
        encoding="utf-8",
    )
    return chat


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Loket, str, int]]:
    """The resident's data in every place of the map; returns (loket, case ref, contact)."""
    loket = _plain(tmp_path / "e.db")
    add_staff(loket)
    loket.store.team.set_setting("device", "laptop-a")  # this laptop is in a team: team events
    loket.store.team.set_setting("device_name", "laptop-a")
    loket.store.team.set_setting("slot", "1")
    act_as(loket, "anne")
    got = import_bytes(loket, raw_mail())  # e-mail with an attachment, BSN, phone, phrase
    ref = str(got.reference)
    loket.log_contact(
        Channel.PHONE,
        name=NAME,
        question=f"Belt over de {PHRASE}, BSN {BSN}",
        answer="Uitgelegd",
        phone_number=PHONE,
        case_reference=ref,
    )
    report = import_files(loket, [_whatsapp(tmp_path)])
    assert report.imported == 2 and len(report.cases) == 1, report.failed
    (chat_case,) = report.cases
    loket.add_note(ref, f"{NAME} belde, BSN {BSN}, tel {PHONE}, over de {PHRASE}")
    mail = contacts.find_contact(loket, ADDRESS)
    phone = contacts.find_contact(loket, "+31687654321")
    assert mail is not None and phone is not None and mail != phone
    contacts.merge(loket, mail, phone, f"Zelfde persoon: {NAME}, {PHONE}, BSN {BSN}")
    acting = loket.user
    act_as(loket, "bea")  # the beheerder adds the team's mail account
    account = Accounts(loket).add_mail(
        MailAccount(name="postbus", host="127.0.0.1", port=1, security=Security.NONE,
                    username="info@gemeente.test", smtp_host="127.0.0.1", smtp_port=1,
                    smtp_security=Security.NONE),
        "geheim",
    )
    act_as(loket, acting)
    smtp.compose_reply(loket, account, ref, f"Beste {NAME}, over de {PHRASE}: komt goed.")
    message_id = loket.db.scalar("SELECT id FROM messages WHERE contact_id = ? LIMIT 1", (mail,))
    loket.db.conn.execute(  # a Mastodon status of hers (the channel needs a server otherwise)
        "INSERT INTO mastodon_statuses(message_id, account_id, status_id, uri, visibility, "
        "author_acct, mentions) VALUES (?, ?, '1', ?, 'direct', ?, ?)",
        (message_id, account.id, f"https://social.example/@{HANDLE}/1", HANDLE, HANDLE),
    )
    loket.db.conn.execute(
        "INSERT INTO social_message_keys(channel, key, message_id) VALUES ('mastodon', ?, ?)",
        (f"https://social.example/@{HANDLE}/1", message_id),
    )
    loket.db.conn.execute(  # her Mastodon handle, and a public post of hers heard listening
        "INSERT INTO contact_addresses(contact_id, kind, value, created_at) "
        "VALUES (?, 'mastodon', ?, '2026-11-18T09:00:00Z')", (mail, "@" + HANDLE),
    )
    loket.db.conn.execute(
        "INSERT INTO mastodon_posts(account_id, status_id, uri, author_acct, author_name, text, "
        "created_at, fetched_at, status) VALUES (?, '2', ?, ?, ?, ?, '2026-11-18T09:00:00Z', "
        "'2026-11-18T09:05:00Z', ?)",
        (account.id, f"https://social.example/@{HANDLE}/2", HANDLE, NAME,
         f"Weer die {PHRASE}", json.dumps({"account": {"acct": HANDLE}})),
    )
    loket.close_case(ref, f"Uitgelegd aan {NAME} ({PHONE})", True)
    loket.close_case(chat_case, "Beantwoord via WhatsApp", False)
    loket.receive(  # another resident, untouched by the erasure
        IncomingMessage(Channel.EMAIL, NOW, sender="ander@example.nl", sender_name="Gerrit Ander",
                        subject="Andere vraag", body_text=f"Wanneer gaat de {OTHER} open?")
    )
    act_as(loket, "arjen")
    woo.add(loket, ref, PHRASE)
    subject.add_request(loket, ADDRESS, "verwijdering", note=f"Gebeld door {NAME}, BSN {BSN}")
    loket.db.conn.execute(  # the retention period has passed
        "UPDATE cases SET waardering = 'V', destroy_date = '2026-11-01' WHERE reference IN "
        "(?, ?)",
        (ref, chat_case),
    )
    yield loket, ref, mail
    loket.close()


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return "" if value is None else str(value)


def _dump(conn: sqlite3.Connection) -> str:
    """Every row of every table (shadow tables of the full-text index included) and every
    term of the index, as one lowercase text."""
    parts = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            parts.append(f"{table}: " + " | ".join(_text(v) for v in row))
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING "
                 "fts5vocab(main, search_index, row)")
    parts += [str(t) for (t,) in conn.execute("SELECT term FROM temp.terms")]
    return "\n".join(parts).lower()


def _found(text: str) -> list[str]:
    return [n for n in NEEDLES if n.lower() in text.lower()]


def _place_text(loket: Loket, contact_id: int) -> dict[tuple[str, str], str]:
    """Per place of the map: the text of the resident's rows in its personal columns."""
    queries = ErasureQueries(loket.db)
    scope = queries.scope(contact_id)
    out = {}
    for place in PLACES:
        ids = scope.of(place.find)
        if place.erase is Erase.KEEP or not ids:
            out[(place.table, place.key)] = ""
            continue
        columns = ", ".join(f'"{c}"' for c in place.columns) or "*"
        where = f" AND ({place.where})" if place.where else ""
        rows = loket.db.query(
            f'SELECT {columns} FROM "{place.table}" WHERE "{place.key}" IN '
            f"(SELECT value FROM json_each(?)){where}",
            (json.dumps(list(ids)),),
        )
        text = " ".join(_text(v) for r in rows for v in r) if place.columns else ""
        out[(place.table, place.key)] = text or ("(rows)" if rows else "")
    return out


def test_every_table_of_the_schema_is_in_the_map_or_said_to_hold_no_personal_data(
    tmp_path: Path,
) -> None:
    loket = _plain(tmp_path / "m.db")
    try:
        tables = ErasureQueries(loket.db).tables()
        unclassified = [t for t in tables if not classified(t)]
        assert not unclassified, (
            f"add {unclassified} to storage/personal_data.py: a Place (where a resident's data "
            "is and how erasure finds it) or NO_PERSONAL_DATA (why it holds none)"
        )
        assert not set(NO_PERSONAL_DATA) - set(tables), "NO_PERSONAL_DATA names a lost table"
        for place in PLACES:
            info = {r["name"] for r in loket.db.query(f'PRAGMA table_info("{place.table}")')}
            missing = ({place.key} | set(place.columns) | set(place.blobs)) - info
            if place.table != "search_index":  # FTS columns are not in table_info's sense
                assert not missing, f"{place.table} has no columns {missing}"
        # every column naming a blob file is in the map, or in a table without personal data
        for table in tables:
            for col in loket.db.query(f'PRAGMA table_info("{table}")'):
                name = str(col["name"])
                if name == "sha256" or name.endswith("_sha256"):
                    mapped = any(p.table == table and name in p.blobs for p in PLACES)
                    assert mapped or table in NO_PERSONAL_DATA, f"{table}.{name}"
    finally:
        loket.close()


def test_json_is_scrubbed_except_codes_ids_and_dates() -> None:
    event = {
        "kind": "contact", "case": "u-1", "author": "anne", "hlc": "1-0",
        "data": {"sender": ADDRESS, "body_text": PHRASE, "channel": "email", "seen": ["e1"],
                 "contact": {"name": NAME, "addresses": [["email", ADDRESS]]}, "n": 3},
    }
    scrubbed = scrub_json(event, "[x]")
    text = json.dumps(scrubbed)
    assert not _found(text)
    assert scrubbed["kind"] == "contact" and scrubbed["author"] == "anne"
    assert scrubbed["data"]["channel"] == "email" and scrubbed["data"]["seen"] == ["e1"]
    assert scrubbed["data"]["n"] == 3 and scrubbed["data"]["contact"]["name"] == "[x]"


def test_erasure_leaves_nothing_in_any_table_index_file_or_blob(
    world: tuple[Loket, str, int], tmp_path: Path
) -> None:
    loket, ref, contact_id = world
    # the fixture reached every place of the map that holds text
    before = _place_text(loket, contact_id)
    empty = [place for place, text in before.items() if not text and place[0] not in
             ("audit_log", "processing_log")]
    assert not empty, f"the test planted nothing in {empty}"
    # ... with her values in its text (an attachment's is in its file, checked below)
    assert not [p for p, text in before.items() if text not in ("", "(rows)") and not
                _found(text) and p[0] != "attachments"]
    blobs = BlobStore(tmp_path / "blobs")
    assert any(_found(blobs.get(d).decode("latin-1")) for d in blobs.digests())
    stats_before = {k: v for k, v in loket.stats().items() if k != "generated_at"}
    kept = loket.db.scalar("SELECT count(*) FROM messages")

    done = erasure.erase(loket, ADDRESS)

    assert done.cases == 2 and done.messages >= 5 and done.addresses >= 2
    assert done.blobs_removed >= 3  # the original, its attachment, the WhatsApp file, the reply
    # nothing of her in any table, the index's shadow tables or its terms
    dump = _dump(loket.db.conn)
    assert not _found(dump), _found(dump)
    assert OTHER in dump, "another resident's data was erased too"
    # ... nor in any blob file (raw and opened)
    for digest in blobs.digests():
        assert not _found(blobs.get(digest).decode("latin-1")), digest
    for path in (tmp_path / "blobs").rglob("*"):
        if path.is_file():
            assert not _found(path.read_bytes().decode("latin-1")), path
    # the figures are the same, the rows they count are still there
    act_as(loket, "anne")
    assert {k: v for k, v in loket.stats().items() if k != "generated_at"} == stats_before
    assert loket.db.scalar("SELECT count(*) FROM messages") == kept
    assert loket.db.scalar("SELECT count(*) FROM cases WHERE reference = ?", (ref,)) == 1
    loket.close()
    # ... and not in the database file or its WAL, free pages included
    raw = b"".join(
        p.read_bytes() for p in tmp_path.glob("e.db*") if p.is_file()
    ).decode("latin-1")
    assert not _found(raw), _found(raw)


def test_erasure_is_one_act_audited_logged_and_replayable(
    world: tuple[Loket, str, int],
) -> None:
    loket, ref, contact_id = world
    theirs = ErasureQueries(loket.db).scope(contact_id).case_uids
    erasure.erase(loket, ADDRESS)
    event = loket.db.one(
        "SELECT * FROM case_events WHERE kind = ? ORDER BY id DESC LIMIT 1",
        (EventKind.PERSONAL_DATA_ERASED.value,),
    )
    assert event is not None and event["actor"] == "arjen"
    data = json.loads(event["data"])
    assert data["contact"] == contact_id and len(theirs) == 2
    assert sorted(data["case_uids"]) == sorted(theirs)  # team-wide: colleagues can replay it
    actions = [(e["action"], e["actor"]) for e in loket.store.audit.entries([contact_id])]
    assert ("avg.erase", "arjen") in actions
    spans = processing_log.entries(loket, decrypt=True)
    assert any(s["operation"] == "erase" and s["subject_id"] == contact_id for s in spans)
    # team sync replays an erasure with erase_contact inside its own act: twice is harmless
    with loket.op(acts.AVG_ERASE, about=contact_id) as op:
        again = erasure.erase_contact(op, contact_id)
    assert erasure.settle(loket, again) == 0 and again.cases == 2
    assert not _found(_dump(loket.db.conn))


def test_erasure_is_for_the_archivaris_only(world: tuple[Loket, str, int]) -> None:
    loket, _, _ = world
    for login in ("anne", "bea", "tineke"):
        act_as(loket, login)
        with pytest.raises(PermissionDenied):
            erasure.erase(loket, ADDRESS)
    refused = {e["actor"] for e in loket.store.audit.entries() if e["result"] == "geweigerd"}
    assert {"anne", "bea", "tineke"} <= refused
    assert loket.db.scalar("SELECT count(*) FROM notes WHERE text LIKE ?", (f"%{BSN}%",)) == 1


def test_a_refused_erasure_changes_nothing_and_says_why(world: tuple[Loket, str, int]) -> None:
    loket, ref, contact_id = world
    loket.db.conn.execute("UPDATE cases SET legal_hold = 1 WHERE reference = ?", (ref,))
    request = subject.requests(loket)[0]
    with pytest.raises(erasure.ErasureRefused, match="legal hold"):
        erasure.erase(loket, ADDRESS, request_id=request.id)
    assert subject.get_request(loket, request.id).status == "geweigerd"
    before = _place_text(loket, contact_id)
    assert _found(before[("notes", "id")]) and _found(before[("team_events", "case_uid")])

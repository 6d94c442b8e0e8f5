"""The demo generator: exact counts, all channels and statuses, determinism, real e-mail bytes."""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from inbox import demo
from inbox.services import Loket


def _build(path: Path, cases: int, seed: int = 1) -> tuple[Loket, dict[str, int]]:
    loket = Loket.open(path)
    with loket.demo_builder():  # as `demo` does on a new database
        return loket, demo.build(loket, cases, seed)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Loket, dict[str, int]]]:
    loket, counts = _build(tmp_path_factory.mktemp("demo") / "x.db", 200)
    yield loket, counts
    loket.close()


def _snapshot(loket: Loket) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    cases = [
        tuple(r)
        for r in loket.db.query(
            "SELECT reference, subject, status, channel, opened_at FROM cases ORDER BY id"
        )
    ]
    messages = [
        tuple(str(v) for v in r)
        for r in loket.db.query(
            "SELECT c.reference, m.channel, m.direction, m.sent_at, m.sender, m.subject, "
            "m.body_text, m.raw_sha256 FROM messages m JOIN cases c ON c.id = m.case_id "
            "ORDER BY m.id"
        )
    ]
    return cases, messages


def test_exact_case_count_and_counts(built: tuple[Loket, dict[str, int]]) -> None:
    loket, counts = built
    assert counts["cases"] == 200
    assert loket.db.scalar("SELECT count(*) FROM cases") == 200
    assert counts["messages"] == loket.db.scalar("SELECT count(*) FROM messages")
    assert counts["messages"] > counts["cases"]
    assert 0 < counts["contacts"] == loket.db.scalar("SELECT count(*) FROM contacts")


def test_channels_and_statuses(built: tuple[Loket, dict[str, int]]) -> None:
    loket, _ = built
    loket.user = "tineke"  # the demo's teamleider reads the figures
    stats = loket.stats()
    by_channel = stats["cases_by_channel"]
    assert len(by_channel) >= 4
    assert by_channel["email"] > by_channel["phone"] > by_channel["counter"]
    assert set(stats["cases_by_status"]) == {"nieuw", "in_behandeling", "wacht_op_inwoner",
                                             "afgerond", "bij_vakafdeling"}
    assert stats["closed_first_contact"] > 0
    # new cases are unassigned, all others have someone on them
    unassigned = {r[0] for r in loket.db.query(
        "SELECT DISTINCT status FROM cases WHERE assignee_id IS NULL")}
    assert unassigned == {"nieuw"}
    assert loket.db.scalar("SELECT count(*) FROM notes") > 0
    assert loket.db.scalar("SELECT count(*) FROM users") >= 6


def test_timeline_is_simulated(built: tuple[Loket, dict[str, int]]) -> None:
    loket, _ = built
    first, last = loket.db.one("SELECT min(sent_at), max(sent_at) FROM messages")
    assert first >= "2025-11-14" and last <= "2026-11-15T08:00:00Z"
    assert loket.db.scalar("SELECT max(at) FROM case_events") <= "2026-11-15T08:00:00Z"


def test_contacts_return_on_another_channel(built: tuple[Loket, dict[str, int]]) -> None:
    loket, _ = built
    returning = loket.db.scalar(
        "SELECT count(*) FROM (SELECT contact_id FROM cases WHERE contact_id IS NOT NULL "
        "GROUP BY contact_id HAVING count(*) > 1)"
    )
    cross = loket.db.scalar(
        "SELECT count(*) FROM (SELECT contact_id FROM cases WHERE contact_id IS NOT NULL "
        "GROUP BY contact_id HAVING count(DISTINCT channel) > 1)"
    )
    assert returning >= 10
    assert cross >= 1
    # a case followed up on another channel (a phone call about an e-mail)
    assert loket.db.scalar(
        "SELECT count(*) FROM (SELECT case_id FROM messages GROUP BY case_id "
        "HAVING count(DISTINCT channel) > 1)"
    ) >= 1


def test_emails_are_original_bytes(built: tuple[Loket, dict[str, int]]) -> None:
    loket, _ = built
    loket.user = "anne"  # a medewerker opens the originals
    assert loket.db.scalar(
        "SELECT count(*) FROM messages WHERE channel = 'email' AND raw_sha256 IS NULL"
    ) == 0
    rows = loket.db.query(
        "SELECT id, subject, message_id, direction FROM messages WHERE channel = 'email' "
        "ORDER BY id LIMIT 40"
    )
    for row in rows:
        raw = loket.original_bytes(int(row["id"]))
        assert raw is not None
        parsed = BytesParser(policy=policy.default).parsebytes(raw)
        assert parsed["Message-ID"] == row["message_id"]
        assert str(parsed["Subject"]) == row["subject"]
        assert parsed["Date"] is not None
        if row["direction"] == "in":
            assert str(parsed["To"]).endswith("<info@gemeente-voorbeeld.nl>")
            domain = str(parsed["From"]).rsplit("@", 1)[1].rstrip(">")
            # residents, and the municipality's own departments replying to a hand-over
            assert domain in {"example.nl", "voorbeeld.nl", "mail.test", "example.com",
                              "gemeente-voorbeeld.nl"}
    assert loket.db.scalar("SELECT count(*) FROM attachments") > 0


def test_replies_land_in_their_case(built: tuple[Loket, dict[str, int]]) -> None:
    loket, _ = built
    threaded = loket.db.scalar(
        "SELECT count(*) FROM (SELECT case_id FROM messages GROUP BY case_id HAVING count(*) > 1)"
    )
    assert threaded >= 50
    # every answer of the municipality carries the reference of the case it is filed in
    wrong = loket.db.scalar(
        "SELECT count(*) FROM messages m JOIN cases c ON c.id = m.case_id "
        "WHERE m.direction = 'out' AND instr(m.subject, c.reference) = 0"
    )
    assert wrong == 0
    assert loket.db.scalar("SELECT count(*) FROM messages WHERE direction = 'out'") > 20
    # a resident's e-mail reply threads by its In-Reply-To to the municipality's message
    assert loket.db.scalar(
        "SELECT count(*) FROM messages m JOIN messages p ON p.message_id = m.in_reply_to "
        "WHERE m.direction = 'in' AND p.direction = 'out' AND p.case_id = m.case_id"
    ) > 0


def test_the_team_has_its_own_standard_replies(built: tuple[Loket, dict[str, int]]) -> None:
    from inbox import workspace

    loket, _ = built
    loket.user = "anne"
    own = [t for t in workspace.templates(loket) if not t.shipped]
    assert len(own) >= 25
    assert all("{naam}" in t.body or "{medewerker}" in t.body for t in own)
    assert any("{termijn}" in t.body for t in own) and any("{datum}" in t.body for t in own)


def test_deterministic_per_seed(tmp_path: Path) -> None:
    a, _ = _build(tmp_path / "a.db", 60, seed=7)
    b, _ = _build(tmp_path / "b.db", 60, seed=7)
    c, _ = _build(tmp_path / "c.db", 60, seed=8)
    try:
        assert _snapshot(a) == _snapshot(b)
        assert _snapshot(a) != _snapshot(c)
        assert a.db.scalar("SELECT count(*) FROM cases") == 60
        a.user = "tineke"
        assert len(a.stats()["cases_by_channel"]) >= 4
    finally:
        for loket in (a, b, c):
            loket.close()


def test_second_run_adds_exactly(tmp_path: Path) -> None:
    loket, first = _build(tmp_path / "x.db", 50)
    try:
        calls: list[tuple[int, int]] = []
        second = demo.build(loket, 50, 1, progress=lambda done, total: calls.append((done, total)))
        assert first["cases"] == second["cases"] == 50
        assert loket.db.scalar("SELECT count(*) FROM cases") == 100
        assert calls == [(50, 50)]
        assert loket.user == "systeem"
    finally:
        loket.close()


def test_small_synthetic_files_are_valid() -> None:
    pdf = demo.pdf_bytes(["Taxatieverslag", "(synthetisch)"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert pdf[xref:].startswith(b"xref")
    jpeg = demo.jpeg_bytes("foto")
    assert jpeg.startswith(b"\xff\xd8") and jpeg.endswith(b"\xff\xd9") and b"foto" in jpeg


def test_the_scenario_is_data_in_resources() -> None:
    """Topics and texts come from resources/demo/*.json; every placeholder in them is one the
    demo fills in (a typo there would stop the demo half-way)."""
    import json
    import string

    data = json.loads((demo.SCENARIO / "topics.json").read_text(encoding="utf-8"))
    assert [t.key for t in demo.TOPICS] == [t["key"] for t in data["topics"]]
    assert len(demo.TOPICS) >= 20 and len(demo.SURNAMES) >= 40
    known = {"naam", "voornaam", "achternaam", "adres", "straat", "huisnr", "postcode",
             "woonplaats", "wijk", "telefoon", "email", "dag_vorige_week", "datum_vorige_week",
             "datum_straks", "datum_later", "datum_ver", "datum_open", "jaar", "kenteken",
             "bedrag", "woz", "aanslag", "afdeling", "bijlage", "aanvulling"}
    texts: list[str] = []
    for topic in demo.TOPICS:
        texts += [*topic.subjects, *topic.mails, *topic.social, *topic.asks, *topic.supplies,
                  *topic.answers, *topic.outcomes, *topic.notes]
        texts += [part for pair in topic.phone for part in pair]
    texts += [*demo.GENERIC_NOTES, *demo.SUPPLY_MAILS, *demo.THANKS_MAILS, *demo.REMINDER_MAILS,
              *demo.ACK_TEXTS, *demo.SOCIAL_SUPPLIES]
    texts += [part for pair in demo.FOLLOWUP_CALLS for part in pair]
    used = {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}
    assert used <= known, used - known


def test_the_kccs_day_is_in_the_demo(built: tuple[Loket, dict[str, int]]) -> None:
    loket, _ = built
    loket.now = lambda: demo.ANCHOR
    loket.user = "tineke"
    try:
        stats = loket.stats()
    finally:
        loket.user = "systeem"
    handed = stats["forwarded"]
    assert sum(d["answered"] for d in handed.values()) > 0  # departments replied
    assert sum(d["overdue"] for d in handed.values()) > 0  # and some are late
    assert loket.db.scalar("SELECT count(*) FROM messages WHERE internal = 1 "
                           "AND direction = 'in'") > 0
    callbacks = stats["callbacks"]
    assert callbacks["done"] > 0 and callbacks["overdue"] > 0  # some missed
    assert callbacks["on_time_pct"] is not None and callbacks["on_time_pct"] < 100
    assert loket.db.scalar("SELECT count(*) FROM case_events WHERE kind = 'callback_done' "
                           "AND json_extract(data, '$.result') = 'niet_bereikt'") > 0
    assert stats["repeat_contact_pct"] is not None and stats["repeat_contact_pct"] > 0
    assert loket.db.scalar("SELECT count(*) FROM case_events WHERE kind = 'repeat_contact'") > 0
    closed = loket.db.scalar("SELECT count(*) FROM cases WHERE status = 'afgerond'")
    tagged = loket.db.scalar("SELECT count(*) FROM cases WHERE status = 'afgerond' "
                             "AND product IS NOT NULL")
    assert tagged > closed * 0.7 and len(stats["per_product"]) >= 10
    assert loket.db.scalar("SELECT count(*) FROM departments") >= 8

"""The Mastodon channel against a local HTTP server speaking the documented JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest

from inbox.channels import mastodon
from inbox.channels.mastodon import MastodonClient, TokenRevoked
from tests.conftest import act_as, add_staff
from tests.integration.mastodon_server import FakeMastodon

pytestmark = pytest.mark.integration


@pytest.fixture
def loket(loket: Any) -> Any:
    """The test database with its staff, acting as anne (medewerker: fetches and replies)."""
    add_staff(loket)
    act_as(loket, "anne")
    return loket


def _account(loket: Any, fake: FakeMastodon) -> mastodon.MastodonAccount:
    """Added by bea (beheerder); anne goes on working."""
    act_as(loket, "bea")
    try:
        return mastodon.add_account(loket, "Mastodon KCC", fake.url, fake.token)
    finally:
        act_as(loket, "anne")


def _client(fake: FakeMastodon, waits: list[float]) -> MastodonClient:
    return MastodonClient(fake.url, fake.token, account_name="Mastodon KCC", sleep=waits.append)


def _sync(loket: Any, account: mastodon.MastodonAccount, fake: FakeMastodon) -> Any:
    waits: list[float] = []
    return mastodon.sync_account(loket, account, fake.token, client=_client(fake, waits))


def _count(loket: Any) -> int:
    return int(loket.db.scalar("SELECT count(*) FROM messages WHERE channel = 'mastodon'"))


def test_account_token_lives_in_the_keyring(loket: Any, fake: FakeMastodon) -> None:
    account = _account(loket, fake)
    assert account.acct == f"gemeente@127.0.0.1:{fake.port}"
    settings = loket.db.scalar("SELECT settings FROM accounts WHERE id = ?", (account.id,))
    assert fake.token not in settings
    assert mastodon.token_for(loket, account) == fake.token
    assert [a.name for a in mastodon.mastodon_accounts(loket)] == ["Mastodon KCC"]


def test_synced_twice_holds_each_status_once(loket: Any, fake: FakeMastodon) -> None:
    anna = fake.person("11", "anna", "Anna de Vries")
    bram = fake.person("12", "bram", "Bram Kok", domain="social.overheid.nl")
    fake.follow(anna)
    for n in range(5):
        fake.status(anna, f"Vraag {n} over de afvalkalender", visibility="public")
    dm = fake.status(bram, "Mijn paspoort is kwijt, wat nu?", visibility="direct")
    account = _account(loket, fake)

    first = _sync(loket, account, fake)
    assert first.fetched == 6  # 5 mentions + 1 DM (seen twice: mention and conversation)
    assert _count(loket) == 6
    # pagination: page size 2 means several pages, walked by Link headers
    assert sum("/api/v1/notifications" in r for r in fake.requests) >= 3

    seen = len(fake.requests)
    second = _sync(loket, account, fake)
    assert second.fetched == 0
    assert _count(loket) == 6
    # the second pass asked only for what is newer than where the first one got to
    later = [r for r in fake.requests[seen:] if "/notifications" in r]
    assert later and all("min_id=" in r for r in later)

    fake.status(anna, "Nog een vraag", visibility="public")
    fake.status(bram, "Hallo?", visibility="direct", in_reply_to=dm["id"])
    third = _sync(loket, account, fake)
    assert third.fetched == 2 and _count(loket) == 8
    # one row per status, and the original JSON kept as the blob
    rows = loket.db.query("SELECT status_id, message_id FROM mastodon_statuses")
    assert len({r["status_id"] for r in rows}) == 8
    message = loket.db.one(
        "SELECT m.id, m.raw_sha256 FROM messages m JOIN mastodon_statuses s ON s.message_id = m.id "
        "WHERE s.status_id = ?",
        (dm["id"],),
    )
    original = json.loads(loket.blobs.get(message["raw_sha256"]))
    assert original["id"] == dm["id"] and original["visibility"] == "direct"
    # the follow-up DM is in the same case as the first one (threaded by in_reply_to_id)
    cases = loket.db.query(
        "SELECT DISTINCT m.case_id FROM messages m JOIN mastodon_statuses s "
        "ON s.message_id = m.id WHERE s.author_acct = 'bram@social.overheid.nl'"
    )
    assert len(cases) == 1
    sender = loket.db.scalar("SELECT sender FROM messages WHERE id = ?", (message["id"],))
    assert sender == "@bram@social.overheid.nl"


def test_reply_keeps_the_thread_and_the_visibility(loket: Any, fake: FakeMastodon) -> None:
    bram = fake.person("12", "bram", "Bram Kok")
    dm = fake.status(bram, "Wanneer wordt mijn grofvuil opgehaald?", visibility="direct")
    account = _account(loket, fake)
    _sync(loket, account, fake)
    reference = loket.db.scalar("SELECT reference FROM cases")
    waits: list[float] = []
    changes = mastodon.reply(
        loket, reference, "Volgende dinsdag, tussen 7 en 16 uur.", _client(fake, waits)
    )
    (message_id,) = changes.messages
    case_id = loket.db.scalar("SELECT case_id FROM messages WHERE id = ?", (message_id,))
    assert changes.cases == {case_id}
    assert loket.db.scalar("SELECT reference FROM cases WHERE id = ?", (case_id,)) == reference
    posted = fake.posted[-1]
    assert posted["visibility"] == "direct"
    assert posted["in_reply_to_id"] == dm["id"]
    assert posted["status"].startswith("@bram@mastodon.test ")
    assert posted["idempotency_key"]
    direction = loket.db.scalar("SELECT direction FROM messages WHERE id = ?", (message_id,))
    assert direction == "out"
    # our own reply comes back in the conversation: still stored once
    before = _count(loket)
    _sync(loket, account, fake)
    assert _count(loket) == before

    public = fake.status(bram, "Openbare vraag over parkeren", visibility="unlisted")
    _sync(loket, account, fake)
    ref2 = loket.db.scalar(
        "SELECT c.reference FROM cases c JOIN messages m ON m.case_id = c.id "
        "JOIN mastodon_statuses s ON s.message_id = m.id WHERE s.status_id = ?",
        (public["id"],),
    )
    mastodon.reply(loket, ref2, "Zie de website.", _client(fake, waits))
    assert fake.posted[-1]["visibility"] == "unlisted"
    assert fake.posted[-1]["in_reply_to_id"] == public["id"]


def test_rate_limits_and_429_back_off(loket: Any, fake: FakeMastodon) -> None:
    anna = fake.person("11", "anna", "Anna de Vries")
    for n in range(3):
        fake.status(anna, f"Vraag {n}")
    account = _account(loket, fake)
    fake.fail_429 = 2
    waits: list[float] = []
    report = mastodon.sync_account(loket, account, fake.token, client=_client(fake, waits))
    assert report.fetched == 3
    assert waits[:2] == [2.0, 2.0]  # Retry-After honoured, twice

    # Remaining 0: the client waits for X-RateLimit-Reset before the next request
    fake.rate_remaining = 1
    waits.clear()
    client = _client(fake, waits)
    client.get("/api/v1/accounts/verify_credentials")
    client.get("/api/v1/accounts/verify_credentials")
    assert len(waits) == 1 and 0 < waits[0] <= 3.5

    # a server that keeps refusing: a clear message, not a crash
    fake.rate_remaining = None
    fake.fail_429 = 100
    client = MastodonClient(fake.url, fake.token, sleep=lambda s: None, max_retries=3)
    with pytest.raises(mastodon.RateLimited, match="te veel verzoeken"):
        client.get("/api/v1/notifications")


def test_revoked_token_gives_a_clear_dutch_message(loket: Any, fake: FakeMastodon) -> None:
    account = _account(loket, fake)
    fake.revoked = True
    with pytest.raises(TokenRevoked, match="ingetrokken of verlopen"):
        _sync(loket, account, fake)
    event = mastodon.run_mastodon_account(loket, account)
    assert event.kind == "error" and "Mastodon KCC" in event.message
    assert "ingetrokken" in event.message
    error = loket.db.scalar(
        "SELECT last_error FROM sync_state WHERE account_id = ? AND folder = 'notifications'",
        (account.id,),
    )
    assert error is not None and "ingetrokken" in error


def test_unreachable_server(loket: Any) -> None:
    client = MastodonClient("http://127.0.0.1:9", "x", sleep=lambda s: None)
    with pytest.raises(mastodon.MastodonError, match="niet bereikbaar"):
        client.get("/api/v1/accounts/verify_credentials")


def test_run_mastodon_account_reports_done(loket: Any, fake: FakeMastodon) -> None:
    fake.status(fake.person("11", "anna", "Anna"), "Hoi")
    account = _account(loket, fake)
    events: list[Any] = []
    event = mastodon.run_mastodon_account(loket, account, events.append)
    assert event.kind == "done" and event.fetched == 1
    assert events[0].kind == "started"


def test_sync_pass_and_scheduler_include_mastodon_accounts(
    loket: Any, fake: FakeMastodon, tmp_path: Any
) -> None:
    import queue

    from inbox.sync import SyncScheduler, sync_once

    fake.status(fake.person("11", "anna", "Anna"), "Hoi gemeente")
    _account(loket, fake)
    events = sync_once(loket)
    assert [(e.account, e.kind, e.fetched) for e in events] == [("Mastodon KCC", "done", 1)]
    assert sync_once(loket, "Mastodon KCC")[0].fetched == 0
    fake.status(fake.person("12", "bert", "Bert"), "Nog een vraag")
    arrived: queue.Queue[Any] = queue.Queue()
    scheduler = SyncScheduler(loket.db.path, arrived.put, user=loket.user)
    scheduler.start()
    try:
        while (event := arrived.get(timeout=30)).kind not in ("done", "error"):
            pass
        assert (event.account, event.kind, event.fetched) == ("Mastodon KCC", "done", 1)
    finally:
        scheduler.shutdown()
    assert _count(loket) == 2

"""Listening on Mastodon against the local server speaking the Mastodon API: watched hashtags and
keywords fetched in the account's pass, posts kept apart from cases, purged after their period,
counted in the trends, made into a case once; hostile answers handled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from inbox.channels import listening, mastodon
from inbox.channels.mastodon import MastodonClient
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff
from tests.integration.mastodon_server import FakeMastodon, running

TAG = "#gemeentevoorbeeld"


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with running() as server:
        yield server


@pytest.fixture
def town(loket: Any) -> Any:
    add_staff(loket)
    return loket


def _account(loket: Any, fake: FakeMastodon, *terms: str) -> mastodon.MastodonAccount:
    """Added by bea (beheerder) with its watched terms; anne (medewerker) goes on."""
    act_as(loket, "bea")
    try:
        account = mastodon.add_account(loket, "Mastodon KCC", fake.url, fake.token)
        for term in terms:
            listening.add_term(loket, account.name, term)
        return account
    finally:
        act_as(loket, "anne")


def _sync(loket: Any, account: mastodon.MastodonAccount, fake: FakeMastodon) -> Any:
    client = MastodonClient(fake.url, fake.token, account_name=account.name,
                            sleep=lambda s: None)
    return mastodon.sync_account(loket, account, fake.token, client=client)


def _count(loket: Any, table: str) -> int:
    return int(loket.db.scalar(f"SELECT count(*) FROM {table}"))


def test_watched_hashtags_and_keywords_are_heard_not_filed(town: Any, fake: FakeMastodon
                                                           ) -> None:
    anna = fake.person("11", "anna", "Anna de Vries")
    piet = fake.person("12", "piet", "Piet Smit", domain="social.overheid.nl")
    account = _account(town, fake, "#GemeenteVoorbeeld", "lantaarnpaal")
    _sync(town, account, fake)  # the first pass: where each term starts
    tagged = fake.post(anna, "Markt op zaterdag is gezellig", tags=("gemeentevoorbeeld",))
    both = fake.post(piet, "Lantaarnpaal kapot bij de school", tags=("GemeenteVoorbeeld",))
    fake.post(anna, "Weer een lantaarnpaal die knippert")
    fake.post(anna, "Besloten: lantaarnpaal", tags=("gemeentevoorbeeld",), visibility="private")
    own = fake.post(fake.me, "Wij zijn er voor u", tags=("gemeentevoorbeeld",))  # not heard
    mention = fake.status(piet, "Mijn lantaarnpaal is stuk, graag hulp", visibility="direct")
    cases_before = _count(town, "cases")

    report = _sync(town, account, fake)

    assert report.fetched == 1 and report.heard == 3  # the mention is a case, three are heard
    assert _count(town, "cases") == cases_before + 1
    heard = {p.text: p for p in listening.posts(town)}
    assert set(heard) == {"Markt op zaterdag is gezellig #gemeentevoorbeeld",
                          "Lantaarnpaal kapot bij de school #GemeenteVoorbeeld",
                          "Weer een lantaarnpaal die knippert"}
    post = heard["Lantaarnpaal kapot bij de school #GemeenteVoorbeeld"]
    assert set(post.terms) == {"#gemeentevoorbeeld", "lantaarnpaal"}  # found twice, kept once
    assert post.author == "piet@social.overheid.nl" and post.name == "Piet Smit"
    assert post.case is None and post.url == both["url"]
    assert {p.id for p in listening.posts(town)} and mention["id"] not in {
        str(r[0]) for r in town.db.query("SELECT status_id FROM mastodon_posts")}
    # what is kept of a post: no avatar, bio or follower counts
    kept = json.loads(town.db.scalar("SELECT status FROM mastodon_posts WHERE status_id = ?",
                                     (tagged["id"],)))
    assert set(kept["account"]) == {"id", "acct", "username", "display_name"}
    assert "followers_count" not in json.dumps(kept)
    # the next pass asks from where this one got to, and hears nothing twice
    fake.requests.clear()
    again = _sync(town, account, fake)
    assert again.heard == 0
    tag_asks = [r for r in fake.requests if "/timelines/tag/gemeentevoorbeeld" in r]
    assert tag_asks and all(f"min_id={own['id']}" in r for r in tag_asks)  # newest seen
    # (the newest the search found is the mention: seen, filed as a case, not heard)
    assert any(f"min_id={mention['id']}" in r for r in fake.requests if "/api/v2/search" in r)
    # the beheerder sees each term's last fetch
    act_as(town, "bea")
    states = listening.watch_list(town, account.name).terms
    assert [s.term for s in states] == ["#gemeentevoorbeeld", "lantaarnpaal"]
    assert all(s.last_fetch and not s.error for s in states)


def test_more_than_a_page_is_fetched_back_for_a_new_term_and_forward_after(
    town: Any, fake: FakeMastodon
) -> None:
    account = _account(town, fake, TAG)
    people = [fake.person(str(20 + i), f"p{i}", f"Persoon {i}") for i in range(14)]
    for i, person in enumerate(people[:9]):
        fake.post(person, f"Bericht {i}", tags=("gemeentevoorbeeld",))
    assert fake.page_size == 2  # five pages of the server's own size
    assert _sync(town, account, fake).heard == 9  # a new term: back by max_id
    assert any("max_id=" in r for r in fake.requests if "/timelines/tag/" in r)
    for i, person in enumerate(people[9:]):
        fake.post(person, f"Later {i}", tags=("gemeentevoorbeeld",))
    fake.requests.clear()
    assert _sync(town, account, fake).heard == 5  # then forward by min_id
    assert all("max_id=" not in r for r in fake.requests if "/timelines/tag/" in r)


def test_terms_are_the_beheerders_and_never_a_person(town: Any, fake: FakeMastodon) -> None:
    account = _account(town, fake)
    with pytest.raises(PermissionDenied, match="beheerder"):
        listening.add_term(town, account.name, TAG)  # anne
    act_as(town, "bea")
    with pytest.raises(InvalidInput, match="niet naar personen"):
        listening.add_term(town, account.name, "@anna@mastodon.test")
    with pytest.raises(InvalidInput, match="geen hashtag"):
        listening.add_term(town, account.name, "#twee woorden")
    assert listening.add_term(town, account.name, "  #Gemeente_Voorbeeld ") == "#gemeente_voorbeeld"
    with pytest.raises(InvalidInput, match="al naar"):
        listening.add_term(town, account.name, "#gemeente_voorbeeld")
    with pytest.raises(NotFound):
        listening.add_term(town, "Bestaat niet", TAG)
    listening.remove_term(town, account.name, "#gemeente_voorbeeld")
    with pytest.raises(NotFound):
        listening.remove_term(town, account.name, "#gemeente_voorbeeld")
    with pytest.raises(InvalidInput):
        listening.set_keep_days(town, account.name, 365)
    audit = [str(r[0]) for r in town.db.query(
        "SELECT action FROM audit_log WHERE actor = 'bea' AND result = 'ok'")]
    assert any(a.startswith("mastodon.watch.add") for a in audit)
    assert any(a.startswith("mastodon.watch.remove") for a in audit)


def test_posts_are_purged_after_the_listening_period(town: Any, fake: FakeMastodon) -> None:
    account = _account(town, fake, TAG)
    _sync(town, account, fake)
    anna = fake.person("11", "anna", "Anna de Vries")
    now = datetime.now(UTC)
    fake.post(anna, "Van vorige week", tags=("gemeentevoorbeeld",), when=now - timedelta(days=8))
    fake.post(anna, "Van gisteren", tags=("gemeentevoorbeeld",), when=now - timedelta(days=1))
    fake.post(anna, "Van vorig jaar", tags=("gemeentevoorbeeld",),
              when=now - timedelta(days=400))  # older than the period: never kept
    assert _sync(town, account, fake).heard == 2
    act_as(town, "bea")
    listening.set_keep_days(town, account.name, 5)
    act_as(town, "anne")
    account = mastodon.mastodon_account(town, account.name)
    assert account.listen_days == 5
    _sync(town, account, fake)  # every pass purges
    texts = [str(r[0]) for r in town.db.query("SELECT text FROM mastodon_posts")]
    assert texts == ["Van gisteren #gemeentevoorbeeld"]
    # a removed account's heard posts go with it
    act_as(town, "bea")
    mastodon.remove_account(town, account.name)
    assert _count(town, "mastodon_posts") == 0


def test_post_to_case_makes_one_case_and_twice_no_duplicate(town: Any, fake: FakeMastodon
                                                            ) -> None:
    account = _account(town, fake, TAG)
    _sync(town, account, fake)
    anna = fake.person("11", "anna", "Anna de Vries")
    fake.post(anna, "Het fietspad bij de Julianalaan ligt vol glas", tags=("gemeentevoorbeeld",))
    _sync(town, account, fake)
    (post,) = listening.posts(town)
    cases = _count(town, "cases")

    made = listening.post_to_case(town, post.id)
    again = listening.post_to_case(town, post.id)

    assert made.new_case and made.added and made.reference.startswith("LK-")
    assert (again.reference, again.new_case, again.added) == (made.reference, False, False)
    assert _count(town, "cases") == cases + 1
    detail = town.case_detail(made.reference)
    assert detail.summary.channels == ("mastodon",) or "mastodon" in str(detail.summary.channels)
    assert "fietspad bij de Julianalaan" in detail.timeline[0].text
    (shown,) = listening.posts(town)
    assert shown.case == made.reference
    # a reply goes to the post's author in its thread, as for any Mastodon case
    target = mastodon.reply_target(town, made.reference)
    assert target is not None and target.author == "anna@mastodon.test"
    # the medewerker who made it is in the audit trail; a teamleider may not
    assert town.db.scalar("SELECT count(*) FROM audit_log WHERE actor = 'anne' AND action "
                          "LIKE 'mastodon.post.case%' AND result = 'ok'") == 2
    act_as(town, "tineke")
    with pytest.raises(PermissionDenied):
        listening.post_to_case(town, post.id)
    with pytest.raises(PermissionDenied):
        listening.posts(town)
    with pytest.raises(NotFound):
        act_as(town, "anne")
        listening.post_to_case(town, 999)


def _local_today(now: datetime) -> list[datetime]:
    """Ten moments of today (local time) up to `now`, newest first."""
    midnight = now.astimezone(ZoneInfo("Europe/Amsterdam")).replace(hour=0, minute=0, second=0,
                                                                     microsecond=0)
    return [min(max(now - timedelta(minutes=i), midnight + timedelta(seconds=i + 1)), now)
            for i in range(10)]


def test_a_burst_of_posts_about_one_street_is_the_first_spike_of_trends_json(
    town: Any, fake: FakeMastodon, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = _account(town, fake, TAG)
    town.db.conn.execute("UPDATE accounts SET settings = json_set(settings, '$.listen_days', 40)"
                         " WHERE id = ?", (account.id,))
    account = mastodon.mastodon_account(town, account.name)
    _sync(town, account, fake)
    now = datetime.now(UTC)
    n = 0
    for day in range(1, 22):  # three weeks of ordinary posts
        for text in ("Mooie markt vandaag in het centrum", "Wanneer gaat het zwembad open?"):
            n += 1
            author = fake.person(str(100 + n), f"inwoner{n}", f"Inwoner {n}")
            fake.post(author, text, tags=("gemeentevoorbeeld",), when=now - timedelta(days=day))
    burst = ("@gemeente de lantaarnpaal in de Beatrixstraat {n} is kapot",
             "Alweer donker in de Beatrixstraat, lantaarnpaal doet het niet",
             "lantaarnpaal Beatrixstraat {n} brandt niet sinds gisteren, gevaarlijk",
             "Wie weet wanneer de lantaarnpaal in de Beatrixstraat gemaakt wordt?")
    for i, moment in enumerate(_local_today(now)):
        author = fake.person(str(500 + i), f"buur{i}", f"Buur {i}")
        fake.post(author, burst[i % len(burst)].format(n=i + 2), tags=("gemeentevoorbeeld",),
                  when=moment)
    fake.page_size = 40
    assert _sync(town, account, fake).heard == 52
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)

    code, out, err = run_cli(town.db.path, "tineke", "trends", "--json")

    assert code == 0, err
    first = json.loads(out)["pieken"][0]
    assert first["onderwerp"] == "lantaarnpaal Beatrixstraat", first
    assert first["vandaag"] == 10 and first["mastodon"] == 10 and first["zaken"] == 0
    assert "buur" not in out and "@" not in out  # handles never reach the trends
    # made into a case, a post counts once: as its message
    act_as(town, "anne")
    post = next(p for p in listening.posts(town) if "Beatrixstraat" in p.text)
    listening.post_to_case(town, post.id)
    code, out, err = run_cli(town.db.path, "tineke", "trends", "--json")
    first = json.loads(out)["pieken"][0]
    assert (first["vandaag"], first["mastodon"], first["zaken"]) == (10, 9, 1)


def test_a_hostile_answer_is_handled(town: Any, fake: FakeMastodon) -> None:
    account = _account(town, fake, TAG, "lantaarnpaal")
    good = fake.person("11", "anna", "Anna de Vries")
    ok = fake.post(good, "Lantaarnpaal scheef", tags=("gemeentevoorbeeld",))
    assert _sync(town, account, fake).heard == 1  # both terms found it: each has its place
    evil = "http://evil.example"
    odd = [
        "geen object", 7, None,
        {"id": ["lijst"], "content": "geen nummer"},
        {"id": "9999999", "content": ["geen tekst"], "account": "geen object",
         "created_at": "morgen", "visibility": "public", "url": f"{evil}/x",
         "uri": 12, "mentions": "geen lijst", "media_attachments": [1, {"url": "javascript:x"}]},
        {"id": "8888888", "content": "<p>in de toekomst</p>", "visibility": "public",
         "created_at": "2999-01-01T00:00:00Z", "account": {"acct": "x", "id": "5"},
         "reblog": None},
        {"id": "7777777", "content": "<p>een boost</p>", "visibility": "public",
         "reblog": {"id": "1"}},
        {**ok, "id": "6666666", "content": "<p>a\ud800b</p>", "uri": "urn:x:6666666"},
    ]
    fake.hostile["/api/v1/timelines/tag/gemeentevoorbeeld"] = (
        odd, {"Link": f'<{evil}/api/v1/timelines/tag/x?max_id=1>; rel="next", '
                      f'<{evil}/steal?min_id=1>; rel="prev"'})
    fake.hostile["/api/v2/search"] = ({"statuses": "geen lijst"}, {})

    report = _sync(town, account, fake)  # the mentions and the tag are fine, search is not

    assert report.heard == 3
    assert not any("evil" in r or "steal" in r for r in fake.requests)
    rows = {str(r["status_id"]): r for r in town.db.query("SELECT * FROM mastodon_posts")}
    assert set(rows) == {ok["id"], "9999999", "8888888", "6666666"}
    assert rows["9999999"]["url"] == ""  # an http link to another host is not kept
    assert rows["9999999"]["text"] == "" and rows["9999999"]["author_acct"] == ""
    assert rows["8888888"]["created_at"] <= datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert rows["6666666"]["text"] == "a\ufffdb"
    assert "javascript" not in rows["9999999"]["status"]
    act_as(town, "bea")
    states = {s.term: s for s in listening.watch_list(town, account.name).terms}
    assert states["lantaarnpaal"].error and "onverwacht" in states["lantaarnpaal"].error
    assert not states[TAG].error
    # a failed term keeps its place: the next pass asks from the same point
    fake.hostile.clear()
    act_as(town, "anne")
    fake.requests.clear()
    _sync(town, account, fake)
    search = [r for r in fake.requests if r.startswith("GET /api/v2/search")]
    assert search and all("min_id" in r for r in search)
    # a post with an odd id can still be made into a case
    made = listening.post_to_case(town, int(rows["9999999"]["id"]))
    assert made.new_case

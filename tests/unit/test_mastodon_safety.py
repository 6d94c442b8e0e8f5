"""Mastodon behind the gate and on the wire: who may add accounts, fetch and reply (a
teamleider may not post a public reply), https only, and the token never sent to a host other
than the instance's, whatever a Link header or a redirect names. Local servers on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from inbox.channels import mastodon
from inbox.channels.mastodon import MastodonClient, MastodonError
from inbox.errors import InvalidInput, PermissionDenied
from tests.conftest import act_as, add_staff

# -- https only --------------------------------------------------------------------------------


def test_only_https_or_loopback_http_when_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert mastodon.normalize_url("social.overheid.nl/") == "https://social.overheid.nl"
    assert mastodon.normalize_url("HTTPS://Social.Example:8443") == "https://social.example:8443"
    for url in ("http://social.overheid.nl", "http://10.0.0.8:3000", "ftp://social.example",
                "https://social.example:poort", "https:///api"):
        with pytest.raises(InvalidInput):
            mastodon.normalize_url(url)
    monkeypatch.setenv("LOKET_ALLOW_LOOPBACK_HTTP", "1")
    for url in ("http://127.0.0.1:8080", "http://localhost:3000", "http://[::1]:3000"):
        assert mastodon.normalize_url(url) == url
    monkeypatch.delenv("LOKET_ALLOW_LOOPBACK_HTTP")
    with pytest.raises(InvalidInput, match="niet versleuteld"):
        mastodon.normalize_url("http://127.0.0.1:8080")
    with pytest.raises(InvalidInput, match="niet versleuteld"):
        MastodonClient("http://127.0.0.1:8080", "token")


# -- the token goes to the instance only ----------------------------------------------------------


class _Reply:
    def __init__(self, status: int, body: Any, headers: dict[str, str]) -> None:
        self.status = status
        self.headers = headers
        self._body = json.dumps(body).encode()

    def read(self) -> bytes:
        return self._body

    def __enter__(self) -> _Reply:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def test_a_link_header_to_another_host_is_not_followed_with_the_token() -> None:
    asked: list[tuple[str, str | None]] = []
    mention = {"id": "9", "type": "mention", "status": {"id": "90", "content": "<p>Hoi</p>"}}

    def opener(request: Any, timeout: float) -> _Reply:
        auth = request.get_header("Authorization") or request.unredirected_hdrs.get(
            "Authorization")
        asked.append((request.full_url, auth))
        return _Reply(200, [mention], {"Link": (
            '<https://evil.example/api/v1/notifications?max_id=9>; rel="next", '
            '<https://social.example/api/v1/notifications?min_id=9>; rel="prev"')})

    client = MastodonClient("https://social.example", "geheim", opener=opener)
    with pytest.raises(MastodonError, match="andere server \\(evil.example\\)"):
        mastodon.fetch_stream(client, "notifications", None, backfill_pages=5)
    assert [url.split("/")[2] for url, _ in asked] == ["social.example"]
    assert asked[0][1] == "Bearer geheim"
    with pytest.raises(MastodonError, match="andere server"):  # also when asked directly
        client.get("https://social.example.evil.example/api/v1/notifications")
    with pytest.raises(MastodonError, match="andere server"):  # a downgrade is another origin
        client.get("http://social.example/api/v1/notifications")
    assert len(asked) == 1


class _Recorder(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        server: Any = self.server
        server.seen.append((self.path, self.headers.get("Authorization")))
        target = server.redirect_to
        if target and self.path.startswith("/api/v1/accounts"):
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        body = json.dumps({"id": "1", "acct": "gemeente"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def servers() -> Iterator[tuple[Any, Any]]:
    made = []
    for _ in range(2):
        server: Any = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        server.seen, server.redirect_to = [], ""
        threading.Thread(target=server.serve_forever, daemon=True).start()
        made.append(server)
    yield made[0], made[1]
    for server in made:
        server.shutdown()
        server.server_close()


def test_a_redirect_to_another_host_is_refused_a_same_origin_one_keeps_the_token(
    servers: tuple[Any, Any],
) -> None:
    instance, other = servers
    base = f"http://127.0.0.1:{instance.server_port}"
    instance.redirect_to = f"http://127.0.0.1:{other.server_port}/steal"
    client = MastodonClient(base, "geheim", sleep=lambda s: None, max_retries=0)
    with pytest.raises(MastodonError, match="stuurde door naar een andere server"):
        client.get("/api/v1/accounts/verify_credentials")
    assert other.seen == []  # the other host was never asked, let alone given the token

    instance.redirect_to = "/moved/here"
    me, _ = client.get("/api/v1/accounts/verify_credentials")
    assert me["acct"] == "gemeente"
    assert instance.seen[-1] == ("/moved/here", "Bearer geheim")


# -- the gate ----------------------------------------------------------------------------------


@pytest.fixture
def staffed(loket: Any) -> Any:
    add_staff(loket)
    return loket


def _audit(loket: Any, prefix: str) -> list[tuple[str, str]]:
    rows = loket.db.query("SELECT actor, action, result FROM audit_log ORDER BY id")
    return [(r["actor"], r["result"]) for r in rows if str(r["action"]).startswith(prefix)]


def test_only_a_beheerder_adds_and_removes_accounts_audited(staffed: Any) -> None:
    asked: list[Any] = []
    act_as(staffed, "anne")
    with pytest.raises(PermissionDenied, match="beheerder"):
        mastodon.add_account(staffed, "M", "https://social.example", "t",
                             opener=lambda *a, **k: asked.append(a))
    assert asked == []  # refused before the server (or the keyring) was asked
    act_as(staffed, "bea")
    account = mastodon.add_account(staffed, "M", "https://social.example", "t", verify=False)
    assert mastodon.token_for(staffed, account) == "t"
    act_as(staffed, "tineke")
    with pytest.raises(PermissionDenied):
        mastodon.remove_account(staffed, "M")
    act_as(staffed, "bea")
    changes = mastodon.remove_account(staffed, "M")
    assert "accounts" in changes.kinds
    assert _audit(staffed, "mastodon.account.add") == [("anne", "geweigerd"), ("bea", "ok")]
    assert _audit(staffed, "mastodon.account.remove") == [("tineke", "geweigerd"), ("bea", "ok")]


class _Poster:
    def __init__(self) -> None:
        self.posted: list[dict[str, Any]] = []

    def post(self, path: str, data: dict[str, Any], idempotency_key: str | None = None) -> Any:
        self.posted.append(data)
        return {"id": f"5{len(self.posted)}", "uri": f"https://social.example/s/5{len(self.posted)}",
                "content": f"<p>{data['status']}</p>", "visibility": data["visibility"],
                "account": {"id": "1", "acct": "gemeente"},
                "in_reply_to_id": data["in_reply_to_id"], "created_at": "2026-11-03T10:00:00Z"}


def _mastodon_case(loket: Any) -> str:
    act_as(loket, "bea")
    account = mastodon.add_account(loket, "M", "https://social.example", "t", verify=False)
    act_as(loket, "anne")
    status = {"id": "77", "uri": "https://elders.example/s/77", "visibility": "public",
              "content": "<p>@gemeente Mag ik hier parkeren?</p>", "created_at":
              "2026-11-03T09:00:00Z", "account": {"id": "8", "acct": "kees@elders.example",
                                                  "display_name": "Kees"}}
    received = mastodon.store_status(loket, account, status, own_id="1")
    assert received.reference is not None
    return received.reference


def test_a_teamleider_cannot_post_a_public_reply(staffed: Any) -> None:
    reference = _mastodon_case(staffed)
    poster = _Poster()
    act_as(staffed, "tineke")
    with pytest.raises(PermissionDenied, match="medewerker"):
        mastodon.reply(staffed, reference, "Ja hoor.", client=poster)  # type: ignore[arg-type]
    assert poster.posted == []
    act_as(staffed, "anne")
    target = mastodon.reply_target(staffed, reference)
    assert target == mastodon.ReplyTarget("kees@elders.example", "public", "M")
    changes = mastodon.reply(staffed, reference, "Ja hoor.", client=poster)  # type: ignore[arg-type]
    assert poster.posted[0]["visibility"] == "public"
    assert poster.posted[0]["status"] == "@kees@elders.example Ja hoor."
    (message_id,) = changes.messages
    row = staffed.db.one("SELECT direction, case_id FROM messages WHERE id = ?", (message_id,))
    assert row["direction"] == "out" and changes.cases == {row["case_id"]}
    assert _audit(staffed, "mastodon.reply") == [("tineke", "geweigerd"), ("anne", "ok")]


def test_a_vertrouwelijk_case_is_answered_by_its_assignee_only(staffed: Any) -> None:
    reference = _mastodon_case(staffed)
    staffed.assign(reference, "anne")
    with staffed.db.transaction():
        staffed.db.conn.execute("UPDATE cases SET confidential = 1 WHERE reference = ?",
                                (reference,))
    poster = _Poster()
    act_as(staffed, "bram")
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        mastodon.reply(staffed, reference, "Ja.", client=poster)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        mastodon.reply_target(staffed, reference)
    act_as(staffed, "anne")
    mastodon.reply(staffed, reference, "Ja.", client=poster)  # type: ignore[arg-type]
    assert len(poster.posted) == 1


def test_fetching_needs_the_sync_right(staffed: Any) -> None:
    act_as(staffed, "bea")
    account = mastodon.add_account(staffed, "M", "https://social.example", "t", verify=False)
    with pytest.raises(PermissionDenied):
        mastodon.mastodon_accounts(staffed)
    with pytest.raises(PermissionDenied):
        mastodon.sync_account(staffed, account, "t")
    assert [a.account.name for a in mastodon.account_overview(staffed)] == ["M"]
    act_as(staffed, "anne")
    assert [a.name for a in mastodon.mastodon_accounts(staffed)] == ["M"]
    with pytest.raises(PermissionDenied):
        mastodon.account_overview(staffed)


def test_a_broken_status_from_the_server_does_not_crash_the_fetch(staffed: Any) -> None:
    act_as(staffed, "bea")
    account = mastodon.add_account(staffed, "M", "https://social.example", "t", verify=False)
    act_as(staffed, "anne")
    odd = {"id": "5", "content": "<p>a\ud800b</p>", "account": "niet-een-object",
           "mentions": "ook niet", "media_attachments": [3, {"type": "image", "url": "u"}],
           "created_at": "gisteren"}
    received = mastodon.store_status(staffed, account, odd, own_id="1")
    body = staffed.db.scalar("SELECT body_text FROM messages WHERE id = ?",
                             (received.message_id,))
    assert body == "a\ufffdb\n[afbeelding: u]"
    with pytest.raises(MastodonError, match="zonder nummer"):
        mastodon.store_status(staffed, account, {"content": "x"}, own_id="1")

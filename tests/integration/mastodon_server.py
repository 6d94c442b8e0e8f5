"""A small Mastodon server on 127.0.0.1 for tests: the documented JSON of Account, Status,
Notification and Conversation, Link-header pagination (max_id, since_id, min_id), rate-limit
headers, 429 on demand, token revocation and posting statuses with an Idempotency-Key; public
posts for listening through the hashtag timeline and the status search, and `hostile` answers
that replace what a path returns."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOST = "127.0.0.1"


def _account(
    account_id: str, username: str, display_name: str, domain: str | None
) -> dict[str, Any]:
    acct = username if domain is None else f"{username}@{domain}"
    return {
        "id": account_id,
        "username": username,
        "acct": acct,
        "display_name": display_name,
        "locked": False,
        "bot": False,
        "created_at": "2023-01-01T00:00:00.000Z",
        "note": "",
        "url": f"https://{domain or 'local'}/@{username}",
        "avatar": "",
        "avatar_static": "",
        "header": "",
        "header_static": "",
        "followers_count": 0,
        "following_count": 0,
        "statuses_count": 0,
        "last_status_at": None,
        "emojis": [],
        "fields": [],
    }


@dataclass
class FakeMastodon:
    """State of the fake server; tests add mentions and DMs and inspect what was posted."""

    token: str = "test-token"
    page_size: int = 2
    revoked: bool = False
    fail_429: int = 0
    rate_remaining: int | None = None  # when set, counts down per request
    next_id: int = 1000
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    notifications: list[dict[str, Any]] = field(default_factory=list)
    conversations: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    posted: list[dict[str, Any]] = field(default_factory=list)
    idempotency: dict[str, dict[str, Any]] = field(default_factory=dict)
    port: int = 0
    # path -> (payload, extra headers): what the server answers there instead (hostile tests)
    hostile: dict[str, tuple[Any, dict[str, str]]] = field(default_factory=dict)
    me: dict[str, Any] = field(
        default_factory=lambda: _account("1", "gemeente", "Gemeente Voorbeeld", None)
    )

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def person(
        self, account_id: str, username: str, name: str, domain: str = "mastodon.test"
    ) -> dict[str, Any]:
        return _account(account_id, username, name, domain)

    def status(
        self,
        author: dict[str, Any],
        text: str,
        visibility: str = "public",
        in_reply_to: str | None = None,
        mention_us: bool = True,
    ) -> dict[str, Any]:
        status_id = self._id()
        mentions = (
            [{"id": "1", "username": "gemeente", "acct": "gemeente", "url": ""}]
            if mention_us
            else []
        )
        content = (
            f'<p><span class="h-card"><a href="#">@<span>gemeente</span></a></span> {text}</p>'
        )
        status = {
            "id": status_id,
            "uri": f"https://mastodon.test/users/{author['username']}/statuses/{status_id}",
            "url": f"https://mastodon.test/@{author['username']}/{status_id}",
            "created_at": (
                datetime(2026, 11, 3, 9, 0, tzinfo=UTC) + timedelta(minutes=int(status_id) - 1000)
            )
            .isoformat()
            .replace("+00:00", ".000Z"),
            "account": author,
            "content": content,
            "visibility": visibility,
            "sensitive": False,
            "spoiler_text": "",
            "media_attachments": [],
            "application": None,
            "mentions": mentions,
            "tags": [],
            "emojis": [],
            "reblogs_count": 0,
            "favourites_count": 0,
            "replies_count": 0,
            "in_reply_to_id": in_reply_to,
            "in_reply_to_account_id": None,
            "reblog": None,
            "poll": None,
            "card": None,
            "language": "nl",
            "edited_at": None,
        }
        self.statuses[status_id] = status
        if mention_us and author["id"] != self.me["id"]:
            self.notifications.insert(
                0,
                {
                    "id": self._id(),
                    "type": "mention",
                    "created_at": status["created_at"],
                    "account": author,
                    "status": status,
                },
            )
        if visibility == "direct":
            root = in_reply_to
            conv_id = None
            for cid, conv in self.conversations.items():
                if root is not None and (conv["last_status"]["id"] == root or root in conv["ids"]):
                    conv_id = cid
            if conv_id is None:
                conv_id = self._id()
                self.conversations[conv_id] = {"id": conv_id, "unread": True, "ids": []}
            conv = self.conversations[conv_id]
            conv["accounts"] = (
                [author] if author["id"] != self.me["id"] else conv.get("accounts", [])
            )
            conv["last_status"] = status
            conv["ids"].append(status_id)
        return status

    def post(
        self,
        author: dict[str, Any],
        text: str,
        tags: tuple[str, ...] = (),
        when: datetime | None = None,
        visibility: str = "public",
    ) -> dict[str, Any]:
        """A public post that does not mention us (what listening hears), with hashtags."""
        status = self.status(author, text, visibility=visibility, mention_us=False)
        links = " ".join(
            f'<a href="https://mastodon.test/tags/{t}" class="mention hashtag">#<span>{t}'
            "</span></a>"
            for t in tags
        )
        status["content"] = f"<p>{text}{' ' + links if links else ''}</p>"
        status["tags"] = [{"name": t, "url": f"https://mastodon.test/tags/{t}"} for t in tags]
        when = when or datetime.now(UTC)  # listening keeps the posts of its period only
        status["created_at"] = when.isoformat().replace("+00:00", "Z")
        return status

    def follow(self, author: dict[str, Any]) -> dict[str, Any]:
        """A 'follow' notification: must be ignored by the mention fetch."""
        note = {
            "id": self._id(),
            "type": "follow",
            "created_at": "2026-11-03T08:00:00.000Z",
            "account": author,
        }
        self.notifications.insert(0, note)
        return note

    # -- pagination as Mastodon does it -----------------------------------------------------

    def page(
        self, items: list[dict[str, Any]], key: Any, query: dict[str, str]
    ) -> list[dict[str, Any]]:
        ordered = sorted(items, key=lambda i: int(key(i)), reverse=True)
        limit = min(int(query.get("limit", "20")), self.page_size)
        if "max_id" in query:
            ordered = [i for i in ordered if int(key(i)) < int(query["max_id"])]
        if "since_id" in query:
            ordered = [i for i in ordered if int(key(i)) > int(query["since_id"])]
        if "min_id" in query:
            newer = [i for i in ordered if int(key(i)) > int(query["min_id"])]
            return list(reversed(list(reversed(newer))[:limit]))
        return ordered[:limit]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        fake = self.server.fake
        remaining = fake.rate_remaining if fake.rate_remaining is not None else 299
        self.send_header("X-RateLimit-Limit", "300")
        self.send_header("X-RateLimit-Remaining", str(max(remaining, 0)))
        reset = datetime.now(UTC) + timedelta(seconds=3)
        self.send_header("X-RateLimit-Reset", reset.isoformat().replace("+00:00", "Z"))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _check(self) -> bool:
        fake = self.server.fake
        fake.requests.append(f"{self.command} {self.path}")
        if fake.rate_remaining is not None:
            fake.rate_remaining -= 1
        if fake.fail_429 > 0:
            fake.fail_429 -= 1
            self._send(429, {"error": "Too many requests"}, {"Retry-After": "2"})
            return False
        auth = self.headers.get("Authorization", "")
        if fake.revoked or auth != f"Bearer {fake.token}":
            self._send(401, {"error": "The access token was revoked"})
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if not self._check():
            return
        fake = self.server.fake
        parts = urllib.parse.urlsplit(self.path)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(parts.query).items()}
        types = urllib.parse.parse_qs(parts.query).get("types[]")
        if parts.path in fake.hostile:
            payload, headers = fake.hostile[parts.path]
            self._send(200, payload, headers)
        elif parts.path.startswith("/api/v1/timelines/tag/"):
            tag = urllib.parse.unquote(parts.path.rsplit("/", 1)[1]).lower()
            items = [s for s in fake.statuses.values() if s["visibility"] == "public"
                     and tag in {t["name"].lower() for t in s.get("tags", [])}]
            page = fake.page(items, lambda s: s["id"], query)
            self._send(200, page, self._links(parts.path, query, [s["id"] for s in page]))
        elif parts.path == "/api/v2/search":
            words = query.get("q", "").lower()
            items = [s for s in fake.statuses.values() if query.get("type") == "statuses"
                     and words and words in s["content"].lower()]
            page = fake.page(items, lambda s: s["id"], query)
            self._send(200, {"accounts": [], "statuses": page, "hashtags": []})
        elif parts.path == "/api/v1/accounts/verify_credentials":
            self._send(200, fake.me)
        elif parts.path == "/api/v1/notifications":
            items = [n for n in fake.notifications if not types or n["type"] in types]
            page = fake.page(items, lambda n: n["id"], query)
            self._send(200, page, self._links(parts.path, query, [n["id"] for n in page]))
        elif parts.path == "/api/v1/conversations":
            items = [
                {k: v for k, v in c.items() if k != "ids"} for c in fake.conversations.values()
            ]
            page = fake.page(items, lambda c: c["last_status"]["id"], query)
            ids = [c["last_status"]["id"] for c in page]
            self._send(200, page, self._links(parts.path, query, ids))
        else:
            self._send(404, {"error": "Record not found"})

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        if not self._check():
            return
        fake = self.server.fake
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if self.headers.get("Content-Type", "").startswith("application/json"):
            data = json.loads(raw)
        else:
            data = {k: v[-1] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
        if urllib.parse.urlsplit(self.path).path != "/api/v1/statuses":
            self._send(404, {"error": "Record not found"})
            return
        key = self.headers.get("Idempotency-Key")
        if key and key in fake.idempotency:
            self._send(200, fake.idempotency[key])
            return
        status = fake.status(
            fake.me,
            str(data["status"]),
            visibility=str(data.get("visibility") or "public"),
            in_reply_to=data.get("in_reply_to_id"),
            mention_us=False,
        )
        status["content"] = f"<p>{data['status']}</p>"
        fake.posted.append({**data, "idempotency_key": key})
        if key:
            fake.idempotency[key] = status
        self._send(200, status)

    def _links(self, path: str, query: dict[str, str], ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        base = self.server.fake.url + path
        keep = {k: v for k, v in query.items() if k not in ("max_id", "min_id", "since_id")}
        extra = "&types%5B%5D=mention" if path.endswith("notifications") else ""
        keep.pop("types[]", None)
        common = urllib.parse.urlencode(keep)
        next_url = f"{base}?{common}&max_id={ids[-1]}{extra}"
        prev_url = f"{base}?{common}&min_id={ids[0]}{extra}"
        return {"Link": f'<{next_url}>; rel="next", <{prev_url}>; rel="prev"'}


class _Server(ThreadingHTTPServer):
    fake: FakeMastodon


@contextmanager
def running(fake: FakeMastodon | None = None) -> Iterator[FakeMastodon]:
    fake = fake or FakeMastodon()
    server = _Server((HOST, 0), _Handler)
    server.fake = fake
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()

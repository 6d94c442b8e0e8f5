"""Mastodon as a channel, for any server (social.overheid.nl included), over its REST API.

Fetching: mentions (notifications of type mention) and direct conversations, each following the
server's own pagination: the first run walks `rel="next"` links back a few pages; later runs ask
for `min_id` = where the last run got to and follow `rel="prev"` links forward until a page is
empty. Each status is kept as its JSON (canonical bytes, as the blob its SHA-256 names) and known
by its URI, so fetching twice, or seeing one status as a mention and in a conversation, stores it
once. Replies go out in the thread (`in_reply_to_id`) with the visibility of the status answered:
a direct message stays direct. Rate limits are honoured: when X-RateLimit-Remaining reaches 0 the
client waits for X-RateLimit-Reset, and a 429 is retried after Retry-After / the reset time with
back-off. A revoked or expired token (401) gives one clear Dutch message.

Scheduling: `run_mastodon_account(loket, account, emit)` is the counterpart of
`inbox.sync.run_account` and returns/emits the same SyncEvent, so a scheduler adds one job per
account from `mastodon_accounts(loket)` next to the mail jobs.

Through the gate: adding and removing an account is `manage_accounts` (audited), fetching is
`sync` (statuses are filed by `message.receive`), replying is `reply` (a content act: a
vertrouwelijk case only for its assignee). Safety: only an https:// server is accepted
(http:// only to a loopback address, and only when LOKET_ALLOW_LOOPBACK_HTTP=1, for tests);
the token is sent to that server alone: a pagination link or a redirect to any other host is
refused, never followed with the token.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from inbox import acts
from inbox.accounts import Secrets
from inbox.channels.mailparse import html_to_text as _html_to_text
from inbox.channels.mailparse import scrub
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.model import Changes, Channel, Direction, IncomingMessage
from inbox.services import Loket, Received

log = logging.getLogger("loket.mastodon")

STREAMS = ("notifications", "conversations")
PAGE_LIMIT = 40
MAX_PAGES = 200  # pages per stream and pass: a server that links on forever is cut off
LOOPBACK_HTTP = "LOKET_ALLOW_LOOPBACK_HTTP"
USER_AGENT = "Loket/0.1 (klantcontact gemeente)"
SECRET_KIND = "token"


class MastodonError(LoketError):
    """A Mastodon problem a person can act on."""


class TokenRevoked(MastodonError):
    pass


class RateLimited(MastodonError):
    pass


# -- accounts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MastodonAccount:
    name: str
    url: str
    interval_minutes: float = 2.0
    backfill_pages: int = 5
    acct: str = ""  # our own handle, learned from verify_credentials
    account_id: str = ""  # our own account id on that server
    listen_days: int = 30  # public posts heard while listening are kept this long
    id: int = 0

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url).netloc.lower()

    def settings_json(self) -> str:
        data = asdict(self)
        data.pop("id")
        data.pop("name")
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_row(cls, row: Any) -> MastodonAccount:
        data = json.loads(row["settings"])
        known = set(cls.__dataclass_fields__) - {"id", "name"}
        return cls(
            name=row["name"], id=int(row["id"]), **{k: v for k, v in data.items() if k in known}
        )


def normalize_url(url: str) -> str:
    """'https://host[:port]' of a Mastodon server, refused unless it is https (or http to a
    loopback address when LOKET_ALLOW_LOOPBACK_HTTP=1: the tests' local server)."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise InvalidInput(f"'{url}' is geen geldig adres van een Mastodon-server.") from exc
    if parts.scheme not in ("https", "http") or not host:
        raise InvalidInput(f"'{url}' is geen geldig adres van een Mastodon-server.")
    if parts.scheme == "http" and not (_is_loopback(host) and os.environ.get(LOOPBACK_HTTP) == "1"):
        raise InvalidInput(
            f"'{url}' is niet versleuteld (http://); Loket stuurt het toegangstoken alleen over "
            "https:// naar een Mastodon-server."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _secrets(loket: Loket) -> Secrets:
    return Secrets.of(loket)


def add_account(
    loket: Loket,
    name: str,
    url: str,
    token: str,
    interval_minutes: float = 2.0,
    verify: bool = True,
    opener: Callable[..., Any] | None = None,
) -> MastodonAccount:
    """Add a Mastodon account; the token goes to the OS keyring, never into the database."""
    name, token = name.strip(), token.strip()
    loket.check(acts.MASTODON_ACCOUNT_ADD, f"account:{name}")  # before the server is asked
    if not name:
        raise InvalidInput("Geef het account een naam.")
    if not token:
        raise InvalidInput("Geef het toegangstoken op (via --token-stdin).")
    if interval_minutes < 0.1:
        raise InvalidInput("Ophalen kan hoogstens elke 6 seconden.")
    base = normalize_url(url)
    with loket.op(acts.MASTODON_ACCOUNT_LIST) as op:
        if op.store.social.account_name_taken(name):
            raise InvalidInput(f"Er is al een account met de naam '{name}'.")
    account = MastodonAccount(name=name, url=base, interval_minutes=interval_minutes)
    if verify:  # over the network, outside any transaction
        me = MastodonClient(account.url, token, opener=opener, account_name=name).get(
            "/api/v1/accounts/verify_credentials"
        )[0]
        if not isinstance(me, dict):
            raise MastodonError("De Mastodon-server gaf een onverwacht antwoord.")
        account = MastodonAccount(
            name=name,
            url=account.url,
            interval_minutes=interval_minutes,
            acct=_full_acct(str(me.get("acct", "")), account.host),
            account_id=str(me.get("id", "")),
        )
    with loket.op(acts.MASTODON_ACCOUNT_ADD, obj=f"account:{name}") as op:
        if op.store.social.account_name_taken(name):
            raise InvalidInput(f"Er is al een account met de naam '{name}'.")
        account_id = op.store.social.add_mastodon_account(
            name, account.settings_json(), op.stamp()
        )
        _secrets(loket).set(name, SECRET_KIND, token)  # a failure here rolls the row back
        op.changed("accounts")
    log.info("mastodon account %s added", account_id)
    return MastodonAccount(**{**asdict(account), "id": account_id})


def mastodon_accounts(loket: Loket) -> list[MastodonAccount]:
    """The enabled Mastodon accounts, for fetching (permission `sync`)."""
    with loket.op(acts.MASTODON_ACCOUNTS) as op:
        return [MastodonAccount.from_row(r) for r in op.store.social.mastodon_accounts()]


def mastodon_account(loket: Loket, name: str) -> MastodonAccount:
    with loket.op(acts.MASTODON_ACCOUNTS) as op:
        row = op.store.social.mastodon_account(name)
    if row is None:
        raise NotFound(f"Er is geen Mastodon-account '{name}'.")
    return MastodonAccount.from_row(row)


@dataclass(frozen=True)
class AccountOverview:
    """One account as the beheerder's screen lists it: when it last fetched, its last error."""

    account: MastodonAccount
    last_fetch: str = ""
    error: str = ""


def account_overview(loket: Loket) -> list[AccountOverview]:
    """The Mastodon accounts with their last fetch (permission `manage_accounts`)."""
    with loket.op(acts.MASTODON_ACCOUNT_LIST) as op:
        accounts = [MastodonAccount.from_row(r) for r in op.store.social.mastodon_accounts()]
        status = op.store.social.mastodon_status()
    out = []
    for account in accounts:
        rows = [r for r in status if r["account"] == account.name]
        last = max((str(r["last_sync_at"]) for r in rows if r["last_sync_at"]), default="")
        error = next((str(r["last_error"]) for r in rows if r["last_error"]), "")
        out.append(AccountOverview(account, last, error))
    return out


def remove_account(loket: Loket, name: str) -> Changes:
    with loket.op(acts.MASTODON_ACCOUNT_REMOVE, obj=f"account:{name}") as op:
        row = op.store.social.mastodon_account(name)
        if row is None:
            raise NotFound(f"Er is geen Mastodon-account '{name}'.")
        op.store.social.disable_account(name)
        op.store.listening.forget_account(int(row["id"]))  # posts heard listening: not cases
        op.changed("accounts")
    _secrets(loket).delete(name, SECRET_KIND)
    return op.changes


def token_for(loket: Loket, account: MastodonAccount) -> str:
    token = _secrets(loket).get(account.name, SECRET_KIND)
    if not token:
        raise MastodonError(
            f"Geen toegangstoken bekend voor Mastodon-account '{account.name}'; voeg het "
            "account opnieuw toe."
        )
    return token


# -- HTTP -------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MastodonError("De Mastodon-server gaf een onleesbaar antwoord.") from exc


def parse_links(value: str | None) -> dict[str, str]:
    """{'next': url, 'prev': url} from a Link header."""
    links: dict[str, str] = {}
    for part in (value or "").split(","):
        match = re.search(r'<([^>]+)>\s*;\s*rel="?([^";]+)"?', part)
        if match:
            links[match.group(2).strip()] = match.group(1)
    return links


@dataclass
class MastodonClient:
    """A small Mastodon REST client that keeps to the server's rate limits."""

    base_url: str
    token: str
    account_name: str = ""
    timeout: float = 30.0
    max_wait: float = 900.0
    max_retries: int = 5
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    opener: Callable[..., Any] | None = None
    remaining: int | None = None
    reset_at: datetime | None = None
    waited: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.base_url = normalize_url(self.base_url)

    def get(self, path: str, params: dict[str, Any] | None = None) -> tuple[Any, dict[str, str]]:
        response = self.request("GET", path, params=params)
        return response.json(), parse_links(response.headers.get("link"))

    def post(self, path: str, data: dict[str, Any], idempotency_key: str | None = None) -> Any:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self.request("POST", path, data=data, headers=headers).json()

    def request(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        url = path if "://" in path else self.base_url + path
        if _origin(url) != _origin(self.base_url):
            raise MastodonError(
                f"De Mastodon-server verwees naar een andere server "
                f"({urllib.parse.urlsplit(url).netloc or url[:60]}); Loket stuurt het "
                f"toegangstoken alleen naar {urllib.parse.urlsplit(self.base_url).netloc}."
            )
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, doseq=True)
        body = None
        all_headers = {
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
            **(headers or {}),
        }
        if data is not None:
            body = json.dumps(data).encode()
            all_headers["Content-Type"] = "application/json"
        attempt = 0
        while True:
            self._respect_limit()
            response = self._send(method, url, body, all_headers)
            self._note_limits(response.headers)
            if response.status == 429 or response.status >= 500:
                attempt += 1
                if attempt > self.max_retries:
                    if response.status == 429:
                        raise RateLimited(
                            "De Mastodon-server laat ons even niets meer ophalen "
                            "(te veel verzoeken); Loket probeert het later opnieuw."
                        )
                    raise MastodonError(
                        f"De Mastodon-server heeft een storing (HTTP {response.status}); "
                        "Loket probeert het later opnieuw."
                    )
                self._wait(self._retry_after(response, attempt))
                continue
            if response.status == 401:
                who = f" '{self.account_name}'" if self.account_name else ""
                raise TokenRevoked(
                    f"Het toegangstoken van Mastodon-account{who} is ingetrokken of verlopen. "
                    "Maak op de Mastodon-server een nieuw token en voeg het account opnieuw toe."
                )
            if response.status == 403:
                raise MastodonError(
                    "Het Mastodon-token heeft niet de nodige rechten (read:notifications, "
                    "read:statuses, write:statuses)."
                )
            if response.status == 404:
                raise NotFound("De Mastodon-server kent dit niet (meer).")
            if response.status >= 400:
                raise MastodonError(
                    f"De Mastodon-server weigerde het verzoek (HTTP {response.status})."
                )
            return response

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        # never copied onto a redirected request, and cross-origin redirects are refused
        request.add_unredirected_header("Authorization", f"Bearer {self.token}")
        opener = self.opener or _same_origin_opener().open
        try:
            with opener(request, timeout=self.timeout) as reply:
                return Response(
                    reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply.read()
                )
        except urllib.error.HTTPError as exc:
            payload = exc.read() if exc.fp is not None else b""
            return Response(exc.code, {k.lower(): v for k, v in exc.headers.items()}, payload)
        except (urllib.error.URLError, OSError) as exc:
            from inbox.channels.network import connection_reason

            reason = getattr(exc, "reason", exc)
            words = connection_reason(reason) if isinstance(reason, BaseException) else reason
            raise MastodonError(
                f"De Mastodon-server {urllib.parse.urlsplit(url).netloc} is niet bereikbaar "
                f"({words})."
            ) from exc

    def _note_limits(self, headers: dict[str, str]) -> None:
        remaining = headers.get("x-ratelimit-remaining")
        if remaining is not None and remaining.strip().lstrip("-").isdigit():
            self.remaining = int(remaining)
        reset = _parse_time(headers.get("x-ratelimit-reset"))
        if reset is not None:
            self.reset_at = reset

    def _respect_limit(self) -> None:
        if self.remaining is not None and self.remaining <= 0 and self.reset_at is not None:
            seconds = (self.reset_at - self.now()).total_seconds()
            if seconds > 0:
                self._wait(seconds)
            self.remaining = None

    def _retry_after(self, response: Response, attempt: int) -> float:
        value = response.headers.get("retry-after", "").strip()
        if value.isdigit():
            return float(value)
        when = _parse_time(value) or _parse_time(response.headers.get("x-ratelimit-reset"))
        if when is not None:
            return max((when - self.now()).total_seconds(), 1.0)
        return float(min(2**attempt, 60))

    def _wait(self, seconds: float) -> None:
        if seconds > self.max_wait:
            raise RateLimited(
                "De Mastodon-server laat ons pas over "
                f"{int(seconds // 60) + 1} minuten weer ophalen; Loket probeert het dan opnieuw."
            )
        self.waited.append(seconds)
        log.info("rate limited: waiting %.1f s", seconds)
        self.sleep(seconds)


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same scheme, host and port (taking the token along,
    which urllib leaves behind as an unredirected header)."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = urllib.parse.urljoin(req.full_url, newurl)
        if _origin(target) != _origin(req.full_url):
            raise MastodonError(
                f"De Mastodon-server stuurde door naar een andere server "
                f"({urllib.parse.urlsplit(target).netloc}); Loket volgt dat niet."
            )
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        token = req.unredirected_hdrs.get("Authorization")
        if new is not None and token:
            new.add_unredirected_header("Authorization", token)
        return new


def _same_origin_opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_SameOriginRedirects)


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- statuses into Loket ----------------------------------------------------------------------


def html_to_text(content: str) -> str:
    """A status's HTML as text: paragraphs apart by a blank line (linear in its size)."""
    return _html_to_text(content or "", paragraph="\n\n")


def canonical_bytes(status: dict[str, Any]) -> bytes:
    """The status JSON as the server sent it, in one stable serialisation (kept as the blob)."""
    text = json.dumps(status, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")  # byte for byte, even a lone surrogate


def _full_acct(acct: str, host: str) -> str:
    acct = acct.lstrip("@").lower()
    return acct if "@" in acct else f"{acct}@{host}"


def _id_key(value: str) -> tuple[int, str]:
    return (len(value), value) if value.isdigit() else (0, value)


def _header(status_id: str, host: str) -> str:
    return f"<{status_id}@{host}>"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


@dataclass
class MastodonReport:
    fetched: int = 0
    duplicates: int = 0
    heard: int = 0  # public posts kept while listening (inbox/channels/listening.py)
    cases: set[str] = field(default_factory=set)
    changes: Changes = field(default_factory=Changes)


def store_status(
    loket: Loket, account: MastodonAccount, status: dict[str, Any], own_id: str
) -> Received:
    """File one status in its case (once: by URI and by its bytes); returns what receive did.
    A status without an id (a broken server) is not filed."""
    status_id = str(status.get("id") or "")
    if not status_id:
        raise MastodonError("De Mastodon-server gaf een bericht zonder nummer.")
    uri = str(status.get("uri") or status.get("url") or status_id)
    host = account.host
    with loket.op(acts.MESSAGE_RECEIVE) as op:  # one transaction: the message and its keys
        social = op.store.social
        known = social.message_for_key(Channel.MASTODON.value, uri)
        if known is not None:
            return Received(known, None, None, True, False)
        raw = canonical_bytes(status)
        digest = loket.store_original(raw)
        author = _dict(status.get("account"))
        acct = _full_acct(scrub(str(author.get("acct", ""))), host)
        outbound = str(author.get("id", "")) == own_id
        text = html_to_text(scrub(str(status.get("content") or "")))
        for media in _dicts(status.get("media_attachments")):
            kind = {"image": "afbeelding", "video": "video", "audio": "geluid"}.get(
                str(media.get("type")), "bijlage"
            )
            text += f"\n[{kind}: {scrub(str(media.get('url') or media.get('remote_url') or ''))}]"
        first_line = re.sub(r"^(?:@\S+\s+)+", "", text).split("\n", 1)[0]
        subject = scrub(str(status.get("spoiler_text") or "")) or first_line[:80] or "(Mastodon)"
        reply_to = status.get("in_reply_to_id")
        mentions = [
            _full_acct(scrub(str(m.get("acct", ""))), host)
            for m in _dicts(status.get("mentions"))
            if str(m.get("id", "")) != own_id
        ]
        message = IncomingMessage(
            channel=Channel.MASTODON,
            sent_at=_parse_time(str(status.get("created_at"))) or loket.now(),
            sender="@" + acct,
            sender_name=scrub(str(author.get("display_name") or author.get("username") or acct)),
            recipients=" ".join("@" + m for m in mentions),
            subject=subject,
            body_text=text,
            message_id=_header(status_id, host),
            in_reply_to=_header(str(reply_to), host) if reply_to else None,
            external_id=status_id,
            raw_sha256=digest,
            direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
            account_id=account.id,
        )
        received = loket.receive(message)
        if received.message_id is None:
            return received
        social.add_message_key(Channel.MASTODON.value, uri, received.message_id)
        social.add_mastodon_status(
            {
                "message_id": received.message_id,
                "account_id": account.id,
                "status_id": status_id,
                "uri": uri,
                "visibility": str(status.get("visibility") or "public"),
                "author_acct": acct,
                "mentions": " ".join(mentions),
            }
        )
    return received


def fetch_stream(
    client: MastodonClient, stream: str, cursor: str | None, backfill_pages: int
) -> tuple[list[dict[str, Any]], str | None]:
    """Statuses of one stream newer than `cursor`, and the cursor to start from next time."""
    path = "/api/v1/notifications" if stream == "notifications" else "/api/v1/conversations"
    params: dict[str, Any] = {"limit": PAGE_LIMIT}
    if stream == "notifications":
        params["types[]"] = ["mention"]
    statuses: list[dict[str, Any]] = []
    newest = cursor
    pages = 0
    url: str | None = path
    seen: set[str] = set()
    if cursor:
        params["min_id"] = cursor
    while url is not None and url not in seen and pages < MAX_PAGES:
        seen.add(url)
        items, links = client.get(url, params)
        params = {}  # the Link URLs carry every parameter
        pages += 1
        if not isinstance(items, list):
            raise MastodonError("De Mastodon-server gaf een onverwacht antwoord.")
        items = _dicts(items)
        if not items:
            break
        for item in items:
            status = item.get("status") if stream == "notifications" else item.get("last_status")
            if stream == "notifications" and item.get("type") != "mention":
                continue
            if isinstance(status, dict):
                statuses.append(status)
        prev_cursor = _query_value(links.get("prev"), "min_id") or _query_value(
            links.get("prev"), "since_id"
        )
        top = str(
            items[0].get("id")
            if stream == "notifications"
            else _dict(items[0].get("last_status")).get("id", "")
        )
        candidate = prev_cursor or top
        if candidate and (newest is None or _id_key(candidate) > _id_key(newest)):
            newest = candidate
        if cursor:
            url = links.get("prev")
        else:
            url = links.get("next") if pages < backfill_pages else None
    statuses.sort(key=lambda s: _id_key(str(s.get("id", ""))))
    return statuses, newest


def _query_value(url: str | None, name: str) -> str | None:
    if not url:
        return None
    values = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).get(name)
    return values[0] if values else None


def sync_account(
    loket: Loket,
    account: MastodonAccount,
    token: str,
    client: MastodonClient | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> MastodonReport:
    """One fetch pass: mentions and direct conversations since the last pass, then the
    public posts of the account's watched terms (listening)."""
    loket.check(acts.MASTODON_SYNC, f"account:{account.name}")
    client = client or MastodonClient(account.url, token, account_name=account.name)
    report = MastodonReport()
    try:
        me, _ = client.get("/api/v1/accounts/verify_credentials")
    except MastodonError as exc:
        for stream in STREAMS:
            _save_state(loket, account, stream, _cursor(loket, account, stream), str(exc))
        raise
    own_id = str(_dict(me).get("id", ""))
    for stream in STREAMS:
        cursor = _cursor(loket, account, stream)
        try:
            statuses, newest = fetch_stream(client, stream, cursor, account.backfill_pages)
            for done, status in enumerate(statuses, start=1):
                received = store_status(loket, account, status, own_id)
                if received.duplicate:
                    report.duplicates += 1
                else:
                    report.fetched += 1
                    if received.reference:
                        report.cases.add(received.reference)
                    if received.case_id is not None:
                        report.changes.cases.add(received.case_id)
                if progress is not None:
                    progress(stream, done, len(statuses))
        except MastodonError as exc:
            _save_state(loket, account, stream, cursor, str(exc))
            raise
        _save_state(loket, account, stream, newest, None)
    from inbox.channels import listening  # the watched hashtags and keywords, if any

    report.heard = listening.listen(loket, account, client, own_id).heard
    return report


def _cursor(loket: Loket, account: MastodonAccount, stream: str) -> str | None:
    with loket.op(acts.MASTODON_ACCOUNTS) as op:
        return op.store.social.mastodon_cursor(account.id, stream)


def _save_state(
    loket: Loket, account: MastodonAccount, stream: str, newest: str | None, error: str | None
) -> None:
    with loket.op(acts.MASTODON_SYNC, obj=f"account:{account.name}") as op:
        op.store.social.save_mastodon_state(account.id, stream, newest, op.stamp(), error)


def run_mastodon_account(
    loket: Loket,
    account: MastodonAccount,
    emit: Callable[[Any], None] = lambda e: None,
    client: MastodonClient | None = None,
) -> Any:
    """What a scheduler job does for one Mastodon account; returns (and emits) a SyncEvent."""
    from inbox.sync import SyncEvent, guarded

    def work() -> SyncEvent:
        report = sync_account(
            loket,
            account,
            token_for(loket, account),
            client=client,
            progress=lambda stream, done, total: emit(
                SyncEvent("progress", account.name, stream, done, total)
            ),
        )
        return SyncEvent("done", account.name, fetched=report.fetched)

    return guarded(account.name, emit, work)


# -- replies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyTarget:
    """The status a reply answers: who wrote it, how visible it was, which account got it."""

    author: str
    visibility: str
    account: str


def reply_target(loket: Loket, reference: str) -> ReplyTarget | None:
    """The status `reply` will answer (the newest one from the resident), for the editor."""
    with loket.op(acts.MASTODON_REPLY_TARGET, case=reference) as op:
        row = op.store.social.reply_target(op.case_id)
    if row is None:
        return None
    return ReplyTarget(
        str(row["author_acct"] or ""), str(row["visibility"] or "public"),
        str(row["account_name"] or ""),
    )


def reply(
    loket: Loket,
    reference: str,
    text: str,
    client: MastodonClient | None = None,
) -> Changes:
    """Answer the case's latest Mastodon status in its thread, with that status's visibility.
    `changes.messages` holds the posted status as it was filed in the case."""
    with loket.op(acts.MASTODON_REPLY, case=reference) as op:
        text = text.strip()
        if not text:
            raise InvalidInput("Een antwoord mag niet leeg zijn.")
        row = op.store.social.reply_target(op.case_id)
        if row is None:
            raise NotFound(f"Zaak {reference} heeft geen Mastodon-bericht om op te antwoorden.")
        account_row = op.store.social.account_by_id(int(row["account_id"]))
        if account_row is None or not account_row["enabled"]:
            raise NotFound("Het Mastodon-account van dit bericht bestaat niet meer.")
        account = MastodonAccount.from_row(account_row)
        client = client or MastodonClient(
            account.url, token_for(loket, account), account_name=account.name
        )
        own = account.acct
        people = [row["author_acct"], *str(row["mentions"]).split()]
        handles = []
        for person in people:
            if person and person != own and person not in handles:
                handles.append(person)
        missing = [h for h in handles if f"@{h}" not in text and f"@{h.split('@')[0]}" not in text]
        status_text = " ".join(f"@{h}" for h in missing) + (" " if missing else "") + text
        case_reference = str(op.case["reference"])
        key = hashlib.sha256(
            f"{case_reference}\x1f{row['status_id']}\x1f{text}".encode()
        ).hexdigest()
        posted = client.post(
            "/api/v1/statuses",
            {
                "status": status_text,
                "in_reply_to_id": row["status_id"],
                "visibility": row["visibility"],
            },
            idempotency_key=key,
        )
        if not isinstance(posted, dict) or "id" not in posted:
            raise MastodonError("De Mastodon-server gaf een onverwacht antwoord op het bericht.")
        me_id = account.account_id or str(_dict(posted.get("account")).get("id", ""))
        received = store_status(loket, account, posted, me_id)
        op.changes.cases.add(op.case_id if received.case_id is None else received.case_id)
        if received.message_id is not None:
            op.changes.messages.add(received.message_id)
    return op.changes

"""Listening on Mastodon: public posts with a watched hashtag or keyword, not cases.

The beheerder gives a Mastodon account terms to watch (`#gemeentevoorbeeld`, `lantaarnpaal`);
each fetch pass of the account (mastodon.sync_account) then asks the server, with the same
client (https only, the token to that server alone, its rate limits kept), for the public
posts newer than where the last pass got to: a hashtag through the hashtag timeline
(`GET /api/v1/timelines/tag/:hashtag`), a keyword through the search
(`GET /api/v2/search?type=statuses`), both paged by `min_id` (the newest id seen), never by
following a link the server sends. The first pass of a term pages back (`max_id`) over the
listening period, at most PAGES_PER_PASS pages.

What is kept is the least that counting and making a case need: who wrote it (handle and
display name), when, its text and link, and a trimmed copy of the status; never the avatar, bio
or followers. Posts older than the account's listening period (30 days unless set) are purged
on every pass, so listening never becomes a register of residents; a term starting with `@`
(a person) is refused. Posts feed the trends (storage/trends.py counts them like incoming
messages, without a case) and a medewerker can make a case of one (`post_to_case`): the
stored status is filed by mastodon.store_status, so it becomes an ordinary Mastodon case,
once, however often it is asked.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from inbox import acts, clock
from inbox.channels.mailparse import scrub
from inbox.channels.mastodon import (
    PAGE_LIMIT,
    MastodonAccount,
    MastodonClient,
    MastodonError,
    RateLimited,
    TokenRevoked,
    _dict,
    _dicts,
    _full_acct,
    _id_key,
    _parse_time,
    html_to_text,
    store_status,
)
from inbox.errors import InvalidInput, NotFound
from inbox.gate import Op, Session
from inbox.services import Loket

log = logging.getLogger("loket.mastodon.listen")

DEFAULT_DAYS = 30
MAX_DAYS = 90
MAX_TERMS = 20
MAX_TERM = 100
PAGES_PER_PASS = 10  # pages per term and pass: more than that waits for the next pass
MAX_TEXT = 5000
MAX_HTML = 50_000
MAX_POSTS_SHOWN = 1000
_HASHTAG = re.compile(r"^#\w{1,100}$")
_STATUS_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# -- the terms ---------------------------------------------------------------------------------


def normalize_term(term: str) -> str:
    """A watched term as Loket keeps it: '#tag' or a keyword, lower case, single spaces."""
    term = " ".join(scrub(str(term)).split()).lower()
    if not term:
        raise InvalidInput("Geef een hashtag (#gemeentenaam) of een zoekwoord op.")
    if term.startswith("@"):
        raise InvalidInput(
            "Loket luistert naar onderwerpen, niet naar personen: geef een hashtag of een "
            "zoekwoord op, geen account."
        )
    if term.startswith("#"):
        if not _HASHTAG.match(term):
            raise InvalidInput(
                f"'{term[:60]}' is geen hashtag: na # alleen letters, cijfers en _ (zonder "
                "spaties)."
            )
        return term
    if len(term) < 3 or len(term) > MAX_TERM or _CONTROL.search(term):
        raise InvalidInput(f"Een zoekwoord heeft 3 tot {MAX_TERM} tekens.")
    return term


def stream_of(term: str) -> str:
    """The name under which fetching this term keeps its place (mastodon_sync.stream)."""
    return ("tag:" + term[1:]) if term.startswith("#") else ("search:" + term)


@dataclass(frozen=True)
class TermState:
    term: str
    last_fetch: str = ""
    error: str = ""


@dataclass(frozen=True)
class WatchList:
    account: str
    keep_days: int
    terms: tuple[TermState, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "keep_days": self.keep_days,
            "terms": [
                {"term": t.term, "last_fetch": t.last_fetch or None, "error": t.error or None}
                for t in self.terms
            ],
        }


def _account(op: Op, name: str) -> MastodonAccount:
    row = op.store.social.mastodon_account(name)
    if row is None:
        raise NotFound(f"Er is geen Mastodon-account '{name}'.")
    return MastodonAccount.from_row(row)


def watch_list(loket: Session, account_name: str) -> WatchList:
    """The terms an account watches, with each one's last fetch and error (beheerder)."""
    with loket.op(acts.MASTODON_WATCH_LIST) as op:
        account = _account(op, account_name)
        terms = op.store.listening.terms(account.id)
        status = {
            str(r["stream"]): r
            for r in op.store.social.mastodon_status()
            if r["account"] == account.name and r["stream"]
        }
    states = []
    for term in terms:
        row = status.get(stream_of(term), {})
        states.append(TermState(term, str(row.get("last_sync_at") or ""),
                                str(row.get("last_error") or "")))
    return WatchList(account.name, account.listen_days, tuple(states))


def add_term(loket: Session, account_name: str, term: str) -> str:
    """Watch `term` on the account from its next fetch pass; returns the term as kept."""
    loket.check(acts.MASTODON_WATCH_ADD, f"account:{account_name}")
    term = normalize_term(term)
    with loket.op(acts.MASTODON_WATCH_ADD, obj=f"account:{account_name}") as op:
        account = _account(op, account_name)
        listening = op.store.listening
        known = listening.terms(account.id)
        if term in known:
            raise InvalidInput(f"Account '{account.name}' luistert al naar '{term}'.")
        if len(known) >= MAX_TERMS:
            raise InvalidInput(f"Een account luistert naar hoogstens {MAX_TERMS} termen.")
        listening.add_term(account.id, term, op.stamp(), op.user)
        op.details = {"term": term}
        op.changed("accounts")
    return term


def remove_term(loket: Session, account_name: str, term: str) -> None:
    """Stop watching `term`; the posts it found stay until their period ends."""
    loket.check(acts.MASTODON_WATCH_REMOVE, f"account:{account_name}")
    term = " ".join(str(term).split()).lower()
    with loket.op(acts.MASTODON_WATCH_REMOVE, obj=f"account:{account_name}") as op:
        account = _account(op, account_name)
        if not op.store.listening.remove_term(account.id, term, stream_of(term)):
            raise NotFound(f"Account '{account.name}' luistert niet naar '{term[:60]}'.")
        op.details = {"term": term}
        op.changed("accounts")


def set_keep_days(loket: Session, account_name: str, days: int) -> None:
    """How long the account's heard posts are kept (1 to 90 days)."""
    loket.check(acts.MASTODON_WATCH_KEEP, f"account:{account_name}")
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"Bewaar meegeluisterde berichten 1 tot {MAX_DAYS} dagen.")
    with loket.op(acts.MASTODON_WATCH_KEEP, obj=f"account:{account_name}") as op:
        account = _account(op, account_name)
        data = json.loads(account.settings_json())
        data["listen_days"] = days
        op.store.listening.set_account_settings(account.id, json.dumps(data, sort_keys=True))
        op.details = {"dagen": days}
        op.changed("accounts")


# -- fetching ----------------------------------------------------------------------------------


def _text(value: Any, limit: int = 500) -> str:
    """A string field of the server's JSON (anything else is nothing), stored safely."""
    return scrub(value)[:limit] if isinstance(value, str) else ""


def _status_id(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value)
    return text if _STATUS_ID.match(text) else None


def _https(value: Any) -> str:
    """A link worth keeping: https only (never http, javascript: or a relative path)."""
    text = _text(value, 2000)
    parts = urllib.parse.urlsplit(text) if text else None
    return text if parts is not None and parts.scheme == "https" and parts.netloc else ""


def fetch_term(
    client: MastodonClient, term: str, cursor: str | None, since: datetime | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """Public statuses for `term` newer than `cursor`, and the cursor for next time. With a
    cursor, pages forward by min_id (the newest id seen); without one (a new term), pages back
    by max_id until the posts are older than `since`. A Link header is never followed."""
    if term.startswith("#"):
        path = "/api/v1/timelines/tag/" + urllib.parse.quote(term[1:], safe="")
        base: dict[str, Any] = {"limit": PAGE_LIMIT}
    else:
        path = "/api/v2/search"
        base = {"q": term, "type": "statuses", "resolve": "false", "limit": PAGE_LIMIT}
    found: dict[str, dict[str, Any]] = {}
    newest = cursor
    edge = cursor  # forward: the newest id asked after; back: the oldest id seen
    for _ in range(PAGES_PER_PASS):
        params = dict(base)
        if edge:
            params["min_id" if cursor else "max_id"] = edge
        data, _links = client.get(path, params)
        items = data if term.startswith("#") else _dict(data).get("statuses")
        if not isinstance(items, list):
            raise MastodonError("De Mastodon-server gaf een onverwacht antwoord.")
        fresh = []
        for status in _dicts(items):
            status_id = _status_id(status.get("id"))
            if status_id is None or status_id in found:
                continue
            if edge and (_id_key(status_id) <= _id_key(edge) if cursor
                         else _id_key(status_id) >= _id_key(edge)):
                continue  # not on the side asked for: a server paging wrongly
            found[status_id] = status
            fresh.append(status_id)
        if not fresh:
            break
        top = max(fresh, key=_id_key)
        if newest is None or _id_key(top) > _id_key(newest):
            newest = top
        if cursor:
            edge = top  # a short page may be the server's own cap: ask on until nothing new
        else:
            edge = min(fresh, key=_id_key)
            oldest = _parse_time(_text(found[edge].get("created_at"), 64))
            if since is not None and oldest is not None and oldest < since:
                break  # back far enough: older posts are not kept anyway
    statuses = sorted(found.values(), key=lambda s: _id_key(str(s["id"])))
    return statuses, newest


@dataclass(frozen=True)
class Heard:
    """One status as listening keeps it."""

    status_id: str
    uri: str
    url: str
    author_acct: str
    author_name: str
    text: str
    created_at: str
    status: dict[str, Any]


def heard(status: dict[str, Any], account: MastodonAccount, own_id: str, now: datetime,
          since: datetime) -> Heard | None:
    """The post worth keeping from a status, or None: not public, a boost, our own, older
    than the listening period, or without an id."""
    status_id = _status_id(status.get("id"))
    if status_id is None or status.get("visibility", "public") != "public":
        return None
    if status.get("reblog") is not None:
        return None  # a boost: the original counts, once
    author = _dict(status.get("account"))
    if own_id and _status_id(author.get("id")) == own_id:
        return None
    written = _parse_time(_text(status.get("created_at"), 64)) or now
    written = min(written, now)  # a date in the future would dodge the purge
    if written < since:
        return None
    host = account.host
    uri = _text(status.get("uri"), 2000) or _text(status.get("url"), 2000)
    uri = uri or f"{account.url}/statuses/{status_id}"
    url = _https(status.get("url"))
    raw_acct = _text(author.get("acct"), 200).strip()
    acct = _full_acct(raw_acct, host) if raw_acct else ""
    name = _text(author.get("display_name"), 200) or _text(author.get("username"), 200) or acct
    content = _text(status.get("content"), MAX_HTML)
    spoiler = _text(status.get("spoiler_text"), 500)
    text = html_to_text(content)
    text = (f"{spoiler}\n\n{text}" if spoiler else text)[:MAX_TEXT]
    reply_to = _status_id(status.get("in_reply_to_id"))
    trimmed = {
        "id": status_id,
        "uri": uri,
        "url": url,
        "created_at": clock.iso(written),
        "content": content,
        "spoiler_text": spoiler,
        "visibility": "public",
        "in_reply_to_id": reply_to,
        "language": _text(status.get("language"), 16),
        "account": {
            "id": _status_id(author.get("id")) or "",
            "acct": _text(author.get("acct"), 200),
            "username": _text(author.get("username"), 200),
            "display_name": _text(author.get("display_name"), 200),
        },
        "mentions": [
            {"id": _status_id(m.get("id")) or "", "acct": _text(m.get("acct"), 200)}
            for m in _dicts(status.get("mentions"))[:20]
        ],
        "media_attachments": [
            {"type": _text(m.get("type"), 16), "url": _https(m.get("url"))}
            for m in _dicts(status.get("media_attachments"))[:4]
        ],
    }
    return Heard(status_id, uri, url, acct, name, text, clock.iso(written), trimmed)


@dataclass
class ListenReport:
    heard: int = 0  # new posts kept
    purged: int = 0
    errors: list[str] = field(default_factory=list)


def listen(loket: Session, account: MastodonAccount, client: MastodonClient,
           own_id: str) -> ListenReport:
    """Fetch every watched term of the account, keep the new public posts, purge old ones.
    A term that fails keeps its place and its error (shown with the account) and the others
    go on; rate limits and a revoked token end the pass for all terms."""
    report = ListenReport()
    with loket.op(acts.MASTODON_LISTEN, obj=f"account:{account.name}") as op:
        terms = op.store.listening.terms(account.id)
        cursors = {t: op.store.social.mastodon_cursor(account.id, stream_of(t)) for t in terms}
    for term in terms:
        stream = stream_of(term)
        try:
            since = loket.now() - timedelta(days=account.listen_days)
            statuses, newest = fetch_term(client, term, cursors[term], since)
        except MastodonError as exc:
            report.errors.append(str(exc))
            _save(loket, account, stream, cursors[term], str(exc))
            log.info("listening on %s failed: %s", account.id, type(exc).__name__)
            if isinstance(exc, RateLimited | TokenRevoked):
                break
            continue
        report.heard += _keep(loket, account, term, statuses, own_id, newest)
    report.purged = purge(loket, account)
    return report


def _save(loket: Session, account: MastodonAccount, stream: str, newest: str | None,
          error: str | None) -> None:
    with loket.op(acts.MASTODON_LISTEN, obj=f"account:{account.name}") as op:
        op.store.social.save_mastodon_state(account.id, stream, newest, op.stamp(), error)


def _keep(loket: Session, account: MastodonAccount, term: str, statuses: list[dict[str, Any]],
          own_id: str, newest: str | None) -> int:
    """Keep the term's new posts and move its cursor, in one transaction."""
    kept = 0
    with loket.op(acts.MASTODON_LISTEN, obj=f"account:{account.name}") as op:
        listening = op.store.listening
        since = op.now - timedelta(days=account.listen_days)
        for status in statuses:
            post = heard(status, account, own_id, op.now, since)
            if post is None or listening.filed(post.uri):
                continue  # a mention already filed as a case is not heard a second time
            known = listening.post_by_uri(post.uri)
            if known is not None:
                terms = _terms(known["terms"])
                if term not in terms:
                    listening.set_terms(int(known["id"]), json.dumps([*terms, term]))
                continue
            listening.add_post({
                "account_id": account.id, "status_id": post.status_id, "uri": post.uri,
                "url": post.url, "author_acct": post.author_acct, "author_name": post.author_name,
                "text": post.text, "terms": json.dumps([term]), "created_at": post.created_at,
                "fetched_at": op.stamp(),
                "status": json.dumps(post.status, sort_keys=True, ensure_ascii=False),
            })
            kept += 1
        op.store.social.save_mastodon_state(account.id, stream_of(term), newest, op.stamp(),
                                            None)
        if kept:
            op.changed("listening")
    return kept


def _terms(value: Any) -> list[str]:
    try:
        found = json.loads(str(value or "[]"))
    except ValueError:
        return []
    return [str(t) for t in found] if isinstance(found, list) else []


def purge(loket: Session, account: MastodonAccount) -> int:
    """Delete the account's posts older than its listening period; how many went. (Removing
    the account removes all of them: mastodon.remove_account.)"""
    with loket.op(acts.MASTODON_LISTEN, obj=f"account:{account.name}") as op:
        gone = op.store.listening.purge(
            account.id, clock.iso(op.now - timedelta(days=account.listen_days))
        )
        if gone:
            op.changed("listening")
    return gone


# -- reading and making a case -------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    id: int
    account: str
    created_at: str
    author: str
    name: str
    text: str
    url: str
    terms: tuple[str, ...]
    case: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "account": self.account, "created_at": self.created_at,
            "author": self.author, "name": self.name, "text": self.text, "url": self.url or None,
            "terms": list(self.terms), "case": self.case,
        }


def posts(loket: Session, days: int = DEFAULT_DAYS) -> list[Post]:
    """The public posts heard in the last `days` days, newest first (a medewerker; audited,
    by count: the posts name residents)."""
    if days < 1:
        raise InvalidInput("Geef een aantal dagen van 1 of meer.")
    with loket.op(acts.MASTODON_POSTS, obj="mastodon:luisteren") as op:
        since = clock.iso(op.now - timedelta(days=min(days, MAX_DAYS)))
        rows = op.store.listening.posts(since, MAX_POSTS_SHOWN)
        op.details = {"berichten": len(rows)}
    return [
        Post(int(r["id"]), str(r["account"] or ""), str(r["created_at"]),
             str(r["author_acct"]), str(r["author_name"]), str(r["text"]), str(r["url"]),
             tuple(_terms(r["terms"])), r["case_reference"])
        for r in rows
    ]


@dataclass(frozen=True)
class PostCase:
    reference: str
    new_case: bool  # a case was opened for it (else it joined its thread's case)
    added: bool = True  # filed now (else it was a case already)
    case_id: int | None = None


def post_to_case(loket: Loket, post_id: int) -> PostCase:
    """Make a case of a heard post (an ordinary Mastodon case, filed once: asked again, the
    case it already is)."""
    obj = f"mastodon-bericht:{post_id}"
    loket.check(acts.MASTODON_POST_CASE, obj)
    with loket.op(acts.MASTODON_POST_CASE, obj=obj) as op:
        row = op.store.listening.post(post_id)
        if row is None:
            raise NotFound(f"Er is geen meegeluisterd bericht {post_id} (meer).")
        if row["case_reference"]:
            op.obj = f"zaak:{row['case_reference']}"
            return PostCase(str(row["case_reference"]), False, added=False)
        account_row = op.store.social.account_by_id(int(row["account_id"]))
        if account_row is None:
            raise NotFound("Het Mastodon-account van dit bericht bestaat niet meer.")
        account = MastodonAccount.from_row(account_row)
        status = _dict(json.loads(str(row["status"] or "{}")))
        status["uri"] = str(row["uri"])  # the key the post and its message share
        received = store_status(loket, account, status, account.account_id)
        after = op.store.listening.post(post_id)
        reference = (after["case_reference"] if after is not None else None) or received.reference
        if not reference:
            raise MastodonError("Van dit bericht kon geen zaak worden gemaakt.")
        case_id = received.case_id or op.store.records.case_id_by_reference(str(reference))
        if case_id is not None:
            case = op.store.records.case_row(int(case_id))
            op.about(case["contact_id"] if case is not None else None)
            op.changes.cases.add(int(case_id))
        op.changes.created_case = received.new_case
        op.changed("listening")
        op.obj = f"zaak:{reference}"
    return PostCase(str(reference), received.new_case, not received.duplicate, case_id)

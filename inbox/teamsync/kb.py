"""Kennisbank articles over team sync: each saved version travels as one `kb_article` event.

Hooked in with one line each: outgoing.on_event hands `kb_article_saved` here, and
apply.project_waiting calls `apply_waiting`. An article is the same on every laptop by its uid;
the version with the highest team clock (hlc) is the one shown (last writer wins), and every
version, from any laptop, is kept in its history. Applying is keyed on the event id, so a
second copy of an event changes nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from inbox import acts
from inbox.kb.model import Article, validated
from inbox.teamsync import collection
from inbox.teamsync.events import Event

if TYPE_CHECKING:
    from inbox.gate import Op, Session

KIND = "kb_article"
SAVED = "kb_article_saved"  # EventKind.KB_ARTICLE_SAVED


def on_event(loket: Session, data: dict[str, Any]) -> None:
    """A version was saved here: send it to the team (inside the saving transaction)."""
    uid = str(data.get("article") or "")

    def payload() -> dict[str, Any] | None:
        row = loket.store.kb.article(uid)
        if row is None:
            return None
        return {"content": Article.from_row(row).content(), "version": int(row["version"])}

    event = collection.send(loket, KIND, payload)
    if event is not None:
        loket.store.kb.set_hlc(uid, event.version)
        loket.store.kb.link_version_event(uid, event.id)


def apply_waiting(loket: Session) -> int:
    """Apply the article versions colleagues sent; how many were new here."""
    return collection.apply_waiting(
        loket, acts.KB_TEAM, "kennisbank", lambda op: op.store.kb.waiting_team_events(KIND),
        _read, _apply,
    )


def _read(event: Event) -> Article:
    content = dict(event.data["content"])
    uid = str(content["uid"])
    return Article(uid=uid, **validated(content))


def _apply(op: Op, event: Event, article: Article) -> bool:
    """Keep the version in the article's history (once per event); the newest shows."""
    kb = op.store.kb
    uid = article.uid
    fields = article.content()
    if not kb.add_version_once({
        "article_uid": uid, "version": int(event.data.get("version") or 0),
        "content": json.dumps(fields, ensure_ascii=False, sort_keys=True),
        "author": event.author, "at": event.at, "event_id": event.id,
    }):
        return False
    current = kb.article(uid)
    if current is None or event.version > str(current["hlc"]):
        kb.upsert_articles([{
            **fields, "questions": json.dumps(fields["questions"], ensure_ascii=False),
            "version": kb.version_count(uid), "hlc": event.version, "updated_at": event.at,
            "updated_by": event.author,
        }])
    op.changed("kb")
    return True

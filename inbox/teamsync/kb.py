"""Kennisbank articles over team sync: each saved version travels as one `kb_article` event.

Hooked in with one line each: outgoing.on_event hands `kb_article_saved` here, and
apply.project_waiting calls `apply_waiting`. An article is the same on every laptop by its uid;
the version with the highest team clock (hlc) is the one shown (last writer wins), and every
version, from any laptop, is kept in its history. Applying is keyed on the event id, so a
second copy of an event changes nothing.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from inbox import acts
from inbox.errors import InvalidInput
from inbox.kb.model import Article, validated
from inbox.privacy.roles import Permission
from inbox.teamsync.events import Event

if TYPE_CHECKING:
    from inbox.gate import Session

log = logging.getLogger("loket.teamsync")

KIND = "kb_article"
SAVED = "kb_article_saved"  # EventKind.KB_ARTICLE_SAVED


def on_event(loket: Session, data: dict[str, Any]) -> None:
    """A version was saved here: send it to the team (inside the saving transaction)."""
    from inbox.teamsync import outgoing

    t = outgoing.current_team(loket)
    if t is None:
        return
    uid = str(data.get("article") or "")
    row = loket.store.kb.article(uid)
    if row is None:
        return
    payload = {"content": Article.from_row(row).content(), "version": int(row["version"])}
    event = outgoing.emit(loket, t, KIND, None, payload)
    loket.store.kb.set_hlc(uid, event.hlc)
    loket.store.kb.link_version_event(uid, event.id)


def apply_waiting(loket: Session) -> int:
    """Apply the article versions colleagues sent; how many were new here."""
    if not loket.may(Permission.SYNC):
        return 0  # someone who may sync applies them later; nothing is lost
    applied = 0
    with loket.op(acts.KB_TEAM) as op:
        kb = op.store.kb
        for row in kb.waiting_team_events(KIND):
            try:
                event = Event.loads(str(row["body"]))
                content = dict(event.data["content"])
                uid = str(content["uid"])
                clean = validated(content)
            except (InvalidInput, KeyError, TypeError, ValueError) as exc:
                log.warning("team kennisbank event %s not applied: %s", row["id"], exc)
                continue
            article = Article(uid=uid, **clean)
            fields = article.content()
            if not kb.add_version_once({
                "article_uid": uid, "version": int(event.data.get("version") or 0),
                "content": json.dumps(fields, ensure_ascii=False, sort_keys=True),
                "author": event.author, "at": event.at, "event_id": event.id,
            }):
                continue
            applied += 1
            current = kb.article(uid)
            if current is None or event.hlc > str(current["hlc"]):
                kb.upsert_articles([{
                    **fields, "questions": json.dumps(fields["questions"], ensure_ascii=False),
                    "version": kb.version_count(uid), "hlc": event.hlc, "updated_at": event.at,
                    "updated_by": event.author,
                }])
        if applied:
            op.changed("kb")
    return applied

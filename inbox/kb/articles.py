"""Kennisbank articles through the gate: read, save (every change a version), use, health.

Reading needs `kb_read` (every medewerker, the beheerder); saving and importing `kb_edit` (the
beheerder, or a medewerker a beheerder granted "kennisbank"). Every save is a version with its
author and date, and an event (`kb_article_saved`) that team sync carries to colleagues.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from inbox import acts
from inbox.errors import NotFound
from inbox.gate import Op, Session
from inbox.kb.model import Article, ArticleStatus, validated
from inbox.model import Changes, EventKind


def articles(loket: Session, status: str | None = None) -> list[Article]:
    with loket.op(acts.KB_READ) as op:
        counts = op.store.kb.use_counts()
        return [
            Article.from_row(r, counts.get(str(r["uid"]), (0, ""))[0])
            for r in op.store.kb.articles(status)
        ]


def article(loket: Session, key: str) -> Article:
    """An article by uid, number or (exact, case-insensitive) title."""
    with loket.op(acts.KB_READ) as op:
        return _find(op, key)


def _find(op: Op, key: str) -> Article:
    kb = op.store.kb
    row = kb.article(key)
    if row is None and key.isdigit():
        row = kb.article_by_id(int(key))
    if row is None:
        row = kb.by_title(key)
    if row is None:
        raise NotFound(f"Kennisbankartikel '{key[:60]}' bestaat niet.")
    return Article.from_row(row)


def history(loket: Session, key: str) -> list[dict[str, Any]]:
    """Every version of an article, oldest first: number, author, date and the content."""
    with loket.op(acts.KB_READ) as op:
        found = _find(op, key)
        return [
            {"version": n, "author": r["author"], "at": r["at"],
             "content": json.loads(r["content"])}
            for n, r in enumerate(op.store.kb.versions(found.uid), start=1)
        ]


def save(loket: Session, fields: dict[str, Any], key: str | None = None) -> Changes:
    """Create an article (no `key`) or change one; a change that changes nothing is no version."""
    clean = validated(fields)
    with loket.op(acts.KB_EDIT, obj=f"kennisbank:{key or 'nieuw'}") as op:
        uid = _find(op, key).uid if key else None
        store_versions(op, [(uid, clean)])
    return op.changes


@dataclass
class Saved:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def store_versions(op: Op, items: list[tuple[str | None, dict[str, Any]]]) -> Saved:
    """Write validated articles (uid None: a new one) as new versions, in bulk."""
    kb = op.store.kb
    saved = Saved()
    stamp = op.stamp()
    rows: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    for uid, clean in items:
        row = kb.article(uid) if uid else None
        before = None if row is None else Article.from_row(row)
        article = Article(
            uid=uid or str(uuid.uuid4()),
            version=1 if before is None else before.version + 1,
            updated_at=stamp,
            updated_by=op.user,
            **clean,
        )
        if before is not None and before.content() == article.content():
            saved.unchanged += 1
            continue
        if before is None:
            saved.created += 1
        else:
            saved.updated += 1
        content = article.content()
        rows.append({**content, "questions": json.dumps(content["questions"], ensure_ascii=False),
                     "version": article.version, "hlc": "", "updated_at": stamp,
                     "updated_by": op.user})
        versions.append({"article_uid": article.uid, "version": article.version,
                         "content": json.dumps(content, ensure_ascii=False, sort_keys=True),
                         "author": op.user, "at": stamp, "event_id": None})
    kb.upsert_articles(rows)
    kb.add_versions(versions)
    for row_ in rows:
        op.event(EventKind.KB_ARTICLE_SAVED,
                 {"article": row_["uid"], "version": row_["version"], "title": row_["title"]})
    if rows:
        op.changed("kb")
    return saved


def record_use(loket: Session, key: str, place: str = "") -> Changes:
    """Count one use of an article's answer (inserted into a reply or a phone note)."""
    with loket.op(acts.KB_USE, obj=f"kennisbank:{key}") as op:
        found = _find(op, key)
        op.store.kb.record_use(found.uid, op.stamp(), op.user, place[:20])
        op.changed("kb")
    return op.changes


def health(loket: Session, today: date | None = None, days: int = 90) -> dict[str, Any]:
    """For the kennisbank's owners: articles due for review, never used, and searches that
    found nothing in the last `days` (their text already stripped of personal data)."""
    today = today or loket.now().date()
    with loket.op(acts.KB_HEALTH) as op:
        kb = op.store.kb
        counts = kb.use_counts()
        rows = [Article.from_row(r, counts.get(str(r["uid"]), (0, ""))[0]) for r in kb.articles()]
        since = (today - timedelta(days=days)).isoformat()
        due = [
            {"titel": a.title, "uid": a.uid, "herzien_op": a.review_on, "eigenaar": a.owner,
             "status": a.status.value}
            for a in rows
            if a.status is not ArticleStatus.VERLOPEN and a.review_on
            and a.review_on <= today.isoformat()
        ]
        unused = [
            {"titel": a.title, "uid": a.uid, "eigenaar": a.owner, "status": a.status.value}
            for a in rows
            if a.uses == 0 and a.status is ArticleStatus.ACTIEF
        ]
        missed = [{"zoekvraag": r["query"], "aantal": int(r["n"]), "laatst": r["last"]}
                  for r in kb.misses(since)]
    return {"te_herzien": sorted(due, key=lambda d: str(d["herzien_op"])),
            "nooit_gebruikt": unused, "zonder_resultaat": missed, "artikelen": len(rows)}


def usage(loket: Session, days: int = 30) -> list[dict[str, Any]]:
    """Uses per article in the last `days` and in total (for the teamleider: counts only)."""
    with loket.op(acts.KB_USAGE) as op:
        kb = op.store.kb
        since = (loket.now() - timedelta(days=days)).strftime("%Y-%m-%d")
        recent = kb.use_counts(since)
        total = kb.use_counts()
        out = [
            {"titel": str(r["title"]), "uid": str(r["uid"]), "status": str(r["status"]),
             "recent": recent.get(str(r["uid"]), (0, ""))[0],
             "totaal": total.get(str(r["uid"]), (0, ""))[0]}
            for r in kb.articles()
        ]
    return sorted(out, key=lambda d: (-int(d["recent"]), -int(d["totaal"]), str(d["titel"])))

"""Finding articles: BM25 over titles, questions and answers, with Dutch stems and compounds.

The index is built from the active articles in memory (about half a second for 2,000) and
kept per open installation until an article changes. Each article is one document: title and
questions count twice, the answer and the product once. A word of the query is matched by its
stem, by the parts of a compound ("parkeervergunning" -> parkeer + vergunning), by compounds
of the articles that begin or end with it ("paal" meets "lantaarnpaal"), and, when the index
does not know it, by a known stem one letter away (a typo). While typing, the last word is a
prefix.
"""

from __future__ import annotations

import bisect
import math
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from inbox import acts
from inbox.gate import Session
from inbox.kb.model import Article, ArticleStatus
from inbox.kb.text import Splitter, fold, stem, strip_personal, undouble, words

K1 = 1.2
B = 0.75
PART_WEIGHT = 0.6  # a compound's part counts less than the word itself
TYPO_WEIGHT = 0.7
PREFIX_LIMIT = 40


@dataclass(frozen=True)
class Hit:
    article: Article
    score: float

    def as_json(self) -> dict[str, Any]:
        a = self.article
        return {"titel": a.title, "score": round(self.score, 3), "uid": a.uid,
                "product": a.product, "link": a.link, "antwoord": a.answer}


def _deletes(term: str) -> set[str]:
    return {term[:i] + term[i + 1:] for i in range(len(term))}


class Index:
    """BM25 (k1 1.2, b 0.75) over articles; `search` for a short query, `rank` for a message."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = list(articles)
        fields: list[list[tuple[list[str], float]]] = []
        for a in self.articles:
            heavy = " ".join((a.title, *a.questions))
            fields.append([(words(heavy), 2.0), (words(a.product), 2.0), (words(a.answer), 1.0)])
        self.splitter = Splitter(stem(w) for doc in fields for found, _ in doc for w in found)
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.lengths: list[int] = []
        for n, doc in enumerate(fields):
            counts: dict[str, float] = {}
            for found, weight in doc:
                for word in found:
                    key = stem(word)
                    counts[key] = counts.get(key, 0.0) + weight
                    for part in self.splitter.parts(word):
                        counts[part] = counts.get(part, 0.0) + weight * PART_WEIGHT
            self.lengths.append(int(sum(counts.values())))
            for term, tf in counts.items():
                self.postings.setdefault(term, []).append((n, tf))
        self.average = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        total = len(self.articles)
        self.idf = {
            t: math.log(1 + (total - len(p) + 0.5) / (len(p) + 0.5))
            for t, p in self.postings.items()
        }
        self.vocabulary = sorted(self.postings)
        self._near: dict[str, list[str]] | None = None
        self._fragments: dict[str, set[str]] | None = None

    # -- query terms -----------------------------------------------------------------------

    def _typo(self, term: str) -> str | None:
        """A known stem one edit away (deletion neighbourhoods, built on first need)."""
        if len(term) < 4:
            return None
        if self._near is None:
            near: dict[str, list[str]] = {}
            for known in self.vocabulary:
                if len(known) >= 4:
                    for d in _deletes(known) | {known}:
                        near.setdefault(d, []).append(known)
            self._near = near
        found: set[str] = set()
        for d in _deletes(term) | {term}:
            found.update(self._near.get(d, ()))
        if not found:
            return None
        return max(sorted(found), key=lambda t: len(self.postings[t]))

    def _inside(self, term: str) -> list[str]:
        """Known compounds that begin or end with `term` ('lantarn', 'pal' -> 'lantarnpal'):
        how a word of the query meets a compound the splitter could not take apart."""
        if len(term) < 3:
            return []
        if self._fragments is None:
            fragments: dict[str, set[str]] = {}
            for known in self.vocabulary:
                for i in range(4, len(known) - 2):
                    fragments.setdefault(known[:i], set()).add(known)
                    fragments.setdefault(known[i:], set()).add(known)
            self._fragments = fragments
        found = self._fragments.get(term, set())
        return sorted(found, key=lambda t: -len(self.postings[t]))[:10]

    def terms(self, text: str, prefix: bool = False) -> dict[str, float]:
        """Weighted query terms of `text`; with `prefix`, its unfinished last word expands."""
        found: dict[str, float] = {}

        def add(term: str, weight: float) -> None:
            if term in self.postings:
                found[term] = max(found.get(term, 0.0), weight)

        items = words(text)
        last = None
        if prefix and items and not text[-1:].isspace():
            last = items.pop()
        for word in items:
            key = stem(word)
            if key in self.postings:
                add(key, 1.0)
            parts = self.splitter.parts(word)
            for part in parts:
                add(part, PART_WEIGHT if key in self.postings else 1.0)
            if key not in self.postings and not parts:
                inside = self._inside(key)
                for compound in inside:
                    add(compound, PART_WEIGHT)
                typo = None if inside else self._typo(key)
                if typo is not None:
                    add(typo, TYPO_WEIGHT)
        if last is not None:
            last = undouble(last)
            start = bisect.bisect_left(self.vocabulary, last)
            expanded = 0
            for term in self.vocabulary[start:]:
                if not term.startswith(last) or expanded >= PREFIX_LIMIT:
                    break
                add(term, 1.0)
                expanded += 1
            add(stem(last), 1.0)
        return found

    # -- scoring ---------------------------------------------------------------------------

    def score(self, terms: dict[str, float]) -> dict[int, float]:
        scores: dict[int, float] = {}
        for term, weight in terms.items():
            idf = self.idf[term] * weight
            for doc, tf in self.postings[term]:
                norm = K1 * (1 - B + B * self.lengths[doc] / self.average)
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (K1 + 1) / (tf + norm)
        return scores

    def best(self, terms: dict[str, float], limit: int) -> list[Hit]:
        scores = self.score(terms)
        top = sorted(scores.items(), key=lambda kv: (-kv[1], self.articles[kv[0]].title))
        return [Hit(self.articles[n], s) for n, s in top[:limit] if s > 0]

    def search(self, query: str, limit: int = 10, typing: bool = False) -> list[Hit]:
        return self.best(self.terms(query, prefix=typing), limit)

    def rank(self, subject: str, text: str, limit: int = 3) -> list[Hit]:
        """The articles that best answer a resident's message (the subject counts double)."""
        terms = self.terms(text)
        for term, weight in self.terms(subject).items():
            terms[term] = terms.get(term, 0.0) + weight
        return self.best(terms, limit)


# one index per open installation, rebuilt when the kennisbank changed
_INDEXES: weakref.WeakKeyDictionary[Any, tuple[str, Index]] = weakref.WeakKeyDictionary()


def index(loket: Session) -> Index:
    """The index of the active articles (checks `kb_read`)."""
    with loket.op(acts.KB_READ) as op:
        generation = op.store.kb.generation()
        cached = _INDEXES.get(op.store)
        if cached is not None and cached[0] == generation:
            return cached[1]
        counts = op.store.kb.use_counts()
        built = Index(
            Article.from_row(r, counts.get(str(r["uid"]), (0, ""))[0])
            for r in op.store.kb.articles(ArticleStatus.ACTIEF.value)
        )
    _INDEXES[op.store] = (generation, built)
    return built


def search(loket: Session, query: str, limit: int = 10, typing: bool = False) -> list[Hit]:
    """Articles for a search field; `typing`: the last word is not finished yet."""
    return index(loket).search(query, limit, typing)


def record_miss(loket: Session, query: str) -> None:
    """Remember a search that found nothing, stripped of numbers, addresses and names."""
    known = index(loket).postings
    kept = strip_personal(query)
    kept = " ".join(w for w in kept.split() if w.isalpha() or stem(fold(w)) in known)
    if len(kept) < 3:
        return
    with loket.op(acts.KB_MISS) as op:
        op.store.kb.record_miss(op.stamp(), kept.lower()[:120])


def suggest(loket: Session, reference: str, limit: int = 3) -> list[Hit]:
    """The articles that best fit a case's messages from the resident (newest counts most)."""
    with loket.op(acts.KB_SUGGEST, case=reference) as op:
        subject = str(op.case["subject"])
        texts = [
            str(m["body_text"] or "")
            for m in op.store.queries.case_messages(op.case_id)
            if m["direction"] == "in"
        ]
    found = index(loket)
    return found.rank(subject, " ".join(texts[-3:])[-6000:], limit)

"""Kennisbank values: an article, its status, and filling its placeholders."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from inbox.errors import InvalidInput

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
PLACEHOLDERS = ("naam", "zaak", "medewerker", "datum")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
MAX_TITLE = 200
MAX_TEXT = 20_000


class ArticleStatus(StrEnum):
    CONCEPT = "concept"
    ACTIEF = "actief"
    VERLOPEN = "verlopen"


@dataclass(frozen=True)
class Article:
    """One kennisbank article; `uid` names it on every laptop of the team."""

    uid: str
    title: str
    questions: tuple[str, ...] = ()
    answer: str = ""
    product: str = ""
    link: str = ""
    department: str = ""
    owner: str = ""
    review_on: str | None = None  # YYYY-MM-DD
    status: ArticleStatus = ArticleStatus.CONCEPT
    version: int = 1
    updated_at: str = ""
    updated_by: str = ""
    uses: int = field(default=0, compare=False)

    def content(self) -> dict[str, Any]:
        """What a version keeps and what travels to colleagues: the editable fields."""
        return {
            "uid": self.uid,
            "title": self.title,
            "questions": list(self.questions),
            "answer": self.answer,
            "product": self.product,
            "link": self.link,
            "department": self.department,
            "owner": self.owner,
            "review_on": self.review_on,
            "status": self.status.value,
        }

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["questions"] = list(self.questions)
        data["status"] = self.status.value
        return data

    @classmethod
    def from_row(cls, row: Any, uses: int = 0) -> Article:
        return cls(
            uid=str(row["uid"]),
            title=str(row["title"]),
            questions=tuple(json.loads(row["questions"] or "[]")),
            answer=str(row["answer"]),
            product=str(row["product"]),
            link=str(row["link"]),
            department=str(row["department"]),
            owner=str(row["owner"]),
            review_on=row["review_on"],
            status=ArticleStatus(row["status"]),
            version=int(row["version"]),
            updated_at=str(row["updated_at"]),
            updated_by=str(row["updated_by"]),
            uses=uses,
        )


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def fill(answer: str, *, name: str = "", reference: str = "", employee: str = "",
         today: date | None = None) -> str:
    """The answer with {naam}, {zaak}, {medewerker} and {datum} filled in; an empty value
    becomes a neutral word, never a bare placeholder in a letter to a resident."""
    values = {
        "naam": name.strip() or "heer/mevrouw",
        "zaak": reference.strip() or "uw zaak",
        "medewerker": employee.strip() or "Klantcontactcentrum",
        "datum": dutch_date(today or date.today()),
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], answer)


def validated(fields: dict[str, Any]) -> dict[str, Any]:
    """The editable fields, cleaned; InvalidInput (one Dutch line) when one is wrong."""
    title = " ".join(str(fields.get("title") or "").split())
    if not title:
        raise InvalidInput("Een artikel heeft een titel nodig.")
    if len(title) > MAX_TITLE:
        raise InvalidInput(f"De titel is te lang (meer dan {MAX_TITLE} tekens).")
    answer = str(fields.get("answer") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not answer:
        raise InvalidInput("Een artikel heeft een antwoord nodig.")
    if len(answer) > MAX_TEXT:
        raise InvalidInput(f"Het antwoord is te lang (meer dan {MAX_TEXT} tekens).")
    raw_questions = fields.get("questions") or ()
    if isinstance(raw_questions, str):
        raw_questions = raw_questions.split("|")
    if not isinstance(raw_questions, list | tuple):
        raise InvalidInput("De vragen moeten een lijst zijn.")
    questions = tuple(q for q in (" ".join(str(x).split()) for x in raw_questions) if q)
    link = str(fields.get("link") or "").strip()
    if link and not re.match(r"^https?://\S+$", link):
        raise InvalidInput(f"De link '{link[:60]}' is geen webadres (http:// of https://).")
    review = str(fields.get("review_on") or "").strip() or None
    if review is not None:
        try:
            review = date.fromisoformat(review).isoformat()
        except ValueError:
            raise InvalidInput(
                f"De herzieningsdatum '{review[:20]}' is geen datum (JJJJ-MM-DD)."
            ) from None
    status = str(fields.get("status") or ArticleStatus.CONCEPT.value).strip().lower()
    if status not in {s.value for s in ArticleStatus}:
        raise InvalidInput(
            f"De status '{status[:20]}' bestaat niet (concept, actief of verlopen)."
        )
    return {
        "title": title,
        "questions": questions,
        "answer": answer,
        "product": " ".join(str(fields.get("product") or "").split()),
        "link": link,
        "department": " ".join(str(fields.get("department") or "").split()),
        "owner": " ".join(str(fields.get("owner") or "").split()),
        "review_on": review,
        "status": ArticleStatus(status),
    }

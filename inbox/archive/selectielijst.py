"""The Selectielijst gemeenten 2020: loaded once from resources/selectielijst/, then looked up.

The VNG publishes it as Django fixtures (procestypen.json, resultaten.json). A result is known
by its code, procestype.resultaat[.specifiek], e.g. 6.1.3 "Ingewilligd - Informatieverzoek".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inbox.errors import NotFound
from storage.db import Database

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "selectielijst"

NAME = "Selectielijst gemeenten en intergemeentelijke organen 2020"

DEFAULT_RESULT = "6.1.3"
"""Verzoeken behandelen - Ingewilligd - Informatieverzoek: vernietigen, 1 jaar (P1Y).

A question to the KCC ("how do I get a parking permit?", "when is my passport ready?") is an
information request to the municipality; 6.1.3 is the Selectielijst's category for exactly that
("Algemeen informatieverzoek"), with procestermijn nihil, so the term starts when the case is
closed. The archivaris can map products with other weight (e.g. a complaint, a Woo request) to
another result.
"""

WAARDERING = {"vernietigen": "V", "blijvend_bewaren": "B", "": ""}


@dataclass(frozen=True)
class Result:
    """One Selectielijst result, with its procestype."""

    id: int
    code: str
    naam: str
    omschrijving: str
    waardering: str  # 'V', 'B' or '' (vervallen)
    bewaartermijn: str | None  # ISO 8601 duration; None when blijvend bewaren
    procestermijn: str
    toelichting: str
    procestype: str

    @property
    def title(self) -> str:
        """'Verzoeken behandelen - Ingewilligd - Informatieverzoek'."""
        text = f"{self.procestype} - {self.naam}"
        return f"{text} - {self.omschrijving}" if self.omschrijving else text

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def usable(self) -> bool:
        return self.waardering in ("V", "B")


def ensure_loaded(db: Database) -> None:
    """Load the fixtures into the (empty) tables; a no-op once they are there."""
    if db.scalar("SELECT 1 FROM selectielijst_resultaten LIMIT 1"):
        return
    procestypen = json.loads((RESOURCES / "procestypen.json").read_text(encoding="utf-8"))
    resultaten = json.loads((RESOURCES / "resultaten.json").read_text(encoding="utf-8"))
    with db.transaction() as conn:
        if db.scalar("SELECT 1 FROM selectielijst_resultaten LIMIT 1"):
            return
        nummers: dict[int, int] = {}
        for item in procestypen:
            f = item["fields"]
            nummers[int(item["pk"])] = int(f["nummer"])
            conn.execute(
                "INSERT INTO selectielijst_procestypen(id, uuid, nummer, jaar, naam, omschrijving,"
                " procesobject) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    item["pk"],
                    f["uuid"],
                    f["nummer"],
                    f["jaar"],
                    f["naam"].strip(),
                    f.get("omschrijving", ""),
                    f.get("procesobject", ""),
                ),
            )
        by_pk: dict[int, dict[str, Any]] = {int(r["pk"]): r["fields"] for r in resultaten}
        for pk in sorted(by_pk):
            f = by_pk[pk]
            generiek = f.get("generiek_resultaat")
            parts = [nummers[int(f["proces_type"])]]
            if generiek is not None:
                parts.append(int(by_pk[int(generiek)]["nummer"]))
            parts.append(int(f["nummer"]))
            conn.execute(
                "INSERT INTO selectielijst_resultaten(id, uuid, code, procestype_id, generiek_id,"
                " nummer, naam, omschrijving, herkomst, waardering, procestermijn, bewaartermijn,"
                " toelichting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    pk,
                    f["uuid"],
                    ".".join(str(p) for p in parts),
                    f["proces_type"],
                    generiek,
                    f["nummer"],
                    f["naam"].strip(),
                    f.get("omschrijving", "").strip(),
                    f.get("herkomst", ""),
                    WAARDERING.get(f.get("waardering", ""), ""),
                    f.get("procestermijn", ""),
                    f.get("bewaartermijn") or None,
                    f.get("toelichting", ""),
                ),
            )


_SELECT = (
    "SELECT r.id, r.code, r.naam, r.omschrijving, r.waardering, r.bewaartermijn, "
    "r.procestermijn, r.toelichting, p.naam AS procestype FROM selectielijst_resultaten r "
    "JOIN selectielijst_procestypen p ON p.id = r.procestype_id"
)


def _result(row: Any) -> Result:
    return Result(
        id=int(row["id"]),
        code=row["code"],
        naam=row["naam"],
        omschrijving=row["omschrijving"],
        waardering=row["waardering"],
        bewaartermijn=row["bewaartermijn"],
        procestermijn=row["procestermijn"],
        toelichting=row["toelichting"],
        procestype=row["procestype"],
    )


def result(db: Database, code_or_id: str | int) -> Result:
    """A result by its code ('6.1.3') or its row id (42)."""
    ensure_loaded(db)
    text = str(code_or_id).strip()
    if text.isdigit():
        row = db.one(_SELECT + " WHERE r.id = ?", (int(text),))
    else:
        row = db.one(_SELECT + " WHERE r.code = ? ORDER BY r.id LIMIT 1", (text,))
    if row is None:
        raise NotFound(f"Selectielijst-resultaat '{text}' bestaat niet.")
    return _result(row)


def results(db: Database, text: str = "") -> list[Result]:
    """All results (optionally those whose code, name or description contains `text`)."""
    ensure_loaded(db)
    rows = db.query(_SELECT + " ORDER BY r.id")
    found = [_result(r) for r in rows]
    needle = text.strip().lower()
    if needle:
        found = [
            r
            for r in found
            if needle in r.code or needle in r.label.lower() or needle in r.toelichting.lower()
        ]
    return found

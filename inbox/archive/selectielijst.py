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
from inbox.gate import Op

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


def ensure_loaded(op: Op) -> None:
    """Load the fixtures into the (empty) tables on first use; a no-op once they are there."""
    archive = op.store.archive
    if not archive.selectielijst_loaded():
        archive.load_selectielijst(*fixture_rows())


def fixture_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The VNG fixtures as table rows: procestypen, and resultaten with their codes."""
    procestypen = json.loads((RESOURCES / "procestypen.json").read_text(encoding="utf-8"))
    resultaten = json.loads((RESOURCES / "resultaten.json").read_text(encoding="utf-8"))
    nummers: dict[int, int] = {}
    types: list[dict[str, Any]] = []
    for item in procestypen:
        f = item["fields"]
        nummers[int(item["pk"])] = int(f["nummer"])
        types.append(
            {
                "id": item["pk"],
                "uuid": f["uuid"],
                "nummer": f["nummer"],
                "jaar": f["jaar"],
                "naam": f["naam"].strip(),
                "omschrijving": f.get("omschrijving", ""),
                "procesobject": f.get("procesobject", ""),
            }
        )
    by_pk: dict[int, dict[str, Any]] = {int(r["pk"]): r["fields"] for r in resultaten}
    results: list[dict[str, Any]] = []
    for pk in sorted(by_pk):
        f = by_pk[pk]
        generiek = f.get("generiek_resultaat")
        parts = [nummers[int(f["proces_type"])]]
        if generiek is not None:
            parts.append(int(by_pk[int(generiek)]["nummer"]))
        parts.append(int(f["nummer"]))
        results.append(
            {
                "id": pk,
                "uuid": f["uuid"],
                "code": ".".join(str(p) for p in parts),
                "procestype_id": f["proces_type"],
                "generiek_id": generiek,
                "nummer": f["nummer"],
                "naam": f["naam"].strip(),
                "omschrijving": f.get("omschrijving", "").strip(),
                "herkomst": f.get("herkomst", ""),
                "waardering": WAARDERING.get(f.get("waardering", ""), ""),
                "procestermijn": f.get("procestermijn", ""),
                "bewaartermijn": f.get("bewaartermijn") or None,
                "toelichting": f.get("toelichting", ""),
            }
        )
    return types, results


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


def result(op: Op, code_or_id: str | int) -> Result:
    """A result by its code ('6.1.3') or its row id (42)."""
    ensure_loaded(op)
    text = str(code_or_id).strip()
    archive = op.store.archive
    row = archive.result_by_id(int(text)) if text.isdigit() else archive.result_by_code(text)
    if row is None:
        raise NotFound(f"Selectielijst-resultaat '{text}' bestaat niet.")
    return _result(row)


def results(op: Op, text: str = "") -> list[Result]:
    """All results (optionally those whose code, name or description contains `text`)."""
    ensure_loaded(op)
    found = [_result(r) for r in op.store.archive.results()]
    needle = text.strip().lower()
    if needle:
        found = [
            r
            for r in found
            if needle in r.code or needle in r.label.lower() or needle in r.toelichting.lower()
        ]
    return found

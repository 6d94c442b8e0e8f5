"""Importing and exporting the kennisbank as CSV or JSON (by the file's extension).

CSV: UTF-8, a header row `titel,vragen,antwoord,product,link,afdeling,eigenaar,herzien_op,status`,
several questions in `vragen` separated by `|`, dates as YYYY-MM-DD. JSON: a list of objects
with the same keys (`vragen` a list or a `|`-separated text). An article whose title is in the
kennisbank already is updated (a new version only when something changed). A bad row is
reported with its line number and reason; the good rows are kept, or with `all_or_nothing`
none are.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inbox import acts
from inbox.errors import InvalidInput
from inbox.exports import export_file
from inbox.gate import Session
from inbox.kb.articles import store_versions
from inbox.kb.model import Article, validated

COLUMNS = ("titel", "vragen", "antwoord", "product", "link", "afdeling", "eigenaar",
           "herzien_op", "status")
FIELD_OF = {"titel": "title", "vragen": "questions", "antwoord": "answer", "product": "product",
            "link": "link", "afdeling": "department", "eigenaar": "owner",
            "herzien_op": "review_on", "status": "status"}
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"regel": n, "fout": text}
    kept: bool = True  # False when --all-or-nothing refused the file

    def as_json(self) -> dict[str, Any]:
        return {"nieuw": self.created, "bijgewerkt": self.updated, "ongewijzigd": self.unchanged,
                "fouten": self.errors, "opgeslagen": self.kept}


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise InvalidInput(f"{path.name}: kies een .csv- of .json-bestand.")
    return suffix[1:]


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, raw row) per article; InvalidInput when the file as a whole is unreadable."""
    kind = _kind(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InvalidInput(f"{path.name} is groter dan 50 MB.")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path.name} kan niet worden gelezen ({exc.strerror}).") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path.name} is geen UTF-8-tekst (byte {exc.start}).") from exc
    return _csv_rows(text, path.name) if kind == "csv" else _json_rows(text, path.name)


def _csv_rows(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput(f"{name} is leeg.") from None
    except csv.Error as exc:
        raise InvalidInput(f"{name}: de kopregel is onleesbaar ({exc}).") from exc
    header = [h.strip().lower() for h in header]
    missing = [c for c in ("titel", "antwoord") if c not in header]
    if missing:
        raise InvalidInput(
            f"{name}: de kopregel mist {', '.join(missing)} (verwacht: {','.join(COLUMNS)})."
        )
    rows: list[tuple[int, dict[str, Any]]] = []
    while True:
        line = reader.line_num + 1  # where this row starts (a quoted field may span lines)
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append((line, {"_error": f"onleesbare regel ({exc})"}))
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            rows.append((line, {"_error": f"{len(values)} kolommen, de kopregel heeft er "
                                          f"{len(header)}"}))
            continue
        rows.append((line, dict(zip(header, values, strict=False))))
    return rows


def _json_rows(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InvalidInput(f"{name} is geen geldige JSON ({exc}).") from exc
    if isinstance(data, dict) and isinstance(data.get("artikelen"), list):
        data = data["artikelen"]
    if not isinstance(data, list):
        raise InvalidInput(f"{name}: verwacht een lijst van artikelen.")
    return [
        (n, item if isinstance(item, dict) else {"_error": "geen object"})
        for n, item in enumerate(data, start=1)
    ]


def _fields(raw: dict[str, Any]) -> dict[str, Any]:
    if "_error" in raw:
        raise InvalidInput(str(raw["_error"]))
    out: dict[str, Any] = {}
    for column, name in FIELD_OF.items():
        value = raw.get(column)
        if column == "vragen" and isinstance(value, list):
            out[name] = [str(v) for v in value]
        elif value is not None and not isinstance(value, str | int | float):
            raise InvalidInput(f"'{column}' heeft geen tekst als waarde")
        else:
            out[name] = "" if value is None else str(value)
    return out


def import_file(loket: Session, path: Path, all_or_nothing: bool = False) -> ImportReport:
    """Import articles from a CSV or JSON file (see the module's docstring)."""
    path = Path(path)
    rows = read_rows(path)
    report = ImportReport()
    good: list[dict[str, Any]] = []
    for line, raw in rows:
        try:
            good.append(validated(_fields(raw)))
        except InvalidInput as exc:
            report.errors.append({"regel": line, "fout": str(exc).rstrip(".")})
    if report.errors and all_or_nothing:
        report.kept = False
        loket.check(acts.KB_IMPORT)
        return report
    with loket.op(acts.KB_IMPORT, obj=f"kennisbank:{path.name}") as op:
        items: list[tuple[str | None, dict[str, Any]]] = []
        seen: dict[str, int] = {}
        for clean in good:
            key = clean["title"].lower()
            if key in seen:  # the same title twice in one file: the last row wins
                items[seen[key]] = (items[seen[key]][0], clean)
                continue
            row = op.store.kb.by_title(clean["title"])
            seen[key] = len(items)
            items.append((None if row is None else str(row["uid"]), clean))
        saved = store_versions(op, items)
        op.details = {"nieuw": saved.created, "bijgewerkt": saved.updated,
                      "fouten": len(report.errors)}
    report.created, report.updated, report.unchanged = saved.created, saved.updated, saved.unchanged
    return report


def to_row(article: Article) -> dict[str, str]:
    return {
        "titel": article.title,
        "vragen": "|".join(article.questions),
        "antwoord": article.answer,
        "product": article.product,
        "link": article.link,
        "afdeling": article.department,
        "eigenaar": article.owner,
        "herzien_op": article.review_on or "",
        "status": article.status.value,
    }


def export(loket: Session, target: Path) -> int:
    """Write every article to `target` (.csv or .json), privately and atomically."""
    target = Path(target)
    kind = _kind(target)
    with loket.op(acts.KB_EXPORT, obj=f"kennisbank:{target.name}") as op:
        rows = [to_row(Article.from_row(r)) for r in op.store.kb.articles()]
        op.details = {"artikelen": len(rows)}
    with export_file(target) as work, open(work, "w", encoding="utf-8", newline="") as out:
        if kind == "csv":
            writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
        else:
            items = [{**r, "vragen": r["vragen"].split("|") if r["vragen"] else []}
                     for r in rows]
            json.dump(items, out, ensure_ascii=False, indent=2)
            out.write("\n")
    return len(rows)

"""The records commands through a real subprocess: retention, hold, destruction, export mdto."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from lxml import etree

from tests.unit.test_archive_kit import XSD
from tests.unit.test_cli import loket


def _as(db: Path, user: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return loket("--db", db, "--user", user, *args, env={"LOKET_PASSWORD": "loket-demo"})


def test_archivaris_from_due_to_verklaring_and_mdto(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    made = loket("--db", db, "demo", "--cases", "30")
    assert made.returncode == 0, made.stderr

    run = _as(
        db,
        "arjen",
        "organisation",
        "--name",
        "Gemeente Voorbeeld",
        "--identifier",
        "GM0999",
        "--json",
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["identifier"] == "GM0999"

    run = _as(
        db, "arjen", "retention", "map", "--product", "Paspoort", "--result", "6.1.1", "--json"
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["bewaartermijn"] == "P7Y"
    denied = _as(db, "anne", "retention", "map", "--default", "--result", "6.1.1")
    assert denied.returncode == 1
    assert denied.stderr.strip() == "loket: Dit mag alleen een archivaris."
    rules = json.loads(_as(db, "arjen", "retention", "rules", "--json").stdout)
    assert {(r["product"], r["result"]) for r in rules} == {("", "6.1.3"), ("Paspoort", "6.1.1")}

    out = tmp_path / "pakket"
    run = _as(db, "arjen", "export", "mdto", "--out", out, "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["cases"] > 0 and report["files"] == len(
        [p for p in out.rglob("*") if p.is_file()]
    )
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert all(schema.validate(etree.parse(str(p))) for p in out.rglob("*.xml"))
    again = _as(db, "arjen", "export", "mdto", "--out", out)
    assert again.returncode == 1 and "niet leeg" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1

    # a default with a term of nil (19.1.17, P0D), re-applied: every closed case is due now
    run = _as(db, "arjen", "retention", "map", "--default", "--result", "19.1.17", "--reapply")
    assert run.returncode == 0, run.stderr
    due = json.loads(_as(db, "arjen", "retention", "due", "--json").stdout)
    assert due and {"reference", "destroy_date", "result_code"} <= set(due[0])
    held = due[0]["reference"]
    run = _as(db, "tineke", "hold", held, "on", "--reason", "Klacht")
    assert run.returncode == 1 and run.stderr.strip() == "loket: Dit mag alleen een archivaris."
    run = _as(db, "arjen", "hold", held, "on", "--reason", "Klacht", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"reference": held, "legal_hold": True, "changed": True}
    assert json.loads(_as(db, "arjen", "retention", "show", held, "--json").stdout)["legal_hold"]

    run = _as(db, "arjen", "destruction", "propose", "--json")
    assert run.returncode == 0, run.stderr
    proposed = json.loads(run.stdout)
    list_id = str(proposed["id"])
    assert proposed["cases"] == len(due) - 1

    run = _as(db, "arjen", "destruction", "carry-out", list_id)
    assert run.returncode == 1 and "niet goedgekeurd" in run.stderr
    run = _as(db, "arjen", "destruction", "review", list_id)
    assert run.returncode == 1 and "tweede persoon" in run.stderr
    run = _as(db, "tineke", "destruction", "review", list_id, "--json")
    assert run.returncode == 0 and json.loads(run.stdout)["state"] == "beoordeeld"
    run = _as(db, "tineke", "destruction", "approve", list_id)
    assert run.returncode == 1 and run.stderr.strip() == "loket: Dit mag alleen een archivaris."
    run = _as(db, "arjen", "destruction", "approve", list_id, "--json")
    assert run.returncode == 0 and json.loads(run.stdout)["approved_by"] == "arjen"

    verklaring = tmp_path / "verklaring"
    run = _as(db, "arjen", "destruction", "carry-out", list_id, "--out", verklaring, "--json")
    assert run.returncode == 0, run.stderr
    outcome = json.loads(run.stdout)
    assert outcome["destroyed"] == len(due) - 1
    assert sorted(Path(f).suffix for f in outcome["files"]) == [".csv", ".pdf"]
    shown = json.loads(_as(db, "arjen", "destruction", "show", list_id, "--json").stdout)
    assert shown["state"] == "uitgevoerd"
    assert {i["state"] for i in shown["items"]} == {"vernietigd"}
    lists = json.loads(_as(db, "tineke", "destruction", "lists", "--json").stdout)
    assert [entry["state"] for entry in lists] == ["uitgevoerd"]
    run = _as(db, "tineke", "destruction", "verklaring", list_id, "--out", tmp_path / "v2")
    assert run.returncode == 0
    assert (tmp_path / "v2" / f"verklaring-van-vernietiging-{list_id}.pdf").read_bytes() == (
        verklaring / f"verklaring-van-vernietiging-{list_id}.pdf"
    ).read_bytes()

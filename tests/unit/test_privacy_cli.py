"""The AVG and Woo commands through a real subprocess, as the users of a demo database."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.unit.test_cli import loket
from tests.unit.test_privacy_kit import ADDRESS, BSN, IBAN, OTHER_EMAIL, PHONE, PHRASE, raw_mail


def _as(db: Path, user: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return loket("--db", db, "--user", user, *args, env={"LOKET_PASSWORD": "loket-demo"})


def _bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_exports_requests_erase_and_logs(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert loket("--db", db, "demo", "--cases", "10").returncode == 0
    (tmp_path / "m.eml").write_bytes(raw_mail())
    run = _as(db, "anne", "import", tmp_path / "m.eml", "--json")
    assert run.returncode == 0, run.stderr
    msgs = json.loads(_as(db, "anne", "messages", "--contact", ADDRESS, "--json").stdout)
    ref = msgs[0]["case"]

    # a medewerker may not export; the archivaris may
    refused = _as(db, "anne", "export", "subject", "--contact", ADDRESS, "--out", tmp_path / "n")
    assert refused.returncode == 1 and "archivaris" in refused.stderr

    run = _as(
        db,
        "arjen",
        "avg",
        "request",
        "add",
        "--contact",
        ADDRESS,
        "--received",
        "2026-01-31",
        "--json",
    )
    assert run.returncode == 0, run.stderr
    request = json.loads(run.stdout)
    assert request["deadline"] == "2026-02-28" and request["status"] == "open"
    listed = json.loads(_as(db, "arjen", "avg", "requests", "--open", "--json").stdout)
    assert [r["id"] for r in listed] == [request["id"]]

    out = tmp_path / "inzage"
    run = _as(
        db,
        "arjen",
        "export",
        "subject",
        "--contact",
        ADDRESS,
        "--out",
        out,
        "--request",
        str(request["id"]),
        "--json",
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["messages"] == 1
    assert PHRASE.encode() in _bytes(out) and (out / "samenvatting.html").exists()

    woo_out = tmp_path / "woo"
    run = _as(db, "arjen", "export", "woo", "--case", ref, "--out", woo_out, "--json")
    assert run.returncode == 0, run.stderr
    everything = _bytes(woo_out)
    assert PHRASE.encode() in everything
    for secret in (BSN, IBAN, PHONE, OTHER_EMAIL, ADDRESS):
        assert secret.encode() not in everything

    trail = json.loads(_as(db, "arjen", "audit", "--json").stdout)
    actions = {(e["action"], e["actor"]) for e in trail}
    assert ("avg.export", "arjen") in {(a.partition(":")[0], who) for a, who in actions}
    assert ("woo.export", "arjen") in {(a.partition(":")[0], who) for a, who in actions}

    spans = json.loads(_as(db, "arjen", "processing-log", "--json").stdout)
    assert {"loket-va-002", "loket-va-003"} <= {s["processing_activity_id"] for s in spans}
    assert all("subject_id" not in s for s in spans)

    # the case is open: erasure explains why it must refuse
    run = _as(db, "arjen", "avg", "erase", "--contact", ADDRESS)
    assert run.returncode == 1 and "niet afgerond" in run.stderr
    done = json.loads(_as(db, "arjen", "avg", "requests", "--json").stdout)
    assert done[0]["status"] == "afgehandeld"

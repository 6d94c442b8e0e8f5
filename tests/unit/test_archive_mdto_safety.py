"""The MDTO export fails cleanly and keeps what is not the archivaris' to export.

A failure, a stop or a kill half-way leaves nothing that looks like a package, and the retry
works; a vertrouwelijk case's content is withheld (and said so); every resident whose content
leaves Loket gets a processing-log entry.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inbox.archive import mdto
from inbox.errors import InvalidInput
from inbox.privacy import audit, processing_log
from inbox.services import Loket
from tests.unit.test_archive_kit import PDF, ready

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[Loket]:
    loket = ready(tmp_path / "demo.db")  # 41 closed cases, signed in as arjen
    yield loket
    loket.close()


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _leftovers(parent: Path) -> list[Path]:
    return sorted(parent.glob(".*.loket-tmp-*"))


def test_a_failure_half_way_leaves_nothing_and_the_retry_succeeds(
    lk: Loket, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pakket"
    real = mdto._case_files
    calls: list[str] = []

    def failing(op: Any, org: Any, case: Any, report: Any) -> list[tuple[str, bytes]]:
        calls.append(case["reference"])
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real(op, org, case, report)

    monkeypatch.setattr(mdto, "_case_files", failing)
    with pytest.raises(Exception, match="schijf is vol"):
        mdto.export(lk, out)
    assert len(calls) == 4  # three cases were written before it failed
    assert not out.exists() and _leftovers(tmp_path) == []
    assert lk.db.scalar("SELECT count(*) FROM case_events WHERE kind = 'mdto_export'") == 0

    monkeypatch.undo()
    report = mdto.export(lk, out)
    assert report.cases == 41 and len(_files(out)) == report.files
    assert _leftovers(tmp_path) == []


def test_a_stopped_export_writes_nothing(lk: Loket, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 5

    with pytest.raises(mdto.ExportCancelled, match="niets geschreven"):
        mdto.export(lk, tmp_path / "pakket", progress=progress)
    assert seen[0] == (0, 41) and seen[-1] == (5, 41)
    assert not (tmp_path / "pakket").exists() and _leftovers(tmp_path) == []


_KILLED_EXPORT = """
import sys, time
from pathlib import Path
from inbox.archive import mdto
from inbox.services import Loket
from tests.conftest import act_as

db, out, marker = sys.argv[1:4]
loket = Loket.open(db)
act_as(loket, "arjen")
real = mdto._case_files
done = []

def slow(op, org, case, report):
    done.append(case["reference"])
    if len(done) == 5:
        Path(marker).write_text("half way")
        time.sleep(120)
    return real(op, org, case, report)

mdto._case_files = slow
mdto.export(loket, Path(out))
"""


def test_a_killed_export_leaves_only_the_hidden_temp_folder_which_the_retry_clears(
    lk: Loket, tmp_path: Path
) -> None:
    db = lk.db.path
    assert db is not None
    exports = tmp_path / "exports"
    exports.mkdir()
    out, marker = exports / "pakket", tmp_path / "half-way"
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_EXPORT, str(db), str(out), str(marker)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the export never got half way"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    # nothing that looks like a package: only the hidden temporary folder, half filled
    assert not out.exists()
    left = _leftovers(exports)
    assert [p.name.startswith(".pakket.loket-tmp-") for p in left] == [True]
    assert len(list(left[0].iterdir())) == 4  # the four cases written before the kill

    report = mdto.export(lk, out)
    assert sorted(p.name for p in exports.iterdir()) == ["pakket"]
    assert sorted(p.name for p in out.iterdir()) == report.references


def test_a_vertrouwelijk_case_is_withheld_and_said_so(lk: Loket, tmp_path: Path) -> None:
    ref = str(lk.db.scalar("SELECT reference FROM cases WHERE subject = 'Bezwaarschrift'"))
    anne = lk.db.scalar("SELECT id FROM users WHERE name = 'anne'")
    lk.db.conn.execute(
        "UPDATE cases SET confidential = 1, assignee_id = ? WHERE reference = ?", (anne, ref)
    )
    resident = lk.db.scalar("SELECT contact_id FROM cases WHERE reference = ?", (ref,))

    planned = mdto.plan(lk)
    out = tmp_path / "pakket"
    report = mdto.export(lk, out)
    assert report.withheld == planned.withheld == [ref]
    assert ref not in report.references and report.cases == 40
    assert (planned.files, planned.bytes) == (report.files, report.bytes)
    files = _files(out)
    assert len(files) == report.files
    assert not (out / ref).exists()
    assert not [name for name, data in files.items() if b"Bezwaarschrift" in data]
    # its attachment is nowhere (the demo's own cases may carry PDFs of their own)
    assert not [name for name, data in files.items() if PDF in data]
    # the archivaris still sees its retention (metadata)
    from inbox.archive import retention

    assert retention.retention_of(lk, ref)["destroy_date"]

    # the export is audited with its counts, and logged per resident whose content left
    entry = audit.entry(lk.store.audit.entries(None, 1)[0])
    assert entry["actor"] == "arjen" and entry["action"].startswith("export.mdto:")
    assert '"achtergehouden": 1' in entry["action"] and '"zaken": 40' in entry["action"]
    exported = {
        int(r[0])
        for r in lk.db.query(
            "SELECT contact_id FROM cases WHERE reference != ? AND contact_id IS NOT NULL "
            "UNION SELECT m.contact_id FROM messages m JOIN cases c ON c.id = m.case_id "
            "WHERE c.reference != ? AND m.contact_id IS NOT NULL",
            (ref, ref),
        )
    }
    logged = [
        e for e in processing_log.entries(lk, decrypt=True) if e["operation"] == "export"
    ]
    assert {e["subject_id"] for e in logged} == exported
    assert resident not in exported and all(e["actor"] == "arjen" for e in logged)


def test_nothing_to_export_when_every_chosen_case_is_withheld(lk: Loket, tmp_path: Path) -> None:
    ref = str(lk.db.scalar("SELECT reference FROM cases ORDER BY reference LIMIT 1"))
    lk.db.conn.execute("UPDATE cases SET confidential = 1 WHERE reference = ?", (ref,))
    with pytest.raises(InvalidInput, match="vertrouwelijk"):
        mdto.export(lk, tmp_path / "pakket", references=[ref])
    assert not (tmp_path / "pakket").exists() and _leftovers(tmp_path) == []

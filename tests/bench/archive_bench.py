"""Benchmark of the records capability on a demo database (closed cases with their originals):
the MDTO export through the gate against a bare copy of the same payload, the summary's dry
run against the export, and loading the Selectielijst with sqlite-utils against executemany.

    .venv/bin/python -m tests.bench.archive_bench [--cases 500] [--repeat 3] [--no-write]

Results are printed and written as the "Records" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from inbox.archive import mdto, selectielijst
from inbox.services import Loket
from storage.archive import ArchiveQueries
from storage.db import connect
from tests.bench.report import write_heading_section

SECTION = "## Records (MDTO export)"


def _median_alternating(
    first: Callable[[int], float], second: Callable[[int], float], repeat: int
) -> tuple[list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    for i in range(repeat):
        if i % 2:
            b.append(second(i))
            a.append(first(i))
        else:
            a.append(first(i))
            b.append(second(i))
    return a, b


def bare_copy(loket: Loket, out: Path) -> tuple[int, int]:
    """The least an export must do: every case's originals and attachments decrypted from the
    blob store and written to a folder per case, phone/counter notes as text; no XML."""
    files = size = 0
    db = loket.db
    out.mkdir()
    for ref, case_id in db.query(
        "SELECT reference, id FROM cases WHERE status = 'afgerond' ORDER BY reference"
    ):
        folder = out / ref
        folder.mkdir()
        for n, m in enumerate(
            db.query("SELECT * FROM messages WHERE case_id = ? ORDER BY sent_at, id", (case_id,))
        ):
            data = (
                loket.blobs.get(m["raw_sha256"]) if m["raw_sha256"]
                else str(m["body_text"]).encode()
            )
            (folder / f"{n:03d}").write_bytes(data)
            files, size = files + 1, size + len(data)
            for k, a in enumerate(
                db.query("SELECT sha256 FROM attachments WHERE message_id = ?", (m["id"],))
            ):
                data = loket.blobs.get(a["sha256"])
                (folder / f"{n:03d}-{k}").write_bytes(data)
                files, size = files + 1, size + len(data)
    return files, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.archive_bench")
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="do not write BENCHMARKS.md")
    args = parser.parse_args(argv)
    from tests.unit.test_archive_kit import ready

    work = Path(tempfile.mkdtemp(prefix="loket-archive-bench-"))
    try:
        built = time.perf_counter()
        loket = ready(work / "demo.db", cases=args.cases)  # closed, signed in as arjen
        built = time.perf_counter() - built
        plan = mdto.plan(loket)

        def ours(i: int) -> float:
            start = time.perf_counter()
            mdto.export(loket, work / f"mdto-{i}")
            return time.perf_counter() - start

        def bare(i: int) -> float:
            start = time.perf_counter()
            bare_copy(loket, work / f"bare-{i}")
            return time.perf_counter() - start

        def dry(i: int) -> float:
            start = time.perf_counter()
            mdto.plan(loket)
            return time.perf_counter() - start

        exports, copies = _median_alternating(ours, bare, args.repeat)
        plans = [dry(i) for i in range(args.repeat)]
        bare_files, bare_bytes = bare_copy(loket, work / "bare-count")
        loket.close()

        types, results = selectielijst.fixture_rows()

        def load_utils(_: int) -> float:
            db = connect(":memory:")
            start = time.perf_counter()
            ArchiveQueries(db).load_selectielijst(types, results)
            took = time.perf_counter() - start
            db.close()
            return took

        def load_raw(_: int) -> float:
            db = connect(":memory:")
            start = time.perf_counter()
            with db.transaction() as conn:
                for table, rows in (("selectielijst_procestypen", types),
                                    ("selectielijst_resultaten", results)):
                    cols = list(rows[0])
                    conn.executemany(
                        f"INSERT INTO {table}({', '.join(cols)}) "
                        f"VALUES ({', '.join('?' for _ in cols)})",
                        [tuple(r[c] for c in cols) for r in rows],
                    )
            took = time.perf_counter() - start
            db.close()
            return took

        loads, raws = _median_alternating(load_utils, load_raw, max(args.repeat, 7))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    export_s, copy_s = statistics.median(exports), statistics.median(copies)
    plan_s = statistics.median(plans)
    load_ms, raw_ms = statistics.median(loads) * 1000, statistics.median(raws) * 1000
    rate = plan.cases / export_s
    lines = [
        SECTION,
        "",
        f"`.venv/bin/python -m tests.bench.archive_bench --cases {args.cases} --repeat "
        f"{args.repeat}`: a demo database of {args.cases} cases (+1 with a PDF), all closed "
        f"(built in {built:.0f} s, not timed below); exported as arjen (archivaris) through the "
        f"gate. Medians of {args.repeat} runs, alternating order.",
        "",
        "| benchmark | Loket | baseline | ratio |",
        "|---|---:|---:|---:|",
        f"| MDTO export, {plan.cases} cases, {plan.files:,} files, "
        f"{plan.bytes / 1e6:.1f} MB | {export_s:.2f} s ({rate:.0f} cases/s) | bare copy "
        f"{copy_s:.2f} s ({bare_files:,} files, {bare_bytes / 1e6:.1f} MB) | "
        f"{export_s / copy_s:.1f}x |",
        f"| Summary step (dry run, nothing written) | {plan_s:.2f} s | the export "
        f"{export_s:.2f} s | {plan_s / export_s:.2f}x |",
        f"| Selectielijst load ({len(types)} procestypen, {len(results)} resultaten) | "
        f"sqlite-utils insert_all {load_ms:.1f} ms | executemany {raw_ms:.1f} ms | "
        f"{load_ms / raw_ms:.2f}x |",
        "",
        "- *bare copy*: every closed case's originals and attachments read from the (encrypted) "
        "blob store and written to a folder per case, notes as text; no XML, no checksums, no "
        "atomic rename. The export adds the .mdto.xml per informatieobject and per file "
        "(SHA-256, PRONOM), the private temporary folder with its fsyncs and the rename, and "
        "the audit and processing-log entries.",
        "- *Summary step*: `mdto.plan`, the wizard's count of cases, files and bytes before "
        "exporting: it generates every file in memory and writes nothing.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_heading_section(text, SECTION)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

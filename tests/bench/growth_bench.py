"""How Loket grows: mail sync throughput, search time and start time on encrypted databases of
10,000, 100,000 and 300,000 messages, so a user knows where a laptop's limits are.

    .venv/bin/python -m tests.bench.growth_bench                 # writes its BENCHMARKS.md section
    .venv/bin/python -m tests.bench.growth_bench --sizes 10000 --sync 500 --no-write   # a try

Each size is a cached bench database pair of tests.bench.benchdb (a third as many cases as
messages). Per size:

- sync: `inbox.channels.imap.sync_account` fetching `--sync` new e-mails (tests.bench.imap_bench's
  synthetic resident mail) from a real Dovecot on 127.0.0.1 into a private copy of the
  encrypted database, which already holds that many messages: threading against the existing
  cases, contacts, the bigger full-text index. A fresh copy per run.
- search: Loket.search, signed in as a medewerker, over tests.bench.run.SEARCHES, warm, the
  median over queries of each query's median; beside it the raw FTS5 query on the plain copy.
- start: `tests/bench/start_window.py loket` signed in until the case list is painted, and the
  bare PySide6 window, alternating; medians.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.queries import fts_query
from tests.bench import benchdb, run
from tests.bench.report import write_section

START, END = "<!-- growth:start -->", "<!-- growth:end -->"
SIZES = (10_000, 100_000, 300_000)
MAIL_USER, MAIL_PASSWORD = "bench@gemeente.test", "geheim"
ADMIN = "beheer"


def _beheerder(db_path: Path) -> None:
    """A beheerder in a private copy (the bench databases have medewerkers only), to add the
    team's mail account as the product requires."""
    from inbox.privacy import auth, keys
    from storage.db import connect

    db = connect(db_path, keys.unlock(db_path))
    try:
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO users(name, display_name, role, created_at, password_hash) "
                "VALUES (?, 'Beheer', 'beheerder', '2026-01-01T00:00:00', ?)",
                (ADMIN, auth.hash_password(benchdb.PASSWORD)),
            )
    finally:
        db.close()


def sync_once(db: benchdb.BenchDB, port: int, work: Path, expect: int) -> float:
    from inbox.accounts import Accounts, MailAccount, Security
    from inbox.channels.imap import sync_account
    from inbox.gate import SYSTEM_USER
    from inbox.services import Loket

    folder = Path(tempfile.mkdtemp(prefix="growth-", dir=work))
    path = benchdb.copy_encrypted(db, folder / "loket.db")
    _beheerder(path)
    loket = Loket.open(path)
    try:
        loket.sign_in(ADMIN, benchdb.PASSWORD)
        account = Accounts(loket).add_mail(
            MailAccount(name="bench", host="127.0.0.1", port=port, security=Security.NONE,
                        username=MAIL_USER),
            MAIL_PASSWORD,
        )
        loket.user = SYSTEM_USER  # mail is fetched by the scheduler's identity
        before = int(loket.db.scalar("SELECT count(*) FROM messages"))
        t0 = time.perf_counter()
        report = sync_account(loket, account, MAIL_PASSWORD)
        elapsed = time.perf_counter() - t0
        assert report.fetched == expect, (report.fetched, expect)
        assert int(loket.db.scalar("SELECT count(*) FROM messages")) == before + expect
    finally:
        loket.close()
        shutil.rmtree(folder, ignore_errors=True)
    return elapsed


def search_medians(db: benchdb.BenchDB, repeat: int) -> tuple[float, float]:
    loket = run.signed_in(db)
    plain = run.plain_connection(db)
    ours, raw = [], []
    for q in run.SEARCHES:
        fts = fts_query(q)
        loket.search(q), plain.execute(run._RAW_SEARCH, (fts,)).fetchall()  # warm
        ours.append(run.median_time(lambda q=q: loket.search(q), repeat))
        raw.append(run.median_time(
            lambda fts=fts: plain.execute(run._RAW_SEARCH, (fts,)).fetchall(), repeat))
    loket.close()
    plain.close()
    return statistics.median(ours), statistics.median(raw)


def start_medians(db: benchdb.BenchDB, starts: int) -> tuple[float, float]:
    run.compiled_sources()  # as installed: no start compiles Loket's sources again
    run._start_once("bare", None), run._start_once("loket", db)  # warm the file cache
    ours, bare = [], []
    for i in range(starts):
        pair = (("loket", db, ours), ("bare", None, bare))
        for mode, which, sink in pair[:: 1 if i % 2 else -1]:
            found = run._start_once(mode, which)
            sink.append(found["rows"] if mode == "loket" else found["painted"])
    return statistics.median(ours), statistics.median(bare)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.growth_bench")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES),
                        help="messages per database (a third as many cases)")
    parser.add_argument("--sync", type=int, default=2_000, help="e-mails fetched per run")
    parser.add_argument("--sync-repeat", type=int, default=2)
    parser.add_argument("--search-repeat", type=int, default=3)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    benchdb.use_bench_keyring()
    began = time.perf_counter()
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    dbs = [benchdb.prepare(-(-n // 3), n, args.seed) for n in args.sizes]  # a third, rounded up
    rows: list[dict[str, Any]] = []
    from tests.bench.imap_bench import fill, make_messages
    from tests.integration.dovecot import Dovecot

    with tempfile.TemporaryDirectory(prefix="loket-growth-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["LOKET_DATA_DIR"] = str(tmp / "data")
        work = tmp / "work"
        work.mkdir()
        dovecot = Dovecot(tmp / "dovecot")
        dovecot.add_users({MAIL_USER: MAIL_PASSWORD})
        dovecot.start()
        try:
            raws = make_messages(args.sync, args.seed + 7)
            fill(dovecot.port, raws)
            for db in dbs:
                print(f"{db.messages:,} messages", flush=True)
                syncs = [sync_once(db, dovecot.port, work, len(raws))
                         for _ in range(args.sync_repeat)]
                search, raw = search_medians(db, args.search_repeat)
                start, bare = start_medians(db, args.starts)
                row = {"db": db, "sync": statistics.median(syncs), "syncs": syncs,
                       "search": search, "raw": raw, "start": start, "bare": bare}
                rows.append(row)
                print(f"  sync {len(raws) / row['sync']:,.0f} msg/s, search {run.ms(search)} "
                      f"(raw {run.ms(raw)}), start {run.ms(start)} (bare {run.ms(bare)})",
                      flush=True)
        finally:
            dovecot.stop()
    whole = time.perf_counter() - began
    load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    n = args.sync
    lines = [
        START,
        "## Growth: 10k, 100k, 300k messages",
        "",
        "Generated by `.venv/bin/python -m tests.bench.growth_bench` (run by `make bench`) on "
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; whole run {whole:.0f} s; load average "
        f"(1, 5, 15 min) {load_before} at the start, {load_after} at the end (2 cores, "
        "shared with other work: the absolute times are noisy, the ratios less).",
        "",
        f"| messages (cases) | file, encrypted | sync of {n:,} new e-mails | search, median "
        "of 30 queries | vs raw FTS5 (plain) | start to case list, signed in | vs bare "
        "window |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        db = r["db"]
        lines.append(
            f"| {db.messages:,} ({db.cases:,}) | {db.stats['encrypted_mb']:,.0f} MB | "
            f"{n / r['sync']:,.0f} msg/s ({r['sync']:.1f} s) | {run.ms(r['search'])} | "
            f"{r['search'] / r['raw']:.2f}x | {run.ms(r['start'])} | "
            f"{r['start'] / r['bare']:.2f}x |"
        )
    lines += [
        "",
        f"- Sync: `inbox.channels.imap.sync_account` fetching {n:,} new synthetic resident "
        "e-mails (tests.bench.imap_bench's generator) from Dovecot on 127.0.0.1 into a private "
        "copy of the encrypted database that already holds that many messages; a fresh copy "
        f"per run, median of {args.sync_repeat} (runs: "
        + "; ".join(", ".join(f"{s:.1f}" for s in r["syncs"]) + " s" for r in rows) + ").",
        "- Search: Loket.search signed in as a medewerker (the gate, vertrouwelijk filter, "
        "audit entry, bm25, snippet), warm, median per query of "
        f"{args.search_repeat}, then the median over tests.bench.run's 30 queries; raw: the "
        "bare FTS5 query on the plain copy.",
        "- Start: `tests/bench/start_window.py loket` (signed in through LOKET_PASSWORD, "
        "argon2id) until the case list's first rows are painted, against the bare PySide6 "
        f"window's first paint; medians of {args.starts} alternating runs.",
        END,
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text, START, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())

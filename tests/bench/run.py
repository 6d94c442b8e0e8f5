"""Loket's benchmarks: each figure is a ratio against a baseline measured in the same run.

    make bench       # QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.run
    python -m tests.bench.run --rebuild      # rebuild the cached databases first
    python -m tests.bench.run --cases 10000 --messages 30000 --no-write   # a quick try

The database (100,000 cases, 300,000 messages) is built once into tests/bench/out/ and reused
while its version key (generator version, schema version, sizes, seed) stays the same.
The results are printed as a table and written to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inbox.model import Channel, Direction, IncomingMessage, Status
from inbox.services import CaseQuery, Loket
from storage.blobs import BlobStore
from storage.db import connect
from storage.queries import fts_query
from storage.records import Records
from tests.bench import benchdb, datagen
from tests.bench.report import cpu_model, median_time

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
TMP = OUT / "tmp"
REPORT = ROOT / "BENCHMARKS.md"
KEY = bytes(range(32))  # the fresh encrypted databases of the insert and receive rows
OPEN = tuple(s.value for s in Status if s is not Status.AFGEROND)

SEARCHES = (
    # single words, common to rare
    "gemeente", "afspraak", "paspoort", "parkeervergunning", "containerpas", "kwijtschelding",
    "dakkapel", "bijstandsuitkering", "stoeptegel", "leerlingenvervoer", "digid", "notaris",
    # two or more words
    "paspoort aanvragen", "grijze container", "bezwaar woz-waarde", "hondenpoep overlast",
    "milieustraat grofvuil", "trapliftaanvraag scootmobiel", "Dorpsstraat 12",
    # people and places
    "Jansen", "de Vries", "Fatima Yilmaz", "Emmen",
    # prefixes, as typed while the list narrows
    "contain", "parkeer", "verhuiz", "verg", "bez",
    # identifiers
    "06-84868506", "LK-2025-000123",
)


# -- results -----------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    ours: str
    baseline: str
    ratio: float | None
    ratio_text: str
    target: str = ""
    met: bool | None = None
    how: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        verdict = "" if row.met is None else ("  OK" if row.met else "  MISSED")
        target = f" (target {row.target})" if row.met is not None else ""
        versus = f" vs {row.baseline} =" if row.baseline != "-" else ":"
        print(f"  {row.name}: {row.ours}{versus} {row.ratio_text}{target}{verdict}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.{3 if seconds < 0.01 else 1}f} ms"


def per_s(value: float) -> str:
    return f"{value:,.0f} rows/s"


# -- 1. the databases --------------------------------------------------------------------


def database(args: argparse.Namespace, report: Report) -> benchdb.BenchDB:
    """The encrypted 100k/300k database and its plain copy (tests.bench.benchdb), cached."""
    db = benchdb.prepare_from(args, rebuild=args.rebuild)
    stats = db.stats
    rate = stats["messages"] / stats["seconds"]
    note = f"cached, built {stats['built_at']}" if db.cached else "built in this run"
    report.add(Row(
        "Build 100k/300k database" if args.cases == 100_000 else f"Build {args.cases:,} cases",
        f"{stats['seconds']:.1f} s",
        "-",
        None,
        f"{rate:,.0f} messages/s, {stats['insert_seconds']:.1f} s of it in insert_messages; "
        f"then encrypted in {stats['encrypt_seconds']:.1f} s; {note}",
        how=(
            f"{args.cases:,} cases, {args.messages:,} messages, {args.cases * 6 // 10:,} "
            f"contacts, seed {args.seed}: cases/contacts by executemany, messages through "
            "storage.records.insert_messages in chunks of 5,000 cases, one transaction each "
            "(time includes generating the texts), staff with argon2id passwords; compacted "
            "(VACUUM INTO) into the plain copy the baselines read, and a copy of that switched "
            "to encryption as a user's database is (keys.encrypt_existing: SQLCipher 4, key in "
            "the bench's own keyring file), which every Loket figure below reads. "
            f"Average body {stats['avg_body_chars']:.0f} chars; file {stats['size_mb']:,.0f} MB "
            f"plain, {stats['encrypted_mb']:,.0f} MB encrypted. Cached in tests/bench/out/ by "
            "version key; `--rebuild` forces a new build."
        ),
    ))
    return db


# -- 2. insert paths ---------------------------------------------------------------------

_RAW_MESSAGE_COLS = (
    "id", "case_id", "contact_id", "channel", "direction", "message_id", "in_reply_to",
    "sent_at", "received_at", "sender", "sender_name", "recipients", "subject", "body_text",
    "raw_sha256", "author_id",
)
_RAW_MESSAGES = (
    f"INSERT INTO messages({', '.join(_RAW_MESSAGE_COLS)}) "
    f"VALUES ({', '.join('?' for _ in _RAW_MESSAGE_COLS)})"
)
_RAW_INDEX = (
    "INSERT INTO search_index(rowid, subject, body, contact, kind, ref_id, case_id) "
    "VALUES (?, ?, ?, ?, 'message', ?, ?)"
)


def _fresh(name: str) -> Path:
    TMP.mkdir(parents=True, exist_ok=True)
    path = TMP / name
    for stale in TMP.glob(name + "*"):
        stale.unlink()
    return path


def _drop(path: Path) -> None:
    for f in path.parent.glob(path.name + "*"):
        f.unlink()


def insert_paths(args: argparse.Namespace, report: Report) -> float:
    n = args.insert_rows
    _, vocab, plan = datagen.new_plan(args.seed + 1, max(1, n // 3), n)
    rng = datagen.random.Random(args.seed + 2)
    pairs = list(datagen.message_rows(rng, vocab, plan, 0, len(plan.cases), 1))
    rows = [r for r, _ in pairs]
    names = [c for _, c in pairs]
    message_tuples = [(i, *(r.get(c) for c in _RAW_MESSAGE_COLS[1:])) for i, r in
                      enumerate(rows, 1)]
    index_tuples = [
        (i * 2, r["subject"], r["body_text"], name, i, r["case_id"])
        for i, (r, name) in enumerate(pairs, 1)
    ]

    def ours() -> float:
        path = _fresh("insert-ours.db")
        db = connect(path, KEY)
        datagen.write_people(db, plan)
        t0 = time.perf_counter()
        with db.transaction():
            Records(db).insert_messages(rows, names)
        took = time.perf_counter() - t0
        db.close()
        _drop(path)
        return took

    def raw(with_index: bool = True) -> float:
        path = _fresh("insert-raw.db")
        db = connect(path)
        datagen.write_people(db, plan)
        conn = db.conn
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(_RAW_MESSAGES, message_tuples)
        if with_index:
            conn.executemany(_RAW_INDEX, index_tuples)
        conn.commit()
        took = time.perf_counter() - t0
        db.close()
        _drop(path)
        return took

    ours_t, raw_t = [], []
    for i in range(args.insert_repeat):
        if i % 2:
            raw_t.append(raw())
            ours_t.append(ours())
        else:
            ours_t.append(ours())
            raw_t.append(raw())
    plain = statistics.median(raw(with_index=False) for _ in range(2))
    ours_rate = n / statistics.median(ours_t)
    raw_rate = n / statistics.median(raw_t)
    ratio = ours_rate / raw_rate
    report.add(Row(
        f"Insert path ({n:,} messages)", per_s(ours_rate), f"raw {per_s(raw_rate)}", ratio,
        f"{ratio:.2f}x of raw", ">= 0.50x", ratio >= 0.5,
        how=(
            f"storage.records.insert_messages for {n:,} generated message rows (messages + "
            "search_index) inside one Database.transaction() into a fresh encrypted database "
            "(storage.db.connect with a key: SQLCipher, WAL, synchronous=NORMAL), vs "
            "hand-written executemany of the same rows (tuples prepared before the clock "
            "starts) into the same two tables of a fresh plain database in one BEGIN "
            "IMMEDIATE/COMMIT (Python's sqlite3). Both with the same users/contacts/cases. "
            f"Median of {args.insert_repeat} runs, alternating which goes first."
        ),
    ))
    report.sections.append(
        "### Insert path\n\n"
        f"- insert_messages: {', '.join(f'{t:.2f} s' for t in ours_t)}\n"
        f"- raw executemany (messages + search_index): "
        f"{', '.join(f'{t:.2f} s' for t in raw_t)}\n"
        f"- raw executemany, messages only, no search index (information): {plain:.2f} s "
        f"= {per_s(n / plain)}; the FTS5 index is "
        f"{100 * (1 - plain / statistics.median(raw_t)):.0f}% of the raw time\n"
    )
    return raw_rate


def incoming_messages(seed: int, n: int) -> list[IncomingMessage]:
    """About `n` e-mails in threads (In-Reply-To/References), alternating in and out."""
    _, vocab, plan = datagen.new_plan(seed, max(1, n // 3), n)
    rng = datagen.random.Random(seed + 1)
    msgs = []
    for i in range(len(plan.cases)):
        case = plan.cases[i]
        _, name, email, _ = plan.contacts[plan.case_contact[i] - 1]
        previous: str | None = None
        for k, stamp in enumerate(plan.case_times[i]):
            outbound = k % 2 == 1
            mid = f"<{case[0]}.{k}@{'gemeente' if outbound else 'mail'}.example.nl>"
            msgs.append(IncomingMessage(
                channel=Channel.EMAIL,
                sent_at=datetime.fromtimestamp(stamp, UTC),
                sender="info@gemeente.example.nl" if outbound else email,
                sender_name="Gemeente" if outbound else name,
                recipients=email if outbound else "info@gemeente.example.nl",
                subject=("Re: " + case[2]) if k else case[2],
                body_text=datagen.body(rng, vocab, plan.case_topic[i], name, outbound),
                message_id=mid,
                in_reply_to=previous,
                references=(previous,) if previous else (),
                raw_sha256=hashlib.sha256(mid.encode()).hexdigest(),
                direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
            ))
            previous = mid
    return msgs


def receive_path(args: argparse.Namespace, report: Report, raw_rate: float) -> None:
    msgs = incoming_messages(args.seed + 3, args.receive)

    def run(batch: int) -> tuple[float, int]:
        """Seconds for receiving all of msgs; batch > 1 wraps that many in one transaction."""
        path = _fresh("receive.db")
        db = connect(path, KEY)
        loket = Loket(db, BlobStore(TMP / "receive.blobs", KEY))
        t0 = time.perf_counter()
        for start in range(0, len(msgs), batch):
            if batch > 1:
                with db.transaction():
                    for m in msgs[start : start + batch]:
                        loket.receive(m)
            else:
                loket.receive(msgs[start])
        took = time.perf_counter() - t0
        cases = int(db.scalar("SELECT count(*) FROM cases") or 0)  # type: ignore[call-overload]
        loket.close()
        _drop(path)
        return took, cases

    for batch in (1, 50):
        took, cases = run(batch)
        rate = len(msgs) / took
        if batch == 1:
            name = f"Service path Loket.receive ({len(msgs):,} messages)"
            how = "one transaction per message (as a single call from the UI or an import)"
        else:
            name = f"Service path Loket.receive, {batch} per transaction"
            how = (f"the same calls wrapped {batch} at a time in one outer "
                   "Database.transaction(), as the IMAP sync does (BATCH = 50)")
        report.add(Row(
            name, per_s(rate), f"raw {per_s(raw_rate)}", rate / raw_rate,
            f"{rate / raw_rate:.2f}x of raw", "none (information)",
            how=(
                f"Loket.receive for {len(msgs):,} e-mails (In-Reply-To chains, {cases:,} "
                f"cases opened) into a fresh encrypted database, {how}: duplicate check, contact "
                "lookup/creation, threading, case open/update, message + index row, events. "
                "Baseline: the raw executemany rate of the insert row."
            ),
        ))


# -- 3. search ---------------------------------------------------------------------------

_RAW_SEARCH = "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50"


def signed_in(db: benchdb.BenchDB) -> Loket:
    """Loket on the encrypted bench database, signed in as a medewerker (as people use it)."""
    loket = Loket.open(db.encrypted)
    loket.sign_in(benchdb.USER, benchdb.PASSWORD)
    return loket


def plain_connection(db: benchdb.BenchDB) -> sqlite3.Connection:
    """The baselines' connection: Python's own sqlite3 on the plain copy."""
    return sqlite3.connect(f"file:{db.plain}?mode=ro", uri=True, check_same_thread=False)


def search(args: argparse.Namespace, report: Report, db: benchdb.BenchDB) -> None:
    loket = signed_in(db)
    cipher = loket.db.conn
    plain = plain_connection(db)
    per_query = []
    for q in SEARCHES:
        fts = fts_query(q)
        plain.execute(_RAW_SEARCH, (fts,)).fetchall()  # warm the caches
        cipher.execute(_RAW_SEARCH, (fts,)).fetchall()
        loket.search(q)
        ours_s, raw_s, enc_s = [], [], []
        for rep in range(args.search_repeat):
            for which in ((0, 1) if rep % 2 else (1, 0)):
                t0 = time.perf_counter()
                if which:
                    loket.search(q)
                else:
                    plain.execute(_RAW_SEARCH, (fts,)).fetchall()
                (ours_s if which else raw_s).append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            cipher.execute(_RAW_SEARCH, (fts,)).fetchall()
            enc_s.append(time.perf_counter() - t0)
        matches = plain.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (fts,)
        ).fetchone()[0]
        hits = len(loket.search(q))
        per_query.append((q, fts, matches, hits, statistics.median(ours_s),
                          statistics.median(raw_s), statistics.median(enc_s)))
    loket.close()
    plain.close()
    ours_med = statistics.median(p[4] for p in per_query)
    raw_med = statistics.median(p[5] for p in per_query)
    enc_med = statistics.median(p[6] for p in per_query)
    ratios = [p[4] / p[5] for p in per_query]
    ratio = ours_med / raw_med
    report.add(Row(
        f"Search, median of {len(SEARCHES)} queries (encrypted)", ms(ours_med),
        f"raw FTS5, plain copy {ms(raw_med)}", ratio, f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5,
        how=(
            f"Loket.search(q) on the encrypted database, signed in as a medewerker (through "
            "the gate: permission, vertrouwelijk filter, audit entry; bm25 order, joins "
            f"cases/messages, snippet) vs `{_RAW_SEARCH}` with the same expression "
            "storage.queries.fts_query(q) on the plain copy (Python's sqlite3, read-only). "
            f"Warm cache (one untimed run each), {args.search_repeat} timed runs per query "
            "alternating order, median per query, then the median over queries. "
            f"Per-query ratios: median {statistics.median(ratios):.2f}x, worst "
            f"{max(ratios):.2f}x; sum of medians {sum(p[4] for p in per_query):.2f} s vs "
            f"{sum(p[5] for p in per_query):.2f} s."
        ),
    ))
    lines = [
        "### Search, per query\n",
        f"Medians of {args.search_repeat} warm runs. *raw FTS5, encrypted* is the baseline's "
        "query on Loket's own SQLCipher connection: what encryption alone costs, for "
        f"information: median over queries {ms(enc_med)} ({enc_med / raw_med:.2f}x of the "
        "plain copy).\n",
        "| query | FTS5 expression | matching rows | hits | Loket.search | raw FTS5, plain | "
        "ratio | raw FTS5, encrypted |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for q, fts, matches, hits, o, r, e in per_query:
        fts_cell = fts.replace("|", "\\|")
        lines.append(f"| `{q}` | `{fts_cell}` | {matches:,} | {hits} | {ms(o)} | {ms(r)} | "
                     f"{o / r:.2f}x | {ms(e)} |")
    report.sections.append("\n".join(lines) + "\n")


# -- 4. case list ------------------------------------------------------------------------

_BARE_LIST = (
    "SELECT id, reference, subject, status FROM cases WHERE status != 'afgerond' "
    "ORDER BY last_message_at DESC LIMIT 50"
)
_IN_OPEN = ", ".join("?" for _ in OPEN)  # one per open status (Status has grown before)
_IDS_LIMIT = (
    f"SELECT c.id FROM cases c WHERE c.status IN ({_IN_OPEN}) "
    "ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50"
)


def case_list(args: argparse.Namespace, report: Report, db: benchdb.BenchDB) -> None:
    loket = signed_in(db)
    conn = loket.db.conn
    plain = plain_connection(db)
    query = CaseQuery(statuses=OPEN)
    ids = loket.case_ids(query)

    def product() -> None:
        # what the case list model does for its first page: count, a page of ids, the
        # summaries of the first screenful
        loket.count_cases(query)
        loket.case_summaries(loket.case_ids(query, limit=200)[:50])

    def bare() -> None:
        plain.execute(_BARE_LIST).fetchall()

    def ids_limit_then_summaries() -> None:
        page = [r[0] for r in conn.execute(_IDS_LIMIT, OPEN)]
        loket.case_summaries(page)

    variants: list[tuple[str, Callable[[], Any]]] = [
        ("Loket.case_ids(open) alone (all ids)", lambda: loket.case_ids(query)),
        ("Loket.case_summaries(first 50 ids) alone", lambda: loket.case_summaries(ids[:50])),
        ("Loket.case_summaries(first 200 ids) alone (the model's page size)",
         lambda: loket.case_summaries(ids[:200])),
        ("ids with LIMIT 50 (same WHERE/ORDER as case_ids) + case_summaries",
         ids_limit_then_summaries),
        ("Loket.count_cases(open)", lambda: loket.count_cases(query)),
        ("the window's start reads: case_ids(open) + case_summaries(200) + 6 view counts",
         lambda: (
             loket.case_summaries(loket.case_ids(query)[:200]),
             [loket.count_cases(CaseQuery(statuses=s)) for s in
              (OPEN, ("nieuw",), ("in_behandeling",), ("wacht_op_inwoner",), ("afgerond",), ())],
         )),
    ]
    product(), bare()  # warm
    rounds = args.list_repeat
    ours_t, bare_t = [], []
    for rep in range(rounds):
        for fn, sink in ((product, ours_t), (bare, bare_t))[:: 1 if rep % 2 else -1]:
            t0 = time.perf_counter()
            fn()
            sink.append(time.perf_counter() - t0)
    o, b = statistics.median(ours_t), statistics.median(bare_t)
    report.add(Row(
        "Case list, first page of open cases", ms(o), f"bare query {ms(b)}", o / b,
        f"{o / b:.1f}x", "none (report)",
        how=(
            f"The case list model's first page, encrypted and signed in as a medewerker: "
            f"Loket.count_cases + Loket.case_ids(CaseQuery(statuses={OPEN}), limit=200) + "
            f"Loket.case_summaries(first 50) ({len(ids):,} open cases) vs `{_BARE_LIST}` on "
            f"the plain copy; warm, median of {rounds} runs alternating order. "
            "Variants below."
        ),
    ))
    lines = [
        "### Case list variants\n",
        f"Warm, median of {rounds} runs; ratio against the bare query ({ms(b)}).\n",
        "| variant | time | vs bare |",
        "|---|---:|---:|",
        f"| product path: count + case_ids(open, limit 200) + case_summaries(50) | {ms(o)} | "
        f"{o / b:.1f}x |",
    ]
    for name, fn in variants:
        fn()
        t = median_time(fn, rounds)
        lines.append(f"| {name} | {ms(t)} | {t / b:.1f}x |")
    plans = []
    for label, sql, params in (
        ("case_ids(open)", f"SELECT c.id FROM cases c WHERE c.status IN ({_IN_OPEN}) "
         "ORDER BY c.last_message_at DESC, c.id DESC", OPEN),
        ("bare query", _BARE_LIST, ()),
    ):
        detail = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        plans.append(f"- {label}: " + "; ".join(detail))
    loket.close()
    plain.close()
    report.sections.append("\n".join(lines) + "\n\nQuery plans:\n\n" + "\n".join(plans) + "\n")


# -- 5. start-up -------------------------------------------------------------------------


def compiled_sources() -> None:
    """Loket's own modules get their bytecode (__pycache__) before any process start is timed.

    An installed Loket has it (pip compiles at install) and so do the baselines' PySide6 and
    standard library; without it (a fresh checkout, or PYTHONDONTWRITEBYTECODE=1 in the
    environment, which also keeps every run from writing it) each timed start would compile
    Loket's sources again: 621 ms against 552 ms for the same code with its bytecode (demo
    database, medians of 7 alternating starts on this machine), a cost no user's start pays."""
    import compileall

    compileall.compile_file(str(ROOT / "main.py"), quiet=1)
    for package in ("desktop", "inbox", "storage"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def _start_once(
    mode: str,
    db: benchdb.BenchDB | None,
    importtime: bool = False,
    memory: bool = False,
    phases: bool = False,
) -> dict[str, Any]:
    env = dict(os.environ) if db is None else db.env()
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["LOKET_DATA_DIR"] = str(TMP / "data")
    if memory:
        env["LOKET_BENCH_MEMORY"] = "1"
    if phases:
        env["LOKET_BENCH_PHASES"] = "1"
    cmd = [sys.executable, *(["-X", "importtime"] if importtime else []),
           str(Path(__file__).with_name("start_window.py")), mode]
    if db is not None:
        cmd.append(str(db.encrypted))
    env["LOKET_BENCH_SPAWN"] = repr(time.time())
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} start failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    # CPU seconds of the whole child (every thread, user + system), until it left
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if importtime:
        result["imports"] = _import_times(done.stderr)
    return result


def _import_times(stderr: str) -> dict[str, tuple[int, float]]:
    """module -> (nesting depth, cumulative ms) from `python -X importtime` output."""
    found: dict[str, tuple[int, float]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        if not cumulative.strip().isdigit():
            continue
        depth = (len(name) - len(name.lstrip(" "))) // 2
        found[name.strip()] = (depth, int(cumulative) / 1000)
    return found


def sign_in_cpu_seconds(db: benchdb.BenchDB, repeat: int = 5) -> float:
    """CPU seconds (all threads: libargon2 runs the 4 lanes on threads) of one argon2id check
    of the bench password, median."""
    from inbox.privacy import auth

    conn = sqlite3.connect(db.plain)
    stored = conn.execute("SELECT password_hash FROM users WHERE name = ?",
                          (benchdb.USER,)).fetchone()[0]
    conn.close()
    return median_time(lambda: auth.check_password(stored, benchdb.PASSWORD), repeat,
                       clock=time.process_time)


def start_floor(
    cpu: dict[str, tuple[float, float, float, float]], sign_in: float, sign_in_cpu: float
) -> str:
    """What the CPU figures above say about the start target: the work besides the sign-in
    runs one step after another on the GUI thread (imports and widgets hold the GIL), so it
    cannot take less wall time than its CPU time even when the sign-in has a core to itself."""
    out = [
        "\n**What stands in the way of the start target** (from the CPU column above): one "
        f"argon2id check takes {ms(sign_in)} ({ms(sign_in_cpu)} of CPU, all its threads)."
    ]
    for label, (bare_wall, bare_cpu, ours_wall, ours_cpu) in cpu.items():
        rest = max(0.0, ours_cpu - sign_in_cpu)
        out.append(
            f" {label}: Loket used {ms(ours_cpu)} of CPU to show the case list in "
            f"{ms(ours_wall)}, the bare window {ms(bare_cpu)} in {ms(bare_wall)}; without the "
            f"sign-in Loket's CPU is {ms(rest)}, which alone is {rest / bare_wall:.2f}x the "
            f"bare window's time (target {1.5:.1f}x = {ms(1.5 * bare_wall)})."
        )
    return "".join(out) + "\n"


def start_phases(label: str, db: benchdb.BenchDB, runs: int = 5) -> str:
    """When each step of Loket's start begins and ends (tests/bench/start_window.py's
    LOKET_BENCH_PHASES), medians over `runs` starts: where the time until the case list
    goes."""
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, at in _start_once("loket", db, phases=True)["phases"]:
            found.setdefault(name, []).append(at)
    steps: dict[str, dict[str, float]] = {}
    for name, times in found.items():
        step, _, edge = name.rpartition(" ")
        if edge in (">", "<"):
            steps.setdefault(step, {})[edge] = statistics.median(times)
        else:
            steps.setdefault(name, {})["<"] = statistics.median(times)
    lines = [
        f"### Start-up phases ({label})\n",
        f"Medians of {runs} starts with LOKET_BENCH_PHASES=1 (the steps wrapped in "
        "tests/bench/start_window.py), milliseconds since the spawn; the sign-in runs on a "
        "thread beside the others.\n",
        "| step | begins | ends | takes |",
        "|---|---:|---:|---:|",
    ]
    for step, edges in sorted(steps.items(), key=lambda kv: kv[1].get(">", kv[1]["<"])):
        if ">" in edges and "<" in edges:
            lines.append(f"| {step} | {edges['>'] * 1000:.0f} | {edges['<'] * 1000:.0f} | "
                         f"{(edges['<'] - edges['>']) * 1000:.0f} ms |")
        else:
            lines.append(f"| {step} | | {edges['<'] * 1000:.0f} | |")
    return "\n".join(lines) + "\n"


def import_costs(db: benchdb.BenchDB) -> str:
    """Modules Loket's start imports that the bare window does not, costliest first."""
    bare = _start_once("bare", None, importtime=True)["imports"]
    ours = _start_once("loket", db, importtime=True)["imports"]
    extra = [(name, depth, t) for name, (depth, t) in ours.items() if name not in bare]
    top = [e for e in extra if e[1] <= 3]
    top.sort(key=lambda e: -e[2])
    lines = [
        "Imports of Loket's start that the bare window does not do (`python -X importtime`, "
        "one run, cumulative; nested entries are indented and included in their parent; "
        "imports on the start's worker thread are included):\n",
        "| module (indent = nesting) | cumulative |",
        "|---|---:|",
    ]
    for name, depth, t in top[:20]:
        if t >= 3.0:
            lines.append(f"| {'&nbsp;&nbsp;' * depth}{name} | {t:.1f} ms |")
    total = sum(t for _, depth, t in extra if depth == 0)
    lines.append(f"| **all top-level imports not in the bare run** | **{total:.1f} ms** |")
    return "\n".join(lines) + "\n"


def start_up(
    args: argparse.Namespace, report: Report, dbs: list[tuple[str, benchdb.BenchDB]]
) -> dict[str, float]:
    """Start-up against a bare window; returns Loket's median per database label."""
    lines = [
        "### Start-up runs\n",
        "Seconds from the parent's `time.time()` just before spawning to the main window's "
        "first Show event / first painted frame / first frame with the case list's rows.\n",
        "| run | database | show (median) | painted (median) | rows painted (median) | "
        "CPU (median) | all rows painted |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    cpu: dict[str, tuple[float, float, float, float]] = {}  # label: bare/Loket wall and CPU
    medians: dict[str, float] = {}
    compiled_sources()
    for label, db in dbs:
        _start_once("bare", None), _start_once("loket", db)  # warm the file cache
        bare, ours = [], []
        for i in range(args.starts):
            pair = (("bare", None, bare), ("loket", db, ours))
            for mode, which, sink in pair[:: 1 if i % 2 else -1]:
                sink.append(_start_once(mode, which))
        b = statistics.median(r["painted"] for r in bare)
        o = statistics.median(r["painted"] for r in ours)
        rows = statistics.median(r["rows"] for r in ours)
        medians[label] = rows
        ratio = rows / b
        report.add(Row(
            f"Start to case list shown, signed in ({label})", ms(rows), f"bare PySide6 {ms(b)}",
            ratio, f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5,
            how=(
                "Subprocess `tests/bench/start_window.py loket <db>`, which runs the real "
                "main.main(['--db', db]) (desktop.app.run) on the encrypted database, signing "
                "in as a medewerker through LOKET_USER/LOKET_PASSWORD (argon2id at RFC 9106 "
                "strength, as the sign-in dialog does once the password is typed), vs "
                "`start_window.py bare` (PySide6 QApplication + QMainWindow with an empty "
                "QTableView, 1280x800). Time from the parent's clock before spawn until the "
                "real main window has painted the first page of the case list (key from the "
                "keyring, database opened, signed in, window built, list filled), against the "
                "bare window's first paint; Loket's modules byte-compiled beforehand, as an "
                "installed Loket's are; QT_QPA_PLATFORM=offscreen; one warm-up each, then "
                f"{args.starts} runs each alternating, medians."
            ),
        ))
        report.add(Row(
            f"Start to first frame ({label})", ms(o), f"bare PySide6 {ms(b)}", o / b,
            f"{o / b:.2f}x", "none (information)", None,
            how=(
                "Same runs: time to the first painted frame of Loket's first window, a light "
                "frame (title and 'Loket wordt geopend…') shown while the database opens; the "
                "row above is the real start."
            ),
        ))
        for name, runs in (("bare PySide6", bare), ("Loket", ours)):
            lines.append(
                f"| {name} | {label if name == 'Loket' else '-'} | "
                f"{ms(statistics.median(r['show'] for r in runs))} | "
                f"{ms(statistics.median(r['painted'] for r in runs))} | "
                f"{ms(statistics.median(r['rows'] for r in runs))} | "
                f"{ms(statistics.median(r['cpu'] for r in runs))} | "
                f"{', '.join(format(r['rows'], '.3f') for r in runs)} |"
            )
        cpu[label] = (b, statistics.median(r["cpu"] for r in bare), rows,
                      statistics.median(r["cpu"] for r in ours))
    from tests.bench.cli_bench import sign_in_seconds

    floor = sign_in_seconds(dbs[0][1])
    report.add(Row(
        "Signing in alone (one argon2id check)", ms(floor), f"bare PySide6 {ms(b)}",
        floor / b, f"{floor / b:.2f}x", "none (information)", None,
        how=(
            "inbox.privacy.auth.check_password of the bench password in this process (argon2id "
            "t=3, 64 MiB, 4 lanes: RFC 9106's second recommended setting, kept), median of 5, "
            "against the last bare window start above: the part of a signed-in start that no "
            "reordering removes (the start overlaps it with Qt's start on a thread)."
        ),
    ))
    lines.append(start_floor(cpu, floor, sign_in_cpu_seconds(dbs[0][1])))
    report.sections.append("\n".join(lines) + "\n")
    for label, db in dbs:
        report.sections.append(start_phases(label, db))
    report.sections.append(import_costs(dbs[0][1]))
    return medians


def memory(args: argparse.Namespace, report: Report, db: benchdb.BenchDB) -> None:
    """Peak RSS of the app with the 100k cases open, scrolled through and searched."""
    compiled_sources()
    runs = [_start_once("loket", db, memory=True) for _ in range(args.memory_runs)]
    peak = max(r["peak_mb"] for r in runs)
    shown = statistics.median(r["rows_mb"] for r in runs)
    report.add(Row(
        f"Peak memory (RSS), {db.cases:,} cases open", f"{peak:,.0f} MB", "-", None,
        f"{peak:,.0f} MB", "< 500 MB", peak < 500,
        how=(
            "The start-up run above (`start_window.py loket <db>` with LOKET_BENCH_MEMORY=1), "
            "then, in the same process: the view 'Alle zaken' "
            f"({runs[0]['all_cases']:,} cases), the whole list fetched page by page as "
            "scrolling to the end does and the last rows painted, a search for 'gemeente' "
            f"({runs[0]['found']:,} cases found) painted, and the first case opened. "
            "getrusage's ru_maxrss (peak resident set) at the end, worst of "
            f"{args.memory_runs} runs; {shown:,.0f} MB when the first page had been painted."
        ),
    ))


def demo_database(args: argparse.Namespace) -> benchdb.BenchDB:
    """A pair the size of `make run`'s demo (500 cases), cached like the big one."""
    return benchdb.prepare(500, 1500, args.seed, rebuild=args.rebuild)


# -- report ------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    cpu = cpu_model()
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "not installed"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return [
        ("Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Commit", commit or "unknown"),
        ("CPUs (nproc)", f"{len(os.sched_getaffinity(0))}" + (f" × {cpu}" if cpu else "")),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("PySide6", pyside),
        ("Qt platform", os.environ.get("QT_QPA_PLATFORM", "(default)")),
    ]


def load_average() -> str:
    try:
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


# Sections other benchmark modules keep in BENCHMARKS.md between their markers
# (`<!-- name:start -->`); this report is rewritten above them and leaves them as they are.
_OTHERS = re.compile(r"^<!-- [\w-]+:start -->$", re.MULTILINE)


def write_report(report: Report, total: float, load: tuple[str, str]) -> None:
    out = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`QT_QPA_PLATFORM=offscreen .venv/bin/python -m "
        "tests.bench.run`, then the other modules, each rewriting its own section below); do "
        "not edit by hand, rerun it. Every figure is a ratio against a baseline measured in "
        "the same run on the same machine. Every Loket figure reads an encrypted database "
        "(SQLCipher, key in a keyring), as users have; baselines read a plain copy. Use "
        "`--rebuild` to rebuild the cached databases in tests/bench/out/.",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in machine()],
        f"| Whole run | {total:.0f} s |",
        f"| Load average (1, 5, 15 min) at start / end | {load[0]} / {load[1]} |",
        "",
        "The machine (2 cores) was shared with other work while this ran: a load average above "
        "2 means the figures are noisy, Loket's CPU-bound runs more than their baselines.",
        "",
        "## Results",
        "",
        "| benchmark | Loket | baseline | ratio | target | |",
        "|---|---:|---:|---:|---|---|",
    ]
    for r in report.rows:
        verdict = "" if r.met is None else ("met" if r.met else "**missed**")
        out.append(f"| {r.name} | {r.ours} | {r.baseline} | {r.ratio_text} | {r.target} "
                   f"| {verdict} |")
    out += ["", "## How measured", ""]
    out += [f"- **{r.name}**: {r.how}" for r in report.rows]
    out += ["", "## Details", ""]
    out += [s + "" for s in report.sections]
    text = "\n".join(out).rstrip() + "\n"
    old = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    others = _OTHERS.search(old)
    if others:
        text += "\n" + old[others.start():]
    REPORT.write_text(text, encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")


STAGES = ("insert", "receive", "search", "list", "views", "start", "memory", "cli")


def _later_stages(
    args: argparse.Namespace, report: Report, db: benchdb.BenchDB
) -> list[tuple[str, str, Callable[[], None]]]:
    """The stages after the database and the insert paths, in the order they run."""

    def views() -> None:
        from tests.bench import workspace_bench

        workspace_bench.into_report(report, db, args.view_repeat)

    def cli() -> None:
        from tests.bench import cli_bench

        cli_bench.into_report(report, db, args.cli_runs)

    return [
        ("search", "search", lambda: search(args, report, db)),
        ("list", "case list", lambda: case_list(args, report, db)),
        ("views", "view switches", views),
        ("start", "start-up", lambda: start_up(args, report, [
            ("demo size, 500 cases", demo_database(args)), (f"{args.cases:,} cases", db)])),
        ("memory", "memory", lambda: memory(args, report, db)),
        ("cli", "command line", cli),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    benchdb.size_arguments(parser)
    parser.add_argument("--insert-rows", type=int, default=20_000)
    parser.add_argument("--insert-repeat", type=int, default=3)
    parser.add_argument("--receive", type=int, default=2_000)
    parser.add_argument("--search-repeat", type=int, default=5)
    parser.add_argument("--list-repeat", type=int, default=7)
    parser.add_argument("--view-repeat", type=int, default=7)
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--memory-runs", type=int, default=2)
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=(), choices=STAGES)
    parser.add_argument("--no-write", action="store_true", help="do not write BENCHMARKS.md")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    wanted = set(args.only) or set(STAGES)
    load_start = load_average()

    t0 = time.perf_counter()
    report = Report()
    print("1. database", flush=True)
    db = database(args, report)
    raw_rate = 0.0
    if wanted & {"insert", "receive"}:
        print("2. insert paths", flush=True)
        raw_rate = insert_paths(args, report)
        if "receive" in wanted:
            receive_path(args, report, raw_rate)
    for number, (stage, title, measure) in enumerate(_later_stages(args, report, db), start=3):
        if stage in wanted:
            print(f"{number}. {title}", flush=True)
            measure()
    total = time.perf_counter() - t0
    print(f"whole run: {total:.0f} s")
    if not args.no_write:
        write_report(report, total, (load_start, load_average()))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip PySide's teardown of the views' windows at interpreter exit

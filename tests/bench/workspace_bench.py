"""Benchmark of the KCC workspace on the 100,000-case bench database: switching views until the
first rows are painted, and a search (the search box's text applied) until the filtered list is
painted, each against a bare QTableView over the same SQL in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.workspace_bench [--no-write]

The database is the one tests.bench.run builds and caches in tests/bench/out/ (built here too
when missing). Results are printed and written as the "KCC workspace" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from inbox.services import CaseQuery  # noqa: E402
from storage.queries import SORTS  # noqa: E402
from tests.bench import benchdb, run  # noqa: E402
from tests.bench.report import write_section  # noqa: E402

TARGET = 1.5
VIEW_KEYS = ("nieuw", "open", "wacht_op_inwoner", "afgerond", "channel:email", "all")
SEARCHES = ("paspoort", "parkeer", "grijze container", "Jansen", "verg")
SECTION = "## KCC workspace"
START, END = "<!-- workspace:start -->", "<!-- workspace:end -->"
PAGE = 200

_ROW_SQL = (
    "SELECT c.id, c.reference, c.subject, coalesce(p.name, '') AS contact, c.channel, c.status, "
    "u.display_name, c.last_message_at FROM cases c "
    "LEFT JOIN contacts p ON p.id = c.contact_id LEFT JOIN users u ON u.id = c.assignee_id"
)


class BareModel(QAbstractTableModel):
    """The least a table needs: rows in a list, filled by one query."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self.rows[index.row()][index.column()]


def bare_rows(
    conn: sqlite3.Connection, query: CaseQuery, visible_to: int | None
) -> list[tuple[Any, ...]]:
    """The same WHERE and ORDER as the window's list, one page of display columns."""
    where, params = replace(query, visible_to=visible_to).where()
    order = SORTS.get(query.sort, SORTS["last_message_at"])
    direction = "DESC" if query.descending else "ASC"
    sql = f"{_ROW_SQL}{where} ORDER BY {order} {direction}, c.id {direction} LIMIT {PAGE}"
    return [tuple(r) for r in conn.execute(sql, params)]


def timed(fn: Callable[[], None], paint: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    fn()
    paint()
    QApplication.processEvents()
    return time.perf_counter() - t0


def measure(db: benchdb.BenchDB, repeat: int) -> list[tuple[str, float, float]]:
    """(action, ours, bare) medians: the real window on the encrypted database, signed in as a
    medewerker, against a bare QTableView over the plain copy."""
    app = QApplication.instance() or QApplication(sys.argv)

    from desktop.main_window import MainWindow
    from desktop.tasks import TaskRunner

    class NoScheduler:
        def __init__(self, emit: Any) -> None:
            pass

        def start(self) -> None: ...
        def reload(self) -> None: ...
        def sync_now(self, account_name: str | None = None) -> None: ...
        def shutdown(self) -> None: ...

    loket = run.signed_in(db)
    visible_to = loket.visibility()
    plain = run.plain_connection(db)
    window = MainWindow(loket, TaskRunner(loket, synchronous=True),
                        scheduler_factory=NoScheduler)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    bare_view = QTableView()
    bare_model = BareModel()
    bare_view.setModel(bare_model)
    bare_view.resize(800, 700)
    bare_view.show()
    app.processEvents()

    def paint_ours() -> None:
        window.table.viewport().repaint()

    def paint_bare() -> None:
        bare_view.viewport().repaint()

    def fill_bare(query: CaseQuery) -> None:
        bare_model.set_rows(bare_rows(plain, query, visible_to))

    rows: list[tuple[str, float, float]] = []
    # -- view switch ---------------------------------------------------------------------
    for key in VIEW_KEYS:
        if window.views.views.row_of(key) is None:
            continue
        view = window.views.views.view(window.views.views.row_of(key) or 0)
        assert view is not None
        query = window.views.views.query_of(view)
        ours, bare = [], []
        for rep in range(repeat + 1):
            window.views.choose("afgerond" if key != "afgerond" else "nieuw")
            app.processEvents()
            pair = (
                (lambda k=key: window.views.choose(k), paint_ours, ours),
                (lambda q=query: fill_bare(q), paint_bare, bare),
            )
            for fn, paint, sink in pair[:: 1 if rep % 2 else -1]:
                took = timed(fn, paint)
                if rep:
                    sink.append(took)  # the first round warms the cache
        assert window.cases.rowCount() > 0 or window.cases.total() == 0
        rows.append((f"view switch: {key} ({window.cases.total():,} cases)",
                     statistics.median(ours), statistics.median(bare)))
    # -- search --------------------------------------------------------------------------
    window.views.choose("all")
    app.processEvents()
    for text in SEARCHES:
        ours, bare = [], []
        query = CaseQuery(text=text)
        for rep in range(repeat + 1):
            window.search.clear()
            window.apply_search()
            app.processEvents()

            def type_and_apply(t: str = text) -> None:
                window.search.setText(t)
                window.apply_search()  # what the 200 ms pause after the last keystroke runs

            pair = (
                (type_and_apply, paint_ours, ours),
                (lambda q=query: fill_bare(q), paint_bare, bare),
            )
            for fn, paint, sink in pair[:: 1 if rep % 2 else -1]:
                took = timed(fn, paint)
                if rep:
                    sink.append(took)
        rows.append((f"search: \"{text}\" ({window.cases.total():,} found)",
                     statistics.median(ours), statistics.median(bare)))
    window.close()
    bare_view.close()
    loket.close()
    plain.close()
    return rows


HOW = (
    "**Ours**: the real MainWindow (synchronous worker) on the encrypted database, signed in "
    "as a medewerker, from choosing a view (or applying the search box's text, i.e. what runs "
    "after the 200 ms typing pause) until the case table's viewport has painted its first "
    "rows: the list's count, its first 200 ids in SQL order and the visible rows' summaries. "
    "**Bare**: a QTableView over a list model filled by one SELECT with the same WHERE "
    "(including the vertrouwelijk filter) and ORDER BY and LIMIT 200 on the plain copy "
    "(Python's sqlite3), until painted."
)


def into_report(report: run.Report, db: benchdb.BenchDB, repeat: int) -> None:
    """The view switches and searches as rows of tests.bench.run's report."""
    for name, o, b in measure(db, repeat):
        ratio = o / b if b else float("inf")
        report.add(run.Row(
            f"Workspace {name}", run.ms(o), f"bare QTableView {run.ms(b)}", ratio,
            f"{ratio:.2f}x", f"<= {TARGET}x", ratio <= TARGET,
            how=f"{HOW} Warm, median of {repeat} runs, the two alternated.",
        ))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    db = benchdb.prepare(args.cases, args.messages, args.seed)
    rows = measure(db, args.repeat)
    lines = [
        START,
        SECTION,
        "",
        f"`python -m tests.bench.workspace_bench` on {platform.platform()}, Python "
        f"{platform.python_version()}, {args.cases:,} cases / {args.messages:,} messages "
        f"(cached bench database). Warm, median of {args.repeat} runs, the two alternated. "
        f"{HOW} Target: within {TARGET}x of bare. (`make bench` measures the same in "
        "tests.bench.run's table; this section is for running it alone.)",
        "",
        "| action | ours | bare | ratio | target met |",
        "|---|---:|---:|---:|:---:|",
    ]
    for name, o, b in rows:
        ratio = o / b if b else float("inf")
        lines.append(f"| {name} | {run.ms(o)} | {run.ms(b)} | {ratio:.2f}x | "
                     f"{'yes' if ratio <= TARGET else 'no'} |")
        print(f"  {name}: {run.ms(o)} vs {run.ms(b)} = {ratio:.2f}x", flush=True)
    if not args.no_write:
        write_section("\n".join(lines) + "\n" + END, START, END)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip PySide's teardown of the windows at interpreter exit

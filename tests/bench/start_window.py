"""Child process for the start-up benchmark: start a window, exit once it has been painted.

    python tests/bench/start_window.py loket <db>   # Loket's real start: main.main(["--db", db])
    python tests/bench/start_window.py bare          # baseline: QMainWindow + QTableView

With LOKET_BENCH_MEMORY=1 (Loket only) the child then works through the whole list (all cases,
scrolled to the end, a search, a case opened) and adds its peak RSS in MB ("peak_mb").

The parent passes its wall clock just before spawning in LOKET_BENCH_SPAWN (time.time()).
An application-wide event filter notes the main window's first Show event and its first
Paint; a zero-timer queued from that paint fires once the first frame is finished. The
child then prints one JSON line {"show": s, "painted": s} (seconds since the spawn) and
leaves with os._exit(0), so tear-down is not measured. Both modes use the same rule.
desktop.app.run() has no "quit when shown" hook, so for Loket the filter is installed on a
QApplication created here first; run() picks it up through QApplication.instance().
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

SPAWN = float(os.environ.get("LOKET_BENCH_SPAWN", time.time()))
ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    marks: dict[str, float] = {}

    def report() -> None:
        sys.stdout.write(json.dumps(marks) + "\n")
        sys.stdout.flush()
        os._exit(0)

    def first_frame_done() -> None:
        marks["painted"] = time.time() - SPAWN
        if mode == "bare":
            marks["rows"] = marks["painted"]
            report()

    def rows_frame_done() -> None:
        marks["rows"] = time.time() - SPAWN
        if os.environ.get("LOKET_BENCH_MEMORY"):
            workout()
        report()

    def workout() -> None:
        """With LOKET_BENCH_MEMORY: the peak memory of a heavy session with this database."""
        marks["rows_mb"] = peak_mb()
        window = next(w for w in QApplication.topLevelWidgets()
                      if getattr(w, "cases", None) is not None and w.isVisible())
        window.views.choose("all")
        app.processEvents()
        marks["all_cases"] = window.cases.total()
        while window.cases.canFetchMore(QModelIndex()):  # scrolling to the end, page by page
            window.cases.fetchMore(QModelIndex())
        window.table.scrollToBottom()
        window.table.viewport().repaint()
        app.processEvents()
        window.search.setText("gemeente")
        window.apply_search()
        window.table.viewport().repaint()
        app.processEvents()
        marks["found"] = window.cases.total()
        window.table.selectRow(0)
        app.processEvents()
        marks["peak_mb"] = peak_mb()

    def peak_mb() -> float:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    class Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            kind = event.type()
            if kind == QEvent.Type.Show and isinstance(obj, QMainWindow) and "show" not in marks:
                marks["show"] = time.time() - SPAWN
            elif (
                kind == QEvent.Type.Paint
                and "show" in marks
                and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)
            ):
                window = obj.window()
                if "paint" not in marks:
                    marks["paint"] = time.time() - SPAWN
                    QTimer.singleShot(0, first_frame_done)
                cases = getattr(window, "cases", None)
                if mode != "bare" and cases is not None and cases.rowCount() > 0:
                    # Loket's first window is a light frame; the real one follows, filled
                    # with the case list after its own first paint: that is "rows"
                    if "rows_paint" not in marks:
                        marks["rows_paint"] = time.time() - SPAWN
                        QTimer.singleShot(0, rows_frame_done)
            return False

    app = QApplication(sys.argv[:1])
    watcher = Watcher()
    app.installEventFilter(watcher)

    if mode == "bare":
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QTableView

        window = QMainWindow()
        model = QStandardItemModel(0, 8, window)
        table = QTableView(window)
        table.setModel(model)
        window.setCentralWidget(table)
        window.resize(1280, 800)
        window.show()
        return int(app.exec())

    sys.path.insert(0, str(ROOT))
    import main as loket_main

    return loket_main.main(["--db", sys.argv[2]])


if __name__ == "__main__":
    sys.exit(main())

"""Child process for the start-up benchmark: start a window, exit once it has been painted.

    python tests/bench/start_window.py loket <db>   # Loket's real start: main.main(["--db", db])
    python tests/bench/start_window.py bare          # baseline: QMainWindow + QTableView

With LOKET_BENCH_MEMORY=1 (Loket only) the child then works through the whole list (all cases,
scrolled to the end, a search, a case opened) and adds its peak RSS in MB ("peak_mb").
With LOKET_BENCH_PHASES=1 (Loket only) it adds "phases": [step, seconds since the spawn] as
each step of the start begins and ends (see trace_phases), for the report's breakdown.

The parent passes its wall clock just before spawning in LOKET_BENCH_SPAWN (time.time()).
An application-wide event filter notes the main window's first Show event and its first
Paint; a zero-timer queued from that paint fires once the first frame is finished. The
child then prints one JSON line {"show": s, "painted": s} (seconds since the spawn) and
leaves with os._exit(0), so tear-down is not measured. Both modes use the same rule.
desktop.app.run() has no "quit when shown" hook, and Loket imports Qt itself (after it starts
opening the database), so for Loket the filter is installed on its QApplication when the event
loop starts (QApplication.exec wrapped as soon as Loket imports PySide6.QtWidgets); "show" is
then that moment.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

SPAWN = float(os.environ.get("LOKET_BENCH_SPAWN", time.time()))
ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        app.installEventFilter(watcher(mode))
        return bare_window(app)
    # Loket imports Qt itself (after it has started opening the database): the watcher is
    # installed when its QApplication enters the event loop, before the first paint
    when_qt_is_imported(lambda: watch_exec(mode))
    sys.path.insert(0, str(ROOT))
    if os.environ.get("LOKET_BENCH_PHASES"):
        trace_phases()
    import main as loket_main

    return loket_main.main(["--db", sys.argv[2]])


def when_qt_is_imported(then: Any) -> None:
    """Call `then` once, right after the program first imports PySide6.QtWidgets."""
    import builtins

    original = builtins.__import__
    waiting = [True]

    def importing(name: str, *args: Any, **kwargs: Any) -> Any:
        module = original(name, *args, **kwargs)
        if waiting[0] and "PySide6.QtWidgets" in sys.modules:
            waiting[0] = False  # (shiboken wraps __import__ too: this one stays, idle)
            then()
        return module

    builtins.__import__ = importing


def watch_exec(mode: str) -> None:
    """The watcher joins the application when its event loop starts (the frame was shown)."""
    from PySide6.QtWidgets import QApplication

    run_loop = QApplication.exec

    def exec_watched(*_: Any) -> int:
        app = QApplication.instance()
        assert app is not None
        marks["show"] = time.time() - SPAWN  # the first window was shown just before this
        app.installEventFilter(watcher(mode))
        return int(run_loop())

    QApplication.exec = exec_watched  # type: ignore[method-assign,assignment]


marks: dict[str, Any] = {}
_kept: list[Any] = []


def phase(name: str) -> None:
    marks.setdefault("phases", []).append([name, time.time() - SPAWN])


def _timed_step(owner: Any, attribute: str, name: str) -> None:
    """Note when owner.attribute (a function or method) is entered and left."""
    original = getattr(owner, attribute)

    def step(*args: Any, **kwargs: Any) -> Any:
        phase(f"{name} >")
        try:
            return original(*args, **kwargs)
        finally:
            phase(f"{name} <")

    setattr(owner, attribute, step)


def trace_phases() -> None:
    """Wrap the steps of Loket's start to note their times (in the order main.py runs them:
    desktop.app, which imports Qt, is wrapped only once the database has been opened)."""
    phase("python started")
    from desktop import opening

    _timed_step(opening.Opening, "open", "open database (key from keyring, imports)")
    _timed_step(opening.Opening, "run", "sign in on a thread (argon2id)")
    _timed_step(opening.Opening, "join", "wait for the sign-in")
    begin = opening.Opening.begin.__func__  # type: ignore[attr-defined]

    def begun(cls: Any, db_path: Any) -> Any:
        found = begin(cls, db_path)
        from desktop import app  # main.py imports it right after this, for the same reason

        phase("Qt and desktop.app imported")
        _timed_step(app, "_shell", "first (light) frame built")
        _timed_step(app, "_start", "after the first frame: real window")
        _timed_step(app, "role_window", "main window imported and built")
        from desktop import i18n

        _timed_step(i18n, "install_translators", "translators")
        return found

    opening.Opening.begin = classmethod(begun)  # type: ignore[method-assign,assignment]


def report() -> None:
    sys.stdout.write(json.dumps(marks) + "\n")
    sys.stdout.flush()
    os._exit(0)


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def workout() -> None:
    """With LOKET_BENCH_MEMORY: the peak memory of a heavy session with this database."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    marks["rows_mb"] = peak_mb()
    window: Any = next(w for w in QApplication.topLevelWidgets()
                       if getattr(w, "cases", None) is not None and w.isVisible())
    window.views.choose("all")
    settle(window)
    marks["all_cases"] = window.cases.total()
    while window.cases.canFetchMore(QModelIndex()):  # scrolling to the end, page by page
        window.cases.fetchMore(QModelIndex())
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    QApplication.processEvents()
    window.search.setText("gemeente")
    window.apply_search()
    window.table.viewport().repaint()
    settle(window)
    marks["found"] = window.cases.total()
    window.table.selectRow(0)
    QApplication.processEvents()
    marks["peak_mb"] = peak_mb()


def settle(window: Any) -> None:
    """Until the list's count has come from the window's worker."""
    from PySide6.QtWidgets import QApplication

    while not window.cases.counted():
        QApplication.processEvents()
        time.sleep(0.002)
    QApplication.processEvents()


def watcher(mode: str) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

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
                    phase("first frame painted")
                    QTimer.singleShot(0, first_frame_done)
                cases = getattr(window, "cases", None)
                if mode != "bare" and cases is not None and cases.rowCount() > 0:
                    # Loket's first window is a light frame; the real one follows, filled
                    # with the case list after its own first paint: that is "rows"
                    if "rows_paint" not in marks:
                        marks["rows_paint"] = time.time() - SPAWN
                        phase("case list painted")
                        QTimer.singleShot(0, rows_frame_done)
            return False

    found = Watcher()
    _kept.append(found)
    return found


def bare_window(app: Any) -> int:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    window = QMainWindow()
    model = QStandardItemModel(0, 8, window)
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())

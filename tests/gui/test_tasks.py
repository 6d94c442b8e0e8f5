"""The task runner: work on one worker thread with its own connection, results on the GUI."""

from __future__ import annotations

import threading

import pytest

from desktop.tasks import TaskRunner
from inbox.services import CaseQuery

pytestmark = pytest.mark.gui


def test_results_and_errors_come_back_on_the_gui_thread(loket, qtbot):
    runner = TaskRunner(loket)
    seen: dict[str, object] = {}
    gui = threading.get_ident()

    def work(worker_loket):
        seen["worker_thread"] = threading.get_ident()
        seen["own_connection"] = worker_loket is not loket
        return worker_loket.count_cases(CaseQuery())

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 6
    assert seen["worker_thread"] != gui and seen["done_thread"] == gui
    assert seen["own_connection"] is True

    errors: list[BaseException] = []
    runner.run(lambda _l: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
    runner.shutdown()


def test_synchronous_mode_runs_at_once_with_the_gui_loket(loket):
    runner = TaskRunner(loket, synchronous=True)
    results: list[object] = []
    runner.run(lambda worker_loket: worker_loket is loket, results.append)
    assert results == [True]
    runner.run(lambda _l: [][1], on_error=results.append)
    assert isinstance(results[1], IndexError)

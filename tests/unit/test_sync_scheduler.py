"""The scheduler's "Nu ophalen": asked while that account's pass runs, it is not lost."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from inbox.sync import SyncScheduler


class FakeJob:
    def __init__(self, job_id: str) -> None:
        self.id = job_id
        self.moved: list[datetime] = []

    def modify(self, next_run_time: datetime) -> None:
        self.moved.append(next_run_time)


def test_fetch_now_during_a_pass_makes_one_more_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scheduler = SyncScheduler(tmp_path / "x.db", lambda event: None)
    job = FakeJob("mail:kcc")
    monkeypatch.setattr(scheduler.scheduler, "get_jobs", lambda: [job])
    started, release = threading.Event(), threading.Event()
    passes: list[str] = []

    def one_pass(job_id: str) -> None:
        passes.append(job_id)
        if len(passes) == 1:  # the first pass is busy when "Nu ophalen" comes
            started.set()
            assert release.wait(10)

    monkeypatch.setattr(scheduler, "_pass", one_pass)
    runner = threading.Thread(target=scheduler._run, args=("mail:kcc",))
    runner.start()
    assert started.wait(10)
    scheduler.sync_now("kcc")
    assert job.moved == []  # the scheduler would skip a second instance: not asked to
    release.set()
    runner.join(10)
    assert passes == ["mail:kcc", "mail:kcc"]  # one more pass, right after
    scheduler.sync_now("kcc")  # no pass running: the job is simply run now
    assert len(job.moved) == 1

"""Shared fixtures: every test runs with its own data folder, keyring and offscreen Qt."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("LOKET_DATA_DIR", str(home / "loket-data"))
    monkeypatch.delenv("LOKET_DB", raising=False)
    monkeypatch.delenv("LOKET_USER", raising=False)


@pytest.fixture
def loket(tmp_path: Path) -> Iterator[object]:
    from inbox.services import Loket

    instance = Loket.open(tmp_path / "loket.db")
    yield instance
    instance.close()


def at(day: int, hour: int = 10, month: int = 11, year: int = 2026) -> datetime:
    """A fixed moment for tests: at(3) is 3 November 2026, 10:00 UTC."""
    return datetime(year, month, day, hour, tzinfo=UTC)

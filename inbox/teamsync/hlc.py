"""Hybrid logical clock: wall-clock milliseconds plus a counter, as a string that sorts as text.

`tick` stamps a local event: strictly larger than every stamp this installation produced or
observed. `observe` folds in a remote stamp, so an edit made after seeing another one always
sorts after it, even when this laptop's clock is behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

KEY = "hlc"
WIDTH_MS = 15
WIDTH_COUNTER = 5


def encode(ms: int, counter: int) -> str:
    return f"{ms:0{WIDTH_MS}d}.{counter:0{WIDTH_COUNTER}d}"


def decode(stamp: str) -> tuple[int, int]:
    ms, _, counter = stamp.partition(".")
    return int(ms), int(counter or 0)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Settings(Protocol):
    """Where the clock keeps its state (storage.team.TeamQueries)."""

    def setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...


class Clock:
    """The HLC of one database; state in team_settings, read and written in the caller's
    transaction so two connections to one database never hand out the same stamp."""

    def __init__(self, settings: Settings, wall: Callable[[], int] = wall_ms) -> None:
        self.settings = settings
        self.wall = wall

    def _load(self) -> tuple[int, int]:
        value = self.settings.setting(KEY)
        return decode(str(value)) if value else (0, 0)

    def _save(self, ms: int, counter: int) -> str:
        stamp = encode(ms, counter)
        self.settings.set_setting(KEY, stamp)
        return stamp

    def tick(self) -> str:
        ms, counter = self._load()
        now = self.wall()
        if now > ms:
            return self._save(now, 0)
        return self._save(ms, counter + 1)

    def observe(self, remote: str) -> None:
        ms, counter = self._load()
        r_ms, r_counter = decode(remote)
        if (r_ms, r_counter) > (ms, counter):
            self._save(r_ms, r_counter)

    def current(self) -> str:
        return encode(*self._load())


def at_most_now(ms: int, wall: Callable[[], int] = wall_ms) -> str:
    """A stamp for an automatic change dated by its cause (a mail's time), never in the future."""
    return encode(min(ms, wall()), 0)

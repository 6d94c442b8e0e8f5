"""What the benchmarks share: the machine they ran on, a median timing, and writing one
benchmark's section of BENCHMARKS.md while leaving the rest."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "BENCHMARKS.md"


def write_section(text: str, start: str, end: str, report: Path = REPORT) -> None:
    """Replace what stands between `start` and `end` (both in `text`) by `text`, or append it."""
    current = report.read_text(encoding="utf-8") if report.exists() else "# Benchmarks\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + text + rest.split(end, 1)[1]
    else:
        current = current.rstrip() + "\n\n" + text + "\n"
    report.write_text(current, encoding="utf-8")
    _wrote(report)


def publish(lines: list[str], start: str, end: str, write: bool = True) -> str:
    """Print a benchmark's section (its `lines`, from `start` to `end`) and, unless `write` is
    off, put it into BENCHMARKS.md."""
    text = "\n".join(lines)
    print(text)
    if write:
        write_section(text, start, end)
    return text


def write_heading_section(text: str, heading: str, report: Path = REPORT) -> None:
    """Replace the section that starts with the line `heading` (up to the next `## `) by
    `text`, or append it."""
    current = report.read_text(encoding="utf-8") if report.exists() else ""
    if heading in current:
        start = current.index(heading)
        rest = current.find("\n## ", start + len(heading))
        current = current[:start] + text + (current[rest + 1:] if rest != -1 else "")
    else:
        current = current.rstrip("\n") + "\n\n" + text
    report.write_text(current, encoding="utf-8")
    _wrote(report)


def _wrote(report: Path) -> None:
    print(f"wrote {report.relative_to(ROOT) if report.is_relative_to(ROOT) else report}")


def cpu_model(default: str = "") -> str:
    """The processor's name from /proc/cpuinfo (`default` where there is none)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return default


def median_time(
    fn: Callable[[], Any], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The median of `repeat` runs of `fn`, in seconds of `clock` (wall time by default)."""
    samples = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        samples.append(clock() - t0)
    return statistics.median(samples)

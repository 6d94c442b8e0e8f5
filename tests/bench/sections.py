"""Writing one benchmark's section of BENCHMARKS.md, between its start and end markers."""

from __future__ import annotations

from pathlib import Path


def write_section(report: Path, start: str, end: str, text: str) -> None:
    """Replace the text between `start` and `end` (both in `text`), or append it."""
    current = report.read_text(encoding="utf-8") if report.exists() else "# Benchmarks\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + text + rest.split(end, 1)[1]
    else:
        current = current.rstrip() + "\n\n" + text + "\n"
    report.write_text(current, encoding="utf-8")

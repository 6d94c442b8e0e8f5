"""BENCHMARKS.md is shared: each benchmark replaces only its own marked section."""

from __future__ import annotations

from pathlib import Path


def write_section(report: Path, start: str, end: str, text: str) -> None:
    """Put `text` (which begins with `start` and ends with `end`) in place of that section,
    or at the end of the file when it has none yet."""
    current = report.read_text(encoding="utf-8") if report.exists() else "# Benchmarks\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + text + rest.split(end, 1)[1]
    else:
        current = current.rstrip() + "\n\n" + text + "\n"
    report.write_text(current, encoding="utf-8")

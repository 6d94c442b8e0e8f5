"""Writing one benchmark's section of BENCHMARKS.md between its markers, leaving the rest."""

from __future__ import annotations

from pathlib import Path

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
    print(f"wrote {report.relative_to(ROOT)}")

"""The benchmarks' shared report helpers replace their own section of BENCHMARKS.md only."""

from __future__ import annotations

from pathlib import Path

from tests.bench.report import median_time, write_heading_section, write_section


def test_a_marked_section_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    report = tmp_path / "BENCHMARKS.md"
    report.write_text("# Benchmarks\n\nbefore\n<!-- a -->old<!-- /a -->\nafter\n")
    write_section("<!-- a -->new<!-- /a -->", "<!-- a -->", "<!-- /a -->", report)
    assert report.read_text() == "# Benchmarks\n\nbefore\n<!-- a -->new<!-- /a -->\nafter\n"
    write_section("<!-- b -->x<!-- /b -->", "<!-- b -->", "<!-- /b -->", report)
    assert report.read_text().endswith("after\n\n<!-- b -->x<!-- /b -->\n")


def test_a_heading_section_runs_to_the_next_heading(tmp_path: Path) -> None:
    report = tmp_path / "BENCHMARKS.md"
    report.write_text("# B\n\n## One\nold\n\n## Two\nkept\n")
    write_heading_section("## One\nnew\n", "## One", report)
    assert report.read_text() == "# B\n\n## One\nnew\n## Two\nkept\n"
    write_heading_section("## Three\n3\n", "## Three", report)
    assert report.read_text().endswith("kept\n\n## Three\n3\n")


def test_median_time_takes_the_middle_run() -> None:
    ticks = iter([0.0, 1.0, 1.0, 4.0, 4.0, 6.0])  # runs of 1, 3 and 2 seconds
    assert median_time(lambda: None, 3, clock=lambda: next(ticks)) == 2.0

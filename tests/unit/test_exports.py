"""Exports appear whole or not at all, private to the user, never over existing files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from inbox.errors import InvalidInput
from inbox.exports import export_file, export_folder


def test_a_folder_appears_only_when_finished_and_is_private(tmp_path: Path) -> None:
    target = tmp_path / "pakket"
    with export_folder(target) as work:
        (work / "a").mkdir()
        (work / "a" / "x.xml").write_text("<x/>")
        assert not target.exists()
    assert (target / "a" / "x.xml").read_text() == "<x/>"
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert stat.S_IMODE((target / "a" / "x.xml").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["pakket"]


def test_a_failure_leaves_nothing_and_a_retry_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "pakket"
    with pytest.raises(RuntimeError):
        with export_folder(target) as work:
            (work / "half.xml").write_text("<x")
            raise RuntimeError("disk pulled")
    assert list(tmp_path.iterdir()) == []
    with export_folder(target) as work:
        (work / "whole.xml").write_text("<x/>")
    assert [p.name for p in target.iterdir()] == ["whole.xml"]


def test_what_a_killed_export_left_is_cleared_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "pakket"
    leftover = tmp_path / ".pakket.loket-tmp-abc"
    leftover.mkdir()
    (leftover / "half.xml").write_text("<x")
    with export_folder(target) as work:
        (work / "whole.xml").write_text("<x/>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pakket"]


def test_existing_content_is_never_overwritten(tmp_path: Path) -> None:
    full = tmp_path / "vol"
    full.mkdir()
    (full / "mijn.txt").write_text("van mij")
    with pytest.raises(InvalidInput, match="niet leeg"):
        with export_folder(full):
            pass
    existing = tmp_path / "lijst.csv"
    existing.write_text("oud")
    with pytest.raises(InvalidInput, match="bestaat al"):
        with export_file(existing):
            pass
    assert existing.read_text() == "oud"
    empty = tmp_path / "leeg"
    empty.mkdir()
    with export_folder(empty) as work:
        (work / "a.txt").write_text("a")
    assert (empty / "a.txt").exists()


def test_a_file_export_is_private_and_atomic(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "lijst.csv"
    with pytest.raises(ValueError):
        with export_file(target) as work:
            work.write_text("half")
            raise ValueError
    assert not target.exists() and list((tmp_path / "sub").iterdir()) == []
    with export_file(target) as work:
        work.write_text("heel")
    assert target.read_text() == "heel"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

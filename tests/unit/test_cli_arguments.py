"""Every command checks its arguments before it touches the database: a wrong argument is a
usage error (exit 2) with one Dutch line on stderr. The walk covers every command of the
parser, so a new command is walked too."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from inbox import cli
from inbox.cli.common import count_arg, date_arg, dutch_usage_error

ENGLISH = re.compile(r"\b(the following|invalid|argument|expected|unrecognized|required|choose)\b")


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
    tuple[tuple[str, ...], argparse.ArgumentParser]
]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaves(child, (*path, name))


def _required_positionals(parser: argparse.ArgumentParser) -> list[str]:
    values = []
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        if action.choices:
            values.append(str(next(iter(action.choices))))
        elif action.type in (count_arg, int):
            values.append("1")
        else:
            values.append("x")
    return values


def _required_options(parser: argparse.ArgumentParser) -> list[str]:
    values: list[str] = []
    for action in parser._actions:
        if not action.option_strings or not action.required:
            continue
        values.append(action.option_strings[0])
        if action.nargs != 0:
            values.append(str(next(iter(action.choices))) if action.choices else "1")
    return values


LEAVES = sorted(_leaves(cli.build_parser()), key=lambda leaf: leaf[0])


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        cli.build_parser().parse_args(argv)
    return int(exited.value.code or 0), capsys.readouterr().err


def _one_dutch_line(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("loket: ") and not ENGLISH.search(lines[0].split("(zie")[0]), err


def test_the_walk_reaches_every_command() -> None:
    names = {" ".join(path) for path, _ in LEAVES}
    assert {"cases", "case", "search", "stats", "import", "user add", "export mdto"} <= names
    assert len(LEAVES) >= 40


@pytest.mark.parametrize("path,parser", LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_an_unknown_option_is_one_dutch_line(path, parser, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = [*path, *_required_positionals(parser), *_required_options(parser), "--geen-optie"]
    code, err = _run(argv, capsys)
    assert code == 2
    _one_dutch_line(err)


@pytest.mark.parametrize("path,parser", LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_wrong_numbers_dates_and_missing_values_are_usage_errors(path, parser, capsys) -> None:  # type: ignore[no-untyped-def]
    base = [*path, *_required_positionals(parser), *_required_options(parser)]
    checked = 0
    for action in parser._actions:
        if not action.option_strings or action.nargs == 0:
            continue
        flag = action.option_strings[0]
        wrong: list[str] = []
        if action.type in (count_arg, int):
            wrong = ["-2", "1e20", "twee"]
        elif action.type is date_arg:
            wrong = ["31-02-2026", "gisteren"]
        elif action.choices:
            wrong = ["geen-keuze"]
        for value in wrong:
            code, err = _run([*base, flag, value], capsys)
            assert code == 2, (path, flag, value)
            _one_dutch_line(err)
            checked += 1
        code, err = _run([*base, flag], capsys)  # the value left out
        assert code == 2, (path, flag)
        _one_dutch_line(err)
        checked += 1
    if _required_options(parser) or _required_positionals(parser):
        code, err = _run(list(path), capsys)  # nothing given
        assert code == 2, path
        _one_dutch_line(err)


def test_argparse_messages_become_dutch() -> None:
    assert dutch_usage_error("the following arguments are required: --out") == \
        "deze gegevens ontbreken: --out"
    assert dutch_usage_error("unrecognized arguments: --x") == "onbekende opties of waarden: --x"

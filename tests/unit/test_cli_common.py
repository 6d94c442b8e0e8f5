"""inbox/cli/common.py: declaring a command (its arguments in order, then --json, then its
handler) and reporting a sync pass the same way for mail and Mastodon."""

from __future__ import annotations

import argparse
import json

import pytest

from inbox.cli.common import DutchParser, actions, arg, command, one_of, report_sync
from inbox.sync import SyncEvent


def _handler(loket: object, args: argparse.Namespace) -> int:
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = DutchParser(prog="loket")
    sub = parser.add_subparsers(dest="command")
    group = actions(sub, "lijst", "a command with actions", dest="lijst_command")
    command(
        group, "toon", _handler, "show one",
        arg("id", type=int),
        one_of(arg("--kort", action="store_true"), arg("--lang", action="store_true")),
        arg("--reden", default=""),
    )
    command(group, "weg", _handler, "remove one", arg("id", type=int), json=False)
    return parser


def test_a_command_lists_its_arguments_in_order_then_json_and_runs_its_handler() -> None:
    parser = _parser()
    args = parser.parse_args(["lijst", "toon", "7", "--lang", "--json"])
    assert (args.id, args.lang, args.kort, args.reden, args.json) == (7, True, False, "", True)
    assert args.handler is _handler and args.lijst_command == "toon"
    leaf = parser._subparsers._group_actions[0].choices["lijst"]  # type: ignore[union-attr]
    toon = leaf._subparsers._group_actions[0].choices["toon"]
    assert [a.dest for a in toon._actions] == ["help", "id", "kort", "lang", "reden", "json"]
    assert not hasattr(parser.parse_args(["lijst", "weg", "7"]), "json")


def test_one_of_refuses_both_and_json_false_refuses_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = _parser()
    for argv in (["lijst", "toon", "1", "--kort", "--lang"], ["lijst", "weg", "1", "--json"]):
        with pytest.raises(SystemExit) as exited:
            parser.parse_args(argv)
        assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--lang gaat niet samen met --kort" in err
    assert "onbekende opties of waarden: --json" in err


def test_a_sync_pass_is_one_line_per_account_and_exit_1_when_one_failed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    events = [SyncEvent("done", "kcc", fetched=3, sent=1), SyncEvent("error", "wmo", message="weg")]
    assert report_sync(argparse.Namespace(json=False), events, "Geen.", sent=True) == 1
    out, err = capsys.readouterr()
    assert out == "kcc: 3 opgehaald, 1 verzonden\nwmo: 0 opgehaald, 0 verzonden - weg\n"
    assert err == "loket: weg\n"
    assert report_sync(argparse.Namespace(json=True), events[:1], "Geen.", sent=False) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [{"account": "kcc", "ok": True, "fetched": 3, "error": None}]
    assert err == ""
    assert report_sync(argparse.Namespace(json=False), [], "Geen accounts.", sent=True) == 0
    assert capsys.readouterr().out == "Geen accounts.\n"

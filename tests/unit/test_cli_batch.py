"""`loket batch FILE`: many commands under one sign-in, each line through the gate and audited
as a command of its own; every line parsed before any runs; the first failure stops the rest."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from inbox.cli.batch import for_hand_over
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, add_staff, receive_mail


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from inbox.services import Loket

    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    add_staff(loket)
    receive_mail(loket, "fatima@example.nl", "Paspoort kwijt", "Mijn paspoort is gestolen.")
    receive_mail(loket, "jan@example.nl", "Grijze container", "De container is niet geleegd.")
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    return path


def _audit(db: Path) -> list[dict[str, Any]]:
    from inbox.services import Loket

    loket = Loket.open(db)
    try:
        return [dict(r) for r in loket.db.query(
            "SELECT actor, action, result FROM audit_log ORDER BY id")]
    finally:
        loket.close()


def _batch(db: Path, user: str | None, text: str, *more: str) -> tuple[int, str, str]:
    return run_cli(db, user, "batch", "-", *more, stdin=text)


def _references(db: Path) -> list[str]:
    code, out, err = run_cli(db, "anne", "cases", "--json")
    assert code == 0, err
    return [c["reference"] for c in json.loads(out)]


def test_the_lines_run_in_order_under_one_sign_in_each_audited(db: Path, tmp_path: Path) -> None:
    ref = _references(db)[0]
    before = len(_audit(db))
    script = tmp_path / "werk.txt"
    script.write_text(
        "# de ochtendronde\n"
        "search paspoort --json\n"
        "\n"
        f"case {ref} --note 'Teruggebeld, \"paspoort\" ligt klaar'\n"
        "search 'grijze container' --json\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(db, "anne", "batch", str(script))
    assert (code, err) == (0, "")
    first, rest = out.split("\n]\n", 1)
    assert json.loads(first + "\n]")[0]["subject"] == "Paspoort kwijt"
    assert "Grijze container" in rest
    after = _audit(db)[before:]
    assert [(e["actor"], e["action"].split(":")[0]) for e in after] == [
        ("anne", "user.sign_in"),
        ("anne", "cli.batch"),
        ("anne", "case.search"),
        ("anne", "case.note"),
        ("anne", "case.read"),  # `case REF --note` shows the case it changed
        ("anne", "case.search"),
    ]
    assert after[1]["action"] == 'cli.batch:{"regels": 3}'  # how many lines, not what
    code, out, _ = run_cli(db, "anne", "case", ref, "--json")
    assert 'Teruggebeld, \\"paspoort\\" ligt klaar' in out


def test_every_line_is_parsed_before_any_runs(db: Path) -> None:
    ref = _references(db)[0]
    before = _audit(db)
    code, out, err = _batch(db, "anne", f"case {ref} --note 'eerst'\nsearch x --kleur rood\n")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "loket: regel 2: onbekende opties of waarden: --kleur rood (zie 'loket --help')"
    ]
    after = _audit(db)[len(before):]
    assert [e["action"] for e in after] == ["user.sign_in"]  # signed in, and nothing ran
    for text, said in (
        ("--db andere.db cases\n", "--db en --user gelden voor het hele bestand"),
        ("--user bram cases\n", "--db en --user gelden voor het hele bestand"),
        ("batch -\n", "'batch' kan niet in een opdrachtenbestand"),
        ("search 'open quote\n", "regel 1: No closing quotation"),
        ("zoek paspoort\n", "regel 1: COMMAND: 'zoek' kan niet"),
    ):
        code, _, err = _batch(db, "anne", text)
        assert code == 2 and said in err, (text, err)


def test_the_first_failing_line_stops_the_batch_unless_keep_going(db: Path) -> None:
    ref = _references(db)[0]
    text = f"case LK-1999-000001 --json\ncase {ref} --note 'na de fout'\n"
    code, _, err = _batch(db, "anne", text)
    assert code == 1
    assert err.strip() == "loket: regel 1: Zaak LK-1999-000001 bestaat niet."
    assert "na de fout" not in run_cli(db, "anne", "case", ref, "--json")[1]
    code, _, err = _batch(db, "anne", text, "--keep-going")
    assert code == 1 and "regel 1:" in err
    assert "na de fout" in run_cli(db, "anne", "case", ref, "--json")[1]


def test_each_line_is_checked_against_the_persons_rights(db: Path) -> None:
    code, out, err = _batch(db, "tineke", "stats --json\nsearch paspoort --json\n")
    assert code == 1
    assert json.loads(out)["cases_total"] == 2  # the teamleider's figures ran
    assert err.startswith("loket: regel 2: ") and "Paspoort" not in out
    refused = [e for e in _audit(db) if e["actor"] == "tineke" and e["result"] == "geweigerd"]
    assert [e["action"].split(":")[0] for e in refused] == ["case.search"]


def test_nobody_signed_in_runs_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOKET_USER", raising=False)
    code, out, err = _batch(db, None, "search paspoort --json\n")
    assert (code, out) == (1, "") and "Meld u aan" in err
    monkeypatch.setenv("LOKET_PASSWORD", "fout-wachtwoord")
    code, out, err = _batch(db, "anne", "search paspoort --json\n")
    assert (code, out) == (1, "") and "Paspoort" not in err


def test_a_batch_handed_to_the_running_app_carries_its_file_as_standard_input(
    tmp_path: Path,
) -> None:
    script = tmp_path / "werk.txt"
    script.write_text("search paspoort\n", encoding="utf-8")
    args = argparse.Namespace(file=str(script))
    argv = ["--db", "x.db", "batch", str(script), "--keep-going"]
    assert for_hand_over(args, argv) == (
        ["--db", "x.db", "batch", "-", "--keep-going"], "search paspoort\n"
    )
    from_stdin = ["--db", "x.db", "batch", "-"]
    assert for_hand_over(argparse.Namespace(file="-"), from_stdin) == (from_stdin, None)

"""Who is who (issue 12): the first beheerder, colleagues, passwords, signing in with waits and
locks, nobody working unnamed, and an audit trail whose tail cannot be cut unseen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from inbox import identity
from inbox.errors import InvalidInput, PermissionDenied
from inbox.privacy import audit
from inbox.services import Loket
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at

ROOT = Path(__file__).resolve().parents[2]
STRONG = "Lange-Zomeravond-42"


def cli(db: Path, *args: str, password: str | None = None, stdin: str = "",
        user: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("LOKET_PASSWORD", None)
    if password is not None:
        env["LOKET_PASSWORD"] = password
    head = ["--db", str(db)] + (["--user", user] if user else [])
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *head, *args],
                          capture_output=True, text=True, input=stdin, env=env, timeout=120)


def _trail(loket: Loket) -> list[dict[str, object]]:
    """The audit trail, newest first, read straight from storage (no act of its own)."""
    return [audit.entry(r) for r in loket.store.audit.entries(None, 10_000)]


class Clock:
    def __init__(self) -> None:
        self.moment = at(2)

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.moment


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    return tmp_path / "loket.db"


def test_a_fresh_database_does_nothing_until_its_first_beheerder_exists(fresh: Path) -> None:
    for command in (["cases"], ["stats"], ["import", str(fresh)], ["audit", "--verify"]):
        done = cli(fresh, *command)
        assert done.returncode == 1, command
        said = done.stderr + done.stdout
        assert "nog geen beheerder" in said or "Meld u aan" in said, command
    wrong_role = cli(fresh, "user", "add", "anne", "--name", "Anne", "--role", "medewerker",
                     "--password-stdin", stdin=STRONG + "\n")
    assert wrong_role.returncode == 1 and "eerste gebruiker" in wrong_role.stderr
    first = cli(fresh, "user", "add", "bea", "--name", "Bea Kok", "--role", "beheerder",
                "--password-stdin", stdin=STRONG + "\n")
    assert first.returncode == 0, first.stderr
    again = cli(fresh, "user", "add", "eve", "--name", "Eve", "--role", "beheerder",
                "--password-stdin", stdin=STRONG + "\n")
    assert again.returncode == 1 and "Meld u aan" in again.stderr  # only the very first
    assert cli(fresh, "cases", user="bea", password=STRONG).returncode == 1  # a beheerder: no
    assert cli(fresh, "user", "list", "--json", user="bea", password=STRONG).returncode == 0


def test_the_system_identity_is_never_accepted_from_the_command_line(fresh: Path) -> None:
    cli(fresh, "user", "add", "bea", "--name", "Bea Kok", "--role", "beheerder",
        "--password-stdin", stdin=STRONG + "\n")
    done = cli(fresh, "cases", user="systeem", password="x")
    assert done.returncode == 1 and "geen persoon" in done.stderr


def test_colleagues_get_a_temporary_password_and_choose_their_own(fresh: Path) -> None:
    cli(fresh, "user", "add", "bea", "--name", "Bea Kok", "--role", "beheerder",
        "--password-stdin", stdin=STRONG + "\n")
    temp = "Tijdelijk-Wachtwoord-7"
    added = cli(fresh, "user", "add", "anne", "--name", "Anne de Vries", "--role", "medewerker",
                "--password-stdin", user="bea", password=STRONG, stdin=temp + "\n")
    assert added.returncode == 0, added.stderr
    blocked = cli(fresh, "cases", user="anne", password=temp)
    assert blocked.returncode == 1 and "eigen wachtwoord" in blocked.stderr
    other = cli(fresh, "user", "passwd", "bea", "--password-stdin", user="anne", password=temp,
                stdin="Nog-Een-Wachtwoord-8\n")
    assert other.returncode == 1  # with a temporary password: only one's own
    own = "Eigen-Sterk-Wachtwoord-9"
    changed = cli(fresh, "user", "passwd", "anne", "--password-stdin", user="anne",
                  password=temp, stdin=own + "\n")
    assert changed.returncode == 0, changed.stderr
    assert cli(fresh, "cases", "--json", user="anne", password=own).returncode == 0
    assert cli(fresh, "cases", user="anne", password=temp).returncode == 1  # the old one: no
    listed = json.loads(cli(fresh, "user", "list", "--json", user="bea", password=STRONG).stdout)
    anne = next(u for u in listed if u["login"] == "anne")
    assert anne["role"] == "medewerker" and not anne["must_change_password"]
    assert "password" not in json.dumps(listed).replace("must_change_password", "") \
        .replace("has_password", "")


def test_roles_disable_enable_and_the_last_beheerder_stays(loket: Loket) -> None:
    clock = Clock()
    loket.now = clock
    add_staff(loket)
    act_as(loket, "bea")
    identity.set_role(loket, "anne", "teamleider")
    assert {u["login"]: u["role"] for u in identity.users(loket)}["anne"] == "teamleider"
    identity.set_active(loket, "bram", False)
    with pytest.raises(PermissionDenied, match="klopt niet"):
        act_as(loket, "bram")  # disabled: the same answer as a wrong password
    act_as(loket, "bea")
    assert any(e["actor"] == "bram" for e in _trail(loket))  # history kept
    identity.set_active(loket, "bram", True)
    clock.moment += timedelta(seconds=2)  # the wait after bram's refused attempt
    act_as(loket, "bram")
    act_as(loket, "bea")
    with pytest.raises(InvalidInput, match="laatste actieve beheerder"):
        identity.set_active(loket, "bea", False)
    with pytest.raises(InvalidInput, match="laatste actieve beheerder"):
        identity.set_role(loket, "bea", "medewerker")
    identity.set_role(loket, "tineke", "beheerder")
    identity.set_role(loket, "bea", "medewerker")  # now another beheerder remains
    act_as(loket, "anne")
    with pytest.raises(PermissionDenied):
        identity.add_user(loket, "zed", "Zed", "medewerker", STRONG)


@pytest.mark.parametrize("password,why", [
    ("kort-1", "minstens 12"),
    ("Wachtwoord2026!", "te vaak"),
    ("welkom123welkom", None),
    ("anne-de-vries-99", "naam niet"),
    ("aaaaaaaaaaaaaaa", "te eenvoudig"),
])
def test_password_rules(password: str, why: str | None) -> None:
    if why is None:
        identity.check_password(password, "anne", "Anne de Vries")
        return
    with pytest.raises(InvalidInput, match=why):
        identity.check_password(password, "anne", "Anne de Vries")


def test_a_passphrase_of_four_words_is_enough() -> None:
    identity.check_password("boom roos vis hut", "anne", "Anne de Vries")


def test_failures_wait_longer_and_ten_lock_even_the_right_password(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    loket = Loket.open(path)
    add_staff(loket)
    clock = Clock()
    loket.now = clock
    waits = []
    for attempt in range(1, 11):
        with pytest.raises(PermissionDenied) as refused:
            loket.sign_in("anne", "fout-wachtwoord")
        waits.append(identity.wait_seconds(attempt))
        if attempt < 10:
            with pytest.raises(PermissionDenied, match="probeer het over"):
                loket.sign_in("anne", STAFF_PASSWORD)  # too soon, even when right
            clock.moment += timedelta(seconds=waits[-1])
        loket.close()
        loket = Loket.open(path)  # a restart resets nothing
        loket.now = clock
    assert "geblokkeerd" in str(refused.value)
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
    clock.moment += timedelta(hours=5)
    with pytest.raises(PermissionDenied, match="geblokkeerd"):
        loket.sign_in("anne", STAFF_PASSWORD)  # the 11th attempt, right password: refused
    act_as(loket, "bea")
    identity.unlock(loket, "anne")
    act_as(loket, "anne")
    assert loket.user == "anne"
    loket.close()


def test_unknown_and_known_logins_do_the_same_work_and_get_the_same_answer(
    loket: Loket, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inbox.privacy import auth

    add_staff(loket)
    checks: list[str] = []
    real = auth.check_password
    monkeypatch.setattr(auth, "check_password",
                        lambda stored, pw: checks.append("argon2") or real(stored, pw))
    answers = []
    for login in ("anne", "niemand"):
        with pytest.raises(PermissionDenied) as refused:
            loket.sign_in(login, "fout-wachtwoord")
        answers.append(str(refused.value))
    assert answers[0] == answers[1] == identity.WRONG
    assert checks == ["argon2", "argon2"]


def test_sign_in_and_out_and_user_administration_are_audited(loket: Loket) -> None:
    clock = Clock()
    loket.now = clock
    add_staff(loket)
    act_as(loket, "bea")
    identity.add_user(loket, "carla", "Carla Jansen", "medewerker", "Tijdelijk-Wachtwoord-7")
    identity.set_role(loket, "carla", "archivaris")
    identity.sign_out(loket)
    assert loket.user == ""
    with pytest.raises(PermissionDenied):
        loket.sign_in("bea", "fout")
    clock.moment += timedelta(seconds=2)
    act_as(loket, "bea")
    actions = [(e["actor"], e["action"].split(":")[0], e["result"])
               for e in _trail(loket)]
    for expected in [("bea", "user.add", "ok"), ("bea", "user.role", "ok"),
                     ("bea", "user.sign_out", "ok"), ("bea", "user.sign_in", "mislukt"),
                     ("bea", "user.sign_in", "ok")]:
        assert expected in actions


def test_searches_are_audited_by_hit_count_never_by_their_words(loket: Loket) -> None:
    from inbox.model import Channel, IncomingMessage

    add_staff(loket)
    loket.receive(IncomingMessage(channel=Channel.EMAIL, sent_at=at(2), sender="j@example.nl",
                                  subject="Grofvuil ophalen", body_text="Grofvuil bij de stoep"))
    act_as(loket, "anne")
    assert len(loket.search("grofvuil")) == 1
    newest = _trail(loket)[0]
    assert newest["action"].startswith("case.search") and "grofvuil" not in json.dumps(newest)
    assert '"treffers": 1' in newest["action"]


def test_an_older_database_without_passwords_is_read_only_until_a_beheerder_is_set(
    tmp_path: Path,
) -> None:
    from inbox.model import Channel, IncomingMessage, Role

    path = tmp_path / "oud.db"
    old = Loket.open(path)
    old.ensure_user("anne", "Anne de Vries", Role.MEDEWERKER)
    got = old.receive(IncomingMessage(channel=Channel.EMAIL, sent_at=at(2),
                                      sender="j@example.nl", subject="Vraag", body_text="Hoi"))
    old.close()
    listed = cli(path, "cases", "--json")
    assert listed.returncode == 0 and got.reference in listed.stdout
    note = cli(path, "case", str(got.reference), "--note", "x")
    assert note.returncode == 1 and "nog geen beheerder" in note.stderr
    first = cli(path, "user", "add", "bea", "--name", "Bea Kok", "--role", "beheerder",
                "--password-stdin", stdin=STRONG + "\n")
    assert first.returncode == 0
    assert cli(path, "cases").returncode == 1  # from now on: sign in


def _cut(path: Path, sql: str) -> None:
    import sqlite3  # noqa: F401 - the raw file, as someone with the key could

    loket = Loket.open(path)
    loket.db.conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    loket.db.conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    loket.db.conn.execute(sql)
    loket.db.close()  # not Loket.close(): the tamperer does not update the kept head


@pytest.mark.parametrize("sql", [
    "DELETE FROM audit_log WHERE id > (SELECT max(id) - 5 FROM audit_log)",
    "DELETE FROM audit_log",
])
def test_a_cut_tail_or_an_emptied_trail_fails_verify(tmp_path: Path, sql: str) -> None:
    path = tmp_path / "l.db"
    loket = Loket.open(path)
    add_staff(loket)
    for _ in range(3):
        act_as(loket, "anne")
    loket.close()
    ok = cli(path, "audit", "--verify", user="bea", password=STAFF_PASSWORD)
    assert ok.returncode == 0, ok.stderr
    _cut(path, sql)
    cut = cli(path, "audit", "--verify", user="bea", password=STAFF_PASSWORD)
    assert cut.returncode == 1
    assert "ingekort" in cut.stderr or "leeg" in cut.stderr or "herschreven" in cut.stderr
    again = cli(path, "audit", "--verify", user="bea", password=STAFF_PASSWORD)
    assert again.returncode == 1  # the evidence is kept until a beheerder accepts
    accepted = cli(path, "audit", "--accept", user="bea", password=STAFF_PASSWORD)
    assert accepted.returncode == 0, accepted.stderr
    assert cli(path, "audit", "--verify", user="bea", password=STAFF_PASSWORD).returncode == 0

"""The role matrix (tests/role_matrix.py) run on a demo database: every checked command as each
role and as nobody, allowed or refused exactly as the grants table says; a planted phrase only
in the output (or written files) of those who may read content, the vertrouwelijk case's phrase
only for its assignee; every allowed audited act leaves an audit entry, every refusal one too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from inbox import acts
from inbox.cli.common import DEMO_PASSWORD
from inbox.gate import CONFIDENTIAL_REFUSAL
from inbox.model import Role
from inbox.privacy.roles import NOT_SIGNED_IN, REFUSALS, allowed
from tests.check_imports import LEGACY
from tests.clikit import run_cli
from tests.role_matrix import CLI, Row

OPEN = "kwartelkoning"  # planted in a message of an ordinary case
SECRET = "roerdompsnavel"  # planted in a message of a vertrouwelijk case assigned to anne
# who runs each row: nobody, one person per role, and a medewerker who is not the assignee
PEOPLE: tuple[tuple[str | None, Role | None], ...] = (
    (None, None),
    ("tineke", Role.TEAMLEIDER),
    ("arjen", Role.ARCHIVARIS),
    ("bea", Role.BEHEERDER),
    ("anne", Role.MEDEWERKER),
    ("bram", Role.MEDEWERKER),
)
# a refusal says one of these (the command line asks nobody to sign in first)
REFUSED = (*REFUSALS.values(), NOT_SIGNED_IN, CONFIDENTIAL_REFUSAL, "Meld u aan")


def leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every command of the argparse tree, as the words that name it."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path
    for action in subs:
        for name, child in action.choices.items():
            yield from leaves(child, (*path, name))


def test_every_command_has_a_row_and_every_row_a_command() -> None:
    from inbox import cli

    commands = set(leaves(cli.build_parser()))
    rows = {r.path for r in CLI}
    assert sorted(commands - rows) == [], "commands without a row in tests/role_matrix.py"
    assert sorted(rows - commands) == [], "rows of commands that no longer exist"


def test_every_checked_row_names_an_act_and_legacy_rows_a_legacy_module() -> None:
    for row in CLI:
        assert (row.act is None) != (row.legacy is None), row.name
        if row.act is not None:
            assert row.act in acts.ACTS, row.name
        if row.legacy is not None:
            # once its module follows the rules, the row gets its act and is checked
            assert row.legacy in LEGACY, (
                f"{row.name}: {row.legacy} left LEGACY; give the row its act")


# -- the demo database with the planted phrases ------------------------------------------------


@dataclass
class Matrix:
    db: Path
    env: dict[str, str]
    values: dict[str, str]
    files: Path


def _mail(sender: str, subject: str, body: str, message_id: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: info@gemeente-voorbeeld.nl\r\nSubject: {subject}\r\n"
        f"Date: Sat, 14 Nov 2026 10:00:00 +0100\r\nMessage-ID: <{message_id}>\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def _plant(loket: Any, files: Path) -> dict[str, str]:
    """Plant the phrases and pick the cases, messages and residents the rows use."""
    from inbox import contacts
    from inbox.channels.imports.eml import import_bytes

    db = loket.db
    open_cases = [dict(r) for r in db.query(
        "SELECT c.id, c.reference, c.contact_id, c.channel, (SELECT count(*) FROM messages m "
        "WHERE m.case_id = c.id) AS n FROM cases c WHERE c.status != 'afgerond' ORDER BY c.id")]
    by_contact: dict[int, dict[str, Any]] = {}
    for case in open_cases:
        if case["channel"] == "email":
            by_contact.setdefault(int(case["contact_id"]), case)
    planted, secret = list(by_contact.values())[:2]
    used = {planted["id"], secret["id"]}

    def address(contact_id: int) -> str:
        return str(db.scalar("SELECT value FROM contact_addresses WHERE contact_id = ? "
                             "AND kind = 'email' ORDER BY id LIMIT 1", (contact_id,)))

    got = import_bytes(loket, _mail(address(planted["contact_id"]),
                                    f"Re: [{planted['reference']}]",
                                    f"Nog een vraag over de {OPEN} in het park.",
                                    "matrix-open@example.nl"))
    assert got.case_id == planted["id"]
    loket.assign(secret["reference"], "anne")
    db.conn.execute("UPDATE cases SET confidential = 1 WHERE id = ?", (secret["id"],))
    hidden = import_bytes(loket, _mail(address(secret["contact_id"]),
                                       f"Re: [{secret['reference']}]",
                                       f"Mijn schuld bij de {SECRET} is opgelopen.",
                                       "matrix-secret@example.nl"))
    assert hidden.case_id == secret["id"]
    several = [c for c in open_cases if c["n"] >= 2 and c["id"] not in used]
    split, move = several[0], several[1]
    used |= {split["id"], move["id"]}
    others = [c for c in open_cases if c["id"] not in used]
    values = {f"c{i}": str(c["reference"]) for i, c in enumerate(others[:9], 1)}
    people = [int(r[0]) for r in db.query("SELECT id FROM contacts WHERE merged_into IS NULL "
                                         "ORDER BY id")
              if int(r[0]) not in (planted["contact_id"], secret["contact_id"])]
    merge_id = contacts.merge(loket, people[4], people[5], "matrix")
    mine = others[9]
    loket.assign(str(mine["reference"]), "anne")
    toot = db.scalar("SELECT reference FROM cases WHERE channel = 'mastodon' ORDER BY id LIMIT 1")
    post = _heard_post(db)
    (files / "nieuw.eml").write_bytes(_mail("nieuw@example.nl", "Vraag over de markt",
                                             "Wanneer is de markt?", "matrix-new@example.nl"))
    (files / "antwoord.txt").write_text("Met vriendelijke groet, de gemeente.", encoding="utf-8")
    values.update(
        open=str(planted["reference"]), secret=str(secret["reference"]),
        addr=address(planted["contact_id"]), contact=str(planted["contact_id"]),
        secret_addr=address(secret["contact_id"]),
        contact2=str(people[0]), contact3=str(people[1]), contact4=str(people[2]),
        merge=str(merge_id), original=str(got.message_id), mine=str(mine["reference"]),
        toot=str(toot), post=str(post), closed=str(db.scalar(
            "SELECT reference FROM cases WHERE status = 'afgerond' ORDER BY id LIMIT 1")),
        split_case=str(split["reference"]),
        split_msg=str(max(int(r[0]) for r in db.query(
            "SELECT id FROM messages WHERE case_id = ?", (split["id"],)))),
        move_msg=str(max(int(r[0]) for r in db.query(
            "SELECT id FROM messages WHERE case_id = ?", (move["id"],)))),
        eml=str(files / "nieuw.eml"), reply=str(files / "antwoord.txt"),
    )
    return values


def _heard_post(db: Any) -> int:
    """A public post heard while listening, kept by a removed account (never fetched from)."""
    from inbox import clock

    now = clock.iso(clock.now())
    account = db.conn.execute(
        "INSERT INTO accounts(name, channel, settings, enabled, created_at) VALUES "
        "('Luisteren (verwijderd)', 'mastodon', ?, 0, ?)",
        ('{"url": "https://social.example", "acct": "gemeente@social.example"}', now),
    ).lastrowid
    status = {"id": "4242", "uri": "https://social.example/users/wim/statuses/4242",
              "created_at": now, "content": "<p>Het bankje in het park is kapot</p>",
              "visibility": "public", "account": {"id": "77", "acct": "wim",
                                                  "username": "wim", "display_name": "Wim"}}
    return int(db.conn.execute(
        "INSERT INTO mastodon_posts(account_id, status_id, uri, author_acct, author_name, text, "
        "terms, created_at, fetched_at, status) VALUES (?, '4242', ?, 'wim@social.example', "
        "'Wim', 'Het bankje in het park is kapot', '[\"#gemeentevoorbeeld\"]', ?, ?, ?)",
        (account, status["uri"], now, now, json.dumps(status)),
    ).lastrowid)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    from argon2 import PasswordHasher

    from inbox.privacy import auth
    from inbox.services import Loket

    home = tmp_path_factory.mktemp("matrix-home")
    env = {
        "HOME": str(home), "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"), "LOKET_DATA_DIR": str(home / "data"),
    }
    files = tmp_path_factory.mktemp("matrix-files")
    db = files / "demo.db"
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        mp.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        code, _, err = run_cli(db, None, "demo", "--cases", "40")
        assert code == 0, err
        loket = Loket.open(db)
        loket.sign_in("anne", DEMO_PASSWORD)
        values = _plant(loket, files)
        loket.close()
    yield Matrix(db, env, values, files)
    shutil.rmtree(files, ignore_errors=True)


@pytest.fixture
def demo(matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> Matrix:
    for key, value in matrix.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("LOKET_PASSWORD", DEMO_PASSWORD)
    return matrix


# -- running the rows ---------------------------------------------------------------------------


def _written(path: Path) -> str:
    """What a command wrote at `path` (a file, or every file of a folder), as text."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in files)


def _audit_after(db: Any, last: int) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(
        "SELECT id, actor, action, result FROM audit_log WHERE id > ? ORDER BY id", (last,))]


# acts after which the database has a new key: the reader opens it again
REKEYS = frozenset({"key.rotate"})


class _Reader:
    """Reads the audit trail between the runs."""

    def __init__(self, path: Path) -> None:
        from inbox.services import Loket

        self.path = path
        self.loket = Loket.open(path)

    @property
    def db(self) -> Any:
        return self.loket.db

    def reopen(self) -> None:
        from inbox.services import Loket

        self.loket.close()
        self.loket = Loket.open(self.path)


def _check(row: Row, login: str | None, role: Role | None, demo: Matrix, reader: _Reader,
           counter: Iterator[int], first_allowed: set[str]) -> list[str]:
    act = acts.ACTS[str(row.act)]
    out_file = demo.files / f"out-{next(counter)}"
    values = {**demo.values, "out": str(out_file)}
    args = [a.format(**values) for a in row.args]
    # the vertrouwelijk case (or one a row makes so) is for anne, its assignee, only
    made_secret = "{secret}" in row.args or row.act == "case.confidential"
    confidential_refusal = made_secret and act.content and login != "anne"
    may = role is not None and allowed(role, act.permission) and not confidential_refusal
    last = int(reader.db.scalar("SELECT coalesce(max(id), 0) FROM audit_log"))
    code, out, err = run_cli(demo.db, login, *row.path, *args, stdin=row.stdin)
    if row.act in REKEYS and code == 0:
        reader.reopen()
    text = out + err + _written(out_file)
    who = f"{' '.join(row.path)} {' '.join(args)} as {login or 'nobody'}"
    problems = []
    refused = code == 1 and any(r in out + err for r in REFUSED)
    if not may:
        if not refused:
            problems.append(f"{who}: not refused (exit {code}): {err.strip()[:120]}")
        if out_file.exists():
            problems.append(f"{who}: refused, yet wrote {out_file.name}")
        if login is not None and not any(e["actor"] == login and e["result"] == "geweigerd"
                                         for e in _audit_after(reader.db, last)):
            problems.append(f"{who}: the refusal left no audit entry")
    elif refused:
        problems.append(f"{who}: refused, though the grants allow it: {err.strip()[:120]}")
    elif row.name not in first_allowed and row.state_error is None:
        first_allowed.add(row.name)  # later people may meet the state the first one left
        if code != 0:
            problems.append(f"{who}: failed (exit {code}): {err.strip()[:160]}")
        elif act.audited and not any(e["actor"] == login and e["action"].startswith(act.code)
                                     and e["result"] == "ok"
                                     for e in _audit_after(reader.db, last)):
            problems.append(f"{who}: allowed, but no audit entry {act.code}")
    elif row.state_error is not None and code != 0 and row.state_error not in err:
        problems.append(f"{who}: failed (exit {code}): {err.strip()[:160]}")
    reads = may and (act.content or act.processing == "export")  # exports carry content
    if OPEN in text and not reads:
        problems.append(f"{who}: the planted phrase leaked")
    if SECRET in text and not (reads and (login == "anne" or row.vertrouwelijk_too)):
        problems.append(f"{who}: the vertrouwelijk case's phrase leaked")
    return problems


def test_the_cli_allows_refuses_and_audits_as_the_grants_table_says(demo: Matrix) -> None:
    reader = _Reader(demo.db)
    counter = itertools.count()
    problems: list[str] = []
    first_allowed: set[str] = set()
    seen: dict[str, set[str]] = {OPEN: set(), SECRET: set()}
    try:
        for row in (r for r in CLI if r.act is not None):
            for login, role in PEOPLE:
                problems += _check(row, login, role, demo, reader, counter, first_allowed)
        # the check can fail: anne reads both phrases, bram only the ordinary one
        for login, ref in (("anne", "{open}"), ("anne", "{secret}"), ("bram", "{open}")):
            code, out, err = run_cli(demo.db, login, "case", ref.format(**demo.values))
            for phrase in (OPEN, SECRET):
                if phrase in out:
                    seen[phrase].add(login)
    finally:
        reader.loket.close()
    assert problems == [], "\n".join(problems)
    assert seen == {OPEN: {"anne", "bram"}, SECRET: {"anne"}}


def test_nobody_signed_in_is_refused_before_anything_is_read(demo: Matrix) -> None:
    code, out, err = run_cli(demo.db, None, "cases", "--json")
    assert (code, out) == (1, "") and NOT_SIGNED_IN.split()[0] in err
    os.environ.pop("LOKET_PASSWORD", None)

"""Shared fixtures: every test runs with its own data folder, keyring and offscreen Qt."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
# the tests' keyring is a plain file in the temp HOME: allowed only when asked for by name
os.environ.setdefault("LOKET_ALLOW_PLAINTEXT_KEYRING", "1")
# a window some test left open must not lock itself (15 idle minutes) in the middle of a later,
# unrelated test of a long run; the autolock tests set their own timeout
os.environ.setdefault("LOKET_LOCK_MINUTES", "600")
# the tests' local servers (Mastodon, OAuth) speak http:// on 127.0.0.1
os.environ.setdefault("LOKET_ALLOW_LOOPBACK_HTTP", "1")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("LOKET_DATA_DIR", str(home / "loket-data"))
    monkeypatch.delenv("LOKET_DB", raising=False)
    monkeypatch.delenv("LOKET_USER", raising=False)


@pytest.fixture(autouse=True)
def _quick_password_hashing(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """argon2id with tiny costs in tests (RFC 9106 strength in the product); a test marked
    `real_argon2` keeps the real parameters."""
    if request.node.get_closest_marker("real_argon2"):
        return
    from argon2 import PasswordHasher

    from inbox.privacy import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def _system_arranges(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests arrange their data as the system identity (which, in the product, only fetches and
    files mail); what they then check is done as a named person (act_as). A test marked
    `production_system` runs with the product's rule."""
    from inbox import gate

    monkeypatch.setattr(gate, "SYSTEM_MAY_ALL",
                        request.node.get_closest_marker("production_system") is None)


# The people of a test database, one per role (as in the demo): login -> (name, role).
STAFF = {
    "anne": ("Anne de Vries", "medewerker"),
    "bram": ("Bram Jansen", "medewerker"),
    "tineke": ("Tineke Bos", "teamleider"),
    "arjen": ("Arjen Smit", "archivaris"),
    "bea": ("Bea Visser", "beheerder"),
}
STAFF_PASSWORD = "test-wachtwoord-123"


def add_staff(loket: object) -> None:
    """Give `loket`'s database the STAFF users, each with STAFF_PASSWORD."""
    from inbox import acts
    from inbox.model import Role
    from inbox.privacy import auth

    session: Any = loket
    with session.op(acts.USER_ADD, obj="staff") as op:
        for login, (name, role) in STAFF.items():
            op.store.records.insert_user(login, name, Role(role).value, op.stamp())
            op.store.records.set_password_hash(login, auth.hash_password(STAFF_PASSWORD))


def give_password(loket: object, login: str, password: str = STAFF_PASSWORD) -> None:
    """Set a person's own (not temporary) password directly, as a test's setup."""
    from inbox import acts
    from inbox.privacy import auth

    session: Any = loket
    with session.op(acts.USER_PASSWORD, obj=f"gebruiker:{login}") as op:
        op.store.users.set_password(login, auth.hash_password(password), False, op.stamp())


def later(loket: object, seconds: float = 61) -> None:
    """Move `loket`'s clock on (past the wait that a failed sign-in brings)."""
    from datetime import timedelta

    session: Any = loket
    before = session.now
    session.now = lambda: before() + timedelta(seconds=seconds)


def act_as(loket: object, login: str) -> None:
    """Sign `loket` in as `login` (one of STAFF), the way the app and the CLI do."""
    session: Any = loket
    session.sign_in(login, STAFF_PASSWORD)


@contextmanager
def as_beheerder(loket: object) -> Iterator[None]:
    """Do something only a beheerder may (add the team's mail account), then go on as the
    person who acted before. bea (STAFF) is made, or given STAFF_PASSWORD, as test setup."""
    from inbox import clock
    from inbox.model import Role
    from inbox.privacy import auth

    session: Any = loket
    before = session.user
    records = session.store.records
    with session.db.transaction():  # setup, not an act of the person acting now
        name, role = STAFF["bea"]
        records.insert_user("bea", name, Role(role).value, clock.iso(session.now()))
        records.set_password_hash("bea", auth.hash_password(STAFF_PASSWORD))
    act_as(loket, "bea")
    try:
        yield
    finally:
        session.user = before
        session.forget_identity()


@pytest.fixture
def loket(tmp_path: Path) -> Iterator[object]:
    from inbox.services import Loket

    instance = Loket.open(tmp_path / "loket.db")
    yield instance
    instance.close()


def at(day: int, hour: int = 10, month: int = 11, year: int = 2026) -> datetime:
    """A fixed moment for tests: at(3) is 3 November 2026, 10:00 UTC."""
    return datetime(year, month, day, hour, tzinfo=UTC)


def receive_mail(
    loket: object, sender: str, subject: str, body: str = "", *, when: datetime | None = None,
    **more: Any,
) -> Any:
    """An e-mail from `sender` arriving in `loket` (sent at(1) unless `when`); `more`: other
    fields of IncomingMessage (sender_name, direction, ...). Returns what `receive` returns."""
    from inbox.model import Channel, IncomingMessage

    session: Any = loket
    message = IncomingMessage(
        Channel.EMAIL, when or at(1), sender=sender, subject=subject, body_text=body, **more
    )
    return session.receive(message)


def replay_migration(db: Any, step: str) -> None:
    """Run one migration `step` again on a database that has them all, as on a database made
    just before it (its own tables dropped by the caller); the later steps stay in place."""
    from storage import migrations
    from storage.db import migrate

    index = migrations.MIGRATIONS.index(step)
    with db.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {index}")
    migrate(db, migrations.MIGRATIONS[: index + 1])
    with db.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")

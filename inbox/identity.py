"""Who is who: the first beheerder, colleagues and their roles, passwords and signing in.

- A new database can only be used once its first beheerder exists with a password
  (`first_beheerder`, allowed without signing in only while no one has a password).
- A password a beheerder sets is temporary: the person chooses their own at first sign-in, and
  until then may do nothing else.
- Passwords: at least 12 characters, or a passphrase of four or more words; not a common
  password (resources/security/common-passwords.txt), not the login or name; argon2id.
- Signing in: after each failure for a login the next attempt waits longer (1, 2, 4 ... 60 s),
  persisted in the database; after ten failures the login is locked until a beheerder unlocks
  it. Known and unknown logins take the same time and get the same message.
- The last active beheerder cannot be disabled or demoted. A disabled colleague keeps their
  history and cannot sign in.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import acts, clock
from inbox.errors import InvalidInput, NotFound, PermissionDenied, member
from inbox.model import Role
from inbox.privacy.roles import GRANTABLE, Permission

if TYPE_CHECKING:
    from inbox.gate import Session

MIN_LENGTH = 12
PASSPHRASE_WORDS = 4
MAX_FAILURES = 10
MAX_WAIT_SECONDS = 60
WRONG = "Gebruikersnaam of wachtwoord klopt niet."
LOCKED = (
    "Deze gebruikersnaam is geblokkeerd na te veel mislukte pogingen; "
    "vraag een beheerder hem te deblokkeren."
)
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_COMMON_FILE = (
    Path(__file__).resolve().parent.parent / "resources" / "security" / "common-passwords.txt"
)
_common: frozenset[str] | None = None


def _common_passwords() -> frozenset[str]:
    global _common
    if _common is None:
        lines = _COMMON_FILE.read_text(encoding="utf-8").splitlines()
        _common = frozenset(x.strip().lower() for x in lines if x.strip() and x[0] != "#")
    return _common


def check_password(password: str, login: str = "", name: str = "") -> None:
    """Refuse a weak password with one Dutch line saying why."""
    words = [w for w in re.split(r"[\s\-_.]+", password.strip()) if len(w) >= 2]
    if len(password) < MIN_LENGTH and len(words) < PASSPHRASE_WORDS:
        raise InvalidInput(
            f"Een wachtwoord heeft minstens {MIN_LENGTH} tekens, of is een zin van "
            f"{PASSPHRASE_WORDS} of meer woorden."
        )
    lowered = password.lower()
    base = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", lowered)
    common = _common_passwords()
    if lowered in common or base in common or re.sub(r"[\W_]", "", lowered) in common:
        raise InvalidInput("Dit wachtwoord komt te vaak voor; kies een ander.")
    if len(set(lowered)) <= 3:
        raise InvalidInput("Dit wachtwoord is te eenvoudig; kies een ander.")
    for own in (login.lower(), *name.lower().split()):
        if len(own) >= 3 and own in lowered:
            raise InvalidInput("Een wachtwoord mag uw gebruikersnaam of naam niet bevatten.")


def _check_login(login: str) -> str:
    login = login.strip().lower()
    from inbox.gate import SYSTEM_USER

    if login == SYSTEM_USER or not _LOGIN.match(login):
        raise InvalidInput(
            "Een gebruikersnaam heeft 2 tot 32 kleine letters, cijfers, punten of streepjes."
        )
    return login


# -- the first beheerder and colleagues --------------------------------------------------------


def first_beheerder(session: Session, login: str, name: str, password: str) -> None:
    """The database's first beheerder: allowed without signing in only while nobody has a
    password (a new database, or one from before sign-in was required)."""
    login = _check_login(login)
    if not name.strip():
        raise InvalidInput("Vul een naam in.")
    check_password(password, login, name)
    from inbox.privacy import auth

    with session.op(acts.USER_FIRST, obj=f"gebruiker:{login}") as op:
        users = op.store.users
        if users.any_password():
            raise PermissionDenied(
                "Er is al een beheerder; meld u aan om gebruikers toe te voegen."
            )
        if users.row(login) is None:
            users.add(login, name.strip(), Role.BEHEERDER.value, op.stamp())
        else:
            users.set_role(login, Role.BEHEERDER.value)
            users.set_active(login, True, op.stamp())
        users.set_password(login, auth.hash_password(password), False, op.stamp())
        op.changed("users")
    session.forget_identity()


def demo_staff(session: Session, logins: list[str], password: str, hint: str) -> None:
    """The demo database's people all get one known password (shown on the sign-in screen),
    without the password rules: only while nobody in the database has a password yet."""
    from inbox.privacy import auth

    with session.op(acts.USER_FIRST, obj="demo") as op:
        if op.store.users.any_password():
            raise PermissionDenied("Demogegevens kunnen alleen in een nieuwe database.")
        hashed = auth.hash_password(password)
        for login in logins:
            op.store.users.set_password(login, hashed, False, op.stamp())
        op.store.records.set_setting("sign_in_hint", hint)
        op.changed("users")


def add_user(session: Session, login: str, name: str, role: str | Role, password: str) -> None:
    """A colleague with a temporary password (they choose their own at first sign-in)."""
    login = _check_login(login)
    role = member(Role, role, "rol")
    if not name.strip():
        raise InvalidInput("Vul een naam in.")
    check_password(password, login, name)
    from inbox.privacy import auth

    with session.op(acts.USER_ADD, obj=f"gebruiker:{login}") as op:
        op.details = {"rol": role.value}
        if op.store.users.row(login) is not None:
            raise InvalidInput(f"Gebruiker '{login}' bestaat al.")
        op.store.users.add(login, name.strip(), role.value, op.stamp())
        op.store.users.set_password(login, auth.hash_password(password), True, op.stamp())
        op.changed("users")


def users(session: Session) -> list[dict[str, Any]]:
    """Colleagues with role, state and extra rights (never a password hash)."""
    with session.op(acts.USER_LIST) as op:
        rows = op.store.users.listing()
    return [
        {
            "login": r["name"],
            "name": r["display_name"],
            "role": r["role"],
            "active": bool(r["active"]),
            "locked": bool(r["locked"]),
            "has_password": bool(r["has_password"]),
            "must_change_password": bool(r["must_change_password"]),
            "rights": sorted((r["grants"] or "").split(",")) if r["grants"] else [],
            "created_at": r["created_at"],
            "disabled_at": r["disabled_at"],
        }
        for r in rows
    ]


def set_password(session: Session, login: str, password: str) -> None:
    """Your own password (final), or a colleague's by a beheerder (temporary)."""
    from inbox.privacy import auth

    login = login.strip().lower()
    own = login == session.user
    act = acts.USER_OWN_PASSWORD if own else acts.USER_PASSWORD
    with session.op(act, obj=f"gebruiker:{login}") as op:
        row = op.store.users.row(login)
        if row is None:
            raise NotFound(f"Gebruiker '{login}' bestaat niet.")
        check_password(password, login, str(row["display_name"]))
        if own and row["password_hash"] and auth.check_password(row["password_hash"], password):
            raise InvalidInput("Kies een ander wachtwoord dan het huidige.")
        op.store.users.set_password(login, auth.hash_password(password), not own, op.stamp())
        op.changed("users")
    if own:
        session.must_change_password = False


def _beheerder_stays(op: Any, login: str) -> None:
    remaining = [b for b in op.store.users.active_beheerders() if b != login]
    if not remaining:
        raise InvalidInput("De laatste actieve beheerder kan niet worden uitgeschakeld of "
                           "een andere rol krijgen.")


def set_role(session: Session, login: str, role: str | Role) -> None:
    role = member(Role, role, "rol")
    with session.op(acts.USER_ROLE, obj=f"gebruiker:{login}") as op:
        op.details = {"rol": role.value}
        row = op.store.users.row(login)
        if row is None:
            raise NotFound(f"Gebruiker '{login}' bestaat niet.")
        if row["role"] == Role.BEHEERDER.value and role is not Role.BEHEERDER:
            _beheerder_stays(op, login)
        op.store.users.set_role(login, role.value)
        op.changed("users")
    session.forget_identity()


def set_active(session: Session, login: str, active: bool) -> None:
    """Disable (keeps their history; cannot sign in) or enable a colleague."""
    act = acts.USER_ENABLE if active else acts.USER_DISABLE
    with session.op(act, obj=f"gebruiker:{login}") as op:
        row = op.store.users.row(login)
        if row is None:
            raise NotFound(f"Gebruiker '{login}' bestaat niet.")
        if not active and row["role"] == Role.BEHEERDER.value:
            _beheerder_stays(op, login)
        op.store.users.set_active(login, active, op.stamp())
        op.changed("users")
    session.forget_identity()


def unlock(session: Session, login: str) -> None:
    """Lift the lock after too many failed sign-ins."""
    with session.op(acts.USER_UNLOCK, obj=f"gebruiker:{login}") as op:
        op.store.users.clear_attempts(login.strip().lower())
        op.changed("users")


def grant(session: Session, login: str, permission: str, on: bool = True) -> None:
    """Give (or take back) a right on top of a role, e.g. editing the kennisbank."""
    names = {"kennisbank": Permission.KB_EDIT.value}
    code = names.get(permission, permission)
    if code not in {p.value for p in GRANTABLE}:
        allowed = ", ".join(sorted(names))
        raise InvalidInput(f"'{permission}' is geen recht dat u kunt geven. Kies uit: {allowed}.")
    with session.op(acts.USER_GRANT, obj=f"gebruiker:{login}") as op:
        op.details = {"recht": code, "aan": on}
        row = op.store.users.row(login)
        if row is None:
            raise NotFound(f"Gebruiker '{login}' bestaat niet.")
        if on:
            op.store.users.grant(int(row["id"]), code, session.user, op.stamp())
        else:
            op.store.users.revoke(int(row["id"]), code)
        op.changed("users")
    session.forget_identity()


# -- signing in --------------------------------------------------------------------------------


def _dummy_hash() -> str:
    """A hash to check unknown logins against, so they cost the same time as known ones."""
    from inbox.privacy import auth

    return auth.hash_password("loket/unknown-login/" + "x" * 16)


def wait_seconds(failures: int) -> int:
    """How long the next attempt waits after `failures` failures in a row."""
    if failures <= 0:
        return 0
    return int(min(2 ** (failures - 1), MAX_WAIT_SECONDS))


def sign_in(session: Session, login: str, password: str) -> None:
    """Check the password and act as `login` from now on; failures count and are audited."""
    from inbox.gate import SYSTEM_USER
    from inbox.privacy import auth

    login = login.strip().lower()
    now = session.now()
    users = session.store.users
    attempt = users.attempts(login)
    if attempt is not None and attempt["locked"]:
        auth.check_password(_dummy_hash(), password)  # the same time as any other attempt
        _audit_attempt(session, login, "geblokkeerd")
        raise PermissionDenied(LOCKED)
    if attempt is not None and attempt["next_attempt_at"]:
        due = clock.parse(str(attempt["next_attempt_at"]))
        if now < due:
            seconds = max(1, int((due - now).total_seconds() + 0.999))
            raise PermissionDenied(
                f"Te veel mislukte pogingen: probeer het over {seconds} seconden opnieuw."
            )
    row = users.row(login) if login != SYSTEM_USER else None
    usable = row is not None and bool(row["active"]) and row["password_hash"] is not None
    stored = str(row["password_hash"]) if usable and row is not None else _dummy_hash()
    if not auth.check_password(stored, password) or not usable:
        failures = (int(attempt["failures"]) if attempt is not None else 0) + 1
        locked = failures >= MAX_FAILURES
        next_at = clock.iso(now + timedelta(seconds=wait_seconds(failures)))
        with session.sign_in_transaction():
            users.record_failure(login, failures, next_at, locked, clock.iso(now))
            session._audit_as(login if row is not None else "(onbekend)",
                              acts.USER_SIGN_IN.code, f"gebruiker:{login}",
                              "geblokkeerd" if locked else "mislukt")
        raise PermissionDenied(LOCKED if locked else WRONG)
    assert row is not None
    session.user = login
    session.must_change_password = bool(row["must_change_password"])
    session.forget_identity()
    with session.sign_in_transaction():
        users.clear_attempts(login)
        if auth.needs_rehash(stored):
            users.set_password(login, auth.hash_password(password),
                               bool(row["must_change_password"]), clock.iso(now))
        session._audit(acts.USER_SIGN_IN.code, f"gebruiker:{login}", "ok", None)


def _audit_attempt(session: Session, login: str, result: str) -> None:
    known = session.store.users.row(login) is not None
    with session.sign_in_transaction():
        session._audit_as(login if known else "(onbekend)", acts.USER_SIGN_IN.code,
                          f"gebruiker:{login}", result)


def sign_out(session: Session) -> None:
    """Stop acting as the signed-in person (the app then asks who is there)."""
    if session.user:
        with session.sign_in_transaction():
            session._audit(acts.USER_SIGN_OUT.code, f"gebruiker:{session.user}", "ok", None)
    session.user = ""
    session.must_change_password = False
    session.forget_identity()


def needs_first_beheerder(session: Session) -> bool:
    """Nobody has a password yet: the first beheerder must be made before work starts."""
    return not session.store.users.any_password()


def has_users(session: Session) -> bool:
    return session.store.users.count() > 0



def take_recovery_key(session: Session) -> str | None:
    """The database's recovery key, once (the beheerder writes it down); None when it was
    shown before, or the database is not encrypted (in memory)."""
    from inbox.privacy import keys

    with session.op(acts.KEY_SHOW_RECOVERY, obj="database") as op:
        path = session.path
        if path is None or not keys.is_encrypted(path):
            return None
        found = keys.take_recovery_key(path)
        op.details = {"getoond": found is not None}
    return found

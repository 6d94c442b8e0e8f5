"""Channel accounts: their settings in the database, their secrets only in the OS keyring."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from inbox import clock
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.model import Channel
from storage.db import Database

log = logging.getLogger("loket.accounts")

KEYRING_SERVICE = "Loket"


class Security(StrEnum):
    SSL = "ssl"
    STARTTLS = "starttls"
    NONE = "none"


class Auth(StrEnum):
    PASSWORD = "password"
    OAUTH2 = "oauth2"


@dataclass(frozen=True)
class MailAccount:
    """An IMAP mailbox (incoming) with the SMTP server used to answer from it."""

    name: str
    host: str
    username: str
    port: int = 993
    security: Security = Security.SSL
    folders: tuple[str, ...] = ("INBOX",)
    auth: Auth = Auth.PASSWORD
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: Security = Security.SSL
    smtp_username: str = ""
    from_address: str = ""
    sent_folder: str = ""
    move_handled_to: str = ""
    interval_minutes: float = 2.0
    ca_file: str = ""
    oauth: dict[str, str] = field(default_factory=dict)
    id: int = 0

    @property
    def address(self) -> str:
        return self.from_address or self.username

    def settings_json(self) -> str:
        data = asdict(self)
        data.pop("id")
        data.pop("name")
        data["folders"] = list(self.folders)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_row(cls, row: Any) -> MailAccount:
        data = json.loads(row["settings"])
        data["folders"] = tuple(data.get("folders") or ("INBOX",))
        data["security"] = Security(data.get("security", "ssl"))
        data["smtp_security"] = Security(data.get("smtp_security", "ssl"))
        data["auth"] = Auth(data.get("auth", "password"))
        known = set(cls.__dataclass_fields__)
        return cls(
            name=row["name"], id=int(row["id"]), **{k: v for k, v in data.items() if k in known}
        )

    def validate(self) -> None:
        if not self.name.strip():
            raise InvalidInput("Geef het account een naam.")
        if not self.host.strip():
            raise InvalidInput("Vul de IMAP-server in.")
        if not self.username.strip():
            raise InvalidInput("Vul de gebruikersnaam in.")
        for port in (self.port, self.smtp_port):
            if not 0 < port < 65536:
                raise InvalidInput(f"Poort {port} bestaat niet (1-65535).")
        if self.interval_minutes < 0.1:
            raise InvalidInput("Ophalen kan hoogstens elke 6 seconden.")
        if not self.folders:
            raise InvalidInput("Kies minstens één map.")

    @property
    def insecure_warning(self) -> str | None:
        if Security.NONE in (self.security, self.smtp_security if self.smtp_host else None):
            return (
                "Let op: zonder versleuteling kan iedereen op het netwerk het wachtwoord en "
                "de berichten meelezen."
            )
        return None


def installation_id(db: Database) -> str:
    """A random id per database, so two installations never share keyring entries."""
    value = db.scalar("SELECT value FROM settings WHERE key = 'installation_id'")
    if value:
        return str(value)
    new = str(uuid.uuid4())
    with db.transaction():
        db.conn.execute(
            "INSERT OR IGNORE INTO settings(key, value) VALUES ('installation_id', ?)", (new,)
        )
    return str(db.scalar("SELECT value FROM settings WHERE key = 'installation_id'"))


def _keyring() -> Any:
    """The keyring module, refusing a backend that would keep secrets in plain text.

    keyrings.alt (a test dependency) registers a plain-text file backend that wins when no
    desktop keyring runs; it is only acceptable when chosen explicitly, as the tests do.
    """
    import os

    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyrings.alt.file.Plaintext") and not os.environ.get(
        "PYTHON_KEYRING_BACKEND"
    ):
        raise LoketError(
            "Er is geen veilige sleutelbos (zoals GNOME Keyring of KWallet) beschikbaar; "
            "Loket bewaart wachtwoorden niet onversleuteld."
        )
    return keyring


class Secrets:
    """Passwords and tokens live in the OS keyring only, under an installation-scoped key."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def of(cls, session: Any) -> Secrets:
        """The secrets of an open session, for modules behind the gate (no database handle)."""
        return cls(session.db)

    def _key(self, account: str, kind: str) -> str:
        return f"{installation_id(self.db)}/{account}/{kind}"

    def set(self, account: str, kind: str, value: str) -> None:
        from keyring.errors import KeyringError

        keyring = _keyring()
        try:
            keyring.set_password(KEYRING_SERVICE, self._key(account, kind), value)
        except KeyringError as exc:
            raise LoketError(
                "De sleutelbos van het besturingssysteem is niet beschikbaar; het wachtwoord "
                "is niet opgeslagen."
            ) from exc

    def get(self, account: str, kind: str) -> str | None:
        from keyring.errors import KeyringError

        keyring = _keyring()
        try:
            value: str | None = keyring.get_password(KEYRING_SERVICE, self._key(account, kind))
            return value
        except KeyringError as exc:
            raise LoketError(
                "De sleutelbos van het besturingssysteem is niet beschikbaar."
            ) from exc

    def delete(self, account: str, kind: str) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        keyring = _keyring()
        try:
            keyring.delete_password(KEYRING_SERVICE, self._key(account, kind))
        except (PasswordDeleteError, KeyringError):
            pass


class Accounts:
    """Reading and writing accounts; the settings table rows never hold a secret."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.secrets = Secrets(db)

    def add_mail(self, account: MailAccount, secret: str | None) -> MailAccount:
        account.validate()
        if self.db.scalar("SELECT 1 FROM accounts WHERE name = ?", (account.name,)):
            raise InvalidInput(f"Er is al een account met de naam '{account.name}'.")
        if account.auth is Auth.PASSWORD and not secret:
            raise InvalidInput("Geef het wachtwoord op.")
        if secret:
            self.secrets.set(account.name, "password", secret)
        with self.db.transaction():
            cur = self.db.conn.execute(
                "INSERT INTO accounts(name, channel, settings, created_at) VALUES (?, ?, ?, ?)",
                (
                    account.name,
                    Channel.EMAIL.value,
                    account.settings_json(),
                    clock.iso(clock.now()),
                ),
            )
        log.info("mail account %s added", cur.lastrowid)
        return replace(account, id=int(cur.lastrowid or 0))

    def update_mail(self, account: MailAccount) -> None:
        account.validate()
        with self.db.transaction():
            self.db.conn.execute(
                "UPDATE accounts SET settings = ? WHERE id = ?",
                (account.settings_json(), account.id),
            )

    def mail_accounts(self) -> list[MailAccount]:
        return [
            MailAccount.from_row(r)
            for r in self.db.query(
                "SELECT * FROM accounts WHERE channel = 'email' AND enabled = 1 ORDER BY name"
            )
        ]

    def mail_account(self, name: str) -> MailAccount:
        row = self.db.one("SELECT * FROM accounts WHERE name = ? AND channel = 'email'", (name,))
        if row is None:
            raise NotFound(f"Er is geen e-mailaccount '{name}'.")
        return MailAccount.from_row(row)

    def remove(self, name: str) -> None:
        with self.db.transaction():
            self.db.conn.execute("UPDATE accounts SET enabled = 0 WHERE name = ?", (name,))
        for kind in ("password", "oauth"):
            self.secrets.delete(name, kind)

    def status(self) -> list[dict[str, Any]]:
        """Per account and folder: last sync, last error and how far it got."""
        return [
            dict(r)
            for r in self.db.query(
                "SELECT a.name AS account, s.folder, s.last_sync_at, s.last_error, s.last_uid "
                "FROM accounts a LEFT JOIN sync_state s ON s.account_id = a.id "
                "WHERE a.enabled = 1 ORDER BY a.name, s.folder"
            )
        ]


def mail_account_of(session: Any, name: str) -> MailAccount:
    """The mail account `name` for a feature behind the gate (team sync), which holds no
    database handle of its own."""
    return Accounts(session.db).mail_account(name)

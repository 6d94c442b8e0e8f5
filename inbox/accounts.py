"""Channel accounts: their settings in the database, their secrets only in the OS keyring."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from inbox import acts
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.model import Changes, Channel
from inbox.privacy.roles import REFUSALS

if TYPE_CHECKING:
    from inbox.gate import Session

log = logging.getLogger("loket.accounts")

# The demo database's mail account: no server runs behind it, so replies wait in the outbox
# (the app says so instead of showing a connection error)
DEMO_MAILBOX = "Demo-postbus (geen server)"

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


def installation_id(loket: Session) -> str:
    """A random id per database, so two installations never share keyring entries."""
    return str(loket.store.mail.installation_id())


def _keyring() -> Any:
    """The keyring module, refusing a backend that keeps secrets in plain text
    (inbox/keyring_policy.py)."""
    from inbox.keyring_policy import checked_keyring

    return checked_keyring()


class Secrets:
    """Passwords and tokens live in the OS keyring only, under an installation-scoped key."""

    def __init__(self, loket: Session) -> None:
        self.loket = loket

    @classmethod
    def of(cls, session: Session) -> Secrets:
        """The secrets of an open session (the same as `Secrets(session)`)."""
        return cls(session)

    def _key(self, account: str, kind: str) -> str:
        return f"{installation_id(self.loket)}/{account}/{kind}"

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


MANAGE_REFUSAL = REFUSALS[acts.ACCOUNT_ADD.permission]  # Dutch: who may manage accounts


class Accounts:
    """The team's channel accounts. Reading their settings (no secret, no resident's data) is
    open to everyone signed in, for the sync status and the reply editor; adding, changing and
    removing one are acts of the gate (permission manage_accounts, audited)."""

    def __init__(self, loket: Session) -> None:
        self.loket = loket
        self.secrets = Secrets(loket)

    def may_manage(self) -> bool:
        return self.loket.may(acts.ACCOUNT_ADD.permission)

    def add_mail(self, account: MailAccount, secret: str | None) -> MailAccount:
        """Add a mail account (act account.add); returns it as stored (with its id), the
        way `ensure_user` returns the new person's id."""
        account.validate()
        with self.loket.op(acts.ACCOUNT_ADD, obj=f"account:{account.name}") as op:
            mail = op.store.mail
            if mail.account_exists(account.name):
                raise InvalidInput(f"Er is al een account met de naam '{account.name}'.")
            if account.auth is Auth.PASSWORD and not secret:
                raise InvalidInput("Geef het wachtwoord op.")
            account_id = mail.insert_account(
                account.name, Channel.EMAIL.value, account.settings_json(), op.stamp()
            )
            if secret:  # last: a refused keyring rolls the row back
                self.secrets.set(account.name, "password", secret)
            op.changed("accounts")
        log.info("mail account %s added", account_id)
        return replace(account, id=account_id)

    def update_mail(self, account: MailAccount, secret: str | None = None) -> Changes:
        """Save changed settings (and a new password, when one is given)."""
        account.validate()
        with self.loket.op(acts.ACCOUNT_CHANGE, obj=f"account:{account.name}") as op:
            op.store.mail.update_account_settings(account.id, account.settings_json())
            if secret and account.auth is Auth.PASSWORD:
                self.secrets.set(account.name, "password", secret)
            op.changed("accounts")
        return op.changes

    def remove(self, name: str) -> Changes:
        with self.loket.op(acts.ACCOUNT_REMOVE, obj=f"account:{name}") as op:
            if not op.store.mail.disable_account(name):
                raise NotFound(f"Er is geen account '{name}'.")
            op.changed("accounts")
        for kind in ("password", "oauth"):
            self.secrets.delete(name, kind)
        return op.changes

    def mail_accounts(self) -> list[MailAccount]:
        return [
            MailAccount.from_row(r) for r in self.loket.store.mail.accounts(Channel.EMAIL.value)
        ]

    def mail_account(self, name: str) -> MailAccount:
        row = self.loket.store.mail.account(name, Channel.EMAIL.value)
        if row is None:
            raise NotFound(f"Er is geen e-mailaccount '{name}'.")
        return MailAccount.from_row(row)

    def listed(self) -> list[dict[str, Any]]:
        """`account list`: the accounts with their sync status, for a beheerder."""
        with self.loket.op(acts.ACCOUNT_LIST):
            return self.status()

    def status(self) -> list[dict[str, Any]]:
        """Per account and folder: last sync, last error and how far it got."""
        return list(self.loket.store.mail.status())


def mail_account_of(session: Session, name: str) -> MailAccount:
    """The mail account `name`, for a feature behind the gate (team sync)."""
    return Accounts(session).mail_account(name)

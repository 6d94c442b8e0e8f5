"""The team folders of the shared mailbox: `Loket/Events` (and `Loket/Presence`) over IMAP.

Read by UID like the INBOX (BODY.PEEK[], never marking anything), appended to with APPEND;
with UIDPLUS the server names the new UID (APPENDUID). Nothing here changes or deletes events.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from inbox import acts, clock
from inbox.errors import LoketError
from inbox.gate import Session
from inbox.teamsync import engine, keys
from inbox.teamsync.engine import FETCH_CHUNK, FolderInfo, PassReport

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from inbox.accounts import MailAccount

log = logging.getLogger("loket.teamsync")

ROOT = "Loket"
EVENTS = "Events"
PRESENCE = "Presence"
NO_KEY = "Er is geen teamsleutel op deze laptop; laat de beheerder 'loket team setup' uitvoeren."

_APPENDUID = re.compile(rb"APPENDUID\s+(\d+)\s+(\d+)", re.IGNORECASE)


def folder_name(client: IMAPClient, leaf: str) -> str:
    delimiter = "/"
    try:
        personal = client.namespace().personal
        if personal and personal[0][1]:
            delimiter = str(personal[0][1])
    except Exception:  # noqa: BLE001 - NAMESPACE is optional; fall back to LIST
        folders = client.list_folders("", "")
        if folders and folders[0][1]:
            raw = folders[0][1]
            delimiter = raw.decode() if isinstance(raw, bytes) else str(raw)
    return f"{ROOT}{delimiter}{leaf}"


class ImapFolder:
    """engine.Folder over an authenticated IMAPClient; creates the folder when missing."""

    def __init__(self, client: IMAPClient, leaf: str = EVENTS) -> None:
        self.client = client
        self.name = folder_name(client, leaf)
        if not client.folder_exists(self.name):
            client.create_folder(self.name)
        self.uidplus = b"UIDPLUS" in client.capabilities()

    def select(self) -> FolderInfo:
        info = self.client.select_folder(self.name, readonly=False)
        return FolderInfo(
            int(info[b"UIDVALIDITY"]), int(info.get(b"EXISTS", 0)), int(info.get(b"UIDNEXT", 0))
        )

    def fetch(self, first_uid: int) -> Iterable[list[tuple[int, bytes]]]:
        uids = sorted(
            u for u in self.client.search(["UID", f"{max(first_uid, 1)}:*"]) if u >= first_uid
        )
        for start in range(0, len(uids), FETCH_CHUNK):
            batch = uids[start : start + FETCH_CHUNK]
            fetched = self.client.fetch(batch, ["BODY.PEEK[]"])
            yield [
                (uid, bytes(fetched[uid][b"BODY[]"]))
                for uid in batch
                if uid in fetched and b"BODY[]" in fetched[uid]
            ]

    def append(self, raw: bytes) -> int | None:
        response = self.client.append(self.name, raw, flags=(b"\\Seen",))
        found = _APPENDUID.search(response if isinstance(response, bytes) else b"")
        return int(found.group(2)) if found else None

    def delete(self, uids: list[int]) -> None:
        """A laptop's own expired presence messages, and event batches that held an erased
        resident's events once their other events were sent again (engine.compact_folder)."""
        if not uids:
            return
        self.client.select_folder(self.name)
        self.client.delete_messages(uids)
        if self.uidplus:
            self.client.uid_expunge(uids)
        else:
            self.client.expunge()  # only Loket writes this folder: nothing else is marked


def team_account(session: Session) -> str | None:
    value = session.store.team.setting("account")
    return None if value is None else str(value)


@contextmanager
def mailbox(session: Session, name: str) -> Iterator[tuple[MailAccount, IMAPClient]]:
    """The team mailbox `name`, connected (and closed afterwards)."""
    from inbox.accounts import mail_account_of
    from inbox.channels import imap
    from inbox.sync import secret_for

    account = mail_account_of(session, name)
    client = imap.connect(account, secret_for(session, account))  # type: ignore[arg-type]
    try:
        yield account, client
    finally:
        imap.close(client)


def _team_key(session: Session) -> bytes:
    key = keys.team_key(session.store)
    if key is None:
        raise LoketError(NO_KEY)
    return key


def sync_team(session: Session, account: MailAccount, secret: str) -> PassReport | None:
    """The team pass after the mail pass, when `account` is the team mailbox. Never raises:
    an error is recorded (team status shows it) so the mail pass' result still counts."""
    if team_account(session) != account.name:
        return None
    from inbox.channels import imap
    from inbox.teamsync import presence

    try:
        key = _team_key(session)
        client = imap.connect(account, secret)
        try:
            report = engine.sync_pass(session, ImapFolder(client, EVENTS), key)
            presence.fetch(session, ImapFolder(client, PRESENCE), key)
        finally:
            imap.close(client)
        return report
    except Exception as exc:  # noqa: BLE001 - recorded and logged, the mail pass stands
        log.warning("team sync failed: %s", type(exc).__name__)
        message = str(exc) if isinstance(exc, LoketError) else type(exc).__name__
        try:
            with session.op(acts.TEAM_SYNC) as op:
                op.store.team.save_error(EVENTS, message, clock.iso(session.now()))
        except Exception:  # noqa: BLE001
            log.exception("could not record a team sync error")
        report = PassReport()
        report.errors.append(message)
        return report


def announce_activity(session: Session, reference: str, activity: str) -> bool:
    """Tell the team what this user is doing with a case ("replying"); False outside a team.

    Connects to the team mailbox itself, so call it off the GUI thread.
    """
    name = team_account(session)
    if name is None:
        return False
    from inbox.teamsync import presence

    with mailbox(session, name) as (_account, client):
        presence.announce(session, ImapFolder(client, PRESENCE), reference, activity,
                          _team_key(session))
    return True

"""The team folders of the shared mailbox: `Loket/Events` (and `Loket/Presence`) over IMAP.

Read by UID like the INBOX (BODY.PEEK[], never marking anything), appended to with APPEND;
with UIDPLUS the server names the new UID (APPENDUID). Nothing here changes or deletes events.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from inbox import clock
from inbox.teamsync import apply, engine
from inbox.teamsync.engine import FETCH_CHUNK, FolderInfo, PassReport

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from inbox.accounts import MailAccount
    from inbox.services import Loket

log = logging.getLogger("loket.teamsync")

ROOT = "Loket"
EVENTS = "Events"
PRESENCE = "Presence"

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
        """Only for a laptop's own expired presence messages."""
        if not uids:
            return
        self.client.select_folder(self.name)
        self.client.delete_messages(uids)
        if self.uidplus:
            self.client.uid_expunge(uids)


def team_account(loket: Loket) -> str | None:
    return apply.setting(loket.db, "account")


def sync_team(loket: Loket, account: MailAccount, secret: str) -> PassReport | None:
    """The team pass after the mail pass, when `account` is the team mailbox. Never raises:
    an error is recorded (team status shows it) so the mail pass' result still counts."""
    if team_account(loket) != account.name:
        return None
    from inbox.channels import imap
    from inbox.teamsync import presence, setup

    try:
        key = setup.load_key(loket)
        client = imap.connect(account, secret)
        try:
            report = engine.sync_pass(loket, ImapFolder(client, EVENTS), key)
            presence.fetch(loket, ImapFolder(client, PRESENCE), key)
        finally:
            imap.close(client)
        return report
    except Exception as exc:  # noqa: BLE001 - recorded and logged, the mail pass stands
        log.warning("team sync failed: %s", type(exc).__name__)
        message = str(exc) if isinstance(exc, imap.MailServerError) else type(exc).__name__
        try:
            with loket.db.transaction():
                loket.db.conn.execute(
                    "INSERT INTO team_cursors(folder, last_error, last_sync_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(folder) DO UPDATE SET last_error = excluded.last_error",
                    (EVENTS, message, clock.iso(loket.now())),
                )
        except Exception:  # noqa: BLE001
            log.exception("could not record a team sync error")
        report = PassReport()
        report.errors.append(message)
        return report


def announce_activity(loket: Loket, reference: str, activity: str) -> bool:
    """Tell the team what this user is doing with a case ("replying"); False outside a team.

    Connects to the team mailbox itself, so call it off the GUI thread.
    """
    name = team_account(loket)
    if name is None:
        return False
    from inbox.accounts import Accounts
    from inbox.channels import imap
    from inbox.sync import secret_for
    from inbox.teamsync import presence, setup

    account = Accounts(loket).mail_account(name)
    client = imap.connect(account, secret_for(loket, account))
    try:
        presence.announce(loket, ImapFolder(client, PRESENCE), reference, activity,
                          setup.load_key(loket))
    finally:
        imap.close(client)
    return True

"""IMAP: connecting safely and fetching new mail without ever losing or duplicating a message.

Per account and folder we keep UIDVALIDITY and the last UID stored (sync_state). New mail is
fetched with BODY.PEEK[] (so it is never marked as read, and mail another client already read is
still fetched) in batches; each batch is stored in one transaction together with the new last
UID, after its original bytes were written to the blob store. A crash at any point therefore
loses nothing (the batch is fetched again) and duplicates nothing (the transaction either
happened or did not, and identical bytes are a duplicate anyway). A changed UIDVALIDITY makes us
walk the whole folder again, matching stored messages by their bytes. With CONDSTORE the
folder's HIGHESTMODSEQ lets a pass that finds nothing new end after one SELECT. Mail on the
server is never changed, unless the account moves handled mail to a folder (MOVE, or
COPY + UID EXPUNGE with UIDPLUS).
"""

from __future__ import annotations

import imaplib
import logging
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from imapclient import IMAPClient
from imapclient import exceptions as imap_errors

from inbox import clock
from inbox.accounts import Auth, MailAccount, Security
from inbox.channels.mailparse import parse_email
from inbox.errors import LoketError
from inbox.model import IncomingMessage
from inbox.services import Loket
from storage.records import Records

log = logging.getLogger("loket.imap")

BATCH = 200  # messages per fetch and per transaction, at most
BATCH_BYTES = 32 * 1024 * 1024  # ... and at most this much mail in memory at once
TIMEOUT = 30.0


class MailServerError(LoketError):
    """A connection or login problem, explained in Dutch."""


class SyncCancelled(LoketError):
    pass


Progress = Callable[[str, int, int], None]  # folder, done, total


@dataclass
class FolderReport:
    fetched: int = 0
    duplicates: int = 0
    resynced: bool = False
    unchanged: bool = False


@dataclass
class SyncReport:
    account: str
    folders: dict[str, FolderReport] = field(default_factory=dict)
    moved: int = 0

    @property
    def fetched(self) -> int:
        return sum(f.fetched for f in self.folders.values())

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.folders.values())


def tls_context(account: MailAccount) -> ssl.SSLContext:
    """Certificates are always checked; a private CA can be named in the account."""
    return ssl.create_default_context(cafile=account.ca_file or None)


def explain(exc: BaseException, host: str, port: int) -> MailServerError:
    """One Dutch sentence for a connection or login failure."""
    if isinstance(exc, MailServerError):
        return exc
    if isinstance(exc, socket.gaierror):
        return MailServerError(f"Server '{host}' is niet gevonden. Controleer de servernaam.")
    if isinstance(exc, ConnectionRefusedError):
        return MailServerError(f"Server {host} weigert de verbinding op poort {port}.")
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = exc.verify_message or "onbekende reden"
        return MailServerError(
            f"Het certificaat van {host} is niet te vertrouwen ({reason}). "
            "Er is geen verbinding gemaakt."
        )
    if isinstance(exc, ssl.SSLError):
        return MailServerError(
            f"Beveiligde verbinding met {host}:{port} mislukt. Klopt de poort bij de gekozen "
            "beveiliging (SSL of STARTTLS)?"
        )
    if isinstance(exc, imap_errors.LoginError):
        return MailServerError("Inloggen geweigerd: gebruikersnaam of wachtwoord klopt niet.")
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailServerError(f"Server {host} reageert niet (time-out).")
    if isinstance(exc, ConnectionError | imaplib.IMAP4.abort | imap_errors.IMAPClientAbortError):
        return MailServerError(f"De verbinding met {host} is verbroken.")
    if isinstance(exc, imap_errors.CapabilityError):
        return MailServerError(f"Server {host} ondersteunt dit niet: {exc}")
    if isinstance(exc, imaplib.IMAP4.error):
        return MailServerError(f"Server {host} gaf een fout: {_short(exc)}")
    if isinstance(exc, OSError):
        return MailServerError(f"Geen verbinding met {host}: {exc.strerror or type(exc).__name__}.")
    return MailServerError(f"Onverwachte fout bij {host}: {type(exc).__name__}.")


def _short(exc: BaseException) -> str:
    text = str(exc)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return text[:200]


def connect(account: MailAccount, secret: str) -> IMAPClient:
    """An authenticated client; `secret` is the password or an OAuth2 access token."""
    host, port = account.host, account.port
    try:
        if account.security is Security.SSL:
            client = IMAPClient(
                host, port, ssl=True, ssl_context=tls_context(account), timeout=TIMEOUT
            )
        else:
            client = IMAPClient(host, port, ssl=False, timeout=TIMEOUT)
            if account.security is Security.STARTTLS:
                client.starttls(tls_context(account))
        try:
            if account.auth is Auth.OAUTH2:
                caps = client.capabilities()
                if b"AUTH=XOAUTH2" not in caps and b"AUTH=OAUTHBEARER" in caps:
                    client.oauthbearer_login(account.username, secret)
                else:
                    client.oauth2_login(account.username, secret)
            else:
                client.login(account.username, secret)
        except BaseException:
            close(client)
            raise
    except imap_errors.LoginError as exc:
        if account.auth is Auth.OAUTH2:
            raise MailServerError(
                "Inloggen geweigerd: de aanmelding is niet (meer) geldig; meld opnieuw aan."
            ) from exc
        raise explain(exc, host, port) from exc
    except Exception as exc:  # noqa: BLE001 - every failure becomes one Dutch sentence
        raise explain(exc, host, port) from exc
    return client


def close(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - the connection may already be gone
        try:
            client.shutdown()
        except Exception:  # noqa: BLE001
            pass


def test_connection(account: MailAccount, secret: str) -> str:
    """ "Verbinding testen": log in, check every folder, and say what was found."""
    client = connect(account, secret)
    try:
        found = []
        for folder in account.folders:
            try:
                info = client.select_folder(folder, readonly=True)
            except imaplib.IMAP4.error as exc:
                raise MailServerError(f"Map '{folder}' bestaat niet op de server.") from exc
            found.append(f"{folder}: {int(info.get(b'EXISTS', 0))} berichten")
        return "Verbinding gelukt. " + "; ".join(found)
    except MailServerError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise explain(exc, account.host, account.port) from exc
    finally:
        close(client)


def sync_account(
    loket: Loket,
    account: MailAccount,
    secret: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """One pass over every folder of `account`; state is saved batch by batch."""
    report = SyncReport(account.name)
    folder = ""
    try:
        client = connect(account, secret)
        try:
            _enable_condstore(client)
            for folder in account.folders:
                report.folders[folder] = sync_folder(
                    loket, client, account, folder, progress, cancelled
                )
            if account.move_handled_to:
                report.moved = move_handled(loket, client, account)
        finally:
            close(client)
    except SyncCancelled:
        raise
    except LoketError as exc:
        _record_error(loket, account, folder or account.folders[0], str(exc))
        raise
    except Exception as exc:  # noqa: BLE001
        error = explain(exc, account.host, account.port)
        _record_error(loket, account, folder or account.folders[0], str(error))
        raise error from exc
    return report


def _enable_condstore(client: IMAPClient) -> None:
    caps = client.capabilities()
    if b"ENABLE" in caps:
        wanted = [c for c in ("QRESYNC", "CONDSTORE") if c.encode() in caps]
        if wanted:
            client.enable(*wanted)


def sync_folder(
    loket: Loket,
    client: IMAPClient,
    account: MailAccount,
    folder: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FolderReport:
    report = FolderReport()
    try:
        info = client.select_folder(folder, readonly=True)
    except imaplib.IMAP4.error as exc:
        raise MailServerError(f"Map '{folder}' bestaat niet op de server.") from exc
    uidvalidity = int(info[b"UIDVALIDITY"])
    uidnext = int(info.get(b"UIDNEXT", 0)) or None
    modseq = info.get(b"HIGHESTMODSEQ")
    highestmodseq = int(modseq) if modseq is not None else None
    state = _state(loket, account.id, folder)
    if state is not None and state["uidvalidity"] == uidvalidity:
        last_uid = int(state["last_uid"])
        if (highestmodseq is not None and state["highestmodseq"] == highestmodseq) or (
            uidnext is not None and uidnext <= last_uid + 1
        ):
            report.unchanged = True
            _save_state(loket, account.id, folder, uidvalidity, last_uid, highestmodseq)
            return report
        uids = [u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid]
    else:
        if state is not None:
            log.warning("UIDVALIDITY of a folder of account %s changed: resync", account.id)
            report.resynced = True
        last_uid = 0
        uids = list(client.search(["ALL"]))
    uids.sort()
    total = len(uids)
    done = 0
    if progress is not None and total:
        progress(folder, 0, total)
    for batch in _batches(client, uids):
        if cancelled is not None and cancelled():
            raise SyncCancelled("Ophalen afgebroken; wat al binnen was, is bewaard.")
        fetched = client.fetch(batch, ["BODY.PEEK[]"])
        # the original bytes are durable before the batch is filed
        present = [
            (uid, bytes(fetched[uid][b"BODY[]"]))
            for uid in batch
            if fetched.get(uid, {}).get(b"BODY[]") is not None  # else expunged meanwhile
        ]
        digests = loket.store_originals([raw for _, raw in present])
        # parse before the transaction, and make the batch's attachments durable in one go too
        items = [
            (
                uid,
                digest,
                None
                if loket.is_duplicate(digest)
                else _parse(loket, account, folder, uidvalidity, uid, raw, digest),
            )
            for (uid, raw), digest in zip(present, digests, strict=True)
        ]
        loket.blobs.put_many([a.data for _, _, m in items if m for a in m.attachments])
        with loket.db.transaction():
            for uid, digest, message in items:
                if _file(loket, account, folder, uidvalidity, uid, digest, message):
                    report.fetched += 1
                else:
                    report.duplicates += 1
            last_uid = max(last_uid, batch[-1])
            _save_state(loket, account.id, folder, uidvalidity, last_uid, None)
        done += len(batch)
        if progress is not None:
            progress(folder, done, total)
    _save_state(loket, account.id, folder, uidvalidity, last_uid, highestmodseq)
    return report


def _batches(client: IMAPClient, uids: list[int]) -> Iterator[list[int]]:
    """UIDs in fetch batches of at most BATCH messages and BATCH_BYTES (sizes asked first)."""
    for start in range(0, len(uids), 1000):
        chunk = uids[start : start + 1000]
        sizes = client.fetch(chunk, ["RFC822.SIZE"])
        batch: list[int] = []
        size = 0
        for uid in chunk:
            need = int(sizes.get(uid, {}).get(b"RFC822.SIZE", 0))
            if batch and (len(batch) >= BATCH or size + need > BATCH_BYTES):
                yield batch
                batch, size = [], 0
            batch.append(uid)
            size += need
        if batch:
            yield batch


def _parse(
    loket: Loket,
    account: MailAccount,
    folder: str,
    uidvalidity: int,
    uid: int,
    raw: bytes,
    digest: str,
) -> IncomingMessage:
    message = parse_email(raw, digest, received_at=loket.now())
    return replace(
        message,
        account_id=account.id,
        imap_folder=folder,
        imap_uidvalidity=uidvalidity,
        imap_uid=uid,
    )


def _file(
    loket: Loket,
    account: MailAccount,
    folder: str,
    uidvalidity: int,
    uid: int,
    digest: str,
    message: IncomingMessage | None,
) -> bool:
    """File one fetched message; False when it was already stored (identical bytes)."""
    existing = Records(loket.db).message_exists(digest)
    if existing is not None or message is None:
        # the same message seen again (a resync after UIDVALIDITY changed): refresh where it is
        loket.db.conn.execute(
            "UPDATE messages SET imap_uidvalidity = ?, imap_uid = ? WHERE id = ? "
            "AND account_id = ? AND imap_folder = ?",
            (uidvalidity, uid, existing, account.id, folder),
        )
        return False
    return not loket.receive(message).duplicate


def _state(loket: Loket, account_id: int, folder: str) -> Any:
    return loket.db.one(
        "SELECT * FROM sync_state WHERE account_id = ? AND folder = ?", (account_id, folder)
    )


def _save_state(
    loket: Loket,
    account_id: int,
    folder: str,
    uidvalidity: int,
    last_uid: int,
    highestmodseq: int | None,
) -> None:
    with loket.db.transaction():
        loket.db.conn.execute(
            "INSERT INTO sync_state(account_id, folder, uidvalidity, last_uid, highestmodseq, "
            "last_sync_at, last_error) VALUES (?, ?, ?, ?, ?, ?, NULL) "
            "ON CONFLICT(account_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
            "last_uid = excluded.last_uid, highestmodseq = excluded.highestmodseq, "
            "last_sync_at = excluded.last_sync_at, last_error = NULL",
            (account_id, folder, uidvalidity, last_uid, highestmodseq, clock.iso(loket.now())),
        )


def _record_error(loket: Loket, account: MailAccount, folder: str, error: str) -> None:
    try:
        with loket.db.transaction():
            loket.db.conn.execute(
                "INSERT INTO sync_state(account_id, folder, last_error) VALUES (?, ?, ?) "
                "ON CONFLICT(account_id, folder) DO UPDATE SET last_error = excluded.last_error",
                (account.id, folder, error),
            )
    except Exception:  # noqa: BLE001 - reporting the error must not hide it
        log.exception("could not record a sync error")


def move_handled(loket: Loket, client: IMAPClient, account: MailAccount) -> int:
    """Move the server copies of mail in closed cases to the account's 'handled' folder."""
    target = account.move_handled_to
    rows = loket.db.query(
        "SELECT m.id, m.imap_folder, m.imap_uidvalidity, m.imap_uid FROM messages m "
        "JOIN cases c ON c.id = m.case_id WHERE c.status = 'afgerond' AND m.account_id = ? "
        "AND m.imap_uid IS NOT NULL AND m.imap_folder != ? ORDER BY m.imap_folder, m.imap_uid",
        (account.id, target),
    )
    if not rows:
        return 0
    caps = client.capabilities()
    if b"MOVE" not in caps and b"UIDPLUS" not in caps:
        raise MailServerError(
            "De server kan berichten niet veilig verplaatsen (geen MOVE of UIDPLUS); "
            "zet 'afgehandelde mail verplaatsen' uit."
        )
    if not client.folder_exists(target):
        client.create_folder(target)
    moved = 0
    by_folder: dict[str, list[Any]] = {}
    for row in rows:
        by_folder.setdefault(row["imap_folder"], []).append(row)
    for folder, items in by_folder.items():
        info = client.select_folder(folder)
        if int(info[b"UIDVALIDITY"]) != items[0]["imap_uidvalidity"]:
            continue  # the folder was rebuilt: the next sync refreshes the UIDs first
        uids = [int(r["imap_uid"]) for r in items]
        if b"MOVE" in caps:
            client.move(uids, target)
        else:
            client.copy(uids, target)
            client.delete_messages(uids)
            client.uid_expunge(uids)
        with loket.db.transaction():
            for r in items:
                loket.db.conn.execute(
                    "UPDATE messages SET imap_folder = ?, imap_uid = NULL, imap_uidvalidity = NULL "
                    "WHERE id = ?",
                    (target, r["id"]),
                )
                loket.db.conn.execute(
                    "INSERT INTO imap_actions(account_id, message_row_id, action, target, "
                    "created_at, done_at) VALUES (?, ?, 'move', ?, ?, ?)",
                    (account.id, r["id"], target, clock.iso(loket.now()), clock.iso(loket.now())),
                )
        moved += len(items)
    return moved

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

A UID the server leaves out of a FETCH is asked after with UID SEARCH: only a UID the server
confirms gone is passed; one it still has holds the position just before it, so the next pass
fetches it again (the UIDs after it already stored are not fetched twice). Each batch is
parsed in worker processes (inbox.channels.parsing) while the previous one is written, and
filed with a few statements per message (inbox.channels.filing); small originals go into the
encrypted database in the batch's transaction. Everything goes through the gate: a pass is the
act mail.sync, its filing message.receive.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import logging
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from imapclient import IMAPClient
from imapclient import exceptions as imap_errors

from inbox import acts
from inbox.accounts import Auth, MailAccount, Security
from inbox.channels import filing
from inbox.channels.network import tls_reason
from inbox.channels.parsing import Parser, Pending
from inbox.errors import LoketError, PermissionDenied
from inbox.model import Channel, IncomingMessage
from inbox.services import Loket
from storage.errors import StorageError

if TYPE_CHECKING:
    from inbox.gate import Op

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
        reason = tls_reason(exc)
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
    if isinstance(exc, imap_errors.ProtocolError) or (
        isinstance(exc, imaplib.IMAP4.abort) and "socket error" not in str(exc)
    ):
        return MailServerError(
            f"Server {host} stuurde een antwoord dat Loket niet begrijpt; wat al binnen was, "
            "is bewaard en het volgende ophalen probeert het opnieuw."
        )
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


def test_connection(loket: Loket, account: MailAccount, secret: str | None = None) -> str:
    """ "Verbinding testen" (act account.test): log in, check every folder, say what was found.
    Without `secret` the account's stored password or OAuth token is used."""
    with loket.op(acts.ACCOUNT_TEST, obj=f"account:{account.name}"):
        if secret is None:
            from inbox.sync import secret_for

            secret = secret_for(loket, account)
        return _test(account, secret)


def _test(account: MailAccount, secret: str) -> str:
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
    """One pass over every folder of `account` (act mail.sync); state is saved batch by batch."""
    loket.check(acts.MAIL_SYNC, f"account:{account.name}")
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
    except (SyncCancelled, PermissionDenied):
        raise
    except (LoketError, StorageError) as exc:
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


@dataclass
class _Folder:
    """One folder's pass: where it stands and what it has done."""

    loket: Loket
    account: MailAccount
    name: str
    uidvalidity: int
    last_uid: int  # everything up to here is stored (or confirmed gone)
    report: FolderReport
    held: int | None = None  # the lowest UID the server still has but did not serve

    def position(self, upto: int) -> int:
        """How far the position may move after storing batches up to `upto`."""
        return upto if self.held is None else min(upto, self.held - 1)

    def save(self, position: int, highestmodseq: int | None) -> None:
        with self.loket.op(acts.MAIL_SYNC, obj=f"account:{self.account.name}") as op:
            self._save(op, position, highestmodseq)

    def _save(self, op: Any, position: int, highestmodseq: int | None) -> None:
        self.last_uid = max(self.last_uid, position)
        op.store.mail.save_sync_state(self.account.id, self.name, self.uidvalidity,
                                      self.last_uid, highestmodseq, op.stamp())


@dataclass
class _Batch:
    uids: list[int]
    digests: dict[int, str]  # uid -> digest of what the server served
    originals: dict[str, bytes]
    known: set[str]  # digests already stored (the message is not parsed again)
    parsed: Pending


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
    mail = loket.store.mail
    state = mail.sync_state(account.id, folder)
    if state is not None and state["uidvalidity"] == uidvalidity:
        last_uid = int(state["last_uid"])
        here = _Folder(loket, account, folder, uidvalidity, last_uid, report)
        if (highestmodseq is not None and state["highestmodseq"] == highestmodseq) or (
            uidnext is not None and uidnext <= last_uid + 1
        ):
            report.unchanged = True
            here.save(last_uid, highestmodseq)
            return report
        stored = mail.stored_uids(account.id, folder, uidvalidity, last_uid)  # after a gap
        uids = [u for u in client.search(["UID", f"{last_uid + 1}:*"])
                if u > last_uid and u not in stored]
        last = max(stored, default=last_uid)
    else:
        if state is not None:
            log.warning("UIDVALIDITY of a folder of account %s changed: resync", account.id)
            report.resynced = True
        here = _Folder(loket, account, folder, uidvalidity, 0, report)
        uids = list(client.search(["ALL"]))
        last = 0
    uids.sort()
    total = len(uids)
    if progress is not None and total:
        progress(folder, 0, total)
    parser = Parser(total)
    done = 0
    waiting: _Batch | None = None
    with contextlib.ExitStack() as stack:
        stack.callback(parser.close)
        if total > BATCH:
            stack.enter_context(mail.bulk())
        for uids_of_batch in _batches(client, uids):
            if cancelled is not None and cancelled():
                raise SyncCancelled("Ophalen afgebroken; wat al binnen was, is bewaard.")
            try:
                batch = _fetch(here, client, uids_of_batch, parser)
            except BaseException:
                if waiting is not None:  # what was fetched whole is kept
                    _write(here, waiting)
                raise
            if waiting is not None:  # the previous batch is written while this one parses
                done += _write(here, waiting)
                if progress is not None:
                    progress(folder, done, total)
            waiting = batch
        if waiting is not None:
            done += _write(here, waiting)
            if progress is not None:
                progress(folder, done, total)
    end = max(last, uids[-1] if uids else 0)
    here.save(here.position(end), highestmodseq if here.held is None else None)
    return report


def _fetch(here: _Folder, client: IMAPClient, uids: list[int], parser: Parser) -> _Batch:
    """FETCH a batch; ask after what the server left out; start parsing what is new."""
    fetched = client.fetch(uids, ["BODY.PEEK[]"])
    served = {
        uid: bytes(fetched[uid][b"BODY[]"])
        for uid in uids
        if fetched.get(uid, {}).get(b"BODY[]") is not None
    }
    missing = [uid for uid in uids if uid not in served]
    if missing:
        still = set(client.search(["UID", ",".join(map(str, missing))])) & set(missing)
        if still:  # not served, but not gone either: fetched again next pass
            log.warning("%d message(s) not served by the server; kept for the next pass",
                        len(still))
            here.held = min(still) if here.held is None else min(here.held, *still)
    digests = {uid: hashlib.sha256(raw).hexdigest() for uid, raw in served.items()}
    known = set(here.loket.store.mail.known_digests(list(digests.values())))
    fresh = {digests[uid]: raw for uid, raw in served.items() if digests[uid] not in known}
    parsed = parser.parse(list(fresh.items()), here.loket.now(),
                          here.loket.store.records.message_phone_terms)
    return _Batch(sorted(served), digests, fresh, known, parsed)


def file_fetched(loket: Loket, op: Op, account: MailAccount, messages: list[IncomingMessage],
                 originals: dict[str, bytes]) -> list[filing.Filed]:
    """File mail fetched from `account` (inside `op`) and queue the automatic replies it calls
    for outside office hours (inbox/autoreply.py)."""
    from inbox import autoreply

    filed = filing.file_batch(loket, op, messages, originals)
    autoreply.answer(loket, account, messages,
                     [None if f.message_id is None or f.internal else f.case_id for f in filed])
    return filed


def _write(here: _Folder, batch: _Batch) -> int:
    """File one fetched batch and move the position, in one transaction; how many it held."""
    loket, account = here.loket, here.account
    by_digest = {m.raw_sha256: m for m in batch.parsed.result()}
    messages = []
    for uid in batch.uids:
        digest = batch.digests[uid]
        found = by_digest.get(digest)
        if found is None:  # already stored: only where it is now is news
            found = IncomingMessage(channel=Channel.EMAIL, sent_at=loket.now(),
                                    raw_sha256=digest)
        messages.append(replace(found, account_id=account.id, imap_folder=here.name,
                                imap_uidvalidity=here.uidvalidity, imap_uid=uid))
    with loket.op(acts.MAIL_SYNC, obj=f"account:{account.name}") as op:
        for item in file_fetched(loket, op, account, messages, batch.originals):
            if item.message_id is None:
                here.report.duplicates += 1
            else:
                here.report.fetched += 1
        if batch.uids:
            here._save(op, here.position(batch.uids[-1]), None)
    return len(batch.uids)


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


def _record_error(loket: Loket, account: MailAccount, folder: str, error: str) -> None:
    try:
        with loket.op(acts.MAIL_SYNC, obj=f"account:{account.name}") as op:
            op.store.mail.record_sync_error(account.id, folder, error)
    except Exception:  # noqa: BLE001 - reporting the error must not hide it
        log.exception("could not record a sync error")


def move_handled(loket: Loket, client: IMAPClient, account: MailAccount) -> int:
    """Move the server copies of mail in closed cases to the account's 'handled' folder."""
    target = account.move_handled_to
    rows = loket.store.mail.handled_messages(account.id, target)
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
        with loket.op(acts.MAIL_SYNC, obj=f"account:{account.name}") as op:
            op.store.mail.mark_moved(account.id, [int(r["id"]) for r in items], target,
                                     op.stamp())
        moved += len(items)
    return moved

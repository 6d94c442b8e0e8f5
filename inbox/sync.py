"""Fetching and sending on a schedule: one APScheduler job per mail account, off the GUI thread.

Each run opens its own database connection (SQLite in WAL mode lets it write beside the UI's),
fetches new mail, then delivers the outbox. What happens is reported as SyncEvents through one
callback, which the desktop hands to its GUI thread; nothing here knows about Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from inbox.accounts import Accounts, Auth, MailAccount
from inbox.errors import LoketError, NotFound, StorageError
from inbox.gate import SYSTEM_USER
from inbox.services import Loket

log = logging.getLogger("loket.sync")


@dataclass(frozen=True)
class SyncEvent:
    """kind: 'started', 'progress', 'done' or 'error'."""

    kind: str
    account: str
    folder: str = ""
    done: int = 0
    total: int = 0
    fetched: int = 0
    sent: int = 0
    message: str = ""
    at: datetime = field(default_factory=lambda: datetime.now().astimezone())


def secret_for(loket: Loket, account: MailAccount, kind: str = "imap") -> str:
    """The password, or a fresh OAuth2 access token, for `account` (from the keyring)."""
    accounts = Accounts(loket)
    if account.auth is Auth.OAUTH2:
        from inbox import oauth

        return oauth.access_token(loket, account)
    secret = accounts.secrets.get(account.name, "password")
    if not secret:
        raise LoketError(
            f"Geen wachtwoord bekend voor account '{account.name}'; vul het opnieuw in."
        )
    return secret


def guarded(
    account: str, emit: Callable[[SyncEvent], None], work: Callable[[], SyncEvent]
) -> SyncEvent:
    """Run one account's job: 'started' first, then its final event, whatever happens.

    A scheduled job must never die silently: a LoketError becomes an 'error' event with its
    Dutch sentence, anything else an 'error' event naming the exception type (details logged).
    """
    emit(SyncEvent("started", account))
    try:
        event = work()
    except (LoketError, StorageError) as exc:
        event = SyncEvent("error", account, message=str(exc))
    except Exception as exc:  # noqa: BLE001
        log.exception("sync of an account failed")
        event = SyncEvent("error", account, message=f"Onverwachte fout ({type(exc).__name__}).")
    emit(event)
    return event


def run_account(
    loket: Loket,
    account: MailAccount,
    emit: Callable[[SyncEvent], None] = lambda e: None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncEvent:
    """Fetch then send for one account; returns (and emits) the final event."""
    from inbox.channels import imap, smtp

    def work() -> SyncEvent:
        secret = secret_for(loket, account)
        report = imap.sync_account(
            loket,
            account,
            secret,
            progress=lambda folder, done, total: emit(
                SyncEvent("progress", account.name, folder, done, total)
            ),
            cancelled=cancelled,
        )
        from inbox.teamsync.imapstore import sync_team

        sync_team(loket, account, secret)  # team events, when this is the team mailbox
        sent = 0
        if account.smtp_host:
            delivery = smtp.deliver_outbox(loket, account, smtp_secret=secret, imap_secret=secret)
            sent = delivery.sent
            if delivery.errors:
                return SyncEvent(
                    "error",
                    account.name,
                    fetched=report.fetched,
                    sent=sent,
                    message=delivery.errors[0],
                )
        return SyncEvent("done", account.name, fetched=report.fetched, sent=sent)

    return guarded(account.name, emit, work)


def sync_once(
    loket: Loket,
    account_name: str | None = None,
    emit: Callable[[SyncEvent], None] = lambda e: None,
) -> list[SyncEvent]:
    """One pass over all (or one) accounts, e-mail and Mastodon: what `loket sync` does."""
    return [job(loket, emit) for job in _jobs(loket, account_name).values()]


def _jobs(
    loket: Loket, account_name: str | None = None
) -> dict[str, Callable[[Loket, Callable[[SyncEvent], None]], SyncEvent]]:
    """One runnable job per enabled account, keyed 'mail:NAME' or 'mastodon:NAME'."""
    from inbox.channels import mastodon

    jobs: dict[str, Callable[[Loket, Callable[[SyncEvent], None]], SyncEvent]] = {}
    for mail in Accounts(loket).mail_accounts():
        jobs[f"mail:{mail.name}"] = partial(_run_mail, mail)
    for social in mastodon.mastodon_accounts(loket):
        jobs[f"mastodon:{social.name}"] = partial(_run_mastodon, social)
    if account_name is not None:
        chosen = {k: v for k, v in jobs.items() if k.split(":", 1)[1] == account_name}
        if not chosen:
            raise NotFound(f"Er is geen account '{account_name}'.")
        return chosen
    return jobs


def _run_mail(account: MailAccount, loket: Loket, emit: Callable[[SyncEvent], None]) -> SyncEvent:
    return run_account(loket, account, emit)


def _run_mastodon(account: Any, loket: Loket, emit: Callable[[SyncEvent], None]) -> SyncEvent:
    from inbox.channels import mastodon

    event: SyncEvent = mastodon.run_mastodon_account(loket, account, emit)
    return event


def _interval(loket: Loket, job_id: str) -> float:
    from inbox.channels import mastodon

    kind, name = job_id.split(":", 1)
    if kind == "mail":
        return Accounts(loket).mail_account(name).interval_minutes
    return mastodon.mastodon_account(loket, name).interval_minutes


class SyncScheduler:
    """A background job per account; `sync_now` runs one at once ("Nu ophalen").

    The jobs act as the system identity, whose narrow grants (fetch and file mail, send the
    outbox) are exactly what they do, whoever is signed in to the window."""

    def __init__(
        self, db_path: Path, emit: Callable[[SyncEvent], None], user: str = SYSTEM_USER
    ) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler

        self.db_path = db_path
        self.emit = emit
        self.user = user
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._running: set[str] = set()  # jobs in a pass now
        self._again: set[str] = set()  # "Nu ophalen" asked while that pass ran: one more
        self.scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1})

    def start(self) -> None:
        self.reload()
        self.scheduler.start()

    def reload(self) -> None:
        """Match the jobs to the accounts in the database (after an account was added)."""
        loket = Loket.open(self.db_path, user=self.user)
        try:
            wanted = {job_id: _interval(loket, job_id) for job_id in _jobs(loket)}
        finally:
            loket.close()
        for job in self.scheduler.get_jobs():
            if job.id not in wanted:
                job.remove()
        for job_id, minutes in wanted.items():
            self.scheduler.add_job(
                self._run,
                "interval",
                minutes=minutes,
                id=job_id,
                args=[job_id],
                replace_existing=True,
                next_run_time=datetime.now().astimezone(),
            )

    def sync_now(self, account_name: str | None = None) -> None:
        """Run the account's job now; one in a pass makes one more pass when it ends (the
        scheduler would skip a second instance, and new mail or a reply would wait)."""
        now = datetime.now().astimezone()
        for job in self.scheduler.get_jobs():
            if account_name is None or job.id.split(":", 1)[1] == account_name:
                with self._lock:
                    if job.id in self._running:
                        self._again.add(job.id)
                        continue
                job.modify(next_run_time=now)

    def shutdown(self) -> None:
        self._stop.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def _run(self, job_id: str) -> None:
        with self._lock:
            self._running.add(job_id)
        try:
            while True:
                with self._lock:
                    self._again.discard(job_id)
                self._pass(job_id)
                with self._lock:
                    if job_id not in self._again or self._stop.is_set():
                        self._running.discard(job_id)
                        return
        except BaseException:
            with self._lock:
                self._running.discard(job_id)
            raise

    def _pass(self, job_id: str) -> None:
        kind, account_name = job_id.split(":", 1)
        loket = Loket.open(self.db_path, user=self.user)
        try:
            if kind == "mail":
                account = Accounts(loket).mail_account(account_name)
                run_account(loket, account, self.emit, cancelled=self._stop.is_set)
            else:
                _jobs(loket, account_name)[job_id](loket, self.emit)
        except (LoketError, StorageError) as exc:
            self.emit(SyncEvent("error", account_name, message=str(exc)))
        finally:
            loket.close()

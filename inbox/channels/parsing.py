"""Parsing fetched mail in worker processes, so the next batch parses while this one is written.

A sync hands each batch's new originals to `Parser.parse` and gets a future back; the workers
(one per core, started from a fork server that imports only the mail parser) turn bytes into
IncomingMessages. Small syncs parse in this process: starting workers costs more than it saves.
A worker that dies or overruns its budget (a parser bug, a crash or an endless loop on hostile
input) costs nothing: the batch is parsed again message by message, and a message that kills
its worker again, or takes longer than PARSE_BUDGET, is kept as its original bytes, flagged.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import datetime
from functools import partial

from inbox.channels.mailparse import parse_email
from inbox.model import Channel, IncomingMessage

log = logging.getLogger("loket.parsing")

POOL_FROM = 400  # new messages in one pass before worker processes pay off
# A message that takes longer than this to parse (a parser bug on hostile input) is kept as
# its original bytes, flagged, and its worker is stopped: a sync never hangs on one mail.
PARSE_BUDGET = 30.0  # seconds for one message alone
BATCH_BUDGET = 60.0  # seconds for a worker's share of a batch, before it is parsed one by one

Item = tuple[str, bytes]  # (digest, original)


# what the search index needs of a message's text (sender, subject, body -> phone terms),
# found beside the parse so that work runs on the worker's core, not in the transaction
Terms = Callable[[str, str, str], tuple[str, ...]]


def parse_chunk(
    items: Sequence[Item], received_at: datetime, terms: Terms | None = None
) -> list[IncomingMessage]:
    """In a worker (or here): parse each original; parse_email never raises for bad input."""
    parsed = [parse_email(raw, digest, received_at=received_at) for digest, raw in items]
    return parsed if terms is None else [_with_terms(m, terms) for m in parsed]


def _work(terms: Terms | None) -> Callable[[Sequence[Item], datetime], list[IncomingMessage]]:
    """What a worker runs for a chunk (picklable: parse_chunk, bound to `terms` by name)."""
    return parse_chunk if terms is None else partial(parse_chunk, terms=terms)


def _with_terms(msg: IncomingMessage, terms: Terms) -> IncomingMessage:
    """`msg` (made storable, as filing stores it) with the phone terms of its index row."""
    msg = msg.storable()
    return replace(msg, phone_terms=terms(msg.sender, msg.subject, msg.body_text))


class Parser:
    """Parses batches; `workers=0` (or a small sync) parses in this process."""

    def __init__(self, expected: int, workers: int | None = None) -> None:
        cores = os.cpu_count() or 1
        self.workers = (cores if workers is None else workers) if expected >= POOL_FROM else 0
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor | None:
        if self.workers and self._pool is None:
            try:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["inbox.channels.mailparse"])
                self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
            except (OSError, ValueError) as exc:  # no processes here: parse in-process
                log.warning("parsing in this process: %s", type(exc).__name__)
                self.workers = 0
        return self._pool

    def parse(
        self, items: Sequence[Item], received_at: datetime, terms: Terms | None = None
    ) -> Pending:
        """Parse `items`; with `terms` (a picklable function) each message also carries the
        phone terms of its search-index row."""
        pool = self._executor()
        if pool is None or not items:
            return Pending(ready=parse_chunk(items, received_at, terms))
        size = -(-len(items) // self.workers)  # one chunk per worker
        work = _work(terms)
        parts = [pool.submit(work, items[i : i + size], received_at)
                 for i in range(0, len(items), size)]
        return Pending(parts=parts, again=lambda: self._one_by_one(items, received_at, terms),
                       budget=BATCH_BUDGET)

    def _one_by_one(
        self, items: Sequence[Item], received_at: datetime, terms: Terms | None = None
    ) -> list[IncomingMessage]:
        """After a worker died or overran: each message alone, in a fresh worker; what kills
        it again or overruns PARSE_BUDGET is kept as its original bytes, flagged."""
        out = []
        pool = self._restart()
        work = _work(terms)
        for digest, raw in items:
            try:
                out.extend(pool.submit(work, [(digest, raw)], received_at)
                           .result(timeout=PARSE_BUDGET))
                continue
            except BrokenProcessPool:
                log.warning("message %s crashed the parser", digest[:12])
                reason = "parser afgebroken"
            except TimeoutError:
                log.warning("message %s took the parser too long", digest[:12])
                reason = "parser te traag"
            out.append(_unparsed(digest, raw, received_at, reason))
            pool = self._restart()
        return out

    def _restart(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            _stop(self._pool)
            self._pool = None
        pool = self._executor()
        assert pool is not None
        return pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down now, stopping a worker that is stuck in a parse (the executor has no
    public way to do that before Python 3.14's terminate_workers)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


class Pending:
    """A batch being parsed; `result()` waits for it (the messages in the order given)."""

    def __init__(
        self,
        ready: list[IncomingMessage] | None = None,
        parts: list[Future[list[IncomingMessage]]] | None = None,
        again: Callable[[], list[IncomingMessage]] | None = None,
        budget: float = BATCH_BUDGET,
    ) -> None:
        self._ready = ready
        self._parts = parts or []
        self._again = again
        self._deadline = time.monotonic() + budget

    def result(self) -> list[IncomingMessage]:
        if self._ready is None:
            try:
                self._ready = [
                    m for part in self._parts
                    for m in part.result(timeout=max(0.0, self._deadline - time.monotonic()))
                ]
            except (BrokenProcessPool, TimeoutError, CancelledError) as exc:
                # (cancelled: submitted to a pool stopped for another batch's sake)
                log.warning("parsing a batch failed (%s); parsing it message by message",
                            type(exc).__name__)
                assert self._again is not None
                self._ready = self._again()
        return self._ready


def _unparsed(digest: str, raw: bytes, received_at: datetime, reason: str) -> IncomingMessage:
    from inbox.channels.filing import as_original  # main process only: workers stay light

    bare = IncomingMessage(channel=Channel.EMAIL, sent_at=received_at, raw_sha256=digest)
    return as_original(bare, raw, reason)

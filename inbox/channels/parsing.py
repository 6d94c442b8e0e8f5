"""Parsing fetched mail in worker processes, so the next batch parses while this one is written.

A sync hands each batch's new originals to `Parser.parse` and gets a future back; the workers
(one per core, started from a fork server that imports only the mail parser) turn bytes into
IncomingMessages. Small syncs parse in this process: starting workers costs more than it saves.
A worker that dies (a parser bug, a crash on hostile input) costs nothing: the batch is parsed
again message by message, and a message that kills its worker again is kept as its original
bytes, flagged.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime

from inbox.channels.mailparse import parse_email
from inbox.model import Channel, IncomingMessage

log = logging.getLogger("loket.parsing")

POOL_FROM = 400  # new messages in one pass before worker processes pay off

Item = tuple[str, bytes]  # (digest, original)


def parse_chunk(items: Sequence[Item], received_at: datetime) -> list[IncomingMessage]:
    """In a worker (or here): parse each original; parse_email never raises for bad input."""
    return [parse_email(raw, digest, received_at=received_at) for digest, raw in items]


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

    def parse(self, items: Sequence[Item], received_at: datetime) -> Pending:
        pool = self._executor()
        if pool is None or not items:
            return Pending(ready=parse_chunk(items, received_at))
        size = -(-len(items) // self.workers)  # one chunk per worker
        parts = [pool.submit(parse_chunk, items[i : i + size], received_at)
                 for i in range(0, len(items), size)]
        return Pending(parts=parts, again=lambda: self._one_by_one(items, received_at))

    def _one_by_one(self, items: Sequence[Item], received_at: datetime) -> list[IncomingMessage]:
        """After a worker died: each message alone, in a fresh worker; what kills it again is
        kept as its original bytes, flagged."""
        out = []
        for digest, raw in items:
            pool = self._restart()
            try:
                out.extend(pool.submit(parse_chunk, [(digest, raw)], received_at).result())
            except BrokenProcessPool:
                log.warning("message %s crashed the parser", digest[:12])
                out.append(_crashed(digest, raw, received_at))
        return out

    def _restart(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        pool = self._executor()
        assert pool is not None
        return pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class Pending:
    """A batch being parsed; `result()` waits for it (the messages in the order given)."""

    def __init__(
        self,
        ready: list[IncomingMessage] | None = None,
        parts: list[Future[list[IncomingMessage]]] | None = None,
        again: Callable[[], list[IncomingMessage]] | None = None,
    ) -> None:
        self._ready = ready
        self._parts = parts or []
        self._again = again

    def result(self) -> list[IncomingMessage]:
        if self._ready is None:
            try:
                self._ready = [m for part in self._parts for m in part.result()]
            except BrokenProcessPool:
                log.warning("a parser process died; parsing the batch message by message")
                assert self._again is not None
                self._ready = self._again()
        return self._ready


def _crashed(digest: str, raw: bytes, received_at: datetime) -> IncomingMessage:
    from inbox.channels.filing import as_original  # main process only: workers stay light

    bare = IncomingMessage(channel=Channel.EMAIL, sent_at=received_at, raw_sha256=digest)
    return as_original(bare, raw, "parser afgebroken")

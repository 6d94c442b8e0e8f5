"""Parsing in worker processes gives what parsing here gives; a dead worker loses nothing."""

from __future__ import annotations

import hashlib
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from typing import Any

import pytest

from inbox.channels import parsing
from inbox.channels.parsing import POOL_FROM, Parser

RAW = [
    b"From: Jan <jan@example.nl>\r\nSubject: Vraag %d\r\nMessage-ID: <p%d@example.nl>\r\n\r\n"
    b"Tekst %d\r\n" % (n, n, n)
    for n in range(6)
] + [b"\xff\xfe geen headers"]
ITEMS = [(hashlib.sha256(r).hexdigest(), r) for r in RAW]
AT = datetime(2026, 11, 2, tzinfo=UTC)


class FakePool:
    """A process pool in this process whose worker meets trouble on one message, every time:
    `error` (a dead worker) or, with None, a parse that never finishes."""

    def __init__(self, trouble: bytes, error: BaseException | None) -> None:
        self.trouble, self.error = trouble, error

    def submit(self, fn: Any, items: list[tuple[str, bytes]], at: datetime) -> Any:
        from concurrent.futures import Future

        done: Future[Any] = Future()
        if not any(raw == self.trouble for _, raw in items):
            done.set_result(fn(items, at))
        elif self.error is not None:
            done.set_exception(self.error)
        return done

    def shutdown(self, **kwargs: Any) -> None:
        pass


def test_a_small_sync_parses_here_a_big_one_in_workers_with_the_same_result() -> None:
    here = Parser(expected=len(ITEMS))
    assert here.workers == 0
    inline = here.parse(ITEMS, AT).result()
    pool = Parser(expected=POOL_FROM, workers=2)
    try:
        assert pool.parse(ITEMS, AT).result() == inline
    finally:
        pool.close()
    assert [m.subject for m in inline[:2]] == ["Vraag 0", "Vraag 1"]
    assert inline[-1].parse_error is not None  # unreadable: flagged, still a message


def test_a_worker_that_dies_costs_only_the_message_that_killed_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parser = Parser(expected=POOL_FROM, workers=2)
    dying = FakePool(RAW[3], BrokenProcessPool("killed"))  # its worker dies on the fourth
    monkeypatch.setattr(parser, "_executor", lambda: dying)
    monkeypatch.setattr(parser, "_restart", lambda: dying)
    out = parser.parse(ITEMS, AT).result()
    assert [m.raw_sha256 for m in out] == [d for d, _ in ITEMS]
    assert [m.parse_error for m in out[:3]] == [None, None, None]
    assert out[3].parse_error == "parser afgebroken" and out[3].subject == "(onleesbaar bericht)"
    assert "Tekst 3" in out[3].body_text  # its original, readable as far as it goes
    assert out[4].subject == "Vraag 4"
    assert parsing.parse_chunk([ITEMS[0]], AT)[0].subject == "Vraag 0"


def test_a_message_that_takes_the_parser_too_long_is_kept_flagged_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An endless parse (hostile HTML, a parser bug) never hangs the sync."""
    monkeypatch.setattr(parsing, "PARSE_BUDGET", 0.2)
    monkeypatch.setattr(parsing, "BATCH_BUDGET", 0.2)
    parser = Parser(expected=POOL_FROM, workers=2)
    stuck = FakePool(RAW[2], None)  # the third message never finishes
    monkeypatch.setattr(parser, "_executor", lambda: stuck)
    monkeypatch.setattr(parser, "_restart", lambda: stuck)
    out = parser.parse(ITEMS, AT).result()
    assert [m.raw_sha256 for m in out] == [d for d, _ in ITEMS]
    assert out[2].parse_error == "parser te traag" and "Tekst 2" in out[2].body_text
    assert [m.subject for m in (out[0], out[1], out[3])] == ["Vraag 0", "Vraag 1", "Vraag 3"]


def test_a_stuck_worker_is_stopped() -> None:
    pool = Parser(expected=POOL_FROM, workers=1)
    executor = pool._executor()
    assert executor is not None
    executor.submit(parsing.parse_chunk, ITEMS[:1], AT).result()
    (process,) = executor._processes.values()
    parsing._stop(executor)
    process.join(10)
    assert not process.is_alive()


def test_workers_find_the_phone_terms_of_the_index_row_as_filing_would() -> None:
    from storage.search_terms import message_phone_terms, phone_terms

    raw = (b"From: Sanne <sanne@example.nl>\r\nSubject: Bel 06-19868609\r\n"
           b"Message-ID: <tel@example.nl>\r\n\r\nOf thuis: +31 20 624 1111.\r\n")
    items = [*ITEMS, (hashlib.sha256(raw).hexdigest(), raw)]
    here = Parser(expected=len(items)).parse(items, AT, message_phone_terms).result()
    pool = Parser(expected=POOL_FROM, workers=2)
    try:
        assert pool.parse(items, AT, message_phone_terms).result() == here
    finally:
        pool.close()
    for m in here:
        assert m.phone_terms == tuple(phone_terms(m.sender, m.subject, m.body_text))
    assert here[-1].phone_terms == ("31619868609", "31206241111")
    assert Parser(expected=1).parse(items, AT).result()[-1].phone_terms is None  # none asked

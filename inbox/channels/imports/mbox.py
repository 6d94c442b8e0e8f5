"""Reading mailbox files (.mbox) message by message, the way the programs that write them mean it.

An mbox is messages each behind a "From " line (the From_ line: sender and date). Writers differ
in how they keep a body line that itself starts with "From " from looking like the next
message:

- mboxo / mboxrd (Thunderbird, mutt, most tools): such a line is written as ">From "; mboxrd
  also quotes ">From " as ">>From ", so one ">" is removed again from every ">...>From " line.
- mboxcl / mboxcl2 (mutt, Solaris mail): a Content-Length header gives the body's exact size,
  so the body ends there whatever lines it holds. mboxcl quotes as mboxo does, mboxcl2 does not;
  a counted body that holds an unquoted "From " line is mboxcl2's and is taken as is, any other
  has its quoting undone.
- Some writers (Gmail Takeout among them) leave such a line unquoted.

So a line starts a new message only when it has the From_ line's shape (a date after the
sender) and the line after it is a header, or when the previous message's Content-Length ends
exactly there. "From now on ..." in a body never splits a message. Reading is streaming: a
message larger than the limit is skipped and reported, never held in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from inbox.channels.imports.guard import ExportError
from inbox.channels.imports.limits import MAX_MESSAGE_BYTES

_DAY = rb"(?:[A-Z][a-z]{2},?\s+)?"
_ASCTIME = (
    rb"[A-Z][a-z]{2}\s+\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[+-]?[A-Za-z0-9]{1,5})?\s+\d{4}"
)
_RFC2822 = rb"\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}"
FROM_LINE = re.compile(rb"From +(?:\S+ +)?" + _DAY + rb"(?:" + _ASCTIME + rb"|" + _RFC2822 + rb")")
HEADER_LINE = re.compile(rb"[!-9;-~]+:")
_QUOTED_FROM = re.compile(rb">+From ")
_CONTENT_LENGTH = re.compile(rb"content-length:\s*(\d{1,12})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class MboxMessage:
    """One message of an mbox: its bytes (without the From_ line), or None when it was larger
    than the limit and skipped."""

    number: int  # 1-based position in the file
    data: bytes | None


def looks_like_mbox(head: bytes) -> bool:
    return head.startswith(b"From ")


def is_separator(line: bytes, following: bytes | None) -> bool:
    """Whether `line` starts a new message, given the line after it."""
    if not FROM_LINE.match(line):
        return False
    return following is None or HEADER_LINE.match(following) is not None


def unquote(line: bytes) -> bytes:
    """mboxrd: one '>' less on a quoted From line."""
    return line[1:] if _QUOTED_FROM.match(line) else line


_LINE_FROM = re.compile(rb"(?m)^From ")
_LINE_QUOTED_FROM = re.compile(rb"(?m)^>(>*From )")


def _counted(body: bytes) -> bytes:
    """A body measured by Content-Length: as is when it holds an unquoted From line (mboxcl2
    does not quote), else with one '>' taken from each quoted From line (mboxcl)."""
    if _LINE_FROM.search(body):
        return body
    return _LINE_QUOTED_FROM.sub(rb"\1", body)


def _strip_separator_blank(data: bytes) -> bytes:
    """The blank line before the next From_ line belongs to the mbox, not to the message."""
    if data.endswith(b"\r\n\r\n"):
        return data[:-2]
    if data.endswith(b"\n\n"):
        return data[:-1]
    return data


class _Reader:
    def __init__(self, fh: IO[bytes], limit: int) -> None:
        self.fh = fh
        self.limit = limit
        self.pending: list[bytes] = []
        start = fh.tell()
        self.end = fh.seek(0, 2)
        fh.seek(start)

    def line(self) -> bytes:
        return self.pending.pop() if self.pending else self.fh.readline()

    def peek(self) -> bytes:
        if not self.pending:
            self.pending.append(self.fh.readline())
        return self.pending[-1]

    def messages(self) -> Iterator[MboxMessage]:
        first = self.line()
        if not first.startswith(b"From "):
            raise ExportError("geen mbox-bestand (het begint niet met 'From ')")
        number = 0
        while True:
            number += 1
            data, next_line = self._message()
            yield MboxMessage(number, data)
            if not next_line:
                return

    def _message(self) -> tuple[bytes | None, bytes]:
        """One message after its From_ line; returns it and the next From_ line (b"" at the
        end of the file)."""
        parts: list[bytes] = []
        size = 0
        length: int | None = None
        while True:  # headers
            line = self.line()
            if not line:
                return self._done(parts, size), b""
            if length is None:
                found = _CONTENT_LENGTH.match(line)
                if found:
                    length = int(found.group(1))
            parts.append(unquote(line))
            size += len(line)
            if line in (b"\n", b"\r\n"):
                break
            if FROM_LINE.match(line) and is_separator(line, self.peek()):
                parts.pop()  # a message without a body, cut short by the next one
                return self._done(parts, size), line
        if length is not None:
            body = self._counted_body(length)
            if body is not None:
                data = b"".join(parts) + _counted(body) if size + length <= self.limit else None
                return data, self._after_counted()
        return self._scanned_body(parts, size)

    def _counted_body(self, length: int) -> bytes | None:
        """mboxcl2: exactly `length` bytes, when the next message (or the end) follows them."""
        if self.pending:
            return None
        start = self.fh.tell()
        if start + length > self.end:
            return None  # the length is wrong: fall back to reading line by line
        body = self.fh.read(min(length, self.limit + 1))
        if length > len(body):
            self.fh.seek(start + length)
        after = self.fh.tell()
        following = self.fh.readline()
        while following in (b"\n", b"\r\n"):
            following = self.fh.readline()
        self.fh.seek(after)
        if following and not is_separator(following, None):
            self.fh.seek(start)
            return None
        return body

    def _after_counted(self) -> bytes:
        line = self.line()
        while line in (b"\n", b"\r\n"):
            line = self.line()
        return line

    def _scanned_body(self, parts: list[bytes], size: int) -> tuple[bytes | None, bytes]:
        while True:
            line = self.line()
            if not line:
                return self._done(parts, size), b""
            if line.startswith(b"From ") and is_separator(line, self.peek() or None):
                return self._done(parts, size), line
            size += len(line)
            if size <= self.limit:
                parts.append(unquote(line))
            elif parts:
                parts = []  # too large: keep counting to the next message, hold nothing

    def _done(self, parts: list[bytes], size: int) -> bytes | None:
        if size > self.limit:
            return None
        return _strip_separator_blank(b"".join(parts))


def iter_messages(fh: IO[bytes], limit: int = MAX_MESSAGE_BYTES) -> Iterator[MboxMessage]:
    """The messages of the mbox open as `fh` (seekable), each without its From_ line and with
    mboxrd quoting undone; raises ExportError when it is no mbox at all."""
    yield from _Reader(fh, limit).messages()

"""Import of mailbox files (.mbox): each message goes through the .eml path."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path


def iter_messages(path: Path) -> Iterator[bytes]:
    """The original bytes of each message in the mbox at `path` (without the From_ line)."""
    box = mailbox.mbox(str(path), create=False)
    try:
        for key in box.iterkeys():
            yield box.get_bytes(key)
    finally:
        box.close()


def looks_like_mbox(head: bytes) -> bool:
    return head.startswith(b"From ")

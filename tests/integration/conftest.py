"""Real servers on 127.0.0.1: Dovecot for IMAP (one per test session), aiosmtpd for SMTP."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dovecot import Dovecot

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    server = Dovecot(Path(tmp_path_factory.mktemp("dovecot"))).start()
    yield server
    server.stop()


@pytest.fixture
def mailbox_user(dovecot: Dovecot) -> tuple[str, str]:
    """A fresh, empty mailbox for one test."""
    name = f"kcc{next(_counter)}@gemeente.test"
    dovecot.add_user(name, "geheim")
    return name, "geheim"

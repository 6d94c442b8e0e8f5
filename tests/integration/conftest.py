"""Real servers on 127.0.0.1: Dovecot for IMAP (one per test session), aiosmtpd for SMTP."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dovecot import Dovecot

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    # a folder of its own: another pytest run resets /tmp/pytest-of-root to 0700, which would
    # lock Dovecot's users out of the mail of a running session
    server = Dovecot(Path(tempfile.mkdtemp(prefix="loket-dovecot-")))
    # Dovecot reads its passwd-file once a second at most: create every mailbox up front
    server.add_users({f"kcc{n}@gemeente.test": "geheim" for n in range(1, 301)})
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def mailbox_user(dovecot: Dovecot) -> tuple[str, str]:
    """A fresh, empty mailbox for one test."""
    name = f"kcc{next(_counter)}@gemeente.test"
    return name, dovecot.users[name]


@pytest.fixture(scope="session")
def tls_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1/localhost (cert, key)."""
    import subprocess

    folder = Path(tempfile.mkdtemp(prefix="loket-tls-"))
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )
    folder.chmod(0o755)
    key.chmod(0o644)
    return cert, key


@pytest.fixture(scope="session")
def tls_dovecot(
    tmp_path_factory: pytest.TempPathFactory, tls_cert: tuple[Path, Path]
) -> Iterator[Dovecot]:
    server = Dovecot(Path(tempfile.mkdtemp(prefix="loket-dovecot-tls-")), cert=tls_cert)
    server.add_users({"kcc@gemeente.test": "geheim"})
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


class SmtpRecorder:
    """An aiosmtpd handler that keeps every accepted message; can refuse on demand."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.refuse_with: str | None = None

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        if self.refuse_with:
            return self.refuse_with
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[SmtpRecorder, int]]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 with AUTH PLAIN/LOGIN for 'kcc'/'geheim'."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    from tests.integration.dovecot import free_port

    def authenticate(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = auth_data.login == b"kcc@gemeente.test" and auth_data.password == b"geheim"
        return AuthResult(success=ok, handled=False)

    recorder = SmtpRecorder()
    port = free_port()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticate,
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()
    yield recorder, port
    controller.stop()


@pytest.fixture(scope="session")
def oauth_server() -> Iterator[object]:
    """A local OAuth2 authorisation server (tests/integration/oauth_server.py)."""
    from tests.integration.oauth_server import OAuthServer

    server = OAuthServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oauth_dovecot(oauth_server: object) -> Iterator[Dovecot]:
    """Dovecot whose logins go through the oauth2 passdb, introspecting at `oauth_server`.

    No passwd-file users: every mailbox is reached with a token only (the userdb is static)."""
    import shutil
    import tempfile

    from tests.integration.oauth_server import OAuthServer

    assert isinstance(oauth_server, OAuthServer)
    # Not under pytest's basetemp: another pytest session starting meanwhile resets
    # /tmp/pytest-of-<user> to mode 0700, and Dovecot's users then lose access to their mail.
    root = Path(tempfile.mkdtemp(prefix="loket-dovecot-oauth-"))
    server = Dovecot(root, token_port=oauth_server.port)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)

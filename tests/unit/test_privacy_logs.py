"""No personal data or secrets in log files: imports, sign-in, a reply, sync and send errors,
an AVG export and erasure run with logging on (DEBUG), then every log file is searched."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.channels.imports.files import import_files
from inbox.errors import PermissionDenied
from inbox.logsetup import configure_logging
from inbox.privacy import erasure, subject, woo
from inbox.sync import run_account
from storage.paths import log_dir
from tests.conftest import as_beheerder, give_password, later
from tests.unit.test_privacy_kit import (
    ADDRESS,
    BSN,
    IBAN,
    NAME,
    OTHER_EMAIL,
    PHONE,
    PHRASE,
    build,
    raw_mail,
)

PASSWORD = "Wachtwoord-Zeer-Geheim-42"
MAIL_SECRET = "imap-app-wachtwoord-XYZ987"
REPLY = "Wij snoeien de Vlinderstruikhaag volgende week"


@pytest.fixture
def logging_on() -> Iterator[Path]:
    root = logging.getLogger("loket")
    saved = (list(root.handlers), root.level, root.propagate)
    root.handlers = []
    configure_logging(logging.DEBUG)
    yield log_dir()
    for handler in root.handlers:
        handler.close()
    root.handlers, root.level, root.propagate = saved


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_personal_data_or_secrets_in_the_log_files(
    logging_on: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loket, ref = build(tmp_path / "l.db")
    try:
        give_password(loket, "anne", PASSWORD)
        give_password(loket, "arjen", PASSWORD)
        with pytest.raises(PermissionDenied):
            loket.sign_in("anne", PASSWORD + "x")
        later(loket)
        loket.sign_in("anne", PASSWORD)
        # imports: a good mail, a duplicate and a broken file
        (tmp_path / "a.eml").write_bytes(raw_mail("Tweede bezwaar Lavendel", "Nog een keer."))
        (tmp_path / "b.eml").write_bytes(raw_mail())
        (tmp_path / "kapot.mbox").write_bytes(b"\x00\xff" + PHRASE.encode())
        import_files(loket, [tmp_path / "a.eml", tmp_path / "b.eml", tmp_path / "kapot.mbox"])
        loket.case_detail(ref)
        loket.add_note(ref, f"Gebeld met {NAME} over {PHRASE}")
        # a reply, then sync and delivery against servers that are not there
        port = _closed_port()
        with as_beheerder(loket):  # the team's mail account is the beheerder's to add
            account = Accounts(loket).add_mail(
                MailAccount(
                    name="postbus",
                    host="127.0.0.1",
                    port=port,
                    security=Security.NONE,
                    username="info@gemeente.test",
                    smtp_host="127.0.0.1",
                    smtp_port=port,
                    smtp_security=Security.NONE,
                ),
                MAIL_SECRET,
            )
        smtp.compose_reply(loket, account, ref, REPLY, sender_name="Anne de Vries")
        event = run_account(loket, account)
        assert event.kind == "error"
        report = smtp.deliver(loket, account, MAIL_SECRET)
        assert report is not None
        # an unexpected error whose message holds content (as a parser error may): the
        # traceback is logged, the message is not
        from inbox.channels import imap

        def broken(*args: object, **kwargs: object) -> None:
            raise UnicodeDecodeError("utf-8", PHRASE.encode(), 0, 1, f"bad byte near {NAME}")

        monkeypatch.setattr(imap, "sync_account", broken)
        assert run_account(loket, account).kind == "error"
        # the archivaris' exports and an erasure that is refused
        loket.user = "arjen"
        subject.export_subject(loket, ADDRESS, tmp_path / "inzage")
        woo.export(loket, [ref], tmp_path / "woo")
        with pytest.raises(erasure.ErasureRefused):
            erasure.erase(loket, ADDRESS)
    finally:
        loket.close()
    for handler in logging.getLogger("loket").handlers:
        handler.flush()
    files = [p for p in logging_on.rglob("*") if p.is_file()]
    assert files, "logging wrote nothing"
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    assert "UnicodeDecodeError" in text and "Traceback" in text, "the error was not logged"
    for secret in (
        NAME,
        "Kwakernaat",
        ADDRESS,
        "Bezwaar stoep",
        "Tweede bezwaar",
        PHRASE,
        "Lavendel",
        BSN,
        IBAN,
        PHONE,
        OTHER_EMAIL,
        REPLY,
        "Vlinderstruikhaag",
        PASSWORD,
        MAIL_SECRET,
        "Gerrit Ander",
        "milieustraat",
    ):
        assert secret.lower() not in text.lower(), f"{secret!r} in the log"

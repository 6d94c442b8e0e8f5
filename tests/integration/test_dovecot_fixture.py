import pytest
from imapclient import IMAPClient

pytestmark = pytest.mark.integration


def test_dovecot_accepts_login_and_append(dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    user, password = mailbox_user
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(user, password)
        client.append("INBOX", b"From: a@example.nl\r\nSubject: x\r\n\r\nhallo\r\n")
        info = client.select_folder("INBOX")
        assert info[b"EXISTS"] == 1
        assert b"CONDSTORE" in client.capabilities()

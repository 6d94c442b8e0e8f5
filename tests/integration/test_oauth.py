"""OAuth2 sign-in end to end on 127.0.0.1: a local authorisation server and a Dovecot whose
oauth2 passdb introspects the tokens it issued. Production code paths only: inbox.oauth talks
HTTP to the server, the simulated browser follows the real redirect to the loopback listener."""

from __future__ import annotations

import itertools
import json
import logging
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient

from inbox import oauth
from inbox.accounts import Accounts, Auth, MailAccount, Secrets, Security
from inbox.channels import imap
from inbox.channels.imap import MailServerError
from inbox.oauth import DeviceCode, OAuthError
from tests.integration.dovecot import Dovecot, free_port
from tests.integration.oauth_server import CLIENT_ID, OAuthServer

pytestmark = pytest.mark.integration

_mailboxes = itertools.count(1)
LOGIN_REFUSED = "Inloggen geweigerd"


@pytest.fixture
def server(oauth_server: OAuthServer) -> Iterator[OAuthServer]:
    oauth_server.reset()
    yield oauth_server
    oauth_server.reset()


@pytest.fixture
def mailbox() -> str:
    return f"oauth{next(_mailboxes)}@gemeente.test"


def browser(url: str) -> bool:
    """The system browser: GET the authorize page, follow its redirect to the loopback."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.url.startswith("http://127.0.0.1:")  # ended on Loket's listener
        page = response.read().decode()
    assert "U bent aangemeld" in page or "Aanmelden mislukt" in page
    return True


def make_account(
    loket, dovecot: Dovecot, server: OAuthServer, username: str, **oauth_settings: str
) -> MailAccount:  # type: ignore[no-untyped-def]
    settings = {
        "provider": "microsoft",
        "client_id": CLIENT_ID,
        "authority": server.authority(),
        **oauth_settings,
    }
    account = MailAccount(
        name=f"kcc-{username.split('@')[0]}",
        host="127.0.0.1",
        port=dovecot.port,
        security=Security.NONE,
        username=username,
        auth=Auth.OAUTH2,
        oauth=settings,
    )
    return Accounts(loket).add_mail(account, None)


def signed_in(  # type: ignore[no-untyped-def]
    loket, dovecot: Dovecot, server: OAuthServer, username: str, person: str = ""
) -> MailAccount:
    """An account for `username`, signed in through the browser as `person` (or itself)."""
    server.user = person or username
    account = make_account(loket, dovecot, server, username)
    oauth.sign_in(loket, account, open_browser=browser, timeout=20)
    return account


def stored(loket, account: MailAccount) -> dict[str, object]:  # type: ignore[no-untyped-def]
    text = Secrets(loket).get(account.name, "oauth")
    assert text
    return dict(json.loads(text))


def set_expiry(loket, account: MailAccount, seconds_from_now: float) -> None:  # type: ignore[no-untyped-def]
    data = stored(loket, account)
    data["expires_at"] = time.time() + seconds_from_now
    Secrets(loket).set(account.name, "oauth", json.dumps(data))


def test_browser_sign_in_with_pkce_then_imap_xoauth2(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = signed_in(loket, oauth_dovecot, server, mailbox)

    authorize = [q for method, path, q in server.requests if method == "GET"]
    assert authorize[0]["code_challenge_method"] == "S256"
    assert authorize[0]["redirect_uri"].startswith("http://127.0.0.1:")
    assert "https://outlook.office.com/IMAP.AccessAsUser.All" in authorize[0]["scope"]
    assert server.grants("authorization_code")[0]["code_verifier"]  # PKCE checked by the server

    token = oauth.access_token(loket, account)
    assert token == stored(loket, account)["access_token"]
    assert imap.test_connection(loket, account, token).startswith("Verbinding gelukt")
    assert token in server.introspected  # Dovecot really asked the introspection endpoint


def test_oauthbearer_login_is_accepted_too(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = signed_in(loket, oauth_dovecot, server, mailbox)
    token = oauth.access_token(loket, account)
    with IMAPClient("127.0.0.1", port=oauth_dovecot.port, ssl=False) as client:
        assert b"AUTH=OAUTHBEARER" in client.capabilities()
        client.oauthbearer_login(mailbox, token)
        client.select_folder("INBOX", readonly=True)


def test_device_code_sign_in_polls_until_approved_and_slows_down(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    server.slow_down_once = True
    account = make_account(loket, oauth_dovecot, server, mailbox)
    shown: list[DeviceCode] = []
    waits: list[float] = []

    def show(code: DeviceCode) -> None:
        shown.append(code)

    def sleep(seconds: float) -> None:  # record the interval asked for, wait only briefly
        waits.append(seconds)
        time.sleep(0.05)
        if len(waits) == 3:  # the person types the code on another device after two polls
            server.approve_device(shown[0].user_code, mailbox)

    oauth.sign_in(loket, account, show_device_code=show, timeout=30, sleep=sleep)
    assert shown[0].verification_uri == f"{server.base}/devicelogin"
    assert shown[0].user_code in shown[0].message
    assert waits == [1, 6, 6]  # interval honoured, slow_down adds five seconds
    polls = server.grants("urn:ietf:params:oauth:grant-type:device_code")
    assert len(polls) == 3  # slow_down, authorization_pending, then success
    token = oauth.access_token(loket, account)
    assert imap.test_connection(loket, account, token).startswith("Verbinding gelukt")


def test_an_expiring_access_token_is_refreshed_before_use(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = signed_in(loket, oauth_dovecot, server, mailbox)
    first = stored(loket, account)
    assert oauth.access_token(loket, account) == first["access_token"]  # still fresh

    set_expiry(loket, account, 200)  # valid for 3 more minutes: within the 5-minute margin
    server.expire(str(first["access_token"]))
    fresh = oauth.access_token(loket, account)
    second = stored(loket, account)
    assert fresh != first["access_token"] and fresh == second["access_token"]
    assert second["refresh_token"] != first["refresh_token"]  # the rotated one was kept
    assert float(str(second["expires_at"])) > time.time() + 3000
    refresh = server.grants("refresh_token")[0]
    assert refresh["refresh_token"] == first["refresh_token"]
    assert "offline_access" in refresh["scope"]

    assert imap.test_connection(loket, account, fresh).startswith("Verbinding gelukt")
    with pytest.raises(MailServerError, match=LOGIN_REFUSED):
        imap.test_connection(loket, account, str(first["access_token"]))

    # and the rotated refresh token works for the next refresh
    set_expiry(loket, account, -10)
    third = oauth.access_token(loket, account)
    assert third not in (fresh, first["access_token"])
    assert imap.test_connection(loket, account, third).startswith("Verbinding gelukt")


def test_a_revoked_refresh_token_asks_to_sign_in_again(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = signed_in(loket, oauth_dovecot, server, mailbox)
    server.revoke_refresh_tokens(mailbox)
    set_expiry(loket, account, -1)
    with pytest.raises(OAuthError) as caught:
        oauth.access_token(loket, account)
    assert str(caught.value) == "De aanmelding is verlopen of ingetrokken; meld opnieuw aan."


def test_a_token_the_introspection_rejects_is_a_dutch_login_error(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = signed_in(loket, oauth_dovecot, server, mailbox)
    token = oauth.access_token(loket, account)
    server.revoke_access(token)  # e.g. the admin revoked the sessions in Entra ID
    with pytest.raises(MailServerError, match=LOGIN_REFUSED):
        imap.test_connection(loket, account, token)
    with pytest.raises(MailServerError, match=LOGIN_REFUSED):
        imap.test_connection(loket, account, "at-never-issued")


def test_not_signed_in_refused_and_wrong_state(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = make_account(loket, oauth_dovecot, server, mailbox)
    with pytest.raises(OAuthError) as caught:
        oauth.access_token(loket, account)
    assert str(caught.value) == (f"Meld u eerst aan bij Microsoft 365 voor account {account.name}.")

    server.deny_next = True
    with pytest.raises(OAuthError, match="geweigerd of afgebroken"):
        oauth.sign_in(loket, account, open_browser=browser, timeout=20)

    def forged_browser(url: str) -> bool:  # an attacker's redirect with another state
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        with urllib.request.urlopen(
            query["redirect_uri"] + "?code=stolen&state=not-the-one", timeout=10
        ) as response:
            assert "Aanmelden mislukt" in response.read().decode()
        return True

    with pytest.raises(OAuthError, match="klopt niet"):
        oauth.sign_in(loket, account, open_browser=forged_browser, timeout=20)
    assert not server.grants("authorization_code")  # a forged code is never exchanged
    assert not oauth.is_signed_in(loket, account)


def test_an_unreachable_token_endpoint_is_explained(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    account = signed_in(loket, oauth_dovecot, server, mailbox)
    set_expiry(loket, account, 60)
    offline = oauth.with_oauth(account, token_url=f"http://127.0.0.1:{free_port()}/token")
    with pytest.raises(OAuthError, match="niet bereikbaar"):
        oauth.access_token(loket, offline)


def test_tokens_never_reach_the_database_or_the_log(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox, tmp_path
) -> None:
    from inbox.sync import run_account

    log_file = tmp_path / "loket.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    logger = logging.getLogger("loket")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        account = signed_in(loket, oauth_dovecot, server, mailbox)
        set_expiry(loket, account, 10)
        oauth.access_token(loket, account)  # a refresh
        server.revoke_refresh_tokens(mailbox)
        set_expiry(loket, account, -1)
        assert run_account(loket, account).kind == "error"  # refused refresh, logged
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        handler.close()
    loket.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    tokens = [*server.access, *server.refresh]
    assert len(tokens) >= 4
    db_files = [p for p in Path(tmp_path).glob("loket.db*") if p.is_file()]
    assert db_files
    haystacks = [p.read_bytes() for p in db_files] + [log_file.read_bytes()]
    assert b"oauth" in log_file.read_bytes()  # something was logged
    for token in tokens:
        for haystack in haystacks:
            assert token.encode() not in haystack
    # the keyring holds them
    assert stored(loket, account)["refresh_token"] in server.refresh


def test_shared_mailbox_logs_in_with_the_persons_token(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    # Microsoft 365: a "gedeelde mailbox" has no password or sign-in of its own. A person with
    # Full Access signs in as themselves; IMAP then authenticates with user=<shared address>
    # and that person's token, and Exchange checks the person's rights on that mailbox.
    person = f"medewerker-{mailbox}"
    shared = f"info-{mailbox}"
    server.shared_access[person] = shared
    account = signed_in(loket, oauth_dovecot, server, shared, person)
    token = oauth.access_token(loket, account)
    assert server.access[token].username == person  # the token is the person's
    assert imap.test_connection(loket, account, token).startswith("Verbinding gelukt")

    preset = oauth.microsoft_account("Info", shared, client_id="x", signed_in_user=person)
    assert (preset.username, preset.smtp_username, preset.address) == (shared, person, shared)


def test_full_sync_of_an_oauth_account(  # type: ignore[no-untyped-def]
    loket, oauth_dovecot, server, mailbox
) -> None:
    from inbox.sync import run_account

    account = signed_in(loket, oauth_dovecot, server, mailbox)
    raw = (
        "From: Inwoner <inwoner@example.nl>\r\nTo: " + mailbox + "\r\n"
        "Subject: Vraag over de afvalpas\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
        "Message-ID: <oauth-sync@example.nl>\r\n\r\nWaar haal ik een nieuwe pas?\r\n"
    ).encode()
    # the mailbox has no password: put mail in through the oauth2 passdb with an issued token
    with IMAPClient("127.0.0.1", port=oauth_dovecot.port, ssl=False) as client:
        client.oauth2_login(mailbox, server.issue(mailbox))
        client.append("INBOX", raw)

    event = run_account(loket, account)
    assert (event.kind, event.fetched, event.message) == ("done", 1, "")
    assert (
        loket.db.scalar(
            "SELECT count(*) FROM messages WHERE message_id = '<oauth-sync@example.nl>'"
        )
        == 1
    )
    set_expiry(loket, account, -1)  # the next run refreshes first
    assert run_account(loket, account).kind == "done"
    assert len(server.grants("refresh_token")) == 1

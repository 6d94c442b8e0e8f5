"""inbox.oauth without a server: presets, overrides, PKCE, the token set and its errors."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from typing import Any

import pytest

from inbox import oauth
from inbox.accounts import Accounts, Auth, MailAccount, Secrets, Security
from inbox.oauth import DeviceCode, OAuthError, TokenSet
from tests.integration.dovecot import free_port


def account(**settings: str) -> MailAccount:
    return MailAccount(
        name="Info",
        host="outlook.office365.com",
        username="info@gemeente.nl",
        auth=Auth.OAUTH2,
        oauth={"client_id": "app-id", **settings},
    )


def test_microsoft_preset_endpoints_and_overrides() -> None:
    ends = oauth.endpoints(account())
    assert ends.label == "Microsoft 365"
    base = "https://login.microsoftonline.com/organizations"
    assert ends.auth_url == base + "/oauth2/v2.0/authorize"
    assert ends.token_url == base + "/oauth2/v2.0/token"
    assert ends.device_url == base + "/oauth2/v2.0/devicecode"
    assert ends.scopes == (
        "https://outlook.office.com/IMAP.AccessAsUser.All",
        "https://outlook.office.com/SMTP.Send",
        "offline_access",
    )
    tenant = oauth.endpoints(account(tenant="gemeente.onmicrosoft.com"))
    assert tenant.token_url.startswith(
        "https://login.microsoftonline.com/gemeente.onmicrosoft.com/"
    )
    local = oauth.endpoints(account(authority="http://127.0.0.1:8080/t/"))
    assert local.auth_url == "http://127.0.0.1:8080/t/oauth2/v2.0/authorize"
    explicit = oauth.endpoints(account(token_url="http://127.0.0.1:1/token", scopes="a b"))
    assert explicit.token_url == "http://127.0.0.1:1/token" and explicit.scope == "a b"


def servers(acc: MailAccount) -> tuple[tuple[str, int, Security], ...]:
    """Where a preset reads mail (IMAP) and sends it (SMTP)."""
    return (acc.host, acc.port, acc.security), (acc.smtp_host, acc.smtp_port, acc.smtp_security)


def test_google_preset() -> None:
    ends = oauth.endpoints(account(provider="google", client_secret="not-secret"))
    assert ends.auth_url == "https://accounts.google.com/o/oauth2/v2/auth"
    assert ends.token_url == "https://oauth2.googleapis.com/token"
    assert ends.scopes == ("https://mail.google.com/",)
    assert ends.client_secret == "not-secret"
    acc = oauth.google_account("G", "kcc@gemeente.nl", client_id="c", client_secret="s")
    assert servers(acc) == (
        ("imap.gmail.com", 993, Security.SSL), ("smtp.gmail.com", 465, Security.SSL)
    )
    assert acc.auth is Auth.OAUTH2 and acc.oauth["provider"] == "google"


def test_microsoft_presets_for_a_personal_and_a_shared_mailbox() -> None:
    own = oauth.microsoft_account("KCC", "kcc@gemeente.nl", client_id="c", tenant="t")
    assert servers(own) == (
        ("outlook.office365.com", 993, Security.SSL), ("smtp.office365.com", 587, Security.STARTTLS)
    )
    assert own.smtp_username == "" and own.oauth["tenant"] == "t"
    shared = oauth.microsoft_account(
        "Info", "info@gemeente.nl", client_id="c", signed_in_user="j.jansen@gemeente.nl"
    )
    assert shared.username == "info@gemeente.nl"  # IMAP user= is the shared mailbox
    assert shared.smtp_username == "j.jansen@gemeente.nl"  # the token's owner
    assert shared.address == "info@gemeente.nl"
    assert "token" not in shared.settings_json()


def test_bad_settings_are_explained() -> None:
    with pytest.raises(OAuthError, match="client-id"):
        oauth.endpoints(account(client_id=""))
    with pytest.raises(OAuthError, match="Onbekende aanmeldprovider"):
        oauth.endpoints(account(provider="yahoo"))
    with pytest.raises(OAuthError, match="niet veilig"):
        oauth.endpoints(account(token_url="http://login.example.com/token"))


def test_pkce_pair_is_s256() -> None:
    verifier, challenge = oauth.pkce_pair()
    assert 43 <= len(verifier) <= 128
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert oauth.pkce_pair()[0] != verifier


def test_token_set_keeps_the_old_refresh_token_unless_rotated_and_hides_tokens() -> None:
    first = TokenSet.from_response(
        {"access_token": "A1", "refresh_token": "R1", "expires_in": 100}, now=1000.0
    )
    assert (first.expires_at, first.refresh_token) == (1100.0, "R1")
    kept = TokenSet.from_response({"access_token": "A2", "expires_in": 10}, 2000.0, first)
    assert kept.refresh_token == "R1"
    rotated = TokenSet.from_response({"access_token": "A3", "refresh_token": "R2"}, 0.0, first)
    assert rotated.refresh_token == "R2" and rotated.expires_at == 3600.0
    assert "A1" not in repr(first) and "R1" not in repr(first)
    assert TokenSet.from_json(first.to_json()) == first
    with pytest.raises(OAuthError):
        TokenSet.from_response({"token_type": "Bearer"}, 0.0)


def _store(loket: Any, acc: MailAccount, **data: Any) -> None:
    Secrets(loket).set(acc.name, "oauth", json.dumps(data))


def test_access_token_messages_and_refresh_margin(loket: Any) -> None:
    closed = f"http://127.0.0.1:{free_port()}/token"
    acc = Accounts(loket).add_mail(account(token_url=closed), None)
    with pytest.raises(OAuthError) as caught:
        oauth.access_token(loket, acc)
    assert str(caught.value) == "Meld u eerst aan bij Microsoft 365 voor account Info."

    _store(loket, acc, access_token="fresh", refresh_token="r", expires_at=time.time() + 600)
    assert oauth.access_token(loket, acc) == "fresh"  # no request: the endpoint is closed

    _store(loket, acc, access_token="old", refresh_token="r", expires_at=time.time() + 240)
    with pytest.raises(OAuthError, match="niet bereikbaar"):  # within 5 minutes: refresh
        oauth.access_token(loket, acc)

    _store(loket, acc, access_token="old", refresh_token="", expires_at=time.time() - 1)
    with pytest.raises(OAuthError) as caught:
        oauth.access_token(loket, acc)
    assert str(caught.value) == "De aanmelding is verlopen of ingetrokken; meld opnieuw aan."

    oauth.sign_out(loket, acc)
    assert not oauth.is_signed_in(loket, acc)
    assert "fresh" not in str(loket.db.one("SELECT settings FROM accounts")[0])


def test_refresh_saves_the_new_token_set(loket: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    acc = Accounts(loket).add_mail(account(), None)
    _store(loket, acc, access_token="old", refresh_token="r1", expires_at=time.time() - 5)
    sent: list[dict[str, str]] = []

    def fake_post(url: str, form: dict[str, str], label: str) -> dict[str, Any]:
        sent.append(form)
        return {"access_token": "new", "refresh_token": "r2", "expires_in": 3600}

    monkeypatch.setattr(oauth, "_post", fake_post)
    assert oauth.access_token(loket, acc) == "new"
    assert sent[0]["grant_type"] == "refresh_token" and sent[0]["refresh_token"] == "r1"
    saved = oauth.load_tokens(loket, acc)
    assert saved is not None and saved.refresh_token == "r2"
    assert oauth.access_token(loket, acc) == "new" and len(sent) == 1


def test_device_flow_gives_up_when_the_code_expires(
    loket: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    acc = Accounts(loket).add_mail(account(), None)
    answers: list[dict[str, Any] | str] = [
        {"device_code": "d", "user_code": "ABCD", "verification_url": "https://x/device"},
        "authorization_pending",
        "expired_token",
    ]

    def fake_post(url: str, form: dict[str, str], label: str) -> dict[str, Any]:
        answer = answers.pop(0)
        if isinstance(answer, str):
            raise oauth._ServerAnswer(answer, 400)
        return answer

    monkeypatch.setattr(oauth, "_post", fake_post)
    shown: list[DeviceCode] = []
    waits: list[float] = []
    with pytest.raises(OAuthError, match="aanmeldcode is verlopen"):
        oauth.sign_in(loket, acc, show_device_code=shown.append, sleep=waits.append)
    assert shown[0].verification_uri == "https://x/device"  # Google's spelling accepted
    assert waits == [5.0, 5.0]  # RFC 8628 default interval
    assert not oauth.is_signed_in(loket, acc)


def test_device_flow_stops_at_the_timeout(loket: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    acc = Accounts(loket).add_mail(account(), None)

    def fake_post(url: str, form: dict[str, str], label: str) -> dict[str, Any]:
        if "device_code" in form:
            raise oauth._ServerAnswer("authorization_pending", 400)
        return {
            "device_code": "d",
            "user_code": "U",
            "verification_uri": "https://x",
            "interval": 1,
        }

    monkeypatch.setattr(oauth, "_post", fake_post)
    with pytest.raises(OAuthError, match="verlopen"):
        oauth.sign_in(loket, acc, show_device_code=lambda c: None, timeout=0.3, sleep=time.sleep)


def test_browser_flow_when_no_answer_comes_or_no_browser_opens(loket: Any) -> None:
    acc = Accounts(loket).add_mail(account(authority="http://127.0.0.1:9/t"), None)
    opened: list[str] = []
    with pytest.raises(OAuthError, match="duurde te lang"):
        oauth.sign_in(loket, acc, open_browser=opened.append, timeout=0.3)
    assert opened[0].startswith("http://127.0.0.1:9/t/oauth2/v2.0/authorize?")
    assert "code_challenge_method=S256" in opened[0] and "state=" in opened[0]
    with pytest.raises(OAuthError, match="browser niet openen"):
        oauth.sign_in(loket, acc, open_browser=lambda url: False, timeout=5)


def test_oauth_module_has_no_qt() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(oauth.__file__).read_text(encoding="utf-8"))
    names = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [n for n in names if "PySide" in n or "Qt" in n]


def test_plain_http_only_to_loopback_and_only_when_the_tests_allow_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for url in ("http://127.0.0.1:8080/t", "http://[::1]:8080/t", "http://localhost/t",
                "http://127.0.0.2/t"):
        assert oauth.endpoints(account(authority=url)).token_url.startswith(url)
    for url in ("http://10.0.0.1/t", "http://login.microsoftonline.com/t", "ftp://127.0.0.1/t",
                "http://127.0.0.1.example.com/t"):
        with pytest.raises(OAuthError, match="niet veilig"):
            oauth.endpoints(account(authority=url))
    monkeypatch.delenv(oauth.LOOPBACK_HTTP)
    with pytest.raises(OAuthError, match="niet veilig"):
        oauth.endpoints(account(authority="http://127.0.0.1:8080/t"))
    assert oauth.endpoints(account(authority="https://login.example.com/t"))


def test_a_token_is_never_sent_where_a_redirect_points(
    loket: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The token endpoint answers 307 to another host: the refresh token stays home."""
    import http.server
    import threading

    seen: list[str] = []

    class Elsewhere(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            seen.append(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            self.send_response(307)
            self.send_header("Location", f"http://localhost:{self.server.server_address[1]}/x")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Elsewhere)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        acc = Accounts(loket).add_mail(account(token_url=f"http://127.0.0.1:{port}/token"), None)
        Secrets(loket).set(acc.name, "oauth", TokenSet("old", "refresh", 0.0).to_json())
        with pytest.raises(OAuthError, match="verwijst door"):
            oauth.access_token(loket, acc)
        assert seen == ["/token"]  # the redirect was not followed
    finally:
        server.shutdown()
        server.server_close()


def test_signing_in_is_for_a_beheerder(loket: Any) -> None:
    from inbox.errors import PermissionDenied
    from tests.conftest import act_as, add_staff

    add_staff(loket)
    act_as(loket, "anne")
    opened: list[str] = []
    with pytest.raises(PermissionDenied):
        oauth.sign_in(loket, account(), open_browser=opened.append, timeout=1)
    assert opened == []  # refused before any browser opened

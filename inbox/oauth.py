"""OAuth2 sign-in for Microsoft 365 and Google Workspace mailboxes (IMAP/SMTP without passwords).

Microsoft 365 and Google no longer accept passwords over IMAP and SMTP; a mail client signs a
person in through the browser and then logs in with an access token (SASL XOAUTH2/OAUTHBEARER).

Flows (both public-client flows, no client secret needed for Microsoft):

* Authorization code with PKCE (RFC 6749 + RFC 7636 S256) through the system browser, with the
  answer coming back to a one-shot HTTP server on a loopback address (RFC 8252):
  ``http://127.0.0.1:<free port>/``. The ``state`` parameter is checked.
* Device code (RFC 8628): the user code and verification address are handed to a callback, the
  token endpoint is polled honouring ``interval``, ``slow_down``, ``authorization_pending`` and
  ``expired_token``. Useful on a terminal or when no browser can be opened on this machine.

Both are implemented with the standard library (urllib), for both providers, so the tests drive
exactly the code production runs. (msal was considered for Microsoft: it accepts only https
authorities, so a local test authority would need its own TLS and discovery documents; its
cache is keyed by id_token accounts rather than the token set we keep; and it cannot serve
Google, whose installed-app clients must send a client secret, so a second, stdlib path would be
needed anyway.)

Token storage: the token set (access token, refresh token, expiry) is JSON in the OS keyring
(``Secrets(loket).set(account.name, "oauth", ...)``), never in the database and never in a log.
``access_token()`` refreshes it when it expires within five minutes and keeps a rotated refresh
token.

Shared mailboxes ("gedeelde mailbox") on Microsoft 365: a person who has Full Access to the shared
mailbox signs in as themselves; the token belongs to that person, but IMAP logs in with the
*shared mailbox's* address as the username (``user=<shared address>`` in XOAUTH2). So for such an
account ``MailAccount.username`` is the shared mailbox address while the token in the keyring is
the person's. Sending from it over SMTP authenticates as the person (``smtp_username``) and needs
"Send As" rights on the shared mailbox; ``microsoft_account(..., signed_in_user=...)`` sets that up.

Endpoints come from presets and can be overridden per account through ``account.oauth``:
``provider`` ("microsoft" or "google"), ``client_id``, ``client_secret`` (Google's installed-app
secret, which Google documents as not confidential), ``tenant``, ``authority``, ``auth_url``,
``token_url``, ``device_url`` and ``scopes`` (space separated).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import ipaddress
import json
import logging
import os
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from inbox import acts
from inbox.accounts import Auth, MailAccount, Secrets, Security, installation_id
from inbox.errors import LoketError

if TYPE_CHECKING:
    from inbox.gate import Session

log = logging.getLogger("loket.oauth")

SECRET_KIND = "oauth"
REFRESH_MARGIN = 300.0  # refresh when the access token expires within five minutes
HTTP_TIMEOUT = 30.0
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
SLOW_DOWN_STEP = 5.0  # RFC 8628 3.5: on slow_down the interval grows by five seconds


class OAuthError(LoketError):
    """A sign-in or token problem, explained in one Dutch sentence."""


class Server(NamedTuple):
    """A mail server of a provider: where it is and how the connection is secured."""

    host: str
    port: int
    security: Security


@dataclass(frozen=True)
class Provider:
    """A preset: where to sign in and which mail servers belong to it."""

    key: str
    label: str
    auth_url: str
    token_url: str
    device_url: str
    scopes: tuple[str, ...]
    imap: Server
    smtp: Server


MICROSOFT_AUTHORITY = "https://login.microsoftonline.com/{tenant}"

MICROSOFT = Provider(
    key="microsoft",
    label="Microsoft 365",
    auth_url="{authority}/oauth2/v2.0/authorize",
    token_url="{authority}/oauth2/v2.0/token",
    device_url="{authority}/oauth2/v2.0/devicecode",
    scopes=(
        "https://outlook.office.com/IMAP.AccessAsUser.All",
        "https://outlook.office.com/SMTP.Send",
        "offline_access",
    ),
    imap=Server("outlook.office365.com", 993, Security.SSL),
    smtp=Server("smtp.office365.com", 587, Security.STARTTLS),
)

GOOGLE = Provider(
    key="google",
    label="Google Workspace",
    auth_url="https://accounts.google.com/o/oauth2/v2/auth",
    token_url="https://oauth2.googleapis.com/token",
    # Google's device flow does not allow the https://mail.google.com/ scope; it answers
    # invalid_scope, which becomes a Dutch message. Use the browser flow for Google.
    device_url="https://oauth2.googleapis.com/device/code",
    scopes=("https://mail.google.com/",),
    imap=Server("imap.gmail.com", 993, Security.SSL),
    smtp=Server("smtp.gmail.com", 465, Security.SSL),
)

PROVIDERS: dict[str, Provider] = {p.key: p for p in (MICROSOFT, GOOGLE)}


@dataclass(frozen=True)
class Endpoints:
    """A provider with this account's overrides applied."""

    provider: Provider
    client_id: str
    client_secret: str
    auth_url: str
    token_url: str
    device_url: str
    scopes: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.provider.label

    @property
    def scope(self) -> str:
        return " ".join(self.scopes)


def provider_of(account: MailAccount) -> Provider:
    key = account.oauth.get("provider", "microsoft").strip().lower() or "microsoft"
    if key not in PROVIDERS:
        raise OAuthError(f"Onbekende aanmeldprovider '{key}' bij account {account.name}.")
    return PROVIDERS[key]


def endpoints(account: MailAccount) -> Endpoints:
    """The sign-in addresses for `account`: the preset, overridden by `account.oauth`."""
    provider = provider_of(account)
    settings = account.oauth
    client_id = settings.get("client_id", "").strip()
    if not client_id:
        raise OAuthError(
            f"Er is geen client-id ingesteld voor account {account.name}; vraag de beheerder "
            "om de app-registratie."
        )
    authority = settings.get("authority", "").rstrip("/") or MICROSOFT_AUTHORITY.format(
        tenant=settings.get("tenant", "").strip() or "organizations"
    )

    def url(key: str, preset: str) -> str:
        value = settings.get(key, "").strip() or preset.format(authority=authority)
        _check_url(value)
        return value

    scopes = tuple(settings.get("scopes", "").split()) or provider.scopes
    return Endpoints(
        provider=provider,
        client_id=client_id,
        client_secret=settings.get("client_secret", ""),
        auth_url=url("auth_url", provider.auth_url),
        token_url=url("token_url", provider.token_url),
        device_url=url("device_url", provider.device_url),
        scopes=scopes,
    )


LOOPBACK_HTTP = "LOKET_ALLOW_LOOPBACK_HTTP"  # set to 1 by the tests' local sign-in server


def _check_url(url: str) -> None:
    """Tokens travel only over https; plain http only to this machine's loopback address, and
    only when LOKET_ALLOW_LOOPBACK_HTTP=1 is set (the tests' local authorisation server)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and _is_loopback(parts.hostname) and os.environ.get(
        LOOPBACK_HTTP
    ) == "1":
        return
    raise OAuthError(f"Het aanmeldadres '{url}' is niet veilig (alleen https is toegestaan).")


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def microsoft_account(
    name: str,
    mailbox: str,
    *,
    client_id: str,
    tenant: str = "organizations",
    signed_in_user: str = "",
) -> MailAccount:
    """A Microsoft 365 account. For a shared mailbox, `mailbox` is the shared address and
    `signed_in_user` the person who signs in (and authenticates to SMTP)."""
    return _preset_account(
        MICROSOFT,
        name,
        mailbox,
        {"provider": "microsoft", "client_id": client_id, "tenant": tenant},
        smtp_username=signed_in_user if signed_in_user and signed_in_user != mailbox else "",
    )


def google_account(name: str, mailbox: str, *, client_id: str, client_secret: str) -> MailAccount:
    return _preset_account(
        GOOGLE,
        name,
        mailbox,
        {"provider": "google", "client_id": client_id, "client_secret": client_secret},
    )


def _preset_account(
    provider: Provider,
    name: str,
    mailbox: str,
    oauth: dict[str, str],
    *,
    smtp_username: str = "",
) -> MailAccount:
    return MailAccount(
        name=name,
        host=provider.imap.host,
        port=provider.imap.port,
        security=provider.imap.security,
        username=mailbox,
        auth=Auth.OAUTH2,
        smtp_host=provider.smtp.host,
        smtp_port=provider.smtp.port,
        smtp_security=provider.smtp.security,
        smtp_username=smtp_username,
        from_address=mailbox,
        oauth=dict(oauth),
    )


# --- the token set in the keyring -------------------------------------------------------------


@dataclass(frozen=True)
class TokenSet:
    access_token: str
    refresh_token: str
    expires_at: float  # seconds since the epoch
    scope: str = ""

    def __repr__(self) -> str:  # never print a token by accident
        return f"TokenSet(expires_at={self.expires_at!r}, scope={self.scope!r})"

    def to_json(self) -> str:
        return json.dumps(
            {
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "expires_at": self.expires_at,
                "scope": self.scope,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> TokenSet:
        data = json.loads(text)
        return cls(
            access_token=str(data["access_token"]),
            refresh_token=str(data.get("refresh_token") or ""),
            expires_at=float(data.get("expires_at") or 0),
            scope=str(data.get("scope") or ""),
        )

    @classmethod
    def from_response(
        cls, data: dict[str, Any], now: float, previous: TokenSet | None = None
    ) -> TokenSet:
        access = data.get("access_token")
        if not isinstance(access, str) or not access:
            raise OAuthError("De aanmeldserver gaf geen toegangssleutel terug.")
        try:
            lifetime = float(data.get("expires_in") or 3600)
        except (TypeError, ValueError):
            lifetime = 3600.0
        refresh = data.get("refresh_token")
        return cls(
            access_token=access,
            # a rotated refresh token replaces the old one; without one the old stays valid
            refresh_token=str(refresh) if refresh else (previous.refresh_token if previous else ""),
            expires_at=now + lifetime,
            scope=str(data.get("scope") or (previous.scope if previous else "")),
        )


def load_tokens(loket: Session, account: MailAccount) -> TokenSet | None:
    text = Secrets(loket).get(account.name, SECRET_KIND)
    if not text:
        return None
    try:
        return TokenSet.from_json(text)
    except (ValueError, KeyError, TypeError):
        log.warning("unreadable oauth token set for account %s", account.id)
        return None


def save_tokens(loket: Session, account: MailAccount, tokens: TokenSet) -> None:
    Secrets(loket).set(account.name, SECRET_KIND, tokens.to_json())


def is_signed_in(loket: Session, account: MailAccount) -> bool:
    return load_tokens(loket, account) is not None


def sign_out(loket: Session, account: MailAccount) -> None:
    with loket.op(acts.ACCOUNT_SIGN_IN, obj=f"account:{account.name}") as op:
        op.details = {"afmelden": True}
        Secrets(loket).delete(account.name, SECRET_KIND)
    log.info("oauth tokens removed for account %s", account.id)


# --- access tokens ----------------------------------------------------------------------------

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(loket: Session, account: MailAccount) -> threading.Lock:
    key = f"{installation_id(loket)}/{account.name}"
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def access_token(loket: Session, account: MailAccount) -> str:
    """A valid access token for `account`, refreshed first if it expires within five minutes.

    Refreshes are serialised per account (the scheduler and "Verbinding testen" may ask at the
    same time), so a rotating refresh token is never used twice."""
    ends = endpoints(account)
    with _lock_for(loket, account):
        tokens = load_tokens(loket, account)
        if tokens is None:
            raise OAuthError(f"Meld u eerst aan bij {ends.label} voor account {account.name}.")
        now = time.time()
        if tokens.expires_at - now > REFRESH_MARGIN:
            return tokens.access_token
        if not tokens.refresh_token:
            raise OAuthError("De aanmelding is verlopen of ingetrokken; meld opnieuw aan.")
        form = {
            "grant_type": "refresh_token",
            "refresh_token": tokens.refresh_token,
            "client_id": ends.client_id,
            "scope": ends.scope,
        }
        if ends.client_secret:
            form["client_secret"] = ends.client_secret
        data = _token_request(ends, form)
        fresh = TokenSet.from_response(data, now, previous=tokens)
        save_tokens(loket, account, fresh)
        log.info(
            "oauth access token refreshed for account %s (refresh token %s)",
            account.id,
            "rotated" if fresh.refresh_token != tokens.refresh_token else "kept",
        )
        return fresh.access_token


# --- HTTP to the authorisation server ---------------------------------------------------------


class _ServerAnswer(Exception):
    """An OAuth error response (RFC 6749 5.2) from the token or device endpoint."""

    def __init__(self, code: str, status: int) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


def _post(url: str, form: dict[str, str], label: str) -> dict[str, Any]:
    body = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
    )
    host = urllib.parse.urlsplit(url).hostname or url
    _check_url(url)
    try:
        with _OPENER.open(request, timeout=HTTP_TIMEOUT) as response:
            payload = response.read()
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        payload = exc.read()
        status = exc.code
        exc.close()
        if 300 <= status < 400:
            log.warning("oauth endpoint answered with a redirect, not followed")
            raise OAuthError(
                f"De aanmeldserver van {label} ({host}) verwijst door naar een ander adres; "
                "Loket stuurt de aanmeldgegevens daar niet heen."
            ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        log.warning("oauth endpoint unreachable (%s)", type(exc).__name__)
        raise OAuthError(
            f"De aanmeldserver van {label} ({host}) is niet bereikbaar. Controleer de "
            "internetverbinding en probeer het later opnieuw."
        ) from exc
    try:
        data = json.loads(payload or b"{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        log.warning("oauth endpoint answered %s without JSON", status)
        raise OAuthError(f"De aanmeldserver van {label} gaf een onverwacht antwoord ({status}).")
    if status >= 400 or "error" in data:
        raise _ServerAnswer(str(data.get("error") or f"http_{status}"), status)
    return data


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Form data holding codes or tokens goes to the endpoint named, never where it points."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _token_request(ends: Endpoints, form: dict[str, str]) -> dict[str, Any]:
    try:
        return _post(ends.token_url, form, ends.label)
    except _ServerAnswer as answer:
        log.warning("oauth token request refused: %s", answer.code)
        raise _explain(answer.code, ends) from None


def _explain(code: str, ends: Endpoints) -> OAuthError:
    if code == "invalid_grant":
        return OAuthError("De aanmelding is verlopen of ingetrokken; meld opnieuw aan.")
    if code in ("invalid_client", "unauthorized_client"):
        return OAuthError(
            f"{ends.label} kent deze app niet (client-id {ends.client_id}); controleer de "
            "app-registratie."
        )
    if code == "access_denied":
        return OAuthError("De aanmelding is geweigerd of afgebroken.")
    if code == "expired_token":
        return OAuthError("De aanmeldcode is verlopen; begin opnieuw met aanmelden.")
    if code == "invalid_scope":
        return OAuthError(f"{ends.label} staat de gevraagde toegang tot de mailbox niet toe.")
    return OAuthError(f"Aanmelden bij {ends.label} is mislukt ({code}).")


# --- sign-in ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceCode:
    """What the person must do: open `verification_uri` and type `user_code`."""

    user_code: str
    verification_uri: str
    expires_in: int
    message: str


def sign_in(
    loket: Session,
    account: MailAccount,
    *,
    open_browser: Callable[[str], object] = webbrowser.open,
    show_device_code: Callable[[DeviceCode], None] | None = None,
    timeout: float = 300,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Sign the person in and keep the token set in the keyring.

    With `show_device_code` the device-code flow is used (the callback shows the code);
    otherwise the browser flow with PKCE and a loopback redirect. An act of the gate
    (manage_accounts, audited): a person without that right is refused before any browser."""
    with loket.op(acts.ACCOUNT_SIGN_IN, obj=f"account:{account.name}"):
        ends = endpoints(account)
        if show_device_code is not None:
            tokens = _device_flow(ends, show_device_code, timeout, sleep)
        else:
            tokens = _browser_flow(ends, open_browser, timeout)
        save_tokens(loket, account, tokens)
    log.info("oauth sign-in completed for account %s", account.id)


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge) per RFC 7636."""
    verifier = _b64url(secrets.token_bytes(48))  # 64 characters from the unreserved set
    challenge = _b64url(hashlib.sha256(verifier.encode("ascii")).digest())
    return verifier, challenge


DONE_PAGE = (
    "<!doctype html><html lang='nl'><meta charset='utf-8'><title>Loket</title>"
    "<body style='font-family:sans-serif'><h1>{title}</h1><p>{text}</p></body></html>"
)


class _Redirect(http.server.BaseHTTPRequestHandler):
    """Receives the single redirect from the authorisation server."""

    server: _LoopbackServer

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != "/":
            self.send_error(404)
            return
        params = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
        if not {"code", "error"} & params.keys():
            self.send_error(400)
            return
        ok = "code" in params and hmac.compare_digest(
            params.get("state", ""), self.server.expected_state
        )
        title, text = (
            ("U bent aangemeld", "U kunt dit venster sluiten en terugkeren naar Loket.")
            if ok
            else ("Aanmelden mislukt", "Ga terug naar Loket en probeer het opnieuw.")
        )
        page = DONE_PAGE.format(title=title, text=text).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(page)
        if self.server.result is None:
            self.server.result = params
            self.server.done.set()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep codes out of logs
        pass


class _LoopbackServer(http.server.HTTPServer):
    def __init__(self, expected_state: str) -> None:
        super().__init__(("127.0.0.1", 0), _Redirect)
        self.expected_state = expected_state
        self.result: dict[str, str] | None = None
        self.done = threading.Event()
        self.timeout = 0.2

    @property
    def port(self) -> int:
        return int(self.server_address[1])


def _browser_flow(
    ends: Endpoints, open_browser: Callable[[str], object], timeout: float
) -> TokenSet:
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    try:
        server = _LoopbackServer(state)
    except OSError as exc:
        raise OAuthError(
            "Loket kan geen tijdelijke poort openen om de aanmelding te ontvangen."
        ) from exc
    redirect_uri = f"http://127.0.0.1:{server.port}/"
    query = {
        "client_id": ends.client_id,
        "response_type": "code",
        "redirect_uri": redirect_uri,
        "scope": ends.scope,
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "prompt": "select_account",
    }
    if ends.provider is GOOGLE:
        query["access_type"] = "offline"  # Google returns a refresh token only when asked
        query["prompt"] = "consent"
    separator = "&" if "?" in ends.auth_url else "?"
    url = ends.auth_url + separator + urllib.parse.urlencode(query)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set() and not server.done.is_set():
            server.handle_request()

    thread = threading.Thread(target=serve, name="oauth-loopback", daemon=True)
    thread.start()
    try:
        if open_browser(url) is False:
            raise OAuthError(
                "Loket kan de browser niet openen; kies aanmelden met een code op een ander "
                "apparaat."
            )
        if not server.done.wait(timeout):
            raise OAuthError("De aanmelding duurde te lang; probeer het opnieuw.")
    finally:
        stop.set()
        thread.join(timeout=2)
        server.server_close()
    params = server.result or {}
    if "error" in params:
        log.warning("oauth authorisation refused: %s", params["error"][:40])
        raise _explain(params["error"], ends)
    if not hmac.compare_digest(params.get("state", ""), state):
        log.warning("oauth redirect with a wrong state ignored")
        raise OAuthError("Het antwoord van de aanmeldserver klopt niet; probeer het opnieuw.")
    form = {
        "grant_type": "authorization_code",
        "code": params["code"],
        "redirect_uri": redirect_uri,
        "client_id": ends.client_id,
        "code_verifier": verifier,
        "scope": ends.scope,
    }
    if ends.client_secret:
        form["client_secret"] = ends.client_secret
    return TokenSet.from_response(_token_request(ends, form), time.time())


def _device_flow(
    ends: Endpoints,
    show: Callable[[DeviceCode], None],
    timeout: float,
    sleep: Callable[[float], None],
) -> TokenSet:
    form = {"client_id": ends.client_id, "scope": ends.scope}
    if ends.client_secret:
        form["client_secret"] = ends.client_secret
    try:
        start = _post(ends.device_url, form, ends.label)
    except _ServerAnswer as answer:
        log.warning("oauth device authorisation refused: %s", answer.code)
        raise _explain(answer.code, ends) from None
    device_code = str(start.get("device_code") or "")
    user_code = str(start.get("user_code") or "")
    # RFC 8628 says verification_uri; Google (and older Microsoft v1) say verification_url
    uri = str(start.get("verification_uri") or start.get("verification_url") or "")
    if not (device_code and user_code and uri):
        raise OAuthError(f"De aanmeldserver van {ends.label} gaf een onvolledig antwoord.")
    expires_in = int(float(start.get("expires_in") or 900))
    interval = float(start.get("interval") or 5)
    show(
        DeviceCode(
            user_code=user_code,
            verification_uri=uri,
            expires_in=expires_in,
            message=f"Ga naar {uri} en vul de code {user_code} in.",
        )
    )
    deadline = time.monotonic() + min(float(timeout), float(expires_in))
    poll = {"grant_type": DEVICE_GRANT, "device_code": device_code, "client_id": ends.client_id}
    if ends.client_secret:
        poll["client_secret"] = ends.client_secret
    while True:
        if time.monotonic() + interval > deadline:
            raise OAuthError("De aanmeldcode is verlopen; begin opnieuw met aanmelden.")
        sleep(interval)
        try:
            data = _post(ends.token_url, poll, ends.label)
        except _ServerAnswer as answer:
            if answer.code == "authorization_pending":
                continue
            if answer.code == "slow_down":
                interval += SLOW_DOWN_STEP
                continue
            log.warning("oauth device code refused: %s", answer.code)
            raise _explain(answer.code, ends) from None
        return TokenSet.from_response(data, time.time())


def with_oauth(account: MailAccount, **settings: str) -> MailAccount:
    """`account` with some `oauth` settings changed (e.g. a tenant or endpoint override)."""
    return replace(account, oauth={**account.oauth, **settings})


__all__ = [
    "DeviceCode",
    "Endpoints",
    "GOOGLE",
    "MICROSOFT",
    "OAuthError",
    "Provider",
    "TokenSet",
    "access_token",
    "endpoints",
    "google_account",
    "is_signed_in",
    "microsoft_account",
    "pkce_pair",
    "sign_in",
    "sign_out",
]

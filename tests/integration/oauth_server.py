"""A small OAuth2 authorisation server on 127.0.0.1 for the sign-in tests.

It plays Microsoft's identity platform (paths like /{tenant}/oauth2/v2.0/authorize) closely
enough for inbox.oauth, and the token-introspection endpoint Dovecot's oauth2 passdb calls:

* GET  .../authorize    issues a one-time code bound to client_id, redirect_uri and the PKCE
                        S256 challenge, and redirects to the loopback redirect_uri (code+state)
* POST .../token        grants authorization_code (checks code_verifier), refresh_token (rotates
                        the refresh token) and the device_code grant (authorization_pending
                        until approved, optionally one slow_down)
* POST .../devicecode   device authorisation (RFC 8628)
* POST /introspect      RFC 7662 for Dovecot: {"active": true, "username": ...} for a live
                        token it issued, {"active": false} otherwise

Tokens are opaque random strings; tests can expire or revoke them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CLIENT_ID = "loket-test-client"


@dataclass
class Issued:
    username: str  # the person the token belongs to
    expires_at: float
    revoked: bool = False


@dataclass
class PendingDevice:
    user_code: str
    client_id: str
    scope: str
    expires_at: float
    username: str | None = None  # set when the person approved
    denied: bool = False
    polls: int = 0


@dataclass
class OAuthServer:
    user: str = "kcc@gemeente.test"  # who signs in at the authorize endpoint
    expires_in: int = 3600
    device_interval: int = 1
    slow_down_once: bool = False
    deny_next: bool = False
    rotate_refresh_tokens: bool = True
    # person -> mailbox the introspection names for that person's tokens (shared mailbox test)
    shared_access: dict[str, str] = field(default_factory=dict)
    access: dict[str, Issued] = field(default_factory=dict)
    refresh: dict[str, Issued] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    devices: dict[str, PendingDevice] = field(default_factory=dict)
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    introspected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    _httpd: ThreadingHTTPServer | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> OAuthServer:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                state._get(self)

            def do_POST(self) -> None:  # noqa: N802
                state._post(self)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def authority(self, tenant: str = "gemeente-test") -> str:
        return f"{self.base}/{tenant}"

    # --- test controls -----------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the defaults between tests (issued tokens stay valid)."""
        with self.lock:
            self.user = "kcc@gemeente.test"
            self.expires_in = 3600
            self.device_interval = 1
            self.slow_down_once = False
            self.deny_next = False
            self.rotate_refresh_tokens = True
            self.shared_access.clear()
            self.requests.clear()
            self.introspected.clear()

    def issue(self, username: str, expires_in: int | None = None) -> str:
        """An access token for `username`, as if that person had signed in."""
        token = "at-" + secrets.token_urlsafe(32)
        with self.lock:
            self.access[token] = Issued(username, time.time() + (expires_in or self.expires_in))
        return token

    def expire(self, token: str) -> None:
        with self.lock:
            self.access[token].expires_at = time.time() - 1

    def revoke_access(self, token: str) -> None:
        with self.lock:
            self.access[token].revoked = True

    def revoke_refresh_tokens(self, username: str | None = None) -> None:
        with self.lock:
            for issued in self.refresh.values():
                if username is None or issued.username == username:
                    issued.revoked = True

    def approve_device(self, user_code: str, username: str | None = None) -> None:
        with self.lock:
            for device in self.devices.values():
                if device.user_code == user_code:
                    device.username = username or self.user

    def deny_device(self, user_code: str) -> None:
        with self.lock:
            for device in self.devices.values():
                if device.user_code == user_code:
                    device.denied = True

    def grants(self, grant_type: str) -> list[dict[str, str]]:
        return [f for path, _, f in self.requests if f.get("grant_type") == grant_type]

    # --- HTTP --------------------------------------------------------------------------------

    def _get(self, h: BaseHTTPRequestHandler) -> None:
        parts = urllib.parse.urlsplit(h.path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
        with self.lock:
            self.requests.append(("GET", parts.path, q))
        if not parts.path.endswith("/authorize"):
            self._json(h, 404, {"error": "not_found"})
            return
        redirect = q.get("redirect_uri", "")
        if not redirect.startswith("http://127.0.0.1:") or q.get("client_id") != CLIENT_ID:
            self._json(h, 400, {"error": "invalid_request"})
            return
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256":
            self._json(h, 400, {"error": "invalid_request"})
            return
        if self.deny_next:
            self.deny_next = False
            answer = {"error": "access_denied", "state": q.get("state", "")}
        else:
            code = "code-" + secrets.token_urlsafe(16)
            with self.lock:
                self.codes[code] = {
                    "client_id": q["client_id"],
                    "redirect_uri": redirect,
                    "challenge": q.get("code_challenge", ""),
                    "scope": q.get("scope", ""),
                }
            answer = {"code": code, "state": q.get("state", "")}
        h.send_response(302)
        h.send_header("Location", redirect + "?" + urllib.parse.urlencode(answer))
        h.send_header("Content-Length", "0")
        h.end_headers()

    def _post(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in urllib.parse.parse_qs(h.rfile.read(length).decode()).items()}
        path = urllib.parse.urlsplit(h.path).path
        with self.lock:
            self.requests.append(("POST", path, form))
        if path == "/introspect":
            self._json(h, 200, self._introspect(form.get("token", "")))
        elif path.endswith("/devicecode"):
            self._device_authorization(h, form)
        elif path.endswith("/token"):
            self._token(h, form)
        else:
            self._json(h, 404, {"error": "not_found"})

    def _introspect(self, token: str) -> dict[str, Any]:
        with self.lock:
            self.introspected.append(token)
            issued = self.access.get(token)
            if issued is None or issued.revoked or issued.expires_at <= time.time():
                return {"active": False}
            # Real Microsoft 365 does not introspect: Exchange Online checks that the token's
            # person has Full Access to the mailbox named in the XOAUTH2 user=. Dovecot's
            # oauth2 passdb can only compare one username, so here the introspection names the
            # shared mailbox for the tokens of a person who was granted access to it.
            username = self.shared_access.get(issued.username, issued.username)
            return {"active": True, "username": username, "exp": int(issued.expires_at)}

    def _device_authorization(self, h: BaseHTTPRequestHandler, form: dict[str, str]) -> None:
        if form.get("client_id") != CLIENT_ID:
            self._json(h, 400, {"error": "invalid_client"})
            return
        device_code = "dc-" + secrets.token_urlsafe(24)
        user_code = secrets.token_hex(4).upper()
        with self.lock:
            self.devices[device_code] = PendingDevice(
                user_code, CLIENT_ID, form.get("scope", ""), time.time() + 600
            )
        self._json(
            h,
            200,
            {
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": f"{self.base}/devicelogin",
                "expires_in": 600,
                "interval": self.device_interval,
                "message": f"Open {self.base}/devicelogin and enter {user_code}.",
            },
        )

    def _token(self, h: BaseHTTPRequestHandler, form: dict[str, str]) -> None:
        if form.get("client_id") != CLIENT_ID:
            self._json(h, 401, {"error": "invalid_client"})
            return
        grant = form.get("grant_type")
        with self.lock:
            if grant == "authorization_code":
                status, body = self._code_grant(form)
            elif grant == "refresh_token":
                status, body = self._refresh_grant(form)
            elif grant == "urn:ietf:params:oauth:grant-type:device_code":
                status, body = self._device_grant(form)
            else:
                status, body = 400, {"error": "unsupported_grant_type"}
        self._json(h, status, body)

    def _code_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        code = self.codes.pop(form.get("code", ""), None)  # one use only
        if code is None or code["redirect_uri"] != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != code["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE mismatch"}
        return 200, self._tokens(self.user, code["scope"])

    def _refresh_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        old = form.get("refresh_token", "")
        issued = self.refresh.get(old)
        if issued is None or issued.revoked:
            return 400, {"error": "invalid_grant", "error_description": "revoked"}
        body = self._tokens(
            issued.username, form.get("scope", ""), refresh=self.rotate_refresh_tokens
        )
        if self.rotate_refresh_tokens:
            issued.revoked = True  # rotation: the old refresh token is spent
        return 200, body

    def _device_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        device = self.devices.get(form.get("device_code", ""))
        if device is None:
            return 400, {"error": "invalid_grant"}
        device.polls += 1
        if device.expires_at <= time.time():
            return 400, {"error": "expired_token"}
        if device.denied:
            return 400, {"error": "access_denied"}
        if self.slow_down_once:
            self.slow_down_once = False
            return 400, {"error": "slow_down"}
        if device.username is None:
            return 400, {"error": "authorization_pending"}
        del self.devices[form["device_code"]]
        return 200, self._tokens(device.username, device.scope)

    def _tokens(self, username: str, scope: str, refresh: bool = True) -> dict[str, Any]:
        access = "at-" + secrets.token_urlsafe(32)
        self.access[access] = Issued(username, time.time() + self.expires_in)
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "access_token": access,
            "expires_in": self.expires_in,
            "scope": scope,
        }
        if refresh:
            token = "rt-" + secrets.token_urlsafe(32)
            self.refresh[token] = Issued(username, time.time() + 90 * 86400)
            body["refresh_token"] = token
        return body

    @staticmethod
    def _json(h: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        raw = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(raw)))
        h.send_header("Cache-Control", "no-store")
        h.end_headers()
        h.wfile.write(raw)

"""A throw-away Dovecot IMAP server on 127.0.0.1 for integration tests (see shared/recipes)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

CONF = """
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = {ssl}
{ssl_files}
disable_plaintext_auth = no
auth_mechanisms = plain login{oauth_mechs}
mail_location = sdbox:{dir}/mail/%u
mail_fsync = never
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 1
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port}
  }}
}}
service anvil {{
  chroot =
}}
{oauth_passdb}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/users
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={dir}/home/%u
}}
protocol imap {{
  mail_max_userip_connections = 50
}}
"""

OAUTH_PASSDB = """
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {dir}/oauth2.conf.ext
}}
"""

OAUTH_CONF = """introspection_mode = post
introspection_url = http://127.0.0.1:{token_port}/introspect
username_attribute = username
active_attribute = active
active_value = true
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"Dovecot did not start listening on {port}")


class Dovecot:
    def __init__(
        self,
        root: Path,
        *,
        cert: tuple[Path, Path] | None = None,
        token_port: int | None = None,
    ) -> None:
        self.root = root
        self.port = free_port()
        self.tls_port = free_port() if cert else 0
        self.cert = cert
        self.token_port = token_port
        self.users: dict[str, str] = {}

    def start(self) -> Dovecot:
        binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
        for sub in ("run", "state", "mail", "home"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        for folder in (self.root, *self.root.parents):  # dovecot's users must reach the folder
            os.chmod(folder, os.stat(folder).st_mode | 0o055)
        self._write_users()
        ssl_files = ""
        if self.cert:
            ssl_files = f"ssl_cert = <{self.cert[0]}\nssl_key = <{self.cert[1]}"
        oauth_passdb = ""
        if self.token_port:
            oauth_passdb = OAUTH_PASSDB.format(dir=self.root)
            (self.root / "oauth2.conf.ext").write_text(
                OAUTH_CONF.format(token_port=self.token_port)
            )
        (self.root / "dovecot.conf").write_text(
            CONF.format(
                dir=self.root,
                port=self.port,
                tls_port=self.tls_port,
                ssl="yes" if self.cert else "no",
                ssl_files=ssl_files,
                oauth_mechs=" xoauth2 oauthbearer" if self.token_port else "",
                oauth_passdb=oauth_passdb,
            )
        )
        subprocess.run(
            ["chown", "-R", "dovecot:dovecot", self.root / "mail", self.root / "home"], check=True
        )
        subprocess.run([binary, "-c", str(self.root / "dovecot.conf")], check=True)
        _wait_for_port(self.port)
        if self.tls_port:
            _wait_for_port(self.tls_port)
        return self

    def add_users(self, users: dict[str, str]) -> None:
        self.users.update(users)
        if (self.root / "dovecot.conf").exists():
            self._write_users()

    def _write_users(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        lines = "".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self.users.items())
        (self.root / "users").write_text(lines)

    def stop(self) -> None:
        pid_file = self.root / "run" / "master.pid"
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass
            deadline = time.monotonic() + 5
            while pid_file.exists() and time.monotonic() < deadline:
                time.sleep(0.05)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

"""Which OS keyring Loket accepts: never one that keeps secrets in a plain file, unless asked.

keyrings.alt (a test dependency) registers a plain-text file backend that wins when no desktop
keyring runs, and `PYTHON_KEYRING_BACKEND` can pick it by name. A real installation must not end
up with its database key in a file that way, so a plain-text backend is refused unless
`LOKET_ALLOW_PLAINTEXT_KEYRING=1` is set (the demo, `make run`, the tests and CI set it); Loket
then warns that the key lies in a file. `PYTHON_KEYRING_BACKEND` alone no longer suffices.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any

from inbox.errors import LoketError

log = logging.getLogger("loket.keyring")

ALLOW_PLAINTEXT = "LOKET_ALLOW_PLAINTEXT_KEYRING"

REFUSAL = (
    "Er is geen veilige sleutelbos (zoals GNOME Keyring of KWallet) beschikbaar; Loket bewaart "
    "sleutels en wachtwoorden niet onversleuteld (alleen voor een demo: "
    "LOKET_ALLOW_PLAINTEXT_KEYRING=1)."
)
WARNING = (
    "Let op: de sleutels en wachtwoorden van Loket staan onversleuteld in een bestand "
    "(LOKET_ALLOW_PLAINTEXT_KEYRING=1). Gebruik dit alleen voor een demo of test."
)

SHORT_WARNING = "Let op: sleutels staan onversleuteld in een bestand (demo)"

_warned = False


def _plaintext_backends(backend: Any) -> list[str]:
    """The names of the plain-text file backends in `backend` (a chainer holds several)."""
    parts = list(getattr(backend, "backends", None) or [backend])
    names = [f"{type(part).__module__}.{type(part).__name__}" for part in parts]
    return [name for name in names if _is_plaintext(name)]


def _is_plaintext(name: str) -> bool:
    # keyrings.alt's PlaintextKeyring, its base `Keyring` (base64 only), and the legacy name
    return name in (
        "keyrings.alt.file.PlaintextKeyring",
        "keyrings.alt.file.Keyring",
    ) or name.startswith("keyrings.alt.file.Plaintext")


def plaintext_allowed() -> bool:
    return os.environ.get(ALLOW_PLAINTEXT) == "1"


def uses_plaintext_file() -> bool:
    """Whether the keyring in force keeps secrets in a plain file (then `WARNING` applies)."""
    import keyring

    return bool(_plaintext_backends(keyring.get_keyring()))


class _OneAtATime:
    """The keyring's get/set/delete, one call at a time in this process: a file backend
    (keyrings.alt) reads, changes and rewrites its whole file, so two threads writing at once
    (the app's worker and its window) could leave a file it cannot read again."""

    _lock = threading.RLock()

    def __init__(self, module: Any) -> None:
        self._module = module

    def get_password(self, service: str, name: str) -> str | None:
        with self._lock:
            value: str | None = self._module.get_password(service, name)
            return value

    def set_password(self, service: str, name: str, value: str) -> None:
        with self._lock:
            self._module.set_password(service, name, value)

    def delete_password(self, service: str, name: str) -> None:
        with self._lock:
            self._module.delete_password(service, name)


def checked_keyring() -> Any:
    """The keyring (get/set/delete_password), refusing a plain-text file backend unless
    explicitly allowed."""
    import keyring

    if _plaintext_backends(keyring.get_keyring()):
        if not plaintext_allowed():
            raise LoketError(REFUSAL)
        _warn_once()
    return _OneAtATime(keyring)


def _warn_once() -> None:
    global _warned
    if _warned:
        return
    _warned = True
    log.warning("the keyring in use keeps secrets in a plain-text file")
    if sys.stderr is not None and sys.stderr.isatty():
        print(WARNING, file=sys.stderr)

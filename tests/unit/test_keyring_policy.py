"""The plain-text keyring: refused unless LOKET_ALLOW_PLAINTEXT_KEYRING=1, whatever
PYTHON_KEYRING_BACKEND says; allowed, Loket warns."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inbox import keyring_policy
from inbox.errors import LoketError
from inbox.services import Loket

ROOT = Path(__file__).resolve().parents[2]


def test_a_plain_text_backend_chosen_by_name_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert os.environ["PYTHON_KEYRING_BACKEND"] == "keyrings.alt.file.PlaintextKeyring"
    monkeypatch.delenv(keyring_policy.ALLOW_PLAINTEXT)
    with pytest.raises(LoketError, match="niet onversleuteld"):
        keyring_policy.checked_keyring()
    with pytest.raises(LoketError, match="niet onversleuteld"):
        Loket.open(tmp_path / "loket.db")  # a new database's key would land in the file
    assert not (tmp_path / "loket.db.key.json").exists()
    monkeypatch.setenv(keyring_policy.ALLOW_PLAINTEXT, "yes")  # only "1" counts
    with pytest.raises(LoketError):
        keyring_policy.checked_keyring()


def test_allowed_by_name_it_works_and_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(keyring_policy, "_warned", False)
    caplog.set_level(logging.WARNING, logger="loket.keyring")
    monkeypatch.setattr(logging.getLogger("loket"), "propagate", True)
    Loket.open(tmp_path / "loket.db").close()
    assert keyring_policy.uses_plaintext_file()
    assert any("plain-text file" in r.getMessage() for r in caplog.records)


def test_the_cli_refuses_with_one_dutch_line(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop(keyring_policy.ALLOW_PLAINTEXT)
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "l.db"), "cases", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [f"loket: {keyring_policy.REFUSAL}"]


def test_a_real_os_keyring_is_accepted_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class SecretService(KeyringBackend):  # stands in for GNOME Keyring / KWallet
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            pass

        def delete_password(self, service: str, username: str) -> None:
            pass

    monkeypatch.delenv(keyring_policy.ALLOW_PLAINTEXT)
    previous = keyring.get_keyring()
    keyring.set_keyring(SecretService())
    try:
        ring = keyring_policy.checked_keyring()
        ring.set_password("loket", "x", "y")  # reaches the OS keyring's backend
        assert ring.get_password("loket", "x") is None  # (this stand-in keeps nothing)
        assert not keyring_policy.uses_plaintext_file()
    finally:
        keyring.set_keyring(previous)


def test_threads_writing_the_plain_text_keyring_at_once_leave_it_readable() -> None:
    """The app's worker and its window both keep things in the keyring; with the file
    backend (the demo's) every write rewrites the whole file, so they take turns."""
    import threading

    ring = keyring_policy.checked_keyring()  # the test kit allows the plain-text file
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(15):
                ring.set_password("loket-test", f"t{n}-{i}", f"v{n}-{i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(ring.get_password("loket-test", f"t{n}-{i}") == f"v{n}-{i}"
               for n in range(6) for i in range(15))

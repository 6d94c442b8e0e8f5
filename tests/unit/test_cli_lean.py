"""A lean command line: each command loads only its own module of inbox/cli/, and `search`
(the command scripts run most) imports no Qt, no scheduler, no mail or Mastodon client, no
team-sync engine and no AES code; the blob key is derived without the cryptography package."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

from inbox import cli
from inbox.cli.common import DutchParser
from storage import crypto
from tests.conftest import ROOT, STAFF_PASSWORD, add_staff, receive_mail


def _registered(module: str) -> set[str]:
    parser = DutchParser(prog="loket")
    sub = parser.add_subparsers(dest="command")
    exports = DutchParser(prog="loket export").add_subparsers(dest="export_kind")
    importlib.import_module(module).add_commands(sub, exports)
    return set(sub.choices)


def test_every_command_is_found_in_the_module_that_registers_it() -> None:
    expected = {name: module for module in cli.MODULES for name in _registered(module)}
    assert cli.COMMANDS == expected
    assert set(cli.COMMANDS.values()) == set(cli.MODULES)


def test_the_command_word_is_found_after_the_global_options() -> None:
    assert cli.command_of(["--db", "x.db", "--user", "anne", "search", "x"]) == "search"
    assert cli.command_of(["--db=x.db", "--user=anne", "stats", "--json"]) == "stats"
    assert cli.command_of(["search", "--db", "x"]) == "search"
    assert cli.command_of(["--help"]) is None
    assert cli.command_of(["--db", "x.db"]) is None
    # an unknown word or `export` builds every command, so argparse lists them all
    parser = cli.build_parser(["--db", "x.db", "zoek", "x"])
    commands = next(a for a in parser._actions if a.dest == "command")
    assert {"search", "batch", "retention", "team"} <= set(commands.choices)  # type: ignore[arg-type]
    only = cli.build_parser(["search", "x"])
    commands = next(a for a in only._actions if a.dest == "command")
    assert set(commands.choices) == {"export", *_registered("inbox.cli.cases")}  # type: ignore[arg-type]


FORBIDDEN = (
    "PySide6", "shiboken6", "apscheduler", "imapclient", "smtplib", "sqlite_utils", "lxml",
    "inbox.sync", "inbox.channels.imap", "inbox.channels.smtp", "inbox.channels.mastodon",
    "inbox.oauth", "inbox.teamsync", "inbox.casework", "inbox.workspace", "inbox.archive",
    "cryptography.hazmat.primitives.ciphers",
)


def test_search_imports_only_what_it_uses(tmp_path: Path) -> None:
    from inbox.services import Loket

    db = tmp_path / "lean.db"
    loket = Loket.open(db)
    add_staff(loket)
    receive_mail(loket, "fatima@example.nl", "Paspoort kwijt", "Mijn paspoort is gestolen.")
    loket.close()
    code = (
        "import sys, main\n"
        f"rc = main.main(['--db', {str(db)!r}, '--user', 'anne', 'search', 'paspoort'])\n"
        "assert rc == 0, rc\n"
        f"bad = sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "LOKET_PASSWORD": STAFF_PASSWORD},
    )
    assert out.returncode == 0, out.stderr
    assert "Paspoort kwijt" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "LOADED:"


def test_the_blob_key_is_hkdf_sha256_as_before() -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    for n, purpose in enumerate(("blobs", "team/seal", "x" * 100)):
        key = bytes(range(n, n + 32))
        expected = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                        info=f"loket/{purpose}".encode()).derive(key)
        assert crypto.derive(key, purpose) == expected

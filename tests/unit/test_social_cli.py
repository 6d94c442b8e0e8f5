"""The social commands through the real command line (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, STAFF_PASSWORD
from tests.integration.mastodon_server import running
from tests.unit.test_cli import loket, staffed


def as_(user: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return loket(*args, env={"LOKET_USER": user, "LOKET_PASSWORD": STAFF_PASSWORD})

DATA = Path(__file__).resolve().parent.parent / "data" / "social"


def test_import_contact_and_export(tmp_path: Path) -> None:
    db = staffed(tmp_path / "x.db")
    files = [
        DATA / "WhatsApp-chat met Sanne Bakker.txt",
        DATA / "WhatsApp Chat with +31 6 55501234.txt",
        DATA / "direct-messages.js",
        DATA / "message_1.json",
    ]
    first = as_("anne", "--db", db, "import", *files, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {
        "imported": 3 + 4 + 3 + 3,
        "duplicates": 0,
        "unparsed": 0,
        "failed": [],
    }
    again = json.loads(as_("anne", "--db", db, "import", *files, "--json").stdout)
    assert (again["imported"], again["duplicates"]) == (0, 13)

    bad = tmp_path / "WhatsApp Chat - stuk.zip"
    bad.write_bytes((DATA / "WhatsApp Chat - Pieter Jansen.zip").read_bytes()[:100])
    failed = as_("anne", "--db", db, "import", bad)
    assert failed.returncode == 1
    assert "beschadigd of onvolledig" in failed.stdout
    assert "Traceback" not in failed.stderr

    cases = json.loads(as_("anne", "--db", db, "cases", "--json").stdout)
    assert {c["channel"] for c in cases} == {"whatsapp", "x", "facebook"}

    shown = as_("anne", "--db", db, "contact", "show", "06 55501234", "--json")
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert view["channels"] == ["whatsapp"]
    assert {"kind": "telefoonnummer", "value": "+31655501234"} in view["addresses"]
    assert len(view["messages"]) == 4

    suggestions = as_("anne", "--db", db, "contact", "suggestions", "--json")
    assert suggestions.returncode == 0 and json.loads(suggestions.stdout) == []

    out = tmp_path / "ki.json"
    exported = as_("arjen", "--db", db, "export", "klantinteracties", "--out", out, "--json")
    assert exported.returncode == 0, exported.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"klantcontacten", "betrokkenen", "partijen", "digitaleadressen"}
    assert len(data["klantcontacten"]) == 13

    missing = as_("anne", "--db", db, "contact", "show", "niemand@example.org")
    assert missing.returncode == 1 and "Geen inwoner" in missing.stderr


def test_mastodon_account_sync_and_reply(tmp_path: Path) -> None:
    db = staffed(tmp_path / "m.db")
    with running() as fake:
        bram = fake.person("12", "bram", "Bram Kok")
        fake.status(bram, "Mijn rijbewijs verloopt, wat moet ik doen?", visibility="direct")
        no_token = as_("bea", "--db", db, "account", "add", "mastodon", "--name", "M",
                       "--url", fake.url)
        assert no_token.returncode == 1 and "--token-stdin" in no_token.stderr
        added = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--user", "bea", "account",
             "add", "mastodon", "--name", "M", "--url", fake.url, "--token-stdin", "--json"],
            input=fake.token + "\n", capture_output=True, text=True, timeout=120, cwd=ROOT,
            env={**os.environ, "LOKET_PASSWORD": STAFF_PASSWORD},
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        assert json.loads(added.stdout)["acct"].startswith("gemeente@")

        first = as_("anne", "--db", db, "mastodon", "sync", "--json")
        assert first.returncode == 0, first.stderr
        assert json.loads(first.stdout) == [
            {"account": "M", "ok": True, "fetched": 1, "error": None}
        ]
        second = json.loads(as_("anne", "--db", db, "mastodon", "sync", "--json").stdout)
        assert second[0]["fetched"] == 0
        listed = as_("bea", "--db", db, "account", "list", "--json")
        assert any(r["account"] == "M" for r in json.loads(listed.stdout))

        reference = json.loads(as_("anne", "--db", db, "cases", "--json").stdout)[0]["reference"]
        replied = as_("anne", "--db", db, "mastodon", "reply", reference, "--text", "Kom langs.")
        assert replied.returncode == 0, replied.stderr
        assert fake.posted[-1]["visibility"] == "direct"

        fake.revoked = True
        revoked = as_("anne", "--db", db, "mastodon", "sync")
        assert revoked.returncode == 1
        assert "ingetrokken of verlopen" in revoked.stderr

"""The benchmark databases: each one encrypted like a user's, with a plain copy for baselines.

    from tests.bench import benchdb
    benchdb.use_bench_keyring()                     # before anything opens a keyring
    pair = benchdb.prepare(100_000, 300_000, seed)  # built once, cached in tests/bench/out/

A pair is built once per version key (generator version, schema version, sizes, seed):
tests.bench.datagen writes a plain database, which is compacted (VACUUM INTO) into the plain
copy the baselines read with Python's own sqlite3; the encrypted database is a copy of it
switched to encryption the way a user's old database is (inbox.privacy.keys.encrypt_existing:
SQLCipher 4, a new key in the keyring, a key file beside it). So both files hold the same pages
in the same order, and the only difference between a Loket figure and its baseline is
encryption (and Loket's own work).

The key lives in a plain-text keyring file under tests/bench/out/keyring (keyrings.alt, chosen
explicitly, as the tests do): the benchmarks never touch the keyring of the person running them.
The staff in the database (mw01 .. mw20, medewerker) share the password PASSWORD, so the start
and command-line benchmarks sign in as a real user would.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.migrations import SCHEMA_VERSION
from tests.bench import datagen

OUT = Path(__file__).resolve().parent / "out"
KEYRING_HOME = OUT / "keyring"
USER = "mw01"
PASSWORD = "bench-wachtwoord-7391"


@dataclass(frozen=True)
class BenchDB:
    """One cached benchmark database: `encrypted` for Loket, `plain` for the baselines."""

    encrypted: Path
    plain: Path
    cases: int
    messages: int
    stats: dict[str, Any]
    cached: bool

    def env(self) -> dict[str, str]:
        """Environment of a child process that opens `encrypted` and signs in as USER."""
        env = dict(os.environ)
        env.update(keyring_env())
        env["LOKET_USER"] = USER
        env["LOKET_PASSWORD"] = PASSWORD
        return env


def keyring_env() -> dict[str, str]:
    return {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "LOKET_ALLOW_PLAINTEXT_KEYRING": "1",  # the bench's own file, never a user's keyring
        "XDG_DATA_HOME": str(KEYRING_HOME),
    }


def use_bench_keyring() -> None:
    """This process (and its children) keep keys in the bench's own keyring file."""
    KEYRING_HOME.mkdir(parents=True, exist_ok=True)
    os.environ.update(keyring_env())


def size_arguments(parser: argparse.ArgumentParser) -> None:
    """--cases, --messages and --seed: the generated database a benchmark runs on."""
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=20260101)


def prepare_from(args: argparse.Namespace, rebuild: bool = False) -> BenchDB:
    """The database `size_arguments` asked for."""
    return prepare(args.cases, args.messages, args.seed, rebuild)


def _key(cases: int, messages: int, seed: int) -> str:
    return f"g{datagen.GENERATOR_VERSION}-s{SCHEMA_VERSION}-{cases}c-{messages}m-seed{seed}"


def _stem(cases: int, messages: int, seed: int) -> str:
    return f"loket-bench-{_key(cases, messages, seed)}"


def _remove(path: Path) -> None:
    """A database and everything beside it (WAL, key file, blob folder)."""
    for f in path.parent.glob(path.name + "*"):
        if f.is_dir():
            shutil.rmtree(f)
        else:
            f.unlink()


def prepare(cases: int, messages: int, seed: int, rebuild: bool = False) -> BenchDB:
    """The cached pair for these sizes, built when missing (or with `rebuild`)."""
    use_bench_keyring()
    stem = _stem(cases, messages, seed)
    encrypted = OUT / f"{stem}.db"
    plain = OUT / f"{stem}.plain.db"
    meta_path = OUT / f"{stem}.json"
    ready = all(p.exists() for p in (encrypted, plain, meta_path)) and Path(
        str(encrypted) + ".key.json"
    ).exists()
    if ready and not rebuild:
        return BenchDB(encrypted, plain, cases, messages, json.loads(meta_path.read_text()),
                       cached=True)
    OUT.mkdir(parents=True, exist_ok=True)
    current = f"loket-bench-g{datagen.GENERATOR_VERSION}-s{SCHEMA_VERSION}-"
    for old in OUT.glob("loket-bench-*"):
        # other versions (1-2 GB each) and this one's leftovers
        if not old.name.startswith(current) or old.name.startswith(stem):
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink()
    print(f"building {cases:,} cases / {messages:,} messages -> {stem}", flush=True)
    building = OUT / f"{stem}.building.db"
    stats: dict[str, Any] = dict(datagen.build_database(building, cases, messages, seed))
    _set_passwords(building)
    t0 = time.perf_counter()
    conn = sqlite3.connect(building)
    conn.execute("VACUUM INTO ?", (str(plain),))
    conn.close()
    _remove(building)
    stats["vacuum_seconds"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    shutil.copyfile(plain, encrypted)
    from inbox.privacy import keys

    keys.encrypt_existing(encrypted)
    stats["encrypt_seconds"] = time.perf_counter() - t0
    stats["size_mb"] = plain.stat().st_size / 1e6
    stats["encrypted_mb"] = encrypted.stat().st_size / 1e6
    stats["built_at"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    meta_path.write_text(json.dumps(stats, indent=1))
    return BenchDB(encrypted, plain, cases, messages, stats, cached=False)


def _set_passwords(path: Path) -> None:
    """Every member of staff gets PASSWORD (argon2id, as Loket hashes it)."""
    from inbox.privacy import auth

    hashed = auth.hash_password(PASSWORD)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE users SET password_hash = ?, must_change_password = 0", (hashed,))
    conn.close()


def copy_encrypted(db: BenchDB, target: Path) -> Path:
    """A private copy of the encrypted database (with its key file) to write into."""
    _remove(target)
    shutil.copyfile(db.encrypted, target)
    shutil.copyfile(str(db.encrypted) + ".key.json", str(target) + ".key.json")
    return target

"""E-mail sync benchmark: Loket's first sync of a 10,000-message mailbox against a bare
imapclient fetch and against mbsync (isync), all from the same real Dovecot on 127.0.0.1.

    .venv/bin/python -m tests.bench.imap_bench          # writes its section of BENCHMARKS.md
    .venv/bin/python -m tests.bench.imap_bench --messages 2000 --repeat 1 --no-write   # a try
    .venv/bin/python -m tests.bench.imap_bench --profile  # also a cProfile of one Loket run

Run it after `make bench` (tests.bench.run rewrites BENCHMARKS.md; this script then puts its
own section back, between its markers, so running it twice leaves one copy).

The mailbox is filled before any clock starts: realistic synthetic resident e-mail (Dutch text
from tests.bench.datagen, 1-20 KB each, a third multipart/alternative with HTML, a tenth with a
small attachment, a quarter replies with In-Reply-To/References). Timed, each `--repeat` times
in rotating order, medians reported:

(a) raw: one imapclient connection, SELECT (read-only), UID SEARCH ALL, FETCH BODY.PEEK[] in
    batches of 50 (Loket's batch size); the bytes are kept in memory, nothing else.
(b) mbsync: `mbsync -c mbsyncrc -a` pulling INBOX into a fresh, empty Maildir (new state each
    run), mbsync's defaults (FSync yes).
(c) Loket: inbox.channels.imap.sync_account into a fresh database (SQLCipher, key in the
    keyring): fetch, parse in worker processes while the previous batch is written, small
    originals into the encrypted database and large ones and attachments to the encrypted blob
    store (fsynced), thread, contacts, cases, full-text index, one transaction per batch.
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import email.utils
import io
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.bench.report import cpu_model, publish

START, END = "<!-- imap_bench:start -->", "<!-- imap_bench:end -->"
HEADING = "## E-mail sync (imap_bench)"
USER, PASSWORD = "bench@gemeente.test", "geheim"
TARGET = 1.0  # Loket no slower than mbsync (issue 16)


# -- the mailbox -----------------------------------------------------------------------------


def make_messages(n: int, seed: int) -> list[bytes]:
    """n realistic resident e-mails of 1-20 KB; deterministic for a seed."""
    from tests.bench import datagen

    rng = random.Random(seed)
    vocab = datagen.vocabulary(rng, pool=6_000)
    people = [
        (f"{rng.choice(datagen.FIRST_NAMES)} {rng.choice(datagen.LAST_NAMES)}", i)
        for i in range(max(1, n // 3))
    ]
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    sent: list[tuple[str, str, str]] = []  # message-id, subject, address of earlier mail
    out = []
    for i in range(1, n + 1):
        name, pid = rng.choice(people)
        address = f"{name.lower().replace(' ', '.')}{pid}@example.nl"
        topic = rng.randrange(len(datagen.TOPICS))
        size = int(rng.triangular(1_000, 20_000, 3_000))  # the whole message, headers included
        kind = "attachment" if rng.random() < 0.1 else "html" if rng.random() < 0.33 else "plain"
        room = size - 480  # headers and MIME framing
        if kind == "attachment":
            text_size = max(200, room // 4)
            attachment_size = max(100, (room - text_size) * 3 // 4)  # base64 adds a third
        elif kind == "html":
            text_size = max(200, room * 10 // 22)  # the HTML copy is about 10% bigger
        else:
            text_size = max(200, room)
        text_parts = []
        total = 0
        while total < text_size:
            part = datagen.body(rng, vocab, topic, name, outbound=False)
            text_parts.append(part)
            total += len(part) + 2
        text = "\n\n".join(text_parts)[:text_size].rsplit(" ", 1)[0]
        subject = rng.choice(vocab.subjects[topic])
        mid = f"<{i}.{rng.randrange(10**9)}@mail.example.nl>"
        headers = [
            f"From: {name} <{address}>",
            "To: Gemeente Klantcontact <info@gemeente.test>",
            f"Date: {email.utils.format_datetime(start + timedelta(minutes=7 * i))}",
            f"Message-ID: {mid}",
            "MIME-Version: 1.0",
        ]
        if sent and rng.random() < 0.25:
            parent_id, parent_subject, _ = rng.choice(sent[-500:])
            subject = "Re: " + parent_subject.removeprefix("Re: ")
            headers += [f"In-Reply-To: {parent_id}", f"References: {parent_id}"]
        headers.append(f"Subject: {subject}")
        sent.append((mid, subject, address))
        body = _wrap(text)
        if kind == "attachment":
            data = rng.randbytes(attachment_size)

            encoded = base64.encodebytes(data).decode().replace("\n", "\r\n")
            raw = "\r\n".join(headers) + (
                '\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n'
                "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n"
                '--b1\r\nContent-Type: application/pdf; name="bijlage.pdf"\r\n'
                'Content-Disposition: attachment; filename="bijlage.pdf"\r\n'
                "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "--b1--\r\n"
            )
        elif kind == "html":
            html = "".join(f"<p>{p}</p>\r\n" for p in body.split("\r\n\r\n"))
            raw = "\r\n".join(headers) + (
                '\r\nContent-Type: multipart/alternative; boundary="a1"\r\n\r\n'
                "--a1\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n"
                "--a1\r\nContent-Type: text/html; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n<html><body>" + html
                + "</body></html>\r\n--a1--\r\n"
            )
        else:
            raw = "\r\n".join(headers) + (
                "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n"
            )
        out.append(raw.encode("utf-8"))
    return out


def _wrap(text: str, width: int = 76) -> str:
    lines = []
    for para in text.split("\n\n"):
        line = ""
        for word in para.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        lines.append("")
    return "\r\n".join(lines).rstrip("\r\n")


def fill(port: int, raws: list[bytes]) -> None:
    from imapclient import IMAPClient

    with IMAPClient("127.0.0.1", port=port, ssl=False) as c:
        c.login(USER, PASSWORD)
        for i in range(0, len(raws), 250):
            c.multiappend("INBOX", [{"msg": r, "flags": []} for r in raws[i : i + 250]])
        assert c.select_folder("INBOX", readonly=True)[b"EXISTS"] == len(raws)


# -- the three contenders ------------------------------------------------------------------


def run_raw(port: int, expect: int) -> float:
    from imapclient import IMAPClient

    t0 = time.perf_counter()
    kept: list[bytes] = []
    with IMAPClient("127.0.0.1", port=port, ssl=False) as c:
        c.login(USER, PASSWORD)
        c.select_folder("INBOX", readonly=True)
        uids = sorted(c.search(["ALL"]))
        for i in range(0, len(uids), 50):
            fetched = c.fetch(uids[i : i + 50], ["BODY.PEEK[]"])
            kept.extend(bytes(v[b"BODY[]"]) for v in fetched.values())
    elapsed = time.perf_counter() - t0
    assert len(kept) == expect, (len(kept), expect)
    return elapsed


MBSYNCRC = """IMAPAccount bench
Host 127.0.0.1
Port {port}
User {user}
Pass {password}
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path {maildir}/
Inbox {maildir}/INBOX
SubFolders Verbatim

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Create Near
Sync Pull
SyncState *
"""


def run_mbsync(port: int, work: Path, expect: int) -> float:
    folder = Path(tempfile.mkdtemp(prefix="mbsync-", dir=work))
    rc = folder / "mbsyncrc"
    rc.write_text(MBSYNCRC.format(port=port, user=USER, password=PASSWORD,
                                  maildir=folder / "mail"))
    (folder / "mail").mkdir()
    t0 = time.perf_counter()
    out = subprocess.run(["mbsync", "-c", str(rc), "-a"], capture_output=True, text=True,
                         timeout=600)
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"mbsync failed: {out.stderr.strip()}")
    inbox = folder / "mail" / "INBOX"
    got = sum(len(os.listdir(inbox / sub)) for sub in ("new", "cur"))
    assert got == expect, (got, expect)
    shutil.rmtree(folder)
    return elapsed


def run_loket(port: int, work: Path, expect: int,
              wrap: Callable[[Callable[[], Any]], Any] | None = None) -> float:
    from inbox.accounts import Accounts, MailAccount, Security
    from inbox.channels.imap import sync_account
    from inbox.services import Loket

    folder = Path(tempfile.mkdtemp(prefix="loket-", dir=work))
    loket = Loket.open(folder / "loket.db")
    try:
        account = Accounts(loket).add_mail(
            MailAccount(name="bench", host="127.0.0.1", port=port, security=Security.NONE,
                        username=USER),
            PASSWORD,
        )
        t0 = time.perf_counter()
        if wrap is None:
            report = sync_account(loket, account, PASSWORD)
        else:
            report = wrap(lambda: sync_account(loket, account, PASSWORD))
        elapsed = time.perf_counter() - t0
        assert report.fetched == expect, (report.fetched, expect)
        assert loket.db.scalar("SELECT count(*) FROM messages") == expect
    finally:
        loket.close()
        shutil.rmtree(folder, ignore_errors=True)
    return elapsed


# -- where Loket's time goes ------------------------------------------------------------------


STAGES = (
    "IMAP FETCH (network, imapclient parsing)",
    "digests and duplicate check of each fetched batch",
    "waiting for the parser processes (parse_email runs there, beside the rest)",
    "filing a batch (originals into the database, contacts, threading, cases, messages, "
    "search index, attachments, events)",
    "commit and sync state (the batch's transaction, WAL writes and checkpoints)",
)
BLOB_WRITES = "blob files"


def breakdown(port: int, work: Path, expect: int) -> tuple[float, dict[str, float]]:
    """One extra Loket run with wall-clock timers around the stages of the sync path (the
    functions inbox.channels.imap calls; parsing runs in worker processes, so only the time
    the sync waits for it counts here)."""
    from imapclient import IMAPClient

    from inbox.channels import filing, imap
    from inbox.channels.parsing import Pending
    from storage.blobs import BlobStore

    spent: dict[str, float] = {}
    originals: list[Any] = []

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def inner(*a: Any, **k: Any) -> Any:
            key = name
            if name == "fetch" and "BODY.PEEK[]" in str(a[2] if len(a) > 2 else k):
                key = "body fetch"
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - t0
        return inner

    patches = [
        (IMAPClient, "fetch", "fetch"),
        (imap, "_fetch", "_fetch"),
        (Pending, "result", "parse wait"),
        (filing, "file_batch", "filing"),
        (imap, "_write", "_write"),
        (BlobStore, "put_many", BLOB_WRITES),
    ]
    for owner, attr, name in patches:
        original = getattr(owner, attr)
        originals.append((owner, attr, original))
        setattr(owner, attr, timed(name, original))
    try:
        total = run_loket(port, work, expect)
    finally:
        for owner, attr, original in originals:
            setattr(owner, attr, original)

    def get(key: str) -> float:
        return spent.get(key, 0.0)

    return total, {
        STAGES[0]: get("fetch") + get("body fetch"),
        STAGES[1]: get("_fetch") - get("body fetch"),
        STAGES[2]: get("parse wait"),
        STAGES[3]: get("filing"),
        STAGES[4]: get("_write") - get("parse wait") - get("filing"),
        BLOB_WRITES: get(BLOB_WRITES),
    }


SIZES = (16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024)


def inline_threshold(work: Path, total_bytes: int = 16 * 1024 * 1024) -> list[tuple[int, float,
                                                                                   float]]:
    """Where small originals belong: (size, seconds into the encrypted database, seconds as
    encrypted fsynced files) for `total_bytes` of blobs of each size, written in batches of
    at most 200 as the sync does (database: one transaction and commit per batch, the WAL
    checkpointed at the end; files: BlobStore.put_many, one fsync per file and folder)."""
    import hashlib

    from storage.blobs import BlobStore
    from storage.db import connect

    key = os.urandom(32)
    out = []
    for size in SIZES:
        rng = random.Random(size)
        blobs = [rng.randbytes(size) for _ in range(max(8, total_bytes // size))]
        folder = Path(tempfile.mkdtemp(prefix="inline-", dir=work))
        db = connect(folder / "x.db", key)
        store = BlobStore(folder / "x.blobs", key)
        store.attach(db)
        t0 = time.perf_counter()
        for i in range(0, len(blobs), 200):
            with db.transaction():
                store.put_inline([(hashlib.sha256(b).hexdigest(), b) for b in blobs[i:i + 200]])
        db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        in_db = time.perf_counter() - t0
        files = BlobStore(folder / "files", key)
        t0 = time.perf_counter()
        for i in range(0, len(blobs), 200):
            files.put_many(blobs[i:i + 200])
        as_files = time.perf_counter() - t0
        db.close()
        shutil.rmtree(folder, ignore_errors=True)
        out.append((size, in_db, as_files))
    return out


def profile_once(port: int, work: Path, expect: int, top: int = 25) -> str:
    prof = cProfile.Profile()

    def wrap(fn: Callable[[], Any]) -> Any:
        return prof.runcall(fn)

    run_loket(port, work, expect, wrap)
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# -- report ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = cpu_model(platform.processor() or "?")

    def version(cmd: list[str]) -> str:
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "?"

    import imapclient
    import sqlcipher3

    return {
        "CPU": f"{os.cpu_count()} × {cpu}",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "SQLCipher (SQLite)": sqlcipher3.dbapi2.sqlite_version,
        "IMAPClient": imapclient.__version__,
        "Dovecot": version(["dovecot", "--version"]),
        "mbsync": version(["mbsync", "--version"]),
        "Disk for the databases/Maildirs": _fs_type(),
    }


def _fs_type() -> str:
    try:
        out = subprocess.run(["df", "-T", tempfile.gettempdir()], capture_output=True,
                             text=True, timeout=10)
        return f"{out.stdout.splitlines()[1].split()[1]} ({tempfile.gettempdir()})"
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.imap_bench")
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261102)
    parser.add_argument("--no-write", action="store_true", help="do not write BENCHMARKS.md")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of Loket")
    args = parser.parse_args(argv)
    if shutil.which("mbsync") is None:
        print("mbsync is missing: install the Debian package isync (make system-deps)")
        return 2
    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="loket-imap-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # a keyring of our own: the benchmark's database keys never reach the user's keyring
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        os.environ["LOKET_ALLOW_PLAINTEXT_KEYRING"] = "1"
        for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "home/.local/share"),
                         ("XDG_CONFIG_HOME", "home/.config"), ("LOKET_DATA_DIR", "data")):
            os.environ[var] = str(tmp / sub)
        work = tmp / "work"
        work.mkdir()
        from tests.integration.dovecot import Dovecot

        print(f"generating {args.messages:,} messages", flush=True)
        raws = make_messages(args.messages, args.seed)
        sizes = sorted(map(len, raws))
        dovecot = Dovecot(tmp / "dovecot")
        dovecot.add_users({USER: PASSWORD})
        dovecot.start()
        try:
            t0 = time.perf_counter()
            fill(dovecot.port, raws)
            fill_s = time.perf_counter() - t0
            print(f"filled Dovecot in {fill_s:.1f} s", flush=True)
            n = len(raws)
            run_raw(dovecot.port, n)  # warm-up: Dovecot's caches and the page cache
            times: dict[str, list[float]] = {"raw": [], "mbsync": [], "loket": []}
            runners: dict[str, Callable[[], float]] = {
                "raw": lambda: run_raw(dovecot.port, n),
                "mbsync": lambda: run_mbsync(dovecot.port, work, n),
                "loket": lambda: run_loket(dovecot.port, work, n),
            }
            order = ["raw", "mbsync", "loket"]
            for i in range(args.repeat):
                for name in order[i % 3 :] + order[: i % 3]:
                    secs = runners[name]()
                    times[name].append(secs)
                    print(f"  run {i + 1} {name:<7} {secs:6.2f} s", flush=True)
            staged_total, stages = breakdown(dovecot.port, work, n)
            threshold = inline_threshold(work)
            profile = profile_once(dovecot.port, work, n) if args.profile else ""
        finally:
            dovecot.stop()
    whole = time.perf_counter() - began
    med = {k: statistics.median(v) for k, v in times.items()}
    vs_raw, vs_mbsync = med["loket"] / med["raw"], med["loket"] / med["mbsync"]
    met = vs_mbsync <= TARGET
    mb = sum(sizes) / 1e6
    info = machine()
    info["Load average (1 min) at the start and the end"] = (
        f"{load_before:.1f}, {os.getloadavg()[0]:.1f} (other work on the machine: with "
        f"{os.cpu_count()} cores a load above that many makes every figure noisy, Loket's "
        "CPU-heavy run more than mbsync's I/O-bound one)"
    )
    blob_writes = stages.pop(BLOB_WRITES, 0.0)
    other = staged_total - sum(stages.values())
    rate = lambda s: f"{n / s:,.0f} msg/s, {mb / s:.1f} MB/s"  # noqa: E731
    lines = [
        START,
        HEADING,
        "",
        "Generated by `.venv/bin/python -m tests.bench.imap_bench` (`make bench` runs it after "
        "tests.bench.run, which rewrites this file; the script replaces only this section). "
        f"Date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; whole run {whole:.0f} s.",
        "",
        "| first sync of the INBOX | median | rate | runs |",
        "|---|---:|---:|---|",
        *[
            f"| {label} | {med[k]:.2f} s | {rate(med[k])} | "
            f"{', '.join(f'{s:.2f}' for s in times[k])} s |"
            for k, label in (
                ("raw", "(a) raw imapclient fetch"),
                ("mbsync", "(b) mbsync into a Maildir"),
                ("loket", "(c) Loket sync_account"),
            )
        ],
        "",
        "| ratio | value | target | |",
        "|---|---:|---|---|",
        f"| Loket vs raw imapclient | {vs_raw:.2f}x | none (information) | |",
        f"| Loket vs mbsync | {vs_mbsync:.2f}x | <= {TARGET}x | "
        f"{'met' if met else '**missed**'} |",
        "",
        f"- Mailbox: {n:,} synthetic resident e-mails ({mb:.1f} MB; median "
        f"{sizes[n // 2] / 1000:.1f} KB, smallest {sizes[0] / 1000:.1f} KB, largest "
        f"{sizes[-1] / 1000:.1f} KB): Dutch text from tests.bench.datagen, a third "
        "multipart/alternative with HTML, a tenth with a PDF-like attachment, a quarter "
        f"replies (In-Reply-To/References); seed {args.seed}. Filled by MULTIAPPEND before any "
        f"clock starts ({fill_s:.1f} s). Dovecot on 127.0.0.1, sdbox, no TLS.",
        "- (a) one imapclient connection: SELECT read-only, UID SEARCH ALL, FETCH BODY.PEEK[] "
        "in batches of 50, bytes kept in memory. (b) `mbsync -c mbsyncrc -a` (Sync Pull, "
        "FSync yes by default) into a fresh Maildir with fresh state each run. (c) "
        "`inbox.channels.imap.sync_account` into a fresh SQLCipher database: fetch in batches "
        "of up to 200 messages / 32 MB; parse in worker processes (one per core) while the "
        "previous batch is written; originals below 256 KB into the encrypted database in the "
        "batch's transaction, larger ones and attachments to the encrypted blob store (written "
        "and fsynced on a thread before the rows naming them); contacts, threading, cases, "
        "full-text index and events with a few statements per message; one transaction per "
        "batch.",
        f"- {args.repeat} runs of each after one untimed raw warm-up, order rotating per "
        "round; medians.",
        "",
        f"Where Loket's time goes (one extra instrumented run, {staged_total:.2f} s, timers "
        "wrapped around the functions inbox.channels.imap calls; parsing runs in worker "
        "processes beside these stages, so only the sync's wait for it shows):",
        "",
        "| stage | time | share |",
        "|---|---:|---:|",
        *[
            f"| {name} | {stages.get(name, 0.0):.2f} s | "
            f"{stages.get(name, 0.0) / staged_total:.0%} |"
            for name in STAGES
        ],
        f"| other (connect, SELECT, SEARCH, the loop) | {other:.2f} s | "
        f"{other / staged_total:.0%} |",
        f"| *beside the stages above, on a thread: blob files of attachments and large "
        f"originals (write, fsync, rename, directory fsync)* | {blob_writes:.2f} s | "
        f"{blob_writes / staged_total:.0%} |",
        "",
        "Where small originals belong (`inline_threshold`: 16 MiB of random blobs per size, "
        "in batches of up to 200, each way encrypted; the database commits per batch and "
        "checkpoints at the end, the files are fsynced per batch (all at once) with their "
        "folders): originals below `storage.blobs.INLINE_MAX` (256 KiB) go into the database.",
        "",
        "| blob size | into the database | as files | files / database |",
        "|---:|---:|---:|---:|",
        *[
            f"| {size // 1024} KiB | {db_s:.2f} s | {file_s:.2f} s | {file_s / db_s:.1f}x |"
            for size, db_s, file_s in threshold
        ],
        "",
        "Machine:",
        "",
        *[f"- {k}: {v}" for k, v in info.items()],
        END,
    ]
    publish(lines, START, END, write=not args.no_write)
    if profile:
        print(profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())

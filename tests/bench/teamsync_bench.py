"""Team sync benchmark: a laptop catching up on 10,000 team events vs fetching 10,000 plain
messages of the same size, both from the same real Dovecot on 127.0.0.1.

    .venv/bin/python -m tests.bench.teamsync_bench            # writes its section of BENCHMARKS.md
    .venv/bin/python -m tests.bench.teamsync_bench --events 2000 --no-write    # a quick try

Three mailboxes are filled before the clock starts:
- one event per message (the worst case: every edit uploaded on its own), sealed with AES-GCM;
- the same events in batches of 500 (what a laptop uploads after a pass with many edits);
- plain messages of the same size as the one-event messages (the baseline).
Timed: engine.sync_pass on a fresh laptop that already fetched the mail (fetch, open, record,
apply to its cases) vs a bare imapclient SELECT + SEARCH + FETCH BODY.PEEK[] of every baseline
message in chunks of 100 (the same chunking). Each is run `--repeat` times on fresh databases.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from imapclient import IMAPClient

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
os.environ["LOKET_ALLOW_PLAINTEXT_KEYRING"] = "1"

from inbox.teamsync import engine, events, imapstore  # noqa: E402
from inbox.teamsync.engine import FETCH_CHUNK  # noqa: E402
from tests.bench.report import publish  # noqa: E402
from tests.integration.dovecot import Dovecot  # noqa: E402
from tests.unit.test_teamsync_support import KEY, Inbox, laptop, ref, team_uids  # noqa: E402

START, END = "<!-- teamsync:start -->", "<!-- teamsync:end -->"
USERS = {"one@gemeente.test": "geheim", "batch@gemeente.test": "geheim",
         "plain@gemeente.test": "geheim"}


def produce(
    tmp: Path, n_events: int, cases: int, seed: int
) -> tuple[list[events.Event], events.Signer, Inbox]:
    """Make n_events team events on one laptop through the services (notes, assigns, status),
    signed by that laptop as its uploads are; its announcements first."""
    rng = random.Random(seed)
    inbox = Inbox()
    for n in range(1, cases + 1):
        inbox.deliver(n)
    a = laptop(tmp, "producer", "anne", 1)
    inbox.fetch(a)
    refs = [ref(a, u) for u in team_uids(a)]
    words = "paspoort afspraak container vergunning bezwaar terugbellen adres".split()
    while a.db.scalar("SELECT count(*) FROM team_events") < n_events:
        r = rng.choice(refs)
        pick = rng.random()
        a.user = rng.choice(("anne", "bram", "cas"))  # (as if each signed in there)
        if pick < 0.6:
            a.add_note(r, " ".join(rng.choice(words) for _ in range(rng.randint(5, 40))))
        elif pick < 0.8:
            a.assign(r, rng.choice(("anne", "bram", "cas")))
        else:
            a.set_status(r, rng.choice(("in_behandeling", "wacht_op_inwoner")))
    signer = engine.signer(a)
    rows = a.db.query("SELECT body FROM team_events ORDER BY kind != 'device_joined', hlc, "
                      "device, id LIMIT ?", (n_events,))
    out = [events.Event.loads(r["body"]).signed_by(signer.key) for r in rows]
    a.close()
    # sent by the person who set the laptop up (announced first, as an upload does)
    return out, replace(signer, user=str(out[0].data["user"])), inbox


def fill(client: IMAPClient, folder: str, raws: list[bytes]) -> None:
    if not client.folder_exists(folder):
        client.create_folder(folder)
    for raw in raws:
        client.append(folder, raw)


def catch_up(dovecot: Dovecot, user: str, tmp: Path, inbox: Inbox, key: bytes,
             name: str) -> tuple[float, engine.PassReport]:
    lk = laptop(tmp, name, "cas", 3)
    inbox.fetch(lk)  # the mail pass comes first and is not part of this figure
    client = IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login(user, USERS[user])
    try:
        folder = imapstore.ImapFolder(client)
        t0 = time.perf_counter()
        report = engine.sync_pass(lk, folder, key, upload=False)
        elapsed = time.perf_counter() - t0
    finally:
        client.logout()
        lk.close()
    return elapsed, report


def raw_fetch(dovecot: Dovecot, folder: str) -> tuple[float, int]:
    client = IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login("plain@gemeente.test", "geheim")
    try:
        t0 = time.perf_counter()
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        got = 0
        for start in range(0, len(uids), FETCH_CHUNK):
            fetched = client.fetch(uids[start : start + FETCH_CHUNK], ["BODY.PEEK[]"])
            got += sum(len(v[b"BODY[]"]) for v in fetched.values())
        return time.perf_counter() - t0, got
    finally:
        client.logout()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.teamsync_bench")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print(f"producing {args.events:,} events on {args.cases} cases", flush=True)
        t0 = time.perf_counter()
        evs, signer, inbox = produce(tmp, args.events, args.cases, args.seed)
        produce_s = time.perf_counter() - t0
        key = KEY
        stamp = "2026-11-03T10:00:00Z"
        one = [events.encode_batch([e], key, signer, at=stamp, audit_head=(1, "0" * 64))
               for e in evs]
        batched = [events.encode_batch(evs[i : i + events.MAX_BATCH], key, signer, at=stamp,
                                       audit_head=(1, "0" * 64))
                   for i in range(0, len(evs), events.MAX_BATCH)]
        avg = sum(map(len, one)) // len(one)
        plain = [
            (f"From: a@example.nl\r\nSubject: plain {i}\r\nMessage-ID: <p{i}@x>\r\n\r\n".encode()
             + b"x" * 76 + b"\r\n") for i in range(len(one))
        ]
        plain = [p + (b"y" * 74 + b"\r\n") * max(0, (avg - len(p)) // 76) for p in plain]
        dovecot = Dovecot(tmp / "dovecot")
        dovecot.add_users(USERS)
        dovecot.start()
        try:
            print("filling the mailboxes", flush=True)
            for user, raws in (("one@gemeente.test", one), ("batch@gemeente.test", batched)):
                with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
                    c.login(user, "geheim")
                    fill(c, imapstore.folder_name(c, imapstore.EVENTS), raws)
            with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
                c.login("plain@gemeente.test", "geheim")
                fill(c, "Plain", plain)
            ours, ours_b, base = [], [], []
            report = report_b = None
            for i in range(args.repeat):
                secs, n = raw_fetch(dovecot, "Plain")
                base.append(secs)
                secs, report = catch_up(dovecot, "one@gemeente.test", tmp, inbox, key, f"o{i}")
                ours.append(secs)
                secs, report_b = catch_up(dovecot, "batch@gemeente.test", tmp, inbox, key,
                                          f"b{i}")
                ours_b.append(secs)
            assert report is not None and report_b is not None
            assert report.new_events == len(evs) and report_b.new_events == len(evs)
            assert report.waiting_cases == 0
        finally:
            dovecot.stop()
    m_base, m_ours, m_b = (statistics.median(x) for x in (base, ours, ours_b))
    rows = [
        ("Team catch-up, one event per message", m_ours, m_ours / m_base),
        (f"Team catch-up, batches of {events.MAX_BATCH}", m_b, m_b / m_base),
    ]
    lines = [
        START,
        "## Team sync",
        "",
        "Generated by `.venv/bin/python -m tests.bench.teamsync_bench` (separate from "
        "`make bench`; rerun it after that, since tests.bench.run rewrites this file).",
        "",
        "| benchmark | Loket | baseline | ratio |",
        "|---|---:|---:|---:|",
        *[
            f"| {name} ({len(evs):,} events) | {secs:.2f} s ({len(evs) / secs:,.0f} events/s) | "
            f"raw fetch of {len(one):,} plain messages {m_base:.2f} s | {ratio:.2f}x |"
            for name, secs, ratio in rows
        ],
        "",
        f"- Events: {len(evs):,} made through the services on one laptop (60% notes of 5-40 "
        f"words, 20% assignments, 20% status changes) on {args.cases} mail cases; "
        f"{produce_s:.1f} s to make. Every event signed (Ed25519) by the laptop that made it, "
        f"every batch signed by the sender and sealed with AES-256-GCM. One-event messages average "
        f"{avg:,} bytes; the baseline messages are padded to the same size "
        f"({n // len(one):,} bytes fetched per message). Batched: {len(batched)} messages.",
        "- Timed (Loket): `engine.sync_pass` of a fresh laptop that already fetched the mail: "
        "SELECT, SEARCH, FETCH BODY.PEEK[] in chunks of 100, open the seal, check the batch's "
        "signature, sender and authors, record every event, apply to the local cases (fields, "
        "notes, history) and commit per chunk.",
        "- Baseline: bare imapclient SELECT + SEARCH ALL + FETCH BODY.PEEK[] of every plain "
        "message in chunks of 100, nothing stored.",
        f"- Median of {args.repeat} runs each, alternating, same Dovecot on 127.0.0.1 "
        f"(sdbox). Runs: ours {', '.join(f'{s:.2f}' for s in ours)} s; batched "
        f"{', '.join(f'{s:.2f}' for s in ours_b)} s; baseline "
        f"{', '.join(f'{s:.2f}' for s in base)} s.",
        END,
    ]
    publish(lines, START, END, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())

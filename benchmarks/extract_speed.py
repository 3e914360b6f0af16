"""Wall time of `newsgraph extract` (the full pipeline, Documents out) against bare `nlp.pipe` of the same model.

Corpora: the seed article, and the 256 TimeML articles (text only, DCT as publication date).
Each timing is the median of --repeat runs; bare and newsgraph runs alternate so machine load hits both alike.

    .venv/bin/python benchmarks/extract_speed.py [--repeat 3] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))
import timeml

from newsgraph import pipeline
from newsgraph.model import Article
from newsgraph.readers import parse_published

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "afp-2024-06-12-north-korea-russia.txt"


def corpora(limit: int | None) -> dict[str, list[Article]]:
    seed = [Article(id="seed", text=SEED.read_text(encoding="utf-8"), published=parse_published("2024-06-12"),
                    source="AFP")]
    docs = timeml.load(limit)
    tml = [Article(id=d.name, text=d.text, published=parse_published(timeml.dct_date(d))) for d in docs]
    return {"seed article (1 doc)": seed, f"TimeML ({len(tml)} docs)": tml}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N TimeML files")
    args = parser.parse_args()

    bare = spacy.load(pipeline.MODEL)
    full = pipeline.build()
    print(f"model {pipeline.MODEL}; newsgraph stages: {', '.join(n for n in full.pipe_names)}")
    rows = []
    for name, articles in corpora(args.limit).items():
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        list(bare.pipe(texts[:2]))  # warm up both
        list(pipeline.process(articles[:2], nlp=full))
        t_bare, t_full = [], []
        for _ in range(args.repeat):
            t_bare.append(timed(lambda texts=texts: list(bare.pipe(texts, batch_size=32))))
            t_full.append(timed(lambda articles=articles: list(pipeline.process(articles, nlp=full, batch_size=32))))
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.id, "text": a.text, "published": str(a.published)}) + "\n")
        cli = [str(Path(sys.executable).parent / "newsgraph"), "extract", fh.name]
        t_cli = [timed(lambda cli=cli: subprocess.run(cli, check=True, stdout=subprocess.DEVNULL))
                 for _ in range(args.repeat)]
        b, f, c = statistics.median(t_bare), statistics.median(t_full), statistics.median(t_cli)
        rows.append((name, words, b, f, c))
    print()
    print("| corpus | words | bare nlp.pipe (s) | newsgraph pipeline.process (s) | overhead | "
          "`newsgraph extract` CLI, whole process (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, words, b, f, c in rows:
        print(f"| {name} | {words:,} | {b:.3f} | {f:.3f} | {100 * (f / b - 1):+.1f}% | {c:.2f} |")


if __name__ == "__main__":
    main()

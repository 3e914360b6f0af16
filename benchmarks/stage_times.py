"""Time each pipeline component separately on TimeML texts (one document at a time, after one untimed warm-up pass),
as a share of the spaCy model's own components. Shows what each newsgraph stage adds to extraction.

    .venv/bin/python benchmarks/stage_times.py [--limit 80] [--repeat 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import timeml

from newsgraph import pipeline
from newsgraph.model import Article
from newsgraph.readers import parse_published
from newsgraph.stages.ingest import make_doc

SPACY = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    nlp = pipeline.build()
    articles = [Article(id=d.name, text=d.text, published=parse_published(timeml.dct_date(d)))
                for d in timeml.load(args.limit)]
    # one untimed pass first: the stages' knowledge bases (actors, gazetteer, lexicon) load on first use, once per
    # process, and are start-up cost, not per-document cost
    for article in articles:
        doc = make_doc(nlp, article)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    times = dict.fromkeys(nlp.pipe_names, 0.0)
    for _ in range(args.repeat):
        for article in articles:
            doc = make_doc(nlp, article)
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                doc = proc(doc)
                times[name] += time.perf_counter() - start
    base = sum(v for k, v in times.items() if k in SPACY)
    print("| component | seconds | share of spaCy time |\n|---|---:|---:|")
    for name, seconds in times.items():
        print(f"| {name}{'' if name in SPACY else ' (newsgraph)'} | {seconds:.2f} | {100 * seconds / base:.1f}% |")


if __name__ == "__main__":
    main()

"""Score the entities stage against ``gold.jsonl``: mention-to-entity accuracy, split by mention kind.

    .venv/bin/python benchmarks/actors/score.py [--errors] [--json]

Each source text is run once through the whole pipeline (``pipeline.extract`` with its publication date).
A gold mention is matched to the system mention with the same offsets, else to the one that overlaps it most;
it counts as correct when that mention's entity id equals the gold id. A gold mention whose entity is null
(``he`` for an unnamed official) is correct when the system links no entity there.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import load


def predicted(doc) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, e.id, m.kind) for e in doc.entities for m in e.mentions]


def match(gold: dict, system: list[tuple[int, int, str, str]]) -> str | None:
    exact = [s for s in system if (s[0], s[1]) == (gold["start"], gold["end"])]
    if exact:
        return exact[0][2]
    overlap = [(min(s[1], gold["end"]) - max(s[0], gold["start"]), s) for s in system
               if s[0] < gold["end"] and gold["start"] < s[1]]
    if not overlap:
        return None
    return max(overlap)[1][2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=HERE / "gold.jsonl")
    parser.add_argument("--errors", action="store_true", help="list every wrong mention")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    from newsgraph import pipeline

    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_source: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_source[row["source"]].append(row)
    nlp = pipeline.default_nlp()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    started = time.perf_counter()
    words = 0
    for source, sentences in by_source.items():
        text, published = load(source)
        words += len(text.split())
        doc = pipeline.extract(text, published=published, nlp=nlp)
        system = predicted(doc)
        corpus = source.split("/")[0]
        for row in sentences:
            for gold in row["mentions"]:
                got = match(gold, system)
                ok = got == gold["entity"]
                split = row.get("split", "tuning")
                for key in ("all", f"kind:{gold['kind']}", f"corpus:{corpus}", f"split:{split}",
                            f"split:{split}/kind:{gold['kind']}", "linked" if gold["entity"] else "unlinked"):
                    totals[key][0] += ok
                    totals[key][1] += 1
                if not ok:
                    errors.append((split, source, gold["start"], gold["text"], gold["kind"], gold["entity"], got))
    seconds = time.perf_counter() - started
    figures = {k: {"correct": c, "total": n, "accuracy": round(c / n, 3)} for k, (c, n) in sorted(totals.items())}
    if args.json:
        print(json.dumps({"figures": figures, "sentences": len(rows), "documents": len(by_source)}, indent=2))
    else:
        print(f"{len(rows)} sentences, {len(by_source)} documents, {totals['all'][1]} gold mentions "
              f"({words} words in {seconds:.1f} s, whole pipeline)\n")
        print("| split | correct | total | accuracy |\n|---|---:|---:|---:|")
        for key, f in figures.items():
            print(f"| {key} | {f['correct']} | {f['total']} | {f['accuracy']:.3f} |")
    if args.errors:
        print("\nerrors (split, source, start, text, kind, gold, system):")
        for e in errors:
            print("  ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write ``gold.jsonl`` from ``annotations.py``: one line per sentence, mentions with character offsets.

    .venv/bin/python benchmarks/actors/make_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from annotations import DOCS, HELDOUT
from corpus import load


def occurrences(text: str, surface: str) -> list[int]:
    pattern = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])")
    return [m.start() for m in pattern.finditer(text)]


def main() -> int:
    lines = []
    for split, source, sentences in [*(("tuning", s, x) for s, x in DOCS.items()),
                                     *(("heldout", s, x) for s, x in HELDOUT.items())]:
        text, published = load(source)
        for (s, e), mentions in sentences:
            sentence = text[s:e]
            out = []
            for surface, n, entity, kind in mentions:
                found = occurrences(sentence, surface)
                if len(found) <= n:
                    raise SystemExit(f"{source} {s}-{e}: no occurrence {n} of {surface!r} in {sentence!r}")
                start = s + found[n]
                out.append({"start": start, "end": start + len(surface), "text": surface, "kind": kind,
                            "entity": entity})
            out.sort(key=lambda m: m["start"])
            lines.append({"source": source, "split": split, "published": published, "sentence": [s, e], "text": sentence,
                          "mentions": out})
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    print(f"{len(lines)} sentences, {sum(len(x['mentions']) for x in lines)} mentions -> gold.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())

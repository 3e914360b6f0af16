"""Build samples/corpus/ecbplus-sample.jsonl: real news articles from ECB+ for `make run` and store tests.

Source: ECB+ (Cybulska & Vossen 2014) as distributed by cltl/ECB-parser @ eba7c4d, licence CC BY 3.0 (see
samples/corpus/README.md). ECB+ ships tokenized CAT XML; this script restores readable text (spaces before
punctuation removed, `` and '' turned back into quotation marks). A first sentence without final punctuation is a
headline and becomes the title. ECB+ gives no publication dates, so `published` stays empty.

    .venv/bin/python scripts/build_sample_corpus.py [--topics 11 12 19]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus"
OUT = ROOT / "samples" / "corpus" / "ecbplus-sample.jsonl"


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    text = re.sub(r"\u201c\s+", "\u201c", text)
    text = re.sub(r"\s+\u201d", "\u201d", text)
    text = re.sub(r"\s+([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$])\s+", r"\1", text)
    text = re.sub(r"\s+('s|'re|'ve|'ll|'d|n't|')\b", r"\1", text)
    text = re.sub(r"\s+-\s+", " - ", text)
    text = re.sub(r"(\d):\s+(\d)", r"\1:\2", text)
    return text.strip()


def read_article(path: Path) -> dict:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
    texts = [detokenize(sentences[k]) for k in sorted(sentences)]
    title = None
    if texts and not re.search(r"[.!?\u201d\"]$", texts[0]):
        title, texts = texts[0], texts[1:]
    return {"id": f"ecbplus-{path.stem}", "title": title, "text": " ".join(texts),
            "source": f"ECB+ topic {path.parent.name}", "url": None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", nargs="+", default=["11", "12", "19"])
    args = parser.parse_args()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with OUT.open("w", encoding="utf-8") as fh:
        for topic in args.topics:
            for path in sorted((ECB / topic).glob("*.xml"), key=lambda p: p.name):
                article = read_article(path)
                if len(article["text"].split()) < 20:
                    continue
                fh.write(json.dumps(article, ensure_ascii=False) + "\n")
                n += 1
    print(f"wrote {n} articles to {OUT}")


if __name__ == "__main__":
    main()

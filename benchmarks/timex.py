"""Benchmark the ``timexes`` stage against HeidelTime on the TempEval-3 training data (TimeBank + AQUAINT).

Usage (from the repository root)::

    .venv/bin/python benchmarks/timex.py                    # all 256 docs, newsgraph and HeidelTime side by side
    .venv/bin/python benchmarks/timex.py --limit 20         # a quick run on the first 20 docs
    .venv/bin/python benchmarks/timex.py --no-heideltime    # newsgraph alone (seconds, not minutes)
    .venv/bin/python benchmarks/timex.py --full-speed       # also time the whole default newsgraph pipeline
    .venv/bin/python benchmarks/timex.py --no-heideltime --parse-cache /tmp/timex-parses   # reuse the parses
    .venv/bin/python benchmarks/timex.py --split dev --heideltime-cache benchmarks/out/heideltime-dev.json \
        --compare /tmp/compare.txt          # HeidelTime's output kept as JSON (run once), then where the two differ

HeidelTime runs through ``benchmarks/heideltime_runner.py`` in its own environment (``benchmarks/heideltime_env.sh``),
on the same files, in the same run. Scores follow TempEval-3: strict and relaxed extent P/R/F1 (one-to-one matching,
any overlap counts as relaxed), type accuracy and value accuracy over relaxed matches, value F1 = value accuracy ×
relaxed F1. Week numbers compare without zero padding (``2000-W07`` = ``2000-W7``).

The data is split once, by a hash of the file name, into dev (80%) and held-out (20%) halves; rules were tuned by
looking at dev errors only. The TempEval-3 platinum test set is never used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import timeml

ROOT = Path(__file__).resolve().parent.parent
DATA = timeml.DATA
HEIDELTIME_PY = ROOT / "benchmarks" / ".venv-heideltime" / "bin" / "python"
RUNNER = ROOT / "benchmarks" / "heideltime_runner.py"


Gold = timeml.TimemlDoc  # name, corpus, text, dct, spans (start, end, type, value), split


def load_all(limit: int | None = None) -> list[Gold]:
    docs = timeml.load(limit)
    for d in docs:
        if d.dct is None:
            raise ValueError(f"{d.name}: no TIMEX3 with functionInDocument=CREATION_TIME")
    return docs


def dct_date(dct: str) -> dt.date:
    return dt.date.fromisoformat(dct[:10])


# ------------------------------------------------------------------------------------------------------------ scoring

def _norm_value(value: str) -> str:
    return re.sub(r"-W0(\d)", r"-W\1", value.strip())


@dataclass
class Counts:
    sys: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.sys if self.sys else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self) -> dict[str, float]:
        sp, sr, sf = self.prf(self.strict)
        rp, rr, rf = self.prf(self.relaxed)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                "type_acc": type_acc, "value_acc": value_acc, "value_f1": value_acc * rf, "type_f1": type_acc * rf}


def score(gold: list[tuple[int, int, str, str]], system: list[tuple[int, int, str, str]]) -> tuple[Counts, list]:
    """TempEval-3 counts for one document, and the relaxed pairs (gold, system or None) for error analysis."""
    c = Counts(sys=len(system), gold=len(gold))
    exact = {(s, e) for s, e, _, _ in system}
    c.strict = sum(1 for s, e, _, _ in gold if (s, e) in exact)
    used: set[int] = set()
    pairs = []
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or s[1] <= g[0] or g[1] <= s[0]:
                continue
            overlap = min(g[1], s[1]) - max(g[0], s[0])
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is None:
            pairs.append((g, None))
            continue
        used.add(best[1])
        s = system[best[1]]
        c.relaxed += 1
        c.type_ok += s[2] == g[2]
        c.value_ok += _norm_value(s[3]) == _norm_value(g[3])
        pairs.append((g, s))
    for i, s in enumerate(system):
        if i not in used:
            pairs.append((None, s))
    return c, pairs


# ------------------------------------------------------------------------------------------------------------ systems

def run_newsgraph(docs: list[Gold], cache: Path | None = None) -> tuple[dict[str, list], float | None, float]:
    """Our tagger on a timexes-only pipeline: results, pipeline seconds, and seconds spent in the stage alone.

    With ``cache``, the parsed Docs are kept in a DocBin there (keyed by the spaCy model and the texts) and reused on
    the next run, which then runs the stage alone: pipeline seconds are None (not measured).
    """
    sys.path.insert(0, str(ROOT / "src"))
    from spacy.tokens import DocBin

    from newsgraph.model import Article
    from newsgraph.pipeline import build
    from newsgraph.stages.ingest import make_doc

    nlp = build(stages=["timexes"])
    stage = nlp.get_pipe("timexes")
    articles = [Article(id=d.name, text=d.text, published=dct_date(d.dct)) for d in docs]
    key = hashlib.sha1(json.dumps([nlp.meta.get("name"), nlp.meta.get("version"), spacy_version()] +
                                  [a.text for a in articles]).encode()).hexdigest()[:16]
    cached = cache / f"timeml-{key}.spacy" if cache is not None else None
    results: dict[str, list] = {}
    pipeline_s: float | None = None
    if cached is not None and cached.exists():
        parsed = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        for doc, article in zip(parsed, articles, strict=True):
            doc._.article = article
    else:
        # Whole pipeline (spaCy + stage), then the stage alone on already-parsed Docs.
        t0 = time.perf_counter()
        parsed = []
        for doc in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32):
            results[doc._.article.id] = [(t.start, t.end, t.type, t.value) for t in doc._.timexes]
            parsed.append(doc)
        pipeline_s = time.perf_counter() - t0
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=parsed, store_user_data=False).to_disk(cached)
    t0 = time.perf_counter()
    for doc in parsed:
        stage(doc)
        results[doc._.article.id] = [(t.start, t.end, t.type, t.value) for t in doc._.timexes]
    stage_s = time.perf_counter() - t0
    return results, pipeline_s, stage_s


def spacy_version() -> str:
    import spacy

    return spacy.__version__


def run_full_extract(docs: list[Gold]) -> float:
    """Seconds for the whole default newsgraph pipeline (``newsgraph extract``) plus timexes, on the same docs."""
    import importlib.util

    from newsgraph.model import Article
    from newsgraph.pipeline import STAGES, build, process

    names = [n for n, _ in STAGES if importlib.util.find_spec(f"newsgraph.stages.{n}") is not None]
    if "timexes" not in names:
        names.append("timexes")
    nlp = build(stages=names)
    articles = [Article(id=d.name, text=d.text, published=dct_date(d.dct)) for d in docs]
    t0 = time.perf_counter()
    for _ in process(articles, nlp=nlp):
        pass
    return time.perf_counter() - t0


def run_heideltime_cached(docs: list[Gold], timeout: float, cache: Path | None) -> tuple[dict[str, list], float | None]:
    """HeidelTime's results, read from ``cache`` (JSON) for the documents it holds; the others are run and added.

    The seconds are those of the runs that made the cache (None when the cache was written by several runs).
    """
    if cache is None:
        return run_heideltime(docs, timeout)
    stored: dict = json.loads(cache.read_text()) if cache.exists() else {"results": {}, "seconds": {}}
    missing = [d for d in docs if d.name not in stored["results"]]
    if missing:
        print(f"heideltime: {len(missing)} documents not in {cache}, running them", file=sys.stderr)
        results, seconds = run_heideltime(missing, timeout)
        stored["results"].update({k: [list(x) for x in v] for k, v in results.items()})
        stored["seconds"].update({d.name: seconds / len(missing) for d in missing})
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(stored))
    results = {d.name: [tuple(x) for x in stored["results"][d.name]] for d in docs}
    return results, sum(stored["seconds"].get(d.name, 0.0) for d in docs) or None


def run_heideltime(docs: list[Gold], timeout: float) -> tuple[dict[str, list], float]:
    if not HEIDELTIME_PY.exists():
        raise SystemExit(f"no HeidelTime environment at {HEIDELTIME_PY}: run benchmarks/heideltime_env.sh "
                         "(or pass --no-heideltime)")
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.json", Path(tmp) / "out.json"
        src.write_text(json.dumps([{"id": d.name, "text": d.text, "dct": d.dct[:10]} for d in docs]))
        t0 = time.perf_counter()
        subprocess.run([str(HEIDELTIME_PY), str(RUNNER), str(src), str(dst)], check=True, timeout=timeout)
        seconds = time.perf_counter() - t0
        out = json.loads(dst.read_text())
    return {k: [tuple(x) for x in v] for k, v in out["results"].items()}, out.get("seconds", seconds)


def compare(docs: list[Gold], systems: dict[str, tuple[dict[str, list], float | None]]) -> list[str]:
    """Dev timexes where exactly one of newsgraph and HeidelTime has the gold value, and spans only one system adds.

    Lines start with ``HT+`` (HeidelTime right, newsgraph wrong or silent), ``NG+`` (the reverse), ``NG-spurious``
    (newsgraph tags what gold and HeidelTime leave) or ``HT-spurious``; then the file, gold, both systems, context.
    """
    lines = []
    for d in docs:
        if d.split != "dev":
            continue
        matched = {}
        for name in ("newsgraph", "heideltime"):
            _, pairs = score(d.spans, systems[name][0].get(d.name, []))
            matched[name] = pairs

        def show(t: tuple | None, text: str = d.text) -> str:
            return f"{text[t[0]:t[1]]!r} {t[2]} {t[3]}" if t else "-"

        by_gold = {name: {g: s for g, s in pairs if g is not None} for name, pairs in matched.items()}
        for g in d.spans:
            ours, theirs = by_gold["newsgraph"].get(g), by_gold["heideltime"].get(g)
            ok_ours = ours is not None and _norm_value(ours[3]) == _norm_value(g[3])
            ok_theirs = theirs is not None and _norm_value(theirs[3]) == _norm_value(g[3])
            if ok_ours == ok_theirs:
                continue
            context = d.text[max(0, g[0] - 60):g[0] + 60].replace("\n", " ")
            lines.append(f"{'NG+' if ok_ours else 'HT+'}\t{d.name} dct={d.dct[:10]}\tGOLD {show(g)}\tNG {show(ours)}\t"
                         f"HT {show(theirs)}\t| {context}")
        spurious = {name: [s for g, s in pairs if g is None] for name, pairs in matched.items()}
        for name, other, tag in (("newsgraph", "heideltime", "NG-spurious"), ("heideltime", "newsgraph", "HT-spurious")):
            for s in spurious[name]:
                if any(o[0] < s[1] and s[0] < o[1] for o in spurious[other]):
                    continue
                context = d.text[max(0, s[0] - 60):s[0] + 60].replace("\n", " ")
                lines.append(f"{tag}\t{d.name} dct={d.dct[:10]}\tGOLD -\t{name} {show(s)}\t| {context}")
    return lines


# ------------------------------------------------------------------------------------------------------------ report

COLUMNS = ["strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "type_acc", "value_f1"]


def table(rows: list[tuple[str, str, Counts, float | None]]) -> str:
    head = "| system | docs | " + " | ".join(COLUMNS) + " | docs/s |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 3)]
    for name, part, counts, rate in rows:
        r = counts.row()
        lines.append(f"| {name} | {part} | " + " | ".join(f"{r[c]:.3f}" for c in COLUMNS) +
                     f" | {rate:.1f} |" if rate is not None else
                     f"| {name} | {part} | " + " | ".join(f"{r[c]:.3f}" for c in COLUMNS) + " | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N documents (sorted by path)")
    parser.add_argument("--split", choices=["all", "dev", "heldout"], default="all")
    parser.add_argument("--no-heideltime", action="store_true", help="run newsgraph only")
    parser.add_argument("--full-speed", action="store_true", help="also time the full default newsgraph pipeline")
    parser.add_argument("--errors", type=Path, help="write newsgraph's mismatches (dev split only) to this file")
    parser.add_argument("--heideltime-timeout", type=float, default=3600.0)
    parser.add_argument("--heideltime-cache", type=Path, metavar="FILE",
                        help="keep HeidelTime's output in this JSON file and reuse it (documents missing are run)")
    parser.add_argument("--compare", type=Path, metavar="FILE",
                        help="write the dev timexes where one system's value is right and the other's is not")
    parser.add_argument("--parse-cache", type=Path, metavar="DIR",
                        help="keep spaCy's parses here and reuse them (runs the stage alone; no pipeline speed)")
    args = parser.parse_args(argv)

    docs = load_all(args.limit)
    if args.split != "all":
        docs = [d for d in docs if d.split == args.split]
    print(f"{len(docs)} documents, {sum(len(d.timexes) for d in docs)} gold TIMEX3", file=sys.stderr)

    systems: dict[str, tuple[dict[str, list], float | None]] = {}
    ours, pipeline_s, stage_s = run_newsgraph(docs, args.parse_cache)
    systems["newsgraph"] = (ours, pipeline_s)
    if not args.no_heideltime:
        systems["heideltime"] = run_heideltime_cached(docs, args.heideltime_timeout, args.heideltime_cache)

    groups = {"all": docs, "dev": [d for d in docs if d.split == "dev"],
              "heldout": [d for d in docs if d.split == "heldout"],
              "TimeBank": [d for d in docs if d.corpus == "TimeBank"],
              "AQUAINT": [d for d in docs if d.corpus == "AQUAINT"]}
    rows = []
    errors: list[str] = []
    for part, members in groups.items():
        if not members:
            continue
        for name, (results, seconds) in systems.items():
            total = Counts()
            for d in members:
                c, pairs = score(d.spans, results.get(d.name, []))
                total.add(c)
                if name == "newsgraph" and part == "dev":
                    for g, s in pairs:
                        gs = f"{d.text[g[0]:g[1]]!r} {g[2]} {g[3]}" if g else "-"
                        ss = f"{d.text[s[0]:s[1]]!r} {s[2]} {s[3]}" if s else "-"
                        if g is None or s is None or (g[0], g[1]) != (s[0], s[1]) or \
                                _norm_value(g[3]) != _norm_value(s[3]) or g[2] != s[2]:
                            at = (g or s)[0]  # type: ignore[index]
                            context = d.text[max(0, at - 50):at + 50].replace("\n", " ")
                            errors.append(f"{d.name} dct={d.dct[:10]}\tGOLD {gs}\tSYS {ss}\t| {context}")
            rate = len(docs) / seconds if part == "all" and seconds and not args.heideltime_cache else None
            rows.append((name, f"{part} ({len(members)})", total, rate))
    print(table(rows))
    print()
    if pipeline_s is None:
        print(f"parses from the cache: stage alone on parsed Docs: {len(docs) / stage_s:.1f} docs/s "
              f"({stage_s:.2f} s); pipeline speed not measured")
    else:
        print(f"newsgraph timexes-only pipeline (spaCy + stage): {len(docs) / pipeline_s:.1f} docs/s "
              f"({pipeline_s:.1f} s); stage alone on parsed Docs: {len(docs) / stage_s:.1f} docs/s "
              f"({stage_s:.2f} s, {100 * stage_s / pipeline_s:.1f}% of the pipeline)")
    if "heideltime" in systems and pipeline_s is not None and systems["heideltime"][1]:
        seconds = systems["heideltime"][1]
        print(f"HeidelTime: {len(docs) / seconds:.2f} docs/s ({seconds:.1f} s); newsgraph pipeline is "
              f"{seconds / pipeline_s:.0f}x faster")
    if args.full_speed:
        full_s = run_full_extract(docs)
        print(f"newsgraph full default pipeline + timexes (process() -> Document, stages present in this tree): "
              f"{len(docs) / full_s:.1f} docs/s ({full_s:.1f} s)")
    if args.compare and "heideltime" in systems:
        lines = compare(docs, systems)
        args.compare.write_text("\n".join(lines) + "\n")
        print(f"{len(lines)} dev differences between the systems written to {args.compare}", file=sys.stderr)
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n")
        print(f"{len(errors)} dev mismatches written to {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

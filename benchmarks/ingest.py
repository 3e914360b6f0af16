"""Ingest throughput and memory vs extraction alone.

    .venv/bin/python benchmarks/ingest.py --sizes 1000 10000 --out benchmarks/RESULTS-store.md

Documents are real news texts from /work/shared/data/timeml (TimeBank + AQUAINT, tags stripped), cut to their
first --words words and repeated with a varied id and a numbered closing line so every content hash differs.
Each measurement runs in a fresh process, so peak RSS is per run:

- extract: ``pipeline.process`` over the JSONL file, each Document serialised with ``to_json`` (what
  ``newsgraph extract`` does), output discarded;
- ingest: ``newsgraph.store.ingest`` of the same file into a fresh DuckDB file.

Times cover the processing only (the model is loaded before the clock starts, in both modes). The machines are
shared, so besides wall time each run records its CPU time (user + system, all threads, DuckDB's included);
docs per CPU-second is the figure that compares fairly when other work competes for the cores. The modes
alternate (extract, ingest, extract, ingest, …) when --repeat > 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIMEML = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml"


def texts(words: int) -> list[str]:
    out = []
    for path in sorted(TIMEML.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        text = re.sub(r"<[^>]+>", "", body.group(1) if body else raw)
        text = re.sub(r"[ \t]+", " ", text).strip()
        tokens = text.split(" ")
        if len(tokens) >= 40:
            out.append(" ".join(tokens[:words]))
    return out


def make_corpus(n: int, words: int, path: Path) -> int:
    base = texts(words)
    total = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f"{base[i % len(base)]}\n\nThis is copy {i} of the story."
            total += len(text.split())
            f.write(json.dumps({"id": f"bench-{i:06d}", "text": text, "published": "1998-01-08",
                                "source": ["AP", "NYT", "ABC", "CNN", "PRI"][i % 5]}) + "\n")
    return total


def child(mode: str, corpus: str, db: str) -> None:
    from newsgraph import pipeline
    from newsgraph.readers import read_path

    nlp = pipeline.default_nlp()
    if mode == "ingest":
        from newsgraph.store import ingest  # imported before the clock starts, like the model
    started = time.perf_counter()
    cpu0 = _cpu()
    resident = None
    if mode == "extract":
        n = 0
        with open("/dev/null", "w", encoding="utf-8") as sink:
            articles = (a for _, a in read_path(corpus) if not isinstance(a, Exception))
            for result in pipeline.process(articles, nlp=nlp, on_error="skip"):
                sink.write(result.to_json() + "\n")
                n += 1
    else:
        trace: list[tuple[int, float, float]] = []

        def sample(report) -> None:  # resident and peak RSS after each committed batch
            trace.append((report.stored, _rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))

        n = ingest([corpus], db, nlp=nlp, on_commit=sample,
                   batch_size=int(os.environ.get("NEWSGRAPH_BENCH_BATCH", "16"))).stored
        if trace_path := os.environ.get("NEWSGRAPH_BENCH_TRACE"):
            Path(trace_path).write_text(json.dumps(trace), encoding="utf-8")
        late = sorted(r for _, r, _ in trace[len(trace) // 2:])
        resident = late[len(late) // 2] if late else None
    seconds = time.perf_counter() - started
    cpu = _cpu() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "docs": n, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak_mb,
                      "resident_mb": resident if mode == "ingest" else None}))


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(mode: str, corpus: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(corpus), str(db)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--words", type=int, default=150, help="words kept of each TimeML text")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each mode per size (alternating)")
    parser.add_argument("--out", type=Path, help="write a markdown report here")
    parser.add_argument("--modes", nargs="+", default=["extract", "ingest"], choices=["extract", "ingest"],
                        help="which modes to run (ingest alone: the memory curve for a larger corpus)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            words = make_corpus(n, args.words, corpus)
            result = {"n": n, "words": words, "extract": [], "ingest": []}
            for _ in range(args.repeat):
                for mode in args.modes:
                    db = Path(tmp) / f"bench-{n}.duckdb"
                    db.unlink(missing_ok=True)
                    r = measure(mode, corpus, db)
                    result[mode].append(r)
                    if mode == "ingest":
                        result["db_mb"] = db.stat().st_size / 2**20
                    print(f"{n:>6} {mode:<8} {r['docs']:>6} docs {r['seconds']:8.1f} s wall "
                          f"{r['docs'] / r['seconds']:7.1f} docs/s  {r['docs'] / r['cpu_seconds']:7.1f} docs/cpu-s  "
                          f"peak RSS {r['peak_rss_mb']:7.0f} MB"
                          + (f"  resident {r['resident_mb']:5.0f} MB" if r.get("resident_mb") else ""), flush=True)
            rows.append(result)
    if args.out:
        write_report(rows, args)


def write_report(rows: list[dict], args: argparse.Namespace) -> None:
    lines = [
        "# Store benchmark: ingest vs extraction alone",
        "",
        (f"Command: `.venv/bin/python benchmarks/ingest.py --sizes {' '.join(map(str, args.sizes))} "
         f"--words {args.words} --repeat {args.repeat} --out {args.out}`"),
        "",
        (f"Machine: {platform.machine()}, 2 shared cores, Python {platform.python_version()}; "
        f"measured {time.strftime('%Y-%m-%d %H:%M')}. Each figure is one run in a fresh process."),
        "",
        (f"Data: the {len(texts(args.words))} TimeML texts of /work/shared/data/timeml (TimeBank + AQUAINT), tags "
        f"stripped, first {args.words} words each, repeated with ids bench-000000… and a numbered closing line "
        "so every content hash differs; published 1998-01-08, five sources. extract = `pipeline.process` + "
        "`Document.to_json` (what `newsgraph extract` does); ingest = `newsgraph.store.ingest` into a fresh "
        "DuckDB file (hash check, extraction in `nlp.pipe` batches of 16, one transaction per 64 documents). "
        "Peak RSS is the run's maximum (ru_maxrss); resident RSS is the median of the RSS sampled after each "
        "committed transaction over the second half of the run (the level a long run holds)."),
        "",
        ("| documents | words | extract docs/s (wall) | ingest docs/s (wall) | extract docs/CPU-s | "
        "ingest docs/CPU-s | ingest / extract (CPU) | extract peak RSS | ingest peak RSS | ingest resident RSS | "
        "store size |"),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        def best(mode: str, key: str, r: dict = r) -> float:
            return max(x["docs"] / x[key] for x in r[mode])

        def peak(mode: str, r: dict = r) -> float:
            return max(x["peak_rss_mb"] for x in r[mode])

        ratio = best("ingest", "cpu_seconds") / best("extract", "cpu_seconds")
        lines.append(f"| {r['n']:,} | {r['words']:,} | {best('extract', 'seconds'):.1f} | "
                     f"{best('ingest', 'seconds'):.1f} | {best('extract', 'cpu_seconds'):.1f} | "
                     f"{best('ingest', 'cpu_seconds'):.1f} | {ratio:.1%} | {peak('extract'):.0f} MB | "
                     f"{peak('ingest'):.0f} MB | {max(x['resident_mb'] for x in r['ingest']):.0f} MB | "
                     f"{r['db_mb']:.1f} MB |")
    lines += ["", "Raw:", "", "```json", json.dumps(rows, indent=1), "```", ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Memory of the store's writes alone (no NLP): RSS while hand-built Documents are added in batches of 64, with the
ingest's bounded DuckDB buffer pool. Separates the store's share of ingest memory from the pipeline's.

    .venv/bin/python benchmarks/store_memory.py [--batches 470]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
from store_docs import make_korea

from newsgraph.store import Store
from newsgraph.store.ingest import INGEST_MEMORY_LIMIT


def rss_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=470)
    args = parser.parse_args()
    base = make_korea()
    print("| documents stored | RSS (MB) |\n|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "m.duckdb", memory_limit=INGEST_MEMORY_LIMIT) as s:
        for batch in range(args.batches):
            s.add([base.model_copy(update={"id": f"d{batch}-{i}", "text": f"{base.text} {batch}-{i}"})
                   for i in range(64)])
            if batch % 78 == 0 or batch == args.batches - 1:
                print(f"| {(batch + 1) * 64:,} | {rss_mb()} |", flush=True)


if __name__ == "__main__":
    main()

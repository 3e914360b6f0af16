"""Fresh event sentences in the PLOVER gold style: a test set written after the system, by writers blind to it.

Why: the PLOVER gold file has 94 held-out sentences, too few to tell a real gain from noise, and the paraphrase
probe (`paraphrases.py`) reuses the dev sentences' frames. `plover_fresh/` holds new one-sentence wire items written
on 2026-11-29 by helpers who did not run newsgraph, did not open its code or lexicon, and did not see the gold
sentences; they labelled each with the main event's PLOVER type (the benchmark's conventions: a future meeting or
aid is AGREE, a verbal protest ACCUSE, ...) and the source and target countries. W1 and W2 (160 each, 10 per
PLOVER type) are clean, simple sentences; W3 and W4 (160 each, in the gold file's mix of types) are written as hard
as real wire copy (secondary events, ethnic groups and movements as actors, capitals for governments, passives,
nominalizations, reported speech). W5 and W6 hold one such hard sentence per CAMEO code of the 2021 table (the gold
file is the CAMEO codebook's examples, about one per code); their writers gave the CAMEO code, and the type scored
is that code's PLOVER type in the lexicon's table (CAMEO2PLOVER-2021 with the documented ``@plover`` overrides).
W7/W8 … W15/W16 are five more pairs of per-code sets by other writers. Odd sets (W1, W3, …, W15) are **read**
(errors may be read and fixed with general rules); even sets (W2, W4, …, W16) are **blind** (aggregates only).
Scoring is `benchmarks/events.py`'s.

Run: ``.venv/bin/python benchmarks/fresh_events.py [--errors [W1|W3|W5|W7|W9|W11|W13|W15]]``
"""

from __future__ import annotations

import argparse
from pathlib import Path

from events import error_report, predict, read_jsonl, score

DATA = Path(__file__).resolve().parent / "plover_fresh"
SIDES = {"W1": "read", "W2": "blind", "W3": "read", "W4": "blind", "W5": "read", "W6": "blind", "W7": "read",
         "W8": "blind", "W9": "read", "W10": "blind", "W11": "read", "W12": "blind",
         "W13": "read", "W14": "blind", "W15": "read", "W16": "blind"}


def _type_of(rec: dict) -> str | None:
    """The record's PLOVER type: given, or its CAMEO code's in the lexicon's table."""
    if rec.get("type"):
        return rec["type"]
    from newsgraph.events.lexicon import Lexicon

    coding = Lexicon.load().coding(str(rec.get("cameo", "")))
    return coding.type if coding is not None else None


def load(data: Path = DATA) -> list[dict]:
    out = []
    for path in sorted(data.glob("*.jsonl")):
        side = SIDES.get(path.stem)
        if side is None:
            continue
        for rec in read_jsonl(path):
            type_ = _type_of(rec)
            if type_ is None:
                raise SystemExit(f"{path}: {rec.get('id')}: no type and no CAMEO code the table knows")
            out.append({"id": rec["id"], "text": rec["text"], "type": type_, "split": side, "half": path.stem,
                        "source": set(rec.get("source") or []), "target": set(rec.get("target") or []),
                        "trigger": None})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", nargs="?", const="read",
                        choices=["read", "W1", "W3", "W5", "W7", "W9", "W11", "W13", "W15"],
                        help="print the main-event errors of the read sets (or of one of them)")
    args = parser.parse_args()
    records = load(args.data)
    preds, _ = predict(records)
    print("| set | sentences | type P | type R | type micro-F1 | actor acc | recipient acc |")
    print("|---|---|---|---|---|---|---|")
    for name in ("read", "blind", *sorted({r["half"] for r in records}), "all"):
        idx = [i for i, r in enumerate(records) if name in {"all", r["split"], r["half"]}]
        s = score([records[i] for i in idx], [preds[i] for i in idx])
        p, r, f = s["micro"]
        print(f"| {name} | {s['n']} | {p:.3f} | {r:.3f} | {f:.3f} | {s['actor']:.3f} ({s['actor_n']}) "
              f"| {s['recipient']:.3f} ({s['recipient_n']}) |")
    if args.errors:
        for r, p in zip(records, preds):
            if r["split"] == "read" and args.errors in {"read", r["half"]} and (report_ := error_report(r, p)):
                print(report_)


if __name__ == "__main__":
    main()

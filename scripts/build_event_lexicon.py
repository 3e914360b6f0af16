"""Build ``src/newsgraph/data/event_lexicon.json`` from the CAMEO verb dictionary and the CAMEO→PLOVER table.

Sources (see /work/shared/data/README.md):

- ``phoenix/CAMEO.2.0.txt``: PETRARCH's CAMEO verb patterns (MIT), synonym sets (``&WEAPON``) and verb blocks
  (``---  VISIT   [042:043]  ---``, verbs with optional own codes, ``- * PATTERN [code] # VERB`` lines).
- ``plover/CAMEO2PLOVER-2021.txt``: CAMEO code → PLOVER type, mode, context (CC BY-SA 4.0).
- ``src/newsgraph/data/event_overrides.txt`` (ours): modern news verbs and nouns in the same CAMEO syntax, plus
  ``@plover`` lines that override the table. Override verbs are merged over the CAMEO ones: their own patterns
  are tried first and their default code wins.

Run: ``.venv/bin/python scripts/build_event_lexicon.py [--data /work/shared/data]``. Output is deterministic
(sorted keys), so a rebuild without source changes gives the same file. ``--defaults`` prints the verbs with a
default code (the list the round-6c audit judged) instead.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data" / "event_lexicon.json"
OVERRIDES = ROOT / "src" / "newsgraph" / "data" / "event_overrides.txt"

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*(?:---\s+)?---")
_CODE = re.compile(r"\[([^\]]*)\]")


def parse_code(raw: str) -> str | None:
    """``042:043`` → ``042``; ``:173`` → ``173``; ``---`` → None (explicitly not an event)."""
    for part in raw.strip().split(":"):
        part = part.strip()
        if part and part != "---" and re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def _word(raw: str) -> str:
    return raw.strip().strip("_").replace("_", " ").lower()


def parse_pattern_side(text: str) -> list[str]:
    """``{ARMS SHIPMENT} (TO BORDER) &WEAPON $`` → ``["arms", "shipment", "to", "border", "&weapon"]``."""
    text = re.sub(r"[{}()$^%+=|]", " ", text)
    words = []
    for raw in text.split():
        w = raw.strip().lower()
        if not w or w in {"*", "-"}:
            continue
        if w.startswith("&"):
            words.append(w.rstrip("_"))
        else:
            words.extend(_word(w).split())
    return words


def parse_dictionary(text: str, *, source: str) -> tuple[dict, dict, dict, dict]:
    """Parse CAMEO-style text into (synsets, verbs, nouns, blocks).

    verbs/nouns: lemma → {"code": str|None, "patterns": [...own phrasal patterns], "blocks": [block ids]};
    blocks: id → [{"pre": [...], "post": [...], "code": str|None, "verb": str}]. A block's patterns apply to
    every word of the block (as in PETRARCH); ``verb`` records the word a pattern was written for, which the
    matcher prefers.
    """
    synsets: dict[str, list[str]] = {}
    blocks: list[list[dict]] = []
    verbs: dict[str, dict] = {}
    nouns: dict[str, dict] = {}
    section = "synsets"
    current_set: str | None = None
    block_code: str | None = None
    block_words: list[tuple[str, list[str]]] = []  # (lemma, extra words after it)
    block_patterns: list[dict] = []
    target = verbs

    def flush() -> None:
        nonlocal block_words, block_patterns
        if block_patterns:
            blocks.append(block_patterns)
            for lemma, extra in block_words:
                if not extra:
                    target[lemma]["blocks"].append(f"{source}:{len(blocks) - 1}")
        block_words, block_patterns = [], []

    for line in text.splitlines():
        stripped = line.split("#", 1)[0].rstrip() if not line.startswith("- ") else line.rstrip()
        if "VERB PATTERNS" in line:
            section, target = "verbs", verbs
            continue
        if "NOUN PATTERNS" in line:
            flush()
            section, target = "nouns", nouns
            continue
        if not stripped.strip() or line.startswith("~"):
            current_set = None
            continue
        if section == "synsets":
            if stripped.startswith("&"):
                current_set = stripped.strip().lower().rstrip("_")
                synsets.setdefault(current_set, [])
            elif stripped.startswith("+") and current_set:
                synsets[current_set].append(_word(stripped[1:]))
            continue
        header = _HEADER.match(line)
        if header:
            flush()
            block_code = parse_code(header.group(2))
            continue
        if line.startswith("- "):
            body, _, comment = line[2:].partition("#")
            m = _CODE.search(body)
            if not m or "*" not in body:
                continue
            pre, _, post = body[: m.start()].partition("*")
            block_patterns.append({
                "pre": parse_pattern_side(pre), "post": parse_pattern_side(post), "code": parse_code(m.group(1)),
                "verb": _word(comment.split()[0]) if comment.split() else "",
            })
            continue
        if stripped[0].isalpha() or stripped.startswith("+"):
            m = _CODE.search(stripped)
            word_part = re.sub(r"\{[^}]*\}", " ", stripped[: m.start()] if m else stripped)
            word_part = word_part.strip().lstrip("+")
            if not word_part or " " in word_part.strip():
                continue
            parts = _word(word_part).split()
            lemma, extra = parts[0], parts[1:]
            code = parse_code(m.group(1)) if m else block_code
            entry = target.setdefault(lemma, {"code": None, "patterns": [], "blocks": []})
            if extra:  # phrasal verb (ASK_FOR): a pattern on the first word
                entry["patterns"].append({"pre": [], "post": extra, "code": code, "verb": lemma})
            elif code is not None and entry["code"] is None:
                entry["code"] = code
            block_words.append((lemma, extra))
    flush()
    return synsets, verbs, nouns, {f"{source}:{i}": b for i, b in enumerate(blocks)}


def parse_plover_table(text: str) -> dict[str, list]:
    """``072: AID,   ,   military # …`` → {"072": ["AID", None, ["military"]]}."""
    table: dict[str, list] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        type_ = fields[0].upper()
        if not type_:
            continue
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        context = [c.strip() for c in fields[2].split(";") if c.strip()] if len(fields) > 2 else []
        table.setdefault(m.group(1), [type_, mode, context])
    return table


#: a verb with no default code falls back on its most frequent CAMEO root when at least this many of the patterns
#: written for it carry that root and they are at least this share of them (``REJECT`` in the ``REFUSE [---]``
#: block: 36 of its 45 patterns are 12x, so ``rejected a peace plan`` is 120 even when no pattern matches)
FALLBACK_MIN, FALLBACK_SHARE = 3, 0.5


def fallback_code(lemma: str, entry: dict, blocks: dict, plover: dict) -> str | None:
    """``R0`` for the root ``R`` most of the CAMEO patterns written for the verb code (vetoes and codes PLOVER
    drops count against it), else None. Only CAMEO.2.0's patterns count, not our overrides."""
    from collections import Counter

    def coded(code: str | None) -> bool:
        return bool(code) and any(code[:n] in plover for n in range(len(code), 1, -1))

    own = [p["code"] for b in entry["blocks"] if b.startswith("cameo:") for p in blocks[b] if p["verb"] == lemma]
    roots = Counter(c[:2] for c in own if coded(c))
    if not roots:
        return None
    root, n = roots.most_common(1)[0]
    return f"{root}0" if n >= FALLBACK_MIN and n / len(own) >= FALLBACK_SHARE else None


def merge(base: dict, over: dict) -> dict:
    """Override entries win: their code replaces the base code and their patterns are tried first."""
    merged = {k: {"code": v["code"], "patterns": list(v["patterns"]), "blocks": list(v["blocks"])}
              for k, v in base.items()}
    for lemma, entry in over.items():
        cur = merged.setdefault(lemma, {"code": None, "patterns": [], "blocks": []})
        if entry["code"] is not None:
            cur["code"] = entry["code"]
        cur["patterns"] = entry["patterns"] + cur["patterns"]
        cur["blocks"] = entry["blocks"] + cur["blocks"]
    return merged


def parse_agents(text: str) -> dict[str, str]:
    """Role nouns of the Phoenix agents file (``POLICE {} [~COP]``, ``FARM_WORKER [~AGR]``) → agent code
    (``COP``), lower case, words joined by spaces; ``!PERSON!`` entries give ``-man``/``-person`` forms."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z][A-Z_!'-]*)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3})[^\]]*\]", line)
        if not m:
            continue
        word, code = m.groups()
        forms = [word.replace("!PERSON!", s) for s in ("MAN", "MEN", "PERSON", "WOMAN")] if "!PERSON!" in word \
            else [word]
        for form in forms:
            out.setdefault(form.replace("_", " ").lower(), code)
    return out


def build(data: Path) -> dict:
    cameo_text = (data / "phoenix" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    synsets, verbs, _, blocks = parse_dictionary(cameo_text, source="cameo")
    over_text = OVERRIDES.read_text(encoding="utf-8")
    o_syn, o_verbs, o_nouns, o_blocks = parse_dictionary("####### SYNONYM SETS\n" + over_text, source="ovr")
    blocks.update(o_blocks)
    for name, words in o_syn.items():
        synsets.setdefault(name, [])
        synsets[name] = sorted(set(synsets[name]) | set(words))
    plover = parse_plover_table((data / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    agents = parse_agents((data / "phoenix" / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace"))
    nodefault: set[str] = set()
    for line in over_text.splitlines():  # @plover 163: SANCTION, discontinue, economic
        if line.startswith("@plover "):
            plover.update(parse_plover_table(line[len("@plover "):]))
        elif line.startswith("@drop "):  # @drop SAY: a CAMEO verb we never code (too vague)
            for word in line.split()[1:]:
                verbs.pop(word.lower(), None)
        elif line.startswith("@agent "):  # @agent MINISTRY GOV: a role noun missing from the agents file
            word, code = line.split()[1:3]
            agents[word.replace("_", " ").lower()] = code
        elif line.startswith("@nodefault "):  # @nodefault TAKE: code only through its patterns
            for word in line.split()[1:]:
                nodefault.add(word.lower())
                if word.lower() in verbs:
                    verbs[word.lower()]["code"] = None
    merged = merge(verbs, o_verbs)
    for lemma, entry in merged.items():
        if entry["code"] is None and lemma not in nodefault:
            fallback = fallback_code(lemma, entry, blocks, plover)
            if fallback:
                entry["fallback"] = fallback
    lexicon = {
        "meta": {
            "sources": ["openeventdata/petrarch2@676801c petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT)",
                        "openeventdata/PLOVER@5e0c24f CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)",
                        "openeventdata/petrarch2 Phoenix.agents.txt (MIT)",
                        "newsgraph event_overrides.txt"],
            "built_by": "scripts/build_event_lexicon.py",
        },
        "plover": dict(sorted(plover.items())),
        "synsets": {k: sorted(set(v)) for k, v in sorted(synsets.items())},
        "verbs": dict(sorted(merged.items())),
        "nouns": dict(sorted(o_nouns.items())),
        "blocks": blocks,
        "agents": dict(sorted(agents.items())),
    }
    return lexicon


def default_codes(lexicon: dict, data: Path) -> list[tuple[str, str, str, str, str]]:
    """Every verb with a default code (its own, or the fallback root of a ``[---]`` block): (verb, code, ``default``
    or ``fallback``, PLOVER type or ``-`` for codes PLOVER drops, CAMEO name from the 2021 table's comments). The
    list the round-6c audit (``benchmarks/lexicon_audit.tsv``) judged, there sorted by corpus frequency."""
    names: dict[str, str] = {}
    for line in (data / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):[^#]*#\s*(.*)$", line.strip())
        if m:
            names[m.group(1)] = m.group(2).strip()

    def longest(table: dict, code: str):
        return next((table[code[:n]] for n in range(len(code), 1, -1) if code[:n] in table), None)

    rows = []
    for verb, entry in lexicon["verbs"].items():
        code = entry["code"] or entry.get("fallback")
        if code:
            row = longest(lexicon["plover"], code)
            rows.append((verb, code, "default" if entry["code"] else "fallback", row[0] if row else "-",
                         longest(names, code) or "?"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--defaults", action="store_true",
                        help="print the verbs with a default code (TSV: verb, code, source, PLOVER type, CAMEO name) "
                             "instead of writing the lexicon")
    args = parser.parse_args()
    lexicon = build(args.data)
    if args.defaults:
        for row in default_codes(lexicon, args.data):
            print("\t".join(row))
        return
    args.out.write_text(json.dumps(lexicon, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    n_pat = sum(len(b) for b in lexicon["blocks"].values())
    print(f"wrote {args.out}: {len(lexicon['verbs'])} verbs, {n_pat} verb patterns, {len(lexicon['nouns'])} nouns, "
          f"{len(lexicon['plover'])} CAMEO codes")


if __name__ == "__main__":
    main()

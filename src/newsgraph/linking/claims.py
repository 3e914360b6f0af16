"""Same claim across documents, and claims that sources contest.

Two claim mentions are the same proposition when their wording is close (TF-IDF cosine of the claim texts, with
negation and stance words left out, so that a denial matches what it denies) and what they are about overlaps.
Blocking: claims are compared only when they share their ``about`` set, a pair of ``about`` entities, or one of
their rarest words (country names, capitals and demonyms count as the country: ``Pyongyang`` = ``North Korea``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from . import text as tx
from .core import Linkage, best_scores, merge, score_pairs
from .records import ClaimMention, Cluster, LinkStats, Member, cluster_id

SUPPORT = frozenset({"asserts", "alleges", "predicts"})
DENIAL = frozenset({"denies"})

#: Words that carry the stance, not the proposition (dropped before comparing wording).
STANCE_WORDS = tx.STOPWORDS | frozenset(["deny", "denies", "denied", "denying", "claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "allegedly", "allegation", "allegations", "accuse", "accused", "accuses", "false", "falsely", "baseless", "absurd", "reject", "rejected", "rejects", "nothing", "no", "not", "never", "any"])


@dataclass(frozen=True)
class ClaimLinkConfig:
    """Weights and threshold of claim linking.

    The score is ``text_weight * cos(claim texts) + about_weight * jaccard(about)`` over the weights of the features
    both have. Blocking keys: the ``about`` set, each pair of ``about`` ids, and the ``rare_keys`` rarest words of
    the claim among those in at most ``max_key_df`` claims; a block over ``max_block`` claims is skipped.
    """

    threshold: float = 0.4
    text_weight: float = 0.7
    about_weight: float = 0.3
    rare_keys: int = 3
    max_key_df: int = 50
    max_block: int = 500
    linkage: Linkage = "average"


@dataclass(frozen=True)
class Position:
    """One member of a contested claim: which outlet, which sources, what stance, in what words."""

    doc_id: str
    claim_id: str
    outlet: str | None
    sources: tuple[str, ...]
    stance: str
    text: str
    sentence: str


@dataclass(frozen=True)
class ContestedClaim:
    """A claim cluster whose members both support (asserts/alleges/predicts) and deny the proposition."""

    cluster: Cluster
    positions: tuple[Position, ...]

    @property
    def supporters(self) -> tuple[str, ...]:
        return tuple(sorted({s for p in self.positions if p.stance in SUPPORT for s in p.sources}))

    @property
    def deniers(self) -> tuple[str, ...]:
        return tuple(sorted({s for p in self.positions if p.stance in DENIAL for s in p.sources}))


def claim_words(text: str) -> list[str]:
    return tx.words(text, stop=STANCE_WORDS, places=True)


def cluster_claims(
    mentions: Iterable[ClaimMention],
    *,
    config: ClaimLinkConfig | None = None,
    min_size: int = 1,
    stats: LinkStats | None = None,
) -> list[Cluster]:
    """Group claim mentions that put forward (or deny) the same proposition.

    Args:
        mentions: claim mentions from any number of documents (see ``claim_mentions``).
        config: weights and threshold (default ``ClaimLinkConfig()``).
        min_size: drop clusters with fewer members.
        stats: filled with block and comparison counts when given.

    Returns:
        Clusters sorted by id, members sorted.
    """
    config = config or ClaimLinkConfig()
    stats = stats if stats is not None else LinkStats()
    items = sorted(set(mentions), key=lambda m: m.member)
    stats.mentions += len(items)
    tokens = [claim_words(m.text) for m in items]
    weights, _ = tx.idf(tokens)
    df = Counter(w for t in tokens for w in set(t))
    vectors = [tx.tfidf(t, weights) for t in tokens]
    index = {id(m): i for i, m in enumerate(items)}

    def keys(m: ClaimMention) -> Iterable[Hashable]:
        i = index[id(m)]
        out: list[Hashable] = []
        about = sorted(set(m.about))
        if about:
            out.append((m.group, "about", tuple(about)))
        out.extend((m.group, "about2", a, b) for x, a in enumerate(about) for b in about[x + 1:])
        usable = [w for w in set(tokens[i]) if df[w] <= config.max_key_df]  # a common word is no key
        rare = sorted(usable, key=lambda w: (-weights[w], w))[: config.rare_keys]
        out.extend((m.group, "word", w) for w in rare)
        return out

    def score(m: ClaimMention, n: ClaimMention) -> float | None:
        i, j = index[id(m)], index[id(n)]
        parts = [(config.text_weight, tx.cosine(vectors[i], vectors[j]))]
        about = tx.jaccard(m.about, n.about)
        if about is not None:
            parts.append((config.about_weight, about))
        return sum(w * v for w, v in parts) / sum(w for w, _ in parts)

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
        out.append(Cluster(id=cluster_id("claim", members), kind="claim", members=members,
                           scores=tuple(round(best[i], 4) for i in group), label=_label([items[i] for i in group]),
                           method=f"newsgraph.claims.v1@{config.threshold:g}"))
    return sorted(out, key=lambda c: c.id)


def _label(group: list[ClaimMention]) -> str:
    """The text of the first member that supports the proposition (a denial's wording is often a pronoun)."""
    supporting = [m for m in group if m.stance in SUPPORT]
    return (supporting or group)[0].text


def contested(clusters: Iterable[Cluster], mentions: Sequence[ClaimMention]) -> list[ContestedClaim]:
    """The claim clusters in which some member supports and another denies the proposition.

    Args:
        clusters: from ``cluster_claims`` (event clusters are ignored).
        mentions: the claim mentions the clusters were built from.

    Returns:
        One ``ContestedClaim`` per contested cluster, with each member's outlet, sources, stance, text and sentence,
        ordered by cluster id.
    """
    by_member: dict[Member, ClaimMention] = {m.member: m for m in mentions}
    out = []
    for cluster in sorted(clusters, key=lambda c: c.id):
        if cluster.kind != "claim":
            continue
        found = [by_member[m] for m in cluster.members if m in by_member]
        stances = Counter(m.stance for m in found)
        if not (set(stances) & SUPPORT and set(stances) & DENIAL):
            continue
        positions = tuple(Position(doc_id=m.doc_id, claim_id=m.claim_id, outlet=m.source, sources=m.sources,
                                   stance=m.stance, text=m.text, sentence=m.sentence_text) for m in found)
        out.append(ContestedClaim(cluster=cluster, positions=positions))
    return out

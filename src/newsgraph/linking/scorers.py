"""Coreference scorers: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1 (standard definitions).

Clusters are collections of hashable mentions. Key (gold) and response (system) may hold different mentions: a
mention missing from the other side counts as its own singleton there, as in the reference scorer (Pradhan et al.,
2014, "Scoring coreference partitions of predicted mentions"). Singletons are kept (ECB+ evaluations keep them);
MUC ignores them by definition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

Clusters = Iterable[Iterable[Hashable]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def _sets(clusters: Clusters) -> list[frozenset[Hashable]]:
    out = [frozenset(c) for c in clusters]
    out = [c for c in out if c]
    seen: set[Hashable] = set()
    for c in out:
        if seen & c:
            raise ValueError(f"a mention is in two clusters: {sorted(map(repr, seen & c))[:3]}")
        seen |= c
    return out


def _muc_side(a: list[frozenset], b: list[frozenset]) -> float:
    where = {m: i for i, c in enumerate(b) for m in c}
    num = den = 0
    for c in a:
        parts = {where.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num / den if den else 0.0


def muc(key: Clusters, response: Clusters) -> PRF:
    """Vilain et al. (1995): links kept, counted through partitions of each cluster by the other side."""
    k, r = _sets(key), _sets(response)
    return PRF(precision=_muc_side(r, k), recall=_muc_side(k, r))


def _b3_side(a: list[frozenset], b: list[frozenset]) -> float:
    where = {m: c for c in b for m in c}
    total = sum(len(c) for c in a)
    if not total:
        return 0.0
    acc = 0.0
    for c in a:
        overlaps: dict[frozenset, int] = defaultdict(int)
        for m in c:
            if m in where:
                overlaps[where[m]] += 1
        acc += sum(n * n for n in overlaps.values()) / len(c)
    return acc / total


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    """Bagga and Baldwin (1998), mention-weighted."""
    k, r = _sets(key), _sets(response)
    return PRF(precision=_b3_side(r, k), recall=_b3_side(k, r))


def _hungarian_max(weights: list[list[float]]) -> float:
    """Maximum total weight of a one-to-one assignment of rows to columns (rows <= columns), O(n^2 m)."""
    n, m = len(weights), len(weights[0])
    big = max(max(row) for row in weights)
    cost = [[big - w for w in row] for row in weights]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sum(weights[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    """Luo (2005), entity-based: best one-to-one alignment under phi4 = 2|K & R| / (|K| + |R|).

    The alignment is solved separately for each connected group of overlapping clusters (an exact decomposition,
    since non-overlapping pairs score 0), so large corpora stay cheap.
    """
    k, r = _sets(key), _sets(response)
    if not k or not r:
        return PRF(0.0, 0.0)
    where_r = {m: j for j, c in enumerate(r) for m in c}
    # connected components of the bipartite overlap graph (union-find over k indices and r indices)
    parent = list(range(len(k) + len(r)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for i, c in enumerate(k):
        for m in c:
            if m in where_r:
                j = where_r[m]
                pairs[(i, j)] += 1
                parent[find(i)] = find(len(k) + j)
    comps: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for (i, j) in pairs:
        root = find(i)
        comps[root][0].add(i)
        comps[root][1].add(j)
    total = 0.0
    for rows_set, cols_set in comps.values():
        rows, cols = sorted(rows_set), sorted(cols_set)
        w = [[2 * pairs.get((i, j), 0) / (len(k[i]) + len(r[j])) for j in cols] for i in rows]
        if len(rows) > len(cols):
            w = [list(col) for col in zip(*w)]
        total += _hungarian_max(w)
    return PRF(precision=total / len(r), recall=total / len(k))


def score(key: Clusters, response: Clusters) -> Scores:
    """MUC, B-cubed and CEAF-e of ``response`` against ``key`` (``.conll`` is their mean F1)."""
    k, r = _sets(key), _sets(response)
    return Scores(muc=muc(k, r), b_cubed=b_cubed(k, r), ceaf_e=ceaf_e(k, r))

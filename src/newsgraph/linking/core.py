"""Blocking, pairwise scoring within blocks, and threshold merging: the generic part of cross-document linking.

Cost: each item goes into a few blocks (``keys``); only pairs that share a block are scored, and a block larger
than ``max_block`` is skipped (counted in ``LinkStats.oversized_blocks``) rather than compared all-pairs. With keys
whose blocks stay bounded as the corpus grows (an actor pair in a week, a rare word), comparisons grow with the
corpus, not with its square.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Literal, TypeVar

from .records import LinkStats

T = TypeVar("T")
Linkage = Literal["average", "single"]


class UnionFind:
    """Disjoint sets over ``0..n-1`` with path halving and union by size."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return ra

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def candidate_pairs(
    items: Sequence[T], keys: Callable[[T], Iterable[Hashable]], *, max_block: int, stats: LinkStats,
) -> Iterable[tuple[int, int]]:
    """Each unordered pair of items that share at least one blocking key (once), block by block."""
    blocks: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in set(keys(item)):
            blocks[key].append(i)
    stats.blocks += len(blocks)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        stats.largest_block = max(stats.largest_block, len(members))
        if len(members) > max_block:
            stats.oversized_blocks += 1
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def score_pairs(
    items: Sequence[T],
    keys: Callable[[T], Iterable[Hashable]],
    score: Callable[[T, T], float | None],
    *,
    floor: float,
    max_block: int,
    stats: LinkStats,
) -> dict[tuple[int, int], float]:
    """Scores of the candidate pairs that are compatible (``score`` not None) and reach ``floor``."""
    edges: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(items, keys, max_block=max_block, stats=stats):
        stats.comparisons += 1
        value = score(items[i], items[j])
        if value is not None and value >= floor:
            edges[(i, j)] = value
    return edges


def merge(n: int, edges: dict[tuple[int, int], float], threshold: float, linkage: Linkage) -> list[list[int]]:
    """Group ``0..n-1``: single linkage (union-find over edges >= threshold) or average linkage.

    Average linkage merges the pair of groups with the highest mean pairwise score while that mean reaches
    ``threshold``; pairs without an edge (never compared, or incompatible) count as 0, so an incompatible pair holds
    two groups apart unless the rest of the evidence outweighs it.
    """
    if linkage == "single":
        uf = UnionFind(n)
        for (i, j), value in edges.items():
            if value >= threshold:
                uf.union(i, j)
        return uf.groups()
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), value in edges.items():
        sums[i][j] = sums[i].get(j, 0.0) + value
        sums[j][i] = sums[j].get(i, 0.0) + value
    heap = [(-value, i, j) for (i, j), value in edges.items() if value >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(current + neg) > 1e-12:  # stale entry: sizes changed since it was pushed
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        members[a].extend(members.pop(b))
        for c, value in sums.pop(b).items():
            del sums[c][b]
            if c == a:
                continue
            sums[a][c] = sums[a].get(c, 0.0) + value
            sums[c][a] = sums[a][c]
        sums[a].pop(a, None)
        for c, value in sums[a].items():
            avg = value / (len(members[a]) * len(members[c]))
            if avg >= threshold:
                heapq.heappush(heap, (-avg, a, c) if a < c else (-avg, c, a))
    return list(members.values())


def best_scores(groups: list[list[int]], edges: dict[tuple[int, int], float]) -> dict[int, float]:
    """For each item, its best edge score to another item of its own group (1.0 for singletons)."""
    where = {i: g for g, group in enumerate(groups) for i in group}
    best: dict[int, float] = {}
    for (i, j), value in edges.items():
        if where[i] == where[j]:
            best[i] = max(best.get(i, 0.0), value)
            best[j] = max(best.get(j, 0.0), value)
    return {i: best.get(i, 1.0 if len(groups[where[i]]) == 1 else 0.0) for i in where}

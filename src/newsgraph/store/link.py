"""Cross-document linking over the store: the same event and the same claim across outlets.

Reads the stored contract documents (streamed), clusters their events and claims with ``newsgraph.linking``
(blocking, then comparison within blocks: sub-quadratic in corpus size), and replaces the ``clusters`` and
``cluster_members`` tables in one transaction. ``contested()`` lists the claim clusters that one source supports
and another denies.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..linking import (
    ClaimMention,
    Cluster,
    EventMention,
    LinkStats,
    claim_mentions,
    cluster_claims,
    cluster_events,
    event_mentions,
)
from ..linking import (
    contested as find_contested,
)
from ..linking.records import sentences_text
from ..model import Document
from .duckdb import Store
from .queries import Db, Table, _opened


@dataclass(frozen=True)
class LinkReport:
    documents: int
    event_mentions: int
    claim_mentions: int
    event_clusters: int
    claim_clusters: int
    contested: int
    comparisons: int


def _documents(store: Store, batch: int = 500) -> Iterator[tuple[int, Document]]:
    cursor = store.con.execute("SELECT doc_key, contract FROM documents ORDER BY seq")
    while rows := cursor.fetchmany(batch):
        for doc_key, contract in rows:
            yield int(doc_key), Document.from_json(contract)


def _mentions(store: Store) -> tuple[int, list[EventMention], list[ClaimMention]]:
    """Event and claim mentions of every stored document, keyed by ``doc_key`` (ids repeat across outlets)."""
    events: list[EventMention] = []
    claims: list[ClaimMention] = []
    n = 0
    for doc_key, document in _documents(store):
        n += 1
        key = str(doc_key)
        events.extend(dataclasses.replace(m, doc_id=key) for m in event_mentions(document))
        claims.extend(dataclasses.replace(m, doc_id=key) for m in claim_mentions(document))
    return n, events, claims


def _write(store: Store, clusters: list[Cluster]) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM cluster_members")
        con.execute("DELETE FROM clusters")
        if clusters:
            con.executemany("INSERT INTO clusters (cluster_id, kind, label, method) VALUES (?, ?, ?, ?)",
                            [(c.id, c.kind, c.label, c.method) for c in clusters])
            con.executemany(
                "INSERT INTO cluster_members (cluster_id, kind, doc_key, member_id, score) VALUES (?, ?, ?, ?, ?)",
                [(c.id, c.kind, int(doc), member, score)
                 for c in clusters for (doc, member), score in zip(c.members, c.scores, strict=True)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def link(db: Db, *, min_size: int = 2) -> LinkReport:
    """Cluster the same events and claims across the stored documents and store the clusters.

    Args:
        db: the store file (or an open read-write ``Store``).
        min_size: smallest cluster kept (2: only what more than one mention shares).
    """
    store = db if isinstance(db, Store) else Store(db)
    try:
        n, events, claims = _mentions(store)
        stats = LinkStats()
        event_clusters = cluster_events(events, min_size=min_size, stats=stats)
        claim_clusters = cluster_claims(claims, min_size=min_size, stats=stats)
        _write(store, [*event_clusters, *claim_clusters])
        found = find_contested(claim_clusters, claims)
        return LinkReport(documents=n, event_mentions=len(events), claim_mentions=len(claims),
                          event_clusters=len(event_clusters), claim_clusters=len(claim_clusters),
                          contested=len(found), comparisons=stats.comparisons)
    finally:
        if store is not db:
            store.close()


CONTESTED_COLUMNS = ("cluster_id", "doc_id", "outlet", "published", "sources", "stance", "claim", "sentence")


def contested(db: Db, *, actor: str | None = None, limit: int | None = None) -> Table:
    """Claim clusters with both support and denial: one row per member, each source's stance and sentence.

    Args:
        db: the store file.
        actor: keep clusters whose members name this id among their sources or ``about``.
        limit: at most this many rows.
    """
    with _opened(db) as store:
        rows = store.con.execute("""
            WITH members AS (
                SELECT m.cluster_id, m.doc_key, c.id AS claim_id, c.stance, c.sources, c.about, c.text,
                       c.start_char, c.end_char
                FROM cluster_members m JOIN claims c ON c.doc_key = m.doc_key AND c.id = m.member_id
                WHERE m.kind = 'claim'),
            contested AS (
                SELECT cluster_id FROM members GROUP BY cluster_id
                HAVING bool_or(stance = 'denies') AND bool_or(stance <> 'denies'))
            SELECT x.cluster_id, d.id, d.source, d.published, x.sources, x.stance, x.text, d.contract,
                   x.start_char, x.end_char, x.about
            FROM members x JOIN contested USING (cluster_id) JOIN documents d USING (doc_key)
            ORDER BY x.cluster_id, x.stance = 'denies', d.published NULLS LAST, d.id, x.claim_id
        """).fetchall()
    out = []
    keep = None
    if actor:
        keep = {r[0] for r in rows if actor in (r[4] or []) or actor in (r[10] or [])}
    for cluster_id, doc_id, outlet, published, sources, stance, text, contract, start, end, _about in rows:
        if keep is not None and cluster_id not in keep:
            continue
        out.append((cluster_id, doc_id, outlet, published, list(sources or []), stance, text,
                    _sentence(json.loads(contract), start, end)))
    if limit is not None:
        out = out[:limit]
    return Table(columns=CONTESTED_COLUMNS, rows=out,
                 display=("cluster_id", "outlet", "sources", "stance", "sentence"))


def _sentence(contract: dict, start: int, end: int) -> str:
    """The stored document's sentence(s) holding ``[start, end)``."""
    return " ".join(sentences_text(contract["text"], contract.get("sentences", []), start, end).split())

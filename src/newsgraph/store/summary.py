"""A corpus summary of the store (what ``newsgraph stats`` and ``make run`` print)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from .queries import Db, _opened


@dataclass(frozen=True)
class Stats:
    counts: dict[str, int]
    events_by_type: list[tuple[str, str, int]] = field(default_factory=list)   # type, status, n
    claims_by_stance: list[tuple[str, int]] = field(default_factory=list)
    top_actors: list[tuple[str, str, int, int]] = field(default_factory=list)  # id, name, docs, mentions
    sources: list[tuple[str, int]] = field(default_factory=list)


_TABLES = ("documents", "entities", "mentions", "timexes", "quotes", "claims", "events", "clusters", "failures")


def stats(db: Db, *, top: int = 10) -> Stats:
    """Counts per table, events by type and status, claims by stance, the most mentioned actors."""
    with _opened(db) as store:
        con = store.con

        def rows(query: str) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in con.execute(query).fetchall()]

        counts = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _TABLES}
        counts["contested claim clusters"] = _contested_count(con)
        return Stats(
            counts=counts,
            events_by_type=rows("SELECT type, status, count(*) FROM events GROUP BY ALL ORDER BY 3 DESC, 1, 2 "
                                f"LIMIT {top * 2}"),
            claims_by_stance=rows("SELECT stance, count(*) FROM claims GROUP BY ALL ORDER BY 2 DESC"),
            top_actors=rows("SELECT id, any_value(name), count(DISTINCT doc_key), sum(n_mentions) FROM entities "
                            "WHERE type <> 'location' GROUP BY id ORDER BY 3 DESC, 4 DESC, 1 "
                            f"LIMIT {int(top)}"),
            sources=rows("SELECT coalesce(source, '(none)'), count(*) FROM documents GROUP BY ALL "
                         f"ORDER BY 2 DESC LIMIT {int(top)}"),
        )


def _contested_count(con: Any) -> int:
    query = """
        SELECT count(*) FROM (
            SELECT m.cluster_id
            FROM cluster_members m JOIN claims c ON c.doc_key = m.doc_key AND c.id = m.member_id
            WHERE m.kind = 'claim'
            GROUP BY m.cluster_id
            HAVING bool_or(c.stance = 'denies') AND bool_or(c.stance <> 'denies'))"""
    return int(con.execute(query).fetchone()[0])


def render(summary: Stats, console: Console | None = None) -> None:
    console = console or Console(width=140)
    console.rule("[bold]newsgraph store[/bold]")
    console.print(", ".join(f"{n:,} {name}" for name, n in summary.counts.items()))
    for title, columns, data in (
        ("Sources", ("source", "documents"), summary.sources),
        ("Most mentioned actors", ("id", "name", "documents", "mentions"), summary.top_actors),
        ("Events by type and status", ("type", "status", "events"), summary.events_by_type),
        ("Claims by stance", ("stance", "claims"), summary.claims_by_stance),
    ):
        if not data:
            continue
        table = RichTable(*columns, title=title)
        for row in data:
            table.add_row(*(f"{v:,}" if isinstance(v, int) else str(v) for v in row))
        console.print(table)

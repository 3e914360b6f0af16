"""Queries over the store: events, claims, quotes, actors, and read-only SQL.

Each function is the Python twin of the command of the same name and returns a ``Table`` (column names and
rows), which ``write()`` prints as a rich table, JSON or CSV:

    from newsgraph.store import queries
    table = queries.events("news.duckdb", actor="PRK", since="2024-06-01")
    table.dicts()

Filters combine with AND; each is optional. ``actor`` matches an entity id (``PRK``, ``person:soo-kim``), its
country, a CAMEO code prefix (``PRK`` matches ``PRKGOV``) or its name (any case); unnamed sources (``analysts``)
match by the role string. Dates filter on the event's own day when it has one, else on the publication date.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, Literal

import duckdb

from .duckdb import DEFAULT_DB, Store
from .exceptions import StoreError, StoreErrors

OutputFormat = Literal["table", "json", "csv"]
FORMATS = ("table", "json", "csv")

Db = str | os.PathLike[str] | Store


@dataclass(frozen=True)
class Table:
    """A query result: column names and rows (tuples, in column order)."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    display: tuple[str, ...] = ()  # the columns a terminal table shows (default: all)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


@contextmanager
def _opened(db: Db, **kwargs: Any) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    store = Store(db, read_only=True, **kwargs)
    try:
        yield store
    finally:
        store.close()


def _date(value: str | dt.date | None, option: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise StoreError(StoreErrors.S010.format(option=option, value=value)) from None


class _Where:
    """WHERE clauses with named parameters."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, clause: str, **params: Any) -> None:
        if all(v is not None for v in params.values()):
            self.clauses.append(clause)
            self.params.update(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _matches(alias: str) -> str:
    """An entity (``alias``) matches $actor by id, country, CAMEO prefix or name."""
    return (f"({alias}.id = $actor OR {alias}.country = upper($actor) OR starts_with({alias}.cameo, upper($actor))"
            f" OR lower({alias}.name) = lower($actor))")


def _common(where: _Where, *, day: str, source: str | None, since: Any, until: Any) -> None:
    where.add("lower(d.source) = lower($source)", source=source)
    where.add(f"{day} >= $since", since=_date(since, "since"))
    where.add(f"{day} <= $until", until=_date(until, "until"))


def _run(db: Db, sql: str, params: dict[str, Any], limit: int | None, display: tuple[str, ...] = ()) -> Table:
    if limit is not None:
        sql += f"\nLIMIT {int(limit)}"
    with _opened(db) as store:
        try:
            cur = store.con.execute(sql, params)
        except duckdb.Error as exc:
            raise StoreError(StoreErrors.S009.format(reason=str(exc).splitlines()[0])) from exc
        columns = tuple(d[0] for d in cur.description)
        return Table(columns, cur.fetchall(), display)


def events(db: Db = DEFAULT_DB, *, actor: str | None = None, type: str | None = None,
           status: str | None = None, source: str | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, text: str | None = None, limit: int | None = None) -> Table:
    """Events, with actor/recipient names and the sentence they come from (``newsgraph events``).

    ``actor`` matches the event's actor or recipient; ``type`` is a PLOVER type; ``text`` searches the trigger
    and the sentence (any case).
    """
    where = _Where()
    day = "coalesce(e.day, d.published_date)"
    sentence = "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
    where.add(f"(e.actor = $actor OR e.recipient = $actor OR {_matches('a')} OR {_matches('r')})", actor=actor)
    where.add("e.type = upper($type)", type=type)
    where.add("e.status = lower($status)", status=status)
    where.add(f"(contains(lower(e.trigger_text), lower($text)) OR contains(lower({sentence}), lower($text)))",
              text=text)
    _common(where, day=day, source=source, since=since, until=until)
    sql = f"""
        SELECT d.id AS document, e.id AS event, {day} AS date, e.date AS timex, e.type, e.cameo, e.status,
               e.actor, a.name AS actor_name, e.recipient, r.name AS recipient_name,
               e.trigger_text AS trigger, e.location, l.name AS location_name, e.attributed_to,
               d.source, d.published,
               {sentence} AS sentence
        FROM events e JOIN documents d USING (doc_key)
        LEFT JOIN entities a ON a.doc_key = e.doc_key AND a.id = e.actor
        LEFT JOIN entities r ON r.doc_key = e.doc_key AND r.id = e.recipient
        LEFT JOIN entities l ON l.doc_key = e.doc_key AND l.id = e.location
        {where.sql()}
        ORDER BY date NULLS LAST, d.seq, e.ordinal"""
    return _run(db, sql, where.params, limit,
                ("date", "type", "status", "actor_name", "trigger", "recipient_name", "document"))


def _list_match(col: str, alias_doc: str = "x0") -> str:
    """Any id in list column ``col`` is $actor, or names an entity of the same document that matches it."""
    return (f"(list_contains({col}, $actor) OR EXISTS (SELECT 1 FROM entities {alias_doc} "
            f"WHERE {alias_doc}.doc_key = d.doc_key AND list_contains({col}, {alias_doc}.id) "
            f"AND {_matches(alias_doc)}))")


def claims(db: Db = DEFAULT_DB, *, actor: str | None = None, stance: str | None = None,
           source: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
           text: str | None = None, limit: int | None = None) -> Table:
    """Claims with their sources, stance and what they are about (``newsgraph claims``).

    ``actor`` matches a claim's sources or what it is about; ``stance`` is asserts|alleges|denies|predicts.
    """
    where = _Where()
    where.add(f"({_list_match('c.sources', 'x1')} OR {_list_match('c.about', 'x2')})", actor=actor)
    where.add("c.stance = lower($stance)", stance=stance)
    where.add("contains(lower(c.text), lower($text))", text=text)
    _common(where, day="d.published_date", source=source, since=since, until=until)
    sql = f"""
        SELECT d.id AS document, c.id AS claim, d.published_date AS date, c.stance, c.sources, c.about,
               c.text, c.evidence, c.event, c.quote, d.source, d.published
        FROM claims c JOIN documents d USING (doc_key)
        {where.sql()}
        ORDER BY date NULLS LAST, d.seq, c.start_char"""
    return _run(db, sql, where.params, limit, ("date", "stance", "sources", "text", "document"))


def quotes(db: Db = DEFAULT_DB, *, actor: str | None = None, type: str | None = None,
           source: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
           text: str | None = None, limit: int | None = None) -> Table:
    """Quotes with their speakers and channels (``newsgraph quotes``).

    ``actor`` matches the speaker or a channel in ``via``; ``type`` is the quote kind (direct|mixed|indirect).
    """
    where = _Where()
    where.add(f"(q.speaker = $actor OR {_matches('s')} OR {_list_match('q.via', 'x1')})", actor=actor)
    where.add("q.kind = lower($type)", type=type)
    where.add("contains(lower(q.text), lower($text))", text=text)
    _common(where, day="d.published_date", source=source, since=since, until=until)
    sql = f"""
        SELECT d.id AS document, q.id AS quote, d.published_date AS date, q.kind, q.speaker,
               s.name AS speaker_name, q.speaker_text, q.cue, q.text, q.via, d.source, d.published
        FROM quotes q JOIN documents d USING (doc_key)
        LEFT JOIN entities s ON s.doc_key = q.doc_key AND s.id = q.speaker
        {where.sql()}
        ORDER BY date NULLS LAST, d.seq, q.start_char"""
    return _run(db, sql, where.params, limit, ("date", "kind", "speaker_text", "cue", "text", "document"))


def actors(db: Db = DEFAULT_DB, *, actor: str | None = None, type: str | None = None,
           source: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
           text: str | None = None, limit: int | None = None) -> Table:
    """Entities across the corpus: documents and mentions, events as actor, quotes as speaker (``newsgraph actors``).

    ``type`` is the entity type (country, person, …); ``text`` searches the name; dates and ``source`` restrict
    the documents counted. Most-mentioned first.
    """
    where = _Where()
    where.add(_matches("x"), actor=actor)
    where.add("x.type = lower($type)", type=type)
    where.add("contains(lower(x.name), lower($text))", text=text)
    _common(where, day="d.published_date", source=source, since=since, until=until)
    sql = f"""
        WITH x AS (SELECT x.* FROM entities x JOIN documents d USING (doc_key) {where.sql()}),
        ev AS (SELECT actor AS id, count(*) AS n FROM events WHERE doc_key IN (SELECT doc_key FROM x) GROUP BY 1),
        qu AS (SELECT speaker AS id, count(*) AS n FROM quotes WHERE doc_key IN (SELECT doc_key FROM x)
               GROUP BY 1)
        SELECT x.id, mode(x.name) AS name, mode(x.type) AS type, mode(x.country) AS country,
               mode(x.cameo) AS cameo, mode(x.wikidata) AS wikidata, count(DISTINCT x.doc_key) AS documents,
               sum(x.n_mentions)::BIGINT AS mentions, coalesce(any_value(ev.n), 0) AS events,
               coalesce(any_value(qu.n), 0) AS quotes
        FROM x LEFT JOIN ev USING (id) LEFT JOIN qu USING (id)
        GROUP BY x.id
        ORDER BY mentions DESC, documents DESC, x.id"""
    return _run(db, sql, where.params, limit,
                ("id", "name", "type", "country", "documents", "mentions", "events", "quotes"))


def sql(query: str, db: str | os.PathLike[str] = DEFAULT_DB, *, params: Sequence[Any] | None = None,
        limit: int | None = None) -> Table:
    """Any SQL over the store, read-only (``newsgraph sql``).

    The database is opened read-only and without access to other files, so a query can neither change the
    store nor read or write files on disk.
    """
    with _opened(db, external_access=False) as store:
        try:
            cur = store.con.execute(query, params or [])
        except duckdb.Error as exc:
            raise StoreError(StoreErrors.S009.format(reason=str(exc).splitlines()[0])) from exc
        if cur.description is None:
            return Table((), [])
        columns = tuple(d[0] for d in cur.description)
        rows = cur.fetchmany(limit) if limit is not None else cur.fetchall()
        return Table(columns, rows)


# --- output -----------------------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    if hasattr(value, "as_tuple"):  # Decimal
        return float(value)
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    value = _plain(value)
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write(table: Table, fmt: OutputFormat = "table", file: IO[str] | None = None, *, max_rows: int = 200) -> None:
    """Print ``table`` as a rich table (its ``display`` columns, at most ``max_rows`` rows; a note on stderr says
    how many are left out), a JSON array of objects, or CSV with a header (list values joined by ``;``)."""
    out = file or sys.stdout
    if fmt == "json":
        json.dump([_plain(d) for d in table.dicts()], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([_cell(v) for v in row] for row in table.rows)
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table as RichTable

        shown = [table.columns.index(c) for c in table.display] or list(range(len(table.columns)))
        rich_table = RichTable(*(table.columns[i] for i in shown), show_lines=False)
        for row in table.rows[:max_rows]:
            rich_table.add_row(*(_cell(row[i]) for i in shown))
        Console(file=out, width=None if out.isatty() else 160).print(rich_table)
        if len(table.rows) > max_rows:
            Console(stderr=True).print(f"{len(table.rows) - max_rows} more rows not shown; "
                                       "use --limit, --format json or csv")
    else:
        raise StoreError(StoreErrors.S007.format(fmt=fmt, valid=", ".join(FORMATS)))

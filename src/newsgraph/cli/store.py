"""``newsgraph ingest``, ``events``, ``claims``, ``quotes``, ``actors``, ``sql`` and ``export``: the DuckDB store.

Each command parses its options and makes one call into ``newsgraph.store`` (named in its help).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..errors import NewsgraphError


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default="newsgraph.duckdb", show_default=True, envvar="NEWSGRAPH_DB",
                        type=click.Path(dir_okay=False), help="The store file (env NEWSGRAPH_DB).")(func)


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--format and --limit, the same for every command that prints rows."""
    for decorator in reversed([
        click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                     show_default=True, help="table (rich, stdout), json (array of objects) or csv."),
        click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows."),
    ]):
        func = decorator(func)
    return func


def filter_options(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The row filters a query command offers, from one shared set."""
    known = {
        "actor": click.option("--actor", help="Entity id, country (PRK), CAMEO prefix or name."),
        "type": click.option("--type", "type_", help="Type (events: PLOVER type; actors: entity type; "
                                                     "quotes: direct|mixed|indirect)."),
        "status": click.option("--status", help="Event status (occurred, planned, alleged, …)."),
        "stance": click.option("--stance", type=click.Choice(["asserts", "alleges", "denies", "predicts"]),
                               help="Claim stance."),
        "source": click.option("--source", help="Document source (AFP), any case."),
        "since": click.option("--since", metavar="DATE", help="On or after this ISO date."),
        "until": click.option("--until", metavar="DATE", help="On or before this ISO date."),
        "text": click.option("--text", help="Text contains this (any case)."),
    }

    def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
        for name in reversed(names):
            func = known[name](func)
        return func
    return wrap


def _fail(exc: NewsgraphError) -> click.ClickException:
    return click.ClickException(str(exc))


def _query_command(main: click.Group, name: str, filters: tuple[str, ...], doc: str) -> None:
    @main.command(name, help=doc)
    @db_option
    @filter_options(*filters)
    @output_options
    def command(db: str, fmt: str, limit: int | None, **filters_: Any) -> None:
        from .. import store

        kwargs = {("type" if k == "type_" else k): v for k, v in filters_.items()}
        try:
            table = getattr(store, name)(db, limit=limit, **kwargs)
            store.write(table, fmt)
        except NewsgraphError as exc:
            raise _fail(exc) from None


def register(main: click.Group) -> None:
    from .extract import make_overrides, metadata_options

    @main.command()
    @click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
    @db_option
    @click.option("--on-error", type=click.Choice(["skip", "raise"]), default="skip", show_default=True,
                  help="skip: record a failure row and go on; raise: stop at the first bad article.")
    @click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
                  help="Documents per pipeline batch.")
    @click.option("--commit-every", type=click.IntRange(min=1), default=64, show_default=True,
                  help="Documents per transaction (a killed run loses at most one batch).")
    @click.option("--progress/--no-progress", default=True, help="Progress bar with documents/s on stderr.")
    @metadata_options
    def ingest(paths: tuple[str, ...], db: str, on_error: str, batch_size: int, commit_every: int,
               progress: bool, published: str | None, source: str | None, id_: str | None, url: str | None,
               title: str | None) -> None:
        """Extract and store articles: files, folders (recursive; .txt .html .json .jsonl) or - (JSONL on stdin).

        Articles already stored (same content hash) are skipped before any NLP, so re-running resumes an
        interrupted ingest. With no PATHS, only creates or upgrades the store.

        In Python: newsgraph.store.ingest(paths, db=...).
        """
        from .. import store

        overrides = make_overrides(published, source, id_, url, title)
        try:
            report = store.ingest(list(paths), db, on_error=on_error, batch_size=batch_size,  # type: ignore[arg-type]
                                  commit_every=commit_every, overrides=overrides, progress=progress)
        except NewsgraphError as exc:
            raise _fail(exc) from None
        click.echo(f"{report.stored} stored, {report.skipped} skipped (already stored), {report.failed} failed "
                   f"in {report.seconds:.1f}s ({report.rate:.1f} docs/s) -> {report.db}", err=True)
        for row in report.failures[:10]:
            click.echo(f"failed: {row.origin or row.failure.article_id or '?'}: {row.failure.message}", err=True)
        if report.failed > 10:
            click.echo(f"... {report.failed - 10} more: newsgraph sql \"SELECT * FROM failures\"", err=True)

    _query_command(main, "events", ("actor", "type", "status", "source", "since", "until", "text"),
                   "Events: who did what to whom, when. --actor matches actor or recipient.\n\n"
                   "In Python: newsgraph.store.events(db, actor=..., ...).")
    @main.command()
    @db_option
    @filter_options("actor", "stance", "source", "since", "until", "text")
    @click.option("--contested", is_flag=True,
                  help="Claim clusters (from `newsgraph link`) that one source supports and another denies: "
                       "each member with its outlet, sources, stance and sentence.")
    @output_options
    def claims(db: str, fmt: str, limit: int | None, contested: bool, **filters_: Any) -> None:
        """Claims: propositions with their sources and stance. --actor matches sources or about.

        In Python: newsgraph.store.claims(db, ...); with --contested, newsgraph.store.contested(db, actor=...).
        """
        from .. import store

        try:
            if contested:
                table = store.contested(db, actor=filters_.get("actor"), limit=limit)
            else:
                table = store.claims(db, limit=limit, **filters_)
            store.write(table, fmt)
        except NewsgraphError as exc:
            raise _fail(exc) from None

    @main.command()
    @db_option
    @click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
                  help="Smallest cluster kept.")
    def link(db: str, min_size: int) -> None:
        """Link the same event and the same claim across the stored documents (replaces earlier clusters).

        Blocking by actors, type and time (events) and by what claims are about (claims), then comparison within
        blocks: sub-quadratic in corpus size.

        In Python: newsgraph.store.link(db).
        """
        from .. import store

        try:
            r = store.link(db, min_size=min_size)
        except NewsgraphError as exc:
            raise _fail(exc) from None
        click.echo(f"{r.documents} documents: {r.event_clusters} event clusters ({r.event_mentions} event "
                   f"mentions), {r.claim_clusters} claim clusters ({r.claim_mentions} claims), {r.contested} "
                   f"contested; {r.comparisons} comparisons", err=True)
    _query_command(main, "quotes", ("actor", "type", "source", "since", "until", "text"),
                   "Quotes with speakers. --actor matches the speaker or a channel (via).\n\n"
                   "In Python: newsgraph.store.quotes(db, ...).")
    _query_command(main, "actors", ("actor", "type", "source", "since", "until", "text"),
                   "Entities across the corpus with document, mention, event and quote counts.\n\n"
                   "In Python: newsgraph.store.actors(db, ...).")

    @main.command()
    @click.argument("query")
    @db_option
    @output_options
    def sql(query: str, db: str, fmt: str, limit: int | None) -> None:
        """Run any SQL over the store, read-only (tables: documents, entities, mentions, timexes, quotes,
        claims, events, clusters, cluster_members, failures, runs).

        In Python: newsgraph.store.sql(query, db).
        """
        from .. import store

        try:
            store.write(store.sql(query, db, limit=limit), fmt)  # type: ignore[arg-type]
        except NewsgraphError as exc:
            raise _fail(exc) from None

    @main.command()
    @click.argument("out", type=click.Path(allow_dash=True))
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "gdelt"]), required=True,
                  help="parquet: OUT is a folder, one file per table; jsonl: the contract documents; "
                       "gdelt: the GDELT 2.0 event table (TSV).")
    @click.option("--header/--no-header", default=False, help="gdelt: write the column names first.")
    def export(out: str, db: str, fmt: str, header: bool) -> None:
        """Export the store to OUT (a file, - for stdout, or a folder for parquet).

        In Python: newsgraph.store.export(db, fmt, out).
        """
        from .. import store

        try:
            n = store.export(db, fmt, out, header=header)  # type: ignore[arg-type]
        except NewsgraphError as exc:
            raise _fail(exc) from None
        click.echo(f"{n} rows exported ({fmt}) -> {out}", err=True)

    @main.command()
    @db_option
    @click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows per table.")
    def stats(db: str, top: int) -> None:
        """A summary of the store: counts, sources, most mentioned actors, events by type and status, claims
        by stance.

        In Python: newsgraph.store.summary.stats(db).
        """
        from ..store.summary import render
        from ..store.summary import stats as compute

        try:
            render(compute(db, top=top))
        except NewsgraphError as exc:
            raise _fail(exc) from None

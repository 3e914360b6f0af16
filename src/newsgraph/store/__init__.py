"""The embedded DuckDB store: ingest, queries and exports over ``model.Document`` records.

Python twins of the commands:

=========================================  ===========================================
``newsgraph ingest PATH... --db F``         ``store.ingest(paths, db=F)``
``newsgraph events|claims|quotes|actors``   ``store.events(F, actor=…)`` (and the others)
``newsgraph link --db F``                   ``store.link(F)``
``newsgraph claims --contested``             ``store.contested(F)``
``newsgraph sql "…"``                       ``store.sql("…", F)``
``newsgraph export --format X OUT``         ``store.export(F, "X", OUT)``
=========================================  ===========================================
"""

from __future__ import annotations

from .duckdb import DEFAULT_DB, FailureRow, Store, StoredDocument, connect
from .exceptions import StoreError, StoreErrors
from .export import EXPORT_FORMATS, GDELT_COLUMNS, export
from .ingest import IngestReport, ingest
from .keys import article_hash, content_hash, document_hash
from .link import LinkReport, contested, link
from .migrations import MIGRATIONS, Migration, migrate
from .queries import FORMATS, Table, actors, claims, events, quotes, sql, write

__all__ = [
    "DEFAULT_DB",
    "EXPORT_FORMATS",
    "FORMATS",
    "GDELT_COLUMNS",
    "MIGRATIONS",
    "FailureRow",
    "IngestReport",
    "LinkReport",
    "Migration",
    "Store",
    "StoreError",
    "StoreErrors",
    "StoredDocument",
    "Table",
    "actors",
    "article_hash",
    "claims",
    "connect",
    "content_hash",
    "contested",
    "document_hash",
    "events",
    "export",
    "ingest",
    "link",
    "migrate",
    "quotes",
    "sql",
    "write",
]

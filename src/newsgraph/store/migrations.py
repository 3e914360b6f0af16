"""The store's versioned schema: ordered migrations, each a list of SQL or Python steps.

``schema_version`` holds one row per applied migration. ``migrate()`` applies the pending ones in order, each in
its own transaction, so a store is always at exactly one version. To change the schema, append a ``Migration``
with the next version number; never edit one that has shipped (stores in the wild have already applied it).

Derived tables (entities, mentions, timexes, quotes, claims, events) are flattened from ``documents.contract``,
the full contract JSON, by ``DERIVE_SQL``; a later migration that changes one of them can rebuild it from there.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb

from .exceptions import StoreError, StoreErrors

Step = str | Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(frozen=True)
class Migration:
    """One schema version: ``steps`` run in order inside one transaction."""

    version: int
    name: str
    steps: tuple[Step, ...]


SCHEMA_VERSION_SQL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)
"""

V1_SQL = """
-- One ingest run: what it read and what came of it (counts are updated with every committed batch).
CREATE TABLE runs (
    run_id            VARCHAR PRIMARY KEY,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    paths             VARCHAR[],
    newsgraph_version VARCHAR,
    stored            INTEGER NOT NULL DEFAULT 0,
    skipped           INTEGER NOT NULL DEFAULT 0,
    failed            INTEGER NOT NULL DEFAULT 0
);

-- One article. hash = sha256 of text + id, published, source, url, title (store.keys.content_hash);
-- doc_key = its first 60 bits, the join key of every other table; contract = Document.to_json(), verbatim.
CREATE TABLE documents (
    doc_key         BIGINT PRIMARY KEY,
    hash            VARCHAR NOT NULL UNIQUE,
    seq             BIGINT NOT NULL,
    id              VARCHAR NOT NULL,
    source          VARCHAR,
    url             VARCHAR,
    title           VARCHAR,
    published       VARCHAR,
    published_date  DATE,
    dateline_place  VARCHAR,
    dateline_agency VARCHAR,
    text            VARCHAR NOT NULL,
    n_sentences     INTEGER NOT NULL,
    warnings        VARCHAR[],
    origin          VARCHAR,
    run_id          VARCHAR,
    ingested_at     TIMESTAMP NOT NULL,
    contract        VARCHAR NOT NULL
);

CREATE TABLE entities (
    doc_key     BIGINT NOT NULL,
    id          VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    type        VARCHAR NOT NULL,
    country     VARCHAR,
    wikidata    VARCHAR,
    cameo       VARCHAR,
    role        VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    geonames_id BIGINT,
    geo_country VARCHAR,
    n_mentions  INTEGER NOT NULL
);

CREATE TABLE mentions (
    doc_key    BIGINT NOT NULL,
    entity_id  VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL
);

CREATE TABLE timexes (
    doc_key    BIGINT NOT NULL,
    ordinal    INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    value      VARCHAR NOT NULL
);

CREATE TABLE quotes (
    doc_key      BIGINT NOT NULL,
    id           VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    speaker      VARCHAR,
    speaker_text VARCHAR,
    cue          VARCHAR,
    via          VARCHAR[]
);

CREATE TABLE claims (
    doc_key    BIGINT NOT NULL,
    id         VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    sources    VARCHAR[],
    stance     VARCHAR NOT NULL,
    about      VARCHAR[],
    evidence   VARCHAR,
    event      VARCHAR,
    quote      VARCHAR
);

-- event_key: a corpus-wide integer id (first 60 bits of sha256(hash:id)), GDELT's GLOBALEVENTID on export.
-- day: the event's date when its TIMEX3 value names a day, else NULL (queries fall back to published_date).
CREATE TABLE events (
    event_key      BIGINT NOT NULL,
    doc_key        BIGINT NOT NULL,
    id             VARCHAR NOT NULL,
    ordinal        INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   VARCHAR NOT NULL,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    actor          VARCHAR,
    recipient      VARCHAR,
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    context        VARCHAR[],
    cameo          VARCHAR,
    status         VARCHAR NOT NULL,
    date           VARCHAR,
    day            DATE,
    location       VARCHAR,
    attributed_to  VARCHAR[],
    claim          VARCHAR
);

-- Cross-document linking (filled by a later stage): a cluster groups events or claims from many documents
-- that are the same real-world happening or proposition. A member is (doc_key, id of the event or claim).
CREATE TABLE clusters (
    cluster_id VARCHAR PRIMARY KEY,
    kind       VARCHAR NOT NULL CHECK (kind IN ('event', 'claim')),
    label      VARCHAR,
    method     VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE cluster_members (
    cluster_id VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL CHECK (kind IN ('event', 'claim')),
    doc_key    BIGINT NOT NULL,
    member_id  VARCHAR NOT NULL,
    score      DOUBLE,
    PRIMARY KEY (cluster_id, doc_key, member_id)
);

CREATE VIEW cluster_view AS
SELECT c.cluster_id, c.kind, c.label, c.method,
       list({'doc_key': m.doc_key, 'id': m.member_id} ORDER BY m.doc_key, m.member_id) AS members,
       count(m.member_id) AS size
FROM clusters c LEFT JOIN cluster_members m USING (cluster_id)
GROUP BY ALL;

-- An article that could not be read or processed. failure_key = sha256 of where + what went wrong, so a
-- re-run that fails the same way bumps attempts instead of adding a row; a later success deletes it (by hash).
CREATE TABLE failures (
    failure_key VARCHAR PRIMARY KEY,
    origin      VARCHAR,
    line        INTEGER,
    article_id  VARCHAR,
    hash        VARCHAR,
    stage       VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    run_id      VARCHAR,
    first_seen  TIMESTAMP NOT NULL,
    last_seen   TIMESTAMP NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 1
);
"""

# Version 2: documents without PRIMARY KEY / UNIQUE. DuckDB keeps those ART indexes in memory (about 100 bytes
# per document measured: 100 MB a million documents), so a long ingest's memory grew with the corpus. Uniqueness
# by hash is kept by ``Store.add`` (it checks the batch's hashes inside the inserting transaction, and a store
# file has one writer at a time); lookups scan the compact BIGINT ``doc_key`` column.
V2_SQL = """
CREATE TABLE documents_v2 (
    doc_key         BIGINT NOT NULL,
    hash            VARCHAR NOT NULL,
    seq             BIGINT NOT NULL,
    id              VARCHAR NOT NULL,
    source          VARCHAR,
    url             VARCHAR,
    title           VARCHAR,
    published       VARCHAR,
    published_date  DATE,
    dateline_place  VARCHAR,
    dateline_agency VARCHAR,
    text            VARCHAR NOT NULL,
    n_sentences     INTEGER NOT NULL,
    warnings        VARCHAR[],
    origin          VARCHAR,
    run_id          VARCHAR,
    ingested_at     TIMESTAMP NOT NULL,
    contract        VARCHAR NOT NULL
);
INSERT INTO documents_v2 SELECT * FROM documents ORDER BY seq;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, extractions, clusters, failures", (V1_SQL,)),
    Migration(2, "documents without in-memory indexes", (V2_SQL,)),
)

#: Tables in export order (Parquet writes one file per table).
TABLES = ("documents", "entities", "mentions", "timexes", "quotes", "claims", "events",
          "clusters", "cluster_members", "failures", "runs", "schema_version")

# --- flattening the contract JSON into the derived tables ------------------------------------------------------

_SPAN = {"start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}
DOCUMENT_STRUCTURE = {
    "entities": [{"id": "VARCHAR", "name": "VARCHAR", "type": "VARCHAR", "country": "VARCHAR",
                  "wikidata": "VARCHAR", "cameo": "VARCHAR", "role": "VARCHAR",
                  "geo": {"lat": "DOUBLE", "lon": "DOUBLE", "geonames_id": "BIGINT", "country": "VARCHAR"},
                  "mentions": [{**_SPAN, "kind": "VARCHAR"}]}],
    "timexes": [{**_SPAN, "type": "VARCHAR", "value": "VARCHAR"}],
    "quotes": [{**_SPAN, "id": "VARCHAR", "kind": "VARCHAR", "speaker": "VARCHAR", "speaker_text": "VARCHAR",
                "cue": "VARCHAR", "via": ["VARCHAR"]}],
    "claims": [{**_SPAN, "id": "VARCHAR", "sources": ["VARCHAR"], "stance": "VARCHAR", "about": ["VARCHAR"],
                "evidence": "VARCHAR", "event": "VARCHAR", "quote": "VARCHAR"}],
    "events": [{"id": "VARCHAR", "trigger": _SPAN, "sentence": ["INTEGER"], "actor": "VARCHAR",
                "recipient": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR", "context": ["VARCHAR"],
                "cameo": "VARCHAR", "status": "VARCHAR", "date": "VARCHAR", "location": "VARCHAR",
                "attributed_to": ["VARCHAR"], "claim": "VARCHAR"}],
}

_PARSED = ("(SELECT doc_key, hash, from_json(contract, '" + json.dumps(DOCUMENT_STRUCTURE).replace("'", "''")
           + "') AS j FROM documents WHERE seq BETWEEN $first AND $last)")

#: table -> INSERT that flattens the documents with ``seq`` in [$first, $last] into it.
DERIVE_SQL: dict[str, str] = {
    "entities": f"""
        INSERT INTO entities
        SELECT doc_key, e.id, e.name, e.type, e.country, e.wikidata, e.cameo, e.role,
               e.geo.lat, e.geo.lon, e.geo.geonames_id, e.geo.country, coalesce(len(e.mentions), 0)
        FROM (SELECT doc_key, unnest(j.entities) AS e FROM {_PARSED})""",
    "mentions": f"""
        INSERT INTO mentions
        SELECT doc_key, entity_id, m.start, m."end", m.text, m.kind
        FROM (SELECT doc_key, entity_id, unnest(mentions) AS m
              FROM (SELECT doc_key, e.id AS entity_id, e.mentions AS mentions
                    FROM (SELECT doc_key, unnest(j.entities) AS e FROM {_PARSED})))""",
    "timexes": f"""
        INSERT INTO timexes
        SELECT doc_key, i - 1, t.start, t."end", t.text, t.type, t.value
        FROM (SELECT doc_key, unnest(j.timexes) AS t, generate_subscripts(j.timexes, 1) AS i FROM {_PARSED})""",
    "quotes": f"""
        INSERT INTO quotes
        SELECT doc_key, q.id, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_text, q.cue,
               coalesce(q.via, [])
        FROM (SELECT doc_key, unnest(j.quotes) AS q FROM {_PARSED})""",
    "claims": f"""
        INSERT INTO claims
        SELECT doc_key, c.id, c.start, c."end", c.text, coalesce(c.sources, []), c.stance,
               coalesce(c.about, []), c.evidence, c.event, c.quote
        FROM (SELECT doc_key, unnest(j.claims) AS c FROM {_PARSED})""",
    "events": f"""
        INSERT INTO events
        SELECT ('0x' || substr(sha256(hash || ':' || e.id), 1, 15))::BIGINT, doc_key, e.id, i - 1,
               e.trigger.start, e.trigger."end", e.trigger.text, e.sentence[1], e.sentence[2],
               e.actor, e.recipient, e.type, e.mode, coalesce(e.context, []), e.cameo, e.status, e.date,
               try_cast(CASE WHEN regexp_full_match(substr(e.date, 1, 10), '\\d{{4}}-\\d{{2}}-\\d{{2}}')
                             THEN substr(e.date, 1, 10) END AS DATE),
               e.location, coalesce(e.attributed_to, []), e.claim
        FROM (SELECT doc_key, hash, unnest(j.events) AS e, generate_subscripts(j.events, 1) AS i
              FROM {_PARSED})""",
}


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The store's schema version: 0 for an empty database, None when it holds tables but no schema_version."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "schema_version" not in tables:
        return 0 if not tables else None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def latest(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def migrate(con: duckdb.DuckDBPyConnection, *, path: str = "<store>",
            migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply every migration newer than the store's version, in order, one transaction each.

    Returns:
        The versions applied (empty when the store was up to date).

    Raises:
        StoreError: the file is not a newsgraph store, is newer than this code, or a step failed (that
            migration is rolled back; earlier ones stay).
    """
    found = current_version(con)
    if found is None:
        raise StoreError(StoreErrors.S004.format(path=path))
    if found > latest(migrations):
        raise StoreError(StoreErrors.S001.format(path=path, found=found, known=latest(migrations)))
    applied = []
    con.execute(SCHEMA_VERSION_SQL)
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version <= found:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for step in migration.steps:
                if callable(step):
                    step(con)
                else:
                    con.execute(step)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)",
                        [migration.version, migration.name])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(StoreErrors.S005.format(version=migration.version, name=migration.name,
                                                     reason=exc, current=found)) from exc
        found = migration.version
        applied.append(migration.version)
    return applied

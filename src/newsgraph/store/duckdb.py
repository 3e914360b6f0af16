"""The embedded DuckDB store: one file, versioned schema, documents in and out as ``model.Document``.

    with Store("news.duckdb") as store:
        store.add([document])                  # one transaction
        for document in store.documents(): ...

The store reads and writes ``Document`` records only; it never sees a spaCy ``Doc``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import duckdb

from .. import __version__
from ..model import Document, Failure
from . import migrations
from .exceptions import StoreError, StoreErrors
from .keys import doc_key, document_hash

DEFAULT_DB = "newsgraph.duckdb"


@dataclass(frozen=True)
class StoredDocument:
    """A document to add, with where it was read from (``path`` or ``path:line``)."""

    document: Document
    origin: str | None = None
    hash: str | None = None  # computed from the document when not given


@dataclass(frozen=True)
class FailureRow:
    """A failure to record, with where the article came from and its hash when known."""

    failure: Failure
    origin: str | None = None
    hash: str | None = None


def _published_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Store:
    """A newsgraph DuckDB file, migrated to the current schema on open (read-write).

    Args:
        path: the database file (created when missing, unless ``read_only``).
        read_only: open without taking the write lock; the schema must already be current.
        external_access: False forbids SQL that reads or writes other files (``newsgraph sql``).
        memory_limit: DuckDB's buffer pool cap (``"100MB"``); ingest sets one so memory stays flat as the corpus
            grows, queries keep DuckDB's default.

    Raises:
        StoreError: missing file (read-only), foreign or newer schema, or the file is locked by a writer.
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False,
                 external_access: bool = True, memory_limit: str | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(StoreErrors.S003.format(path=self.path))
        try:
            # A bounded buffer pool keeps a long ingest's memory flat (DuckDB's default is 80% of RAM, which a
            # growing file fills with cached pages); NEWSGRAPH_DUCKDB_MEMORY overrides any limit.
            config: dict[str, Any] = {}
            limit = os.environ.get("NEWSGRAPH_DUCKDB_MEMORY") or memory_limit
            self.memory_limit = _bytes(limit) if limit else None
            if limit:
                config["memory_limit"] = limit
            if self.memory_limit:
                # rows not yet checkpointed stay in the pool: checkpoint well before they could fill it
                config["checkpoint_threshold"] = f"{max(self.memory_limit // 4, 2**20) // 2**10}KB"
            if not external_access:
                config["enable_external_access"] = False
            self._config = config
            self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            raise StoreError(StoreErrors.S011.format(path=self.path, reason=str(exc).splitlines()[0])) from exc
        try:
            self._check_schema()
        except BaseException:
            self.con.close()
            raise
        self._next_seq: int | None = None

    def _check_schema(self) -> None:
        if not self.read_only:
            migrations.migrate(self.con, path=self.path)
            return
        found = migrations.current_version(self.con)
        if found is None:
            raise StoreError(StoreErrors.S004.format(path=self.path))
        if found > migrations.latest():
            raise StoreError(StoreErrors.S001.format(path=self.path, found=found, known=migrations.latest()))
        if found < migrations.latest():
            raise StoreError(StoreErrors.S002.format(path=self.path, found=found, known=migrations.latest()))

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def reconnect(self) -> None:
        """Close and reopen the file (same settings). A DuckDB connection's native memory grows slowly with every
        transaction it writes (~3.5 MB per 10,000 documents, outside its buffer pool and our Python objects, gone
        on reopening: benchmarks/RESULTS-store.md); a long ingest reconnects now and then to stay flat. No-op for
        an in-memory store, whose data would go with the connection."""
        if self.path == ":memory:":
            return
        self.con.close()
        self.con = duckdb.connect(self.path, read_only=self.read_only, config=self._config)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return migrations.current_version(self.con) or 0

    # --- reading ------------------------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` already stored."""
        wanted = list(set(hashes))
        if not wanted:
            return set()
        # the BIGINT key narrows the scan (documents has no index, see migrations V2), the hash confirms
        rows = self.con.execute("SELECT hash FROM documents WHERE doc_key IN (SELECT unnest($k)) "
                                "AND hash IN (SELECT unnest($h))",
                                {"k": [doc_key(h) for h in wanted], "h": wanted}).fetchall()
        return {r[0] for r in rows}

    def count(self, table: str = "documents") -> int:
        if table not in migrations.TABLES:
            raise StoreError(StoreErrors.S009.format(reason=f"unknown table {table!r}"))
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def documents(self, *, batch: int = 256) -> Iterator[Document]:
        """Every stored document, in ingest order, rebuilt from its contract JSON."""
        for contract in self.contracts(batch=batch):
            yield Document.from_json(contract)

    def contracts(self, *, batch: int = 256) -> Iterator[str]:
        """Every stored document's contract JSON, exactly as stored, in ingest order."""
        cur = self.con.cursor()
        try:
            cur.execute("SELECT contract FROM documents ORDER BY seq")
            while rows := cur.fetchmany(batch):
                for (contract,) in rows:
                    yield contract
        finally:
            cur.close()

    def get(self, id: str) -> list[Document]:
        """The stored documents with this contract id (ids need not be unique across a corpus)."""
        rows = self.con.execute("SELECT contract FROM documents WHERE id = ? ORDER BY seq", [id]).fetchall()
        return [Document.from_json(r[0]) for r in rows]

    # --- writing ------------------------------------------------------------------------------------------------

    def begin_run(self, paths: Sequence[str]) -> str:
        """Record the start of an ingest run; returns its id."""
        run_id = uuid.uuid4().hex[:16]
        self.con.execute("INSERT INTO runs (run_id, started_at, paths, newsgraph_version) VALUES (?, ?, ?, ?)",
                         [run_id, _now(), [str(p) for p in paths], __version__])
        return run_id

    def end_run(self, run_id: str) -> None:
        self.con.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", [_now(), run_id])

    def add(self, documents: Iterable[StoredDocument | Document] = (), failures: Iterable[FailureRow] = (), *,
            run_id: str | None = None, skipped: int = 0) -> int:
        """Store documents and failures in one transaction; documents already stored (by hash) are skipped.

        Returns:
            How many documents were newly stored.
        """
        items = [d if isinstance(d, StoredDocument) else StoredDocument(d) for d in documents]
        failures = list(failures)
        # DuckDB keeps a transaction's rows in its buffer pool until they are checkpointed; a capped pool (ingest)
        # that a batch of long articles overflows fails the statement, or worse the checkpoint after COMMIT, which
        # invalidates the connection. So the cap is raised to fit each batch while it is written.
        size = sum(len(i.document.text) for i in items) * _POOL_BYTES_PER_CHAR + (self.memory_limit or 0) // 2
        with self._memory_at_least(size):
            return self._add(items, failures, run_id, skipped)

    @contextlib.contextmanager
    def _memory_at_least(self, size: int) -> Iterator[None]:
        if self.memory_limit is None or size <= self.memory_limit:
            yield
            return
        self.con.execute(f"SET memory_limit = '{size // 2**20 + 1}MB'")
        try:
            yield
        finally:
            self.con.execute(f"SET memory_limit = '{self.memory_limit // 2**20}MB'")

    def _add(self, items: list[StoredDocument], failures: list[FailureRow], run_id: str | None,
             skipped: int) -> int:
        now = _now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            hashes = [item.hash or document_hash(item.document) for item in items]
            known = self.known_hashes(hashes)
            rows, seen = [], set(known)
            seq = self._seq()
            for item, hash_ in zip(items, hashes, strict=True):
                if hash_ in seen:
                    continue
                seen.add(hash_)
                rows.append(_document_row(item, hash_, seq, run_id, now))
                seq += 1
            if rows:
                columns = zip(*rows, strict=True)  # one statement for the whole batch, not one per row
                self.con.execute(_INSERT_DOCUMENTS, {name: list(values)
                                                     for name, values in zip(_DOCUMENT_COLUMNS, columns,
                                                                             strict=True)})
                params = {"first": rows[0][2], "last": rows[-1][2]}
                for sql in migrations.DERIVE_SQL.values():
                    self.con.execute(sql, params)
                self.con.execute("DELETE FROM failures WHERE hash IN (SELECT unnest($h))",
                                 {"h": [r[1] for r in rows]})
            for row in failures:
                self.con.execute(_UPSERT_FAILURE, _failure_row(row, run_id, now))
            if run_id is not None:
                self.con.execute("UPDATE runs SET stored = stored + ?, skipped = skipped + ?, failed = failed + ?"
                                 " WHERE run_id = ?", [len(rows), skipped, len(failures), run_id])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._next_seq = None
            raise
        self._next_seq = seq
        return len(rows)

    def _seq(self) -> int:
        if self._next_seq is None:
            self._next_seq = int(self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0])
        return self._next_seq


#: Buffer pool a batch needs per character of article text while it is written (text, contract JSON, derived
#: rows: measured to fit with 64 articles of 285 KB under the ingest cap).
_POOL_BYTES_PER_CHAR = 16

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(I?B)?\s*$", re.IGNORECASE)


def _bytes(limit: str) -> int | None:
    """``"24MB"`` / ``"1GiB"`` / ``"512KB"`` in bytes (None when DuckDB's own syntax is something else)."""
    m = _SIZE.match(limit)
    if not m:
        return None
    scale = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}[m.group(2).upper()]
    return int(float(m.group(1)) * scale)


_DOCUMENT_COLUMNS = ("doc_key", "hash", "seq", "id", "source", "url", "title", "published", "published_date",
                     "dateline_place", "dateline_agency", "text", "n_sentences", "warnings", "origin", "run_id",
                     "ingested_at", "contract")
_DOCUMENT_TYPES = ("BIGINT", "VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE",
                   "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR[]", "VARCHAR", "VARCHAR", "TIMESTAMP",
                   "VARCHAR")
#: Inserts a batch given as one list per column (unnest zips them): far faster than executemany.
_INSERT_DOCUMENTS = (f"INSERT INTO documents ({', '.join(_DOCUMENT_COLUMNS)}) SELECT "
                     + ", ".join(f"unnest(${c}::{t}[])"
                                 for c, t in zip(_DOCUMENT_COLUMNS, _DOCUMENT_TYPES, strict=True)))

_UPSERT_FAILURE = """
INSERT INTO failures (failure_key, origin, line, article_id, hash, stage, code, message, run_id,
                      first_seen, last_seen)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (failure_key) DO UPDATE SET attempts = failures.attempts + 1, last_seen = excluded.last_seen,
                                        run_id = excluded.run_id
"""


def _document_row(item: StoredDocument, hash_: str, seq: int, run_id: str | None, now: dt.datetime) -> tuple:
    doc = item.document
    dateline = doc.dateline
    return (doc_key(hash_), hash_, seq, doc.id, doc.source, doc.url, doc.title, doc.published,
            _published_date(doc.published), dateline.place if dateline else None,
            dateline.agency if dateline else None, doc.text, len(doc.sentences), list(doc.warnings),
            item.origin, run_id, now, doc.to_json())


def _failure_row(row: FailureRow, run_id: str | None, now: dt.datetime) -> tuple:
    f = row.failure
    key = hashlib.sha256("\x1f".join(str(x) for x in (row.origin, f.line, f.article_id, f.stage, f.code,
                                                       f.message)).encode("utf-8")).hexdigest()[:32]
    return (key, row.origin, f.line, f.article_id, row.hash, f.stage, f.code, f.message, run_id, now, now)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def connect(path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (and migrate, unless read-only) a store; the Python twin of ``--db FILE``."""
    return Store(path, read_only=read_only)

"""Versioned schema: migrations apply in order, once, in a transaction; versions are checked on open."""

from __future__ import annotations

import duckdb
import pytest

from newsgraph.store import Store, StoreError, migrations
from newsgraph.store.migrations import MIGRATIONS, Migration, current_version, latest, migrate


def test_store_schema_fresh_store_is_at_latest_version(db_path):
    with Store(db_path) as store:
        assert store.schema_version == latest() == MIGRATIONS[-1].version
        versions = store.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [v for (v,) in versions] == [m.version for m in MIGRATIONS]
        tables = {t for (t,) in store.con.execute("SELECT table_name FROM information_schema.tables "
                                                  "WHERE table_type = 'BASE TABLE'").fetchall()}
        assert set(migrations.TABLES) <= tables


def test_store_schema_reopen_applies_nothing(db_path):
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    assert migrate(con, path=str(db_path)) == []
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    con.close()


def test_store_schema_applies_new_migrations_in_order_with_sql_and_python_steps(db_path):
    Store(db_path).close()

    def backfill(con):
        con.execute("UPDATE documents SET title = 'backfilled' WHERE title IS NULL")

    extra = (*MIGRATIONS,
             Migration(latest() + 2, "python step", (backfill,)),
             Migration(latest() + 1, "add column", ("ALTER TABLE documents ADD COLUMN lang VARCHAR",)))
    con = duckdb.connect(str(db_path))
    assert migrate(con, migrations=extra) == [latest() + 1, latest() + 2]
    assert current_version(con) == latest() + 2
    assert "lang" in {c for (c,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'").fetchall()}
    con.close()
    # this code only knows the shipped migrations: a newer store is refused, with a hint
    with pytest.raises(StoreError, match=r"S001.*newer"):
        Store(db_path)


def test_store_schema_failed_migration_rolls_back_and_keeps_version(db_path):
    Store(db_path).close()
    bad = (*MIGRATIONS, Migration(latest() + 1, "broken", ("CREATE TABLE half (x INTEGER)", "SELECT nonsense(")))
    con = duckdb.connect(str(db_path))
    with pytest.raises(StoreError, match=r"S005.*broken"):
        migrate(con, migrations=bad)
    assert current_version(con) == latest()
    assert not con.execute("SELECT * FROM information_schema.tables WHERE table_name = 'half'").fetchall()
    con.close()


def test_store_schema_read_only_refuses_old_store_with_hint(db_path):
    con = duckdb.connect(str(db_path))
    migrate(con, migrations=())  # schema_version exists, version 0
    con.execute("CREATE TABLE documents (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match=r"S002.*newsgraph ingest --db"):
        Store(db_path, read_only=True)


def test_store_schema_refuses_foreign_database(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE something_else (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="S004"):
        Store(db_path)


def test_store_schema_read_only_missing_file(tmp_path):
    with pytest.raises(StoreError, match="S003"):
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert not (tmp_path / "nope.duckdb").exists()


def test_store_schema_v1_store_migrates_to_v2_keeping_documents(db_path, tmp_path, korea):
    """Version 2 rebuilds documents without PRIMARY KEY / UNIQUE (in-memory indexes that grew with the corpus)."""
    with Store(tmp_path / "source.duckdb") as source:
        source.add([korea])
    con = duckdb.connect(str(db_path))
    migrate(con, migrations=MIGRATIONS[:1])  # a version-1 file, holding the same document
    con.execute(f"ATTACH '{tmp_path / 'source.duckdb'}' AS src (READ_ONLY)")
    for table in ("documents", "entities", "mentions", "timexes", "quotes", "claims", "events"):
        con.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
    constraints = ("SELECT count(*) FROM duckdb_constraints() WHERE database_name = current_database() AND "
                   "table_name = 'documents' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')")
    assert con.execute(constraints).fetchone()[0] == 2
    con.close()
    with Store(db_path) as store:
        assert store.schema_version == 2
        assert list(store.documents()) == [korea]
        assert store.add([korea]) == 0  # still deduplicated by hash, without the UNIQUE index
        assert store.con.execute(constraints).fetchone()[0] == 0

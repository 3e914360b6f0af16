"""Writing and reading documents: one transaction per batch, idempotent by content hash, exact round trip."""

from __future__ import annotations

import pytest
from store_docs import make_bare, make_germany

from newsgraph.model import Article, Failure
from newsgraph.store import FailureRow, Store, StoredDocument, article_hash, document_hash
from newsgraph.store.keys import doc_key


def test_store_documents_round_trip_exactly(store, korea, germany):
    assert store.add([korea, germany, make_bare()]) == 3
    assert list(store.documents()) == [korea, germany, make_bare()]
    assert list(store.contracts()) == [korea.to_json(), germany.to_json(), make_bare().to_json()]
    assert store.get("afp-korea") == [korea]


def test_store_documents_flattened_tables(store, korea, germany):
    store.add([korea, germany])
    counts = {t: store.count(t) for t in ("entities", "mentions", "timexes", "quotes", "claims", "events")}
    assert counts == {"entities": 8, "mentions": 10, "timexes": 2, "quotes": 1, "claims": 2, "events": 4}
    row = store.con.execute("""SELECT d.id, e.ordinal, e.trigger_text, e.actor, e.cameo, e.day, e.context,
                                      e.sentence_start, e.sentence_end
                               FROM events e JOIN documents d USING (doc_key) ORDER BY d.seq, e.ordinal""").fetchall()
    assert [(r[0], r[1], r[2]) for r in row] == [("afp-korea", 0, "met"), ("afp-korea", 1, "shipping"),
                                                 ("reuters-germany", 0, "sent"), ("reuters-germany", 1, "talks")]
    # day only when the TIMEX3 value names a day
    assert [str(r[5]) if r[5] else None for r in row] == [None, None, "2024-06-10", None]
    assert row[0][6] == ["diplomatic"]
    mention = store.con.execute("SELECT start_char, end_char, text, kind FROM mentions "
                                "WHERE entity_id = 'PRK' ORDER BY start_char").fetchall()
    assert [(korea.text[s:e], k) for s, e, _, k in mention] == [("North Korean", "name"), ("Pyongyang", "metonym")]
    geo = store.con.execute("SELECT lat, lon, geonames_id, geo_country, n_mentions FROM entities "
                            "WHERE id = 'location:pyongyang'").fetchone()
    assert geo == (39.03, 125.75, 1871859, "PRK", 1)
    doc = store.con.execute("SELECT published_date, dateline_place, n_sentences, warnings FROM documents "
                            "WHERE id = 'reuters-germany'").fetchone()
    assert str(doc[0]) == "2024-06-10" and doc[1] is None and doc[2] == 2 and doc[3][0].startswith("[W002]")


def test_store_documents_idempotent_by_content_hash(store, korea):
    assert store.add([korea]) == 1
    assert store.add([korea, korea]) == 0
    assert store.count("documents") == 1 and store.count("events") == 2
    # the same id with other text is another document
    changed = korea.model_copy(update={"text": korea.text + " "})
    assert store.add([changed]) == 1
    assert store.count("documents") == 2


def test_store_documents_hash_same_from_article_and_document(korea):
    article = Article(id=korea.id, text=korea.text, published=None, source="AFP", url=korea.url, title=korea.title)
    import datetime as dt

    article = article.model_copy(update={"published": dt.date(2024, 6, 12)})
    assert article_hash(article) == document_hash(korea)
    # without an id, the pipeline's default id goes into the hash
    from newsgraph.stages.export import document_id

    anon = Article(text="Some text.")
    bare = make_bare().model_copy(update={"id": document_id(anon), "text": "Some text.", "warnings": []})
    assert article_hash(anon) == document_hash(bare)


def test_store_documents_keys_are_stable(store, korea):
    store.add([korea])
    key, hash_ = store.con.execute("SELECT doc_key, hash FROM documents").fetchone()
    assert key == doc_key(hash_) == doc_key(document_hash(korea))
    keys = store.con.execute("SELECT event_key FROM events ORDER BY ordinal").fetchall()
    with Store(":memory:") as other:
        other.add([make_germany(), korea])
        assert other.con.execute("SELECT event_key FROM events WHERE doc_key = ? ORDER BY ordinal",
                                 [key]).fetchall() == keys


def test_store_documents_batch_is_one_transaction(store, korea, germany, monkeypatch):
    from newsgraph.store import migrations

    monkeypatch.setitem(migrations.DERIVE_SQL, "zzz", "INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(Exception, match="no_such_table"):
        store.add([korea, germany])
    monkeypatch.undo()
    assert store.count("documents") == 0 and store.count("entities") == 0 and store.count("events") == 0
    assert store.add([korea, germany]) == 2  # the store is still usable, and numbering is unaffected
    assert [s for (s,) in store.con.execute("SELECT seq FROM documents ORDER BY seq").fetchall()] == [1, 2]


def test_store_documents_failures_upsert_and_clear_on_success(store, korea):
    hash_ = document_hash(korea)
    failure = FailureRow(Failure(article_id="afp-korea", stage="entities", code="ValueError", message="boom"),
                         origin="corpus/a.jsonl:3", hash=hash_)
    store.add([], [failure])
    store.add([], [failure])
    row = store.con.execute("SELECT origin, stage, code, message, attempts FROM failures").fetchone()
    assert row == ("corpus/a.jsonl:3", "entities", "ValueError", "boom", 2)
    store.add([StoredDocument(korea, "corpus/a.jsonl:3")])
    assert store.count("failures") == 0
    assert store.con.execute("SELECT origin FROM documents").fetchone()[0] == "corpus/a.jsonl:3"


def test_store_documents_clusters_tables_ready_for_linking(store, korea, germany):
    store.add([korea, germany])
    keys = dict(store.con.execute("SELECT id, doc_key FROM documents").fetchall())
    store.con.execute("INSERT INTO clusters (cluster_id, kind, label) VALUES ('ev-aid', 'event', 'arms to Russia')")
    store.con.executemany("INSERT INTO cluster_members VALUES ('ev-aid', 'event', ?, ?, ?)",
                          [[keys["afp-korea"], "e2", 0.9], [keys["reuters-germany"], "e1", 0.4]])
    size, members = store.con.execute("SELECT size, members FROM cluster_view").fetchone()
    assert size == 2 and {m["id"] for m in members} == {"e1", "e2"}
    import duckdb

    with pytest.raises(duckdb.ConstraintException):
        store.con.execute("INSERT INTO clusters (cluster_id, kind) VALUES ('x', 'quote')")


def test_store_documents_locked_by_writer(db_path):
    with Store(db_path):
        import subprocess
        import sys

        code = ("from newsgraph.store import Store, StoreError\n"
                f"try:\n    Store({str(db_path)!r})\nexcept StoreError as e:\n    print(e)\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False).stdout
    assert "S011" in out


def test_store_documents_long_articles_fit_a_capped_buffer_pool(db_path, korea):
    """A batch larger than the ingest's DuckDB memory cap is written (the cap is raised for its transaction);
    without that, DuckDB fails the insert or, worse, the checkpoint after COMMIT, invalidating the store."""
    long_text = korea.text + " More words follow here." * 12000  # ~290 KB per article
    batch = [korea.model_copy(update={"id": f"long-{i}", "text": f"{long_text} {i}"}) for i in range(48)]
    with Store(db_path, memory_limit="24MB") as s:
        assert s.add(batch[:24]) == 24 and s.add(batch[24:]) == 24
        assert s.count() == 48
        assert s.con.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("2")  # restored

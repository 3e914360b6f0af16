"""Queries: events, claims, quotes, actors with filters; read-only SQL; table/json/csv output."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph import store
from newsgraph.store import Store, StoreError


def ids(table, column):
    return [row[column] for row in table.dicts()]


def test_store_queries_events_all_ordered_by_date(filled):
    table = store.events(filled)
    rows = table.dicts()
    # dated by the event's own day, else the publication date; the planned week-25 talks fall back too
    assert [(r["document"], r["event"], str(r["date"])) for r in rows] == [
        ("reuters-germany", "e1", "2024-06-10"), ("reuters-germany", "e2", "2024-06-10"),
        ("afp-korea", "e1", "2024-06-12"), ("afp-korea", "e2", "2024-06-12")]
    met = rows[2]
    assert met["actor_name"] == "Kim Jong Un" and met["recipient_name"] == "Vladimir Putin"
    assert met["location_name"] == "Pyongyang" and met["trigger"] == "met"
    assert met["sentence"].startswith("SEOUL (AFP)") and met["sentence"].endswith("Pyongyang.")


@pytest.mark.parametrize("actor, expected", [
    ("PRK", {"afp-korea/e1", "afp-korea/e2"}),          # country of the actor (Kim) and the actor itself
    ("person:kim-jong-un", {"afp-korea/e1"}),            # entity id
    ("vladimir putin", {"afp-korea/e1"}),                # name, any case, as recipient
    ("RUS", {"afp-korea/e1", "afp-korea/e2"}),
    ("DEUGOV", {"reuters-germany/e1", "reuters-germany/e2"}),  # CAMEO code
    ("nobody", set()),
])
def test_store_queries_events_actor(filled, actor, expected):
    rows = store.events(filled, actor=actor).dicts()
    assert {f"{r['document']}/{r['event']}" for r in rows} == expected


def test_store_queries_events_filters(filled):
    assert ids(store.events(filled, type="aid"), "event") == ["e1", "e2"]
    assert ids(store.events(filled, status="DENIED"), "document") == ["reuters-germany"]
    assert ids(store.events(filled, source="afp"), "document") == ["afp-korea", "afp-korea"]
    assert ids(store.events(filled, since="2024-06-11"), "document") == ["afp-korea", "afp-korea"]
    assert ids(store.events(filled, until="2024-06-10"), "document") == ["reuters-germany"] * 2
    assert ids(store.events(filled, text="WEAPONS"), "trigger") == ["shipping"]
    assert ids(store.events(filled, text="talks", actor="DEU", status="planned"), "event") == ["e2"]
    assert len(store.events(filled, limit=1)) == 1
    with pytest.raises(StoreError, match="S010"):
        store.events(filled, since="last week")


def test_store_queries_claims(filled):
    assert ids(store.claims(filled, stance="denies"), "document") == ["reuters-germany"]
    # unnamed source by role, and an entity the claim is about (by country)
    assert ids(store.claims(filled, actor="analysts"), "document") == ["afp-korea"]
    assert ids(store.claims(filled, actor="UKR"), "document") == ["reuters-germany"]
    row = store.claims(filled, text="weapons").dicts()[0]
    assert row["sources"] == ["analysts"] and row["about"] == ["PRK", "RUS"] and row["event"] == "e2"


def test_store_queries_quotes(filled):
    rows = store.quotes(filled).dicts()
    assert len(rows) == 1 and rows[0]["speaker_text"] == "Analysts" and rows[0]["via"] == ["media:yonhap"]
    assert len(store.quotes(filled, actor="Yonhap")) == 1       # the channel, by name
    assert len(store.quotes(filled, type="direct")) == 0


def test_store_queries_actors(filled):
    rows = {r["id"]: r for r in store.actors(filled).dicts()}
    assert rows["PRK"]["mentions"] == 2 and rows["PRK"]["documents"] == 1 and rows["PRK"]["events"] == 1
    assert rows["DEU"]["events"] == 2 and rows["DEU"]["name"] == "Germany"
    assert ids(store.actors(filled, type="person"), "id") == ["person:kim-jong-un", "person:vladimir-putin"]
    assert ids(store.actors(filled, actor="PRK"), "id") == [
        "PRK", "location:pyongyang", "person:kim-jong-un"]
    assert ids(store.actors(filled, source="reuters"), "id") == ["DEU", "UKR"]
    assert ids(store.actors(filled, text="putin"), "id") == ["person:vladimir-putin"]


def test_store_queries_sql_reads(filled):
    table = store.sql("SELECT id, n_sentences FROM documents ORDER BY seq", filled)
    assert table.columns == ("id", "n_sentences")
    assert table.rows == [("afp-korea", 2), ("reuters-germany", 2), ("bare-0", 1)]


@pytest.mark.parametrize("query", [
    "DELETE FROM documents",
    "INSERT INTO clusters (cluster_id, kind) VALUES ('x', 'event')",
    "CREATE TABLE t (x INTEGER)",
    "COPY documents TO '{tmp}/leak.csv'",
    "SELECT * FROM read_csv('{tmp}/../../etc/passwd')",
])
def test_store_queries_sql_is_read_only(filled, tmp_path, query):
    with pytest.raises(StoreError, match="S009"):
        store.sql(query.format(tmp=tmp_path), filled)
    assert not (tmp_path / "leak.csv").exists()
    with Store(filled, read_only=True) as s:
        assert s.count("documents") == 3


def test_store_queries_write_formats(filled):
    table = store.events(filled, actor="DEU")
    out = io.StringIO()
    store.write(table, "json", out)
    data = json.loads(out.getvalue())
    assert data[0]["date"] == "2024-06-10" and data[0]["attributed_to"] == ["DEU"]
    out = io.StringIO()
    store.write(table, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and rows[0]["attributed_to"] == "DEU" and rows[1]["recipient"] == ""
    out = io.StringIO()
    store.write(table, "table", out)
    text = out.getvalue()
    assert "denied" in text and "planned" in text and "Germany" in text and "attributed_to" not in text
    with pytest.raises(StoreError, match="S007"):
        store.write(table, "xml", out)  # type: ignore[arg-type]

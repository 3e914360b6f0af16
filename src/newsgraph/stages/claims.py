"""The ``claims`` stage: every attributed proposition becomes a claim with its sources and their stance.

Claims come from the quotes stage (direct, mixed and indirect speech all carry a proposition) and from denials that
point back at an earlier proposition (``denied the allegations that it is shipping weapons``, ``calling the claim
“absurd”``). The stance follows the reporting verb and the proposition's modality:

- ``alleges``  claim, allege, accuse, charge, suspect …
- ``denies``   deny, reject, dismiss, refute …, or calling a claim absurd/baseless/false …
- ``predicts`` expect, warn, predict, forecast …, or a proposition in the future or hedged (will, would, could,
               likely) put forward by an ordinary reporting verb
- ``asserts``  say, report, tell, according to … (the default)

Evidence is what the source cites: ``citing X``, ``based on X``, ``X showed …``.

The stage runs after ``events``: an event whose trigger lies inside a claim's proposition is linked both ways
(``claim.event``, ``event.claim``) and takes its attribution and status from the claim (an event inside an
allegation is ``alleged``, inside a denial ``denied``, inside a prediction ``predicted``, inside a plain
assertion by a cited source ``reported``). That is why it also assigns ``doc._.events``.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Claim, Event, Quote, Stance
from . import docdata

ALLEGE = {"claim", "allege", "accuse", "charge", "suspect", "contend", "insist", "maintain", "assert"}
DENY = {"deny", "reject", "dismiss", "refute", "rebuff", "repudiate", "rebut", "disown", "contradict", "dispute"}
PREDICT = {"expect", "warn", "predict", "forecast", "anticipate", "project", "foresee", "fear", "estimate",
           "caution", "envisage", "envision"}
# Words that, said of a claim, reject it ("calling the claim absurd").
DISMISSIVE = {"absurd", "baseless", "groundless", "false", "fabricated", "fabrication", "lie", "lies", "nonsense",
              "ridiculous", "unfounded", "fake", "untrue", "preposterous", "slander", "smear", "propaganda",
              "fiction", "unsubstantiated", "misleading", "wrong", "provocation"}
CLAIM_NOUNS = {"allegation", "claim", "accusation", "charge", "report", "assertion", "suggestion", "rumor",
               "rumour", "speculation", "story", "contention"}
HEDGES = {"will", "would", "could", "might", "may", "shall", "likely", "probably", "possibly", "unlikely"}
EVIDENCE_VERBS = {"show", "reveal", "indicate", "suggest", "confirm", "demonstrate", "prove"}
EVIDENCE_PREPS = {"citing", "based on", "on the basis of", "pointing to"}
_ROLE_DETERMINERS = re.compile(r"^(?:the|a|an|some|several|many|other|two|three|four)\s+", re.IGNORECASE)
_STATUS = {"alleges": "alleged", "denies": "denied", "predicts": "predicted", "asserts": "reported"}


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


class _Index:
    """Per-document lookups, built once per Doc: tokens by form (cues are found by their word) and sentence
    starts (spaCy's ``Token.sent`` walks all of ``doc.sents`` on each call)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_form: dict[str, list[Token]] = {}
        for token in doc:
            self.by_form.setdefault(token.lower_, []).append(token)
        self.starts = [s.start for s in doc.sents] + [len(doc)]
        #: places never speak (``sources_of``)
        self.places = frozenset(e.id for e in doc._.entities if e.type in {"location", "facility"})

    def sent(self, token: Token) -> Span:
        i = bisect.bisect_right(self.starts, token.i) - 1
        return self.doc[self.starts[i]:self.starts[i + 1]]

    def cue_token(self, quote: Quote) -> Token | None:
        """The reporting verb of a quote: the token spelling its cue nearest to the quoted content."""
        if not quote.cue:
            return None
        best, distance = None, None
        for token in self.by_form.get(quote.cue.split()[0].lower(), ()):
            if not (quote.start <= token.idx < quote.end):
                d = min(abs(token.idx - quote.start), abs(token.idx - quote.end))
                if distance is None or d < distance:
                    best, distance = token, d
        return best


def _cue_lemma(doc: Doc, quote: Quote, cue: Token | None) -> str:
    if not quote.cue:
        return ""
    words = quote.cue.lower().split()
    if len(words) > 1:
        return " ".join(words)
    return cue.lemma_.lower() if cue is not None else words[0]


def _proposition(quote: Quote, content: Span | None) -> bool:
    """Whether a quote's content states something: somebody's own words (a direct quotation), or a content with a
    verb or a predicative adjective (``the election valid``). A bare noun phrase (``defended its actions``,
    ``described the sinking``) is what an attribution is about, not a claim; forecasts and denials of one
    (``analysts expect ramped-up testing``) are kept by the caller."""
    if quote.kind == "direct" or content is None:
        return True
    return any(t.pos_ in {"VERB", "AUX"} or (t.pos_ == "ADJ" and t.dep_ not in {"amod", "compound"})
               for t in content)


def _hedged(span: Span | None) -> bool:
    """Is the proposition's main verb future or hedged (``will``, ``would likely``, ``could``, ``expected to``)?"""
    if span is None:
        return False
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    for root in roots:
        verbs = [root, *[c for c in root.children if c.dep_ == "conj"]]
        for verb in verbs:
            for child in verb.children:
                if child.lower_ in HEDGES and (child.tag_ == "MD" or child.dep_ == "advmod"):
                    return True
            if verb.lemma_ == "expect" and verb.tag_ == "VBN":
                return True
    return False


def _dismissive_of_claim(token: Token | None) -> bool:
    """``calling the claim “absurd”``: the cue ``call`` whose object is a claim noun."""
    if token is None or token.lemma_ != "call":
        return False
    return any(c.dep_ in {"dobj", "nsubj"} and c.lemma_.lower() in CLAIM_NOUNS for c in token.children)


def stance_of(doc: Doc, quote: Quote, cue: Token | None) -> Stance:
    """The stance a quote's source (through its reporting verb ``cue``) takes toward its content."""
    lemma = _cue_lemma(doc, quote, cue)
    content = _span(doc, quote.start, quote.end)
    negated = cue is not None and any(c.dep_ == "neg" for c in cue.children)
    if lemma in DENY or _dismissive_of_claim(cue):
        return "denies"
    if content is not None and content.text.strip(" .\"“”").lower() in DISMISSIVE:
        return "denies"
    if negated and lemma in {"say", "confirm"}:
        return "denies"
    if lemma in ALLEGE:
        return "alleges"
    if lemma in PREDICT:
        return "predicts"
    if _hedged(content):
        return "predicts"
    return "asserts"


def _role(text: str | None) -> str | None:
    if not text:
        return None
    role = _ROLE_DETERMINERS.sub("", text.strip()).strip(" ,")
    return role.lower() or None


def _speaker_span(doc: Doc, quote: Quote, cue: Token | None, sent: Span | None) -> Span | None:
    """Where the quote's ``speaker_text`` is written: the occurrence in the cue's sentence nearest the cue."""
    if not quote.speaker_text or cue is None or sent is None:
        return None
    best = None
    for m in re.finditer(re.escape(quote.speaker_text), docdata.text(doc)[sent.start_char:sent.end_char]):
        start = sent.start_char + m.start()
        if best is None or abs(start - cue.idx) < abs(best - cue.idx):
            best = start
    return _span(doc, best, best + len(quote.speaker_text)) if best is not None else None


def sources_of(doc: Doc, quote: Quote, cue: Token | None, cue_sent: Span | None,
               places: frozenset[str]) -> list[str]:
    """The quote's speaker, plus the speakers coordinated with it (``Seoul and Washington claimed``). A place does
    not speak: a city or facility (an id in ``places``) that only places the speaker (``New York City officials``)
    leaves the role."""
    sources = [quote.speaker] if quote.speaker and quote.speaker not in places else []
    span = _speaker_span(doc, quote, cue, cue_sent)
    if span is not None:
        for conj in span.root.conjuncts:
            for entity_id in entities_in(doc, conj.idx, conj.idx + len(conj.text), exclude=places):
                if entity_id not in sources:
                    sources.append(entity_id)
    if not sources:
        role = _role(quote.speaker_text)
        if role:
            sources.append(role)
    return sources


def entities_in(doc: Doc, start: int, end: int, exclude: set[str] = frozenset()) -> list[str]:
    """Entity ids with a mention inside ``[start, end)``, in order of first mention there."""
    found: dict[str, int] = {}
    for entity in doc._.entities:
        for m in entity.mentions:
            if start <= m.start and m.end <= end and entity.id not in exclude:
                found[entity.id] = min(found.get(entity.id, m.start), m.start)
    return sorted(found, key=lambda i: found[i])


def _np_text(token: Token) -> str:
    """A noun phrase without its determiner (``the debris analysis`` -> ``debris analysis``)."""
    words = [t for t in token.subtree if t.dep_ not in {"det", "punct", "relcl", "acl"} or t is token]
    left = min(t.i for t in words)
    right = max(t.i for t in words)
    span = token.doc[left:right + 1]
    return _ROLE_DETERMINERS.sub("", span.text).strip(" ,.")


def evidence_in(sentence: Span) -> str | None:
    """What a sentence cites as evidence: ``citing X``, ``based on X``, ``X showed …``."""
    for token in sentence:
        if token.lower_ == "citing":
            obj = next((c for c in token.children if c.dep_ in {"dobj", "pobj"}), None)
            if obj is not None:
                return _np_text(obj)
        if token.lower_ == "based" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "on":
            obj = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _np_text(obj)
        if token.lemma_ in EVIDENCE_VERBS and token.pos_ == "VERB":
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and subj.ent_type_ == "":
                return _np_text(subj)
    return None


def _denial_targets(doc: Doc) -> list[tuple[Token, Span, Span]]:
    """``X denied the allegations that P``: (denial verb, its subject span, P)."""
    out = []
    for token in doc:
        if token.lemma_ not in DENY or token.pos_ != "VERB":
            continue
        subj = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        obj = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS), None)
        if subj is None or obj is None:
            continue
        clause = next((c for c in obj.children if c.dep_ in {"acl", "ccomp", "relcl"}
                       and any(g.lower_ == "that" for g in c.children)), None)
        if clause is None:
            continue
        words = [t for t in clause.subtree if t.lower_ != "that" or t.head is not clause]
        left, right = min(t.i for t in words), max(t.i for t in words)
        while right > left and doc[right].is_punct:
            right -= 1
        subj_span = doc[min(t.i for t in subj.subtree):max(t.i for t in subj.subtree) + 1]
        out.append((token, subj_span, doc[left:right + 1]))
    return out


class ClaimsStage:
    def __call__(self, doc: Doc) -> Doc:
        index = _Index(doc)
        drafts: list[dict] = []
        for quote in doc._.quotes:
            sentence = _span(doc, quote.start, quote.end)
            cue = index.cue_token(quote)
            stance = stance_of(doc, quote, cue)
            # ``the navy defended its actions``: an attribution in PolNeAR's sense, no proposition (a forecast of
            # a nominal event stays; a denial's object is re-read by ``_denials``)
            if stance in {"asserts", "alleges"} and not _proposition(quote, sentence):
                continue
            cue_sent = index.sent(cue) if cue is not None else (
                index.sent(sentence.root) if sentence is not None else None)
            sources = sources_of(doc, quote, cue, cue_sent, index.places)
            drafts.append({
                "start": quote.start, "end": quote.end, "sources": sources,
                "stance": stance,
                "about": entities_in(doc, quote.start, quote.end),
                "evidence": evidence_in(cue_sent) if cue_sent is not None else None,
                "quote": quote.id,
            })
        self._denials(doc, drafts, index)
        drafts.sort(key=lambda d: (d["start"], d["end"]))
        text = docdata.text(doc)
        claims = [Claim(id=f"c{n}", text=text[d["start"]:d["end"]], **d) for n, d in enumerate(drafts, 1)]
        doc._.claims, doc._.events = link(claims, list(doc._.events))
        return doc

    def _denials(self, doc: Doc, drafts: list[dict], index: _Index) -> None:
        """Denials pointing back at a proposition become claims of their own with stance ``denies``."""
        for verb, subj, target in _denial_targets(doc):
            sent = index.sent(verb)
            start, end = target.start_char, target.end_char
            if docdata.text(doc)[start:end].lower().startswith("that "):
                start += 5
            about = entities_in(doc, start, end)
            existing = next((d for d in drafts if d["start"] <= start and end <= d["end"]), None)
            if existing is not None:
                existing.update(start=start, end=end, about=about, stance="denies")
            else:
                sources = entities_in(doc, subj.start_char, subj.end_char) or [_role(subj.text) or subj.text]
                existing = {"start": start, "end": end, "sources": sources, "stance": "denies", "about": about,
                            "evidence": evidence_in(sent), "quote": None}
                drafts.append(existing)
            # the dismissive words in the same sentence (``calling the claim “absurd”``) are this same denial
            for other in [d for d in drafts if d is not existing and d["stance"] == "denies"
                          and sent.start_char <= d["start"] < sent.end_char]:
                existing["quote"] = existing["quote"] or other["quote"]
                drafts.remove(other)


def link(claims: list[Claim], events: list[Event]) -> tuple[list[Claim], list[Event]]:
    """Tie each event to the innermost claim whose proposition holds its trigger, and back."""
    by_event: dict[str, Claim] = {}
    for event in events:
        holders = [c for c in claims if c.start <= event.trigger.start and event.trigger.end <= c.end]
        if holders:
            by_event[event.id] = min(holders, key=lambda c: c.end - c.start)
    claim_event: dict[str, str] = {}
    for event_id, claim in by_event.items():
        claim_event.setdefault(claim.id, event_id)
    new_claims = [c.model_copy(update={"event": claim_event.get(c.id, c.event)}) for c in claims]
    new_events = []
    for event in events:
        claim = by_event.get(event.id)
        if claim is None:
            new_events.append(event)
            continue
        update: dict = {"claim": claim.id}
        if not event.attributed_to:
            update["attributed_to"] = list(claim.sources)
        if (event.status in {"occurred", "ongoing", "reported"} or claim.stance in {"alleges", "denies"}) and \
                not (event.status == "negated" and claim.stance == "denies"):
            update["status"] = _STATUS[claim.stance]
        new_events.append(event.model_copy(update=update))
    return new_claims, new_events


@Language.factory(
    "claims",
    requires=["doc._.quotes", "doc._.entities", "token.dep", "token.lemma"],
    assigns=["doc._.claims", "doc._.events"],
)
def make_claims(nlp: Language, name: str) -> ClaimsStage:
    return ClaimsStage()


docdata.register_extensions()

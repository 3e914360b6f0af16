"""What linking reads and returns: flat, frozen records built from contract ``Document``s (never spaCy Docs).

A mention is one event or claim of one document, with the fields cross-document linking compares. Build them
with ``event_mentions(document)`` / ``claim_mentions(document)``, or directly (benchmarks, other sources).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..model import Document, Entity
from .text import stem

ClusterKind = Literal["event", "claim"]
Member = tuple[str, str]  # (doc_id, record id)


@dataclass(frozen=True)
class EventMention:
    """One event of one document, as cross-document event linking sees it.

    ``actor``/``recipient``/``location`` are entity ids; the ``*_country`` fields hold the ISO3 country each belongs
    to (the id itself for a country), so that ``Putin`` and ``Russia`` can match at country level. ``date`` is a
    TIMEX3 value; ``published`` an ISO date. ``participants`` are the ids of every entity named in the sentence.
    ``context`` is optional document-level text (title and lead) that tells stories apart. ``group`` is a partition
    the caller already knows (a topic, a story): mentions of different groups are never compared.
    """

    doc_id: str
    event_id: str
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    date: str | None = None
    location: str | None = None
    trigger_lemma: str = ""
    trigger_text: str = ""
    sentence_text: str = ""
    published: str | None = None
    source: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    location_country: str | None = None
    participants: tuple[str, ...] = ()
    context: str = ""
    group: str | None = None

    @property
    def member(self) -> Member:
        return (self.doc_id, self.event_id)


@dataclass(frozen=True)
class ClaimMention:
    """One claim of one document: the proposition, what it is about, who puts it forward and how."""

    doc_id: str
    claim_id: str
    text: str
    about: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    stance: str = "asserts"
    published: str | None = None
    source: str | None = None
    sentence_text: str = ""
    group: str | None = None

    @property
    def member(self) -> Member:
        return (self.doc_id, self.claim_id)


@dataclass(frozen=True)
class Cluster:
    """Mentions judged to be the same event or the same claim.

    ``id`` is derived from the sorted members, so the same grouping always gets the same id. ``scores`` holds, for
    each member in order, its best link score to another member (1.0 for a singleton). ``label`` is a short
    human-readable name (the most common trigger, or the first claim text).
    """

    id: str
    kind: ClusterKind
    members: tuple[Member, ...]
    scores: tuple[float, ...] = ()
    label: str | None = None
    method: str = ""

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(doc for doc, _ in self.members)

    def __len__(self) -> int:
        return len(self.members)


def cluster_id(kind: ClusterKind, members: Iterable[Member]) -> str:
    """A stable id from the sorted members: ``ev-`` / ``cl-`` and 16 hex digits of a SHA-1."""
    key = "\n".join(f"{doc}\t{rid}" for doc, rid in sorted(members))
    return ("ev-" if kind == "event" else "cl-") + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class LinkStats:
    """What a linking run did: pass one in to count (the blocking test reads ``comparisons``)."""

    mentions: int = 0
    blocks: int = 0
    largest_block: int = 0
    oversized_blocks: int = 0
    comparisons: int = 0
    links: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def _country_of(entity: Entity | None, entity_id: str | None) -> str | None:
    if entity is None:
        if entity_id and len(entity_id) == 3 and entity_id.isupper():
            return entity_id
        return None
    if entity.type == "country":
        return entity.id
    if entity.geo is not None and entity.geo.country:
        return entity.geo.country
    return entity.country


def _lead(document: Document, chars: int = 600) -> str:
    head = document.title or ""
    start = document.dateline.end if document.dateline else 0
    return (head + " " + document.text[start:start + chars]).strip()


def _in_sentence(document: Document, start: int, end: int) -> tuple[str, ...]:
    found = []
    for entity in document.entities:
        if any(start <= m.start and m.end <= end for m in entity.mentions):
            found.append(entity.id)
    return tuple(sorted(set(found)))


def event_mentions(document: Document, *, group: str | None = None) -> list[EventMention]:
    """One ``EventMention`` per event of ``document`` (country-level fields filled from its entities)."""
    entities = {e.id: e for e in document.entities}
    context = _lead(document)
    out = []
    for event in document.events:
        start, end = event.sentence
        out.append(EventMention(
            doc_id=document.id, event_id=event.id, type=event.type, actor=event.actor, recipient=event.recipient,
            date=event.date, location=event.location,
            trigger_lemma=stem(event.trigger.text.split()[-1]) if event.trigger.text.strip() else "",
            trigger_text=event.trigger.text, sentence_text=document.text[start:end],
            published=document.published, source=document.source,
            actor_country=_country_of(entities.get(event.actor or ""), event.actor),
            recipient_country=_country_of(entities.get(event.recipient or ""), event.recipient),
            location_country=_country_of(entities.get(event.location or ""), event.location),
            participants=_in_sentence(document, start, end), context=context, group=group,
        ))
    return out


def sentences_text(text: str, sentences: Sequence[Sequence[int]], start: int, end: int) -> str:
    """The whole sentence(s) of ``text`` that ``[start, end)`` overlaps (the span itself outside any sentence)."""
    spans = [(a, b) for a, b in sentences if a < end and start < b] or [(start, end)]
    return text[spans[0][0]:spans[-1][1]]


def claim_mentions(document: Document, *, group: str | None = None) -> list[ClaimMention]:
    """One ``ClaimMention`` per claim of ``document``."""
    return [
        ClaimMention(doc_id=document.id, claim_id=claim.id, text=claim.text, about=tuple(claim.about),
                     sources=tuple(claim.sources), stance=claim.stance, published=document.published,
                     source=document.source,
                     sentence_text=sentences_text(document.text, document.sentences, claim.start, claim.end),
                     group=group)
        for claim in document.claims
    ]

"""Typed records: the document contract (CONTRACT.md) in code.

Everything downstream of the pipeline (CLI, store, exports) sees only these records. Offsets are Python string
indices into ``Document.text``. Records are frozen so that a stage cannot quietly edit another stage's output.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "newsgraph/1"

EntityType = Literal["country", "person", "organization", "media", "igo", "group", "location", "facility"]
MentionKind = Literal["name", "pronoun", "nominal", "metonym"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Stance = Literal["asserts", "alleges", "denies", "predicts"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EventStatus = Literal[
    "occurred", "ongoing", "planned", "predicted", "reported", "alleged", "denied", "hypothetical", "negated",
]

Offset = Annotated[int, Field(ge=0)]


class Record(BaseModel):
    """Base for every contract record: frozen, no unknown fields on input."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Spanned(Record):
    """A stretch of the article text: ``text == document.text[start:end]``."""

    start: Offset
    end: Offset
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Spanned:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Dateline(Record):
    """The wire dateline (``SEOUL (AFP) :``); ``text`` itself is never altered."""

    place: str | None
    agency: str | None
    start: Offset
    end: Offset
    region: str | None = None  # ``Ukraine`` in ``KYIV, Ukraine (AP) —``
    date: str | None = None    # ``June 12`` in ``MOSCOW, June 12 (Reuters) -``


class Mention(Spanned):
    kind: MentionKind = "name"


class Geo(Record):
    lat: float
    lon: float
    geonames_id: int | None = None
    country: str | None = None


class Entity(Record):
    """One real-world referent of the document with all its mentions."""

    id: str
    name: str
    type: EntityType
    country: str | None = None
    wikidata: str | None = None
    cameo: str | None = None
    role: str | None = None
    geo: Geo | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Timex(Spanned):
    """A TIMEX3 expression normalized against the publication date."""

    type: TimexType
    value: str


class Quote(Spanned):
    id: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: list[str] = Field(default_factory=list)


class Claim(Spanned):
    id: str
    sources: list[str] = Field(default_factory=list)
    stance: Stance
    about: list[str] = Field(default_factory=list)
    evidence: str | None = None
    event: str | None = None
    quote: str | None = None


class Trigger(Spanned):
    pass


class Event(Record):
    id: str
    trigger: Trigger
    sentence: tuple[Offset, Offset]
    actor: str | None = None
    recipient: str | None = None
    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None  # CAMEO QuadClass from the code's root: 1 verbal coop … 4 material conflict
    status: EventStatus
    date: str | None = None
    location: str | None = None
    attributed_to: list[str] = Field(default_factory=list)
    claim: str | None = None


class Article(Record):
    """One input article, validated at the boundary (``errors.BadArticle`` on bad fields)."""

    id: str | None = None
    text: str
    published: dt.date | dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    @field_validator("text")
    @classmethod
    def _non_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty (nothing to read)")
        return value

    @property
    def published_date(self) -> dt.date | None:
        """The publication date as a date (a datetime's date part), the anchor for relative times."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


class Document(Record):
    """What ``newsgraph extract`` prints for one article (CONTRACT.md, version 1)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["newsgraph/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    text: str
    sentences: list[tuple[Offset, Offset]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = None) -> str:
        """The contract JSON, keys in contract order."""
        return self.model_dump_json(by_alias=True, indent=indent)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)


def json_schema() -> dict:
    """JSON Schema of ``Document`` (what ships as ``schema/document.schema.json``)."""
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsgraph.dev/schema/newsgraph-1.json"
    return schema


class Failure(Record):
    """An article that could not be processed in a batch run (``on_error="skip"``); nothing is lost silently."""

    article_id: str | None
    stage: str
    code: str
    message: str
    line: int | None = None

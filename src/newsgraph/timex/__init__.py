"""Rule-based temporal tagging: find TIMEX3 expressions in text and normalize them against a publication date.

Pure Python and regular expressions, no model: ``find_timexes(text, published)`` works on any string; the spaCy
stage (``newsgraph.stages.timexes``) adds the tense of each expression's governing verb through ``tense_of``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..model import Timex
from . import normalize
from .normalize import Tense
from .patterns import RULES, Context, Resolver

__all__ = ["Tense", "candidates", "find_timexes", "normalize"]

TenseOf = Callable[[int, int], Tense]

#: expressions that look back from the anchor do not become the new anchor ("the year-ago quarter")
_BACKWARD = re.compile(r"\b(?:ago|earlier|year-ago|year-earlier|comparable|previous|prior|before)\b", re.IGNORECASE)
#: the closing day of a period ("the quarter ended Sept. 30") qualifies that period; the period stays the anchor
_PERIOD_END = re.compile(r"\b(?:ended|ending|ends)\s+$", re.IGNORECASE)


def candidates(text: str) -> list[tuple[int, int, Resolver]]:
    """Non-overlapping candidate spans in text order, longest first where rules compete."""
    found: list[tuple[int, int, int, int, Resolver]] = []
    for index, rule in enumerate(RULES):
        for match in rule.finditer(text):
            group = next((g for g in ("x", "x2", "x3") if g in rule.regex.groupindex and match.group(g) is not None),
                         None)
            start, end = match.span(group) if group else match.span()
            if start == end:
                continue
            resolver = rule.parse(match, text)
            if resolver is None:
                continue
            start = max(start, getattr(resolver, "start", start))
            found.append((start, end, -rule.priority, index, resolver))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, Resolver]] = []
    occupied: list[tuple[int, int]] = []
    for start, end, _prio, _index, resolver in found:
        if any(start < e and s < end for s, e in occupied):
            continue
        occupied.append((start, end))
        taken.append((start, end, resolver))
    taken.sort(key=lambda c: c[0])
    return taken


def find_timexes(text: str, published: dt.date | None, tense_of: TenseOf | None = None) -> list[Timex]:
    """Temporal expressions in ``text`` with TIMEX3 type and value.

    Args:
        text: the article text.
        published: the publication date (document creation time); None leaves relative values underspecified
            (``XXXX-05``).
        tense_of: gives the tense (``past``/``present``/``future`` or None) of the verb governing a span; it decides
            whether ``on Wednesday`` or ``in May`` looks back or ahead.

    Returns:
        ``Timex`` records ordered by ``start``.
    """
    ctx = Context(dct=published, text=text)
    out: list[Timex] = []
    for start, end, resolver in candidates(text):
        ctx.span = (start, end)
        ctx.tense = tense_of(start, end) if tense_of is not None else None
        result = resolver(ctx)
        if result is None:
            continue
        typ, value = result
        out.append(Timex(start=start, end=end, text=text[start:end], type=typ, value=value))  # type: ignore[arg-type]
        if typ in ("DATE", "TIME") and value[:1].isdigit() and not _BACKWARD.search(text[start:end]) and \
                not (ctx.anchor_quarter and _PERIOD_END.search(text[max(0, start - 10):start])):
            gran = normalize.granularity(value[:10] if len(value) > 10 and value[10] == "T" else value)
            if gran == "quarter" and ctx.anchor_quarter and value[4:] == ctx.anchor_quarter[4:] and \
                    value < ctx.anchor_quarter:
                continue  # "compared with ... in the 1988 period": the year-ago quarter, not a new topic
            if gran is not None:
                ctx.anchor = value[:10] if gran == "day" else value
                if gran == "day":
                    ctx.anchor_day = value[:10]
                elif gran == "quarter":
                    ctx.anchor_quarter = value
    return out

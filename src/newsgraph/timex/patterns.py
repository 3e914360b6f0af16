"""Regular-expression rules for temporal expressions, each with a resolver that gives its TIMEX3 type and value.

A rule's regex finds a candidate (group ``x`` is the extent when present, else the whole match); its ``parse``
function checks the match and returns a resolver, or None to reject it. The resolver runs later, in text order,
with a :class:`Context` holding the publication date, the tense of the governing verb and the latest date the
document mentioned (the anchor for ``a day later``, ``the year-ago quarter``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon as lx
from . import normalize as nz
from .normalize import Tense

Result = tuple[str, str] | None  # (type, value)


@dataclass
class Context:
    """What a resolver may look at besides its own match."""

    dct: dt.date | None
    tense: Tense = None
    anchor: str | None = None          # the latest resolved calendar value (day, month, quarter, year …)
    anchor_day: str | None = None      # the latest resolved day (``YYYY-MM-DD``)
    anchor_quarter: str | None = None  # the latest resolved quarter
    text: str = ""
    span: tuple[int, int] = (0, 0)


Resolver = Callable[[Context], Result]


@dataclass
class Rule:
    name: str
    regex: re.Pattern[str]
    parse: Callable[[re.Match[str], str], Resolver | None]
    priority: int = 0
    #: a cheap regex that every match contains near its end; the full regex then runs only around its hits
    trigger: re.Pattern[str] | None = None

    def finditer(self, text: str):
        """Matches of the rule in ``text``, like ``regex.finditer`` but faster when a trigger is set."""
        if self.trigger is None:
            yield from self.regex.finditer(text)
            return
        last = 0
        for hit in self.trigger.finditer(text):
            if hit.end() <= last:
                continue
            start = max(last, hit.start() - _WINDOW)
            stop = min(len(text), hit.end() + _WINDOW)
            for match in self.regex.finditer(text, start, stop):
                if match.end() <= last:
                    continue
                if match.end() >= stop:  # a lookahead saw the window's end, not the text: "The year|-ago"
                    match = self.regex.match(text, match.start())  # type: ignore[assignment]
                    if match is None or match.end() <= last:
                        continue
                last = match.end()
                yield match


# ---------------------------------------------------------------------------------------------------------- pieces

_MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})(?![a-z])"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d])"
_ONES = "|".join(sorted(lx.ONES, key=len, reverse=True))
_TENS = "|".join(lx.TENS)
_NUMWORD = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_ONES}|a\s+dozen|dozen|a\s+hundred|one\s+hundred)"
_NUM = rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{_NUMWORD}(?:\s+and\s+a\s+half)?|an?|half\s+an?)"
_VAGUE = r"(?:several|a\s+few|few|many|some|a\s+couple\s+of|a\s+couple|couple\s+of|numerous|dozens\s+of|hundreds\s+of|a\s+number\s+of)"
_UNIT = (r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|"
         r"years?|yrs?|decades?|century|centuries|millenni(?:um|a))")
_QUANT = (r"(?:about|nearly|almost|approximately|roughly|around|more\s+than|less\s+than|fewer\s+than|"
          r"at\s+least|at\s+most|up\s+to|close\s+to|just\s+over|just\s+under|well\s+over|under|over|"
          r"only|just)")
_POD = r"(?:morning|afternoon|evening|night)"
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|by|until|till|through|from|to|during|before|after|of|last|next|this|early|late|mid|"
    r"between|and|or|throughout|into|around|beginning|end|until|between|for)\s+|mid-|\d\s*)$",
    re.IGNORECASE)

_F = re.IGNORECASE
_MONTH_TRIGGER = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_UNIT_TRIGGER = r"\b(?:second|minute|min|hour|hr|day|night|week|weekend|fortnight|month|quarter|year|yr|decade|centur|millenni)"


_SPELLED_YEAR = (r"(?:nineteen|eighteen|seventeen)\s+(?:(?:" + _TENS + r")(?:[\s-](?:" + _ONES + r"))?|" + _ONES +
                 r"|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:(?:" + _TENS + r")(?:[\s-](?:" + _ONES + r"))?|" +
                 _ONES + r"))?|twenty\s+(?:" + _ONES + r"|(?:" + _TENS + r")(?:[\s-](?:" + _ONES + r"))?)")


def _spelled_year(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        return 2000 + (int(lx.number(rest) or 0) if rest else 0)
    parts = t.split(" ", 1)
    head = lx.number(parts[0])
    if head is None or len(parts) < 2:
        return None
    if parts[1] == "hundred":
        return head * 100  # type: ignore[return-value]
    tail = lx.number(parts[1])
    return None if tail is None else int(head * 100 + tail)


def _unit(word: str) -> str:
    w = word.lower().replace(" ", "")
    return lx.UNIT_FORMS.get(w, w.rstrip("s"))


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return lx.MONTHS.get(w) or lx.MONTHS[w[:3]]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word)[0])  # type: ignore[index]


def _unknown(gran: str) -> str:
    return {"day": "XXXX-XX-XX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX",
            "half": "XXXX-HX", "decade": "XXX", "century": "XX"}.get(gran, "XXXX")


def _duration(n: float | None, unit: str) -> str:
    letter, timepart, mult = lx.UNITS[unit]
    prefix = "PT" if timepart else "P"
    if n is None:
        return f"{prefix}X{letter}"
    n = n * mult
    if n != int(n):
        # 2.5 years -> P2Y6M, 5.5 hours -> PT5H30M, a minute and a half -> PT1M30S, half a year -> P6M
        whole = int(n)
        if letter == "H":
            return f"PT{whole}H{round((n - whole) * 60)}M" if whole else f"PT{round(n * 60)}M"
        if letter == "M" and timepart:
            return f"PT{whole}M{round((n - whole) * 60)}S" if whole else f"PT{round(n * 60)}S"
        if letter == "Y":
            return f"P{whole}Y{round((n - whole) * 12)}M" if whole else f"P{round(n * 12)}M"
        if letter == "M":
            return f"P{whole}M{round((n - whole) * 30)}D" if whole else f"P{round(n * 30)}D"
        if letter == "D":
            return f"P{whole}DT{round((n - whole) * 24)}H" if whole else f"PT{round(n * 24)}H"
        if letter == "W":
            return f"P{round(n * 7)}D"
        if letter == "Q":
            return f"P{round(n * 3)}M"
        return f"{prefix}{round(n)}{letter}"
    return f"{prefix}{int(n)}{letter}"


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(_VAGUE, t):
        return None
    return lx.number(t)


# ---------------------------------------------------------------------------------------------------------- rules

RULES: list[Rule] = []


_WINDOW = 90


def rule(name: str, pattern: str, *, priority: int = 0, flags: int = _F, trigger: str | None = None):
    def wrap(fn: Callable[[re.Match[str], str], Resolver | None]):
        RULES.append(Rule(name, re.compile(pattern, flags), fn, priority,
                          re.compile(trigger, _F) if trigger else None))
        return fn

    return wrap


def _needs_dct(gran: str, fn: Callable[[dt.date], str], typ: str = "DATE") -> Resolver:
    def resolve(ctx: Context) -> Result:
        if ctx.dct is None:
            return typ, _unknown(gran)
        return typ, fn(ctx.dct)

    return resolve


# --- full and partial calendar dates -----------------------------------------------------------------------------

@rule("month_day", rf"\b(?P<x>(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})"
      rf"(?:,?\s+(?P<year>{_YEAR}|'\d\d(?!\d)))?)", priority=1, trigger=_MONTH_TRIGGER)
def _month_day(m: re.Match[str], text: str) -> Resolver | None:
    if not m["mon"][0].isupper():
        return None
    month, day = _month(m["mon"]), _day(m["day"])
    if m["year"]:
        y = m["year"]
        year = int(y) if not y.startswith("'") else (1900 + int(y[1:]) if int(y[1:]) > 30 else 2000 + int(y[1:]))
        try:
            value = dt.date(year, month, day).isoformat()
        except ValueError:
            return None
        return lambda ctx: ("DATE", value)

    def resolve(ctx: Context) -> Result:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        found = nz.day_for_month_day(month, day, ctx.dct, ctx.tense)
        return ("DATE", found.isoformat()) if found else None

    return resolve


@rule("second_day", rf"\b(?P<mon>{_MONTH})\s+{_DAY}\s*(?:and|or|to|through|-|\u2013)\s*(?P<x>(?P<day>{_DAY}))"
      rf"(?![\w-]|\s+(?:{_MONTH}|percent|%|million|billion|[a-z]+s\b))(?:,?\s+(?P<year>{_YEAR}))?",
      trigger=_MONTH_TRIGGER)
def _second_day(m: re.Match[str], text: str) -> Resolver | None:
    """``the summit on April 24 and 25``: the second day is a date of the same month."""
    if not m["mon"][0].isupper() or int(m["day"][:2].rstrip("snrt")) <= int(re.search(r"\s(\d+)", m[0])[1]):
        return None
    return _month_day(m, text)


@rule("week_of", rf"\b(?P<x>the\s+week\s+of\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?)",
      priority=2, trigger=r"\bweek\s+of\b")
def _week_of(m: re.Match[str], text: str) -> Resolver | None:
    """``the week of March 6``: the ISO week holding that day."""
    inner = _month_day(m, text)
    if inner is None:
        return None

    def resolve(ctx: Context) -> Result:
        got = inner(ctx)
        day = nz.to_date(got[1]) if got else None
        if day is None:
            return ("DATE", "XXXX-WXX") if got else None
        return "DATE", nz.iso_week(day)

    return resolve


_DATELINE_HEAD = re.compile(r"^\s*[A-Z][A-Za-z.' -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?,\s*$")


def _in_dateline(m: re.Match[str], text: str) -> bool:
    """``WASHINGTON, August 11 (Xinhua) --``: the wire dateline's date repeats the publication date."""
    return m.start() < 80 and bool(_DATELINE_HEAD.match(text[:m.start()])) and \
        bool(re.match(r"\s*(?:\(|--|-|:|\u2014)", text[m.end():m.end() + 4]))


@rule("day_month", rf"\b(?P<x>(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})"
      rf"(?:,?\s+(?P<year>{_YEAR}))?)", priority=1, trigger=_MONTH_TRIGGER)
def _day_month(m: re.Match[str], text: str) -> Resolver | None:
    return _month_day(m, text)


@rule("numeric_iso", rf"\b(?P<x>(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01]))(?![\d])")
def _numeric_iso(m: re.Match[str], text: str) -> Resolver | None:
    try:
        value = dt.date(int(m["year"]), int(m["mon"]), int(m["day"])).isoformat()
    except ValueError:
        return None
    return lambda ctx: ("DATE", value)


@rule("numeric_us", r"(?<![\d/])(?P<x>(?P<mon>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>\d{4}|\d\d))(?![\d/])")
def _numeric_us(m: re.Match[str], text: str) -> Resolver | None:
    y = int(m["year"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    try:
        value = dt.date(y, int(m["mon"]), int(m["day"])).isoformat()
    except ValueError:
        return None
    return lambda ctx: ("DATE", value)


@rule("month_year", rf"\b(?P<x>(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
      rf"the\s+middle\s+of)[\s-]+)?(?P<mon>{_MONTH})(?:,|\s+of)?\s+(?P<year>{_YEAR}|{_SPELLED_YEAR})(?![\w-]))",
      trigger=_MONTH_TRIGGER)
def _month_year(m: re.Match[str], text: str) -> Resolver | None:
    if not m["mon"][0].isupper():
        return None
    year = int(m["year"]) if m["year"].isdigit() else _spelled_year(m["year"])  # "January nineteen ninety-seven"
    if year is None or not 1000 <= year <= 2099:
        return None
    value = f"{year:04d}-{_month(m['mon']):02d}"
    return lambda ctx: ("DATE", value)


@rule("month", rf"\b(?P<x>(?:(?P<mod>early|late|mid|last|next|this|this\s+past|this\s+coming|the\s+end\s+of|"
      rf"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)[\s-]+)?"
      rf"(?P<mon>{_MONTH_FULL})(?![a-z])"
      rf"(?:,?\s+(?P<rel>(?:of\s+)?(?:last|next|this)\s+year))?)", trigger=_MONTH_TRIGGER)
def _month_name(m: re.Match[str], text: str) -> Resolver | None:
    word = m["mon"]
    if not word[0].isupper() or (word.isupper() and len(word) > 3 and not text[max(0, m.start() - 40):m.start()].isupper()):
        return None
    month = _month(word)
    mod = (m["mod"] or "").lower()
    if word.lower() in ("may", "march") and not mod:
        before = text[max(0, m.start() - 25):m.start()]
        if not _PREP_BEFORE.search(before):
            return None
        # "to march", "will march": a verb after "to"
        if word.lower() == "march" and re.search(r"\bto\s+$", before, re.IGNORECASE):
            return None
    rel = (m["rel"] or "").lower()

    def resolve(ctx: Context) -> Result:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        dct = ctx.dct
        if rel:
            year = dct.year + (-1 if "last" in rel else 1 if "next" in rel else 0)
        elif mod.startswith("last") or mod == "this past":
            year = dct.year if month < dct.month else dct.year - 1
        elif mod.startswith("next") or mod == "this coming":
            year = dct.year if month > dct.month else dct.year + 1
        elif mod == "this":
            year = dct.year
        else:
            year = nz.year_for_month(month, dct, ctx.tense)
        return "DATE", f"{year:04d}-{month:02d}"

    return resolve


# --- weekdays, day words, parts of the day --------------------------------------------------------------------------

@rule("weekday", rf"\b(?P<x>(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|past|early|late|earlier|later)\s+)?"
      rf"(?P<wd>{_WEEKDAY})(?P<pl>s)?(?![a-z])(?:\s+(?P<pod>{_POD})(?P<podpl>s)?\b)?)")
def _weekday(m: re.Match[str], text: str) -> Resolver | None:
    wd = lx.WEEKDAYS[m["wd"].lower()]
    pod = lx.PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else ""
    mod = (m["mod"] or "").lower().split()
    key = mod[-1] if mod and mod[-1] in ("last", "next", "past", "coming") else ("this" if mod == ["this"] else None)
    # "on Monday and Tuesday nights": the plural after the second weekday makes both recurring
    shared = None if m["pl"] or m["pod"] or mod else _COORDINATED_PLURAL.match(text, m.end("x"))
    if shared and shared["pod"]:
        pod = lx.PARTS_OF_DAY[shared["pod"].lower()]
    if m["pl"] or m["podpl"] or shared:
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return lambda ctx: ("SET", value)
    # "Wednesday's ruling", "Thursday's closing price": something that has already taken place
    possessive = bool(re.match(r"['’]s\b", text[m.end("x"):m.end("x") + 3]))

    def resolve(ctx: Context) -> Result:
        if ctx.dct is None:
            return ("TIME" if pod else "DATE"), "XXXX-WXX-" + str(wd) + (f"T{pod}" if pod else "")
        tense = "past" if possessive else ctx.tense
        day = nz.weekday_date(wd, ctx.dct, tense, modifier=key)
        return ("TIME", f"{day.isoformat()}T{pod}") if pod else ("DATE", day.isoformat())

    return resolve


_COORDINATED_PLURAL = re.compile(rf"(?:\s*,\s*|\s+(?:and|or)\s+){_WEEKDAY}(?:s\b|\s+(?P<pod>{_POD})s\b)", _F)

_DAYWORD_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


@rule("dayword", rf"\b(?P<x>(?:(?P<mod>early|late|earlier|later|mid)[\s-]+)?(?:the\s+day\s+(?P<rel>before|after)\s+)?"
      rf"(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{_POD}))?)(?!-)")
def _dayword(m: re.Match[str], text: str) -> Resolver | None:
    w = m["w"].lower()
    offset = _DAYWORD_OFFSET[w] + (-1 if m["rel"] == "before" else 1 if m["rel"] else 0)
    pod = "NI" if w == "tonight" else (lx.PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else "")
    # "today" in the sense of nowadays: "today's China", "the world today"
    if w == "today" and not m["mod"] and not pod and re.match(r"\s*'s\s+(?!(?:meeting|talks|vote|decision|announcement|"
                                                               r"game|match|session|statement|report|ruling|visit))",
                                                               text[m.end("x"):m.end("x") + 40]):
        return None

    def resolve(ctx: Context) -> Result:
        if ctx.dct is None:
            return ("TIME" if pod else "DATE"), "XXXX-XX-XX" + (f"T{pod}" if pod else "")
        day = ctx.dct + dt.timedelta(days=offset)
        return ("TIME", f"{day.isoformat()}T{pod}") if pod else ("DATE", day.isoformat())

    return resolve


@rule("this_pod", rf"\b(?P<x>(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|that|the)\s+(?P<pod>{_POD}))\b")
def _this_pod(m: re.Match[str], text: str) -> Resolver | None:
    rel, pod = m["rel"].lower(), lx.PARTS_OF_DAY[m["pod"].lower()]
    if rel == "last" and pod != "NI":
        return None
    if rel == "the" and not re.match(r"\s*(?:[.,;]|$)", text[m.end():m.end() + 3]):
        return None  # "the morning of the attack": not resolvable alone

    def resolve(ctx: Context) -> Result:
        if rel in ("that", "the"):
            base = ctx.anchor_day or (ctx.dct.isoformat() if ctx.dct else None)
            if base is None:
                return None
            return "TIME", f"{base[:10]}T{pod}"
        if ctx.dct is None:
            return "TIME", f"XXXX-XX-XXT{pod}"
        day = ctx.dct - dt.timedelta(days=1 if rel == "last" else 0)
        return "TIME", f"{day.isoformat()}T{pod}"

    return resolve


_TIME_DAYREF = rf"(?:{_WEEKDAY}|today|yesterday|tomorrow|(?:{_MONTH})\s+{_DAY})"


@rule("clock", rf"(?<![\d:.$])(?P<x>(?:(?:around|approximately|roughly|shortly\s+(?:before|after))\s+)?"
      rf"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b|o'clock\b)"
      rf"|(?P<h24>[01]\d|2[0-3]):?(?P<mi24>[0-5]\d)(?=\s+(?:GMT|UTC|hours|hrs|local\s+time))"
      rf"|(?P<nm>noon|midnight|midday))"
      rf"(?:\s+(?P<tz>(?:[ECMP][SD]T|GMT|UTC|local\s+time|hours))\b)?"
      rf"(?:,?\s+(?:on\s+)?(?P<dayref>{_TIME_DAYREF}))?)", priority=1,
      trigger=r"\d\s*(?:a\.?m|p\.?m|o'clock)|\b(?:noon|midnight|midday)\b|\d\s+(?:GMT|UTC|hours|hrs|local)")
def _clock(m: re.Match[str], text: str) -> Resolver | None:
    if m["nm"]:
        nm = m["nm"].lower()
        if re.search(r"\bhigh\s+$", text[max(0, m.start() - 6):m.start()], re.IGNORECASE):
            return None  # "high noon": a showdown, not a clock time
        hh, mm = (12, 0) if nm in ("noon", "midday") else (24, 0)
    elif m["h24"]:
        hh, mm = int(m["h24"]), int(m["mi24"])
    else:
        hh, mm = int(m["h"]), int(m["mi"] or 0)
        ap = m["ap"].lower()
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
        if hh > 24 or (ap.startswith(("a", "p")) and int(m["h"]) > 12):
            return None
    clock = f"T{hh:02d}:{mm:02d}"
    dayref = m["dayref"]
    sub = None
    if dayref:
        inner = next((r for r in RULES if r.name in ("weekday", "dayword", "month_day") and r.regex.fullmatch(dayref)),
                     None)
        if inner is not None:
            sub = inner.parse(inner.regex.fullmatch(dayref), dayref)  # type: ignore[arg-type]

    def resolve(ctx: Context) -> Result:
        if sub is not None:
            got = sub(ctx)
            if got is None:
                return None
            return "TIME", got[1][:10] + clock
        base = ctx.anchor_day or (ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX")
        return "TIME", base[:10] + clock

    return resolve


_HOUR_WORDS = {w: n for w, n in lx.ONES.items() if 1 <= n <= 12}


@rule("clock_pod", r"(?<![\d:.$])\b(?P<x>(?P<h>1[0-2]|0?[1-9]|" + "|".join(_HOUR_WORDS) + r")(?::(?P<mi>[0-5]\d))?"
      r"(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night))\b",
      trigger=r"\bin\s+the\s+(?:morning|afternoon|evening|night)\b")
def _clock_pod(m: re.Match[str], text: str) -> Resolver | None:
    """``at 4 in the morning``, ``five o'clock in the afternoon``: a clock time on the anchor day."""
    if not re.search(r"\b(?:at|by|until|till|before|after|around|about|from|to|since)\s+$",
                     text[max(0, m.start() - 8):m.start()], re.IGNORECASE):
        return None  # "twice in the morning", "killed 3 in the morning raid"
    h = m["h"].lower()
    hh = int(h) if h.isdigit() else _HOUR_WORDS[h]
    pod = m["pod"].lower()
    if pod in ("afternoon", "evening") and hh < 12 or (pod == "night" and 6 <= hh < 12):
        hh += 12
    elif pod == "morning" and hh == 12:
        hh = 0
    clock = f"T{hh:02d}:{int(m['mi'] or 0):02d}"

    def resolve(ctx: Context) -> Result:
        base = ctx.anchor_day or (ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX")
        return "TIME", base[:10] + clock

    return resolve


# --- relative expressions -----------------------------------------------------------------------------------------

def _rel_value(ctx: Context, base: str | None, unit: str, n: int) -> str | None:
    if base is None:
        return None
    return nz.shift_value(base, unit, n)


@rule("ago", rf"\b(?P<x>(?:(?P<q>{_QUANT})\s+)?(?:(?P<num>{_NUM}|{_VAGUE})[\s-]+)?(?P<unit>{_UNIT})\s+"
      rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously))\b", priority=2,
      trigger=r"\b(?:ago|earlier|later|before|after|now|hence|back|previously)\b")
def _ago(m: re.Match[str], text: str) -> Resolver | None:
    unit = _unit(m["unit"])
    if unit in ("night", "weekend"):
        unit = {"night": "day", "weekend": "week"}[unit]
    direction = m["dir"].lower()
    # "two days after the attack": only the duration is a timex; "two days after." is a date
    if direction in ("before", "after") and not re.match(r"\s*(?:[.,;:)]|''|\"|$)", text[m.end():m.end() + 3]):
        return None
    if direction in ("earlier", "later") and m["num"] is not None and _num(m["num"]) is None:
        # "a few days later": no date to compute; TimeML tags the vague duration (PXD), the adverb is a signal
        # (the duration rule takes the span without it). "A day later" keeps its date from the anchor.
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    n = _num(m["num"]) if m["num"] else None
    if m["num"] is None and not m["unit"].lower().endswith("s"):
        return None  # "year ago" without a number is not English
    if n is None or n != int(n):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return lambda ctx: ("DATE", ref)
    n = int(n)
    use_anchor = direction in ("earlier", "later", "before", "after")
    gran = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week"}.get(unit, unit)
    shift_unit = unit if unit not in ("second", "minute", "hour") else None

    if shift_unit is None and use_anchor:
        return None

    def resolve(ctx: Context) -> Result:
        if shift_unit is None:
            if ctx.dct is None:
                return "TIME", "XXXX-XX-XX"
            return "TIME", nz.shift(ctx.dct, "day", 0).isoformat()
        if use_anchor and ctx.anchor and nz.granularity(ctx.anchor):
            ag = nz.granularity(ctx.anchor)
            order = ["day", "week", "month", "quarter", "half", "season", "year"]
            if order.index(ag) <= order.index(gran if gran in order else "year"):  # type: ignore[arg-type]
                got = nz.shift_value(ctx.anchor, shift_unit, sign * n)
                if got:
                    if ag in ("day", "week", "month") and gran in ("month", "year", "quarter"):
                        got = _coarsen(got, gran)
                    return "DATE", got
        if ctx.dct is None:
            return "DATE", _unknown(gran)
        if not use_anchor and ctx.anchor_quarter and gran == "year" and n == 1 and ctx.anchor == ctx.anchor_quarter:
            got = nz.shift_value(ctx.anchor_quarter, "year", -1)
            if got:
                return "DATE", got
        return "DATE", nz.at(nz.shift(ctx.dct, shift_unit, sign * n), gran)

    return resolve


def _coarsen(value: str, gran: str) -> str:
    day = nz.to_date(value) or nz.week_monday(value)
    if day is None:
        if re.match(r"^\d{4}-\d\d$", value):
            day = dt.date(int(value[:4]), int(value[5:7]), 1)
        else:
            return value
    return nz.at(day, gran)


@rule("year_ago_adj", r"\b(?P<x>year-(?:earlier|ago|before|previous))\b")
def _year_ago_adj(m: re.Match[str], text: str) -> Resolver | None:
    def resolve(ctx: Context) -> Result:
        if ctx.anchor_quarter and ctx.anchor == ctx.anchor_quarter:
            return "DATE", nz.shift_value(ctx.anchor_quarter, "year", -1) or "XXXX-QX"
        if ctx.dct is None:
            return "DATE", "XXXX"
        return "DATE", f"{ctx.dct.year - 1:04d}"

    return resolve


@rule("year_quarter", rf"\b(?P<x>the\s+(?P<y>{_YEAR})\s+(?:fiscal\s+)?(?P<unit>quarter|period))\b", priority=1)
def _year_quarter(m: re.Match[str], text: str) -> Resolver | None:
    year = m["y"]

    def resolve(ctx: Context) -> Result:
        if ctx.anchor_quarter:
            return "DATE", f"{year}-Q{ctx.anchor_quarter[-1]}"
        if m["unit"].lower() == "quarter" and ctx.dct is not None:
            return "DATE", f"{year}-Q{nz.quarter_of(nz.shift(ctx.dct, 'quarter', -1))}"
        return "DATE", year

    return resolve


_REL = (r"last|next|this|this\s+past|this\s+coming|the\s+coming|the\s+current|current|the\s+past|the\s+previous|"
        r"previous|the\s+following|the\s+prior|prior|the\s+same|that\s+same|that|the\s+next|the\s+last|the\s+latest|"
        r"latest|the\s+year-ago|year-ago|the\s+year-earlier|year-earlier|the\s+comparable|the\s+present|the|a\s+new|"
        r"the\s+new|recent|the\s+recent|the\s+most\s+recent|the\s+just-ended|the\s+just\s+ended|the\s+final")
_PRE = (r"early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        r"the\s+rest\s+of|the\s+remainder\s+of|the\s+balance\s+of|the\s+turn\s+of|end\s+of|the\s+first\s+half\s+of|"
        r"the\s+second\s+half\s+of|the\s+latter\s+part\s+of|the\s+early\s+part\s+of|earlier\s+in|later\s+in")


@rule("relative_unit", rf"\b(?P<x>(?:(?P<pre>{_PRE})[\s-]+)?(?P<rel>{_REL})\s+(?:(?:fiscal|calendar|financial|"
      rf"school|academic|business|trading)\s+)?(?P<unit>day|week|weekend|month|quarter|year|decade|century|period|"
      rf"half|spring|summer|fall|autumn|winter|{_POD}))(?![\w-])",
      trigger=r"\b(?:day|week|month|quarter|year|decade|century|period|half|spring|summer|fall|autumn|winter|morning|"
              r"afternoon|evening|night)")
def _relative_unit(m: re.Match[str], text: str) -> Resolver | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    pre = (m["pre"] or "").lower()
    after = text[m.end():m.end() + 40]
    if m["unit"][:1].isupper() and not m["unit"].isupper() and m["rel"][:1].isupper():
        return None  # "ABC News' \"This Week\"": a title, not a date
    if unit in lx.PARTS_OF_DAY:
        return _anchor_pod(rel, lx.PARTS_OF_DAY[unit])
    if unit in lx.SEASONS:
        return _season(rel, lx.SEASONS[unit])
    if rel in ("the", "a new", "the new") and unit not in ("weekend", "quarter", "year", "week", "month"):
        return None
    if rel in ("a new", "the new", "recent", "the recent"):
        return None
    if unit == "day" and rel in ("this", "the", "current", "the current", "last", "the last", "latest", "the latest",
                                 "the present", "the past"):
        return None
    if unit == "period" and rel not in ("the latest", "latest", "the year-ago", "year-ago", "the year-earlier",
                                         "year-earlier", "the comparable", "the same", "the most recent",
                                         "the just-ended", "the just ended"):
        return None
    if unit == "half" and rel not in ("the first", "the second", "this", "last", "next"):
        return None
    # "the year ended Sept. 30", "the past year": durations
    ended = re.match(rf"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?",
                     after + text[m.end() + 40:m.end() + 60], re.IGNORECASE)
    if rel == "the" and unit == "quarter" and ended and ended["mon"][0].isupper():
        # "the quarter ended July 31" (May to July): the calendar quarter of its middle month, 2000-Q2
        q_month = _month(ended["mon"])
        q_year = int(ended["year"]) if ended["year"] else None

        def resolve_ended(ctx: Context) -> Result:
            year = q_year
            if year is None:
                if ctx.dct is None:
                    return "DATE", f"XXXX-Q{(q_month - 2) % 12 // 3 + 1}"
                year = nz.year_for_month(q_month, ctx.dct, "past")
            middle = nz.add_months(year, q_month, -1)
            return "DATE", f"{middle[0]:04d}-Q{(middle[1] - 1) // 3 + 1}"

        return resolve_ended
    if rel == "the" and re.match(r"\s+(?:ended|ending|to\s+date|through|that\s+ended|that\s+ends|before|after|in\s+which|"
                                 r"when|of\b|that|which|and\s+a\s+half)", after):
        if re.match(r"\s+(?:ended|ending|to\s+date|through)", after) and unit in ("year", "quarter", "month", "week"):
            value = _duration(1, unit)
            return lambda ctx: ("DURATION", value)
        return None
    if rel in ("the past", "the last") and not pre and unit in ("year", "decade") and \
            not re.match(r"\s+(?:of|in\s+which|when|that|before|after)\b", after):
        rel = "last"  # "over the past year", "in the last decade": the calendar unit before this one
    if rel in ("the past", "the last") and not pre:
        value = _duration(1, unit if unit != "period" else "year") if unit != "weekend" else "P2D"
        if unit == "decade":
            value = "P10Y"
        elif unit == "century":
            value = "P100Y"
        return lambda ctx: ("DURATION", value)
    if rel == "the" and unit == "weekend" and re.match(r"\s+of\b", after):
        return None
    gran = {"period": "quarter", "weekend": "weekend"}.get(unit, unit)

    def resolve(ctx: Context) -> Result:
        anchored = rel in ("the following", "the next", "the previous", "previous", "the prior", "prior", "the same",
                           "that same", "that")
        if unit == "day" and not anchored:
            return None
        latest = rel in ("the latest", "latest", "the most recent", "the just-ended", "the just ended")
        if latest and gran in ("quarter", "year") and ctx.dct is not None:
            # the latest quarter (year) is one already over: a quarter mentioned earlier if it has ended, else the
            # one before the publication date's ("expects a fourth-quarter charge ... in the latest quarter")
            finished = nz.at(nz.shift(ctx.dct, gran, -1), gran)
            if gran == "quarter" and ctx.anchor_quarter and ctx.anchor_quarter <= finished:
                return "DATE", ctx.anchor_quarter
            return "DATE", finished
        if rel == "the" and gran == "quarter":
            if ctx.anchor_quarter:
                return "DATE", ctx.anchor_quarter
            if ctx.dct is None:
                return "DATE", "XXXX-QX"
            return "DATE", nz.at(nz.shift(ctx.dct, "quarter", -1), "quarter")
        if rel in ("the year-ago", "year-ago", "the year-earlier", "year-earlier", "the comparable"):
            if gran == "quarter":
                base = ctx.anchor_quarter or (nz.at(nz.shift(ctx.dct, "quarter", -1), "quarter") if ctx.dct else None)
                return ("DATE", nz.shift_value(base, "year", -1) or "XXXX-QX") if base else ("DATE", "XXXX-QX")
            if ctx.dct is None:
                return "DATE", _unknown(gran)
            return "DATE", nz.at(nz.shift(ctx.dct, "year", -1), gran)
        if anchored:
            if gran == "day" and ctx.anchor and nz.granularity(ctx.anchor) == "month":
                return "DATE", f"{ctx.anchor}-XX"  # "last October ... that same day": a day of that month
            base = ctx.anchor if gran != "day" else ctx.anchor_day
            if base is None:
                base = ctx.dct.isoformat() if ctx.dct else None
            if base is None:
                return "DATE", _unknown(gran)
            base = _coarsen(base, gran) if gran not in ("day", "weekend", "decade", "century") else base
            step = 1 if rel in ("the following", "the next") else -1 if rel in ("the previous", "previous",
                                                                                     "the prior", "prior") else 0
            got = nz.shift_value(base, gran if gran != "weekend" else "week", step) if step else base
            if got is None:
                return None
            if gran == "decade":
                got = got[:3]
            elif gran == "century":
                got = got[:2]
            return "DATE", got
        if ctx.dct is None:
            return "DATE", _unknown(gran if gran != "weekend" else "week") + ("-WE" if gran == "weekend" else "")
        step = 0
        if rel in ("last",) or rel == "this past":
            step = -1
        elif rel in ("next", "the coming", "this coming"):
            step = 1
        elif rel == "the" and gran == "weekend":
            step = -1 if ctx.tense == "past" and ctx.dct.isoweekday() < 5 else 0
        elif rel == "the" and gran == "year":
            step = 0
        shift_unit = {"weekend": "week"}.get(gran, gran)
        day = nz.shift(ctx.dct, shift_unit, step)
        return "DATE", nz.at(day, gran)

    return resolve


def _anchor_pod(rel: str, pod: str) -> Resolver | None:
    if rel not in ("the next", "the following", "that", "that same", "the same", "the previous"):
        return None
    step = 1 if rel in ("the next", "the following") else -1 if rel == "the previous" else 0

    def resolve(ctx: Context) -> Result:
        base = ctx.anchor_day or (ctx.dct.isoformat() if ctx.dct else None)
        if base is None:
            return "TIME", f"XXXX-XX-XXT{pod}"
        day = nz.to_date(base)
        if day is None:
            return None
        return "TIME", f"{(day + dt.timedelta(days=step)).isoformat()}T{pod}"

    return resolve


def _season(rel: str, season: str) -> Resolver | None:
    if rel not in ("last", "next", "this", "this past", "this coming", "the coming", "the past", "the", "that",
                   "the same", "the following", "the previous", "the current", "current"):
        return None

    def resolve(ctx: Context) -> Result:
        if rel in ("that", "the same", "the following", "the previous") and ctx.anchor:
            year = ctx.anchor[:4]
            if year.isdigit():
                y = int(year) + (1 if rel == "the following" else -1 if rel == "the previous" else 0)
                return "DATE", f"{y:04d}-{season}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{season}"
        if rel in ("last", "this past", "the past"):
            value = nz.season_value(season, ctx.dct, "past")
            if value == nz.season_value(season, ctx.dct, None) and _in_season(ctx.dct, season):
                value = f"{int(value[:4]) - 1:04d}-{season}"
            return "DATE", value
        if rel in ("next", "this coming", "the coming"):
            value = nz.season_value(season, ctx.dct, "future")
            if _in_season(ctx.dct, season):
                value = f"{int(value[:4]) + 1:04d}-{season}"
            return "DATE", value
        return "DATE", nz.season_value(season, ctx.dct, ctx.tense)

    return resolve


def _in_season(day: dt.date, season: str) -> bool:
    return {"WI": (12, 1, 2), "SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11)}[season].__contains__(day.month)


@rule("season", rf"\b(?P<x>(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?(?:the\s+)?"
      rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR}|(?:nineteen|two\s+thousand)[\w\s-]+?)"
      rf"(?=[^\w-]|$))?)")
def _season_bare(m: re.Match[str], text: str) -> Resolver | None:
    season = lx.SEASONS[m["s"].lower()]
    if m["year"]:
        year = int(m["year"]) if m["year"].isdigit() else _spelled_year(m["year"])
        if year is None:
            return None
        value = f"{year:04d}-{season}"
        return lambda ctx: ("DATE", value)
    if m["s"].lower() == "fall" and not m["x"].lower().startswith(("the", "early", "late", "mid")):
        before = text[max(0, m.start() - 12):m.start()]
        if not re.search(r"\b(?:in|this|last|next|by|until|since|during)\s+$", before, re.IGNORECASE):
            return None
    if not m["x"].lower().startswith(("the", "early", "late", "mid")):
        before = text[max(0, m.start() - 12):m.start()]
        if not re.search(r"\b(?:in|by|until|since|during|through|over)\s+$", before, re.IGNORECASE):
            return None
    return lambda ctx: ("DATE", nz.season_value(season, ctx.dct, ctx.tense)) if ctx.dct else ("DATE", f"XXXX-{season}")


# --- quarters and halves -------------------------------------------------------------------------------------------

_YREF = rf"(?:{_YEAR}|fiscal\s+(?:year\s+)?{_YEAR}|this\s+year|last\s+year|next\s+year|the\s+(?:fiscal\s+)?year|fiscal\s+'?\d\d)"


@rule("ordinal_quarter", rf"\b(?P<x>(?:(?P<the>the|this)\s+)?(?P<ago>(?:year-ago|year-earlier|prior-year)\s+)?"
      rf"(?:(?P<ypre>{_YREF})(?:'s|’s)?\s+)?"
      rf"(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
      rf"(?:(?:fiscal|calendar)[\s-]+)?(?P<unit>quarter|half|three\s+months|six\s+months|nine\s+months|period)"
      rf"(?:\s+(?:of|in|for)\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?P<ypost>{_YREF}))?"
      rf"(?:\s+(?P<ypost2>{_YEAR}))?)(?![\w-])", priority=1, trigger=r"quarter|half|months|period")
def _ordinal_quarter(m: re.Match[str], text: str) -> Resolver | None:
    order = m["ord"].lower()
    n = lx.ORDINALS[order]
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    yref = m["ypre"] or m["ypost"] or m["ypost2"]
    if order in ("last", "final") and not (m["the"] or yref):
        return None
    if unit == "period":
        return None
    narrow = bool(m["the"] and "-" in text[m.start("ord"):m.start("unit")] and not m["ypre"])
    if unit.endswith("months"):
        months = {"three months": 3, "six months": 6, "nine months": 9}[unit]
        if n != 1 or m["ypost"] or m["ypost2"]:
            return None  # "the first nine months of 1997": a duration and a year, two timexes (duration rule)
        return lambda ctx: ("DURATION", f"P{months}M")
    if unit == "half" and n > 2:
        n = 2
    letter = "Q" if unit == "quarter" else "H"
    if m["ago"]:
        inner = _quarter_resolver(n, letter, yref)

        def year_ago(ctx: Context) -> Result:  # "the year-ago third quarter": 1988-Q3 when published in 1989
            got = inner(ctx)
            if got is None or not got[1][:4].isdigit():
                return got
            return "DATE", f"{int(got[1][:4]) - 1:04d}{got[1][4:]}"

        return year_ago
    resolve_quarter = _quarter_resolver(n, letter, yref)
    return Narrowed(resolve_quarter, m.start("ord")) if narrow else resolve_quarter


def _quarter_resolver(n: int, letter: str, yref: str | None) -> Resolver:
    def resolve(ctx: Context) -> Result:
        year = _year_ref(yref, ctx)
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-{letter}{n}"
            if letter == "Q":
                return "DATE", nz.quarter_value(n, ctx.dct, ctx.tense)
            half = 1 if ctx.dct.month <= 6 else 2
            y = ctx.dct.year
            if ctx.tense == "future" and n < half:
                y += 1
            elif ctx.tense != "future" and n > half:
                y -= 1
            return "DATE", f"{y:04d}-H{n}"
        return "DATE", f"{year}-{letter}{n}"

    return resolve


class Narrowed:
    """A resolver whose extent starts later than its regex match (``candidates`` reads ``start``)."""

    def __init__(self, resolver: Resolver, start: int) -> None:
        self.resolver, self.start = resolver, start

    def __call__(self, ctx: Context) -> Result:
        return self.resolver(ctx)


def _year_ref(yref: str | None, ctx: Context) -> str | None:
    if not yref:
        return None
    y = yref.lower()
    digits = re.search(r"\d{4}", y)
    if digits:
        return digits[0]
    short = re.search(r"'?(\d\d)$", y)
    if short:
        v = int(short[1])
        return f"{1900 + v if v > 30 else 2000 + v:04d}"
    if ctx.dct is None:
        return "XXXX"
    if "last" in y:
        return f"{ctx.dct.year - 1:04d}"
    if "next" in y:
        return f"{ctx.dct.year + 1:04d}"
    return f"{ctx.dct.year:04d}"


# --- years, decades, centuries -------------------------------------------------------------------------------------

_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|-(?!-|year|month|day|\d)|people|persons|troops|soldiers|men|women|children|workers|employees|"
    r"jobs|units|shares|cars|feet|foot|meters|metres|miles|km|kilometers|tons|tonnes|barrels|dollars|acres|students|"
    r"members|copies|vehicles|homes|houses|cases|deaths|votes|pounds|euros|yen|yuan|rubles|points|hectares|square|"
    r"residents|refugees|patients|users|customers|delegates|officers|police|rounds|kg|mw|beds|rooms|seats|"
    r"stores|items|sites|bodies|gallons|liters|litres|calories|words|pages|games|hours|minutes|seconds|days|years|"
    r"lbs|ft|mph|\$|:\d|\.\d|,\d{3})", re.IGNORECASE)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$#£€¥]\s?|\b(?:no\.|number|nos?\.|about|some|nearly|almost|than|over|under|approximately|roughly|around|"
    r"of|top|page|room|flight|route|highway|interstate|model|version|resolution|article|section|rule|plus|minus|"
    r"by|to|with|only|just|all|those|these)\s)$", re.IGNORECASE)


@rule("year", rf"(?<![\w$#£€.,/-])(?P<x>(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
      rf"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+rest\s+of)[\s-]+)?"
      rf"(?:(?P<fy>fiscal|financial|calendar|model|budget|tax)\s+(?:years?\s+)?)?(?:the\s+year\s+)?(?P<y>{_YEAR})"
      rf"(?:/(?:\d\d){{1,2}})?)(?![\w'’.]\w|-\d|\.\d|,\d)")
def _year(m: re.Match[str], text: str) -> Resolver | None:
    y = int(m["y"])
    if _NOT_YEAR_AFTER.match(text, m.end()) and (not (m["pre"] or m["fy"]) or
                                                  re.match(r"\s*(?:%|percent)", text[m.end():])):
        return None
    strong = bool(m["pre"] or m["fy"])
    before = text[max(0, m.start() - 20):m.start()]
    if not strong:
        if y < 1800 and not re.search(r"\b(?:in|since|from|until|of|by|year|around|circa|c\.)\s+$", before, re.IGNORECASE):
            return None
        if y >= 1800 and _NOT_YEAR_BEFORE.search(before) and not re.search(r"\b(?:of|by|to)\s+$", before, re.IGNORECASE):
            return None
        if re.search(r"\b(?:than|about|over|under|some|nearly|almost|approximately|roughly)\s+$", before, re.IGNORECASE):
            return None
        if y > 2099:
            return None
    value = f"{y:04d}"
    return lambda ctx: ("DATE", value)


@rule("spelled_year", rf"\b(?P<x>(?:the\s+year\s+)?(?P<y>{_SPELLED_YEAR}))\b", priority=1)
def _spelled(m: re.Match[str], text: str) -> Resolver | None:
    year = _spelled_year(m["y"])
    if year is None or not 1000 <= year <= 2099:
        return None
    if not m["x"].lower().startswith("the year"):
        before = text[max(0, m.start() - 20):m.start()]
        after = text[m.end():m.end() + 20]
        # "nineteen ninety-six" read as a year needs no preposition; "nineteen five" does
        century_form = re.fullmatch(rf"(?:nineteen|eighteen)\s+(?:{_TENS})(?:[\s-](?:{_ONES}))?", m["y"], re.IGNORECASE)
        if not (century_form or re.search(r"\b(?:in|since|of|by|until|from|year|to|and|through)\s+$", before,
                                          re.IGNORECASE)) or \
                re.match(r"\s*(?:people|percent|dollars|men|women|troops|\w+s\b)", after, re.IGNORECASE):
            return None
    return lambda ctx: ("DATE", f"{year:04d}")


@rule("decade", r"(?<![\w$])(?P<x>(?:the\s+)?(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
      r"the\s+first\s+half\s+of|the\s+last\s+half\s+of|the\s+second\s+half\s+of)[\s-]+)?(?:the\s+)?"
      r"(?:(?P<d4>1[0-9]\d0|20\d0)'?s|['’](?P<d2>\d0)'?s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|"
      r"eighties|nineties)))(?![\w])", priority=1, trigger=r"\d0'?s\b|ties\b")
def _decade(m: re.Match[str], text: str) -> Resolver | None:
    if m["d4"]:
        value = m["d4"][:3]
    elif m["d2"]:
        value = "19" + m["d2"][0]
    else:
        if not m["x"].lower().startswith(("the", "early", "late", "mid")):
            return None
        value = "19" + str(lx.DECADE_WORDS[m["dw"].lower()])
        # "in his forties": an age, not a decade
        if re.search(r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|late|mid)[\s-]+)?$",
                     text[max(0, m.start("dw") - 20):m.start("dw")], re.IGNORECASE):
            return None
    return lambda ctx: ("DATE", value)


@rule("century", r"\b(?P<x>(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+turn\s+of)[\s-]+)?"
      r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
      r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
      r"twenty-first|twenty\s+first)[\s-]+century)\b", priority=1, trigger=r"centur")
def _century(m: re.Match[str], text: str) -> Resolver | None:
    word = m["n"].lower().replace(" ", "-")
    n = int(re.match(r"\d+", word)[0]) if word[0].isdigit() else lx.ORDINALS.get(word)  # type: ignore[index]
    if not n:
        return None
    value = f"{n - 1:02d}"
    return lambda ctx: ("DATE", value)


# --- durations --------------------------------------------------------------------------------------------------

@rule("duration", rf"\b(?P<x>(?:(?P<q>{_QUANT})\s+)?(?:(?P<det>the|a|an|another|each\s+of\s+the)\s+)?"
      rf"(?:(?P<rel>past|last|next|coming|first|previous|final|following|initial|remaining|entire|full|whole|"
      rf"additional|other|better\s+part\s+of\s+the|latest|prior|preceding)\s+)?"
      rf"(?P<num>{_NUM}|{_VAGUE})[\s-]+(?:(?:more|additional|full|straight|consecutive|long|extra|further|trading|business|working)\s+)?"
      rf"(?P<unit>{_UNIT})(?P<adj>-long|-old|\s+old)?(?P<half>\s+and\s+a\s+half)?)(?![\w-])", trigger=_UNIT_TRIGGER)
def _duration_rule(m: re.Match[str], text: str) -> Resolver | None:
    if m["adj"] and "old" in m["adj"]:
        return None
    raw_unit = m["unit"].lower()
    unit = _unit(raw_unit)
    num = m["num"].lower()
    n = _num(num)
    if n is None and not re.fullmatch(_VAGUE, re.sub(r"\s+", " ", num)):
        return None
    if m["half"]:
        if n is None or m["adj"] or raw_unit.endswith("s") != (n > 1):
            return None
        n += 0.5  # "a minute and a half", "two years and a half"
    after = text[m.end():m.end() + 12]
    if re.match(r"-?old\b|\s+of\s+age", after):
        return None
    hyphen = "-" in text[m.start("num"):m.start("unit")] and not m["num"].replace("-", "").isalpha()
    if hyphen and re.match(r"\s*(?:-old|old)\b", after):
        return None
    if num in ("a", "an") and raw_unit.endswith("s"):
        return None
    if m["unit"][0].isupper() and not m["unit"].isupper() and m["num"][0].isdigit():
        return None  # "60 Minutes": a title
    if unit == "second" and num in ("a", "an") and not re.match(r"\s*(?:[.,;:]|later|earlier|ago|or\b)", after):
        return None  # "a second betrayal"
    if num in ("a", "an", "one") and not m["det"] and not m["q"] and not m["rel"]:
        # "$5 a year", "twice a week": rates, handled by the set rule
        before = text[max(0, m.start() - 25):m.start()]
        if re.search(r"(?:\d|%|percent|cents?|dollars?|million|billion|times|once|twice|\$\S*)\s+$", before, re.IGNORECASE) \
                and num != "one":
            return None
        if num != "one" and re.search(r"(?:\d[\d,.]*|\b(?:" + _NUMWORD + r"|hundred|thousand|million))\s+(?:[a-z]+\s+){1,2}$",
                                      before, re.IGNORECASE):
            rate = _duration(1, unit)
            return lambda ctx: ("SET", rate)  # "four flights a week", "24 hours a day"
    # "the first quarter" belongs to the ordinal rule; a bare "quarter" is mostly a fraction
    if unit == "quarter" and n is not None and not m["rel"] and num in ("a", "an", "one"):
        return None
    if unit == "quarter" and not m["rel"] and not m["det"] and "-" in text[m.start("num"):m.start("unit")] and \
            re.match(r"\s+of\b", after):
        return None  # "about three-quarters of its food": a fraction
    rel = (m["rel"] or "").lower()
    # "the coming days" without a number are handled by the reference rule
    if n is None and rel == "coming" and m["det"]:
        return lambda ctx: ("DATE", "FUTURE_REF")
    if n is not None and n >= 1000 and unit in ("quarter", "year", "month", "week", "day"):
        return None
    value = _duration(n, unit) if n is None or n > 0 else None
    if value is None:
        return None
    resolver: Resolver = lambda ctx: ("DURATION", value)
    # "a two-year deal", "under a five-year plan": the adjective alone is the timex
    if re.fullmatch(r"[\w.]+-", text[m.start("num"):m.start("unit")]) and (m["q"] or m["det"]):
        return Narrowed(resolver, m.start("num"))
    # "over the next few days", "under the first two years": a preposition, not a quantifier
    if m["q"] and m["det"] and m["q"].lower() in ("over", "under"):
        return Narrowed(resolver, m.start("det"))
    return resolver


@rule("unit_long", r"\b(?P<x>(?P<unit>hour|day|week|month|year|decade|centur(?:y|ie))(?P<pl>s)?-?long)\b",
      trigger=r"long\b")
def _unit_long(m: re.Match[str], text: str) -> Resolver | None:
    """``a day-long meeting``, ``the decades-long battle``, ``a yearlong inquiry``: one unit, or an unknown number."""
    unit = _unit(m["unit"] + ("s" if m["pl"] else ""))
    value = _duration(None if m["pl"] else 1, unit)
    return lambda ctx: ("DURATION", value)


@rule("bare_units", r"\b(?:for|over|in|took|take|lasted|last|spent|spend|within)\s+(?P<x>(?:(?:many|several|some)\s+)?"
      r"(?P<unit>years|months|weeks|decades|centuries|days|hours|minutes))\b")
def _bare_units(m: re.Match[str], text: str) -> Resolver | None:
    if re.match(r"\s+(?:ago|of\b|to\s+come|later|earlier|before|after)", text[m.end():m.end() + 12]):
        return None
    value = _duration(None, _unit(m["unit"]))
    return lambda ctx: ("DURATION", value)


# --- sets ------------------------------------------------------------------------------------------------------

@rule("set_every", rf"\b(?P<x>(?:every|each)\s+(?:other\s+|single\s+)?(?:(?P<num>{_NUM})\s+)?"
      rf"(?P<unit>{_UNIT}|{_WEEKDAY}|{_MONTH_FULL}|{_POD}|spring|summer|fall|autumn|winter))\b", priority=1)
def _set_every(m: re.Match[str], text: str) -> Resolver | None:
    word = m["unit"].lower()
    if word in lx.WEEKDAYS:
        value = f"XXXX-WXX-{lx.WEEKDAYS[word]}"
    elif word in lx.MONTHS:
        value = f"XXXX-{lx.MONTHS[word]:02d}"
    elif word in lx.PARTS_OF_DAY:
        value = f"XXXX-XX-XXT{lx.PARTS_OF_DAY[word]}"
    elif word in lx.SEASONS:
        value = f"XXXX-{lx.SEASONS[word]}"
    else:
        unit = _unit(word)
        n = _num(m["num"]) if m["num"] else 1
        if "other" in m["x"].lower():
            n = (n or 1) * 2
        value = _duration(n, unit)
    return lambda ctx: ("SET", value)


@rule("set_adverb", r"\b(?P<x>daily|weekly|monthly|yearly|hourly|nightly|biweekly|twice\s+(?:a|per)\s+(?:day|week|month|year)|once\s+(?:a|per)\s+(?:day|week|month|year|decade))\b")
def _set_adverb(m: re.Match[str], text: str) -> Resolver | None:
    word = re.sub(r"\s+", " ", m["x"].lower())
    # "the Communist Party daily Granma", "a weekly magazine": publications, not recurrences
    if re.match(r"\s+[A-Z]", text[m.end():m.end() + 3]) or re.match(
            r"\s+(?:newspaper|paper|magazine|journal|publication|tabloid|edition)", text[m.end():m.end() + 14], re.IGNORECASE):
        return None
    if word == "daily" and re.search(r"\baverage\s+$", text[max(0, m.start() - 9):m.start()], re.IGNORECASE):
        return None  # "average daily volume": a measure, not a recurrence ("average hourly earnings" is tagged)
    table = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
             "quarterly": "P1Q", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M",
             "semi-annually": "P6M"}
    if word in table:
        value = table[word]
    else:
        value = _duration(1, _unit(word.split()[-1]))
    return lambda ctx: ("SET", value)


@rule("set_rate", rf"(?<=[\d%]\s)(?P<x>(?:a|per)\s+(?P<unit>day|week|month|year|hour))\b|"
      rf"\b(?P<x2>(?:(?:\d+|{_NUMWORD})\s+times|once|twice)\s+(?:a|per|each|every)\s+(?P<unit2>day|week|month|year|"
      rf"hour|decade))\b|\b(?P<x3>per\s+(?P<unit3>day|week|month|year|hour|annum))\b", trigger=r"\b(?:times|once|twice|per|a\s+(?:day|week|month|year|hour))\b")
def _set_rate(m: re.Match[str], text: str) -> Resolver | None:
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    unit = "year" if unit == "annum" else unit
    value = _duration(1, unit)
    return lambda ctx: ("SET", value)


# --- references: now, recently, the future --------------------------------------------------------------------

@rule("present_ref", r"\b(?P<x>now|currently|current(?=\s+[a-z])|presently|nowadays|these\s+days|at\s+present|the\s+present(?:\s+time|\s+day)?|"
      r"at\s+the\s+moment|right\s+now|the\s+present\s+day)\b(?![-’'])")
def _present(m: re.Match[str], text: str) -> Resolver | None:
    x = m["x"].lower()
    if x == "current" and re.match(r"\s+(?:account|affairs|events|flows?|accounts|of\b|and\b|or\b|state)",
                                   text[m.end():m.end() + 12], re.IGNORECASE):
        return None
    if x.startswith("the present") and re.match(r"\s+(?:case|situation|system|government|study|report|crisis)",
                                               text[m.end():m.end() + 20], re.IGNORECASE):
        return None
    return lambda ctx: ("DATE", "PRESENT_REF")


@rule("past_ref", rf"\b(?P<x>recently|lately|formerly|(?:the\s+)?(?:more\s+)?recent\s+(?:days|weeks|months|years|"
      rf"decades|quarters|times|past|history)|recent(?=\s+[a-z])|the\s+past(?!\s+(?:{_NUM}|{_VAGUE}|few|week|weekend|month|year|decade|century|"
      rf"quarter|day|night|days|weeks|months|years|decades|centuries|summer|winter|spring|fall|autumn|"
      rf"\w+\s+(?:days|weeks|months|years|decades))\b)|(?:long|years|decades|months|weeks|centuries|"
      rf"some\s+time|a\s+while|a\s+long\s+time)\s+ago|past\s+years|in\s+years\s+past|once\s+upon\s+a\s+time)\b",
      priority=0)
def _past(m: re.Match[str], text: str) -> Resolver | None:
    x = m["x"].lower()
    if x == "recent" and re.search(r"\b(?:most|more)\s+$", text[max(0, m.start() - 6):m.start()], re.IGNORECASE):
        return None
    if x.startswith("the past") and re.match(r"\s*(?:\w+ly\s+)?(?:tense|participle|record|performance|master)",
                                            text[m.end():m.end() + 20], re.IGNORECASE):
        return None
    vague = re.fullmatch(r"(?:the\s+)?(?:more\s+)?recent\s+(days|weeks|months|years|decades|quarters)", x)
    if vague and not re.match(r"\s+(?:and|or)\s+(?:days|weeks|months|years)", text[m.end():m.end() + 12]):
        # "in recent months": a vague duration (TimeML PXM), as gold annotates it
        value = _duration(None, _unit(vague[1]))
        return lambda ctx: ("DURATION", value)
    return lambda ctx: ("DATE", "PAST_REF")


@rule("future_ref", r"\b(?P<x>soon|(?:the\s+)?(?:near|foreseeable|distant|immediate|not-too-distant|not\s+too\s+distant)\s+"
      r"future|the\s+future|future(?=\s+(?:quarters|years|months|periods)\b)|(?:the\s+)?(?:coming|upcoming)\s+"
      r"(?:days|weeks|months|years|decades|hours)|the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)|"
      r"in\s+future|(?:the\s+)?years\s+to\s+come)\b")
def _future(m: re.Match[str], text: str) -> Resolver | None:
    x = m["x"].lower()
    if x == "in future":
        return None
    if x == "soon" and (re.search(r"\bas\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE) or
                        re.match(r"\s+(?:after|afterwards?|thereafter)\b", text[m.end():m.end() + 14], re.IGNORECASE)):
        return None
    if x == "soon" and re.match(r"-to-be\b", text[m.end():m.end() + 7]):
        return None
    vague = re.fullmatch(r"the\s+(days|weeks|months|years)\s+ahead", x)
    if vague:
        # "the weeks ahead": a vague duration (TimeML PXW), as gold annotates it
        value = _duration(None, _unit(vague[1]))
        return lambda ctx: ("DURATION", value)
    if x == "soon":
        return lambda ctx: None if ctx.tense == "past" else ("DATE", "FUTURE_REF")
    return lambda ctx: ("DATE", "FUTURE_REF")


# --- holidays ---------------------------------------------------------------------------------------------------

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(*nz.add_months(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


_MOVABLE = {"thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
            "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
            "easter": _easter, "easter sunday": _easter, "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
            "martin luther king day": lambda y: _nth_weekday(y, 1, 1, 3),
            "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)}


@rule("holiday", rf"\b(?P<x>(?P<h>new\s+year's\s+day|new\s+year's\s+eve|christmas\s+day|christmas\s+eve|christmas|"
      rf"independence\s+day|valentine's\s+day|halloween|boxing\s+day|bastille\s+day|thanksgiving(?:\s+day)?|"
      rf"labor\s+day|memorial\s+day|easter(?:\s+sunday)?|good\s+friday|martin\s+luther\s+king\s+day|election\s+day)"
      rf"(?:,?\s+(?P<year>{_YEAR}))?)\b", flags=0)
def _holiday(m: re.Match[str], text: str) -> Resolver | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if not m["h"][0].isupper() and name != "election day":
        return None

    def on(year: int) -> dt.date:
        if name in lx.FIXED_HOLIDAYS:
            month, day = lx.FIXED_HOLIDAYS[name]
            return dt.date(year, month, day)
        return _MOVABLE[name](year)

    def resolve(ctx: Context) -> Result:
        if m["year"]:
            return "DATE", on(int(m["year"])).isoformat()
        if ctx.dct is None:
            return "DATE", "XXXX-XX-XX"
        options = [on(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        if ctx.tense == "past":
            pick = max(d for d in options if d <= ctx.dct)
        elif ctx.tense == "future":
            pick = min(d for d in options if d >= ctx.dct)
        else:
            pick = min(options, key=lambda d: abs((d - ctx.dct).days))  # type: ignore[operator]
        return "DATE", pick.isoformat()

    return resolve


# Apply flags consistently: the holiday rule is case-sensitive on purpose only through its check above.
RULES[-1].regex = re.compile(RULES[-1].regex.pattern, _F)

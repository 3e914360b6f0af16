"""TIMEX3 values as day intervals, to tell whether two event dates can be the same happening.

``2024-06`` covers every day of June 2024, so it is compatible with ``2024-06-12``; ``2024-W24`` covers that week;
``PAST_REF`` reaches back without limit from the publication date. A value that names no calendar time
(a duration, ``XXXX-06-12`` left unresolved) gives no interval and constrains nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Interval = tuple[dt.date | None, dt.date | None]  # None = open end

_YMD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def parse_day(value: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _months(year: int, first: int, last: int) -> Interval:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def interval(value: str | None, published: dt.date | None = None) -> Interval | None:
    """The days a TIMEX3 value can denote, or None when it names no calendar time."""
    if not value:
        return None
    try:
        if m := _YMD.match(value):
            year, month, day = int(m[1]), m[2], m[3]
            if day:
                d = dt.date(year, int(month), int(day))
                return d, d
            if month:
                return _months(year, int(month), int(month))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6)
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _months(int(m[1]), 3 * q - 2, 3 * q)
        if m := _HALF.match(value):
            h = int(m[2])
            return _months(int(m[1]), 6 * h - 5, 6 * h)
        if m := _SEASON.match(value):
            first, last = _SEASONS[m[2]]
            return _months(int(m[1]), first, last)
        if m := _DECADE.match(value):
            decade = int(m[1]) * 10
            return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    except ValueError:
        return None
    if value == "PRESENT_REF" and published:
        return published, published
    if value == "PAST_REF" and published:
        return None, published
    if value == "FUTURE_REF" and published:
        return published, None
    return None


def overlaps(a: Interval, b: Interval) -> bool:
    """Whether two (possibly open-ended) day intervals share a day."""
    a0, a1 = a
    b0, b1 = b
    if a1 is not None and b0 is not None and a1 < b0:
        return False
    return not (b1 is not None and a0 is not None and b1 < a0)


def effective(date: str | None, published: str | None, window_days: int) -> Interval | None:
    """When an event can have happened: its date's interval, else the ``window_days`` before publication."""
    pub = parse_day(published)
    found = interval(date, pub)
    if found is not None:
        return found
    if pub is None:
        return None
    return pub - dt.timedelta(days=window_days), pub


def specific(date: str | None) -> bool:
    """Whether the value names one day (the strongest date evidence)."""
    return bool(date) and re.match(r"^\d{4}-\d{2}-\d{2}", date or "") is not None

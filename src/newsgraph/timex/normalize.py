"""Calendar arithmetic on TIMEX3 values: shifting, granularity, choosing a year or a weekday by tense."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Tense = Literal["past", "present", "future"] | None

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_HALF = re.compile(r"^(\d{4})-H(\d)$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(value: str) -> dt.date | None:
    m = _WEEK.match(value)
    if not m:
        return None
    return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def add_years(day: dt.date, n: int) -> dt.date:
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + n, day=28)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def granularity(value: str) -> str | None:
    """``day`` ``week`` ``month`` ``quarter`` ``half`` ``season`` ``year`` or None for other values."""
    for name, pattern in (("day", _DAY), ("month", _MONTH), ("year", _YEAR), ("week", _WEEK),
                          ("quarter", _QUARTER), ("half", _HALF), ("season", _SEASON)):
        if pattern.match(value):
            return name
    return None


def to_date(value: str) -> dt.date | None:
    m = _DAY.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def at(day: dt.date, unit: str) -> str:
    """The value of the ``unit`` (day, week, month, quarter, half, year, decade, century) containing ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit == "week" or unit == "weekend":
        return iso_week(day) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (a month or year shift keeps the day where the calendar allows)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=n)
    if unit in ("month", "quarter", "half"):
        months = n * {"month": 1, "quarter": 3, "half": 6}[unit]
        y, m = add_months(day.year, day.month, months)
        last = (dt.date(*add_months(y, m, 1), 1) - dt.timedelta(days=1)).day
        return dt.date(y, m, min(day.day, last))
    years = n * {"year": 1, "decade": 10, "century": 100}.get(unit, 1)
    if not 1 <= day.year + years <= 9999:
        return day
    return add_years(day, years)


def shift_value(value: str, unit: str, n: int) -> str | None:
    """Shift a TIMEX3 value by ``n`` units, keeping its granularity (``1989-Q3`` - 1 year = ``1988-Q3``)."""
    day = to_date(value)
    if day is not None:
        return shift(day, unit, n).isoformat() + value[10:]
    m = _MONTH.match(value)
    if m:
        return at(shift(dt.date(int(m[1]), int(m[2]), 1), unit, n), "month")
    m = _YEAR.match(value)
    if m:
        return at(shift(dt.date(int(m[1]), 1, 1), unit, n), "year")
    monday = week_monday(value)
    if monday is not None:
        return at(shift(monday, unit, n), "week") + ("-WE" if value.endswith("-WE") else "")
    m = _QUARTER.match(value)
    if m:
        return at(shift(dt.date(int(m[1]), int(m[2]) * 3 - 2, 1), unit, n), "quarter")
    m = _HALF.match(value)
    if m:
        return at(shift(dt.date(int(m[1]), int(m[2]) * 6 - 5, 1), unit, n), "half")
    m = _SEASON.match(value)
    if m:
        if unit not in ("year", "decade", "century"):
            return None
        return f"{at(shift(dt.date(int(m[1]), 6, 1), unit, n), 'year')}-{m[2]}"
    return None


def year_for_month(month: int, dct: dt.date, tense: Tense) -> int:
    """The year of a month named without one: past tense looks back, future ahead, otherwise the closest."""
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if tense == "future":
        return dct.year if month >= dct.month else dct.year + 1
    diff = month - dct.month
    if diff > 6:
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


def day_for_month_day(month: int, day: int, dct: dt.date, tense: Tense) -> dt.date | None:
    """``June 3`` without a year: the occurrence chosen by tense, else the closest to the publication date."""
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if tense == "past":
        before = [d for d in options if d <= dct]
        # Newswire reports the past; a date a few days after the DCT in a past sentence is still closest.
        if before and (dct - before[-1]).days < 300:
            return before[-1]
    if tense == "future":
        after = [d for d in options if d >= dct]
        if after and (after[0] - dct).days < 300:
            return after[0]
    # No tense: newswire mostly reports the past, so a date up to eight months back beats a nearer future one.
    before = [d for d in options if d <= dct]
    if before and (dct - before[-1]).days <= 240:
        return before[-1]
    return min(options, key=lambda d: (abs((d - dct).days), d > dct))


def weekday_date(weekday: int, dct: dt.date, tense: Tense, *, modifier: str | None = None) -> dt.date:
    """The date of a weekday (1 = Monday) relative to the publication date.

    Past tense (or none found): the latest such day on or before the DCT; future: the next on or after it;
    present: the nearest (a tie goes to the past). ``last``/``next`` exclude the DCT itself; ``this`` is the one in the DCT's week.
    """
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if modifier == "last" or modifier == "past":
        return dct - dt.timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return dct + dt.timedelta(days=ahead or 7)
    if modifier == "this":
        return dct + dt.timedelta(days=weekday - dct.isoweekday())
    if tense == "future":
        return dct + dt.timedelta(days=ahead)
    if tense == "present":
        return dct - dt.timedelta(days=back) if back <= ahead else dct + dt.timedelta(days=ahead)
    # past, or no tense found: news mostly reports what already happened
    return dct - dt.timedelta(days=back)


def quarter_value(q: int, dct: dt.date, tense: Tense) -> str:
    """``the third quarter`` without a year: the latest such quarter that has begun (past/none) or the next."""
    current = quarter_of(dct)
    if tense == "future":
        # companies forecast the current and the next quarters; a quarter just ended is still this year's
        year = dct.year if q >= current - 1 else dct.year + 1
    else:
        year = dct.year if q <= current else dct.year - 1
    return f"{year:04d}-Q{q}"


def season_value(season: str, dct: dt.date, tense: Tense) -> str:
    start = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}[season]
    month = dct.month
    # the season's year: winter belongs to the year it starts in except in Jan/Feb
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(month, "FA")
    year = dct.year
    if current == season:
        if season == "WI" and month <= 2:
            year -= 1
        return f"{year:04d}-{season}"
    if tense == "past" and start > month and not (season == "WI" and month <= 2):
        year -= 1
    if tense == "future" and start < month and season != "WI":
        year += 1
    return f"{year:04d}-{season}"

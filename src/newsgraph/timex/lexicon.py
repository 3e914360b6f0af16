"""Word lists for the timex rules: months, weekdays, numbers, units, seasons, parts of the day.

General English vocabulary only; nothing here is keyed to a particular corpus.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1):
    for _name in _names:
        MONTHS[_name] = _n

WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: part of the day -> TIMEX3 suffix
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "tonight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid afternoon": "AF"}

UNITS = {  # unit word -> (duration letter, time part?, multiplier)
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1), "weekend": ("D", False, 2),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "millennium": ("Y", False, 1000),
}
#: plural and adjectival forms -> singular
UNIT_FORMS = {u: u for u in UNITS}
UNIT_FORMS.update({u + "s": u for u in UNITS})
UNIT_FORMS.update({"centuries": "century", "millennia": "millennium", "yrs": "year", "yr": "year", "hrs": "hour",
                   "hr": "hour", "mins": "minute", "min": "minute", "secs": "second"})

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
VAGUE = {"several", "few", "a few", "many", "some", "couple", "a couple of", "a couple", "numerous", "dozens of",
         "hundreds of", "a number of", "a series of"}
ARTICLE_ONE = {"a": 1, "an": 1, "one": 1, "a single": 1, "half a": 0.5, "half an": 0.5, "a half": 0.5, "dozen": 12, "a dozen": 12,
              "a hundred": 100}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4}

DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}

#: holidays with a fixed month and day
FIXED_HOLIDAYS = {"new year's day": (1, 1), "christmas day": (12, 25), "christmas": (12, 25),
                  "christmas eve": (12, 24), "new year's eve": (12, 31), "independence day": (7, 4),
                  "valentine's day": (2, 14), "halloween": (10, 31), "boxing day": (12, 26),
                  "bastille day": (7, 14), "may day": (5, 1)}


def number(text: str) -> float | None:
    """``"twenty-four"`` -> 24, ``"3"`` -> 3, ``"a"`` -> 1, ``"5 1/2"`` -> 5.5; None when not a number."""
    t = text.lower().strip().replace("\u2010", "-")
    if not t:
        return None
    if t in ARTICLE_ONE:
        return ARTICLE_ONE[t]
    t = t.replace(",", "")
    parts = t.split()
    if len(parts) == 2 and parts[1] in ("1/2", "and a half", "½"):
        base = number(parts[0])
        return None if base is None else base + 0.5
    if t.endswith(" and a half"):
        base = number(t[: -len(" and a half")])
        return None if base is None else base + 0.5
    try:
        return float(t) if "." in t else int(t)
    except ValueError:
        pass
    words = t.replace("-", " ").split()
    total = 0
    for w in words:
        if w in ONES:
            total += ONES[w]
        elif w in TENS:
            total += TENS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        elif w == "thousand":
            total = max(total, 1) * 1000
        elif w == "and":
            continue
        else:
            return None
    return total

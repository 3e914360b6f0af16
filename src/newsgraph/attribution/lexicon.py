"""The cue lexicon (``newsgraph/data/cues.txt``): reporting words and their class."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

CueClass = Literal["speech", "addressee", "cognition", "evidence", "prep", "stance", "nominal"]
CLASSES: tuple[str, ...] = ("speech", "addressee", "cognition", "evidence", "prep", "stance", "nominal")
#: what the quotes stage reads by default: somebody's words, not their wishes
QUOTE_CLASSES: tuple[str, ...] = ("speech", "addressee", "cognition", "evidence", "prep", "nominal")
#: a ``nominal`` cue (a noun: ``his claim that …``) is keyed ``n:<lemma>`` so that it never shadows the verb
NOUN_PREFIX = "n:"


def parse(lines: list[str]) -> dict[str, str]:
    """``{lemma or phrase: class}`` from lexicon lines (``word<TAB>class``; ``#`` starts a comment).

    Raises:
        ValueError: a line has no class or an unknown one.
    """
    out: dict[str, str] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in CLASSES:
            raise ValueError(f"cues.txt line {n}: expected '<cue>\\t<class>' with class one of {CLASSES}; got {raw!r}")
        key = parts[0].strip().lower()
        out.setdefault(NOUN_PREFIX + key if parts[1] == "nominal" else key, parts[1])
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, str]:
    """The packaged lexicon (where a cue is listed twice, the first entry wins)."""
    text = resources.files("newsgraph").joinpath("data/cues.txt").read_text(encoding="utf-8")
    return parse(text.splitlines())

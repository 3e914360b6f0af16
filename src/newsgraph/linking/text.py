"""Light text features for linking: word keys, TF-IDF vectors and cosine, in pure Python (no model download).

Word keys are lower-cased and crudely stemmed (``vetoed`` -> ``veto``, ``shipping`` -> ``ship``) so that both sides of a
comparison are reduced the same way; they are not dictionary lemmas. Callers that hold real lemmas (spaCy) can pass
lemma-joined text instead.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[str, float]

STOPWORDS = frozenset(["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "tell", "according", "reported", "report", "reports", "would", "could", "may", "might", "must", "shall", "will", "also", "mr", "mrs", "ms", "new", "one", "two", "three", "its", "it's", "s", "t", "don't", "didn't", "never", "n't", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year"])

#: Irregular forms news writes often (past tense and participles), mapped to the base form.
IRREGULAR = {
    "said": "say", "told": "tell", "met": "meet", "held": "hold", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "made": "make", "went": "go", "gone": "go", "came": "come", "began": "begin", "begun": "begin",
    "struck": "strike", "shot": "shoot", "hit": "hit", "fought": "fight", "won": "win", "lost": "lose",
    "left": "leave", "sent": "send", "sold": "sell", "bought": "buy", "brought": "bring", "thought": "think",
    "found": "find", "fell": "fall", "fallen": "fall", "killed": "kill", "died": "die", "dead": "die",
    "led": "lead", "ran": "run", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak",
    "broke": "break", "broken": "break", "chose": "choose", "chosen": "choose", "knew": "know", "known": "know",
    "drove": "drive", "driven": "drive", "arms": "weapon", "weapons": "weapon", "weaponry": "weapon",
    "children": "child", "men": "man", "women": "woman", "people": "person",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d+")


def stem(word: str) -> str:
    """A crude, deterministic stem: irregular forms, then plural and ``-ed``/``-ing`` endings."""
    w = word.lower().replace("\u2019", "'")
    w = w.removesuffix("'s")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2] if not w.endswith("eed") else w[:-1]
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":  # shipp -> ship, vetoo stays
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):  # close/closed/closing -> clos
        w = w[:-1]
    return w


def _country(phrase: str) -> str | None:
    from ..kb import countries

    return countries.by_name(phrase) or countries.by_capital(phrase) or countries.by_demonym(phrase)


def words(text: str, *, stop: frozenset[str] = STOPWORDS, places: bool = False) -> list[str]:
    """Content-word keys of ``text``: tokens minus stopwords, stemmed.

    With ``places``, a country's name, capital or demonym (``North Korea``, ``Pyongyang``, ``Russian``; up to three
    capitalized words) becomes one key for the country (``iso:PRK``), so that metonyms match.
    """
    tokens = _WORD.findall(text)
    out = []
    i = 0
    while i < len(tokens):
        if places and tokens[i][:1].isupper():
            for size in (3, 2, 1):
                phrase = " ".join(tokens[i:i + size])
                if len(tokens[i:i + size]) == size and (iso := _country(phrase)):
                    out.append(f"iso:{iso}")
                    i += size
                    break
            else:
                iso = None
            if iso:
                continue
        low = tokens[i].lower()
        i += 1
        if low in stop or len(low) < 2:
            continue
        out.append(stem(low))
    return out


def idf(documents: Iterable[Iterable[str]]) -> tuple[dict[str, float], int]:
    """Smoothed inverse document frequency of each key over ``documents`` (``log((1+n)/(1+df)) + 1``)."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        df.update(set(doc))
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}, n


def tfidf(tokens: Sequence[str], weights: dict[str, float], default: float = 1.0) -> Vector:
    """An L2-normalized TF-IDF vector (sublinear term frequency)."""
    counts = Counter(tokens)
    vec = {w: (1.0 + math.log(c)) * weights.get(w, default) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {w: v / norm for w, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalized sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def jaccard(a: Iterable[str], b: Iterable[str]) -> float | None:
    """Jaccard overlap, or None when either side is empty (no evidence either way)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return None
    return len(sa & sb) / len(sa | sb)

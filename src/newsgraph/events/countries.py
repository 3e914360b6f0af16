"""Countries for event actors that name no entity with a country: role nouns and groups (``police``,
``Syrian rebels``, ``Kenya's government``, ``the ministry``).

Rules, in order (``phrase_country`` then ``sentence_country``):

1. a nationality word or country name inside the noun phrase (``Indian police``, ``Kenya's government``,
   ``rebels in the Ivory Coast``), or an entity mention there that has a country;
2. for a role noun (``lexicon.agent``) with no such word: the sentence's most salient country — the country
   mentioned most often in the sentence (entity mentions and nationality words; ties go to the earliest),
   else the dateline's country, else the document's most mentioned country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.tokens import Span, Token

from ..kb import countries as kb_countries
from ..stages.docdata import NAMESPACE

_SKIP = {"the", "a", "an"}


@lru_cache(maxsize=65536)
def _lookup(text: str) -> str | None:
    return (kb_countries.by_demonym(text) or kb_countries.by_name(text) or kb_countries.by_former_name(text.lower())
            or _derived_demonym(text))


def _derived_demonym(text: str) -> str | None:
    """A nationality word the demonym table lacks, from the country name it is formed on (``Liberians`` →
    Liberia, ``Kampuchean`` → Kampuchea, ``Cuban`` → Cuba, ``Sudanese`` → Sudan)."""
    word = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    if " " in word or len(word) < 5:
        return None
    if word.endswith("an"):
        return kb_countries.by_name(word[:-1])
    if word.endswith("ese"):
        return kb_countries.by_name(word[:-3])
    return None


def word_country(doc, i: int, sent: Span | None = None) -> str | None:
    """ISO3 for a nationality word or country name at token ``i`` (``Ugandan``, ``North Korean``,
    ``Ivory Coast``, ``Sri Lanka's``); capitalised words only. ``sent``: the token's sentence, if known."""
    # memoized per document (events look up the same sentence for each trigger), in the Doc itself so that
    # nothing outlives it
    found = doc.user_data.setdefault(NAMESPACE, {}).setdefault("word_country", {})
    if i not in found:
        found[i] = _word_country(doc, i, sent)
    return found[i]


def _word_country(doc, i: int, sent: Span | None) -> str | None:
    tok = doc[i]
    if not tok.text[:1].isupper() or tok.lower_ in _SKIP:
        return None
    if sent is None:
        sent = tok.sent  # costly: spaCy walks to the sentence's edges
    grams = []
    for a, b in ((i - 1, i + 1), (i, i + 2), (i - 2, i + 1), (i, i + 3), (i, i + 1)):
        if sent.start <= a and b <= sent.end and a >= 0:
            grams.append(doc[a:b])
    for span in grams:
        if not all(t.text[:1].isupper() or t.text in {"'s", "’s"} for t in span):
            continue
        found = _lookup(span.text)
        if found:
            return found
    return None


def opposed(tok: Token) -> bool:
    """A country named after ``anti-`` (``a prominent anti-Syria journalist``): what the phrase opposes, not
    whose it is."""
    doc, i = tok.doc, tok.i
    if tok.lower_.startswith("anti-"):
        return True
    # ``anti-Syria`` → ``anti`` ``-`` ``Syria``; a multiword name (``anti-North Korean``) reaches back one more
    for j in (i, i - 1):
        if j >= 2 and doc[j - 1].text == "-" and doc[j - 2].lower_ == "anti":
            return j == i or doc[i].dep_ == "compound" or doc[j].dep_ == "compound" or doc[j].ent_iob_ == "B"
    return False


def phrase_country(tokens: Iterable[Token], entity_country: Callable[[int], Iterable[str]]) -> str | None:
    """The country a noun phrase names: a nationality word or country name in it, else an entity of its with a
    country (``entity_country(token index)`` gives the countries of mentions on that token)."""
    toks = sorted(tokens, key=lambda t: t.i)
    for t in toks:
        if opposed(t):
            continue
        for iso in entity_country(t.i):
            return iso
        found = word_country(t.doc, t.i)
        if found:
            return found
    return None


def sentence_countries(sent: Span, entity_country: Callable[[int], Iterable[str]],
                       skip: set[int] | frozenset[int] = frozenset(), memo: dict | None = None) -> Counter:
    """Countries named in a sentence, with how often (entity mentions and nationality words); tokens in
    ``skip`` do not count. ``memo`` (one dict per document and ``entity_country``) keeps each sentence's
    countries per token for the next call."""
    rows = memo.get(sent.start) if memo is not None else None
    if rows is None:
        rows = []
        for t in sent:
            isos = list(dict.fromkeys(entity_country(t.i)))
            if not isos:
                found = word_country(t.doc, t.i, sent)
                isos = [found] if found else []
            rows.append((t.i, opposed(t), isos))
        if memo is not None:
            memo[sent.start] = rows
    counts: Counter = Counter()
    first: dict[str, int] = {}
    previous: set[str] = set()
    for i, against, isos in rows:
        if i in skip or against:
            previous = set()
            continue
        for iso in isos:
            if iso not in previous:  # a multiword name counts once
                counts[iso] += 1
            first.setdefault(iso, i)
        previous = set(isos)
    # earliest first on ties: Counter.most_common keeps insertion order for equal counts
    return Counter(dict(sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))))

"""The ``quotes`` stage: who said what (CONTRACT.md ``Quote``), from rules on the dependency parse plus a small
trained span tagger.

The rule engine (``newsgraph.attribution``) finds direct, mixed and indirect quotations with their source span, cue
and channels (``according to X`` beside a verb cue). The tagger (``attribution.tagger``, a BIO token tagger shipped
in ``data/attribution_model``, trained on PolNeAR train) then adds the attributions whose content no rule found, with
its own cue and source spans (indirect speech with a cue outside the lexicon: ``blasted``, ``made it clear``). By
default it keeps words, not wishes: an attribution whose cue is a ``stance`` word of the lexicon (``wants``), or whose
content is a bare noun phrase outside quotation marks (``hailed his country's ties``), is left out (``tagged="all"``
keeps it). This stage turns them into ``model.Quote`` records:

* ``speaker`` is resolved through ``doc._.entities``: the entity with a mention that holds the source's head word
  (``Kim`` in ``leader Kim``, ``she`` as a pronoun mention), else the mention nearest the head inside the source
  span that is not a possessor or inside a prepositional phrase (``Yonhap`` in ``South Korea’s Yonhap news
  agency``); pronouns and short names therefore resolve as well as the entities stage links them.
* an unnamed source (``analysts``, ``a senior official``) keeps its words in ``speaker_text`` and has ``speaker``
  null: ``speaker`` only ever holds an entity id, so consumers can join on it. Roles are recoverable from
  ``speaker_text``.
* ``via`` holds the entity ids of the channels, nearest the cue first (``Kim added, according to KCNA``).
* a quotation whose marks do not balance is dropped with warning W002; the rest of the article is still read.
* ids are ``q1``, ``q2``, … in text order (deterministic).

Why rules first and the tagger second (measured, benchmarks/RESULTS-attribution.md): the rules are better on
quotations (direct F1 0.90 on PolNeAR dev) and on content that both find; the tagger alone is below the rules, and
letting it reset the rules' boundaries loses more than it gains; added to them it raises recall on indirect speech
(round 5 rules: dev F1 0.688 → 0.700, held-out train texts 0.733 → 0.754), short of the 0.75 target on dev. Since
round 5 it reads only the sentences the rules leave mostly uncovered (``tag_covered`` 0.3: the same F1 as tagging
every sentence), which brings its cost from ~13.5% to ~10–11% of extraction time against the rules' ~3%; on TimeML
editorials it still adds false attributions (``… wisdom … was confirmed``), so it is off by default
(``tagger=False``: the rules alone).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..attribution import Engine, Found
from ..attribution.lexicon import CLASSES, QUOTE_CLASSES
from ..attribution.tagger import Tagger
from ..errors import Warnings
from ..model import Entity, Quote
from . import docdata

_OFF_PATH_DEPS = {"poss", "prep", "pobj", "relcl", "acl", "agent", "conj", "cc"}


@Language.factory(
    "quotes",
    requires=["doc.sents", "token.dep", "doc._.entities"],
    assigns=["doc._.quotes"],
    default_config={"classes": list(QUOTE_CLASSES), "orphans": True, "tagger": False, "tagged": "words",
                    "prefer": "rules", "tag_covered": 0.3},
)
def make_quotes(nlp: Language, name: str, classes: list[str], orphans: bool, tagger: bool | str = False,
                tagged: str = "words", prefer: str = "rules", tag_covered: float | None = 0.3) -> QuotesStage:
    """Build the stage.

    Args:
        classes: cue classes to read (``data/cues.txt``): by default reported words and beliefs, not ``stance``.
        orphans: keep a whole-sentence quotation that no cue attributes (speaker null).
        tagger: add the attributions of the trained span tagger shipped in ``data/attribution_model`` to those of
            the rules (True), or not (False: rules only); a string is the path of another model directory.
        tagged: which of the tagger's attributions to keep: ``words`` (not those whose cue is a ``stance`` word,
            nor a bare noun phrase as content) or ``all``.
        prefer: where the rules and the tagger both find reported (indirect) speech, whose content wins:
            ``rules`` (the default: the claims stage reads evidence such as ``citing …`` inside the rules' content)
            or ``tagger`` (higher PolNeAR F1: benchmarks/RESULTS-attribution.md).
        tag_covered: with the tagger, skip quotations and the sentences whose characters the rules' contents cover
            at this share or more (0.3: the same PolNeAR F1 as tagging every sentence, at under half the cost);
            None tags every sentence.

    Raises:
        ValueError: an unknown cue class, ``tagged`` or ``prefer`` value, or a ``tag_covered`` outside 0–1.
        FileNotFoundError: ``tagger`` names a directory without a model.
    """
    unknown = [c for c in classes if c not in CLASSES]
    if unknown:
        raise ValueError(f"quotes: unknown cue class(es) {unknown}; valid classes: {list(CLASSES)}")
    if tagged not in ("words", "all") or prefer not in ("rules", "tagger"):
        raise ValueError(f"quotes: tagged must be 'words' or 'all', prefer 'rules' or 'tagger'; got {tagged!r}, "
                         f"{prefer!r}")
    if tag_covered is not None and not 0 <= tag_covered <= 1:
        raise ValueError(f"quotes: tag_covered must be a share between 0 and 1, or None; got {tag_covered!r}")
    model = None
    if tagger:
        model = Tagger(None if tagger is True else tagger)
    return QuotesStage(Engine(classes=tuple(classes), orphans=orphans, tagger=model, tagged=tagged,
                                prefer=prefer, tag_covered=tag_covered))


class QuotesStage:
    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine or Engine()

    def __call__(self, doc: Doc) -> Doc:
        result = self.engine(doc)
        for offset in result.unbalanced:
            docdata.warn(doc, Warnings.W002.format(offset=offset))
        doc._.quotes = to_quotes(doc, result.found, doc._.entities)
        return doc


def to_quotes(doc: Doc, found: list[Found], entities: list[Entity]) -> list[Quote]:
    """``model.Quote`` records, ids ``q1…`` in text order, speakers and channels resolved through ``entities``."""
    text = doc.text
    quotes = []
    for n, f in enumerate(sorted(found, key=lambda f: (f.start, f.end)), 1):
        speaker = resolve(doc, entities, f.source, f.head) if f.source else None
        via = []
        for start, end, head in f.via:
            ent = resolve(doc, entities, (start, end), head)
            if ent is not None and ent not in via and ent != speaker:
                via.append(ent)
        quotes.append(Quote(
            id=f"q{n}", start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind,  # type: ignore[arg-type]
            speaker=speaker, speaker_text=text[f.source[0]:f.source[1]] if f.source else None,
            cue=f.cue, via=via,
        ))
    return quotes


def resolve(doc: Doc, entities: list[Entity], span: tuple[int, int], head: int | None) -> str | None:
    """The id of the entity that a source span names, or None.

    A mention holding the head word wins; else the mention inside the span closest to the head whose words are
    not a possessor or inside a prepositional phrase or relative clause, and not a place; else None.
    """
    start, end = span
    head_tok = doc[head] if head is not None and 0 <= head < len(doc) else None
    if head_tok is None or not start <= head_tok.idx < end:
        inner = doc.char_span(start, end, alignment_mode="expand")
        head_tok = inner.root if inner is not None else None
    best: tuple[int, int, str] | None = None
    for ent in entities:
        for m in ent.mentions:
            if m.end <= start or m.start >= end:
                continue
            if head_tok is not None and m.start <= head_tok.idx < m.end:
                rank = 0
            elif ent.type in ("location", "facility"):
                continue  # a place only places the speaker (``Moscow police``, ``New York City officials``)
            else:
                rank = _path_rank(doc, m.start, m.end, head_tok)
            dist = abs(m.start - (head_tok.idx if head_tok is not None else start))
            key = (rank, dist, ent.id)
            if best is None or key < best:
                best = key
    if best is None or best[0] >= 5:
        return None
    return best[2]


def _path_rank(doc: Doc, start: int, end: int, head) -> int:
    """How directly a mention names the head: 1 apposition, 2 compound (``Yonhap news agency``), 4 modifier
    (``North Korean leader``), 5 possessor or inside a phrase or clause (never the speaker)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or head is None:
        return 5
    tok = span.root
    rank = 2
    for _ in range(8):
        if tok.i == head.i:
            return rank
        if tok.dep_ in _OFF_PATH_DEPS or tok.head is tok:
            return 5
        if tok.dep_ == "appos":
            rank = min(rank, 1)
        elif tok.dep_ in ("amod", "nmod", "npadvmod"):
            rank = 4
        tok = tok.head
    return 5


docdata.register_extensions()

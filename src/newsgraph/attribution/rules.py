"""Rule-based attribution on a parsed Doc: who said what, through which cue and channel.

The rules read spaCy's dependency parse (``en_core_web_sm``-style labels) and the quotation marks:

1. every cue of the lexicon (``data/cues.txt``) outside a quotation is a candidate: a
   verb (``said``, ``told``, ``warned``), a verb outside the lexicon with a ``that`` clause (``bet that``, unless it
   is one of ``_NOT_CUES``: ``means that``) or with a finite clause of its own after it (``bragged he would …``; not
   ``_NOT_CLAUSE_CUES``), a noun with a ``that`` clause and a possessor or ``by`` phrase (``Clinton's assertion that
   …``), a predicative adjective with a ``that`` clause (``supporters are optimistic that …``; not ``it is clear
   that``), ``according to X``, an opening ``In <a document>,`` (``In a statement, …``, ``In the survey, …``), or a
   colon after a name (``Pat Caddell: …``, a headline ``Gingrich: …``; never a
   dateline ``SEOUL (AFP):``);
2. its source is the verb's subject (``said Caddell`` too), the antecedent of ``who``, the agent of a passive, or,
   for a participle (``…, saying …``, ``by promising …``), the subject of the clause it hangs on;
3. its content is the clausal complement (``X said (that) …``, ``…, X said.``, ``A, X said, B`` whole), the object
   for verbs like ``denied``/``announced`` with what the parse hangs after it (``accused him of …``, not ``on
   Monday``), an infinitive for verbs of promising and urging (``vowed to …``; not ``agreed to pay``), the passive
   subject beside an agent, the clause an ``as X noted,`` opens, the ``if``/``whether`` clause of ``asked X if …``,
   or, when the parse gives none, the quotation of the sentence (``X said: “…”``; not a quoted fragment of under
   five words that no punctuation or colon frames: ``was said to be “furious” with``); a reported clause is kept
   to the cue's paragraph (outside quotations) and ends before a subjectless conjunct in the cue's tense (``said he
   would … but did not suggest …``);
4. the content is snapped to the quotation marks: wholly inside one quotation → ``direct`` (the quotation, over
   several sentences or paragraphs if it runs so); containing a quoted fragment → ``mixed``; else ``indirect``;
5. a quotation that follows an attributed one without a cue of its own (``“A,” said X. “B.”``) continues it
   (same source, same ``group``), also past another attribution inside the cue's sentence (``said X, who recalled
   …``);
6. ``according to X`` in a sentence that already has a verb cue is a channel (``via``), not a second source;
7. an attribution whose cue lies inside another's content is dropped (PolNeAR's univocal annotation); reported
   speech without a source is dropped, except after a passive cue with a clause (``it was reported that …``);
8. with a ``tagger`` (``tagger.Tagger``), each CONTENT span it tags that no attribution above overlaps is added, with
   the tagger's CUE nearest to it in its sentence(s) and the SOURCE nearest that cue in the cue's sentence (pieces
   that share a cue are one attribution); it is snapped to the quotation marks like the others. The tagger reads
   only the sentences the rules leave mostly uncovered (``tag_covered``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..stages import docdata
from .lexicon import NOUN_PREFIX, QUOTE_CLASSES
from .lexicon import cues as packaged_cues
from .marks import Quotation, scan

_REL_PRONOUNS = {"who", "that", "which", "whom"}
_PUNCT_EDGE = " \t\n,;:.—–-()[]"
_MARKS = "\"“”«»‘’'"
_CONTENT_DEPS = {"ccomp"}
_OBJECT_DEPS = {"dobj", "oprd", "xcomp"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp"}
_LEMMA_FIX = {("hop", "hope"): "hope", ("hop", "hopi"): "hope"}  # the parser's lemma of "hoped", "hoping"
_SETTING_PREPS = {"on", "at", "in", "during", "after", "before", "since", "amid", "by", "via", "through",
                  "throughout", "until", "following", "despite", "inside", "outside", "near"}
#: verbs whose "that" clause is no one's words or thoughts ("it means that", "make sure that", "ensure that")
_NOT_CUES = {"be", "have", "do", "make", "mean", "ensure", "seem", "appear", "become", "turn", "help", "get", "let",
             "use", "lose", "grow", "try", "like", "require", "allow", "emerge", "mark", "push", "knock", "break",
             "cut", "choose", "bother", "dawn", "happen", "matter", "follow", "result", "see to", "provide", "stipulate",
             "take", "give", "put", "keep", "go", "come"}
#: verbs whose finite clause (without ``that``) is a result, a need, a wish or a pretence, not a report (stance
#: stays out; ``pretended nothing had happened`` asserts the opposite). ``decided it would …`` stays: PolNeAR
#: counts the stated intention (held-out −1 without it)
_NOT_CLAUSE_CUES = {"cause", "need", "win", "differ", "want", "wish", "pretend", "ensure", "insure"}
_CLAUSE_ONLY = {"find", "know", "write", "maintain", "continue"}
#: verbs of saying whose infinitive is what was said ("vowed to fight", "urged him to resign")
_XCOMP_SPEECH = {"promise", "vow", "pledge", "threaten", "urge", "propose", "claim", "call", "demand", "warn",
                 "offer", "order", "plead", "swear", "appeal", "beg", "advocate", "caution", "recommend"}
_SOURCE_CUT_DEPS = {"relcl", "punct", "cc"}
#: what an opening ``In …,`` names as the source of the clause after it (``In a statement, …``, ``In the poll, …``)
_SOURCE_DOCUMENTS = {"poll", "survey", "report", "statement", "interview", "letter", "study", "memo", "op-ed",
                     "speech", "tweet", "post", "filing", "complaint", "lawsuit", "ruling", "opinion", "editorial",
                     "column", "essay", "book", "memoir", "email", "message", "video", "ad", "advertisement",
                     "testimony", "analysis", "review", "audit", "assessment", "release", "briefing", "remarks"}
#: verbs whose ``if``/``whether`` clause is the question asked (the parser attaches it as an adverbial clause)
_ASK_VERBS = {"ask", "wonder", "question", "inquire", "query"}
_SPEAKER_LINK_DEPS = {"compound", "amod", "det", "appos", "flat", "nmod", "nummod", "npadvmod", "poss_ok"}


@dataclass
class Found:
    """One attribution found in a Doc (character offsets into ``doc.text``)."""

    start: int
    end: int
    kind: str                                  # direct | mixed | indirect
    source: tuple[int, int] | None = None      # the source as written (``Soo Kim, a former CIA analyst``)
    anchor: tuple[int, int] | None = None      # the source token in the clause itself (``who``, ``she``)
    head: int | None = None                    # token index of the source's head word
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    via: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, head token index), nearest first
    group: int = 0                             # pieces of one attribution (a quote resumed after its cue) share it
    sentence: int = 0                          # index of the cue's sentence


@dataclass
class Result:
    found: list[Found]
    unbalanced: list[int]


class _Quotes:
    """Top-level quotations with fast lookups by offset."""

    def __init__(self, quotations: list[Quotation]) -> None:
        self.items = quotations
        self.opens = [q.open for q in quotations]

    def containing(self, offset: int) -> Quotation | None:
        i = bisect.bisect_right(self.opens, offset) - 1
        if i >= 0 and self.items[i].open <= offset <= self.items[i].close:
            return self.items[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Quotation]:
        i = max(bisect.bisect_right(self.opens, start) - 1, 0)
        out = []
        while i < len(self.items) and self.items[i].open < end:
            q = self.items[i]
            if q.close + 1 > start:
                out.append(q)
            i += 1
        return out


def _np_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative clauses and edge punctuation."""
    cut: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i:
            cut.update(t.i for t in child.subtree)
    toks = [t for t in tok.subtree if t.i not in cut]
    # keep a contiguous run around the head
    idx = {t.i for t in toks}
    lo = hi = tok.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = tok.doc
    for i in range(hi - 1, lo - 1, -1):
        if doc[i].text == ":" or "\n" in doc[i].text:
            lo = i + 1  # a dateline (``SEOUL (AFP) :``) or a heading glued to the subject
            break
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > max(tok.i, lo) and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE:
        end -= 1
    return start, end


class Engine:
    """The rule engine. ``Engine()(doc)`` returns the attributions of a parsed Doc."""

    def __init__(self, lexicon: dict[str, str] | None = None, *, classes: tuple[str, ...] | None = QUOTE_CLASSES,
                 sourceless: bool = False, orphans: bool = True, tagger=None, tagged: str = "words",
                 bounds: bool = False, cue_rules: bool = False, prefer: str = "rules",
                 tag_covered: float | None = 0.3) -> None:
        """
        Args:
            lexicon: ``{cue: class}`` (default: the packaged ``data/cues.txt``).
            classes: the cue classes to read (default: words, not wishes: no ``stance``); None reads all.
            sourceless: keep indirect attributions without a source (``it was reported that …``).
            orphans: keep a quotation (of a whole sentence or more) that no cue attributes, with no source.
            tagger: a callable ``doc -> [(label, start, end)]`` (``tagger.Tagger``) whose CONTENT spans add the
                attributions the rules miss (its CUE and SOURCE spans in the same sentence attach them).
            tagged: which of the tagger's attributions to keep: ``words`` (its cue is not a ``stance`` word of the
                lexicon, such as ``wants``, and its content is quoted or holds a verb: not a bare noun phrase such
                as ``hailed his country's ties``), or ``all`` (PolNeAR's beliefs, positions and objects too).
            bounds: let the tagger's CONTENT span set the ends of an indirect content the rules found (measured: no).
            cue_rules: read the parse for the content of the tagger's cues the lexicon lacks (measured: no).
            prefer: where both find reported (indirect) speech, whose content wins: ``rules`` or ``tagger``.
            tag_covered: the tagger skips quotations and every sentence whose characters the rules' contents cover
                at this share or more (0.3, chosen on the 40 held-out train texts: the same F1 as tagging every
                sentence, at under half the tokens); None tags every sentence.
        """
        self.tag_covered = tag_covered
        self.bounds = bounds
        self.cue_rules = cue_rules
        self.prefer = prefer
        self.full_lexicon = dict(packaged_cues() if lexicon is None else lexicon)
        self.tagger = tagger
        self.tagged = tagged
        self.lexicon = dict(packaged_cues() if lexicon is None else lexicon)
        if classes is not None:
            self.lexicon = {k: v for k, v in self.lexicon.items() if v in classes}
        self.sourceless = sourceless
        self.orphans = orphans

    # -- sources -------------------------------------------------------------------------------------------
    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, Token | None]:
        """(head of the source noun phrase, the token standing for it in the clause)."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head, child
                return child, child
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, pobj
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None, None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ != "VBN":
            return verb.head, verb.head  # "a statement saying …" (not "a group called X", "the plan described")
        if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            return self._subject(verb.head.head, depth + 1)  # "X rallied voters by promising to …"
        if depth < 3 and verb.dep_ in _CLIMB_DEPS and verb.head is not verb:
            if verb.dep_ == "ccomp" and verb.tag_ != "VBG":
                return None, None
            return self._subject(verb.head, depth + 1)
        return None, None

    # -- candidates ----------------------------------------------------------------------------------------
    def _verb_lemma(self, tok: Token) -> tuple[str, str] | None:
        if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.lemma_ == "say") or tok.dep_ == "amod":
            return None  # not a verb, or a participle used as an adjective ("pledged delegates")
        lemma = tok.lemma_.lower()
        lemma = _LEMMA_FIX.get((lemma, tok.lower_[:4]), lemma)
        for child in tok.children:
            if child.dep_ in ("prt", "prep"):
                phrase = f"{lemma} {child.lower_}"
                if phrase in self.lexicon:
                    return phrase, self.lexicon[phrase]
        cls = self.lexicon.get(lemma)
        if cls is None and tok.is_alpha and lemma not in _NOT_CUES and any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in tok.children):
            return lemma, "speech"  # a verb with a "that" clause outside the lexicon: "realized that", "bet that"
        if cls is None and tok.is_alpha and lemma not in _NOT_CUES and lemma not in _NOT_CLAUSE_CUES and any(
                c.dep_ == "ccomp" and c.i > tok.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                and not any(m.dep_ == "mark" and m.lower_ in ("if", "whether", "because") for m in c.children)
                for c in tok.children) and any(c.dep_ == "nsubj" for c in tok.children):
            return lemma, "speech"
        if cls is None or cls == "prep":
            return None
        return lemma, cls

    def _content_tokens(self, verb: Token, cls: str, lemma: str = "") -> list[Token]:
        chosen: list[Token] = []
        if " " in lemma:
            word = lemma.split(" ", 1)[1]
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == word), None)
            if prep is not None:
                pobj = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                obj = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
                if pobj or obj:
                    return obj + pobj
        for child in verb.children:
            if child.dep_ in _CONTENT_DEPS:
                chosen.append(child)
            elif child.dep_ == "advcl" and child.i > verb.i and verb.lemma_ in _ASK_VERBS and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children):
                chosen.append(child)  # "asked workers if they planned to …": the parse hangs the question as advcl
        if not chosen:
            for child in verb.children:
                if child.dep_ in _OBJECT_DEPS:
                    if cls == "addressee" and child.dep_ == "dobj":
                        continue
                    if child.dep_ == "dobj" and child.lower_ in ("it", "so", "this", "that", "what", "which") \
                            and verb.lemma_ != "call":
                        continue
                    if child.dep_ in ("dobj", "oprd") and verb.lemma_ in _CLAUSE_ONLY:
                        continue  # "found the money", "wrote a book", "maintained a lead": no report
                    if child.dep_ == "xcomp" and cls == "speech" and verb.lemma_ not in _XCOMP_SPEECH \
                            and not any(g.dep_ in ("nsubj", "csubj", "nsubjpass") for g in child.children):
                        continue  # "agreed to pay", "continued to push": an act, not a report
                    chosen.append(child)
            if any(c.dep_ == "dobj" for c in chosen):
                # "accused him of …", "praised X for …", "described it as …", "urged him to resign": what the
                # parse hangs on the verb after its object still belongs to the content, but not when or where
                last = max(c.i for c in chosen)
                chosen += [c for c in verb.children if c.i > last and (
                    c.dep_ == "prep" and c.lower_ not in _SETTING_PREPS or c.dep_ in ("xcomp", "oprd"))]
        if not chosen and cls in ("speech", "cognition") and any(c.dep_ == "agent" for c in verb.children):
            # "These proposals have been applauded by critics", "accused by the media of beating …": the passive
            # subject (and what the verb's object phrase would hold) is the content, the agent the source
            chosen = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
            if chosen:
                chosen += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "as")]
        return chosen

    def __call__(self, doc: Doc) -> Result:
        text = docdata.text(doc)
        scanned = scan(text)
        quotes = _Quotes(scanned.quotations)
        sents = list(doc.sents)
        sent_starts = [s.start_char for s in sents]
        found: list[Found] = []
        group = 0

        def sent_index(offset: int) -> int:
            return max(bisect.bisect_right(sent_starts, offset) - 1, 0)

        for si, sent in enumerate(sents):
            verb_found: list[Found] = []
            according: list[tuple[Token, Token]] = []
            for tok in sent:
                if quotes.containing(tok.idx) is not None:
                    continue
                if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        according.append((tok, pobj))
                    continue
                if tok.lower_ == "in" and tok.dep_ == "prep":
                    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.lemma_.lower() in _SOURCE_DOCUMENTS \
                            and pobj.right_edge.i + 1 < len(doc) and doc[pobj.right_edge.i + 1].text == "," \
                            and all(t.is_punct or t.is_space for t in doc[sent.start:tok.i]):
                        according.append((tok, pobj))  # "In the most recent survey, 71 percent of …"
                        continue
                # a noun cue (``Clinton's assertion that``) or a predicative adjective (``optimistic that``); an
                # adjective that reads as no cue may still be a verb's complement below
                nominal = tok.pos_ == "NOUN" and self.lexicon.get(NOUN_PREFIX + tok.lemma_.lower()) == "nominal"
                if nominal or tok.dep_ == "acomp":
                    f = (self._from_noun if nominal else self._from_adjective)(doc, quotes, tok, si)
                    if f is not None:
                        verb_found.append(f)
                    if nominal or f is not None:
                        continue
                hit = self._verb_lemma(tok)
                if hit is None:
                    continue
                lemma, cls = hit
                f = self._from_verb(doc, quotes, tok, lemma, cls, si)
                if f is not None:
                    verb_found.append(f)
            for acc, pobj in according:
                src = _np_span(pobj)
                host = self._host(acc, verb_found)
                if host is not None:
                    host.via.append((src[0], src[1], pobj.i))
                    host.via.sort(key=lambda v: abs(doc[v[2]].i - (host.head or acc.i)))
                    continue
                f = self._from_according(doc, quotes, sent, acc, pobj, si)
                if f is not None:
                    verb_found.append(f)
            f = self._from_colon(doc, quotes, sent, si)
            if f is not None and not any(g.cue_span and g.cue_span[0] < f.cue_span[0]  # type: ignore[index]
                                         for g in verb_found):
                # a cue after the colon is inside its content (``Obama: Americans Will Say No``): dropped below
                verb_found.append(f)
            for f in verb_found:  # each attribution of the sentence its own group, in the order found
                group += 1
                f.group = group
            found.extend(verb_found)

        found = self._drop_nested(found)
        found = self._continue_quotes(doc, quotes, found, sent_index)
        if self.tagger is not None:
            spans = self.tagger(doc, skip=self._tag_skip(quotes, found, sents))
            found = self._add_tagged(doc, quotes, found, spans,
                                      sents, sent_index, group)
        if not self.sourceless:
            # reported speech needs a source, but a passive cue without an agent (``it was reported that …``)
            # names none by construction: kept, with the source null
            found = [f for f in found if f.source is not None or f.kind != "indirect" or _passive(doc, f)]
        dropped = [_unbalanced_region(text, off) for off in scanned.unbalanced]
        found = [f for f in found if not any(a < f.end and f.start < b for a, b in dropped)]
        found.sort(key=lambda f: (f.start, f.end))
        return Result(found=found, unbalanced=scanned.unbalanced)

    def _tag_skip(self, quotes: _Quotes, found: list[Found], sents: list[Span]) -> list[tuple[int, int]] | None:
        """What the tagger need not read (``tag_covered``): the quotations, and each sentence whose characters the
        rules' contents already cover at the ``tag_covered`` share or more (the tagger only adds content that no
        rule found, and such a sentence rarely holds a second attribution)."""
        if self.tag_covered is None:
            return None
        skip = [(q.open, q.close + 1) for q in quotes.items]
        spans = sorted((f.start, f.end) for f in found)
        for sent in sents:
            lo, hi = sent.start_char, sent.end_char
            covered, reach = 0, lo
            for a, b in spans:  # the union of the contents inside the sentence
                a, b = max(a, reach), min(b, hi)
                if b > a:
                    covered += b - a
                    reach = b
            if hi > lo and covered >= self.tag_covered * (hi - lo):
                skip.append((lo, hi))
        return skip

    def _add_tagged(self, doc: Doc, quotes: _Quotes, found: list[Found], spans, sents, sent_index,
                    group: int) -> list[Found]:
        """Attributions of the tagger whose content no rule found: the nearest CUE of the content's sentence
        outside it, and the SOURCE of that sentence nearest the cue."""
        text = docdata.text(doc)
        later: list[Found] = []
        if self.prefer == "tagger":  # quotations from the rules, then the tagger, then the rules' reported speech
            later = [f for f in found if f.kind == "indirect"]
            found = [f for f in found if f.kind != "indirect"]
        contents = [(s, e) for lab, s, e in spans if lab == "CONTENT"]
        cues = [(s, e) for lab, s, e in spans if lab == "CUE"]
        sources = [(s, e) for lab, s, e in spans if lab == "SOURCE"]
        if self.bounds:
            for f in found:
                if f.kind != "indirect":
                    continue
                best = max(contents, key=lambda c: _overlap(f.start, f.end, *c), default=None)
                if best is not None and _overlap(f.start, f.end, *best) >= 0.3 and not quotes.overlapping(*best) \
                        and not (f.cue_span and best[0] <= f.cue_span[0] < best[1]) \
                        and not (f.source and best[0] < f.source[1] and f.source[0] < best[1]):
                    f.start, f.end = best
        taken = [(f.start, f.end) for f in found]
        added: list[Found] = []
        if self.cue_rules:
            # a verb the tagger calls a cue but the lexicon lacks: the parse gives its content and source
            known = [f.cue_span for f in found if f.cue_span]
            for lab, s, e in spans:
                if lab != "CUE" or any(a < e and s < b for a, b in known):
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                verb = span.root if span is not None else None
                if verb is None or verb.pos_ != "VERB" or quotes.containing(verb.idx) is not None:
                    continue
                f = self._from_verb(doc, quotes, verb, verb.lemma_.lower(), "speech", sent_index(verb.idx))
                if f is None or f.source is None or any(a < f.end and f.start < b for a, b in taken):
                    continue
                if self.tagged == "words" and self.full_lexicon.get(verb.lemma_.lower()) == "stance":
                    continue
                group += 1
                f.group = group
                f.cue = docdata.text(doc)[s:e]
                f.cue_span = (s, e)
                added.append(f)
                taken.append((f.start, f.end))
        by_cue: dict[tuple[int, int], Found] = {}
        for s, e in contents:
            if any(a < e and s < b for a, b in taken):
                continue
            first, last = sent_index(s), sent_index(max(e - 1, s))
            lo, hi = sents[first].start_char, sents[last].end_char
            near = [c for c in cues if lo <= c[0] < hi and not (s <= c[0] < e)]
            if not near:
                continue
            cue = min(near, key=lambda c: max(c[0] - e, s - c[1], 0))
            if self.tagged == "words":
                cue_span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
                lemmas = [t.lemma_.lower() for t in cue_span] if cue_span is not None else []
                if any(self.full_lexicon.get(w) == "stance" for w in lemmas):
                    continue
            if cue in by_cue:  # a second piece of the same attribution (``A, he said, B``)
                f = by_cue[cue]
                piece = replace(f, start=s, end=e, kind="indirect", via=[])
                added.append(self._snap(text, quotes, piece))
                continue
            if any(g.start <= cue[0] < g.end for g in found + later):
                continue  # its cue lies inside another attribution's content (univocal, as ``_drop_nested``)
            key, cue = cue, self._cue_word(doc, cue)
            s, e = _trim(text, self._drop_mark(doc, s, e), e)
            if e <= s:
                continue
            if self.tagged == "words" and not quotes.overlapping(s, e):
                inner = doc.char_span(s, e, alignment_mode="expand")
                if inner is None or not any(t.pos_ in ("VERB", "AUX") for t in inner):
                    continue  # a bare noun phrase ("Putin", "his country's ties with Russia"): not words said
            ci = sent_index(cue[0])
            slo, shi = sents[ci].start_char, sents[ci].end_char
            cands = [r for r in sources if slo <= r[0] < shi and not (s <= r[0] < e)]
            group += 1
            f = Found(start=s, end=e, kind="indirect", cue=text[cue[0]:cue[1]], cue_span=cue, sentence=ci,
                      group=group)
            if cands:
                src = min(cands, key=lambda r: max(r[0] - cue[1], cue[0] - r[1], 0))
                span = doc.char_span(src[0], src[1], alignment_mode="expand")
                f.source = f.anchor = src
                f.head = span.root.i if span is not None else None
            by_cue[key] = f
            added.append(self._snap(text, quotes, f))
        if later:
            mine = [(f.start, f.end) for f in added if f.source is not None or f.kind != "indirect"]
            added += [f for f in later if not any(a < f.end and f.start < b for a, b in mine)]
        return found + added

    def _cue_word(self, doc: Doc, cue: tuple[int, int]) -> tuple[int, int]:
        """The reporting word of a tagged cue: a lexicon word in it (with its particle), else the cue without its
        leading auxiliaries and adverbs (``have claimed`` → ``claimed``, ``made it clear`` stays)."""
        span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        if span is None:
            return cue
        for tok in span:
            hit = self._verb_lemma(tok) if tok.pos_ in ("VERB", "AUX") else None
            if hit is not None:
                end = tok
                if " " in hit[0]:
                    end = max((c for c in tok.children if c.dep_ in ("prt", "prep") and c.i < span.end),
                              key=lambda c: c.i, default=tok)
                return tok.idx, end.idx + len(end)
        toks = list(span)
        while len(toks) > 1 and toks[0].dep_ in ("aux", "auxpass", "advmod", "neg"):
            toks.pop(0)
        return toks[0].idx, cue[1]

    @staticmethod
    def _drop_mark(doc: Doc, start: int, end: int) -> int:
        """A tagged content without its complementizer (``that`` …), as the rules give it."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 2 and span[0].dep_ == "mark" and span[0].lower_ in ("that", "whether"):
            return span[1].idx
        return start

    def _host(self, acc: Token, verb_found: list[Found]) -> Found | None:
        """The verb attribution an ``according to`` phrase qualifies (its head verb, else the sentence's)."""
        if not verb_found:
            return None
        for f in verb_found:
            if f.cue_span and acc.head.idx == f.cue_span[0]:
                return f
        return verb_found[-1] if any(f.source for f in verb_found) else None

    def _from_verb(self, doc: Doc, quotes: _Quotes, verb: Token, lemma: str, cls: str, si: int) -> Found | None:
        content = self._content_tokens(verb, cls, lemma)
        f = self._verb_reading(doc, quotes, verb, lemma, si, content)
        if f is None and content and min(t.left_edge.i for t in content) < verb.i < max(c.i for c in content):
            # complements on both sides (``…; Iran insists it does not know``, a quotation then ``X said Y``,
            # ``which I said was not …``): the parse swept the words before the source in; what follows the cue
            # is the content
            f = self._verb_reading(doc, quotes, verb, lemma, si, [c for c in content if c.i > verb.i], after=True)
        return f

    def _verb_reading(self, doc: Doc, quotes: _Quotes, verb: Token, lemma: str, si: int,
                      content: list[Token], after: bool = False) -> Found | None:
        text = docdata.text(doc)
        span: tuple[int, int] | None = None
        around = False
        toks: list[Token] = [t for c in content for t in c.subtree if not after or t.i > verb.i]
        cut = min((k for c in content for k in [_cue_conjunct(verb, c)] if k is not None), default=None)
        if cut is not None:
            toks = [t for t in toks if t.i < cut]
        if not toks and verb.dep_ == "advcl" and verb.head.i > verb.i and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            # "As Menendez pointed out, rulings have …": the clause the "as" clause opens (measured: not when the
            # "as" clause closes the sentence)
            own = {t.i for t in verb.subtree}
            toks = [t for t in verb.head.subtree if t.i not in own and t.i > verb.i]
        if not toks and verb.dep_ == "parataxis":
            # "…, Kim added": the clause the cue interrupts or closes is the content
            own = {t.i for t in verb.subtree}
            # "…, the airline added, and had passed …": a conjunct of the cue without a subject goes on the clause
            own -= {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree}
            rest = [t for t in verb.head.subtree if t.i not in own and t.i != verb.i]
            left = [t for t in rest if t.i < verb.i and not t.is_punct]
            right = [t for t in rest if t.i > verb.i and not t.is_punct]
            if len(left) >= 2 and len(right) >= 2:
                toks = rest  # "In the long run, many economists say, this effect could …": the clause around it
                around = True
            else:
                toks = [t for t in rest if t.i < verb.i] if len(left) >= 2 else [t for t in rest if t.i > verb.i]
        if toks:
            first = min(toks, key=lambda t: t.i)
            last = max(toks, key=lambda t: t.i)
            if first.dep_ == "mark" and first.lower_ in ("that", "whether", "if") and first.i < last.i:
                first = doc[first.i + 1]
            span = _paragraph(text, quotes, _trim(text, first.idx, last.idx + len(last)), verb.idx)
            if span[1] <= span[0]:
                span = None
        if span is None:
            q = self._quotation_for(doc, quotes, verb)
            if q is None:
                return None
            if len(text[q.start:q.end].split()) < 5 and text[q.start:q.end].rstrip()[-1:] not in ",.?!" \
                    and not text[:q.open].rstrip().endswith(":"):
                # a quoted fragment the sentence only mentions (``was said to be “furious” with``): not the words
                # the cue reports, unless framed as a quotation (``“No,” he said``, ``she said: “Never”``)
                return None
            span = (q.open, q.close + 1)
        head, anchor = self._subject(verb)
        if head is not None and head.idx >= span[0] and quotes.containing(head.idx) is not None:
            head = anchor = None
        f = Found(start=span[0], end=span[1], kind="indirect", cue=self._cue_text(verb, lemma),
                  cue_span=(verb.idx, verb.idx + len(verb)), sentence=si)
        if head is not None and not _with_source(f, head, anchor) and not around:
            return None  # the parse put the source inside the content: not a usable reading
        return self._snap(text, quotes, f)

    def _from_adjective(self, doc: Doc, quotes: _Quotes, adj: Token, si: int) -> Found | None:
        """``his supporters are optimistic that …``, ``officials are confident that …``: a predicative adjective with a
        ``that`` clause states its subject's belief (not ``it is clear that``: no one's)."""
        # (not ``voters are worried about the economy``: PolNeAR counts the attitude's topic too, +0.1 on train, but
        # a noun phrase is no proposition, and the claims stage would assert "the economy")
        clause = next((c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None or adj.head.pos_ not in ("AUX", "VERB"):
            return None
        head, anchor = self._subject(adj.head)
        if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON") or head.dep_ == "expl" \
                or head.lower_ in ("it", "this", "that", "what", "which"):
            return None
        f = self._verb_reading(doc, quotes, adj, adj.lemma_.lower(), si, [clause])
        if f is None:
            return None
        return f if _with_source(f, head, anchor) else None

    def _from_noun(self, doc: Doc, quotes: _Quotes, noun: Token, si: int) -> Found | None:
        """``his claim that …``, ``the assertion by X that …``: a nominal cue with a ``that`` clause and a source
        (its possessor, else the object of ``by``/``from``/``of``)."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)), None)
        if clause is None:
            return None
        src = next((c for c in noun.children if c.dep_ == "poss"), None)
        if src is None:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of") and prep.i < clause.i:
                    src = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if src is not None:
                        break
        if src is None or src.pos_ not in ("PROPN", "NOUN", "PRON") or src.lower_ in ("its", "it"):
            return None
        text = docdata.text(doc)
        toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")]
        start, end = _paragraph(text, quotes, _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1])), noun.idx)
        if end <= start:
            return None
        if src.dep_ == "poss":  # "Clinton’s assertion": the name without its "’s"
            words = [t for t in src.subtree if not (t.dep_ == "case" and t.head.i == src.i)]
            source = (words[0].idx, words[-1].idx + len(words[-1]))
        else:
            source = _np_span(src)
        f = Found(start=start, end=end, kind="indirect", source=source, anchor=source, head=src.i, cue=noun.text,
                  cue_span=(noun.idx, noun.idx + len(noun)), sentence=si)
        return self._snap(text, quotes, f)

    @staticmethod
    def _cue_text(verb: Token, lemma: str) -> str:
        if " " in lemma:
            prt = next((c for c in verb.children if c.dep_ == "prt"), None)
            if prt is not None:
                return f"{verb.text} {prt.text}"
        return verb.text

    def _quotation_for(self, doc: Doc, quotes: _Quotes, verb: Token) -> Quotation | None:
        """The quotation a cue without a complement introduces: ``X said: “…”`` or ``“…,” X said``."""
        sent = verb.sent
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and nxt.text == ":":
            after = [q for q in quotes.overlapping(nxt.idx, len(docdata.text(doc))) if q.open > nxt.idx]
            if after and not docdata.text(doc)[nxt.idx + 1:after[0].open].strip():
                return after[0]
        cands = [q for q in quotes.overlapping(sent.start_char, sent.end_char)
                 if not (q.open <= verb.idx <= q.close)]
        if not cands:
            return None
        return min(cands, key=lambda q: min(abs(q.open - verb.idx), abs(q.close - verb.idx)))

    def _snap(self, text: str, quotes: _Quotes, f: Found) -> Found:
        inside = quotes.overlapping(f.start, f.end)
        if not inside:
            f.kind = "indirect"
            return f
        for q in inside:
            lo, hi = q.open, q.close + 1
            rest = text[f.start:max(f.start, lo)] + text[min(f.end, hi):f.end] if f.start < lo or f.end > hi else ""
            if not rest.strip(_PUNCT_EDGE + "\"“”«»'"):
                f.start, f.end = _trim_quote(text, q)
                f.kind = "direct"
                return f
        lo = min(f.start, min(q.open for q in inside))
        hi = max(f.end, max(q.close + 1 for q in inside))
        for q in inside:
            # a clause-final mark (``,”`` ``.”``) ends the reported clause: what trails it is the reporter's
            if q.close > lo and text[q.end - 1] in ",." and q.close + 1 < hi:
                hi = q.close + 1
                break
        f.start, f.end = lo, hi
        f.kind = "mixed"
        return f

    def _from_according(self, doc: Doc, quotes: _Quotes, sent: Span, acc: Token, pobj: Token,
                        si: int) -> Found | None:
        pp = {acc.i, acc.i + 1} | {t.i for t in pobj.subtree}
        toks = [t for t in sent if t.i not in pp and not t.is_punct and not t.is_space]
        if not toks:
            return None
        # the content is the stretch of the sentence on the side of the phrase that holds the clause
        before = [t for t in toks if t.i < acc.i]
        after = [t for t in toks if t.i > max(pp)]
        side = before if len(before) >= len(after) else after
        if len(side) < 3:
            return None
        start, end = _paragraph(docdata.text(doc), quotes,
                                _trim(docdata.text(doc), side[0].idx, side[-1].idx + len(side[-1])), acc.idx)
        src = _np_span(pobj)
        if acc.lower_ == "in":
            cue, cue_span = acc.text, (acc.idx, acc.idx + len(acc))
        else:
            cue = docdata.text(doc)[acc.idx:doc[acc.i + 1].idx + len(doc[acc.i + 1])]
            cue_span = (acc.idx, doc[acc.i + 1].idx + 2)
        f = Found(start=start, end=end, kind="indirect", source=src, anchor=src, head=pobj.i, cue=cue,
                  cue_span=cue_span, sentence=si)
        return self._snap(docdata.text(doc), quotes, f)

    def _from_colon(self, doc: Doc, quotes: _Quotes, sent: Span, si: int) -> Found | None:
        """``Pat Caddell: …`` / ``Kim: “…”``: a name (no verb) then a colon opening the sentence; the content ends
        with the paragraph (a headline ``Obama: I’m Optimistic`` that the parser joins to the next one)."""
        end = _line_end(sent)
        toks = [t for t in sent if not t.is_space and t.idx < end]
        colon = next((t for t in toks[:7] if t.text == ":"), None)
        if colon is None or colon.i == toks[0].i:
            return None
        head_toks = [t for t in toks if t.i < colon.i]
        if any(t.pos_ in ("VERB", "AUX") or t.text in ("(", ")", "[", "]") for t in head_toks):
            return None  # "X said: …" is the verb's; "SEOUL (AFP):" is a dateline
        dateline = doc._.dateline if doc.has_extension("dateline") else None
        if dateline is not None and dateline.start <= colon.idx < dateline.end:
            return None
        if not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in head_toks) and not (
                len(head_toks) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in head_toks)
                and not any(t.lower_ in _NOT_SOURCES for t in head_toks)):
            return None  # a name ("Gingrich:"), not a label ("Update:", "Photo:")
        rest = [t for t in toks if t.i > colon.i]
        if len(rest) < 3:
            return None
        start, end = _trim(docdata.text(doc), rest[0].idx, rest[-1].idx + len(rest[-1]))
        root = max(head_toks, key=lambda t: (t.ent_type_ in ("PERSON", "ORG", "NORP"), -abs(colon.i - t.i)))
        src = _trim(docdata.text(doc), head_toks[0].idx, head_toks[-1].idx + len(head_toks[-1]))
        f = Found(start=start, end=end, kind="indirect", source=src, anchor=src, head=root.i, cue=":",
                  cue_span=(colon.idx, colon.idx + 1), sentence=si)
        return self._snap(docdata.text(doc), quotes, f)

    @staticmethod
    def _drop_nested(found: list[Found]) -> list[Found]:
        keep: list[Found] = []
        for f in found:
            if f.cue_span is None:
                keep.append(f)
                continue
            c = f.cue_span[0]
            if any(g is not f and g.start <= c < g.end and not (f.start <= g.cue_span[0] < f.end)  # type: ignore
                   for g in found if g.cue_span):
                continue
            keep.append(f)
        # one content, one attribution: of two readings of the same stretch keep the one with a source
        keep.sort(key=lambda f: (f.start, -(f.end - f.start)))
        out: list[Found] = []
        for f in keep:
            clash = next((g for g in out if _overlap(g.start, g.end, f.start, f.end) >= 0.5), None)
            if clash is None:
                out.append(f)
            elif clash.source is None and f.source is not None:
                out[out.index(clash)] = f
        return out

    def _continue_quotes(self, doc: Doc, quotes: _Quotes, found: list[Found], sent_index) -> list[Found]:
        """Quotations without a cue of their own that resume the attribution before them (``“A,” said X. “B.”``)."""
        text = docdata.text(doc)
        sents = list(doc.sents)
        covered = [(f.start, f.end) for f in found]
        found_sorted = sorted(found, key=lambda f: f.end)
        extra: list[Found] = []
        for q in quotes.items:
            if any(s < q.close + 1 and q.open < e for s, e in covered):
                continue
            qs = sent_index(q.open)
            prev = None
            for f in found_sorted + extra:
                if f.end <= q.open + 1 and f.kind in ("direct", "mixed") and (prev is None or f.end >= prev.end):
                    prev = f
            ok = False
            # an attribution between them in the cue's own sentence (``“A,” said X, who recalled …. “B.”``,
            # ``…, an official said, speaking on condition of anonymity to discuss …``) does not interrupt it
            if prev is not None and not any(g.start >= prev.end and g.end <= q.open and g.sentence != prev.sentence
                                            for g in found):
                # no sentence of its own between them, other than the one holding the cue
                cue_sent = prev.sentence
                ok = all(not sents[k].text.strip(_PUNCT_EDGE + _MARKS) or k == cue_sent
                         for k in range(sent_index(max(prev.end - 1, 0)), qs) if sents[k].end_char > prev.end)
            if ok and prev is not None:
                start, end = _trim_quote(text, q)
                # a quotation resumed (``“A,” said X. “B.”``, ``X “called it A,” he said, “and B.”``) is one
                # attribution; after reported speech it is a new one
                extra.append(replace(prev, start=start, end=end, kind="direct", via=list(prev.via),
                                     group=prev.group if prev.kind in ("direct", "mixed") else -q.open - 1))
                continue
            words = len(text[q.start:q.end].split())
            beside = self._verb_beside(doc, q) if words >= 4 else None
            if beside is not None:
                verb, head, anchor = beside
                start, end = _trim_quote(text, q)
                extra.append(Found(start=start, end=end, kind="direct", source=_np_span(head),
                                   anchor=(anchor.idx, anchor.idx + len(anchor)), head=head.i, cue=verb.text,
                                   cue_span=(verb.idx, verb.idx + len(verb)), sentence=qs, group=-q.open - 1))
            elif self.orphans and words >= 8:
                start, end = _trim_quote(text, q)
                extra.append(Found(start=start, end=end, kind="direct", sentence=qs, group=-q.open - 1))
        return found + extra


    def _verb_beside(self, doc: Doc, q: Quotation) -> tuple[Token, Token, Token] | None:
        """A verb outside the lexicon that frames a quotation: ``“…,” Beck quipped`` / ``Beck quipped: “…”``.

        The verb must stand right after the closing mark (within four words) or right before a colon that opens
        it, and have a noun or pronoun subject."""
        text = docdata.text(doc)
        after = doc.char_span(q.close + 1, min(len(text), q.close + 60), alignment_mode="expand")
        cands: list[Token] = []
        if after is not None:
            cands += [t for t in list(after)[:5] if t.pos_ == "VERB" and t.sent.start_char <= q.close]
        before = doc.char_span(max(0, q.open - 40), q.open, alignment_mode="expand")
        if before is not None and len(before) >= 2 and before[-1].text == ":":
            cands += [t for t in before[-3:-1] if t.pos_ == "VERB"]
        for verb in cands:
            head, anchor = self._subject(verb)
            if head is not None and anchor is not None and head.pos_ in ("PROPN", "PRON", "NOUN") \
                    and not (q.open <= head.idx <= q.close):
                return verb, head, anchor
        return None


def _unbalanced_region(text: str, offset: int) -> tuple[int, int]:
    """What an unbalanced mark would have quoted: to the paragraph's end from an opening mark, from its start
    to a closing one."""
    para_start = text.rfind("\n", 0, offset) + 1
    para_end = text.find("\n", offset)
    para_end = len(text) if para_end < 0 else para_end
    if text[offset] in "”»":
        return para_start, offset + 1
    return offset, para_end


_NOT_SOURCES = {"update", "updated", "note", "photo", "photos", "video", "watch", "read", "related", "source",
                "sources", "correction", "editor", "credit", "caption", "image", "click", "see", "listen", "subscribe",
                "follow", "warning", "breaking", "exclusive", "live", "advertisement", "q", "a"}


def _with_source(f: Found, head: Token, anchor: Token | None) -> bool:
    """Give ``f`` the source phrase headed by ``head``; False when that phrase overlaps the content (the parse put
    the source inside it)."""
    f.source = _np_span(head)
    f.anchor = (anchor.idx, anchor.idx + len(anchor)) if anchor is not None else f.source
    f.head = head.i
    return not (f.source[0] < f.end and f.start < f.source[1])


def _passive(doc: Doc, f: Found) -> bool:
    """Whether an attribution's cue is a passive verb with a clause (``it was reported that …``, ``it is believed
    that …``). Not ``X is expected to …``: PolNeAR counts it too (+0.1–0.2 F1 more on every split), but an
    infinitive after a passive is nobody's words (and it would add a speakerless quote to the seed article)."""
    if f.cue_span is None:
        return False
    span = doc.char_span(f.cue_span[0], f.cue_span[1], alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "ccomp" for c in verb.children)


def _finite(verb: Token) -> str:
    """The tag of the word that carries a verb's tense (its first auxiliary, else itself)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return aux[0].tag_ if aux else verb.tag_


def _cue_conjunct(cue: Token, clause: Token) -> int | None:
    """Where a reported clause ends when the parse hung the cue's own next predicate on it: ``said he would offer a
    prayer but did not suggest …``, ``insists the GOP must be … and has championed …`` (a conjunct without a subject
    in the cue's tense, not the clause's). The index of the first token to cut, or None."""
    if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    tense, own = _finite(cue), _finite(clause)
    if tense == own or tense not in ("VBD", "VBZ", "VBP"):
        return None
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < clause.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in conj.children) or _finite(conj) != tense:
            continue
        start = conj.left_edge.i
        while start > clause.i and (conj.doc[start - 1].dep_ == "cc" or conj.doc[start - 1].is_punct):
            start -= 1
        return start
    return None


def _line_end(sent: Span) -> int:
    """Where the first paragraph of a sentence ends (the parser can run a sentence over a paragraph break)."""
    for t in sent:
        if t.is_space and "\n" in t.text:
            return t.idx
    return sent.end_char


def _paragraph(text: str, quotes: _Quotes, span: tuple[int, int], cue: int) -> tuple[int, int]:
    """A content read off the parse, kept to the cue's paragraph: the parser joins a headline or a line without
    final punctuation to the next paragraph (a quotation may still run over several)."""
    start, end = span
    if "\n" not in text[start:end]:
        return span
    lo = text.rfind("\n", 0, cue) + 1
    hi = text.find("\n", cue)
    hi = len(text) if hi < 0 else hi
    if start < lo and quotes.containing(lo - 1) is None and lo < end:
        start = lo
    if end > hi and quotes.containing(hi) is None and hi > start:
        end = hi
    return _trim(text, start, end)


def _trim_quote(text: str, q: Quotation) -> tuple[int, int]:
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = min(a1, b1) - max(a0, b0)
    if inter <= 0:
        return 0.0
    return inter / max(a1 - a0, b1 - b0)

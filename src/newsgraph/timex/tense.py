"""Tense of the verb that governs a span, from spaCy's tags and dependency parse (Penn tags: VBD, MD, …)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .normalize import Tense

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "could", "may", "might", "should", "must", "can", "ca"}
#: verbs whose complement (or own time adjunct) lies ahead: "planned for Saturday", "scheduled a meeting Thursday"
_PLAN = {"plan", "schedule", "expect", "slate", "intend", "aim", "hope", "want", "seek", "prepare", "promise",
         "threaten", "vow", "pledge", "postpone", "delay", "defer", "reschedule", "due", "announce"}
#: verbs whose to-infinitive complement lies ahead of the decision: "has decided to admit them in early March"
_AHEAD_COMPLEMENT = {"decide", "agree", "ask", "urge", "order", "invite", "propose", "offer", "arrange", "elect",
                     "choose", "commit", "approve", "authorize", "vote", "need", "require"}
#: words just before the expression that point ahead or back whatever the verb
#: "until Thursday" looks ahead, except fronted in a past sentence ("Until Thursday, they had not called him")
_UNTIL = re.compile(r"(?:^|[.!?'`\"]\s*|\n\s*)(?:until|till)\s+$", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:until|till|as\s+(?:early|soon)\s+as|no\s+later\s+than|starting|beginning|effective)\s+$",
                    re.IGNORECASE)


def _pluperfect(token: Token) -> bool:
    """``had been scheduled``, ``had been due``: a plan already past (the verb, or the copula of an adjective)."""
    for node in (token, token.head) if token.pos_ == "ADJ" else (token,):
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in node.children):
            return True
    return False


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """Tense of one verb with its auxiliaries: ``past``, ``present``, ``future`` or None (participle, unknown)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or (verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX):
        # a modal perfect looks back: "may have been responsible", "would have won"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux) and not words & {"will", "shall", "'ll"}:
            return "past"
        return "future"
    if any(a.lower_ == "going" for a in aux) or (verb.lower_ == "going" and any(c.tag_ == "VB" for c in verb.children)):
        return "future"
    if "to" in words and verb.tag_ == "VB":
        # "to visit": the tense of the verb it depends on, ahead of it for verbs of planning
        head = verb.head
        if head is verb or depth > 2:
            return "future"
        if head.lemma_ in _PLAN or head.lemma_ in _AHEAD_COMPLEMENT or head.lemma_ == "set":
            return "past" if _pluperfect(head) else "future"
        if head.lemma_ == "be" and verb.dep_ == "xcomp" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is to resume trading Tuesday": an arrangement
        return verb_tense(head, depth + 1) or "future"
    # "set for Saturday" is a plan, "set Friday as the deadline" or "a record set on Aug. 6" is not
    planned = verb.lemma_ in _PLAN or (verb.lemma_ == "set" and any(c.lower_ == "for" for c in verb.children))
    if planned and verb.lemma_ != "announce" and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return "past" if _pluperfect(verb) else "future"
    if verb.tag_ == "VBN" and not aux:
        return "past"  # a participle on its own: "the decision, announced Wednesday"
    if any(a.lemma_ == "have" for a in aux) and verb.tag_ in ("VBN", "VBG"):
        return "past"  # perfect: "has been searching since Oct. 23"
    if any(a.tag_ == "VBD" for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        if verb.tag_ == "VBG":  # "is meeting on Friday": an arrangement ahead
            return "future"
        return "present"
    return None


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD"


class TenseFinder:
    """Map character spans of one Doc to the tense of their governing verb."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text re-joins every token on each access

    def __call__(self, start: int, end: int) -> Tense:
        before = self.text[max(0, start - 25):start]
        if _AHEAD.search(before):
            if _UNTIL.search(before) and self.verb_tense(start, end) == "past":
                return "past"
            return "future"
        return self.verb_tense(start, end)

    def verb_tense(self, start: int, end: int) -> Tense:
        """The tense of the verb governing the span, from the parse alone."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span.root
        # Up the dependency chain: the first verb with a tense decides.
        node, steps = token.head, 0
        while steps < 8:
            if _is_verb(node) and node not in span:
                tense = verb_tense(node)
                if tense is not None:
                    return tense
            if node.head is node:
                break
            node, steps = node.head, steps + 1
        # Else the nearest verb with a tense in the sentence.
        best: tuple[int, Tense] | None = None
        for tok in token.sent:
            if tok in span or not _is_verb(tok):
                continue
            tense = verb_tense(tok)
            if tense is None:
                continue
            distance = abs(tok.i - token.i)
            if best is None or distance < best[0]:
                best = (distance, tense)
        return best[1] if best else None

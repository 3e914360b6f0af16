"""Sentence modality of an event trigger: status (occurred … negated) and who the text attributes it to.

Walks from the trigger up the dependency tree. Its own clause gives negation, modals (``could``, ``will``),
hedges (``likely``), aspect (``is shipping``) and conditionals (``if``); governing verbs and nouns give
attribution (``X said``, ``X claimed``, ``the allegations that``, ``X denied``) and control (``expected to``,
``plans to``); ``according to X`` anywhere on the path attributes too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

REPORT_VERBS = {"say", "report", "tell", "announce", "state", "confirm", "add", "write", "note", "show", "reveal",
                "indicate", "disclose", "quote", "cite", "publish", "broadcast", "explain", "acknowledge",
                "admit", "testify", "declare", "assert", "stress", "insist", "believe", "think", "find",
                "conclude", "estimate", "suggest", "argue", "learn", "hear", "see", "observe", "describe"}
ALLEGE_VERBS = {"claim", "allege", "accuse", "charge", "suspect", "blame", "contend", "purport"}
DENY_VERBS = {"deny", "dismiss", "refute", "rebut", "disavow", "reject", "dispute"}
PREDICT_VERBS = {"expect", "predict", "forecast", "warn", "fear", "anticipate", "project", "likely", "foresee",
                 "speculate", "worry"}
PLAN_VERBS = {"plan", "intend", "schedule", "prepare", "aim", "seek", "want", "hope", "vow", "promise", "pledge",
              "decide", "set", "mean", "threaten", "propose", "offer", "agree", "try", "attempt", "wish", "plot"}
NEGATING_VERBS = {"fail", "refuse", "decline", "avoid", "stop", "cease", "halt", "abandon", "cancel", "postpone",
                  "forgo", "deny"}
REPORT_NOUNS = {"report": "reported", "statement": "reported", "announcement": "reported", "news": "reported",
                "allegation": "alleged", "claim": "alleged", "accusation": "alleged", "charge": "alleged",
                "rumor": "alleged", "rumour": "alleged", "speculation": "predicted", "suspicion": "alleged",
                "fear": "predicted", "expectation": "predicted", "prospect": "predicted", "warning": "predicted",
                "plan": "planned", "denial": "denied", "threat": "predicted", "possibility": "hypothetical",
                "risk": "predicted",
                # nouns of intent (``its readiness to impose``) and of refusal
                "readiness": "planned", "willingness": "planned", "offer": "planned", "pledge": "planned",
                "promise": "planned", "vow": "planned", "oath": "planned", "commitment": "planned",
                "intention": "planned", "decision": "planned", "refusal": "negated"}
PREDICT_MODALS = {"could", "might", "may", "would", "should", "can", "must", "ought"}
PLAN_MODALS = {"will", "shall", "'ll", "wo"}
HEDGES = {"likely", "possibly", "probably", "perhaps", "reportedly", "allegedly", "potentially", "maybe",
          "supposedly", "apparently", "imminently", "soon"}
_HEDGE_STATUS = {"reportedly": "reported", "allegedly": "alleged", "supposedly": "alleged",
                 "apparently": "reported", "imminently": "planned", "soon": "planned"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
#: adjectives that control an infinitive and the status they give it (``is due to visit``: planned; ``were unable
#: to reach``: negated)
ADJ_CONTROL = {"likely": "predicted", "possible": "predicted", "expected": "predicted", "certain": "predicted",
               "unlikely": "negated", "unable": "negated", "due": "planned", "poised": "planned",
               "ready": "planned", "willing": "planned", "prepared": "planned", "eager": "planned",
               "keen": "planned", "determined": "planned", "set": "planned"}
#: strength order: a stronger status found anywhere wins over a weaker one
_ORDER = ["negated", "denied", "hypothetical", "predicted", "planned", "alleged", "reported", "ongoing",
          "occurred"]


@dataclass
class Modality:
    status: str = "occurred"
    sources: list[Token] = field(default_factory=list)  # heads of the attributing phrases (subjects, ``X`` of
    # ``according to X``)

    def update(self, status: str) -> None:
        if _ORDER.index(status) < _ORDER.index(self.status):
            self.status = status


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through conjunction and control (``X agreed to meet``)."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child
            if child.dep_ == "nsubjpass":
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                if agent is None:
                    return child
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        # ``France is ready to contribute``: the complement of a predicate adjective takes the copula's subject
        if verb.dep_ == "acomp" and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "xcomp":
                obj = next((c for c in head.children if c.dep_ in {"dobj"}), None)
                if obj is not None and head.lemma_.lower() in {"ask", "urge", "call", "force", "press", "persuade",
                                                               "order", "invite", "tell", "allow", "encourage",
                                                               "pressure", "push", "request", "require"}:
                    return obj
            verb = head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        # a gerund after a preposition of its verb shares the verb's subject (``resorted to throwing stones``,
        # ``responded by shelling``)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
            head = verb.head.head
            if head.pos_ == "ADJ" and head.dep_ == "acomp":  # ``are guilty of violating``
                head = head.head
            if head.pos_ in {"VERB", "AUX"}:
                verb = head
                continue
        return None
    return None


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds the trigger (the trigger itself when it is a verb)."""
    t = token
    for _ in range(8):
        if t.pos_ in {"VERB", "AUX"} or t.dep_ == "ROOT" or t.head.i == t.i:
            return t
        t = t.head
    return t


def _own_clause(token: Token, mod: Modality) -> None:
    """Negation, modals, hedges, aspect and conditionals of the trigger's own clause."""
    clause = [token] if token.pos_ in {"VERB", "AUX"} else [token, _clause_head(token)]
    for head in clause:
        for child in head.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low in {"no"}) or low in {"never"}:
                mod.update("negated")
            elif child.dep_ == "aux" and low in PLAN_MODALS:
                mod.update("planned")
            elif child.dep_ == "aux" and low in PREDICT_MODALS:
                mod.update("predicted")
            elif child.dep_ in {"advmod", "amod"} and low in HEDGES:
                mod.update(_HEDGE_STATUS.get(low, "predicted"))
            elif child.dep_ == "amod" and low in {"planned", "upcoming", "scheduled", "proposed", "expected",
                                                  "possible", "potential", "future", "prospective"}:
                mod.update("planned" if low in {"planned", "upcoming", "scheduled", "proposed"} else "predicted")
            elif child.dep_ == "mark" and low in CONDITIONAL_MARKS and head.dep_ == "advcl":
                mod.update("hypothetical")
        if head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
            mod.update("ongoing")
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                        for c in head.children):
            mod.update("hypothetical")
        # a main clause with ``would`` and an ``if`` clause is hypothetical
        if any(c.dep_ == "aux" and c.lower_ in {"would", "could", "might"} for c in head.children) and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
                for c in head.children):
            mod.update("hypothetical")


def _according_to(token: Token) -> Token | None:
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is not None:
            return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def modality(token: Token) -> Modality:
    """Status of the event named by ``token`` and the heads of its attributing phrases."""
    mod = Modality()
    _own_clause(token, mod)
    for child in token.children:  # ``X is using missiles, according to Y``
        src = _according_to(child)
        if src is not None:
            mod.sources.append(src)
            mod.update("reported")
    t = token
    dep = t.dep_
    steps = 0
    while t.head.i != t.i and steps < 12:
        steps += 1
        head = t.head
        lemma = head.lemma_.lower()
        for child in head.children:  # ``according to X`` on any clause of the path
            src = _according_to(child)
            if src is not None and src not in mod.sources:
                mod.sources.append(src)
                mod.update("reported")
        # only clausal links carry attribution and control; a noun's modifiers do not
        if dep in {"ccomp", "xcomp", "parataxis", "acl", "dobj", "advcl", "pcomp", "relcl", "conj", "nsubj",
                   "nsubjpass", "attr", "pobj", "prep", "appos"}:
            clausal = dep in {"ccomp", "xcomp", "parataxis", "acl", "pcomp"}
            if head.pos_ in {"VERB", "AUX"} and clausal:
                status = None
                if lemma in DENY_VERBS:
                    status = "denied"
                elif lemma in ALLEGE_VERBS:
                    status = "alleged"
                elif lemma in PREDICT_VERBS:
                    status = "predicted"
                elif lemma in REPORT_VERBS and dep != "xcomp":
                    status = "reported"
                elif lemma in PLAN_VERBS and dep == "xcomp":
                    status = "planned"
                elif lemma in NEGATING_VERBS and dep == "xcomp":
                    status = "negated"
                if status:
                    # a passive ``is expected to`` has no source; ``X said`` has X
                    subj = next((c for c in head.children if c.dep_ in {"nsubj"}), None)
                    if (status in {"reported", "alleged", "denied"} or (status == "predicted" and lemma == "warn")) \
                            and subj is not None and subj not in mod.sources:
                        mod.sources.append(subj)
                    if status == "reported" and dep == "parataxis" and subj is None:
                        status = None
                    if status:
                        mod.update(status)
                    # the governing verb's own negation or modality (``did not say``, ``will claim``)
                    if any(c.dep_ == "neg" for c in head.children) and status in {"reported", "alleged"}:
                        mod.update("hypothetical")
            if dep == "xcomp" and head.pos_ in {"VERB", "AUX", "ADJ"}:
                _own_clause(head, mod)  # ``would likely push to export``, ``did not agree to meet``
            if head.pos_ in {"VERB", "AUX"} and dep == "dobj" and lemma in DENY_VERBS and \
                    t.lemma_.lower() in REPORT_NOUNS:
                mod.update("denied")  # ``denied the allegations that …``
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj not in mod.sources:
                    mod.sources.insert(0, subj)
            elif head.pos_ in {"NOUN", "PROPN"} and dep in {"acl", "ccomp", "relcl", "appos"} \
                    and lemma in REPORT_NOUNS and dep != "relcl":
                mod.update(REPORT_NOUNS[lemma])
                if dep in {"acl", "ccomp", "appos"}:
                    poss = next((c for c in head.children if c.dep_ in {"poss", "compound"}), None)
                    if poss is not None and poss not in mod.sources:
                        mod.sources.append(poss)
            elif head.pos_ in {"ADJ"} and lemma in ADJ_CONTROL and dep == "xcomp":
                mod.update(ADJ_CONTROL[lemma])
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
                mod.update("hypothetical")
        t, dep = head, head.dep_
        if dep == "ROOT":
            for child in t.children:
                src = _according_to(child)
                if src is not None and src not in mod.sources:
                    mod.sources.append(src)
                    mod.update("reported")
            break
    return mod


__all__ = ["Modality", "modality", "subject_of"]

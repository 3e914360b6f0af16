"""PLOVER recoding of an event by the clause around its trigger, where PLOVER codes the speech act rather
than the action named (CAMEO 03 intent, 10 demand, 12 reject, 13 threaten):

- a cooperative action the actor refuses or says it will not take (``refused to allow``, ``will not accept``,
  ``declined to lift``) → REJECT;
- a conflictual action the actor says it will take (``will withdraw its force unless``, ``would boycott``,
  ``is prepared to impose martial law``) → THREATEN;
- a cooperative material action the actor commits to (``will provide aid``, ``is willing to withdraw``,
  ``agreed to reopen``) → AGREE; meetings and visits stay CONSULT (planned);
- a protest stated in words (``protested that …``) → ACCUSE;
- pressure on someone to act (``pressured workers to cancel the strike``) → REQUEST to them;
- an action a speaker says someone else must or should take (``Russia said Sudan must return the
  helicopter``), or insists they take → REQUEST by the speaker to that someone;
- intent also from intent nouns (``its readiness to``, ``took an oath to``), from a speaker's own could/may/would
  (``said it could cut off electricity``), from a subject the speaker owns (``his government``) or an agentless
  passive under the speech verb; a negated intent (``has no plans to ease``, ``unable to reach``) refuses, and a
  refusal announced as a warning threatens; an agentless conflictual act a warning announces is a threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import to_infinitive
from .modality import REPORT_VERBS

COOPERATIVE = {"AGREE", "AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT", "CONSULT"}
MATERIAL_COOP = {"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"}
#: acts that, announced or conditional, are threats (a protest too: CAMEO 133 threaten political dissent)
CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}
INTENT_HEADS = {"agree", "promise", "pledge", "vow", "offer", "plan", "intend", "decide", "prepare", "ready",
                "arrange", "consent", "consider",
                "willing", "prepared", "commit", "committed", "swear", "sworn", "threaten", "determined", "resolve"}
REFUSE_HEADS = {"refuse", "decline", "reject", "unwilling", "unable", "fail", "refusal"}
#: nouns of intent whose infinitive is the act intended (``announced its readiness to impose martial law``,
#: ``made an offer to negotiate``, ``took an oath to fight``, ``struck a deal to share``): they govern like verbs
INTENT_NOUNS = {"readiness", "willingness", "offer", "pledge", "promise", "vow", "oath", "commitment", "intention",
                "decision", "plan", "determination", "consent", "agreement", "deal", "accord", "threat",
                "refusal", "bid"}
FUTURE = {"will", "shall", "'ll", "wo"}
DEMAND_MODALS = {"must", "should", "ought"}
SPEECH = REPORT_VERBS | {"urge", "insist", "demand", "warn", "tell", "reiterate", "repeat", "reaffirm"}
SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she", "i"}
#: modals of a speaker's own announced act (``said it could cut off electricity``: a threat)
SPEAKER_MODALS = {"would", "could", "may", "might"}


def _governors(tok: Token) -> list[Token]:
    """Verbs and adjectives that control the trigger (``refused to [allow]``, ``is willing to [withdraw]``)."""
    out = []
    t = tok
    for _ in range(3):
        # an infinitive parsed as an adverbial clause under an intent verb (``have sworn to fight``)
        to_inf = to_infinitive(t)
        # (not a purpose clause of a verb with its own object: ``refused food to protest``)
        infinitive = t.dep_ == "advcl" and t.head.lemma_.lower() in INTENT_HEADS | REFUSE_HEADS and to_inf and \
            not any(o.dep_ == "dobj" for o in t.head.children)
        # ``took an oath to [fight]``, ``made an offer to [negotiate]`` parsed as the verb's adverbial clause: the
        # intent noun object governs
        oath = next((o for o in t.head.children if o.dep_ == "dobj" and o.lemma_.lower() in INTENT_NOUNS), None) \
            if t.dep_ == "advcl" and to_inf else None
        if oath is not None:
            out.append(oath)
            t = t.head
            continue
        # ``its readiness to [impose]``: an infinitive of an intent noun (the noun then governs as its verb)
        noun_intent = t.dep_ == "acl" and t.head.lemma_.lower() in INTENT_NOUNS and to_inf
        if (t.dep_ not in {"xcomp", "ccomp"} and not infinitive and not noun_intent) or t.head.i == t.i:
            break
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH:
            break
        t = t.head
        out.append(t)
    return out


def _aux(tok: Token) -> set[str]:
    """Auxiliaries of the trigger's clause and its governors; a conjoined verb shares its head's (``would lift the
    cordon and allow traders back``)."""
    heads = [tok] + _governors(tok)
    if tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        heads += [tok.head] + _governors(tok.head)
    return {c.lower_ for t in heads for c in t.children if c.dep_ in {"aux", "auxpass"}}


def _negated(tok: Token) -> bool:
    """``not``, ``never``, ``no longer`` on the trigger or a verb that governs it."""
    return any(c.dep_ == "neg" or c.lower_ == "never" or (c.lower_ == "longer" and any(n.lower_ == "no" for n in
                                                                                          c.children))
               or (c.dep_ == "det" and c.lower_ == "no" and t.pos_ == "NOUN")  # ``has no plans to ease``
               for t in [tok] + _governors(tok) for c in t.children)


def conditional(tok: Token) -> bool:
    """Has the clause an ``if`` or ``unless`` condition (``would be shut down if they published``)?"""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in tok.children)


def speech_head(tok: Token) -> Token | None:
    """The speech verb whose complement the trigger's clause is (``said [that Sudan must return]``)."""
    t = tok
    for _ in range(3):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH:
            return t.head
        if t.dep_ not in {"xcomp", "conj"} or t.head.i == t.i:
            return None
        t = t.head
    return None


#: verbs of pressure: ``pressured workers to cancel the strike`` is a demand on the object (CAMEO 10)
PRESSURE_VERBS = {"pressure", "pressurize", "pressurise", "press", "push", "lobby"}


def _pressure(tok: Token) -> bool:
    """``pressure X to do``: a pressure verb with an object and a to-infinitive."""
    return tok.lemma_.lower() in PRESSURE_VERBS and any(c.dep_ == "dobj" for c in tok.children) and any(
        c.dep_ in {"xcomp", "ccomp", "advcl"} and c.pos_ in {"VERB", "AUX"}
        and to_infinitive(c) for c in tok.children)


def recode(tok: Token, plover_type: str) -> tuple[str, str] | None:
    """(PLOVER type, CAMEO code) the clause gives the event, or None to keep its own coding."""
    if _pressure(tok):
        return "REQUEST", "100"
    # a protest that states something (``protested that …``, ``…, the group protested``) is verbal: "Diplomatic
    # protests … are coded as ACCUSE `disapprove'. PROTEST presumes significant physical/material activity"
    # (manual §PROTEST)
    if tok.lemma_.lower() in {"protest", "complain"} and any(c.dep_ == "ccomp" for c in tok.children):
        return "ACCUSE", "111"
    govs = {g.lemma_.lower() for g in _governors(tok)}
    aux = _aux(tok)
    # ``would not hesitate to use force``: not hesitating is resolve, an intent
    hesitate = "hesitate" in govs
    neg = _negated(tok) and not hesitate
    if hesitate:
        govs.add("vow")
    # (a negated intent refuses too: ``has no plans to ease``, ``is not ready to accept``)
    if plover_type in COOPERATIVE and (govs & REFUSE_HEADS or (neg and (
            aux & (FUTURE | {"would"}) or govs & (INTENT_HEADS | INTENT_NOUNS)))):
        # a refusal announced as a warning is a threat (``warned it would no longer tolerate rallies``)
        head = speech_head(tok)
        if head is not None and head.lemma_.lower() in {"warn", "threaten"} and not govs & REFUSE_HEADS:
            return "THREATEN", "130"
        return "REJECT", "120"
    if neg:
        return None
    if govs & {"threaten", "threat"}:  # ``threatened to stop negotiations``: the threat is the event
        return "THREATEN", "130"
    # ``the army prepared to resume shelling``: preparing an attack mobilizes (a copula's ``is prepared to`` is
    # willingness, a threat, below)
    if plover_type == "ASSAULT" and any(g.lemma_.lower() == "prepare" and g.pos_ == "VERB" and g.dep_ != "acomp"
                                        for g in _governors(tok)):
        return "MOBILIZE", "150"
    # ``insisted that the two sides reach an agreement``: an act the speaker insists or demands others take
    head = speech_head(tok)
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and tok.dep_ == "conj":  # ``they would lift the cordon and allow …``
        subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if head is not None and head.lemma_.lower() in {"insist", "demand"} and subj is not None and \
            subj.lower_ not in SPEAKER_PRONOUNS:
        return "REQUEST", "100"
    # a conflictual action on a condition (``may halt mediation if cooperation founders``, ``will withdraw
    # unless``): a threat
    if plover_type in CONFLICT and conditional(tok) and aux & (FUTURE | SPEAKER_MODALS):
        return "THREATEN", "130"
    if aux & DEMAND_MODALS and head is not None:
        return "REQUEST", "100"
    # ``X said it would …``, ``X warned it could cut ties``: reported intent only with a pronoun subject standing
    # for the speaker
    # (an announced decision, ``announced it would deny entry``, is the act itself, planned)
    # (``said his government would allow broadcasting in Kurdish``: a subject the speaker owns speaks for him)
    # (and an agentless passive: ``Barak told his cabinet the army would be pulled out``)
    own = subj is not None and (subj.lower_ in SPEAKER_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in {"his", "her", "its", "their", "our"} for c in subj.children) or (
        subj.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children)))
    reported = head is not None and own and head.lemma_.lower() != "announce"
    # ``the Taliban warned that any Afghan caught working for foreign forces would be executed``: an agentless
    # conflictual act a warning announces is the warner's threat
    warned = head is not None and head.lemma_.lower() in {"warn", "threaten"} and \
        any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)
    if warned and plover_type in CONFLICT and aux & (FUTURE | SPEAKER_MODALS):
        return "THREATEN", "130"
    intent = bool(aux & FUTURE or govs & (INTENT_HEADS | INTENT_NOUNS) or (reported and aux & SPEAKER_MODALS))
    if intent and plover_type in CONFLICT:
        return "THREATEN", "130"
    if intent and plover_type in MATERIAL_COOP:
        return "AGREE", "030"
    return None

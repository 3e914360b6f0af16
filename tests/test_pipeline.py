"""Pipeline assembly and the Python API: order checks, streaming, failures kept, stable ids."""

from __future__ import annotations

import pytest
from spacy.language import Language

import newsgraph
from newsgraph import pipeline
from newsgraph.errors import BadArticle, PipelineError
from newsgraph.model import Document, Failure


def test_pipeline_stages_follow_declared_order(nlp):
    names = nlp.pipe_names
    assert names.index("dateline") < names.index("ner") < names.index("entities")
    rows = {info.name: info for info in pipeline.describe(nlp)}
    assert rows["entities"].newsgraph and "doc._.entities" in rows["entities"].assigns
    assert not rows["parser"].newsgraph


def test_pipeline_check_fails_when_requirement_never_assigned():
    @Language.factory("needs_quotes_test", requires=["doc._.quotes"], assigns=["doc._.claims"])
    def _make(nlp, name):
        return lambda doc: doc

    nlp = pipeline.build(stages=["dateline"])
    nlp.add_pipe("needs_quotes_test")
    with pytest.raises(PipelineError, match=r"E009.*needs_quotes_test.*doc\._\.quotes"):
        pipeline.check(nlp)


def test_pipeline_unknown_stage_is_named():
    with pytest.raises(PipelineError, match="E010.*'no_such_stage'"):
        pipeline.build(stages=["no_such_stage"])


def test_pipeline_extract_api_returns_document(nlp):
    doc = newsgraph.extract("Russia and China signed a deal.", published="2024-05-16", source="Xinhua", nlp=nlp)
    assert isinstance(doc, Document)
    assert doc.source == "Xinhua" and doc.published == "2024-05-16"
    assert doc.text == "Russia and China signed a deal."
    assert doc.sentences == [(0, 31)]


def test_pipeline_extract_rejects_bad_input(nlp):
    with pytest.raises(BadArticle, match="E001"):
        newsgraph.extract("   ", nlp=nlp)
    with pytest.raises(BadArticle, match="E002"):
        newsgraph.extract("Some text.", published="last Tuesday", nlp=nlp)


def test_pipeline_ids_are_stable_and_content_based(nlp):
    a = newsgraph.extract("Iran and Iraq signed a pact.", nlp=nlp)
    b = newsgraph.extract("Iran and Iraq signed a pact.", nlp=nlp)
    c = newsgraph.extract("Iran and Iraq signed a new pact.", nlp=nlp)
    assert a.id == b.id != c.id and a.id.startswith("doc-")
    assert a.to_json() == b.to_json()


def test_pipeline_extract_many_streams_and_keeps_failures(nlp):
    items = ["Japan protested.", {"text": "", "id": "empty"}, {"id": "x", "text": "Chile voted.",
                                                              "published": "2023-01-01"}, "Peru agreed."]
    results = list(newsgraph.extract_many(items, nlp=nlp, batch_size=2, on_error="skip"))
    docs = [r for r in results if isinstance(r, Document)]
    fails = [r for r in results if isinstance(r, Failure)]
    assert [d.text for d in docs] == ["Japan protested.", "Chile voted.", "Peru agreed."]
    assert len(fails) == 1 and fails[0].line == 2 and "E001" in fails[0].message


def test_pipeline_extract_many_raises_by_default(nlp):
    with pytest.raises(BadArticle):
        list(newsgraph.extract_many(["ok text", {"text": 3}], nlp=nlp))


def test_pipeline_a_crashing_stage_fails_one_article_not_the_batch():
    calls = {"n": 0}

    @Language.component("explode_on_boom_test")
    def explode(doc):
        calls["n"] += 1
        if "boom" in doc.text:
            raise RuntimeError("stage blew up")
        return doc

    nlp = pipeline.build(stages=["dateline", "entities"])
    nlp.add_pipe("explode_on_boom_test")
    results = list(pipeline.extract_many(["Spain agreed.", "boom went Italy.", "Chad voted."], nlp=nlp,
                                         on_error="skip"))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert results[1].stage == "explode_on_boom_test" and "blew up" in results[1].message
    with pytest.raises(RuntimeError):
        list(pipeline.extract_many(["boom"], nlp=nlp))


def test_pipeline_warns_without_publication_date(nlp):
    doc = newsgraph.extract("Kenya held an election.", nlp=nlp)
    assert any(w.startswith("[W001]") for w in doc.warnings)
    dated = newsgraph.extract("Kenya held an election.", published="2022-08-09", nlp=nlp)
    assert not any(w.startswith("[W001]") for w in dated.warnings)


def test_pipeline_datetime_published_is_kept(nlp):
    doc = newsgraph.extract("Kenya held an election.", published="2022-08-09T10:00:00Z", nlp=nlp)
    assert doc.published == "2022-08-09T10:00:00+00:00"


def test_pipeline_sentences_are_trimmed_offsets(nlp, seed_document):
    text = seed_document.text
    assert len(seed_document.sentences) >= 16
    for start, end in seed_document.sentences:
        assert text[start:end] == text[start:end].strip() and end > start
    assert seed_document.sentences == sorted(seed_document.sentences)


def test_pipeline_build_passes_stage_config():
    nlp = pipeline.build(stages=["dateline", "entities", "quotes"], config={"quotes": {"orphans": False}})
    assert nlp.get_pipe_config("quotes")["orphans"] is False
    default = pipeline.build(stages=["dateline", "entities", "quotes"])
    assert default.get_pipe_config("quotes")["tagger"] is False  # the trained tagger is opt-in


def test_pipeline_vocab_does_not_grow_across_batches(nlp):
    """Each batch runs in a spaCy memory zone: new strings (names, numbers) do not pile up in a long run."""
    list(pipeline.extract_many([f"Zorblat{n} visited Qwertania{n}." for n in range(4)], nlp=nlp, batch_size=2))
    before = len(nlp.vocab.strings)
    docs = list(pipeline.extract_many([f"Blorvish{n} met Snarfdale{n} in Plinkton{n}." for n in range(40)],
                                      nlp=nlp, batch_size=8))
    assert len(docs) == 40 and docs[-1].text == "Blorvish39 met Snarfdale39 in Plinkton39."
    assert len(nlp.vocab.strings) <= before + 5

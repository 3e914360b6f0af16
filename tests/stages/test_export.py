"""The export step: Doc -> Document, ids and sentence offsets, on hand-built Docs (no model)."""

from newsgraph.model import Article, Entity, Mention
from newsgraph.stages.export import document_id, sentence_offsets, to_document
from tests.util import make_doc


def test_export_sentences_trim_whitespace_and_skip_blank():
    doc = make_doc(["Kim", "spoke", ".", "\n\n", "Putin", "listened", "."],
                   spaces=[True, False, False, False, True, False, False],
                   sent_starts=[True, False, False, True, True, False, False])
    assert doc.text == "Kim spoke.\n\nPutin listened."
    assert sentence_offsets(doc) == [(0, 10), (12, 27)]


def test_export_document_id_prefers_given_id_else_text_hash():
    assert document_id(Article(id="x1", text="a b")) == "x1"
    a, b = document_id(Article(text="a b")), document_id(Article(text="a b "))
    assert a.startswith("doc-") and len(a) == 20 and a != b


def test_export_sorts_records_and_copies_metadata():
    doc = make_doc(["Russia", "and", "Iran", "met", "."], sent_starts=[True, False, False, False, False],
                   published="2024-01-02")
    iran = Entity(id="IRN", name="Iran", type="country", mentions=[Mention(start=11, end=15, text="Iran")])
    russia = Entity(id="RUS", name="Russia", type="country", mentions=[Mention(start=0, end=6, text="Russia")])
    doc._.entities = [iran, russia]
    out = to_document(doc)
    assert [e.id for e in out.entities] == ["RUS", "IRN"]
    assert out.published == "2024-01-02" and out.text == "Russia and Iran met."
    assert out.schema_ == "newsgraph/1" and out.to_dict()["schema"] == "newsgraph/1"

"""The ``timexes`` stage: temporal expressions with TIMEX3 type and value, normalized against the publication date.

The rules live in ``newsgraph.timex``; this component only hands them the text, the publication date and the tense
of each expression's governing verb, and stores the result in ``doc._.timexes``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..timex import find_timexes
from ..timex.tense import TenseFinder
from . import docdata


@Language.factory("timexes", requires=["doc._.article", "doc.sents", "token.tag"], assigns=["doc._.timexes"])
def make_timexes(nlp: Language, name: str) -> TimexStage:
    return TimexStage()


class TimexStage:
    """Find and normalize temporal expressions (``doc._.timexes``: ``list[model.Timex]``)."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published_date if article is not None else None
        text = docdata.text(doc)
        doc._.timexes = find_timexes(text, published, TenseFinder(doc, text))
        return doc


docdata.register_extensions()

"""Builders for hand-made Docs, so stage tests need no model."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.model import Article
from newsgraph.stages import docdata

_VOCAB = Vocab()


def make_doc(words: list[str], *, spaces: list[bool] | None = None, sent_starts: list[bool] | None = None,
             ents: list[str] | None = None, heads: list[int] | None = None, deps: list[str] | None = None,
             tags: list[str] | None = None, lemmas: list[str] | None = None, published: str | None = None) -> Doc:
    """A Doc from words, with optional IOB ``ents`` (``B-GPE``), absolute ``heads``, ``deps``, ``tags``.

    ``doc._.article`` is set from the Doc's text, as ``stages.ingest.make_doc`` does.
    """
    docdata.register_extensions()
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "'s", "?", "!", ":"}
                  for i in range(len(words))]
    doc = Doc(_VOCAB, words=words, spaces=spaces, sent_starts=sent_starts, ents=ents, heads=heads, deps=deps,
              tags=tags, lemmas=lemmas)
    from newsgraph.readers import parse_published

    doc._.article = Article(text=doc.text, published=parse_published(published))
    return doc

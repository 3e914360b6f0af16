"""Doc -> Document: the only place a Doc is flattened into the contract."""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.tokens import Doc

from ..model import Article, Document


def document_id(article: Article) -> str:
    """The article's id, else a stable one from its text (the same input gives the same id)."""
    if article.id:
        return article.id
    return "doc-" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]


def _published(article: Article) -> str | None:
    value = article.published
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value.isoformat()


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character spans, trimmed of surrounding whitespace (paragraph breaks and the dateline, which has
    its own field, are not sentences)."""
    spans = []
    text = doc.text
    dateline = doc._.dateline
    for sent in doc.sents:
        if dateline is not None and sent.end_char <= dateline.end:
            continue
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def to_document(doc: Doc) -> Document:
    article: Article = doc._.article
    by_start = lambda r: (r.start, r.end)
    return Document(
        id=document_id(article),
        source=article.source,
        url=article.url,
        title=article.title,
        published=_published(article),
        dateline=doc._.dateline,
        text=article.text,
        sentences=sentence_offsets(doc),
        entities=sorted(doc._.entities, key=lambda e: (e.mentions[0].start if e.mentions else -1, e.id)),
        timexes=sorted(doc._.timexes, key=by_start),
        quotes=sorted(doc._.quotes, key=by_start),
        claims=sorted(doc._.claims, key=by_start),
        events=sorted(doc._.events, key=lambda e: (e.trigger.start, e.id)),
        warnings=list(doc._.warnings),
    )

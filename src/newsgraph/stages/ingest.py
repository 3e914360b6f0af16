"""Article -> Doc: tokenize and attach the validated article, before any component runs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Warnings
from ..model import Article
from . import docdata

_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n\r\t"}


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenize ``article.text`` (never altered) and set ``doc._.article``."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    if article.published is None:
        docdata.warn(doc, Warnings.W001.format())
    controls = sum(1 for ch in article.text if ch in _CONTROL)
    if controls:
        docdata.warn(doc, Warnings.W003.format(count=controls))
    return doc

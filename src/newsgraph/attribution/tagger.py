"""The trained attribution span tagger (``newsgraph/data/attribution_model``): CONTENT, SOURCE and CUE spans.

A small spaCy entity recognizer with its own tok2vec over the words and the parse (TAG, DEP) of the main pipeline,
trained on PolNeAR train by ``scripts/train_attribution.py`` (see ``benchmarks/RESULTS-attribution.md``). It runs on
a copy of the Doc, so the main pipeline's ``doc.ents`` are never touched. The model ships inside the package and is
loaded from there with ``spacy.load(path)``: nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.attrs import DEP, SENT_START, TAG
from spacy.tokens import Doc

MODEL_DIR = "data/attribution_model"
LABELS = ("CONTENT", "SOURCE", "CUE")

Spans = list[tuple[str, int, int]]


def packaged_path() -> Path | None:
    """Where the shipped model lies, or None when the package holds none."""
    path = Path(str(resources.files("newsgraph").joinpath(MODEL_DIR)))
    return path if (path / "config.cfg").exists() else None


@lru_cache(maxsize=4)
def _load(path: str):
    import spacy

    return spacy.load(path)


class Tagger:
    """``Tagger()(doc)`` → ``[(label, start_char, end_char), …]`` in text order."""

    def __init__(self, path: str | Path | None = None) -> None:
        """
        Raises:
            FileNotFoundError: no model at ``path`` (or none shipped, when ``path`` is None).
        """
        where = Path(path) if path is not None else packaged_path()
        if where is None or not (where / "config.cfg").exists():
            raise FileNotFoundError(f"no attribution model at {where or MODEL_DIR}")
        self.nlp = _load(str(where))
        self.pipes = [pipe for _, pipe in self.nlp.pipeline]

    def __call__(self, doc: Doc, skip: list[tuple[int, int]] | None = None) -> Spans:
        """Spans of ``doc``; sentences wholly inside one of the ``skip`` ranges (quotations, which the rules read)
        and sentences of fewer than three words are not tagged, to save time."""
        if not len(doc):
            return []
        strings = doc.vocab.strings
        if LABELS[0] not in strings:
            for label in LABELS:
                strings.add(label)
        keep = [s for s in doc.sents if sum(not t.is_space and not t.is_punct for t in s) >= 3
                and not any(a <= s.start_char and s.end_char <= b for a, b in skip or ())]
        if not keep:
            return []
        idx = [i for s in keep for i in range(s.start, s.end)]
        arr = doc.to_array([TAG, DEP, SENT_START])[idx].astype("int64")
        starts = {s.start for s in keep}
        arr[:, 2] = [1 if i in starts else -1 for i in idx]
        arr = arr.astype("uint64")
        words = [doc[i].text for i in idx]
        spaces = [bool(doc[i].whitespace_) for i in idx]
        tmp = Doc(doc.vocab, words=words, spaces=spaces).from_array([TAG, DEP, SENT_START], arr)
        for pipe in self.pipes:
            tmp = pipe(tmp)
        out: Spans = []
        text = doc.text
        for e in tmp.ents:
            if e.label_ not in LABELS:
                continue
            start, end = doc[idx[e.start]].idx, doc[idx[e.end - 1]].idx + len(doc[idx[e.end - 1]])
            if out and e.label_ == "CONTENT" == out[-1][0] and e[0].is_sent_start \
                    and not text[out[-1][2]:start].strip():
                out[-1] = ("CONTENT", out[-1][1], end)  # the model's pieces stop at sentence ends
                continue
            out.append((e.label_, start, end))
        return out

    def pipe(self, docs: list[Doc]) -> list[Spans]:
        return [self(d) for d in docs]

"""The trained attribution span tagger (``newsgraph/data/attribution_model``): CONTENT, SOURCE and CUE spans.

A small spaCy ``tagger`` (a softmax per token over BIO labels: ``B-CONTENT``, ``I-CONTENT``, …, ``O``) with its own
tok2vec over the words and the parse (TAG, DEP) of the main pipeline, trained on PolNeAR train by
``scripts/train_attribution.py`` with ``scripts/attribution_bio.cfg`` (see ``benchmarks/RESULTS-attribution.md``).
A CONTENT span whose mean token probability is below ``min_prob`` is dropped (chosen on held-out train texts). An
entity-recognizer model (the round-2 one, ``scripts/attribution.cfg``) is still read when a path names one. It runs
on a copy of the Doc, so the main pipeline's ``doc.ents`` and tags are never touched. The model ships inside the
package and is loaded from there with ``spacy.load(path)``: nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import DEP, LEMMA, POS, SENT_START, TAG
from spacy.tokens import Doc

MODEL_DIR = "data/attribution_model"
LABELS = ("CONTENT", "SOURCE", "CUE")

Spans = list[tuple[str, int, int]]
# the parse a model may read as features (its config's ``attrs``), copied onto the Doc it tags; SENT_START last
FEATURES = [TAG, POS, LEMMA, DEP, SENT_START]


def packaged_path() -> Path | None:
    """Where the shipped model lies, or None when the package holds none."""
    path = Path(str(resources.files("newsgraph").joinpath(MODEL_DIR)))
    return path if (path / "config.cfg").exists() else None


@lru_cache(maxsize=4)
def _load(path: str):
    import spacy

    return spacy.load(path)


def bio_spans(tags: list[str], doc: Doc, gap: int = 0) -> list[tuple[str, int, int]]:
    """Token spans ``(label, start, end)`` of BIO tags. An ``I-`` tag without its ``B-`` opens a span; two CONTENT
    spans of one sentence with at most ``gap`` untagged tokens between them are joined (a per-token softmax leaves
    holes in a long clause)."""
    out: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate(tags):
        if label is not None and (tag == "O" or tag[0] == "B" or tag[2:] != label):
            out.append((label, start, i))
            label = None
        if tag != "O" and label is None and tag[2:] in LABELS:
            label, start = tag[2:], i
    if label is not None:
        out.append((label, start, len(tags)))
    if gap:
        joined: list[tuple[str, int, int]] = []
        for span in out:
            if joined and span[0] == "CONTENT" == joined[-1][0] and span[1] - joined[-1][2] <= gap \
                    and not any(doc[j].is_sent_start for j in range(joined[-1][2], span[1] + 1)) \
                    and all(tags[j] == "O" for j in range(joined[-1][2], span[1])):
                joined[-1] = ("CONTENT", joined[-1][1], span[2])
            else:
                joined.append(span)
        out = joined
    return out


def viterbi(logp: numpy.ndarray, labels: list[str], starts: numpy.ndarray) -> list[int]:
    """The best tag sequence (sum of per-token log probabilities) in which an ``I-X`` only follows ``B-X`` or
    ``I-X`` of the same sentence (``starts``: True at each sentence's first token)."""
    n, k = logp.shape
    inside = [j for j, lab in enumerate(labels) if lab.startswith("I-")]
    allowed = numpy.ones((k, k), dtype=bool)  # allowed[prev, cur]
    for j in inside:
        allowed[:, j] = [lab[2:] == labels[j][2:] and lab[0] in "BI" for lab in labels]
    penalty = numpy.where(allowed, 0.0, -numpy.inf)
    score = logp[0].copy()
    score[inside] = -numpy.inf
    back = numpy.zeros((n, k), dtype=numpy.int64)
    for i in range(1, n):
        if starts[i]:  # a new sentence: any previous tag, no I- here
            best = int(score.argmax())
            back[i] = best
            score = score[best] + logp[i]
            score[inside] = -numpy.inf
        else:
            cand = score[:, None] + penalty
            back[i] = cand.argmax(axis=0)
            score = cand[back[i], numpy.arange(k)] + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


class Tagger:
    """``Tagger()(doc)`` → ``[(label, start_char, end_char), …]`` in text order."""

    def __init__(self, path: str | Path | None = None, gap: int = 0, min_prob: float = 0.8,
                 decode: str = "argmax") -> None:
        """
        Args:
            path: a model directory (default: the shipped one).
            gap: BIO models: join two CONTENT pieces of a sentence at most this many untagged tokens apart
                (measured: no gain, so 0).
            min_prob: BIO models: drop a CONTENT span whose mean token probability (softmax) is below this
                (0.8: chosen on the 40 held-out train texts; 0 keeps all). Ignored by an entity-recognizer model.
            decode: BIO models: ``argmax`` (the best tag per token) or ``viterbi`` (the best sequence in which an
                ``I-`` tag follows its ``B-``); measured in benchmarks/RESULTS-attribution.md (round 6).

        Raises:
            FileNotFoundError: no model at ``path`` (or none shipped, when ``path`` is None).
        """
        where = Path(path) if path is not None else packaged_path()
        if where is None or not (where / "config.cfg").exists():
            raise FileNotFoundError(f"no attribution model at {where or MODEL_DIR}")
        self.nlp = _load(str(where))
        self.pipes = [pipe for _, pipe in self.nlp.pipeline]
        self.bio = self.nlp.pipe_names == ["tagger"]
        self.gap = gap
        self.min_prob = min_prob
        if decode not in ("argmax", "viterbi"):
            raise ValueError(f"decode must be 'argmax' or 'viterbi', got {decode!r}")
        self.decode = decode

    def __call__(self, doc: Doc, skip: list[tuple[int, int]] | None = None) -> Spans:
        """Spans of ``doc``; sentences wholly inside one of the ``skip`` ranges (quotations, which the rules read, or
        sentences the rules already cover) and sentences of fewer than three words are not tagged, to save time."""
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
        arr = doc.to_array(FEATURES)[idx].astype("int64")
        starts = {s.start for s in keep}
        arr[:, -1] = [1 if i in starts else -1 for i in idx]
        arr = arr.astype("uint64")
        words = [doc[i].text for i in idx]
        spaces = [bool(doc[i].whitespace_) for i in idx]
        tmp = Doc(doc.vocab, words=words, spaces=spaces).from_array(FEATURES, arr)
        if self.bio:
            tagger = self.pipes[0]
            labels = tagger.labels
            probs = tagger.model.ops.to_numpy(tagger.model.predict([tmp])[0])
            # the model's outputs are scores (Tagger.v2, normalize = false): log-softmax here
            logp = probs - probs.max(axis=1, keepdims=True)
            logp -= numpy.log(numpy.exp(logp).sum(axis=1, keepdims=True))
            if self.decode == "viterbi":
                guesses = numpy.array(viterbi(logp, list(labels), arr[:, -1] == 1))
            else:
                guesses = logp.argmax(axis=1)
            spans = bio_spans([labels[g] for g in guesses], tmp, self.gap)
            if self.min_prob:
                best = numpy.exp(logp[numpy.arange(len(guesses)), guesses])
                spans = [sp for sp in spans if sp[0] != "CONTENT" or best[sp[1]:sp[2]].mean() >= self.min_prob]
        else:
            for pipe in self.pipes:
                tmp = pipe(tmp)
            spans = [(e.label_, e.start, e.end) for e in tmp.ents if e.label_ in LABELS]
        out: Spans = []
        text = doc.text
        for label, a, b in spans:
            start, end = doc[idx[a]].idx, doc[idx[b - 1]].idx + len(doc[idx[b - 1]])
            if out and label == "CONTENT" == out[-1][0] and tmp[a].is_sent_start \
                    and not text[out[-1][2]:start].strip():
                out[-1] = ("CONTENT", out[-1][1], end)  # the model's pieces stop at sentence ends
                continue
            out.append((label, start, end))
        return out

    def pipe(self, docs: list[Doc]) -> list[Spans]:
        return [self(d) for d in docs]

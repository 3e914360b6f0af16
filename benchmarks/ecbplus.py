"""ECB+ reader: tokens, event mentions (ACTION_* / NEG_ACTION_*), gold coreference chains, selected sentences.

Gold chains: a mention linked by ``CROSS_DOC_COREF`` takes the target's ``instance_id``; one linked only by
``INTRA_DOC_COREF`` takes a document-local chain id; any other mention is a singleton. Mentions are kept only in the
sentences listed in ``ECBplus_coreference_sentences.csv`` (a mention counts as in a sentence when its first token is).

Then ``parse(docs)`` runs newsgraph's pipeline (``pipeline.build(stages=[...])``) over each document text (tokens joined
by spaces, one sentence per line) and keeps per-token lemma/POS/dependency plus the contract Document's entities and
timexes. ``load(topics)`` caches both steps as a pickle under /tmp.
"""

from __future__ import annotations

import csv
import hashlib
import pickle
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
CACHE = Path("/tmp/newsgraph-ecbplus-cache.pkl")
CACHE_VERSION = 2


@dataclass
class Token:
    t_id: str
    sentence: int
    text: str
    start: int = 0
    end: int = 0
    lemma: str = ""
    pos: str = ""
    dep: str = ""
    head: int = -1  # index into Doc.tokens of the syntactic head (spaCy)


@dataclass
class GoldMention:
    doc: str
    m_id: str
    tag: str
    token_ids: list[str]
    chain: str


@dataclass
class EcbDoc:
    name: str           # 1_10ecb
    topic: int
    subtopic: str       # "ecb" or "ecbplus"
    tokens: list[Token]
    mentions: list[GoldMention]
    selected: set[int]
    text: str = ""
    entities: list[tuple[str, str, list[tuple[int, int]]]] = field(default_factory=list)  # (id, type, spans)
    timexes: list[tuple[int, int, str]] = field(default_factory=list)

    def token_index(self) -> dict[str, int]:
        return {t.t_id: i for i, t in enumerate(self.tokens)}


def selected_sentences() -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    with open(ROOT / "ECBplus_coreference_sentences.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    return out


def read_doc(path: Path, selected: set[int]) -> EcbDoc:
    root = ET.parse(path).getroot()
    name = path.stem
    topic = int(name.split("_")[0])
    tokens = [Token(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    markables = root.find("Markables")
    anchored: dict[str, tuple[str, list[str]]] = {}
    instance: dict[str, str] = {}
    for m in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in m.iter("token_anchor")]
        if anchors:
            anchored[m.get("m_id")] = (m.tag, anchors)
        elif m.get("instance_id"):
            instance[m.get("m_id")] = m.get("instance_id")
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        tid = target.get("m_id") if target is not None else None
        if rel.tag == "CROSS_DOC_COREF":
            cid = instance.get(tid) or rel.get("note")
        elif rel.tag == "INTRA_DOC_COREF":
            cid = f"{name}:intra:{rel.get('r_id')}"
        else:
            continue
        for src in rel.findall("source"):
            chain.setdefault(src.get("m_id"), cid)
    sentence_of = {t.t_id: t.sentence for t in tokens}
    mentions = []
    for m_id, (tag, anchors) in anchored.items():
        if not tag.startswith(("ACTION_", "NEG_ACTION_")):
            continue
        if sentence_of.get(anchors[0]) not in selected:
            continue
        mentions.append(GoldMention(name, m_id, tag, anchors, chain.get(m_id, f"{name}:single:{m_id}")))
    return EcbDoc(name, topic, "ecbplus" if name.endswith("plus") else "ecb", tokens, mentions, selected)


def read(topics: list[int]) -> list[EcbDoc]:
    sel = selected_sentences()
    docs = []
    for topic in topics:
        folder = ROOT / str(topic)
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.xml"), key=lambda p: [int(x) if x.isdigit() else x
                                                              for x in re.split(r"(\d+)", p.stem)]):
            docs.append(read_doc(path, sel.get(path.stem, set())))
    return docs


def _layout(doc: EcbDoc) -> None:
    parts, pos, last = [], 0, None
    for t in doc.tokens:
        if last is not None:
            sep = "\n" if t.sentence != last else " "
            parts.append(sep)
            pos += 1
        t.start, t.end = pos, pos + len(t.text)
        parts.append(t.text)
        pos = t.end
        last = t.sentence
    doc.text = "".join(parts)


def parse(docs: list[EcbDoc], stages: list[str]) -> None:
    """Run the newsgraph pipeline over each document; fill token features, entities and timexes in place."""
    from newsgraph import pipeline
    from newsgraph.model import Article
    from newsgraph.stages.export import to_document
    from newsgraph.stages.ingest import make_doc

    nlp = pipeline.build(stages=stages)
    for doc in docs:
        _layout(doc)
    spacy_docs = (make_doc(nlp, Article(id=d.name, text=d.text)) for d in docs)
    for doc, sdoc in zip(docs, nlp.pipe(spacy_docs, batch_size=16)):
        by_char = {}
        for tok in sdoc:
            for c in range(tok.idx, tok.idx + len(tok.text)):
                by_char[c] = tok.i
        sp_to_ecb: dict[int, int] = {}
        for i, t in enumerate(doc.tokens):
            sp_to_ecb.setdefault(by_char.get(t.start, -1), i)
        for t in doc.tokens:
            j = by_char.get(t.start)
            if j is None:
                continue
            tok = sdoc[j]
            t.lemma, t.pos, t.dep = tok.lemma_.lower(), tok.pos_, tok.dep_
            t.head = sp_to_ecb.get(tok.head.i, -1)
        document = to_document(sdoc)
        doc.entities = [(e.id, e.type, [(m.start, m.end) for m in e.mentions]) for e in document.entities]
        doc.timexes = [(x.start, x.end, x.value) for x in document.timexes]


def _package_digest() -> str:
    """SHA-1 over every file of the installed ``newsgraph`` package (code, lexicons, knowledge base)."""
    import newsgraph

    root = Path(newsgraph.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load(topics: list[int], stages: list[str] | None = None) -> list[EcbDoc]:
    """Read and parse ``topics``, cached in ``CACHE``; the cache is keyed by the package's code and data, so a
    changed pipeline parses again."""
    stages = stages or ["dateline", "entities", "timexes"]
    key = (CACHE_VERSION, tuple(topics), tuple(stages), _package_digest())
    if CACHE.exists():
        with open(CACHE, "rb") as fh:
            cached = pickle.load(fh)
        if cached.get("key") == key:
            return cached["docs"]
    docs = read(topics)
    try:
        parse(docs, stages)
    except Exception as exc:
        if stages == ["dateline", "entities"]:
            raise
        print(f"pipeline with {stages} failed ({exc!r}); using dateline+entities")
        return load(topics, ["dateline", "entities"])
    with open(CACHE, "wb") as fh:
        pickle.dump({"key": key, "docs": docs}, fh)
    return docs

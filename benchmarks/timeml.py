"""Read the TempEval-3 TimeML training files (../shared/data/timeml): text, DCT and gold TIMEX3 tags.

The one TimeML reader of the benchmarks (``timex.py``, ``attribution.py``, ``extract_speed.py``, ``stage_times.py``).
The text is the ``<TEXT>`` content with tags stripped and entities unescaped; TIMEX3 offsets index into it. The
dev/held-out split of the timex benchmark is defined here too: a file is held out when ``sha1(stem) % 5 == 0``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml"


@dataclass
class TimemlDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[dict] = field(default_factory=list)  # start, end, text, type, value
    corpus: str = ""  # the folder: TimeBank or AQUAINT

    @property
    def split(self) -> str:
        """``heldout`` (about 20% of the files, never read for tuning) or ``dev``."""
        return "heldout" if int(hashlib.sha1(self.name.encode()).hexdigest(), 16) % 5 == 0 else "dev"

    @property
    def spans(self) -> list[tuple[int, int, str, str]]:
        """The gold TIMEX3s as ``(start, end, type, value)``."""
        return [(t["start"], t["end"], t["type"] or "", t["value"] or "") for t in self.timexes]


def _walk(node: ET.Element, parts: list[str], tags: list[dict], offset: int) -> int:
    if node.text:
        parts.append(node.text)
        offset += len(node.text)
    for child in node:
        start = offset
        offset = _walk(child, parts, tags, offset)
        if child.tag == "TIMEX3":
            tags.append({"start": start, "end": offset, "text": "".join(parts)[start:offset],
                         "type": child.get("type"), "value": child.get("value")})
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def read(path: Path) -> TimemlDoc:
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    text_node = root.find("TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    tags: list[dict] = []
    _walk(text_node, parts, tags, 0)
    text = "".join(parts)
    return TimemlDoc(name=path.stem, text=text, dct=dct, timexes=tags, corpus=path.parent.name)


def load(limit: int | None = None) -> list[TimemlDoc]:
    paths = sorted(DATA.rglob("*.tml"))
    if limit:
        paths = paths[:limit]
    return [read(p) for p in paths]


def dct_date(doc: TimemlDoc) -> str | None:
    """The DCT as an ISO date (TimeML DCTs can carry a time: 1998-01-08T06:55)."""
    if not doc.dct:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", doc.dct)
    return m.group(0) if m else None

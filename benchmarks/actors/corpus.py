"""Read the benchmark's source texts exactly as the gold offsets index them.

- PolNeAR (``polnear/{train,dev}/text/*.txt``): the file as it is; published = the date in the file name.
- TimeML (``timeml/{TimeBank,AQUAINT}/*.tml``): the content of ``<TEXT>`` with every tag removed (no entity
  unescaping), as /work/shared/data/README.md defines TimeML offsets; published = the DCT (``t0``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

DATA = Path(os.environ.get("NEWSGRAPH_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))


def load(source: str) -> tuple[str, str | None]:
    """(text, published) of a source file named relative to the data folder (``polnear/dev/text/x.txt``)."""
    if source.split("/")[0] == "polnear" and "/test/" in source:
        raise ValueError("PolNeAR test texts are never used for building or tuning")
    path = DATA / source
    raw = path.read_text(encoding="utf-8")
    if source.endswith(".tml"):
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL).group(1)
        dct = re.search(r'value="([0-9-]{10})[^"]*"[^>]*functionInDocument="CREATION_TIME"', raw)
        return re.sub(r"<[^>]+>", "", body), dct.group(1) if dct else None
    date = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
    return raw, date.group(1) if date else None

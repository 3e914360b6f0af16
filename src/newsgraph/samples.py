"""The sample article bundled with the package (what ``make run`` and ``newsgraph show --sample`` read)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_ID = "afp-2024-06-12-north-korea-russia"


def sample_path() -> Path:
    """Path of the bundled sample article (a JSON article whose ``text_file`` sits beside it)."""
    return Path(str(resources.files("newsgraph") / "data" / "samples" / f"{SAMPLE_ID}.json"))

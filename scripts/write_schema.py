"""Regenerate src/newsgraph/schema/document.schema.json from newsgraph.model (tests fail when it is stale)."""

import json
from pathlib import Path

from newsgraph.model import json_schema

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "schema" / "document.schema.json"

if __name__ == "__main__":
    OUT.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")

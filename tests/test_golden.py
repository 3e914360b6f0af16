"""Whole pipeline against reviewed expected output (``pytest --update-golden`` rewrites, then review the diff)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsgraph import pipeline
from newsgraph.model import json_schema
from newsgraph.readers import read_path

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "article.json").exists())


def _dump(data: dict) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("case", CASES)
def test_golden_document(case, nlp, update_golden):
    [(_, article)] = list(read_path(GOLDEN / case / "article.json"))
    doc = next(pipeline.process([article], nlp=nlp))
    data = doc.to_dict()
    jsonschema.validate(data, json_schema())
    expected_path = GOLDEN / case / "expected.json"
    if not expected_path.exists() and not update_golden:
        pytest.fail(f"{expected_path} is missing: run `make golden` and review it")
    if update_golden:
        expected_path.write_text(_dump(data), encoding="utf-8")
        pytest.skip(f"wrote {expected_path}; review the diff")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert _dump(data) == _dump(expected)

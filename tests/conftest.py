"""Shared fixtures and options: --slow runs long evaluations; --update-golden rewrites golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "afp-2024-06-12-north-korea-russia.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow (long evaluations)")
    parser.addoption("--update-golden", action="store_true", help="rewrite golden expected files")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow evaluation: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, loaded once for the whole session."""
    from newsgraph.pipeline import default_nlp

    return default_nlp()


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "tests" / "golden" / "seed" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_document(nlp, seed_text):
    from newsgraph import pipeline

    return pipeline.extract(seed_text, published="2024-06-12", source="AFP",
                            id="afp-2024-06-12-north-korea-russia", nlp=nlp)

"""Store fixtures: hand-built Documents (no model load) and a fresh store file per test."""

from __future__ import annotations

import pytest
from store_docs import make_bare, make_germany, make_korea

from newsgraph.model import Document
from newsgraph.store import Store


@pytest.fixture
def korea() -> Document:
    return make_korea()


@pytest.fixture
def germany() -> Document:
    return make_germany()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.duckdb"


@pytest.fixture
def store(db_path):
    with Store(db_path) as s:
        yield s


@pytest.fixture
def filled(db_path, korea, germany):
    """A store file holding korea, germany and one bare document (closed, so it can be opened read-only)."""
    with Store(db_path) as s:
        s.add([korea, germany, make_bare()])
    return db_path

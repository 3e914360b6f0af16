"""Docs stay honest: every CLI command and every pipeline stage is documented."""

import re
from pathlib import Path

from newsgraph.cli import main
from newsgraph.pipeline import STAGES

ROOT = Path(__file__).resolve().parents[1]


def test_docs_every_command_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    opening = readme.split("```")[1]
    assert opening.strip().splitlines()[0].startswith("make run") and "make test" in opening
    headings = [line for line in readme.splitlines() if line.startswith("### `newsgraph ")]
    for name in main.commands:
        assert any(re.search(rf"[ |]{name}\b", h) for h in headings), f"README lacks a section for `newsgraph {name}`"


def test_docs_every_stage_in_architecture():
    arch = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name, _ in STAGES:
        assert f"| `{name}` |" in arch, f"docs/architecture.md lacks stage {name}"


def test_docs_every_command_names_its_python_twin():
    for name, command in main.commands.items():
        assert "Python:" in (command.help or ""), f"`newsgraph {name}` --help does not name its Python twin"

"""The CLI: output on stdout, clear errors on stderr with exit 1, batches that survive bad lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.model import json_schema

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "golden" / "seed" / "article.txt"


@pytest.fixture(scope="module")
def runner(nlp):  # nlp: load the shared pipeline once so CliRunner calls reuse it
    return CliRunner()


def invoke(runner, *args, input=None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def test_cli_extract_seed_validates_and_has_dateline(runner):
    result = invoke(runner, "extract", str(SEED), "--published", "2024-06-12", "--source", "AFP")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, json_schema())
    assert doc["dateline"]["place"] == "Seoul" and doc["dateline"]["agency"] == "AFP"
    assert doc["id"] == "article" and doc["published"] == "2024-06-12" and doc["source"] == "AFP"
    ids = {e["id"] for e in doc["entities"]}
    assert {"PRK", "RUS", "KOR", "USA", "UKR", "VNM"} <= ids


def test_cli_extract_many_files_gives_jsonl(runner, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Russia and China signed a trade deal on Monday.", encoding="utf-8")
    b.write_text("Iran condemned the strike, its foreign ministry said.", encoding="utf-8")
    result = invoke(runner, "extract", str(a), str(b), "--published", "2024-01-08")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_cli_extract_pretty(runner, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Russia and China signed a trade deal.", encoding="utf-8")
    result = invoke(runner, "extract", str(a), "--pretty")
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["warnings"][0].startswith("[W001]")


def test_cli_extract_missing_file_exits_1(runner, tmp_path):
    result = invoke(runner, "extract", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "E003" in result.stderr and "missing.txt" in result.stderr and "no such file" in result.stderr
    assert result.stdout == ""


def test_cli_extract_empty_text_exits_1(runner, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n\n   \n", encoding="utf-8")
    result = invoke(runner, "extract", str(path))
    assert result.exit_code == 1 and "E001" in result.stderr and "empty" in result.stderr


def test_cli_extract_undecodable_exits_1(runner, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"North Korea \xff\xfe said")
    result = invoke(runner, "extract", str(path))
    assert result.exit_code == 1 and "E004" in result.stderr and "offset 12" in result.stderr


def test_cli_extract_bad_published_exits_1_before_work(runner):
    result = invoke(runner, "extract", str(SEED), "--published", "12 June")
    assert result.exit_code == 1
    assert "E002" in result.stderr and "--published" in result.stderr and "'12 June'" in result.stderr
    assert result.stdout == ""


def test_cli_extract_jsonl_stdin_reports_bad_line_and_processes_rest(runner):
    lines = [
        json.dumps({"id": "one", "text": "Russia vetoed the resolution.", "published": "2024-03-28"}),
        "{broken",
        json.dumps({"id": "three", "text": "Japan and South Korea held talks.", "published": "2024-03-28"}),
        json.dumps({"id": "four", "text": ""}),
    ]
    result = invoke(runner, "extract", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.strip().splitlines()] == ["one", "three"]
    assert "<stdin> line 2" in result.stderr and "E005" in result.stderr
    assert "<stdin> line 4" in result.stderr and "E001" in result.stderr
    assert "2 input(s) could not be read; 2 document(s) written" in result.stderr


def test_cli_extract_bad_file_among_good_ones(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Germany and France agreed on a plan.", encoding="utf-8")
    result = invoke(runner, "extract", str(tmp_path / "gone.txt"), str(good))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["id"] == "good"


def test_cli_schema_matches_shipped_file(runner):
    result = invoke(runner, "schema")
    shipped = json.loads((ROOT / "src" / "newsgraph" / "schema" / "document.schema.json").read_text())
    assert json.loads(result.stdout) == shipped == json.loads(json.dumps(json_schema(), sort_keys=True))


def test_cli_stages_lists_order_requires_and_assigns(runner):
    result = invoke(runner, "stages")
    assert result.exit_code == 0
    out = result.stdout
    for name in ("dateline", "entities", "doc._.entities", "doc._.dateline"):
        assert name in out
    assert out.index("dateline") < out.index("entities")


def test_cli_show_sample_prints_summary(runner):
    result = invoke(runner, "show", "--sample")
    assert result.exit_code == 0
    assert "afp-2024-06-12-north-korea-russia" in result.stdout and "Entities" in result.stdout


def test_cli_real_entry_point_from_issue():
    """The command a user types, in a fresh process (the console script from the installed package)."""
    exe = Path(sys.executable).parent / "newsgraph"
    proc = subprocess.run([str(exe), "extract", str(SEED), "--published", "2024-06-12", "--source", "AFP"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, json_schema())
    assert doc["dateline"]["place"] == "Seoul"

"""Ingest through the real pipeline: folders and JSONL, idempotent re-runs, failure rows, a killed run resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import pipeline, store
from newsgraph.cli import main
from newsgraph.errors import BadArticle
from newsgraph.readers import read_path
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    "SEOUL (AFP) : North Korean leader Kim Jong Un met Russian President Vladimir Putin in Pyongyang on Wednesday.",
    "Germany and France agreed on Tuesday to send more air defence systems to Ukraine, officials said.",
    "Washington said it would impose new sanctions on Iran next week, according to Reuters.",
    "China denied that its coast guard had fired water cannon at Philippine vessels near Manila.",
]

HTML = """<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in Geneva</h1>
<p>Diplomats from the United States and Russia met in Geneva on Monday for talks on arms control, the first such
meeting in more than a year. Officials from both countries said the discussions were frank and useful.</p>
<p>A second round is expected next month, a spokesperson for the Swiss foreign ministry said.</p>
</article></body></html>"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (root / "b.json").write_text(json.dumps({"text": TEXTS[1], "published": "2024-06-11", "source": "Reuters"}),
                                 encoding="utf-8")
    lines = [json.dumps({"id": "c1", "text": TEXTS[2], "published": "2024-06-12"}),
             json.dumps({"id": "c-empty", "text": "   "}),
             json.dumps({"id": "c2", "text": TEXTS[3], "published": "2024-06-13", "source": "AFP"})]
    (root / "sub" / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "sub" / "d.html").write_text(HTML, encoding="utf-8")
    (root / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return root


class NoNLP:
    """A pipeline stand-in that fails if any article reaches it."""

    def set_error_handler(self, handler):
        pass

    def pipe(self, docs, batch_size=32):
        for _ in docs:
            raise AssertionError("the pipeline ran on an article that was already stored")
        yield from ()


def test_store_ingest_folder_stores_what_the_pipeline_makes(corpus, tmp_path, nlp):
    db = tmp_path / "news.duckdb"
    report = store.ingest([corpus], db, nlp=nlp)
    assert (report.stored, report.skipped, report.failed) == (5, 0, 1)
    # exactly the documents `newsgraph extract` makes of the same files
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".json", ".jsonl", ".html"))
    articles = [a for f in files for _, a in read_path(f) if not isinstance(a, BadArticle)]
    expected = list(pipeline.process(articles, nlp=nlp))
    with Store(db, read_only=True) as s:
        assert list(s.documents()) == expected
        origins = [o for (o,) in s.con.execute("SELECT origin FROM documents ORDER BY seq").fetchall()]
        failure = s.con.execute("SELECT origin, line, stage, code, message FROM failures").fetchone()
        run = s.con.execute("SELECT stored, skipped, failed, finished_at IS NOT NULL FROM runs").fetchone()
    assert origins[0].endswith("a.txt") and origins[2].endswith("c.jsonl:1") and origins[3].endswith("c.jsonl:3")
    assert failure[0].endswith("c.jsonl:2") and failure[1:4] == (2, "read", "BadArticle")
    assert "E001" in failure[4]
    assert run == (5, 0, 1, True)


def test_store_ingest_reconnecting_store_keeps_every_commit(corpus, tmp_path, nlp, monkeypatch):
    """Ingest reconnects a store it opened itself every RECONNECT_EVERY commits (flat memory); nothing is lost."""
    ingest_module = sys.modules["newsgraph.store.ingest"]  # the package exports the function under that name
    reconnects = []
    real = Store.reconnect
    monkeypatch.setattr(ingest_module, "RECONNECT_EVERY", 1)
    monkeypatch.setattr(Store, "reconnect", lambda self: (reconnects.append(1), real(self))[1])
    db = tmp_path / "news.duckdb"
    report = store.ingest([corpus], db, nlp=nlp, commit_every=1)
    assert report.stored == 5 and len(reconnects) >= 5
    with Store(db, read_only=True) as s:
        assert s.count("documents") == 5 and s.con.execute("SELECT stored FROM runs").fetchone()[0] == 5


def test_store_ingest_rerun_skips_before_nlp(corpus, tmp_path, nlp):
    db = tmp_path / "news.duckdb"
    store.ingest([corpus], db, nlp=nlp)
    again = store.ingest([corpus], db, nlp=NoNLP())
    assert (again.stored, again.skipped, again.extracted) == (0, 5, 0)
    with Store(db, read_only=True) as s:
        assert s.count("documents") == 5
        assert s.con.execute("SELECT attempts FROM failures").fetchone()[0] == 2
        assert s.count("runs") == 2


def test_store_ingest_on_error_raise_keeps_what_finished(corpus, tmp_path, nlp):
    db = tmp_path / "news.duckdb"
    with pytest.raises(BadArticle, match="E001"):
        store.ingest([corpus / "sub" / "c.jsonl"], db, nlp=nlp, on_error="raise")
    with Store(db, read_only=True) as s:
        assert [i for (i,) in s.con.execute("SELECT id FROM documents").fetchall()] == ["c1"]
        assert s.count("failures") == 0


def test_store_ingest_missing_path(tmp_path, nlp):
    with pytest.raises(store.StoreError, match="S008"):
        store.ingest([tmp_path / "missing"], tmp_path / "db.duckdb", nlp=nlp)


def test_store_ingest_cli_round_trip(corpus, tmp_path, nlp):
    runner = CliRunner()
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(main, ["ingest", str(corpus), "--db", db, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "5 stored, 0 skipped (already stored), 1 failed" in result.stderr
    result = runner.invoke(main, ["ingest", "-", "--db", db, "--no-progress", "--source", "AP"],
                           input=json.dumps({"id": "stdin-1", "text": TEXTS[0]}) + "\n")
    assert result.exit_code == 0 and "1 stored" in result.stderr
    result = runner.invoke(main, ["actors", "--db", db, "--format", "json", "--type", "country"])
    assert result.exit_code == 0, result.output
    assert {"PRK", "DEU", "UKR"} <= {row["id"] for row in json.loads(result.stdout)}
    result = runner.invoke(main, ["sql", "SELECT count(*) AS n FROM documents WHERE source = 'AP'", "--db", db,
                                  "--format", "csv"])
    assert result.stdout.splitlines() == ["n", "1"]
    result = runner.invoke(main, ["sql", "DROP TABLE documents", "--db", db])
    assert result.exit_code == 1 and "S009" in result.stderr
    result = runner.invoke(main, ["export", "--format", "jsonl", "-", "--db", db])
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 6 and docs[-1]["id"] == "stdin-1" and docs[-1]["source"] == "AP"
    for command in ("events", "claims", "quotes"):
        result = runner.invoke(main, [command, "--db", db, "--since", "2024-01-01"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "S003" in result.stderr


CHILD = textwrap.dedent("""
    import sys, time
    from newsgraph import store
    def committed(report):
        print(report.stored, flush=True)
        time.sleep(0.2)  # slow the run down so the kill lands mid-run
    store.ingest([sys.argv[1]], sys.argv[2], commit_every=2, batch_size=2, on_commit=committed)
""")


def test_store_ingest_sigkill_then_rerun_stores_each_document_once(tmp_path, nlp):
    n = 40
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": f"doc-{i}", "text": f"{TEXTS[i % 4]} Story {i}."}) + "\n"
                              for i in range(n)), encoding="utf-8")
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(source), str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        for line in child.stdout:
            if int(line) >= 6:
                child.send_signal(signal.SIGKILL)
                break
        child.wait(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL, child.stderr.read()
    with Store(db, read_only=True) as s:
        partial = s.count("documents")
    assert 6 <= partial < n
    result = subprocess.run([sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest",
                             str(source), "--db", str(db), "--no-progress"], capture_output=True, text=True,
                            env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert f"{n - partial} stored, {partial} skipped" in result.stderr
    with Store(db, read_only=True) as s:
        ids = [i for (i,) in s.con.execute("SELECT id FROM documents ORDER BY seq").fetchall()]
        per_doc = s.con.execute("""SELECT count(*) FROM (SELECT doc_key, id, count(*) AS c FROM entities
                                   GROUP BY ALL HAVING c > 1)""").fetchone()[0]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(n)) and len(ids) == n
    assert per_doc == 0  # no half-written or doubled document

"""Corpus ingest: files, folders and JSONL into the store, idempotent and resumable.

    from newsgraph.store import ingest
    report = ingest(["corpus/"], db="news.duckdb")   # the Python twin of ``newsgraph ingest corpus/``

Each article's content hash is checked against the store *before* the pipeline runs, so a re-run only pays for
new articles. Documents are committed in batches, one transaction each: a killed run loses at most the batch in
flight, and running it again picks up where it stopped. Articles that cannot be read or processed become rows of
``failures`` (with the reason) and the run goes on, unless ``on_error="raise"``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import BadArticle, NewsgraphError
from ..model import Article, Document, Failure
from .duckdb import DEFAULT_DB, FailureRow, Store, StoredDocument
from .exceptions import StoreError, StoreErrors
from .keys import article_hash, document_hash

if TYPE_CHECKING:
    from spacy.language import Language

    from ..readers import Overrides

#: File suffixes read from folders (a file named on the command line is read whatever its suffix).
SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")

OnError = Literal["skip", "raise"]


#: DuckDB's buffer pool during ingest: bounded, so a long run's memory stays flat (benchmarks/RESULTS-store.md);
#: ``Store.add`` raises it for a batch of long articles that would not fit.
INGEST_MEMORY_LIMIT = "24MB"
#: A batch is also committed once its articles hold this much text, so long articles make small transactions.
COMMIT_CHARS = 2_000_000
#: Commits between two reconnections of a store that ingest opened itself (``Store.reconnect``: flat memory).
RECONNECT_EVERY = 64


@dataclass
class IngestReport:
    """What one ingest run did."""

    db: str
    run_id: str
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    extracted: int = 0  # documents the pipeline made in this run (stored once committed)
    failures: list[FailureRow] = field(default_factory=list, repr=False)  # the first 100, for messages

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Articles handled per second (stored, skipped and failed)."""
        return self.seen / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Item:
    """One input read from a path: an article with its hash, or the error that says why it was not read."""

    origin: str
    line: int | None
    article: Article | None
    error: BadArticle | None = None
    hash: str | None = None


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The files to read: each file as given, each folder's matching files recursively, in sorted order.

    Raises:
        StoreError: a path does not exist.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            yield path
        else:
            raise StoreError(StoreErrors.S008.format(path=path))


def iter_items(paths: Sequence[str | os.PathLike[str]], *, overrides: Overrides | None = None) -> Iterator[Item]:
    """Every article in ``paths`` (``-`` reads JSONL from stdin), hashed, with read errors in place."""
    from ..readers import read_path, read_stream

    for path in ([None] if list(map(str, paths)) == ["-"] else iter_files(paths)):
        origin = "<stdin>" if path is None else str(path)
        lines = read_stream(sys.stdin, overrides=overrides) if path is None else read_path(path, overrides=overrides)
        try:
            for number, found in lines:
                where = f"{origin}:{number}" if path is None or path.suffix.lower() == ".jsonl" else origin
                if isinstance(found, BadArticle):
                    yield Item(where, number, None, found)
                else:
                    yield Item(where, number, found, hash=article_hash(found))
        except BadArticle as exc:  # the file itself (or its single article) could not be read
            yield Item(origin, None, None, exc)


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    db: str | os.PathLike[str] | Store = DEFAULT_DB,
    *,
    on_error: OnError = "skip",
    nlp: Language | None = None,
    batch_size: int = 16,
    commit_every: int = 64,
    commit_seconds: float = 10.0,
    overrides: Overrides | None = None,
    progress: bool = False,
    on_commit: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Extract and store every article in ``paths`` not stored yet (the twin of ``newsgraph ingest``).

    Args:
        paths: files, folders (read recursively: .txt .html .htm .json .jsonl) or ``["-"]`` for JSONL on stdin.
        db: the store file (created and migrated when needed) or an open ``Store``.
        on_error: ``"skip"`` records a failure row and goes on; ``"raise"`` stops at the first bad article
            (after committing the documents finished before it).
        nlp: the pipeline (default ``pipeline.default_nlp()``).
        batch_size: documents per ``nlp.pipe`` batch. Each batch's transient memory sets a run's peak (32 short
            articles: ~45 MB, 8: ~15 MB) while smaller batches cost CPU (8: +10%, 16: +5% against 32); 16 keeps
            ingest within 15% of ``newsgraph extract`` (benchmarks/RESULTS-store.md).
        commit_every: documents per transaction; a smaller batch is committed when ``commit_seconds`` have passed
            or its articles hold ``COMMIT_CHARS`` characters of text.
        overrides: metadata to set on every article (as ``newsgraph extract --published`` etc.).
        progress: show a progress bar with the rate on stderr.
        on_commit: called with the running report after each committed batch.

    Returns:
        Counts of documents stored, skipped (already stored) and failed.

    Raises:
        StoreError: a path does not exist, or the store cannot be opened.
        NewsgraphError: with ``on_error="raise"``, the first article that failed.
    """
    from .. import pipeline

    for path in paths:  # fail before opening a run, not halfway through it
        if str(path) != "-" and not Path(path).exists():
            raise StoreError(StoreErrors.S008.format(path=path))
    owned = not isinstance(db, Store)
    store = Store(db, memory_limit=INGEST_MEMORY_LIMIT) if owned else db
    started = time.perf_counter()
    run_id = store.begin_run([str(p) for p in paths])
    report = IngestReport(db=store.path, run_id=run_id)
    docs: list[StoredDocument] = []
    fails: list[FailureRow] = []
    in_flight: dict[str, str] = {}   # hash -> origin, for articles read but not yet committed
    by_id: dict[str, str] = {}       # document id -> hash, to place pipeline failures
    skipped = 0
    stopped: list[BadArticle] = []   # with on_error="raise": the unreadable article that ended reading
    last_commit = time.monotonic()
    bar = _Progress(report) if progress else None

    def fail(failure: Failure, origin: str | None, hash_: str | None, exc: Exception | None = None) -> None:
        if on_error == "raise":
            raise exc if exc is not None else NewsgraphError(f"[{failure.code}] {failure.message}")
        fails.append(FailureRow(failure, origin, hash_))
        report.failed += 1
        if len(report.failures) < 100:
            report.failures.append(fails[-1])

    def articles() -> Iterator[Article]:
        nonlocal skipped
        from ..stages.export import document_id

        for chunk in _chunks(iter_items(paths, overrides=overrides), 64):
            known = store.known_hashes(i.hash for i in chunk if i.hash)
            for item in chunk:
                if item.article is None:
                    assert item.error is not None
                    if on_error == "raise":  # stop reading; what was read before it is still processed
                        stopped.append(item.error)
                        return
                    fail(Failure(article_id=None, stage="read", code=type(item.error).__name__,
                                 message=str(item.error), line=item.line), item.origin, None, item.error)
                elif item.hash in known or item.hash in in_flight:
                    skipped += 1
                    report.skipped += 1
                else:
                    assert item.hash is not None
                    in_flight[item.hash] = item.origin
                    by_id[document_id(item.article)] = item.hash
                    yield item.article
                if bar:
                    bar.update()

    commits = 0

    pending_chars = 0  # article text in ``docs``, for COMMIT_CHARS

    def flush() -> None:
        nonlocal docs, fails, skipped, last_commit, commits, pending_chars
        if docs or fails or skipped:
            report.stored += store.add(docs, fails, run_id=run_id, skipped=skipped)
            commits += 1
            if owned and commits % RECONNECT_EVERY == 0:
                store.reconnect()
            for d in docs:
                in_flight.pop(d.hash or "", None)
                by_id.pop(d.document.id, None)
            docs, fails, skipped, pending_chars = [], [], 0, 0
            if on_commit is not None:
                on_commit(report)
        last_commit = time.monotonic()

    flush_failed = False
    try:
        results = pipeline.process(articles(), nlp=nlp, batch_size=batch_size, on_error=on_error) if paths else ()
        for result in results:
            if isinstance(result, Document):
                report.extracted += 1
                hash_ = document_hash(result)
                docs.append(StoredDocument(result, in_flight.get(hash_), hash_))
                pending_chars += len(result.text)
            else:
                hash_ = by_id.get(result.article_id or "")
                fail(result, in_flight.pop(hash_, None) if hash_ else None, hash_)
            if bar:
                bar.update()
            if (len(docs) >= commit_every or time.monotonic() - last_commit >= commit_seconds
                    or pending_chars >= COMMIT_CHARS):
                flush_failed = True
                flush()
                flush_failed = False
        flush_failed = True
        flush()
        flush_failed = False
        if stopped:
            raise stopped[0]
    finally:
        try:
            if not flush_failed:
                flush()  # what finished before an error (or Ctrl-C) is kept
        finally:
            report.seconds = time.perf_counter() - started
            if bar:
                bar.close()
            store.end_run(run_id)
            if owned:
                store.close()
    return report


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Progress:
    """A rich progress line on stderr: stored / skipped / failed and documents per second."""

    def __init__(self, report: IngestReport) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.report = report
        self.started = time.perf_counter()
        self.progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(),
                                 TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("", total=None)
        self.progress.start()
        self.last = 0.0

    def update(self) -> None:
        now = time.perf_counter()
        if now - self.last < 0.2:
            return
        self.last = now
        r = self.report
        rate = r.extracted / (now - self.started) if now > self.started else 0.0
        self.progress.update(self.task, description=f"{r.extracted} extracted ({r.stored} committed), "
                                                    f"{r.skipped} skipped, {r.failed} failed · {rate:.1f} docs/s")

    def close(self) -> None:
        self.last = 0.0
        self.update()
        self.progress.stop()

"""``newsgraph extract``, ``show``, ``stages`` and ``schema``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from ..errors import BadArticle, NewsgraphError
from ..model import Article, Document, Failure
from ..readers import Overrides, parse_published, read_path, read_stream


def metadata_options(func):
    """Options that supply or override article metadata (shared by every command that reads articles)."""
    for decorator in reversed([
        click.option("--published", help="Publication date, ISO (2024-06-12 or 2024-06-12T08:30:00Z)."),
        click.option("--source", help="Source or outlet (AFP)."),
        click.option("--id", "id_", help="Document id (default: the file name, else a hash of the text)."),
        click.option("--url", help="Article URL."),
        click.option("--title", help="Article title."),
    ]):
        func = decorator(func)
    return func


def make_overrides(published: str | None, source: str | None, id_: str | None, url: str | None,
                   title: str | None) -> Overrides:
    if published is not None:
        try:
            parse_published(published, where="--published")
        except BadArticle as exc:
            raise click.ClickException(str(exc)) from None
    return Overrides(published=published, source=source, id=id_, url=url, title=title)


class InputErrors:
    """Counts and reports unreadable inputs on stderr while the rest are processed."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, where: str, message: str) -> None:
        self.count += 1
        click.echo(f"error: {where}: {message}" if not message.startswith(where) else f"error: {message}",
                   err=True)


def iter_articles(inputs: tuple[str, ...], overrides: Overrides, errors: InputErrors) -> Iterator[Article]:
    """Articles from files and ``-`` (JSONL on stdin); unreadable ones are reported and skipped."""
    for name in inputs:
        try:
            items = read_stream(sys.stdin, overrides=overrides) if name == "-" else read_path(name,
                                                                                             overrides=overrides)
            for line, item in items:
                if isinstance(item, BadArticle):
                    errors.report(f"{'<stdin>' if name == '-' else name} line {line}", str(item))
                else:
                    yield item
        except NewsgraphError as exc:
            errors.report(name, str(exc))


def run_extract(inputs: tuple[str, ...], overrides: Overrides, errors: InputErrors,
                batch_size: int = 32) -> Iterator[Document]:
    from ..pipeline import process

    for result in process(iter_articles(inputs, overrides, errors), batch_size=batch_size, on_error="skip"):
        if isinstance(result, Failure):
            errors.report(result.article_id or "article", f"[{result.stage}] {result.code}: {result.message}")
        else:
            yield result


def _finish(errors: InputErrors, produced: int) -> None:
    if errors.count:
        raise click.ClickException(f"{errors.count} input(s) could not be read; {produced} document(s) written")


def register(main: click.Group) -> None:
    @main.command()
    @click.argument("inputs", nargs=-1, required=True, metavar="FILE... | -")
    @metadata_options
    @click.option("--pretty", is_flag=True, help="Indent the JSON (one document per block).")
    @click.option("--batch-size", default=32, show_default=True, help="Documents per nlp.pipe batch.")
    def extract(inputs: tuple[str, ...], published, source, id_, url, title, pretty: bool,
                batch_size: int) -> None:
        """Print the contract document for each article: JSON for one, JSONL for many.

        FILE is plain text, HTML (.html), a JSON article (.json) or JSONL (.jsonl); `-` reads JSONL on stdin.
        Unreadable inputs are reported on stderr (with their line number for JSONL), the rest are processed,
        and the exit status is then 1.

        Python: newsgraph.extract(text, published=..., source=...) / newsgraph.extract_many(items).
        """
        errors = InputErrors()
        overrides = make_overrides(published, source, id_, url, title)
        produced = 0
        for doc in run_extract(inputs, overrides, errors, batch_size=batch_size):
            click.echo(doc.to_json(indent=2 if pretty else None))
            produced += 1
        _finish(errors, produced)

    @main.command()
    @click.argument("inputs", nargs=-1, metavar="[FILE... | -]")
    @click.option("--sample", is_flag=True, help="Read the bundled sample article.")
    @metadata_options
    def show(inputs: tuple[str, ...], sample: bool, published, source, id_, url, title) -> None:
        """Extract articles and print a readable summary (tables) instead of JSON.

        Python: newsgraph.summary.render(document).
        """
        from ..samples import sample_path
        from ..summary import render

        if sample:
            inputs = (*inputs, str(sample_path()))
        if not inputs:
            raise click.UsageError("give FILE... or - or --sample")
        errors = InputErrors()
        produced = 0
        for doc in run_extract(inputs, make_overrides(published, source, id_, url, title), errors):
            render(doc)
            produced += 1
        _finish(errors, produced)

    @main.command()
    def stages() -> None:
        """Print the pipeline's components in order with what each requires and assigns.

        Python: newsgraph.pipeline.describe(newsgraph.pipeline.build()).
        """
        from rich.console import Console
        from rich.table import Table

        from ..pipeline import build, describe

        table = Table("#", "stage", "factory", "requires", "assigns", title="newsgraph pipeline")
        for n, info in enumerate(describe(build()), 1):
            name = f"[bold]{info.name}[/bold]" if info.newsgraph else info.name
            table.add_row(str(n), name, info.factory, ", ".join(info.requires) or "-",
                          ", ".join(info.assigns) or "-")
        Console(width=140).print(table)

    @main.command()
    def schema() -> None:
        """Print the JSON Schema of the document contract.

        Python: newsgraph.model.json_schema().
        """
        from ..model import json_schema

        click.echo(json.dumps(json_schema(), indent=2, sort_keys=True))


__all__ = ["InputErrors", "iter_articles", "make_overrides", "metadata_options", "register", "run_extract"]

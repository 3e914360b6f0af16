"""Readers: files (text, HTML, JSON, JSONL) and JSONL streams -> validated ``Article`` records.

Validation happens here, at the boundary: every error names the field, the value received and what is valid.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from .errors import BadArticle, Errors
from .model import Article

TEXT_FIELDS = ("id", "source", "url", "title")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; a set field replaces the article's own."""

    published: str | None = None
    source: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None

    def apply(self, fields: dict[str, Any]) -> dict[str, Any]:
        out = dict(fields)
        for key in ("published", *TEXT_FIELDS):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


def parse_published(value: Any, *, where: str = "published") -> dt.date | dt.datetime | None:
    """An ISO date or datetime (``2024-06-12``, ``2024-06-12T08:30:00Z``), or None.

    Raises:
        BadArticle: anything else, naming the value.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        raise BadArticle(Errors.E002.format(field=where, value=value))
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        raise BadArticle(Errors.E002.format(field=where, value=value)) from None


def html_to_fields(html: str, *, where: str) -> dict[str, Any]:
    """Main text, title and date of an HTML page (trafilatura)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise BadArticle(Errors.E008.format(where=where))
    fields: dict[str, Any] = {"text": text}
    if getattr(extracted, "title", None):
        fields["title"] = extracted.title
    if getattr(extracted, "date", None):
        fields["published"] = extracted.date
    if getattr(extracted, "url", None):
        fields["url"] = extracted.url
    return fields


def article_from_fields(
    fields: Mapping[str, Any], *, where: str, base: Path | None = None, overrides: Overrides | None = None
) -> Article:
    """Validate one article given as fields of the input contract (``text`` or ``html``, ``published``, …).

    ``text_file`` (a path relative to ``base``) may stand in for ``text``. Unknown fields are ignored.

    Raises:
        BadArticle: with a message naming the field, the value and what is valid.
    """
    if not isinstance(fields, Mapping):
        raise BadArticle(Errors.E006.format(where=where, got=type(fields).__name__))
    data = dict(fields)
    if not data.get("text") and data.get("text_file"):
        data["text"] = read_text(Path(base or ".") / str(data["text_file"]))
    if not data.get("text") and data.get("html"):
        if not isinstance(data["html"], str):
            raise BadArticle(Errors.E007.format(where=where, field="html", expected="a string",
                                                value=data["html"]))
        html_fields = html_to_fields(data["html"], where=where)
        data = {**html_fields, **{k: v for k, v in data.items() if v is not None and k != "html"}}
        data["text"] = html_fields["text"]
    if overrides is not None:
        data = overrides.apply(data)
    if "text" not in data or data["text"] is None:
        raise BadArticle(Errors.E006.format(where=where, got="no text or html field"))
    if not isinstance(data["text"], str):
        raise BadArticle(Errors.E007.format(where=where, field="text", expected="a string", value=data["text"]))
    if not data["text"].strip():
        raise BadArticle(Errors.E001.format(field=f"{where}: text"))
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            if key == "id" and isinstance(value, int):
                data[key] = str(value)
            else:
                raise BadArticle(Errors.E007.format(where=where, field=key, expected="a string", value=value))
    published = parse_published(data.get("published"), where=f"{where}: published")
    try:
        return Article(text=data["text"], published=published,
                       **{k: data.get(k) for k in TEXT_FIELDS})
    except ValidationError as exc:  # pragma: no cover - the checks above catch what Article rejects
        raise BadArticle(f"{where}: {exc}") from None


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """A file's text; a BOM is dropped; bad bytes raise with the offset."""
    if not path.is_file():
        raise BadArticle(Errors.E003.format(path=path))
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(path, encoding, data, exc.start) from None


def _undecodable(where: object, encoding: str, data: bytes, at: int, offset: int = 0) -> BadArticle:
    """E004 for the byte at ``data[at]`` (``offset``: where ``data`` starts in its file)."""
    reason = f"byte 0x{data[at]:02x} at offset {offset + at}"
    return BadArticle(Errors.E004.format(path=where, encoding=encoding, reason=reason))


def jsonl_lines(path: Path) -> Iterator[str | BadArticle]:
    """The lines of a JSONL file, streamed (a corpus file may be larger than memory). A line that is not UTF-8
    becomes the error that says so, and the lines after it are still read. Lines end at a newline byte only:
    JSON text may hold a raw U+2028 inside a string, which ``str.splitlines`` would cut."""
    if not path.is_file():
        raise BadArticle(Errors.E003.format(path=path))
    offset = 0
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            start = 3 if number == 1 and raw.startswith(codecs.BOM_UTF8) else 0
            try:
                yield raw[start:].decode("utf-8")
            except UnicodeDecodeError as exc:
                yield _undecodable(f"{path} line {number}", "utf-8", raw, start + exc.start, offset)
            offset += len(raw)


def read_jsonl(lines: Iterable[str | BadArticle], *, where: str = "<stdin>",
               overrides: Overrides | None = None, base: Path | None = None
               ) -> Iterator[tuple[int, Article | BadArticle]]:
    """Each non-blank line as ``(line_number, Article or the BadArticle that says why it was not read)``."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, BadArticle):
            yield number, line
            continue
        if not line.strip():
            continue
        here = f"{where} line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, BadArticle(Errors.E005.format(where=here, reason=exc.msg))
            continue
        try:
            yield number, article_from_fields(data, where=here, overrides=overrides, base=base)
        except BadArticle as exc:
            yield number, exc


def read_path(path: str | Path, *, overrides: Overrides | None = None
              ) -> Iterator[tuple[int, Article | BadArticle]]:
    """Articles in one file, by suffix: ``.jsonl`` (one per line), ``.json``, HTML, else plain text.

    Single-article files take their file stem as default id. Raises ``BadArticle`` when the file itself
    cannot be read (missing, undecodable); a bad line of a JSONL file is yielded as its error instead.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    where = str(path)
    if suffix == ".jsonl":
        yield from read_jsonl(jsonl_lines(path), where=where, overrides=overrides, base=path.parent)
        return
    text = read_text(path)
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadArticle(Errors.E005.format(where=where, reason=exc.msg)) from None
        if isinstance(data, dict):
            data.setdefault("id", path.stem)
        yield 1, article_from_fields(data, where=where, base=path.parent, overrides=overrides)
        return
    if suffix in HTML_SUFFIXES:
        fields = html_to_fields(text, where=where)
    else:
        fields = {"text": text}
    fields.setdefault("id", path.stem)
    yield 1, article_from_fields(fields, where=where, overrides=overrides)


def read_stream(stream: TextIO, *, overrides: Overrides | None = None
                ) -> Iterator[tuple[int, Article | BadArticle]]:
    """JSONL on a stream (``newsgraph extract -``)."""
    yield from read_jsonl(stream, where="<stdin>", overrides=overrides)

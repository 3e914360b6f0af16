"""All coded messages in one place (tests check every code is unique and formats).

Errors raise; warnings ride along in ``Document.warnings`` as ``"[W###] message"`` strings.
"""

from __future__ import annotations

from enum import Enum


class _Messages(str, Enum):
    def __new__(cls, code: str, template: str) -> _Messages:  # noqa: PYI034 — an Enum member, not Self
        obj = str.__new__(cls, template)
        obj._value_ = code
        obj.template = template  # type: ignore[attr-defined]
        return obj

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.value}] " + self.template.format(*args, **kwargs)  # type: ignore[attr-defined]


class Errors(_Messages):
    E001 = ("E001", "{field} is empty: an article needs some text to read")
    E002 = ("E002", "{field}: could not read {value!r} as an ISO date or datetime (e.g. 2024-06-12 or 2024-06-12T08:30:00Z)")
    E003 = ("E003", "{path}: no such file")
    E004 = ("E004", "{path}: bytes are not valid {encoding} text ({reason})")
    E005 = ("E005", "{where}: not valid JSON ({reason})")
    E006 = ("E006", "{where}: a JSON article must be an object with \"text\" or \"html\"; got {got}")
    E007 = ("E007", "{where}: field {field!r} must be {expected}; got {value!r}")
    E008 = ("E008", "{where}: HTML holds no readable main text")
    E009 = ("E009", "stage {stage!r} requires {attr!r}, which no earlier stage assigns; pipeline order: {order}")
    E010 = ("E010", "unknown stage {stage!r}; known stages: {known}")


class Warnings(_Messages):
    W001 = ("W001", "no publication date: relative dates are left unresolved (XXXX values)")
    W002 = ("W002", "unbalanced quotation mark at offset {offset}: that quote was dropped")
    W003 = ("W003", "text contains {count} control character(s); they were kept as given")


class NewsgraphError(Exception):
    """Base of every newsgraph error. Picklable: all state is in ``args``."""

    transient = False

    def __init__(self, message: str, *args: object) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # keep pickling simple for multiprocessing and batch engines
        return (self.__class__, self.args)


class Terminal(NewsgraphError):
    """Retrying will not help (bad input): skip and record."""


class Transient(NewsgraphError):
    """May succeed on retry (a backend timed out)."""

    transient = True


class BadArticle(Terminal):
    """The input cannot be read as an article; the message names the field, the value and what is valid."""


class PipelineError(Terminal):
    """The pipeline is mis-assembled (a stage's requirement is never assigned)."""

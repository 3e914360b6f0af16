"""Quotation marks: find the quoted passages of a text, nested or over several paragraphs.

Double marks delimit quotations: curly (“ ”), straight ("), guillemets (« »), two apostrophes for both marks (the
New York Times' wire text: ``''Yes,'' he said``) and two backticks closed by two apostrophes (Penn Treebank style).
Single marks (‘ ’) only nest inside a double quotation, because ``’`` is also the apostrophe. A straight mark (``"``
or ``''``) opens after a space, an opening bracket or the start of a paragraph, and closes otherwise; one that can
only close while a curly quotation is open closes that (``“a good citizen,"``). Marks inside markup left in the
text (``<tweet author="@AP">``) quote nothing.

News style lets a quotation run over several paragraphs: every paragraph of it opens with a mark and only the last
one closes. A quotation still open at the end of a paragraph therefore continues when the next paragraph opens with
a mark; otherwise it is unbalanced, and is reported (not returned) so that the stage can drop it with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
TWO_APOSTROPHES = "''"
TWO_BACKTICKS = "``"  # opens a quotation that ``''`` closes (Penn Treebank / LaTeX style)
_MATCH = {"“": "”", "«": "»", "„": "“”"}
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))?)*\s*/?>")
_OPENERS_BEFORE = " \t\n([{—–-/:"  # after these (or at paragraph start) a straight mark opens


@dataclass(frozen=True)
class Quotation:
    """A top-level quoted passage. ``start``/``end`` index the content inside the marks."""

    open: int      # offset of the opening mark (its first character)
    close: int     # offset of the closing mark (its last character: the passage ends at ``close + 1``)
    start: int
    end: int
    paragraphs: int = 1  # how many paragraphs it runs over

    @property
    def outer(self) -> tuple[int, int]:
        """The passage with its marks."""
        return self.open, self.close + 1


@dataclass(frozen=True)
class Scan:
    quotations: list[Quotation]
    unbalanced: list[int]  # offsets of marks that open or close nothing


def _straight_opens(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPENERS_BEFORE or text[i - 1] in OPEN_DOUBLE


def _next_paragraph_opens(text: str, pos: int) -> int | None:
    """Offset of the opening double mark that starts the paragraph after ``pos``, else None."""
    i = pos
    while i < len(text) and text[i].isspace():
        i += 1
    if i < len(text) and (text[i] in OPEN_DOUBLE or text[i] == STRAIGHT or text.startswith(TWO_APOSTROPHES, i)
                          or text.startswith(TWO_BACKTICKS, i)):
        return i
    return None


def scan(text: str) -> Scan:
    """Find the top-level quotations of ``text`` and the marks that do not balance.

    Args:
        text: the article text.

    Returns:
        The quotations in text order, and the offsets of unbalanced marks (one per dropped quotation).
    """
    quotations: list[Quotation] = []
    unbalanced: list[int] = []
    stack: list[tuple[str, int]] = []  # open marks: (char, offset); stack[0] is the top-level one
    paragraphs = 1
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "'" and text.startswith(TWO_APOSTROPHES, i):
            ch = TWO_APOSTROPHES
        elif ch == "`" and text.startswith(TWO_BACKTICKS, i):
            ch = TWO_BACKTICKS
        width = len(ch)
        if ch == "<" and not stack:
            tag = _TAG.match(text, i)
            if tag is not None:  # markup left in the text (<tweet author="…">): its marks quote nothing
                i = tag.end()
                continue
        if ch == "\n" and stack:
            # paragraph end with an open quotation: continue it if the next paragraph opens with a mark
            nxt = _next_paragraph_opens(text, i)
            if nxt is not None and (stack[0][0] in OPEN_DOUBLE + STRAIGHT or stack[0][0] in (TWO_APOSTROPHES,
                                                                                          TWO_BACKTICKS)):
                stack = stack[:1]  # nested single marks do not survive a paragraph break
                paragraphs += 1
                i = nxt + (2 if text[nxt:nxt + 2] in (TWO_APOSTROPHES, TWO_BACKTICKS) else 1)
                continue
            unbalanced.append(stack[0][1])
            stack = []
            paragraphs = 1
        elif ch in OPEN_DOUBLE and ch != "“" or (ch == "“" and not (stack and stack[-1][0] == "„")):
            stack.append((ch, i))
        elif ch in CLOSE_DOUBLE or (ch == "“" and stack and stack[-1][0] == "„"):
            j = len(stack) - 1
            while j >= 0 and stack[j][0] in "‘":
                j -= 1  # an unclosed single mark inside: let it go
            if j < 0:
                unbalanced.append(i)
            else:
                top = stack[0][1]
                stack = stack[:j]
                if not stack:
                    quotations.append(_quotation(top, i, paragraphs))
                    paragraphs = 1
        elif ch == TWO_BACKTICKS:
            stack.append((ch, i))
        elif ch == TWO_APOSTROPHES and any(m == TWO_BACKTICKS for m, _ in stack):
            j = max(k for k, (m, _) in enumerate(stack) if m == TWO_BACKTICKS)  # ``…'': closes the last ``
            top, top_mark = stack[0][1], stack[0][0]
            stack = stack[:j]
            if not stack:
                quotations.append(_quotation(top, i, paragraphs, len(top_mark), width))
                paragraphs = 1
        elif ch in (STRAIGHT, TWO_APOSTROPHES):
            top_straight = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == ch), None)
            if top_straight is not None and not (_straight_opens(text, i) and top_straight < len(stack) - 1):
                if _straight_opens(text, i) and top_straight == len(stack) - 1 and i + width < n \
                        and not text[i + width].isspace() and text[i + width] not in ".,;:!?)]—–-" \
                        and i - 1 >= 0 and text[i - 1].isspace():
                    stack.append((ch, i))  # a nested straight quotation ("he said "no" twice")
                else:
                    top, top_mark = stack[0][1], stack[0][0]
                    stack = stack[:top_straight]
                    if not stack:
                        quotations.append(_quotation(top, i, paragraphs, len(top_mark), width))
                        paragraphs = 1
            elif _straight_opens(text, i):
                stack.append((ch, i))
            elif ch == STRAIGHT and any(m == "“" for m, _ in stack):
                # a curly quotation closed by a straight mark (“good corporate citizen,"): mixed typing
                j = max(k for k, (m, _) in enumerate(stack) if m == "“")
                top = stack[0][1]
                stack = stack[:j]
                if not stack:
                    quotations.append(_quotation(top, i, paragraphs))
                    paragraphs = 1
            else:
                unbalanced.append(i)
        elif ch == "‘" and stack and (i == 0 or not text[i - 1].isalnum()):
            stack.append((ch, i))
        elif ch == "’" and stack and stack[-1][0] == "‘" and (i + 1 >= n or not text[i + 1].isalpha()):
            stack.pop()
        i += width
    if stack:
        unbalanced.append(stack[0][1])
    return Scan(quotations=quotations, unbalanced=sorted(set(unbalanced)))


def _quotation(opened: int, close: int, paragraphs: int, open_width: int = 1, close_width: int = 1) -> Quotation:
    """``close`` is where the closing mark starts; the quotation's ``close`` is its last character."""
    return Quotation(open=opened, close=close + close_width - 1, start=opened + open_width, end=close,
                     paragraphs=paragraphs)

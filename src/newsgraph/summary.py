"""A readable summary of one Document (what ``newsgraph show`` and ``make run`` print)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Document


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(doc: Document, console: Console | None = None) -> None:
    """Print the document's dateline, entities, timexes, quotes, claims and events as tables."""
    console = console or Console(width=150)
    words = len(doc.text.split())
    head = f"[bold]{doc.id}[/bold]  source={doc.source or '-'}  published={doc.published or '-'}"
    if doc.dateline:
        head += f"  dateline={doc.dateline.place or '-'} / {doc.dateline.agency or '-'}"
    console.rule(head)
    console.print(f"{words} words, {len(doc.sentences)} sentences, {len(doc.entities)} entities, "
                  f"{len(doc.timexes)} timexes, {len(doc.quotes)} quotes, {len(doc.claims)} claims, "
                  f"{len(doc.events)} events")
    if doc.entities:
        table = Table("id", "name", "type", "country", "role", "mentions", title="Entities")
        for e in doc.entities:
            kinds = {}
            for m in e.mentions:
                kinds.setdefault(m.kind, []).append(m.text)
            mentions = "; ".join(f"{k}: {', '.join(dict.fromkeys(v))} ×{len(v)}" for k, v in kinds.items())
            table.add_row(e.id, e.name, e.type, e.country or "", e.role or "", _clip(mentions, 60))
        console.print(table)
    if doc.timexes:
        table = Table("text", "type", "value", title="Time expressions")
        for t in doc.timexes:
            table.add_row(t.text, t.type, t.value)
        console.print(table)
    if doc.quotes:
        table = Table("speaker", "cue", "kind", "via", "text", title="Quotes")
        for q in doc.quotes:
            table.add_row(q.speaker or q.speaker_text or "?", q.cue or "", q.kind, ", ".join(q.via), _clip(q.text))
        console.print(table)
    if doc.claims:
        table = Table("sources", "stance", "about", "evidence", "text", title="Claims")
        for c in doc.claims:
            table.add_row(", ".join(c.sources), c.stance, ", ".join(c.about), c.evidence or "", _clip(c.text))
        console.print(table)
    if doc.events:
        table = Table("actor", "type", "recipient", "cameo", "status", "date", "by", "trigger", title="Events")
        for ev in doc.events:
            table.add_row(ev.actor or "", ev.type, ev.recipient or "", ev.cameo or "", ev.status, ev.date or "",
                          ", ".join(ev.attributed_to), ev.trigger.text)
        console.print(table)
    for warning in doc.warnings:
        console.print(f"[yellow]warning[/yellow] {warning}")

"""Store errors and their coded messages (``S###``), on the picklable ``NewsgraphError`` base."""

from __future__ import annotations

from ..errors import NewsgraphError, Terminal, _Messages


class StoreErrors(_Messages):
    S001 = ("S001", ("{path}: this store has schema version {found}, newer than this newsgraph knows ({known}); "
                     "upgrade newsgraph to read it"))
    S002 = ("S002", ("{path}: this store has schema version {found}, older than {known}, and is open read-only; "
                     "run `newsgraph ingest --db {path}` (no paths needed) once to upgrade it"))
    S003 = ("S003", "{path}: no such store; create one with `newsgraph ingest PATH... --db {path}`")
    S004 = ("S004", "{path}: not a newsgraph store (no schema_version table); pick another --db file")
    S005 = ("S005", "migration {version} ({name}) failed: {reason}; the store is left at version {current}")
    S006 = ("S006", "unknown export format {fmt!r}; valid formats: {valid}")
    S007 = ("S007", "unknown output format {fmt!r}; valid formats: {valid}")
    S008 = ("S008", "{path}: no such file or folder to ingest")
    S009 = ("S009", "query failed: {reason}")
    S010 = ("S010", "--{option}: could not read {value!r} as an ISO date (e.g. 2024-06-12)")
    S011 = ("S011", "{path}: the store is in use by another process ({reason}); wait for it to finish")


class StoreError(Terminal):
    """The store cannot be opened, migrated, queried or exported as asked."""


__all__ = ["NewsgraphError", "StoreError", "StoreErrors"]

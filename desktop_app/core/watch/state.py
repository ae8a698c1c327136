"""What the watcher remembers between runs (schema ``0003_watch.sql``).

A row per file path records the size and mtime seen when it was last backed up (or first noted),
so the catch-up scan on start can skip unchanged files with one stat and one indexed lookup, and
only hash files whose size or mtime moved. A row per root says when the folder was first watched:
files that were already there then are noted rather than backed up (unless the folder asks for
its existing files too).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.store.db import Database

#: Rows written per transaction when noting the existing files of a newly watched folder.
NOTE_BATCH = 500


@dataclass(frozen=True)
class FileRecord:
    """The last known state of one watched file."""

    path: str
    size: int
    mtime_ns: int
    sha256: str | None  # None: noted when its folder was first watched, never backed up
    entry_id: int | None

    def matches(self, size: int, mtime_ns: int) -> bool:
        return self.size == size and self.mtime_ns == mtime_ns


@dataclass(frozen=True)
class RootRecord:
    """A watched folder: when it was first watched, and whether its first full scan is done."""

    root: str
    first_watched: float  # epoch seconds
    baseline_done: bool


class WatchState:
    """Reads and writes the ``watch_roots`` and ``watch_files`` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def root(self, root: str) -> RootRecord:
        """The record of a watched root, created (first watched now) if it is new."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO watch_roots (root, first_watched) VALUES (?, ?)",
                (root, time.time()),
            )
            row = conn.execute(
                "SELECT first_watched, baseline_done FROM watch_roots WHERE root = ?", (root,)
            ).fetchone()
        return RootRecord(root, float(row["first_watched"]), bool(row["baseline_done"]))

    def finish_baseline(self, root: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("UPDATE watch_roots SET baseline_done = 1 WHERE root = ?", (root,))

    def lookup(self, path: str) -> FileRecord | None:
        row = (
            self._db.connection()
            .execute(
                "SELECT path, size, mtime_ns, sha256, entry_id FROM watch_files WHERE path = ?",
                (path,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return FileRecord(
            path=row["path"],
            size=row["size"],
            mtime_ns=row["mtime_ns"],
            sha256=row["sha256"],
            entry_id=row["entry_id"],
        )

    def record(
        self, path: str, size: int, mtime_ns: int, sha256: str | None, entry_id: int | None
    ) -> None:
        """Remember ``path`` as backed up (or, with ``sha256`` None, as merely seen)."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO watch_files (path, size, mtime_ns, sha256, entry_id, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (path) DO UPDATE SET size = excluded.size,"
                " mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256,"
                " entry_id = excluded.entry_id, last_seen = excluded.last_seen",
                (path, size, mtime_ns, sha256, entry_id, time.time()),
            )

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """New size/mtime for a file whose content (hash) did not change."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE watch_files SET size = ?, mtime_ns = ?, last_seen = ? WHERE path = ?",
                (size, mtime_ns, time.time(), path),
            )

    def note_existing(self, files: Iterable[tuple[str, int, int]]) -> int:
        """Record ``(path, size, mtime_ns)`` rows as seen, not backed up; returns how many."""
        count = 0
        batch: list[tuple[str, int, int, float]] = []
        for path, size, mtime_ns in files:
            batch.append((path, size, mtime_ns, time.time()))
            if len(batch) >= NOTE_BATCH:
                count += self._note(batch)
                batch = []
        if batch:
            count += self._note(batch)
        return count

    def _note(self, batch: list[tuple[str, int, int, float]]) -> int:
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO watch_files (path, size, mtime_ns, last_seen)"
                " VALUES (?, ?, ?, ?)",
                batch,
            )
        return len(batch)

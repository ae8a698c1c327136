"""Paged listing of vault entries joined with their latest upload job, for the document table.

The window shows one row per entry; a table of 100,000 entries must open instantly and stay
smooth, so rows are read in keyset pages (newest first, by entry id) and single rows are re-read
when a job changes. Every query here is an indexed lookup: ``entries`` by primary key, the latest
job through ``upload_jobs_entry`` (``MAX(id)`` per entry), never a scan per row.

Qt-free; reads through the service's :class:`~desktop_app.core.store.Database` (one connection per
thread), so it may be called on the GUI thread for a page or on a worker for bulk work.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.core.store.db import Database

#: SQLite's default limit on host parameters is 999 in old builds; stay well below it.
_IN_CHUNK = 500

# Column order matches DocumentRow's fields; NULL job columns are folded here so each row is
# built straight from a plain tuple (no per-column Python conversion).
_SELECT = """
SELECT e.id, e.name, b.size, e.added_at,
       j.id, j.state, COALESCE(j.attempts, 0), j.next_attempt_at, j.file_id, j.expires_at,
       COALESCE(j.bytes_sent, 0), j.error_kind, j.error_message,
       COALESCE(j.fallback_available, 0)
FROM entries AS e
JOIN blobs AS b ON b.sha256 = e.sha256
LEFT JOIN upload_jobs AS j
       ON j.id = (SELECT MAX(x.id) FROM upload_jobs AS x WHERE x.entry_id = e.id)
"""


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One vault entry and its latest upload job (job fields are None when never queued).

    ``state`` is a ``JobState`` value ("queued", "uploading", ... "cancelled") or None. Kept
    small on purpose (the table may hold 100,000 of these): details such as the SHA-256 are
    looked up through the vault when an action needs them.
    """

    entry_id: int
    name: str
    size: int
    added_at: float
    job_id: int | None
    state: str | None
    attempts: int
    next_attempt_at: float | None
    file_id: str | None
    expires_at: float | None
    bytes_sent: int
    error_kind: str | None
    error_message: str | None
    fallback_available: bool

    @property
    def progress(self) -> float | None:
        """Fraction sent while uploading (0..1), else None."""
        if self.state != "uploading":
            return None
        if self.size <= 0:
            return 0.0
        return min(1.0, max(0.0, self.bytes_sent / self.size))


def _row(r: tuple[Any, ...]) -> DocumentRow:
    (entry_id, name, size, added, job_id, state, attempts, next_at, file_id, expires, sent,
     kind, message, fallback) = r  # fmt: skip
    return DocumentRow(
        entry_id, name, size, added, job_id, state, attempts, next_at, file_id, expires, sent,
        kind, message, bool(fallback),
    )  # fmt: skip


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _IN_CHUNK):
        yield ordered[start : start + _IN_CHUNK]


class DocumentListing:
    """Read-only queries behind the document table. Rows come newest first (by entry id)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[DocumentRow]:
        cursor = self._db.connection().cursor()
        cursor.row_factory = None  # plain tuples: several times cheaper than sqlite3.Row
        cursor.execute(sql, tuple(params))
        return [_row(r) for r in cursor.fetchall()]

    def count(self) -> int:
        """How many entries the vault holds."""
        row = self._db.connection().execute("SELECT COUNT(*) FROM entries").fetchone()
        return int(row[0])

    def page(self, before_id: int | None = None, limit: int = 1000) -> list[DocumentRow]:
        """Up to ``limit`` rows with ``entry_id < before_id`` (all when None), newest first."""
        if limit <= 0:
            return []
        if before_id is None:
            return self._query(_SELECT + " ORDER BY e.id DESC LIMIT ?", (limit,))
        return self._query(
            _SELECT + " WHERE e.id < ? ORDER BY e.id DESC LIMIT ?", (before_id, limit)
        )

    def newer_than(self, entry_id: int, limit: int | None = None) -> list[DocumentRow]:
        """Rows added after ``entry_id``, newest first (what to put above the loaded rows)."""
        sql = _SELECT + " WHERE e.id > ? ORDER BY e.id DESC"
        if limit is None:
            return self._query(sql, (entry_id,))
        return self._query(sql + " LIMIT ?", (entry_id, limit))

    def rows(self, entry_ids: Collection[int]) -> list[DocumentRow]:
        """Current rows for these entries (missing ones are left out), newest first."""
        found: list[DocumentRow] = []
        for chunk in _chunks(entry_ids):
            marks = ",".join("?" * len(chunk))
            found.extend(self._query(_SELECT + f" WHERE e.id IN ({marks})", chunk))
        found.sort(key=lambda r: r.entry_id, reverse=True)
        return found

    def rows_for_jobs(self, job_ids: Collection[int]) -> list[DocumentRow]:
        """Current rows of the entries these jobs belong to (each with its *latest* job)."""
        entry_ids: set[int] = set()
        conn = self._db.connection()
        for chunk in _chunks(job_ids):
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(
                f"SELECT DISTINCT entry_id FROM upload_jobs WHERE id IN ({marks})", chunk
            )
            entry_ids.update(int(r[0]) for r in cursor.fetchall())
        return self.rows(entry_ids)

    def existing(self, entry_ids: Collection[int]) -> set[int]:
        """Which of these entry ids still exist (to drop rows forgotten elsewhere)."""
        alive: set[int] = set()
        conn = self._db.connection()
        for chunk in _chunks(entry_ids):
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(f"SELECT id FROM entries WHERE id IN ({marks})", chunk)
            alive.update(int(r[0]) for r in cursor.fetchall())
        return alive

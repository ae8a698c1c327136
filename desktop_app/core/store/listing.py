"""Paged listing of documents with their latest upload job, for the document table; and the
documents the text fallback offers.

The vault keeps one entry per add (history), but the window shows one row per *document*
(per blob): the newest entry of each blob (its latest name), how many times it was added, and
the latest upload job of that content (by sha256). A table of 100,000 documents must open
instantly and stay smooth, so rows are read in keyset pages (newest first, by entry id) and
single rows are re-read when a job changes. Every query here is an indexed lookup: ``entries``
by primary key and through ``entries_sha256`` ("is there a newer entry of this blob?", "how
many entries?"), the latest job through ``upload_jobs_sha256`` (``MAX(id)`` per sha256), never a
scan per row.

Qt-free; reads through the service's :class:`~desktop_app.core.store.Database` (one connection per
thread), so it may be called on the GUI thread for a page or on a worker for bulk work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.core.store.db import Database

__all__ = ["DocumentListing", "DocumentRow", "FallbackChoice", "FallbackReason", "TargetJob"]

#: SQLite's default limit on host parameters is 999 in old builds; stay well below it.
_IN_CHUNK = 500

# Column order matches DocumentRow's fields; NULL job columns are folded here so each row is
# built straight from a plain tuple (no per-column Python conversion). One row per blob: the
# entry with no newer entry of the same content; its job is the content's latest job.
_SELECT = """
SELECT e.id, e.name, b.size, e.added_at,
       j.id, j.state, COALESCE(j.attempts, 0), j.next_attempt_at, j.file_id, j.expires_at,
       COALESCE(j.bytes_sent, 0), j.error_kind, j.error_message,
       COALESCE(j.fallback_available, 0),
       (SELECT COUNT(*) FROM entries AS c WHERE c.sha256 = e.sha256)
FROM entries AS e
JOIN blobs AS b ON b.sha256 = e.sha256
LEFT JOIN upload_jobs AS j
       ON j.id = (SELECT MAX(x.id) FROM upload_jobs AS x WHERE x.sha256 = e.sha256)
WHERE NOT EXISTS (SELECT 1 FROM entries AS n WHERE n.sha256 = e.sha256 AND n.id > e.id)
"""

#: With several upload targets, each row also carries the latest job of each target:
#: "name US state US file_id" per target, RS between them (one indexed look-up per row; with the
#: single default target the query above is used unchanged).
_PER_TARGET = """,
       (SELECT group_concat(t.target_name || char(31) || t.state || char(31)
                            || COALESCE(t.file_id, ''), char(30))
        FROM upload_jobs AS t
        WHERE t.id IN (SELECT MAX(y.id) FROM upload_jobs AS y
                       WHERE y.sha256 = e.sha256 GROUP BY y.target_name))
FROM entries AS e"""
_SELECT_TARGETS = _SELECT.replace("\nFROM entries AS e", _PER_TARGET, 1)

#: Jobs whose document is offered first by the text fallback: failed for good, expired on
#: the server, or hit an expiry error and still waiting to retry (the fallback is ready then).
_PROBLEM_JOBS = """
SELECT id, sha256, state FROM upload_jobs
WHERE state IN ('failed', 'expired')
   OR (fallback_available = 1 AND state IN ('queued', 'uploading', 'verifying', 'waiting_retry'))
ORDER BY updated_at DESC, id DESC
"""


@dataclass(frozen=True, slots=True)
class TargetJob:
    """A document's latest job for one upload target: its state and remote file id."""

    target: str
    state: str  # a JobState value
    file_id: str | None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document: the newest vault entry of a blob (its latest name), how many entries the
    blob has (``added_count``: the same content added again under any name), and the content's
    latest upload job (job fields are None when never queued).

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
    added_count: int = 1
    #: With several targets configured: the latest job per target (targets in their order).
    targets: tuple[TargetJob, ...] = ()

    @property
    def progress(self) -> float | None:
        """Fraction sent while uploading (0..1), else None."""
        if self.state != "uploading":
            return None
        if self.size <= 0:
            return 0.0
        return min(1.0, max(0.0, self.bytes_sent / self.size))


class FallbackReason(StrEnum):
    """Why the text fallback offers a document."""

    FAILED = "failed"  # its upload failed for good
    EXPIRED = "expired"  # the server let its file expire, or refused it as expired
    ADDED = "added"  # one of the documents added most recently


@dataclass(frozen=True, slots=True)
class FallbackChoice:
    """A document the text fallback offers: the newest entry of its blob and why it is offered.

    ``at`` is when that happened (the job's last change for failed or expired documents, the
    add for the others), seconds since the epoch.
    """

    entry_id: int
    name: str
    reason: FallbackReason
    at: float


def _row(r: tuple[Any, ...]) -> DocumentRow:
    (entry_id, name, size, added, job_id, state, attempts, next_at, file_id, expires, sent,
     kind, message, fallback, added_count) = r  # fmt: skip
    return DocumentRow(
        entry_id, name, size, added, job_id, state, attempts, next_at, file_id, expires, sent,
        kind, message, bool(fallback), added_count,
    )  # fmt: skip


def _target_jobs(packed: str | None, order: dict[str, int]) -> tuple[TargetJob, ...]:
    if not packed:
        return ()
    jobs = []
    for part in packed.split("\x1e"):
        name, state, file_id = part.split("\x1f")
        jobs.append(TargetJob(name, state, file_id or None))
    return tuple(sorted(jobs, key=lambda j: (order.get(j.target, len(order)), j.target)))


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _IN_CHUNK):
        yield ordered[start : start + _IN_CHUNK]


class DocumentListing:
    """Read-only queries behind the document table. Rows come newest first (by entry id)."""

    def __init__(self, db: Database, targets: Sequence[str] = ()) -> None:
        """``targets``: the upload targets in force, in order; with more than one, each row
        carries its latest job per target (:attr:`DocumentRow.targets`)."""
        self._db = db
        self._order = {name: i for i, name in enumerate(targets)}
        self._per_target = len(targets) > 1

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[DocumentRow]:
        cursor = self._db.connection().cursor()
        cursor.row_factory = None  # plain tuples: several times cheaper than sqlite3.Row
        if not self._per_target:
            cursor.execute(sql, tuple(params))
            return [_row(r) for r in cursor.fetchall()]
        cursor.execute(sql.replace(_SELECT, _SELECT_TARGETS, 1), tuple(params))
        return [
            dataclasses.replace(_row(r[:-1]), targets=_target_jobs(r[-1], self._order))
            for r in cursor.fetchall()
        ]

    def count(self) -> int:
        """How many documents (distinct contents) the vault holds: one per row of the table."""
        row = self._db.connection().execute("SELECT COUNT(DISTINCT sha256) FROM entries").fetchone()
        return int(row[0])

    def page(self, before_id: int | None = None, limit: int = 1000) -> list[DocumentRow]:
        """Up to ``limit`` rows with ``entry_id < before_id`` (all when None), newest first."""
        if limit <= 0:
            return []
        if before_id is None:
            return self._query(_SELECT + " ORDER BY e.id DESC LIMIT ?", (limit,))
        return self._query(_SELECT + " AND e.id < ? ORDER BY e.id DESC LIMIT ?", (before_id, limit))

    def newer_than(self, entry_id: int, limit: int | None = None) -> list[DocumentRow]:
        """Rows added after ``entry_id``, newest first (what to put above the loaded rows)."""
        sql = _SELECT + " AND e.id > ? ORDER BY e.id DESC"
        if limit is None:
            return self._query(sql, (entry_id,))
        return self._query(sql + " LIMIT ?", (entry_id, limit))

    def rows(self, entry_ids: Collection[int]) -> list[DocumentRow]:
        """Current rows of the documents these entries belong to (each keyed by the newest
        entry of its content; missing ones are left out), newest first."""
        found: list[DocumentRow] = []
        for chunk in _chunks(entry_ids):
            marks = ",".join("?" * len(chunk))
            found.extend(
                self._query(
                    _SELECT
                    + f" AND e.sha256 IN (SELECT sha256 FROM entries WHERE id IN ({marks}))",
                    chunk,
                )
            )
        found.sort(key=lambda r: r.entry_id, reverse=True)
        return found

    def rows_for_jobs(self, job_ids: Collection[int]) -> list[DocumentRow]:
        """Current rows of the documents these jobs upload (each with its *latest* job)."""
        found: list[DocumentRow] = []
        for chunk in _chunks(job_ids):
            marks = ",".join("?" * len(chunk))
            found.extend(
                self._query(
                    _SELECT + f" AND e.sha256 IN (SELECT sha256 FROM upload_jobs"
                    f" WHERE id IN ({marks}))",
                    chunk,
                )
            )
        found.sort(key=lambda r: r.entry_id, reverse=True)
        return found

    def superseded(self, entry_ids: Collection[int]) -> set[int]:
        """Older entries of the same content as these (their rows are replaced by these)."""
        older: set[int] = set()
        conn = self._db.connection()
        for chunk in _chunks(entry_ids):
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(
                "SELECT o.id FROM entries AS n JOIN entries AS o"
                f" ON o.sha256 = n.sha256 AND o.id < n.id WHERE n.id IN ({marks})",
                chunk,
            )
            older.update(int(r[0]) for r in cursor.fetchall())
        return older

    def existing(self, entry_ids: Collection[int]) -> set[int]:
        """Which of these entry ids still exist (to drop rows forgotten elsewhere)."""
        alive: set[int] = set()
        conn = self._db.connection()
        for chunk in _chunks(entry_ids):
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(f"SELECT id FROM entries WHERE id IN ({marks})", chunk)
            alive.update(int(r[0]) for r in cursor.fetchall())
        return alive

    # -- the text fallback's choices ------------------------------------------------------------

    def named(self, name: str) -> FallbackChoice | None:
        """The newest document added under ``name`` (exactly, else ignoring case), or None."""
        conn = self._db.connection()
        for sql in (
            "SELECT id, name, added_at FROM entries WHERE name = ? ORDER BY id DESC LIMIT 1",
            "SELECT id, name, added_at FROM entries WHERE lower(name) = lower(?)"
            " ORDER BY id DESC LIMIT 1",
        ):
            row = conn.execute(sql, (name,)).fetchone()
            if row is not None:
                return FallbackChoice(int(row[0]), str(row[1]), FallbackReason.ADDED, row[2])
        return None

    def fallback_choices(self, limit: int = 10) -> list[FallbackChoice]:
        """Documents to offer for "Copy text instead", best first, one per content.

        First the documents whose latest upload failed or expired (most recent first), then the
        documents added most recently. The first one is what "Copy text instead" copies. Needs
        no key, no network and no failed job: every backed-up document has a choice.
        """
        if limit <= 0:
            return []
        conn = self._db.connection()
        chosen: list[FallbackChoice] = []
        seen: set[str] = set()
        cursor = conn.cursor()
        cursor.row_factory = None
        cursor.execute(_PROBLEM_JOBS)
        for job_id, sha256, state in cursor:
            if sha256 in seen:
                continue
            seen.add(sha256)
            latest = conn.execute(
                "SELECT MAX(id) FROM upload_jobs WHERE sha256 = ?", (sha256,)
            ).fetchone()[0]
            if latest != job_id:
                continue  # the content was queued again since; that job tells its state
            newest = conn.execute(
                "SELECT e.id, e.name, j.updated_at FROM entries AS e, upload_jobs AS j"
                " WHERE e.sha256 = ? AND j.id = ? ORDER BY e.id DESC LIMIT 1",
                (sha256, job_id),
            ).fetchone()
            if newest is None:
                continue  # forgotten from the vault: there is nothing left to extract
            reason = FallbackReason.FAILED if state == "failed" else FallbackReason.EXPIRED
            chosen.append(FallbackChoice(int(newest[0]), str(newest[1]), reason, newest[2]))
            if len(chosen) >= limit:
                return chosen
        cursor.close()
        before: int | None = None
        while len(chosen) < limit:
            page = self.page(before, limit)
            for row in page:
                sha256 = conn.execute(
                    "SELECT sha256 FROM entries WHERE id = ?", (row.entry_id,)
                ).fetchone()
                if sha256 is None or sha256[0] in seen:
                    continue
                seen.add(sha256[0])
                chosen.append(
                    FallbackChoice(row.entry_id, row.name, FallbackReason.ADDED, row.added_at)
                )
                if len(chosen) >= limit:
                    break
            if len(page) < limit:
                break
            before = page[-1].entry_id
        return chosen

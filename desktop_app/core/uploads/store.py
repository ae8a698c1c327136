"""Storage primitives of the upload queue, and the multipart parts table.

:class:`QueueStore` holds the database, the clock and this process's write lock, and gives the
queue its three ways to write: :meth:`QueueStore._transaction` (several statements),
:meth:`QueueStore._write` (one statement, its own transaction) and
:meth:`QueueStore._update_owned` (a transition that only the job's current owner may make). It
also keeps the ``upload_parts`` bookkeeping that lets a multipart upload resume. The public
class is :class:`desktop_app.core.uploads.queue.UploadQueue`; import from there.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

from desktop_app.core.errors import UnknownJobError
from desktop_app.core.store.db import Database
from desktop_app.core.uploads.jobs import Job, job_from_row
from desktop_app.core.uploads.retry import Failure

CLAIMABLE = ("queued", "waiting_retry")
BUSY = ("uploading", "verifying")


def sql_marks(values: Collection[object]) -> str:
    """``?,?,...``: one SQL parameter mark per value."""
    return ",".join("?" * len(values))


class QueueStore:
    """Connection, clock and write serialisation shared by every part of the queue."""

    def __init__(self, db: Database, clock: Callable[[], float]) -> None:
        self._db = db
        self._clock = clock
        # Worker threads of one process queue for the write lock here, where a release wakes
        # the next one at once, rather than in SQLite's busy handler, which sleeps and polls
        # (1 ms, 2 ms, 5 ms, ... between tries). Other processes still meet ``busy_timeout``.
        self._write_lock = threading.RLock()

    def get(self, job_id: int) -> Job:
        row = (
            self._db.connection()
            .execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,))
            .fetchone()
        )
        if row is None:
            raise UnknownJobError(f"no upload job with id {job_id}")
        return job_from_row(row)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction of several statements, serialised with this process's others."""
        with self._write_lock, self._db.transaction() as conn:
            yield conn

    def _write(self, sql: str, params: Sequence[object]) -> tuple[int, list[sqlite3.Row]]:
        """Run ONE writing statement as its own transaction; returns (rowcount, returned rows).

        The connection is in autocommit mode: SQLite runs a lone write statement in an implicit
        transaction that takes the write lock before it reads (waiting on ``busy_timeout`` like
        ``BEGIN IMMEDIATE``) and commits when the statement completes, so it is as atomic and
        durable as an explicit ``BEGIN IMMEDIATE ... COMMIT``, minus two round trips. Rows of
        ``RETURNING`` are read to the end inside the lock, so the transaction has committed
        before another thread may write.
        """
        with self._write_lock:
            cur = self._db.connection().execute(sql, params)
            rows = cur.fetchall()
            return cur.rowcount, rows

    def _update_owned(
        self, job_id: int, owner: str, assignments: str, params: Iterable[object]
    ) -> bool:
        count, _ = self._write(
            f"UPDATE upload_jobs SET {assignments}, updated_at = ?"
            " WHERE id = ? AND owner = ? AND state IN ('uploading', 'verifying')",
            (*params, self._clock(), job_id, owner),
        )
        return count == 1

    def _error_fields(self, failure: Failure) -> tuple[object, ...]:
        return (str(failure.kind), failure.http_status, failure.message[:500], failure.request_id)

    # -- multipart parts ---------------------------------------------------------------------

    def set_upload(
        self, job_id: int, owner: str, upload_id: str | None, expires: float | None
    ) -> bool:
        return self._update_owned(
            job_id, owner, "upload_id = ?, upload_expires_at = ?", (upload_id, expires)
        )

    def add_part(self, job_id: int, upload_id: str, part_no: int, part_id: str, size: int) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO upload_parts (job_id, upload_id, part_no, part_id, size)"
                " VALUES (?, ?, ?, ?, ?)",
                (job_id, upload_id, part_no, part_id, size),
            )
            conn.execute(
                "UPDATE upload_jobs SET bytes_sent = (SELECT coalesce(sum(size), 0)"
                " FROM upload_parts WHERE job_id = ? AND upload_id = ?), updated_at = ?"
                " WHERE id = ?",
                (job_id, upload_id, self._clock(), job_id),
            )

    def parts(self, job_id: int, upload_id: str) -> dict[int, str]:
        rows = self._db.connection().execute(
            "SELECT part_no, part_id FROM upload_parts WHERE job_id = ? AND upload_id = ?",
            (job_id, upload_id),
        )
        return {row[0]: row[1] for row in rows}

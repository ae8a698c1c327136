"""Persistent upload jobs: enqueue, claim, finish, reschedule, fail, cancel, recover.

Every change is one SQLite transaction. A job is written before any work on it starts, and a
worker takes it with a single conditional ``UPDATE ... RETURNING`` (one statement, so one write
transaction: see :meth:`QueueStore._write`), so two threads or two processes sharing the
database never claim the same job. A claim carries the claimer's ``owner`` token and a lease
that the owner renews while busy; every later transition checks the owner, so a job taken over
by crash recovery cannot be overwritten by its old holder.

This module holds the state transitions: enqueue, claim, lease, finish, reschedule, fail,
release, cancel, sweep and crash recovery. Storage primitives and the multipart parts table are
in ``store.py``; read-only queries (listing, scheduling, reuse and reconciliation look-ups) are
a separate class over the same store in ``queries.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from desktop_app.core.errors import UnknownJobError, UploadError
from desktop_app.core.uploads.jobs import (
    ACTIVE_STATES,
    FINAL_STATES,
    Job,
    JobState,
    JobView,
    NewJob,
    job_from_row,
)
from desktop_app.core.uploads.retry import ErrorKind, Failure
from desktop_app.core.uploads.store import QueueStore, sql_marks

__all__ = ["ACTIVE_STATES", "FINAL_STATES", "Job", "JobState", "JobView", "NewJob", "UploadQueue"]


class UploadQueue:
    """State transitions of the ``upload_jobs`` table, each one transaction."""

    def __init__(self, store: QueueStore) -> None:
        self._store = store

    # -- writing -------------------------------------------------------------------------------

    def add(self, jobs: Sequence[NewJob]) -> list[int]:
        """Insert every job in one transaction; returns their ids in order."""
        now = self._store.clock()
        ids: list[int] = []
        with self._store.transaction() as conn:
            for job in jobs:
                cur = conn.execute(
                    "INSERT INTO upload_jobs (entry_id, sha256, name, size, mime_type, target,"
                    " purpose, expires_after, state, created_at, updated_at, target_name)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
                    (
                        job.entry_id,
                        job.sha256,
                        job.name,
                        job.size,
                        job.mime_type,
                        job.target,
                        job.purpose,
                        job.expires_after,
                        now,
                        now,
                        job.target_name,
                    ),
                )
                assert cur.lastrowid is not None
                ids.append(cur.lastrowid)
        return ids

    def claim(
        self,
        owner: str,
        lease: float,
        held_targets: Collection[str] = (),
        only: Collection[int] | None = None,
        *,
        target: str | None = None,
    ) -> Job | None:
        """Take the oldest due job for ``owner``, or None.

        ``only``: claim just these jobs, and look-alikes (see below) that hold one of them back.
        ``target``: take the oldest job of that target, due or not (a breaker's probe).

        A job is skipped while another job with the same content, purpose and target is in
        flight, so the second one can reuse the first one's remote file instead of uploading a
        copy. It is also skipped while another job with the same file name, size, purpose and
        target is in flight or still has to reconcile an ambiguous attempt (the oldest such job
        goes first): remote files are only told apart by name and size, so reconciliation can
        only be sure a match is its own when no look-alike job ran in its window.
        """
        now = self._store.clock()
        held = list(held_targets)
        held_sql = f"AND j.target NOT IN ({sql_marks(held)})" if held else ""
        due_sql = "AND coalesce(j.next_attempt_at, 0) <= ?"
        if target is not None:
            held_sql += " AND j.target = ?"
            held.append(target)
            due_sql = "AND ? IS NOT NULL"
        wanted = [] if only is None else list(only)
        only_sql = ""
        if only is not None:
            marks = sql_marks(wanted) or "NULL"
            only_sql = f"""AND (j.id IN ({marks}) OR EXISTS (
                      SELECT 1 FROM upload_jobs w WHERE w.id IN ({marks})
                      AND w.state IN ('queued', 'waiting_retry') AND w.name = j.name
                      AND w.size = j.size AND w.purpose = j.purpose AND w.target = j.target))"""
        sql = f"""
            UPDATE upload_jobs SET state = 'uploading', owner = ?, lease_until = ?,
                attempt_started_at = ?, first_attempt_at = coalesce(first_attempt_at, ?),
                attempts = attempts + 1, next_attempt_at = NULL, updated_at = ?
            WHERE id = (
                SELECT j.id FROM upload_jobs j
                WHERE j.state IN ('queued', 'waiting_retry')
                  {due_sql} {held_sql} {only_sql}
                  AND NOT EXISTS (
                      SELECT 1 FROM upload_jobs o WHERE o.state IN ('uploading', 'verifying')
                      AND o.sha256 = j.sha256 AND o.purpose = j.purpose AND o.target = j.target)
                  AND NOT EXISTS (
                      SELECT 1 FROM upload_jobs o WHERE o.id != j.id
                      AND o.name = j.name AND o.size = j.size AND o.purpose = j.purpose
                      AND o.target = j.target
                      AND (o.state IN ('uploading', 'verifying')
                           OR (o.state IN ('queued', 'waiting_retry')
                               AND o.reconcile_since IS NOT NULL
                               AND (j.reconcile_since IS NULL OR o.id < j.id))))
                ORDER BY j.id LIMIT 1)
            RETURNING *"""
        _, rows = self._store.write(
            sql, (owner, now + lease, now, now, now, now, *held, *wanted, *wanted)
        )
        return job_from_row(rows[0]) if rows else None

    def renew(self, owner: str, lease: float, skip: Collection[int] = ()) -> None:
        """Extend ``owner``'s leases, but not those of the jobs in ``skip``."""
        skipped = list(skip)
        skip_sql = f" AND id NOT IN ({sql_marks(skipped)})" if skipped else ""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE upload_jobs SET lease_until = ? WHERE owner = ?"
                f" AND state IN ('uploading', 'verifying'){skip_sql}",
                (self._store.clock() + lease, owner, *skipped),
            )

    def set_progress(self, job_id: int, owner: str, bytes_sent: int) -> bool:
        return self._store.update_owned(job_id, owner, "bytes_sent = ?", (bytes_sent,))

    def mark_reconciled(self, job_id: int, owner: str) -> bool:
        return self._store.update_owned(job_id, owner, "reconcile_since = NULL", ())

    def mark_verifying(self, job_id: int, owner: str, file_id: str, size: int) -> bool:
        """The file is stored remotely (id known); the multipart bookkeeping is dropped."""
        with self._store.transaction() as conn:
            cur = conn.execute(
                "UPDATE upload_jobs SET state = 'verifying', file_id = ?, bytes_sent = ?,"
                " upload_id = NULL, upload_expires_at = NULL, updated_at = ?"
                " WHERE id = ? AND owner = ? AND state IN ('uploading', 'verifying')",
                (file_id, size, self._store.clock(), job_id, owner),
            )
            if cur.rowcount == 1:
                conn.execute("DELETE FROM upload_parts WHERE job_id = ?", (job_id,))
            return cur.rowcount == 1

    def adopt_file(self, job_id: int, owner: str, file_id: str, size: int) -> bool | None:
        """Like :meth:`mark_verifying` for a file found by reconciliation, but only if no other
        job records ``file_id`` (checked and claimed in one transaction).

        True: adopted; False: another job records that file; None: the job is no longer ours.
        """
        with self._store.transaction() as conn:
            taken = conn.execute(
                "SELECT 1 FROM upload_jobs WHERE file_id = ? AND id != ? LIMIT 1",
                (file_id, job_id),
            ).fetchone()
            if taken is not None:
                return False
            cur = conn.execute(
                "UPDATE upload_jobs SET state = 'verifying', file_id = ?, bytes_sent = ?,"
                " upload_id = NULL, upload_expires_at = NULL, updated_at = ?"
                " WHERE id = ? AND owner = ? AND state IN ('uploading', 'verifying')",
                (file_id, size, self._store.clock(), job_id, owner),
            )
            if cur.rowcount != 1:
                return None
            conn.execute("DELETE FROM upload_parts WHERE job_id = ?", (job_id,))
            return True

    def forget_file(self, job_id: int, owner: str) -> bool:
        """The recorded remote file is gone: the job must upload again."""
        return self._store.update_owned(
            job_id, owner, "state = 'uploading', file_id = NULL, expires_at = NULL", ()
        )

    def finish(self, job_id: int, owner: str, file_id: str, expires_at: float | None) -> bool:
        return self._store.update_owned(
            job_id,
            owner,
            "state = 'done', file_id = ?, expires_at = ?, bytes_sent = size, owner = NULL,"
            " lease_until = NULL, next_attempt_at = NULL, reconcile_since = NULL,"
            " fallback_available = 0, error_kind = NULL, http_status = NULL,"
            " error_message = NULL, request_id = NULL",
            (file_id, expires_at),
        )

    def reschedule(
        self,
        job_id: int,
        owner: str,
        failure: Failure,
        next_attempt_at: float | None,
        *,
        counts_attempt: bool,
        state: JobState = JobState.WAITING_RETRY,
    ) -> bool:
        """Back to waiting (or queued) after a failure; the error is kept for display."""
        return self._store.update_owned(
            job_id,
            owner,
            "state = ?, next_attempt_at = ?, owner = NULL, lease_until = NULL,"
            " attempts = attempts - ?, error_kind = ?, http_status = ?, error_message = ?,"
            " request_id = ?, fallback_available = fallback_available OR ?,"
            " reconcile_since = CASE WHEN ? THEN coalesce(reconcile_since, attempt_started_at)"
            " ELSE reconcile_since END, ambiguous_since = CASE WHEN ?"
            " THEN coalesce(ambiguous_since, attempt_started_at) ELSE ambiguous_since END",
            (
                str(state),
                next_attempt_at,
                0 if counts_attempt else 1,
                *self._store.error_fields(failure),
                failure.kind is ErrorKind.EXPIRED,
                failure.ambiguous,
                failure.ambiguous,
            ),
        )

    def fail(self, job_id: int, owner: str, failure: Failure) -> bool:
        return self._store.update_owned(
            job_id,
            owner,
            "state = 'failed', next_attempt_at = NULL, owner = NULL, lease_until = NULL,"
            " error_kind = ?, http_status = ?, error_message = ?, request_id = ?,"
            " fallback_available = 1",
            self._store.error_fields(failure),
        )

    def give_up(self, job_id: int, failure: Failure) -> bool:
        """A waiting job (no worker holds it) is failed for good: its deadline passed."""
        count, _ = self._store.write(
            "UPDATE upload_jobs SET state = 'failed', next_attempt_at = NULL, error_kind = ?,"
            " http_status = ?, error_message = ?, request_id = ?, fallback_available = 1,"
            " updated_at = ? WHERE id = ? AND state IN ('queued', 'waiting_retry')",
            (*self._store.error_fields(failure), self._store.clock(), job_id),
        )
        return count == 1

    def release(self, job_id: int, owner: str, *, ambiguous: bool) -> bool:
        """Give a claimed job back untouched (shutdown): queued, attempt not counted."""
        return self._store.update_owned(
            job_id,
            owner,
            "state = 'queued', owner = NULL, lease_until = NULL, attempts = max(0, attempts - 1),"
            " next_attempt_at = NULL, reconcile_since = CASE WHEN ?"
            " THEN coalesce(reconcile_since, attempt_started_at) ELSE reconcile_since END,"
            " ambiguous_since = CASE WHEN ?"
            " THEN coalesce(ambiguous_since, attempt_started_at) ELSE ambiguous_since END",
            (ambiguous, ambiguous),
        )

    def release_owned(self, owner: str) -> list[int]:
        """Hand back every job ``owner`` still holds (shutdown with calls still in flight).

        The attempt is given back; a job without a remote file id is marked for
        reconciliation, because the call that is still running may yet store the file.
        """
        with self._store.transaction() as conn:
            rows = conn.execute(
                "UPDATE upload_jobs SET state = 'queued', owner = NULL, lease_until = NULL,"
                " attempts = max(0, attempts - 1), next_attempt_at = NULL, updated_at = ?,"
                " reconcile_since = CASE WHEN file_id IS NULL"
                " THEN coalesce(reconcile_since, attempt_started_at) ELSE reconcile_since END,"
                " ambiguous_since = CASE WHEN file_id IS NULL"
                " THEN coalesce(ambiguous_since, attempt_started_at) ELSE ambiguous_since END"
                " WHERE owner = ? AND state IN ('uploading', 'verifying') RETURNING id",
                (self._store.clock(), owner),
            ).fetchall()
        return [row[0] for row in rows]

    def retry_now(self, job_id: int | None = None) -> int:
        """Make failed and waiting jobs due now; failed jobs get a fresh attempt budget and a
        fresh deadline."""
        where = "state IN ('failed', 'waiting_retry', 'queued')"
        params: tuple[object, ...] = ()
        if job_id is not None:
            self._store.get(job_id)
            where += " AND id = ?"
            params = (job_id,)
        with self._store.transaction() as conn:
            cur = conn.execute(
                "UPDATE upload_jobs SET attempts = CASE WHEN state = 'failed' THEN 0"
                " ELSE attempts END, first_attempt_at = CASE WHEN state = 'failed' THEN NULL"
                " ELSE first_attempt_at END, state = CASE WHEN state = 'failed' THEN 'queued'"
                " ELSE state END, next_attempt_at = NULL, updated_at = ?"
                f" WHERE {where} AND (state = 'failed' OR next_attempt_at IS NOT NULL"
                " OR state = 'waiting_retry')",
                (self._store.clock(), *params),
            )
            return cur.rowcount

    def cancel(self, job_id: int) -> Job:
        """Cancel a job that is not done; returns it as it was before."""
        with self._store.transaction() as conn:
            row = conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise UnknownJobError(f"no upload job with id {job_id}")
            before = job_from_row(row)
            if before.view.state is JobState.DONE:
                raise UploadError(f"upload job {job_id} is already done", kind=ErrorKind.INVALID)
            conn.execute(
                "UPDATE upload_jobs SET state = 'cancelled', owner = NULL, lease_until = NULL,"
                " next_attempt_at = NULL, updated_at = ? WHERE id = ?",
                (self._store.clock(), job_id),
            )
        return before

    def mark_swept(self, job_id: int) -> None:
        """A cancelled job's possible remote copies were looked for and removed."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE upload_jobs SET ambiguous_since = NULL, reconcile_since = NULL,"
                " updated_at = ? WHERE id = ? AND state = 'cancelled'",
                (self._store.clock(), job_id),
            )

    def delay_target(self, target: str, until: float) -> None:
        """Push every waiting job of ``target`` to at least ``until`` (rate limit, persisted)."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE upload_jobs SET next_attempt_at = max(coalesce(next_attempt_at, 0), ?)"
                " WHERE target = ? AND state IN ('queued', 'waiting_retry')",
                (until, target),
            )

    def requeue_done(self, job_id: int, failure: Failure) -> bool:
        """A done (or expired) job whose remote file is gone goes back to the queue, as a
        fresh upload with a fresh deadline."""
        with self._store.transaction() as conn:
            cur = conn.execute(
                "UPDATE upload_jobs SET state = 'queued', file_id = NULL, expires_at = NULL,"
                " attempts = 0, first_attempt_at = NULL, bytes_sent = 0, next_attempt_at = NULL,"
                " error_kind = ?, http_status = ?, error_message = ?, request_id = ?,"
                " fallback_available = ?, ambiguous_since = NULL, updated_at = ?"
                " WHERE id = ? AND state IN ('done', 'expired')",
                (
                    *self._store.error_fields(failure),
                    failure.kind is ErrorKind.EXPIRED,
                    self._store.clock(),
                    job_id,
                ),
            )
            return cur.rowcount == 1

    def mark_expired(self, job_id: int, failure: Failure) -> bool:
        """A done job whose remote file is gone, and is not to be uploaded again by itself."""
        count, _ = self._store.write(
            "UPDATE upload_jobs SET state = 'expired', error_kind = ?, http_status = ?,"
            " error_message = ?, request_id = ?, fallback_available = 1, updated_at = ?"
            " WHERE id = ? AND state = 'done'",
            (*self._store.error_fields(failure), self._store.clock(), job_id),
        )
        return count == 1

    def retarget(self, target: str, name: str = "openai") -> int:
        """Send waiting jobs of the target ``name`` queued for another API address to
        ``target`` (the one in force now: a job queued before the user set
        ``OPENAI_BASE_URL`` must not stay bound to the old one). Jobs an earlier attempt may
        have left on their old server keep it: they must be reconciled there, never sent
        twice. Returns how many jobs moved."""
        count, _ = self._store.write(
            "UPDATE upload_jobs SET target = ?, next_attempt_at = NULL, updated_at = ?"
            " WHERE state IN ('queued', 'waiting_retry') AND target != ? AND target_name = ?"
            " AND reconcile_since IS NULL AND ambiguous_since IS NULL AND file_id IS NULL"
            " AND upload_id IS NULL",
            (target, self._store.clock(), target, name),
        )
        return count

    def make_due(self, target: str | None = None) -> int:
        """The service answers again: jobs backing off after a transient failure (of
        ``target``, or of every target) are due now. Waits a server asked for (Retry-After)
        are kept. Returns how many jobs became due."""
        where = " AND target = ?" if target is not None else ""
        now = self._store.clock()
        count, _ = self._store.write(
            "UPDATE upload_jobs SET next_attempt_at = NULL, updated_at = ?"
            " WHERE state = 'waiting_retry' AND next_attempt_at > ?"
            f" AND coalesce(error_kind, '') != 'rate_limited'{where}",
            (now, now, *(() if target is None else (target,))),
        )
        return count

    def recover(self, owner: str, is_stale: Callable[[str, float | None], bool]) -> list[int]:
        """Put jobs left busy by a dead owner back in the queue; returns their ids.

        A job that already has a remote file id is only re-verified; one that was uploading is
        marked for reconciliation, since the dead process may have stored the file remotely.
        """
        recovered: list[int] = []
        with self._store.transaction() as conn:
            rows = conn.execute(
                "SELECT id, owner, lease_until FROM upload_jobs"
                " WHERE state IN ('uploading', 'verifying') AND coalesce(owner, '') != ?",
                (owner,),
            ).fetchall()
            for row in rows:
                if not is_stale(row["owner"] or "", row["lease_until"]):
                    continue
                conn.execute(
                    "UPDATE upload_jobs SET state = 'queued', owner = NULL, lease_until = NULL,"
                    " next_attempt_at = NULL, updated_at = ?, reconcile_since = CASE"
                    " WHEN file_id IS NULL THEN coalesce(reconcile_since, attempt_started_at)"
                    " ELSE reconcile_since END, ambiguous_since = CASE"
                    " WHEN file_id IS NULL THEN coalesce(ambiguous_since, attempt_started_at)"
                    " ELSE ambiguous_since END WHERE id = ?",
                    (self._store.clock(), row["id"]),
                )
                recovered.append(row["id"])
        return recovered

    # -- multipart parts (they let an interrupted multipart upload resume) ---------------------

    def set_upload(
        self, job_id: int, owner: str, upload_id: str | None, expires: float | None
    ) -> bool:
        return self._store.update_owned(
            job_id, owner, "upload_id = ?, upload_expires_at = ?", (upload_id, expires)
        )

    def add_part(self, job_id: int, upload_id: str, part_no: int, part_id: str, size: int) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO upload_parts (job_id, upload_id, part_no, part_id, size)"
                " VALUES (?, ?, ?, ?, ?)",
                (job_id, upload_id, part_no, part_id, size),
            )
            conn.execute(
                "UPDATE upload_jobs SET bytes_sent = (SELECT coalesce(sum(size), 0)"
                " FROM upload_parts WHERE job_id = ? AND upload_id = ?), updated_at = ?"
                " WHERE id = ?",
                (job_id, upload_id, self._store.clock(), job_id),
            )

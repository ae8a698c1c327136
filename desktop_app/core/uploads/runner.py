"""Carries one claimed job through its steps: dedupe, reconcile, upload, verify.

Order matters for "exactly once":

1. a job that already has a remote file id (recovered in ``verifying``) is only verified;
2. a done job with the same content, file name, purpose, target and requested expiry whose
   file still exists (and stays valid a while) is reused;
3. if an earlier attempt may have stored the file (``reconcile_since``), matching remote files
   created since then are looked up: the newest one no job records is adopted, extra copies
   are deleted only when they can only be ours (see :meth:`JobRunner._reconcile`);
4. only then is the file sent (Files API, or the Uploads API in parts above the threshold), and
   the new file is verified with ``files.retrieve`` before the job is done.

Failures propagate as :class:`~desktop_app.core.errors.UploadError` (``ApiCallError`` for API
calls); the manager applies the retry policy to them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import ApiCallError, UploadError
from desktop_app.core.uploads.clock import Clock
from desktop_app.core.uploads.jobs import Job, JobState, damaged_copy_message
from desktop_app.core.uploads.listeners import EventKind, Events
from desktop_app.core.uploads.multipart import MultipartUpload
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import ErrorKind, Failure, RetryPolicy, failure_of

if TYPE_CHECKING:
    from desktop_app.core.openai_api import FilesApi, RemoteFile

log = logging.getLogger(__name__)

MiB = 1024 * 1024
#: Largest file ``files.create`` accepts; largest total and part the Uploads API accepts.
FILES_API_LIMIT = 512 * MiB
UPLOADS_API_LIMIT = 8 * 1024 * MiB
PART_LIMIT = 64 * MiB
#: How often (seconds) progress is written to the database and announced.
PROGRESS_INTERVAL = 0.25
#: Reconciliation deletes only copies created at or after the attempt start, allowing just for
#: the server's whole-second ``created_at`` (the adoption window is a little wider).
DELETE_SKEW = 1.0
#: Same as ``openai_api.RECONCILE_SKEW`` (not imported: that package loads the SDK).
RECONCILE_SKEW = 2.0


@dataclass(frozen=True)
class UploadLimits:
    """Size rules. Tests shrink them; the defaults follow the API's documented limits."""

    large_file_threshold: int = 64 * MiB  # above this: Uploads API in parts
    part_size: int = 64 * MiB
    max_file_size: int = UPLOADS_API_LIMIT
    #: A reusable remote file must stay valid at least this long (seconds) to be reused.
    reuse_min_remaining: float = 3600.0

    def __post_init__(self) -> None:
        if not 0 < self.part_size <= PART_LIMIT:
            raise ValueError(f"part size must be between 1 byte and {PART_LIMIT} bytes")

    @property
    def direct_limit(self) -> int:
        return min(self.large_file_threshold, FILES_API_LIMIT)


class Outcome(StrEnum):
    DONE = "done"
    CANCELLED = "cancelled"  # cancelled by the user while in flight; any new file was removed
    LOST = "lost"  # the job was taken over (crash recovery by another process): hands off


class JobRunner:
    """Runs the steps for one job; stateless between jobs, shared by all worker threads."""

    def __init__(
        self,
        queue: UploadQueue,
        queries: QueueReads,
        blob_path: Callable[[str], Path],
        limits: UploadLimits,
        policy: RetryPolicy,
        clock: Clock,
        events: Events,
    ) -> None:
        self._queue = queue
        self._queries = queries
        self._blob_path = blob_path
        self.limits = limits
        self._policy = policy
        self._clock = clock
        self._events = events

    def run(self, job: Job, up: FilesApi, owner: str, stop: threading.Event) -> Outcome:
        view = job.view
        if view.size > self.limits.max_file_size:
            raise UploadError(
                f"{view.name} is {view.size / MiB:.0f} MiB; the API accepts at most "
                f"{self.limits.max_file_size / MiB:.0f} MiB per file",
                kind=ErrorKind.TOO_LARGE,
            )
        if view.file_id is not None:
            outcome = self._verify(job, up, owner, view.file_id, reconciled=False)
            if outcome is not None:
                return outcome
        reused = self._reuse(job, up)
        if reused is not None:
            return self._adopt(job, up, owner, reused, verified=True)
        if job.reconcile_since is not None:
            found = self._reconcile(job, up, owner, job.reconcile_since)
            if isinstance(found, Outcome):
                return found
            if found is not None:
                return self._verified_or_check(
                    job, up, owner, found, verified=False, sweep=job.ambiguous_since
                )
            if not self._queue.mark_reconciled(job.id, owner):
                return self._lost_or_cancelled(job, up, None)
        remote = self._send(job, up, owner, stop)
        return self._adopt(job, up, owner, remote, verified=False, sweep=job.ambiguous_since)

    # -- steps ---------------------------------------------------------------------------------

    def _reuse(self, job: Job, up: FilesApi) -> RemoteFile | None:
        now = self._clock()
        for other in self._queries.reusable(job):
            file_id = other.view.file_id
            assert file_id is not None
            try:
                remote = up.retrieve(file_id)
            except ApiCallError as exc:
                if exc.http_status == 404 or exc.kind == ErrorKind.EXPIRED:
                    continue
                raise
            if remote.filename not in _stored_names(job.view.name) or remote.purpose != job.purpose:
                continue
            if (
                remote.expires_at is None
                or remote.expires_at - now >= self.limits.reuse_min_remaining
            ):
                log.info("job %d: reusing remote file %s of job %d", job.id, remote.id, other.id)
                return remote
        return None

    def _reconcile(
        self, job: Job, up: FilesApi, owner: str, since: float
    ) -> RemoteFile | Outcome | None:
        """Adopt the file an ambiguous attempt (started at ``since``) may have stored.

        Remote files can only be matched by name, size and purpose, so the rules are strict;
        a wrong adoption attaches another document's bytes, while a duplicate only costs
        storage, so when in doubt a duplicate is left rather than something adopted that might
        not be ours:

        - only files created at or after ``since`` minus a few seconds of clock skew count
          (``RECONCILE_SKEW``), never older ones (e.g. uploaded earlier by another tool);
        - the claim never runs two jobs with the same name, size, purpose and target at once,
          and one waiting to reconcile holds its look-alikes back, so a match in the window is
          ours; files any job records are skipped;
        - the newest match is adopted, and its id is recorded in the same transaction that
          checks no other job records it. Extra copies are left to :meth:`sweep`.
        """
        view = job.view
        referenced = self._queries.referenced_file_ids(job.target)
        for match in up.find(view.name, view.size, job.purpose, since):
            if match.id in referenced:
                continue
            taken = self._queue.adopt_file(job.id, owner, match.id, view.size)
            if taken is None:
                return self._lost_or_cancelled(job, up, None)
            if taken:
                log.info("job %d: adopting %s stored by an interrupted attempt", job.id, match.id)
                self._events.announce(EventKind.STATE, job.id)
                return match
        log.info("job %d: no remote copy from the interrupted attempt", job.id)
        return None

    def sweep(self, job: Job, up: FilesApi, keep: str | None, since: float) -> int:
        """Remove extra copies an ambiguous attempt of ``job`` (started at ``since``) stored;
        see :meth:`sweep_strict`. Failures to look are logged. Returns how many were deleted."""
        try:
            return self.sweep_strict(job, up, keep, since) or 0
        except ApiCallError as exc:
            log.warning("job %d: could not look for duplicate copies: %s", job.id, exc)
            return 0

    def sweep_strict(self, job: Job, up: FilesApi, keep: str | None, since: float) -> int | None:
        """Remove copies other than ``keep`` that an ambiguous attempt of ``job`` stored.

        Deletes only files that match name, size and purpose, were created at or after
        ``since`` (allowing just for whole-second timestamps, ``DELETE_SKEW``), are recorded
        by no job, and only when no look-alike job (same name, size, purpose, target) was
        active since then. Otherwise the copies are left: a duplicate is better than deleting
        a file that might not be ours. Returns how many were deleted, or None when the sweep
        was skipped for a look-alike job (try again later). Raises :class:`ApiCallError`.
        """
        view = job.view
        found = up.find(view.name, view.size, job.purpose, since, skew=DELETE_SKEW)
        extra = [m for m in found if m.id != keep]
        if not extra:
            return 0
        if self._queries.name_twin_active(job, since - RECONCILE_SKEW):
            log.info(
                "job %d: leaving %d possible duplicate(s): a look-alike job was active",
                job.id,
                len(extra),
            )
            return None
        referenced = self._queries.referenced_file_ids(job.target)
        deleted = 0
        for m in extra:
            if m.id not in referenced and self._delete_quietly(up, m.id, job.id):
                deleted += 1
        return deleted

    def recheck(self, job: Job, up: FilesApi) -> Failure | None:
        """None if a done job's remote file is still there and valid, else why it is not.

        Raises :class:`ApiCallError` when the check itself failed (network, server, key).
        """
        file_id = job.view.file_id
        assert file_id is not None
        try:
            remote = up.retrieve(file_id)
        except ApiCallError as exc:
            if exc.kind == ErrorKind.EXPIRED:
                return failure_of(exc)
            if exc.http_status == 404:
                return Failure(ErrorKind.EXPIRED, f"remote file {file_id} has vanished")
            raise
        if remote.expires_at is not None and remote.expires_at <= self._clock():
            return Failure(ErrorKind.EXPIRED, f"remote file {file_id} has expired")
        return None

    def sweep_after_check(self, job: Job, up: FilesApi) -> int:
        """For a verified done job that once had an ambiguous attempt, remove late copies."""
        if job.ambiguous_since is None or job.view.file_id is None:
            return 0
        return self.sweep(job, up, job.view.file_id, job.ambiguous_since)

    def _delete_quietly(self, up: FilesApi, file_id: str, job_id: int) -> bool:
        try:
            up.delete(file_id)
        except ApiCallError as exc:
            log.warning("job %d: could not delete duplicate %s: %s", job_id, file_id, exc)
            return False
        log.info("job %d: deleted duplicate remote file %s", job_id, file_id)
        return True

    def _send(self, job: Job, up: FilesApi, owner: str, stop: threading.Event) -> RemoteFile:
        path = self._blob_path(job.view.sha256)
        if not path.is_file():
            raise UploadError(
                f"the vault copy of {job.view.name} is missing; back the document up again",
                kind=ErrorKind.INVALID,
            )
        progress = _Progress(self._queue, job.id, owner, self._clock, self._events)
        try:
            if job.view.size > self.limits.direct_limit:
                multipart = MultipartUpload(
                    self._queue, self._queries, up, self._policy, self._clock, stop
                )
                # Parts are big: announce each one (no throttling).
                return multipart.run(
                    job, owner, path, self.limits.part_size, lambda n: progress(n, force=True)
                )
            sent = up.create_file(
                path, job.view.name, job.mime_type, job.purpose, job.expires_after, progress
            )
        finally:
            progress.flush(final=True)
        if sent.sha256 != job.view.sha256:
            # The vault copy is damaged: never keep what was stored, and sending again cannot help.
            log.error("job %d: sent bytes do not match the backup's SHA-256", job.id)
            try:
                up.delete(sent.remote.id)
            except ApiCallError as exc:
                log.warning("job %d: could not delete damaged upload: %s", job.id, exc)
            raise UploadError(damaged_copy_message(job.view.name), kind=ErrorKind.INVALID)
        return sent.remote

    def _adopt(
        self,
        job: Job,
        up: FilesApi,
        owner: str,
        remote: RemoteFile,
        *,
        verified: bool,
        sweep: float | None = None,
    ) -> Outcome:
        if not self._queue.mark_verifying(job.id, owner, remote.id, job.view.size):
            return self._lost_or_cancelled(job, up, remote.id)
        self._events.announce(EventKind.STATE, job.id)
        return self._verified_or_check(job, up, owner, remote, verified=verified, sweep=sweep)

    def _verified_or_check(
        self,
        job: Job,
        up: FilesApi,
        owner: str,
        remote: RemoteFile,
        *,
        verified: bool,
        sweep: float | None,
    ) -> Outcome:
        if sweep is not None:
            self.sweep(job, up, remote.id, sweep)
        if verified:
            return self._finish(job, up, owner, remote)
        outcome = self._verify(job, up, owner, remote.id, reconciled=True)
        assert outcome is not None
        return outcome

    def _verify(
        self, job: Job, up: FilesApi, owner: str, file_id: str, *, reconciled: bool
    ) -> Outcome | None:
        """Confirm the remote file exists. None: it is gone, upload again (recovery only)."""
        try:
            remote = up.retrieve(file_id)
        except ApiCallError as exc:
            gone = exc.http_status == 404 or exc.kind == ErrorKind.EXPIRED
            if gone and not reconciled:
                log.info("job %d: remote file %s is gone; uploading again", job.id, file_id)
                self._queue.forget_file(job.id, owner)
                return None
            if gone:
                self._queue.forget_file(job.id, owner)
            raise
        return self._finish(job, up, owner, remote)

    def _finish(self, job: Job, up: FilesApi, owner: str, remote: RemoteFile) -> Outcome:
        if not self._queue.finish(job.id, owner, remote.id, remote.expires_at):
            return self._lost_or_cancelled(job, up, remote.id)
        self._events.announce(EventKind.STATE, job.id)
        return Outcome.DONE

    def _lost_or_cancelled(self, job: Job, up: FilesApi, file_id: str | None) -> Outcome:
        current = self._queries.get(job.id)
        if current.view.state is not JobState.CANCELLED:
            log.warning("job %d was taken over by another worker; leaving it", job.id)
            return Outcome.LOST
        if file_id is not None and not self._queries.file_id_in_use(file_id, job.id):
            # Cancelled while the file was on its way: do not leave an orphan behind.
            self._delete_quietly(up, file_id, job.id)
        return Outcome.CANCELLED


def _stored_names(name: str) -> frozenset[str]:
    # Imported on use: the package loads the SDK, which a client in use has loaded already.
    from desktop_app.core.openai_api import stored_as

    return stored_as(name)


class _Progress:
    """Throttled progress: persisted and announced at most every PROGRESS_INTERVAL seconds."""

    def __init__(
        self,
        queue: UploadQueue,
        job_id: int,
        owner: str,
        clock: Callable[[], float],
        events: Events,
    ) -> None:
        self._queue = queue
        self._job_id = job_id
        self._owner = owner
        self._clock = clock
        self._events = events
        # The first write waits one interval: a small file is done before then, and its final
        # byte count is written together with the state change (no extra transaction).
        self._last = clock()
        self._sent = 0
        self._written = -1

    def __call__(self, sent: int, *, force: bool = False) -> None:
        self._sent = sent
        now = self._clock()
        if force or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self.flush()

    def flush(self, *, final: bool = False) -> None:
        if final and self._written < 0:
            return  # nothing was announced yet: the state change will carry the count
        if self._sent != self._written:
            self._written = self._sent
            self._queue.set_progress(self._job_id, self._owner, self._sent)
            self._events.announce(EventKind.PROGRESS, self._job_id)

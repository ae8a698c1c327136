"""Large files through the Uploads API: resumable parts, per-part retry, md5 at completion.

The Upload id and every acknowledged part id are persisted as they arrive, so an attempt that is
interrupted (crash, shutdown, outage) resumes by sending only the missing parts. An Upload expires
an hour after creation; one that has (or is about to) is abandoned and the file starts over.
Before completing, the file's SHA-256 is checked against the job's: a damaged vault copy is
never completed into a remote file.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import ApiCallError, ErrorKind, UploadError
from desktop_app.core.fsutil import hash_file
from desktop_app.core.uploads.clock import Clock
from desktop_app.core.uploads.jobs import Job, damaged_copy_message
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import SERVICE_KINDS, RetryPolicy

if TYPE_CHECKING:
    from desktop_app.core.openai_api import FilesApi, RemoteFile

log = logging.getLogger(__name__)

#: Start over rather than resume an Upload this close to its expiry (seconds).
EXPIRY_MARGIN = 120.0
#: Tries per part within one attempt for transient (server/network) failures.
PART_TRIES = 3


class Interrupted(Exception):
    """The worker is shutting down; the parts sent so far are kept for the next attempt."""


@dataclass(frozen=True)
class PartPlan:
    size: int
    part_size: int

    @property
    def count(self) -> int:
        return max(1, -(-self.size // self.part_size))

    def span(self, index: int) -> tuple[int, int]:
        start = index * self.part_size
        return start, min(self.part_size, self.size - start)


def file_digests(path: Path) -> tuple[str, str]:
    """(md5, sha256) of the file, in one read."""
    md5 = hashlib.md5(usedforsecurity=False)
    sha256, _ = hash_file(path, also=(md5,))
    return md5.hexdigest(), sha256


class MultipartUpload:
    """Sends one job's file in parts; see the module docstring."""

    def __init__(
        self,
        queue: UploadQueue,
        queries: QueueReads,
        uploader: FilesApi,
        policy: RetryPolicy,
        clock: Clock,
        stop: threading.Event,
    ) -> None:
        self._queue = queue
        self._queries = queries
        self._up = uploader
        self._policy = policy
        self._clock = clock
        self._stop = stop

    def run(
        self, job: Job, owner: str, path: Path, part_size: int, on_progress: Callable[[int], None]
    ) -> RemoteFile:
        upload_id = job.upload_id
        expires = job.upload_expires_at
        if upload_id is not None and (expires is None or self._clock() > expires - EXPIRY_MARGIN):
            log.info("job %d: upload %s expired; starting the file over", job.id, upload_id)
            self._abandon(job, owner, upload_id)
            upload_id = None
        try:
            return self._send(job, owner, path, part_size, upload_id, on_progress)
        except ApiCallError as exc:
            # The Upload itself expired, or the server no longer takes parts for it (it forgot
            # the Upload, or it was completed or cancelled meanwhile): start over once within
            # this attempt. An Upload exists only once create_upload succeeded, so a refusal of
            # the request itself (a bad purpose, a file too large) still fails at once.
            current = self._queries.get(job.id).upload_id
            stale = current is not None and exc.kind == ErrorKind.INVALID
            if exc.kind != ErrorKind.EXPIRED and not stale:
                raise
            log.info("job %d: the upload cannot continue (%s); starting over", job.id, exc)
        if current is not None:
            self._abandon(job, owner, current)
        return self._send(job, owner, path, part_size, None, on_progress)

    def _abandon(self, job: Job, owner: str, upload_id: str) -> None:
        self._queue.set_upload(job.id, owner, None, None)
        try:
            self._up.cancel_upload(upload_id)
        except ApiCallError as exc:
            log.debug("cancelling stale upload %s failed: %s", upload_id, exc)

    def _send(
        self,
        job: Job,
        owner: str,
        path: Path,
        part_size: int,
        upload_id: str | None,
        on_progress: Callable[[int], None],
    ) -> RemoteFile:
        size = job.view.size
        if upload_id is None:
            created = self._up.create_upload(
                job.view.name, size, job.mime_type, job.purpose, job.expires_after
            )
            upload_id = created.id
            self._queue.set_upload(job.id, owner, upload_id, created.expires_at)
        plan = PartPlan(size, part_size)
        done = self._queries.parts(job.id, upload_id)
        sent = sum(plan.span(i)[1] for i in done if i < plan.count)
        on_progress(sent)
        with path.open("rb") as handle:
            for index in range(plan.count):
                if index in done:
                    continue
                if self._stop.is_set():
                    raise Interrupted
                start, length = plan.span(index)
                handle.seek(start)
                data = handle.read(length)
                if len(data) != length:
                    raise OSError(f"the vault copy of {job.view.name} is shorter than expected")
                done[index] = self._part_with_retry(upload_id, data)
                self._queue.add_part(job.id, upload_id, index, done[index], length)
                sent += length
                on_progress(sent)
        if self._stop.is_set():
            raise Interrupted
        part_ids = [done[i] for i in range(plan.count)]
        md5, sha256 = file_digests(path)
        if sha256 != job.view.sha256:
            # Never complete a damaged copy into a file: drop the Upload and its parts.
            self._abandon(job, owner, upload_id)
            raise UploadError(damaged_copy_message(job.view.name), kind=ErrorKind.INVALID)
        return self._up.complete_upload(upload_id, part_ids, md5)

    def _part_with_retry(self, upload_id: str, data: bytes) -> str:
        for attempt in range(1, PART_TRIES + 1):
            try:
                return self._up.add_part(upload_id, data)
            except ApiCallError as exc:
                transient = exc.kind in SERVICE_KINDS
                if not transient or attempt == PART_TRIES:
                    raise
                # Short in-attempt pause; the job-level backoff takes over after PART_TRIES.
                if self._stop.wait(self._clock.real_seconds(self._policy.delay(attempt))):
                    raise Interrupted from exc
        raise AssertionError("unreachable")  # pragma: no cover

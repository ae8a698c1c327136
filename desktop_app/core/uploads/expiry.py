"""Files the server let go after a successful upload: found by a recheck, healed or shown.

A done upload is only as good as the server's copy. :class:`ExpiryWatch` looks again at done
jobs (at start-up and every ``[upload] recheck_minutes`` in the tray app and ``attachguard run``;
on demand with ``attachguard recheck``) and, for each file the server no longer has:

- uploads it again from the vault copy, once (``requeue_done`` only moves a job that is still
  ``done``, so two processes rechecking at the same time cannot both queue it), unless
- it expired on the schedule the user asked for (``expires_after``), or ``[upload]
  reupload_expired`` is off: then the job is shown as **expired** and the user may upload it
  again by hand.

The periodic pass is cheap: a file whose expiry the server told us lies beyond the next pass is
not asked about, and one whose expiry has passed is known expired without a call; only files
whose expiry is near or unknown cost one ``files.retrieve`` each.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from desktop_app.core.errors import ApiCallError, ErrorKind, NoApiKeyError
from desktop_app.core.periodic import Periodic
from desktop_app.core.uploads.clock import Clock
from desktop_app.core.uploads.jobs import Job, JobState
from desktop_app.core.uploads.keys import ApiKeys
from desktop_app.core.uploads.listeners import EventKind, Events
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import Failure
from desktop_app.core.uploads.runner import JobRunner

log = logging.getLogger(__name__)

#: A file known to stay valid this much past the next periodic pass is not asked about.
EXPIRY_MARGIN = 300.0


@dataclass(frozen=True)
class RecheckReport:
    checked: int  # done jobs looked at (asked about, or known expired by their date)
    ok: int
    requeued: list[int]  # gone, and queued to be uploaded again
    unreachable: int  # could not be checked now (network, server); left as they were
    duplicates_removed: int = 0  # late copies of ambiguous attempts, deleted
    expired: list[int] = field(default_factory=list)  # gone, shown as expired, not re-uploaded
    skipped: int = 0  # valid, by the server's own word, until after the next pass


class ExpiryWatch:
    """Rechecks done uploads; optionally on a thread of its own (``ag-upload-recheck``)."""

    def __init__(
        self,
        *,
        queue: UploadQueue,
        queries: QueueReads,
        runner: JobRunner,
        keys: ApiKeys,
        events: Events,
        clock: Clock,
        interval_minutes: float,
        reupload: bool,
    ) -> None:
        self._queue = queue
        self._queries = queries
        self._runner = runner
        self._keys = keys
        self._events = events
        self._clock = clock
        self.interval = interval_minutes * 60
        self.reupload = reupload
        self._poller = Periodic(
            "ag-upload-recheck", self._tick, lambda: clock.real_seconds(self.interval)
        )

    def start(self) -> None:
        """Recheck now and then every ``interval`` seconds (idempotent)."""
        self._poller.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._poller.stop(timeout)

    def recheck(self, *, thorough: bool = True) -> RecheckReport:
        """Look at every done job (``thorough``: ask the server about each one; otherwise skip
        those known valid until after the next pass). Raises :class:`NoApiKeyError` when the
        key is missing or refused."""
        now = self._clock()
        horizon = now + self.interval + EXPIRY_MARGIN
        requeued: list[int] = []
        expired: list[int] = []
        checked = ok = unreachable = removed = skipped = 0
        for job in self._queries.select({JobState.DONE}):
            known = job.view.expires_at
            if not thorough and known is not None and known > horizon:
                skipped += 1
                continue
            checked += 1
            client = self._keys.client(job.target)
            if known is not None and known <= now:
                gone: Failure | None = Failure(
                    ErrorKind.EXPIRED, f"remote file {job.view.file_id} expired at {_at(known)}"
                )
            else:
                try:
                    gone = self._runner.recheck(job, client)
                except ApiCallError as exc:
                    if exc.kind is ErrorKind.AUTH:
                        raise NoApiKeyError(f"the API key was rejected ({exc})") from exc
                    unreachable += 1
                    continue
            if gone is None:
                ok += 1
                removed += self._runner.sweep_after_check(job, client)
            elif self._heal(job, gone):
                requeued.append(job.id)
            else:
                expired.append(job.id)
        if requeued:
            self._events.work_available()
        return RecheckReport(
            checked, ok, requeued, unreachable, removed, expired=expired, skipped=skipped
        )

    def _heal(self, job: Job, gone: Failure) -> bool:
        """Queue ``job`` again (True), or show it as expired (False)."""
        expires_at = job.view.expires_at
        on_schedule = job.expires_after is not None and (
            expires_at is not None and expires_at <= self._clock()
        )
        if self.reupload and not on_schedule:
            note = Failure(gone.kind, f"{gone.message}; uploading it again from the backup")
            if self._queue.requeue_done(job.id, note):
                log.info("job %d: %s; uploading it again", job.id, gone.message)
                self._events.emit(EventKind.STATE, job.id)
                return True
            return False
        if self._queue.mark_expired(job.id, gone):
            why = "on the schedule asked for" if on_schedule else "and re-uploading is off"
            log.info("job %d: %s (%s)", job.id, gone.message, why)
            self._events.emit(EventKind.STATE, job.id)
        return False

    def _tick(self) -> None:
        if not self._keys.has_key():
            return
        try:
            report = self.recheck(thorough=False)
        except NoApiKeyError as exc:
            log.info("recheck skipped: %s", exc)
            return
        if report.requeued or report.expired:
            log.info(
                "recheck: %d uploaded file(s) gone; %d queued again, %d shown as expired",
                len(report.requeued) + len(report.expired),
                len(report.requeued),
                len(report.expired),
            )


def _at(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))

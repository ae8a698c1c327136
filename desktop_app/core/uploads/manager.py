"""The upload engine's public face: :class:`UploadManager`, used by the service.

It owns the engine's parts and wires them together once: the persistent queue (writes in
``queue.py``, reads in ``queries.py``, over one ``store.py``), the gate (``gate.py``: user pause,
missing or rejected key, external holds, per-target rate limits and breakers), the retry policy
(``retry.py``), the key and SDK clients (``keys.py``), events and waiting (``listeners.py``), the
per-job steps (``runner.py``), the worker threads (``workers.py``), the lease and recovery thread
(``housekeeping.py``), the recheck of done uploads (``expiry.py``) and the status at a glance
(``status.py``).

Listeners are plain callables, called from worker threads; the UI bridges them to its own thread.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Collection, Sequence

from desktop_app.core.credentials import resolve_api_key
from desktop_app.core.errors import ApiCallError, NoApiKeyError, UploadError
from desktop_app.core.store.db import Database
from desktop_app.core.uploads.clock import SYSTEM_CLOCK, Clock
from desktop_app.core.uploads.destinations import Target, resolve_targets
from desktop_app.core.uploads.expiry import ExpiryWatch, RecheckReport
from desktop_app.core.uploads.failover import Failover, FailoverOffer, FailoverWatch
from desktop_app.core.uploads.gate import BLOCKING_PAUSES, Gate, PauseReason
from desktop_app.core.uploads.housekeeping import Housekeeper
from desktop_app.core.uploads.jobs import ACTIVE_STATES, JobState, JobView, NewJob
from desktop_app.core.uploads.keys import ApiKeys
from desktop_app.core.uploads.listeners import EventKind, Events, UploadEvent
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import ErrorKind, Failure, RetryPolicy
from desktop_app.core.uploads.rollback import RollbackWatch
from desktop_app.core.uploads.runner import JobRunner, MiB, UploadLimits
from desktop_app.core.uploads.status import QueueStatus, queue_status
from desktop_app.core.uploads.store import QueueStore
from desktop_app.core.uploads.target_state import TargetState, target_states
from desktop_app.core.uploads.workers import (
    Claimant,
    Drainer,
    WorkerPool,
    new_owner,
    owner_is_stale,
)
from desktop_app.core.vault import Vault
from desktop_app.settings import UploadSettings
from desktop_app.targets import DEFAULT_TARGET, TargetSettings

log = logging.getLogger(__name__)

#: Longest wait (seconds) of ``run_until_idle`` between checks when no job of this process
#: ended: it still notices jobs settled or cancelled by another process on the same database.
IDLE_RECHECK_SECONDS = 1.0

#: Purposes the Files API accepts on upload.
PURPOSES = frozenset({"assistants", "batch", "fine-tune", "vision", "user_data", "evals"})
#: expires_after bounds accepted by the Files API (1 hour to 30 days).
EXPIRES_AFTER_RANGE = (3600, 2_592_000)

__all__ = [
    "ErrorKind",
    "JobState",
    "JobView",
    "PauseReason",
    "RecheckReport",
    "UploadEvent",
    "UploadLimits",
    "UploadManager",
]


class UploadManager:
    """Persistent, crash-safe upload queue with worker threads (see the module docstring)."""

    def __init__(
        self,
        db: Database,
        vault: Vault,
        settings: UploadSettings,
        *,
        credentials: Callable[[], str | None] = resolve_api_key,
        base_url: str | None = None,
        clock: Clock = SYSTEM_CLOCK,
        limits: UploadLimits | None = None,
        lease_seconds: float = 60.0,
        request_timeout: float | None = None,
        targets: Sequence[TargetSettings] = (),
        target_key: Callable[[Target], str | None] | None = None,
    ) -> None:
        self.settings = settings
        self.targets = resolve_targets(settings, targets, base_url)
        self.base_url = self.targets.get(DEFAULT_TARGET).address
        store = QueueStore(db, clock)
        self.queue = UploadQueue(store)
        self.queries = QueueReads(store)
        self._rollback = RollbackWatch(store)
        self._vault = vault
        self._clock = clock
        self.policy = RetryPolicy(
            max_attempts=settings.max_attempts,
            base=settings.backoff_base,
            cap=settings.backoff_cap,
            give_up_after=settings.give_up_after_hours * 3600,
        )
        self.limits = limits or UploadLimits(
            large_file_threshold=settings.large_file_threshold_mb * MiB,
            part_size=max(1, min(settings.part_size_mb, 64)) * MiB,
        )
        self.owner = new_owner()
        self._gate = Gate(settings.breaker_threshold, self.policy, clock)
        self._keys = ApiKeys(
            credentials,
            self._gate,
            request_timeout=request_timeout,
            targets=self.targets,
            target_key=target_key,
        )
        self._events = Events(wake_workers=lambda: self._pool.wake())
        self.failover = FailoverWatch(
            settings=settings,
            targets=self.targets,
            gate=self._gate,
            queries=self.queries,
            events=self._events,
            clock=clock,
            enqueue=lambda ids, name: self.enqueue(ids, targets=[name]),
        )
        self._claimant = Claimant(self.owner, lease_seconds)
        # Mid-job events (verifying, progress) only go to listeners; ``run_until_idle`` is woken
        # once per job, when the worker is done with it.
        self._runner = JobRunner(
            self.queue, self.queries, vault.blob_path, self.limits, self.policy, clock, self._events
        )
        drainer = Drainer(
            queue=self.queue,
            queries=self.queries,
            gate=self._gate,
            keys=self._keys,
            events=self._events,
            runner=self._runner,
            policy=self.policy,
            claimant=self._claimant,
            clock=clock,
        )
        self._pool = WorkerPool("ag-upload", settings.concurrency, drainer.step, clock)
        self.expiry = ExpiryWatch(
            queue=self.queue,
            queries=self.queries,
            runner=self._runner,
            keys=self._keys,
            events=self._events,
            clock=clock,
            interval_minutes=settings.recheck_minutes,
            reupload=settings.reupload_expired,
        )
        self._housekeeper = Housekeeper(
            queue=self.queue,
            claimant=self._claimant,
            events=self._events,
            clock=clock,
            recover=self.recover,
            check_rollback=self._rollback.check,
            sweep=self._sweep_while_sending,
        )
        self._started = False

    # -- queue contents ------------------------------------------------------------------------

    def enqueue(
        self,
        entry_ids: Sequence[int],
        *,
        purpose: str | None = None,
        expires_after: int | None = None,
        targets: Sequence[str] | None = None,
    ) -> list[int]:
        """Persist one job per vault entry and target (one transaction; ``targets``: names,
        default the primary) and wake the workers."""
        expires = expires_after if expires_after is not None else self.settings.expires_after
        chosen = [
            self.targets.get(n) for n in dict.fromkeys(targets or [self.targets.primary.name])
        ]
        new = []
        for target in chosen:
            new += self._new_jobs(entry_ids, target, purpose or target.purpose, expires)
        ids = self.queue.add(new)
        self._events.emit(EventKind.QUEUE)
        self._events.work_available()
        return ids

    def _new_jobs(
        self, entry_ids: Sequence[int], target: Target, purpose: str | None, expires: int | None
    ) -> list[NewJob]:
        purpose = purpose or self.settings.purpose
        if purpose not in PURPOSES:
            raise UploadError(
                f"unknown purpose {purpose!r}; use one of {', '.join(sorted(PURPOSES))}",
                kind=ErrorKind.INVALID,
            )
        low, high = EXPIRES_AFTER_RANGE
        if expires is not None and not low <= expires <= high:
            raise UploadError(
                f"expires-after must be between {low} and {high} seconds, got {expires}",
                kind=ErrorKind.INVALID,
            )
        new = []
        for entry_id in entry_ids:
            entry = self._vault.get(entry_id)
            new.append(
                NewJob(
                    entry_id=entry.id,
                    sha256=entry.sha256,
                    name=entry.name,
                    size=entry.size,
                    mime_type=entry.mime_type,
                    target=target.address,
                    purpose=purpose,
                    expires_after=expires,
                    target_name=target.name,
                )
            )
        return new

    def jobs(
        self,
        *,
        states: Collection[JobState] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[JobView]:
        """Jobs, newest first."""
        return [job.view for job in self.queries.select(states, limit, offset)]

    def job(self, job_id: int) -> JobView:
        return self.queries.get(job_id).view

    def job_count(
        self, states: Collection[JobState] | None = None, ids: Collection[int] | None = None
    ) -> int:
        return self.queries.count(states, ids)

    @property
    def waiting_for_user(self) -> bool:
        """Uploads are paused for a reason that will not pass by itself (the user paused them,
        the key is missing or refused, the account is out of credit)."""
        return self._gate.paused() in BLOCKING_PAUSES

    def latest_fallback_candidate(self) -> JobView | None:
        """The job that most recently failed or hit an expiry error (fallback offered)."""
        job = self.queries.latest_fallback()
        return None if job is None else job.view

    def status(self) -> QueueStatus:
        return queue_status(self._gate, self.queries, self._clock())

    @property
    def paused(self) -> PauseReason | None:
        """Why uploads are held right now (the most actionable reason first), or None."""
        return self._gate.paused()

    # -- user actions --------------------------------------------------------------------------

    def retry(self, job_id: int | None = None) -> int:
        """Retry now, bypassing backoff: one job, or every failed/waiting job. Returns count.

        One expired job (its file gone from the server) is uploaded again from the backup.
        """
        if job_id is not None and self.queries.get(job_id).view.state is JobState.EXPIRED:
            again = Failure(ErrorKind.EXPIRED, "uploading again, as asked")
            count = int(self.queue.requeue_done(job_id, again))
        else:
            count = self.queue.retry_now(job_id)
        if self._gate.clear_quota():
            # The user says the account was topped up: try again (one 429 pauses again).
            self._events.emit(EventKind.QUEUE)
            self._events.work_available()
        if count:
            self._events.emit(EventKind.QUEUE, job_id)
            self._events.work_available()
        return count

    def cancel(self, job_id: int) -> None:
        """Cancel a job that is not done. If an earlier attempt may have stored the file (the
        connection dropped), that copy is looked for and deleted now (best effort: when the
        service cannot be reached, :meth:`recheck` and the workers try again later)."""
        self.queue.cancel(job_id)
        self._events.emit(EventKind.STATE, job_id)
        self.sweep_cancelled([job_id])

    def sweep_cancelled(self, job_ids: Collection[int] | None = None) -> int:
        """Delete remote copies left by ambiguous attempts of cancelled jobs; returns how many.

        Network trouble or a missing key leaves the jobs marked for the next pass.
        """
        removed = 0
        for job in self.queries.cancelled_unswept():
            if job_ids is not None and job.id not in job_ids:
                continue
            since = job.ambiguous_since
            assert since is not None
            try:
                deleted = self._runner.sweep_strict(job, self._keys.client(job.target), None, since)
            except (ApiCallError, NoApiKeyError) as exc:
                log.info("job %d: could not look for its remote copy now: %s", job.id, exc)
                continue
            if deleted is not None:
                removed += deleted
                self.queue.mark_swept(job.id)
        return removed

    def pause(self) -> None:
        self._gate.pause_user()
        self._events.emit(EventKind.QUEUE)

    def resume(self) -> None:
        self._gate.resume_user()
        self._events.emit(EventKind.QUEUE)
        self._events.work_available()

    def hold(
        self,
        source: str,
        reason: PauseReason = PauseReason.SERVICE_OUTAGE,
        target: str | None = None,
    ) -> None:
        """Hold every upload on behalf of ``source``, or only those of the target named
        ``target`` (the service-health monitor holds the target whose status page it reads)."""
        if target is None:
            self._gate.hold(source, reason)
        else:
            self._gate.hold_target(source, self.targets.get(target).address, reason)
        self._events.emit(EventKind.QUEUE)

    def release(self, source: str) -> None:
        if self._gate.release(source) | self._gate.release_target(source):
            # The outage is over: what was backing off during it is due now, not minutes later.
            due = self.queue.make_due()
            log.info("uploads released by %s; %d waiting job(s) due now", source, due)
        self._events.emit(EventKind.QUEUE)
        self._events.work_available()

    def add_listener(self, callback: Callable[[UploadEvent], None]) -> None:
        self._events.add_listener(callback)

    # -- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Recover jobs left busy by a dead process, then start the workers (idempotent)."""
        if self._pool.running:
            return
        # Before anything is claimed: a database that lost its WAL reconciles, never resends.
        self._rollback.check()
        self.recover()
        for target in self.targets:
            moved = self.queue.retarget(target.address, target.name)
            if moved:
                log.info(
                    "%d waiting upload(s) now go to %s, the address of %s in force",
                    moved,
                    target.address,
                    target.name,
                )
        # Set before the threads start: an interrupt anywhere below still lets stop() run.
        self._started = True
        self._pool.start()
        self._housekeeper.start(self._pool.stopping)
        self.failover.start()

    def stop(self, timeout: float = 10) -> list[int]:
        """Stop gracefully: let in-flight calls finish for up to ``timeout`` seconds, then hand
        back the jobs still busy (to queued); join the threads. Returns the handed-back ids.

        A second Ctrl+C while waiting still hands the jobs back before it propagates.
        """
        self.expiry.stop(timeout)
        self.failover.stop(timeout)
        if not self._started:
            return []
        self._started = False
        busy = self.queries.owned_ids(self.owner)
        try:
            self._pool.stop(timeout)
            self._housekeeper.join(timeout)
        finally:
            self._claimant.only = None
            self._keys.close()
            # Calls that are still running cannot be interrupted safely; their jobs are handed
            # back now, and the owner check discards whatever those calls return later.
            left = self.queue.release_owned(self.owner)
            if left:
                log.warning("handed %d busy upload job(s) back to the queue", len(left))
            self._rollback.save()
            self._events.emit(EventKind.QUEUE)
        # Workers hand back what they were cut short on themselves; count those too.
        back = {JobState.QUEUED, JobState.WAITING_RETRY}
        return sorted(set(left) | {i for i in busy if self.queries.get(i).view.state in back})

    def recover(self) -> list[int]:
        """Put jobs left ``uploading``/``verifying`` by a dead process back in the queue."""
        ids = self.queue.recover(self.owner, self._is_stale)
        if ids:
            log.info("recovered %d upload job(s) interrupted by a crash: %s", len(ids), ids)
            self._events.emit(EventKind.QUEUE)
            self._events.work_available()
        return ids

    def recheck(self, *, thorough: bool = True) -> RecheckReport:
        """Re-verify done uploads: those the server no longer has are uploaded again (once),
        or shown as expired when they expired on the schedule the user asked for (see
        ``expiry.py``); late copies of ambiguous attempts are removed."""
        report = self.expiry.recheck(thorough=thorough)
        removed = self.sweep_cancelled()
        return dataclasses.replace(report, duplicates_removed=report.duplicates_removed + removed)

    def start_rechecks(self) -> None:
        """Recheck done uploads now and every ``[upload] recheck_minutes`` until :meth:`stop`
        (the tray app and ``attachguard run``)."""
        self.expiry.start()

    # -- targets and failover ------------------------------------------------------------------

    def failover_offer(self) -> FailoverOffer | None:
        """The standing failover offer (``[upload] failover = "ask"``), or None."""
        return self.failover.offer

    def accept_failover(self) -> Failover | None:
        """Queue the primary's waiting documents for the secondary target, each once."""
        return self.failover.accept()

    def target_states(self) -> list[TargetState]:
        """Each target's state (holds, breaker, rate limit, key, unfinished jobs)."""
        return target_states(self.targets, self._gate, self._keys, self.queries)

    def target_held(self, name: str) -> bool:
        """Whether the target called ``name`` is held by an outage (breaker, status page)."""
        return self._gate.target_held(self.targets.get(name).address)

    # -- internals -----------------------------------------------------------------------------

    def _is_stale(self, owner: str, lease_until: float | None) -> bool:
        return owner_is_stale(owner, lease_until, self._clock())

    def _sweep_while_sending(self) -> int:
        # Looking for cancelled jobs' copies is a request too: not while uploads are held.
        return 0 if self._gate.closed() else self.sweep_cancelled()

    # -- keys and waiting ----------------------------------------------------------------------

    def key_changed(self) -> None:
        """The API key was changed: forget the old one and resume an AUTH/NO_KEY/QUOTA pause."""
        self._keys.changed()
        self._events.emit(EventKind.QUEUE)
        self._events.work_available()

    def has_key(self) -> bool:
        """Whether an API key is configured (no network call)."""
        return self._keys.has_key()

    def run_until_idle(
        self,
        job_ids: Collection[int] | None = None,
        timeout: float | None = None,
        *,
        only: bool = False,
    ) -> None:
        """Process until the given jobs (default: all) are done, failed or cancelled.

        Returns early when uploads are paused for a reason that will not pass by itself (user
        pause, missing or rejected key, no credit) or when ``timeout`` passes; check
        :meth:`status`. ``only``: workers take just these jobs (and look-alikes holding them
        back), so nothing unrelated is in flight when they are done (``upload --wait``).
        """
        # The restriction stays until the next call or :meth:`stop`: the caller usually stops
        # right after, and workers must not pick up unrelated jobs in between.
        self._claimant.only = frozenset(job_ids) if only and job_ids is not None else None
        self.start()
        ids = None if job_ids is None else list(job_ids)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            # Mark before looking, so that nothing that happens while we look is missed (the
            # wait below then returns at once instead of sleeping through it).
            mark = self._events.mark()
            active = self.queries.count(ACTIVE_STATES, ids)
            if active == 0:
                return
            blocked = self.paused in BLOCKING_PAUSES
            if blocked and self.queries.count_owned(self.owner) == 0:
                return
            # Each active job must end in a worker here before the count can reach zero
            # (cancels, pauses and the like are events; other processes are caught by the
            # periodic recheck), so the database is not asked again after every single job.
            until = time.monotonic() + IDLE_RECHECK_SECONDS
            if deadline is not None:
                until = min(until, deadline)
            self._events.wait(mark, 1 if blocked else active, until)
            if deadline is not None and time.monotonic() >= deadline:
                return

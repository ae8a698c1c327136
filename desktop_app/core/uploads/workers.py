"""Threads that drain the upload queue: a generic pool, and the per-step logic (``Drainer``).

The threads are named; they stop on an Event and are joined.

The pool knows nothing about uploads: each thread repeatedly calls ``step()``, which does one unit
of work and returns ``None`` ("call me again at once") or the number of seconds until there may be
something to do. :meth:`WorkerPool.wake` cuts every wait short (a job was enqueued, retried,
resumed). No thread is ever killed; :meth:`WorkerPool.stop` sets the Event and joins.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from desktop_app.core.errors import ApiCallError, NoApiKeyError, StoreError, UploadError
from desktop_app.core.periodic import join_started
from desktop_app.core.uploads.clock import SYSTEM_CLOCK, Clock
from desktop_app.core.uploads.gate import OPENAI_KEY, Gate, PauseReason
from desktop_app.core.uploads.jobs import Job, JobState
from desktop_app.core.uploads.keys import ApiKeys
from desktop_app.core.uploads.listeners import EventKind, Events
from desktop_app.core.uploads.multipart import Interrupted
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import (
    Action,
    CircuitBreaker,
    ErrorKind,
    Failure,
    RetryPolicy,
    failure_of,
)
from desktop_app.core.uploads.runner import JobRunner, Outcome

log = logging.getLogger(__name__)

#: Longest idle wait (real seconds): jobs added by another process on the same database are
#: seen this fast.
MAX_IDLE_WAIT = 1.0
#: What a failed write to the queue raises (SQLite's own error, e.g. "database or disk is full",
#: or the store's clear one for a read-only or damaged database).
STORE_ERRORS = (sqlite3.Error, StoreError)
#: How often (engine seconds) idle workers look for waiting jobs past their deadline.
OVERDUE_CHECK_SECONDS = 60.0
#: Shortest idle wait, so that a job that is due but cannot be claimed never spins a thread.
IDLE_FLOOR = 0.05


def new_owner() -> str:
    """A claim token, ``host:pid:random``: crash recovery can tell whether its holder lives."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def owner_is_stale(owner: str, lease_until: float | None, now: float) -> bool:
    """Whether a job claimed by ``owner`` may be taken over: its process died or its lease ran
    out (a process on another host, or a frozen one, is judged by the lease alone)."""
    expired = lease_until is None or lease_until < now
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return expired
    pid = int(pid_text)
    if pid == os.getpid():
        return expired  # another manager in this process: trust its lease
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # alive, owned by someone else
    return expired


class WorkerPool:
    def __init__(
        self,
        name: str,
        size: int,
        step: Callable[[threading.Event], float | None],
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.name = name
        self._clock = clock
        self.size = max(1, size)
        self._step = step
        self.stopping = threading.Event()
        self._cond = threading.Condition()
        self._generation = 0
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def start(self) -> None:
        """Start the threads (idempotent while running)."""
        if self.running and not self.stopping.is_set():
            return
        # A fresh Event per start: threads of an earlier run still finishing a call keep
        # their own (set) Event and exit when that call returns.
        self.stopping = threading.Event()
        self._threads = [
            threading.Thread(
                target=self._loop, args=(self.stopping,), name=f"{self.name}-{i + 1}", daemon=True
            )
            for i in range(self.size)
        ]
        for thread in self._threads:
            thread.start()

    def wake(self) -> None:
        with self._cond:
            self._generation += 1
            self._cond.notify_all()

    def stop(self, timeout: float) -> bool:
        """Ask every thread to stop and join them; False if one is still busy after ``timeout``.

        A thread still inside an HTTP call cannot be interrupted safely; it is left to finish
        that call (it is a daemon thread and exits right after).
        """
        self.stopping.set()
        self.wake()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            join_started(thread, max(0.0, deadline - time.monotonic()))
        return not self.running

    def _loop(self, stopping: threading.Event) -> None:
        while not stopping.is_set():
            with self._cond:
                generation = self._generation
            try:
                delay = self._step(stopping)
            except Exception:
                # A bug in one step must not kill the worker; the job is handled by the step.
                log.exception("upload worker step failed")
                delay = MAX_IDLE_WAIT
            if delay is None:
                continue
            with self._cond:
                if generation == self._generation and not stopping.is_set():
                    self._cond.wait(min(self._clock.real_seconds(max(delay, 0.0)), MAX_IDLE_WAIT))


@dataclass
class Claimant:
    """Who claims jobs in this process, for how long, and (while ``upload --wait`` runs) which.

    It also remembers the jobs whose outcome could not be recorded (the disk was full): their
    leases are not renewed, and the housekeeper hands them back once the store can be written.
    """

    owner: str
    lease: float
    #: Set by ``run_until_idle(..., only=True)``: the only jobs workers may claim.
    only: frozenset[int] | None = None
    _dropped: set[int] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def drop(self, job_id: int) -> None:
        with self._lock:
            self._dropped.add(job_id)

    def dropped(self) -> list[int]:
        with self._lock:
            return sorted(self._dropped)

    def picked_up(self, job_id: int) -> None:
        with self._lock:
            self._dropped.discard(job_id)


class Drainer:
    """What each worker thread does per step: probe an open breaker, or claim and run a job,
    then apply the retry policy's decision to the outcome.

    It works on the engine's parts directly (queue, gate, keys, events); none of them calls
    back into the manager.
    """

    def __init__(
        self,
        *,
        queue: UploadQueue,
        queries: QueueReads,
        gate: Gate,
        keys: ApiKeys,
        events: Events,
        runner: JobRunner,
        policy: RetryPolicy,
        claimant: Claimant,
        clock: Clock,
    ) -> None:
        self._queue = queue
        self._queries = queries
        self._gate = gate
        self._keys = keys
        self._events = events
        self._runner = runner
        self._policy = policy
        self._claimant = claimant
        self._clock = clock
        self._overdue_checked_at = 0.0

    def step(self, stopping: threading.Event) -> float | None:
        """One unit of work; see ``WorkerPool``. None means "call again at once"."""
        if self._keys.replaced():
            self._events.emit(EventKind.QUEUE)
            self._events.work_available()
        if self._gate.closed():
            return MAX_IDLE_WAIT
        openai_alone = self._keys.openai_alone()
        if not self._keys.has_key():
            if openai_alone is None:
                if self._gate.key_missing():
                    self._events.emit(EventKind.QUEUE)
                return MAX_IDLE_WAIT
            if self._gate.hold_openai_key(openai_alone):  # the other targets go on
                log.warning("uploads to OpenAI wait for a key; the other targets go on")
                self._events.emit(EventKind.QUEUE)
        elif openai_alone is not None and self._gate.release_target(OPENAI_KEY):
            self._events.emit(EventKind.QUEUE)  # a key appeared (e.g. OPENAI_API_KEY)
        now = self._clock()
        held = self._gate.held_targets()
        claimant = self._claimant
        job = None
        for target, breaker in self._gate.breakers():
            if not breaker.probe_due():
                continue
            if breaker.probe_with_job:
                # A cheap request cannot tell whether uploads "expire" still: send one.
                job = self._queue.claim(
                    claimant.owner, claimant.lease, held - {target}, None, target=target
                )
            if job is None:
                self._probe(target, breaker)
                return None
            log.info("breaker for %s: probing with job %d", target, job.id)
            break
        else:
            job = self._queue.claim(claimant.owner, claimant.lease, held, claimant.only)
        if job is None:
            self._give_up_overdue(now)
            return self._idle_wait(now, held)
        if self._gate.closed():
            # Paused (e.g. the key was rejected) between the check above and the claim.
            self._hand_back(job, ambiguous=False)
            return MAX_IDLE_WAIT
        self._events.announce(EventKind.STATE, job.id)  # now uploading; its end wakes waiters
        try:
            self._run(job, stopping)
        except STORE_ERRORS as exc:
            # How the attempt went could not be recorded (a full disk, say). Keeping the claim
            # would leave a job nobody works on: drop it, and let the housekeeper hand it back,
            # as possibly stored (so it is reconciled, never sent twice), once writes work.
            self._claimant.drop(job.id)
            log.error(
                "job %d: its state cannot be recorded (%s); it resumes once it can",
                job.id,
                str(exc),  # not the error itself: a kept record would keep its frames alive
            )
            self._events.job_ended()
            return MAX_IDLE_WAIT
        self._events.job_ended()  # a twin of this job, or one held behind it, may be claimable
        return None

    def _run(self, job: Job, stopping: threading.Event) -> None:
        owner = self._claimant.owner
        try:
            outcome = self._runner.run(job, self._keys.client(job.target), owner, stopping)
        except Interrupted:
            self._hand_back(job, ambiguous=False)
        except ApiCallError as exc:
            if stopping.is_set() and exc.kind == ErrorKind.NETWORK:
                # Our own shutdown cut the call short: not the document's fault.
                self._hand_back(job, ambiguous=exc.ambiguous)
            else:
                self._settle(job, failure_of(exc))
        except NoApiKeyError as exc:
            openai_alone = self._keys.openai_alone()
            if self._keys.own_key(job.target) is None and openai_alone is not None:
                self._gate.hold_openai_key(openai_alone)
            elif self._keys.own_key(job.target) is None:
                self._gate.key_missing()
            else:  # another target's key: that target waits, the others go on
                log.warning("job %d: %s", job.id, exc)
                self._gate.hold_target("key", job.target, PauseReason.NO_KEY)
            self._hand_back(job, ambiguous=False)
        except UploadError as exc:
            self._settle(job, Failure(exc.kind, str(exc)))
        except STORE_ERRORS:
            raise  # the queue itself cannot be written: see ``step``
        except OSError as exc:
            self._settle(job, Failure(ErrorKind.UNKNOWN, f"local I/O error: {exc}"))
        except Exception as exc:
            log.exception("job %d: unexpected error", job.id)
            self._settle(job, Failure(ErrorKind.UNKNOWN, f"{type(exc).__name__}: {exc}"))
        else:
            if outcome is Outcome.DONE:
                self._service_answers(job.target)
                return
        breaker = self._gate.breaker(job.target)
        if breaker.is_open and breaker.probe_with_job:
            breaker.record_probe(False)  # that job was the probe (or one sent before it)

    def _give_up_overdue(self, now: float) -> None:
        """Fail waiting jobs whose deadline passed while they were held (an outage that
        outlasts the deadline holds them, so no attempt of theirs would ever say so)."""
        if now - self._overdue_checked_at < OVERDUE_CHECK_SECONDS:
            return
        self._overdue_checked_at = now
        for job in self._queries.overdue(now - self._policy.give_up_after):
            started = job.first_attempt_at or now
            last = job.view.error_message or "no answer"
            reason = self._policy.deadline_reason(started, now)
            kind = job.view.error_kind or ErrorKind.UNKNOWN
            if self._queue.give_up(job.id, Failure(kind, f"{reason}: {last}")):
                log.warning("job %d failed: %s: %s", job.id, reason, last)
                self._events.emit(EventKind.STATE, job.id)

    def _idle_wait(self, now: float, held: set[str]) -> float:
        """Seconds until a job may be claimable: its backoff ends, or a hold lifts."""
        times = [t for t in (self._queries.next_due(held), self._gate.next_opening()) if t]
        if not times:
            return MAX_IDLE_WAIT
        # A due job that could not be claimed waits for its twin (same content) in flight;
        # finishing jobs wake the pool, the floor only bounds the polling.
        return max(min(times) - now, IDLE_FLOOR)

    def _hand_back(self, job: Job, *, ambiguous: bool) -> None:
        self._queue.release(job.id, self._claimant.owner, ambiguous=ambiguous)
        self._events.emit(EventKind.STATE, job.id)

    def _probe(self, target: str, breaker: CircuitBreaker) -> None:
        try:
            self._keys.client(target).probe()
        except ApiCallError as exc:
            breaker.record_probe(False)
            if exc.kind == ErrorKind.AUTH and self._keys.own_key(target):
                self._gate.hold_target("key", target, PauseReason.AUTH)
            elif exc.kind == ErrorKind.AUTH:
                self._keys.reject(str(exc))
            log.info("breaker for %s stays open: %s", target, exc)
        except NoApiKeyError:
            breaker.record_probe(False)
        else:
            self._service_answers(target)
        self._events.emit(EventKind.QUEUE)

    def _service_answers(self, target: str) -> None:
        """A request to ``target`` succeeded: close its breaker, and if it was open, every job
        of the target backing off after a transient failure is due now."""
        breaker = self._gate.breaker(target)
        was_open = breaker.is_open
        if was_open:
            breaker.record_probe(True)
        else:
            breaker.record_success()
        self._gate.rate_ok(target)
        if was_open:
            due = self._queue.make_due(target)
            log.info("breaker for %s closed: the service answers again (%d due now)", target, due)
            self._events.emit(EventKind.QUEUE)
            self._events.work_available()

    def _settle(self, job: Job, failure: Failure) -> None:
        """Apply the policy's decision to a failed attempt (it alone looks at the kind)."""
        now = self._clock()
        owner = self._claimant.owner
        log.info(
            "job %d attempt %d failed (%s, HTTP %s): %s",
            job.id,
            job.view.attempts,
            failure.kind,
            failure.http_status or "-",
            failure.message,
        )
        if self._gate.breaker(job.target).record_failure(failure.kind):
            log.warning("breaker for %s opened after repeated failures", job.target)
            self._events.emit(EventKind.QUEUE)
        strikes = self._gate.rate_strikes(job.target, failure)
        decision = self._policy.decide(
            failure, job.view.attempts, now, strikes, job.first_attempt_at or now
        )
        match decision.action:
            case Action.PAUSE_KEY | Action.PAUSE_QUOTA:
                # Pause first: a worker that claims the job once it is back sees the pause.
                if decision.action is Action.PAUSE_KEY and self._keys.own_key(job.target):
                    log.warning("uploads to %s paused: its key was rejected", job.target)
                    self._gate.hold_target("key", job.target, PauseReason.AUTH)
                elif decision.action is Action.PAUSE_KEY:
                    self._keys.reject(failure.message)
                elif self._gate.exhaust_quota():
                    log.warning("uploads paused: the account is out of credit (%s)", failure)
                self._queue.reschedule(
                    job.id, owner, failure, None, counts_attempt=False, state=JobState.QUEUED
                )
                self._events.emit(EventKind.QUEUE)
            case Action.HOLD_TARGET:
                until = decision.next_attempt_at or now
                self._gate.rate_limit(job.target, until)
                self._queue.reschedule(job.id, owner, failure, until, counts_attempt=False)
                self._queue.delay_target(job.target, until)
                self._events.emit(EventKind.QUEUE)
            case Action.FAIL:
                if decision.reason:
                    failure = replace(failure, message=f"{decision.reason}: {failure.message}")
                    log.warning("job %d failed: %s", job.id, failure.message)
                self._queue.fail(job.id, owner, failure)
            case Action.RETRY:
                self._queue.reschedule(
                    job.id,
                    owner,
                    failure,
                    decision.next_attempt_at,
                    counts_attempt=decision.counts_attempt,
                )
        self._events.emit(EventKind.STATE, job.id)

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
import threading
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.core.errors import ApiCallError, NoApiKeyError, UploadError
from desktop_app.core.uploads.gate import Gate
from desktop_app.core.uploads.multipart import Interrupted
from desktop_app.core.uploads.queue import Job, JobState, UploadQueue
from desktop_app.core.uploads.retry import (
    Action,
    CircuitBreaker,
    ErrorKind,
    Failure,
    RetryPolicy,
    failure_of,
)
from desktop_app.core.uploads.runner import JobRunner, Outcome

if TYPE_CHECKING:
    from desktop_app.core.openai_api import Uploader

log = logging.getLogger(__name__)

#: Longest idle wait: jobs added by another process on the same database are seen this fast.
MAX_IDLE_WAIT = 1.0
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
        self, name: str, size: int, step: Callable[[threading.Event], float | None]
    ) -> None:
        self.name = name
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
            if thread.is_alive():  # an interrupt in start() may leave some never started
                thread.join(max(0.0, deadline - time.monotonic()))
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
                    self._cond.wait(min(max(delay, 0.0), MAX_IDLE_WAIT))


class Drainer:
    """What each worker thread does per step: probe an open breaker, or claim and run a job,
    then apply the retry policy to the outcome."""

    def __init__(
        self,
        *,
        queue: UploadQueue,
        gate: Gate,
        runner: JobRunner,
        policy: RetryPolicy,
        clock: Callable[[], float],
        owner: str,
        lease: float,
        uploader: Callable[[str], Uploader],
        has_key: Callable[[], bool],
        on_auth_rejected: Callable[[str], None],
        before_step: Callable[[], None],
        emit: Callable[[str, int | None], None],
        announce: Callable[[str, int | None], None],
        wake: Callable[[], None],
        claim_only: Callable[[], frozenset[int] | None] = lambda: None,
    ) -> None:
        self._queue = queue
        self._gate = gate
        self._runner = runner
        self._policy = policy
        self._clock = clock
        self._owner = owner
        self._lease = lease
        self._uploader = uploader
        self._has_key = has_key
        self._on_auth_rejected = on_auth_rejected
        self._before_step = before_step
        self._emit = emit
        self._announce = announce
        self._wake = wake
        self._claim_only = claim_only

    def step(self, stopping: threading.Event) -> float | None:
        """One unit of work; see ``WorkerPool``. None means "call again at once"."""
        self._before_step()
        if self._gate.closed():
            return MAX_IDLE_WAIT
        if not self._has_key():
            self._gate.no_key = True
            self._emit("queue", None)
            return MAX_IDLE_WAIT
        now = self._clock()
        for target, breaker in self._gate.breakers():
            if breaker.probe_due():
                self._probe(target, breaker)
                return None
        held = self._gate.held_targets()
        job = self._queue.claim(self._owner, self._lease, held, self._claim_only())
        if job is None:
            return self._idle_wait(now, held)
        if self._gate.closed():
            # Paused (e.g. the key was rejected) between the check above and the claim.
            self._hand_back(job, ambiguous=False)
            return MAX_IDLE_WAIT
        self._announce("state", job.id)  # now uploading; the job's end wakes waiters below
        try:
            outcome = self._runner.run(job, self._uploader(job.target), self._owner, stopping)
        except Interrupted:
            self._hand_back(job, ambiguous=False)
        except ApiCallError as exc:
            if stopping.is_set() and exc.kind == ErrorKind.NETWORK:
                # Our own shutdown cut the call short: not the document's fault.
                self._hand_back(job, ambiguous=exc.ambiguous)
            else:
                self._settle(job, failure_of(exc))
        except NoApiKeyError:
            self._gate.no_key = True
            self._hand_back(job, ambiguous=False)
        except UploadError as exc:
            self._settle(job, Failure(exc.kind, str(exc)))
        except OSError as exc:
            self._settle(job, Failure(ErrorKind.UNKNOWN, f"local I/O error: {exc}"))
        except Exception as exc:
            log.exception("job %d: unexpected error", job.id)
            self._settle(job, Failure(ErrorKind.UNKNOWN, f"{type(exc).__name__}: {exc}"))
        else:
            if outcome is Outcome.DONE:
                self._gate.breaker(job.target).record_success()
                self._gate.rate_ok(job.target)
        self._wake()  # a twin of this job, or a job held behind it, may be claimable now
        return None

    def _idle_wait(self, now: float, held: set[str]) -> float:
        """Seconds until a job may be claimable: its backoff ends, or a hold lifts."""
        times = [t for t in (self._queue.next_due(held), self._gate.next_opening()) if t]
        if not times:
            return MAX_IDLE_WAIT
        # A due job that could not be claimed waits for its twin (same content) in flight;
        # finishing jobs wake the pool, the floor only bounds the polling.
        return max(min(times) - now, IDLE_FLOOR)

    def _hand_back(self, job: Job, *, ambiguous: bool) -> None:
        self._queue.release(job.id, self._owner, ambiguous=ambiguous)
        self._emit("state", job.id)

    def _probe(self, target: str, breaker: CircuitBreaker) -> None:
        try:
            self._uploader(target).probe()
        except ApiCallError as exc:
            breaker.record_probe(False)
            if exc.kind == ErrorKind.AUTH:
                self._on_auth_rejected(str(exc))
            log.info("breaker for %s stays open: %s", target, exc)
        except NoApiKeyError:
            breaker.record_probe(False)
        else:
            breaker.record_probe(True)
            log.info("breaker for %s closed: the service answers again", target)
            self._wake()
        self._emit("queue", None)

    def _settle(self, job: Job, failure: Failure) -> None:
        now = self._clock()
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
            self._emit("queue", None)
        strikes = 1
        if failure.kind is ErrorKind.RATE_LIMITED:
            strikes = self._gate.rate_strike(job.target)
        elif failure.http_status is not None:
            self._gate.rate_ok(job.target)  # the target answered with something else
        decision = self._policy.decide(failure, job.view.attempts, now, strikes)
        if failure.kind is ErrorKind.QUOTA:
            # Pause first, like a rejected key: waiting does not help, the user must act.
            if not self._gate.quota_exhausted:
                log.warning("uploads paused: the account is out of credit (%s)", failure.message)
            self._gate.quota_exhausted = True
            self._queue.reschedule(
                job.id, self._owner, failure, None, counts_attempt=False, state=JobState.QUEUED
            )
            self._emit("queue", None)
        elif decision.action is Action.PAUSE:
            # Pause first: a worker that claims the job once it is back sees the pause.
            self._on_auth_rejected(failure.message)
            self._queue.reschedule(
                job.id, self._owner, failure, None, counts_attempt=False, state=JobState.QUEUED
            )
            self._emit("queue", None)
        elif failure.kind is ErrorKind.RATE_LIMITED:
            until = decision.next_attempt_at or now
            self._gate.rate_limit(job.target, until)
            self._queue.reschedule(job.id, self._owner, failure, until, counts_attempt=False)
            self._queue.delay_target(job.target, until)
            self._emit("queue", None)
        elif decision.action is Action.FAIL:
            self._queue.fail(job.id, self._owner, failure)
        else:
            self._queue.reschedule(
                job.id,
                self._owner,
                failure,
                decision.next_attempt_at,
                counts_attempt=decision.counts_attempt,
            )
        self._emit("state", job.id)

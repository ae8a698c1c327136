"""Pure retry policy: when to try a failed upload again, and the circuit breaker.

Nothing here does I/O or reads the clock by itself: callers pass ``now`` (or a clock) so the policy
is tested without sleeping. The SDK boundary (:mod:`desktop_app.core.openai_api`) classifies each
failed call into an :class:`~desktop_app.core.errors.ApiCallError`; :func:`failure_of` gives the
policy's view of it, and the worker asks :meth:`RetryPolicy.decide` what to do next.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.errors import ApiCallError
from desktop_app.core.errors import ErrorKind as ErrorKind  # re-exported: it lives with the errors

#: Kinds that will never succeed by trying again with the same input.
PERMANENT_KINDS = frozenset({ErrorKind.TOO_LARGE, ErrorKind.INVALID})
#: Kinds that say the service (not this document) is in trouble; they feed the breaker.
SERVICE_KINDS = frozenset({ErrorKind.SERVER, ErrorKind.NETWORK})
#: Kinds that count towards a target's breaker: service trouble, and "expired" on a fresh
#: upload, which in the incident we were founded on was the provider's fault for hours.
BREAKER_KINDS = SERVICE_KINDS | {ErrorKind.EXPIRED}
#: Kinds that are not the document's fault and so do not use up its attempts.
FREE_KINDS = frozenset({ErrorKind.AUTH, ErrorKind.RATE_LIMITED, ErrorKind.QUOTA})


@dataclass(frozen=True)
class Failure:
    """One failed API call, as classified at the SDK boundary."""

    kind: ErrorKind
    message: str
    http_status: int | None = None
    request_id: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait
    ambiguous: bool = False  # the request may have reached the server and been stored


def failure_of(exc: ApiCallError) -> Failure:
    """The policy's view of an API call error raised at the SDK boundary."""
    return Failure(
        kind=exc.kind,
        message=str(exc),
        http_status=exc.http_status,
        request_id=exc.request_id,
        retry_after=exc.retry_after,
        ambiguous=exc.ambiguous,
    )


class Action(StrEnum):
    """What the worker does with a failed job; decided once, here, from the failure's kind."""

    RETRY = "retry"  # back to waiting_retry until next_attempt_at
    FAIL = "fail"  # permanent: the job is failed
    HOLD_TARGET = "hold_target"  # rate limited: this job and its target wait until next_attempt_at
    PAUSE_KEY = "pause_key"  # the key was refused: requeue, hold the whole queue until it changes
    PAUSE_QUOTA = "pause_quota"  # out of credit: requeue, hold the whole queue until the user acts


@dataclass(frozen=True)
class Decision:
    action: Action
    next_attempt_at: float | None
    counts_attempt: bool  # False: this attempt is given back (not the document's fault)
    #: With FAIL after a deadline or attempt limit: why the job gave up, for the user.
    reason: str | None = None


#: Longest wait (seconds) between two probes of a target whose breaker is open, so uploads
#: resume within 30 s of the service's recovery (this, plus the probe and the upload itself),
#: however long the outage was.
PROBE_INTERVAL = 25.0


@dataclass
class RetryPolicy:
    """Exponential backoff with full jitter, capped, until a deadline after the first attempt.

    ``give_up_after``: seconds after a job's first attempt when transient failures stop being
    retried. ``max_attempts``: an optional extra limit (0: none).
    """

    max_attempts: int = 0
    base: float = 1.0
    cap: float = 300.0
    give_up_after: float = 24 * 3600.0
    rng: random.Random | None = None

    def delay(self, attempt: int) -> float:
        """Seconds before attempt ``attempt + 1`` (``attempt`` >= 1 failed so far)."""
        ceiling = min(self.cap, self.base * 2.0 ** min(max(0, attempt - 1), 64))
        return (self.rng or random).uniform(0, ceiling)

    def probe_delay(self) -> float:
        """Seconds until the next probe of an open breaker: jittered, never over
        :data:`PROBE_INTERVAL` (nor the backoff cap, which tests shrink)."""
        ceiling = min(PROBE_INTERVAL, self.cap)
        return (self.rng or random).uniform(ceiling / 2, ceiling)

    def deadline_reason(self, first_attempt_at: float, now: float) -> str:
        """Why a job whose deadline passed gave up, with when it started, for the user."""
        since = time.strftime("%Y-%m-%d %H:%M", time.localtime(first_attempt_at))
        return f"gave up after {_hours(now - first_attempt_at)} of failures since {since}"

    def rate_limit_delay(self, strikes: int) -> float:
        """Seconds to hold a target after its ``strikes``-th 429 in a row without Retry-After.

        Exponential with jitter, capped: half the ceiling is fixed so the wait really grows
        (full jitter could keep drawing ~0 and hammer a service that is already refusing).
        """
        ceiling = min(self.cap, self.base * 2.0 ** max(0, strikes - 1))
        jitter: float = (self.rng or random).uniform(0, ceiling / 2)
        return ceiling / 2 + jitter

    def decide(
        self,
        failure: Failure,
        attempts: int,
        now: float,
        rate_strikes: int = 1,
        first_attempt_at: float | None = None,
    ) -> Decision:
        """What to do after ``failure`` on a job that has made ``attempts`` attempts, the
        first of them at ``first_attempt_at`` (default: ``now``).

        ``rate_strikes``: how many 429s in a row the target has answered (this one included).
        """
        if failure.kind is ErrorKind.AUTH:
            return Decision(Action.PAUSE_KEY, None, counts_attempt=False)
        if failure.kind is ErrorKind.QUOTA:
            return Decision(Action.PAUSE_QUOTA, None, counts_attempt=False)
        if failure.kind in PERMANENT_KINDS:
            return Decision(Action.FAIL, None, counts_attempt=True)
        started = now if first_attempt_at is None else first_attempt_at
        if now - started >= self.give_up_after:
            return Decision(Action.FAIL, None, True, reason=self.deadline_reason(started, now))
        if failure.kind is ErrorKind.RATE_LIMITED:
            wait = failure.retry_after
            if wait is None:
                wait = self.rate_limit_delay(max(1, rate_strikes))
            return Decision(Action.HOLD_TARGET, now + wait, counts_attempt=False)
        if self.max_attempts and attempts >= self.max_attempts:
            reason = f"gave up after {attempts} attempts"
            return Decision(Action.FAIL, None, counts_attempt=True, reason=reason)
        wait = self.delay(attempts)
        if failure.retry_after is not None:
            wait = max(wait, failure.retry_after)
        return Decision(Action.RETRY, now + wait, counts_attempt=True)


def _hours(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours:.0f} h" if hours >= 1 else f"{seconds / 60:.0f} min"


class CircuitBreaker:
    """Opens after ``threshold`` consecutive failures that say the service is in trouble.

    While open every job of the target is held, and one caller at a time is told to probe
    (:meth:`probe_due`) every :meth:`RetryPolicy.probe_delay` seconds: a cheap authenticated
    request, or, when the breaker opened on "expired" errors (which a cheap request cannot
    see), one real upload (:attr:`probe_with_job`). :meth:`record_probe` closes it on success.
    Thread-safe.
    """

    def __init__(
        self,
        threshold: int,
        policy: RetryPolicy,
        clock: Callable[[], float],
    ) -> None:
        self.threshold = max(1, threshold)
        self._policy = policy
        self._clock = clock
        self._lock = threading.Lock()
        self._consecutive = 0
        self._open = False
        self._opened_by: ErrorKind | None = None
        self._next_probe_at = 0.0
        self._probing = False

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._open

    @property
    def next_probe_at(self) -> float | None:
        with self._lock:
            return self._next_probe_at if self._open else None

    @property
    def probe_with_job(self) -> bool:
        """Whether the probe must be a real upload: "expired" errors opened the breaker."""
        with self._lock:
            return self._opened_by is ErrorKind.EXPIRED

    def record_success(self) -> None:
        with self._lock:
            self._consecutive = 0

    def record_failure(self, kind: ErrorKind) -> bool:
        """Count a failure; returns True if this one opened the breaker."""
        with self._lock:
            if kind not in BREAKER_KINDS:
                self._consecutive = 0
                return False
            self._consecutive += 1
            if self._open or self._consecutive < self.threshold:
                return False
            self._open = True
            self._opened_by = kind
            self._next_probe_at = self._clock() + self._policy.probe_delay()
            return True

    def probe_due(self) -> bool:
        """True (once, for one caller) when the breaker is open and a probe may be sent now."""
        with self._lock:
            if not self._open or self._probing or self._clock() < self._next_probe_at:
                return False
            self._probing = True
            return True

    def record_probe(self, ok: bool) -> None:
        with self._lock:
            self._probing = False
            if ok:
                self._open = False
                self._opened_by = None
                self._consecutive = 0
                return
            self._next_probe_at = self._clock() + self._policy.probe_delay()

    def reset(self) -> None:
        with self._lock:
            self._open = False
            self._opened_by = None
            self._probing = False
            self._consecutive = 0

"""Pure retry policy: when to try a failed upload again, and the circuit breaker.

Nothing here does I/O or reads the clock by itself: callers pass ``now`` (or a clock) so the policy
is tested without sleeping. The SDK boundary (:mod:`desktop_app.core.openai_api`) classifies each
failed call into an :class:`~desktop_app.core.errors.ApiCallError`; :func:`failure_of` gives the
policy's view of it, and the worker asks :meth:`RetryPolicy.decide` what to do next.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.errors import ApiCallError
from desktop_app.core.errors import ErrorKind as ErrorKind  # re-exported: it lives with the errors

#: Kinds that will never succeed by trying again with the same input.
PERMANENT_KINDS = frozenset({ErrorKind.TOO_LARGE, ErrorKind.INVALID})
#: Kinds that say the service (not this document) is in trouble; they feed the breaker.
BREAKER_KINDS = frozenset({ErrorKind.SERVER, ErrorKind.NETWORK})
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
    RETRY = "retry"  # back to waiting_retry until next_attempt_at
    FAIL = "fail"  # permanent: the job is failed
    PAUSE = "pause"  # the key or the account is the problem: requeue, hold the whole queue


@dataclass(frozen=True)
class Decision:
    action: Action
    next_attempt_at: float | None
    counts_attempt: bool  # False: this attempt is given back (not the document's fault)


@dataclass
class RetryPolicy:
    """Exponential backoff with full jitter, capped; a fixed budget of attempts per job."""

    max_attempts: int = 8
    base: float = 1.0
    cap: float = 300.0
    rng: random.Random | None = None

    def delay(self, attempt: int) -> float:
        """Seconds before attempt ``attempt + 1`` (``attempt`` >= 1 failed so far)."""
        ceiling = min(self.cap, self.base * (2 ** max(0, attempt - 1)))
        return (self.rng or random).uniform(0, ceiling)

    def rate_limit_delay(self, strikes: int) -> float:
        """Seconds to hold a target after its ``strikes``-th 429 in a row without Retry-After.

        Exponential with jitter, capped: half the ceiling is fixed so the wait really grows
        (full jitter could keep drawing ~0 and hammer a service that is already refusing).
        """
        ceiling = min(self.cap, self.base * 2.0 ** max(0, strikes - 1))
        jitter: float = (self.rng or random).uniform(0, ceiling / 2)
        return ceiling / 2 + jitter

    def decide(
        self, failure: Failure, attempts: int, now: float, rate_strikes: int = 1
    ) -> Decision:
        """What to do after ``failure`` on a job that has made ``attempts`` attempts.

        ``rate_strikes``: how many 429s in a row the target has answered (this one included).
        """
        if failure.kind in (ErrorKind.AUTH, ErrorKind.QUOTA):
            return Decision(Action.PAUSE, None, counts_attempt=False)
        if failure.kind in PERMANENT_KINDS:
            return Decision(Action.FAIL, None, counts_attempt=True)
        if failure.kind is ErrorKind.RATE_LIMITED:
            wait = failure.retry_after
            if wait is None:
                wait = self.rate_limit_delay(rate_strikes)
            return Decision(Action.RETRY, now + wait, counts_attempt=False)
        if attempts >= self.max_attempts:
            return Decision(Action.FAIL, None, counts_attempt=True)
        wait = self.delay(attempts)
        if failure.retry_after is not None:
            wait = max(wait, failure.retry_after)
        return Decision(Action.RETRY, now + wait, counts_attempt=True)


class CircuitBreaker:
    """Opens after ``threshold`` consecutive server/network failures; probes with backoff.

    While open every job of the target is held. :meth:`probe_due` tells one caller at a time
    that it is time to try a cheap request; :meth:`record_probe` closes the breaker on success.
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
        self._probes_failed = 0
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
            self._probes_failed = 0
            self._next_probe_at = self._clock() + self._policy.delay(1)
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
                self._consecutive = 0
                self._probes_failed = 0
                return
            self._probes_failed += 1
            self._next_probe_at = self._clock() + self._policy.delay(self._probes_failed + 1)

    def reset(self) -> None:
        with self._lock:
            self._open = False
            self._probing = False
            self._consecutive = 0
            self._probes_failed = 0

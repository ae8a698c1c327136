"""What holds uploads back, queue-wide or per target: the single place that answers "may we send?".

Queue-wide: the user's pause, a missing key, a rejected key, an account out of credit, and
holds placed by other parts of the app. Per target (the address jobs are sent to): a
Retry-After window from a 429 (growing backoff when there is none), the circuit breaker, and
holds placed on that target alone (its status page's outage; a missing or refused key of a
target other than ``openai``). Every change goes through a method named for what happened;
callers never assign flags. Thread-safe; pure bookkeeping, no I/O.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.uploads.retry import CircuitBreaker, ErrorKind, Failure, RetryPolicy


class PauseReason(StrEnum):
    USER = "user"
    NO_KEY = "no_key"
    AUTH = "auth"
    QUOTA = "quota"  # the account is out of credit (429 insufficient_quota)
    RATE_LIMIT = "rate_limit"
    BREAKER = "breaker"
    SERVICE_OUTAGE = "service_outage"


#: The source of the hold that stops the ``openai`` target alone while its key is missing.
OPENAI_KEY = "openai-key"

#: Pauses that do not end by themselves: ``run_until_idle`` returns instead of waiting.
BLOCKING_PAUSES = frozenset(
    {PauseReason.USER, PauseReason.NO_KEY, PauseReason.AUTH, PauseReason.QUOTA}
)


@dataclass(frozen=True)
class TargetGate:
    """One target at the gate (see :meth:`Gate.target_report`)."""

    holds: tuple[PauseReason, ...]
    breaker_open: bool
    next_probe_at: float | None
    rate_limited_until: float | None


class Gate:
    def __init__(
        self, breaker_threshold: int, policy: RetryPolicy, clock: Callable[[], float]
    ) -> None:
        self._threshold = breaker_threshold
        self._policy = policy
        self._clock = clock
        self._lock = threading.Lock()
        self._user_paused = False
        self._no_key = False
        self._key_rejected = False
        self._quota_exhausted = False
        self._holds: dict[str, PauseReason] = {}
        self._rate_until: dict[str, float] = {}
        self._strikes: dict[str, int] = {}
        self._breakers: dict[str, CircuitBreaker] = {}
        # (source, target) -> reason: holds of one target only.
        self._target_holds: dict[tuple[str, str], PauseReason] = {}
        self._held_since: dict[str, float] = {}

    def paused(self) -> PauseReason | None:
        """Why uploads are held right now (the most actionable reason first), or None."""
        now = self._clock()
        with self._lock:
            if self._user_paused:
                return PauseReason.USER
            if self._no_key:
                return PauseReason.NO_KEY
            if self._key_rejected:
                return PauseReason.AUTH
            if self._quota_exhausted:
                return PauseReason.QUOTA
            if self._holds:
                return next(iter(self._holds.values()))
            if any(source == OPENAI_KEY for source, _ in self._target_holds):
                return PauseReason.NO_KEY  # the other targets still send (see hold_openai_key)
            for reason in self._target_holds.values():
                if reason not in BLOCKING_PAUSES:  # another target may still send
                    return reason
            if any(t > now for t in self._rate_until.values()):
                return PauseReason.RATE_LIMIT
            if any(b.is_open for b in self._breakers.values()):
                return PauseReason.BREAKER
        return None

    def closed(self) -> bool:
        """True when nothing may be sent to any target (a queue-wide pause or hold)."""
        with self._lock:
            return (
                self._user_paused
                or self._no_key
                or self._key_rejected
                or self._quota_exhausted
                or bool(self._holds)
            )

    # -- queue-wide ----------------------------------------------------------------------------

    def pause_user(self) -> None:
        with self._lock:
            self._user_paused = True

    def resume_user(self) -> None:
        """The user resumed: also try again after "out of credit" (one 429 pauses again)."""
        with self._lock:
            self._user_paused = False
            self._quota_exhausted = False

    def key_missing(self) -> bool:
        """No key is configured; returns True if this is news (the pause starts now)."""
        with self._lock:
            news = not self._no_key
            self._no_key = True
            return news

    def reject_key(self) -> bool:
        """The service refused the key; returns True if this is news."""
        with self._lock:
            news = not self._key_rejected
            self._key_rejected = True
            return news

    def key_replaced(self) -> None:
        """A new key was stored: lift the key and credit pauses (the account may differ)."""
        with self._lock:
            self._no_key = self._key_rejected = self._quota_exhausted = False
            for key in [k for k, r in self._target_holds.items() if r in BLOCKING_PAUSES]:
                del self._target_holds[key]

    def hold_openai_key(self, target: str) -> bool:
        """No OpenAI key, but other targets have keys of their own: hold only the ``openai``
        target (at ``target``); :meth:`paused` still says NO_KEY, as it is what to do. Returns
        True if this is news."""
        with self._lock:
            news = (OPENAI_KEY, target) not in self._target_holds
            self._target_holds[(OPENAI_KEY, target)] = PauseReason.NO_KEY
            return news

    def waiting_for_key(self) -> bool:
        with self._lock:
            return self._no_key or self._key_rejected

    def exhaust_quota(self) -> bool:
        """The account is out of credit; returns True if this is news."""
        with self._lock:
            news = not self._quota_exhausted
            self._quota_exhausted = True
            return news

    def clear_quota(self) -> bool:
        """The user says the account was topped up; returns True if it was exhausted."""
        with self._lock:
            was, self._quota_exhausted = self._quota_exhausted, False
            return was

    def hold(self, source: str, reason: PauseReason) -> None:
        with self._lock:
            self._holds[source] = reason

    def release(self, source: str) -> bool:
        """Lift ``source``'s hold; returns True if it held uploads back."""
        with self._lock:
            return self._holds.pop(source, None) is not None

    # -- per target ----------------------------------------------------------------------------

    def rate_limit(self, target: str, until: float) -> None:
        with self._lock:
            self._rate_until[target] = max(until, self._rate_until.get(target, 0.0))

    def rate_strikes(self, target: str, failure: Failure) -> int:
        """429s in a row from ``target`` after ``failure`` (for the backoff): a 429 adds one,
        any other answer from the server starts the count over."""
        with self._lock:
            if failure.kind is ErrorKind.RATE_LIMITED:
                self._strikes[target] = self._strikes.get(target, 0) + 1
                return self._strikes[target]
            if failure.http_status is not None:
                self._strikes.pop(target, None)
            return 0

    def rate_ok(self, target: str) -> None:
        """``target`` accepted a request: the next 429 starts the backoff over."""
        with self._lock:
            self._strikes.pop(target, None)

    def breaker(self, target: str) -> CircuitBreaker:
        with self._lock:
            breaker = self._breakers.get(target)
            if breaker is None:
                breaker = CircuitBreaker(self._threshold, self._policy, self._clock)
                self._breakers[target] = breaker
            return breaker

    def breakers(self) -> list[tuple[str, CircuitBreaker]]:
        with self._lock:
            return list(self._breakers.items())

    def hold_target(self, source: str, target: str, reason: PauseReason) -> None:
        """Hold ``target`` alone on behalf of ``source`` (other targets keep sending)."""
        with self._lock:
            self._target_holds[(source, target)] = reason

    def release_target(self, source: str, target: str | None = None) -> bool:
        """Lift ``source``'s hold of ``target`` (None: of every target); True if it held one."""
        with self._lock:
            keys = [k for k in self._target_holds if k[0] == source and target in (None, k[1])]
            for key in keys:
                del self._target_holds[key]
            return bool(keys)

    def held_targets(self) -> set[str]:
        """Targets that may not be sent to now (rate limited, breaker open, or held)."""
        now = self._clock()
        with self._lock:
            held = {t for t, until in self._rate_until.items() if until > now}
            held.update(t for t, b in self._breakers.items() if b.is_open)
            held.update(t for _, t in self._target_holds)
        return held

    def target_held(self, target: str) -> bool:
        """Whether ``target`` is held by an outage: its breaker is open (repeated failures,
        or expiry errors), or a hold (its status page) names it, or the whole queue is held
        by one. A rate limit or a user pause is not an outage."""
        with self._lock:
            breaker = self._breakers.get(target)
            return (
                bool(self._holds)
                or (breaker is not None and breaker.is_open)
                or any(
                    t == target and r not in BLOCKING_PAUSES
                    for (_, t), r in self._target_holds.items()
                )
            )

    def held_since(self, target: str) -> float | None:
        """Since when ``target`` has been held by an outage without a break (None: it is not);
        the time is noted the first time this is asked while it is held."""
        held = self.target_held(target)
        with self._lock:
            if not held:
                self._held_since.pop(target, None)
                return None
            return self._held_since.setdefault(target, self._clock())

    def target_report(self, target: str) -> TargetGate:
        """How ``target`` stands at the gate: the holds naming it, its breaker, its rate limit."""
        now = self._clock()
        with self._lock:
            breaker = self._breakers.get(target)
            until = self._rate_until.get(target)
            return TargetGate(
                holds=tuple(r for (_, t), r in self._target_holds.items() if t == target),
                breaker_open=breaker is not None and breaker.is_open,
                next_probe_at=None if breaker is None else breaker.next_probe_at,
                rate_limited_until=until if until is not None and until > now else None,
            )

    def breaker_open(self) -> bool:
        with self._lock:
            return any(b.is_open for b in self._breakers.values())

    def next_opening(self) -> float | None:
        """When the earliest rate limit ends or breaker probe is due (None: nothing pending)."""
        now = self._clock()
        with self._lock:
            times = [t for t in self._rate_until.values() if t > now]
            times += [b.next_probe_at for b in self._breakers.values() if b.next_probe_at]
        return min(times) if times else None

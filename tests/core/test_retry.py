"""The pure retry policy: classification, Retry-After, full-jitter backoff, the circuit breaker."""

from __future__ import annotations

import email.utils
import random

import pytest

from desktop_app.core.openai_api import classify_status, parse_retry_after
from desktop_app.core.uploads.retry import (
    PROBE_INTERVAL,
    Action,
    CircuitBreaker,
    ErrorKind,
    Failure,
    RetryPolicy,
)


@pytest.mark.parametrize(
    ("status", "code", "message", "kind"),
    [
        (400, "file_expired", "The file has expired", ErrorKind.EXPIRED),
        (404, None, "File file-abc has expired.", ErrorKind.EXPIRED),
        (410, "expired", None, ErrorKind.EXPIRED),
        (429, "rate_limit_exceeded", "slow down", ErrorKind.RATE_LIMITED),
        (401, "invalid_api_key", "Incorrect API key", ErrorKind.AUTH),
        (403, None, "Your API key has expired", ErrorKind.AUTH),  # the key, not the file
        (413, None, "Request entity too large", ErrorKind.TOO_LARGE),
        (500, None, "oops", ErrorKind.SERVER),
        (503, None, "overloaded", ErrorKind.SERVER),
        (408, None, "request timeout", ErrorKind.SERVER),
        (400, "invalid_request_error", "purpose is invalid", ErrorKind.INVALID),
        (422, None, "unprocessable", ErrorKind.INVALID),
        (302, None, "moved", ErrorKind.UNKNOWN),
    ],
)
def test_http_errors_are_classified(
    status: int, code: str | None, message: str | None, kind: ErrorKind
) -> None:
    assert classify_status(status, code, message) is kind


def test_retry_after_in_milliseconds_wins_over_seconds() -> None:
    assert parse_retry_after({"retry-after-ms": "1500", "Retry-After": "9"}, 0) == 1.5


def test_long_retry_after_is_honoured_not_capped() -> None:
    # The SDK ignores waits over two minutes; a rate limit of an hour must still be respected.
    assert parse_retry_after({"Retry-After": "3600"}, 0) == 3600


def test_retry_after_as_http_date() -> None:
    now = 1_700_000_000.0
    header = email.utils.formatdate(now + 90, usegmt=True)
    assert parse_retry_after({"retry-after": header}, now) == pytest.approx(90, abs=1)


def test_unparseable_retry_after_is_ignored() -> None:
    assert parse_retry_after({"retry-after": "soon"}, 0) is None
    assert parse_retry_after({}, 0) is None


def test_backoff_is_full_jitter_under_an_exponential_cap() -> None:
    policy = RetryPolicy(max_attempts=8, base=1.0, cap=20.0, rng=random.Random(7))
    for attempt, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (5, 16.0), (6, 20.0), (30, 20.0)]:
        delays = [policy.delay(attempt) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        # Full jitter spreads retries over the whole window (no synchronized herd).
        assert min(delays) < ceiling * 0.2 and max(delays) > ceiling * 0.8


def test_transient_failures_retry_until_the_attempt_budget_is_spent() -> None:
    policy = RetryPolicy(max_attempts=3, base=1.0, cap=10.0, rng=random.Random(1))
    failure = Failure(ErrorKind.SERVER, "503")
    first = policy.decide(failure, attempts=1, now=100.0)
    assert first.action is Action.RETRY and 100.0 <= (first.next_attempt_at or 0) <= 101.0
    assert policy.decide(failure, attempts=3, now=100.0).action is Action.FAIL


def test_permanent_failures_are_not_retried() -> None:
    policy = RetryPolicy()
    for kind in (ErrorKind.INVALID, ErrorKind.TOO_LARGE):
        assert policy.decide(Failure(kind, "no"), attempts=1, now=0).action is Action.FAIL


def test_rate_limit_waits_exactly_as_asked_and_costs_no_attempt() -> None:
    policy = RetryPolicy(max_attempts=2)
    decision = policy.decide(Failure(ErrorKind.RATE_LIMITED, "429", retry_after=3600), 2, 50.0)
    assert decision.action is Action.HOLD_TARGET
    assert decision.next_attempt_at == 3650.0
    assert decision.counts_attempt is False


def test_rejected_key_pauses_instead_of_retrying() -> None:
    decision = RetryPolicy().decide(Failure(ErrorKind.AUTH, "401"), attempts=1, now=0)
    assert decision.action is Action.PAUSE_KEY and decision.counts_attempt is False


def test_expired_keeps_retrying_with_backoff() -> None:
    decision = RetryPolicy().decide(Failure(ErrorKind.EXPIRED, "expired"), attempts=1, now=0)
    assert decision.action is Action.RETRY and decision.counts_attempt is True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_consecutive_service_failures_and_probes_well_within_30_s() -> None:
    clock = Clock()
    policy = RetryPolicy(base=10.0, cap=300.0, rng=random.Random(3))
    breaker = CircuitBreaker(3, policy, clock)
    assert not breaker.record_failure(ErrorKind.SERVER)
    assert not breaker.record_failure(ErrorKind.NETWORK)
    assert breaker.record_failure(ErrorKind.SERVER)  # the third in a row opens it
    assert breaker.is_open and not breaker.probe_with_job
    gaps = []
    for _ in range(20):  # however long the outage, the next probe is never over 30 s away
        probe_at = breaker.next_probe_at
        assert probe_at is not None
        gaps.append(probe_at - clock.now)
        assert not breaker.probe_due()  # not yet
        clock.now = probe_at
        assert breaker.probe_due()
        assert not breaker.probe_due()  # only one caller probes at a time
        breaker.record_probe(False)
        assert breaker.is_open
    assert all(PROBE_INTERVAL / 2 <= gap <= PROBE_INTERVAL <= 30 for gap in gaps), gaps
    assert len({round(g, 3) for g in gaps}) > 10  # jittered, so clients do not probe in step
    clock.now = breaker.next_probe_at or 0
    assert breaker.probe_due()
    breaker.record_probe(True)
    assert not breaker.is_open


def test_expired_errors_on_upload_open_the_breaker_and_ask_for_a_real_probe() -> None:
    breaker = CircuitBreaker(2, RetryPolicy(), Clock())
    assert not breaker.record_failure(ErrorKind.EXPIRED)
    assert breaker.record_failure(ErrorKind.EXPIRED)
    assert breaker.is_open and breaker.probe_with_job
    breaker.record_probe(True)
    assert not breaker.is_open and not breaker.probe_with_job


def test_transient_failures_retry_until_the_deadline_then_fail_saying_why() -> None:
    policy = RetryPolicy(rng=random.Random(5))  # the defaults: 24 h, no attempt limit
    first = 1_000_000.0
    server_error = Failure(ErrorKind.SERVER, "HTTP 503", http_status=503)
    for hours in (0, 1, 5, 23.9):
        now = first + hours * 3600
        decision = policy.decide(server_error, attempts=500, now=now, first_attempt_at=first)
        assert decision.action is Action.RETRY
        assert now <= (decision.next_attempt_at or 0) <= now + 300
    late = policy.decide(server_error, attempts=500, now=first + 24 * 3600, first_attempt_at=first)
    assert late.action is Action.FAIL
    assert late.reason is not None and "gave up after 24 h of failures since" in late.reason
    expired = Failure(ErrorKind.EXPIRED, "The file has expired")
    assert policy.decide(expired, 40, first + 7200, first_attempt_at=first).action is Action.RETRY
    too_large = Failure(ErrorKind.TOO_LARGE, "413")
    assert policy.decide(too_large, 1, first, first_attempt_at=first).action is Action.FAIL


def test_breaker_ignores_document_errors_and_resets_on_success() -> None:
    breaker = CircuitBreaker(2, RetryPolicy(), Clock())
    breaker.record_failure(ErrorKind.SERVER)
    breaker.record_success()
    breaker.record_failure(ErrorKind.SERVER)
    assert not breaker.is_open
    breaker.record_failure(ErrorKind.INVALID)  # a bad document says nothing about the service
    breaker.record_failure(ErrorKind.SERVER)
    assert not breaker.is_open


def test_quota_exhaustion_pauses_instead_of_retrying() -> None:
    assert classify_status(429, "insufficient_quota", "You exceeded your quota") is ErrorKind.QUOTA
    assert classify_status(429, "rate_limit_exceeded", "slow down") is ErrorKind.RATE_LIMITED
    decision = RetryPolicy().decide(Failure(ErrorKind.QUOTA, "no credit"), 1, 0.0)
    assert decision.action is Action.PAUSE_QUOTA
    assert not decision.counts_attempt


def test_repeated_rate_limits_without_retry_after_wait_longer_up_to_the_cap() -> None:
    policy = RetryPolicy(base=1.0, cap=30.0, rng=random.Random(7))
    failure = Failure(ErrorKind.RATE_LIMITED, "429")
    waits = [policy.decide(failure, 0, 100.0, rate_strikes=n).next_attempt_at for n in range(1, 6)]
    delays = [w - 100.0 for w in waits if w is not None]
    assert delays == sorted(delays)  # [ceiling/2, ceiling] with a doubling ceiling: growing
    assert delays[0] <= 1.0
    capped = policy.decide(failure, 0, 100.0, rate_strikes=50).next_attempt_at
    assert capped is not None and 15.0 <= capped - 100.0 <= 30.0

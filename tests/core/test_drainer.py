"""The worker's decisions and the job runner's steps, one step at a time, on a clock we move.

The engine's parts are built as the manager builds them (real SQLite queue, real vault, the
policy with its defaults) around an in-process fake of our own SDK seam, and ``Drainer.step`` is
called directly: no threads, no sleeping, hours of outage in a few steps.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.fake_files_api import InMemoryFiles, expired_error, server_error

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.store import Database
from desktop_app.core.uploads import JobState, PauseReason
from desktop_app.core.uploads.clock import Clock
from desktop_app.core.uploads.gate import Gate
from desktop_app.core.uploads.jobs import NewJob
from desktop_app.core.uploads.keys import ApiKeys
from desktop_app.core.uploads.listeners import Events
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import PROBE_INTERVAL, RetryPolicy
from desktop_app.core.uploads.runner import JobRunner, UploadLimits
from desktop_app.core.uploads.store import QueueStore
from desktop_app.core.uploads.workers import Claimant, Drainer
from desktop_app.core.vault import Source, Vault
from desktop_app.settings import UploadSettings

TARGET = "https://api.example.test/v1"
DEFAULTS = UploadSettings()


class StepClock(Clock):
    """A clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Engine:
    clock: StepClock
    api: InMemoryFiles
    vault: Vault
    queue: UploadQueue
    reads: QueueReads
    gate: Gate
    drainer: Drainer

    def add(self, name: str) -> int:
        entry = self.vault.add_bytes(f"contents of {name}".encode(), name, Source.CLI)
        job = NewJob(
            entry.id, entry.sha256, name, entry.size, "text/plain", TARGET, "user_data", None
        )
        (job_id,) = self.queue.add([job])
        return job_id

    def step(self) -> float | None:
        return self.drainer.step(threading.Event())

    def state(self, job_id: int) -> JobState:
        return self.reads.get(job_id).view.state

    def run_due(self) -> None:
        """Step until no job is due now."""
        for _ in range(50):
            if self.step() is not None:
                return
        raise AssertionError("the drainer never went idle")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    db = Database(tmp_path / "store.sqlite3")
    vault = Vault(db, tmp_path / "vault")
    clock = StepClock()
    api = InMemoryFiles(clock)
    policy = RetryPolicy(
        max_attempts=DEFAULTS.max_attempts,
        base=DEFAULTS.backoff_base,
        cap=DEFAULTS.backoff_cap,
        give_up_after=DEFAULTS.give_up_after_hours * 3600,
        rng=random.Random(11),
    )
    store = QueueStore(db, clock)
    queue, reads = UploadQueue(store), QueueReads(store)
    gate = Gate(DEFAULTS.breaker_threshold, policy, clock)
    keys = ApiKeys(lambda: "sk-test", gate, factory=lambda _key, _target, _timeout: api)
    events = Events(wake_workers=lambda: None)
    runner = JobRunner(queue, reads, vault.blob_path, UploadLimits(), policy, clock, events)
    drainer = Drainer(
        queue=queue,
        queries=reads,
        gate=gate,
        keys=keys,
        events=events,
        runner=runner,
        policy=policy,
        claimant=Claimant("test:1:owner", 60.0),
        clock=clock,
    )
    yield Engine(clock, api, vault, queue, reads, gate, drainer)
    db.close()


def test_a_clean_upload_is_done_and_verified(engine: Engine) -> None:
    job_id = engine.add("a.txt")
    engine.run_due()
    view = engine.reads.get(job_id).view
    assert view.state is JobState.DONE and view.file_id in engine.api.files
    assert engine.api.calls == ["create_file", "retrieve"]


def test_a_five_hour_503_outage_is_held_by_the_breaker_and_resumes_within_30_s(
    engine: Engine,
) -> None:
    ids = [engine.add(f"doc{i}.txt") for i in range(3)]
    engine.api.fail("create_file", *[server_error() for _ in range(10_000)])
    engine.api.fail("probe", *[server_error() for _ in range(10_000)])
    outage_ends = engine.clock.now + 5 * 3600
    while engine.clock.now < outage_ends:
        engine.run_due()
        engine.clock.now += 5
    # Held by the breaker, not failed; creates stopped once it opened, probes went on.
    assert all(engine.state(i) is JobState.WAITING_RETRY for i in ids)
    assert engine.gate.paused() is PauseReason.BREAKER
    assert engine.api.calls.count("create_file") <= DEFAULTS.breaker_threshold + 3
    assert engine.api.calls.count("probe") >= 5 * 3600 / PROBE_INTERVAL
    engine.api.recover()
    recovered = engine.clock.now
    while not all(engine.state(i) is JobState.DONE for i in ids):
        engine.run_due()
        engine.clock.now += 1
        assert engine.clock.now - recovered <= PROBE_INTERVAL + 1, "not resumed within 30 s"
    assert len(engine.api.files) == 3


def test_an_expiry_storm_opens_the_breaker_and_is_probed_with_a_real_upload(
    engine: Engine,
) -> None:
    ids = [engine.add(f"scan{i}.pdf") for i in range(6)]
    engine.api.fail("create_file", *[expired_error() for _ in range(10_000)])
    storm_ends = engine.clock.now + 2 * 3600
    while engine.clock.now < storm_ends:
        engine.run_due()
        engine.clock.now += 5
    assert engine.gate.paused() is PauseReason.BREAKER
    assert "probe" not in engine.api.calls  # listing files says nothing about this fault
    waiting = {JobState.QUEUED, JobState.WAITING_RETRY}
    assert all(engine.state(i) in waiting for i in ids)  # none failed, none given up
    # Nothing failed for good, and the fallback was offered from the first expiry error.
    tried = [engine.reads.get(i).view for i in ids if engine.reads.get(i).view.attempts]
    assert tried and all(view.fallback_available for view in tried)
    engine.api.recover()
    recovered = engine.clock.now
    while not all(engine.state(i) is JobState.DONE for i in ids):
        engine.run_due()
        engine.clock.now += 1
        assert engine.clock.now - recovered <= PROBE_INTERVAL + 1
    # Every document is on the server once: the expired attempts stored nothing.
    assert sorted(f.filename for f in engine.api.files.values()) == sorted(
        f"scan{i}.pdf" for i in range(6)
    )


def test_after_the_deadline_a_job_fails_and_says_why_and_since_when(engine: Engine) -> None:
    job_id = engine.add("late.txt")
    engine.api.fail("create_file", *[server_error(502) for _ in range(10_000)])
    engine.api.fail("probe", *[server_error(502) for _ in range(10_000)])
    end = engine.clock.now + 24 * 3600 + 600
    while engine.clock.now < end and engine.state(job_id) is not JobState.FAILED:
        engine.run_due()
        engine.clock.now += 60
    view = engine.reads.get(job_id).view
    assert view.state is JobState.FAILED
    assert view.error_message is not None
    assert view.error_message.startswith("gave up after 24 h of failures since ")
    assert view.error_message.endswith("HTTP 502")


def test_a_rate_limit_holds_the_target_for_as_long_as_asked_and_costs_no_attempt(
    engine: Engine,
) -> None:
    job_id = engine.add("busy.txt")
    engine.api.fail(
        "create_file",
        ApiCallError("slow down", ErrorKind.RATE_LIMITED, http_status=429, retry_after=120),
    )
    engine.run_due()
    view = engine.reads.get(job_id).view
    assert view.state is JobState.WAITING_RETRY and view.attempts == 0
    assert view.next_attempt_at == pytest.approx(engine.clock.now + 120)
    assert TARGET in engine.gate.held_targets()
    engine.clock.now += 121
    engine.run_due()
    assert engine.state(job_id) is JobState.DONE


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (ApiCallError("Incorrect API key", ErrorKind.AUTH, http_status=401), PauseReason.AUTH),
        (ApiCallError("insufficient_quota", ErrorKind.QUOTA, http_status=429), PauseReason.QUOTA),
    ],
)
def test_a_refused_key_or_empty_account_pauses_everything_and_gives_the_attempt_back(
    engine: Engine, error: ApiCallError, reason: PauseReason
) -> None:
    first, second = engine.add("one.txt"), engine.add("two.txt")
    engine.api.fail("create_file", error)
    engine.run_due()
    assert engine.gate.paused() is reason
    assert engine.state(first) is JobState.QUEUED and engine.reads.get(first).view.attempts == 0
    assert engine.state(second) is JobState.QUEUED
    assert engine.api.calls == ["create_file"]  # the second job was never sent


def test_an_answer_lost_after_the_server_stored_the_file_is_reconciled_not_sent_again(
    engine: Engine,
) -> None:
    job_id = engine.add("ambiguous.txt")
    engine.api.store_then_fail = ApiCallError(
        "network error: connection failed (RemoteProtocolError)", ErrorKind.NETWORK, ambiguous=True
    )
    engine.run_due()
    assert engine.state(job_id) is JobState.WAITING_RETRY
    engine.clock.now += DEFAULTS.backoff_cap
    engine.run_due()
    assert engine.state(job_id) is JobState.DONE
    assert len(engine.api.files) == 1  # adopted, not uploaded twice
    assert engine.api.calls.count("create_file") == 1


def test_a_damaged_vault_copy_is_never_left_on_the_server(engine: Engine) -> None:
    job_id = engine.add("damaged.txt")
    engine.api.corrupt_next_send = True
    engine.run_due()
    view = engine.reads.get(job_id).view
    assert view.state is JobState.FAILED and view.error_kind is ErrorKind.INVALID
    assert "damaged" in (view.error_message or "")
    assert engine.api.files == {}

"""How the running queue reacts to each kind of failure: retry, pause, fail, fallback."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from support.openai_server import FakeOpenAI
from support.uploading import fast_settings, rig, wait_for

from desktop_app.core.store.db import Database
from desktop_app.core.uploads import ErrorKind, JobState, PauseReason, UploadEvent
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.runner import UploadLimits
from desktop_app.core.uploads.store import QueueStore


def test_rate_limit_pauses_the_target_until_retry_after(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.rate_limited(1.5)
    with rig(tmp_path, openai_server, fast_settings(concurrency=1)) as r:
        first = r.enqueue("a.pdf")[0]
        r.manager.start()
        wait_for(lambda: r.manager.job(first).error_kind is ErrorKind.RATE_LIMITED, what="429")
        limited_until = r.manager.job(first).next_attempt_at
        assert limited_until is not None
        assert r.manager.status().paused is PauseReason.RATE_LIMIT
        later = r.enqueue("b.pdf", "c.pdf")
        r.manager.run_until_idle(timeout=60)
        assert [r.manager.job(i).state for i in [first, *later]] == [JobState.DONE] * 3
        # The 429 did not use up an attempt, and nothing was sent before Retry-After passed.
        assert r.manager.job(first).attempts == 1
        for job_id in [first, *later]:
            assert r.manager.job(job_id).updated_at >= limited_until
        assert openai_server.count("POST", "/v1/files") == 4


def test_rejected_key_pauses_everything_until_the_key_changes(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server, key="sk-revoked-key-000000") as r:
        ids = r.enqueue("a.pdf", "b.pdf", "c.pdf", "d.pdf")
        r.manager.run_until_idle(ids, timeout=60)
        assert r.manager.status().paused is PauseReason.AUTH
        assert {r.manager.job(i).state for i in ids} == {JobState.QUEUED}
        # No retry storm: at most one request per worker before the queue paused.
        assert openai_server.count("POST", "/v1/files") <= 2
        assert all(r.manager.job(i).attempts == 0 for i in ids)
        r.key[0] = openai_server.api_key
        r.manager.key_changed()
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}


def test_missing_key_sends_nothing(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    with rig(tmp_path, openai_server, key=None) as r:
        ids = r.enqueue("a.pdf")
        assert not r.manager.has_key()
        r.manager.run_until_idle(ids, timeout=60)
        assert r.manager.status().paused is PauseReason.NO_KEY
        assert r.manager.job(ids[0]).state is JobState.QUEUED
        assert openai_server.requests == []


def test_expiry_offers_the_fallback_at_once_and_keeps_retrying(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.expired(times=3)
    seen_fallback_while_active: list[bool] = []
    with rig(tmp_path, openai_server) as r:

        def on_event(event: UploadEvent) -> None:
            if event.job_id is None:
                return
            job = r.manager.job(event.job_id)
            if job.state is JobState.WAITING_RETRY:
                seen_fallback_while_active.append(job.fallback_available)

        r.manager.add_listener(on_event)
        (job_id,) = r.enqueue("slides.pptx")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert seen_fallback_while_active and all(seen_fallback_while_active)
        assert job.attempts == 4
        assert not job.fallback_available  # uploaded after all: no fallback needed any more


def test_exhausted_attempts_fail_with_the_last_error_and_retry_now_revives(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.fail_status(502, times=None)
    with rig(tmp_path, openai_server, fast_settings(max_attempts=3)) as r:
        (job_id,) = r.enqueue("a.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.FAILED
        assert job.attempts == 3
        assert (job.error_kind, job.http_status) == (ErrorKind.SERVER, 502)
        assert job.request_id and job.request_id.startswith("req_")
        assert job.fallback_available
        assert r.manager.latest_fallback_candidate() == job
        openai_server.clear_faults()
        assert r.manager.retry(job_id) == 1
        r.manager.run_until_idle([job_id], timeout=60)
        assert r.manager.job(job_id).state is JobState.DONE


def test_invalid_request_fails_at_once(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    openai_server.fail_status(400, message="Invalid value for 'purpose'")
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("a.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert (job.state, job.attempts, job.error_kind) == (JobState.FAILED, 1, ErrorKind.INVALID)
        assert "purpose" in (job.error_message or "")


def test_server_refusing_size_fails_as_too_large(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    openai_server.max_file_bytes = 1000
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("huge.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert (job.state, job.error_kind, job.http_status) == (
            JobState.FAILED,
            ErrorKind.TOO_LARGE,
            413,
        )


def test_files_over_the_api_limit_are_refused_without_sending(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    limits = UploadLimits(large_file_threshold=1024, part_size=1024, max_file_size=1500)
    with rig(tmp_path, openai_server, limits=limits) as r:
        (job_id,) = r.enqueue("huge.bin")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert (job.state, job.error_kind) == (JobState.FAILED, ErrorKind.TOO_LARGE)
        assert "at most" in (job.error_message or "")
        assert openai_server.count("POST") == 0


def test_breaker_holds_the_queue_during_an_outage_and_closes_after(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    settings = fast_settings(concurrency=2, breaker_threshold=3, backoff_base=0.05)
    opened = threading.Event()
    with rig(tmp_path, openai_server, settings) as r:
        r.manager.add_listener(lambda e: r.manager.status().breaker_open and opened.set())
        openai_server.outage(1.5)
        ids = r.enqueue(*[f"doc{i}.txt" for i in range(10)])
        r.manager.start()
        wait_for(opened.is_set, what="the breaker to open")
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
        assert not r.manager.status().breaker_open
        failed_posts = [q for q in openai_server.requests if q.method == "POST" and q.status == 503]
        # Once open, the breaker held the other jobs: only cheap probes went out meanwhile.
        assert len(failed_posts) < 10
        probes = [q for q in openai_server.requests if q.method == "GET" and q.path == "/v1/files"]
        assert probes
        assert len(openai_server.files) == 10


def test_cancel_while_queued_and_user_pause(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    with rig(tmp_path, openai_server) as r:
        r.manager.pause()
        keep, drop = r.enqueue("keep.pdf", "drop.pdf")
        r.manager.run_until_idle([keep, drop], timeout=60)
        assert r.manager.status().paused is PauseReason.USER
        assert openai_server.requests == []
        r.manager.cancel(drop)
        r.manager.resume()
        r.manager.run_until_idle([keep, drop], timeout=60)
        assert r.manager.job(keep).state is JobState.DONE
        assert r.manager.job(drop).state is JobState.CANCELLED
        assert r.remote_names() == ["keep.pdf"]


def test_waiting_ends_when_another_process_cancels_the_job(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    # `upload --wait` in one process, `attachguard cancel` in another: the waiter gets no event
    # from the other process, yet must notice the job is settled and return.
    with rig(tmp_path, openai_server) as r:
        r.manager.hold("health", PauseReason.SERVICE_OUTAGE)  # not a blocking pause: it waits
        (job_id,) = r.enqueue("a.pdf")
        other = Database(tmp_path / "store.sqlite3")
        try:
            canceller = threading.Timer(
                0.3, lambda: UploadQueue(QueueStore(other, time.time)).cancel(job_id)
            )
            canceller.start()
            started = time.monotonic()
            r.manager.run_until_idle([job_id], timeout=60)
            waited = time.monotonic() - started
            canceller.join()
        finally:
            other.close()
        assert r.manager.job(job_id).state is JobState.CANCELLED
        assert waited < 60, "run_until_idle ran into its timeout instead of seeing the cancel"
        assert openai_server.requests == []


def test_external_hold_stops_claims_until_released(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as r:
        r.manager.hold("health", PauseReason.SERVICE_OUTAGE)
        (job_id,) = r.enqueue("a.pdf")
        r.manager.start()
        assert r.manager.status().paused is PauseReason.SERVICE_OUTAGE
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:  # give the workers every chance to (wrongly) claim
            assert r.manager.job(job_id).state is JobState.QUEUED
            time.sleep(0.05)
        r.manager.release("health")
        r.manager.run_until_idle([job_id], timeout=60)
        assert r.manager.job(job_id).state is JobState.DONE


def test_rate_limits_without_retry_after_back_off_exponentially_per_target(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.fail_status(429, times=5, message="Rate limit reached")  # no Retry-After
    settings = fast_settings(concurrency=1, backoff_base=0.2, backoff_cap=1.6)
    with rig(tmp_path, openai_server, settings) as r:
        waits: list[float] = []

        def record(event: UploadEvent) -> None:
            if event.kind == "state" and event.job_id is not None:
                job = r.manager.job(event.job_id)
                if job.state is JobState.WAITING_RETRY and job.next_attempt_at is not None:
                    waits.append(job.next_attempt_at - job.updated_at)

        r.manager.add_listener(record)
        (job_id,) = r.enqueue("a.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert job.attempts == 1  # rate limits are not the document's fault
        assert len(waits) == 5
        # Each hold is drawn from [ceiling/2, ceiling], the ceiling doubling up to the cap.
        assert waits[0] <= 0.2
        assert waits[3] >= waits[0] + 0.5
        assert max(waits) <= 1.6


def test_out_of_credit_pauses_the_queue_until_the_user_retries(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.fail_status(
        429,
        times=None,
        message="You exceeded your current quota, please check your plan and billing details.",
        code_str="insufficient_quota",
    )
    with rig(tmp_path, openai_server) as r:
        ids = r.enqueue("a.pdf", "b.pdf", "c.pdf")
        r.manager.run_until_idle(ids, timeout=60)
        assert r.manager.status().paused is PauseReason.QUOTA
        assert {r.manager.job(i).state for i in ids} == {JobState.QUEUED}
        assert all(r.manager.job(i).attempts == 0 for i in ids)
        assert openai_server.count("POST", "/v1/files") <= 2  # no retry storm
        openai_server.clear_faults()  # the user topped up the account
        r.manager.retry()
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
        assert r.manager.status().paused is None


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one byte off: only the hash can tell
    path.chmod(0o600)
    path.write_bytes(bytes(data))


def test_damaged_backup_copy_is_not_left_on_the_server(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as r:
        entry = r.doc("contract.pdf")
        _damage(r.vault.blob_path(entry.sha256))
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.FAILED
        assert job.error_message == (
            "the backup copy of contract.pdf is damaged; back the file up again "
            "(attachguard verify shows damaged copies)"
        )
        assert job.fallback_available
        assert openai_server.files == {}  # the damaged upload was deleted again
        assert openai_server.count("POST", "/v1/files") == 1  # and not sent again


def test_damaged_large_file_is_never_completed(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    limits = UploadLimits(large_file_threshold=1024 * 1024, part_size=1024 * 1024)
    with rig(tmp_path, openai_server, limits=limits) as r:
        entry = r.doc("video.mp4", size=2 * 1024 * 1024 + 5)
        _damage(r.vault.blob_path(entry.sha256))
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.FAILED
        assert "the backup copy of video.mp4 is damaged" in (job.error_message or "")
        assert openai_server.files == {}
        completes = [q for q in openai_server.requests if q.path.endswith("/complete")]
        assert completes == []
        assert openai_server.count("POST", "/v1/uploads") >= 3  # the parts were sent

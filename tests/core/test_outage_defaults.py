"""The product's promise, with the default settings: ride out hours of failure, then finish.

Real parts throughout: the upload manager with ``UploadSettings()`` exactly as a new user gets
it, real SQLite, the real ``openai`` SDK against the loopback server. Only time is compressed:
the engine and the server share a clock that runs ``SPEED`` times faster than real time, so a
five-hour outage takes about half a minute and every wait (backoff, breaker probes) shrinks by
the same factor. Figures are in engine time: what a user would see.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.fast_clock import FastClock
from support.openai_server import FakeOpenAI
from support.uploading import Rig, rig, wait_for

from desktop_app.core.errors import ErrorKind
from desktop_app.core.uploads import JobState, PauseReason
from desktop_app.core.uploads.retry import PROBE_INTERVAL, Failure
from desktop_app.settings import UploadSettings

SPEED = 600.0
#: Engine seconds one request may take here (a few real milliseconds, times SPEED).
REQUEST_ALLOWANCE = 15.0
#: The engine's lease is measured in engine time too; a generous one keeps a busy machine's
#: scheduling hiccups (a real 0.2 s is two engine minutes) from looking like a crash.
LEASE = 6 * 3600.0


@pytest.fixture
def fast_clock(openai_server: FakeOpenAI) -> Iterator[FastClock]:
    clock = FastClock(SPEED)
    openai_server.clock = clock
    yield clock
    openai_server.clock = time.time


def _watch_until_done(r: Rig, ids: list[int], real_timeout: float) -> None:
    """Wait for every job to be done, failing at once if one is ever failed."""

    def settled() -> bool:
        states = {r.manager.job(i).state for i in ids}
        assert JobState.FAILED not in states, [r.manager.job(i) for i in ids]
        return states == {JobState.DONE}

    wait_for(settled, timeout=real_timeout, what="every upload done")


def _first_request_after(server: FakeOpenAI, when: float) -> float:
    return min(r.at for r in server.requests if r.at >= when)


def test_a_five_hour_503_outage_ends_with_every_upload_done_once(
    tmp_path: Path, openai_server: FakeOpenAI, fast_clock: FastClock
) -> None:
    names = [f"report-{i}.pdf" for i in range(6)]
    with rig(tmp_path, openai_server, UploadSettings(), clock=fast_clock, lease_seconds=LEASE) as r:
        openai_server.outage(5 * 3600)
        outage_ends = openai_server.now + 5 * 3600
        ids = r.enqueue(*names)
        r.manager.start()
        _watch_until_done(r, ids, real_timeout=5 * 3600 / SPEED + 60)
        done_at = min(r.manager.job(i).updated_at for i in ids)
    noticed = _first_request_after(openai_server, outage_ends) - outage_ends
    assert noticed <= PROBE_INTERVAL + REQUEST_ALLOWANCE
    assert done_at - outage_ends <= PROBE_INTERVAL + 3 * REQUEST_ALLOWANCE
    assert r.remote_names() == sorted(names)  # each once: no duplicate, nothing lost
    # Held by the breaker, not hammered: a probe every 15-30 s, not a request per job.
    during = [q for q in openai_server.requests if q.at < outage_ends]
    assert len(during) < 5 * 3600 / 15 + 20


def test_a_two_hour_expiry_storm_is_ridden_out_and_the_fallback_offered(
    tmp_path: Path, openai_server: FakeOpenAI, fast_clock: FastClock
) -> None:
    names = [f"contract-{i}.docx" for i in range(4)]
    with rig(tmp_path, openai_server, UploadSettings(), clock=fast_clock, lease_seconds=LEASE) as r:
        openai_server.expired(times=None)  # "the file has expired", on every fresh upload
        ids = r.enqueue(*names)
        r.manager.start()
        storm_ends = fast_clock() + 2 * 3600
        offered = False
        while fast_clock() < storm_ends:
            views = [r.manager.job(i) for i in ids]
            assert all(v.state is not JobState.FAILED for v in views)
            offered = offered or any(v.fallback_available for v in views)
            time.sleep(0.05)
        assert offered  # the text fallback is offered from the first expiry error
        openai_server.clear_faults()
        recovered = fast_clock()
        _watch_until_done(r, ids, real_timeout=60)
        done_at = max(r.manager.job(i).updated_at for i in ids)
    assert done_at - recovered <= PROBE_INTERVAL + 3 * REQUEST_ALLOWANCE
    assert r.remote_names() == sorted(names)


def test_a_file_the_server_lets_expire_after_upload_is_found_and_uploaded_again_once(
    tmp_path: Path, openai_server: FakeOpenAI, fast_clock: FastClock
) -> None:
    with rig(tmp_path, openai_server, UploadSettings(), clock=fast_clock, lease_seconds=LEASE) as r:
        (job_id,) = r.enqueue("minutes.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        first = r.manager.job(job_id)
        assert first.state is JobState.DONE and first.file_id is not None
        openai_server.expire_file(first.file_id)  # the server lets it go, unasked
        r.manager.start_rechecks()  # as the tray app and `attachguard run` do
        wait_for(
            lambda: (
                r.manager.job(job_id).state is JobState.DONE
                and r.manager.job(job_id).file_id != first.file_id
            ),
            timeout=60,
            what="the re-upload",
        )
        second = r.manager.job(job_id)
        # Later passes find the new copy alive: uploaded again exactly once.
        report = r.manager.recheck()
        assert (report.ok, report.requeued) == (1, [])
    assert list(openai_server.files) == [second.file_id]
    assert openai_server.count("POST", "/v1/files") == 2


def test_a_file_that_expires_on_the_schedule_the_user_asked_for_is_only_shown_expired(
    tmp_path: Path, openai_server: FakeOpenAI, fast_clock: FastClock
) -> None:
    with rig(tmp_path, openai_server, UploadSettings(), clock=fast_clock, lease_seconds=LEASE) as r:
        (job_id,) = r.enqueue("draft.pdf", expires_after=3600)
        r.manager.run_until_idle([job_id], timeout=60)
        assert r.manager.job(job_id).state is JobState.DONE
        wait_for(lambda: not openai_server.files, timeout=3600 / SPEED + 30, what="expiry")
        report = r.manager.recheck(thorough=False)
        assert report.expired == [job_id] and report.requeued == []
        view = r.manager.job(job_id)
        assert view.state is JobState.EXPIRED and view.fallback_available
        assert openai_server.count("POST", "/v1/files") == 1  # not uploaded again by itself
        assert r.manager.retry(job_id) == 1  # ... only when the user asks
        r.manager.run_until_idle([job_id], timeout=60)
        assert r.manager.job(job_id).state is JobState.DONE
    assert openai_server.count("POST", "/v1/files") == 2


def test_when_the_status_page_says_the_outage_is_over_waiting_uploads_go_at_once(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server, UploadSettings()) as r:
        (job_id,) = r.enqueue("held.pdf")
        # An earlier attempt failed and backs off for four more minutes; then the status page
        # reports a Files outage (held), and later that it is over.
        job = r.manager.queue.claim(r.manager.owner, 60)
        assert job is not None and job.id == job_id
        failure = Failure(ErrorKind.SERVER, "HTTP 503", http_status=503)
        r.manager.queue.reschedule(
            job_id, r.manager.owner, failure, time.time() + 240, counts_attempt=True
        )
        r.manager.hold("status", PauseReason.SERVICE_OUTAGE)
        r.manager.release("status")
        assert r.manager.job(job_id).next_attempt_at is None  # due now, not in four minutes
        r.manager.run_until_idle([job_id], timeout=60)
        assert r.manager.job(job_id).state is JobState.DONE

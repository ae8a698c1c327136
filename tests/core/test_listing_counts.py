"""Per-document counts in the queue status, and no "next retry: now" while uploads are held
(real store and vault; job states written by the real queue, no network)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.queue_states import add, done, expiry_error_waiting, fail, job_of

from desktop_app.core.service import Service
from desktop_app.core.uploads import JobState
from desktop_app.paths import AppPaths
from desktop_app.settings import load_settings


@pytest.fixture
def service(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    # No API key and no workers: nothing here needs the network.
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    svc = Service(app_paths, load_settings(app_paths.settings_file, environ={}))
    yield svc
    svc.close()


def test_counts_are_per_document_and_jobs_stay_per_job(service: Service, tmp_path: Path) -> None:
    # 2 distinct documents are missing, added 7 times in all (the "7 documents").
    for i in range(4):
        fail(service, job_of(service, add(service, tmp_path, f"a{i}.txt", "alpha")))
    for i in range(3):
        fail(service, job_of(service, add(service, tmp_path, f"b{i}.txt", "beta")))
    waiting = add(service, tmp_path, "c.txt", "gamma")
    expiry_error_waiting(service, job_of(service, waiting))
    for i in range(2):  # uploaded twice: one document
        done(service, job_of(service, add(service, tmp_path, f"d{i}.txt", "delta")))

    status = service.uploads.status()
    assert status.documents[JobState.FAILED] == 2
    assert status.documents[JobState.WAITING_RETRY] == 1
    assert status.expired_waiting == 1
    assert status.documents[JobState.DONE] == 1
    assert status.counts[JobState.FAILED] == 7  # the CLI's job list still counts jobs


def test_next_retry_is_not_now_while_uploads_are_held(service: Service, tmp_path: Path) -> None:
    add(service, tmp_path, "held.txt", "held")
    service.uploads.hold("status")  # the status page reports a Files outage

    status = service.uploads.status()
    assert status.held
    assert status.next_retry_at is None  # it resumes when OpenAI does, not "now"

    service.uploads.release("status")
    status = service.uploads.status()
    assert not status.held
    assert status.next_retry_at is not None  # the queued job is due

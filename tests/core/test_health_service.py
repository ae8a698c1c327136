"""The status monitor wired into the real Service: a Files outage holds the real upload queue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI

from desktop_app.core.service import Service
from desktop_app.core.uploads import JobState, PauseReason
from desktop_app.core.vault import Source
from desktop_app.paths import AppPaths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"


def doc(name: str) -> object:
    return json.loads((FIXTURES / name).read_text("utf-8"))


@pytest.fixture
def service(
    app_paths: AppPaths, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Service]:
    monkeypatch.setenv("ATTACHGUARD_STATUS_URL", openai_server.url(SUMMARY))
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    svc = Service(app_paths)
    try:
        yield svc
    finally:
        svc.close()


def test_files_outage_holds_uploads_until_it_recovers(
    service: Service, openai_server: FakeOpenAI
) -> None:
    openai_server.serve_json(SUMMARY, doc("statuspage_summary_files_outage.json"))
    service.health.check_now()
    assert service.uploads.status().paused is PauseReason.SERVICE_OUTAGE
    assert "Files: major outage" in (service.health.outage_reason or "")

    entry = service.vault.add_bytes(b"quarterly numbers", "q3.txt", Source.CLI)
    (job_id,) = service.uploads.enqueue([entry.id])
    service.uploads.run_until_idle([job_id], timeout=0.5)  # held: cannot finish
    assert service.uploads.job(job_id).state is not JobState.DONE
    assert openai_server.count("POST", "/v1/files") == 0

    openai_server.serve_json(SUMMARY, doc("statuspage_summary_operational.json"))
    service.health.check_now()
    assert service.uploads.status().paused is None
    service.uploads.run_until_idle([job_id], timeout=60)
    assert service.uploads.job(job_id).state is JobState.DONE
    assert [f.filename for f in openai_server.files.values()] == ["q3.txt"]


def test_unreadable_status_page_never_holds_uploads(
    service: Service, openai_server: FakeOpenAI
) -> None:
    openai_server.serve_json(SUMMARY, doc("statuspage_summary_files_outage.json"))
    service.health.check_now()
    assert service.uploads.status().paused is PauseReason.SERVICE_OUTAGE
    openai_server.serve_json(SUMMARY, "not json at all")
    snapshot = service.health.check_now()
    assert not snapshot.known
    assert service.uploads.status().paused is None

"""One row per document, the text fallback's choices, and per-document counts, over a real
store and vault (documents added through the facade, job states written by the real queue)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.queue_states import add, expire, expiry_error_waiting, fail, job_of

from desktop_app.core.service import FallbackReason, Service
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


def test_the_same_content_added_twice_is_one_row_with_the_latest_name(
    service: Service, tmp_path: Path
) -> None:
    first = add(service, tmp_path, "contract.pdf", "the same bytes")
    other = add(service, tmp_path, "notes.txt", "other bytes")
    again = add(service, tmp_path, "contract (final).pdf", "the same bytes")

    listing = service.documents()
    rows = listing.page(None, 10)
    assert [r.name for r in rows] == ["contract (final).pdf", "notes.txt"]
    assert rows[0].entry_id == again and rows[0].added_count == 2
    assert rows[1].added_count == 1
    assert listing.count() == 2  # documents, not adds
    assert listing.superseded([again]) == {first}
    # Asking for the older entry (or its job) gives the document's one row.
    assert [r.entry_id for r in listing.rows([first])] == [again]
    assert [r.entry_id for r in listing.rows_for_jobs([job_of(service, first)])] == [again]
    assert [r.entry_id for r in listing.newer_than(other)] == [again]


def test_the_row_shows_the_contents_latest_job(service: Service, tmp_path: Path) -> None:
    first = add(service, tmp_path, "a.txt", "same")
    fail(service, job_of(service, first))
    again = add(service, tmp_path, "b.txt", "same")  # queued again under another name

    (row,) = service.documents().page(None, 10)
    assert row.entry_id == again
    assert row.state == JobState.QUEUED  # not "failed": the newer attempt is what counts


def test_fallback_offers_the_latest_added_documents_without_key_or_failure(
    service: Service, tmp_path: Path
) -> None:
    assert service.default_fallback_entry() is None  # an empty vault offers nothing
    ids = [add(service, tmp_path, f"doc-{i:02d}.txt", f"text {i}") for i in range(12)]
    add(service, tmp_path, "doc-03 copy.txt", "text 3")  # re-added: one choice, latest name

    assert not service.has_api_key()
    choices = service.fallback_choices()
    assert len(choices) == 10
    assert [c.name for c in choices[:3]] == ["doc-03 copy.txt", "doc-11.txt", "doc-10.txt"]
    assert {c.reason for c in choices} == {FallbackReason.ADDED}
    assert len({c.entry_id for c in choices}) == 10
    assert ids[3] not in {c.entry_id for c in choices}
    default = service.default_fallback_entry()
    assert default is not None and default.name == "doc-03 copy.txt"


def test_fallback_offers_failed_and_expired_documents_first(
    service: Service, tmp_path: Path
) -> None:
    failed = add(service, tmp_path, "failed.txt", "one")
    expired = add(service, tmp_path, "expired.txt", "two")
    waiting = add(service, tmp_path, "waiting.txt", "three")
    add(service, tmp_path, "fine.txt", "four")
    fail(service, job_of(service, failed))
    expire(service, job_of(service, expired))
    expiry_error_waiting(service, job_of(service, waiting))

    choices = service.fallback_choices()
    assert [(c.name, c.reason) for c in choices] == [
        ("waiting.txt", FallbackReason.EXPIRED),
        ("expired.txt", FallbackReason.EXPIRED),
        ("failed.txt", FallbackReason.FAILED),
        ("fine.txt", FallbackReason.ADDED),
    ]
    default = service.default_fallback_entry()
    assert default is not None and default.entry_id == waiting


def test_a_failed_document_added_again_is_offered_under_its_latest_name(
    service: Service, tmp_path: Path
) -> None:
    first = add(service, tmp_path, "scan-1.pdf", "same")
    fail(service, job_of(service, first))
    again = add(service, tmp_path, "scan-final.pdf", "same", upload=False)

    default = service.default_fallback_entry()
    assert default is not None
    assert (default.entry_id, default.name, default.reason) == (
        again,
        "scan-final.pdf",
        FallbackReason.FAILED,
    )

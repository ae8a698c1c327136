"""The upload engine end to end against the loopback server: success, retries, reconciliation."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.uploading import rig

from desktop_app.core.service import Service
from desktop_app.core.store import Database
from desktop_app.core.uploads import JobState, UploadManager
from desktop_app.core.vault import Source, Vault
from desktop_app.settings import UploadSettings


def test_documents_upload_once_and_are_verified(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    with rig(tmp_path, openai_server) as r:
        ids = r.enqueue("a.pdf", "b.txt", "c.docx")
        r.manager.run_until_idle(ids, timeout=60)
        jobs = [r.manager.job(i) for i in ids]
        assert [j.state for j in jobs] == [JobState.DONE] * 3
        assert r.remote_names() == ["a.pdf", "b.txt", "c.docx"]
        for job in jobs:
            remote = openai_server.files[job.file_id or ""]
            assert remote.bytes == job.size
            assert job.bytes_sent == job.size
            assert job.attempts == 1
        assert openai_server.count("GET", "/v1/files/") == 3  # each one verified


def test_server_errors_are_retried_until_done(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    openai_server.fail_status(500, times=2)
    openai_server.fail_status(503, times=1)
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("report.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert job.attempts == 4
        assert r.remote_names() == ["report.pdf"]


def test_connection_reset_after_store_adopts_the_stored_file(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.reset_after_store(times=2)
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("contract.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        # Exactly one remote copy survives, and it is the one the job points at.
        assert list(openai_server.files) == [job.file_id]
        assert job.error_kind is None


def test_service_protects_blobs_of_unfinished_jobs(
    tmp_path: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    service = Service.open(tmp_path / "home")
    try:
        (tmp_path / "a.pdf").write_bytes(b"a" * 100)
        (tmp_path / "b.pdf").write_bytes(b"b" * 100)
        a = service.vault.add_file(tmp_path / "a.pdf", Source.CLI)
        b = service.vault.add_file(tmp_path / "b.pdf", Source.CLI)
        (done,) = service.uploads.enqueue([a.id])
        service.uploads.run_until_idle([done], timeout=60)
        service.uploads.pause()
        service.uploads.enqueue([b.id])
        # Pruning must keep b's backup until its upload is done; a's upload is finished.
        assert service.protected_blobs() == {b.sha256}
        assert service.uploads.base_url == openai_server.base_url
    finally:
        service.close()


def test_uploads_queued_for_another_api_address_go_to_the_one_in_force(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    # Queued before the user pointed AttachGuard at their server (OPENAI_BASE_URL, settings):
    # the jobs must not stay bound to the address in force back then.
    root = tmp_path / "root"
    root.mkdir()
    db = Database(root / "store.sqlite3")
    vault = Vault(db, root / "vault")
    entry = vault.add_bytes(b"queued before the address was set\n", "early.txt", Source.CLI)
    before = UploadManager(
        db, vault, UploadSettings(), credentials=lambda: None, base_url="http://127.0.0.1:9/v1"
    )
    (job_id,) = before.enqueue([entry.id])
    db.close()
    with rig(root, openai_server) as r:
        r.manager.run_until_idle([job_id], timeout=60)
        assert r.manager.job(job_id).state is JobState.DONE
    assert r.remote_names() == ["early.txt"]

"""Upload targets, the remaining promises: a target's own status page holds that target alone,
recheck and expiry healing per target, a version-7 database's jobs become the ``openai``
target's, and a missing OpenAI key does not stop the other targets.

Two loopback servers (one OpenAI, one Azure OpenAI) driven through the real SDK clients; real
SQLite, the real vault and upload manager (and the Service, for the status pages).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from core.test_targets import API_VERSION, AZURE_KEY, two_targets
from support.openai_server import FakeOpenAI
from support.uploading import fast_settings, wait_for
from support.watching import LIVE_OBSERVER

from desktop_app.core.service import Service
from desktop_app.core.store.db import Database
from desktop_app.core.store.migrations import _apply, available
from desktop_app.core.uploads import JobState, PauseReason, UploadManager
from desktop_app.core.vault import Source, Vault
from desktop_app.paths import AppPaths
from desktop_app.settings import load_settings
from desktop_app.targets import TargetSettings

STATUS = Path(__file__).resolve().parents[1] / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"


@pytest.fixture
def azure_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(valid_keys=[AZURE_KEY], azure=True) as server:
        yield server


def _page(name: str) -> object:
    return json.loads((STATUS / name).read_text("utf-8"))


# -- a target's own status page ---------------------------------------------------------------


def test_an_outage_on_a_targets_own_status_page_holds_that_target_alone(
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    openai_server: FakeOpenAI,
    azure_server: FakeOpenAI,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("AG_TEST_AZURE_KEY", AZURE_KEY)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    page = azure_server.serve_json(SUMMARY, _page("statuspage_summary_files_outage.json"))
    app_paths.settings_file.write_text(
        "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        f"endpoint = '{azure_server.base_url}'\napi_version = '{API_VERSION}'\n"
        f"api_key_env = 'AG_TEST_AZURE_KEY'\nstatus_url = '{page}'\n",
        encoding="utf-8",
    )
    service = Service(app_paths, load_settings(app_paths.settings_file))
    try:
        assert list(service.target_health.monitors) == ["azure"]  # openai: [status] url only
        # The first look at the page, before any upload (what start(status=True) does at once).
        service.target_health.check_now()
        assert service.uploads.target_held("azure") and not service.uploads.target_held("openai")
        src = tmp_path / "memo.txt"
        src.write_text("memo " * 200)
        report = service.add_documents([src], source=Source.CLI, upload=False)
        (entry,) = report.entries
        to_openai, to_azure = service.uploads.enqueue([entry.id], targets=["openai", "azure"])
        service.start(uploads=True)
        service.uploads.run_until_idle([to_openai], timeout=60)
        assert service.uploads.job(to_openai).state is JobState.DONE  # OpenAI keeps going
        assert service.uploads.job(to_azure).state is JobState.QUEUED and not azure_server.files
        (azure,) = [s for s in service.target_states() if s.name == "azure"]
        assert azure.holds == (PauseReason.SERVICE_OUTAGE,)
        # The page recovers: Azure's uploads go at once.
        azure_server.serve_json(SUMMARY, _page("statuspage_summary_operational.json"))
        service.target_health.check_now()
        service.uploads.run_until_idle([to_azure], timeout=60)
        assert service.uploads.job(to_azure).state is JobState.DONE
        assert len(azure_server.files) == 1
    finally:
        service.close()


# -- recheck and expiry healing per target ----------------------------------------------------


def test_a_file_that_expires_on_azure_is_uploaded_again_there_not_on_openai(
    tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    with two_targets(tmp_path, openai_server, azure_server, fast_settings()) as two:
        manager = two.manager
        entry = two.doc("contract.pdf")
        to_openai, to_azure = manager.enqueue([entry.id], targets=["openai", "azure"])
        manager.run_until_idle([to_openai, to_azure], timeout=60)
        on_openai, on_azure = manager.job(to_openai), manager.job(to_azure)
        assert on_azure.file_id is not None
        azure_server.expire_file(on_azure.file_id)  # Azure lets it go, unasked

        report = manager.recheck()
        assert report.requeued == [to_azure] and report.ok == 1  # OpenAI's copy is fine
        manager.run_until_idle([to_azure], timeout=60)
        healed = manager.job(to_azure)
        assert healed.state is JobState.DONE and healed.file_id != on_azure.file_id
        assert healed.file_id in azure_server.files  # re-uploaded to Azure...
        assert set(openai_server.files) == {on_openai.file_id}  # ...and nothing more on OpenAI
        assert manager.job(to_openai).file_id == on_openai.file_id

        again = manager.recheck()  # both alive now: uploaded again exactly once
        assert (again.ok, again.requeued) == (2, [])
        assert list(azure_server.files) == [healed.file_id]  # the live copies: one


# -- a version-7 database ---------------------------------------------------------------------


def test_jobs_of_a_version_7_database_become_the_openai_targets(
    tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    db_path = tmp_path / "store.sqlite3"
    content = b"minutes of the meeting " * 100
    sha = hashlib.sha256(content).hexdigest()
    conn = sqlite3.connect(db_path, isolation_level=None)
    for migration in available()[:7]:
        _apply(conn, migration)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    now = time.time()
    conn.execute("INSERT INTO blobs VALUES (?, ?, 'text/plain', ?)", (sha, len(content), now))
    conn.execute(
        "INSERT INTO entries (sha256, name, source, added_at) VALUES (?, 'minutes.txt', 'cli', ?)",
        (sha, now),
    )
    for state, file_id in (("done", "file-before-targets"), ("queued", None)):
        conn.execute(
            "INSERT INTO upload_jobs (entry_id, sha256, name, size, mime_type, target, purpose,"
            " state, file_id, created_at, updated_at)"
            " VALUES (1, ?, 'minutes.txt', ?, 'text/plain', ?, 'user_data', ?, ?, ?, ?)",
            (sha, len(content), openai_server.base_url, state, file_id, now, now),
        )
    conn.close()

    db = Database(db_path)
    vault = Vault(db, tmp_path / "vault")
    blob = vault.blob_path(sha)
    blob.parent.mkdir(parents=True, exist_ok=True)
    blob.write_bytes(content)
    tables = [TargetSettings(name="azure", kind="azure", endpoint=azure_server.base_url,
                             api_version=API_VERSION)]  # fmt: skip
    manager = UploadManager(
        db, vault, fast_settings(), credentials=lambda: openai_server.api_key,
        base_url=openai_server.base_url, targets=tables, target_key=lambda t: AZURE_KEY,
    )  # fmt: skip
    try:
        assert (db_path.parent / "store.sqlite3.bak-v7").is_file()  # copied before migrating
        jobs = sorted(manager.jobs(), key=lambda j: j.id)
        assert [(j.target, j.state, j.file_id) for j in jobs] == [
            ("openai", JobState.DONE, "file-before-targets"),
            ("openai", JobState.QUEUED, None),
        ]
        manager.run_until_idle([jobs[1].id], timeout=60)
        assert manager.job(jobs[1].id).state is JobState.DONE
        assert len(openai_server.files) == 1 and not azure_server.files  # sent to OpenAI only
    finally:
        manager.stop(timeout=10)
        db.close()


# -- a missing OpenAI key ---------------------------------------------------------------------


def test_a_missing_openai_key_holds_openai_alone_and_the_other_targets_upload(
    tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    key: list[str] = []  # no OpenAI key yet
    db = Database(tmp_path / "store.sqlite3")
    vault = Vault(db, tmp_path / "vault")
    tables = [TargetSettings(name="azure", kind="azure", endpoint=azure_server.base_url,
                             api_version=API_VERSION)]  # fmt: skip
    manager = UploadManager(
        db, vault, fast_settings(), credentials=lambda: key[0] if key else None,
        base_url=openai_server.base_url, targets=tables, target_key=lambda t: AZURE_KEY,
    )  # fmt: skip
    try:
        src = tmp_path / "a.txt"
        src.write_text("hello " * 100)
        entry = vault.add_file(src, Source.CLI)
        to_openai, to_azure = manager.enqueue([entry.id], targets=["openai", "azure"])
        manager.start()
        wait_for(lambda: manager.job(to_azure).state is JobState.DONE, 30, "the Azure upload")
        assert len(azure_server.files) == 1
        assert manager.job(to_openai).state is JobState.QUEUED and not openai_server.files
        assert manager.paused is PauseReason.NO_KEY  # what the user has to do, still said
        (openai,) = [s for s in manager.target_states() if s.name == "openai"]
        assert not openai.has_key and openai.holds == (PauseReason.NO_KEY,)
        key.append(openai_server.api_key)  # e.g. OPENAI_API_KEY set, or a key stored
        wait_for(lambda: manager.job(to_openai).state is JobState.DONE, 30, "the OpenAI upload")
        assert manager.paused is None and len(openai_server.files) == 1
    finally:
        manager.stop(timeout=10)
        db.close()


# -- watched folders choose their targets -----------------------------------------------------


@LIVE_OBSERVER
def test_a_watched_folder_uploads_its_new_files_to_the_targets_it_names(
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    openai_server: FakeOpenAI,
    azure_server: FakeOpenAI,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("AG_TEST_AZURE_KEY", AZURE_KEY)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app_paths.settings_file.write_text(
        "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        f"endpoint = '{azure_server.base_url}'\napi_version = '{API_VERSION}'\n"
        "api_key_env = 'AG_TEST_AZURE_KEY'\n"
        f"[[watch.folders]]\npath = '{inbox}'\nupload = true\ntargets = ['azure']\n",
        encoding="utf-8",
    )
    service = Service(app_paths, load_settings(app_paths.settings_file))
    try:
        service.start(uploads=True, watch=True)
        (inbox / "scan.pdf").write_bytes(b"%PDF-1.4 a scanned letter " * 50)
        wait_for(lambda: len(azure_server.files) == 1, 30, "the upload to Azure")
        (job,) = service.uploads.jobs()
        assert job.target == "azure" and job.name == "scan.pdf"
        assert not openai_server.files  # not to the primary: the folder named Azure only
    finally:
        service.close()

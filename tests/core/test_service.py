"""The facade's use cases over a real store: add documents (back up, then queue), the document
listing, start/stop of the running parts, and saving settings."""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.service import Service
from desktop_app.core.uploads import JobState
from desktop_app.core.vault import Source
from desktop_app.paths import AppPaths
from desktop_app.settings import WatchedFolder, load_settings


@pytest.fixture
def service(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    svc = Service(app_paths, load_settings(app_paths.settings_file, environ={}))
    yield svc
    svc.close()


def _ours() -> set[str]:
    """Names of the threads the service's parts run (workers, lease keeper, watcher)."""
    return {
        t.name
        for t in threading.enumerate()
        if t.is_alive() and t.name.startswith(("ag-upload", "attachguard-watch"))
    }


def test_add_documents_backs_up_a_folder_and_queues_every_document(
    service: Service, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "letter.txt").write_text("dear sir")
    (inbox / "sub" / "scan.txt").write_text("a scan")

    report = service.add_documents([inbox], source=Source.DROP, upload=True, purpose="assistants")

    assert sorted(e.name for e in report.entries) == ["letter.txt", "scan.txt"]
    assert report.problems == 0 and report.files_found == 2
    jobs = [service.uploads.job(i) for i in report.job_ids]
    assert sorted(j.entry_id for j in jobs) == sorted(report.entry_ids)
    assert all(j.state is JobState.QUEUED for j in jobs)
    assert service.vault.get(report.entry_ids[0]).source is Source.DROP


def test_add_documents_reports_each_odd_path_and_still_adds_the_rest(
    service: Service, tmp_path: Path
) -> None:
    good = tmp_path / "memo.txt"
    good.write_text("keep me")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()
    missing = tmp_path / "gone.pdf"

    report = service.add_documents(
        [good, pipe, folder, missing], source=Source.CLI, recursive=False, upload=False
    )

    assert [e.name for e in report.entries] == ["memo.txt"]
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert "not a regular file" in reasons["pipe"]
    assert reasons["folder"] == "is a directory (use --recursive)"
    assert "does not exist" in reasons["gone.pdf"]
    assert report.problems == 3
    assert report.job_ids == ()  # upload=False queues nothing
    assert service.uploads.job_count() == 0


def test_add_documents_follows_the_auto_upload_setting_by_default(
    service: Service, tmp_path: Path
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("a")
    service.settings.upload.auto_upload = False
    assert service.add_documents([doc], source=Source.CLI).job_ids == ()
    service.settings.upload.auto_upload = True
    assert len(service.add_documents([doc], source=Source.CLI).job_ids) == 1


def test_documents_lists_what_was_added_with_its_upload_state(
    service: Service, tmp_path: Path
) -> None:
    (tmp_path / "one.txt").write_text("1")
    (tmp_path / "two.txt").write_text("2")
    service.add_documents([tmp_path / "one.txt"], source=Source.DROP, upload=True)
    service.add_documents([tmp_path / "two.txt"], source=Source.DROP, upload=False)

    listing = service.documents()
    rows = {row.name: row for row in listing.page(None, 10)}

    assert listing.count() == 2
    assert rows["one.txt"].state == JobState.QUEUED
    assert rows["two.txt"].state is None


def test_start_and_stop_are_idempotent_and_join_every_thread(
    service: Service, tmp_path: Path
) -> None:
    inbox = tmp_path / "watched"
    inbox.mkdir()
    service.settings.watch.folders = [WatchedFolder(str(inbox))]
    before = _ours()

    service.start(watch=True)
    running = _ours() - before
    service.start(watch=True)  # a second start leaves the running parts alone
    assert _ours() - before == running
    assert any(n.startswith("ag-upload") for n in running)
    assert any(n.startswith("attachguard-watch") for n in running)

    assert service.stop() == []  # nothing was in flight: nothing handed back
    assert _ours() - before == set()
    assert service.stop() == []  # stopping again is harmless


def test_save_settings_writes_the_file_and_applies_it_to_the_running_parts(
    service: Service, tmp_path: Path
) -> None:
    upload_section = service.settings.upload  # the upload manager holds this very object
    new = copy.deepcopy(service.settings)
    new.upload.purpose = "vision"
    new.upload.concurrency = service.settings.upload.concurrency + 1
    new.watch.folders = [WatchedFolder(str(tmp_path / "scans"))]

    change = service.save_settings(new)

    assert change.restart_needed and change.folders_changed
    assert upload_section.purpose == "vision"
    assert service.settings.upload is upload_section
    reread = load_settings(service.paths.settings_file, environ={}).settings
    assert reread.upload.purpose == "vision"
    assert [f.path for f in reread.watch.folders] == [str(tmp_path / "scans")]
    unchanged = service.save_settings(copy.deepcopy(service.settings))
    assert not unchanged.restart_needed and not unchanged.folders_changed


def test_stop_after_ctrl_c_inside_any_threads_start_is_clean(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C can land inside ``Thread.start()`` of any part (seen in CI: the recheck thread
    during ``attachguard run``); stop() then joins every part that ran and raises nothing."""
    real_start = threading.Thread.start
    started: list[str] = []
    interrupt_at = 0

    def start(thread: threading.Thread) -> None:
        started.append(thread.name)
        if len(started) == interrupt_at:
            raise KeyboardInterrupt  # the thread object exists but never ran
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    everything = {"uploads": True, "recheck": True, "watch": True, "folders": []}
    service.start(**everything)  # type: ignore[arg-type]
    service.stop(timeout=5)
    names = list(started)
    assert "ag-upload-recheck" in names and "attachguard-watch-observer" in names

    for interrupt_at in range(1, len(names) + 1):
        started.clear()
        with pytest.raises(KeyboardInterrupt):
            service.start(**everything)  # type: ignore[arg-type]
        assert service.stop(timeout=5) == [], names[interrupt_at - 1]
        assert _ours() == set(), names[interrupt_at - 1]

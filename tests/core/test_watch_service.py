"""The service's watcher: configured folders, start/stop for the tray app, upload queuing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.watching import LIVE_OBSERVER, Recorder, wait_until, watched_entries

from desktop_app.core.service import Service
from desktop_app.core.watch.watcher import FolderState, WatchEventKind
from desktop_app.paths import AppPaths
from desktop_app.settings import WatchedFolder, load_settings

pytestmark = LIVE_OBSERVER


@pytest.fixture
def service(app_paths: AppPaths, tmp_path: Path) -> Iterator[Service]:
    loaded = load_settings(app_paths.settings_file, environ={})
    loaded.settings.watch.settle_seconds = 0.2
    loaded.settings.watch.folders = [
        WatchedFolder(str(tmp_path / "scans"), upload=True, purpose="assistants"),
        WatchedFolder(str(tmp_path / "notes")),
    ]
    for folder in ("scans", "notes"):
        (tmp_path / folder).mkdir()
    svc = Service(app_paths, loaded)
    yield svc
    svc.close()


def test_start_watching_backs_up_configured_folders_and_queues_uploads_where_asked(
    service: Service, tmp_path: Path
) -> None:
    rec = Recorder()
    watcher = service.start_watching(on_event=rec)
    wait_until(
        lambda: set(watcher.folder_states().values()) == {FolderState.WATCHING},
        "both folders to be watched",
    )
    (tmp_path / "scans" / "receipt.pdf").write_bytes(b"%PDF-1.4 receipt")
    (tmp_path / "notes" / "idea.txt").write_bytes(b"an idea")
    wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) == 2, "two backups")
    service.stop_watching()

    entries = {e.name: e for e in watched_entries(service)}
    assert set(entries) == {"receipt.pdf", "idea.txt"}
    # Only the folder with upload = true queued its document, with that folder's purpose.
    jobs = service.uploads.jobs()
    assert [job.entry_id for job in jobs] == [entries["receipt.pdf"].id]
    assert service.uploads.queries.get(jobs[0].id).purpose == "assistants"


def test_stop_watching_stops_the_watcher_threads(service: Service, tmp_path: Path) -> None:
    service.start_watching()
    service.start_watching()  # a restart (new settings) replaces the running watcher
    assert any(t.name.startswith("attachguard-watch") for t in threading.enumerate())
    service.stop_watching()
    service.stop_watching()  # harmless when already stopped
    assert not [t.name for t in threading.enumerate() if t.name.startswith("attachguard-watch")]
    # Files arriving now are not backed up until watching starts again (then caught up).
    (tmp_path / "notes" / "later.txt").write_bytes(b"later")
    rec = Recorder()
    service.start_watching(on_event=rec)
    wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the catch-up backup")
    assert [e.name for e in watched_entries(service)] == ["later.txt"]

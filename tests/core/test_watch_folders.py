"""Catch-up after a restart, and folders that vanish and come back, with the real observer."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.watching import (
    LIVE_OBSERVER,
    Recorder,
    blob_bytes,
    wait_until,
    watched_entries,
    watching,
)

from desktop_app.core.service import Service
from desktop_app.core.watch.watcher import FolderState, WatchEventKind
from desktop_app.paths import AppPaths
from desktop_app.settings import WatchedFolder

pytestmark = LIVE_OBSERVER


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[Service]:
    svc = Service(app_paths)
    yield svc
    svc.close()


def test_catch_up_after_restart_backs_up_only_what_appeared_or_changed(
    service: Service, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    old = inbox / "old.pdf"
    old.write_bytes(b"there before the first watch")
    os.utime(old, (1_600_000_000, 1_600_000_000))
    folder = WatchedFolder(str(inbox))
    rec = Recorder()
    with watching(service, [folder], rec):
        (inbox / "live.pdf").write_bytes(b"arrived while watching")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the live backup")
    # What was there before the folder was first watched is noted, not backed up.
    assert [e.name for e in watched_entries(service)] == ["live.pdf"]

    # While the app is not running: one new file, one changed, one untouched.
    (inbox / "new.pdf").write_bytes(b"arrived while the app was closed")
    old.write_bytes(b"edited while the app was closed")

    rec = Recorder()
    with watching(service, [folder], rec) as watcher:
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 2, "the catch-up backups")
        wait_until(lambda: len(watcher.pending) == 0, "nothing left pending")
    entries = watched_entries(service)
    assert sorted(e.name for e in entries) == ["live.pdf", "new.pdf", "old.pdf"]
    by_name = {e.name: blob_bytes(service, e) for e in entries}
    assert by_name["old.pdf"] == b"edited while the app was closed"

    # A third start with nothing changed backs up nothing.
    rec = Recorder()
    with watching(service, [folder], rec) as watcher:
        (inbox / "marker.pdf").write_bytes(b"marker")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the marker backup")
    assert [e.path.name for e in rec.of(WatchEventKind.BACKED_UP)] == ["marker.pdf"]


def test_existing_files_are_backed_up_when_the_folder_asks_for_them(
    service: Service, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    for name in ("a.pdf", "sub/b.pdf"):
        (inbox / name).write_bytes(name.encode())
    rec = Recorder()
    folder = WatchedFolder(str(inbox), recursive=True, backup_existing=True)
    with watching(service, [folder], rec):
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 2, "two backups")
    assert sorted(e.name for e in watched_entries(service)) == ["a.pdf", "b.pdf"]


def test_a_missing_folder_is_reported_and_attached_when_it_appears(
    service: Service, tmp_path: Path
) -> None:
    later = tmp_path / "usb-stick"
    rec = Recorder()
    with watching(service, [WatchedFolder(str(later))], rec) as watcher:
        wait_until(lambda: rec.of(WatchEventKind.FOLDER_MISSING, later), "the missing report")
        later.mkdir()
        wait_until(lambda: rec.of(WatchEventKind.FOLDER_BACK, later), "the folder to return")
        (later / "scan.pdf").write_bytes(b"scanned")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the backup")
        assert watcher.folder_states()[str(later)] is FolderState.WATCHING
    assert len(rec.of(WatchEventKind.FOLDER_MISSING)) == 1


def test_a_folder_removed_and_recreated_is_watched_again_while_others_continue(
    service: Service, tmp_path: Path
) -> None:
    gone, steady = tmp_path / "gone", tmp_path / "steady"
    gone.mkdir()
    steady.mkdir()
    rec = Recorder()
    folders = [WatchedFolder(str(gone)), WatchedFolder(str(steady))]
    with watching(service, folders, rec):
        shutil.rmtree(gone)
        wait_until(lambda: rec.of(WatchEventKind.FOLDER_MISSING, gone), "the missing report")
        (steady / "meanwhile.pdf").write_bytes(b"still watched")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the backup in the other folder")

        gone.mkdir()
        (gone / "early.pdf").write_bytes(b"written before re-attach")  # found by catch-up
        wait_until(lambda: rec.of(WatchEventKind.FOLDER_BACK, gone), "the folder to return")
        (gone / "late.pdf").write_bytes(b"written after re-attach")  # found by events
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 3, "three backups")
    names = sorted(e.name for e in watched_entries(service))
    assert names == ["early.pdf", "late.pdf", "meanwhile.pdf"]
    assert len(rec.of(WatchEventKind.FOLDER_MISSING, gone)) == 1


def test_a_folder_renamed_away_and_back_catches_up(service: Service, tmp_path: Path) -> None:
    inbox, away = tmp_path / "inbox", tmp_path / "inbox-renamed"
    inbox.mkdir()
    rec = Recorder()
    with watching(service, [WatchedFolder(str(inbox))], rec):
        inbox.rename(away)
        wait_until(lambda: rec.of(WatchEventKind.FOLDER_MISSING, inbox), "the missing report")
        (away / "while-away.pdf").write_bytes(b"written under the other name")
        away.rename(inbox)
        wait_until(lambda: rec.of(WatchEventKind.FOLDER_BACK, inbox), "the folder to return")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the catch-up backup")
    entries = watched_entries(service)
    assert [e.name for e in entries] == ["while-away.pdf"]
    assert entries[0].original_path == str(inbox / "while-away.pdf")


def test_a_symlink_loop_in_a_recursive_folder_is_not_followed(
    service: Service, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "sub" / "loop").symlink_to(inbox, target_is_directory=True)
    (inbox / "sub" / "self").symlink_to(inbox / "sub" / "self")  # ELOOP on any stat
    (inbox / "sub" / "before.pdf").write_bytes(b"before")
    rec = Recorder()
    folder = WatchedFolder(str(inbox), recursive=True, backup_existing=True)
    with watching(service, [folder], rec):
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the catch-up backup")
        (inbox / "sub" / "after.pdf").write_bytes(b"after")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 2, "the live backup")
    assert sorted(e.name for e in watched_entries(service)) == ["after.pdf", "before.pdf"]


@pytest.mark.unprivileged
def test_an_unreadable_subfolder_is_reported_and_skipped(service: Service, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "private").mkdir(parents=True)
    (inbox / "private" / "x.pdf").write_bytes(b"x")
    (inbox / "open.pdf").write_bytes(b"open")
    (inbox / "private").chmod(0)
    rec = Recorder()
    folder = WatchedFolder(str(inbox), recursive=True, backup_existing=True)
    try:
        with watching(service, [folder], rec):
            wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the readable backup")
            wait_until(lambda: rec.of(WatchEventKind.PROBLEM, inbox / "private"), "the report")
    finally:
        (inbox / "private").chmod(0o700)
    assert [e.name for e in watched_entries(service)] == ["open.pdf"]

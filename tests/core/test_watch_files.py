"""Watched folders with the real observer: complete files only, temp-then-rename, ignored names."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.watching import (
    LIVE_OBSERVER,
    Recorder,
    blob_bytes,
    sha256,
    wait_until,
    watched_entries,
    watching,
)

from desktop_app.core.service import Service
from desktop_app.core.watch.watcher import WatcherOptions, WatchEventKind
from desktop_app.paths import AppPaths
from desktop_app.settings import WatchedFolder

pytestmark = LIVE_OBSERVER


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[Service]:
    svc = Service(app_paths)
    yield svc
    svc.close()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_file_written_slowly_in_chunks_is_backed_up_once_and_complete(
    service: Service, inbox: Path
) -> None:
    rec = Recorder()
    chunks = [os.urandom(64 * 1024) for _ in range(12)]
    target = inbox / "report.pdf"
    with watching(service, [WatchedFolder(str(inbox))], rec):
        with target.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                handle.flush()
                time.sleep(0.05)  # the stimulus: a slow writer (well inside the settle window)
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the backup")
        entries = watched_entries(service)
    assert len(entries) == 1
    assert entries[0].name == "report.pdf"
    assert entries[0].sha256 == sha256(b"".join(chunks))
    assert blob_bytes(service, entries[0]) == b"".join(chunks)


def test_download_renamed_into_place_is_backed_up_under_its_final_name(
    service: Service, inbox: Path
) -> None:
    rec = Recorder()
    data = b"%PDF-1.7 downloaded body\n" * 1000
    with watching(service, [WatchedFolder(str(inbox))], rec):
        partial = inbox / "invoice.pdf.crdownload"
        with partial.open("wb") as handle:
            handle.write(data[:5000])
            handle.flush()
            time.sleep(0.3)  # the stimulus: a download pausing longer than the settle window
            handle.write(data[5000:])
        partial.rename(inbox / "invoice.pdf")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the backup")
        entries = watched_entries(service)
    assert [e.name for e in entries] == ["invoice.pdf"]
    assert blob_bytes(service, entries[0]) == data


def test_temporary_hidden_and_editor_files_are_ignored(service: Service, inbox: Path) -> None:
    rec = Recorder()
    ignored = [
        "movie.part",
        "setup.crdownload",
        "scratch.tmp",
        "~$letter.docx",
        ".~lock.sheet.ods#",
        ".hidden.pdf",
        ".notes.txt.swp",
        "notes.txt~",
        "#notes.txt#",
    ]
    with watching(service, [WatchedFolder(str(inbox))], rec) as watcher:
        for name in ignored:
            (inbox / name).write_bytes(b"not a finished document")
        # Files are settled in arrival order: once this one is in, the others had their chance.
        (inbox / "sentinel.txt").write_bytes(b"a real document")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the sentinel backup")
        wait_until(lambda: len(watcher.pending) == 0, "nothing left pending")
        names = [e.name for e in watched_entries(service)]
    assert names == ["sentinel.txt"]


def test_include_and_exclude_patterns_choose_what_is_backed_up(
    service: Service, inbox: Path
) -> None:
    rec = Recorder()
    folder = WatchedFolder(str(inbox), include=["*.pdf", "*.DOCX"], exclude=["draft*"])
    with watching(service, [folder], rec):
        for name in ("a.pdf", "B.PDF", "c.docx", "photo.jpg", "draft-1.pdf"):
            (inbox / name).write_bytes(name.encode())
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 3, "three backups")
        (inbox / "last.pdf").write_bytes(b"last")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 4, "the last backup")
        names = sorted(e.name for e in watched_entries(service))
    assert names == ["B.PDF", "a.pdf", "c.docx", "last.pdf"]


def test_subfolders_only_when_recursive(service: Service, tmp_path: Path) -> None:
    rec = Recorder()
    flat, deep = tmp_path / "flat", tmp_path / "deep"
    for root in (flat, deep):
        root.mkdir()
    folders = [WatchedFolder(str(flat)), WatchedFolder(str(deep), recursive=True)]
    with watching(service, folders, rec):
        for root in (flat, deep):
            (root / "year" / "month").mkdir(parents=True)
            (root / "year" / "month" / f"{root.name}-nested.txt").write_bytes(b"nested")
            (root / f"{root.name}-top.txt").write_bytes(b"top")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 3, "three backups")
        (flat / "flat-last.txt").write_bytes(b"last")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 4, "the last backup")
        names = sorted(e.name for e in watched_entries(service))
    assert names == ["deep-nested.txt", "deep-top.txt", "flat-last.txt", "flat-top.txt"]


def test_the_apps_own_files_inside_a_watched_folder_are_not_backed_up(tmp_path: Path) -> None:
    # The data root lives inside the watched folder: vault blobs, database and logs change
    # with every backup, and must never be backed up themselves (that would never end).
    service = Service(AppPaths.under(tmp_path / "AttachGuard"))
    rec = Recorder()
    try:
        with watching(service, [WatchedFolder(str(tmp_path), recursive=True)], rec):
            (tmp_path / "thesis.odt").write_bytes(b"chapter one")
            wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the backup")
            (tmp_path / "thesis2.odt").write_bytes(b"chapter two")
            wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= 2, "the second backup")
            entries = watched_entries(service)
    finally:
        service.close()
    assert sorted(e.name for e in entries) == ["thesis.odt", "thesis2.odt"]


def test_a_changed_file_is_backed_up_again_but_a_touched_one_is_not(
    service: Service, inbox: Path
) -> None:
    rec = Recorder()
    doc = inbox / "plan.md"
    with watching(service, [WatchedFolder(str(inbox))], rec):
        doc.write_bytes(b"version 1")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) == 1, "the first backup")
        os.utime(doc, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))  # same content
        doc.write_bytes(b"version 1")  # rewritten with the same bytes
        (inbox / "marker.md").write_bytes(b"marker")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) == 2, "the marker backup")
        doc.write_bytes(b"version 2")
        wait_until(lambda: len(rec.of(WatchEventKind.BACKED_UP)) == 3, "the second version")
        entries = watched_entries(service)
    versions = sorted(blob_bytes(service, e) for e in entries if e.name == "plan.md")
    assert versions == [b"version 1", b"version 2"]


def test_a_file_that_never_settles_is_reported(service: Service, inbox: Path) -> None:
    rec = Recorder()
    growing = inbox / "capture.log.txt"
    stop = threading.Event()

    def keep_writing() -> None:
        with growing.open("ab") as handle:
            while not stop.is_set():
                handle.write(b"x" * 100)
                handle.flush()
                stop.wait(0.05)  # the stimulus: a writer that never pauses long enough

    options = WatcherOptions(settle_seconds=0.3, poll_seconds=0.1, give_up_seconds=1.0)
    writer = threading.Thread(target=keep_writing, name="test-writer")
    with watching(service, [WatchedFolder(str(inbox))], rec, options):
        writer.start()
        try:
            wait_until(lambda: rec.of(WatchEventKind.PROBLEM, growing), "the give-up report")
        finally:
            stop.set()
            writer.join()
        assert watched_entries(service) == []
        # Once it stops changing, it is backed up after all.
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP, growing), "the late backup")
    assert "still changing" in rec.of(WatchEventKind.PROBLEM, growing)[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_do_not_block_the_watcher(service: Service, inbox: Path) -> None:
    rec = Recorder()
    with watching(service, [WatchedFolder(str(inbox))], rec) as watcher:
        os.mkfifo(inbox / "pipe.pdf")  # opening this for reading would hang a naive watcher
        (inbox / "link.pdf").symlink_to(inbox / "pipe.pdf")
        (inbox / "after.pdf").write_bytes(b"after")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the backup")
        wait_until(lambda: len(watcher.pending) == 0, "nothing left pending")
        names = [e.name for e in watched_entries(service)]
    assert names == ["after.pdf"]


@pytest.mark.unprivileged
def test_an_unreadable_file_is_reported_and_the_rest_continue(
    service: Service, inbox: Path
) -> None:
    rec = Recorder()
    secret = inbox / "locked.pdf"
    with watching(service, [WatchedFolder(str(inbox))], rec):
        secret.write_bytes(b"locked")
        secret.chmod(0)
        (inbox / "open.pdf").write_bytes(b"open")
        wait_until(lambda: rec.of(WatchEventKind.PROBLEM, secret), "the problem report")
        wait_until(lambda: rec.of(WatchEventKind.BACKED_UP), "the other backup")
        names = [e.name for e in watched_entries(service)]
    assert names == ["open.pdf"]

"""Losing the SQLite WAL rolls the queue back; what the server already has is never sent again.

The database runs in WAL mode: committed changes live in ``store.sqlite3-wal`` until a
checkpoint copies them into the main file. When that file is lost (deleted by a clean-up tool
or a sync client, or gone with a crash), the database silently goes back to its last checkpoint:
uploads that finished are "queued" again. The upload engine compares the database with the mark
it keeps beside it and, when the database went backwards, reconciles with the server before
sending anything again.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.uploading import rig, wait_for

from desktop_app.core.store.mark import mark_path, read_mark
from desktop_app.core.uploads import JobState

DOCS = [f"chapter {n}.pdf" for n in range(6)]


def _marked_done(root: Path) -> int | None:
    mark = read_mark(root / "store.sqlite3")
    return None if mark is None else mark.done


def _crash(root: Path, aside: Path) -> None:
    """Keep the files a crash would leave on disk right now: the main database file (without
    the WAL, which is what gets lost) and the queue's mark beside it."""
    aside.mkdir()
    for name in ("store.sqlite3", "store.sqlite3.mark"):
        shutil.copyfile(root / name, aside / name)


def _lose_the_wal(root: Path, aside: Path) -> None:
    """Restart after the crash, with the WAL gone: the database opens at its last checkpoint."""
    for name in ("store.sqlite3", "store.sqlite3.mark"):
        shutil.copyfile(aside / name, root / name)
    for suffix in ("-wal", "-shm"):
        (root / f"store.sqlite3{suffix}").unlink(missing_ok=True)


def test_a_lost_wal_does_not_upload_finished_documents_again(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    root = tmp_path / "data"
    # One process backs the documents up and queues them (`attachguard backup`): closing the
    # database checkpoints the WAL, so the main file holds the queued jobs.
    with rig(root, openai_server) as r:
        ids = r.enqueue(*DOCS)
    # Another process (the tray app) uploads them all; its changes sit in the WAL. Its
    # housekeeping keeps the mark up to date while it runs (a short lease: frequent rounds).
    with rig(root, openai_server, lease_seconds=2.0) as r:
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
        wait_for(lambda: _marked_done(root) == len(DOCS), what="the mark to see every upload")
        _crash(root, tmp_path / "at-crash")
    assert openai_server.count("POST", "/v1/files") == len(DOCS)
    _lose_the_wal(root, tmp_path / "at-crash")

    with rig(root, openai_server) as r:
        assert {r.manager.job(i).state for i in ids} == {JobState.QUEUED}  # the rollback is real
        r.manager.run_until_idle(ids, timeout=60)
        jobs = [r.manager.job(i) for i in ids]
        assert {j.state for j in jobs} == {JobState.DONE}
        # Every document is on the server exactly once, and each job records its one copy.
        assert r.remote_names() == sorted(DOCS)
        assert openai_server.count("POST", "/v1/files") == len(DOCS)
        assert {j.file_id for j in jobs} == set(openai_server.files)


def test_a_clean_restart_sends_the_queue_without_looking_for_copies(
    tmp_path: Path, openai_server: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    with rig(tmp_path, openai_server) as r:
        done = r.enqueue("sent.pdf", "also sent.pdf")
        r.manager.run_until_idle(done, timeout=60)
        waiting = r.enqueue("later.pdf", "much later.pdf")
    caplog.set_level(logging.WARNING)
    with rig(tmp_path, openai_server) as r:
        r.manager.start()
        # Nothing was lost: no alarm, and the waiting uploads are not held to reconcile.
        assert "write-ahead log" not in caplog.text
        assert [r.manager.queries.get(i).reconcile_since for i in waiting] == [None, None]
        r.manager.run_until_idle(waiting, timeout=60)
        assert {r.manager.job(i).state for i in done + waiting} == {JobState.DONE}
    assert r.remote_names() == sorted(["also sent.pdf", "later.pdf", "much later.pdf", "sent.pdf"])


def test_a_garbled_mark_never_stops_uploads(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    mark_path(tmp_path / "store.sqlite3").write_bytes(b"\x00{not json")
    with rig(tmp_path, openai_server) as r:
        ids = r.enqueue("a.pdf", "b.pdf")
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
    assert r.remote_names() == ["a.pdf", "b.pdf"]
    assert _marked_done(tmp_path) == 2  # rewritten on the clean stop


def test_a_mark_that_cannot_be_written_costs_one_warning_and_no_upload(
    tmp_path: Path, openai_server: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    # Something else holds the mark's name (a folder): every write of the mark fails.
    mark_path(tmp_path / "store.sqlite3").mkdir(parents=True)
    caplog.set_level(logging.WARNING)
    with rig(tmp_path, openai_server) as r:
        ids = r.enqueue("a.pdf", "b.pdf")
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
    assert r.remote_names() == ["a.pdf", "b.pdf"]
    assert caplog.text.count("cannot write the upload queue's mark") == 1

"""The disk fills while an upload is in flight: the job is not stuck, and nothing is sent twice.

The data folder is a real tiny tmpfs. When the queue cannot record how an attempt went, the job
must not stay "uploading" under a live owner that keeps renewing its lease (``run --until-idle``
would never return): the claim is dropped, and once space is freed the job goes back to the
queue as possibly stored, so the copy the server kept is adopted instead of sent again.
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.small_disk import mounted_tmpfs
from support.uploading import fast_settings, rig, wait_for

from desktop_app.core.uploads import JobState


@contextlib.contextmanager
def _full_disk(disk: Path, database: Path) -> Iterator[None]:
    """The disk is full until the block ends.

    SQLite reuses room in its write-ahead log once a checkpoint has copied it back, so a full
    disk alone may never fail a small write; a reader holding an old snapshot stops that reuse,
    and the room still left in the log's last pages is then used up by a few writes of ours.
    """
    reader = sqlite3.connect(database, timeout=30)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM upload_jobs").fetchall()
    filler = disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    writer = sqlite3.connect(database, timeout=30)
    try:
        for _ in range(10_000):
            writer.execute("UPDATE upload_jobs SET updated_at = updated_at + 1e-6")
            writer.commit()
        raise AssertionError("the database still takes writes on a full disk")
    except sqlite3.OperationalError as exc:
        assert "full" in str(exc)
    finally:
        writer.close()
    try:
        yield
    finally:
        filler.unlink()
        reader.close()


def test_a_full_disk_mid_upload_releases_the_job_and_it_finishes_once_space_returns(
    tmp_path: Path, openai_server: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    # A short lease only makes the housekeeper (a quarter of it) look more often.
    with (
        mounted_tmpfs(tmp_path / "disk", size="4m") as disk,
        rig(disk / "root", openai_server, fast_settings(concurrency=1), lease_seconds=2) as r,
    ):
        (job_id,) = r.enqueue("minutes.pdf")
        openai_server.delay(1.5)  # the server takes its time to answer this upload
        done = threading.Event()

        def drain() -> None:
            r.manager.run_until_idle([job_id], timeout=120)
            done.set()

        worker = threading.Thread(target=drain, name="test-drain", daemon=True)
        worker.start()
        wait_for(lambda: r.manager.job(job_id).state is JobState.UPLOADING, what="the upload")
        # The disk fills while the server holds the answer, and has room again later.
        with _full_disk(disk, disk / "root" / "store.sqlite3"):
            wait_for(lambda: openai_server.files, what="the server storing the file")
            wait_for(lambda: "state cannot be recorded" in caplog.text, what="the job let go")
            assert not done.is_set()
        assert done.wait(60), "run_until_idle never returned after space was freed"
        worker.join(10)
        view = r.manager.job(job_id)
        assert view.state is JobState.DONE
        # Tracebacks of the failed writes (kept by the test's log capture) hold SQLite
        # statements, and with them files on the tmpfs, open: let them go before unmounting.
        caplog.clear()
        gc.collect()
    assert len(openai_server.files) == 1  # the stored copy was adopted, not sent again
    assert openai_server.count("POST", "/v1/files") == 1

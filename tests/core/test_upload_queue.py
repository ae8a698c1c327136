"""The persistent job queue: written before work, claimed once, recovered after a crash."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from desktop_app.core.store.db import Database
from desktop_app.core.uploads.jobs import JobState, NewJob
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.retry import ErrorKind, Failure
from desktop_app.core.uploads.store import QueueStore


def new_job(i: int, content: str | None = None) -> NewJob:
    sha = hashlib.sha256((content or f"doc-{i}").encode()).hexdigest()
    return NewJob(
        i, sha, f"doc-{i}.pdf", 100 + i, "application/pdf", "http://t/v1", "user_data", None
    )


def open_queue(db: Database) -> tuple[UploadQueue, QueueReads]:
    """The queue's writes and reads, over one store (as the upload manager builds them)."""
    store = QueueStore(db, time.time)
    return UploadQueue(store), QueueReads(store)


def test_enqueued_jobs_are_on_disk_before_any_work(tmp_path: Path) -> None:
    db = Database(tmp_path / "q.sqlite3")
    ids = open_queue(db)[0].add([new_job(1), new_job(2)])
    db.close()
    # A fresh process opening the file (here: a fresh handle) sees both jobs queued.
    reopened = Database(tmp_path / "q.sqlite3")
    jobs = open_queue(reopened)[1].select()
    assert sorted(j.id for j in jobs) == sorted(ids)
    assert {j.view.state for j in jobs} == {JobState.QUEUED}
    assert {j.view.name for j in jobs} == {"doc-1.pdf", "doc-2.pdf"}
    reopened.close()


def test_threads_never_claim_the_same_job(tmp_path: Path) -> None:
    db = Database(tmp_path / "q.sqlite3")
    queue = open_queue(db)[0]
    ids = queue.add([new_job(i) for i in range(60)])
    claimed: list[int] = []
    lock = threading.Lock()

    def drain(owner: str) -> None:
        while (job := queue.claim(owner, 60)) is not None:
            with lock:
                claimed.append(job.id)

    threads = [threading.Thread(target=drain, args=(f"h:1:{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(claimed) == sorted(ids)  # every job once, none twice
    db.close()


DRAIN_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop_app.core.store.db import Database
    from desktop_app.core.uploads.queue import UploadQueue
    from desktop_app.core.uploads.store import QueueStore
    db = Database(Path(sys.argv[1]))
    queue = UploadQueue(QueueStore(db, time.time))
    while (job := queue.claim(sys.argv[2], 60)) is not None:
        print(job.id, flush=True)
    """
)


def test_two_processes_never_claim_the_same_job(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    db = Database(path)
    ids = open_queue(db)[0].add([new_job(i) for i in range(120)])
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", DRAIN_SCRIPT, str(path), f"host:{n}:x"],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    outputs = [p.communicate(timeout=100)[0] for p in procs]
    claimed = [int(line) for out in outputs for line in out.split()]
    assert sorted(claimed) == sorted(ids)
    db.close()


def test_same_content_waits_while_its_twin_is_in_flight(tmp_path: Path) -> None:
    db = Database(tmp_path / "q.sqlite3")
    queue = open_queue(db)[0]
    first, second = queue.add([new_job(1, "same"), new_job(2, "same")])
    job = queue.claim("h:1:a", 60)
    assert job is not None and job.id == first
    # The twin is held back so it can reuse the first upload instead of duplicating it.
    assert queue.claim("h:1:b", 60) is None
    assert queue.finish(first, "h:1:a", "file-1", None)
    again = queue.claim("h:1:b", 60)
    assert again is not None and again.id == second
    db.close()


def test_recovery_requeues_a_dead_owners_job_for_reconciliation(tmp_path: Path) -> None:
    db = Database(tmp_path / "q.sqlite3")
    queue, reads = open_queue(db)
    dead, alive, verifying = queue.add([new_job(1), new_job(2), new_job(3)])
    assert queue.claim("h:dead:1", 60) is not None
    assert queue.claim("h:alive:1", 60) is not None
    assert queue.claim("h:dead:2", 60) is not None
    assert queue.mark_verifying(verifying, "h:dead:2", "file-3", 103)
    recovered = queue.recover("h:me:1", lambda owner, _lease: ":dead:" in owner)
    assert sorted(recovered) == [dead, verifying]
    job = reads.get(dead)
    assert job.view.state is JobState.QUEUED
    assert job.reconcile_since is not None  # it may have been stored remotely: look first
    kept = reads.get(verifying)
    assert kept.view.file_id == "file-3" and kept.reconcile_since is None  # only re-verified
    assert reads.get(alive).view.state is JobState.UPLOADING  # a live owner keeps its job
    db.close()


def test_a_stale_holder_cannot_overwrite_a_recovered_job(tmp_path: Path) -> None:
    db = Database(tmp_path / "q.sqlite3")
    queue, reads = open_queue(db)
    (job_id,) = queue.add([new_job(1)])
    assert queue.claim("h:old:1", 60) is not None
    queue.recover("h:new:1", lambda owner, _lease: True)
    assert queue.claim("h:new:1", 60) is not None
    assert not queue.finish(job_id, "h:old:1", "file-old", None)
    assert queue.finish(job_id, "h:new:1", "file-new", None)
    assert reads.get(job_id).view.file_id == "file-new"
    db.close()


def test_retry_now_gives_failed_jobs_a_fresh_budget(tmp_path: Path) -> None:
    db = Database(tmp_path / "q.sqlite3")
    queue, reads = open_queue(db)
    failed, waiting, done = queue.add([new_job(1), new_job(2), new_job(3)])
    for job_id, owner in ((failed, "h:1:a"), (waiting, "h:1:b"), (done, "h:1:c")):
        claimed = queue.claim(owner, 60)
        assert claimed is not None and claimed.id == job_id
    assert queue.fail(failed, "h:1:a", Failure(ErrorKind.SERVER, "HTTP 500", http_status=500))
    later = time.time() + 3600
    assert queue.reschedule(
        waiting, "h:1:b", Failure(ErrorKind.SERVER, "x"), later, counts_attempt=True
    )
    assert queue.finish(done, "h:1:c", "file-3", None)
    failed_view = reads.get(failed).view
    assert failed_view.state is JobState.FAILED and failed_view.fallback_available
    assert failed_view.http_status == 500 and failed_view.error_kind is ErrorKind.SERVER
    assert queue.retry_now() == 2
    assert reads.get(failed).view.state is JobState.QUEUED
    assert reads.get(failed).view.attempts == 0
    assert reads.get(waiting).view.next_attempt_at is None
    assert reads.get(done).view.state is JobState.DONE
    db.close()

"""Exactly once: dedupe, reconciliation after ambiguous failures, resumable parts, shutdown."""

from __future__ import annotations

import os
from pathlib import Path

from support.openai_server import FakeOpenAI
from support.uploading import fast_settings, rig, wait_for

from desktop_app.core.uploads import JobState, UploadEvent
from desktop_app.core.uploads.runner import UploadLimits

MiB = 1024 * 1024


def test_same_content_is_uploaded_once_and_reused(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server, fast_settings(concurrency=4)) as r:
        a = r.doc("a.pdf", b"same bytes" * 100)
        b = r.doc("copy of a.pdf", b"same bytes" * 100)
        ids = r.manager.enqueue([a.id, a.id, b.id, a.id])
        r.manager.run_until_idle(ids, timeout=60)
        jobs = [r.manager.job(i) for i in ids]
        assert {j.state for j in jobs} == {JobState.DONE}
        # The three jobs of a.pdf share one file; the copy keeps its own name remotely.
        assert len({jobs[0].file_id, jobs[1].file_id, jobs[3].file_id}) == 1
        assert openai_server.files[jobs[2].file_id or ""].filename == "copy of a.pdf"
        assert len(openai_server.files) == 2
        assert openai_server.count("POST", "/v1/files") == 2


def test_reuse_respects_the_requested_expiry(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    with rig(tmp_path, openai_server) as r:
        entry = r.doc("a.pdf")
        (forever,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([forever], timeout=60)
        (hour,) = r.manager.enqueue([entry.id], expires_after=7200)
        r.manager.run_until_idle([hour], timeout=60)
        (hour_again,) = r.manager.enqueue([entry.id], expires_after=7200)
        (month,) = r.manager.enqueue([entry.id], expires_after=2_592_000)
        r.manager.run_until_idle([hour_again, month], timeout=60)
        jobs = {i: r.manager.job(i) for i in (forever, hour, hour_again, month)}
        assert {j.state for j in jobs.values()} == {JobState.DONE}
        assert jobs[forever].expires_at is None
        assert jobs[hour].file_id != jobs[forever].file_id
        assert jobs[hour].expires_at is not None
        assert jobs[hour_again].file_id == jobs[hour].file_id  # same request: reused
        assert jobs[month].file_id not in (jobs[hour].file_id, jobs[forever].file_id)
        assert jobs[month].expires_at is not None
        assert jobs[month].expires_at - jobs[hour].expires_at > 2_500_000
        assert len(openai_server.files) == 3


def test_expired_remote_copy_is_not_reused(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    with rig(tmp_path, openai_server) as r:
        entry = r.doc("a.pdf")
        (first,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([first], timeout=60)
        old_file = r.manager.job(first).file_id
        assert old_file is not None
        openai_server.expire_file(old_file)
        (second,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([second], timeout=60)
        new_file = r.manager.job(second).file_id
        assert new_file not in (None, old_file)
        assert list(openai_server.files) == [new_file]


def test_crashed_attempt_adopts_one_remote_copy_and_deletes_the_rest(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as r:
        entry = r.doc("thesis.pdf")
        (job_id,) = r.manager.enqueue([entry.id])
        # A process that died mid-upload (pid 0 never belongs to a live user process here).
        dead_owner = f"{os.uname().nodename}:999999999:dead"
        assert r.manager.queue.claim(dead_owner, 60) is not None
        content = r.vault.blob_path(entry.sha256).read_bytes()
        # The server stored the file twice (e.g. a retry by a proxy) and also holds an older,
        # unrelated upload of the same name that must not be touched.
        old = openai_server.add_file(
            "thesis.pdf", content, created_at=int(openai_server.now - 86400)
        )
        copies = [openai_server.add_file("thesis.pdf", content) for _ in range(2)]
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert job.file_id in [c.id for c in copies]
        assert sorted(openai_server.files) == sorted([old.id, job.file_id])
        assert openai_server.count("POST", "/v1/files") == 0  # adopted, not re-uploaded


def test_late_copy_from_a_timed_out_request_is_removed_by_recheck(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.delay(1.5)  # the first request is stored after we gave up on it
    with rig(tmp_path, openai_server, request_timeout=0.4) as r:
        (job_id,) = r.enqueue("late.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        wait_for(lambda: openai_server.count("POST", "/v1/files") == 2, what="the late store")
        report = r.manager.recheck()
        assert report.ok == 1
        assert list(openai_server.files) == [job.file_id]


def test_large_file_goes_in_parts_and_resumes_after_a_restart(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    limits = UploadLimits(large_file_threshold=1 * MiB, part_size=1 * MiB)
    data = os.urandom(3 * MiB + 1234)  # four parts, the last one short
    with rig(tmp_path, openai_server, fast_settings(concurrency=1), limits=limits) as r:
        entry = r.doc("video.mp4", data)

        def break_after_first_part(event: UploadEvent) -> None:
            sent = r.manager.job(job_id).bytes_sent if event.kind == "progress" else 0
            if sent >= MiB and not openai_server.faults.pending():
                # The service breaks after one part; the user then quits the app.
                openai_server.fail_status(500, times=None, path="/v1/uploads/*/parts")
                r.manager.pause()

        r.manager.add_listener(break_after_first_part)
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.start()
        wait_for(lambda: r.manager.job(job_id).state is JobState.WAITING_RETRY, what="a failure")
        r.manager.stop()
        sent_before = r.manager.job(job_id).bytes_sent
        assert sent_before == MiB
    openai_server.clear_faults()
    # A new process (new manager on the same store) resumes with the parts already sent.
    with rig(tmp_path, openai_server, fast_settings(concurrency=1), limits=limits) as r:
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert openai_server.files[job.file_id or ""].content == data
    ok_parts = [q for q in openai_server.requests if q.path.endswith("/parts") and q.status == 200]
    assert len(ok_parts) == 4  # the first part was not sent again
    assert openai_server.count("POST", "/v1/uploads") - len(ok_parts) - 1 <= 4  # one Upload
    assert len(openai_server.uploads) == 1


def test_expired_upload_starts_over(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    limits = UploadLimits(large_file_threshold=1 * MiB, part_size=1 * MiB)
    data = os.urandom(2 * MiB + 10)
    with rig(tmp_path, openai_server, fast_settings(concurrency=1), limits=limits) as r:
        entry = r.doc("big.iso", data)
        openai_server.fail_status(503, times=None, path="/v1/uploads/*/complete")
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.start()
        wait_for(lambda: r.manager.job(job_id).attempts >= 2, what="a failed completion")
        r.manager.pause()
        r.manager.stop()
    openai_server.clear_faults()
    openai_server.advance(2 * 3600)  # the Upload's hour is over
    with rig(tmp_path, openai_server, fast_settings(concurrency=1), limits=limits) as r:
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert openai_server.files[job.file_id or ""].content == data
    assert len(openai_server.uploads) == 2  # the expired one, and the fresh one that completed
    assert len(openai_server.files) == 1


def test_graceful_stop_hands_in_flight_jobs_back(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    openai_server.delay(6.0, times=2)
    with rig(tmp_path, openai_server, fast_settings(concurrency=2)) as r:
        ids = r.enqueue("a.pdf", "b.pdf")
        r.manager.start()
        wait_for(
            lambda: all(r.manager.job(i).state is JobState.UPLOADING for i in ids), what="busy"
        )
        r.manager.stop(timeout=1)
        jobs = [r.manager.job(i) for i in ids]
        assert {j.state for j in jobs} == {JobState.QUEUED}
        assert all(j.attempts == 0 for j in jobs)  # shutdown is not the document's fault
    openai_server.clear_faults()
    with rig(tmp_path, openai_server) as r:
        r.manager.run_until_idle(ids, timeout=60)
        assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
        wait_for(lambda: openai_server.count("POST", "/v1/files") == 4, what="late stores")
        r.manager.recheck()
        assert r.remote_names() == ["a.pdf", "b.pdf"]  # late copies of the cut calls removed


def test_recheck_requeues_vanished_files(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    with rig(tmp_path, openai_server) as r:
        ids = r.enqueue("keep.pdf", "lose.pdf")
        r.manager.run_until_idle(ids, timeout=60)
        lost = r.manager.job(ids[1]).file_id
        assert lost is not None
        openai_server.expire_file(lost)
        report = r.manager.recheck()
        assert (report.checked, report.ok, report.requeued) == (2, 1, [ids[1]])
        assert r.manager.job(ids[1]).fallback_available
        r.manager.run_until_idle(ids, timeout=60)
        assert r.manager.job(ids[1]).state is JobState.DONE
        assert r.manager.job(ids[1]).file_id != lost


def test_cancel_during_upload_leaves_no_remote_file(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.delay(1.0)
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("oops.pdf")
        r.manager.start()
        wait_for(lambda: r.manager.job(job_id).state is JobState.UPLOADING, what="in flight")
        r.manager.cancel(job_id)
        # The file arrives after the cancel; the worker removes it instead of keeping it.
        wait_for(lambda: openai_server.count("DELETE", "/v1/files/") == 1, what="the clean-up")
        assert r.manager.job(job_id).state is JobState.CANCELLED
        assert openai_server.files == {}


def test_two_managers_on_one_store_upload_each_document_once(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as first, rig(tmp_path, openai_server) as second:
        # Two processes' worth of workers (separate connections and owners) on one database.
        ids = first.enqueue(*[f"doc-{i:02d}.txt" for i in range(30)])
        second.manager.start()
        first.manager.run_until_idle(ids, timeout=60)
        second.manager.run_until_idle(ids, timeout=60)
        assert {first.manager.job(i).state for i in ids} == {JobState.DONE}
        assert openai_server.count("POST", "/v1/files") == 30
        assert len(openai_server.files) == 30


def test_dropped_connections_never_mix_up_look_alike_documents(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    # Eight different documents with the same name and size; every first upload is stored,
    # then the connection drops, so each job must find its own copy among look-alikes.
    with rig(tmp_path, openai_server, fast_settings(concurrency=4)) as r:
        entries = [r.doc("report.txt", f"content number {i}\n".encode()) for i in range(8)]
        openai_server.reset_after_store(times=8)
        ids = r.manager.enqueue([e.id for e in entries])
        r.manager.run_until_idle(ids, timeout=90)
        jobs = [r.manager.job(i) for i in ids]
        assert [j.state for j in jobs] == [JobState.DONE] * 8
        for job, entry in zip(jobs, entries, strict=True):
            remote = openai_server.files[job.file_id or ""]
            assert remote.content == r.vault.blob_path(entry.sha256).read_bytes()
        assert len({j.file_id for j in jobs}) == 8
        assert len(openai_server.files) == 8  # nothing of another job deleted, no orphans


def test_reconciliation_keeps_a_file_another_tool_uploaded_just_before(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as r:
        entry = r.doc("notes.txt", b"MY REAL CONTENT 1234\n")
        foreign = openai_server.add_file(
            "notes.txt", b"someone else's file!\n", created_at=int(openai_server.now - 1.5)
        )
        openai_server.reset_after_store()
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert openai_server.files[job.file_id or ""].content == b"MY REAL CONTENT 1234\n"
        assert foreign.id in openai_server.files  # not ours: never deleted


def test_reconciliation_never_adopts_a_file_older_than_the_attempt(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as r:
        entry = r.doc("notes.txt", b"MY REAL CONTENT 1234\n")
        foreign = openai_server.add_file(
            "notes.txt", b"someone else's file!\n", created_at=int(openai_server.now - 20)
        )
        openai_server.reset_before()  # nothing of ours is stored by the first attempt
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
        assert job.state is JobState.DONE
        assert job.file_id != foreign.id
        assert openai_server.files[job.file_id or ""].content == b"MY REAL CONTENT 1234\n"
        assert foreign.id in openai_server.files


def test_cancel_after_a_dropped_connection_removes_the_stored_copy(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.reset_after_store()  # stored, but we never hear about it
    settings = fast_settings(concurrency=1, backoff_base=60.0, backoff_cap=60.0)
    with rig(tmp_path, openai_server, settings) as r:
        (job_id,) = r.enqueue("draft.pdf")
        kept = openai_server.add_file("draft.pdf", b"x", created_at=int(openai_server.now - 600))

        def pause_on_retry(event: UploadEvent) -> None:
            if event.job_id == job_id and r.manager.job(job_id).state is JobState.WAITING_RETRY:
                r.manager.pause()

        r.manager.add_listener(pause_on_retry)
        r.manager.start()
        wait_for(lambda: r.manager.job(job_id).state is JobState.WAITING_RETRY, what="a drop")
        assert len(openai_server.files) == 2
        r.manager.cancel(job_id)
        assert r.manager.job(job_id).state is JobState.CANCELLED
        assert list(openai_server.files) == [kept.id]  # no orphan; the unrelated file stays
        assert r.manager.recheck().duplicates_removed == 0  # nothing left for later passes

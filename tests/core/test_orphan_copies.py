"""No orphan copies: whatever goes wrong after the server stored a file, one copy per document.

Against the loopback server through the real SDK: answers that cannot be read, names the server
re-encodes, a computer clock that runs fast, an Upload the server forgets, twins in the queue.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.uploading import fast_settings, rig, wait_for

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.openai_api import Uploader
from desktop_app.core.uploads import JobState, UploadEvent
from desktop_app.core.uploads.runner import UploadLimits

MiB = 1024 * 1024
BAD_ANSWERS = ["truncated", "html", "empty", "wrong_shape", "502", "504"]


@pytest.mark.parametrize("answer", BAD_ANSWERS)
def test_an_unreadable_answer_after_the_store_is_ambiguous(
    openai_server: FakeOpenAI, tmp_path: Path, answer: str
) -> None:
    doc = tmp_path / "blob"
    doc.write_bytes(b"%PDF-1.7 " + b"x" * 5000)
    openai_server.bad_answer_after_store(answer)
    up = Uploader(openai_server.api_key, openai_server.base_url)
    with pytest.raises(ApiCallError) as caught:
        up.create_file(doc, "report.pdf", "application/pdf", "user_data", None)
    up.close()
    assert len(openai_server.files) == 1  # the server did store it
    # So the queue must look for that copy before sending again, and the user reads one line.
    assert caught.value.ambiguous
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert caught.value.kind in (ErrorKind.SERVER, ErrorKind.UNKNOWN)


def test_unreadable_answers_leave_exactly_one_copy_per_document(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.random_faults(0.5, seed=13, kinds=[f"answer:{a}" for a in BAD_ANSWERS])
    with rig(tmp_path, openai_server, fast_settings(concurrency=2)) as r:
        ids = r.enqueue(*(f"doc-{i:02d}.pdf" for i in range(20)))
        r.manager.run_until_idle(ids, timeout=120)
        jobs = [r.manager.job(i) for i in ids]
    assert len([f for f in openai_server.applied_faults if f[0].startswith("random")]) >= 5
    assert [j.state for j in jobs] == [JobState.DONE] * 20
    assert len(openai_server.files) == 20  # was 30: every unreadable answer left a copy
    assert sorted(openai_server.files) == sorted(j.file_id for j in jobs)


def test_names_the_server_re_encodes_are_found_again(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.api.reencode_names = True
    name = 'offer "final"\tv2\n.pdf'
    openai_server.reset_after_store(times=9)  # stored each time, never heard of
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue(name)
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
    assert job.state is JobState.DONE
    assert job.name == name  # the user's name is kept locally
    assert list(openai_server.files) == [job.file_id]  # was a copy per attempt, then failed
    stored = openai_server.files[job.file_id or ""].filename
    assert stored == "offer _final__v2_.pdf"  # sent in a form that is stored as sent


def test_a_computer_clock_that_runs_fast_still_finds_the_copy(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.advance(-30)  # the server's clock is 30 s behind ours: ours runs fast
    openai_server.reset_after_store(times=6)
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("scan.pdf")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
    assert job.state is JobState.DONE
    assert list(openai_server.files) == [job.file_id]  # was 7 copies, one per dropped connection


def test_an_upload_the_server_forgets_starts_over_once(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    limits = UploadLimits(large_file_threshold=1 * MiB, part_size=1 * MiB)
    data = os.urandom(3 * MiB)
    with rig(tmp_path, openai_server, fast_settings(concurrency=1), limits=limits) as r:
        entry = r.doc("video.mp4", data)
        forgotten: list[str] = []

        def forget_after_first_part(event: UploadEvent) -> None:
            sent = r.manager.job(job_id).bytes_sent if event.kind == "progress" else 0
            if sent >= MiB and not forgotten:
                with openai_server.api.lock:
                    forgotten.extend(openai_server.api.uploads)
                    openai_server.api.uploads.clear()  # the server lost its Upload records

        r.manager.add_listener(forget_after_first_part)
        (job_id,) = r.manager.enqueue([entry.id])
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
    assert forgotten
    assert job.state is JobState.DONE  # was: failed for good after one attempt
    assert job.attempts == 1
    assert [f.content for f in openai_server.files.values()] == [data]


@pytest.mark.parametrize("failure", ["500", "502", "truncated"])
def test_an_exact_twin_queued_while_the_first_waits_shares_its_file(
    tmp_path: Path, openai_server: FakeOpenAI, failure: str
) -> None:
    if failure == "500":
        openai_server.fail_status(500)  # refused: nothing stored
    else:
        openai_server.bad_answer_after_store(failure)  # stored, but the answer is lost
    with rig(tmp_path, openai_server, fast_settings(backoff_base=2, backoff_cap=4)) as r:
        entry = r.doc("minutes.pdf")
        (first,) = r.manager.enqueue([entry.id])
        r.manager.start()
        wait_for(lambda: r.manager.job(first).state is JobState.WAITING_RETRY, what="a retry")
        (twin,) = r.manager.enqueue([entry.id])  # the same document attached again
        r.manager.run_until_idle([first, twin], timeout=60)
        jobs = [r.manager.job(first), r.manager.job(twin)]
    assert [j.state for j in jobs] == [JobState.DONE, JobState.DONE]
    assert jobs[0].file_id == jobs[1].file_id
    assert list(openai_server.files) == [jobs[0].file_id]  # was 2 after a lost answer

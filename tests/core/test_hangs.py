"""No hangs: every API call ends by its total deadline, however the server stalls.

A server that accepts a request and never answers, or trickles its answer a byte at a time, used
to hold a worker for ten minutes or forever. The deadline counts as an ambiguous failure, so the
copy the server stored is found, not sent again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.uploading import rig

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.openai_api import Uploader
from desktop_app.core.uploads import JobState


def test_the_deadline_grows_with_the_bytes_to_send() -> None:
    from desktop_app.core.openai_api import CallDeadline

    deadline = CallDeadline()
    assert deadline.seconds(20) == pytest.approx(60.0, abs=0.001)  # a 20-byte file: one minute
    assert deadline.seconds(100 * 1024 * 1024) > 1000  # 100 MiB on a slow uplink is not cut off


@pytest.mark.parametrize("stall", ["hang", "trickle"])
def test_a_stalled_answer_ends_at_the_deadline_as_an_ambiguous_failure(
    openai_server: FakeOpenAI, tmp_path: Path, stall: str
) -> None:
    from desktop_app.core.openai_api import CallDeadline

    doc = tmp_path / "blob"
    doc.write_bytes(b"twenty bytes of text")
    if stall == "hang":
        openai_server.hang_after_store()
    else:
        openai_server.trickle_after_store()
    up = Uploader(openai_server.api_key, openai_server.base_url, deadline=CallDeadline(base=1.0))
    with pytest.raises(ApiCallError) as caught:
        up.create_file(doc, "note.txt", "text/plain", "user_data", None)
    up.close()
    assert caught.value.kind is ErrorKind.NETWORK
    assert caught.value.ambiguous  # the server stored it: look before sending again
    assert "deadline" in str(caught.value)
    assert len(openai_server.files) == 1


def test_a_trickled_answer_does_not_hold_the_upload_and_leaves_one_copy(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.trickle_after_store()
    # request_timeout shortens every wait for one operation and the call's total deadline;
    # a trickle never lets a single operation wait that long.
    with rig(tmp_path, openai_server, request_timeout=1.0) as r:
        (job_id,) = r.enqueue("note.txt")
        r.manager.run_until_idle([job_id], timeout=60)
        job = r.manager.job(job_id)
    assert job.state is JobState.DONE  # was: the worker read the answer forever
    assert list(openai_server.files) == [job.file_id]

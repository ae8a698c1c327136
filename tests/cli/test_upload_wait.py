"""``upload --wait`` during an outage says what it waits for, instead of hanging in silence."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from support.fast_clock import FastClock
from support.openai_server import FakeOpenAI
from support.uploading import rig

from desktop_app.cli.upload_cmds import WAIT_REPORT_SECONDS, _run_interruptibly, waiting_line
from desktop_app.core.uploads import JobState
from desktop_app.settings import UploadSettings

SPEED = 600.0


def test_the_wait_reports_at_least_every_15_seconds_by_default() -> None:
    assert WAIT_REPORT_SECONDS <= 15


def test_waiting_through_an_outage_prints_one_line_per_interval_then_finishes(
    tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FastClock(SPEED)
    openai_server.clock = clock
    try:
        with rig(
            tmp_path, openai_server, UploadSettings(), clock=clock, lease_seconds=6 * 3600
        ) as r:
            openai_server.outage(2 * 3600)  # twelve real seconds
            ids = r.enqueue("a.pdf", "b.pdf")
            started = time.monotonic()
            _run_interruptibly(r.manager, ids, report_every=2.0)
            took = time.monotonic() - started
            assert {r.manager.job(i).state for i in ids} == {JobState.DONE}
    finally:
        openai_server.clock = time.time
    lines = [line for line in capsys.readouterr().err.splitlines() if line]
    assert lines, "nothing was said while waiting"
    pattern = re.compile(
        r"waiting for OpenAI: 2 uploads (held|waiting to retry), next try "
        r"(\d\d:\d\d:\d\d|now|when OpenAI recovers)$"
    )
    assert all(pattern.match(line) for line in lines), lines
    assert any("held" in line for line in lines)  # the breaker held them: no request storm
    assert len(lines) >= took / 2.0 - 3  # one line per interval while nothing was sent


def test_the_line_speaks_only_of_uploads_still_to_send(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    with rig(tmp_path, openai_server) as r:
        (job_id,) = r.enqueue("big.pdf")
        assert waiting_line(r.manager, [job_id]) is not None  # queued, not yet sent
        r.manager.run_until_idle([job_id], timeout=60)
        assert waiting_line(r.manager, [job_id]) is None  # done: nothing to wait for

"""SIGKILL an ``attachguard run`` mid-queue, restart it: every job done exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.uploading import wait_for

from desktop_app.paths import AppPaths

DOCS = 12


@pytest.fixture
def cli_env(ag_home: Path, openai_server: FakeOpenAI) -> dict[str, str]:
    return dict(
        os.environ,
        ATTACHGUARD_HOME=str(ag_home),
        OPENAI_API_KEY=openai_server.api_key,
        OPENAI_BASE_URL=openai_server.base_url,
        ATTACHGUARD_BACKOFF_BASE="0.01",
        ATTACHGUARD_BACKOFF_CAP="0.05",
        ATTACHGUARD_CONCURRENCY="4",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )


def states(db_file: Path) -> list[str]:
    conn = sqlite3.connect(db_file)
    try:
        return [row[0] for row in conn.execute("SELECT state FROM upload_jobs")]
    finally:
        conn.close()


def wait_until_server_idle(server: FakeOpenAI) -> None:
    """Let requests the killed process left behind finish on the server (they may store files).

    The fake server has no public in-flight counter; this polls its connection threads until
    none has been running for a few accept-loop cycles (no other client talks to it now).
    """
    httpd = server._httpd
    assert httpd is not None
    quiet = 0
    deadline = time.monotonic() + 60
    while quiet < 5:
        assert time.monotonic() < deadline, "the server never went idle"
        with httpd._conn_lock:
            busy = bool(httpd._conn_threads)
        quiet = 0 if busy else quiet + 1
        time.sleep(0.1)


def test_sigkill_mid_queue_then_restart_uploads_each_document_once(
    tmp_path: Path, openai_server: FakeOpenAI, cli_env: dict[str, str]
) -> None:
    originals = tmp_path / "docs"
    originals.mkdir()
    contents = {}
    for i in range(DOCS):
        name = f"doc-{i:02d}.txt"
        contents[name] = f"document {i}\n".encode() * (200 + i)
        (originals / name).write_bytes(contents[name])
    queued = cli(cli_env, "upload", *sorted(str(p) for p in originals.iterdir()))
    assert queued.returncode == 0, queued.stderr
    db_file = AppPaths.under(Path(cli_env["ATTACHGUARD_HOME"])).database_file

    # Slow answers keep uploads in flight; kill once some are done and others are mid-request.
    openai_server.delay(0.8, times=None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "run"],
        env=cli_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: len(openai_server.files) >= 3, what="a few uploads")
        wait_for(lambda: "uploading" in states(db_file), what="an upload in flight")
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    left = states(db_file)
    assert "uploading" in left and left.count("done") < DOCS  # really killed mid-queue

    wait_until_server_idle(openai_server)
    openai_server.clear_faults()
    rerun = cli(cli_env, "run", "--until-idle")
    assert rerun.returncode == 0, rerun.stderr

    assert states(db_file) == ["done"] * DOCS
    # Exactly once: one live remote file per document, with the right bytes.
    remote = sorted((f.filename, f.content) for f in openai_server.files.values())
    assert remote == sorted(contents.items())
    conn = sqlite3.connect(db_file)
    file_ids = [row[0] for row in conn.execute("SELECT file_id FROM upload_jobs")]
    conn.close()
    assert sorted(file_ids) == sorted(openai_server.files)
    verify = cli(cli_env, "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr

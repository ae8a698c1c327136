"""The WAL deleted while the app runs: another process sees an old queue and must not resend it.

A clean-up tool or a sync client that removes ``attachguard.sqlite3-wal`` and ``-shm`` while the
tray app is running leaves that app working on its (now unlinked) files, but any process that
opens the database next, such as ``attachguard run``, sees it as of its last checkpoint: every
upload the app finished is queued again there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.openai_server import FakeOpenAI
from support.uploading import fast_settings, wait_for

from desktop_app.core.store import Database, read_mark
from desktop_app.core.uploads import JobState, UploadManager
from desktop_app.core.vault import Vault
from desktop_app.paths import AppPaths

DOCS = 5


def test_wal_deleted_while_the_app_runs_then_run_sends_nothing_twice(
    tmp_path: Path, ag_home: Path, openai_server: FakeOpenAI
) -> None:
    env = dict(
        os.environ,
        OPENAI_API_KEY=openai_server.api_key,
        OPENAI_BASE_URL=openai_server.base_url,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=100,
        )

    originals = tmp_path / "docs"
    originals.mkdir()
    for i in range(DOCS):
        (originals / f"doc-{i}.txt").write_bytes(f"document {i}\n".encode() * 300)
    queued = cli("upload", *sorted(str(p) for p in originals.iterdir()))
    assert queued.returncode == 0, queued.stderr
    paths = AppPaths.under(ag_home)
    db_file = paths.database_file

    # The app (in this process) uploads everything; its changes sit in the WAL, and its
    # housekeeping keeps the mark beside the database up to date (a short lease: quick rounds).
    db = Database(db_file)
    manager = UploadManager(
        db,
        Vault(db, paths.vault_dir),
        fast_settings(),
        credentials=lambda: openai_server.api_key,
        base_url=openai_server.base_url,
        lease_seconds=2.0,
    )
    try:
        manager.run_until_idle(timeout=60)
        assert manager.job_count({JobState.DONE}) == DOCS
        wait_for(
            lambda: (mark := read_mark(db_file)) is not None and mark.done == DOCS,
            what="the mark to see every upload",
        )
        for suffix in ("-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink()

        rerun = cli("run", "--until-idle")
        assert rerun.returncode == 0, rerun.stderr
        # Each document is on the server once: the old queue found its copies.
        names = sorted(f.filename for f in openai_server.files.values())
        assert names == sorted(p.name for p in originals.iterdir())
        assert openai_server.count("POST", "/v1/files") == DOCS
        # One warning in the log says what happened.
        assert "write-ahead log" in paths.log_file.read_text(encoding="utf-8")
    finally:
        manager.stop(timeout=10)
        db.close()

"""A key of any shape, echoed back by a gateway, never reaches the log, the database or stdout."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from support.openai_server import FakeOpenAI

#: Not ``sk-``-shaped: a gateway's key, which the shape-based patterns cannot recognise.
GATEWAY_KEY = "gw_live_Q7xT9mPz4nRb2WXYZ"


def run(home: Path, server: FakeOpenAI, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ATTACHGUARD_HOME": str(home),
        "ATTACHGUARD_STATUS_URL": server.url("/api/v2/summary.json"),
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": GATEWAY_KEY,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "-v", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_a_gateway_key_echoed_in_an_error_is_redacted_everywhere(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.valid_keys.add(GATEWAY_KEY)
    echoed = (
        f"key {GATEWAY_KEY} is not allowed to use purpose user_data (key gw_l****************WXYZ)"
    )
    openai_server.fail_status(400, message=echoed, times=None)
    document = tmp_path / "report.pdf"
    document.write_bytes(b"%PDF-1.4\nreport\n")
    home = tmp_path / "home"

    upload = run(home, openai_server, "upload", "--wait", document)
    queue = run(home, openai_server, "queue")
    queue_json = run(home, openai_server, "queue", "--json")

    assert upload.returncode != 0  # the server refused it for good
    assert "not allowed to use purpose" in queue_json.stdout  # the error itself is kept
    conn = sqlite3.connect(home / "data" / "attachguard.sqlite3")
    stored = " ".join(str(r[0]) for r in conn.execute("SELECT error_message FROM upload_jobs"))
    conn.close()
    log = (home / "logs" / "attachguard.log").read_text("utf-8")
    written = {
        "stdout": upload.stdout + queue.stdout + queue_json.stdout,
        "stderr": upload.stderr + queue.stderr + queue_json.stderr,
        "database": stored,
        "log": log,
    }
    for where, text in written.items():
        assert GATEWAY_KEY not in text, where
        assert "****************WXYZ" not in text, where
    assert "[REDACTED]" in stored

"""A headless ``attachguard run`` honours a provider outage the way the tray app does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from support.openai_server import FakeOpenAI
from support.signals import sigint_as_from_a_terminal

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"


def test_run_holds_uploads_while_files_is_in_an_outage(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    outage = json.loads((FIXTURES / "statuspage_summary_files_outage.json").read_text("utf-8"))
    openai_server.serve_json(SUMMARY, outage)
    env = {
        **os.environ,
        "ATTACHGUARD_HOME": str(tmp_path / "home"),
        "ATTACHGUARD_STATUS_URL": openai_server.url(SUMMARY),
        "OPENAI_BASE_URL": openai_server.base_url,
        "OPENAI_API_KEY": openai_server.api_key,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    doc = tmp_path / "report.txt"
    doc.write_text("held while Files is down\n", encoding="utf-8")
    queued = subprocess.run(
        [sys.executable, "-m", "desktop_app", "upload", str(doc)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert queued.returncode == 0, queued.stderr
    runner = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_from_a_terminal,
    )
    assert runner.stderr is not None
    try:
        deadline = time.monotonic() + 60
        said = ""
        while "uploads are held" not in said and time.monotonic() < deadline:
            said += runner.stderr.readline()
        assert "uploads are held" in said
        assert "Files" in said
    finally:
        runner.send_signal(signal.SIGINT)
        try:
            runner.wait(timeout=60)
        finally:
            if runner.poll() is None:  # never leave a `run` behind, whatever happened above
                runner.kill()
                runner.wait()
            runner.stderr.close()
    assert openai_server.files == {}  # nothing was sent while the outage lasted
    assert openai_server.static_stats(SUMMARY)[0] >= 1

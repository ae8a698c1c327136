"""Terminal escape sequences in file names and incident titles are never printed raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support.openai_server import FakeOpenAI

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"
#: Sets the terminal's title, clears the screen and turns the text red: harmless when escaped.
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mrm -rf\r"


def run(home: Path, server: FakeOpenAI, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ATTACHGUARD_HOME": str(home),
        "ATTACHGUARD_STATUS_URL": server.url(SUMMARY),
        "OPENAI_BASE_URL": server.base_url,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=90,
    )


def assert_no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text


def test_queue_and_status_escape_hostile_names_and_titles(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    summary = json.loads((FIXTURES / "statuspage_summary_files_outage.json").read_text("utf-8"))
    summary["incidents"][0]["name"] = f"Files degraded {HOSTILE}"
    openai_server.serve_json(SUMMARY, summary)
    document = tmp_path / f"invoice{HOSTILE}.pdf"
    document.write_bytes(b"%PDF-1.4\ninvoice\n")
    home = tmp_path / "home"

    queued = run(home, openai_server, "upload", document)  # no key: backed up and queued
    table = run(home, openai_server, "queue")
    status = run(home, openai_server, "status")

    assert queued.returncode == 1
    assert table.returncode == 0, table.stderr
    assert status.returncode == 0, status.stderr
    for result in (queued, table, status):
        assert_no_raw_controls(result.stdout)
        assert_no_raw_controls(result.stderr)
    assert "invoice\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mrm -rf\\r.pdf" in table.stdout
    assert "Files degraded \\x1b]0;pwned\\x07" in status.stdout

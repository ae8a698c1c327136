"""``attachguard status`` and ``attachguard batches``, run as a user would (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support.openai_server import FakeOpenAI

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"
HOUR = 3600


@dataclass(frozen=True)
class Endpoints:
    """Where the child process is pointed (kept after the server stops: then nobody answers)."""

    status_url: str
    base_url: str
    api_key: str

    @classmethod
    def of(cls, server: FakeOpenAI) -> Endpoints:
        return cls(server.url(SUMMARY), server.base_url, server.api_key)


def run(
    home: Path, server: FakeOpenAI | Endpoints, *args: str, key: str | None = "valid"
) -> subprocess.CompletedProcess[str]:
    ends = server if isinstance(server, Endpoints) else Endpoints.of(server)
    env = {
        **os.environ,
        "ATTACHGUARD_HOME": str(home),
        "ATTACHGUARD_STATUS_URL": ends.status_url,
        "OPENAI_BASE_URL": ends.base_url,
        # No keyring lookups from the child: the key comes from the environment or not at all.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("OPENAI_API_KEY", None)
    if key is not None:
        env["OPENAI_API_KEY"] = ends.api_key if key == "valid" else key
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=90,
    )


def serve(server: FakeOpenAI, name: str) -> None:
    server.serve_json(SUMMARY, json.loads((FIXTURES / name).read_text("utf-8")))


def test_status_json_shows_components_incidents_and_the_held_queue(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    serve(openai_server, "statuspage_summary_files_outage.json")
    result = run(tmp_path, openai_server, "status", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    page = data["status_page"]
    assert page["known"] is True and page["format"] == "statuspage"
    assert page["components"] == {
        "Files": "major_outage",
        "Batch": "degraded_performance",
        "File uploads": "partial_outage",
    }
    assert [(i["name"], i["status"]) for i in page["incidents"]] == [
        ("Elevated errors uploading files", "investigating")
    ]
    assert "Files: major outage" in page["uploads_held"]
    assert data["queue"]["paused"] == "service_outage"
    assert data["queue"]["breaker_open"] is False


def test_status_text_says_unknown_when_the_page_is_down(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    openai_server.serve_json(SUMMARY, {"error": "unavailable"}, status=503)
    result = run(tmp_path, openai_server, "status")
    assert result.returncode == 0, result.stderr
    assert "Service status: unknown (the status page answered HTTP 503)" in result.stdout
    assert "paused: no" in result.stdout  # an unknown page never holds uploads


def test_status_text_lists_components_and_open_incidents(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    serve(openai_server, "statuspage_summary_files_outage.json")
    result = run(tmp_path, openai_server, "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  Files         major outage" in lines
    assert (
        "  [investigating] Elevated errors uploading files, updated 2026-11-25 10:05 UTC" in lines
    )
    assert "Uploads are held: the status page reports Files: major outage." in lines


def seed(server: FakeOpenAI) -> tuple[str, str]:
    now = int(server.now)
    stuck = server.add_batch(status="finalizing", finalizing_at=now - 3 * HOUR).id
    healthy = server.add_batch(status="in_progress", in_progress_at=now - 600).id
    return stuck, healthy


def test_batches_lists_and_flags_stuck_jobs(tmp_path: Path, openai_server: FakeOpenAI) -> None:
    stuck, healthy = seed(openai_server)
    result = run(tmp_path, openai_server, "batches", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {stuck, healthy}
    assert rows[stuck]["stuck"] is True and rows[stuck]["stuck_reason"] == "finalizing for 3 h"
    assert rows[stuck]["age_seconds"] >= 3 * HOUR
    assert rows[stuck]["backup_entry_id"] is not None
    assert rows[healthy]["stuck"] is False

    text = run(tmp_path, openai_server, "batches", "--stuck")
    assert text.returncode == 0, text.stderr
    header, *body = text.stdout.splitlines()
    assert header.split() == ["ID", "STATUS", "AGE", "REQUESTS", "BACKUP", "NOTE"]
    assert len(body) == 1 and body[0].startswith(stuck)
    assert "STUCK: finalizing for 3 h" in body[0]

    ends = Endpoints.of(openai_server)
    openai_server.stop()  # the last check is remembered for offline listing
    offline = run(tmp_path, ends, "batches", "--offline", "--json")
    assert offline.returncode == 0, offline.stderr
    assert {row["id"] for row in json.loads(offline.stdout)} == {stuck, healthy}


def test_resubmit_asks_for_confirmation_then_creates_a_new_batch(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    stuck, _ = seed(openai_server)
    refused = run(tmp_path, openai_server, "batches", "resubmit", stuck)
    assert refused.returncode == 1
    assert "--yes" in refused.stderr and len(refused.stderr.splitlines()) == 1
    assert len(openai_server.batches) == 2

    done = run(tmp_path, openai_server, "batches", "resubmit", stuck, "--yes")
    assert done.returncode == 0, done.stderr
    assert len(openai_server.batches) == 3
    new_id = done.stdout.split(" as ")[1].split()[0]
    assert new_id in openai_server.batches and new_id != stuck
    assert openai_server.batches[new_id].endpoint == openai_server.batches[stuck].endpoint
    again = run(tmp_path, openai_server, "batches", "resubmit", stuck, "--yes")
    assert again.returncode == 1 and f"already resubmitted as {new_id}" in again.stderr


def test_batches_without_a_key_fails_with_one_line(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    result = run(tmp_path, openai_server, "batches", key=None)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "attachguard: no API key: add it in Settings (stored in the OS keyring) "
        "or set OPENAI_API_KEY"
    )
    assert openai_server.count("GET", "/v1/batches") == 0  # nothing was asked without a key


def test_status_without_a_key_says_uploads_wait_for_one(
    tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    serve(openai_server, "statuspage_summary_operational.json")
    doc = tmp_path / "a.txt"
    doc.write_text("queued without a key", encoding="utf-8")
    assert run(tmp_path, openai_server, "upload", str(doc), key=None).returncode == 1
    result = run(tmp_path, openai_server, "status", key=None)
    assert result.returncode == 0, result.stderr
    assert "paused: until you add an API key" in result.stdout  # as the tray says
    assert "next retry" not in result.stdout  # nothing is tried without a key
    data = json.loads(run(tmp_path, openai_server, "status", "--json", key=None).stdout)
    assert data["queue"]["paused"] == "no_key" and data["queue"]["next_retry_at"] is None

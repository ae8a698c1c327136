"""The upload commands as a user runs them: upload, run, queue, retry, cancel, recheck."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI

from desktop_app.cli import main


@pytest.fixture
def env(
    ag_home: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A data root pointed at the loopback server with a valid key and millisecond backoff."""
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("ATTACHGUARD_BACKOFF_BASE", "0.01")
    monkeypatch.setenv("ATTACHGUARD_BACKOFF_CAP", "0.05")
    monkeypatch.setenv("ATTACHGUARD_MAX_ATTEMPTS", "3")
    yield ag_home


def docs(tmp_path: Path, *names: str) -> list[str]:
    paths = []
    for name in names:
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(f"contents of {name}\n".encode() * 50)
        paths.append(str(path))
    return paths


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=100,
        env=env,
    )


def test_upload_wait_uploads_and_reports_json(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = docs(tmp_path, "a.pdf", "b.txt")
    assert main(["upload", *paths, "--wait", "--json"]) == 0
    jobs = json.loads(capsys.readouterr().out)
    assert [j["state"] for j in jobs] == ["done", "done"]
    assert sorted(j["name"] for j in jobs) == ["a.pdf", "b.txt"]
    assert {j["file_id"] for j in jobs} == set(openai_server.files)
    # The originals may vanish now: the upload used the vault copy.
    for path in paths:
        os.remove(path)


def test_upload_wait_exits_3_when_a_job_fails(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    openai_server.fail_status(400, message="Invalid file format")
    assert main(["upload", *docs(tmp_path, "bad.exe"), "--wait"]) == 3
    out = capsys.readouterr().out
    assert "failed" in out and "invalid 400: Invalid file format" in out


def test_upload_passes_purpose_and_expiry(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    args = ["upload", *docs(tmp_path, "in.jsonl"), "--purpose", "batch"]
    assert main([*args, "--expires-after", "7200", "--wait"]) == 0
    (remote,) = openai_server.files.values()
    assert remote.purpose == "batch"
    assert remote.expires_at is not None and remote.expires_at - remote.created_at == 7200


def test_upload_rejects_a_bad_expiry_or_purpose(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["upload", *docs(tmp_path, "a.pdf"), "--expires-after", "60"]) == 1
    assert "between 3600 and 2592000" in capsys.readouterr().err
    assert main(["upload", *docs(tmp_path, "b.pdf"), "--purpose", "userdata"]) == 1
    assert "unknown purpose 'userdata'" in capsys.readouterr().err


def test_missing_key_fails_clearly_without_network(
    ag_home: Path, tmp_path: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    result = run_cli("upload", *docs(tmp_path, "a.pdf"), "--wait")
    assert result.returncode == 1
    assert "no OpenAI API key" in result.stderr and "OPENAI_API_KEY" in result.stderr
    assert openai_server.requests == []
    # The document is safe and queued for when a key is set.
    listing = json.loads(run_cli("queue", "--json").stdout)
    assert [j["state"] for j in listing] == ["queued"]
    # Without --wait the same: backed up and queued, but exit 1 because nothing can be sent.
    plain = run_cli("upload", *docs(tmp_path, "b.pdf"))
    assert plain.returncode == 1 and "1 job(s) stay queued" in plain.stderr
    assert "OPENAI_API_KEY" in plain.stderr
    assert openai_server.requests == []


def test_rejected_key_ends_wait_at_once_naming_the_key(
    ag_home: Path, tmp_path: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-revoked-0000000000")
    result = run_cli("upload", *docs(tmp_path, "a.pdf", "b.pdf"), "--wait")
    assert result.returncode == 1
    assert "rejected OPENAI_API_KEY" in result.stderr
    assert "sk-revoked-0000000000" not in result.stderr + result.stdout
    assert openai_server.count("POST", "/v1/files") <= 2  # no retry storm
    listing = json.loads(run_cli("queue", "--json").stdout)
    assert {j["state"] for j in listing} == {"queued"}
    # Once the key is fixed, a headless run finishes the job.
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    assert run_cli("run", "--until-idle").returncode == 0
    assert len(openai_server.files) == 2


def test_queue_table_is_aligned_and_json_is_complete(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    openai_server.fail_status(503, times=None)
    main(["upload", *docs(tmp_path, "a-long-document-name.pdf", "b.pdf"), "--wait"])
    capsys.readouterr()
    assert main(["queue"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0]
    assert header.split() == [
        "ID",
        "STATE",
        "TRIES",
        "SHA256",
        "FILE",
        "ID",
        "NAME",
        "LAST",
        "ERROR",
    ]
    name_col = header.index("NAME")
    assert {line[name_col:].split()[0] for line in lines[1:]} == {
        "a-long-document-name.pdf",
        "b.pdf",
    }
    assert main(["queue", "--json"]) == 0
    (job, *_rest) = json.loads(capsys.readouterr().out)
    for field in ("id", "name", "sha256", "state", "attempts", "file_id", "last_error"):
        assert field in job
    assert job["state"] == "failed" and job["attempts"] == 3
    assert job["last_error"]["kind"] == "server" and job["last_error"]["http_status"] == 503


def test_retry_all_then_run_finishes_failed_jobs(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    openai_server.fail_status(500, times=3)
    assert main(["upload", *docs(tmp_path, "a.pdf"), "--wait"]) == 3
    assert main(["retry", "--all"]) == 0
    assert main(["run", "--until-idle"]) == 0
    capsys.readouterr()
    main(["queue", "--json"])
    assert [j["state"] for j in json.loads(capsys.readouterr().out)] == ["done"]


def test_retry_of_a_done_job_is_a_clear_failure(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["upload", *docs(tmp_path, "a.pdf"), "--wait", "--json"])
    (job,) = json.loads(capsys.readouterr().out)
    assert main(["retry", str(job["id"])]) == 1
    assert "not failed or waiting" in capsys.readouterr().err
    assert main(["retry", "999"]) == 1
    assert "no upload job with id 999" in capsys.readouterr().err


def test_cancel_a_queued_job(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["upload", *docs(tmp_path, "a.pdf"), "--json"])
    (job,) = json.loads(capsys.readouterr().out)
    assert main(["cancel", str(job["id"])]) == 0
    assert main(["run", "--until-idle"]) == 0
    assert openai_server.requests == []


def test_recheck_requeues_expired_files(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["upload", *docs(tmp_path, "a.pdf"), "--wait", "--json"])
    (job,) = json.loads(capsys.readouterr().out)
    openai_server.expire_file(job["file_id"])
    assert main(["recheck", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["requeued"] == [job["id"]]
    assert main(["run", "--until-idle"]) == 0
    assert len(openai_server.files) == 1

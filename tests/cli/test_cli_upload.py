"""The upload commands as a user runs them: upload, run, queue, retry, cancel, recheck."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI
from support.signals import sigint_as_from_a_terminal

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


def test_usage_errors_exit_2_before_anything_is_backed_up(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [
        (["upload", *docs(tmp_path, "a.pdf"), "--expires-after", "60"], "between 3600"),
        (["upload", *docs(tmp_path, "b.pdf"), "--expires-after", "soon"], "whole number"),
        (["upload", *docs(tmp_path, "c.pdf"), "--purpose", "userdata"], "unknown purpose"),
        (["queue", "--state", "bogus"], "unknown state 'bogus'"),
    ]
    for argv, message in bad:
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
        assert message in capsys.readouterr().err
    vault = env / "data" / "vault"
    assert not vault.exists() or not [p for p in vault.rglob("*") if p.is_file()]


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


def test_recheck_fails_when_nothing_could_be_checked(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["upload", *docs(tmp_path, "a.pdf", "b.pdf"), "--wait"]) == 0
    capsys.readouterr()
    openai_server.fail_status(503, times=None, method="GET")
    assert main(["recheck"]) == 1
    assert "none of the 2 uploaded file(s) could be checked" in capsys.readouterr().err


def test_upload_wait_for_a_reused_file_does_not_start_unrelated_jobs(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    (done,) = docs(tmp_path, "done.pdf")
    assert main(["upload", done, "--wait"]) == 0
    assert main(["upload", *docs(tmp_path, "later.pdf")]) == 0  # queued, not waited for
    capsys.readouterr()
    assert main(["upload", done, "--wait", "--json"]) == 0  # reuses the remote file
    assert [j["state"] for j in json.loads(capsys.readouterr().out)] == ["done"]
    assert sorted(f.filename for f in openai_server.files.values()) == ["done.pdf"]
    assert main(["queue", "--state", "queued", "--json"]) == 0
    assert [j["name"] for j in json.loads(capsys.readouterr().out)] == ["later.pdf"]


def _interrupt_while_uploading(
    home: Path, openai_server: FakeOpenAI, sig: int, *args: str
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, object]]]:
    openai_server.delay(60)  # the upload hangs until the process is told to stop
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=sigint_as_from_a_terminal,
    )
    try:
        deadline = time.monotonic() + 60

        def uploading() -> bool:
            # Read the store directly (read-only): a second CLI process starting up next to
            # the one under test would only add noise.
            db = home / "data" / "attachguard.sqlite3"
            try:
                with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
                    rows = conn.execute("SELECT state FROM upload_jobs").fetchall()
            except sqlite3.Error:
                return False
            return [r[0] for r in rows] == ["uploading"]

        while not uploading():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no upload started"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    listing = json.loads(run_cli("queue", "--json").stdout)
    return result, listing


@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)]
)
def test_interrupted_upload_wait_hands_the_job_back(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, sig: int, code: int
) -> None:
    result, listing = _interrupt_while_uploading(
        env, openai_server, sig, "upload", *docs(tmp_path, "a.pdf"), "--wait"
    )
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert "handed back to the queue" in result.stderr
    assert [j["state"] for j in listing] == ["queued"]
    assert [j["attempts"] for j in listing] == [0]


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 0)])
def test_interrupted_run_hands_the_job_back(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, sig: int, code: int
) -> None:
    assert run_cli("upload", *docs(tmp_path, "a.pdf")).returncode == 0
    result, listing = _interrupt_while_uploading(env, openai_server, sig, "run")
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert "handed back to the queue" in result.stderr
    assert [j["state"] for j in listing] == ["queued"]


def test_upload_takes_folders_with_recursive(tmp_path: Path) -> None:
    from support.cli import run

    folder = tmp_path / "reports"
    (folder / "q3").mkdir(parents=True)
    (folder / "summary.txt").write_text("summary", encoding="utf-8")
    (folder / "q3" / "numbers.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    home = tmp_path / "home"
    plain = run(home, "upload", str(folder))
    assert "is a directory (use --recursive)" in plain.stderr  # the hint names a real option
    done = run(home, "upload", "-r", str(folder))  # no key: backed up and queued, exit 1
    assert done.returncode == 1 and "2 job(s)" in done.stderr, done.stderr
    listed = run(home, "list").stdout
    assert "summary.txt" in listed and "numbers.csv" in listed

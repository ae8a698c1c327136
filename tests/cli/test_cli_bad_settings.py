"""Bad settings are named and refused or clamped at once: no traceback, no minutes of retries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(
    home: Path, *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "ATTACHGUARD_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "OPENAI_API_KEY": "sk-test-not-used-0000",
        **(env or {}),
    }
    if "OPENAI_BASE_URL" not in (env or {}):
        full.pop("OPENAI_BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=full,
        stdin=subprocess.DEVNULL,
        timeout=90,
    )


def write_settings(home: Path, text: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.toml").write_text(text)


@pytest.mark.parametrize("url", ["ftp://files.example.com/v1", "http:///v1", "api.example.com"])
def test_a_base_url_setting_without_http_scheme_or_host_is_named_and_ignored(
    tmp_path: Path, url: str
) -> None:
    write_settings(tmp_path, f'[upload]\nbase_url = "{url}"\n')

    result = run(tmp_path, "queue")

    assert result.returncode == 0, result.stderr
    assert f"upload.base_url: {url!r} is not an http:// or https:// URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_base_url_from_the_environment_is_refused_before_anything_is_sent(
    tmp_path: Path,
) -> None:
    document = tmp_path / "report.pdf"
    document.write_bytes(b"%PDF-1.4\nreport\n")

    result = run(
        tmp_path / "home",
        "upload",
        "--wait",
        document,
        env={"OPENAI_BASE_URL": "ftp://gateway.example.com/v1"},
    )

    assert result.returncode == 1
    assert "'ftp://gateway.example.com/v1' is not an http:// or https:// URL" in result.stderr
    assert "OPENAI_BASE_URL" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_huge_concurrency_and_backoff_are_named_clamped_and_queue_json_works(
    tmp_path: Path,
) -> None:
    write_settings(tmp_path, "[upload]\nconcurrency = 20000\nbackoff_base = 1e308\n")

    result = run(tmp_path, "queue", "--json")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "upload.concurrency: must be between 1 and 16, got 20000; using 16" in result.stderr
    assert "upload.backoff_base: must be between 0.001 and 3600, got 1e+308" in result.stderr
    assert "Traceback" not in result.stderr

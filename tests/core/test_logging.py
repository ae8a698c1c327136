"""Logs go to a private rotating file, and nothing that looks like a key survives into them."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import logsetup
from desktop_app.core.redact import REDACTED, redact

SECRET = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "attachguard.log"
    logsetup.configure(path)
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_attachguard", False)]:
        root.removeHandler(handler)
        handler.close()


@pytest.mark.parametrize(
    "text",
    [
        f"key {SECRET} rejected",
        "Authorization: Bearer abcdefghijklmnop0123",
        "api_key='sk-abcdefgh12345678'",
        "OPENAI_API_KEY=whatever-secret-value",
        '{"token": "t0k3n-value-here"}',
    ],
)
def test_redact_removes_keys_and_tokens(text: str) -> None:
    cleaned = redact(text)
    assert REDACTED in cleaned
    for secret in (SECRET, "abcdefghijklmnop0123", "sk-abcdefgh12345678", "t0k3n-value-here"):
        assert secret not in cleaned


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "uploaded report-2026.pdf as file-abc123 in 1.2 s (task-force notes)"
    assert redact(text) == text


def test_log_file_is_private_and_redacted(log_file: Path) -> None:
    log = logging.getLogger("desktop_app.test")
    log.warning("request failed for key %s", SECRET)
    try:
        raise ValueError(f"bad key {SECRET}")
    except ValueError:
        log.exception("upload crashed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "request failed for key" in content
    assert "upload crashed" in content and "ValueError" in content
    assert SECRET not in content
    assert (log_file.stat().st_mode & 0o777) == 0o600


def test_a_log_file_that_cannot_be_written_costs_one_line_on_stderr_not_a_flood(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from support.small_disk import mounted_tmpfs

    with mounted_tmpfs(tmp_path / "disk", size="64k") as disk:
        path = disk / "logs" / "attachguard.log"
        logsetup.configure(path)
        log = logging.getLogger("attachguard.test.full")
        try:
            filler = disk / "filler"
            with filler.open("wb") as handle, contextlib.suppress(OSError):
                handle.write(b"x" * 1024 * 1024)  # the disk is full now
            for i in range(200):
                log.error("record %d %s", i, "y" * 200)
            err = capsys.readouterr().err
            lines = [line for line in err.splitlines() if line]
            assert lines == [
                f"attachguard: cannot write the log file {path} ([Errno 28] No space left on "
                "device); log messages are dropped until it can be written"
            ]
            filler.unlink()
            log.error("space again")
            assert "can be written again" in capsys.readouterr().err
        finally:
            root = logging.getLogger()
            for handler in [h for h in root.handlers if getattr(h, "_attachguard", False)]:
                root.removeHandler(handler)
                handler.close()
    assert "Traceback" not in err

"""``attachguard watch``: a real foreground process stopped by signals; editing watched folders."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support.signals import sigint_as_from_a_terminal
from support.watching import wait_until

from desktop_app.cli import main
from desktop_app.paths import AppPaths
from desktop_app.settings import load_settings


class _Lines:
    """Collects a pipe's lines on a thread so the test can poll for one."""

    def __init__(self, stream: object) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), name="test-pipe")
        self._thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.append(line)

    def has(self, text: str) -> bool:
        return any(text in line for line in list(self.lines))

    def text(self) -> str:
        self._thread.join(timeout=30)
        return "".join(self.lines)


@contextmanager
def _running(args: list[str]) -> Iterator[tuple[subprocess.Popen[str], _Lines, _Lines]]:
    """``python -m desktop_app ARGS`` with its output collected; killed if still running."""
    with subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        preexec_fn=sigint_as_from_a_terminal,
    ) as proc:
        out, err = _Lines(proc.stdout), _Lines(proc.stderr)
        try:
            yield proc, out, err
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            out.text()
            err.text()


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_foreground_watch_backs_up_and_exits_cleanly_on_signal(
    ag_home: Path, tmp_path: Path, stop_signal: signal.Signals
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with _running(["watch", str(inbox), "--settle", "0.2"]) as (proc, out, err):
        wait_until(lambda: err.has("press Ctrl+C"), "the watcher to start")
        (inbox / "letter.pdf").write_bytes(b"%PDF-1.4 letter")
        wait_until(lambda: out.has("backed up"), "the backup line")
        proc.send_signal(stop_signal)
        code = proc.wait(timeout=60)
    stderr = err.text()
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert f"backed up {inbox / 'letter.pdf'} (entry 1)" in out.text()


def test_watch_without_folders_explains_what_to_do(
    ag_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["watch"]) == 1
    assert "watch add DIR" in capsys.readouterr().err


def test_add_list_and_remove_edit_the_configured_folders(
    ag_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs, later = tmp_path / "docs", tmp_path / "not-yet"
    docs.mkdir()
    argv = ["watch", "add", str(docs), "-r", "--include", "*.pdf", "--upload", "--purpose", "batch"]
    assert main(argv) == 0
    assert main(["watch", "add", str(later)]) == 0
    assert "does not exist yet" in capsys.readouterr().err

    assert main(["watch", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in listed] == [str(docs), str(later)]
    assert listed[0]["recursive"] is True
    assert listed[0]["include"] == ["*.pdf"]
    assert (listed[0]["upload"], listed[0]["purpose"]) == (True, "batch")

    # Adding again updates in place instead of duplicating.
    assert main(["watch", "add", str(docs)]) == 0
    settings = load_settings(AppPaths.under(ag_home).settings_file).settings
    assert [f.path for f in settings.watch.folders] == [str(docs), str(later)]
    assert settings.watch.folders[0].recursive is False

    assert main(["watch", "remove", str(later)]) == 0
    assert main(["watch", "remove", str(later)]) == 1
    assert "not a watched folder" in capsys.readouterr().err
    assert main(["watch", "list"]) == 0
    assert capsys.readouterr().out.strip().startswith(str(docs))


def test_the_configured_folders_are_watched_when_none_is_given(
    ag_home: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "configured"
    inbox.mkdir()
    assert main(["watch", "add", str(inbox)]) == 0
    with _running(["watch", "--settle", "0.2"]) as (proc, out, err):
        wait_until(lambda: err.has("press Ctrl+C"), "the watcher to start")
        (inbox / "memo.txt").write_bytes(b"memo")
        wait_until(lambda: out.has("memo.txt"), "the backup line")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err.text()


@pytest.mark.parametrize(
    "argv",
    [["watch", "list", "extra"], ["watch", "add"], ["watch", "x", "--json"]],
)
def test_usage_errors_exit_2(ag_home: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2


def test_a_missing_folder_is_reported_at_once_and_watched_once_it_appears(
    ag_home: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "not-mounted-yet"
    with _running(["watch", str(inbox), "--settle", "0.2"]) as (proc, out, err):
        wait_until(lambda: err.has("does not exist"), "the missing-folder report")
        assert proc.poll() is None  # still running: it waits for the folder
        inbox.mkdir()
        wait_until(lambda: out.has("watching it again"), "the folder to be picked up")
        (inbox / "scan.pdf").write_bytes(b"%PDF-1.4 scan")
        wait_until(lambda: out.has("backed up"), "the backup line")
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    stderr = err.text()
    assert code == 0, stderr
    assert f"attachguard: {inbox} does not exist; waiting for it to appear\n" in stderr
    assert stderr.count("does not exist") == 1
    assert "Traceback" not in stderr
    assert f"backed up {inbox / 'scan.pdf'} (entry 1)" in out.text()

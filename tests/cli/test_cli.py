"""The command line's contract: exit codes, --help/--version without a display, quiet pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app import __version__


def _run(*args: str, home: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["ATTACHGUARD_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


def test_version_and_help_need_no_display(tmp_path: Path) -> None:
    version = _run("--version", home=tmp_path)
    assert version.returncode == 0
    assert version.stdout.strip() == f"attachguard {__version__}"
    helped = _run("--help", home=tmp_path)
    assert helped.returncode == 0
    for command in ("backup", "upload", "extract", "fallback", "watch", "status", "add"):
        assert command in helped.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    done = _run("restore", "1", home=tmp_path)  # --to is required
    assert done.returncode == 2
    assert "--to" in done.stderr


def test_handled_failure_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = _run("restore", "424242", "--to", str(tmp_path / "out"), home=tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(300):
        (docs / f"note-{i}.txt").write_text(f"note {i}\n" * 50, encoding="utf-8")
    assert _run("backup", "--recursive", str(docs), home=tmp_path).returncode == 0
    env = dict(os.environ, ATTACHGUARD_HOME=str(tmp_path))
    lister = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "list", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert lister.stdout is not None and lister.stderr is not None
    lister.stdout.read(10)
    lister.stdout.close()  # like `| head -c 10`
    err = lister.stderr.read().decode()
    lister.stderr.close()
    lister.wait(timeout=60)
    assert "Traceback" not in err
    assert "BrokenPipe" not in err


def test_tray_app_without_a_display_explains_instead_of_crashing(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["ATTACHGUARD_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "no graphical display" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1

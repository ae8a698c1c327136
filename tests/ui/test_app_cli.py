"""The command-line side of the tray app: add, copy-text and "Open with" argument handling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.cli import _files_to_open, build_parser


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ATTACHGUARD_HOME": str(home)}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("OPENAI_API_KEY", None)
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_add_without_a_running_app_backs_up_headless(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "q3").mkdir(parents=True)
    (folder / "summary.txt").write_text("summary", encoding="utf-8")
    (folder / "q3" / "numbers.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    home = tmp_path / "home"
    done = _run(home, "add", str(folder))
    assert done.returncode == 0, done.stderr
    assert "AttachGuard is not running: backed up 2 file(s) here" in done.stdout
    assert "uploads are queued" in done.stdout
    listing = _run(home, "list")
    assert "summary.txt" in listing.stdout and "numbers.csv" in listing.stdout


def test_add_reports_missing_files_and_exits_1(tmp_path: Path) -> None:
    done = _run(tmp_path / "home", "add", str(tmp_path / "nope.pdf"))
    assert done.returncode == 1
    assert "nope.pdf" in done.stderr


def test_copy_text_with_an_empty_vault_says_there_is_nothing_to_copy(tmp_path: Path) -> None:
    done = _run(tmp_path / "home", "copy-text")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "attachguard: there is no document to copy text from yet: add one"
    )


def test_open_with_file_arguments_are_recognised(tmp_path: Path) -> None:
    parser = build_parser()
    doc = tmp_path / "a.pdf"
    doc.write_bytes(b"%PDF-1.4")
    assert _files_to_open(parser, [str(doc), "relative-name-that-exists-nowhere"]) == [
        str(doc),
        "relative-name-that-exists-nowhere",
    ]
    assert _files_to_open(parser, ["-v", str(doc)]) == [str(doc)]
    assert _files_to_open(parser, ["add", str(doc)]) == []  # a subcommand stays a subcommand
    assert _files_to_open(parser, ["lsit"]) == []  # a typo still gets argparse's usage error
    assert _files_to_open(parser, []) == []


def test_help_does_not_load_qt_or_the_sdk() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from desktop_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['add', '--help'])\n"
        "print(sorted(m for m in ('PySide6', 'openai') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr

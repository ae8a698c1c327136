"""``attachguard copy-text``: the tray's "Copy text instead" from a shell, with or without the app.

Without the app running, the text is extracted here and put on the X clipboard with xclip, read
back by another process. No API key, no network, no failed upload is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.cli import cli
from support.desktop_session import DesktopSession, session_for_test, wait_for


@pytest.fixture
def x_display() -> Iterator[DesktopSession]:
    yield from session_for_test(("Xvfb", "xclip"), "xvfb xclip", tray=False)


@pytest.fixture
def env(x_display: DesktopSession, tmp_path: Path) -> dict[str, str]:
    env = x_display.env()
    env["ATTACHGUARD_HOME"] = str(tmp_path / "home")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("OPENAI_API_KEY", None)  # a ChatGPT-only user: no key at all
    return env


def _backup(env: dict[str, str], tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / "docs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    done = cli(env, "backup", str(path))
    assert done.returncode == 0, done.stderr


def test_without_the_app_or_a_key_the_latest_document_is_copied(
    env: dict[str, str], tmp_path: Path, x_display: DesktopSession
) -> None:
    _backup(env, tmp_path, "older.txt", "The older memo about the ferry timetable.\n")
    _backup(env, tmp_path, "newer.txt", "The newer memo about the harbour bridge.\n")
    done = cli(env, "copy-text")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Copied the text of \u201cnewer.txt\u201d (with xclip).")
    assert wait_for(lambda: "harbour bridge" in (x_display.clipboard() or ""), 30)


def test_a_document_is_chosen_by_id_by_name_or_as_a_file(
    env: dict[str, str], tmp_path: Path, x_display: DesktopSession
) -> None:
    _backup(env, tmp_path, "first.txt", "Minutes of the first meeting: budget approved.\n")
    _backup(env, tmp_path, "second.txt", "Minutes of the second meeting: tender opened.\n")
    by_id = cli(env, "copy-text", "--id", "1")
    assert by_id.returncode == 0, by_id.stderr
    assert wait_for(lambda: "budget approved" in (x_display.clipboard() or ""), 30)
    by_name = cli(env, "copy-text", "SECOND.txt")  # a name, ignoring case
    assert by_name.returncode == 0, by_name.stderr
    assert wait_for(lambda: "tender opened" in (x_display.clipboard() or ""), 30)
    loose = tmp_path / "loose note.txt"
    loose.write_text("A note that was never backed up: call the surveyor.\n", encoding="utf-8")
    as_file = cli(env, "copy-text", str(loose))
    assert as_file.returncode == 0, as_file.stderr
    assert wait_for(lambda: "call the surveyor" in (x_display.clipboard() or ""), 30)
    assert "loose note.txt" in cli(env, "list").stdout  # backed up first


def test_an_unknown_document_or_a_failed_extraction_leaves_the_clipboard_alone(
    env: dict[str, str], tmp_path: Path, x_display: DesktopSession
) -> None:
    _backup(env, tmp_path, "kept.txt", "This text was on the clipboard before.\n")
    assert cli(env, "copy-text").returncode == 0
    assert wait_for(lambda: "on the clipboard before" in (x_display.clipboard() or ""), 30)
    unknown = cli(env, "copy-text", "no such report.pdf")
    assert unknown.returncode == 1
    assert "no file or document named 'no such report.pdf'" in unknown.stderr
    broken = tmp_path / "docs" / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    failed = cli(env, "copy-text", str(broken))
    assert failed.returncode == 1
    assert failed.stderr.startswith("attachguard: could not copy the text: ")
    assert failed.stderr.rstrip().endswith("The clipboard was left unchanged.")
    assert "Traceback" not in failed.stderr
    assert "on the clipboard before" in (x_display.clipboard() or "")
    assert cli(env, "copy-text", "kept.txt", "--id", "1").returncode == 2  # one or the other

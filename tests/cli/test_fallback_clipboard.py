"""``attachguard fallback --copy``: the prompt lands on the X clipboard (and stays there after
the command exits, served by xclip), and without a display the command says so in one line."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.cli import cli
from support.desktop_session import DesktopSession, session_for_test, wait_for

from desktop_app.core.errors import ClipboardError
from desktop_app.core.fallback.system_clipboard import copy_text


@pytest.fixture
def x_display() -> Iterator[DesktopSession]:
    yield from session_for_test(("Xvfb", "xclip"), "xvfb xclip", tray=False)


def test_copy_puts_the_prompt_on_the_clipboard(x_display: DesktopSession, tmp_path: Path) -> None:
    note = tmp_path / "minutes.txt"
    note.write_text("The board approved the harbour bridge — unanimously.\n", encoding="utf-8")
    env = x_display.env()
    env["ATTACHGUARD_HOME"] = str(tmp_path / "home")
    done = cli(env, "fallback", str(note), "--copy")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # copied, not printed
    assert "copied 1 part(s)" in done.stderr and "xclip" in done.stderr
    # The command has exited; xclip's own server keeps the text available.
    assert wait_for(
        lambda: "approved the harbour bridge — unanimously" in (x_display.clipboard() or ""), 30
    )
    assert '<document name="minutes.txt"' in (x_display.clipboard() or "")


def test_without_a_display_copy_fails_with_one_clear_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["ATTACHGUARD_HOME"] = str(tmp_path / "home")
    note = tmp_path / "n.txt"
    note.write_text("text")
    done = cli(env, "fallback", str(note), "--copy")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "No display is available" in done.stderr
    if sys.platform.startswith("linux"):
        with pytest.raises(ClipboardError, match="No display"):
            copy_text("x", environ={"PATH": os.environ.get("PATH", "")})

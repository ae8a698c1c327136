"""Failure notifications with buttons, against a real notification server (dunst).

A private session bus and ``dunst`` run in the Xvfb desktop. The loopback server refuses the
upload for good (HTTP 400); the app posts "Upload failed" over D-Bus with the actions Copy text,
Retry and Open, and dunst shows it. The user opens dunst's context menu (``dunstctl context``,
dunst's usual middle-click/shortcut) and picks "Copy text" there: dunst's ``dmenu`` setting
points at a tiny script that picks that line, as a user would in dmenu. The document's text is
then read back from the X clipboard by ``xclip`` in another process. The test prints the clicks
and seconds from "upload failed" to "text in the clipboard".
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.app_home import loopback_home
from support.app_process import RunningApp, app_env, launch
from support.desktop_session import DesktopSession, wait_for
from support.openai_server import FakeOpenAI

pytestmark = pytest.mark.e2e

SENTENCE = "The ferry to Inishmore carried 212 bicycles on the first of June."

PICKER = """#!/bin/sh
# dunst's "dmenu": gets one line per action on stdin; pick "Copy text", as the user would.
tee "$(dirname "$0")/menu.txt" | grep -m1 '^#Copy text'
"""


@pytest.fixture
def notification_server(desktop: DesktopSession, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private session bus with dunst on it; yields the environment that reaches them."""
    missing = [t for t in ("dbus-daemon", "dunst", "dunstctl") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install dbus dunst)")
    root = tmp_path / "notify"
    root.mkdir()
    picker = root / "pick-copy-text.sh"
    picker.write_text(PICKER)
    picker.chmod(0o755)
    config = root / "dunstrc"
    config.write_text(f"[global]\n    dmenu = {picker}\n")
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1",
         f"--address=unix:path={root / 'bus'}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    bus.stdout.close()
    env = {"DBUS_SESSION_BUS_ADDRESS": address}
    dunst = subprocess.Popen(
        ["dunst", "-conf", str(config)],
        env=desktop.env({**os.environ, **env}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: _dunstctl(desktop, env, "count", "displayed") == "0", 30)
        yield env
    finally:
        for process in (dunst, bus):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _dunstctl(desktop: DesktopSession, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["dunstctl", *args],
        env=desktop.env({**os.environ, **env}),
        capture_output=True,
        text=True,
        timeout=30,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def test_failure_notification_copy_text_button_puts_the_text_on_the_clipboard(
    desktop: DesktopSession,
    notification_server: dict[str, str],
    openai_server: FakeOpenAI,
    apps: list[RunningApp],
    tmp_path: Path,
) -> None:
    openai_server.fail_status(400, times=None, message="This file type is not supported.")
    home = tmp_path / "home"
    loopback_home(home, openai_server)
    extra = {
        **notification_server,
        "OPENAI_BASE_URL": openai_server.base_url,
        "OPENAI_API_KEY": openai_server.api_key,
    }
    app = launch(app_env(desktop, home, extra), home, tmp_path / "app-output.txt")
    apps.append(app)
    assert wait_for(lambda: "desktop notifications: dunst" in app.log_text(), timeout=60), (
        app.log_text() + app.output_text()
    )

    document = tmp_path / "ferry notes.txt"
    document.write_text(f"Ferry notes\n\n{SENTENCE}\n", encoding="utf-8")
    desktop.set_clipboard("something else")
    assert app.cli("add", str(document)).returncode == 0
    assert wait_for(app.has_failed_upload, timeout=90, interval=0.1), app.log_text()
    failed_at = time.monotonic()

    # dunst shows it, and keeps showing it: a failure stays until dismissed.
    # "desktop notification N: title: text" (not "desktop notifications: dunst", said at start).
    posted = re.compile(r"desktop notification \d+: Upload failed")
    assert wait_for(lambda: posted.search(app.log_text()) is not None, timeout=30), app.log_text()
    shown = lambda: _dunstctl(desktop, notification_server, "count", "displayed")  # noqa: E731
    assert wait_for(lambda: shown() == "1", timeout=30)
    log = app.log_text()
    assert "Upload failed" in log and "\u201cferry notes.txt\u201d could not be uploaded" in log

    # Click 1 opens dunst's context menu; click 2 picks "Copy text" in it (the picker script).
    _dunstctl(desktop, notification_server, "context")
    assert wait_for(lambda: SENTENCE in (desktop.clipboard() or ""), timeout=60), app.log_text()
    seconds = time.monotonic() - failed_at
    menu = (tmp_path / "notify" / "menu.txt").read_text(encoding="utf-8")
    for label in ("#Copy text", "#Retry", "#Open"):
        assert label in menu, menu
    clipboard = desktop.clipboard() or ""
    assert "ferry notes.txt" in clipboard  # the prompt names the file it stands in for
    assert "notification action 'default'" in app.log_text() or (
        "notification action 'copy'" in app.log_text()
    )
    print(
        f"\nnotification: 2 clicks (dunst context menu, Copy text), {seconds:.1f} s from "
        "'upload failed' to 'text in the clipboard' (includes the 2 s coalescing window and "
        "the first text extraction)"
    )

    assert app.quit() == 0
    assert "AttachGuard stopped cleanly" in app.log_text()
    assert "threads still running at exit" not in app.log_text()

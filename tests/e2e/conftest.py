"""End-to-end fixtures: an X desktop (Xvfb, trayer as tray host) and cleanup of app processes."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator

import pytest
from support.app_process import RunningApp
from support.desktop_session import TOOLS, DesktopSession, session_for_test


@pytest.fixture
def desktop() -> Iterator[DesktopSession]:
    yield from session_for_test(TOOLS, "xvfb trayer x11-utils xclip imagemagick", tray=True)


@pytest.fixture
def bare_desktop() -> Iterator[DesktopSession]:
    """Xvfb without any tray host: the platform has no system tray."""
    yield from session_for_test(("Xvfb", "xwininfo"), "xvfb x11-utils", tray=False)


@pytest.fixture
def apps() -> Iterator[list[RunningApp]]:
    """Apps registered here are stopped after the test, even when it fails."""
    started: list[RunningApp] = []
    yield started
    for app in started:
        if app.process.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                app.quit(timeout=30)

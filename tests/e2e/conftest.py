"""End-to-end fixtures: an X desktop (Xvfb, trayer as tray host) and cleanup of app processes."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator

import pytest
from support.app_process import RunningApp
from support.desktop_session import DesktopSession, missing_tools, start_session


@pytest.fixture
def desktop() -> Iterator[DesktopSession]:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"end-to-end run needs {', '.join(missing)} "
            "(apt-get install xvfb trayer x11-utils xclip imagemagick)"
        )
    session = start_session(tray=True)
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def bare_desktop() -> Iterator[DesktopSession]:
    """Xvfb without any tray host: the platform has no system tray."""
    missing = missing_tools(("Xvfb", "xwininfo"))
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb x11-utils)")
    session = start_session(tray=False)
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def apps() -> Iterator[list[RunningApp]]:
    """Apps registered here are stopped after the test, even when it fails."""
    started: list[RunningApp] = []
    yield started
    for app in started:
        if app.process.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                app.quit(timeout=30)

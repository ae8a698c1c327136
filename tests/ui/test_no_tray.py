"""No tray at all (GNOME without the AppIndicator extension): the window opens at start and says,
for this desktop, how to get a tray icon; the advice can be dismissed.

The offscreen platform has no system tray, just like such a desktop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot
from support.app_home import loopback_home
from support.openai_server import FakeOpenAI

from desktop_app import ipc
from desktop_app.core.service import Service
from desktop_app.ui import tasks
from desktop_app.ui.app import TrayApp
from desktop_app.ui.single_instance import SingleInstance
from desktop_app.ui.tray_help import TrayHelpBanner, tray_help_text


@pytest.mark.parametrize(
    ("desktop", "words"),
    [
        ("GNOME", "AppIndicator extension"),
        ("ubuntu:GNOME", "gnome-shell-extension-appindicator"),
        ("KDE", "System Tray"),
        ("XFCE", "Status Tray Plugin"),
        ("sway", "waybar"),
        ("", "add a system tray"),
        ("SomethingNew", "add a system tray"),
    ],
)
def test_the_advice_fits_the_desktop(desktop: str, words: str) -> None:
    text = tray_help_text({"XDG_CURRENT_DESKTOP": desktop})
    assert words in text
    assert text.endswith("closing the window quits it.")


def test_without_a_tray_the_window_opens_and_says_how_to_get_one(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # as on GNOME without the extension
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    paths = loopback_home(tmp_path / "home", openai_server)
    service = Service(paths)
    guard = SingleInstance(ipc.instance_address(paths))
    assert guard.acquire()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = TrayApp(qapp, service, guard)
    app.start(ipc.Request(ipc.Command.OPEN))  # a plain launch: normally it lives in the tray
    try:
        assert not app.has_tray
        window = app.window
        assert window is not None
        qtbot.waitUntil(window.isVisible, timeout=30_000)
        assert qapp.quitOnLastWindowClosed()  # no tray to come back to

        banner = window.findChild(TrayHelpBanner)
        assert banner is not None
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        assert "AppIndicator extension" in banner.label.text()
        # Above the documents, and its advice can be copied into a search or a terminal.
        assert window.toolBarArea(app.tray_help) == Qt.ToolBarArea.TopToolBarArea
        assert banner.label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        assert banner.accessibleName() and banner.dismiss_button.accessibleName()

        qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
        assert not banner.isVisible()
        assert window.isVisible()  # dismissing the advice leaves the window open
    finally:
        app.shutdown()
        service.close()
        qapp.setQuitOnLastWindowClosed(False)
        assert tasks.wait_for_all(30_000)

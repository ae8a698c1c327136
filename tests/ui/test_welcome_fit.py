"""The welcome window shows all of its text: the dialog grows when the keyring note appears,
and a Downloads folder that does not exist is explained, not just greyed out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from keyring.backends import fail
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture  # noqa: F401 - fixture

from desktop_app.core.credentials import CredentialStore
from desktop_app.ui.welcome import WelcomeWindow

WAIT_MS = 60_000


def _cut_off(window: WelcomeWindow) -> list[str]:
    return [
        label.text()[:40]
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.height() < label.heightForWidth(label.width())
    ]


def test_every_line_of_the_welcome_is_shown_after_the_keyring_note_appears(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    window = WelcomeWindow(ui_service, downloads=tmp_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.key_state_loaded, timeout=WAIT_MS):
        window.show()
    qtbot.waitExposed(window)
    assert window.keyring_note.isVisible()
    qtbot.waitUntil(lambda: not _cut_off(window))
    screen = window.screen().availableGeometry()
    assert window.height() <= max(screen.height(), 700)


def test_a_missing_downloads_folder_says_why_it_cannot_be_watched(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    missing = tmp_path / "Downloads"
    window = WelcomeWindow(ui_service, downloads=missing)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.key_state_loaded, timeout=WAIT_MS):
        window.show()
    box = window.watch_downloads
    assert not box.isEnabled() and not box.isChecked()
    assert "does not exist" in box.text()
    assert str(missing) in box.toolTip() and "does not exist" in box.toolTip()

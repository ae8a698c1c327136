"""The drop zone accepts file URLs from a file manager and turns them into local paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui.conftest_window import drag_event, url_mime

from desktop_app.ui.dropzone import DroppedPaths, DropZone, paths_from_urls


def test_urls_become_paths_in_order_without_duplicates(tmp_path: Path) -> None:
    a, b = tmp_path / "a b.pdf", tmp_path / "ünï.txt"
    urls = [
        QUrl.fromLocalFile(str(a)),
        QUrl("https://example.com/x.pdf"),
        QUrl.fromLocalFile(str(b)),
        QUrl.fromLocalFile(str(a)),
    ]
    assert paths_from_urls(urls) == DroppedPaths([a, b], not_local=1)


def test_drop_emits_the_local_paths_and_asks_for_a_copy(qtbot: QtBot, tmp_path: Path) -> None:
    zone = DropZone()
    qtbot.addWidget(zone)
    zone.show()
    folder = tmp_path / "folder"
    folder.mkdir()
    mime = url_mime(folder, "ftp://example.com/remote.txt")
    enter = drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    assert zone.property("dragHover") is True  # highlighted while hovering
    drop = drag_event(QDropEvent, mime)
    with qtbot.waitSignal(zone.paths_dropped) as blocker:
        QApplication.sendEvent(zone, drop)
    assert blocker.args[0] == DroppedPaths([folder], not_local=1)
    assert drop.dropAction() == Qt.DropAction.CopyAction  # the original is never moved
    assert zone.property("dragHover") is False


def test_drop_of_only_remote_urls_is_ignored(qtbot: QtBot) -> None:
    zone = DropZone()
    qtbot.addWidget(zone)
    drop = drag_event(QDropEvent, url_mime("https://example.com/a.pdf"))
    with qtbot.assertNotEmitted(zone.paths_dropped):
        QApplication.sendEvent(zone, drop)
    assert not drop.isAccepted()


def test_buttons_have_names_and_mnemonics(qtbot: QtBot) -> None:
    zone = DropZone()
    qtbot.addWidget(zone)
    with qtbot.waitSignal(zone.add_files_requested):
        zone.add_files_button.click()
    with qtbot.waitSignal(zone.add_folder_requested):
        zone.add_folder_button.click()
    for button in (zone.add_files_button, zone.add_folder_button):
        assert button.accessibleName() and "&" in button.text()

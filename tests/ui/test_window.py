"""The main window: drops, paste, filters and the status bar, over a real service and store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    drag_event,
    ui_service_fixture,
    url_mime,
    window_fixture,
)

from desktop_app.core.vault import Source
from desktop_app.ui.actions import AddSummary
from desktop_app.ui.models import Column, StatusFilter

WAIT_MS = 60_000


def _names(window: Any) -> list[str]:
    proxy = window.proxy
    return [proxy.source_row(r).name for r in range(proxy.rowCount())]


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "drop"
    (root / "folder" / "sub").mkdir(parents=True)
    (root / "notes.txt").write_text("top-level notes\n")
    (root / "folder" / "a.md").write_text("# A\n")
    (root / "folder" / "sub" / "b.csv").write_text("x,y\n1,2\n")
    os.mkfifo(root / "folder" / "pipe")
    return root


def test_dropping_files_and_folders_backs_them_up_and_reports_skips(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    root = _tree(tmp_path)
    mime = url_mime(root / "notes.txt", root / "folder", "https://example.com/not-a-file.pdf")
    zone = window.drop_zone
    enter = drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    drop = drag_event(QDropEvent, mime)
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as blocker:
        QApplication.sendEvent(zone, drop)
    assert drop.isAccepted()
    report: AddSummary = blocker.args[0]
    assert len(report.entry_ids) == 3  # folders are added recursively
    assert len(report.skipped) == 1 and "pipe" in report.skipped[0]
    assert sorted(_names(window)) == ["a.md", "b.csv", "notes.txt"]
    stored = window._service.vault.get(report.entry_ids[0])
    assert stored.source == Source.DROP
    message = window.statusBar().currentMessage()
    assert message.startswith("Backed up 3 documents") and "Skipped 1: pipe" in message
    assert window.count_label.text() == "3 documents"


def test_drag_without_local_files_is_refused(window: Any) -> None:
    mime = url_mime("https://example.com/page.html")
    enter = drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(window.drop_zone, enter)
    assert not enter.isAccepted()


def test_ctrl_v_pastes_copied_files(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    doc = tmp_path / "copied.txt"
    doc.write_text("copied in a file manager")
    QGuiApplication.clipboard().setMimeData(url_mime(doc))
    window.table.setFocus()
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(blocker.args[0].entry_ids) == 1
    assert _names(window) == ["copied.txt"]


def test_paste_without_files_says_so(window: Any) -> None:
    QGuiApplication.clipboard().setText("just some text")
    window.paste_action.trigger()
    assert "no files" in window.statusBar().currentMessage()


def test_search_and_status_filter(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    paths = []
    for name in ("Invoice March.pdf", "invoice april.pdf", "holiday.jpg"):
        path = tmp_path / name
        path.write_bytes(name.encode())
        paths.append(path)
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS):
        window.add_paths(paths, Source.CLI)
    window.search.setText("INVOICE")
    assert sorted(_names(window)) == ["Invoice March.pdf", "invoice april.pdf"]
    assert window.count_label.text() == "2 of 3 documents match"
    window.search.clear()
    index = window.status_filter.findData(StatusFilter.FAILED.value)
    window.status_filter.setCurrentIndex(index)
    assert _names(window) == []
    window.status_filter.setCurrentIndex(0)
    assert len(_names(window)) == 3
    # Ctrl+F jumps to the search field.
    window.find_action.trigger()
    assert window.search.hasFocus() or QApplication.focusWidget() is window.search


def test_every_control_has_an_accessible_name_and_actions_have_shortcuts(window: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

    controls = [
        w
        for kind in (QAbstractButton, QComboBox, QLineEdit, QTableView)
        for w in window.findChildren(kind)
    ]
    assert len(controls) >= 5
    for widget in controls:
        if widget.isVisible():
            assert widget.accessibleName() or widget.text(), widget
    for action in (
        *window.doc_actions.all,
        window.add_files_action,
        window.add_folder_action,
        window.paste_action,
        window.settings_action,
        window.pause_action,
        window.retry_all_action,
        window.find_action,
        window.reload_action,
        window.close_action,
    ):
        assert not action.shortcut().isEmpty(), action.text()


def test_status_column_shows_plain_words(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    doc = tmp_path / "plain.txt"
    doc.write_text("hello")
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS):
        window.add_paths([doc])
    index = window.proxy.index(0, Column.STATUS)
    assert window.proxy.data(index) in ("Backed up", "Queued")


def test_search_reaches_documents_beyond_the_loaded_pages(qtbot: QtBot, ui_service: Any) -> None:
    from ui.conftest_window import document_name, insert_documents

    from desktop_app.ui import tasks
    from desktop_app.ui.window import MainWindow

    insert_documents(ui_service.db, 5_000)
    window = MainWindow(ui_service, None, tasks)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 1_000  # one page is read at start
    window.search.setText(document_name(13))  # the 13th oldest: on the last page
    qtbot.waitUntil(
        lambda: window.count_label.text() == "1 of 5,000 documents match", timeout=WAIT_MS
    )
    assert window.model.fully_loaded
    assert _names(window) == [document_name(13)]
    window.search.clear()
    assert window.proxy.rowCount() == 5_000


def test_entries_forgotten_elsewhere_leave_the_table(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    paths = []
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(name)
        paths.append(tmp_path / name)
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as blocker:
        window.add_paths(paths)
    gone = blocker.args[0].entry_ids[0]
    window._service.vault.forget(gone)  # as the folder watcher does for a deleted file
    with qtbot.waitSignal(window._bridge.entries_changed, timeout=WAIT_MS):
        window._bridge.notify_entries_changed()
    assert window.model.row_of(gone) is None
    assert window.count_label.text() == "1 document"

"""The "Copy text" button in the row of a failed or expired document: one click copies.

Real store, vault and upload engine against the loopback server (which fails the upload); the
button is clicked with the mouse where it is drawn, and the clipboard and the status bar show
the outcome.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    ui_service_fixture,
    upload_service_fixture,
    upload_window_fixture,
    window_fixture,
)

from desktop_app.core.vault import Source
from desktop_app.ui.models import Column

WAIT_MS = 60_000
TEXT = "Board minutes: the roof repair is approved for 18400 euros.\n"


def _add(qtbot: QtBot, window: Any, path: Path) -> int:
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as blocker:
        window.add_paths([path], Source.DROP)
    (entry_id,) = blocker.args[0].entry_ids
    return int(entry_id)


def _state(window: Any, entry_id: int) -> str | None:
    row = window.model.row_of(entry_id)
    return None if row is None else window.model.row_at(row).state


def _button_centre(window: Any, entry_id: int) -> QPoint:
    index = window.proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0))
    cell = window.proxy.index(index.row(), Column.STATUS)
    option = QStyleOptionViewItem()
    option.rect = window.table.visualRect(cell)
    option.widget = window.table
    return window.row_buttons.button_rect(option).center()


def _click(window: Any, point: QPoint) -> None:
    QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_one_click_on_a_failed_rows_button_copies_its_text(
    qtbot: QtBot, upload_window: Any, openai_server: Any, tmp_path: Path
) -> None:
    window = upload_window
    openai_server.expired(times=1)
    document = tmp_path / "minutes.txt"
    document.write_text(TEXT, encoding="utf-8")
    entry_id = _add(qtbot, window, document)
    qtbot.waitUntil(lambda: _state(window, entry_id) == "failed", timeout=WAIT_MS)
    failed_at = time.monotonic()

    QGuiApplication.clipboard().setText("something else")
    window.table.clearSelection()
    with qtbot.waitSignal(
        window.message_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda message: message.startswith(("Copied", "Could not")),
    ) as blocker:
        _click(window, _button_centre(window, entry_id))
    assert blocker.args[0].startswith("Copied the text of \u201cminutes.txt\u201d")
    assert "roof repair is approved for 18400 euros" in QGuiApplication.clipboard().text()
    seconds = time.monotonic() - failed_at
    print(f"\nrow button: 1 click, {seconds:.2f} s from the row showing 'Failed' to the clipboard")
    # The clicked row is the selection now, so the menu's actions apply to it as well.
    assert [r.entry_id for r in window.selected_rows()] == [entry_id]


def test_rows_that_did_not_fail_have_no_button(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    document = tmp_path / "notes.txt"
    document.write_text("Notes that were only backed up.\n", encoding="utf-8")
    entry_id = _add(qtbot, window, document)
    assert _state(window, entry_id) not in ("failed", "expired")  # queued: no key here
    QGuiApplication.clipboard().setText("unchanged")
    clicked: list[object] = []
    window.row_buttons.copy_clicked.connect(clicked.append)
    _click(window, _button_centre(window, entry_id))  # the button would be emitted right here
    assert clicked == []
    assert QGuiApplication.clipboard().text() == "unchanged"
    assert [r.entry_id for r in window.selected_rows()] == [entry_id]  # a plain row click

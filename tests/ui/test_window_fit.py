"""The window fits a small screen: the details pane and its text preview scroll inside the
window instead of raising its minimum size, their labels wrap without overlapping, and the
document table keeps room for several rows when a document is selected."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    JobSpec,
    insert_jobs,
    ui_service_fixture,
    window_fixture,
)

from desktop_app.core.vault import Source

WAIT_MS = 60_000
LONG_REASON = (
    "The server refused the file: the remote file has expired and was deleted by the provider, "
    "so it will be uploaded again when the service accepts uploads once more."
)


def _select_failed_document(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "a" / "rather" / "deep" / "folder" / "of" / "scanned" / "contracts"
    folder.mkdir(parents=True)
    path = folder / "quarterly-report-with-a-long-name-2026.txt"
    path.write_text("Quarterly figures: revenue rose.\n" * 400, encoding="utf-8")
    entry_id = int(window._service.vault.add_file(path, Source.DROP).id)
    insert_jobs(
        window._service.db,
        [JobSpec(entry_id, "failed", attempts=3, error_kind="expired", error_message=LONG_REASON)],
    )
    window.reload()
    window.table.selectRow(window.proxy.mapFromSource(window.model.index(0, 0)).row())
    qtbot.waitUntil(lambda: window.details.open_button.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "from " in window.details.added_label.text(), timeout=WAIT_MS)


def _labels(window: Any) -> list[QLabel]:
    pane = window.details
    return [pane.status_label, pane.remote_label, pane.vault_label, pane.added_label]


def _fits(label: QLabel) -> bool:
    return label.height() >= label.heightForWidth(label.width())


def _in_pane(window: Any, label: QLabel) -> QRect:
    top_left = label.mapTo(window.details, label.rect().topLeft())
    return QRect(top_left, label.size())


def test_the_pane_and_preview_leave_the_window_small_enough_for_a_laptop(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    _select_failed_document(qtbot, window, tmp_path)
    with qtbot.waitSignal(window.details.preview.ready, timeout=WAIT_MS):
        window.details.preview_button.setChecked(True)
    hint = window.minimumSizeHint()
    assert hint.height() <= 700, hint
    assert hint.width() <= 1024, hint


def test_the_pane_labels_wrap_without_overlapping(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    _select_failed_document(qtbot, window, tmp_path)
    for height in (640, 700):
        window.resize(980, height)
        qtbot.waitUntil(lambda h=height: window.height() == h)
        labels = _labels(window)
        assert all(label.isVisible() for label in labels)
        # Each label becomes tall enough for its wrapped text: nothing is cut off.
        qtbot.waitUntil(lambda labels=labels: all(_fits(label) for label in labels))
        for first, second in combinations(labels, 2):
            assert not _in_pane(window, first).intersects(_in_pane(window, second)), (
                height,
                first.accessibleName(),
                second.accessibleName(),
            )


def test_the_table_keeps_room_for_rows_when_a_document_is_selected(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    _select_failed_document(qtbot, window, tmp_path)
    window.resize(980, 640)
    qtbot.waitUntil(lambda: window.height() == 640)
    rows = window.table.viewport().height() / window.table.verticalHeader().defaultSectionSize()
    assert rows >= 8, rows

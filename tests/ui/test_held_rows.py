"""The founding scenario: every upload is refused as "file has expired" and OpenAI's trouble
holds the queue. Rows that wait (to retry after an error, or for OpenAI) get the one-click
"Copy text" button too, say "when OpenAI recovers" instead of a retry time already past, and the
details agree with the row about the remote file."""

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
    JobSpec,
    insert_jobs,
    ui_service_fixture,
    window_fixture,
)

from desktop_app.core.vault import Source
from desktop_app.ui.models import Column

WAIT_MS = 60_000
TEXT = "Board minutes: the roof repair is approved for 18400 euros.\n"
EXPIRED = "Error code: 400 - {'error': {'message': 'The file has expired'}}"


def _document(window: Any, tmp_path: Path, state: str) -> int:
    path = tmp_path / f"minutes-{state}.txt"
    path.write_text(f"{TEXT}Filed as {state}.\n", encoding="utf-8")
    entry_id = int(window._service.vault.add_file(path, Source.DROP).id)
    error = {"error_kind": "expired", "error_message": EXPIRED} if state == "waiting_retry" else {}
    insert_jobs(
        window._service.db,
        [JobSpec(entry_id, state, attempts=1, next_attempt_at=time.time() - 600, **error)],
    )
    return entry_id


def _cell(window: Any, entry_id: int, column: Column) -> Any:
    row = window.proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0)).row()
    return window.proxy.index(row, column)


def _button_centre(window: Any, entry_id: int) -> QPoint:
    option = QStyleOptionViewItem()
    option.rect = window.table.visualRect(_cell(window, entry_id, Column.STATUS))
    option.widget = window.table
    return window.row_buttons.button_rect(option).center()


def _copies_with_one_click(qtbot: QtBot, window: Any, entry_id: int) -> None:
    QGuiApplication.clipboard().setText("something else")
    window.table.clearSelection()
    with qtbot.waitSignal(
        window.message_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda message: message.startswith(("Copied", "Could not")),
    ) as blocker:
        QTest.mouseClick(
            window.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=_button_centre(window, entry_id),
        )
    assert blocker.args[0].startswith("Copied the text of")
    assert "roof repair is approved" in QGuiApplication.clipboard().text()


def test_rows_held_by_an_outage_offer_copy_text_and_wait_for_openai(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    retrying = _document(window, tmp_path, "waiting_retry")
    queued = _document(window, tmp_path, "queued")
    window._service.uploads.hold("status")  # the status page reports an outage
    window.reload()
    status = _cell(window, retrying, Column.STATUS)
    qtbot.waitUntil(lambda: "when OpenAI recovers" in status.data(), timeout=10_000)
    assert status.data() == "Retrying when OpenAI recovers (the remote file expired)"
    # No retry time that has already passed.
    assert _cell(window, retrying, Column.ATTEMPTS).data() == "1 · next when OpenAI recovers"
    _copies_with_one_click(qtbot, window, retrying)
    _copies_with_one_click(qtbot, window, queued)


def test_a_row_waiting_to_retry_after_an_error_offers_copy_text(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    retrying = _document(window, tmp_path, "waiting_retry")
    window.reload()
    _copies_with_one_click(qtbot, window, retrying)


def test_the_details_agree_with_the_row_about_an_expired_remote_file(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    retrying = _document(window, tmp_path, "waiting_retry")
    window._service.uploads.hold("status")
    window.reload()
    status = _cell(window, retrying, Column.STATUS)
    qtbot.waitUntil(lambda: "when OpenAI recovers" in status.data(), timeout=10_000)
    window.table.selectRow(status.row())
    details = window.details
    qtbot.waitUntil(lambda: details.open_button.isEnabled(), timeout=WAIT_MS)
    assert details.remote_label.text() == "expired on the server, will be uploaded again"
    assert details.status_label.text().startswith(
        "Retrying when OpenAI recovers (the remote file expired)"
    )

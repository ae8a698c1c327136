"""Small things a new user noticed in the window: Help is the last menu, and sizes are written
in the same units as the command line writes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture, window_fixture  # noqa: F401 - fixtures

from desktop_app.core.vault import Source
from desktop_app.ui.models import Column

WAIT_MS = 60_000


def test_help_is_the_last_menu(window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Documents", "&Uploads", "&View", "&Help"]


def test_sizes_use_the_clis_binary_units(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"x" * 66_355)  # the CLI lists this as "64.8 KiB"
    entry_id = int(window._service.vault.add_file(path, Source.DROP).id)
    window.reload()
    row = window.proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0)).row()
    assert window.proxy.index(row, Column.SIZE).data() == "64.8 KiB"
    window.table.selectRow(row)
    qtbot.waitUntil(lambda: window.details.open_button.isEnabled(), timeout=WAIT_MS)
    assert "64.8 KiB" in window.details.added_label.text()

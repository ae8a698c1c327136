"""The window's details pane for the selected document, over a real store and vault: status and
full reason, upload history, remote id and expiry, the backup copy, buttons by state, the text
preview."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    JobSpec,
    insert_jobs,
    ui_service_fixture,
    window_fixture,
)

from desktop_app.core.vault import Source
from desktop_app.ui.details import timestamp

WAIT_MS = 60_000
REASON = (
    "The server refused the file: it is larger than the 512 MB the Files API accepts for this "
    "purpose, so it was not uploaded and will not be retried."
)


def _add(window: Any, tmp_path: Path, name: str, content: bytes) -> int:
    path = tmp_path / "originals" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    entry = window._service.vault.add_file(path, Source.DROP)
    window.reload()
    return int(entry.id)


def _select(qtbot: QtBot, window: Any, *entry_ids: int, wait: bool = True) -> None:
    window.table.clearSelection()
    for entry_id in entry_ids:
        row = window.proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0))
        window.table.selectionModel().select(
            row,
            window.table.selectionModel().SelectionFlag.Select
            | window.table.selectionModel().SelectionFlag.Rows,
        )
    if wait and len(entry_ids) == 1:
        qtbot.waitUntil(lambda: window.details.open_button.isEnabled(), timeout=WAIT_MS)


def test_a_failed_upload_shows_its_whole_reason_and_history(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    entry_id = _add(window, tmp_path, "scan.pdf", b"%PDF-1.4 a big scan")
    before = time.time()
    insert_jobs(
        window._service.db,
        [
            JobSpec(entry_id, "cancelled", attempts=1),
            JobSpec(entry_id, "failed", attempts=3, error_kind="too_large", error_message=REASON),
        ],
    )
    window.reload()
    _select(qtbot, window, entry_id)
    details = window.details
    assert details.title.text() == "scan.pdf"
    # The whole reason, wrapped and selectable (the table's cell cuts it short).
    assert details.status_label.text().startswith("Failed")
    assert details.status_label.text().endswith(REASON)
    assert details.status_label.wordWrap()
    assert details.remote_label.text() == "not uploaded"
    # Both uploads, newest first, with times, attempts and the last error.
    assert details.history.rowCount() == 2
    newest = [details.history.item(0, c).text() for c in range(4)]
    assert newest[2] == "3"
    assert newest[3] == f"Failed. Last error: {REASON}"
    assert newest[0][:10] == timestamp(before)[:10]
    assert details.history.item(1, 3).text() == "Cancelled"
    vault = window._service.vault
    assert details.vault_label.text() == str(vault.blob_path(vault.get(entry_id).sha256))
    assert "from " + str(tmp_path / "originals" / "scan.pdf") in details.added_label.text()


def test_an_uploaded_document_shows_its_remote_id_and_expiry(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    entry_id = _add(window, tmp_path, "notes.txt", b"meeting notes")
    expires = time.time() + 30 * 86_400
    insert_jobs(
        window._service.db,
        [JobSpec(entry_id, "done", attempts=1, file_id="file-abc123", expires_at=expires)],
    )
    window.reload()
    _select(qtbot, window, entry_id)
    details = window.details
    assert details.status_label.text() == "Uploaded"
    assert details.remote_label.text() == f"file-abc123 (expires {timestamp(expires)})"
    assert details.history.item(0, 3).text() == "Uploaded"


def test_buttons_follow_the_selection_and_the_backup(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    first = _add(window, tmp_path, "a.txt", b"first")
    second = _add(window, tmp_path, "b.txt", b"second")
    details = window.details
    buttons = (details.open_button, details.folder_button, details.restore_button)
    assert not any(b.isEnabled() for b in buttons)
    assert details.placeholder.text() == "Select a document to see its details."

    _select(qtbot, window, first)
    assert all(b.isEnabled() for b in buttons)
    _select(qtbot, window, first, second)
    assert not any(b.isEnabled() for b in buttons)
    assert details.placeholder.text() == "2 documents selected: select one to see its details."

    # A backup copy that went missing: nothing to open or restore, and the pane says so.
    vault = window._service.vault
    blob = vault.blob_path(vault.get(second).sha256)
    os.chmod(blob, stat.S_IWUSR | stat.S_IRUSR)
    blob.unlink()
    with qtbot.waitSignal(details.loaded, timeout=WAIT_MS):
        _select(qtbot, window, second, wait=False)
    assert not any(b.isEnabled() for b in buttons)
    assert "The backup copy is missing" in details.vault_label.text()


def test_open_original_opens_a_read_only_copy_and_restore_copies_out(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    entry_id = _add(window, tmp_path, "contract.pdf", b"%PDF-1.4 the contract")
    _select(qtbot, window, entry_id)
    details = window.details
    opened: list[QUrl] = []
    details.open_url = lambda url: opened.append(url) or True
    with qtbot.waitSignal(window.message_shown, timeout=WAIT_MS) as said:
        details.open_button.click()
    assert said.args[0] == "Opened a read-only copy of \u201ccontract.pdf\u201d."
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "contract.pdf"
    assert copy.read_bytes() == b"%PDF-1.4 the contract"
    assert not os.access(copy, os.W_OK) or os.geteuid() == 0
    assert not copy.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)

    details.folder_button.click()
    vault = window._service.vault
    assert Path(opened[1].toLocalFile()) == vault.blob_path(vault.get(entry_id).sha256).parent

    dest = tmp_path / "restored"
    details.ask_directory = lambda: str(dest)
    with qtbot.waitSignal(window.message_shown, timeout=WAIT_MS) as said:
        details.restore_button.click()
    assert said.args[0] == f"Restored {dest / 'contract.pdf'}."
    assert (dest / "contract.pdf").read_bytes() == b"%PDF-1.4 the contract"


def test_preview_text_follows_the_selection(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    first = _add(window, tmp_path, "first.txt", b"first.txt\n\nThe pelican count was 4471.\n")
    second = _add(window, tmp_path, "second.txt", b"second.txt\n\nThe heron count was 9902.\n")
    _select(qtbot, window, first)
    preview = window.details.preview
    assert not preview.isVisible()
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS):
        window.details.preview_button.click()
    assert "The pelican count was 4471." in preview.text_view.toPlainText()
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS):
        _select(qtbot, window, second)
    assert "The heron count was 9902." in preview.text_view.toPlainText()
    preview.copy_part(1)
    assert "The heron count was 9902." in QGuiApplication.clipboard().text()

"""Per-document actions in the window, against a real store, vault and upload engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    ui_service_fixture,
    upload_service_fixture,
    upload_window_fixture,
    window_fixture,
)

from desktop_app.core.errors import UnknownEntryError
from desktop_app.core.vault import Source
from desktop_app.ui.models import Column

WAIT_MS = 60_000


def _add(qtbot: QtBot, window: Any, tmp_path: Path, *docs: tuple[str, bytes]) -> list[int]:
    paths = []
    for name, content in docs:
        path = tmp_path / "originals" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        paths.append(path)
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as blocker:
        window.add_paths(paths, Source.DROP)
    ids: list[int] = blocker.args[0].entry_ids
    return ids


def _select(window: Any, entry_id: int) -> None:
    source_row = window.model.row_of(entry_id)
    proxy_row = window.proxy.mapFromSource(window.model.index(source_row, 0)).row()
    window.table.clearSelection()
    window.table.selectRow(proxy_row)


def _row(window: Any, entry_id: int) -> Any:
    return window.model.row_at(window.model.row_of(entry_id))


def _message(qtbot: QtBot, window: Any, trigger: Any) -> str:
    with qtbot.waitSignal(window.message_shown, timeout=WAIT_MS) as blocker:
        trigger()
    return str(blocker.args[0])


def test_restore_to_copies_the_backup_out(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    (entry_id,) = _add(qtbot, window, tmp_path, ("contract.pdf", b"%PDF-1.4 the contract"))
    _select(window, entry_id)
    dest = tmp_path / "restored"
    dest.mkdir()
    window.doc_actions.ask_directory = lambda: str(dest)
    assert window.doc_actions.restore.isEnabled()
    message = _message(qtbot, window, window.doc_actions.restore.trigger)
    assert message == f"Restored {dest / 'contract.pdf'}."
    assert (dest / "contract.pdf").read_bytes() == b"%PDF-1.4 the contract"
    # Cancelling the folder picker does nothing.
    window.doc_actions.ask_directory = lambda: ""
    window.doc_actions.restore.trigger()
    assert sorted(p.name for p in dest.iterdir()) == ["contract.pdf"]


def test_remove_asks_first_then_forgets_the_backup(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    keep, drop = _add(qtbot, window, tmp_path, ("keep.txt", b"keep"), ("drop.txt", b"drop"))
    _select(window, drop)
    questions: list[str] = []
    window.doc_actions.confirm = lambda q: questions.append(q) or False
    window.doc_actions.remove.trigger()
    assert questions and "“drop.txt”" in questions[0]
    assert window.model.rowCount() == 2  # the user said no
    window.doc_actions.confirm = lambda q: True
    assert _message(qtbot, window, window.doc_actions.remove.trigger) == "Removed “drop.txt”."
    assert window.model.row_of(drop) is None and window.model.row_of(keep) is not None
    with pytest.raises(UnknownEntryError):
        window._service.vault.get(drop)
    assert window._service.uploads.job_count() >= 0  # the service is still usable


def test_open_backup_folder_opens_the_folder_holding_the_blob(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    (entry_id,) = _add(qtbot, window, tmp_path, ("photo.jpg", b"\xff\xd8\xff jpeg-ish"))
    _select(window, entry_id)
    opened: list[QUrl] = []
    window.doc_actions.open_url = lambda url: opened.append(url) or True
    window.doc_actions.open_folder.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=WAIT_MS)
    sha = window._service.vault.get(entry_id).sha256
    folder = Path(opened[0].toLocalFile())
    assert (folder / sha).read_bytes() == b"\xff\xd8\xff jpeg-ish"


def test_actions_follow_the_selection(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    a, _ = _add(qtbot, window, tmp_path, ("a.txt", b"a"), ("b.txt", b"b"))
    window.table.clearSelection()
    assert not window.doc_actions.remove.isEnabled()
    assert not window.doc_actions.copy_file_id.isEnabled()  # nothing uploaded yet
    _select(window, a)
    assert window.doc_actions.open_folder.isEnabled() and window.doc_actions.copy_text.isEnabled()
    window.table.selectAll()
    assert not window.doc_actions.open_folder.isEnabled()  # one folder at a time
    assert window.doc_actions.remove.isEnabled()


def test_failed_upload_shows_live_then_retry_now_uploads_it(
    qtbot: QtBot, upload_window: Any, openai_server: Any, tmp_path: Path
) -> None:
    window = upload_window
    openai_server.expired(times=1)
    (entry_id,) = _add(qtbot, window, tmp_path, ("brief.txt", b"the brief, in plain text\n"))
    # The worker fails the upload; the bridge repaints the row without any reload.
    qtbot.waitUntil(lambda: _row(window, entry_id).state == "failed", timeout=WAIT_MS)
    status = window.proxy.data(window.proxy.index(0, Column.STATUS))
    assert status == "Failed: the remote file expired"
    qtbot.waitUntil(lambda: "1 failed" in window.queue_label.text(), timeout=WAIT_MS)

    _select(window, entry_id)
    assert window.doc_actions.retry.isEnabled()
    assert _message(qtbot, window, window.doc_actions.retry.trigger) == "Retrying 1 upload now."
    qtbot.waitUntil(lambda: _row(window, entry_id).state == "done", timeout=WAIT_MS)
    file_id = _row(window, entry_id).file_id
    assert file_id and file_id in openai_server.files
    assert window.proxy.data(window.proxy.index(0, Column.FILE_ID)) == file_id

    _select(window, entry_id)
    assert window.doc_actions.copy_file_id.isEnabled()
    window.doc_actions.copy_file_id.trigger()
    assert QGuiApplication.clipboard().text() == file_id


def test_pause_and_resume_from_the_window(qtbot: QtBot, upload_window: Any) -> None:
    window = upload_window
    message = _message(qtbot, window, window.pause_action.trigger)
    assert message == "Uploads paused."
    qtbot.waitUntil(lambda: "paused by you" in window.service_label.text(), timeout=WAIT_MS)
    assert window.pause_action.text().replace("&", "") == "Resume uploads"
    assert _message(qtbot, window, window.pause_action.trigger) == "Uploads resumed."
    qtbot.waitUntil(lambda: "paused" not in window.service_label.text(), timeout=WAIT_MS)


def test_copy_text_instead_puts_the_document_text_on_the_clipboard(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    text = "Quarterly figures: revenue up 12 percent, costs flat.\n"
    (entry_id,) = _add(qtbot, window, tmp_path, ("figures.txt", text.encode()))
    _select(window, entry_id)
    assert window.doc_actions.copy_text.isEnabled()
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(
        window.message_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda message: message.startswith(("Copied", "Could not")),
    ) as blocker:
        window.doc_actions.copy_text.trigger()
    assert blocker.args[0].startswith("Copied the text of “figures.txt”")
    assert "revenue up 12 percent" in QGuiApplication.clipboard().text()


def test_keyboard_delete_removes_from_the_table_but_edits_in_the_search_field(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    (entry_id,) = _add(qtbot, window, tmp_path, ("draft.txt", b"draft"))
    _select(window, entry_id)
    questions: list[str] = []
    window.doc_actions.confirm = lambda q: questions.append(q) or False
    window.search.setFocus()
    window.search.setText("dr")
    window.search.setCursorPosition(0)
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)
    assert window.search.text() == "r" and questions == []
    window.search.clear()
    window.table.setFocus()
    _select(window, entry_id)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert len(questions) == 1 and "“draft.txt”" in questions[0]


def test_a_long_text_is_copied_one_part_per_press(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    window._service.settings.fallback.max_tokens = 1_000
    paragraphs = [
        f"Paragraph {n}: " + " ".join(f"word{n}x{i}" for i in range(60)) for n in range(60)
    ]
    (entry_id,) = _add(qtbot, window, tmp_path, ("long.txt", "\n\n".join(paragraphs).encode()))
    _select(window, entry_id)

    def copy() -> str:
        with qtbot.waitSignal(
            window.message_shown,
            timeout=WAIT_MS,
            check_params_cb=lambda m: m.startswith(("Copied", "Could not")),
        ) as blocker:
            window.doc_actions.copy_text.trigger()
        return str(blocker.args[0])

    first = copy()
    assert first.startswith("Copied part 1 of ") and "again for part 2" in first
    part1 = QGuiApplication.clipboard().text()
    assert "Paragraph 0:" in part1
    second = copy()
    assert second.startswith("Copied part 2 of ")
    part2 = QGuiApplication.clipboard().text()
    assert part2 != part1 and "Paragraph 59:" not in part1

"""The copy history in the app: every copy the app makes is noted (tray, notification, a second
launch's copy-text, the row's button, the preview), the window's and the tray's "Copy again"
menus list it, and copying again puts the same part back on the clipboard after it was
overwritten; a document that is gone says so in one sentence and leaves the clipboard alone.

Real parts throughout: a Service on a temporary data root, the upload workers against the
loopback OpenAI server (which fails the upload), the sandboxed extraction, the Qt clipboard.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.app_home import loopback_home
from support.openai_server import FakeOpenAI
from ui.conftest_window import (  # noqa: F401 - fixtures
    ui_service_fixture,
    upload_service_fixture,
    upload_window_fixture,
    window_fixture,
)

from desktop_app import ipc
from desktop_app.core.service import CopyRecord, Service
from desktop_app.core.vault import Source
from desktop_app.ui import copying, tasks
from desktop_app.ui.app import TrayApp
from desktop_app.ui.history import history_signals
from desktop_app.ui.history_menu import CopyAgainMenu, entry_label
from desktop_app.ui.notifications import Notice
from desktop_app.ui.preview import PreviewWidget
from desktop_app.ui.single_instance import SingleInstance

WAIT_MS = 100_000
SENTENCE = "Seven amber lanterns swayed over the harbour wall at midnight."


@pytest.fixture
def shell(
    tmp_path: Path, openai_server: FakeOpenAI, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TrayApp]:
    """The running app (offscreen) whose uploads fail at once against the loopback server."""
    monkeypatch.setenv("ATTACHGUARD_BACKOFF_BASE", "0.01")
    monkeypatch.setenv("ATTACHGUARD_BACKOFF_CAP", "0.05")
    monkeypatch.setenv("ATTACHGUARD_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    paths = loopback_home(tmp_path / "home", openai_server)
    service = Service(paths)
    guard = SingleInstance(ipc.instance_address(paths))
    assert guard.acquire()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = TrayApp(qapp, service, guard)
    app.start(ipc.Request(ipc.Command.OPEN))
    try:
        yield app
    finally:
        app.shutdown()
        service.close()
        qapp.setQuitOnLastWindowClosed(False)
        assert tasks.wait_for_all(30_000)


def _document(tmp_path: Path, name: str = "minutes.txt") -> Path:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Minutes\n\n{SENTENCE}\n", encoding="utf-8")
    return path


def _noted(qtbot: QtBot, act: Any) -> CopyRecord:
    """Run ``act`` and return the copy it got noted in the history."""
    with qtbot.waitSignal(history_signals().recorded, timeout=WAIT_MS) as blocker:
        act()
    record = blocker.args[0]
    assert isinstance(record, CopyRecord)
    return record


def _labels(menu: CopyAgainMenu) -> list[str]:
    return [
        a.text().replace("&&", "\0").replace("&", "").replace("\0", "&") for a in menu.actions()
    ]


def _wait_listed(qtbot: QtBot, menu: CopyAgainMenu, count: int) -> None:
    qtbot.waitUntil(lambda: len(menu.records) == count, timeout=WAIT_MS)


def test_the_trays_notifications_and_a_second_launchs_copies_are_noted_and_listed(
    shell: TrayApp, openai_server: FakeOpenAI, qtbot: QtBot, tmp_path: Path
) -> None:
    openai_server.expired(times=None)
    notices: list[Notice] = []
    shell.notifier.notified.connect(notices.append)
    shell.handle_request(ipc.Request(ipc.Command.ADD, (str(_document(tmp_path)),)), None)
    qtbot.waitUntil(lambda: bool(notices), timeout=60_000)
    menu = shell.tray.again_menu
    assert _labels(menu) == ["Nothing copied yet"]
    clipboard = QGuiApplication.clipboard()

    # A click on the failure notification (before any other tray message replaces it).
    clipboard.setText("something else")
    first = _noted(qtbot, shell.tray.icon.messageClicked.emit)
    assert SENTENCE in clipboard.text()
    assert (first.document, first.part, first.parts, first.preset) == ("minutes.txt", 1, 1, "chat")
    entry_id = first.entry_id
    assert entry_id is not None

    # The tray's "Copy text instead".
    clipboard.setText("something else")
    second = _noted(qtbot, shell.tray.copy_action.trigger)
    assert SENTENCE in clipboard.text()
    assert second.entry_id == entry_id and second.id != first.id

    # "attachguard copy-text" handed to the running app.
    clipboard.setText("something else")
    third = _noted(
        qtbot,
        lambda: shell.handle_request(ipc.Request(ipc.Command.COPY_TEXT, entry_id=entry_id), None),
    )
    assert SENTENCE in clipboard.text()

    # The tray's "Copy text of…" submenu.
    qtbot.waitUntil(lambda: bool(shell.tray.copy_menu.actions()), timeout=WAIT_MS)
    clipboard.setText("something else")
    fourth = _noted(qtbot, shell.tray.copy_menu.actions()[0].trigger)
    assert SENTENCE in clipboard.text()

    assert [r.id for r in shell.service.copy_history()] == [
        fourth.id,
        third.id,
        second.id,
        first.id,
    ]
    _wait_listed(qtbot, menu, 4)
    assert _labels(menu)[0].startswith("1 minutes.txt, chat, ")


def test_copy_again_from_the_tray_after_the_clipboard_was_overwritten(
    shell: TrayApp, qtbot: QtBot, tmp_path: Path
) -> None:
    shell.handle_request(ipc.Request(ipc.Command.ADD, (str(_document(tmp_path)),)), None)
    qtbot.waitUntil(lambda: bool(shell.tray.copy_menu.actions()), timeout=WAIT_MS)
    _noted(qtbot, shell.tray.copy_menu.actions()[0].trigger)
    menu = shell.tray.again_menu
    _wait_listed(qtbot, menu, 1)

    QGuiApplication.clipboard().setText("a password the user copied meanwhile")
    with qtbot.waitSignal(shell.tray.copy_finished, timeout=WAIT_MS) as done:
        menu.actions()[0].trigger()
    result = done.args[0]
    assert result.ok, result.message
    assert result.message.startswith("Copied the text of \u201cminutes.txt\u201d")
    assert SENTENCE in QGuiApplication.clipboard().text()
    # Copying again is a copy too: it is the newest in the list now.
    _wait_listed(qtbot, menu, 2)


def test_the_rows_button_copy_is_noted_and_copied_again_from_the_window(
    qtbot: QtBot, upload_window: Any, openai_server: Any, tmp_path: Path
) -> None:
    window = upload_window
    openai_server.expired(times=1)
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as added:
        window.add_paths([_document(tmp_path)], Source.DROP)
    (entry_id,) = added.args[0].entry_ids

    def failed() -> bool:
        row = window.model.row_of(entry_id)
        return row is not None and window.model.row_at(row).state == "failed"

    qtbot.waitUntil(failed, timeout=WAIT_MS)
    # What the row's button does when clicked (tests/ui/test_row_button.py clicks it).
    record = _noted(qtbot, lambda: window.row_buttons.copy_clicked.emit(window.model.row_at(0)))
    assert (record.entry_id, record.document) == (entry_id, "minutes.txt")
    menu = window.copy_again_menu
    _wait_listed(qtbot, menu, 1)
    assert menu.title().replace("&", "") == "Copy again"
    assert menu.menuAction() in window.menuBar().actions()[1].menu().actions()

    QGuiApplication.clipboard().setText("something else")
    with qtbot.waitSignal(
        window.message_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda m: m.startswith(("Copied", "Could not")),
    ) as shown:
        menu.actions()[0].trigger()
    assert shown.args[0].startswith("Copied the text of \u201cminutes.txt\u201d")
    assert SENTENCE in QGuiApplication.clipboard().text()


def _report(tmp_path: Path, pages: int = 50) -> Path:
    from support import docgen

    return docgen.pdf(
        tmp_path / "annual-report.pdf",
        [
            " ".join(f"quarterly figure {n}-{i} rose" for i in range(50))
            + f" Marker page{n:02d}. "
            + " ".join(f"annual figure {n}-{i} fell" for i in range(50))
            for n in range(1, pages + 1)
        ],
    )


def test_preview_copies_are_noted_with_their_size_and_pages_and_copy_again_exactly(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    preview = PreviewWidget(ui_service, tasks)
    qtbot.addWidget(preview)
    entry = ui_service.vault.add_file(_report(tmp_path), Source.DROP)
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS) as ready:
        preview.load([entry.id])
    prompt = ready.args[0]
    parts = len(prompt.parts)
    assert parts >= 3

    second = _noted(qtbot, lambda: preview.copy_part(2))
    assert (second.document, second.part, second.parts) == ("annual-report.pdf", 2, parts)
    assert (second.preset, second.pages, second.sheet) == ("chat", None, None)
    third = _noted(qtbot, preview.copy_next)
    assert third.part == 3
    assert entry_label(second, 2, now=second.copied_at).startswith(
        f"&2 annual-report.pdf \u2014 part 2 of {parts}, chat, "
    )

    preview.selection_edit.setText("pages 4-6")
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS) as chosen:
        preview.selection_edit.returnPressed.emit()
    selected = _noted(qtbot, lambda: preview.copy_part(1))
    assert selected.pages == "4-6"
    assert "Marker page04." in QGuiApplication.clipboard().text()

    # Copy again rebuilds each the same way: part 2 of the whole report, part 1 of pages 4-6.
    for record, expected in ((second, prompt.parts[1]), (selected, chosen.args[0].parts[0])):
        QGuiApplication.clipboard().setText("something else")
        with qtbot.waitSignal(history_signals().recorded, timeout=WAIT_MS):
            results: list[Any] = []
            copying.copy_again(ui_service, record, on_done=results.append)
        assert results and results[0].ok, results
        assert QGuiApplication.clipboard().text() == expected
    newest = ui_service.copy_history()[0]
    assert (newest.part, newest.pages, newest.preset) == (1, "4-6", "chat")


def test_copying_again_a_document_that_is_gone_says_so_and_leaves_the_clipboard(
    qtbot: QtBot, window: Any, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_document(tmp_path, "notes.txt"), Source.DROP)
    _noted(qtbot, lambda: copying.copy_fallback(ui_service, [entry.id]))
    menu = window.copy_again_menu
    _wait_listed(qtbot, menu, 1)
    ui_service.vault.forget(entry.id)

    QGuiApplication.clipboard().setText("keep me")
    with qtbot.waitSignal(
        window.message_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda m: m.startswith(("Copied", "Could not")),
    ) as shown:
        menu.actions()[0].trigger()
    assert shown.args[0] == (
        "Could not copy notes.txt again: it is no longer backed up here; "
        "the clipboard was left unchanged."
    )
    assert QGuiApplication.clipboard().text() == "keep me"


def test_a_copy_of_several_documents_together_is_not_noted(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    ids = [
        ui_service.vault.add_file(_document(tmp_path, name), Source.DROP).id
        for name in ("a.txt", "b.txt")
    ]
    results: list[Any] = []
    copying.copy_fallback(ui_service, ids, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert results[0].ok and SENTENCE in QGuiApplication.clipboard().text()
    assert tasks.wait_for_all(30_000)
    # One entry could not rebuild a prompt of two documents, so there is none.
    assert ui_service.copy_history() == []


def test_an_entry_says_part_size_selection_and_when() -> None:
    copied = time.mktime((2026, 3, 9, 14, 2, 0, 0, 0, -1))
    record = CopyRecord(7, 3, None, "Q&A.pdf", 2, 5, "chat", None, "3-10", None, copied)
    assert entry_label(record, 1, now=copied + 60) == (
        "&1 Q&&A.pdf \u2014 part 2 of 5, chat, pages 3-10, 14:02"
    )
    assert entry_label(record, 10, now=copied + 2 * 86_400).endswith("2026-03-09 14:02")
    whole = CopyRecord(8, 3, None, "sales.xlsx", 1, 1, "api", 50_000, None, "Q3", copied)
    assert entry_label(whole, 2, now=copied) == "&2 sales.xlsx, 50,000 tokens, sheet Q3, 14:02"

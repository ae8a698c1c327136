"""Issue 12 in the tray and the window: the text fallback works for every document, a copy
never fails silently, one row per document, and no green "all good" while uploads fail, wait
or are held.

Real parts: a Service on a temporary data root with no API key and no upload workers, the
sandboxed text extraction, the Qt clipboard (offscreen). Job states are written by the real
queue (``support.queue_states``), as the engine writes them during an outage.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from support.queue_states import add, expire, expiry_error_waiting, fail, job_of
from support.snapshots import queue_status, snap
from ui.conftest_window import window_fixture  # noqa: F401 - fixture

from desktop_app.core.service import Service
from desktop_app.core.uploads import JobState
from desktop_app.core.vault import Source
from desktop_app.paths import AppPaths
from desktop_app.settings import load_settings
from desktop_app.ui import tasks
from desktop_app.ui.copying import CopyResult, copy_fallback
from desktop_app.ui.models import Column, StatusFilter
from desktop_app.ui.status_view import describe_queue
from desktop_app.ui.tray import TrayController
from desktop_app.ui.tray_state import TrayState, describe

WAIT_MS = 60_000
NOW = 1_800_000_000.0


#: A 1x1 PNG: an image with no text layer (extraction would need OCR).
def _blank_png() -> bytes:
    """A picture with no text at all: no text layer, and OCR reads no words in it."""
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "white").save(buffer, format="PNG")
    return buffer.getvalue()


NO_TEXT_PNG = _blank_png()


@pytest.fixture(name="ui_service")
def ui_service_fixture(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    """A ChatGPT-only user: no API key anywhere, nothing uploads."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    service = Service(app_paths, load_settings(app_paths.settings_file, environ={}))
    yield service
    tasks.wait_for_all()
    service.close()


@pytest.fixture
def tray(qtbot: QtBot, ui_service: Service) -> Iterator[TrayController]:
    controller = TrayController(
        ui_service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    yield controller
    controller.close()
    tasks.wait_for_all()


def _snapshot(qtbot: QtBot, tray: TrayController) -> Any:
    with qtbot.waitSignal(tray.view_changed, timeout=WAIT_MS) as blocker:
        tray.refresh()
    return blocker.args[0]


def _copy(qtbot: QtBot, tray: TrayController, trigger: Any) -> CopyResult:
    with qtbot.waitSignal(tray.copy_finished, timeout=WAIT_MS) as blocker:
        trigger()
    result: CopyResult = blocker.args[0]
    return result


def _menu_names(tray: TrayController) -> list[str]:
    return [a.toolTip() for a in tray.copy_menu.actions()]


# -- 1. the text fallback works for every document, always ------------------------------------


def test_copy_text_instead_with_no_key_and_no_failed_job_copies_the_latest_added(
    qtbot: QtBot, tray: TrayController, ui_service: Service, tmp_path: Path
) -> None:
    add(ui_service, tmp_path, "older.txt", "The older note mentions eleven blue herons.")
    add(ui_service, tmp_path, "newer.txt", "The newer note mentions twelve red kites.")
    assert not ui_service.has_api_key()
    _snapshot(qtbot, tray)
    QGuiApplication.clipboard().setText("before")

    result = _copy(qtbot, tray, tray.copy_action.trigger)

    assert result.ok, result.message
    assert result.message.startswith("Copied the text of \u201cnewer.txt\u201d")
    assert "twelve red kites" in QGuiApplication.clipboard().text()


def test_copy_text_of_submenu_lists_recent_documents_and_copies_the_chosen_one(
    qtbot: QtBot, tray: TrayController, ui_service: Service, tmp_path: Path
) -> None:
    for i in range(12):
        add(ui_service, tmp_path, f"note-{i:02d}.txt", f"Note {i} counts {i * 7} swans.")
    add(ui_service, tmp_path, "note-04 & co.txt", "Note 4 counts 28 swans.")  # re-added
    _snapshot(qtbot, tray)

    names = _menu_names(tray)
    assert len(names) == 10  # the last 10 documents, one per content
    assert names[:3] == ["note-04 & co.txt", "note-11.txt", "note-10.txt"]
    assert tray.copy_menu.isEnabled()
    assert tray.copy_menu.actions()[0].text() == "&1 note-04 && co.txt (added)"

    third = tray.copy_menu.actions()[2]  # note-10.txt
    result = _copy(qtbot, tray, third.trigger)
    assert result.ok, result.message
    assert "Note 10 counts 70 swans." in QGuiApplication.clipboard().text()


def test_copy_text_instead_during_an_outage_copies_the_failed_document(
    qtbot: QtBot,
    tray: TrayController,
    ui_service: Service,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-never-sent")  # no worker runs here
    failed = add(ui_service, tmp_path, "contract.txt", "The contract renews on 3 March.")
    add(ui_service, tmp_path, "later.txt", "A later, unrelated document.")
    expiry_error_waiting(ui_service, job_of(ui_service, failed))  # "The file has expired"
    ui_service.uploads.hold("status")  # and the status page reports an outage of Files

    view = _snapshot(qtbot, tray)
    assert view.state is TrayState.TROUBLE
    assert "Next retry: when OpenAI recovers" in view.tooltip
    assert _menu_names(tray)[:2] == ["contract.txt", "later.txt"]
    assert tray.copy_menu.actions()[0].text() == "&1 contract.txt (expired on OpenAI)"

    result = _copy(qtbot, tray, tray.copy_action.trigger)
    assert result.ok, result.message
    assert "renews on 3 March" in QGuiApplication.clipboard().text()


def test_copy_text_instead_with_an_empty_vault_says_so(qtbot: QtBot, tray: TrayController) -> None:
    QGuiApplication.clipboard().setText("left alone")
    result = _copy(qtbot, tray, tray.copy_action.trigger)
    assert not result.ok
    assert result.message == "There is no document to copy text from yet: add one."
    assert QGuiApplication.clipboard().text() == "left alone"


# -- 2. a copy never fails silently ---------------------------------------------------------


def test_failed_extraction_leaves_the_clipboard_and_tells_the_whole_reason(
    qtbot: QtBot, tray: TrayController, ui_service: Service, tmp_path: Path
) -> None:
    scan = tmp_path / "scanned letter.png"
    scan.write_bytes(NO_TEXT_PNG)
    ui_service.add_documents([scan], source=Source.DROP)
    _snapshot(qtbot, tray)
    QGuiApplication.clipboard().setText("the previous document's text")
    shown: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda title, text: shown.append((title, text)))

    result = _copy(qtbot, tray, tray.copy_menu.actions()[0].trigger)

    assert not result.ok
    assert QGuiApplication.clipboard().text() == "the previous document's text"
    assert result.message.startswith("Could not copy the text: ")
    assert "scanned letter.png" in result.message and "no text layer" in result.message
    assert result.message.endswith("The clipboard was left unchanged.")
    assert "Traceback" not in result.message
    assert shown == [("AttachGuard", result.message)]  # the notification, in full


def test_a_failed_copy_in_the_window_shows_the_full_reason_in_the_status_bar(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    scan = tmp_path / (("a scanned page with a rather long file name " * 3).strip() + ".png")
    scan.write_bytes(NO_TEXT_PNG)
    with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS) as added:
        window.add_paths([scan], Source.DROP)
    (entry_id,) = added.args[0].entry_ids
    window.table.selectRow(window.model.row_of(entry_id))
    QGuiApplication.clipboard().setText("keep me")
    copies: list[CopyResult] = []
    window.doc_actions.copy_finished.connect(copies.append)

    qtbot.waitUntil(lambda: window.doc_actions.copy_text.isEnabled(), timeout=WAIT_MS)
    window.doc_actions.copy_text.trigger()
    qtbot.waitUntil(lambda: bool(copies), timeout=WAIT_MS)

    message = copies[0].message
    assert not copies[0].ok and "no text layer" in message
    assert QGuiApplication.clipboard().text() == "keep me"
    bar = window.statusBar()
    assert bar.toolTip() == message  # the whole sentence stays readable
    shown = bar.currentMessage()
    assert shown == message or (shown.endswith("\u2026") and message.startswith(shown[:-1]))


def test_the_last_copy_asked_for_wins_over_an_earlier_slower_one(
    qtbot: QtBot, ui_service: Service, tmp_path: Path
) -> None:
    slow = add(ui_service, tmp_path, "long report.txt", "Long report. " + "words " * 20_000)
    quick = add(ui_service, tmp_path, "short memo.txt", "The short memo says 42.")
    warm: list[CopyResult] = []
    copy_fallback(ui_service, [quick], on_done=warm.append)  # its text is cached now
    qtbot.waitUntil(lambda: bool(warm), timeout=WAIT_MS)

    results: dict[str, CopyResult] = {}
    copy_fallback(ui_service, [slow], on_done=lambda r: results.__setitem__("slow", r))
    copy_fallback(ui_service, [quick], on_done=lambda r: results.__setitem__("quick", r))
    qtbot.waitUntil(lambda: len(results) == 2, timeout=WAIT_MS)

    assert results["quick"].ok
    assert results["slow"].superseded and not results["slow"].ok
    assert QGuiApplication.clipboard().text().count("The short memo says 42.") == 1
    assert "Long report." not in QGuiApplication.clipboard().text()


# -- 3. one row per document, truthful counts -------------------------------------------------


def test_the_same_file_added_twice_is_one_row_added_twice(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    first = tmp_path / "invoice.pdf"
    first.write_bytes(b"%PDF-1.4 the same invoice")
    renamed = tmp_path / "invoice (1).pdf"
    renamed.write_bytes(first.read_bytes())
    for path in (first, renamed):
        with qtbot.waitSignal(window.documents_added, timeout=WAIT_MS):
            window.add_paths([path], Source.DROP)

    assert window.model.rowCount() == 1
    name = window.model.data(window.model.index(0, Column.NAME))
    assert name == "invoice (1).pdf (added 2\u00d7)"
    assert window.count_label.text() == "1 document"


def test_tray_counts_documents_not_jobs(
    qtbot: QtBot,
    tray: TrayController,
    ui_service: Service,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The case: 2 distinct documents missing, added 7 times in all.
    for i in range(4):
        fail(ui_service, job_of(ui_service, add(ui_service, tmp_path, f"a{i}.txt", "alpha")))
    for i in range(3):
        fail(ui_service, job_of(ui_service, add(ui_service, tmp_path, f"b{i}.txt", "beta")))

    view = _snapshot(qtbot, tray)
    # No key: the tray says so first; the per-document count is in the tooltip.
    assert "2 failed" in view.tooltip
    assert "7" not in view.tooltip
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-never-sent")  # no worker runs here
    tray.key_changed()
    qtbot.waitUntil(lambda: tray.view is not None and tray.view.state is TrayState.ATTENTION)
    assert tray.view is not None and tray.view.count == 2
    assert tray.view.headline == "2 documents could not be uploaded"


# -- 4. never green while failing, waiting or held; the next retry, live ---------------------


def test_waiting_jobs_alone_are_not_all_good() -> None:
    view = describe(snap(counts={"waiting_retry": 3, "done": 4}, next_retry_at=NOW + 30), NOW)
    assert view.state is not TrayState.OK
    assert view.headline == "3 documents waiting to retry"
    assert "Next retry: " in view.tooltip and "(in 30 s)" in view.tooltip
    assert view.live


@pytest.mark.parametrize(
    "held", [{"breaker_open": True}, {"paused": "service_outage"}, {"held": True}]
)
def test_held_jobs_retry_when_openai_recovers_not_now(held: dict[str, object]) -> None:
    view = describe(snap(counts={"queued": 2, "waiting_retry": 5}, next_retry_at=NOW, **held), NOW)
    assert view.state is TrayState.TROUBLE
    assert "Next retry: when OpenAI recovers" in view.tooltip
    assert "now" not in view.tooltip.split("Next retry:")[1]


def test_expired_uploads_need_attention_in_the_tray() -> None:
    view = describe(snap(counts={"expired": 1, "done": 3}), NOW)
    assert view.state is TrayState.ATTENTION and view.count == 1
    assert view.headline == "1 uploaded document expired on OpenAI"
    assert "1 expired, 3 uploaded" in view.tooltip


def test_the_tray_state_is_not_ok_while_the_status_page_holds_uploads(
    qtbot: QtBot,
    tray: TrayController,
    ui_service: Service,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-never-sent")  # no worker runs here
    add(ui_service, tmp_path, "held.txt", "held")
    ui_service.uploads.hold("status")
    view = _snapshot(qtbot, tray)
    assert view.state is TrayState.TROUBLE
    assert "Next retry: when OpenAI recovers" in view.tooltip
    assert not tray.live  # nothing to count down while held


def test_the_retry_time_is_kept_live_and_the_timer_stops_when_nothing_waits(
    qtbot: QtBot, tray: TrayController
) -> None:
    import time

    tray.apply(describe(snap(counts={"waiting_retry": 1}, next_retry_at=time.time() + 3600)))
    assert tray.live
    tray._snapshot = snap(counts={"waiting_retry": 1}, next_retry_at=time.time() + 3600)
    with qtbot.waitSignal(tray.view_changed, timeout=5_000):  # the timer re-describes it
        pass
    tray.apply(describe(snap(counts={"done": 1})))
    assert not tray.live


def test_the_status_bar_never_says_ready_while_uploads_wait() -> None:
    def fmt(_t: float) -> str:
        return "14:05:09"

    waiting = queue_status(documents={JobState.WAITING_RETRY: 5}, next_retry_at=NOW)
    assert describe_queue(waiting, fmt)[1:] == (
        "Retrying 5 uploads; next try 14:05:09",
        "warning",
    )
    held = queue_status(documents={JobState.QUEUED: 5}, held=True, next_retry_at=None)
    assert describe_queue(held, fmt)[1:] == (
        "Service trouble: uploads are held; next try when OpenAI recovers",
        "error",
    )
    held = queue_status(documents={JobState.QUEUED: 5}, breaker_open=True, next_retry_at=NOW)
    assert describe_queue(held, fmt)[1] == (
        "Service trouble: uploads are held; next try when OpenAI recovers"
    )
    expired = queue_status(documents={JobState.EXPIRED: 1, JobState.DONE: 2})
    assert describe_queue(expired, fmt) == (
        "1 expired",
        "Some uploads need attention",
        "warning",
    )


def test_window_status_bar_counts_documents_and_refreshes_while_waiting(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    service = window._service
    for i in range(3):
        fail(service, job_of(service, add(service, tmp_path, f"x{i}.txt", "same content")))
    waiting = add(service, tmp_path, "w.txt", "waiting")
    expiry_error_waiting(service, job_of(service, waiting))
    window.refresh_status()
    qtbot.waitUntil(lambda: "failed" in window.queue_label.text(), timeout=WAIT_MS)
    assert window.queue_label.text() == "1 waiting to retry · 1 failed"
    assert window.service_label.text() != "Ready"
    assert window.queue_status.live_timer.isActive()


# -- the expired state in the window -------------------------------------------------------


def test_an_expired_upload_shows_as_expired_and_can_be_uploaded_again(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    service = window._service
    entry = add(service, tmp_path, "slides.txt", "slides")
    job = job_of(service, entry)
    expire(service, job)
    window.reload()
    row = window.model.row_of(entry)
    assert window.model.data(window.model.index(row, Column.STATUS)) == "Expired"
    window.proxy.set_status(StatusFilter.EXPIRED)
    assert window.proxy.rowCount() == 1
    window.proxy.set_status(StatusFilter.ALL)

    window.table.selectRow(row)
    assert window.doc_actions.upload_again.isEnabled()
    with qtbot.waitSignal(window.message_shown, timeout=WAIT_MS) as shown:
        window.doc_actions.upload_again.trigger()
    assert shown.args[0] == "Uploading 1 document again."
    assert service.uploads.job(job).state is JobState.QUEUED


def test_removing_a_document_added_twice_removes_it_for_good(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    service = window._service
    add(service, tmp_path, "draft.txt", "one content")
    newest = add(service, tmp_path, "draft (2).txt", "one content")
    window.reload()
    assert window.model.rowCount() == 1
    window.table.selectRow(window.model.row_of(newest))
    window.doc_actions.confirm = lambda _question: True
    with qtbot.waitSignal(window.message_shown, timeout=WAIT_MS) as shown:
        window.doc_actions.remove.trigger()
    assert shown.args[0] == "Removed \u201cdraft (2).txt\u201d."
    window.reload()
    assert window.model.rowCount() == 0  # the older add does not come back
    assert service.documents().count() == 0

"""The running app in-process (offscreen): tray actions, second-launch requests, notices.

Real parts throughout: a Service on a temporary data root, the upload workers talking to the
loopback OpenAI server, the sandboxed text extraction, the Qt clipboard.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.app_home import loopback_home
from support.openai_server import FakeOpenAI

from desktop_app import ipc
from desktop_app.core.service import Service
from desktop_app.ui import tasks
from desktop_app.ui.app import TrayApp
from desktop_app.ui.bridge import ServiceBridge
from desktop_app.ui.notifications import Notice, Notifier
from desktop_app.ui.single_instance import SingleInstance
from desktop_app.ui.tray_state import TrayState

SENTENCE = "Seven amber lanterns swayed over the harbour wall at midnight."


@pytest.fixture
def fast_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTACHGUARD_BACKOFF_BASE", "0.01")
    monkeypatch.setenv("ATTACHGUARD_BACKOFF_CAP", "0.05")
    monkeypatch.setenv("ATTACHGUARD_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@contextmanager
def _running(tmp_path: Path, server: FakeOpenAI, *, welcomed: bool = False) -> Iterator[TrayApp]:
    paths = loopback_home(tmp_path / "home", server)
    if welcomed:  # a returning user: the welcome window was shown on an earlier start
        with paths.settings_file.open("a", encoding="utf-8") as settings:
            settings.write("\n[ui]\nwelcome_shown = true\n")
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


@pytest.fixture
def shell(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    qtbot: QtBot,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[TrayApp]:
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    with _running(tmp_path, openai_server) as app:
        yield app


def _document(tmp_path: Path, name: str = "minutes.txt") -> Path:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Minutes\n\n{SENTENCE}\n", encoding="utf-8")
    return path


def _jobs(app: TrayApp) -> list[object]:
    return list(app.service.uploads.jobs())


def test_pause_and_resume_from_the_tray(shell: TrayApp, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: shell.tray.view is not None, timeout=30_000)
    shell.tray.pause_action.trigger()
    qtbot.waitUntil(
        lambda: shell.tray.view is not None and shell.tray.view.state is TrayState.PAUSED,
        timeout=30_000,
    )
    assert str(shell.service.uploads.paused) == "user"
    assert shell.tray.pause_action.text() == "Res&ume uploads"
    assert "Uploads paused by you" in shell.tray.icon.toolTip()

    shell.tray.pause_action.trigger()
    qtbot.waitUntil(
        lambda: shell.tray.view is not None and shell.tray.view.state is TrayState.OK,
        timeout=30_000,
    )
    assert shell.service.uploads.paused is None


def test_expired_upload_is_announced_and_copy_text_fills_the_clipboard(
    shell: TrayApp, openai_server: FakeOpenAI, qtbot: QtBot, tmp_path: Path
) -> None:
    openai_server.expired(times=None)
    notices: list[Notice] = []
    shell.notifier.notified.connect(notices.append)
    shell.handle_request(ipc.Request(ipc.Command.ADD, (str(_document(tmp_path)),)), None)

    qtbot.waitUntil(lambda: bool(notices), timeout=60_000)
    assert len(notices) == 1
    assert notices[0].title == "Upload expired"
    assert "\u201cminutes.txt\u201d expired on OpenAI's side" in notices[0].text
    qtbot.waitUntil(
        lambda: shell.tray.view is not None and shell.tray.view.state is TrayState.ATTENTION,
        timeout=30_000,
    )
    assert shell.tray.view is not None and shell.tray.view.count == 1

    with qtbot.waitSignal(shell.tray.copy_finished, timeout=60_000) as done:
        shell.tray.copy_action.trigger()
    result = done.args[0]
    assert result.ok, result.message
    assert result.message.startswith("Copied the text of \u201cminutes.txt\u201d")
    assert SENTENCE in QGuiApplication.clipboard().text()


def test_retry_failed_now_uploads_again(
    shell: TrayApp, openai_server: FakeOpenAI, qtbot: QtBot, tmp_path: Path
) -> None:
    openai_server.fail_status(400, times=1, message="Invalid file")  # permanent: no auto-retry
    shell.handle_request(ipc.Request(ipc.Command.ADD, (str(_document(tmp_path)),)), None)
    qtbot.waitUntil(
        lambda: [str(j.state) for j in _jobs(shell)] == ["failed"],  # type: ignore[attr-defined]
        timeout=60_000,
    )
    shell.tray.retry_action.trigger()
    qtbot.waitUntil(
        lambda: [str(j.state) for j in _jobs(shell)] == ["done"],  # type: ignore[attr-defined]
        timeout=60_000,
    )
    assert [f.filename for f in openai_server.files.values()] == ["minutes.txt"]


def test_second_launch_request_backs_up_in_the_running_app(
    shell: TrayApp, qtbot: QtBot, tmp_path: Path
) -> None:
    document = _document(tmp_path, "from file manager.txt")
    replies: list[ipc.Reply | None] = []
    request = ipc.Request(ipc.Command.ADD, (str(document),))
    address = ipc.instance_address(shell.service.paths)
    sender = threading.Thread(target=lambda: replies.append(ipc.send(address, request)))
    sender.start()
    qtbot.waitUntil(lambda: bool(replies), timeout=30_000)
    sender.join()
    assert replies == [ipc.Reply(True, "AttachGuard is backing up 1 item(s).")]
    qtbot.waitUntil(
        lambda: [e.name for e in shell.service.vault.entries()] == ["from file manager.txt"],
        timeout=60_000,
    )


def test_first_run_asks_for_the_key_in_the_welcome_window_without_a_balloon_beside_it(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    qtbot: QtBot,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    messages: list[tuple[str, str]] = []
    with _running(tmp_path, openai_server) as app:
        app.tray.message_shown.connect(lambda title, text: messages.append((title, text)))
        qtbot.waitUntil(
            lambda: (
                app.window is not None
                and app.window.welcome is not None
                and app.window.welcome.isVisible()
            ),
            timeout=30_000,
        )
        qtbot.waitUntil(lambda: app.tray.view is not None and app.tray.view.needs_key)
        assert app.tray.key_notice.isVisible()  # the tray menu still says it
        assert not [text for _, text in messages if "API key" in text]


def test_without_a_key_a_returning_user_is_told_uploads_are_paused(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    qtbot: QtBot,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    messages: list[tuple[str, str]] = []
    with _running(tmp_path, openai_server, welcomed=True) as app:
        app.tray.message_shown.connect(lambda title, text: messages.append((title, text)))
        qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
        assert "Uploads are paused until you add an API key" in messages[0][1]
        assert app.tray.view is not None and app.tray.view.needs_key
        assert app.tray.key_notice.isVisible()
        assert app.tray.settings_action.isEnabled()
        # Backing up still works without a key.
        app.handle_request(ipc.Request(ipc.Command.ADD, (str(_document(tmp_path)),)), None)
        qtbot.waitUntil(lambda: len(app.service.vault.entries()) == 1, timeout=60_000)


def test_a_burst_of_failures_is_one_notice_and_never_repeated(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    qtbot: QtBot,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.core.vault import Source

    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    openai_server.fail_status(400, times=None, message="Invalid file")
    paths = loopback_home(tmp_path / "home", openai_server)
    service = Service(paths)
    try:
        entries = [
            service.vault.add_file(_document(tmp_path, f"doc{i}.txt"), Source.CLI) for i in range(6)
        ]
        job_ids = service.uploads.enqueue([e.id for e in entries])
        service.uploads.start()
        service.uploads.run_until_idle(job_ids, timeout=60)
        assert {str(service.uploads.job(j).state) for j in job_ids} == {"failed"}

        bridge = ServiceBridge(service)  # not attached: the test plays the worker's reports
        shown: list[Notice] = []
        notifier = Notifier(service, bridge, shown.append, window_ms=50)
        bridge.jobs_changed.emit(frozenset(job_ids[:2]))
        bridge.jobs_changed.emit(frozenset(job_ids))
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        assert len(shown) == 1
        assert shown[0].title == "6 uploads need attention"
        assert "6 documents could not be uploaded (6 failed)" in shown[0].text
        assert set(shown[0].entry_ids) == {e.id for e in entries}

        bridge.jobs_changed.emit(frozenset(job_ids))  # the same failures again: no new notice
        qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=30_000)
        assert len(shown) == 1
        assert not notifier._timer.isActive()  # nothing new was collected either
        notifier.close()
    finally:
        service.uploads.stop()
        service.close()


def test_clicking_the_failure_notice_copies_the_text(
    shell: TrayApp, openai_server: FakeOpenAI, qtbot: QtBot, tmp_path: Path
) -> None:
    openai_server.expired(times=None)
    notices: list[Notice] = []
    shell.notifier.notified.connect(notices.append)
    shell.handle_request(ipc.Request(ipc.Command.ADD, (str(_document(tmp_path)),)), None)
    qtbot.waitUntil(lambda: bool(notices), timeout=60_000)
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(shell.tray.copy_finished, timeout=60_000) as done:
        shell.tray.icon.messageClicked.emit()  # what Qt emits when the user clicks the balloon
    assert done.args[0].ok
    assert SENTENCE in QGuiApplication.clipboard().text()


def test_copy_text_for_a_document_without_text_says_why(
    shell: TrayApp, openai_server: FakeOpenAI, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop_app.core.vault import Source
    from desktop_app.ui.copying import CopyResult, copy_fallback

    image = tmp_path / "scan.png"
    image.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
        )
    )
    entry = shell.service.vault.add_file(image, Source.DROP)
    QGuiApplication.clipboard().setText("left alone")
    results: list[CopyResult] = []
    copy_fallback(shell.service, [entry.id], on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert not results[0].ok
    assert results[0].message.startswith("Could not copy the text: ")
    assert "Traceback" not in results[0].message
    assert QGuiApplication.clipboard().text() == "left alone"  # nothing half-copied


def test_open_and_settings_from_the_tray_menu(shell: TrayApp, qtbot: QtBot) -> None:
    from desktop_app.ui.settings_dialog import SettingsDialog

    shell.tray.open_action.trigger()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=30_000)
    shell.tray.settings_action.trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, SettingsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=30_000,
    )


def test_open_with_files_starts_with_the_window_and_backs_them_up(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    qtbot: QtBot,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    paths = loopback_home(tmp_path / "home", openai_server)
    guard = SingleInstance(ipc.instance_address(paths))
    assert guard.acquire()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = TrayApp(qapp, None, guard)  # as run() does: the service opens in the background
    opened: list[Service] = []

    def open_service() -> Service:
        opened.append(Service(paths))
        return opened[0]

    document = _document(tmp_path, "opened with.txt")
    app.launch(ipc.open_request([str(document)]), open_service)
    try:
        assert app.tray.icon.toolTip() == "AttachGuard: starting\u2026"
        qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=60_000)
        qtbot.waitUntil(
            lambda: [e.name for e in app.service.vault.entries()] == ["opened with.txt"],
            timeout=60_000,
        )
        qtbot.waitUntil(
            lambda: [str(j.state) for j in app.service.uploads.jobs()] == ["done"],
            timeout=60_000,
        )
    finally:
        app.shutdown()
        for service in opened:
            service.close()
        qapp.setQuitOnLastWindowClosed(False)


def test_copy_text_instead_of_a_scanned_pdf_reads_it_with_ocr(
    shell: TrayApp, openai_server: FakeOpenAI, qtbot: QtBot, tmp_path: Path
) -> None:
    from support import ocr_pages

    expected = [ocr_pages.words(120, seed=60 + n) for n in range(5)]
    scan = ocr_pages.image_pdf(
        [ocr_pages.text_page(w, height_in=5.5) for w in expected], tmp_path / "scan.pdf"
    )
    openai_server.expired(times=None)
    notices: list[Notice] = []
    shell.notifier.notified.connect(notices.append)
    shell.handle_request(ipc.Request(ipc.Command.ADD, (str(scan),)), None)
    qtbot.waitUntil(lambda: bool(notices), timeout=60_000)

    with qtbot.waitSignal(shell.tray.copy_finished, timeout=100_000) as done:
        shell.tray.copy_action.trigger()
    result = done.args[0]
    assert result.ok, result.message
    copied = QGuiApplication.clipboard().text()
    assert 'name="scan.pdf"' in copied and 'ocr="all pages"' in copied
    for words in expected:
        assert ocr_pages.recall(words, copied) >= 0.95


def test_reading_a_scan_reports_pages_and_can_be_cancelled(
    shell: TrayApp, qtbot: QtBot, tmp_path: Path
) -> None:
    import threading

    from support import ocr_pages

    from desktop_app.core.vault import Source
    from desktop_app.ui.copying import CopyResult, copy_fallback

    scan = ocr_pages.image_pdf(
        [ocr_pages.text_page(ocr_pages.words(60, seed=70 + n), height_in=4) for n in range(4)],
        tmp_path / "fax.pdf",
    )
    entry = shell.service.vault.add_file(scan, Source.DROP)
    QGuiApplication.clipboard().setText("left alone")
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []
    results: list[CopyResult] = []

    def on_progress(progress: object) -> None:
        assert threading.current_thread() is threading.main_thread()  # safe to touch widgets
        seen.append((progress.done, progress.total))  # type: ignore[attr-defined]
        cancel.set()  # the user pressed Cancel after the first page

    copy_fallback(
        shell.service, [entry.id], on_done=results.append, on_progress=on_progress, cancel=cancel
    )
    qtbot.waitUntil(lambda: bool(results), timeout=100_000)
    assert seen and seen[0] == (1, 4)
    assert not results[0].ok
    assert "cancelled" in results[0].message
    assert QGuiApplication.clipboard().text() == "left alone"

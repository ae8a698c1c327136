"""The bridge and the background runner deliver worker-thread results on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot
from support.openai_server import FakeOpenAI

from desktop_app.ui import tasks
from desktop_app.ui.bridge import ServiceBridge


@dataclass(frozen=True)
class _Event:
    """The shape of ``core.uploads.UploadEvent`` (kind, job_id)."""

    kind: str
    job_id: int | None


class _NoCore:
    """A service-shaped holder without an upload manager (the bridge must cope)."""


def test_background_result_arrives_on_gui_thread(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def work(a: int, b: int) -> int:
        seen["worker_is_gui"] = QThread.currentThread().isMainThread()
        return a + b

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_is_gui"] = QThread.currentThread().isMainThread()

    tasks.run_in_background(work, 2, 3, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker_is_gui": False, "result": 5, "callback_is_gui": True}
    qtbot.waitUntil(lambda: tasks.pending_count() == 0)


def test_background_error_goes_to_on_error(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("the file vanished")

    tasks.run_in_background(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    assert str(errors[0]) == "the file vanished"


def test_progress_storm_is_coalesced_and_delivered_on_gui_thread(qtbot: QtBot) -> None:
    bridge = ServiceBridge(_NoCore(), interval_ms=100)  # type: ignore[arg-type]
    changed: list[int] = []
    on_gui: list[bool] = []
    queue_signals: list[bool] = []

    def record(job_id: int) -> None:
        changed.append(job_id)
        on_gui.append(QThread.currentThread().isMainThread())

    bridge.job_changed.connect(record)
    bridge.queue_changed.connect(lambda: queue_signals.append(True))

    def storm() -> None:
        for _ in range(2000):
            bridge.on_upload_event(_Event("progress", 7))
        bridge.on_upload_event(_Event("state", 8))

    worker = threading.Thread(target=storm, name="fake-upload-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: 8 in changed)
    # 2,001 events from a worker become a handful of GUI updates, each on the GUI thread.
    assert set(changed) == {7, 8}
    assert len(changed) < 100
    assert all(on_gui)
    assert queue_signals


def test_entries_and_watch_events_reach_gui(qtbot: QtBot) -> None:
    bridge = ServiceBridge(_NoCore())  # type: ignore[arg-type]
    with qtbot.waitSignal(bridge.watch_event) as blocker:
        threading.Thread(target=bridge.on_watch_event, args=("new file",)).start()
    assert blocker.args == ["new file"]
    with qtbot.waitSignal(bridge.entries_changed):
        bridge.notify_entries_changed()


def test_closed_bridge_stays_silent(qtbot: QtBot) -> None:
    bridge = ServiceBridge(_NoCore(), interval_ms=10)  # type: ignore[arg-type]
    changed: list[int] = []
    bridge.job_changed.connect(changed.append)
    bridge.close()
    bridge.on_upload_event(_Event("state", 1))
    bridge.flush()
    assert changed == []


@pytest.fixture(autouse=True)
def _drain_tasks() -> Iterator[None]:
    yield None
    assert tasks.wait_for_all(10_000)


def test_real_upload_events_arrive_on_gui_thread(
    qtbot: QtBot,
    tmp_path: Path,
    openai_server: FakeOpenAI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from support.app_home import loopback_home

    from desktop_app.core.service import Service
    from desktop_app.core.vault import Source

    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    service = Service(loopback_home(tmp_path / "home", openai_server))
    bridge = ServiceBridge(service)
    bridge.attach()
    seen: list[tuple[int, str, bool]] = []
    bridge.job_changed.connect(
        lambda job_id: seen.append(
            (job_id, str(service.uploads.job(job_id).state), QThread.currentThread().isMainThread())
        )
    )
    try:
        doc = tmp_path / "letter.txt"
        doc.write_text("Dear reader", encoding="utf-8")
        entry = service.vault.add_file(doc, Source.DROP)
        (job_id,) = service.uploads.enqueue([entry.id])
        service.uploads.start()
        qtbot.waitUntil(lambda: (job_id, "done", True) in seen, timeout=60_000)
        assert all(on_gui for _job, _state, on_gui in seen)
    finally:
        bridge.close()
        service.uploads.stop()
        service.close()

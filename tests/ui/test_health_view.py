"""The Service health tab against the real core: status page and Batch jobs on the loopback server.

A real :class:`Service` on a temp data root, its status monitor pointed at a ``serve_json`` route
and its batch watchdog at the loopback OpenAI server (through the real ``openai`` SDK). The window
is the real one; every read and network call goes through ``ui.tasks`` exactly as in the app.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from support.openai_server import FakeOpenAI

from desktop_app.core.monitor.batch_records import format_duration
from desktop_app.paths import AppPaths
from desktop_app.ui.health_model import BatchColumn

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"
HOUR = 3600
WAIT = 30_000
INPUT = b'{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'


def doc(name: str) -> object:
    return json.loads((FIXTURES / name).read_text("utf-8"))


@pytest.fixture
def health_service(
    app_paths: AppPaths, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    from desktop_app.core.service import Service
    from desktop_app.ui import tasks

    monkeypatch.setenv("ATTACHGUARD_STATUS_URL", openai_server.url(SUMMARY))
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    service = Service(app_paths)
    yield service
    tasks.wait_for_all()
    service.close()


@pytest.fixture
def window(qtbot: QtBot, health_service: Any) -> Iterator[Any]:
    from desktop_app.ui import tasks
    from desktop_app.ui.bridge import ServiceBridge
    from desktop_app.ui.window import MainWindow

    bridge = ServiceBridge(health_service)
    bridge.attach()
    window = MainWindow(health_service, bridge, tasks)
    qtbot.addWidget(window)
    window.resize(900, 640)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.health_panel.batches.confirm_box is not None:
        window.health_panel.batches.confirm_box.reject()
    bridge.close()
    tasks.wait_for_all()


def add_batch(server: FakeOpenAI, status: str, **fields: object) -> str:
    source = server.add_file("requests.jsonl", INPUT, "batch")
    return server.add_batch(source.id, status=status, **fields).id


def cell(window: Any, batch_id: str, column: BatchColumn) -> str:
    model = window.health_panel.batches.model
    row = model.row_of(batch_id)
    assert row is not None, f"{batch_id} is not listed"
    return str(model.index(row, column).data())


def check_now(qtbot: QtBot, window: Any) -> None:
    panel = window.health_panel
    with qtbot.waitSignal(window.message_shown, timeout=WAIT, check_params_cb=_is_result):
        panel.check_button.click()


def _is_result(text: str) -> bool:
    return text.startswith(("Checked", "Status checked", "Check failed"))


def test_components_follow_the_status_page(
    qtbot: QtBot, window: Any, openai_server: FakeOpenAI
) -> None:
    panel = window.health_panel
    assert panel.provider_label.text() == "OpenAI status unknown"  # not checked yet
    assert "not checked yet" in panel.checked_label.text()

    openai_server.serve_json(SUMMARY, doc("statuspage_summary_operational.json"))
    check_now(qtbot, window)
    assert panel.component_labels["Files"].text() == "Files: operational"
    assert panel.component_labels["File uploads"].text() == "File uploads: operational"
    assert panel.provider_label.text() == "OpenAI: operational"
    assert panel.checked_label.text().startswith("Last checked")
    assert panel.incidents.isHidden()

    openai_server.serve_json(SUMMARY, doc("statuspage_summary_files_outage.json"))
    check_now(qtbot, window)
    assert panel.component_labels["Files"].text() == "Files: major outage"
    assert panel.component_labels["Batch"].text() == "Batch: degraded performance"
    assert panel.component_labels["File uploads"].text() == "File uploads: partial outage"
    assert panel.provider_label.text() == "Files: major outage"
    assert panel.incidents.topLevelItemCount() == 1
    incident = panel.incidents.topLevelItem(0)
    assert (incident.text(0), incident.text(1)) == (
        "Elevated errors uploading files",
        "investigating",
    )
    opened: list[QUrl] = []
    panel.open_url = opened.append
    panel.open_incident_button.click()
    assert [u.toString() for u in opened] == [
        "https://status.openai.com/incidents/01JQ7ZK3S4C1F9XW2AB8H5M0TE"
    ]

    openai_server.serve_json(SUMMARY, "this is not a status document")
    check_now(qtbot, window)
    assert panel.component_labels["Files"].text() == "Files: unknown"
    assert panel.provider_label.text() == "OpenAI status unknown"
    assert "Status page unreachable — unknown" in panel.checked_label.text()
    assert panel.incidents.isHidden()


def test_provider_state_in_words_names_the_worst_components() -> None:
    from desktop_app.core.monitor.health import HealthSnapshot
    from desktop_app.core.monitor.status_page import ComponentState as S
    from desktop_app.ui.health_model import describe_provider

    def seen(**states: S) -> HealthSnapshot:
        return HealthSnapshot({k.replace("_", " "): v for k, v in states.items()}, fetched_at=1.0)

    assert describe_provider(seen(Files=S.OPERATIONAL, Batch=S.OPERATIONAL)) == (
        "OpenAI: operational",
        "ok",
    )
    assert describe_provider(seen(Files=S.OPERATIONAL, Batch=S.DEGRADED_PERFORMANCE)) == (
        "Batch: degraded performance",
        "warning",
    )
    assert describe_provider(
        seen(Files=S.PARTIAL_OUTAGE, Batch=S.DEGRADED_PERFORMANCE, File_uploads=S.PARTIAL_OUTAGE)
    ) == ("Files: partial outage · File uploads: partial outage", "error")
    unknown = HealthSnapshot.unknown(["Files"], "the status page is unreachable: refused")
    assert describe_provider(unknown) == ("OpenAI status unknown", "muted")


def test_status_bar_follows_health_changed_from_the_monitor(
    qtbot: QtBot, window: Any, health_service: Any, openai_server: FakeOpenAI
) -> None:
    label = window.health_panel.provider_label
    assert label in window.statusBar().findChildren(type(label))
    openai_server.serve_json(SUMMARY, doc("statuspage_summary_files_outage.json"))
    health_service.health.check_now()  # the monitor's own thread would do this; the bridge relays
    qtbot.waitUntil(lambda: label.text() == "Files: major outage", timeout=WAIT)
    assert not window.tabs.tabIcon(1).isNull()  # the Service health tab warns too
    # The upload queue is held for the outage and the queue label says so, side by side.
    window.refresh_status()
    qtbot.waitUntil(lambda: "outage" in window.service_label.text(), timeout=WAIT)

    openai_server.serve_json(SUMMARY, doc("statuspage_summary_operational.json"))
    health_service.health.check_now()
    qtbot.waitUntil(lambda: label.text() == "OpenAI: operational", timeout=WAIT)
    assert window.tabs.tabIcon(1).isNull()


def test_stuck_and_healthy_batches_are_listed_with_age_and_status(
    qtbot: QtBot, window: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.serve_json(SUMMARY, doc("statuspage_summary_operational.json"))
    now = int(openai_server.now)
    stuck = add_batch(openai_server, "finalizing", finalizing_at=now - 2 * HOUR - 300)
    running = add_batch(openai_server, "in_progress", in_progress_at=now - HOUR)
    done = add_batch(openai_server, "completed", output_file_id="file-out")
    batches = window.health_panel.batches
    assert batches.model.rowCount() == 0 and not batches.empty_label.isHidden()

    check_now(qtbot, window)
    qtbot.waitUntil(lambda: batches.model.rowCount() == 3, timeout=WAIT)
    assert batches.empty_label.isHidden()
    assert cell(window, stuck, BatchColumn.STATUS) == "finalizing"
    assert cell(window, stuck, BatchColumn.STUCK) == "⚠ finalizing for 2 h 5 min"
    assert cell(window, stuck, BatchColumn.AGE) == format_duration(2 * HOUR + 300)
    assert cell(window, stuck, BatchColumn.BACKUP) == "backed up"
    assert cell(window, running, BatchColumn.STATUS) == "in progress"
    assert cell(window, running, BatchColumn.STUCK) == "no"
    assert cell(window, running, BatchColumn.AGE) == "1 h"
    assert cell(window, running, BatchColumn.ENDPOINT) == "/v1/chat/completions"
    assert cell(window, done, BatchColumn.STATUS) == "completed"
    assert cell(window, done, BatchColumn.BACKUP) == "not backed up"

    assert batches.select_batch(stuck)
    batches.copy_id_action.trigger()
    assert QGuiApplication.clipboard().text() == stuck


def test_back_up_input_of_a_finished_batch(
    qtbot: QtBot, window: Any, health_service: Any, openai_server: FakeOpenAI
) -> None:
    done = add_batch(openai_server, "completed", output_file_id="file-out")
    health_service.batches.check()
    batches = window.health_panel.batches
    batches.refresh()
    qtbot.waitUntil(lambda: batches.model.row_of(done) is not None, timeout=WAIT)
    assert batches.select_batch(done)
    assert batches.backup_action.isEnabled()
    with qtbot.waitSignal(
        window.message_shown, timeout=WAIT, check_params_cb=lambda t: "is backed up" in t
    ):
        batches.backup_action.trigger()
    qtbot.waitUntil(lambda: cell(window, done, BatchColumn.BACKUP) == "backed up", timeout=WAIT)
    entry_id = health_service.batches.get(done).backup_entry_id
    entry = health_service.vault.get(entry_id)
    assert health_service.vault.blob_path(entry.sha256).read_bytes() == INPUT


def _confirm_box(qtbot: QtBot, window: Any) -> QMessageBox:
    batches = window.health_panel.batches
    qtbot.waitUntil(lambda: batches.confirm_box is not None, timeout=WAIT)
    box = batches.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT)
    return box


def test_resubmit_asks_first_and_creates_a_new_batch(
    qtbot: QtBot, window: Any, health_service: Any, openai_server: FakeOpenAI
) -> None:
    now = int(openai_server.now)
    stuck = add_batch(openai_server, "finalizing", finalizing_at=now - 3 * HOUR)
    health_service.batches.check()
    batches = window.health_panel.batches
    window.health_panel.show_batch(stuck)  # what clicking the stuck-batch notification does
    qtbot.waitUntil(lambda: batches.selected_batch() is not None, timeout=WAIT)
    assert window.tabs.currentWidget() is window.health_panel
    assert batches.selected_batch().id == stuck

    # Cancel: nothing is created.
    batches.resubmit_action.trigger()
    box = _confirm_box(qtbot, window)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: batches.confirm_box is None, timeout=WAIT)
    assert len(openai_server.batches) == 1

    batches.resubmit_action.trigger()
    box = _confirm_box(qtbot, window)
    said = f"{box.text()} {box.informativeText()}"
    assert f"Resubmit batch {stuck}?" in said
    assert "A new batch will be created" in said and "not cancelled" in said
    with qtbot.waitSignal(
        window.message_shown, timeout=WAIT, check_params_cb=lambda t: t.startswith("Resubmitted")
    ) as shown:
        box.button(QMessageBox.StandardButton.Yes).click()
    new_ids = set(openai_server.batches) - {stuck}
    assert len(new_ids) == 1
    (new_id,) = new_ids
    assert shown.args == [f"Resubmitted {stuck} as {new_id} (the old batch was not cancelled)."]
    assert openai_server.batches[stuck].status == "finalizing"  # the old one is left alone
    qtbot.waitUntil(
        lambda: batches.selected_batch() is not None and batches.selected_batch().id == new_id,
        timeout=WAIT,
    )
    assert cell(window, stuck, BatchColumn.BACKUP) == f"backed up · resubmitted as {new_id}"
    batches.select_batch(stuck)
    assert not batches.resubmit_action.isEnabled()  # once only
    window.find_action.trigger()  # Ctrl+F from the health tab goes back to the documents
    assert window.tabs.currentIndex() == 0 and window.search.isVisible()


def test_check_now_without_a_key_still_checks_the_status_page(
    qtbot: QtBot, window: Any, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("OPENAI_API_KEY")
    openai_server.serve_json(SUMMARY, doc("statuspage_summary_operational.json"))
    with qtbot.waitSignal(
        window.message_shown, timeout=WAIT, check_params_cb=lambda t: t.startswith("Status")
    ) as shown:
        window.health_panel.check_button.click()
    assert "no API key" in shown.args[0]
    assert window.health_panel.provider_label.text() == "OpenAI: operational"
    assert window.health_panel.check_button.isEnabled()


def test_document_names_get_the_spare_width(qtbot: QtBot, window: Any) -> None:
    from desktop_app.ui.models import Column

    header = window.table.horizontalHeader()
    name = header.sectionSize(Column.NAME)
    others = [header.sectionSize(c) for c in Column if c is not Column.NAME]
    assert name > max(others)
    fits = window.table.fontMetrics().horizontalAdvance("quarterly numbers.txt")
    assert name > fits


def test_clicking_the_stuck_batch_notice_opens_that_batch(
    qtbot: QtBot, tmp_path: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication
    from support.app_home import loopback_home

    from desktop_app import ipc
    from desktop_app.core.service import Service
    from desktop_app.ui import tasks
    from desktop_app.ui.app import TrayApp
    from desktop_app.ui.single_instance import SingleInstance

    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    now = int(openai_server.now)
    add_batch(openai_server, "completed", output_file_id="file-out")
    stuck = add_batch(openai_server, "finalizing", finalizing_at=now - 4 * HOUR)
    paths = loopback_home(tmp_path / "home", openai_server)
    service = Service(paths)
    guard = SingleInstance(ipc.instance_address(paths))
    assert guard.acquire()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = TrayApp(qapp, service, guard)
    try:
        with qtbot.waitSignal(
            app.tray.message_shown,
            timeout=WAIT,
            check_params_cb=lambda title, _text: title == "A batch looks stuck",
        ) as shown:
            app.start(ipc.Request(ipc.Command.OPEN))  # starts the watchdog, which checks at once
        assert stuck in shown.args[1] and "finalizing for 4 h" in shown.args[1]
        app.tray.icon.messageClicked.emit()  # what Qt emits when the user clicks the balloon
        window = app.window
        assert window is not None and window.isVisible()
        assert window.tabs.currentWidget() is window.health_panel
        batches = window.health_panel.batches
        qtbot.waitUntil(lambda: batches.selected_batch() is not None, timeout=WAIT)
        assert batches.selected_batch().id == stuck
    finally:
        app.shutdown()
        service.close()
        qapp.setQuitOnLastWindowClosed(False)
        assert tasks.wait_for_all(30_000)


def test_an_unreachable_status_page_is_said_once_without_a_raw_errno() -> None:
    from desktop_app.core.monitor.health import HealthSnapshot
    from desktop_app.ui.health_model import last_checked_text

    error = "the status page is unreachable: [Errno -2] Name or service not known"
    text = last_checked_text(HealthSnapshot.unknown(["Files"], error), str)
    assert text == "Status page unreachable — unknown: Name or service not known"
    assert "Errno" not in text and text.count("unreachable") == 1


def test_an_empty_batch_list_once_fetched_says_the_account_has_none(
    qtbot: QtBot, window: Any, openai_server: FakeOpenAI
) -> None:
    openai_server.serve_json(SUMMARY, doc("statuspage_summary_operational.json"))
    batches = window.health_panel.batches
    window.tabs.setCurrentWidget(window.health_panel)
    check_now(qtbot, window)
    qtbot.waitUntil(lambda: batches.empty_label.isVisible())
    assert batches.empty_label.text() == "No Batch jobs on this account."

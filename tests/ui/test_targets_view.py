"""Per-target state in the window: the row's "1/2 targets", the details' file ids per target,
and the Service health tab's line per target (held and why, key missing).

Real uploads through the real SDK clients to two loopback servers (one OpenAI, one Azure), a
third target configured without a key; the real document listing, table model, details pane
and health panel (offscreen).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.openai_server import FakeOpenAI
from ui.targets_rig import WAIT_MS, Rig, azure_server_fixture, make_rig  # noqa: F401 - fixture

from desktop_app.core.uploads import JobState
from desktop_app.ui import tasks
from desktop_app.ui.details import DetailsPane
from desktop_app.ui.health_view import HealthPanel
from desktop_app.ui.models import Column, DocumentTableModel

TIP = Qt.ItemDataRole.ToolTipRole

#: A third target, an OpenAI-compatible gateway whose key was never stored.
GATEWAY = "[[targets]]\nname = 'gateway'\nkind = 'openai_compatible'\nbase_url = '{url}'\n"


@pytest.fixture
def rig(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    openai_server: FakeOpenAI,
    azure_server: FakeOpenAI,
) -> Iterator[Rig]:
    extra = GATEWAY.format(url=openai_server.base_url.replace("/v1", "/gw/v1"))
    yield from make_rig(
        qtbot, tmp_path, monkeypatch, openai_server, azure_server, None, extra=extra
    )


def test_each_row_and_its_details_show_where_the_document_has_file_ids(
    qtbot: QtBot, rig: Rig, azure_server: FakeOpenAI
) -> None:
    service = rig.service
    service.start(uploads=True)
    (both,) = rig.add(1, ["openai", "azure"], prefix="both")
    (only,) = rig.add(1, prefix="only")
    qtbot.waitUntil(lambda: len(azure_server.files) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: all(j.state is JobState.DONE for j in service.uploads.jobs()), timeout=WAIT_MS
    )
    # The gateway has no key: its job waits (held), while OpenAI takes its copy.
    (half,) = rig.add(1, ["openai", "gateway"], prefix="half")

    def half_states() -> set[tuple[str, JobState]]:
        return {(j.target, j.state) for j in service.uploads.jobs() if j.entry_id == half}

    def gateway_held() -> bool:
        return any(s.name == "gateway" and s.holds for s in service.target_states())

    qtbot.waitUntil(gateway_held, timeout=WAIT_MS)  # from now on it is not tried again
    qtbot.waitUntil(
        lambda: half_states() == {("openai", JobState.DONE), ("gateway", JobState.QUEUED)},
        timeout=WAIT_MS,
    )
    jobs = {(j.entry_id, j.target): j for j in service.uploads.jobs()}

    model = DocumentTableModel(service.documents())
    status = {}
    tips = {}
    for r in range(model.rowCount()):
        row = model.row_at(r)
        index = model.index(r, Column.STATUS)
        status[row.entry_id] = model.data(index)
        tips[row.entry_id] = model.data(index, TIP)
    assert status[both] == "Uploaded \u00b7 2/2 targets"
    assert status[only] == "Uploaded \u00b7 openai"
    assert status[half] == "Queued \u00b7 1/2 targets"
    assert tips[both].splitlines() == [
        f"openai: uploaded, {jobs[(both, 'openai')].file_id}",
        f"azure: uploaded, {jobs[(both, 'azure')].file_id}",
    ]
    assert tips[half].splitlines()[:2] == [
        f"openai: uploaded, {jobs[(half, 'openai')].file_id}",
        "gateway: queued",
    ]
    file_tip = model.data(model.index(model.row_of(both) or 0, Column.FILE_ID), TIP)
    assert jobs[(both, "azure")].file_id in file_tip and "openai: " in file_tip

    pane = DetailsPane(service, tasks)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=WAIT_MS):
        pane.show_rows([model.row_at(model.row_of(half) or 0)])
    lines = pane.remote_label.text().splitlines()
    assert lines[0].startswith(f"openai: {jobs[(half, 'openai')].file_id} (")
    assert lines[1] == "gateway: not uploaded, queued"
    outcomes = [pane.history.item(r, 3).text() for r in range(pane.history.rowCount())]
    assert outcomes[0].startswith("gateway: Queued") and outcomes[1] == "openai: Uploaded"


def test_the_health_tab_shows_each_targets_state(
    qtbot: QtBot, rig: Rig, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    service = rig.service
    azure_server.outage(10 * 3600)  # Azure answers 503 for the whole test
    service.start(uploads=True)
    rig.add(1, ["openai", "azure", "gateway"])
    qtbot.waitUntil(lambda: service.uploads.target_held("azure"), timeout=WAIT_MS)
    panel = HealthPanel(service, None, tasks, lambda _text: None)
    qtbot.addWidget(panel)
    assert not panel.targets.isHidden()

    def lines() -> dict[str, str]:
        tree = panel.targets.tree
        return {
            tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(3)
            for i in range(tree.topLevelItemCount())
        }

    with qtbot.waitSignal(panel.targets.shown, timeout=WAIT_MS):
        panel.targets.refresh()
    shown = lines()
    assert list(shown) == ["openai (primary)", "azure", "gateway"]
    assert shown["azure"].startswith("held: repeated failures (breaker open, next try ")
    assert shown["azure"].endswith("; 1 unfinished")
    assert shown["gateway"] == "no API key: uploads to it wait; 1 unfinished"
    # OpenAI took its copy meanwhile: ready, nothing unfinished.
    qtbot.waitUntil(lambda: len(openai_server.files) == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.targets.shown, timeout=WAIT_MS):
        panel.targets.refresh()
    assert lines()["openai (primary)"] == "ready"

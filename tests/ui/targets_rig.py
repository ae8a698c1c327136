"""A Service with two upload targets (two loopback servers) on a fast clock, for UI tests.

Real parts: a Service on a temporary data root whose settings file lists an Azure target (its
key in an environment variable named by ``api_key_env``), the upload engine with every default
(failover "ask" after 5 minutes), the real SDK clients, the tray's menu and the notice display
(no desktop notification server: tray messages). The fast clock compresses engine time 300
times, so what is printed in minutes is what a user would wait.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support.fast_clock import FastClock
from support.openai_server import FakeOpenAI

from desktop_app.core.service import Service
from desktop_app.core.vault import Source
from desktop_app.paths import AppPaths
from desktop_app.settings import load_settings
from desktop_app.ui import tasks
from desktop_app.ui.failover_offer import ACCEPT_KEY, FailoverPresenter
from desktop_app.ui.notifications import Notice, NoticeDisplay
from desktop_app.ui.tray import TrayController

AZURE_KEY = "azure-key-0123456789abcdef0123"
API_VERSION = "2024-10-21"
SPEED = 300.0
WAIT_MS = 60_000


@pytest.fixture(name="azure_server")
def azure_server_fixture() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(valid_keys=[AZURE_KEY], azure=True) as server:
        yield server


@dataclass
class Rig:
    service: Service
    tray: TrayController
    presenter: FailoverPresenter
    clock: FastClock
    balloons: list[tuple[Notice, Any]] = field(default_factory=list)

    def add(
        self, count: int, targets: list[str] | None = None, prefix: str = "report"
    ) -> list[int]:
        """Back up ``count`` new documents and queue them (for ``targets``, default the
        primary); their entry ids."""
        folder = self.service.paths.data_dir.parent / "originals"
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(count):
            path = folder / f"{prefix}-{i}.pdf"
            path.write_bytes(f"{prefix} {i} ".encode() * 300)
            paths.append(path)
        report = self.service.add_documents(paths, source=Source.CLI, upload=True, targets=targets)
        return [e.id for e in report.entries]


def make_rig(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    openai: FakeOpenAI,
    azure: FakeOpenAI,
    mode: str | None,
    extra: str = "",
) -> Iterator[Rig]:
    monkeypatch.setenv("OPENAI_API_KEY", openai.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai.base_url)
    monkeypatch.setenv("AG_TEST_AZURE_KEY", AZURE_KEY)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    paths = AppPaths.under(tmp_path / "home")
    paths.ensure()
    upload = "" if mode is None else f"[upload]\nfailover = '{mode}'\n"
    paths.settings_file.write_text(
        upload + "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        f"endpoint = '{azure.base_url}'\napi_version = '{API_VERSION}'\n"
        "api_key_env = 'AG_TEST_AZURE_KEY'\n" + extra,
        encoding="utf-8",
    )
    loaded = load_settings(paths.settings_file)
    assert not loaded.problems, loaded.problems
    clock = FastClock(SPEED)
    openai.clock = azure.clock = clock
    service = Service(paths, loaded, clock=clock)
    tray = TrayController(
        service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    balloons: list[tuple[Notice, Any]] = []
    display = NoticeDisplay(
        lambda notice, click: balloons.append((notice, click)),
        lambda ids: None,
        lambda ids: None,
        lambda ids: None,
    )
    presenter = FailoverPresenter(service, tray.menu, tray.retry_action, display.show)
    display.on_action(ACCEPT_KEY, lambda _notice: presenter.accept())
    try:
        yield Rig(service, tray, presenter, clock, balloons)
    finally:
        presenter.close()
        service.stop()
        tasks.wait_for_all()
        tray.close()
        service.close()
        openai.clock = azure.clock = time.time


@pytest.fixture(name="ask_rig")
def ask_rig_fixture(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    openai_server: FakeOpenAI,
    azure_server: FakeOpenAI,
) -> Iterator[Rig]:
    yield from make_rig(qtbot, tmp_path, monkeypatch, openai_server, azure_server, None)


@pytest.fixture(name="auto_rig")
def auto_rig_fixture(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    openai_server: FakeOpenAI,
    azure_server: FakeOpenAI,
) -> Iterator[Rig]:
    yield from make_rig(qtbot, tmp_path, monkeypatch, openai_server, azure_server, "auto")

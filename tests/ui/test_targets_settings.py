"""The settings dialog's Targets tab: the targets in force, and a key per target in the keyring.

Real parts: a Service whose settings file lists an Azure target, the settings dialog, and a
private gnome-keyring (Secret Service) holding the keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.credentials import CredentialStore
from desktop_app.core.service import Service
from desktop_app.paths import AppPaths
from desktop_app.settings import load_settings
from desktop_app.ui import tasks
from desktop_app.ui.settings_dialog import SettingsDialog

AZURE_KEY = "azure-key-from-the-dialog-0123456789"
ENDPOINT = "https://myres.openai.azure.com"
WAIT_MS = 30_000


@pytest.fixture
def service(
    app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, secret_service_backend: object
) -> Iterator[Service]:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    app_paths.settings_file.write_text(
        "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        f"endpoint = '{ENDPOINT}'\napi_version = '2024-10-21'\n",
        encoding="utf-8",
    )
    service = Service(app_paths, load_settings(app_paths.settings_file))
    service.credentials = CredentialStore(secret_service_backend)
    if not service.credentials.backend().secure:
        pytest.skip("no Secret Service reachable")
    yield service
    service.credentials.delete(target="azure")
    tasks.wait_for_all()
    service.close()


def _rows(dialog: SettingsDialog) -> list[list[str]]:
    tree = dialog.targets.tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        rows.append([item.text(c) for c in range(4)])
    return rows


def test_the_targets_tab_lists_targets_and_stores_a_key_under_the_target(
    qtbot: QtBot, service: Service
) -> None:
    service.credentials.delete(target="azure")
    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(_rows(dialog)) == 2, timeout=WAIT_MS)
    openai, azure = _rows(dialog)
    assert openai[0] == "openai" and openai[1] == "openai" and openai[3] == "missing"
    assert azure == ["azure", "azure", ENDPOINT, "missing"]
    assert not dialog.targets.set_key_button.isEnabled()  # nothing selected yet

    dialog.targets.select("azure")
    asked: list[str] = []
    dialog.targets.ask_key = lambda name: asked.append(name) or AZURE_KEY
    with qtbot.waitSignal(dialog.targets.message, timeout=WAIT_MS) as said:
        dialog.targets.set_key_button.click()
    assert asked == ["azure"]
    assert said.args[0] == "The key for azure is stored in the keyring."
    qtbot.waitUntil(lambda: _rows(dialog)[1][3] == "present", timeout=WAIT_MS)
    assert service.credentials.get(target="azure") == AZURE_KEY
    assert service.credentials.get() is None  # the OpenAI key is untouched
    for path in service.paths.data_dir.parent.rglob("*"):
        if path.is_file():
            assert AZURE_KEY.encode() not in path.read_bytes(), path


def test_each_watched_folder_chooses_its_upload_targets(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    inbox, drafts = tmp_path / "inbox", tmp_path / "drafts"
    app_paths.settings_file.write_text(
        "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        f"endpoint = '{ENDPOINT}'\napi_version = '2024-10-21'\n"
        f"[[watch.folders]]\npath = '{drafts}'\nupload = true\ntargets = ['azure', 'gcp']\n",
        encoding="utf-8",
    )
    loaded = load_settings(app_paths.settings_file)
    # A name that is no target is named in one sentence and left out; the rest stays.
    assert [str(p) for p in loaded.problems] == [
        "watch.folders[0].targets: no upload target named 'gcp'; left out"
    ]
    service = Service(app_paths, loaded)
    try:
        dialog = SettingsDialog(service)
        qtbot.addWidget(dialog)
        folders = dialog.folders
        assert not folders.table.isColumnHidden(3)  # "Upload to": two targets in force
        assert folders.chosen_targets(0) == ["azure"]
        folders.add_path(str(inbox))
        assert folders.chosen_targets(1) == ["openai"]  # a new folder: the primary
        folders.set_flag(1, 2, True)  # upload new files
        folders.choose_targets(1, ["openai", "azure"])
        button = folders.table.cellWidget(1, 3)
        assert button is not None and button.text() == "openai, azure"
        with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT_MS):
            dialog.save_button.click()
        saved = load_settings(app_paths.settings_file).settings.watch.folders
        assert [(f.path, f.targets) for f in saved] == [
            (str(drafts), ["azure"]),
            (str(inbox), ["openai", "azure"]),
        ]
    finally:
        tasks.wait_for_all()
        service.close()

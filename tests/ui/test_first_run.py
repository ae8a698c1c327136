"""First run: the welcome window with a real keyring and without one; "use this key until I quit"
from the welcome window and from Settings; the window opens it only for a new user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot
from ui.conftest_window import insert_documents, ui_service_fixture  # noqa: F401 - fixtures

from desktop_app.autostart import XdgAutostart
from desktop_app.core.credentials import CredentialStore
from desktop_app.settings import load_settings
from desktop_app.ui import tasks
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.welcome import WelcomeWindow, default_downloads, needs_welcome

WAIT_MS = 60_000
KEY = "sk-welcome-test-0123456789abcdefghij"


def _welcome(qtbot: QtBot, service: Any, downloads: Path) -> WelcomeWindow:
    downloads.mkdir(exist_ok=True)
    window = WelcomeWindow(service, downloads=downloads)
    window.autostart = XdgAutostart(service.paths.data_dir / "autostart")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.key_state_loaded, timeout=WAIT_MS):
        window.show()
    return window


def _no_file_holds(root: Path, secret: str) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def test_new_user_with_a_keyring_sets_key_downloads_and_login_in_one_go(
    qtbot: QtBot, ui_service: Any, secret_service_backend: object, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(secret_service_backend)
    if not ui_service.credentials.backend().secure:
        pytest.skip("no Secret Service reachable")
    ui_service.credentials.delete()
    assert needs_welcome(ui_service)
    window = _welcome(qtbot, ui_service, tmp_path / "Downloads")
    assert not window.keyring_note.isVisible()
    assert window.until_quit.isEnabled() and not window.until_quit.isChecked()
    assert window.watch_downloads.isChecked()  # the folder exists: offered, on by default
    window.key_edit.setText(KEY)
    window.start_at_login.setChecked(True)
    with qtbot.waitSignal(window.applied, timeout=WAIT_MS) as blocker:
        window.continue_button.click()
    assert blocker.args[0].warning is None
    assert not window.isVisible()
    assert ui_service.credentials.get() == KEY
    saved = load_settings(ui_service.paths.settings_file).settings
    assert saved.ui.welcome_shown and saved.ui.start_at_login
    assert [f.path for f in saved.watch.folders] == [str(tmp_path / "Downloads")]
    assert window.autostart.is_enabled()
    _no_file_holds(ui_service.paths.data_dir, KEY)
    _no_file_holds(ui_service.paths.config_dir, KEY)
    assert not needs_welcome(ui_service)  # shown once
    ui_service.credentials.delete()


def test_without_a_keyring_the_welcome_explains_and_uses_the_key_until_quit(
    qtbot: QtBot, ui_service: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    ui_service.credentials = CredentialStore(fail.Keyring())
    window = _welcome(qtbot, ui_service, tmp_path / "Downloads")
    note = window.keyring_note.text()
    assert window.keyring_note.isVisible()
    assert "not secure" in note and "KWallet" in note and "until you quit" in note
    assert window.until_quit.isChecked() and not window.until_quit.isEnabled()
    window.key_edit.setText(KEY)
    window.watch_downloads.setChecked(False)
    with qtbot.waitSignal(window.applied, timeout=WAIT_MS) as blocker:
        window.continue_button.click()
    assert blocker.args[0].warning is None
    assert ui_service.has_api_key() and ui_service.credentials.get() is None
    assert ui_service.key_state().has_session_key
    saved = load_settings(ui_service.paths.settings_file).settings
    assert saved.watch.folders == [] and saved.ui.welcome_shown
    _no_file_holds(ui_service.paths.data_dir, KEY)
    _no_file_holds(ui_service.paths.config_dir, KEY)
    _no_file_holds(ui_service.paths.log_dir, KEY)


def test_browser_only_skips_the_key_and_everything_else_still_applies(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    window = _welcome(qtbot, ui_service, tmp_path / "Downloads")
    window.key_edit.setText("typed but not wanted")
    with qtbot.waitSignal(window.applied, timeout=WAIT_MS):
        window.browser_button.click()
    assert not ui_service.has_api_key()
    saved = load_settings(ui_service.paths.settings_file).settings
    assert saved.ui.welcome_shown
    assert [f.path for f in saved.watch.folders] == [str(tmp_path / "Downloads")]


def test_existing_users_are_not_welcomed_and_downloads_is_the_platform_folder(
    ui_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    assert default_downloads() == Path(platformdirs.user_downloads_dir())
    ui_service.credentials = CredentialStore(fail.Keyring())
    assert needs_welcome(ui_service)
    insert_documents(ui_service.db, 1)
    assert not needs_welcome(ui_service)  # has documents
    fresh = CredentialStore(fail.Keyring())
    fresh.use_for_session(KEY)
    ui_service.credentials = fresh
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert not needs_welcome(ui_service)


def test_window_opens_the_welcome_from_help_and_resumes_uploads_after_a_session_key(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    from desktop_app.ui.window import MainWindow

    ui_service.credentials = CredentialStore(fail.Keyring())
    window = MainWindow(ui_service, None, tasks)
    qtbot.addWidget(window)
    window.show()
    window.help_menu.welcome.trigger()
    welcome = window.welcome
    assert welcome is not None and welcome.isVisible()
    with qtbot.waitSignal(welcome.key_state_loaded, timeout=WAIT_MS):
        pass
    welcome.key_edit.setText(KEY)
    with qtbot.waitSignal(window.key_changed, timeout=WAIT_MS):
        welcome.continue_button.click()
    assert ui_service.has_api_key()
    tasks.wait_for_all()


def test_settings_offers_the_key_until_quit_without_a_keyring(
    qtbot: QtBot, ui_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    ui_service.credentials = CredentialStore(fail.Keyring())
    dialog = SettingsDialog(ui_service)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.key_state_loaded, timeout=WAIT_MS):
        dialog.show()
    assert "gnome-keyring" in dialog.backend_warning.text()
    assert dialog.until_quit_button.isVisible()
    dialog.until_quit_button.click()  # nothing typed: one sentence, nothing changes
    assert dialog.error_label.isVisible() and not ui_service.has_api_key()
    dialog.key_edit.setText(KEY)
    with qtbot.waitSignal(dialog.key_changed, timeout=WAIT_MS):
        dialog.until_quit_button.click()
    assert ui_service.has_api_key() and ui_service.credentials.get() is None
    assert "until you quit" in dialog.key_status.text()
    assert dialog.remove_key_button.isEnabled()
    _no_file_holds(ui_service.paths.data_dir, KEY)
    assert not ui_service.paths.settings_file.exists()


def test_a_key_the_keyring_refuses_is_kept_in_the_field_with_one_sentence(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    window = _welcome(qtbot, ui_service, tmp_path / "Downloads")
    window.until_quit.setEnabled(True)
    window.until_quit.setChecked(False)  # ask for the keyring although there is none
    window.key_edit.setText(KEY)
    with qtbot.waitSignal(window.failed, timeout=WAIT_MS) as blocker:
        window.continue_button.click()
    assert "no secure keyring" in blocker.args[0]
    assert window.isVisible() and window.key_edit.text() == KEY
    assert not ui_service.has_api_key()
    assert load_settings(ui_service.paths.settings_file).settings.ui.welcome_shown

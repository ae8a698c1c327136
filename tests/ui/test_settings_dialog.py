"""The settings dialog: the API key goes to the real OS keyring only; settings go to the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture, window_fixture  # noqa: F401 - fixtures

from desktop_app.autostart import XdgAutostart
from desktop_app.core.credentials import CredentialStore
from desktop_app.settings import load_settings
from desktop_app.ui import theme
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.watched_folders import RECURSIVE_COLUMN, UPLOAD_COLUMN

WAIT_MS = 60_000
KEY = "sk-dialog-test-0123456789abcdefghij"


def _dialog(qtbot: QtBot, service: Any) -> SettingsDialog:
    dialog = SettingsDialog(service)
    # Login items go to a folder of this test's data root, never the user's session.
    dialog.autostart = XdgAutostart(service.paths.data_dir / "autostart")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.backend_label.text() != "…", timeout=WAIT_MS)
    return dialog


def _save(qtbot: QtBot, dialog: SettingsDialog, signal: Any) -> None:
    with qtbot.waitSignal(signal, timeout=WAIT_MS):
        dialog.save_button.click()


def test_api_key_is_written_to_the_secure_keyring_and_nowhere_else(
    qtbot: QtBot, ui_service: Any, secret_service_backend: object
) -> None:
    ui_service.credentials = CredentialStore(secret_service_backend)
    info = ui_service.credentials.backend()
    if not info.secure:
        pytest.skip(f"no Secret Service reachable (keyring backend: {info.name})")
    ui_service.credentials.delete()
    dialog = _dialog(qtbot, ui_service)
    assert dialog.backend_label.text() == info.name
    assert not dialog.backend_warning.isVisible()
    assert dialog.key_status.text() == "No key is stored."

    dialog.key_edit.setText(KEY)
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password
    _save(qtbot, dialog, dialog.key_changed)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_service.credentials.get() == KEY
    assert ui_service.has_api_key()
    settings_text = ui_service.paths.settings_file.read_text(encoding="utf-8")
    assert KEY not in settings_text
    for path in ui_service.paths.data_dir.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path

    # Removing the key from the dialog deletes it from the keyring.
    again = _dialog(qtbot, ui_service)
    assert again.key_status.text() == "A key is stored in the keyring."
    again.remove_key_button.click()
    _save(qtbot, again, again.key_changed)
    assert ui_service.credentials.get() is None


def test_insecure_keyring_is_named_warned_about_and_refused(qtbot: QtBot, ui_service: Any) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    dialog = _dialog(qtbot, ui_service)
    assert dialog.backend_warning.isVisible()
    assert "not secure" in dialog.backend_warning.text()
    dialog.key_edit.setText(KEY)
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS) as blocker:
        dialog.save_button.click()
    assert "no secure keyring" in blocker.args[0]
    assert dialog.error_label.isVisible() and dialog.isVisible()
    assert not ui_service.paths.settings_file.exists()  # nothing half-saved


def test_settings_are_saved_to_the_file_and_applied(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    upload_section = ui_service.settings.upload
    dialog = _dialog(qtbot, ui_service)
    dialog.base_url.setText("http://127.0.0.1:8080/v1")
    dialog.purpose.setCurrentText("assistants")
    dialog.expires.setChecked(True)
    dialog.expires_hours.setValue(48)
    dialog.concurrency.setValue(3)
    dialog.max_attempts.setValue(5)
    dialog.max_tokens.setValue(50_000)
    dialog.keep_days.setChecked(True)
    dialog.keep_days_value.setValue(30)
    watched = tmp_path / "inbox"
    watched.mkdir()
    dialog.folders.choose_folder = lambda: str(watched)
    dialog.folders.add_button.click()
    assert not dialog.folders.add_path(str(watched))  # listed once only
    dialog.folders.set_flag(0, RECURSIVE_COLUMN, False)
    dialog.folders.set_flag(0, UPLOAD_COLUMN, True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.start_at_login.setChecked(True)
    _save(qtbot, dialog, dialog.settings_saved)

    reloaded = load_settings(ui_service.paths.settings_file, environ={})
    assert reloaded.problems == []
    s = reloaded.settings
    assert s.upload.base_url == "http://127.0.0.1:8080/v1"
    assert s.upload.purpose == "assistants"
    assert s.upload.expires_after == 48 * 3600
    assert (s.upload.concurrency, s.upload.max_attempts) == (3, 5)
    assert s.fallback.max_tokens == 50_000
    assert s.vault.max_age_days == 30 and s.vault.max_total_mb is None
    assert [(f.path, f.recursive, f.upload) for f in s.watch.folders] == [
        (str(watched), False, True)
    ]
    assert s.ui.theme == "dark"
    assert s.ui.start_at_login
    login_item = dialog.autostart.path.read_text(encoding="utf-8")
    assert "Exec=" in login_item and "Name=AttachGuard" in login_item
    assert dialog.restart_needed  # concurrency and attempts are read when uploads start
    # The running service sees the new values in the very objects its parts hold.
    assert ui_service.settings.upload is upload_section
    assert upload_section.concurrency == 3
    app = QApplication.instance()
    assert isinstance(app, QApplication) and theme.is_dark(app.palette())
    theme.apply_theme(app, "light")
    assert not theme.is_dark(app.palette())


def test_a_broken_settings_file_is_never_overwritten(
    qtbot: QtBot, app_paths: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.service import Service

    broken = "[upload]\nconcurrency = = 4\n"
    app_paths.settings_file.write_text(broken, encoding="utf-8")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    service = Service(app_paths)
    try:
        service.credentials = CredentialStore(fail.Keyring())
        dialog = _dialog(qtbot, service)
        assert dialog.broken_banner.isVisible()
        assert "cannot be read" in dialog.broken_banner.text()
        dialog.concurrency.setValue(9)
        with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS) as blocker:
            dialog.save_button.click()
        assert "fixed first" in blocker.args[0]
        assert app_paths.settings_file.read_text(encoding="utf-8") == broken
    finally:
        service.close()


def test_a_malformed_base_url_is_refused(qtbot: QtBot, ui_service: Any) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    dialog = _dialog(qtbot, ui_service)
    dialog.base_url.setText("api.example.test/v1")
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS) as blocker:
        dialog.save_button.click()
    assert "must start with https://" in blocker.args[0]
    assert not ui_service.paths.settings_file.exists()


def test_window_settings_action_saves_a_key_and_tells_the_app(
    qtbot: QtBot, window: Any, ui_service: Any, secret_service_backend: object
) -> None:
    ui_service.credentials = CredentialStore(secret_service_backend)
    if not ui_service.credentials.backend().secure:
        pytest.skip("no Secret Service reachable")
    ui_service.credentials.delete()
    window.settings_action.trigger()
    dialog = window._settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    dialog.autostart = XdgAutostart(ui_service.paths.data_dir / "autostart")
    window.settings_action.trigger()  # a second request raises the same dialog
    assert window._settings_dialog is dialog
    qtbot.waitUntil(lambda: dialog.key_status.text() == "No key is stored.", timeout=WAIT_MS)
    dialog.key_edit.setText(KEY)
    with qtbot.waitSignal(window.key_changed, timeout=WAIT_MS):
        dialog.save_button.click()
    assert ui_service.has_api_key()
    assert window.statusBar().currentMessage() == "API key saved."
    ui_service.credentials.delete()


def test_turning_start_at_login_off_removes_the_login_item(qtbot: QtBot, ui_service: Any) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    ui_service.settings.ui.start_at_login = True
    dialog = _dialog(qtbot, ui_service)
    dialog.autostart.enable(["attachguard"])
    assert dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(False)
    _save(qtbot, dialog, dialog.settings_saved)
    assert not dialog.autostart.is_enabled()
    assert not dialog.restart_needed
    assert not load_settings(ui_service.paths.settings_file, environ={}).settings.ui.start_at_login


def test_a_folder_added_in_settings_is_watched_and_shows_up_in_the_window(
    qtbot: QtBot, window: Any, ui_service: Any, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    ui_service.settings.watch.settle_seconds = 0.2
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window.settings_action.trigger()
    dialog = window._settings_dialog
    dialog.autostart = XdgAutostart(ui_service.paths.data_dir / "autostart")
    assert dialog.folders.add_path(str(inbox))
    with qtbot.waitSignal(
        window.message_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda m: "watching" in m.lower(),
    ) as blocker:
        dialog.save_button.click()
    assert blocker.args[0] == "Now watching 1 folder(s)."
    (inbox / "scan.txt").write_text("a scanned letter\n")
    qtbot.waitUntil(
        lambda: (
            [window.model.row_at(i).name for i in range(window.model.rowCount())] == ["scan.txt"]
        ),
        timeout=WAIT_MS,
    )
    ui_service.stop_watching()


def test_every_settings_control_is_named_for_screen_readers(qtbot: QtBot, ui_service: Any) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTableWidget,
    )

    ui_service.credentials = CredentialStore(fail.Keyring())
    dialog = _dialog(qtbot, ui_service)
    controls = [
        widget
        for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTableWidget)
        for widget in dialog.findChildren(kind)
        # Qt's own helpers inside a control (spin box editors, tab scroll arrows) are
        # announced through the control that owns them.
        if not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
        and not widget.objectName().startswith("qt_")
    ]
    assert len(controls) >= 20
    unnamed = [w for w in controls if not (w.accessibleName() or getattr(w, "text", str)())]
    assert unnamed == []


def test_part_sizes_and_the_preset_are_chosen_in_settings(qtbot: QtBot, ui_service: Any) -> None:
    from desktop_app.core import fallback

    dialog = _dialog(qtbot, ui_service)
    names = [dialog.fallback_preset.itemData(i) for i in range(dialog.fallback_preset.count())]
    assert names == [p.name for p in fallback.presets()]  # chat, api, claude, gemini, local
    assert dialog.fallback_preset.currentData() == "chat"  # the default
    assert dialog.chat_part_tokens.value() == 12_000
    dialog.fallback_preset.setCurrentIndex(dialog.fallback_preset.findData("claude"))
    dialog.chat_part_tokens.setValue(8_000)
    _save(qtbot, dialog, dialog.settings_saved)
    saved = load_settings(ui_service.paths.settings_file, environ={}).settings
    assert (saved.fallback.preset, saved.fallback.chat_part_tokens) == ("claude", 8_000)


def test_the_base_url_from_the_environment_is_shown_and_in_diagnostics(
    qtbot: QtBot, ui_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.help_menu import diagnostics_text

    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    dialog = _dialog(qtbot, ui_service)
    assert dialog.base_url.text() == ""
    assert dialog.base_url.placeholderText() == "http://127.0.0.1:8080/v1"
    assert dialog.base_url_note.isVisible()
    assert "OPENAI_BASE_URL is set in the environment" in dialog.base_url_note.text()
    assert "Base URL: http://127.0.0.1:8080/v1 (OPENAI_BASE_URL)" in diagnostics_text(ui_service)

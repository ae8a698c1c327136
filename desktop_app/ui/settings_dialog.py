"""The settings dialog: API key (OS keyring only), uploads, fallback, backups, watched folders, UI.

Nothing here blocks the GUI thread: the keyring (a D-Bus round trip) is read and written, and the
settings file saved, on the task pool. A settings file that did not parse is never overwritten:
the dialog says so and only the API key can be saved until the user fixes the file.
"""

from __future__ import annotations

import copy
import logging
import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.autostart import Autostart, launch_command
from desktop_app.autostart import for_platform as autostart_for_platform
from desktop_app.core.credentials import BASE_URL_ENV, KEY_ENV
from desktop_app.core.errors import AttachGuardError
from desktop_app.core.service import KeyState, Service, SettingsChange
from desktop_app.settings import LoadedSettings, Settings
from desktop_app.ui import tasks, theme
from desktop_app.ui.keyring_help import missing_keyring_text
from desktop_app.ui.preset_words import preset_label
from desktop_app.ui.targets_settings import TargetKeysEditor
from desktop_app.ui.translations import QT_TRANSLATE_NOOP
from desktop_app.ui.watched_folders import WatchedFoldersEditor

log = logging.getLogger(__name__)

PURPOSES = ("user_data", "assistants", "batch", "fine-tune", "vision", "evals")
#: The theme choices' names (``theme.CHOICES`` values), translated when shown.
_THEME_NAMES = {
    "system": QT_TRANSLATE_NOOP("Theme", "System"),
    "light": QT_TRANSLATE_NOOP("Theme", "Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "Dark"),
}
_HOUR = 3600


@dataclass(frozen=True)
class SaveRequest:
    """Everything one click on Save asks for; ``settings`` is None when the file is broken."""

    settings: Settings | None
    new_key: str | None
    delete_key: bool


def _labelled(widget: QWidget, name: str, tip: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setToolTip(tip)
    return widget


def _spin(low: int, high: int, name: str, tip: str, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setGroupSeparatorShown(True)
    _labelled(box, name, tip)
    return box


class SettingsDialog(QDialog):
    """Edit ``service.settings`` and the API key. Emits :attr:`key_changed` after a key change."""

    key_changed = Signal()
    settings_saved = Signal()
    #: Emitted with a one-line message when saving failed (also shown in the dialog).
    save_failed = Signal(str)
    key_state_loaded = Signal(object)

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AttachGuard settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setMinimumWidth(660)  # every tab label and the key field visible without scrolling
        self._service = service
        self._loaded: LoadedSettings = service.loaded
        self._delete_key = False
        self._saving = False
        #: After a save: whether a changed setting only takes effect after a restart.
        self.restart_needed = False
        #: After a save of the settings (not only the key): what it changed.
        self.change: SettingsChange | None = None
        #: The login-item writer for this platform; replaceable (tests use a temp folder).
        self.autostart: Autostart = autostart_for_platform()

        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Settings sections"))
        tabs.addTab(self._build_account_tab(), self.tr("&Account"))
        tabs.addTab(self._build_uploads_tab(), self.tr("&Uploads"))
        tabs.addTab(self._build_backups_tab(), self.tr("&Backups && text"))
        self.folders = WatchedFoldersEditor()
        self.folders.set_targets(service.target_names())
        tabs.addTab(self.folders, self.tr("&Watched folders"))
        self.targets = TargetKeysEditor(service)
        tabs.addTab(self.targets, self.tr("Tar&gets"))
        tabs.addTab(self._build_app_tab(), self.tr("A&pp"))

        self.broken_banner = QLabel()
        self.broken_banner.setWordWrap(True)
        self.broken_banner.setAccessibleName(self.tr("Settings file problem"))
        self.broken_banner.setVisible(False)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Save error"))
        self.error_label.setVisible(False)
        for label in (self.broken_banner, self.error_label):
            label.setStyleSheet(f"color: {theme.status_color('error', self.palette()).name()}")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Close without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.broken_banner)
        layout.addWidget(tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._fill(self._loaded.settings)
        if not self._loaded.parsed:
            self._show_broken_file()
        self._refresh_key_state()

    # -- building -------------------------------------------------------------------------

    def _build_account_tab(self) -> QWidget:
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("sk-…  (leave empty to keep the stored key)"))
        _labelled(
            self.key_edit,
            self.tr("API key"),
            self.tr("Your OpenAI API key; stored only in the OS keyring"),
        )
        self.show_key = QCheckBox(self.tr("S&how"))
        _labelled(self.show_key, self.tr("Show API key"), self.tr("Show the key while typing"))
        self.show_key.toggled.connect(
            lambda on: self.key_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.remove_key_button = QPushButton(self.tr("&Remove stored key"))
        _labelled(
            self.remove_key_button,
            self.tr("Remove stored key"),
            self.tr("Delete the key from the keyring"),
        )
        self.remove_key_button.clicked.connect(self._mark_key_for_deletion)
        self.until_quit_button = QPushButton(self.tr("Use this key until I &quit"))
        _labelled(
            self.until_quit_button,
            self.tr("Use this key until I quit"),
            self.tr("Keep the key in memory only, for uploads until AttachGuard quits"),
        )
        self.until_quit_button.setAccessibleDescription(self.until_quit_button.toolTip())
        self.until_quit_button.setVisible(False)  # offered when no secure keyring is running
        self.until_quit_button.clicked.connect(self.use_key_until_quit)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.remove_key_button)
        key_row.addWidget(self.until_quit_button)

        self.key_status = QLabel(self.tr("Checking the keyring…"))
        self.key_status.setAccessibleName(self.tr("API key status"))
        self.key_status.setWordWrap(True)
        self.backend_label = QLabel("…")
        self.backend_label.setAccessibleName(self.tr("Keyring backend"))
        self.backend_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backend_warning = QLabel()
        self.backend_warning.setAccessibleName(self.tr("Keyring warning"))
        self.backend_warning.setWordWrap(True)
        self.backend_warning.setVisible(False)
        self.backend_warning.setStyleSheet(
            f"color: {theme.status_color('warning', self.palette()).name()}"
        )
        self.env_note = QLabel(
            self.tr(
                "{name} is set in the environment; it is used instead of the stored key."
            ).format(name=KEY_ENV)
        )
        self.env_note.setWordWrap(True)
        self.env_note.setVisible(bool(os.environ.get(KEY_ENV, "").strip()))

        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText(self.tr("https://api.openai.com/v1"))
        _labelled(
            self.base_url,
            self.tr("Base URL"),
            self.tr("API base URL; leave empty for the public API"),
        )
        # Empty here means the environment's address when it has one: show that one.
        env_url = os.environ.get(BASE_URL_ENV, "").strip()
        if env_url:
            self.base_url.setPlaceholderText(env_url)
        self.base_url_note = QLabel(
            self.tr("{name} is set in the environment; {url} is used while this is empty.").format(
                name=BASE_URL_ENV, url=env_url
            )
        )
        self.base_url_note.setWordWrap(True)
        self.base_url_note.setVisible(bool(env_url))

        form = QFormLayout()
        form.addRow(self.tr("API &key:"), key_row)
        form.addRow("", self.key_status)
        form.addRow(self.tr("Keyring:"), self.backend_label)
        form.addRow("", self.backend_warning)
        form.addRow("", self.env_note)
        form.addRow(self.tr("Base &URL:"), self.base_url)
        self._set_buddy(form, 0, self.key_edit)
        self._set_buddy(form, 5, self.base_url)
        form.addRow("", self.base_url_note)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    @staticmethod
    def _set_buddy(form: QFormLayout, row: int, widget: QWidget) -> None:
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel):
            label.setBuddy(widget)

    def _build_uploads_tab(self) -> QWidget:
        self.auto_upload = QCheckBox(self.tr("Upload documents as soon as they are added"))
        _labelled(
            self.auto_upload,
            self.tr("Upload automatically"),
            self.tr("Otherwise documents are only backed up"),
        )
        self.purpose = QComboBox()
        self.purpose.addItems(PURPOSES)
        _labelled(
            self.purpose, self.tr("Default purpose"), self.tr("Purpose sent with each upload")
        )
        self.expires = QCheckBox(self.tr("Uploaded files expire after"))
        _labelled(
            self.expires,
            self.tr("Uploaded files expire"),
            self.tr("Ask the service to delete files later"),
        )
        self.expires_hours = _spin(
            1, 720, self.tr("Expiry in hours"), self.tr("1 hour to 30 days"), self.tr(" h")
        )
        self.expires.toggled.connect(self.expires_hours.setEnabled)
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.expires)
        expiry_row.addWidget(self.expires_hours)
        expiry_row.addStretch(1)
        self.concurrency = _spin(
            1, 32, self.tr("Parallel uploads"), self.tr("How many uploads run at once")
        )
        self.give_up_hours = _spin(
            1,
            720,
            self.tr("Keep retrying for"),
            self.tr("Hours after the first attempt, during outages"),
            self.tr(" h"),
        )
        self.max_attempts = _spin(
            0, 1000, self.tr("Maximum attempts"), self.tr("Attempts before a job fails")
        )
        self.max_attempts.setSpecialValueText(self.tr("No limit"))
        self.backoff_cap = _spin(
            1,
            86_400,
            self.tr("Longest wait between attempts"),
            self.tr("In seconds"),
            self.tr(" s"),
        )
        form = QFormLayout()
        form.addRow(self.auto_upload)
        form.addRow(self.tr("Default &purpose:"), self.purpose)
        form.addRow(expiry_row)
        form.addRow(self.tr("Parallel up&loads:"), self.concurrency)
        form.addRow(self.tr("Maximum &attempts:"), self.max_attempts)
        form.addRow(self.tr("Longest &wait between attempts:"), self.backoff_cap)
        form.addRow(self.tr("Keep retr&ying for:"), self.give_up_hours)
        restart_note = QLabel(
            self.tr(
                "The base URL, parallel uploads and retry limits apply from the next start of "
                "AttachGuard; purpose and expiry apply to documents added from now on."
            )
        )
        restart_note.setWordWrap(True)
        form.addRow(restart_note)
        for row, widget in ((1, self.purpose), (3, self.concurrency), (4, self.max_attempts)):
            self._set_buddy(form, row, widget)
        self._set_buddy(form, 5, self.backoff_cap)
        self._set_buddy(form, 6, self.give_up_hours)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    def _build_backups_tab(self) -> QWidget:
        self.max_tokens = _spin(
            1_000,
            10_000_000,
            self.tr("Token budget"),
            self.tr("Largest text fallback, in tokens"),
            self.tr(" tokens"),
        )
        self.max_tokens.setSingleStep(1_000)
        self.fallback_preset = QComboBox()
        _labelled(
            self.fallback_preset,
            self.tr("Part size for"),
            self.tr("Where the copied text goes; the preview and Copy text size its parts for it"),
        )
        from desktop_app.core import fallback  # the module: ``presets`` is also a module name

        for preset in fallback.presets(self._service.settings.fallback):
            self.fallback_preset.addItem(preset_label(preset.name, preset.label), preset.name)
        self.chat_part_tokens = _spin(
            500,
            2_000_000,
            self.tr("ChatGPT message size"),
            self.tr("Tokens in one ChatGPT message"),
            self.tr(" tokens"),
        )
        self.chat_part_tokens.setSingleStep(1_000)
        self.keep_days = QCheckBox(self.tr("Remove backups older than"))
        _labelled(
            self.keep_days,
            self.tr("Limit backup age"),
            self.tr("Pending uploads are never removed"),
        )
        self.keep_days_value = _spin(
            1, 36_500, self.tr("Backup age in days"), self.tr("Days to keep"), self.tr(" days")
        )
        self.keep_days.toggled.connect(self.keep_days_value.setEnabled)
        self.keep_mb = QCheckBox(self.tr("Keep backups under"))
        _labelled(
            self.keep_mb, self.tr("Limit backup size"), self.tr("Oldest backups are removed first")
        )
        self.keep_mb_value = _spin(
            1, 10_000_000, self.tr("Backup size limit"), self.tr("Total size"), self.tr(" MB")
        )
        self.keep_mb.toggled.connect(self.keep_mb_value.setEnabled)
        days_row = QHBoxLayout()
        days_row.addWidget(self.keep_days)
        days_row.addWidget(self.keep_days_value)
        days_row.addStretch(1)
        mb_row = QHBoxLayout()
        mb_row.addWidget(self.keep_mb)
        mb_row.addWidget(self.keep_mb_value)
        mb_row.addStretch(1)
        form = QFormLayout()
        # The budget is the "api" preset's part size: say so (README "Text fallback").
        form.addRow(self.tr("OpenAI API part si&ze:"), self.max_tokens)
        self._set_buddy(form, 0, self.max_tokens)
        self.max_tokens.setToolTip(self.tr("Part size of the OpenAI API preset, in tokens"))
        form.addRow(self.tr("&Chat part size:"), self.chat_part_tokens)
        self._set_buddy(form, 1, self.chat_part_tokens)
        form.addRow(self.tr("Size parts &for:"), self.fallback_preset)
        self._set_buddy(form, 2, self.fallback_preset)
        form.addRow(days_row)
        form.addRow(mb_row)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    def _build_app_tab(self) -> QWidget:
        self.theme = QComboBox()
        for choice in theme.CHOICES:
            self.theme.addItem(
                QCoreApplication.translate("Theme", _THEME_NAMES[choice.value]), choice.value
            )
        _labelled(
            self.theme, self.tr("Theme"), self.tr("Follow the system, or always light or dark")
        )
        self.notify_success = QCheckBox(self.tr("Notify when an upload succeeds"))
        _labelled(
            self.notify_success,
            self.tr("Success notifications"),
            self.tr("Failures are always notified"),
        )
        self.start_at_login = QCheckBox(self.tr("Start AttachGuard when I log in"))
        _labelled(
            self.start_at_login,
            self.tr("Start at login"),
            self.tr("Adds AttachGuard to your session"),
        )
        form = QFormLayout()
        form.addRow(self.tr("&Theme:"), self.theme)
        self._set_buddy(form, 0, self.theme)
        form.addRow(self.notify_success)
        form.addRow(self.start_at_login)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    # -- state ----------------------------------------------------------------------------

    def _fill(self, s: Settings) -> None:
        self.base_url.setText(s.upload.base_url or "")
        self.auto_upload.setChecked(s.upload.auto_upload)
        if self.purpose.findText(s.upload.purpose) < 0:
            self.purpose.addItem(s.upload.purpose)
        self.purpose.setCurrentText(s.upload.purpose)
        self.expires.setChecked(s.upload.expires_after is not None)
        hours = (s.upload.expires_after or 30 * 24 * _HOUR) // _HOUR
        self.expires_hours.setValue(max(1, hours))
        self.expires_hours.setEnabled(s.upload.expires_after is not None)
        self.concurrency.setValue(s.upload.concurrency)
        self.max_attempts.setValue(s.upload.max_attempts)
        self.give_up_hours.setValue(max(1, round(s.upload.give_up_after_hours)))
        self.backoff_cap.setValue(round(s.upload.backoff_cap))
        self.max_tokens.setValue(s.fallback.max_tokens)
        self.chat_part_tokens.setValue(s.fallback.chat_part_tokens)
        self.fallback_preset.setCurrentIndex(
            max(0, self.fallback_preset.findData(s.fallback.preset))
        )
        self.keep_days.setChecked(s.vault.max_age_days is not None)
        self.keep_days_value.setValue(s.vault.max_age_days or 90)
        self.keep_days_value.setEnabled(s.vault.max_age_days is not None)
        self.keep_mb.setChecked(s.vault.max_total_mb is not None)
        self.keep_mb_value.setValue(s.vault.max_total_mb or 10_000)
        self.keep_mb_value.setEnabled(s.vault.max_total_mb is not None)
        self.folders.set_folders(s.watch.folders)
        index = self.theme.findData(theme.parse_choice(s.ui.theme).value)
        self.theme.setCurrentIndex(max(0, index))
        self.notify_success.setChecked(s.ui.notify_success)
        self.start_at_login.setChecked(s.ui.start_at_login)

    def collect(self) -> Settings:
        """A new :class:`Settings` from the widgets (the service's copy is left untouched)."""
        s = copy.deepcopy(self._loaded.settings)
        s.upload.base_url = self.base_url.text().strip() or None
        s.upload.auto_upload = self.auto_upload.isChecked()
        s.upload.purpose = self.purpose.currentText()
        s.upload.expires_after = (
            self.expires_hours.value() * _HOUR if self.expires.isChecked() else None
        )
        s.upload.concurrency = self.concurrency.value()
        s.upload.max_attempts = self.max_attempts.value()
        if self.give_up_hours.value() != round(s.upload.give_up_after_hours):
            s.upload.give_up_after_hours = float(self.give_up_hours.value())
        s.upload.backoff_cap = float(self.backoff_cap.value())
        s.fallback.max_tokens = self.max_tokens.value()
        s.fallback.chat_part_tokens = self.chat_part_tokens.value()
        s.fallback.preset = str(self.fallback_preset.currentData())
        s.vault.max_age_days = self.keep_days_value.value() if self.keep_days.isChecked() else None
        s.vault.max_total_mb = self.keep_mb_value.value() if self.keep_mb.isChecked() else None
        s.watch.folders = self.folders.folders()
        s.ui.theme = str(self.theme.currentData())
        s.ui.notify_success = self.notify_success.isChecked()
        s.ui.start_at_login = self.start_at_login.isChecked()
        return s

    def _show_broken_file(self) -> None:
        problem = next((str(p) for p in self._loaded.problems), str(self._loaded.path))
        self.broken_banner.setText(
            self.tr(
                "The settings file cannot be read, so it will not be changed from here: "
                "{problem}. Fix or remove the file and reopen this dialog. The API key can still "
                "be saved."
            ).format(problem=problem)
        )
        self.broken_banner.setVisible(True)

    def _refresh_key_state(self) -> None:
        tasks.run_in_background(
            self._service.key_state, on_done=self._show_key_state, on_error=self._key_error
        )

    def _show_key_state(self, state: KeyState) -> None:
        self.backend_label.setText(state.backend.name)
        self.backend_warning.setVisible(not state.backend.secure)
        self.until_quit_button.setVisible(not state.backend.secure)
        if not state.backend.secure:
            self.backend_warning.setText(missing_keyring_text(state.backend.name))
        if state.has_session_key:
            self.key_status.setText(
                self.tr("A key is in use until you quit; it is not saved anywhere.")
            )
        else:
            self.key_status.setText(
                self.tr("A key is stored in the keyring.")
                if state.has_stored_key
                else self.tr("No key is stored.")
            )
        self.remove_key_button.setEnabled(state.has_stored_key or state.has_session_key)
        self.key_state_loaded.emit(state)

    def _key_error(self, exc: BaseException) -> None:
        self.key_status.setText(self.tr("The keyring could not be read: {error}").format(error=exc))

    def use_key_until_quit(self) -> None:
        """Hand the typed key to the core for this session only (never stored)."""
        key = self.key_edit.text().strip()
        if not key:
            self._fail(self.tr("Type or paste the API key first."))
            return

        def used(_: object) -> None:
            self.key_edit.clear()
            self.error_label.setVisible(False)
            self.key_status.setText(
                self.tr("A key is in use until you quit; it is not saved anywhere.")
            )
            self.remove_key_button.setEnabled(True)
            self.key_changed.emit()

        tasks.run_in_background(
            self._service.use_api_key_until_quit,
            key,
            on_done=used,
            on_error=lambda exc: self._fail(self.tr("Not used: {error}").format(error=exc)),
        )

    def _mark_key_for_deletion(self) -> None:
        self._delete_key = True
        self.key_edit.clear()
        self.key_status.setText(self.tr("The stored key will be removed when you save."))

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Validate, then write the key and the settings file off the GUI thread."""
        if self._saving:
            return
        base_url = self.base_url.text().strip()
        if base_url and not base_url.startswith(("https://", "http://")):
            self._fail(
                self.tr("The base URL must start with https:// (or http:// for a local server).")
            )
            return
        new_key = self.key_edit.text().strip() or None
        request = SaveRequest(
            settings=self.collect() if self._loaded.parsed else None,
            new_key=new_key,
            delete_key=self._delete_key and new_key is None,
        )
        if request.settings is None and new_key is None and not request.delete_key:
            self._fail(self.tr("Nothing was saved: the settings file must be fixed first."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.error_label.setVisible(False)
        tasks.run_in_background(
            _write,
            self._service,
            request,
            self.autostart,
            on_done=self._saved,
            on_error=self._error,
        )

    def _saved(self, outcome: tuple[SaveRequest, SettingsChange | None, str | None]) -> None:
        request, change, warning = outcome
        self._saving = False
        self.save_button.setEnabled(True)
        if request.settings is not None and change is not None:
            self.change = change
            self.restart_needed = change.restart_needed
            app = QApplication.instance()
            if isinstance(app, QApplication):
                theme.apply_theme(app, request.settings.ui.theme)
            self.settings_saved.emit()
        if request.new_key is not None or request.delete_key:
            self.key_edit.clear()
            self._delete_key = False
            self.key_changed.emit()
        if warning:
            # Everything else is saved; stay open so the user sees what did not work.
            self._fail(warning)
            return
        self.accept()

    def _error(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, AttachGuardError):
            log.error("saving settings failed", exc_info=exc)
        self._fail(self.tr("Not saved: {error}").format(error=exc))

    def _fail(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.save_failed.emit(message)


def _write(
    service: Service, request: SaveRequest, autostart: Autostart
) -> tuple[SaveRequest, SettingsChange | None, str | None]:
    # Runs on the task pool. The key goes first: it is what users most need to stick.
    if request.new_key is not None:
        service.store_api_key(request.new_key)
    elif request.delete_key:
        service.delete_api_key()
    warning = None
    change = None
    if request.settings is not None:
        change = service.save_settings(request.settings)
        try:
            apply_start_at_login(autostart, request.settings.ui.start_at_login)
        except OSError as exc:
            # The settings are saved; only the login item could not be changed.
            warning = QCoreApplication.translate(
                "SettingsDialog", "Saved, but start at login could not be changed: {error}"
            ).format(error=exc)
    return request, change, warning


def apply_start_at_login(autostart: Autostart, wanted: bool) -> None:
    if wanted and not autostart.is_enabled():
        autostart.enable(launch_command())
    elif not wanted and autostart.is_enabled():
        autostart.disable()

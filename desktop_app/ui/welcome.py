"""The welcome window: what AttachGuard does, the API key (optional), Downloads, start at login.

Shown once on first start (no key, no documents, never shown before: ``[ui] welcome_shown``) and
from Help → Welcome. "I only use ChatGPT in the browser" skips the key; everything but uploading
works without one. Without a secure keyring the key is used until the app quits, in memory only.
Everything it changes (keyring, settings file, login item, watcher) is done on the task pool.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.autostart import Autostart
from desktop_app.autostart import for_platform as autostart_for_platform
from desktop_app.core.errors import AttachGuardError
from desktop_app.core.service import KeyState, Service, SettingsChange
from desktop_app.settings import WatchedFolder
from desktop_app.ui import tasks, theme
from desktop_app.ui.keyring_help import missing_keyring_text
from desktop_app.ui.settings_dialog import apply_start_at_login

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WelcomeChoices:
    """What the user chose in the welcome window."""

    key: str | None
    key_until_quit: bool
    watch_downloads: bool
    start_at_login: bool


@dataclass(frozen=True)
class WelcomeOutcome:
    choices: WelcomeChoices
    change: SettingsChange | None
    #: One sentence about what could not be done (the rest was), or None.
    warning: str | None


def default_downloads() -> Path:
    """The user's Downloads folder, as the platform names it."""
    return Path(platformdirs.user_downloads_dir())


def needs_welcome(service: Service) -> bool:
    """First start: never welcomed, no API key anywhere and no document backed up yet.

    Reads the keyring and the database: call it off the GUI thread.
    """
    if service.settings.ui.welcome_shown or not service.loaded.parsed:
        return False
    return not service.has_api_key() and service.documents().count() == 0


def apply_choices(
    service: Service, choices: WelcomeChoices, downloads: Path, autostart: Autostart
) -> WelcomeOutcome:
    """Runs on the task pool: the key first, then the settings file, then the login item."""
    warning = None
    if choices.key:
        try:
            if choices.key_until_quit:
                service.use_api_key_until_quit(choices.key)
            else:
                service.store_api_key(choices.key)
        except AttachGuardError as exc:
            warning = QCoreApplication.translate(
                "WelcomeWindow", "The key was not saved: {error}."
            ).format(error=exc)
    change = None
    if service.loaded.parsed:
        new = copy.deepcopy(service.settings)
        new.ui.welcome_shown = True
        new.ui.start_at_login = choices.start_at_login
        watched = {str(Path(f.path).expanduser()) for f in new.watch.folders}
        if choices.watch_downloads and str(downloads) not in watched:
            new.watch.folders.append(WatchedFolder(path=str(downloads), upload=True))
        change = service.save_settings(new)
        try:
            apply_start_at_login(autostart, choices.start_at_login)
        except OSError as exc:
            warning = QCoreApplication.translate(
                "WelcomeWindow", "Start at login could not be changed: {error}"
            ).format(error=exc)
    return WelcomeOutcome(choices, change, warning)


class WelcomeWindow(QDialog):
    """First-run window; emits :attr:`applied` with a :class:`WelcomeOutcome` once applied."""

    applied = Signal(object)
    failed = Signal(str)
    key_state_loaded = Signal(object)

    def __init__(
        self,
        service: Service,
        parent: QWidget | None = None,
        *,
        downloads: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.downloads = downloads if downloads is not None else default_downloads()
        #: The login-item writer for this platform; replaceable (tests use a temp folder).
        self.autostart: Autostart = autostart_for_platform()
        self._busy = False
        self.setWindowTitle(self.tr("Welcome to AttachGuard"))
        self.setAccessibleName(self.tr("Welcome to AttachGuard"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "AttachGuard keeps a safe copy of every document you attach, before anything "
                "else happens.<br>It uploads them to OpenAI for you, retries when the service "
                "has trouble, and tells you plainly what failed.<br>When an upload cannot work, "
                "it puts the document's text on the clipboard, ready to paste into ChatGPT."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setAccessibleName(self.tr("What AttachGuard does"))

        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("sk-…  (optional)"))
        self.key_edit.setAccessibleName(self.tr("OpenAI API key"))
        self.key_edit.setAccessibleDescription(
            self.tr("Needed only for uploading; leave empty to use the text fallback only")
        )
        key_label = QLabel(self.tr("OpenAI API &key:"))
        key_label.setBuddy(self.key_edit)
        self.until_quit = QCheckBox(self.tr("Use this key only &until I quit (nothing is saved)"))
        self.until_quit.setAccessibleName(self.tr("Use this key until I quit"))
        self.until_quit.setAccessibleDescription(
            self.tr("The key is kept in memory only and forgotten when AttachGuard quits")
        )
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setAccessibleName(self.tr("Keyring missing"))
        self.keyring_note.setVisible(False)
        self.keyring_note.setStyleSheet(
            f"color: {theme.status_color('warning', self.palette()).name()}"
        )

        exists = self.downloads.is_dir()
        self.watch_downloads = QCheckBox(
            self.tr("&Watch my Downloads folder ({path})").format(path=self.downloads)
        )
        self.watch_downloads.setAccessibleName(self.tr("Watch Downloads"))
        self.watch_downloads.setAccessibleDescription(
            self.tr("Back up every new file that lands in your Downloads folder")
        )
        self.watch_downloads.setChecked(exists)
        self.watch_downloads.setEnabled(exists)
        if not exists:
            # Greyed out needs a reason: say it in the box and its tooltip.
            self.watch_downloads.setText(
                self.tr("Watch my Downloads folder ({path} does not exist)").format(
                    path=self.downloads
                )
            )
            self.watch_downloads.setToolTip(
                self.tr(
                    "{path} does not exist, so it cannot be watched. Choose folders to watch "
                    "in Settings later."
                ).format(path=self.downloads)
            )
        self.start_at_login = QCheckBox(self.tr("&Start AttachGuard when I log in"))
        self.start_at_login.setAccessibleName(self.tr("Start at login"))
        self.start_at_login.setAccessibleDescription(
            self.tr("Adds AttachGuard to your session so it runs in the tray")
        )
        self.start_at_login.setChecked(service.settings.ui.start_at_login)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setVisible(False)
        self.error_label.setStyleSheet(
            f"color: {theme.status_color('error', self.palette()).name()}"
        )

        self.browser_button = QPushButton(self.tr("I only use ChatGPT in the &browser"))
        self.browser_button.setAccessibleName(self.tr("Skip the API key"))
        self.browser_button.setAccessibleDescription(
            self.tr("Continue without a key: backups and the text fallback still work")
        )
        self.browser_button.clicked.connect(self.skip_key)
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setAccessibleDescription(
            self.tr("Save these choices and start using AttachGuard")
        )
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept_choices)

        key_row = QHBoxLayout()
        key_row.addWidget(key_label)
        key_row.addWidget(self.key_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.browser_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(key_row)
        layout.addWidget(self.until_quit)
        layout.addWidget(self.keyring_note)
        layout.addSpacing(8)
        layout.addWidget(self.watch_downloads)
        layout.addWidget(self.start_at_login)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        # The dialog is at least as tall as its wrapped text needs (the default constraint
        # ignores the labels' height for width, which hid the intro's last line).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

        tasks.run_in_background(
            service.key_state, on_done=self._show_key_state, on_error=lambda _exc: None
        )

    def _show_key_state(self, state: KeyState) -> None:
        if not state.backend.secure:
            # Nothing can be stored: using the key until quit is the one way to upload now.
            self.keyring_note.setText(missing_keyring_text(state.backend.name))
            self.keyring_note.setVisible(True)
            self.until_quit.setChecked(True)
            self.until_quit.setEnabled(False)
            self.adjustSize()  # grow for the note rather than clip it
        self.key_state_loaded.emit(state)

    def choices(self, *, with_key: bool = True) -> WelcomeChoices:
        key = self.key_edit.text().strip() if with_key else ""
        return WelcomeChoices(
            key=key or None,
            key_until_quit=self.until_quit.isChecked(),
            watch_downloads=self.watch_downloads.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
        )

    def skip_key(self) -> None:
        """ "I only use ChatGPT in the browser": keep the other choices, no key."""
        self.key_edit.clear()
        self._apply(self.choices(with_key=False))

    def accept_choices(self) -> None:
        self._apply(self.choices())

    def _apply(self, choices: WelcomeChoices) -> None:
        if self._busy:
            return
        self._busy = True
        self.continue_button.setEnabled(False)
        self.browser_button.setEnabled(False)
        tasks.run_in_background(
            apply_choices,
            self._service,
            choices,
            self.downloads,
            self.autostart,
            on_done=self._applied,
            on_error=self._error,
        )

    def _applied(self, outcome: WelcomeOutcome) -> None:
        self._busy = False
        self.continue_button.setEnabled(True)
        self.browser_button.setEnabled(True)
        self.applied.emit(outcome)
        if outcome.warning:
            # The rest is applied; the typed key stays, so nothing has to be typed again.
            self._fail(outcome.warning)
            return
        self.key_edit.clear()
        self.accept()

    def _error(self, exc: BaseException) -> None:
        self._busy = False
        self.continue_button.setEnabled(True)
        self.browser_button.setEnabled(True)
        if not isinstance(exc, AttachGuardError):
            log.error("applying the welcome choices failed", exc_info=exc)
        self._fail(self.tr("Not saved: {error}").format(error=exc))

    def _fail(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.failed.emit(message)

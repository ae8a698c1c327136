"""The tray icon: tells the truth about the queue, and offers the few actions users need from it.

:class:`TrayController` owns the ``QSystemTrayIcon`` and its menu. What to show is decided in
``tray_state`` (Qt-free, pure). Snapshots are taken on a pool thread and applied on the GUI
thread; while one is in flight, further refresh requests collapse into one more. The "Copy text
of…" submenu is rebuilt from the snapshot's choices; while a retry time is shown, a one-second
timer re-describes the last snapshot (no database read) so the tooltip stays true, and stops as
soon as nothing waits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_app.ui import icons, tasks
from desktop_app.ui.copying import CopyResult, copy_fallback, copy_latest_fallback
from desktop_app.ui.history_menu import CopyAgainMenu
from desktop_app.ui.translations import QT_TRANSLATE_NOOP
from desktop_app.ui.tray_state import (
    Snapshot,
    TrayState,
    TrayView,
    describe,
    take_snapshot,
)

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.service import FallbackChoice, Service

log = logging.getLogger(__name__)

#: How often a shown retry time is re-described, and how often, once it has passed, the
#: queue is read again while nothing else refreshes it.
LIVE_TICK_MS = 1000
LIVE_REREAD_S = 5.0

#: Pause and Resume share their mnemonic (U), so the key that paused also resumes.
PAUSE_TEXT = QT_TRANSLATE_NOOP("TrayController", "Pa&use uploads")
RESUME_TEXT = QT_TRANSLATE_NOOP("TrayController", "Res&ume uploads")

_REASON_WORDS = {
    "failed": QT_TRANSLATE_NOOP("TrayController", "upload failed"),
    "expired": QT_TRANSLATE_NOOP("TrayController", "expired on OpenAI"),
    "added": QT_TRANSLATE_NOOP("TrayController", "added"),
}


def choice_label(number: int, choice: FallbackChoice) -> str:
    """A submenu entry: a mnemonic number, the name (ampersands kept), and why it is listed."""
    name = choice.name.replace("&", "&&")
    reason = str(choice.reason)
    why = QCoreApplication.translate("TrayController", _REASON_WORDS.get(reason, reason))
    return f"&{number % 10} {name} ({why})"


__all__ = ["Snapshot", "TrayController", "TrayState", "TrayView", "describe", "take_snapshot"]


class TrayController(QObject):
    """The tray icon and menu. Window-side actions are callbacks so the tray stays small."""

    #: Emitted on the GUI thread after each applied snapshot.
    view_changed = Signal(object)
    #: Every "Copy text instead" outcome (from the menu, a notification click or the CLI).
    copy_finished = Signal(object)
    #: (title, text) of every message shown (also when the platform has no tray to show it).
    message_shown = Signal(str, str)
    #: "Preview text…": the entry id of the document whose text the preview should show.
    preview_requested = Signal(int)

    def __init__(
        self,
        service: Service | None,
        *,
        open_window: Callable[[], None],
        add_files: Callable[[], None],
        open_settings: Callable[[], None],
        quit_app: Callable[[], None],
        parent: QObject | None = None,
        color_scheme: Callable[[], Qt.ColorScheme] | None = None,
    ) -> None:
        super().__init__(parent)
        hints = QGuiApplication.styleHints()
        #: Where the platform's colour scheme is read (tests pass their own: the offscreen
        #: platform cannot change it).
        self._color_scheme = color_scheme or hints.colorScheme
        self.service = service
        self._open_window = open_window
        self._has_key: bool | None = None  # None: ask the keyring on the next snapshot
        self._busy = False
        self._again = False
        self._closed = False
        self.view: TrayView | None = None
        self.icon = QSystemTrayIcon()
        self.icon.setIcon(icons.icon(icons.APP_ICON))
        self.icon.setToolTip(self.tr("AttachGuard: starting"))
        self.icon.activated.connect(self._activated)
        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("AttachGuard tray menu"))
        self.menu.setTitle("AttachGuard")
        self.key_notice = self._action(self.tr("Uploads paused until you add an API key"), None)
        self.key_notice.setStatusTip(
            self.tr("Add your API key in Settings to upload; copying text works without one")
        )
        self.key_notice.setEnabled(False)
        self.menu.addSeparator()
        # No accelerators here: a tray menu cannot take global shortcuts, so showing them
        # would lie (and Ctrl+O means "Add files" in the window). Mnemonics work while it is open.
        self.open_action = self._action(self.tr("&Open AttachGuard"), open_window)
        self.open_action.setStatusTip(self.tr("Show the window with every document and its state"))
        self.add_action = self._action(self.tr("&Add files\u2026"), add_files)
        self.add_action.setStatusTip(
            self.tr("Choose files to back up and upload, as if dropped on the window")
        )
        self.copy_action = self._action(self.tr("&Copy text instead"), self.copy_text_instead)
        self.copy_action.setStatusTip(
            self.tr(
                "Put the text of the latest failed or expired document (else the latest added) on "
                "the clipboard, ready to paste"
            )
        )
        self.copy_menu = QMenu(self.tr("Copy text o&f\u2026"), self.menu)
        self.copy_menu.setAccessibleName(self.tr("Copy the text of a recent document"))
        self.copy_menu.menuAction().setStatusTip(
            self.tr("Put the text of one of the latest documents on the clipboard")
        )
        self.copy_menu.setEnabled(False)
        self.menu.addMenu(self.copy_menu)
        self.again_menu = CopyAgainMenu(service, self.menu, on_progress=self._reading)
        self.again_menu.copy_finished.connect(self._copy_done(None))
        self.menu.addMenu(self.again_menu)
        self.preview_action = self._action(self.tr("Pre&view text\u2026"), self.preview_latest)
        self.preview_action.setStatusTip(
            self.tr(
                "See the text \u201cCopy text instead\u201d would copy, part by part, "
                "before copying"
            )
        )
        self._choices: tuple[FallbackChoice, ...] | None = None
        self._snapshot: Snapshot | None = None
        self._read_at = 0.0
        self._ticker = QTimer(self)
        self._ticker.setInterval(LIVE_TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.retry_action = self._action(self.tr("&Retry failed now"), self.retry_failed)
        self.retry_action.setStatusTip(
            self.tr("Upload every failed document again now, without waiting for the next try")
        )
        self.pause_action = self._action(self.tr(PAUSE_TEXT), self.toggle_pause)
        self.pause_action.setStatusTip(
            self.tr("Stop starting uploads until you resume (documents are still backed up)")
        )
        self.menu.addSeparator()
        self.settings_action = self._action(self.tr("&Settings\u2026"), open_settings)
        self.settings_action.setStatusTip(
            self.tr("Change the API key, watched folders, upload targets and text sizes")
        )
        self.menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), quit_app)
        self.quit_action.setStatusTip(
            self.tr("Close AttachGuard (waiting uploads resume at the next start)")
        )
        self.icon.setContextMenu(self.menu)
        self.icon.messageClicked.connect(self._message_clicked)
        self._message_click: Callable[[], None] | None = None
        #: The icon file now shown (a symbolic variant follows the platform's colour scheme).
        self.icon_name = icons.APP_ICON
        hints.colorSchemeChanged.connect(self._scheme_changed)
        self._needs_service = [
            self.open_action,
            self.add_action,
            self.copy_action,
            self.preview_action,
            self.retry_action,
            self.pause_action,
            self.settings_action,
        ]
        self.key_notice.setVisible(False)
        if service is None:
            # Shown while the service opens (a second or so): honest, and only Quit works yet.
            self.icon.setToolTip(self.tr("AttachGuard: starting\u2026"))
            for action in self._needs_service:
                action.setEnabled(False)

    def _open_service(self) -> Service:
        # The actions that call this are disabled until attach(): a None here is a bug.
        assert self.service is not None, "tray action used before the service was open"
        return self.service

    def attach(self, service: Service) -> None:
        """The service is open: enable the menu (the first snapshot sets the real state)."""
        self.service = service
        self.again_menu.set_service(service)
        for action in self._needs_service:
            action.setEnabled(True)

    def _action(self, text: str, slot: Callable[[], Any] | None) -> QAction:
        action = QAction(text, self.menu)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    # -- showing -----------------------------------------------------------------------------

    def show(self) -> bool:
        """Show the icon; False when the platform has no system tray (the window opens then)."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.info("system tray available: False")
            return False
        self.icon.show()
        log.info("system tray available: True; tray icon shown")
        return True

    def close(self) -> None:
        self._closed = True
        self._ticker.stop()
        self.icon.hide()
        self.icon.setContextMenu(None)  # type: ignore[arg-type]
        self.menu.deleteLater()

    def show_message(
        self,
        title: str,
        text: str,
        *,
        warning: bool = False,
        on_click: Callable[[], None] | None = None,
    ) -> None:
        """A tray notification; ``on_click`` runs if the user clicks this (latest) message."""
        self._message_click = on_click
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if warning
            else QSystemTrayIcon.MessageIcon.Information
        )
        log.info("notification: %s: %s", title, text)
        if self.icon.isVisible():
            self.icon.showMessage(title, text, kind, 10_000)
        self.message_shown.emit(title, text)

    @Slot()
    def _message_clicked(self) -> None:
        callback, self._message_click = self._message_click, None
        if callback is not None:
            callback()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self._open_window()

    # -- refreshing --------------------------------------------------------------------------

    def key_changed(self) -> None:
        """The API key may have changed: ask the keyring again on the next snapshot."""
        self._has_key = None
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Take a new snapshot in the background (coalesced while one is in flight)."""
        if self._closed or self.service is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        tasks.run_in_background(
            take_snapshot,
            self.service,
            self._has_key,
            on_done=self._apply_snapshot,
            on_error=self._snapshot_failed,
        )

    def _snapshot_failed(self, exc: BaseException) -> None:
        log.warning("tray: cannot read the queue state: %s", exc)
        self._finish_refresh()

    def _apply_snapshot(self, snap: Snapshot) -> None:
        if self._closed:
            return
        self._has_key = snap.has_key if snap.paused not in ("no_key", "auth") else None
        self._snapshot = snap
        self._read_at = time.monotonic()
        self.set_choices(snap.choices)
        self.apply(describe(snap))
        self._finish_refresh()

    def _tick(self) -> None:
        """Re-describe the last snapshot with the current time; read again once the shown
        retry time has passed (at most every few seconds)."""
        snap = self._snapshot
        if self._closed or snap is None:
            self._ticker.stop()
            return
        now = time.time()
        self.apply(describe(snap, now))
        due = snap.next_retry_at is not None and snap.next_retry_at <= now
        if due and time.monotonic() - self._read_at >= LIVE_REREAD_S:
            self._read_at = time.monotonic()
            self.refresh()

    def set_choices(self, choices: Sequence[FallbackChoice]) -> None:
        """Rebuild the "Copy text of…" submenu (only when the choices changed)."""
        chosen = tuple(choices)
        if chosen == self._choices:
            return
        self._choices = chosen
        self.copy_menu.clear()
        for number, choice in enumerate(chosen, start=1):
            action = self.copy_menu.addAction(choice_label(number, choice))
            action.setToolTip(choice.name)
            action.setStatusTip(
                self.tr("Put the text of {name} on the clipboard").format(name=choice.name)
            )
            entry_id = choice.entry_id
            action.triggered.connect(lambda _checked=False, e=entry_id: self.copy_text_of(e))
        self.copy_menu.setEnabled(bool(chosen))
        log.info("tray: the copy-text menu lists %d document(s)", len(chosen))

    def _finish_refresh(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

    def apply(self, view: TrayView) -> None:
        """Show ``view`` (icon, tooltip, menu state)."""
        previous, self.view = self.view, view
        name = icons.symbolic_name(view.icon_name, self._color_scheme())
        if (
            previous is None
            or name != self.icon_name
            or (previous.progress, previous.count) != (view.progress, view.count)
        ):
            self.icon_name = name
            self.icon.setIcon(icons.overlay_icon(name, progress=view.progress, count=view.count))
        self.icon.setToolTip(view.tooltip)
        self.key_notice.setVisible(view.needs_key)
        self.pause_action.setText(self.tr(RESUME_TEXT if view.user_paused else PAUSE_TEXT))
        self.pause_action.setStatusTip(
            self.tr("Start uploading the waiting documents again")
            if view.user_paused
            else self.tr("Stop starting uploads until you resume (documents are still backed up)")
        )
        self.pause_action.setEnabled(not view.needs_key)
        self.retry_action.setEnabled(view.state is not TrayState.PAUSED)
        if previous is None or previous.state is not view.state:
            log.info("tray state: %s (%s)", view.state.value, view.headline)
        if view.live and not self._ticker.isActive():
            self._ticker.start()
        elif not view.live and self._ticker.isActive():
            self._ticker.stop()
        self.view_changed.emit(view)

    @Slot(Qt.ColorScheme)
    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        """Dark and light panels need opposite glyphs: redraw the icon for the new scheme."""
        if self.view is not None and not self._closed:
            self.apply(self.view)

    @property
    def live(self) -> bool:
        """Whether the tooltip's retry time is being kept up to date by the timer."""
        return self._ticker.isActive()

    # -- actions -----------------------------------------------------------------------------

    def copy_text_instead(self, on_done: Callable[[CopyResult], None] | None = None) -> None:
        """Copy the text of the latest failed or expired document (else the latest added one)
        and say so in a tray message."""
        copy_latest_fallback(
            self._open_service(), on_done=self._copy_done(on_done), on_progress=self._reading
        )

    def copy_text_of(
        self, entry_id: int, on_done: Callable[[CopyResult], None] | None = None
    ) -> None:
        """Copy the text of the document chosen in the "Copy text of…" submenu."""
        copy_fallback(
            self._open_service(),
            [entry_id],
            on_done=self._copy_done(on_done),
            on_progress=self._reading,
        )

    def preview_latest(self) -> None:
        """Ask for the preview of the document "Copy text instead" would copy."""
        service = self._open_service()

        def chosen(choice: FallbackChoice | None) -> None:
            if choice is None:
                self.show_message(
                    "AttachGuard", self.tr("There is no document to preview yet: add one.")
                )
            else:
                self.preview_requested.emit(choice.entry_id)

        tasks.run_in_background(service.default_fallback_entry, on_done=chosen)

    def _reading(self, progress: Progress) -> None:
        """OCR of a scan takes a while: the tooltip counts the pages read."""
        self.icon.setToolTip(
            self.tr("AttachGuard: reading page {done} of {total}").format(
                done=progress.done, total=progress.total
            )
        )

    def _copy_done(
        self, on_done: Callable[[CopyResult], None] | None
    ) -> Callable[[CopyResult], None]:
        def done(result: CopyResult) -> None:
            if self.view is not None:
                self.icon.setToolTip(self.view.tooltip)  # the reading progress is over
            if not result.superseded:  # the later copy speaks for itself
                self.show_message("AttachGuard", result.message, warning=not result.ok)
            self.copy_finished.emit(result)
            if on_done is not None:
                on_done(result)

        return done

    def retry_failed(self) -> None:
        def done(count: int) -> None:
            if count:
                text = (
                    self.tr("Retrying 1 document now.")
                    if count == 1
                    else self.tr("Retrying {count} documents now.").format(count=count)
                )
                self.show_message("AttachGuard", text)
            else:
                self.show_message("AttachGuard", self.tr("Nothing to retry."))
            self.refresh()

        tasks.run_in_background(self._open_service().uploads.retry, None, on_done=done)

    def toggle_pause(self) -> None:
        uploads = self._open_service().uploads
        pausing = not (self.view is not None and self.view.user_paused)
        tasks.run_in_background(
            uploads.pause if pausing else uploads.resume, on_done=lambda _r: self.refresh()
        )

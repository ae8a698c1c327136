"""The tray icon: tells the truth about the queue, and offers the few actions users need from it.

:func:`describe` turns a queue snapshot into a :class:`TrayView` (state, icon, tooltip); it is pure
so every state can be tested directly. :class:`TrayController` owns the ``QSystemTrayIcon`` and its
menu. Snapshots are taken on a pool thread (they query the database and, now and then, the
keyring) and applied on the GUI thread; while one is in flight, further refresh requests collapse
into one more.

States, most important first: paused (by the user, no API key, key refused) > service trouble
(circuit open, provider outage, rate limit) > needs attention (failed or expired uploads, with a
count) > uploading (with overall progress) > all good.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_app.core.upload_queue import JobState
from desktop_app.ui import icons, tasks
from desktop_app.ui.clipboard import CopyResult, copy_latest_fallback

if TYPE_CHECKING:
    from desktop_app.core.service import Service

log = logging.getLogger(__name__)

_ACTIVE = ("queued", "uploading", "verifying")
_STATE_WORDS = (
    ("uploading", "uploading"),
    ("verifying", "verifying"),
    ("queued", "queued"),
    ("waiting_retry", "waiting to retry"),
    ("failed", "failed"),
    ("done", "uploaded"),
    ("cancelled", "cancelled"),
)
#: How many waiting jobs are inspected for expiry errors per snapshot (bounded work).
_EXPIRED_SCAN_LIMIT = 1000


class TrayState(StrEnum):
    OK = "ok"
    UPLOADING = "uploading"
    ATTENTION = "attention"
    PAUSED = "paused"
    TROUBLE = "trouble"


@dataclass(frozen=True)
class Snapshot:
    """What the tray needs to know, gathered off the GUI thread."""

    counts: Mapping[str, int]
    paused: str | None  # a PauseReason value
    breaker_open: bool
    next_retry_at: float | None
    bytes_total: int
    bytes_sent: int
    has_key: bool
    expired_waiting: int = 0  # waiting to retry after an "expired" error: the fallback is ready


@dataclass(frozen=True)
class TrayView:
    state: TrayState
    icon_name: str
    progress: float | None
    count: int
    headline: str
    tooltip: str
    user_paused: bool
    needs_key: bool


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe(snap: Snapshot, now: float | None = None) -> TrayView:
    """The state, icon and tooltip for a snapshot (pure; ``now`` for the retry time)."""
    counts = {str(k): int(v) for k, v in snap.counts.items()}
    active = sum(counts.get(s, 0) for s in _ACTIVE)
    attention = counts.get("failed", 0) + snap.expired_waiting
    paused = str(snap.paused) if snap.paused is not None else None
    needs_key = not snap.has_key or paused == "no_key"
    progress: float | None = None
    count = 0
    if needs_key:
        state, headline = TrayState.PAUSED, "Uploads paused until you add an API key"
    elif paused == "auth":
        state, headline = TrayState.PAUSED, "Uploads paused: the API key was refused"
    elif paused == "user":
        state, headline = TrayState.PAUSED, "Uploads paused by you"
    elif paused == "service_outage":
        state, headline = TrayState.TROUBLE, "OpenAI reports an outage; uploads are on hold"
    elif snap.breaker_open or paused == "breaker":
        state, headline = TrayState.TROUBLE, "The upload service is failing; retrying later"
    elif paused == "rate_limit":
        state, headline = TrayState.TROUBLE, "Rate limited by OpenAI; waiting to retry"
    elif attention:
        state, count = TrayState.ATTENTION, attention
        headline = f"{_plural(attention, 'document')} could not be uploaded"
    elif active:
        state = TrayState.UPLOADING
        progress = snap.bytes_sent / snap.bytes_total if snap.bytes_total > 0 else 0.0
        headline = f"Uploading {_plural(active, 'document')} ({round(progress * 100)}%)"
    else:
        state, headline = TrayState.OK, "All documents are backed up"
    lines = [f"AttachGuard: {headline}"]
    parts = [f"{counts[s]} {w}" for s, w in _STATE_WORDS if counts.get(s, 0)]
    if parts:
        lines.append(", ".join(parts))
    if snap.next_retry_at is not None and counts.get("waiting_retry", 0):
        lines.append(f"Next retry: {_when(snap.next_retry_at, now)}")
    return TrayView(
        state=state,
        icon_name=f"tray-{state.value}",
        progress=progress,
        count=count,
        headline=headline,
        tooltip="\n".join(lines),
        user_paused=paused == "user",
        needs_key=needs_key,
    )


def _when(at: float, now: float | None) -> str:
    now = time.time() if now is None else now
    if at <= now + 1:
        return "now"
    seconds = at - now
    clock = time.strftime("%H:%M:%S", time.localtime(at))
    if seconds < 90:
        return f"{clock} (in {round(seconds)} s)"
    return f"{clock} (in {round(seconds / 60)} min)"


def take_snapshot(service: Service, has_key: bool | None = None) -> Snapshot:
    """Pool thread: one status query, a bounded scan for expiry errors, the key if asked."""
    uploads = service.uploads
    status = uploads.status()
    counts = {str(k): int(v) for k, v in status.counts.items()}
    expired = 0
    if counts.get("waiting_retry", 0):
        waiting = uploads.jobs(states=[JobState.WAITING_RETRY], limit=_EXPIRED_SCAN_LIMIT)
        expired = sum(1 for job in waiting if job.error_kind == "expired")
    if has_key is None:
        has_key = service.has_api_key()
    return Snapshot(
        counts=counts,
        paused=None if status.paused is None else str(status.paused),
        breaker_open=bool(status.breaker_open),
        next_retry_at=status.next_retry_at,
        bytes_total=int(status.bytes_total),
        bytes_sent=int(status.bytes_sent),
        has_key=has_key,
        expired_waiting=expired,
    )


class TrayController(QObject):
    """The tray icon and menu. Window-side actions are callbacks so the tray stays small."""

    #: Emitted on the GUI thread after each applied snapshot.
    view_changed = Signal(object)
    #: Every "Copy text instead" outcome (from the menu, a notification click or the CLI).
    copy_finished = Signal(object)
    #: (title, text) of every message shown (also when the platform has no tray to show it).
    message_shown = Signal(str, str)

    def __init__(
        self,
        service: Service | None,
        *,
        open_window: Callable[[], None],
        add_files: Callable[[], None],
        open_settings: Callable[[], None],
        quit_app: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._open_window = open_window
        self._has_key: bool | None = None  # None: ask the keyring on the next snapshot
        self._busy = False
        self._again = False
        self._closed = False
        self.view: TrayView | None = None
        self.icon = QSystemTrayIcon()
        self.icon.setIcon(icons.icon(icons.APP_ICON))
        self.icon.setToolTip("AttachGuard: starting")
        self.icon.activated.connect(self._activated)
        self.menu = QMenu()
        self.menu.setAccessibleName("AttachGuard tray menu")
        self.menu.setTitle("AttachGuard")
        self.key_notice = self._action("Uploads paused until you add an API key", None)
        self.key_notice.setEnabled(False)
        self.menu.addSeparator()
        self.open_action = self._action("&Open AttachGuard", open_window, "Ctrl+O")
        self.add_action = self._action("&Add files\u2026", add_files, "Ctrl+N")
        self.copy_action = self._action("&Copy text instead", self.copy_text_instead, "Ctrl+T")
        self.copy_action.setStatusTip(
            "Put the text of the latest failed document on the clipboard, ready to paste"
        )
        self.retry_action = self._action("&Retry failed now", self.retry_failed, "Ctrl+R")
        self.pause_action = self._action("&Pause uploads", self.toggle_pause, "Ctrl+P")
        self.menu.addSeparator()
        self.settings_action = self._action("&Settings\u2026", open_settings, "Ctrl+,")
        self.menu.addSeparator()
        self.quit_action = self._action("&Quit", quit_app, "Ctrl+Q")
        self.icon.setContextMenu(self.menu)
        self.icon.messageClicked.connect(self._message_clicked)
        self._message_click: Callable[[], None] | None = None
        self._needs_service = [
            self.open_action,
            self.add_action,
            self.copy_action,
            self.retry_action,
            self.pause_action,
            self.settings_action,
        ]
        self.key_notice.setVisible(False)
        if service is None:
            # Shown while the service opens (a second or so): honest, and only Quit works yet.
            self.icon.setToolTip("AttachGuard: starting\u2026")
            for action in self._needs_service:
                action.setEnabled(False)

    def _open_service(self) -> Service:
        # The actions that call this are disabled until attach(): a None here is a bug.
        assert self.service is not None, "tray action used before the service was open"
        return self.service

    def attach(self, service: Service) -> None:
        """The service is open: enable the menu (the first snapshot sets the real state)."""
        self.service = service
        for action in self._needs_service:
            action.setEnabled(True)

    def _action(
        self,
        text: str,
        slot: Callable[[], Any] | None,
        shortcut: str | None = None,
    ) -> QAction:
        action = QAction(text, self.menu)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
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
        self.apply(describe(snap))
        self._finish_refresh()

    def _finish_refresh(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

    def apply(self, view: TrayView) -> None:
        """Show ``view`` (icon, tooltip, menu state)."""
        previous, self.view = self.view, view
        if previous is None or (previous.icon_name, previous.progress, previous.count) != (
            view.icon_name,
            view.progress,
            view.count,
        ):
            self.icon.setIcon(
                icons.overlay_icon(view.icon_name, progress=view.progress, count=view.count)
            )
        self.icon.setToolTip(view.tooltip)
        self.key_notice.setVisible(view.needs_key)
        self.pause_action.setText("R&esume uploads" if view.user_paused else "&Pause uploads")
        self.pause_action.setEnabled(not view.needs_key)
        self.retry_action.setEnabled(view.state is not TrayState.PAUSED)
        if previous is None or previous.state is not view.state:
            log.info("tray state: %s (%s)", view.state.value, view.headline)
        self.view_changed.emit(view)

    # -- actions -----------------------------------------------------------------------------

    def copy_text_instead(self, on_done: Callable[[CopyResult], None] | None = None) -> None:
        """Copy the fallback for the latest failed document and say so in a tray message."""

        def done(result: CopyResult) -> None:
            self.show_message("AttachGuard", result.message, warning=not result.ok)
            self.copy_finished.emit(result)
            if on_done is not None:
                on_done(result)

        copy_latest_fallback(self._open_service(), on_done=done)

    def retry_failed(self) -> None:
        def done(count: int) -> None:
            if count:
                self.show_message("AttachGuard", f"Retrying {_plural(count, 'document')} now.")
            else:
                self.show_message("AttachGuard", "Nothing to retry.")
            self.refresh()

        tasks.run_in_background(self._open_service().uploads.retry, None, on_done=done)

    def toggle_pause(self) -> None:
        uploads = self._open_service().uploads
        pausing = not (self.view is not None and self.view.user_paused)
        tasks.run_in_background(
            uploads.pause if pausing else uploads.resume, on_done=lambda _r: self.refresh()
        )

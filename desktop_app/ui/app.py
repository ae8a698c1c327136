"""Starting and stopping the tray app: single instance, service, bridge, tray, window, shutdown.

:func:`run` is what ``attachguard`` with no subcommand calls. A second launch for the same data
root hands its request (files, "show the window", "copy text instead") to the running instance
over ``ipc`` and exits. The first one creates the ``QApplication`` (it keeps running with no
window open: it lives in the tray), shows the tray icon at once (or the window, if the platform
has no tray), opens the service on a pool thread, then starts the upload workers, the status
monitor, the batch watchdog and the folder watcher. On Quit (menu, SIGTERM, SIGINT) it stops
everything in order: watcher, monitors, workers (joined), background tasks, the extraction
worker process, then the database.

The main window is created on first use, so start-up (tray visible) stays fast.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QSystemTrayIcon,
    QToolBar,
)

from desktop_app import ipc
from desktop_app.settings import load_settings
from desktop_app.ui import icons, tasks, translations, tray_help
from desktop_app.ui.bridge import ServiceBridge
from desktop_app.ui.desktop_notify import DesktopNotifications, session_bus_expected
from desktop_app.ui.failover_offer import ACCEPT_KEY, FailoverPresenter
from desktop_app.ui.notifications import Notice, NoticeDisplay, Notifier
from desktop_app.ui.single_instance import Responder, SingleInstance
from desktop_app.ui.theme import apply_theme
from desktop_app.ui.tray import TrayController, TrayView

if TYPE_CHECKING:
    from desktop_app.cli.common import CommandContext
    from desktop_app.core.monitor import BatchView
    from desktop_app.core.service import Service
    from desktop_app.ui.copying import CopyResult
    from desktop_app.ui.preview import PreviewDialog
    from desktop_app.ui.window import MainWindow

log = logging.getLogger(__name__)

#: How long a launch that lost the race for the lock waits for the winner to start listening.
HANDOVER_WAIT_S = 15.0
#: With no tray at start, look for one every 2 s for 2 minutes (login race with the panel).
TRAY_RECHECK_MS = 2000
TRAY_RECHECKS = 60


class TrayApp(QObject):
    """The running app: owns the bridge, the tray, the notifier and (lazily) the window.

    Two-phase start so the icon appears before the slow part: :meth:`launch` shows the tray at
    once, opens the service (database, SDK imports: about a second) on a pool thread, then
    wires everything up. Requests from other launches that arrive meanwhile wait in a list.
    """

    def __init__(
        self,
        qapp: QApplication,
        service: Service | None,
        guard: SingleInstance,
        *,
        desktop: DesktopNotifications | None = None,
    ) -> None:
        super().__init__()
        self.qapp = qapp
        self.guard = guard
        self.desktop = desktop  # notifications with buttons, when the session has a server
        self.notices = NoticeDisplay(
            self._balloon, self._copy, self._retry_jobs, self._open_documents, desktop=desktop
        )
        self.service: Service = None  # type: ignore[assignment]  # set by _attach
        self.bridge: ServiceBridge = None  # type: ignore[assignment]
        self.notifier: Notifier = None  # type: ignore[assignment]
        self.failover: FailoverPresenter | None = None  # the failover offer, once attached
        self.tray = TrayController(
            service,
            open_window=self.show_window,
            add_files=self.choose_files,
            open_settings=self.open_settings,
            quit_app=qapp.quit,
            parent=self,
        )
        self.window: MainWindow | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.has_tray = False
        self.tray_help: QToolBar | None = None  # the window's "how to get a tray" banner
        self._told_about_key = False
        # The "add an API key" balloon waits for the first-run check: the welcome window asks
        # for the key itself, and a balloon saying the same beside it is noise.
        self._first_run_checked = False
        self._warmed = False
        self._waiting: list[tuple[ipc.Request, Responder | None]] = []
        self.tray.view_changed.connect(self._view_changed)
        self.tray.copy_finished.connect(self._tray_copy_finished)
        self.tray.preview_requested.connect(self.show_preview)
        guard.handler = self.handle_request
        if service is not None:
            self._attach(service)

    def _attach(self, service: Service) -> None:
        self.service = service
        self.bridge = ServiceBridge(service, parent=self)
        self.notifier = Notifier(service, self.bridge, self._show_notice, parent=self)
        self.tray.attach(service)
        self.bridge.queue_changed.connect(self.tray.refresh)
        self.bridge.batch_stuck.connect(self._batch_stuck)
        self.failover = FailoverPresenter(
            service,
            self.tray.menu,
            self.tray.retry_action,
            self._show_notice,
            message=lambda text: self.tray.show_message("AttachGuard", text),
            parent=self,
        )
        self.notices.on_action(ACCEPT_KEY, lambda _notice: self._accept_failover())

    def _accept_failover(self) -> None:
        if self.failover is not None:
            self.failover.accept()

    # -- start and stop ----------------------------------------------------------------------

    def show_tray(self) -> bool:
        """Show the icon (or, with no tray on this platform, arrange for the window instead)."""
        self.has_tray = self.tray.show()
        if not self.has_tray:
            # No tray to come back to: closing the window must end the app, and messages go
            # to the window's status bar instead of tray balloons.
            self.qapp.setQuitOnLastWindowClosed(True)
            # Started at login, the panel's tray may come up a little after us: keep looking
            # for a while, then move into it.
            self._tray_checks = TRAY_RECHECKS
            self._tray_timer = QTimer(self)
            self._tray_timer.setInterval(TRAY_RECHECK_MS)
            self._tray_timer.timeout.connect(self._recheck_tray)
            self._tray_timer.start()
        return self.has_tray

    def _recheck_tray(self) -> None:
        self._tray_checks -= 1
        if QSystemTrayIcon.isSystemTrayAvailable() and self.tray.show():
            log.info("a system tray appeared; the app lives there now")
            self.has_tray = True
            self.qapp.setQuitOnLastWindowClosed(False)
            self._tray_timer.stop()
            if self.tray_help is not None:
                self.tray_help.hide()
        elif self._tray_checks <= 0:
            self._tray_timer.stop()

    def launch(self, first: ipc.Request, open_service: Callable[[], Service]) -> None:
        """Show the tray now; open the service off the GUI thread; then :meth:`start`."""
        self.show_tray()

        def failed(exc: BaseException) -> None:
            log.error("cannot open the AttachGuard data: %s", exc)
            QMessageBox.critical(None, self.tr("AttachGuard cannot start"), str(exc))
            self.qapp.exit(1)

        def opened(service: Service) -> None:
            self._attach(service)
            self.start(first, tray_shown=True)

        tasks.run_in_background(open_service, on_done=opened, on_error=failed)

    def start(self, first: ipc.Request, *, tray_shown: bool = False) -> None:
        """Start the service's workers and serve ``first`` and any waiting requests."""
        if not tray_shown:
            self.show_tray()
        if not self.has_tray:
            self.show_window()
            window = self.ensure_window()
            self.tray_help = tray_help.install(window)
            self.tray.message_shown.connect(lambda _title, text: window.show_message(text))
        self.bridge.attach()
        self.tray.refresh()
        # The rest would only delay the first paint: run it on the next loop iterations.
        QTimer.singleShot(0, self._start_workers)
        QTimer.singleShot(0, self._check_first_run)
        waiting, self._waiting = self._waiting, []
        self.handle_request(first, None)
        for request, responder in waiting:
            self.handle_request(request, responder)

    def _start_workers(self) -> None:
        # Everything imported and built so far (Qt wrappers, the SDK's types, the service)
        # lives as long as the app. Freezing it keeps full garbage collections short: they
        # otherwise rescan those ~100,000 objects, and a collection that a worker thread
        # triggers holds the interpreter lock long enough to freeze the GUI for 100+ ms.
        gc.freeze()
        on_watch_event = self.bridge.on_watch_event

        def start() -> None:
            # Off the GUI thread: recovering jobs, importing the SDK and watchdog, and the
            # first scan of the watched folders all take a while.
            self.service.start(
                status=True, batches=True, watch=True, recheck=True, on_watch_event=on_watch_event
            )

        # Each part that fails to start is logged by the service; the others still run.
        tasks.run_in_background(start, on_error=lambda exc: None)

    def _check_first_run(self) -> None:
        """On first start (no key, no documents, never welcomed) open the welcome window."""
        from desktop_app.ui.welcome import needs_welcome

        def decided(needed: bool) -> None:
            self._first_run_checked = True
            if needed:
                self._told_about_key = True  # the welcome window asks for the key
                self.ensure_window().open_welcome()
            elif self.tray.view is not None:
                self._view_changed(self.tray.view)

        tasks.run_in_background(
            needs_welcome, self.service, on_done=decided, on_error=lambda _exc: decided(False)
        )

    def shutdown(self) -> None:
        """Stop in dependency order; every thread we started is joined before the DB closes."""
        log.info("shutting down")
        self.guard.close()
        # A preview still extracting stops now, so the pool is not waited on for it.
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        if self.window is not None:
            self.window.details.preview.cancel()
        tasks.wait_for_all()  # e.g. the service still opening, or uploads.start() running
        if self.desktop is not None:
            self.desktop.stop()  # the D-Bus thread, joined
        if self.service is None:
            self.tray.close()
            return
        self.notifier.close()
        if self.failover is not None:
            self.failover.close()
        self.service.stop()  # watcher, monitors, workers: every thread joined
        self.bridge.close()
        tasks.wait_for_all()
        self.service.texts.close()  # the extraction worker process and its reader thread
        self.tray.close()
        if self.window is not None:
            self.window.close()

    # -- requests from other launches --------------------------------------------------------

    def handle_request(self, request: ipc.Request, responder: Responder | None) -> None:
        if self.service is None:
            self._waiting.append((request, responder))  # answered once the service is open
            return

        def answer(ok: bool, message: str) -> None:
            if responder is not None:
                responder.reply(ipc.Reply(ok, message))

        paths = [Path(p) for p in request.paths]
        if request.command is ipc.Command.COPY_TEXT:
            if request.entry_id is not None:
                self.tray.copy_text_of(request.entry_id, on_done=lambda r: answer(r.ok, r.message))
            else:
                self.tray.copy_text_instead(on_done=lambda r: answer(r.ok, r.message))
            return
        # A plain launch lives in the tray; a second launch or "Open with" shows the window.
        if request.command is ipc.Command.OPEN and (responder is not None or paths):
            self.show_window()
        if paths:
            self.add_paths(paths)
            answer(True, f"AttachGuard is backing up {len(paths)} item(s).")
        else:
            answer(True, "AttachGuard is open.")

    # -- window, files, settings -------------------------------------------------------------

    def ensure_window(self) -> MainWindow:
        if self.window is None:
            # Imported on first use: the window (table model, dialogs) is not needed to start.
            from desktop_app.ui.window import MainWindow

            window = MainWindow(self.service, self.bridge, tasks)
            window.key_changed.connect(self.tray.key_changed)
            window.doc_actions.copy_finished.connect(self._window_copy_finished)
            window.settings_saved.connect(self._settings_saved)
            self.window = window
        return self.window

    def show_window(self) -> None:
        self.ensure_window().show_and_raise()

    def add_paths(self, paths: Sequence[Path]) -> None:
        from desktop_app.core.vault import Source

        self.ensure_window().add_paths(list(paths), Source.CLI)
        self.bridge.notify_entries_changed()

    def choose_files(self) -> None:
        from desktop_app.core.vault import Source

        names, _filter = QFileDialog.getOpenFileNames(
            None, QCoreApplication.translate("TrayApp", "Add files to AttachGuard")
        )
        if names:
            self.ensure_window().add_paths([Path(n) for n in names], Source.DROP)

    def show_preview(self, entry_id: int) -> None:
        """Open the text preview of vault entry ``entry_id`` (tray, notifications): its size,
        parts and a Copy button per part, in a small dialog of its own."""
        from desktop_app.ui.preview import PreviewDialog

        self._warm_texts()
        if self.preview_dialog is None:
            dialog = PreviewDialog(self.service, tasks)
            dialog.preview.copied.connect(self._preview_copied)
            self.preview_dialog = dialog
        self.preview_dialog.show_entry(entry_id)

    def _preview_copied(self, result: CopyResult) -> None:
        if self.window is not None:
            self.window.show_message(result.message)
        if not result.ok:
            self.tray.show_message("AttachGuard", result.message, warning=True)

    def open_settings(self) -> None:
        # One settings dialog for tray and window: the window owns it (and resumes uploads
        # after a key change); the tray hears about it through the window's signals.
        self.ensure_window().open_settings()

    def _settings_saved(self) -> None:
        apply_theme(self.qapp, self.service.settings.ui.theme)
        self.tray.refresh()

    # -- messages ----------------------------------------------------------------------------

    def _show_notice(self, notice: Notice) -> None:
        if notice.kind == "failure":
            self._warm_texts()
        self.notices.show(notice)

    def _balloon(self, notice: Notice, on_click: Callable[[], None] | None) -> None:
        warning = notice.kind == "failure"
        self.tray.show_message(notice.title, notice.text, warning=warning, on_click=on_click)

    def _retry_jobs(self, job_ids: Sequence[int]) -> None:
        """A notification's Retry: requeue exactly the uploads it named."""
        uploads, ids = self.service.uploads, list(job_ids)

        def done(count: int) -> None:
            self.tray.show_message(
                "AttachGuard", self.tr("Retrying {count} upload(s) now.").format(count=count)
            )
            self.tray.refresh()

        tasks.run_in_background(lambda: sum(uploads.retry(j) for j in ids), on_done=done)

    def _open_documents(self, entry_ids: Sequence[int]) -> None:
        """A notification's Open: the window, with those documents selected."""
        window = self.ensure_window()
        window.show_and_raise()
        window.select_entries(entry_ids)

    def _warm_texts(self) -> None:
        """Start the extraction worker and tokenizer once a fallback becomes likely.

        Not at launch: the tokenizer costs ~65 MB and its loading competes with the GUI for
        the interpreter lock; an idle tray app that never needs a fallback should not pay.
        """
        if not self._warmed:
            self._warmed = True
            self.service.texts.warm_up()

    def _copy(self, entry_ids: Sequence[int]) -> None:
        from desktop_app.ui.copying import copy_fallback

        def done(result: CopyResult) -> None:
            self.tray.show_message("AttachGuard", result.message, warning=not result.ok)
            self.tray.copy_finished.emit(result)

        copy_fallback(self.service, list(entry_ids), on_done=done)

    def _tray_copy_finished(self, result: CopyResult) -> None:
        # The tray showed a notification; an open window's status bar says it too. (Without a
        # tray, every tray message already goes to the status bar.)
        if self.has_tray and self.window is not None and not result.superseded:
            self.window.show_message(result.message)

    def _window_copy_finished(self, result: CopyResult) -> None:
        # The status bar said it; a failed copy is also a notification, so it is not missed.
        if self.has_tray and not result.ok and not result.superseded:
            self.tray.show_message("AttachGuard", result.message, warning=True)

    def _batch_stuck(self, batch: BatchView) -> None:
        reason = batch.stuck_reason or self.tr("it is not making progress")
        batch_id = str(batch.id)
        self.tray.show_message(
            self.tr("A batch looks stuck"),
            self.tr(
                "Batch {batch} ({status}): {reason}. Its input file is backed up; "
                "click to see it and resubmit it."
            ).format(batch=batch_id, status=batch.status, reason=reason),
            warning=True,
            on_click=lambda: self.show_batch(batch_id),
        )

    def show_batch(self, batch_id: str) -> None:
        """Open the window on the Service health tab with ``batch_id`` selected."""
        window = self.ensure_window()
        window.show_and_raise()
        window.health_panel.show_batch(batch_id)

    def _view_changed(self, view: TrayView) -> None:
        if view.needs_key and not self._told_about_key and self._first_run_checked:
            self._told_about_key = True
            self.tray.show_message(
                "AttachGuard",
                self.tr(
                    "Uploads are paused until you add an API key. Your documents are still backed "
                    "up. Click here to open Settings."
                ),
                on_click=self.open_settings,
            )


def _install_signal_handlers(qapp: QApplication) -> object:
    """SIGINT/SIGTERM quit cleanly: a wakeup fd wakes the Qt loop so Python's handler runs."""
    if sys.platform == "win32":
        return None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, qapp)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _n, _f: qapp.quit())
    return (reader, writer, notifier)


def run(
    context: CommandContext,
    files: Sequence[str] = (),
    *,
    command: ipc.Command = ipc.Command.OPEN,
) -> int:
    """Start the tray app, or hand ``files`` / ``command`` to the one already running."""
    address = ipc.instance_address(context.paths)
    request = ipc.open_request(files, command)
    handed = ipc.hand_over(address, request)
    if handed is not None:
        return handed
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("AttachGuard")
    qapp.setOrganizationName("AttachGuard")
    qapp.setDesktopFileName("attachguard")
    qapp.setQuitOnLastWindowClosed(False)
    qapp.setWindowIcon(icons.icon(icons.APP_ICON))
    guard = SingleInstance(address)
    if not guard.acquire():
        handed = ipc.hand_over(address, request, wait=HANDOVER_WAIT_S)
        return 1 if handed is None else handed
    # Read the theme from the settings file directly (small, no service needed) so that it is
    # right before anything paints; the service itself opens in the background.
    ui_settings = load_settings(context.paths.settings_file).settings.ui
    apply_theme(qapp, ui_settings.theme)
    # Before any widget or tray menu exists: texts are translated when they are set.
    translations.install(qapp, ui_settings.language)
    handlers = _install_signal_handlers(qapp)
    desktop = DesktopNotifications() if session_bus_expected() else None
    if desktop is not None:
        desktop.start()  # probes the notification server while the service opens
    shell = TrayApp(qapp, None, guard, desktop=desktop)
    QTimer.singleShot(0, lambda: shell.launch(request, lambda: context.service))
    code = qapp.exec()
    shell.shutdown()
    context.close()
    # Threads Python did not start (Qt's pool threads, which waitForDone() already ended)
    # show up as _DummyThread entries that never go away; only our own threads count.
    leftovers = [
        t.name
        for t in threading.enumerate()
        if t is not threading.main_thread()
        and t.is_alive()
        and not isinstance(t, threading._DummyThread)
    ]
    if leftovers:
        log.warning("threads still running at exit: %s", ", ".join(sorted(leftovers)))
    log.info("AttachGuard stopped cleanly")
    del handlers
    return int(code)

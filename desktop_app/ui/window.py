"""The main window: drop zone, searchable document table, per-item actions, status bar.

Constructed by the app as ``MainWindow(service, bridge, tasks_module)``. Adding files (drop,
Add…, Ctrl+V), every per-item action and the queue status all run through ``tasks_module``
(``run_in_background``), so the GUI thread never hashes, copies or waits on the network. The table
reads pages of the store as it scrolls and repaints single rows when the bridge reports jobs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.service import DocumentRow, Service, SettingsChange
from desktop_app.core.uploads import PauseReason, QueueStatus
from desktop_app.core.vault import Source
from desktop_app.ui import health_view, models, theme
from desktop_app.ui.actions import AddSummary, DocumentActions, add_documents
from desktop_app.ui.details import DetailsPane
from desktop_app.ui.dropzone import DroppedPaths, DropZone, paths_from_mime
from desktop_app.ui.help_menu import HelpMenu
from desktop_app.ui.history_menu import CopyAgainMenu
from desktop_app.ui.models import (
    STATUS_FILTER_LABELS,
    Column,
    DocumentFilterProxy,
    DocumentTableModel,
    StatusFilter,
    fit_columns,
)
from desktop_app.ui.row_button import CopyButtonDelegate
from desktop_app.ui.status_view import QueueStatusLabels, held
from desktop_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint

    from desktop_app.core.extract import Progress
    from desktop_app.ui.bridge import ServiceBridge
    from desktop_app.ui.copying import CopyResult
    from desktop_app.ui.preview import PreviewDialog
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.ui.welcome import WelcomeOutcome, WelcomeWindow

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The document window. Closing it hides it; the tray keeps running."""

    #: After the settings dialog saved a new (or removed the) API key.
    key_changed = Signal()
    settings_saved = Signal()
    #: Every message shown in the status bar (also handy for tests and the e2e log).
    message_shown = Signal(str)
    #: One add (drop, paste, Add…) finished; carries the :class:`AddSummary`.
    documents_added = Signal(object)
    status_refreshed = Signal()

    def __init__(
        self, service: Service, bridge: ServiceBridge | None, tasks_module: TaskRunner
    ) -> None:
        super().__init__()
        self._service = service
        self._bridge = bridge
        self._tasks = tasks_module
        self._settings_dialog: SettingsDialog | None = None
        self.welcome: WelcomeWindow | None = None
        self._preview_dialog: PreviewDialog | None = None
        self._total: int | None = None
        self.setWindowTitle("AttachGuard")
        self.setAccessibleName(self.tr("AttachGuard main window"))
        self.setAcceptDrops(True)
        self.resize(980, 640)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, service.settings.ui.theme)

        self.listing = service.documents()
        self.model = DocumentTableModel(self.listing, parent=self)
        self.proxy = DocumentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._pager = QTimer(self)
        self._pager.setInterval(0)
        self._pager.timeout.connect(self._load_next_page)

        self.drop_zone = DropZone()
        self.drop_zone.paths_dropped.connect(self._dropped)
        self.drop_zone.add_files_requested.connect(self.choose_files)
        self.drop_zone.add_folder_requested.connect(self.choose_folder)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search documents by name"))
        self.search.textChanged.connect(self._filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.setToolTip(self.tr("Show only documents in this state (Alt+S)"))
        for value in STATUS_FILTER_LABELS:
            self.status_filter.addItem(models.filter_label(value), value.value)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel(self.tr("&Status:"))
        filter_label.setBuddy(self.status_filter)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setAccessibleDescription(
            self.tr(
                "Every document backed up, with its upload state; select one to see its details, "
                "the context menu (Shift+F10) acts on the selection"
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)  # rows arrive in pages, newest first
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        fit_columns(self.table.horizontalHeader())
        self._fit_reason_column()
        # The status cell; failed and expired rows get a one-click "Copy text" button in it
        # (their status text elides beside it; its tooltip keeps the whole reason).
        self.row_buttons = CopyButtonDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.STATUS, self.row_buttons)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.doc_actions = DocumentActions(
            service,
            tasks_module,
            self,
            self.selected_rows,
            self.show_message,
            self._rows_changed,
            self.model.remove_entries,
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.row_buttons.copy_clicked.connect(self._row_copy_clicked)
        self.proxy.modelReset.connect(self._selection_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(filter_label)
        filters.addWidget(self.status_filter)
        central = QWidget()
        self._documents_page = central
        layout = QVBoxLayout(central)
        layout.addWidget(self.drop_zone)
        layout.addLayout(filters)
        # The selected document's details (and text preview) under the table: beside it, the
        # table's columns would lose the room they are sized for.
        self.details = DetailsPane(service, tasks_module)
        self.details.message.connect(self.show_message)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Document count"))
        self.queue_status = QueueStatusLabels(service, tasks_module, self)
        self.queue_status.shown.connect(self._status_shown)
        self.queue_label = self.queue_status.queue_label
        self.service_label = self.queue_status.service_label
        bar = self.statusBar()
        bar.setAccessibleName(self.tr("Status bar"))
        for widget in (self.count_label, self.queue_label, self.service_label):
            bar.addPermanentWidget(widget)

        self._build_menus()
        # Documents and "Service health" become tabs; the provider's state joins the status bar.
        self.tabs, self.health_panel = health_view.install(
            self, central, service, bridge, tasks_module, self.show_message
        )
        # Help comes last in the menu bar, after the View menu the health tab adds.
        self.menuBar().addAction(self.help_menu.menu.menuAction())
        self._connect_bridge()
        self._update_count()
        self.refresh_status()

    # -- construction helpers -----------------------------------------------------------------

    def _add_action(
        self,
        menu: QMenu,
        text: str,
        shortcut: str | QKeySequence,
        tip: str,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        keys = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
        action.setShortcut(keys)
        action.setToolTip(f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(self.tr("&File"))
        self.add_files_action = self._add_action(
            files,
            self.tr("&Add files…"),
            "Ctrl+O",
            self.tr("Back up and upload files"),
            self.choose_files,
        )
        self.add_folder_action = self._add_action(
            files,
            self.tr("Add &folder…"),
            "Ctrl+Shift+O",
            self.tr("Back up a whole folder"),
            self.choose_folder,
        )
        self.paste_action = self._add_action(
            files,
            self.tr("&Paste files"),
            QKeySequence(QKeySequence.StandardKey.Paste),
            self.tr("Add files copied in a file manager"),
            self.paste_files,
        )
        files.addSeparator()
        self.settings_action = self._add_action(
            files,
            self.tr("&Settings…"),
            "Ctrl+,",
            self.tr("API key, uploads, backups"),
            self.open_settings,
        )
        files.addSeparator()
        self.close_action = self._add_action(
            files,
            self.tr("&Close window"),
            "Ctrl+W",
            self.tr("Hide this window (the tray keeps running)"),
            self.close,
        )
        documents = bar.addMenu(self.tr("&Documents"))
        for action in self.doc_actions.all:
            documents.addAction(action)
            # Scoped to the Documents tab: the Service health tab gives the same keys to the
            # batch's own actions (Ctrl+Shift+R resubmits there), so they never clash.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._documents_page.addAction(action)
        documents.addSeparator()
        self.copy_again_menu = CopyAgainMenu(self._service, self, on_progress=self._reading)
        self.copy_again_menu.copy_finished.connect(self._copied_again)
        documents.addMenu(self.copy_again_menu)
        documents.addSeparator()
        self.find_action = self._add_action(
            documents,
            self.tr("&Find"),
            QKeySequence(QKeySequence.StandardKey.Find),
            self.tr("Search by name"),
            self._focus_search,
        )
        self.reload_action = self._add_action(
            documents,
            self.tr("Re&load"),
            # F5 only: the platform's Refresh keys include Ctrl+R, which is "Retry now" here.
            "F5",
            self.tr("Read the document list again"),
            self.reload,
        )
        uploads = bar.addMenu(self.tr("&Uploads"))
        self.pause_action = self._add_action(
            uploads,
            self.tr("Pa&use uploads"),
            "Ctrl+Shift+P",
            self.tr("Pause or resume uploading"),
            self.toggle_pause,
        )
        self.retry_all_action = self._add_action(
            uploads,
            self.tr("Retry all &failed now"),
            "Ctrl+Alt+R",
            self.tr("Retry every failed upload now"),
            self.retry_all,
        )
        # Alt+S reaches the status filter through its label's mnemonic.
        self.help_menu = HelpMenu(
            self, self._service, self._tasks, self.show_message, self.open_welcome
        )

    def _connect_bridge(self) -> None:
        if self._bridge is None:
            return
        self._bridge.jobs_changed.connect(self._jobs_changed)
        self._bridge.entries_changed.connect(self._entries_changed)
        self._bridge.queue_changed.connect(self.refresh_status)

    # -- public API used by the app -----------------------------------------------------------

    def show_and_raise(self) -> None:
        """Show the window (restoring it if minimised) and bring it to the front."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def add_paths(self, paths: Sequence[Path], source: Source | None = None) -> None:
        """Back up ``paths`` (folders recursively) off the GUI thread; report in the status bar."""
        chosen = [Path(p) for p in paths]
        if not chosen:
            return
        origin = Source.DROP if source is None else source
        if len(chosen) == 1:
            self.show_message(self.tr("Backing up “{name}”…").format(name=chosen[0].name))
        else:
            self.show_message(self.tr("Backing up {count} items…").format(count=len(chosen)))
        self._tasks.run_in_background(
            add_documents,
            self._service,
            chosen,
            origin,
            on_done=self._added,
            on_error=lambda exc: self.show_message(
                self.tr("Adding failed: {error}").format(error=exc)
            ),
        )

    def show_message(self, text: str) -> None:
        """Say ``text`` in the status bar. A sentence too long for the room beside the
        permanent labels is shortened visibly ("…"), never silently clipped, and the whole of
        it stays in the status bar's tooltip until the next message."""
        bar = self.statusBar()
        metrics = bar.fontMetrics()
        others = sum(w.width() for w in (self.count_label, self.queue_label, self.service_label))
        room = max(120, bar.width() - others - 40)
        shown = text
        if metrics.horizontalAdvance(text) > room:
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        bar.showMessage(shown, 15_000)
        bar.setToolTip(text)
        self.message_shown.emit(text)

    def selected_rows(self) -> list[DocumentRow]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.proxy.source_row(r) for r in sorted(rows)]

    def select_entries(self, entry_ids: Collection[int]) -> None:
        """Show these documents selected on the Documents tab (a filter hiding them is cleared)."""
        self.tabs.setCurrentIndex(0)
        rows = [r for r in (self.model.row_of(e) for e in entry_ids) if r is not None]
        if rows and self.proxy.active:
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self._filter_changed()
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row in rows:
            selection.select(self.proxy.mapFromSource(self.model.index(row, 0)), flags)
        if rows:
            self.table.scrollTo(self.proxy.mapFromSource(self.model.index(rows[0], 0)))

    def _row_copy_clicked(self, row: DocumentRow) -> None:
        # The row's button: that row becomes the selection, then the usual copy path runs
        # (status bar progress and result; a long text comes one part per click).
        self.select_entries([row.entry_id])
        self.doc_actions.copy_text_instead()

    def _reading(self, progress: Progress) -> None:
        self.show_message(
            self.tr("Reading page {done} of {total}\u2026").format(
                done=progress.done, total=progress.total
            )
        )

    def _copied_again(self, result: CopyResult) -> None:
        if not result.superseded:  # the later copy speaks for itself
            self.show_message(result.message)

    def open_settings(self) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        if self._settings_dialog is not None:
            self._settings_dialog.raise_()
            self._settings_dialog.activateWindow()
            return
        dialog = SettingsDialog(self._service, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.key_changed.connect(self._key_changed)
        dialog.settings_saved.connect(lambda: self._settings_applied(dialog.change))
        dialog.destroyed.connect(self._settings_closed)
        self._settings_dialog = dialog
        dialog.open()

    def open_welcome(self) -> None:
        """The welcome window (first start, or Help → Welcome): one at a time."""
        from desktop_app.ui.welcome import WelcomeWindow

        if self.welcome is None:
            self.welcome = WelcomeWindow(self._service, self)
            self.welcome.applied.connect(self._welcome_done)
        self.welcome.show()
        self.welcome.raise_()
        self.welcome.activateWindow()

    def _welcome_done(self, outcome: WelcomeOutcome) -> None:
        # The same follow-ups as the settings dialog: uploads resume, the watcher restarts.
        if outcome.choices.key:
            self._key_changed()
        if outcome.change is not None:
            self._settings_applied(outcome.change)

    def show_preview(self, entry_id: int) -> None:
        """Open the text preview of vault entry ``entry_id`` in a small dialog."""
        from desktop_app.ui.preview import PreviewDialog

        if self._preview_dialog is None:
            self._preview_dialog = PreviewDialog(self._service, self._tasks, self)
            self._preview_dialog.preview.copied.connect(
                lambda result: self.show_message(result.message)
            )
        self._preview_dialog.show_entry(entry_id)

    def reload(self) -> None:
        self.model.reload()
        self._update_count()
        self.refresh_status()

    # -- adding -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"))
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder"))
        if folder:
            self.add_paths([Path(folder)])

    def paste_files(self) -> None:
        dropped = paths_from_mime(QGuiApplication.clipboard().mimeData())
        if not dropped.paths:
            self.show_message(
                self.tr("The clipboard holds no files to add (copy them in a file manager).")
            )
            return
        self._dropped(dropped)

    def _dropped(self, dropped: DroppedPaths) -> None:
        self.add_paths(dropped.paths)
        if dropped.not_local:
            self.show_message(
                self.tr(
                    "Backing up {count} item(s); {skipped} were not local files and were skipped."
                ).format(count=len(dropped.paths), skipped=dropped.not_local)
            )

    def _added(self, report: AddSummary) -> None:
        self.model.refresh_new()
        self._update_count()
        if self._bridge is not None:
            self._bridge.notify_entries_changed()
        self.show_message(report.message())
        self.documents_added.emit(report)
        self.refresh_status()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drop_zone.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_zone.dropEvent(event)

    # -- live updates -------------------------------------------------------------------------

    def _jobs_changed(self, job_ids: Collection[int]) -> None:
        self.model.update_jobs(job_ids)
        self._refresh_details()

    def _refresh_details(self) -> None:
        shown = self.details.row
        index = None if shown is None else self.model.row_of(shown.entry_id)
        if index is not None:
            self.details.refresh(self.model.row_at(index))

    def _entries_changed(self) -> None:
        before = self._total
        added = self.model.refresh_new()
        self._update_count()
        if before is not None and self._total is not None and self._total < before + added:
            # Something was forgotten elsewhere (the watcher, or a prune): drop its rows.
            self.model.drop_missing()

    def _rows_changed(self, entry_ids: Collection[int]) -> None:
        self.model.update_entries(entry_ids)
        self._refresh_details()
        self.refresh_status()

    def _update_count(self, recount: bool = True) -> None:
        if recount or self._total is None:
            self._total = self.listing.count()
        total = self._total
        if self.proxy.active:
            shown = self.proxy.rowCount()
            if total == 1:
                text = self.tr("{shown} of 1 document match")
            else:
                text = self.tr("{shown} of {total} documents match")
            text = text.format(shown=f"{shown:,}", total=f"{total:,}")
            if not self.model.fully_loaded:
                read = f"{self.model.rowCount():,}"
                text += " " + self.tr("(searching, {read} read)").format(read=read)
            self.count_label.setText(text)
        elif total == 1:
            self.count_label.setText(self.tr("1 document"))
        else:
            self.count_label.setText(self.tr("{total} documents").format(total=f"{total:,}"))

    def refresh_status(self) -> None:
        """Re-read the queue status (off the GUI thread) into the status bar."""
        self.queue_status.refresh()

    def _status_shown(self, status: QueueStatus) -> None:
        # The same mnemonic (U) either way, so Alt+U, U works whatever the state.
        self.pause_action.setText(
            self.tr("Res&ume uploads")
            if status.paused is PauseReason.USER
            else self.tr("Pa&use uploads")
        )
        self._update_count(recount=False)
        # Rows waiting while OpenAI has trouble say "when OpenAI recovers", as the bar does.
        self.model.set_held(held(status))
        self.details.set_held(held(status))
        self.status_refreshed.emit()

    # -- queue-wide actions -------------------------------------------------------------------

    def toggle_pause(self) -> None:
        uploads = self._service.uploads
        resume = self.pause_action.text() == self.tr("Res&ume uploads")

        def flip() -> None:
            uploads.resume() if resume else uploads.pause()

        def done(_: object) -> None:
            self.show_message(self.tr("Uploads resumed.") if resume else self.tr("Uploads paused."))
            if self._bridge is not None:
                self._bridge.notify_queue_changed()
            self.refresh_status()

        self._tasks.run_in_background(flip, on_done=done, on_error=self._action_failed)

    def retry_all(self) -> None:
        def done(count: int) -> None:
            self.show_message(
                self.tr("Retrying {count} upload(s) now.").format(count=count)
                if count
                else self.tr("Nothing to retry.")
            )
            self.model.update_entries([self.model.row_at(i).entry_id for i in self._visible()])
            self.refresh_status()

        self._tasks.run_in_background(
            self._service.uploads.retry, None, on_done=done, on_error=self._action_failed
        )

    def _action_failed(self, exc: BaseException) -> None:
        self.show_message(self.tr("That did not work: {error}").format(error=exc))

    def _key_changed(self) -> None:
        # The service already told the upload manager (it forgot the old key and lifted a key
        # pause); here only the outcome is read back, on the pool: the keyring may be slow.
        def resume() -> bool:
            return self._service.has_api_key()

        def done(stored: bool) -> None:
            self.show_message(self.tr("API key saved.") if stored else self.tr("API key removed."))
            self.refresh_status()
            self.key_changed.emit()

        self._tasks.run_in_background(resume, on_done=done, on_error=self._action_failed)

    def _settings_applied(self, change: SettingsChange | None) -> None:
        self.show_message(
            self.tr(
                "Settings saved. Upload limits and the base URL apply after AttachGuard restarts."
            )
            if change is not None and change.restart_needed
            else self.tr("Settings saved.")
        )
        if change is not None and change.folders_changed:
            on_event = None if self._bridge is None else self._bridge.on_watch_event
            folders = self._service.settings.watch.folders

            def restart() -> int:
                # Runs on the pool: stopping the old observers joins their threads.
                self._service.start_watching(on_event=on_event)
                return len(folders)

            self._tasks.run_in_background(
                restart,
                on_done=lambda n: self.show_message(
                    self.tr("Now watching {count} folder(s).").format(count=n)
                ),
                on_error=lambda exc: self.show_message(
                    self.tr("Watched folders not updated: {error}").format(error=exc)
                ),
            )
        self.settings_saved.emit()

    def _settings_closed(self) -> None:
        self._settings_dialog = None

    # -- view helpers -------------------------------------------------------------------------

    def _fit_reason_column(self) -> None:
        # The status column carries the reason ("Failed: the remote file …"): it takes the
        # spare width, and the name is sized to content up to a third of the window.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.NAME, self.fontMetrics().horizontalAdvance("M" * 24))

    def _visible(self) -> range:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            return range(0)
        last = self.proxy.rowCount() - 1 if last < 0 else last
        source = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in (first, last)]
        return range(min(source), max(source) + 1)

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_status(StatusFilter(self.status_filter.currentData()))
        self._update_count(recount=False)
        if self.proxy.active and not self.model.fully_loaded:
            self._pager.start()

    def _load_next_page(self) -> None:
        # A filter must see every document, not just the pages scrolled to so far: load the
        # rest one page per event-loop turn, so typing and painting stay responsive meanwhile.
        if not self.proxy.active or self.model.fully_loaded:
            self._pager.stop()
        else:
            self.model.fetchMore(QModelIndex())
        self._update_count(recount=False)

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)  # the search box lives on the Documents tab
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _selection_changed(self, *_: object) -> None:
        rows = self.selected_rows()
        self.doc_actions.update_enabled(rows)
        self.details.show_rows(rows)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Document actions"))
        for action in self.doc_actions.all:
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def closeEvent(self, event: QCloseEvent) -> None:
        # The tray app keeps running; the window only hides (and is cheap to show again).
        event.accept()
        self.hide()

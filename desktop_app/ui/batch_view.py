"""The "Batch jobs" box of the health tab: the watchdog's batches and what the user can do to one.

Reads ``service.batches.batches()`` (the store only) off the GUI thread, one read in flight at a
time. Actions on the selected batch: **Resubmit…** (asks first, saying what will happen, then
``service.batches.resubmit`` on the pool), **Back up input** (``service.batches.backup``) and
**Copy batch id** (clipboard, on the GUI thread). Results go to the window's status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.monitor import BatchView
from desktop_app.ui.health_model import BatchTableModel
from desktop_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop_app.core.service import Service

#: Ages are shown in minutes: repaint them once a minute.
AGE_REFRESH_MS = 60_000


class BatchJobsView(QGroupBox):
    """The batch table with Resubmit…, Back up input and Copy batch id."""

    #: After every list read (carries the list of ``BatchView``).
    batches_shown = Signal(object)

    def __init__(
        self,
        service: Service,
        tasks_module: TaskRunner,
        show_message: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Batch jobs"))
        self._service = service
        self._tasks = tasks_module
        self._show_message = show_message
        self._loading = False
        self._reload_again = False
        self._select_id: str | None = None
        #: The Resubmit… confirmation while it is open (tests answer it like a user would).
        self.confirm_box: QMessageBox | None = None
        self.setAccessibleName(self.tr("Batch jobs"))

        self.model = BatchTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Batch jobs table"))
        self.table.setAccessibleDescription(
            self.tr("Your Batch jobs and their state; the buttons act on the selected job")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # A few hundred rows at most: measuring them is cheap.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.empty_label = QLabel(
            self.tr("No Batch jobs seen yet. Check now lists them (needs an API key).")
        )
        self.empty_label.setAccessibleName(self.tr("No Batch jobs"))

        self.resubmit_action = self._action(
            self.tr("&Resubmit…"),
            "Ctrl+Shift+R",
            self.tr("Create a new batch from the backed-up input"),
            self.resubmit,
        )
        self.backup_action = self._action(
            self.tr("&Back up input"),
            "Ctrl+Shift+B",
            self.tr("Download this batch's input file into the vault"),
            self.backup,
        )
        self.copy_id_action = self._action(
            self.tr("Copy batch &id"),
            "Ctrl+Shift+I",
            self.tr("Copy the batch id to the clipboard"),
            self.copy_id,
        )
        buttons = QHBoxLayout()
        self.buttons: dict[QAction, QPushButton] = {}
        for action in self.actions_list:
            button = QPushButton(action.text())
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons[action] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_REFRESH_MS)
        self._age_timer.timeout.connect(self.model.ages_changed)
        self._age_timer.start()
        self._update_actions()

    @property
    def actions_list(self) -> list[QAction]:
        return [self.resubmit_action, self.backup_action, self.copy_id_action]

    def _action(self, text: str, keys: str, tip: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        # Only while the health tab is shown: Ctrl+Shift+R must not act on a hidden batch.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({keys})")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the recorded batches (store only, off the GUI thread); one read at a time."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        batches = self._service.batches
        self._tasks.run_in_background(batches.batches, on_done=self._loaded, on_error=self._failed)

    def mark_listed(self) -> None:
        """The account's Batch jobs were fetched: an empty list now means there are none."""
        self.empty_label.setText(self.tr("No Batch jobs on this account."))

    def _loaded(self, batches: list[BatchView]) -> None:
        self._loading = False
        selected = self.selected_batch()
        keep = self._select_id or (selected.id if selected is not None else None)
        self.model.set_batches(batches)
        self.empty_label.setVisible(not batches)
        found = keep is not None and self.select_batch(keep)
        if found or not self._reload_again:
            # A batch still missing may be in the read already queued (it was just recorded).
            self._select_id = None
        self.batches_shown.emit(batches)
        if self._reload_again:
            self._reload_again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_message(self.tr("Cannot read the Batch jobs: {error}").format(error=exc))

    def selected_batch(self) -> BatchView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.batch_at(rows[0].row()) if rows else None

    def select_batch(self, batch_id: str) -> bool:
        row = self.model.row_of(batch_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_batch(self, batch_id: str) -> None:
        """Select ``batch_id`` after re-reading the list (it may have just been recorded)."""
        self._select_id = batch_id
        self.refresh()

    def _update_actions(self, *_: object) -> None:
        batch = self.selected_batch()
        self.copy_id_action.setEnabled(batch is not None)
        self.backup_action.setEnabled(batch is not None and batch.backup_entry_id is None)
        self.resubmit_action.setEnabled(batch is not None and not batch.resubmitted_as)
        for action, button in self.buttons.items():
            button.setEnabled(action.isEnabled())

    def _context_menu(self, pos: Any) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Batch actions"))
        for action in self.actions_list:
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- actions --------------------------------------------------------------------------------

    def copy_id(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            return
        QGuiApplication.clipboard().setText(batch.id)
        self._show_message(self.tr("Copied batch id {batch}.").format(batch=batch.id))

    def backup(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            return
        self._show_message(self.tr("Backing up the input of {batch}…").format(batch=batch.id))
        backed_up = self.tr("The input of {batch} is backed up.")
        failed = self.tr("Back up of {batch} failed: {error}")
        self._tasks.run_in_background(
            self._service.batches.backup,
            batch.id,
            on_done=lambda view: self._done(backed_up.format(batch=view.id), view.id),
            on_error=lambda exc: self._show_message(failed.format(batch=batch.id, error=exc)),
        )

    def resubmit(self) -> None:
        """Ask first (what will happen, in words); on Resubmit, run it off the GUI thread."""
        batch = self.selected_batch()
        if batch is None or self.confirm_box is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Resubmit batch"))
        box.setText(self.tr("Resubmit batch {batch}?").format(batch=batch.id))
        source = (
            self.tr("its input file backed up in the vault")
            if batch.backup_entry_id is not None
            else self.tr(
                "its input file (downloaded into the vault first, if the server still has it)"
            )
        )
        box.setInformativeText(
            self.tr(
                "A new batch will be created from {source}, with the same endpoint "
                "({endpoint}), completion window ({window}) and metadata. The old batch is not "
                "cancelled: it stays {status}, and if it still finishes, both may be billed."
            ).format(
                source=source,
                endpoint=batch.endpoint,
                window=batch.completion_window,
                status=batch.status.value.replace("_", " "),
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Resubmit"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._answered(box, button, batch.id))
        box.finished.connect(self._confirm_closed)
        self.confirm_box = box
        box.open()

    def _confirm_closed(self, *_: object) -> None:
        self.confirm_box = None

    def _answered(self, box: QMessageBox, button: QAbstractButton, batch_id: str) -> None:
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            self._show_message(self.tr("{batch} was not resubmitted.").format(batch=batch_id))
            return
        self._show_message(self.tr("Resubmitting {batch}…").format(batch=batch_id))
        resubmitted = self.tr("Resubmitted {batch} as {new} (the old batch was not cancelled).")
        failed = self.tr("Resubmit of {batch} failed: {error}")
        self._tasks.run_in_background(
            self._service.batches.resubmit,
            batch_id,
            on_done=lambda new: self._done(resubmitted.format(batch=batch_id, new=new.id), new.id),
            on_error=lambda exc: self._show_message(failed.format(batch=batch_id, error=exc)),
        )

    def _done(self, message: str, select_id: str) -> None:
        self._show_message(message)
        self.show_batch(select_id)

"""The details pane: everything about the selected document, and its text preview.

Beside the document table. For one selected document it shows the full status and reason
(wrapped, selectable), the remote file id and its expiry, where the backup copy lives, and the
upload history (each upload job: when it was queued and first tried, how many attempts, how it
ended, its last error). Buttons: **Open original** (a read-only copy, so the vault's copy cannot
change), **Show in folder** and **Restore to…**. Below, the :class:`~desktop_app.ui.preview.
PreviewWidget` shows the text as it would be pasted once **Preview text** is on; it then
follows the selection (extraction is heavy, so it does not start just because a row was
clicked).

The table's row fills the top at once; the rest (history, vault path) is read on the task pool.
Dialog and desktop seams (``ask_directory``, ``open_url``) are plain attributes for tests.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AttachGuardError
from desktop_app.ui.models import human_size, status_text
from desktop_app.ui.preview import PreviewWidget
from desktop_app.ui.targets_view import per_target_files, target_lines
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_app.core.service import DocumentDetails, DocumentRow, Service, UploadRecord
    from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: How long the selection must rest before the preview follows it (arrow keys through rows).
PREVIEW_SETTLE_MS = 250

_OUTCOMES = {
    "queued": QT_TRANSLATE_NOOP("DetailsPane", "Queued"),
    "uploading": QT_TRANSLATE_NOOP("DetailsPane", "Uploading"),
    "verifying": QT_TRANSLATE_NOOP("DetailsPane", "Verifying"),
    "waiting_retry": QT_TRANSLATE_NOOP("DetailsPane", "Waiting to retry"),
    "done": QT_TRANSLATE_NOOP("DetailsPane", "Uploaded"),
    "failed": QT_TRANSLATE_NOOP("DetailsPane", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("DetailsPane", "Cancelled"),
    "expired": QT_TRANSLATE_NOOP("DetailsPane", "Expired on the server"),
}


#: Job states in which an upload refused as expired is tried again.
_TO_UPLOAD_AGAIN = frozenset({"queued", "uploading", "verifying", "waiting_retry"})


def timestamp(epoch: float | None) -> str:
    """A local date and time, to the second ("2026-05-09 14:03:07"), or "—"."""
    if epoch is None:
        return "\u2014"
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M:%S")


def outcome(record: UploadRecord) -> str:
    """One upload job in a sentence: how it stands and its last error."""
    state = record.state
    text = (
        QCoreApplication.translate("DetailsPane", _OUTCOMES[state])
        if state in _OUTCOMES
        else state.capitalize()
    )
    if record.state == "waiting_retry" and record.next_attempt_at is not None:
        next_try = QCoreApplication.translate("DetailsPane", "(next try {when})")
        text += " " + next_try.format(when=timestamp(record.next_attempt_at))
    if record.error_message and record.state != "done":
        status = f"HTTP {record.http_status}: " if record.http_status else ""
        last = QCoreApplication.translate("DetailsPane", "Last error: {error}")
        text += ". " + last.format(error=f"{status}{record.error_message}")
    return text


def _history_key(row: DocumentRow) -> tuple[object, ...]:
    return (row.job_id, row.state, row.attempts, row.file_id, row.error_message)


def _selectable(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class DetailsPane(QWidget):
    """Details of the selected document; see the module docstring."""

    #: One sentence for the status bar (restore done, cannot open, ...).
    message = Signal(str)
    #: The details read on the pool are shown (history, vault path, buttons).
    loaded = Signal()

    def __init__(
        self, service: Service, tasks_module: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks_module
        self._row: DocumentRow | None = None
        self._details: DocumentDetails | None = None
        self._generation = 0
        self._held = False
        self.ask_directory: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("Restore to folder")
        )
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.setAccessibleName(self.tr("Document details"))

        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Document name"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        _selectable(self.title)
        self.status_label = _selectable(QLabel())
        self.status_label.setAccessibleName(self.tr("Status and reason"))
        self.remote_label = _selectable(QLabel())
        self.remote_label.setAccessibleName(self.tr("Remote file id and expiry"))
        self.vault_label = _selectable(QLabel())
        self.vault_label.setAccessibleName(self.tr("Backup copy"))
        self.added_label = _selectable(QLabel())
        self.added_label.setAccessibleName(self.tr("Added"))
        # A grid, not a QFormLayout: the form layout gives wrapped labels less height than
        # their text needs, so their lines overlap.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        for line, (name, label) in enumerate(
            (
                (self.tr("Status:"), self.status_label),
                (self.tr("Remote file:"), self.remote_label),
                (self.tr("Backup copy:"), self.vault_label),
                (self.tr("Added:"), self.added_label),
            )
        ):
            form.addWidget(QLabel(name), line, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(label, line, 1)

        self.history = QTableWidget(0, 4)
        self.history.setAccessibleName(self.tr("Upload attempts"))
        self.history.setAccessibleDescription(
            self.tr("Each try to upload this document: when, to which target, and what went wrong")
        )
        self.history.setHorizontalHeaderLabels(
            [self.tr("Queued"), self.tr("First try"), self.tr("Attempts"), self.tr("Outcome")]
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setMaximumHeight(self.fontMetrics().height() * 7)

        self.open_button = QPushButton(self.tr("&Open original"))
        self.open_button.setToolTip(self.tr("Open a read-only copy of the backup in its usual app"))
        self.open_button.clicked.connect(self.open_original)
        self.folder_button = QPushButton(self.tr("Show in &folder"))
        self.folder_button.setToolTip(self.tr("Show the folder holding the backup copy"))
        self.folder_button.clicked.connect(self.show_in_folder)
        self.restore_button = QPushButton(self.tr("Restore &to\u2026"))
        self.restore_button.setToolTip(self.tr("Copy the backup out to a folder you choose"))
        self.restore_button.clicked.connect(self.restore_to)
        self.preview_button = QPushButton(self.tr("Preview te&xt"))
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(
            self.tr(
                "Show the text as it would be pasted into ChatGPT, for this and the next documents "
                "you select"
            )
        )
        self.preview_button.toggled.connect(self._preview_toggled)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.folder_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.preview = PreviewWidget(service, tasks_module, self)
        self.preview.setVisible(False)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(PREVIEW_SETTLE_MS)
        self._settle.timeout.connect(self._load_preview)

        self._body = QWidget()
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form)
        body.addWidget(QLabel(self.tr("Uploads:")))
        body.addWidget(self.history)
        body.addLayout(buttons)
        body.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Everything scrolls inside the pane: the window's minimum size stays small enough for
        # a laptop screen, and wrapped labels get the height they need instead of overlapping.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.placeholder)
        layout.addWidget(self._body)
        layout.addWidget(self.preview, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Document details"))
        self.scroll_area.setAccessibleDescription(
            self.tr("Everything about the selected document; the arrow keys scroll")
        )
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.show_rows([])

    # -- what is shown --------------------------------------------------------------------

    @property
    def row(self) -> DocumentRow | None:
        return self._row

    def show_rows(self, rows: Sequence[DocumentRow]) -> None:
        """Show the document of a single selected row (else a sentence saying why not)."""
        self._generation += 1
        self._details = None
        self._set_buttons()
        if len(rows) != 1:
            self._row = None
            self.title.setText("")
            self.placeholder.setText(
                self.tr("Select a document to see its details.")
                if not rows
                else self.tr("{count} documents selected: select one to see its details.").format(
                    count=len(rows)
                )
            )
            self.placeholder.setVisible(True)
            self._body.setVisible(False)
            self._settle.stop()
            self.preview.clear()
            return
        row = rows[0]
        changed = self._row is None or self._row.entry_id != row.entry_id
        self._row = row
        self.placeholder.setVisible(False)
        self._body.setVisible(True)
        self._fill_row(row)
        self._read_details(row.entry_id)
        if changed and self.preview_button.isChecked():
            self._settle.start()

    def refresh(self, row: DocumentRow) -> None:
        """The shown document changed (a job moved on): show it again, keep the preview."""
        shown = self._row
        if shown is None or row.entry_id != shown.entry_id or row == shown:
            return
        if _history_key(row) == _history_key(shown):
            self._row = row  # only the bytes sent moved on: no need to read the history again
            self._fill_row(row)
            if self._details is not None:
                self._show_vault(self._details)
        else:
            self.show_rows([row])

    def set_held(self, held: bool) -> None:
        """Whether OpenAI's trouble holds the queue (the status then says so, as the row)."""
        if held != self._held:
            self._held = held
            if self._row is not None:
                self._fill_row(self._row)
                if self._details is not None:
                    self._show_vault(self._details)

    def _fill_row(self, row: DocumentRow) -> None:
        self.title.setText(row.name)
        status = status_text(row, held=self._held)
        if row.error_message and row.state not in (None, "done"):
            status += f"\n{row.error_message}"
        self.status_label.setText(status)
        if row.file_id:
            expiry = (
                self.tr("expires {when}").format(when=timestamp(row.expires_at))
                if row.expires_at is not None
                else self.tr("kept until deleted")
            )
            self.remote_label.setText(f"{row.file_id} ({expiry})")
        elif row.error_kind == "expired" and row.state in _TO_UPLOAD_AGAIN:
            # As the row says "(the remote file expired)": not "not uploaded".
            self.remote_label.setText(self.tr("expired on the server, will be uploaded again"))
        else:
            self.remote_label.setText(self.tr("not uploaded"))
        if len(row.targets) > 1:  # until the details are read: the row's own per-target ids
            self.remote_label.setText(target_lines(row))
        count = ""
        if row.added_count > 1:
            count = ", " + self.tr("{count} times").format(count=row.added_count)
        self.added_label.setText(f"{timestamp(row.added_at)}{count}, {human_size(row.size)}")

    def _read_details(self, entry_id: int) -> None:
        generation = self._generation

        def done(details: DocumentDetails) -> None:
            if generation == self._generation:
                self._show_details(details)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            if not isinstance(exc, AttachGuardError):
                log.error("reading a document's details failed", exc_info=exc)
            self.vault_label.setText(self.tr("Cannot read the details: {error}").format(error=exc))
            self.loaded.emit()

        self._tasks.run_in_background(
            self._service.document_details, entry_id, on_done=done, on_error=failed
        )

    def _show_vault(self, details: DocumentDetails) -> None:
        where = str(details.vault_path)
        if not details.backup_present:
            where += "\n" + self.tr(
                "The backup copy is missing: run \u201cattachguard verify\u201d."
            )
        self.vault_label.setText(where)
        entry = details.entry
        if entry.original_path:
            origin = self.tr("from {path}").format(path=entry.original_path)
            self.added_label.setText(f"{self.added_label.text()}\n{origin}")

    def _show_details(self, details: DocumentDetails) -> None:
        self._details = details
        self._show_vault(details)
        per_target = per_target_files(details.latest_per_target(), timestamp)
        if per_target:
            self.remote_label.setText(per_target)
        self.history.setRowCount(len(details.uploads))
        for row, record in enumerate(details.uploads):
            cells = (
                timestamp(record.queued_at),
                timestamp(record.first_attempt_at),
                str(record.attempts),
                f"{record.target}: {outcome(record)}" if per_target else outcome(record),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, column, item)
        self.history.resizeRowsToContents()
        self._set_buttons()
        self.loaded.emit()

    def _set_buttons(self) -> None:
        present = self._details is not None and self._details.backup_present
        for button in (self.open_button, self.folder_button, self.restore_button):
            button.setEnabled(present)

    # -- preview --------------------------------------------------------------------------

    def _preview_toggled(self, on: bool) -> None:
        self.preview.setVisible(on)
        if on:
            self._load_preview()
        else:
            self._settle.stop()
            self.preview.clear()

    def _load_preview(self) -> None:
        row = self._row
        if row is None or not self.preview_button.isChecked():
            return
        if self.preview.entry_ids != (row.entry_id,) or self.preview.prompt is None:
            self.preview.load([row.entry_id])

    # -- buttons --------------------------------------------------------------------------

    def open_original(self) -> None:
        """Open a read-only copy of the backup in the desktop's app for its type."""
        if self._row is None:
            return
        name = self._row.name

        def opened(path: Path) -> None:
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                self.message.emit(
                    self.tr("No app could open \u201c{name}\u201d ({path}).").format(
                        name=name, path=path
                    )
                )
            else:
                self.message.emit(
                    self.tr("Opened a read-only copy of \u201c{name}\u201d.").format(name=name)
                )

        self._tasks.run_in_background(
            self._service.read_only_copy,
            self._row.entry_id,
            on_done=opened,
            on_error=self._failed(self.tr("Opening the original")),
        )

    def show_in_folder(self) -> None:
        if self._details is None:
            return
        folder = self._details.vault_path.parent
        if not self.open_url(QUrl.fromLocalFile(str(folder))):
            self.message.emit(self.tr("Could not open {path}.").format(path=folder))

    def restore_to(self) -> None:
        if self._row is None:
            return
        chosen = self.ask_directory()
        if not chosen:
            return
        self._tasks.run_in_background(
            self._service.vault.restore,
            self._row.entry_id,
            Path(chosen),
            on_done=lambda path: self.message.emit(self.tr("Restored {path}.").format(path=path)),
            on_error=self._failed(self.tr("Restore")),
        )

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            if not isinstance(exc, AttachGuardError):
                log.error("%s failed", what, exc_info=exc)
            self.message.emit(self.tr("{what} failed: {error}").format(what=what, error=exc))

        return report

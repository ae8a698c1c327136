"""Per-document actions of the window: Retry now, Upload again (an expired upload), Copy text
instead, Copy file id, Open backup folder, Restore to…, Remove; and :func:`add_documents`, the
off-thread "add these paths" step.

Every action asks ``service`` and runs its work through the task runner, so the GUI thread only
collects the selection, asks the user (folder picker, confirmation) and shows the outcome in one
plain sentence. Dialog seams (:attr:`DocumentActions.ask_directory`, ``confirm``, ``open_url``)
are plain attributes so tests can answer them without driving native dialogs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.core.errors import AttachGuardError
from desktop_app.core.service import AddReport, DocumentRow, Service
from desktop_app.core.uploads import JobState
from desktop_app.core.vault import Source
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Job states the user may retry at once; "no job" and cancelled ones are queued afresh.
RETRYABLE: frozenset[str | None] = frozenset({JobState.FAILED, JobState.WAITING_RETRY})
REQUEUE: frozenset[str | None] = frozenset({None, JobState.CANCELLED})
#: Uploaded once, then the server let the file go: "Upload again" sends the backup once more.
EXPIRED: frozenset[str | None] = frozenset({JobState.EXPIRED})
#: States whose job must be cancelled before the document is removed.
ACTIVE: frozenset[str | None] = frozenset(
    {JobState.QUEUED, JobState.UPLOADING, JobState.VERIFYING, JobState.WAITING_RETRY}
)


@dataclass(frozen=True)
class AddSummary:
    """What adding a drop, a paste or a file-dialog choice did, worded for the status bar."""

    entry_ids: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    queued: int = 0

    @classmethod
    def of(cls, report: AddReport) -> AddSummary:
        skipped = [f"{p.path.name or p.path}: {p.reason}" for p in report.skipped]
        skipped += [f"{f.path.name}: {f.error}" for f in report.failed]
        not_tried = QCoreApplication.translate("AddSummary", "not tried after the disk filled")
        skipped += [f"{path.name}: {not_tried}" for path in report.not_tried]
        return cls(report.entry_ids, skipped, len(report.job_ids))

    def message(self) -> str:
        added = len(self.entry_ids)
        if added:
            if added == 1:
                text = QCoreApplication.translate("AddSummary", "Backed up 1 document")
            else:
                text = QCoreApplication.translate("AddSummary", "Backed up {count} documents")
            if self.queued:
                text += QCoreApplication.translate("AddSummary", ", queued {queued} for upload")
            text = (text + ".").format(count=added, queued=self.queued)
        else:
            text = QCoreApplication.translate("AddSummary", "Nothing was added.")
        if self.skipped:
            shown = "; ".join(self.skipped[:3])
            if len(self.skipped) > 3:
                more = QCoreApplication.translate(
                    "AddSummary", "Skipped {count}: {shown} (and {more} more)."
                )
            else:
                more = QCoreApplication.translate("AddSummary", "Skipped {count}: {shown}.")
            text += " " + more.format(
                count=len(self.skipped), shown=shown, more=len(self.skipped) - 3
            )
        return text


def add_documents(service: Service, paths: Sequence[Path], source: Source) -> AddSummary:
    """Back up ``paths`` (folders recursively) and queue them for upload when ``auto_upload``
    is on. Runs off the GUI thread. One unreadable file never stops the others: it is listed in
    ``skipped`` with its reason."""
    return AddSummary.of(service.add_documents(paths, source=source, recursive=True))


def _retry(service: Service, rows: Sequence[DocumentRow]) -> int:
    count = 0
    fresh: list[int] = []
    for row in rows:
        if row.job_id is not None and row.state in RETRYABLE:
            count += service.uploads.retry(row.job_id)
        elif row.state in REQUEUE:
            fresh.append(row.entry_id)
    if fresh:
        count += len(service.uploads.enqueue(fresh))
    return count


def _upload_again(service: Service, rows: Sequence[DocumentRow]) -> int:
    return sum(
        service.uploads.retry(row.job_id)
        for row in rows
        if row.job_id is not None and row.state in EXPIRED
    )


def _restore(service: Service, entry_ids: Sequence[int], dest: Path) -> list[Path]:
    return [service.vault.restore(entry_id, dest) for entry_id in entry_ids]


def _remove(service: Service, rows: Sequence[DocumentRow]) -> list[int]:
    removed: list[int] = []
    listing = service.documents()
    for row in rows:
        if row.job_id is not None and row.state in ACTIVE:
            # Stop the upload first so no worker reads a blob that is about to go.
            service.uploads.cancel(row.job_id)
        # A row is a document: every add of the same content goes, or the document would come
        # back under an older name.
        for entry_id in (row.entry_id, *sorted(listing.superseded([row.entry_id]))):
            service.vault.forget(entry_id)
        removed.append(row.entry_id)
    return removed


def _describe(rows: Sequence[DocumentRow]) -> str:
    if len(rows) == 1:
        return f"\u201c{rows[0].name}\u201d"
    return QCoreApplication.translate("DocumentActions", "{count} documents").format(
        count=len(rows)
    )


class DocumentActions(QObject):
    """The per-item actions, wired to a selection and a place to report outcomes."""

    #: Every "Copy text instead" outcome (a ``CopyResult``), e.g. for a tray notification.
    copy_finished = Signal(object)

    def __init__(
        self,
        service: Service,
        tasks_module: TaskRunner,
        parent: QWidget,
        selection: Callable[[], list[DocumentRow]],
        report: Callable[[str], None],
        rows_changed: Callable[[Collection[int]], None],
        rows_removed: Callable[[Collection[int]], None],
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks_module
        self._parent = parent
        self._selection = selection
        self._report = report
        self._rows_changed = rows_changed
        self._rows_removed = rows_removed
        self.ask_directory: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            parent, self.tr("Restore to folder")
        )
        self.confirm: Callable[[str], bool] = self._confirm_dialog
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        # (entry ids, part copied, parts): the next press copies the next part.
        self._last_copy: tuple[tuple[int, ...], int, int] | None = None

        self.retry = self._action(
            self.tr("&Retry now"), "Ctrl+R", self.tr("Upload again now"), self.retry_now
        )
        self.upload_again = self._action(
            self.tr("&Upload again"),
            "Ctrl+U",
            self.tr("Upload the backup again: the file expired on OpenAI's side"),
            self.upload_expired_again,
        )
        self.copy_text = self._action(
            self.tr("Copy &text instead"),
            "Ctrl+Shift+C",
            self.tr("Put the document's text on the clipboard, to paste instead of the file"),
            self.copy_text_instead,
        )
        self.copy_file_id = self._action(
            self.tr("Copy file &id"),
            "Ctrl+Shift+I",
            self.tr("Copy the remote file id"),
            self.copy_file_ids,
        )
        self.open_folder = self._action(
            self.tr("Open &backup folder"),
            "Ctrl+B",
            self.tr("Show the folder holding the backup copy"),
            self.open_backup_folder,
        )
        self.restore = self._action(
            self.tr("Re&store to…"),
            "Ctrl+Shift+R",
            self.tr("Copy the backup out to a folder"),
            self.restore_to,
        )
        self.remove = self._action(
            self.tr("Re&move…"),
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.tr("Forget the backup"),
            self.remove_selected,
        )
        self.all: tuple[QAction, ...] = (
            self.retry,
            self.upload_again,
            self.copy_text,
            self.copy_file_id,
            self.open_folder,
            self.restore,
            self.remove,
        )
        self.update_enabled([])

    def _action(
        self, text: str, shortcut: str | QKeySequence, tip: str, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self._parent)
        action.setShortcut(
            shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
        )
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def update_enabled(self, rows: Sequence[DocumentRow]) -> None:
        any_rows = bool(rows)
        self.retry.setEnabled(any(r.state in RETRYABLE or r.state in REQUEUE for r in rows))
        self.upload_again.setEnabled(any(r.state in EXPIRED for r in rows))
        self.copy_text.setEnabled(any_rows)
        self.copy_file_id.setEnabled(any(r.file_id for r in rows))
        self.open_folder.setEnabled(len(rows) == 1)
        self.restore.setEnabled(any_rows)
        self.remove.setEnabled(any_rows)

    # -- the actions --------------------------------------------------------------------------

    def retry_now(self) -> None:
        rows = [r for r in self._selection() if r.state in RETRYABLE or r.state in REQUEUE]
        if not rows:
            self._report(self.tr("Nothing to retry: the selected uploads are done or in progress."))
            return
        ids = [r.entry_id for r in rows]

        def done(count: int) -> None:
            self._rows_changed(ids)
            if count == 1:
                self._report(self.tr("Retrying 1 upload now."))
            elif count:
                self._report(self.tr("Retrying {count} uploads now.").format(count=count))
            else:
                self._report(self.tr("Nothing to retry."))

        self._tasks.run_in_background(
            _retry, self._service, rows, on_done=done, on_error=self._failed(self.tr("Retry"))
        )

    def upload_expired_again(self) -> None:
        rows = [r for r in self._selection() if r.state in EXPIRED]
        if not rows:
            self._report(self.tr("Nothing to upload again: none of the selected uploads expired."))
            return
        ids = [r.entry_id for r in rows]

        def done(count: int) -> None:
            self._rows_changed(ids)
            if count == 1:
                self._report(self.tr("Uploading 1 document again."))
            elif count:
                self._report(self.tr("Uploading {count} documents again.").format(count=count))
            else:
                self._report(self.tr("Nothing to upload."))

        self._tasks.run_in_background(
            _upload_again,
            self._service,
            rows,
            on_done=done,
            on_error=self._failed(self.tr("Upload")),
        )

    def copy_text_instead(self) -> None:
        """Copy the text fallback; a prompt over the token budget comes one part per press."""
        rows = self._selection()
        if not rows:
            return
        from desktop_app.ui import copying

        ids = tuple(r.entry_id for r in rows)
        last = self._last_copy
        part = last[1] + 1 if last is not None and last[0] == ids and last[1] < last[2] else 1
        self._report(self.tr("Extracting the text of {what}…").format(what=_describe(rows)))

        def done(result: Any) -> None:
            message = str(result.message)
            if result.ok and result.parts > 1:
                self._last_copy = (ids, int(result.part), int(result.parts))
                if result.part < result.parts:
                    keys = self.copy_text.shortcut().toString(
                        QKeySequence.SequenceFormat.NativeText
                    )
                    message += " " + self.tr("Press {keys} again for part {part}.").format(
                        keys=keys, part=result.part + 1
                    )
            else:
                self._last_copy = None
            if not result.superseded:
                self._report(message)
            self.copy_finished.emit(result)

        copying.copy_fallback(
            self._service, list(ids), parent=self._parent, on_done=done, part=part
        )

    def copy_file_ids(self) -> None:
        ids = [r.file_id for r in self._selection() if r.file_id]
        if not ids:
            self._report(self.tr("The selected documents have no remote file id yet."))
            return
        QGuiApplication.clipboard().setText("\n".join(ids))
        self._report(
            self.tr("Copied {file_id}.").format(file_id=ids[0])
            if len(ids) == 1
            else self.tr("Copied {count} file ids.").format(count=len(ids))
        )

    def open_backup_folder(self) -> None:
        rows = self._selection()
        if len(rows) != 1:
            return
        vault = self._service.vault
        entry_id = rows[0].entry_id

        def folder() -> Path:
            return Path(vault.blob_path(vault.get(entry_id).sha256)).parent

        def opened(path: Path) -> None:
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                self._report(self.tr("Could not open {path}.").format(path=path))

        self._tasks.run_in_background(
            folder, on_done=opened, on_error=self._failed(self.tr("Open backup folder"))
        )

    def restore_to(self) -> None:
        rows = self._selection()
        if not rows:
            return
        chosen = self.ask_directory()
        if not chosen:
            return
        dest = Path(chosen)

        def done(paths: list[Path]) -> None:
            if len(paths) == 1:
                self._report(self.tr("Restored {path}.").format(path=paths[0]))
            else:
                self._report(
                    self.tr("Restored {count} documents to {folder}.").format(
                        count=len(paths), folder=dest
                    )
                )

        self._tasks.run_in_background(
            _restore,
            self._service,
            [r.entry_id for r in rows],
            dest,
            on_done=done,
            on_error=self._failed(self.tr("Restore")),
        )

    def remove_selected(self) -> None:
        rows = self._selection()
        if not rows:
            return
        what = _describe(rows)
        question = (
            self.tr(
                "Remove {what} from AttachGuard? The backup copy is deleted; the original file "
                "and any uploaded copy are left alone."
            )
        ).format(what=what)
        if not self.confirm(question):
            return

        def done(removed: list[int]) -> None:
            self._rows_removed(removed)
            self._report(self.tr("Removed {what}.").format(what=what))

        self._tasks.run_in_background(
            _remove, self._service, rows, on_done=done, on_error=self._failed(self.tr("Remove"))
        )

    # -- helpers ------------------------------------------------------------------------------

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            if not isinstance(exc, AttachGuardError):
                log.error("%s failed", what, exc_info=exc)
            self._report(self.tr("{what} failed: {error}").format(what=what, error=exc))
            self._rows_changed([r.entry_id for r in self._selection()])

        return report

    def _confirm_dialog(self, question: str) -> bool:
        answer = QMessageBox.question(
            self._parent,
            self.tr("Remove documents"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

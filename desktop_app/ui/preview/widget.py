"""The preview widget: the fallback prompt as it will be pasted, its size, its parts, copies.

See the package docstring for what it shows and how builds run.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import copying
from desktop_app.ui.preview.request import (
    BuildRequest,
    build,
    selection_arguments,
    sentence,
    size_choices,
)

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.fallback import FallbackPrompt
    from desktop_app.core.service import Service
    from desktop_app.ui.copying import CopyResult
    from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries page progress from the pool thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, object)


def _monospace() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class PreviewWidget(QWidget):
    """The prompt for chosen documents: size, parts, the text itself, copy buttons."""

    #: The prompt is shown (a ``FallbackPrompt``).
    ready = Signal(object)
    #: The prompt could not be built: one sentence for the user.
    failed = Signal(str)
    #: A part was copied (a ``CopyResult``).
    copied = Signal(object)
    #: Extraction progress: pages done, pages in all.
    progressed = Signal(int, int)

    def __init__(
        self, service: Service, tasks_module: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks_module
        self._number = 0
        self._cancel: threading.Event | None = None
        self._started = 0.0
        self._entry_ids: tuple[int, ...] = ()
        self.prompt: FallbackPrompt | None = None
        self._request: BuildRequest | None = None  # the latest build asked for
        self._built_with: BuildRequest | None = None  # how ``prompt`` was built (the history)
        self.last_copied = 0  # the part copied last, 1-based; 0 before any copy
        #: How long the last build took from request to text on screen (for the benchmark).
        self.open_seconds: float | None = None
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progress)
        self.setAccessibleName(self.tr("Text preview"))

        self.preset_box = QComboBox()
        self.preset_box.setAccessibleName(self.tr("Size of each part"))
        self.preset_box.setToolTip(
            self.tr("Where the text will be pasted: it is split into parts that fit there")
        )
        for choice in size_choices(service):
            self.preset_box.addItem(choice.label, choice)
            index = self.preset_box.count() - 1
            tip = self.tr("{description} (up to {tokens} tokens a part)").format(
                description=choice.description, tokens=f"{choice.part_tokens:,}"
            )
            self.preset_box.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
            if choice.name == service.settings.fallback.preset:
                self.preset_box.setCurrentIndex(index)  # the one chosen in Settings
        self.preset_box.currentIndexChanged.connect(self.reload)
        preset_label = QLabel(self.tr("Si&ze for:"))
        preset_label.setBuddy(self.preset_box)
        self.selection_edit = QLineEdit()
        self.selection_edit.setAccessibleName(self.tr("Pages or sheet"))
        self.selection_edit.setPlaceholderText(self.tr("all (or pages 3-10, or a sheet name)"))
        self.selection_edit.setToolTip(
            self.tr(
                "Only these pages or slides (3-10, 1,4-6) or this sheet; empty for everything. "
                "Press Enter to apply."
            )
        )
        self.selection_edit.setClearButtonEnabled(True)
        self.selection_edit.returnPressed.connect(self.reload)
        selection_label = QLabel(self.tr("&Pages/sheet:"))
        selection_label.setBuddy(self.selection_edit)
        options = QFormLayout()
        options.addRow(preset_label, self.preset_box)
        options.addRow(selection_label, self.selection_edit)

        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Extraction progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Stop extracting the text"))
        self.cancel_button.setToolTip(
            self.tr("Stop reading the document; the pages read so far are kept for next time")
        )
        self.cancel_button.clicked.connect(self.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.progress_label, 1)
        busy.addWidget(self.progress_bar)
        busy.addWidget(self.cancel_button)
        self._busy = QWidget()
        self._busy.setLayout(busy)
        self._busy.setVisible(False)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(self.tr("Size of the text"))

        self.parts_table = QTableWidget(0, 4)
        self.parts_table.setAccessibleName(self.tr("Parts"))
        self.parts_table.setAccessibleDescription(
            self.tr(
                "The parts the text is split into; select one to see it, Copy puts it on the "
                "clipboard"
            )
        )
        self.parts_table.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("Holds"), self.tr("Size"), ""]
        )
        self.parts_table.verticalHeader().setVisible(False)
        self.parts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.parts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.parts_table.currentCellChanged.connect(lambda row, *_: self._show_part(row))
        self.copy_next_button = QPushButton(self.tr("Copy &next part"))
        self.copy_next_button.setAccessibleName(self.tr("Copy the next part"))
        self.copy_next_button.setToolTip(
            self.tr("Put the next part on the clipboard, ready to paste after the last one")
        )
        self.copy_next_button.setEnabled(False)
        self.copy_next_button.clicked.connect(self.copy_next)

        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("The text as it will be pasted"))
        self.text_view.setFont(_monospace())
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(options)
        layout.addWidget(self._busy)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.parts_table)
        layout.addWidget(self.copy_next_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text_view, 1)
        self._set_content_visible(False)

    # -- building -------------------------------------------------------------------------

    @property
    def entry_ids(self) -> tuple[int, ...]:
        return self._entry_ids

    @property
    def busy(self) -> bool:
        return self._busy.isVisible() or (self._cancel is not None and not self._cancel.is_set())

    def load(self, entry_ids: Sequence[int]) -> None:
        """Build and show the prompt for ``entry_ids`` (off the GUI thread)."""
        self._entry_ids = tuple(entry_ids)
        self.last_copied = 0
        self.reload()

    def clear(self) -> None:
        """Show nothing (no document chosen); a build in flight is cancelled."""
        self._stop_build()
        self._entry_ids = ()
        self.prompt = None
        self._busy.setVisible(False)
        self.summary_label.setText("")
        self._set_content_visible(False)

    def reload(self) -> None:
        """Build again with the chosen preset and selection."""
        if not self._entry_ids:
            return
        try:
            selection = selection_arguments(self.selection_edit.text())
        except ValueError as exc:
            # Said above the text; what is shown stays (and stays copyable).
            sentence = self.tr("{reason}. Try 3-10, or a sheet's name.").format(
                reason=str(exc).rstrip(".")
            )
            self.summary_label.setText(sentence)
            self.failed.emit(sentence)
            return
        self._stop_build()
        self._number += 1
        request = BuildRequest(
            self._number, self._entry_ids, self.preset_box.currentData(), selection
        )
        self._request = request
        cancel = threading.Event()
        self._cancel = cancel
        self._started = time.perf_counter()
        self.progress_label.setText(self.tr("Reading the document\u2026"))
        self.progress_bar.setRange(0, 0)  # busy until the first page is counted
        self._busy.setVisible(True)
        self.cancel_button.setEnabled(True)
        number = request.number

        def progress(update: Progress) -> None:  # pool thread
            self._relay.progressed.emit(number, update)

        self._tasks.run_in_background(
            build,
            self._service,
            request,
            progress,
            cancel,
            on_done=lambda prompt: self._built(number, prompt),
            on_error=lambda exc: self._build_failed(number, exc),
        )

    def cancel(self) -> None:
        """Stop extracting (the pages read so far are kept for next time)."""
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping\u2026"))

    def _stop_build(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None

    def _progress(self, number: int, update: Progress) -> None:
        if number != self._number:
            return
        self.progress_bar.setRange(0, max(update.total, 1))
        self.progress_bar.setValue(update.done)
        self.progress_label.setText(
            self.tr("Reading page {done} of {total}\u2026").format(
                done=update.done, total=update.total
            )
        )
        self.progressed.emit(update.done, update.total)

    def _built(self, number: int, prompt: FallbackPrompt) -> None:
        if number != self._number:
            return  # a newer request is under way
        self._cancel = None
        self._busy.setVisible(False)
        self.prompt = prompt
        self._built_with = self._request  # the latest request: ``number`` is current
        self.last_copied = 0
        self._fill(prompt)
        self.open_seconds = time.perf_counter() - self._started
        log.info(
            "preview shown: %d part(s), %d tokens, in %.1f ms",
            len(prompt.parts),
            prompt.total_tokens,
            self.open_seconds * 1000,
        )
        self.ready.emit(prompt)

    def _build_failed(self, number: int, exc: BaseException) -> None:
        if number != self._number:
            return
        cancelled = self._cancel is not None and self._cancel.is_set()
        self._cancel = None
        if cancelled:
            self._show_failure(
                self.tr(
                    "Stopped. The pages read so far are kept: the next preview goes on from there."
                )
            )
        else:
            self._show_failure(sentence(exc))

    def _show_failure(self, sentence: str) -> None:
        self._busy.setVisible(False)
        self.prompt = None
        self._set_content_visible(False)
        self.summary_label.setText(sentence)
        self.failed.emit(sentence)

    # -- showing --------------------------------------------------------------------------

    def _set_content_visible(self, visible: bool) -> None:
        for widget in (self.parts_table, self.copy_next_button, self.text_view):
            widget.setVisible(visible)

    def _fill(self, prompt: FallbackPrompt) -> None:
        count = len(prompt.parts)
        chars = sum(len(p) for p in prompt.parts)
        if count == 1:
            summary = self.tr("{chars} characters, {tokens} tokens ({tokenizer}), in 1 part.")
        else:
            summary = self.tr(
                "{chars} characters, {tokens} tokens ({tokenizer}), in {count} parts."
            )
        summary = summary.format(
            chars=f"{chars:,}",
            tokens=f"{prompt.total_tokens:,}",
            tokenizer=prompt.tokenizer,
            count=count,
        )
        if prompt.skipped:
            summary += " " + self.tr("Left out: {skipped}").format(skipped=" ".join(prompt.skipped))
        self.summary_label.setText(summary)
        table = self.parts_table
        table.setRowCount(count)
        for row, text in enumerate(prompt.parts):
            number = QTableWidgetItem(
                self.tr("{part} of {count}").format(part=row + 1, count=count)
            )
            span = prompt.spans[row] if row < len(prompt.spans) else ""
            holds = QTableWidgetItem(span or self.tr("everything"))
            tokens = prompt.token_counts[row] if row < len(prompt.token_counts) else 0
            size = QTableWidgetItem(
                self.tr("{tokens} tokens, {chars} characters").format(
                    tokens=f"{tokens:,}", chars=f"{len(text):,}"
                )
            )
            for column, item in enumerate((number, holds, size)):
                table.setItem(row, column, item)
            button = QPushButton(self.tr("Copy"))
            button.setAccessibleName(self.tr("Copy part {part}").format(part=row + 1))
            button.setToolTip(
                self.tr("Put part {part} on the clipboard, ready to paste").format(part=row + 1)
            )
            put = self.tr("Put part {part} of {count} on the clipboard").format(
                part=row + 1, count=count
            )
            button.setToolTip(put)
            button.setAccessibleDescription(put)
            button.clicked.connect(lambda _=False, part=row + 1: self.copy_part(part))
            table.setCellWidget(row, 3, button)
        # Enough room for a few parts; more scroll.
        rows_shown = min(count, 4)
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows_shown))
        table.setFixedHeight(height)
        self._set_content_visible(True)
        self.copy_next_button.setVisible(count > 1)
        self._update_next()
        table.setCurrentCell(0, 0)
        self._show_part(0)

    def _show_part(self, row: int) -> None:
        if self.prompt is None or not 0 <= row < len(self.prompt.parts):
            return
        self.text_view.setPlainText(self.prompt.parts[row])

    def shown_part(self) -> int:
        """The part whose text is in the text view (1-based)."""
        return self.parts_table.currentRow() + 1

    # -- copying --------------------------------------------------------------------------

    def copy_part(self, part: int) -> CopyResult:
        """Put part ``part`` (1-based) on the clipboard; the next part is one click away."""
        if self.prompt is None:
            result = copying.CopyResult(False, self.tr("There is no text to copy yet."))
        else:
            result = copying.copy_prompt_part(
                self.prompt, part, self._entry_ids, service=self._service, **self._history_note()
            )
            if result.ok:
                self.last_copied = result.part
                self.parts_table.setCurrentCell(result.part - 1, 0)
        had_focus = self._copy_has_focus()
        self._update_next()
        if had_focus and self.copy_next_button.isEnabled():
            self.copy_next_button.setFocus()  # Space again copies the next part
        self.copied.emit(result)
        return result

    def _history_note(self) -> dict[str, str | None]:
        """The size and selection the shown prompt was built with, for the copy history."""
        built = self._built_with
        if built is None:
            return {}
        pages = built.selection.get("pages")
        return {
            "preset": None if built.preset is None else built.preset.name,
            "pages": None if pages is None else str(pages),
            "sheet": built.selection.get("sheet"),
        }

    def focus_first_copy(self) -> None:
        """Put the keyboard focus on part 1's Copy button (the dialog does, once text is shown:
        Space copies part 1, then Space again each next part)."""
        button = self.parts_table.cellWidget(0, 3)
        if button is not None:
            button.setFocus()

    def _copy_has_focus(self) -> bool:
        focused = self.focusWidget()
        if focused is self.copy_next_button:
            return True
        rows = range(self.parts_table.rowCount())
        return any(focused is self.parts_table.cellWidget(r, 3) for r in rows)

    def copy_next(self) -> CopyResult:
        """Copy the part after the one copied last (part 1 before any copy)."""
        return self.copy_part(self.last_copied + 1)

    def _update_next(self) -> None:
        parts = 0 if self.prompt is None else len(self.prompt.parts)
        following = self.last_copied + 1
        enabled = 0 < self.last_copied < parts
        self.copy_next_button.setEnabled(enabled)
        self.copy_next_button.setText(
            self.tr("Copy &next part ({part} of {count})").format(part=following, count=parts)
            if enabled
            else self.tr("Copy &next part")
        )

"""Editor for ``settings.watch.folders``: a list of folders with recursive and upload flags.

Only edits :class:`~desktop_app.settings.WatchedFolder` records; the settings dialog saves them
and the watcher (core) picks them up. Include/exclude patterns and the purpose are kept as they
were for existing folders (they are edited in the settings file).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings import WatchedFolder

_PATH, _RECURSIVE, _UPLOAD = range(3)


class WatchedFoldersEditor(QWidget):
    """Table of watched folders with Add…/Remove buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Watched folders"))
        self._records: list[WatchedFolder] = []
        #: Asks the user for a folder; replaceable so tests need not drive a native dialog.
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, "Watch a folder"
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Folder", "Include subfolders", "Upload new files"])
        self.table.setAccessibleName(self.tr("Watched folders list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_PATH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_RECURSIVE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_UPLOAD, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("A&dd folder…"))
        self.add_button.setAccessibleName(self.tr("Add watched folder"))
        self.add_button.setToolTip(self.tr("Watch another folder (Ctrl+N)"))
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.add_button.clicked.connect(self.add_folder)
        self.remove_button = QPushButton(self.tr("R&emove"))
        self.remove_button.setAccessibleName(self.tr("Remove watched folder"))
        self.remove_button.setToolTip(self.tr("Stop watching the selected folder (Del)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_folders(self, folders: list[WatchedFolder]) -> None:
        self._records = [copy.deepcopy(f) for f in folders]
        self.table.setRowCount(0)
        for record in self._records:
            self._append_row(record)
        self._update_buttons()

    def folders(self) -> list[WatchedFolder]:
        """The edited list, in table order, with the check boxes applied."""
        result: list[WatchedFolder] = []
        for row, record in enumerate(self._records):
            updated = copy.deepcopy(record)
            updated.recursive = self._checked(row, _RECURSIVE)
            updated.upload = self._checked(row, _UPLOAD)
            result.append(updated)
        return result

    def add_path(self, path: str) -> bool:
        """Add a folder (ignored when already listed); True if it was added."""
        normalized = str(Path(path).expanduser())
        if any(Path(r.path) == Path(normalized) for r in self._records):
            return False
        record = WatchedFolder(path=normalized, recursive=True)
        self._records.append(record)
        self._append_row(record)
        self.table.selectRow(len(self._records) - 1)
        return True

    def add_folder(self) -> None:
        chosen = self.choose_folder()
        if chosen:
            self.add_path(chosen)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self._records[row]
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.selectedIndexes():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def _append_row(self, record: WatchedFolder) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        path_item = QTableWidgetItem(record.path)
        path_item.setToolTip(record.path)
        self.table.setItem(row, _PATH, path_item)
        for column, value, name in (
            (_RECURSIVE, record.recursive, "Include subfolders"),
            (_UPLOAD, record.upload, "Upload new files"),
        ):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            self.table.setItem(row, column, item)

    def set_flag(self, row: int, column: int, on: bool) -> None:
        item = self.table.item(row, column)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))


RECURSIVE_COLUMN = _RECURSIVE
UPLOAD_COLUMN = _UPLOAD

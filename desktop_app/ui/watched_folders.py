"""Editor for ``settings.watch.folders``: a list of folders with recursive and upload flags,
and, with several upload targets, which targets each folder's new files go to ("Upload to").

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
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings import WatchedFolder

_PATH, _RECURSIVE, _UPLOAD, _TARGETS = range(4)


class WatchedFoldersEditor(QWidget):
    """Table of watched folders with Add…/Remove buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Watched folders"))
        self._records: list[WatchedFolder] = []
        self._target_names: list[str] = []  # set_targets(): the upload targets in force
        self._target_menus: list[QMenu] = []  # per row: a checkable action per target
        #: Asks the user for a folder; replaceable so tests need not drive a native dialog.
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("Watch a folder")
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Folder"),
                self.tr("Include subfolders"),
                self.tr("Upload new files"),
                self.tr("Upload to"),
            ]
        )
        self.table.setColumnHidden(_TARGETS, True)
        self.table.setAccessibleName(self.tr("Watched folders list"))
        self.table.setAccessibleDescription(
            self.tr("Folders whose new files are backed up and uploaded, and where they go")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_PATH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_RECURSIVE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_UPLOAD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_TARGETS, QHeaderView.ResizeMode.ResizeToContents)

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

    def set_targets(self, names: list[str]) -> None:
        """The upload targets in force (the primary first); with two or more, each folder
        gets an "Upload to" choice. Call before :meth:`set_folders`."""
        self._target_names = list(names)
        self.table.setColumnHidden(_TARGETS, len(names) < 2)

    def set_folders(self, folders: list[WatchedFolder]) -> None:
        self._records = [copy.deepcopy(f) for f in folders]
        self._target_menus = []
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
            if len(self._target_names) > 1:
                chosen = self.chosen_targets(row)
                # Only the primary (or nothing) is the default: keep the file free of it.
                updated.targets = [] if chosen in ([], self._target_names[:1]) else chosen
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
            del self._target_menus[row]
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
            (_RECURSIVE, record.recursive, self.tr("Include subfolders")),
            (_UPLOAD, record.upload, self.tr("Upload new files")),
        ):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            self.table.setItem(row, column, item)
        self._add_target_choice(row, record)

    def _add_target_choice(self, row: int, record: WatchedFolder) -> None:
        button = QToolButton()
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setAccessibleName(self.tr("Upload to"))
        menu = QMenu(button)
        wanted = set(record.targets or self._target_names[:1])
        for name in self._target_names:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name in wanted)
            action.toggled.connect(lambda _on, b=button, m=menu: b.setText(_menu_text(m)))
        button.setMenu(menu)
        button.setText(_menu_text(menu))
        self._target_menus.append(menu)
        self.table.setCellWidget(row, _TARGETS, button)

    def chosen_targets(self, row: int) -> list[str]:
        """The targets ticked for the folder in ``row``, in the targets' order."""
        return [a.text() for a in self._target_menus[row].actions() if a.isChecked()]

    def choose_targets(self, row: int, names: list[str]) -> None:
        """Tick exactly ``names`` for the folder in ``row`` (as the user would in its menu)."""
        for action in self._target_menus[row].actions():
            action.setChecked(action.text() in names)

    def set_flag(self, row: int, column: int, on: bool) -> None:
        item = self.table.item(row, column)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))


def _menu_text(menu: QMenu) -> str:
    chosen = [a.text() for a in menu.actions() if a.isChecked()]
    return ", ".join(chosen) if chosen else menu.tr("(the primary)")


RECURSIVE_COLUMN = _RECURSIVE
UPLOAD_COLUMN = _UPLOAD

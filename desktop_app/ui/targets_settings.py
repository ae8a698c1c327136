"""The settings dialog's "Targets" tab: the upload targets in force, and a key for each.

Read only (targets are edited in ``settings.toml``; a change needs a restart): each target's
name, kind, address and whether it has a key. "Set key…" stores a key for the selected target
in the OS keyring under that target's own entry (never in a file), and uploads waiting for it
resume. The states are read and the key stored on the pool, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import tasks

if TYPE_CHECKING:
    from desktop_app.core.service import Service
    from desktop_app.core.uploads import TargetState

log = logging.getLogger(__name__)


class TargetKeysEditor(QWidget):
    """The targets in a list, with "Set key…" for the selected one."""

    #: After the list was (re)read: carries the states.
    loaded = Signal(object)
    #: A one-line outcome of "Set key…" (stored, or why not).
    message = Signal(str)

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("TargetKeys", "Upload targets"))
        self._service = service
        self._names: list[str] = []
        #: Asks for a key (title, target name) and returns it, "" when cancelled; a seam so
        #: tests do not drive a modal dialog.
        self.ask_key: Callable[[str], str] = self._ask_key
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(
            QCoreApplication.translate("TargetKeys", "Upload targets and their keys")
        )
        self.tree.setAccessibleDescription(
            QCoreApplication.translate(
                "TargetKeys", "Where documents are uploaded, and whether each has its API key"
            )
        )
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("TargetKeys", "Target"),
                QCoreApplication.translate("TargetKeys", "Kind"),
                QCoreApplication.translate("TargetKeys", "Address"),
                QCoreApplication.translate("TargetKeys", "Key"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.set_key_button = QPushButton(
            QCoreApplication.translate("TargetKeys", "&Set key\u2026")
        )
        self.set_key_button.setToolTip(
            QCoreApplication.translate(
                "TargetKeys",
                "Store a key for the selected target in the OS keyring, under its own entry",
            )
        )
        self.set_key_button.setEnabled(False)
        self.set_key_button.clicked.connect(self.set_key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(
            QCoreApplication.translate(
                "TargetKeys",
                "Targets are listed in settings.toml as [[targets]] tables; a change there "
                "takes effect after a restart. Keys never go to a file.",
            )
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.set_key_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(row)
        layout.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        tasks.run_in_background(
            self._service.target_states,
            on_done=self._show,
            on_error=lambda exc: self.status.setText(
                QCoreApplication.translate("TargetKeys", "Cannot read the targets: {error}").format(
                    error=exc
                )
            ),
        )

    def _show(self, states: list[TargetState]) -> None:
        current = self.tree.currentItem()
        chosen = current.text(0) if current is not None else None
        self.tree.clear()
        self._names = [s.name for s in states]
        for state in states:
            key = (
                QCoreApplication.translate("TargetKeys", "present")
                if state.has_key
                else QCoreApplication.translate("TargetKeys", "missing")
            )
            item = QTreeWidgetItem([state.name, state.kind, state.address, key])
            self.tree.addTopLevelItem(item)
            if state.name == chosen:
                self.tree.setCurrentItem(item)
        self._selection_changed()
        self.loaded.emit(states)

    def _selection_changed(self) -> None:
        self.set_key_button.setEnabled(self.tree.currentItem() is not None)

    def select(self, name: str) -> None:
        """Select the target called ``name`` (as a click would)."""
        item = self.tree.topLevelItem(self._names.index(name))
        if item is not None:
            self.tree.setCurrentItem(item)

    def _ask_key(self, name: str) -> str:
        key, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("TargetKeys", "Key for {name}").format(name=name),
            QCoreApplication.translate(
                "TargetKeys", "API key for the upload target {name}:"
            ).format(name=name),
            QLineEdit.EchoMode.Password,
        )
        return key.strip() if ok else ""

    def set_key(self) -> None:
        """Ask for a key for the selected target and store it in the keyring."""
        item = self.tree.currentItem()
        if item is None:
            return
        name = item.text(0)
        key = self.ask_key(name)
        if not key:
            return

        def stored(_: object) -> None:
            self._say(
                QCoreApplication.translate(
                    "TargetKeys", "The key for {name} is stored in the keyring."
                ).format(name=name)
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._say(
                QCoreApplication.translate(
                    "TargetKeys", "The key for {name} was not stored: {error}"
                ).format(name=name, error=exc)
            )

        tasks.run_in_background(
            self._service.store_target_key, name, key, on_done=stored, on_error=failed
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

"""The preview on its own, in a small dialog: opened from the tray ("Preview text…") and from
notifications, through ``show_preview(entry_id)`` on the app and the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.preview.request import sentence
from desktop_app.ui.preview.widget import PreviewWidget

if TYPE_CHECKING:
    from desktop_app.core.service import Service
    from desktop_app.ui.tasks import TaskRunner


class PreviewDialog(QDialog):
    """The preview on its own, for the tray and notifications: one document's text."""

    def __init__(
        self, service: Service, tasks_module: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks_module
        self.setWindowTitle(self.tr("Text preview \u2014 AttachGuard"))
        self.setAccessibleName(self.tr("Text preview"))
        self.resize(760, 620)
        self.preview = PreviewWidget(service, tasks_module, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Last copy"))
        self.preview.copied.connect(lambda result: self.message.setText(result.message))
        self.preview.ready.connect(lambda _prompt: self.preview.focus_first_copy())
        close = QPushButton(self.tr("Close"))
        close.setToolTip(self.tr("Close the preview (the text stays cached for next time)"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)

    def show_entry(self, entry_id: int) -> None:
        """Show the text of vault entry ``entry_id`` and bring the dialog to the front."""
        self.message.setText("")
        title = self.tr("Text of {name} \u2014 AttachGuard")
        self._tasks.run_in_background(
            lambda: self._service.vault.get(entry_id).name,
            on_done=lambda name: self.setWindowTitle(title.format(name=name)),
            on_error=lambda exc: self.message.setText(sentence(exc)),
        )
        self.preview.load([entry_id])
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: Any) -> None:
        self.preview.cancel()
        super().closeEvent(event)

"""The drop zone: a large target for files and folders dragged from a file manager.

It only turns file URLs into paths and emits :attr:`DropZone.paths_dropped`; backing the files up
is the window's job (off the GUI thread). Non-local URLs (web links, remote shares that the file
manager did not mount) are counted and reported, never fetched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui import theme


@dataclass(frozen=True)
class DroppedPaths:
    """What a drop or a paste carried: local paths, and how many items were not local files."""

    paths: list[Path]
    not_local: int


def paths_from_urls(urls: Iterable[QUrl]) -> DroppedPaths:
    """Local file paths from URLs, in order and without duplicates."""
    seen: set[Path] = set()
    paths: list[Path] = []
    not_local = 0
    for url in urls:
        if not url.isLocalFile() or not url.toLocalFile():
            not_local += 1
            continue
        path = Path(url.toLocalFile())
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return DroppedPaths(paths, not_local)


def paths_from_mime(mime: QMimeData | None) -> DroppedPaths:
    if mime is None or not mime.hasUrls():
        return DroppedPaths([], 0)
    return paths_from_urls(mime.urls())


def _has_local_files(mime: QMimeData | None) -> bool:
    return mime is not None and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())


class DropZone(QFrame):
    """Large drop target with "Add files…" and "Add folder…" buttons."""

    #: Emitted with a :class:`DroppedPaths` for every accepted drop.
    paths_dropped = Signal(object)
    add_files_requested = Signal()
    add_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(140)
        self.setAccessibleName(self.tr("Drop zone"))
        self.setAccessibleDescription(
            self.tr(
                "Drop files or folders here to back them up and upload them. Folders are added with"
                " everything inside them."
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._title = QLabel(self.tr("Drop files or folders here"))
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self._title.setFont(font)
        self._hint = QLabel(
            self.tr("They are backed up first, then uploaded. You can also paste (Ctrl+V).")
        )
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)

        self.add_files_button = QPushButton(self.tr("&Add files…"))
        self.add_files_button.setAccessibleName(self.tr("Add files"))
        self.add_files_button.setToolTip(self.tr("Choose files to back up and upload (Ctrl+O)"))
        self.add_files_button.clicked.connect(self.add_files_requested)
        self.add_folder_button = QPushButton(self.tr("Add &folder…"))
        self.add_folder_button.setAccessibleName(self.tr("Add folder"))
        self.add_folder_button.setToolTip(
            self.tr("Choose a folder; everything inside it is added (Ctrl+Shift+O)")
        )
        self.add_folder_button.clicked.connect(self.add_folder_requested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._set_hover(False)

    def _set_hover(self, hover: bool) -> None:
        self.setProperty("dragHover", hover)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn from the palette (not a style sheet) so the zone follows light/dark switches.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hover = bool(self.property("dragHover"))
        palette = self.palette()
        color = (
            palette.color(QPalette.ColorRole.Highlight) if hover else theme.outline_color(palette)
        )
        pen = QPen(color, 2)
        pen.setStyle(Qt.PenStyle.SolidLine if hover else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 10, 10)
        painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _has_local_files(event.mimeData()):
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _has_local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        dropped = paths_from_mime(event.mimeData())
        if not dropped.paths:
            event.ignore()
            return
        # Copy semantics: the original stays where it is, we keep our own backup.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.paths_dropped.emit(dropped)

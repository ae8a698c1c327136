"""The "Copy text" button in the row of every document whose upload is stuck: one click to copy.

:class:`CopyButtonDelegate` draws the status cell as before (text, or the progress bar while
uploading) and, for a document whose upload is not done and may not be soon (failed, expired,
waiting to retry after an error, or held while OpenAI has trouble), a small push button at the
cell's right end.
A click on the button emits :attr:`copy_clicked` with the document's row; the window then copies
its text through the same path as "Copy text instead" (``DocumentActions``), with the result in
the status bar. A delegate, not an index widget: a widget per row would cost 100,000 widgets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.core.uploads import JobState
from desktop_app.ui.models import HELD_ROLE, ROW_ROLE
from desktop_app.ui.status_view import StatusDelegate
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

BUTTON_TEXT = QT_TRANSLATE_NOOP("CopyButtonDelegate", "Copy text")
_NEEDS_BUTTON = frozenset({JobState.FAILED, JobState.EXPIRED})
#: Still to be uploaded: stuck when held by OpenAI's trouble, or waiting after an error.
_WAITING = frozenset({JobState.QUEUED, JobState.WAITING_RETRY})
_MARGIN = 2


def wants_button(row: Any, held: bool = False) -> bool:
    """Documents whose upload is not done and has stalled get the button: their text is what
    the user needs now (failed, expired, waiting to retry after an error, held by an outage)."""
    if row is None:
        return False
    if row.state in _NEEDS_BUTTON:
        return True
    return row.state in _WAITING and (held or bool(row.error_kind))


def _wants(index: Any) -> bool:
    return wants_button(index.data(ROW_ROLE), bool(index.data(HELD_ROLE)))


class CopyButtonDelegate(StatusDelegate):
    """The status cell, plus a "Copy text" button for failed and expired documents."""

    #: The clicked row's ``DocumentRow``.
    copy_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed: QModelIndex | None = None

    def button_width(self, widget: QWidget | None = None) -> int:
        metrics = widget.fontMetrics() if widget is not None else QFontMetrics(QApplication.font())
        return metrics.horizontalAdvance(self.tr(BUTTON_TEXT)) + 16

    def button_rect(self, option: QStyleOptionViewItem) -> QRect:
        rect = option.rect
        width = min(self.button_width(option.widget), rect.width() // 2)
        return QRect(
            rect.right() - width - _MARGIN + 1,
            rect.top() + _MARGIN,
            width,
            rect.height() - 2 * _MARGIN,
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | Any
    ) -> None:
        if not _wants(index):
            super().paint(painter, option, index)
            return
        button = self.button_rect(option)
        text_part = QStyleOptionViewItem(option)
        text_part.rect = option.rect.adjusted(0, 0, -(button.width() + 2 * _MARGIN), 0)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        super().paint(painter, text_part, index)
        push = QStyleOptionButton()
        push.rect = button
        push.text = self.tr(BUTTON_TEXT)
        push.palette = option.palette
        push.state = QStyle.StateFlag.State_Enabled | (
            QStyle.StateFlag.State_Sunken
            if self._pressed is not None and self._pressed == index
            else QStyle.StateFlag.State_Raised
        )
        style.drawControl(QStyle.ControlElement.CE_PushButton, push, painter, widget)

    def helpEvent(self, event: Any, view: Any, option: QStyleOptionViewItem, index: Any) -> bool:
        if _wants(index) and self.button_rect(option).contains(event.pos()):
            from PySide6.QtWidgets import QToolTip

            QToolTip.showText(
                event.globalPos(),
                self.tr("Copy this document's text, to paste into ChatGPT instead of the file"),
                view,
            )
            return True
        return bool(super().helpEvent(event, view, option, index))

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | Any,
    ) -> bool:
        row = index.data(ROW_ROLE)
        if not _wants(index) or not isinstance(event, QMouseEvent):
            return bool(super().editorEvent(event, model, option, index))
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        inside = self.button_rect(option).contains(event.position().toPoint())
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and inside:
            self._pressed = QModelIndex(index)
            return False  # let the view select the row too
        if kind == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            if inside and pressed is not None and pressed == index:
                self.copy_clicked.emit(row)
                return True
        return False

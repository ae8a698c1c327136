"""How upload status is shown: the status bar's sentences and the table's inline progress bar.

:func:`describe_queue` turns a ``QueueStatus`` into plain words (and a colour family) for the
window's status bar, counting documents (each content's latest job), and never says "Ready"
while an upload failed, expired, waits to retry or is held; :class:`StatusDelegate` paints a
progress bar in the status cell of a document that is uploading. Neither reads the store: both
get what they show from the caller.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.core.uploads import JobState, PauseReason, QueueStatus
from desktop_app.ui import theme
from desktop_app.ui.models import PROGRESS_ROLE
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_app.core.service import Service

_PAUSED = {
    PauseReason.USER: (
        QT_TRANSLATE_NOOP("StatusBar", "Uploads paused by you (Ctrl+Shift+P resumes)"),
        "warning",
    ),
    PauseReason.NO_KEY: (
        QT_TRANSLATE_NOOP(
            "StatusBar", "Uploads paused until you add an API key in Settings (Ctrl+,)"
        ),
        "warning",
    ),
    PauseReason.AUTH: (
        QT_TRANSLATE_NOOP(
            "StatusBar", "Uploads paused: the API key was rejected; check it in Settings"
        ),
        "error",
    ),
    PauseReason.QUOTA: (
        QT_TRANSLATE_NOOP(
            "StatusBar",
            "Uploads paused: the OpenAI account is out of credit; add credit, then resume uploads",
        ),
        "error",
    ),
    PauseReason.RATE_LIMIT: (
        QT_TRANSLATE_NOOP("StatusBar", "Uploads paused: rate limited by the service{next}"),
        "warning",
    ),
    PauseReason.BREAKER: (
        QT_TRANSLATE_NOOP("StatusBar", "Service trouble: too many failures in a row{next}"),
        "error",
    ),
    PauseReason.SERVICE_OUTAGE: (
        QT_TRANSLATE_NOOP("StatusBar", "Service trouble: the provider reports an outage{next}"),
        "error",
    ),
}


#: While uploads wait (to retry, or for OpenAI), the status is read again this often.
LIVE_REFRESH_MS = 5000
_HELD_WORDS = QT_TRANSLATE_NOOP("StatusBar", "when OpenAI recovers")


def _tr(text: str) -> str:
    """A text marked ``QT_TRANSLATE_NOOP("StatusBar", …)``, in the UI's language."""
    return QCoreApplication.translate("StatusBar", text)


def clock_time(epoch: float) -> str:
    """A retry time to the second ("14:05:09"): minutes alone read as "now" for a minute."""
    return time.strftime("%H:%M:%S", time.localtime(epoch))


def _held(status: QueueStatus) -> bool:
    return bool(
        status.held
        or status.breaker_open
        or status.paused in (PauseReason.SERVICE_OUTAGE, PauseReason.BREAKER)
    )


def held(status: QueueStatus) -> bool:
    """Uploads wait for OpenAI to recover (a hold, an open breaker, an outage)."""
    return _held(status)


def waiting(status: QueueStatus) -> bool:
    """Something waits for a retry time or for OpenAI: the shown time must be kept fresh."""
    counts = status.documents or status.counts
    pending = counts.get(JobState.WAITING_RETRY, 0) + counts.get(JobState.QUEUED, 0)
    return bool(counts.get(JobState.WAITING_RETRY, 0) or (pending and _held(status)))


def describe_queue(
    status: QueueStatus, fmt_time: Callable[[float], str] = clock_time
) -> tuple[str, str, str]:
    """(queue text, service text, colour kind) for the status bar from a ``QueueStatus``."""
    counts = {str(k): int(v) for k, v in dict(status.documents or status.counts).items()}
    active = counts.get(JobState.UPLOADING, 0) + counts.get(JobState.VERIFYING, 0)
    retrying = counts.get(JobState.WAITING_RETRY, 0)
    failed = counts.get(JobState.FAILED, 0)
    expired = counts.get(JobState.EXPIRED, 0)
    parts = []
    for number, label in (
        (active, QT_TRANSLATE_NOOP("StatusBar", "uploading")),
        (counts.get(JobState.QUEUED, 0), QT_TRANSLATE_NOOP("StatusBar", "queued")),
        (retrying, QT_TRANSLATE_NOOP("StatusBar", "waiting to retry")),
        (failed, QT_TRANSLATE_NOOP("StatusBar", "failed")),
        (expired, QT_TRANSLATE_NOOP("StatusBar", "expired")),
    ):
        if number:
            parts.append(f"{number:,} {_tr(label)}")
    queue = (
        " · ".join(parts)
        if parts
        else (
            _tr(QT_TRANSLATE_NOOP("StatusBar", "All uploads done"))
            if counts.get(JobState.DONE)
            else ""
        )
    )
    if active and status.bytes_total:
        queue += f" ({status.bytes_sent / status.bytes_total:.0%})"
    if _held(status):
        next_at = _tr(QT_TRANSLATE_NOOP("StatusBar", "; next try {when}")).format(
            when=_tr(_HELD_WORDS)
        )
    elif status.next_retry_at:
        next_at = _tr(QT_TRANSLATE_NOOP("StatusBar", "; next try {when}")).format(
            when=fmt_time(status.next_retry_at)
        )
    else:
        next_at = ""
    if status.paused is not None and status.paused in _PAUSED:
        text, kind = _PAUSED[status.paused]
        return queue, _tr(text).format(next=next_at), kind
    if _held(status):
        return (
            queue,
            _tr(QT_TRANSLATE_NOOP("StatusBar", "Service trouble: uploads are held{next}")).format(
                next=next_at
            ),
            "error",
        )
    if failed or expired or status.expired_waiting:
        return queue, _tr(QT_TRANSLATE_NOOP("StatusBar", "Some uploads need attention")), "warning"
    if retrying:
        if retrying == 1:
            text = _tr(QT_TRANSLATE_NOOP("StatusBar", "Retrying 1 upload{next}"))
        else:
            text = _tr(QT_TRANSLATE_NOOP("StatusBar", "Retrying {count} uploads{next}"))
        return queue, text.format(count=f"{retrying:,}", next=next_at), "warning"
    return (
        queue,
        _tr(QT_TRANSLATE_NOOP("StatusBar", "Uploading"))
        if active
        else _tr(QT_TRANSLATE_NOOP("StatusBar", "Ready")),
        "ok",
    )


class StatusDelegate(QStyledItemDelegate):
    """Draws an inline progress bar in the status cell while a document uploads."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | Any
    ) -> None:
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.minimum = 0
        bar.maximum = 1000
        bar.progress = round(float(progress) * 1000)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole))
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)


class QueueStatusLabels(QObject):
    """The status bar's queue and service labels, refreshed off the GUI thread.

    At most one ``uploads.status()`` read is in flight; requests arriving meanwhile are folded
    into one more read when it returns. Colours follow the theme (re-applied on a palette
    change of the watched widget).
    """

    #: Emitted with the ``QueueStatus`` after every successful read.
    shown = Signal(object)

    def __init__(self, service: Service, tasks_module: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks_module
        self._widget = parent
        self._busy = False
        self._dirty = False
        self._last: QueueStatus | None = None
        self.queue_label = QLabel()
        self.queue_label.setAccessibleName(self.tr("Upload queue state"))
        self.service_label = QLabel()
        self.service_label.setAccessibleName(self.tr("Service state"))
        # Runs only while something waits; stopped as soon as nothing does.
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(LIVE_REFRESH_MS)
        self.live_timer.timeout.connect(self.refresh)
        parent.installEventFilter(self)

    def refresh(self) -> None:
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        self._tasks.run_in_background(
            self._service.uploads.status, on_done=self._done, on_error=self._failed
        )

    def _done(self, status: QueueStatus) -> None:
        self._busy = False
        self._last = status
        self._paint(status)
        if waiting(status):
            if not self.live_timer.isActive():
                self.live_timer.start()
        else:
            self.live_timer.stop()
        self.shown.emit(status)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _paint(self, status: QueueStatus) -> None:
        queue_text, service_text, kind = describe_queue(status)
        self.queue_label.setText(queue_text)
        self.service_label.setText(service_text)
        color = theme.status_color(kind, self._widget.palette()).name() if kind else ""
        self.service_label.setStyleSheet(f"color: {color}" if color else "")

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.service_label.setText(self.tr("Queue status unavailable: {error}").format(error=exc))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Status colours are picked per theme: repaint them when the palette switches.
        if event.type() == QEvent.Type.PaletteChange and self._last is not None:
            self._paint(self._last)
        return False

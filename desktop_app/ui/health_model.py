"""What the service-health panel shows, in words: provider state, components, and the batch table.

:func:`describe_provider` turns a ``HealthSnapshot`` into the status bar's short sentence ("OpenAI:
operational", "Files: major outage", "OpenAI status unknown") and a colour family;
:func:`component_words` does the same for one component. :class:`BatchTableModel` is a small
``QAbstractTableModel`` over the ``BatchView`` list the watchdog keeps in the store (a few hundred
rows at most, so it is replaced whole on each read). Nothing here reads the store or the network:
the panel hands in what it read off the GUI thread.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from desktop_app.core.monitor import (
    BatchStatus,
    BatchView,
    ComponentState,
    HealthSnapshot,
    format_duration,
)
from desktop_app.core.uploads import PauseReason, TargetState
from desktop_app.ui import theme
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

#: The provider's name in the status bar (the status page is OpenAI's by default).
PROVIDER = "OpenAI"

# Worst first: the status bar names the worst components only.
_SEVERITY = {
    ComponentState.MAJOR_OUTAGE: 4,
    ComponentState.PARTIAL_OUTAGE: 3,
    ComponentState.DEGRADED_PERFORMANCE: 2,
    ComponentState.UNDER_MAINTENANCE: 1,
    ComponentState.OPERATIONAL: 0,
    ComponentState.UNKNOWN: 0,
}

_KIND = {
    ComponentState.OPERATIONAL: "ok",
    ComponentState.DEGRADED_PERFORMANCE: "warning",
    ComponentState.UNDER_MAINTENANCE: "warning",
    ComponentState.PARTIAL_OUTAGE: "error",
    ComponentState.MAJOR_OUTAGE: "error",
    ComponentState.UNKNOWN: "muted",
}


_WORDS = {
    ComponentState.OPERATIONAL: QT_TRANSLATE_NOOP("HealthModel", "operational"),
    ComponentState.DEGRADED_PERFORMANCE: QT_TRANSLATE_NOOP("HealthModel", "degraded performance"),
    ComponentState.UNDER_MAINTENANCE: QT_TRANSLATE_NOOP("HealthModel", "under maintenance"),
    ComponentState.PARTIAL_OUTAGE: QT_TRANSLATE_NOOP("HealthModel", "partial outage"),
    ComponentState.MAJOR_OUTAGE: QT_TRANSLATE_NOOP("HealthModel", "major outage"),
    ComponentState.UNKNOWN: QT_TRANSLATE_NOOP("HealthModel", "unknown"),
}


def _state_label(state: ComponentState) -> str:
    return QCoreApplication.translate("HealthModel", _WORDS.get(state, state.label))


def component_words(state: ComponentState) -> tuple[str, str]:
    """(state in words, colour family) for one component: ``("major outage", "error")``."""
    return _state_label(state), _KIND.get(state, "muted")


def _unknown() -> str:
    return QCoreApplication.translate("HealthModel", "{provider} status unknown").format(
        provider=PROVIDER
    )


def describe_provider(snapshot: HealthSnapshot | None) -> tuple[str, str]:
    """(status-bar text, colour family) for the provider's state as last seen."""
    if snapshot is None or not snapshot.known:
        return _unknown(), "muted"
    worst = max((_SEVERITY[s] for s in snapshot.components.values()), default=0)
    if worst == 0:
        if all(s is ComponentState.UNKNOWN for s in snapshot.components.values()):
            return _unknown(), "muted"
        return (
            QCoreApplication.translate("HealthModel", "{provider}: operational").format(
                provider=PROVIDER
            ),
            "ok",
        )
    named = [
        f"{name}: {_state_label(state)}"
        for name, state in snapshot.components.items()
        if _SEVERITY[state] == worst
    ]
    kind = "error" if worst >= _SEVERITY[ComponentState.PARTIAL_OUTAGE] else "warning"
    return " · ".join(named), kind


def last_checked_text(snapshot: HealthSnapshot, fmt_time: Any) -> str:
    """The panel's line under the components: when it was checked, or why it is unknown."""
    if snapshot.known:
        return QCoreApplication.translate("HealthModel", "Last checked {when}").format(
            when=fmt_time(snapshot.fetched_at)
        )
    error = snapshot.error or "unknown"
    if error == "not checked yet":
        return QCoreApplication.translate(
            "HealthModel", "Status page not checked yet — unknown (use Check now)"
        )
    if error == "status checks are turned off":
        return QCoreApplication.translate(
            "HealthModel", "Status checks are turned off in the settings — unknown"
        )
    checked = (
        QCoreApplication.translate("HealthModel", " (tried {when})").format(
            when=fmt_time(snapshot.fetched_at)
        )
        if snapshot.fetched_at
        else ""
    )
    # Said once, in words: not "unreachable — unknown: the status page is unreachable: [Errno -2]".
    reason = re.sub(
        r"\[Errno -?\d+\]\s*", "", error.removeprefix("the status page is unreachable: ")
    )
    text = QCoreApplication.translate("HealthModel", "Status page unreachable — unknown: {reason}")
    return text.format(reason=reason) + checked


class BatchColumn(IntEnum):
    # What a user scans for first comes first; the endpoint (rarely needed) takes the rest.
    ID = 0
    STATUS = 1
    STUCK = 2
    AGE = 3
    REQUESTS = 4
    BACKUP = 5
    ENDPOINT = 6


BATCH_HEADERS = {
    BatchColumn.ID: QT_TRANSLATE_NOOP("HealthModel", "Batch"),
    BatchColumn.STATUS: QT_TRANSLATE_NOOP("HealthModel", "Status"),
    BatchColumn.STUCK: QT_TRANSLATE_NOOP("HealthModel", "Stuck?"),
    BatchColumn.AGE: QT_TRANSLATE_NOOP("HealthModel", "In this status"),
    BatchColumn.REQUESTS: QT_TRANSLATE_NOOP("HealthModel", "Requests done"),
    BatchColumn.BACKUP: QT_TRANSLATE_NOOP("HealthModel", "Input backup"),
    BatchColumn.ENDPOINT: QT_TRANSLATE_NOOP("HealthModel", "Endpoint"),
}

#: The whole :class:`BatchView` of an index (any column).
BATCH_ROLE = Qt.ItemDataRole.UserRole + 1


def status_words(status: BatchStatus) -> str:
    return status.value.replace("_", " ")


def requests_text(batch: BatchView) -> str:
    if not batch.requests_total:
        return "—"
    failed = (
        QCoreApplication.translate("HealthModel", ", {count} failed").format(
            count=f"{batch.requests_failed:,}"
        )
        if batch.requests_failed
        else ""
    )
    return f"{batch.requests_completed:,} / {batch.requests_total:,}{failed}"


def backup_text(batch: BatchView) -> str:
    if batch.resubmitted_as:
        return QCoreApplication.translate(
            "HealthModel", "backed up · resubmitted as {batch}"
        ).format(batch=batch.resubmitted_as)
    if batch.backup_entry_id is not None:
        return QCoreApplication.translate("HealthModel", "backed up")
    if batch.backup_error:
        return QCoreApplication.translate("HealthModel", "not backed up: {error}").format(
            error=batch.backup_error
        )
    return QCoreApplication.translate("HealthModel", "not backed up")


class BatchTableModel(QAbstractTableModel):
    """The batches from the last watchdog check, newest first; stuck ones stand out."""

    def __init__(self, parent: QObject | None = None, clock: Any = time.time) -> None:
        super().__init__(parent)
        self._rows: list[BatchView] = []
        self._clock = clock

    def set_batches(self, batches: Sequence[BatchView]) -> None:
        self.beginResetModel()
        self._rows = list(batches)
        self.endResetModel()

    def batch_at(self, row: int) -> BatchView:
        return self._rows[row]

    def row_of(self, batch_id: str) -> int | None:
        for i, batch in enumerate(self._rows):
            if batch.id == batch_id:
                return i
        return None

    def ages_changed(self) -> None:
        """Repaint the age column (time passes; the rows do not change)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, BatchColumn.AGE), self.index(len(self._rows) - 1, BatchColumn.AGE)
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BatchColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if not 0 <= section < len(BatchColumn):
                return None
            return QCoreApplication.translate("HealthModel", BATCH_HEADERS[BatchColumn(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        batch = self._rows[index.row()]
        column = BatchColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(batch, column)
        if role == BATCH_ROLE:
            return batch
        if role == Qt.ItemDataRole.ToolTipRole:
            if batch.stuck:
                return QCoreApplication.translate(
                    "HealthModel", "Stuck: {reason}. Resubmit… creates a new batch from the backup."
                ).format(reason=batch.stuck_reason)
            return batch.backup_error if column == BatchColumn.BACKUP else None
        if role == Qt.ItemDataRole.ForegroundRole:
            kind = self._kind(batch, column)
            return theme.status_color(kind, QGuiApplication.palette()) if kind else None
        if role == Qt.ItemDataRole.FontRole and batch.stuck and column == BatchColumn.STUCK:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def text(self, batch: BatchView, column: BatchColumn) -> str:
        if column is BatchColumn.ID:
            return batch.id
        if column is BatchColumn.STATUS:
            return status_words(batch.status)
        if column is BatchColumn.ENDPOINT:
            return batch.endpoint
        if column is BatchColumn.AGE:
            return format_duration(batch.age(self._clock()))
        if column is BatchColumn.REQUESTS:
            return requests_text(batch)
        if column is BatchColumn.STUCK:
            if batch.stuck:
                return f"⚠ {batch.stuck_reason}"
            return QCoreApplication.translate("HealthModel", "no")
        return backup_text(batch)

    @staticmethod
    def _kind(batch: BatchView, column: BatchColumn) -> str:
        if batch.stuck and column in (BatchColumn.STATUS, BatchColumn.STUCK):
            return "error"
        if column is BatchColumn.BACKUP and batch.backup_error:
            return "warning"
        if column is BatchColumn.STATUS:
            if batch.status is BatchStatus.COMPLETED:
                return "ok"
            if batch.status in (BatchStatus.FAILED, BatchStatus.EXPIRED):
                return "error"
        return ""


def target_state_words(state: TargetState, fmt_time: Any) -> tuple[str, str]:
    """(one target's state in words, colour family): "held: repeated failures (next try
    14:05)", "no API key", "ready"; with how many of its uploads are unfinished."""
    why = {
        PauseReason.SERVICE_OUTAGE: QCoreApplication.translate(
            "HealthModel", "held: its status page reports an outage"
        ),
        PauseReason.NO_KEY: QCoreApplication.translate("HealthModel", "held: no API key"),
        PauseReason.AUTH: QCoreApplication.translate(
            "HealthModel", "held: the API key was refused"
        ),
    }
    if not state.has_key:
        text, kind = (
            QCoreApplication.translate("HealthModel", "no API key: uploads to it wait"),
            "error",
        )
    elif state.holds:
        held = why.get(state.holds[0]) or QCoreApplication.translate(
            "HealthModel", "held ({reason})"
        ).format(reason=state.holds[0])
        text, kind = held, "error"
    elif state.breaker_open:
        kind = "error"
        if state.next_probe_at is not None:
            text = QCoreApplication.translate(
                "HealthModel", "held: repeated failures (breaker open, next try {when})"
            ).format(when=fmt_time(state.next_probe_at))
        else:
            text = QCoreApplication.translate(
                "HealthModel", "held: repeated failures (breaker open)"
            )
    elif state.rate_limited_until is not None:
        when = fmt_time(state.rate_limited_until)
        text, kind = (
            QCoreApplication.translate("HealthModel", "rate limited until {when}").format(
                when=when
            ),
            "warning",
        )
    else:
        text, kind = (
            (
                QCoreApplication.translate("HealthModel", "sending")
                if state.active_jobs
                else QCoreApplication.translate("HealthModel", "ready")
            ),
            "ok",
        )
    if state.active_jobs:
        text += QCoreApplication.translate("HealthModel", "; {count} unfinished").format(
            count=state.active_jobs
        )
    return text, kind

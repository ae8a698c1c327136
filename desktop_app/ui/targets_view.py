"""Upload targets as the window shows them: per document, and per target for the health tab.

With more than one target configured (``[[targets]]``), a document may have a job for each.
The document table's status cell then ends in a compact "1/2 targets" (uploaded / with a job),
or the one target's name when the document went to one target only, and its tooltip lists
target, state and file id line by line. :func:`target_state_words` says how one target stands
for the Service health tab (held and why, breaker, key missing), where :class:`TargetsBox`
lists the targets. The functions are pure: the callers hand in what was read off the GUI
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from desktop_app.core.uploads import JobState
from desktop_app.ui import theme
from desktop_app.ui.health_model import target_state_words
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.core.service import DocumentRow, Service, UploadRecord
    from desktop_app.core.uploads import TargetState
    from desktop_app.ui.bridge import ServiceBridge
    from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

_TARGET_WORDS = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("TargetsView", "queued"),
    JobState.UPLOADING: QT_TRANSLATE_NOOP("TargetsView", "uploading"),
    JobState.VERIFYING: QT_TRANSLATE_NOOP("TargetsView", "verifying"),
    JobState.WAITING_RETRY: QT_TRANSLATE_NOOP("TargetsView", "waiting to retry"),
    JobState.DONE: QT_TRANSLATE_NOOP("TargetsView", "uploaded"),
    JobState.FAILED: QT_TRANSLATE_NOOP("TargetsView", "failed"),
    JobState.EXPIRED: QT_TRANSLATE_NOOP("TargetsView", "expired"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("TargetsView", "cancelled"),
}


_STATES = frozenset(s.value for s in JobState)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TargetsView", text)


def state_words(state: str) -> str:
    """A job state in the words of the per-target lines ("waiting to retry")."""
    return _tr(_TARGET_WORDS.get(JobState(state), state)) if state in _STATES else state


def target_summary(row: DocumentRow) -> str:
    """With several targets: "1/2 targets" (uploaded / with a job), or the one target's name;
    "" with a single target configured."""
    if not row.targets:
        return ""
    if len(row.targets) == 1:
        return row.targets[0].target
    done = sum(1 for t in row.targets if t.state == JobState.DONE)
    return QCoreApplication.translate("TargetsView", "{done}/{count} targets").format(
        done=done, count=len(row.targets)
    )


def with_target_summary(row: DocumentRow, status: str) -> str:
    """The status cell: ``status``, then the target summary when there is one."""
    summary = target_summary(row)
    return f"{status} \u00b7 {summary}" if summary else status


def target_lines(row: DocumentRow) -> str:
    """One line per target: "azure: uploaded, file-abc"."""
    lines = []
    for job in row.targets:
        line = f"{job.target}: {state_words(job.state)}"
        lines.append(line + (f", {job.file_id}" if job.file_id else ""))
    return "\n".join(lines)


def with_target_lines(row: DocumentRow, tip: str | None) -> str:
    """A tooltip that lists the targets first, then ``tip`` (the reason of a problem)."""
    lines = target_lines(row)
    return f"{lines}\n\n{tip}" if tip else lines


def per_target_files(
    records: Sequence[UploadRecord], timestamp: Callable[[float | None], str]
) -> str:
    """The details pane's "Remote file" with jobs for several targets: one line per target
    ("azure: file-abc (expires …)", "openai: not uploaded, waiting to retry"); "" with one."""
    if len({r.target for r in records}) < 2:
        return ""
    lines = []
    for record in records:
        if record.file_id and record.state == JobState.DONE:
            expiry = (
                QCoreApplication.translate("TargetsView", "expires {when}").format(
                    when=timestamp(record.expires_at)
                )
                if record.expires_at is not None
                else QCoreApplication.translate("TargetsView", "kept until deleted")
            )
            lines.append(f"{record.target}: {record.file_id} ({expiry})")
        else:
            words = QCoreApplication.translate("TargetsView", "not uploaded, {state}").format(
                state=state_words(record.state)
            )
            lines.append(f"{record.target}: {words}")
    return "\n".join(lines)


def _when(epoch: float | None) -> str:
    from desktop_app.ui.models import when  # models imports this module

    return when(epoch)


class TargetsBox(QGroupBox):
    """The health tab's "Upload targets" box: one line per target (name, kind, address, state).

    Read on the pool (``Service.target_states()``), again whenever the queue changes (coalesced
    while a read is in flight). Hidden while only the default target exists.
    """

    #: After the states were painted (carries the list).
    shown = Signal(object)

    def __init__(
        self,
        service: Service,
        bridge: ServiceBridge | None,
        tasks_module: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("TargetsView", "Upload targets"), parent)
        self.setAccessibleName(QCoreApplication.translate("TargetsView", "Upload targets"))
        self._service = service
        self._tasks = tasks_module
        self._busy = self._again = False
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(
            QCoreApplication.translate("TargetsView", "Upload targets and their state")
        )
        self.tree.setAccessibleDescription(
            QCoreApplication.translate(
                "TargetsView", "Whether each upload target takes uploads now, and if not, why"
            )
        )
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("TargetsView", "Target"),
                QCoreApplication.translate("TargetsView", "Kind"),
                QCoreApplication.translate("TargetsView", "Address"),
                QCoreApplication.translate("TargetsView", "State"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self).addWidget(self.tree)
        self._wanted = len(service.target_names()) > 1
        self.setVisible(self._wanted)
        if bridge is not None:
            bridge.queue_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if not self._wanted:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._tasks.run_in_background(
            self._service.target_states, on_done=self._show, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        log.warning("cannot read the upload targets' state: %s", exc)
        self._done()

    def _show(self, states: list[TargetState]) -> None:
        self.tree.clear()
        for state in states:
            text, kind = target_state_words(state, _when)
            name = state.name + (
                QCoreApplication.translate("TargetsView", " (primary)") if state.primary else ""
            )
            item = QTreeWidgetItem([name, state.kind, state.address, text])
            item.setForeground(3, theme.status_color(kind, self.palette()))
            item.setToolTip(3, text)
            self.tree.addTopLevelItem(item)
        self.shown.emit(states)
        self._done()

    def _done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

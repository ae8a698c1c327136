"""The "Service health" tab of the main window: provider status, open incidents, Batch jobs.

:func:`install` puts the document view and a :class:`HealthPanel` into tabs (Ctrl+1 / Ctrl+2,
also in the View menu) and adds the provider's state ("OpenAI: operational", "Files: major
outage", "OpenAI status unknown") to the status bar. The panel shows the components the status
monitor watches (state in words, a distinct icon and colour), the open incidents (double-click or
Open incident page opens the link), when the page was last checked or that it is unknown, and the
:class:`~desktop_app.ui.batch_view.BatchJobsView`. It follows ``bridge.health_changed`` and
``bridge.batch_stuck``; Check now runs both checks on the pool, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.monitor import ComponentState, HealthSnapshot
from desktop_app.ui import theme
from desktop_app.ui.batch_view import BatchJobsView
from desktop_app.ui.health_model import component_words, describe_provider, last_checked_text
from desktop_app.ui.models import when
from desktop_app.ui.targets_view import TargetsBox
from desktop_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop_app.core.service import Service
    from desktop_app.ui.bridge import ServiceBridge

log = logging.getLogger(__name__)

# A different shape per family (tick, warning, stop, question), not only a colour.
_STATE_ICON = {
    ComponentState.OPERATIONAL: QStyle.StandardPixmap.SP_DialogApplyButton,
    ComponentState.DEGRADED_PERFORMANCE: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ComponentState.UNDER_MAINTENANCE: QStyle.StandardPixmap.SP_MessageBoxInformation,
    ComponentState.PARTIAL_OUTAGE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    ComponentState.MAJOR_OUTAGE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    ComponentState.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


class HealthPanel(QWidget):
    """Provider components and incidents above, the Batch jobs box below."""

    #: After a snapshot was painted (carries it; None when the service has no monitor).
    health_shown = Signal(object)

    def __init__(
        self,
        service: Service,
        bridge: ServiceBridge | None,
        tasks_module: TaskRunner,
        show_message: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks_module
        self._show_message = show_message
        self._snapshot: HealthSnapshot | None = None
        #: How incident links are opened (a seam so tests never start a browser).
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        #: Brings this panel to the front (:func:`install` makes it switch tabs).
        self.reveal: Callable[[], None] = self.show
        self.setAccessibleName(self.tr("Service health"))

        self.provider_label = QLabel()
        self.provider_label.setAccessibleName(self.tr("Provider status"))
        self.provider_label.setToolTip(
            self.tr("The provider's status page, as last checked (Ctrl+2)")
        )
        self.component_labels: dict[str, QLabel] = {}
        self._component_icons: dict[str, QLabel] = {}
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self.checked_label = QLabel()
        self.checked_label.setAccessibleName(self.tr("Status page last checked"))
        self.checked_label.setWordWrap(True)
        self.incidents = QTreeWidget()
        self.incidents.setAccessibleName(self.tr("Open incidents"))
        self.incidents.setAccessibleDescription(
            self.tr("The provider's unresolved incidents, newest first, with their latest update")
        )
        self.incidents.setHeaderLabels(
            [self.tr("Open incident"), self.tr("Status"), self.tr("Last update")]
        )
        self.incidents.setRootIsDecorated(False)
        self.incidents.setMaximumHeight(110)
        self.incidents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.incidents.itemActivated.connect(lambda item, _column: self._open_incident(item))
        self.open_incident_button = self._button(
            self.tr("Open incident &page"),
            self.tr("Open the selected incident in the browser"),
            self._open_selected,
        )
        self.check_button = self._button(
            self.tr("&Check now"),
            self.tr("Check the status page and your Batch jobs now (Alt+C)"),
            self.check_now,
        )
        provider = QGroupBox(self.tr("Provider status"))
        provider.setAccessibleName(self.tr("Provider status"))
        box = QVBoxLayout(provider)
        box.addLayout(self._grid)
        box.addWidget(self.checked_label)
        box.addWidget(self.incidents)
        row = QHBoxLayout()
        row.addWidget(self.open_incident_button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        box.addLayout(row)

        self.batches = BatchJobsView(service, tasks_module, show_message)
        self.targets = TargetsBox(service, bridge, tasks_module)
        layout = QVBoxLayout(self)
        layout.addWidget(provider)
        layout.addWidget(self.targets)
        layout.addWidget(self.batches, 1)

        if bridge is not None:
            bridge.health_changed.connect(self._health_changed)
            bridge.batch_stuck.connect(lambda _batch: self.batches.refresh())
        self.show_snapshot(service.health.snapshot)
        self.batches.refresh()

    def _button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        return button

    # -- provider status ------------------------------------------------------------------------

    @property
    def snapshot(self) -> HealthSnapshot | None:
        """The snapshot shown now."""
        return self._snapshot

    def _health_changed(self, snapshot: HealthSnapshot) -> None:
        self.show_snapshot(snapshot)
        self.batches.refresh()  # an outage is when batches get stuck: show the latest

    def show_snapshot(self, snapshot: HealthSnapshot | None) -> None:
        """Paint the components, incidents and the status-bar text of ``snapshot``."""
        self._snapshot = snapshot
        text, kind = describe_provider(snapshot)
        self.provider_label.setText(text)
        self._colour(self.provider_label, kind)
        if snapshot is None:
            self.checked_label.setText(self.tr("Status checks are not available"))
        else:
            for name, state in snapshot.components.items():
                self._show_component(name, state)
            self.checked_label.setText(last_checked_text(snapshot, when))
            self._show_incidents(snapshot)
        self.health_shown.emit(snapshot)

    def _show_component(self, name: str, state: ComponentState) -> None:
        if name not in self.component_labels:
            row = len(self.component_labels)
            self._component_icons[name] = QLabel()
            self.component_labels[name] = QLabel()
            self._grid.addWidget(self._component_icons[name], row, 0)
            self._grid.addWidget(self.component_labels[name], row, 1)
        words, kind = component_words(state)
        label = self.component_labels[name]
        label.setText(f"{name}: {words}")
        label.setAccessibleName(self.tr("{component} status").format(component=name))
        self._colour(label, kind)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self._component_icons[name]
        icon.setPixmap(self.style().standardIcon(_STATE_ICON[state]).pixmap(size, size))
        icon.setAccessibleName(f"{name}: {words}")

    def _show_incidents(self, snapshot: HealthSnapshot) -> None:
        self.incidents.clear()
        for incident in snapshot.open_incidents:
            item = QTreeWidgetItem(
                [incident.name, incident.status.value, when(incident.updated_at)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, incident.url or "")
            item.setToolTip(0, incident.url or self.tr("The status page gives no link"))
            self.incidents.addTopLevelItem(item)
        shown = bool(snapshot.open_incidents)
        self.incidents.setVisible(shown)
        self.open_incident_button.setVisible(shown)

    def _colour(self, label: QLabel, kind: str) -> None:
        color = theme.status_color(kind, self.palette()).name() if kind else ""
        label.setStyleSheet(f"color: {color}" if color else "")

    def changeEvent(self, event: QEvent) -> None:
        # Status colours are picked per theme: repaint them when the palette switches.
        if event.type() == QEvent.Type.PaletteChange and self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        super().changeEvent(event)

    def _open_selected(self) -> None:
        item = self.incidents.currentItem() or self.incidents.topLevelItem(0)
        if item is not None:
            self._open_incident(item)

    def _open_incident(self, item: QTreeWidgetItem) -> None:
        url = str(item.data(0, Qt.ItemDataRole.UserRole) or "")
        if url:
            self.open_url(QUrl(url))
        else:
            self._show_message(self.tr("The status page gives no link for this incident."))

    # -- actions --------------------------------------------------------------------------------

    def show_batch(self, batch_id: str) -> None:
        """Bring the panel to the front and select ``batch_id`` (e.g. from a notification)."""
        self.reveal()
        self.batches.show_batch(batch_id)

    def check_now(self) -> None:
        """Fetch the status page and list the Batch jobs now (off the GUI thread)."""
        service = self._service
        listed = False
        not_listed = self.tr("Status checked; Batch jobs not: {error}")
        with_problems = self.tr(" ({count} problem(s), see the log)")
        checked = self.tr("Checked: {count} Batch job(s), {stuck} stuck{problems}.")
        check_failed = self.tr("Check failed: {error}")

        def check() -> str:
            nonlocal listed
            service.health.check_now()
            try:
                report = service.batches.check()
                listed = True
            except Exception as exc:  # BatchError (no key, API down): the status still counts
                return not_listed.format(error=exc)
            for problem in report.problems:  # e.g. an input file that could not be backed up
                log.warning("batch check: %s", problem)
            problems = with_problems.format(count=len(report.problems)) if report.problems else ""
            return checked.format(
                count=len(report.batches), stuck=len(report.stuck), problems=problems
            )

        def done(message: str) -> None:
            self.check_button.setEnabled(True)
            self.show_snapshot(service.health.snapshot)
            if listed:
                self.batches.mark_listed()
            self.batches.refresh()
            self._show_message(message)

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            self._show_message(check_failed.format(error=exc))

        self.check_button.setEnabled(False)
        self._show_message(self.tr("Checking the status page and your Batch jobs…"))
        self._tasks.run_in_background(check, on_done=done, on_error=failed)


def install(
    window: QMainWindow,
    documents: QWidget,
    service: Service,
    bridge: ServiceBridge | None,
    tasks_module: TaskRunner,
    show_message: Callable[[str], None],
) -> tuple[QTabWidget, HealthPanel]:
    """Make ``documents`` and a new health panel the window's tabs; add the status-bar label."""
    tabs = QTabWidget()
    tabs.setAccessibleName(QCoreApplication.translate("HealthView", "Views"))
    panel = HealthPanel(service, bridge, tasks_module, show_message)
    tabs.addTab(documents, QCoreApplication.translate("HealthView", "Documents"))
    tabs.addTab(panel, QCoreApplication.translate("HealthView", "Service health"))
    tabs.setTabToolTip(
        0, QCoreApplication.translate("HealthView", "Your documents and their uploads (Ctrl+1)")
    )
    tabs.setTabToolTip(
        1, QCoreApplication.translate("HealthView", "Provider status and Batch jobs (Ctrl+2)")
    )
    window.setCentralWidget(tabs)
    panel.reveal = lambda: tabs.setCurrentWidget(panel)
    window.statusBar().addPermanentWidget(panel.provider_label)
    # The tab itself warns (shape, not only colour) while the provider reports trouble.
    trouble = {
        "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    }

    def mark_tab(snapshot: HealthSnapshot | None) -> None:
        pixmap = trouble.get(describe_provider(snapshot)[1])
        tabs.setTabIcon(1, QIcon() if pixmap is None else panel.style().standardIcon(pixmap))

    panel.health_shown.connect(mark_tab)
    mark_tab(panel.snapshot)
    view = window.menuBar().addMenu(QCoreApplication.translate("HealthView", "&View"))
    for text, tip, keys, widget in (
        (
            QCoreApplication.translate("HealthView", "&Documents"),
            QCoreApplication.translate("HealthView", "Show your documents"),
            "Ctrl+1",
            documents,
        ),
        (
            QCoreApplication.translate("HealthView", "Service &health"),
            QCoreApplication.translate("HealthView", "Show the service health"),
            "Ctrl+2",
            panel,
        ),
    ):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, w=widget: tabs.setCurrentWidget(w))
        view.addAction(action)
    return tabs, panel

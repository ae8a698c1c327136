""" "Copy again ▸": the last copies of fallback text, to copy one again after the clipboard was
overwritten. The same menu sits in the tray and in the window's Documents menu.

Each entry says what was copied and when ("report.pdf — part 2 of 5, chat, 14:02"). Choosing
one rebuilds that document's prompt the same way on the task pool (``copying.copy_again``:
pages read are reported through ``on_progress``, and a later copy supersedes it) and puts that
part on the clipboard; the outcome, one sentence, goes out as ``copy_finished``. The list is read
on the pool when the menu gets its service and again after every copy the app notes
(``history_signals().recorded``), so it is current when opened.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.ui import copying, tasks
from desktop_app.ui.history import history_signals

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.service import CopyRecord, Service
    from desktop_app.ui.copying import CopyResult

log = logging.getLogger(__name__)

#: How many of the (up to 20) noted copies the menu lists.
SHOWN = 10


def entry_label(record: CopyRecord, number: int, now: float | None = None) -> str:
    """ "&1 report.pdf — part 2 of 5, chat, 14:02" (the date too when it was not today)."""
    copied = time.localtime(record.copied_at)
    today = time.localtime(time.time() if now is None else now)
    same_day = copied[:3] == today[:3]
    when = time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", copied)
    size = (
        QCoreApplication.translate("CopyAgainMenu", "{tokens} tokens").format(
            tokens=f"{record.max_tokens:,}"
        )
        if record.max_tokens
        else record.preset
    )
    details = [size]
    if record.pages:
        details.append(
            QCoreApplication.translate("CopyAgainMenu", "pages {pages}").format(pages=record.pages)
        )
    if record.sheet:
        details.append(
            QCoreApplication.translate("CopyAgainMenu", "sheet {sheet}").format(sheet=record.sheet)
        )
    details.append(when)
    name = record.document.replace("&", "&&")
    if record.parts > 1:
        what = QCoreApplication.translate(
            "CopyAgainMenu", "{name} \u2014 part {part} of {parts}"
        ).format(name=name, part=record.part, parts=record.parts)
    else:
        what = name
    return f"&{number % 10} {what}, {', '.join(details)}"


class CopyAgainMenu(QMenu):
    """The last copies; choosing one copies that part again."""

    #: The outcome of a copy again (a ``CopyResult``).
    copy_finished = Signal(object)
    #: The list was read again (the records shown, newest first).
    refreshed = Signal(object)

    def __init__(
        self,
        service: Service | None,
        parent: QWidget | None = None,
        *,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("CopyAgainMenu", "Copy a&gain"), parent)
        self.setAccessibleName(
            QCoreApplication.translate("CopyAgainMenu", "Copy a recent copy again")
        )
        self.menuAction().setStatusTip(
            QCoreApplication.translate(
                "CopyAgainMenu", "Put a text you copied before on the clipboard again"
            )
        )
        self.setToolTipsVisible(True)
        self._service: Service | None = None
        self._on_progress = on_progress
        self.records: tuple[CopyRecord, ...] = ()
        self._fill(())
        history_signals().recorded.connect(self._noted)
        if service is not None:
            self.set_service(service)

    def set_service(self, service: Service) -> None:
        """The service is open: read its history (off the GUI thread)."""
        self._service = service
        self.refresh()

    def refresh(self) -> None:
        """Read the history again on the pool; the menu is rebuilt when it arrives."""
        service = self._service
        if service is None:
            return
        tasks.run_in_background(
            service.copy_history,
            SHOWN,
            on_done=self._loaded,
            on_error=lambda exc: log.warning("cannot read the copy history: %s", exc),
        )

    def _noted(self, _record: object) -> None:
        self.refresh()

    def _loaded(self, records: Sequence[CopyRecord]) -> None:
        self._fill(tuple(records))
        log.info("copy-again menu lists %d copies", len(self.records))
        self.refreshed.emit(self.records)

    def _fill(self, records: tuple[CopyRecord, ...]) -> None:
        self.records = records
        self.clear()
        if not records:
            empty = self.addAction(
                QCoreApplication.translate("CopyAgainMenu", "Nothing copied yet")
            )
            empty.setStatusTip(
                QCoreApplication.translate(
                    "CopyAgainMenu", "Texts you copy for ChatGPT are listed here, to copy again"
                )
            )
            empty.setEnabled(False)
            return
        now = time.time()
        for number, record in enumerate(records, start=1):
            action = self.addAction(entry_label(record, number, now))
            tip = QCoreApplication.translate("CopyAgainMenu", "Put {what} on the clipboard again")
            action.setToolTip(tip.format(what=record.label))
            action.setStatusTip(tip.format(what=record.label))
            action.triggered.connect(lambda _checked=False, r=record: self.copy_again(r))

    def copy_again(self, record: CopyRecord) -> None:
        """Copy the part ``record`` noted again; ``copy_finished`` tells how it went."""
        if self._service is None:
            return
        copying.copy_again(
            self._service,
            record,
            on_done=self._done,
            on_progress=self._on_progress,
        )

    def _done(self, result: CopyResult) -> None:
        self.copy_finished.emit(result)

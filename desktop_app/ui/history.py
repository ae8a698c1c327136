"""The copy history seen from the UI: every copy the app makes is noted, and the lists that
show the history hear about it.

:func:`note_copy` runs ``Service.record_copy`` on the task pool (it writes the database) after
the clipboard holds the text; when the note is written, :func:`history_signals` emits
``recorded`` on the GUI thread, and the window's and the tray's "Copy again" menus
(:mod:`desktop_app.ui.history_menu`) read the history again. Only a copy of one document is
noted: the history names one document, and copying again rebuilds that document's prompt.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.ui import tasks

if TYPE_CHECKING:
    from desktop_app.core.service import CopyRecord, Service

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Note:
    """How a copy was made, as ``Service.record_copy`` keeps it (None: the settings' preset)."""

    service: Service
    preset: str | None = None
    max_tokens: int | None = None
    pages: str | None = None
    sheet: str | None = None
    #: The file on disk the text came from, when it was not a vault entry.
    path: str | None = None


class HistorySignals(QObject):
    """Says (on the GUI thread) that a copy was noted in the copy history."""

    #: The ``CopyRecord`` written (None when the database refused it: the copy still counts).
    recorded = Signal(object)


_signals: HistorySignals | None = None


def history_signals() -> HistorySignals:
    """GUI thread: the one object whose ``recorded`` signal follows every noted copy."""
    global _signals
    if _signals is None:
        _signals = HistorySignals()
    return _signals


def note_copy(
    note: Note, names: Sequence[str], entry_ids: Sequence[int], part: int, parts: int
) -> None:
    """GUI thread, once the clipboard holds part ``part`` of ``parts``: note it, on the pool."""
    if len(entry_ids) > 1 or (not entry_ids and note.path is None) or not names:
        return  # several documents at once (or nothing to name) cannot be copied again
    entry_id = entry_ids[0] if entry_ids else None
    path = Path(note.path) if entry_id is None and note.path is not None else None
    service, document = note.service, names[0]

    def write() -> CopyRecord | None:
        return service.record_copy(
            document,
            part=part,
            parts=parts,
            entry_id=entry_id,
            path=path,
            preset=note.preset,
            max_tokens=note.max_tokens,
            pages=note.pages,
            sheet=note.sheet,
        )

    def failed(exc: BaseException) -> None:
        log.warning("could not note the copy in the history: %s", exc)

    tasks.run_in_background(write, on_done=history_signals().recorded.emit, on_error=failed)

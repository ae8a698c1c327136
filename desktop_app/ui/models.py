"""The document table: a paged ``QAbstractTableModel`` over the vault, and its filter proxy.

Rows are compact :class:`~desktop_app.core.store.DocumentRow` records kept newest first. Pages
are read as the view scrolls (``canFetchMore``/``fetchMore``), so 100,000 documents open as fast
as 1,000; ``data()`` only formats what it holds and never queries the store. When a job changes,
only the rows of the affected entries are re-read and repainted (:meth:`update_jobs`).
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Collection, Iterable
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QStyle

from desktop_app.core.service import DocumentListing, DocumentRow
from desktop_app.core.uploads import JobState
from desktop_app.ui import theme
from desktop_app.ui.targets_view import with_target_lines, with_target_summary
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

PAGE_SIZE = 1000

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    SIZE = 1
    ADDED = 2
    STATUS = 3
    ATTEMPTS = 4
    FILE_ID = 5
    EXPIRES = 6


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("Documents", "Name"),
    Column.SIZE: QT_TRANSLATE_NOOP("Documents", "Size"),
    Column.ADDED: QT_TRANSLATE_NOOP("Documents", "Added"),
    Column.STATUS: QT_TRANSLATE_NOOP("Documents", "Status"),
    Column.ATTEMPTS: QT_TRANSLATE_NOOP("Documents", "Attempts"),
    Column.FILE_ID: QT_TRANSLATE_NOOP("Documents", "Remote file"),
    Column.EXPIRES: QT_TRANSLATE_NOOP("Documents", "Expires"),
}

#: What each fixed column must show unclipped: widths follow the font, and Name (stretched)
#: gets the rest. Fixed pixel widths left Name ~60 px wide ("quarte…") in a 900 px window.
COLUMN_SAMPLES = {
    Column.SIZE: "1023.9 MiB",
    Column.ADDED: "25 Nov 14:05",
    # Longer ones elide; the tooltip has the rest. Translated when measured (see fit_columns).
    Column.STATUS: "Failed: {reason}",
    Column.ATTEMPTS: "10 · next 14:05",
    Column.FILE_ID: "file-8Zq4XyV2b7",
    Column.EXPIRES: "25 Nov 14:05",
}


#: Columns whose tooltip lists the document's state and file id per target.
_TARGET_COLUMNS = (Column.STATUS, Column.FILE_ID)


def _tr(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("Documents", …)``, in the UI's language."""
    return QCoreApplication.translate("Documents", text)


def header_text(column: Column) -> str:
    return _tr(HEADERS[column])


def filter_label(choice: StatusFilter) -> str:
    return _tr(STATUS_FILTER_LABELS[choice])


def failed_text(error_kind: str) -> str:
    """The status of a failed upload: "Failed: <reason>"."""
    reason = _tr(_ERROR_WORDS.get(error_kind, _ERROR_WORDS["unknown"]))
    return QCoreApplication.translate("Documents", "Failed: {reason}").format(reason=reason)


def fit_columns(header: QHeaderView) -> None:
    """Name takes the spare width; the others start just wide enough for their usual text.

    Sized from samples, not ``ResizeToContents``: that would measure rows on every update of a
    100,000-row table. The user can still drag them (``Interactive``).
    """
    metrics = header.fontMetrics()
    padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
    for column, sample in COLUMN_SAMPLES.items():
        if column == Column.STATUS:
            sample = failed_text("network")
        title = header_text(column)
        widest = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
        header.resizeSection(column, widest + padding)


#: The whole :class:`DocumentRow` of an index (any column).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: Upload progress 0..1 for the status column while uploading, else None.
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
#: True while OpenAI's trouble holds the queue (breaker open, outage): waiting rows wait for it.
HELD_ROLE = Qt.ItemDataRole.UserRole + 3
#: Said instead of a retry time while the queue is held (as the status bar says it).
HELD_WORDS = QT_TRANSLATE_NOOP("Documents", "when OpenAI recovers")


class StatusFilter(StrEnum):
    """The choices of the window's status filter."""

    ALL = "all"
    IN_PROGRESS = "in_progress"
    FAILED = "failed"
    EXPIRED = "expired"
    UPLOADED = "uploaded"
    NOT_UPLOADED = "not_uploaded"


STATUS_FILTER_LABELS = {
    StatusFilter.ALL: QT_TRANSLATE_NOOP("Documents", "All documents"),
    StatusFilter.IN_PROGRESS: QT_TRANSLATE_NOOP("Documents", "In progress"),
    StatusFilter.FAILED: QT_TRANSLATE_NOOP("Documents", "Failed"),
    StatusFilter.EXPIRED: QT_TRANSLATE_NOOP("Documents", "Expired"),
    StatusFilter.UPLOADED: QT_TRANSLATE_NOOP("Documents", "Uploaded"),
    StatusFilter.NOT_UPLOADED: QT_TRANSLATE_NOOP("Documents", "Not uploaded"),
}

_FILTER_STATES: dict[StatusFilter, frozenset[str | None]] = {
    StatusFilter.IN_PROGRESS: frozenset(
        {JobState.QUEUED, JobState.UPLOADING, JobState.VERIFYING, JobState.WAITING_RETRY}
    ),
    StatusFilter.FAILED: frozenset({JobState.FAILED}),
    StatusFilter.EXPIRED: frozenset({JobState.EXPIRED}),
    StatusFilter.UPLOADED: frozenset({JobState.DONE}),
    StatusFilter.NOT_UPLOADED: frozenset({None, JobState.CANCELLED}),
}


def matches_status(row: DocumentRow, wanted: StatusFilter) -> bool:
    if wanted is StatusFilter.ALL:
        return True
    return row.state in _FILTER_STATES[wanted]


def human_size(size: int) -> str:
    """Binary units, as the CLI writes them ("64.8 KiB")."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover - loop always returns


def when(epoch: float | None, now: float | None = None) -> str:
    """Local time, short: "14:05" today, "25 Nov 14:05" this year, else with the year."""
    if epoch is None:
        return ""
    moment = datetime.fromtimestamp(epoch)
    today = datetime.fromtimestamp(time.time() if now is None else now)
    if moment.date() == today.date():
        return moment.strftime("%H:%M")
    # The month's name in the UI's language (``translations.install`` sets the default locale).
    month = QLocale().monthName(moment.month, QLocale.FormatType.ShortFormat)
    if moment.year == today.year:
        return f"{moment:%d} {month} {moment:%H:%M}"
    return f"{moment:%d} {month} {moment:%Y %H:%M}"


_ERROR_WORDS = {
    "expired": QT_TRANSLATE_NOOP("Documents", "the remote file expired"),
    "rate_limited": QT_TRANSLATE_NOOP("Documents", "rate limited"),
    "server": QT_TRANSLATE_NOOP("Documents", "server error"),
    "network": QT_TRANSLATE_NOOP("Documents", "network problem"),
    "auth": QT_TRANSLATE_NOOP("Documents", "API key rejected"),
    "too_large": QT_TRANSLATE_NOOP("Documents", "file too large"),
    "invalid": QT_TRANSLATE_NOOP("Documents", "rejected by the service"),
    "unknown": QT_TRANSLATE_NOOP("Documents", "unknown error"),
}


def status_text(row: DocumentRow, now: float | None = None, *, held: bool = False) -> str:
    """The status column in plain words (``held``: the queue waits for OpenAI to recover)."""
    state = row.state
    if state is None:
        return QCoreApplication.translate("Documents", "Backed up")
    if state == JobState.UPLOADING:
        progress = row.progress or 0.0
        return QCoreApplication.translate("Documents", "Uploading {percent}").format(
            percent=f"{progress:.0%}"
        )
    if state == JobState.WAITING_RETRY:
        reason = _ERROR_WORDS.get(row.error_kind or "", "")
        suffix = f" ({_tr(reason)})" if reason else ""
        at = _tr(HELD_WORDS) if held else when(row.next_attempt_at, now)
        retrying = QCoreApplication.translate("Documents", "Retrying {when}")
        return f"{retrying.format(when=at)}{suffix}".replace("  ", " ")
    if state == JobState.FAILED:
        return failed_text(row.error_kind or "unknown")
    if state == JobState.EXPIRED:
        return QCoreApplication.translate("Documents", "Expired")
    if state == JobState.DONE:
        current = time.time() if now is None else now
        if row.expires_at is not None and row.expires_at <= current:
            return QCoreApplication.translate("Documents", "Uploaded (remote copy expired)")
        return QCoreApplication.translate("Documents", "Uploaded")
    words: dict[str, str] = {
        JobState.QUEUED: QCoreApplication.translate("Documents", "Queued"),
        JobState.VERIFYING: QCoreApplication.translate("Documents", "Verifying"),
        JobState.CANCELLED: QCoreApplication.translate("Documents", "Cancelled"),
    }
    return words.get(state, state)


def added_name(row: DocumentRow) -> str:
    """The name column: the latest name, and how often the same content was added."""
    if row.added_count <= 1:
        return row.name
    added = QCoreApplication.translate("Documents", "(added {count}\u00d7)")
    return f"{row.name} {added.format(count=row.added_count)}"


def _status_kind(row: DocumentRow) -> str:
    if row.state == JobState.FAILED:
        return "error"
    if row.state in (JobState.WAITING_RETRY, JobState.EXPIRED):
        return "warning"
    if row.state == JobState.DONE:
        return "ok"
    return "muted" if row.state in (None, JobState.CANCELLED) else ""


class DocumentTableModel(QAbstractTableModel):
    """One row per document (the newest entry of each content, with how often it was added and
    its latest upload job), newest first, fetched in pages."""

    def __init__(
        self, listing: DocumentListing, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._listing = listing
        self._page_size = page_size
        self._rows: list[DocumentRow] = []
        # Negated ids, ascending: bisect finds a row by entry id in O(log n).
        self._keys: list[int] = []
        self._has_more = True
        self.held = False
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(Column(section)) if 0 <= section < len(Column) else None
        return None

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int | None:
        """Model row of an entry, or None when it is not loaded."""
        i = bisect.bisect_left(self._keys, -entry_id)
        if i < len(self._keys) and self._keys[i] == -entry_id:
            return i
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == HELD_ROLE:
            return self.held
        if role == PROGRESS_ROLE:
            return row.progress if column == Column.STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, column)
            if column in _TARGET_COLUMNS and row.targets:
                return with_target_lines(row, tip if column == Column.STATUS else None)
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.SIZE, Column.ATTEMPTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS:
            kind = _status_kind(row)
            if kind:
                return theme.status_color(kind, QGuiApplication.palette())
        return None

    def _display(self, row: DocumentRow, column: int) -> str:
        if column == Column.NAME:
            return added_name(row)
        if column == Column.SIZE:
            return human_size(row.size)
        if column == Column.ADDED:
            return when(row.added_at)
        if column == Column.STATUS:
            return with_target_summary(row, status_text(row, held=self.held))
        if column == Column.ATTEMPTS:
            if row.job_id is None:
                return ""
            if row.state == JobState.WAITING_RETRY and row.next_attempt_at is not None:
                at = _tr(HELD_WORDS) if self.held else when(row.next_attempt_at)
                next_try = QCoreApplication.translate("Documents", "next {when}")
                return f"{row.attempts} · {next_try.format(when=at)}"
            return str(row.attempts)
        if column == Column.FILE_ID:
            return row.file_id or ""
        if column == Column.EXPIRES:
            return when(row.expires_at)
        return ""

    def _tooltip(self, row: DocumentRow, column: int) -> str | None:
        if column == Column.STATUS and row.state == JobState.EXPIRED:
            why = f" ({row.error_message})" if row.error_message else ""
            return QCoreApplication.translate(
                "Documents",
                "The uploaded file is no longer on OpenAI{why}. It is still backed up here: "
                "use “Upload again” or “Copy text instead”.",
            ).format(why=why)
        if column == Column.STATUS and row.error_message:
            if not row.fallback_available:
                return row.error_message
            hint = QCoreApplication.translate(
                "Documents", "Use “Copy text instead” to paste its text."
            )
            return f"{row.error_message} {hint}"
        if column == Column.NAME:
            if row.added_count > 1:
                times = QCoreApplication.translate(
                    "Documents", "Added {count} times (the latest name is shown)"
                ).format(count=row.added_count)
                return f"{row.name}\n{times}"
            return row.name
        if column == Column.FILE_ID and row.file_id:
            return row.file_id  # long ids are elided in the cell
        return None

    def set_held(self, held: bool) -> None:
        """Whether OpenAI's trouble holds the queue; waiting rows then say so."""
        if held == self.held:
            return
        self.held = held
        if self._rows:
            first = self.index(0, Column.STATUS)
            last = self.index(len(self._rows) - 1, Column.ATTEMPTS)
            self.dataChanged.emit(first, last)

    # -- paging -------------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or not self._has_more:
            return
        before = self._rows[-1].entry_id if self._rows else None
        page = self._listing.page(before, self._page_size)
        self._has_more = len(page) == self._page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._append(page)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every remaining page (used before acting on "all matching" rows)."""
        while self._has_more:
            self.fetchMore(QModelIndex())

    @property
    def fully_loaded(self) -> bool:
        return not self._has_more

    def reload(self) -> None:
        """Drop everything and read the first page again."""
        self.beginResetModel()
        self._rows = []
        self._keys = []
        page = self._listing.page(None, self._page_size)
        self._has_more = len(page) == self._page_size
        self._append(page)
        self.endResetModel()

    def _append(self, rows: Iterable[DocumentRow]) -> None:
        for row in rows:
            self._rows.append(row)
            self._keys.append(-row.entry_id)

    # -- live updates -------------------------------------------------------------------------

    def refresh_new(self) -> int:
        """Put entries added since the newest loaded row on top; returns how many."""
        if not self._rows:
            self.reload()
            return len(self._rows)
        newest = self._rows[0].entry_id
        fresh = self._listing.newer_than(newest)
        if fresh:
            # The same content added again: its new row replaces the old one (one per document).
            self.remove_entries(self._listing.superseded([r.entry_id for r in fresh]))
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._rows[0:0] = fresh
            self._keys[0:0] = [-r.entry_id for r in fresh]
            self.endInsertRows()
        return len(fresh)

    def update_jobs(self, job_ids: Collection[int]) -> None:
        """Re-read the rows whose jobs changed and repaint just those rows."""
        if not job_ids:
            return
        newest = self._rows[0].entry_id if self._rows else 0
        needs_new = False
        for row in self._listing.rows_for_jobs(job_ids):
            if row.entry_id > newest:
                needs_new = True
                continue
            self._replace(row)
        if needs_new:
            self.refresh_new()

    def update_entries(self, entry_ids: Collection[int]) -> None:
        """Re-read these entries' rows (e.g. right after the user retried them)."""
        for row in self._listing.rows(entry_ids):
            self._replace(row)

    def _replace(self, row: DocumentRow) -> None:
        position = self.row_of(row.entry_id)
        if position is None or self._rows[position] == row:
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1), [])

    def remove_entries(self, entry_ids: Collection[int]) -> None:
        """Drop rows of forgotten entries (highest rows first, so positions stay valid)."""
        positions = sorted(
            (p for p in (self.row_of(e) for e in set(entry_ids)) if p is not None), reverse=True
        )
        for position in positions:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            del self._keys[position]
            self.endRemoveRows()

    def drop_missing(self) -> None:
        """Remove loaded rows whose entries were forgotten elsewhere (another process)."""
        loaded = [r.entry_id for r in self._rows]
        alive = self._listing.existing(loaded)
        gone = [e for e in loaded if e not in alive]
        if gone:
            self.remove_entries(gone)


class DocumentFilterProxy(QSortFilterProxyModel):
    """Filters rows by a name substring (case-insensitive) and a :class:`StatusFilter`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = StatusFilter.ALL
        self.setDynamicSortFilter(True)

    @property
    def text(self) -> str:
        return self._text

    @property
    def status(self) -> StatusFilter:
        return self._status

    def set_text(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._text:
            self.beginFilterChange()
            self._text = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: StatusFilter) -> None:
        if status is not self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        return bool(self._text) or self._status is not StatusFilter.ALL

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, DocumentTableModel):
            return True
        row = source.row_at(source_row)
        if self._text and self._text not in row.name.casefold():
            return False
        return matches_status(row, self._status)

    def source_row(self, proxy_row: int) -> DocumentRow:
        source = self.sourceModel()
        assert isinstance(source, DocumentTableModel)
        return source.row_at(self.mapToSource(self.index(proxy_row, 0)).row())

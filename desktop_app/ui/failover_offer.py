"""The failover offer in the app: a notice and a tray entry, then where the documents went.

With ``[upload] failover = "ask"``, once the primary target has been held longer than
``failover_after_minutes`` the core makes an offer (``Service.failover_offer()``). The
:class:`FailoverPresenter` shows it once as a notice (a desktop notification with an "Upload to
<target> instead" button where the desktop shows buttons, else a tray message whose click
accepts) and as a tray menu entry "Upload N waiting documents to <target> instead" for as long
as it stands. Accepting calls ``Service.accept_failover()`` on a pool thread. When the
documents of a failover (accepted, or automatic with ``"auto"``) have all finished on the
secondary, one notice says which documents now have file ids where, and that they stay there
when the primary recovers (failback is the user's call).

The upload engine reports on its own threads; a queued signal brings each report to the GUI
thread, and the state is read again on a pool thread (coalesced while a read is in flight).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.core.uploads import ACTIVE_STATES, EventKind, JobState
from desktop_app.ui import tasks
from desktop_app.ui.notifications import Notice

if TYPE_CHECKING:
    from desktop_app.core.service import Service
    from desktop_app.core.uploads import Failover, FailoverOffer, JobView, UploadEvent

log = logging.getLogger(__name__)

#: The key of the offer notice's button (``NoticeDisplay.on_action``).
ACCEPT_KEY = "failover"

#: Documents named one by one in the after-notice, at most (more: a count).
NAMED_AT_MOST = 3


def _quote(name: str) -> str:
    return f"\u201c{name}\u201d"


def _and(parts: Sequence[str]) -> str:
    return (
        parts[0]
        if len(parts) == 1
        else ", ".join(parts[:-1])
        + QCoreApplication.translate("FailoverPresenter", " and ")
        + parts[-1]
    )


def offer_notice(offer: FailoverOffer, primary_label: str, after_minutes: float) -> Notice:
    """The notice that makes the offer; its one button accepts it."""
    noun = (
        QCoreApplication.translate("FailoverPresenter", "document is")
        if offer.waiting == 1
        else QCoreApplication.translate("FailoverPresenter", "documents are")
    )
    text = QCoreApplication.translate(
        "FailoverPresenter",
        "{primary} has not taken uploads for more than {minutes:g} minutes and {count} {noun} "
        "waiting for it. Upload them to {secondary} instead? They stay queued for {primary} "
        "too; choose \u201cUpload to {secondary} instead\u201d here or in the tray menu.",
    ).format(
        primary=primary_label,
        minutes=after_minutes,
        count=offer.waiting,
        noun=noun,
        secondary=offer.secondary_label,
    )
    button = QCoreApplication.translate(
        "FailoverPresenter", "Upload to {secondary} instead"
    ).format(secondary=offer.secondary_label)
    return Notice(
        "failover",
        QCoreApplication.translate("FailoverPresenter", "{primary} uploads are held").format(
            primary=primary_label
        ),
        text,
        (),
        (),
        ((ACCEPT_KEY, button),),
    )


def landed_notice(jobs: Sequence[JobView], secondary_label: str, primary_label: str) -> Notice:
    """After a failover: which documents now have file ids on the secondary, and which not."""
    done = [j for j in jobs if j.state is JobState.DONE and j.file_id]
    missed = len(jobs) - len(done)
    where = {"secondary": secondary_label, "primary": primary_label}
    if not done:
        text = QCoreApplication.translate(
            "FailoverPresenter",
            "None of the {count} documents could be uploaded to {secondary} either.",
        )
        text = text.format(count=len(jobs), **where)
    elif len(done) <= NAMED_AT_MOST:
        named = _and([f"{_quote(j.name)} ({j.file_id})" for j in done])
        verb = (
            QCoreApplication.translate("FailoverPresenter", "is")
            if len(done) == 1
            else QCoreApplication.translate("FailoverPresenter", "are")
        )
        stay = (
            QCoreApplication.translate("FailoverPresenter", "it stays")
            if len(done) == 1
            else QCoreApplication.translate("FailoverPresenter", "they stay")
        )
        text = QCoreApplication.translate(
            "FailoverPresenter",
            "{named} {verb} now on {secondary}; {stay} there when {primary} recovers.",
        )
        text = text.format(named=named, verb=verb, stay=stay, **where)
    else:
        text = QCoreApplication.translate(
            "FailoverPresenter",
            "{count} documents are now on {secondary} (their file ids are in the window's "
            "details); they stay there when {primary} recovers.",
        ).format(count=len(done), **where)
    if done and missed:
        text += " " + QCoreApplication.translate(
            "FailoverPresenter", "{missed} could not be uploaded there either."
        ).format(missed=missed)
    if missed:
        text += " " + QCoreApplication.translate(
            "FailoverPresenter", "Everything is still backed up here."
        )
    title = QCoreApplication.translate(
        "FailoverPresenter", "Uploaded to {secondary} instead"
    ).format(**where)
    return Notice(
        "success" if not missed else "failure",
        title,
        text,
        tuple(dict.fromkeys(j.entry_id for j in jobs)),
        tuple(j.id for j in jobs),
    )


@dataclass
class _Reading:
    offer: FailoverOffer | None
    failovers: list[Failover]
    jobs: dict[int, JobView] = field(default_factory=dict)


def _read(service: Service, job_ids: Sequence[int]) -> _Reading:
    """Pool thread: the standing offer, the failovers so far, and the given jobs."""
    return _Reading(
        service.failover_offer(),
        service.failovers(),
        {i: service.uploads.job(i) for i in job_ids},
    )


class FailoverPresenter(QObject):
    """The offer's notice and tray entry, accepting it off the GUI thread, the after-notice."""

    #: The standing offer each time it changes (None: withdrawn or taken).
    offer_changed = Signal(object)
    #: Every notice this presenter showed (the offer, then each after-notice).
    noticed = Signal(object)

    _wake = Signal()

    def __init__(
        self,
        service: Service,
        menu: QMenu,
        before: QAction,
        show: Callable[[Notice], None],
        *,
        message: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._show = show
        self._message = message
        self.action = QAction("", menu)
        self.action.setVisible(False)
        self.action.triggered.connect(lambda _checked=False: self.accept())
        menu.insertAction(before, self.action)
        self.offer: FailoverOffer | None = None
        self._announced: set[tuple[str, str, float]] = set()
        self._seen = 0  # failovers already taken into ``_pending``
        self._pending: dict[tuple[int, ...], Failover] = {}
        self._pending_ids: frozenset[int] = frozenset()
        self._lock = threading.Lock()
        self._closed = False
        self._busy = False
        self._again = False
        self._wake.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        service.uploads.add_listener(self._on_event)

    def close(self) -> None:
        """Ignore every later report (the engine has no remove_listener)."""
        with self._lock:
            self._closed = True

    # -- any thread -------------------------------------------------------------------------

    def _on_event(self, event: UploadEvent) -> None:
        with self._lock:
            if self._closed:
                return
            wanted = event.kind is EventKind.FAILOVER or event.job_id in self._pending_ids
        if wanted:
            self._wake.emit()

    # -- GUI thread -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the offer, the failovers and their jobs again (coalesced)."""
        if self._closed:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        ids = sorted(self._pending_ids)
        tasks.run_in_background(
            _read, self.service, ids, on_done=self._apply, on_error=self._read_failed
        )

    def _read_failed(self, exc: BaseException) -> None:
        log.warning("failover: cannot read the offer: %s", exc)
        self._finish()

    def _apply(self, reading: _Reading) -> None:
        if self._closed:
            return
        self._set_offer(reading.offer)
        new = reading.failovers[self._seen :]
        self._seen = len(reading.failovers)
        for failover in new:
            self._pending[failover.job_ids] = failover
        self._land(reading.jobs)
        with self._lock:
            self._pending_ids = frozenset(i for ids in self._pending for i in ids)
        self._finish()
        if new:
            self.refresh()  # read the new failovers' jobs (they may have finished already)

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

    def _set_offer(self, offer: FailoverOffer | None) -> None:
        if offer == self.offer:
            return
        self.offer = offer
        self.action.setVisible(offer is not None)
        self.action.setEnabled(offer is not None)
        if offer is not None:
            self.action.setText(offer.text)
            self.action.setStatusTip(
                QCoreApplication.translate(
                    "FailoverPresenter",
                    "Upload the documents held for {primary} to {secondary} now; they stay "
                    "there when {primary} recovers",
                ).format(primary=offer.primary, secondary=offer.secondary_label)
            )
            key = (offer.primary, offer.secondary, offer.held_since)
            if key not in self._announced:  # once per outage, however often the count moves
                self._announced.add(key)
                primary = self.service.uploads.targets.get(offer.primary).label
                minutes = self.service.settings.upload.failover_after_minutes
                self._notice(offer_notice(offer, primary, minutes))
        self.offer_changed.emit(offer)

    def _land(self, jobs: dict[int, JobView]) -> None:
        for ids, failover in list(self._pending.items()):
            views = [jobs[i] for i in ids if i in jobs]
            if len(views) < len(ids) or any(v.state in ACTIVE_STATES for v in views):
                continue
            del self._pending[ids]
            targets = self.service.uploads.targets
            secondary = targets.get(failover.secondary).label
            self._notice(landed_notice(views, secondary, targets.get(failover.primary).label))

    def _notice(self, notice: Notice) -> None:
        log.info("failover notice: %s: %s", notice.title, notice.text)
        self._show(notice)
        self.noticed.emit(notice)

    def accept(self) -> None:
        """Upload the waiting documents to the secondary target (the user said so)."""
        self.action.setEnabled(False)  # one click is one failover

        def done(failover: Failover | None) -> None:
            if failover is None and self._message is not None:
                self._message(
                    QCoreApplication.translate(
                        "FailoverPresenter", "No document is waiting any more: nothing to upload."
                    )
                )
            self.refresh()

        def failed(exc: BaseException) -> None:
            log.warning("failover: could not queue the documents: %s", exc)
            if self._message is not None:
                self._message(
                    QCoreApplication.translate(
                        "FailoverPresenter", "Could not queue the documents: {error}"
                    ).format(error=exc)
                )
            self.refresh()

        tasks.run_in_background(self.service.accept_failover, on_done=done, on_error=failed)

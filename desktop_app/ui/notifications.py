"""Tray notifications: expiry and permanent failures in plain words, coalesced, click to copy.

The notifier watches the bridge's ``jobs_changed`` batches, looks the changed jobs up on a pool
thread, and collects what deserves a message: a job whose upload expired (the fallback is ready
at once), a job that failed for good, and, if the user asked for it, a finished upload. The first
such event opens a short window (2 s by default); everything that arrives within it becomes ONE
message, so a burst of 200 failures is one notice, not 200. Each job is announced at most once per
problem. Clicking a failure notice copies the text fallback of the documents it names.

:class:`NoticeDisplay` shows a notice: as a desktop notification with **Copy text**, **Retry**
and **Open** buttons where the session's notification server shows actions (``desktop_notify``;
failure notices then stay until dismissed), else as the tray's balloon, whose click copies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from desktop_app.core.uploads import ErrorKind, JobState
from desktop_app.ui import tasks
from desktop_app.ui.desktop_notify import DesktopNotifications, Posting
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_app.core.service import Service
    from desktop_app.ui.bridge import ServiceBridge

log = logging.getLogger(__name__)

DEFAULT_WINDOW_MS = 2000

#: Why an upload failed for good, in words a user understands (keys: ErrorKind values).
_REASONS = {
    "too_large": QT_TRANSLATE_NOOP("Notifications", "it is larger than OpenAI accepts"),
    "invalid": QT_TRANSLATE_NOOP("Notifications", "OpenAI refused the file"),
    "auth": QT_TRANSLATE_NOOP("Notifications", "the API key was refused"),
    "rate_limited": QT_TRANSLATE_NOOP("Notifications", "OpenAI kept rate-limiting the upload"),
    "server": QT_TRANSLATE_NOOP("Notifications", "OpenAI's servers kept failing"),
    "network": QT_TRANSLATE_NOOP("Notifications", "the network kept failing"),
    "expired": QT_TRANSLATE_NOOP("Notifications", "the uploaded file expired on OpenAI's side"),
    "unknown": QT_TRANSLATE_NOOP("Notifications", "it kept failing"),
}


@dataclass(frozen=True)
class Notice:
    kind: str  # "failure" or "success"
    title: str
    text: str
    entry_ids: tuple[int, ...]
    job_ids: tuple[int, ...]
    #: Buttons of their own (key, label), handled by ``NoticeDisplay.on_action(key, …)``; the
    #: first is also what a click on the balloon does (e.g. the failover offer's "Upload to …").
    actions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Item:
    job_id: int
    entry_id: int
    name: str
    kind: str  # "expired", "failed" or "done"
    reason: str


def _tr(text: str) -> str:
    """A text marked ``QT_TRANSLATE_NOOP("Notifications", …)``, in the UI's language."""
    return QCoreApplication.translate("Notifications", text)


#: The last sentence of a failure notice: a balloon is clicked, a notification has buttons.
_CLICK = (
    QT_TRANSLATE_NOOP("Notifications", "Click to copy its text and paste that instead."),
    QT_TRANSLATE_NOOP("Notifications", "Click to copy their text and paste that instead."),
)
_BUTTON = (
    QT_TRANSLATE_NOOP(
        "Notifications", "Use \u201cCopy text\u201d to copy its text and paste that instead."
    ),
    QT_TRANSLATE_NOOP(
        "Notifications", "Use \u201cCopy text\u201d to copy their text and paste that instead."
    ),
)


def _quote(name: str) -> str:
    return f"\u201c{name}\u201d"


def failure_notice(items: Sequence[_Item]) -> Notice:
    expired = [i for i in items if i.kind == "expired"]
    failed = [i for i in items if i.kind == "failed"]
    if len(items) == 1:
        item = items[0]
        if item.kind == "expired":
            title = _tr(QT_TRANSLATE_NOOP("Notifications", "Upload expired"))
            text = _tr(
                QT_TRANSLATE_NOOP(
                    "Notifications", "{name} expired on OpenAI's side. It is still backed up here."
                )
            ).format(name=_quote(item.name))
            text += " " + _tr(_CLICK[0])
        else:
            title = _tr(QT_TRANSLATE_NOOP("Notifications", "Upload failed"))
            text = _tr(
                QT_TRANSLATE_NOOP(
                    "Notifications",
                    "{name} could not be uploaded: {reason}. It is still backed up here.",
                )
            ).format(name=_quote(item.name), reason=_tr(item.reason))
            text += " " + _tr(_CLICK[0])
    else:
        title = _tr(QT_TRANSLATE_NOOP("Notifications", "{count} uploads need attention"))
        title = title.format(count=len(items))
        details = []
        if expired:
            details.append(
                _tr(QT_TRANSLATE_NOOP("Notifications", "{count} expired")).format(
                    count=len(expired)
                )
            )
        if failed:
            details.append(
                _tr(QT_TRANSLATE_NOOP("Notifications", "{count} failed")).format(count=len(failed))
            )
        text = _tr(
            QT_TRANSLATE_NOOP(
                "Notifications",
                "{count} documents could not be uploaded ({details}). They are still backed up "
                "here.",
            )
        ).format(count=len(items), details=", ".join(details))
        text += " " + _tr(_CLICK[1])
    return Notice(
        "failure",
        title,
        text,
        tuple(dict.fromkeys(i.entry_id for i in items)),
        tuple(i.job_id for i in items),
    )


def success_notice(items: Sequence[_Item]) -> Notice:
    if len(items) == 1:
        text = _tr(QT_TRANSLATE_NOOP("Notifications", "{name} was uploaded."))
        text = text.format(name=_quote(items[0].name))
    else:
        text = _tr(QT_TRANSLATE_NOOP("Notifications", "{count} documents were uploaded."))
        text = text.format(count=len(items))
    return Notice(
        "success",
        _tr(QT_TRANSLATE_NOOP("Notifications", "Uploaded")),
        text,
        tuple(i.entry_id for i in items),
        tuple(i.job_id for i in items),
    )


def _classify(jobs: Iterable[Any]) -> list[_Item]:
    items = []
    for job in jobs:
        state, kind = str(job.state), None if job.error_kind is None else str(job.error_kind)
        if kind == ErrorKind.EXPIRED and state not in (JobState.DONE, JobState.CANCELLED):
            event = "expired"  # retried or failed for good: either way the fallback is ready
        elif state == JobState.FAILED:
            event = "failed"
        elif state == JobState.DONE:
            event = "done"
        else:
            continue
        reason = _REASONS.get(kind or "unknown", _REASONS["unknown"])
        items.append(_Item(int(job.id), int(job.entry_id), str(job.name), event, reason))
    return items


def _load(service: Service, job_ids: Sequence[int]) -> list[_Item]:
    """Pool thread: the changed jobs that deserve a message."""
    uploads = service.uploads
    jobs = []
    for job_id in job_ids:
        try:
            jobs.append(uploads.job(job_id))
        except Exception as exc:  # a job removed meanwhile is simply not announced
            log.debug("notifier: job %s vanished: %s", job_id, exc)
    return _classify(jobs)


class Notifier(QObject):
    """Turns job changes into coalesced notices; ``show`` displays one (e.g. a tray message)."""

    notified = Signal(object)

    def __init__(
        self,
        service: Service,
        bridge: ServiceBridge,
        show: Callable[[Notice], None],
        *,
        window_ms: int = DEFAULT_WINDOW_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._show = show
        self._seen: set[tuple[int, str]] = set()
        self._failures: list[_Item] = []
        self._successes: list[_Item] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(window_ms)
        self._timer.timeout.connect(self.flush)
        self._closed = False
        bridge.jobs_changed.connect(self._jobs_changed)

    def close(self) -> None:
        self._closed = True
        self._timer.stop()

    @Slot(object)
    def _jobs_changed(self, job_ids: frozenset[int]) -> None:
        if self._closed:
            return
        tasks.run_in_background(
            _load,
            self.service,
            sorted(job_ids),
            on_done=self._collect,
            on_error=lambda exc: log.warning("notifier: cannot read jobs: %s", exc),
        )

    def _collect(self, items: list[_Item]) -> None:
        if self._closed:
            return
        want_success = bool(self.service.settings.ui.notify_success)
        for item in items:
            # One failure notice per job: "expired" then "failed" for the same document is
            # one problem to the user (the tray's count keeps showing it).
            key = (item.job_id, "done" if item.kind == "done" else "problem")
            if key in self._seen:
                continue
            if item.kind == "done":
                if not want_success:
                    continue
                self._successes.append(item)
            else:
                self._failures.append(item)
            self._seen.add(key)
        if (self._failures or self._successes) and not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Show what was collected (one notice per kind); called by the coalescing timer."""
        failures, self._failures = self._failures, []
        successes, self._successes = self._successes, []
        # Failures win: one message at a time is all a tray shows, and they need action.
        for notice in (
            failure_notice(failures) if failures else None,
            success_notice(successes) if successes and not failures else None,
        ):
            if notice is not None:
                self._show(notice)
                self.notified.emit(notice)


#: The buttons of a failure notice (key, label), in the order the server shows them.
#: (Labels are translated when shown: see :func:`_actions`.)
FAILURE_ACTIONS = (
    ("default", QT_TRANSLATE_NOOP("Notifications", "Copy text")),
    ("copy", QT_TRANSLATE_NOOP("Notifications", "Copy text")),
    ("retry", QT_TRANSLATE_NOOP("Notifications", "Retry")),
    ("open", QT_TRANSLATE_NOOP("Notifications", "Open")),
)
SUCCESS_ACTIONS = (("open", QT_TRANSLATE_NOOP("Notifications", "Open")),)


def _actions(actions: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((key, _tr(label)) for key, label in actions)


def _button_text(text: str) -> str:
    # The balloon says "Click to copy…"; with buttons the sentence names the button instead.
    for click, button in zip(_CLICK, _BUTTON, strict=True):
        text = text.replace(_tr(click), _tr(button))
    return text


class NoticeDisplay(QObject):
    """Shows notices with action buttons when the desktop can, else as a tray balloon.

    ``copy(entry_ids)``, ``retry(job_ids)`` and ``open(entry_ids)`` are what the buttons do;
    ``balloon(notice, on_click)`` is the fallback. Remembers which notice each shown
    notification belongs to until the server says it was closed.
    """

    #: (action key, notice) each time the user picks a button of a shown notification.
    acted = Signal(str, object)

    def __init__(
        self,
        balloon: Callable[[Notice, Callable[[], None] | None], None],
        copy: Callable[[Sequence[int]], None],
        retry: Callable[[Sequence[int]], None],
        open_documents: Callable[[Sequence[int]], None],
        *,
        desktop: DesktopNotifications | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._balloon = balloon
        self._handlers = {"default": copy, "copy": copy, "open": open_documents}
        self._retry = retry
        self._own: dict[str, Callable[[Notice], None]] = {}  # keys of Notice.actions
        self.desktop = desktop
        self._waiting: dict[int, Notice] = {}  # token -> notice, until the server answers
        self._shown: dict[int, Notice] = {}  # notification id -> notice
        if desktop is not None:
            desktop.posted.connect(self._posted)
            desktop.failed.connect(self._failed)
            desktop.action_invoked.connect(self._action)
            desktop.closed.connect(self._closed)

    def on_action(self, key: str, handler: Callable[[Notice], None]) -> None:
        """What the button ``key`` of a notice's own ``actions`` does (given the notice)."""
        self._own[key] = handler

    def show(self, notice: Notice) -> None:
        if self.desktop is None or not self.desktop.available:
            self._show_balloon(notice)
            return
        failure = notice.kind == "failure"
        if notice.actions:
            posting = Posting(notice.title, notice.text, notice.actions, sticky=True)
            self._waiting[self.desktop.notify(posting)] = notice
            return
        posting = Posting(
            notice.title,
            _button_text(notice.text) if failure else notice.text,
            _actions(FAILURE_ACTIONS if failure else SUCCESS_ACTIONS),
            sticky=failure,
            icon="dialog-warning" if failure else "dialog-information",
        )
        self._waiting[self.desktop.notify(posting)] = notice

    def _show_balloon(self, notice: Notice) -> None:
        if notice.actions:
            own = self._own.get(notice.actions[0][0])
            self._balloon(notice, None if own is None else (lambda: own(notice)))
            return
        ids = list(notice.entry_ids)
        copy = self._handlers["copy"]
        self._balloon(notice, (lambda: copy(ids)) if notice.kind == "failure" else None)

    def _posted(self, token: int, notification_id: int) -> None:
        notice = self._waiting.pop(token, None)
        if notice is not None:
            self._shown[notification_id] = notice
            log.info("desktop notification %d: %s: %s", notification_id, notice.title, notice.text)

    def _failed(self, token: int, reason: str) -> None:
        notice = self._waiting.pop(token, None)
        if notice is not None:
            log.warning("desktop notification refused (%s): showing a tray message", reason)
            self._show_balloon(notice)

    def _action(self, notification_id: int, key: str) -> None:
        notice = self._shown.get(notification_id)
        if notice is None:
            return  # another application's notification, or one from before a restart
        log.info("notification action %r on %r", key, notice.title)
        if key in self._own and key in dict(notice.actions):
            self._own[key](notice)
            if self.desktop is not None:  # done: the offer is taken
                self.desktop.close_notification(notification_id)
        elif key == "retry":
            self._retry(list(notice.job_ids))
            if self.desktop is not None:  # resident: the problem is being handled now
                self.desktop.close_notification(notification_id)
        elif key in self._handlers:
            self._handlers[key](list(notice.entry_ids))
        self.acted.emit(key, notice)

    def _closed(self, notification_id: int, _reason: int) -> None:
        self._shown.pop(notification_id, None)

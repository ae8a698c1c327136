"""What the tray shows, decided without Qt: the state, icon name, progress, count and tooltip.

:func:`take_snapshot` reads the queue (on a pool thread: it queries the database and, now and
then, the keyring); :func:`describe` is pure, so every state can be tested directly.

States, most important first: paused (by the user, no API key, key refused, out of credit) >
service trouble (circuit open, provider outage, rate limit) > needs attention (failed or expired
uploads, with a count) > uploading (with overall progress) > waiting to retry > all good. Counts
are per document (each content's latest job), and "all good" only ever means that: nothing
failed, expired, waits to retry or is held.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.core.uploads import JobState, PauseReason
from desktop_app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_app.core.service import FallbackChoice, Service

_ACTIVE = (JobState.QUEUED, JobState.UPLOADING, JobState.VERIFYING)
_STATE_WORDS = (
    (JobState.UPLOADING, QT_TRANSLATE_NOOP("TrayState", "uploading")),
    (JobState.VERIFYING, QT_TRANSLATE_NOOP("TrayState", "verifying")),
    (JobState.QUEUED, QT_TRANSLATE_NOOP("TrayState", "queued")),
    (JobState.WAITING_RETRY, QT_TRANSLATE_NOOP("TrayState", "waiting to retry")),
    (JobState.FAILED, QT_TRANSLATE_NOOP("TrayState", "failed")),
    (JobState.EXPIRED, QT_TRANSLATE_NOOP("TrayState", "expired")),
    (JobState.DONE, QT_TRANSLATE_NOOP("TrayState", "uploaded")),
    (JobState.CANCELLED, QT_TRANSLATE_NOOP("TrayState", "cancelled")),
)
#: How many documents the tray's "Copy text of…" submenu lists.
CHOICES_SHOWN = 10
#: Pauses during which jobs wait for OpenAI itself to recover.
_HELD_BY_OPENAI = (PauseReason.SERVICE_OUTAGE, PauseReason.BREAKER)


class TrayState(StrEnum):
    OK = "ok"
    UPLOADING = "uploading"
    ATTENTION = "attention"
    PAUSED = "paused"
    TROUBLE = "trouble"


@dataclass(frozen=True)
class Snapshot:
    """What the tray needs to know, gathered off the GUI thread. ``counts`` are per document."""

    counts: Mapping[str, int]
    paused: str | None  # a PauseReason value
    breaker_open: bool
    next_retry_at: float | None
    bytes_total: int
    bytes_sent: int
    has_key: bool
    expired_waiting: int = 0  # waiting to retry after an "expired" error: the fallback is ready
    held: bool = False  # jobs wait for OpenAI to recover (status-page outage, open breaker)
    #: What "Copy text instead" copies (the first) and "Copy text of…" lists, best first.
    choices: tuple[FallbackChoice, ...] = ()


@dataclass(frozen=True)
class TrayView:
    state: TrayState
    icon_name: str
    progress: float | None
    count: int
    headline: str
    tooltip: str
    user_paused: bool
    needs_key: bool
    #: The tooltip shows a retry time that changes as time passes: describe it again each second.
    live: bool = False


def _tr(text: str) -> str:
    """Translates texts marked ``QT_TRANSLATE_NOOP("TrayState", …)`` (Qt's translator needs
    no event loop, so this stays a pure function of the snapshot and the language)."""
    return QCoreApplication.translate("TrayState", text)


def _count(n: int, one: str, many: str, **more: object) -> str:
    return _tr(one if n == 1 else many).format(count=n, **more)


def describe(snap: Snapshot, now: float | None = None) -> TrayView:
    """The state, icon and tooltip for a snapshot (pure; ``now`` for the retry time)."""
    counts = {str(k): int(v) for k, v in snap.counts.items()}
    active = sum(counts.get(s, 0) for s in _ACTIVE)
    waiting = counts.get(JobState.WAITING_RETRY, 0)
    failed = counts.get(JobState.FAILED, 0) + snap.expired_waiting
    expired = counts.get(JobState.EXPIRED, 0)
    attention = failed + expired
    paused = str(snap.paused) if snap.paused is not None else None
    held = snap.held or snap.breaker_open or paused in _HELD_BY_OPENAI
    needs_key = not snap.has_key or paused == PauseReason.NO_KEY
    progress: float | None = None
    count = 0
    if needs_key:
        state = TrayState.PAUSED
        headline = _tr(QT_TRANSLATE_NOOP("TrayState", "Uploads paused until you add an API key"))
    elif paused == PauseReason.AUTH:
        state = TrayState.PAUSED
        headline = _tr(QT_TRANSLATE_NOOP("TrayState", "Uploads paused: the API key was refused"))
    elif paused == PauseReason.QUOTA:
        state = TrayState.PAUSED
        headline = _tr(
            QT_TRANSLATE_NOOP("TrayState", "Uploads paused: the OpenAI account is out of credit")
        )
    elif paused == PauseReason.USER:
        state = TrayState.PAUSED
        headline = _tr(QT_TRANSLATE_NOOP("TrayState", "Uploads paused by you"))
    elif paused == PauseReason.SERVICE_OUTAGE:
        state = TrayState.TROUBLE
        headline = _tr(
            QT_TRANSLATE_NOOP("TrayState", "OpenAI reports an outage; uploads are on hold")
        )
    elif snap.breaker_open or paused == PauseReason.BREAKER or snap.held:
        state = TrayState.TROUBLE
        headline = _tr(
            QT_TRANSLATE_NOOP("TrayState", "The upload service is failing; retrying later")
        )
    elif paused == PauseReason.RATE_LIMIT:
        state = TrayState.TROUBLE
        headline = _tr(QT_TRANSLATE_NOOP("TrayState", "Rate limited by OpenAI; waiting to retry"))
    elif attention:
        state, count = TrayState.ATTENTION, attention
        if not expired:
            headline = _count(
                failed,
                QT_TRANSLATE_NOOP("TrayState", "1 document could not be uploaded"),
                QT_TRANSLATE_NOOP("TrayState", "{count} documents could not be uploaded"),
            )
        elif not failed:
            headline = _count(
                expired,
                QT_TRANSLATE_NOOP("TrayState", "1 uploaded document expired on OpenAI"),
                QT_TRANSLATE_NOOP("TrayState", "{count} uploaded documents expired on OpenAI"),
            )
        else:
            headline = _tr(
                QT_TRANSLATE_NOOP(
                    "TrayState",
                    "{count} documents need attention ({failed} could not be uploaded, "
                    "{expired} expired on OpenAI)",
                )
            ).format(count=attention, failed=failed, expired=expired)
    elif active:
        state = TrayState.UPLOADING
        progress = snap.bytes_sent / snap.bytes_total if snap.bytes_total > 0 else 0.0
        headline = _count(
            active,
            QT_TRANSLATE_NOOP("TrayState", "Uploading 1 document ({percent}%)"),
            QT_TRANSLATE_NOOP("TrayState", "Uploading {count} documents ({percent}%)"),
            percent=round(progress * 100),
        )
    elif waiting:
        state = TrayState.TROUBLE
        headline = _count(
            waiting,
            QT_TRANSLATE_NOOP("TrayState", "1 document waiting to retry"),
            QT_TRANSLATE_NOOP("TrayState", "{count} documents waiting to retry"),
        )
    else:
        state, headline = (
            TrayState.OK,
            _tr(QT_TRANSLATE_NOOP("TrayState", "All documents are backed up")),
        )
    lines = [f"AttachGuard: {headline}"]
    parts = [f"{counts[s]} {_tr(w)}" for s, w in _STATE_WORDS if counts.get(s, 0)]
    if parts:
        lines.append(", ".join(parts))
    live = False
    if held and (waiting or active):
        lines.append(_tr(QT_TRANSLATE_NOOP("TrayState", "Next retry: when OpenAI recovers")))
    elif snap.next_retry_at is not None and waiting:
        next_retry = _tr(QT_TRANSLATE_NOOP("TrayState", "Next retry: {when}"))
        lines.append(next_retry.format(when=_when(snap.next_retry_at, now)))
        live = True
    return TrayView(
        state=state,
        icon_name=f"tray-{state.value}",
        progress=progress,
        count=count,
        headline=headline,
        tooltip="\n".join(lines),
        user_paused=paused == PauseReason.USER,
        needs_key=needs_key,
        live=live,
    )


def _when(at: float, now: float | None) -> str:
    now = time.time() if now is None else now
    if at <= now + 1:
        return _tr(QT_TRANSLATE_NOOP("TrayState", "now"))
    seconds = at - now
    clock = time.strftime("%H:%M:%S", time.localtime(at))
    if seconds < 90:
        soon = _tr(QT_TRANSLATE_NOOP("TrayState", "{clock} (in {seconds} s)"))
        return soon.format(clock=clock, seconds=round(seconds))
    later = _tr(QT_TRANSLATE_NOOP("TrayState", "{clock} (in {minutes} min)"))
    return later.format(clock=clock, minutes=round(seconds / 60))


def take_snapshot(service: Service, has_key: bool | None = None) -> Snapshot:
    """Pool thread: the queue status (counts per document), the text fallback's choices, and
    the key if asked."""
    status = service.uploads.status()
    counts = {str(k): int(v) for k, v in (status.documents or status.counts).items()}
    if has_key is None:
        has_key = service.has_api_key()
    return Snapshot(
        counts=counts,
        paused=None if status.paused is None else str(status.paused),
        breaker_open=bool(status.breaker_open),
        next_retry_at=status.next_retry_at,
        bytes_total=int(status.bytes_total),
        bytes_sent=int(status.bytes_sent),
        has_key=has_key,
        expired_waiting=int(status.expired_waiting),
        held=bool(status.held),
        choices=tuple(service.fallback_choices(CHOICES_SHOWN)),
    )

"""The upload engine: a persistent, crash-safe queue drained by worker threads.

Public face: :class:`UploadManager` (enqueue, pause, retry, cancel, recheck, run until idle) and
the records it hands out. Behind it: the queue's storage, writes and reads (``store``,
``queue``, ``queries``), job records (``jobs``), the gate that answers "may we send?" (``gate``),
the retry policy and breaker (``retry``), the worker threads (``workers``), the per-job steps
(``runner``, ``multipart``) and key handling (``keys``). The SDK is reached only through
:mod:`desktop_app.core.openai_api`, imported on first use.
"""

from __future__ import annotations

from desktop_app.core.errors import ErrorKind
from desktop_app.core.uploads.destinations import Target
from desktop_app.core.uploads.expiry import RecheckReport
from desktop_app.core.uploads.failover import Failover, FailoverOffer
from desktop_app.core.uploads.gate import PauseReason
from desktop_app.core.uploads.jobs import ACTIVE_STATES, JobState, JobView
from desktop_app.core.uploads.keys import no_key_sentence
from desktop_app.core.uploads.listeners import EventKind, UploadEvent
from desktop_app.core.uploads.manager import (
    EXPIRES_AFTER_RANGE,
    PURPOSES,
    UploadManager,
)
from desktop_app.core.uploads.runner import UploadLimits
from desktop_app.core.uploads.status import QueueStatus

__all__ = [
    "ACTIVE_STATES",
    "EXPIRES_AFTER_RANGE",
    "PURPOSES",
    "ErrorKind",
    "EventKind",
    "Failover",
    "FailoverOffer",
    "JobState",
    "JobView",
    "PauseReason",
    "QueueStatus",
    "RecheckReport",
    "Target",
    "UploadEvent",
    "UploadLimits",
    "UploadManager",
    "no_key_sentence",
]

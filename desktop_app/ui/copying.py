"""Copy text instead: the fallback prompt, built off the GUI thread, put on the clipboard.

Both the tray and the window call :func:`copy_fallback` (chosen documents) or
:func:`copy_latest_fallback` (the newest failed or expired one). Extraction runs in a sandbox
process and can take a moment, so it runs through ``tasks.run_in_background``; the clipboard is
written on the GUI thread when the result arrives, and ``on_done`` gets a :class:`CopyResult`
whose ``message`` is one plain sentence to show the user (tray message or status bar).

When the prompt is over the token budget it comes in numbered parts; part 1 is copied and the
message says how many parts there are (the window's per-item action can copy the others).
OCR of a scan takes a while: ``on_progress`` gets page counts on the GUI thread as pages finish,
and setting ``cancel`` stops the extraction (the pages read so far are kept for next time).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from desktop_app.core.errors import AttachGuardError
from desktop_app.ui import tasks

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.service import Service

ProgressCallback = Callable[["Progress"], None]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CopyResult:
    ok: bool
    message: str
    entry_ids: tuple[int, ...] = ()
    part: int = 0  # 1-based number of the part copied; 0 when nothing was copied
    parts: int = 0
    tokens: int = 0


@dataclass(frozen=True)
class _Prepared:
    text: str
    names: tuple[str, ...]
    entry_ids: tuple[int, ...]
    part: int
    parts: int
    tokens: int


class _Relay(QObject):
    """Carries page progress from the pool thread to the GUI thread (a queued signal)."""

    progressed = Signal(object)


def _prepare(
    service: Service,
    entry_ids: Sequence[int],
    part: int,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> _Prepared:
    """Runs on a pool thread: builds the prompt (sandboxed extraction) and picks one part."""
    ids = tuple(entry_ids)
    prompt = service.texts.fallback_for_entries(list(ids), progress=progress, cancel=cancel)
    if not prompt.parts:
        raise AttachGuardError("there is no text to copy for that document")
    index = min(max(part, 1), len(prompt.parts)) - 1
    names = tuple(service.vault.get(entry_id).name for entry_id in ids)
    return _Prepared(
        text=prompt.parts[index],
        names=names,
        entry_ids=ids,
        part=index + 1,
        parts=len(prompt.parts),
        tokens=int(prompt.token_counts[index]) if prompt.token_counts else 0,
    )


def _describe(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"\u201c{names[0]}\u201d"
    return f"{len(names)} documents"


def _deliver(prepared: _Prepared) -> CopyResult:
    """GUI thread: the clipboard may only be written from here."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(prepared.text)
    what = _describe(prepared.names)
    if prepared.parts > 1:
        message = (
            f"Copied part {prepared.part} of {prepared.parts} of the text of {what}. "
            "Paste it into ChatGPT instead of the file."
        )
    else:
        message = f"Copied the text of {what}. Paste it into ChatGPT instead of the file."
    log.info(
        "fallback copied: %d document(s), part %d/%d, %d tokens",
        len(prepared.entry_ids),
        prepared.part,
        prepared.parts,
        prepared.tokens,
    )
    return CopyResult(
        True, message, prepared.entry_ids, prepared.part, prepared.parts, prepared.tokens
    )


def _failure(exc: BaseException, entry_ids: Sequence[int]) -> CopyResult:
    if isinstance(exc, AttachGuardError):
        reason = str(exc)
    else:
        log.error("copying the text fallback failed", exc_info=exc)
        reason = "something went wrong while extracting the text (details are in the log)"
    return CopyResult(False, f"Could not copy the text: {reason}", tuple(entry_ids))


def copy_fallback(
    service: Service,
    entry_ids: Sequence[int],
    parent: Any = None,
    on_done: Callable[[CopyResult], None] | None = None,
    *,
    part: int = 1,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Put the fallback prompt for ``entry_ids`` (part ``part``) on the clipboard.

    ``parent`` is accepted for symmetry with dialogs and unused: nothing here is modal.
    """
    del parent
    ids = list(entry_ids)
    relay: _Relay | None = None
    if on_progress is not None:
        relay = _Relay()
        relay.progressed.connect(on_progress)

    def report(result: CopyResult) -> None:
        if relay is not None:
            relay.progressed.disconnect()
        if on_done is not None:
            on_done(result)

    if not ids:
        report(CopyResult(False, "Choose a document first."))
        return
    tasks.run_in_background(
        _prepare,
        service,
        ids,
        part,
        None if relay is None else relay.progressed.emit,
        cancel,
        on_done=lambda prepared: report(_deliver(prepared)),
        on_error=lambda exc: report(_failure(exc, ids)),
    )


def _latest_entry(service: Service) -> int | None:
    candidate = service.uploads.latest_fallback_candidate()
    return None if candidate is None else int(candidate.entry_id)


def copy_latest_fallback(
    service: Service,
    on_done: Callable[[CopyResult], None] | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """The tray's "Copy text instead": the newest document whose upload failed or expired."""

    def report(result: CopyResult) -> None:
        if on_done is not None:
            on_done(result)

    def found(entry_id: int | None) -> None:
        if entry_id is None:
            report(CopyResult(False, "No failed or expired upload to copy text for."))
        else:
            copy_fallback(
                service, [entry_id], on_done=on_done, on_progress=on_progress, cancel=cancel
            )

    tasks.run_in_background(
        _latest_entry, service, on_done=found, on_error=lambda exc: report(_failure(exc, []))
    )

"""Copy text instead: the fallback prompt, built off the GUI thread, put on the clipboard.

Both the tray and the window call :func:`copy_fallback` (chosen documents) or
:func:`copy_latest_fallback` (the service's default choice: the newest failed or expired
document, else the newest added one). Extraction runs in a sandbox process and can take a
moment, so it runs through ``tasks.run_in_background``; the clipboard is written on the GUI
thread when the result arrives, and ``on_done`` gets a :class:`CopyResult` whose ``message`` is
one plain sentence to show the user (tray message and status bar).

The clipboard only ever receives the text of the document the user chose last: every request
takes a number, and a result that arrives after a later request was made is dropped (reported
as ``superseded``), so a slow extraction can never overwrite a quicker, later one. A failed copy
leaves the clipboard as it was and says so.

When the prompt is over the token budget it comes in numbered parts; part 1 is copied and the
message says how many parts there are (the window's per-item action can copy the others).
The preview builds the prompt itself and copies a chosen part with :func:`copy_prompt_part`.
OCR of a scan takes a while: ``on_progress`` gets page counts on the GUI thread as pages finish,
and setting ``cancel`` stops the extraction (the pages read so far are kept for next time).

Every copy of one document's text is noted in the copy history once the clipboard holds the
text (:mod:`desktop_app.ui.history`); :func:`copy_again` copies a noted part again, rebuilt the
same way (``Service.prompt_for_copy``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication

from desktop_app.core.errors import AttachGuardError, UnknownEntryError
from desktop_app.core.fallback import copy_text
from desktop_app.ui import tasks
from desktop_app.ui.history import Note, note_copy

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.fallback import FallbackPrompt
    from desktop_app.core.service import CopyRecord, Service

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
    #: A later copy was asked for before this one finished: nothing was copied for this one.
    superseded: bool = False


#: Request numbers (GUI thread only): the clipboard takes the result of the latest request.
_numbers = itertools.count(1)
_latest = 0


def _next_request() -> int:
    global _latest
    _latest = next(_numbers)
    return _latest


class _CopyFailed(Exception):
    """Extraction failed for these documents (raised on the pool, reported on the GUI thread).
    ``again`` is the history label ("report.pdf, part 2 of 5") when copying again failed."""

    def __init__(
        self, names: tuple[str, ...], cause: BaseException, again: str | None = None
    ) -> None:
        super().__init__(str(cause))
        self.names = names
        self.cause = cause
        self.again = again


@dataclass(frozen=True)
class _Prepared:
    text: str
    names: tuple[str, ...]
    entry_ids: tuple[int, ...]
    part: int
    parts: int
    tokens: int
    note: Note | None = None


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
    names = tuple(service.vault.get(entry_id).name for entry_id in ids)
    try:
        prompt = service.texts.fallback_for_entries(list(ids), progress=progress, cancel=cancel)
        if not prompt.parts:
            raise AttachGuardError(
                QCoreApplication.translate("Copying", "there is no text to copy for that document")
            )
    except Exception as exc:
        raise _CopyFailed(names, exc) from exc
    index = min(max(part, 1), len(prompt.parts)) - 1
    return _Prepared(
        text=prompt.parts[index],
        names=names,
        entry_ids=ids,
        part=index + 1,
        parts=len(prompt.parts),
        tokens=int(prompt.token_counts[index]) if prompt.token_counts else 0,
        note=Note(service),
    )


def _prepare_again(
    service: Service,
    record: CopyRecord,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> _Prepared:
    """Pool thread: the part ``record`` noted, from its prompt built again the same way."""
    names = (record.document,)
    try:
        prompt = service.prompt_for_copy(record, progress=progress, cancel=cancel)
    except UnknownEntryError as exc:
        gone = AttachGuardError(
            QCoreApplication.translate("Copying", "it is no longer backed up here")
        )
        raise _CopyFailed(names, gone, record.label) from exc
    except Exception as exc:
        raise _CopyFailed(names, exc, record.label) from exc
    index = record.part - 1
    return _Prepared(
        text=prompt.parts[index],
        names=names,
        entry_ids=() if record.entry_id is None else (record.entry_id,),
        part=record.part,
        parts=len(prompt.parts),
        tokens=int(prompt.token_counts[index]) if index < len(prompt.token_counts) else 0,
        note=Note(
            service,
            preset=record.preset,
            max_tokens=record.max_tokens,
            pages=record.pages,
            sheet=record.sheet,
            path=record.path,
        ),
    )


def _prepare_default(
    service: Service,
    part: int,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> _Prepared | None:
    """Pool thread: the service's default choice, prepared; None when the vault is empty."""
    choice = service.default_fallback_entry()
    if choice is None:
        return None
    return _prepare(service, [choice.entry_id], part, progress, cancel)


def _describe(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"\u201c{names[0]}\u201d"
    return QCoreApplication.translate("Copying", "{count} documents").format(count=len(names))


def _focus_needed() -> bool:
    """GUI thread: whether Qt's clipboard would be refused here.

    A Wayland compositor hands the clipboard only to the program the user last typed or
    clicked in, and Qt is not told when it refuses. A copy from the tray menu (drawn by the
    panel, over D-Bus) or from a notification comes while none of our windows has focus, and
    would silently leave the clipboard as it was; ``wl-copy`` takes it through the
    compositor's clipboard-manager protocol instead, which needs no focus.
    """
    return QGuiApplication.platformName() == "wayland" and QGuiApplication.focusWindow() is None


def _deliver(prepared: _Prepared, *, copied: bool = False) -> CopyResult:
    """GUI thread: the clipboard may only be written from here (``copied``: wl-copy did)."""
    if not copied:
        QGuiApplication.clipboard().setText(prepared.text)
    what = _describe(prepared.names)
    if prepared.parts > 1:
        message = QCoreApplication.translate(
            "Copying",
            "Copied part {part} of {parts} of the text of {what}. "
            "Paste it into ChatGPT instead of the file.",
        ).format(part=prepared.part, parts=prepared.parts, what=what)
    else:
        message = QCoreApplication.translate(
            "Copying", "Copied the text of {what}. Paste it into ChatGPT instead of the file."
        ).format(what=what)
    log.info(
        "fallback copied: %d document(s), part %d/%d, %d tokens",
        len(prepared.entry_ids),
        prepared.part,
        prepared.parts,
        prepared.tokens,
    )
    if prepared.note is not None:
        note_copy(prepared.note, prepared.names, prepared.entry_ids, prepared.part, prepared.parts)
    return CopyResult(
        True, message, prepared.entry_ids, prepared.part, prepared.parts, prepared.tokens
    )


def _failure(exc: BaseException, entry_ids: Sequence[int]) -> CopyResult:
    names: tuple[str, ...] = ()
    again = None
    if isinstance(exc, _CopyFailed):
        again = exc.again
        names, exc = exc.names, exc.cause
    if isinstance(exc, AttachGuardError):
        reason = str(exc).strip()
    else:
        log.error("copying the text fallback failed", exc_info=exc)
        reason = QCoreApplication.translate(
            "Copying", "something went wrong while extracting the text (details are in the log)"
        )
    if again is not None:
        # One sentence for the status bar: what could not be copied again, and why.
        log.info("%s not copied again: %s", again, reason)
        return CopyResult(
            False,
            QCoreApplication.translate(
                "Copying",
                "Could not copy {what} again: {reason}; the clipboard was left unchanged.",
            ).format(what=again, reason=reason.rstrip(".")),
            tuple(entry_ids),
        )
    if not reason.endswith((".", "!", "?")):
        reason += "."
    log.info("fallback not copied%s: %s", f" of {_describe(names)}" if names else "", reason)
    # The whole reason, never cut: the tray message and the status bar's tooltip show it all.
    return CopyResult(
        False,
        QCoreApplication.translate(
            "Copying", "Could not copy the text: {reason} The clipboard was left unchanged."
        ).format(reason=reason),
        tuple(entry_ids),
    )


def _superseded(entry_ids: Sequence[int]) -> CopyResult:
    log.info("fallback for %s not copied: a later copy was asked for", list(entry_ids))
    return CopyResult(
        False,
        QCoreApplication.translate("Copying", "Not copied: a later copy replaced this one."),
        tuple(entry_ids),
        superseded=True,
    )


def _run_copy(
    fn: Callable[..., _Prepared | None],
    args: tuple[Any, ...],
    entry_ids: Sequence[int],
    on_done: Callable[[CopyResult], None] | None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Run ``fn`` on the pool; deliver its text only if no later copy was asked for meanwhile."""
    number = _next_request()
    relay: _Relay | None = None
    if on_progress is not None:
        relay = _Relay()
        relay.progressed.connect(on_progress)

    def report(result: CopyResult) -> None:
        if relay is not None:
            relay.progressed.disconnect()
        if on_done is not None:
            on_done(result)

    def done(prepared: _Prepared | None) -> None:
        if number != _latest:
            report(_superseded(entry_ids if prepared is None else prepared.entry_ids))
        elif prepared is None:
            report(
                CopyResult(
                    False,
                    QCoreApplication.translate(
                        "Copying", "There is no document to copy text from yet: add one."
                    ),
                )
            )
        elif _focus_needed():
            # wl-copy is a process (about 0.1 s): on the pool, not the GUI thread.
            tasks.run_in_background(
                copy_text,
                prepared.text,
                on_done=lambda _tool: report(_deliver(prepared, copied=True)),
                on_error=lambda exc: report(_failure(exc, prepared.entry_ids)),
            )
        else:
            report(_deliver(prepared))

    def failed(exc: BaseException) -> None:
        report(_superseded(entry_ids) if number != _latest else _failure(exc, entry_ids))

    progress = None if relay is None else relay.progressed.emit
    tasks.run_in_background(fn, *args, progress, cancel, on_done=done, on_error=failed)


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
    if not ids:
        if on_done is not None:
            on_done(
                CopyResult(False, QCoreApplication.translate("Copying", "Choose a document first."))
            )
        return
    _run_copy(_prepare, (service, ids, part), ids, on_done, on_progress, cancel)


def copy_latest_fallback(
    service: Service,
    on_done: Callable[[CopyResult], None] | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """The tray's "Copy text instead": the most recent failed or expired document, else the
    most recently added one (``Service.default_fallback_entry``). Needs no key, no network
    and no failed upload."""
    _run_copy(_prepare_default, (service, 1), [], on_done, on_progress, cancel)


def copy_again(
    service: Service,
    record: CopyRecord,
    on_done: Callable[[CopyResult], None] | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Copy the part ``record`` (from ``Service.copy_history``) noted again: its prompt is built
    again the same way on the pool (quick from the text cache), and the copy is noted anew. A
    document that is gone, or whose text no longer has that part, gives one sentence."""
    ids = [] if record.entry_id is None else [record.entry_id]
    _run_copy(_prepare_again, (service, record), ids, on_done, on_progress, cancel)


def copy_prompt_part(
    prompt: FallbackPrompt,
    part: int,
    entry_ids: Sequence[int] = (),
    *,
    service: Service | None = None,
    preset: str | None = None,
    pages: str | None = None,
    sheet: str | None = None,
) -> CopyResult:
    """GUI thread: put part ``part`` (1-based) of an already built ``prompt`` on the clipboard
    at once (the preview's Copy buttons). It counts as the latest copy: a slower copy asked
    for earlier is dropped when it finishes, so it cannot overwrite this one. With ``service``
    the copy is noted in the copy history, with the ``preset``, ``pages`` or ``sheet`` the
    prompt was built with."""
    _next_request()
    if not prompt.parts:
        return CopyResult(
            False,
            QCoreApplication.translate("Copying", "There is no text to copy."),
            tuple(entry_ids),
        )
    index = min(max(part, 1), len(prompt.parts)) - 1
    return _deliver(
        _Prepared(
            text=prompt.parts[index],
            names=prompt.documents or (QCoreApplication.translate("Copying", "the document"),),
            entry_ids=tuple(entry_ids),
            part=index + 1,
            parts=len(prompt.parts),
            tokens=int(prompt.token_counts[index]) if prompt.token_counts else 0,
            note=None if service is None else Note(service, preset, None, pages, sheet),
        )
    )

"""What the preview asks the fallback for: a size preset and a page or sheet selection, and the
build itself, which runs on the task pool (extraction is sandboxed and may OCR a scan)."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop_app.core.errors import AttachGuardError
from desktop_app.ui.preset_words import preset_description, preset_label

if TYPE_CHECKING:
    from desktop_app.core.fallback import FallbackPrompt
    from desktop_app.core.service import Service

log = logging.getLogger(__name__)

#: "3-10", "1, 4-6", "pages 5-": a page (or slide) selection; anything else names a sheet.
_PAGES = re.compile(r"^(pages?\s*)?\d", re.IGNORECASE)


@dataclass(frozen=True)
class SizeChoice:
    """A size preset as the chooser offers it (``Preset`` of the fallback subsystem)."""

    name: str
    label: str
    part_tokens: int
    description: str


def size_choices(service: Service) -> list[SizeChoice]:
    """The presets the chooser offers (``chat`` first)."""
    # The module, not the name: ``presets`` is also a private module of core.fallback.
    from desktop_app.core import fallback

    return [
        SizeChoice(
            p.name,
            preset_label(p.name, p.label),
            p.part_tokens,
            preset_description(p.name, p.description),
        )
        for p in fallback.presets(service.settings.fallback)
    ]


def selection_arguments(text: str) -> dict[str, Any]:
    """``pages=`` or ``sheet=`` for ``fallback_for_entries`` from what the user typed ("3-10",
    "pages 5-", "Q3"); ``ValueError`` with one sentence for a page range that makes no sense."""
    from desktop_app.core.fallback import PageSelection

    text = text.strip()
    if not text:
        return {}
    if _PAGES.match(text):
        return {"pages": PageSelection.parse(text.replace("\u2013", "-"))}
    return {"sheet": text}


@dataclass(frozen=True)
class BuildRequest:
    number: int
    entry_ids: tuple[int, ...]
    preset: SizeChoice | None
    selection: dict[str, Any]


def build(
    service: Service,
    request: BuildRequest,
    progress: Any,
    cancel: threading.Event,
) -> FallbackPrompt:
    """Pool thread: extract (cached, sandboxed) and build the prompt."""
    prompt = service.texts.fallback_for_entries(
        list(request.entry_ids),
        preset=None if request.preset is None else request.preset.name,
        progress=progress,
        cancel=cancel,
        **request.selection,
    )
    if not prompt.parts:
        raise AttachGuardError(
            QCoreApplication.translate(
                "PreviewWidget", "There is no text to show for that document."
            )
        )
    return prompt


def sentence(exc: BaseException) -> str:
    if isinstance(exc, AttachGuardError):
        text = str(exc).strip()
    else:
        log.error("building the text preview failed", exc_info=exc)
        text = QCoreApplication.translate(
            "PreviewWidget",
            "Something went wrong while extracting the text (details are in the log)",
        )
    return text if text.endswith((".", "!", "?")) else text + "."

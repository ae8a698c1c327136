"""Copying again from the copy history: the prompt a recorded copy came from, built the same way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ExtractionError
from desktop_app.core.extract import Progress
from desktop_app.core.fallback import FallbackPrompt, PageSelection, TextService
from desktop_app.core.store import CopyRecord


def rebuild_prompt(
    texts: TextService,
    record: CopyRecord,
    *,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> FallbackPrompt:
    """The prompt ``record`` was copied from (same preset or budget, pages and sheet)."""
    selection = PageSelection.parse(record.pages) if record.pages else None
    options: dict[str, Any] = {
        "max_tokens": record.max_tokens,
        "preset": record.preset,
        "pages": selection,
        "sheet": record.sheet,
        "progress": progress,
        "cancel": cancel,
    }
    if record.entry_id is not None:
        prompt = texts.fallback_for_entries([record.entry_id], **options)
    else:
        prompt = texts.fallback_for_paths([Path(record.path or "")], **options)
    if record.part > len(prompt.parts):
        raise ExtractionError(
            f"{record.document} now has {len(prompt.parts)} part(s), not {record.part}.",
            kind="failed",
        )
    return prompt

"""The text-only fallback: a document's text, extracted in the sandbox, as a ready-to-paste prompt.

:class:`TextService` extracts (cached) and builds prompts; the prompt format and token budget
are private modules behind it, and :func:`copy_text` puts text on the clipboard without Qt.
"""

from __future__ import annotations

from desktop_app.core.fallback.prompt import DocumentText, FallbackPrompt, build_prompt
from desktop_app.core.fallback.system_clipboard import copy_text
from desktop_app.core.fallback.texts import TextService
from desktop_app.core.fallback.tokens import TokenCounter, default_counter

__all__ = [
    "DocumentText",
    "FallbackPrompt",
    "TextService",
    "TokenCounter",
    "build_prompt",
    "copy_text",
    "default_counter",
]

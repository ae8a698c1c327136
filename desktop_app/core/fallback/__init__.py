"""The text-only fallback: a document's text, extracted in the sandbox, as a ready-to-paste prompt.

:class:`TextService` extracts (cached), cleans and builds prompts sized by a :class:`Preset`
(:func:`presets` lists them) for the chosen pages or sheet (:class:`PageSelection`); the prompt
format, the cleaning and the token budget are private modules behind it, and :func:`copy_text`
puts text on the clipboard without Qt.
"""

from __future__ import annotations

from desktop_app.core.fallback.presets import DEFAULT_PRESET, Preset, presets
from desktop_app.core.fallback.prompt import DocumentText, FallbackPrompt, build_prompt
from desktop_app.core.fallback.selection import PageSelection
from desktop_app.core.fallback.system_clipboard import copy_text
from desktop_app.core.fallback.texts import TextService
from desktop_app.core.fallback.tokens import TokenCounter, default_counter

__all__ = [
    "DEFAULT_PRESET",
    "DocumentText",
    "FallbackPrompt",
    "PageSelection",
    "Preset",
    "TextService",
    "TokenCounter",
    "build_prompt",
    "copy_text",
    "default_counter",
    "presets",
]

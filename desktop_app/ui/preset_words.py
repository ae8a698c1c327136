"""The size presets' labels and descriptions in the UI's language.

The core names its presets in English (``core.fallback.presets``: the CLI's ``--for`` help
shows them); the preview's chooser and Settings show them through this table, so the words are
translated like every other UI string. A preset the table does not know keeps its own words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.translations import QT_TRANSLATE_NOOP

_WORDS = {
    "chat": (
        QT_TRANSLATE_NOOP("SizePresets", "ChatGPT message"),
        QT_TRANSLATE_NOOP(
            "SizePresets", "one ChatGPT message per part (setting fallback.chat_part_tokens)"
        ),
    ),
    "api": (
        QT_TRANSLATE_NOOP("SizePresets", "OpenAI API"),
        QT_TRANSLATE_NOOP(
            "SizePresets", "a model's context through the API (setting fallback.max_tokens)"
        ),
    ),
    "claude": (
        QT_TRANSLATE_NOOP("SizePresets", "Claude"),
        QT_TRANSLATE_NOOP("SizePresets", "one Claude.ai message per part"),
    ),
    "gemini": (
        QT_TRANSLATE_NOOP("SizePresets", "Gemini"),
        QT_TRANSLATE_NOOP("SizePresets", "one Gemini app message per part"),
    ),
    "local": (
        QT_TRANSLATE_NOOP("SizePresets", "Local model"),
        QT_TRANSLATE_NOOP(
            "SizePresets", "a local model with a 4k-token context (Ollama, LM Studio)"
        ),
    ),
}


def preset_label(name: str, label: str) -> str:
    """The label of preset ``name`` (``label`` is the core's, used when unknown here)."""
    words = _WORDS.get(name)
    return QCoreApplication.translate("SizePresets", words[0]) if words else label


def preset_description(name: str, description: str) -> str:
    words = _WORDS.get(name)
    return QCoreApplication.translate("SizePresets", words[1]) if words else description

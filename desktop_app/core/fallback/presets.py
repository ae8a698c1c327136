"""Size presets: where the text is going decides how big each part of the prompt may be.

A preset names a destination (one ChatGPT message, the API, another chat app a user switches to
during an outage) and the token size of one part there. Sizes are counted with ``o200k_base``
(or the chars/4 estimate) and are deliberately conservative: other apps' tokenizers make more
tokens of the same text, and a reply needs room too. The framing of the prompt is the same for
every preset; only where it is cut changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.settings import FallbackSettings

DEFAULT_PRESET = "chat"


@dataclass(frozen=True)
class Preset:
    """One destination: ``name`` (for settings and ``--for``), a ``label`` for menus, the
    token size of one part, and a one-line description."""

    name: str
    label: str
    part_tokens: int
    description: str


# Fixed sizes and where they come from (the chat and api sizes come from the settings).
#: Claude.ai: a 200k-token context window (Anthropic's model documentation); a long paste
#: becomes a "pasted text" attachment that counts against it. Claude's tokenizer makes roughly
#: a fifth more tokens than o200k for English, and the conversation and reply need room, so one
#: part is a fifth of the window.
CLAUDE_PART_TOKENS = 40_000
#: Gemini app: 32k tokens of context for the free tier (Google's Gemini Apps help page; the
#: paid tier has far more); three quarters of it leaves room for the reply.
GEMINI_PART_TOKENS = 24_000
#: A local model (Ollama, LM Studio, llama.cpp): Ollama gives a 4k-token context by default on
#: machines with less than 24 GiB of video memory (Ollama's "Context length" documentation),
#: LM Studio loads models with 4096 too; 3000 leaves about a thousand tokens to answer.
LOCAL_PART_TOKENS = 3_000


def presets(settings: FallbackSettings | None = None) -> list[Preset]:
    """Every preset, ``chat`` first; ``chat`` and ``api`` sized by ``settings``
    (``[fallback] chat_part_tokens`` and ``max_tokens``; their defaults without settings)."""
    from desktop_app.settings import FallbackSettings

    current = settings if settings is not None else FallbackSettings()
    return [
        Preset(
            "chat",
            "ChatGPT message",
            current.chat_part_tokens,
            "one ChatGPT message per part (setting fallback.chat_part_tokens)",
        ),
        Preset(
            "api",
            "OpenAI API",
            current.max_tokens,
            "a model's context through the API (setting fallback.max_tokens)",
        ),
        Preset("claude", "Claude", CLAUDE_PART_TOKENS, "one Claude.ai message per part"),
        Preset("gemini", "Gemini", GEMINI_PART_TOKENS, "one Gemini app message per part"),
        Preset(
            "local",
            "Local model",
            LOCAL_PART_TOKENS,
            "a local model with a 4k-token context (Ollama, LM Studio)",
        ),
    ]


def preset_names() -> tuple[str, ...]:
    return tuple(p.name for p in presets())


def find_preset(name: str, settings: FallbackSettings | None = None) -> Preset:
    """The preset called ``name`` (any case); ValueError naming the presets otherwise."""
    wanted = name.strip().lower()
    for preset in presets(settings):
        if preset.name == wanted:
            return preset
    known = ", ".join(preset_names())
    raise ValueError(f"there is no size preset {name!r}; choose one of {known}")

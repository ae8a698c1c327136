"""Scrub secrets from text before it reaches a log file, a stored error or the screen.

Two layers: patterns for anything shaped like a key or token (``sk-...``, ``Bearer ...``,
``api_key=...``), and the exact value of every key this process has been given
(:func:`remember_secret`, called where the key is read: ``core/credentials.py``), whatever its
shape (a gateway, Azure or proxy key), together with the masked forms servers echo back
(``gw_l****WXYZ``, ``...WXYZ``).
"""

from __future__ import annotations

import logging
import re
import threading

_PATTERNS = (
    # OpenAI-style keys: sk-..., sk-proj-..., sk-svcacct-..., and similar prefixed tokens.
    re.compile(r"\b(sk|rk|pk)-[A-Za-z0-9_-]{8,}"),
    # Bearer tokens in echoed headers.
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    # key=value pairs that name a key or token.
    re.compile(r"(?i)((?:api[_-]?key|token|secret|password)[\"']?\s*[:=]\s*[\"']?)[^\s\"',;]{4,}"),
)

REDACTED = "[REDACTED]"

#: Shorter values are not remembered: replacing them would garble ordinary text.
MIN_SECRET_LENGTH = 8

_lock = threading.Lock()
_known: tuple[str, ...] = ()
_masked: re.Pattern[str] | None = None


def remember_secret(value: str | None) -> None:
    """Redact ``value`` (and its masked, last-4 forms) from everything written from now on."""
    global _known, _masked
    value = (value or "").strip()
    if len(value) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if value in _known:
            return
        # Longest first, so a key that contains another is replaced whole.
        _known = tuple(sorted({*_known, value}, key=len, reverse=True))
        tails = "|".join(re.escape(k[-4:]) for k in _known)
        # A masked echo: a few visible characters, a run of '*' or '.', then the last four.
        _masked = re.compile(rf"[^\s\"',;:]*(?:\*{{3,}}|\.{{3,}}|…)(?:{tails})\b")


def redact(text: str) -> str:
    """Return ``text`` with anything that looks like an API key or token replaced."""
    for secret in _known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    if _masked is not None:
        text = _masked.sub(REDACTED, text)
    text = _PATTERNS[0].sub(REDACTED, text)
    text = _PATTERNS[1].sub(lambda m: m.group(1) + REDACTED, text)
    return _PATTERNS[2].sub(lambda m: m.group(1) + REDACTED, text)


class RedactingFilter(logging.Filter):
    """A handler filter that redacts the fully formatted message (arguments included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True

"""Scrub secrets from text before it reaches a log file, a stored error or the screen."""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    # OpenAI-style keys: sk-..., sk-proj-..., sk-svcacct-..., and similar prefixed tokens.
    re.compile(r"\b(sk|rk|pk)-[A-Za-z0-9_-]{8,}"),
    # Bearer tokens in echoed headers.
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    # key=value pairs that name a key or token.
    re.compile(r"(?i)((?:api[_-]?key|token|secret|password)[\"']?\s*[:=]\s*[\"']?)[^\s\"',;]{4,}"),
)

REDACTED = "[REDACTED]"


def redact(text: str) -> str:
    """Return ``text`` with anything that looks like an API key or token replaced."""
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

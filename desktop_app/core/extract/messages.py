"""One plain sentence per failure kind, naming the document: for the tray, window and CLI."""

from __future__ import annotations

from desktop_app.core.errors import ExtractionError
from desktop_app.core.extract.result import Failure, FailureKind

_TEMPLATES: dict[FailureKind, str] = {
    FailureKind.ENCRYPTED: (
        "{name} is password-protected; open it, remove the password and try again."
    ),
    FailureKind.CORRUPT: "{name} is damaged or incomplete and cannot be read.",
    FailureKind.NO_TEXT: (
        "No text found in {name}: it has no text layer and OCR read no words in it (a photo "
        "or a drawing?); attach it as an image instead."
    ),
    FailureKind.EMPTY: "{name} is empty: there is no text in it.",
    FailureKind.UNSUPPORTED: "AttachGuard cannot read text from {name}: it is {what}.",
    FailureKind.TOO_LARGE: "{name} is too large to turn into text here.",
    FailureKind.BOMB: (
        "{name} was refused: its content expands to an unsafe size (a possible decompression "
        "or XML bomb)."
    ),
    FailureKind.ENTITIES: (
        "{name} was refused: it contains XML entity declarations, which are refused for safety."
    ),
    FailureKind.TIMEOUT: "Reading {name} took too long and was stopped.",
    FailureKind.CANCELLED: (
        "Reading {name} was cancelled; the pages already read are kept for the next try."
    ),
    FailureKind.MEMORY: "Reading {name} needed too much memory and was stopped.",
    FailureKind.FAILED: "Text could not be extracted from {name}.",
}


def user_message(failure: Failure, name: str) -> str:
    """The sentence for ``failure`` of the document called ``name``."""
    what = failure.detail or "of a type it does not know"
    return _TEMPLATES[failure.kind].format(name=name, what=what)


def to_error(failure: Failure, name: str) -> ExtractionError:
    return ExtractionError(user_message(failure, name), kind=failure.kind.value)

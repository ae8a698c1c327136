"""The records extraction produces: :class:`Extraction` (success) and :class:`Failure` (why not).

Both cross the process boundary between the app and the sandboxed worker, so they are plain
frozen dataclasses of picklable values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class FailureKind(StrEnum):
    """Why text could not be extracted; the values are ``ExtractionError.kind``."""

    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    NO_TEXT = "no_text"
    EMPTY = "empty"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    BOMB = "bomb"
    ENTITIES = "entities"  # XML entity/DTD declarations: refused before any parser sees them
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"  # the user stopped it; pages already OCR'd are kept for next time
    MEMORY = "memory"
    FAILED = "failed"


@dataclass(frozen=True)
class Extraction:
    """A document's text as Markdown, with what a prompt needs to describe it."""

    markdown: str
    kind: str  # format family: "pdf", "docx", "pptx", "sheet", "html", "text", ...
    mime_type: str
    units: int | None = None  # pages / sheets / slides, when the format has them
    unit_name: str | None = None  # "page", "sheet", "slide", "chapter", "cell"
    truncated: bool = False
    warnings: tuple[str, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # pages (1-based) whose text came from OCR
    low_confidence_pages: tuple[int, ...] = ()  # OCR'd pages that read poorly

    def with_warning(self, warning: str) -> Extraction:
        return replace(self, warnings=(*self.warnings, warning))

    def to_json(self) -> dict[str, Any]:
        return {
            "markdown": self.markdown,
            "kind": self.kind,
            "mime_type": self.mime_type,
            "units": self.units,
            "unit_name": self.unit_name,
            "truncated": self.truncated,
            "warnings": list(self.warnings),
            "ocr_pages": list(self.ocr_pages),
            "low_confidence_pages": list(self.low_confidence_pages),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            markdown=str(data["markdown"]),
            kind=str(data["kind"]),
            mime_type=str(data["mime_type"]),
            units=None if data.get("units") is None else int(data["units"]),
            unit_name=None if data.get("unit_name") is None else str(data["unit_name"]),
            truncated=bool(data.get("truncated", False)),
            warnings=tuple(str(w) for w in data.get("warnings", ())),
            ocr_pages=tuple(int(n) for n in data.get("ocr_pages", ())),
            low_confidence_pages=tuple(int(n) for n in data.get("low_confidence_pages", ())),
        )


@dataclass(frozen=True)
class Failure:
    """A handled extraction failure: ``kind`` plus an optional technical detail (for the log)."""

    kind: FailureKind
    detail: str = ""


class ExtractFailed(Exception):
    """Raised by extractors (inside the worker) for a handled failure of a known kind."""

    def __init__(self, kind: FailureKind, detail: str = "") -> None:
        super().__init__(detail or kind.value)
        self.failure = Failure(kind, detail)


@dataclass(frozen=True)
class Limits:
    """Caps applied while extracting; generous for real documents, fatal for hostile ones."""

    max_input_bytes: int = 512 * 1024 * 1024
    max_output_chars: int = 20_000_000
    max_rows_per_sheet: int = 5_000
    max_columns: int = 200
    max_zip_members: int = 20_000
    max_zip_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_zip_ratio: float = 200.0  # above this compression ratio (and > 1 MB) a member is a bomb

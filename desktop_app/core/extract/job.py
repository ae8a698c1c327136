"""What one extraction request carries beyond the file, and what it reports back while it runs.

:class:`OcrOptions` (languages, parallel pages, resolution) come from the ``[ocr]`` settings.
Progress of a long extraction (OCR) goes page by page from the worker to whoever waits: the
worker sends a :class:`PageText` for each page it finishes; the app counts them for a progress
bar and keeps them, so a cancelled or interrupted job can hand them back as ``resume`` and
start where it stopped. Inside the worker, the job of the current request is reached with
:func:`current_job` (set by the worker's loop), so extractors keep their plain signature.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


def default_workers() -> int:
    """Pages OCR'd at once: one core is left for the app and the desktop."""
    return max(1, (os.cpu_count() or 1) - 1)


@dataclass(frozen=True)
class OcrOptions:
    """How to OCR; ``languages`` are Tesseract codes ("eng", "fra"), tried together."""

    enabled: bool = True
    languages: tuple[str, ...] = ("eng",)
    workers: int = 1
    dpi: int = 300  # PDF pages without a text layer are rendered at this resolution
    tessdata_dir: str | None = None  # more .traineddata files (or a system tessdata folder)

    def to_json(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "languages": list(self.languages),
            "workers": self.workers,
            "dpi": self.dpi,
            "tessdata_dir": self.tessdata_dir,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> OcrOptions:
        if not data:
            return cls()
        folder = data.get("tessdata_dir")
        return cls(
            enabled=bool(data.get("enabled", True)),
            languages=tuple(str(code) for code in data.get("languages", ("eng",))) or ("eng",),
            workers=max(1, int(data.get("workers", 1))),
            dpi=min(600, max(72, int(data.get("dpi", 300)))),
            tessdata_dir=None if folder is None else str(folder),
        )


@dataclass(frozen=True)
class PageText:
    """One page's text as extracted, with its OCR confidence (``None``: text layer, no OCR)."""

    number: int  # 1-based
    text: str
    confidence: float | None = None
    found_text: bool = True  # False: OCR read no trustworthy words on this page

    @property
    def ocr(self) -> bool:
        return self.confidence is not None

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "confidence": self.confidence,
                "found_text": self.found_text}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PageText:
        confidence = data.get("confidence")
        return cls(
            number=int(data["number"]),
            text=str(data["text"]),
            confidence=None if confidence is None else float(confidence),
            found_text=bool(data.get("found_text", True)),
        )


@dataclass(frozen=True)
class Progress:
    """How far a document is: ``done`` of ``total`` pages (``page`` is the one just finished)."""

    done: int
    total: int
    page: PageText | None = None


@dataclass
class Job:
    """What one request in the worker knows beyond the file: OCR options, pages already done
    in an earlier attempt, and where to report finished pages."""

    ocr: OcrOptions = field(default_factory=OcrOptions)
    resume: Mapping[int, PageText] = field(default_factory=dict)
    report: Callable[[Progress], None] = lambda progress: None


_CURRENT: ContextVar[Job | None] = ContextVar("extract_job", default=None)


def current_job() -> Job:
    return _CURRENT.get() or Job()


@contextlib.contextmanager
def running(job: Job) -> Iterator[Job]:
    token = _CURRENT.set(job)
    try:
        yield job
    finally:
        _CURRENT.reset(token)

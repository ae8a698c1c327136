"""Choosing part of a document for the prompt: "pages 3-10,12", or "sheet Q3 only".

:class:`PageSelection` holds page (or slide) numbers parsed from what a user types; the
functions here cut an :class:`Extraction` down to the chosen pages, slides or sheet, using the
markers the extractors write (``<!-- Page N of T -->``, ``## Slide N``, ``## Sheet: NAME``).
Each failure is one sentence that says what exists to choose from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop_app.core.extract import Extraction

_PAGE = re.compile(r"^<!-- Page (\d+)(?: of \d+)?(?:: [^>]*)? -->$", re.MULTILINE)
_SLIDE = re.compile(r"^## Slide (\d+)\b.*$", re.MULTILINE)
_SHEET = re.compile(r"^## Sheet: (.+)$", re.MULTILINE)
_RANGE = re.compile(r"^(\d+)\s*(?:[-\u2013\u2014]\s*(\d*))?$")
_MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class PageSelection:
    """Pages (or slides) chosen by number: ``ranges`` of (first, last), 1-based, inclusive;
    ``last`` None means "to the end"."""

    ranges: tuple[tuple[int, int | None], ...]

    @classmethod
    def parse(cls, text: str) -> PageSelection:
        """ "3-10,12", "5-" (to the end) or "7"; ValueError with one sentence otherwise."""
        cleaned = text.strip().lower().removeprefix("pages").removeprefix("page").strip()
        if not cleaned:
            raise ValueError("no pages given: write them like 3-10,12")
        ranges: list[tuple[int, int | None]] = []
        for item in cleaned.replace(";", ",").split(","):
            match = _RANGE.match(item.strip())
            if match is None:
                raise ValueError(f"{item.strip()!r} is not a page or a range like 3-10")
            first = int(match.group(1))
            last: int | None = first
            if match.group(2) is not None:
                last = int(match.group(2)) if match.group(2) else None
            if first < 1:
                raise ValueError("page numbers start at 1")
            if last is not None and last < first:
                raise ValueError(f"{first}-{last} runs backwards: write {last}-{first}")
            if first > _MAX_PAGE or (last or 0) > _MAX_PAGE:
                raise ValueError(f"{item.strip()!r} is beyond any document's pages")
            ranges.append((first, last))
        return cls(tuple(ranges))

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and any(
            first <= number and (last is None or number <= last) for first, last in self.ranges
        )

    def __str__(self) -> str:
        """The selection as :meth:`parse` reads it back: "3-10,12,20-"."""
        return ",".join(
            str(a) if a == b else f"{a}-{'' if b is None else b}" for a, b in self.ranges
        )

    def describe(self, unit: str = "page") -> str:
        """ "pages 3-10, 12" (or slides)."""
        spans = [str(a) if a == b else f"{a}\u2013{b or ''}" for a, b in self.ranges]
        single = len(self.ranges) == 1 and self.ranges[0][0] == self.ranges[0][1]
        return f"{unit}{'' if single else 's'} {', '.join(spans)}"


def select_pages(extraction: Extraction, name: str, pages: PageSelection) -> Extraction:
    """Only the chosen pages of a PDF or scan, or slides of a presentation."""
    unit = extraction.unit_name or ""
    marker = _PAGE if unit == "page" else _SLIDE if unit == "slide" else None
    if marker is None:
        what = "a spreadsheet" if unit == "sheet" else "this kind of document"
        raise ValueError(
            f"{name} has no pages to choose from: a page selection works for PDFs, scans and "
            f"presentations, not {what}"
        )
    sections = _sections(extraction.markdown, marker)
    chosen = [(key, text) for key, text in sections if int(key) in pages]
    if not chosen:
        total = extraction.units or len(sections)
        described = pages.describe(unit)
        verb = "is" if described.startswith(f"{unit} ") else "are"
        units = unit if total == 1 else f"{unit}s"
        raise ValueError(f"{name} has {total} {units}; {described} {verb} not in it")
    numbers = {int(key) for key, _ in chosen}
    return replace(
        extraction,
        markdown="\n\n".join(text for _, text in chosen).strip() + "\n",
        ocr_pages=tuple(n for n in extraction.ocr_pages if n in numbers),
        low_confidence_pages=tuple(n for n in extraction.low_confidence_pages if n in numbers),
    )


def select_sheet(extraction: Extraction, name: str, sheet: str) -> tuple[Extraction, str]:
    """Only the sheet called ``sheet`` (any case) of a workbook, and its name as the workbook
    spells it; a CSV file is one sheet named after the file."""
    wanted = sheet.strip().casefold()
    if extraction.kind == "csv":
        own = name.rsplit(".", 1)[0]
        if wanted in (own.casefold(), name.casefold()):
            return extraction, own
        raise ValueError(f"{name} has one sheet, {own!r}; there is no sheet {sheet!r}")
    if extraction.unit_name != "sheet":
        raise ValueError(f"{name} has no sheets: choosing a sheet works for spreadsheets")
    sections = _sections(extraction.markdown, _SHEET)
    for key, text in sections:
        if key.strip().casefold() == wanted:
            return replace(extraction, markdown=text.strip() + "\n"), key.strip()
    names = ", ".join(repr(key.strip()) for key, _ in sections)
    raise ValueError(f"{name} has no sheet {sheet!r}; its sheets are {names}")


def _sections(markdown: str, marker: re.Pattern[str]) -> list[tuple[str, str]]:
    """(the marker's number or name, the text from that marker to the next)."""
    matches = list(marker.finditer(markdown))
    return [
        (m.group(1), markdown[m.start() : matches[n + 1].start() if n + 1 < len(matches) else None])
        for n, m in enumerate(matches)
    ]

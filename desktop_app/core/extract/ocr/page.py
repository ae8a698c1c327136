"""One picture in, one page of text out: prepare, recognise, and turn the page if needed.

Orientation is only questioned when the page's lines look vertical (then Tesseract's
orientation detector is asked first, and only its 90/270 answers are used) or the first reading
is weak; a turned reading is kept only if it reads better than the page as it is. Asking it on
every page (or trusting it blindly) costs time and turns some correct pages upside down. Small
skew (a few degrees) is left to Tesseract's layout analysis, which follows tilted lines.

Tesseract's automatic layout sometimes takes a narrow column of short items (the numbers of a
numbered list) for one line of vertical text and reads it as gibberish; when a page has such a
line, it is read again as a single column, which keeps each number on its row.
"""

from __future__ import annotations

import statistics

from PIL import Image

from desktop_app.core.extract.job import PageText
from desktop_app.core.extract.markdown import page_marker
from desktop_app.core.extract.ocr.engine import Engine, Line
from desktop_app.core.extract.ocr.layout import PageReading, compose
from desktop_app.core.extract.ocr.prepare import looks_sideways, prepare, rotate

_STRONG_WORDS = 12
#: A single-column reading replaces the automatic one unless it reads clearly worse.
_COLUMN_KEEP = 0.9
_STRONG_CONFIDENCE = 80.0
LOW_CONFIDENCE = 90.0  # mean word confidence; clean pages, photos and screenshots read 94-97


def _read(engine: Engine, image: Image.Image, dpi: int) -> PageReading:
    lines = engine.read(image, dpi)
    reading = compose(lines)
    if any(_vertical(line, lines) for line in lines):
        column = compose(engine.read(image, dpi, single_column=True))
        if _score(column) >= _COLUMN_KEEP * _score(reading):
            return column
    return reading


def _vertical(line: Line, lines: list[Line]) -> bool:
    """A line far taller than wide, and taller than several lines of the page."""
    left, top, right, bottom = line.box
    height = bottom - top
    typical = statistics.median(x.box[3] - x.box[1] for x in lines)
    return height > 3 * max(right - left, 1) and height > 3 * typical


def read_page(engine: Engine, image: Image.Image, number: int) -> PageText:
    ready, dpi = prepare(image)
    turn = engine.orientation(ready, dpi) if looks_sideways(ready) else None
    if turn in (90, 270):
        reading = _read(engine, rotate(ready, turn), dpi)
        if _weak(reading):  # dense small text can look sideways: check the page as it is
            reading = max(reading, _read(engine, ready, dpi), key=_score)
    else:
        reading = _read(engine, ready, dpi)
        if _weak(reading):
            turn = engine.orientation(ready, dpi) if turn is None else turn
            if turn:
                turned = _read(engine, rotate(ready, turn), dpi)
                reading = max(reading, turned, key=_score)
    if not reading.has_text:
        return PageText(number, "", confidence=reading.confidence, found_text=False)
    return PageText(number, reading.text, confidence=round(reading.confidence, 1))


def _weak(reading: PageReading) -> bool:
    return reading.solid_words < _STRONG_WORDS or reading.confidence < _STRONG_CONFIDENCE


def _score(reading: PageReading) -> float:
    return reading.solid_words * reading.confidence


def marker(page: PageText, total: int) -> str:
    """The page's marker comment, saying it was OCR'd (and when OCR was unsure)."""
    plain = page_marker(page.number, total)
    if not page.ocr:
        return plain
    note = "OCR, low confidence" if (page.confidence or 0) < LOW_CONFIDENCE else "OCR"
    return plain.removesuffix(" -->") + f": {note} -->"

"""One picture in, one page of text out: prepare, recognise, and turn the page if needed.

Orientation is only questioned when the first reading is weak: then Tesseract's orientation
detector is asked, and its answer is kept only if the turned page reads better. Asking it on
every page (or trusting it blindly) costs time and turns some correct pages upside down. Small
skew (a few degrees) is left to Tesseract's layout analysis, which follows tilted lines.
"""

from __future__ import annotations

from PIL import Image

from desktop_app.core.extract.job import PageText
from desktop_app.core.extract.markdown import page_marker
from desktop_app.core.extract.ocr.engine import Engine
from desktop_app.core.extract.ocr.layout import PageReading, compose
from desktop_app.core.extract.ocr.prepare import prepare, rotate

_STRONG_WORDS = 12
_STRONG_CONFIDENCE = 80.0
LOW_CONFIDENCE = 70.0  # a page below this mean word confidence is flagged in the prompt


def read_page(engine: Engine, image: Image.Image, number: int) -> PageText:
    ready = prepare(image)
    reading = compose(engine.read(ready))
    if reading.solid_words < _STRONG_WORDS or reading.confidence < _STRONG_CONFIDENCE:
        turn = engine.orientation(ready)
        if turn:
            turned = compose(engine.read(rotate(ready, turn)))
            if _score(turned) > _score(reading):
                reading = turned
    if not reading.has_text:
        return PageText(number, "", confidence=reading.confidence, found_text=False)
    return PageText(number, reading.text, confidence=round(reading.confidence, 1))


def _score(reading: PageReading) -> float:
    return reading.solid_words * reading.confidence


def marker(page: PageText, total: int) -> str:
    """The page's marker comment, saying it was OCR'd (and when OCR was unsure)."""
    plain = page_marker(page.number, total)
    if not page.ocr:
        return plain
    note = "OCR, low confidence" if (page.confidence or 0) < LOW_CONFIDENCE else "OCR"
    return plain.removesuffix(" -->") + f": {note} -->"

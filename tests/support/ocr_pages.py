"""Generated OCR test material: pages of known words, rendered with Pillow and then degraded the
way real scans, photos and screenshots are (rotation, blur, JPEG, low resolution, dark mode).

Used by ``tests/core/test_ocr*.py`` and ``benchmarks/ocr.py``; the words on every page are
known, so word-level recall can be measured. Text is drawn with DejaVu Sans, which CI installs
(``fonts-dejavu-core``).
"""

from __future__ import annotations

import io
import random
import re
from collections import Counter
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

_WORDS = (
    "agreement tenant landlord payment monthly deposit property address signature witness "
    "contract clause notice period terminate renewal schedule invoice amount balance account "
    "committee meeting October quarterly report revenue growth customer service delivery order "
    "shipment warehouse inventory supplier quality review approval manager director budget "
    "forecast project milestone deadline release version update security password network "
    "server database backup restore error warning message dialog button window settings "
    "garden river mountain village harbour morning evening summer winter library museum "
    "station ticket journey weather history science language number letter simple careful"
)
_VOCABULARY = _WORDS.split()


def words(count: int, seed: int) -> list[str]:
    """``count`` dictionary words, reproducibly chosen by ``seed``."""
    rng = random.Random(seed)
    return [rng.choice(_VOCABULARY) for _ in range(count)]


def _font(size: int, serif: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(SERIF if serif else FONT), size)


def text_page(
    text_words: list[str],
    *,
    dpi: int = 300,
    point_size: float = 11.0,
    width_in: float = 8.27,
    height_in: float = 11.69,
    serif: bool = True,
) -> Image.Image:
    """An A4 page (greyscale, white) with ``text_words`` set in lines at ``point_size``."""
    width, height = int(width_in * dpi), int(height_in * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = _font(max(6, round(point_size * dpi / 72)), serif)
    margin = int(0.9 * dpi)
    line_height = int(point_size * dpi / 72 * 1.5)
    _flow(draw, font, text_words, margin, margin, width - margin, height - margin, line_height)
    return page


def _flow(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont,
    text_words: list[str],
    left: int,
    top: int,
    right: int,
    bottom: int,
    line_height: int,
    fill: int | tuple[int, ...] = 0,
) -> int:
    """Set words in lines between ``left`` and ``right``; return how many fitted."""
    x, y = left, top
    space = draw.textlength(" ", font=font)
    for index, word in enumerate(text_words):
        advance = draw.textlength(word, font=font)
        if x + advance > right and x > left:
            x, y = left, y + line_height
        if y + line_height > bottom:
            return index
        draw.text((x, y), word, font=font, fill=fill)
        x += int(advance + space)
    return len(text_words)


def lines_page(lines: list[str], *, dpi: int = 300, px: int = 40) -> Image.Image:
    """Half an A4 page with one given text per line (a list, a form), left-aligned."""
    width, height = int(8.27 * dpi), int(5.5 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = _font(px, serif=True)
    y = int(0.6 * dpi)
    for text in lines:
        draw.text((int(0.7 * dpi), y), text, font=font, fill=0)
        y += 2 * px
    return page


def two_columns(left_words: list[str], right_words: list[str], *, dpi: int = 300) -> Image.Image:
    """A page with two columns of text: reading order is all of the left, then the right."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = _font(round(11 * dpi / 72), serif=True)
    margin, gutter = int(0.8 * dpi), int(0.5 * dpi)
    column = (width - 2 * margin - gutter) // 2
    line = int(11 * dpi / 72 * 1.5)
    _flow(draw, font, left_words, margin, margin, margin + column, height - margin, line)
    right = margin + column + gutter
    _flow(draw, font, right_words, right, margin, right + column, height - margin, line)
    return page


def table(rows: list[list[str]], *, dpi: int = 300) -> Image.Image:
    """A ruled table: every row's cells must come out on one line, in order."""
    width, height = int(8.27 * dpi), int(4 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = _font(round(11 * dpi / 72))
    margin, cell_w, cell_h = int(0.6 * dpi), int(2.2 * dpi), int(0.45 * dpi)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            x, y = margin + c * cell_w, margin + r * cell_h
            draw.rectangle((x, y, x + cell_w, y + cell_h), outline=0, width=3)
            draw.text((x + cell_h // 4, y + cell_h // 5), cell, font=font, fill=0)
    return page


def screenshot(text_words: list[str], *, dark: bool = False, scale: int = 1) -> Image.Image:
    """A 1280x800 application window: small sans-serif text (13 px), light or dark theme, RGB."""
    size = (1280 * scale, 800 * scale)
    background, ink, bar = ((30, 30, 30), (220, 220, 220), (50, 50, 55))
    if not dark:
        background, ink, bar = (250, 250, 250), (20, 20, 20), (225, 225, 230)
    shot = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(shot)
    draw.rectangle((0, 0, size[0], 36 * scale), fill=bar)
    font = _font(13 * scale, serif=False)
    _flow(draw, font, text_words, 24 * scale, 60 * scale, size[0] - 24 * scale,
          size[1] - 20 * scale, 20 * scale, fill=ink)  # fmt: skip
    return shot


def photo(page: Image.Image, *, seed: int = 1) -> Image.Image:
    """A phone photo of ``page``: uneven light, a small tilt, blur, noise, JPEG, RGB."""
    rng = random.Random(seed)
    rgb = page.convert("RGB")
    tilted = rgb.rotate(rng.uniform(-2.5, 2.5), resample=Image.Resampling.BICUBIC, expand=True,
                        fillcolor=(120, 110, 100))  # fmt: skip
    shade = Image.linear_gradient("L").resize(tilted.size).point(lambda v: 200 + v * 55 // 255)
    lit = Image.composite(tilted, Image.new("RGB", tilted.size, (0, 0, 0)), shade)
    lit = Image.blend(lit, Image.new("RGB", lit.size, (255, 240, 220)), 0.08)
    blurred = lit.filter(ImageFilter.GaussianBlur(1.2))
    return jpeg(blurred, quality=70).convert("RGB")


def degrade(page: Image.Image, *, blur: float = 0.0, quality: int | None = None) -> Image.Image:
    """Blur and/or JPEG-compress a page, as a cheap office scanner does."""
    out = page.filter(ImageFilter.GaussianBlur(blur)) if blur else page
    return jpeg(out, quality) if quality else out


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        decoded.load()
        return decoded.copy()


def image_pdf(pages: list[Image.Image], path: Path, *, dpi: int = 300) -> Path:
    """An image-only PDF (what a scanner writes): one embedded picture per page, no text."""
    first, *rest = [p.convert("RGB") if p.mode not in ("L", "RGB") else p for p in pages]
    first.save(path, format="PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return path


_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÿ]+")


def recall(expected: list[str], text: str) -> float:
    """Word-level recall: the share of expected words (with multiplicity) found in ``text``."""
    want = Counter(w.lower() for w in expected)
    got = Counter(w.lower() for w in _TOKEN.findall(text))
    found = sum(min(n, got[w]) for w, n in want.items())
    return found / max(1, sum(want.values()))

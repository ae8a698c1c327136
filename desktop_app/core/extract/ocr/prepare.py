"""Turn a picture into what Tesseract reads best: upright, greyscale, dark text on a light
background, with text lines of a comfortable height.

* EXIF orientation is applied (phones store pictures sideways and say so in EXIF; Tesseract
  ignores it).
* Transparent pixels are laid on a background that contrasts with the opaque content, so white
  text on a transparent PNG stays readable.
* Light-on-dark pictures (dark-mode screenshots, terminals) are inverted.
* The typical height of a text line is measured from the rows that hold ink, and the picture is
  scaled so the body of a line (about its x-height plus a bit) is 10-20 pixels high: small
  screenshot text is enlarged (Tesseract misreads tiny x-heights) and oversized scans are
  reduced (time grows with pixels, accuracy does not).
"""

from __future__ import annotations

import statistics

from PIL import Image, ImageOps, ImageStat

MAX_OCR_PIXELS = 30_000_000  # after scaling; bounds Tesseract's time and memory per page
_SMALL_LINE = 10  # measured core height of a text line (px) below which text is enlarged ...
_LARGE_LINE = 20  # ... and above which the picture is reduced
_TARGET_SMALL = 18
_TARGET_LARGE = 17
_MAX_UPSCALE = 4.0
_BODY_AT_300_DPI = 28.0
_SIDEWAYS_RATIO = 1.3
_MEASURE_SIDE = 1600


def prepare(image: Image.Image) -> tuple[Image.Image, int]:
    """A greyscale copy of ``image``, upright, dark on light, scaled for recognition, and the
    resolution its text now corresponds to (body text measures about 28 px at 300 dpi)."""
    upright = ImageOps.exif_transpose(image) or image
    grey = _flatten(upright)
    if _median(grey) < 110:
        grey = ImageOps.invert(grey)
    height = line_height(grey)
    ready = rescale(grey, height)
    if height is None:
        return ready, 300
    scaled = height * ready.height / grey.height
    return ready, int(min(600, max(70, 300 * scaled / _BODY_AT_300_DPI)))


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("1", "L"):
        return image.convert("L")
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode == "LAB":
        return image.getchannel("L")  # the lightness channel is the greyscale picture
    if image.mode == "La":
        image = image.convert("LA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa"):
        rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        low, _ = alpha.getextrema()
        if isinstance(low, (int, float)) and low < 255:
            opaque = rgba.convert("L")
            content = ImageStat.Stat(opaque, mask=alpha.point(lambda a: 255 if a > 128 else 0))
            light_content = bool(content.count[0]) and content.mean[0] > 128
            back = Image.new("RGBA", rgba.size, (0, 0, 0, 255) if light_content else (255,) * 4)
            return Image.alpha_composite(back, rgba).convert("L")
        return rgba.convert("L")
    if image.mode.startswith("I;16") or image.mode == "I":  # 16-bit scans (TIFF, PNG)
        return image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("L")


def line_height(grey: Image.Image) -> float | None:
    """Median height in pixels of runs of rows holding ink, over vertical strips (so columns
    and a slight skew do not merge lines); ``None`` for a page with no lines."""
    ink, factor = _ink(grey)
    runs = [r for r in _row_runs(ink) if r >= 3]
    if len(runs) < 3:
        return None
    return statistics.median(runs) / factor


def looks_sideways(grey: Image.Image) -> bool:
    """Whether the text lines seem to run top to bottom: ink then gap alternates far more
    often along the page's width than along its height. Cheap (a few ms), so the orientation
    detector (a third of a page's OCR time) runs only when this or a weak reading says so."""
    ink, _ = _ink(grey)
    along_height = len(_row_runs(ink))
    along_width = len(_row_runs(ink.transpose(Image.Transpose.ROTATE_90)))
    return along_width > _SIDEWAYS_RATIO * max(along_height, 1)


def _ink(grey: Image.Image) -> tuple[Image.Image, float]:
    """A reduced copy with ink 255 and paper 0, and the reduction factor."""
    factor = min(1.0, _MEASURE_SIDE / max(grey.size))
    small = grey
    if factor < 1.0:
        size = (max(1, round(grey.width * factor)), max(1, round(grey.height * factor)))
        small = grey.resize(size, Image.Resampling.BOX)
    cut = _median(small) * 0.65
    return small.point(lambda v: 255 if v < cut else 0), factor


def _row_runs(ink: Image.Image, strips: int = 8) -> list[int]:
    runs: list[int] = []
    for index in range(strips):
        left = index * ink.width // strips
        right = max(left + 1, (index + 1) * ink.width // strips)
        profile = ink.crop((left, 0, right, ink.height)).resize(
            (1, ink.height), Image.Resampling.BOX
        )
        run = 0
        for value in profile.tobytes():
            # Text rows have some ink (over ~2 % of the strip); a row that is mostly ink is a
            # table rule or a border, which ends a line rather than being part of one.
            if 4 < value < 150:
                run += 1
            elif run:
                runs.append(run)
                run = 0
        if run:
            runs.append(run)
    return runs


def _median(grey: Image.Image) -> float:
    return float(ImageStat.Stat(grey).median[0])


def rescale(grey: Image.Image, height: float | None) -> Image.Image:
    scale = 1.0
    if height is not None and height < _SMALL_LINE:
        scale = min(_MAX_UPSCALE, _TARGET_SMALL / max(height, 4.0))
    elif height is not None and height > _LARGE_LINE:
        scale = _TARGET_LARGE / height
    pixels = grey.width * grey.height * scale * scale
    if pixels > MAX_OCR_PIXELS:
        scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
    if abs(scale - 1.0) < 0.1:
        return grey
    size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
    method = Image.Resampling.LANCZOS if scale > 1 else Image.Resampling.BOX
    return grey.resize(size, method)


def rotate(image: Image.Image, degrees: int) -> Image.Image:
    """``image`` turned ``degrees`` counter-clockwise (undoing what the orientation detector
    reports as a clockwise turn)."""
    turns = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
             270: Image.Transpose.ROTATE_270}  # fmt: skip
    return image.transpose(turns[degrees]) if degrees in turns else image

"""Pictures as documents: PNG, JPEG, WebP, TIFF (every frame), BMP, GIF (first frame) and,
with the ``pi-heif`` decoder, HEIC/HEIF.

A picture's header is checked before any pixel is decoded: a "pixel bomb" (a few KB declaring
40000 x 40000 pixels) is refused, as are frames beyond the page limit. Pillow's own bomb guard
is set to the same size as a second line.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageFile

from desktop_app.core.extract.job import PageText, current_job
from desktop_app.core.extract.ocr.page import LOW_CONFIDENCE, marker
from desktop_app.core.extract.ocr.parallel import PageSource, missing_languages, run_pages
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits

MAX_PIXELS = 80_000_000  # a 100-megapixel phone photo is rare; 40000 x 40000 is an attack
MAX_FRAMES = 500
ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated file is an error, not a grey half-page


def extract_image(path: Path, mime: str, limits: Limits) -> Extraction:
    job = current_job()
    if not job.ocr.enabled:
        raise ExtractFailed(FailureKind.NO_TEXT, "OCR is turned off in the settings")
    _register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                frames = _frame_count(picture, mime)
                pages = run_pages(_frames(picture, frames), frames, job)
    except ExtractFailed:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ExtractFailed(FailureKind.BOMB, str(exc)) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Pillow's "cannot identify image file", "image file is truncated", broken headers
        raise ExtractFailed(FailureKind.CORRUPT, f"{type(exc).__name__}: {exc}") from exc
    return _as_extraction(pages, frames, mime, missing_languages(job))


def _frame_count(picture: Image.Image, mime: str) -> int:
    width, height = picture.size
    if width * height > MAX_PIXELS:
        raise ExtractFailed(FailureKind.BOMB, f"the picture declares {width} x {height} pixels")
    if mime != "image/tiff":
        return 1  # frames of a GIF, WebP, PNG or HEIC are animation or bursts, not pages
    frames = int(getattr(picture, "n_frames", 1) or 1)
    if frames > MAX_FRAMES:
        raise ExtractFailed(FailureKind.TOO_LARGE, f"{frames} frames")
    return frames


def _frames(picture: Image.Image, count: int) -> Iterator[PageSource]:
    for index in range(count):

        def load(index: int = index) -> Image.Image:
            picture.seek(index)
            width, height = picture.size
            if width * height > MAX_PIXELS:
                raise ExtractFailed(FailureKind.BOMB, f"frame {index + 1}: {width} x {height}")
            frame = picture.copy()
            frame.load()
            return frame

        yield index + 1, load


def _as_extraction(
    pages: dict[int, PageText], frames: int, mime: str, missing: tuple[str, ...]
) -> Extraction:
    found = [pages[n] for n in sorted(pages) if pages[n].found_text]
    if not found:
        raise ExtractFailed(FailureKind.NO_TEXT, "OCR found no text in the picture")
    low = tuple(p.number for p in found if (p.confidence or 0) < LOW_CONFIDENCE)
    warnings_: list[str] = []
    if missing:
        warnings_.append(f"no OCR model for {', '.join(missing)}; add it (see README)")
    if frames == 1:
        markdown = found[0].text
    else:
        blocks = [f"{marker(p, frames)}\n\n{p.text}" for p in found]
        markdown = "\n\n".join(blocks)
        if len(found) < frames:
            warnings_.append(f"{frames - len(found)} of {frames} pages have no readable text")
    return Extraction(
        markdown=markdown.strip() + "\n",
        kind="image",
        mime_type=mime,
        units=frames if frames > 1 else None,
        unit_name="page" if frames > 1 else None,
        warnings=tuple(warnings_),
        ocr_pages=tuple(p.number for p in found),
        low_confidence_pages=low,
    )


def _register_heif() -> None:
    with contextlib.suppress(ImportError):
        from pi_heif import register_heif_opener

        register_heif_opener()

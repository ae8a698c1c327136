"""The OCR engine: Tesseract 5 (LSTM) through ``tesserocr``, which bundles libtesseract.

Models are the ``tessdata_fast`` files shipped in ``desktop_app/resources/tessdata`` (found with
``importlib.resources``), plus any in the ``[ocr] tessdata_dir`` setting; nothing is downloaded.
One Tesseract instance per thread (instances are not thread-safe, but recognition releases the
GIL, so threads give real parallelism). OpenMP is held to one thread per page: on a small
machine Tesseract's own threads are several times slower than one page per core.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from PIL import Image

from desktop_app.core.extract.job import OcrOptions
from desktop_app.core.extract.result import ExtractFailed, FailureKind

log = logging.getLogger(__name__)

_OSD_MIN_CONFIDENCE = 2.0  # below this Tesseract's orientation guess is no better than chance


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float  # 0-100
    box: tuple[int, int, int, int]  # left, top, right, bottom in the image given to the engine


@dataclass(frozen=True)
class Line:
    block: int  # Tesseract's layout block, in its reading order
    words: tuple[Word, ...]

    @property
    def box(self) -> tuple[int, int, int, int]:
        boxes = [w.box for w in self.words]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


def bundled_tessdata() -> Path:
    folder = resources.files("desktop_app").joinpath("resources", "tessdata")
    return Path(str(folder))


class Engine:
    """Tesseract instances (one per thread) for the requested languages."""

    def __init__(self, options: OcrOptions) -> None:
        # libgomp reads this when it is loaded, so it must be set before tesserocr is imported.
        os.environ["OMP_THREAD_LIMIT"] = "1"
        self.datapath, available = _datapath(options.tessdata_dir)
        wanted = [code for code in options.languages if code in available]
        self.missing = tuple(code for code in options.languages if code not in available)
        self.languages = "+".join(dict.fromkeys(wanted)) or "eng"
        self.has_osd = "osd" in available
        self._local = threading.local()

    def read(self, image: Image.Image, dpi: int, *, single_column: bool = False) -> list[Line]:
        """The text lines Tesseract finds in ``image`` (automatic layout, or the page read as
        one column), in its reading order. ``dpi`` is what the text size corresponds to (see
        ``prepare``); without it Tesseract trusts the density the file declared (a JPEG's
        "1 dpi" loses every line)."""
        api = self._column_api() if single_column else self._api()
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        try:
            return self._lines(api) if api.Recognize() else []
        except RuntimeError:  # tesserocr's "No text returned" on a page without any
            return []
        finally:
            api.Clear()

    def _lines(self, api: Any) -> list[Line]:
        import tesserocr

        lines: list[Line] = []
        words: list[Word] = []
        block = -1
        iterator = api.GetIterator()
        if iterator is None:
            return []
        level = tesserocr.RIL.WORD
        for word in tesserocr.iterate_level(iterator, level):
            if word.IsAtBeginningOf(tesserocr.RIL.BLOCK):
                block += 1
            if word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE) and words:
                lines.append(Line(max(block, 0), tuple(words)))
                words = []
            text = word.GetUTF8Text(level)
            box = word.BoundingBox(level)
            if text and text.strip() and box is not None:
                words.append(Word(text.strip(), float(word.Confidence(level)), tuple(box)))
            if word.IsAtFinalElement(tesserocr.RIL.TEXTLINE, level) and words:
                lines.append(Line(max(block, 0), tuple(words)))
                words = []
        if words:
            lines.append(Line(max(block, 0), tuple(words)))
        return lines

    def orientation(self, image: Image.Image, dpi: int) -> int:
        """Degrees ``image`` is turned clockwise from upright (so turning it back that far
        counter-clockwise fixes it); 0 when unsure."""
        if not self.has_osd:
            return 0
        api = self._osd_api()
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        try:
            found: dict[str, Any] | None = api.DetectOrientationScript()
        except RuntimeError:
            found = None
        finally:
            api.Clear()
        if not found or float(found.get("orient_conf", 0.0)) < _OSD_MIN_CONFIDENCE:
            return 0
        return int(found.get("orient_deg", 0)) % 360

    def _api(self) -> Any:
        api = getattr(self._local, "api", None)
        if api is None:
            api = self._open(self.languages, "AUTO")
            self._local.api = api
        return api

    def _column_api(self) -> Any:
        api = getattr(self._local, "column", None)
        if api is None:
            api = self._open(self.languages, "SINGLE_COLUMN")
            self._local.column = api
        return api

    def _osd_api(self) -> Any:
        api = getattr(self._local, "osd", None)
        if api is None:
            api = self._open("osd", "OSD_ONLY")
            self._local.osd = api
        return api

    def _open(self, languages: str, mode: str) -> Any:
        import tesserocr

        try:
            return tesserocr.PyTessBaseAPI(
                path=str(self.datapath) + os.sep,
                lang=languages,
                psm=getattr(tesserocr.PSM, mode),
                oem=tesserocr.OEM.DEFAULT if mode == "OSD_ONLY" else tesserocr.OEM.LSTM_ONLY,
            )
        except RuntimeError as exc:
            raise ExtractFailed(FailureKind.FAILED, f"OCR models not usable: {exc}") from exc


@functools.lru_cache(maxsize=4)  # one merged folder per worker and setting, not per page
def _datapath(extra: str | None) -> tuple[Path, frozenset[str]]:
    """One folder with every model (Tesseract loads all languages from one place): the bundled
    one, or a folder of links to the bundled files and the user's (the user's win)."""
    bundled = bundled_tessdata()
    if not extra:
        return bundled, _languages(bundled)
    user = Path(extra).expanduser()
    if not user.is_dir():
        log.warning("the OCR tessdata_dir %s is not a folder; using the bundled models", user)
        return bundled, _languages(bundled)
    merged = Path(tempfile.mkdtemp(prefix="attachguard-tessdata-"))
    for folder in (bundled, user):
        for model in folder.glob("*.traineddata"):
            link = merged / model.name
            link.unlink(missing_ok=True)
            try:
                link.symlink_to(model.resolve())
            except OSError:  # Windows without the symlink privilege
                shutil.copyfile(model, link)
    return merged, _languages(merged)


def _languages(folder: Path) -> frozenset[str]:
    return frozenset(m.name.removesuffix(".traineddata") for m in folder.glob("*.traineddata"))

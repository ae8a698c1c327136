"""The on-disk cache of the text fallback: extracted texts, and their cleaned form.

Under ``AppPaths.extract_cache_dir``, by the document's sha256 (``ab/abcd….…``):

* ``<sha>.v<EXTRACTOR>.json``: the extraction (or a permanent failure such as "encrypted"),
  with the OCR settings it ran with;
* ``<sha>.v<EXTRACTOR>.clean<CLEANER>.json``: the cleaned Markdown of that extraction and a
  digest of the text it was cleaned from, so that it is only ever used for that very text
  (cleaning a long book takes longer than the preview may; reading it back is quick);
* ``<sha>.v<EXTRACTOR>.pages.jsonl``: pages of an unfinished OCR job (``page_cache.py``).

A file that cannot be read is ignored (and rebuilt); a full disk only costs the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from desktop_app.core.extract import EXTRACTOR_VERSION, Extraction
from desktop_app.core.extract.result import Failure, FailureKind
from desktop_app.core.fallback.clean import CLEANER_VERSION

log = logging.getLogger(__name__)

_NO_TEXT = FailureKind.NO_TEXT


def text_digest(text: str) -> str:
    """A short fingerprint of ``text`` (which raw text a cleaned file was made from)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class TextCache:
    """Cached extractions and cleaned texts of one cache folder; ``ocr_key`` names the OCR
    settings in force (results that depend on OCR are read again after a change)."""

    def __init__(self, folder: Path, ocr_key: Callable[[], str]) -> None:
        self._folder = folder
        self._ocr_key = ocr_key

    # -- extractions ----------------------------------------------------------------------

    def get(self, sha256: str) -> Extraction | Failure | None:
        try:
            data: Any = json.loads(self._file(sha256).read_text("utf-8"))
            # What OCR found (or did not) depends on the [ocr] settings it ran with: after a
            # change (OCR turned on, a language added) such results are read again.
            same_ocr = data.get("ocr") == self._ocr_key()
            if "extraction" in data:
                extraction = Extraction.from_json(data["extraction"])
                return extraction if same_ocr or not extraction.ocr_pages else None
            if "failure" in data:
                kind = FailureKind(data["failure"]["kind"])
                # The detail is part of what the user is told ("it is a binary file").
                failure = Failure(kind, str(data["failure"].get("detail") or ""))
                return failure if same_ocr or kind is not _NO_TEXT else None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring a broken text-cache file for %s: %s", sha256[:12], exc)
        return None

    def put_extraction(self, sha256: str, extraction: Extraction) -> None:
        data = {"extraction": extraction.to_json(), "ocr": self._ocr_key()}
        self._write(self._file(sha256), data)

    def put_failure(self, sha256: str, kind: FailureKind, detail: str = "") -> None:
        failure = {"kind": kind.value, "detail": detail}
        self._write(self._file(sha256), {"failure": failure, "ocr": self._ocr_key()})

    # -- cleaned texts --------------------------------------------------------------------

    def get_cleaned(self, sha256: str, raw: str, digest: str | None = None) -> str | None:
        """The cleaned form of ``raw`` (the document's extracted Markdown), if it was kept."""
        try:
            data: Any = json.loads(self._cleaned_file(sha256).read_text("utf-8"))
            if data.get("raw") != (digest or text_digest(raw)):
                return None  # cleaned from another text (another OCR run, say)
            if data.get("unchanged") is True:
                return raw
            cleaned = data["markdown"]
            return cleaned if isinstance(cleaned, str) else None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("ignoring a broken cleaned-text file for %s: %s", sha256[:12], exc)
        return None

    def put_cleaned(self, sha256: str, raw: str, cleaned: str, digest: str | None = None) -> None:
        data: dict[str, Any] = {"raw": digest or text_digest(raw)}
        if cleaned == raw:
            data["unchanged"] = True  # spreadsheets, code: no second copy of the same text
        else:
            data["markdown"] = cleaned
        self._write(self._cleaned_file(sha256), data)

    # -- files ----------------------------------------------------------------------------

    def page_file(self, sha256: str) -> Path:
        return self._folder / sha256[:2] / f"{sha256}.v{EXTRACTOR_VERSION}.pages.jsonl"

    def prune(self, keep: Collection[str]) -> int:
        """Delete cached texts of blobs not in ``keep`` (sha256s) and of older extractor or
        cleaner versions; return how many files were removed."""
        wanted = set(keep)
        removed = 0
        current = (
            f".v{EXTRACTOR_VERSION}.json",
            f".v{EXTRACTOR_VERSION}.jsonl",
            f".v{EXTRACTOR_VERSION}.clean{CLEANER_VERSION}.json",
        )
        for path in [*self._folder.glob("??/*.json"), *self._folder.glob("??/*.jsonl")]:
            sha256 = path.name.split(".", 1)[0]
            if sha256 in wanted and path.name.endswith(current):
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
        return removed

    def _file(self, sha256: str) -> Path:
        return self._folder / sha256[:2] / f"{sha256}.v{EXTRACTOR_VERSION}.json"

    def _cleaned_file(self, sha256: str) -> Path:
        name = f"{sha256}.v{EXTRACTOR_VERSION}.clean{CLEANER_VERSION}.json"
        return self._folder / sha256[:2] / name

    def _write(self, target: Path, data: dict[str, Any]) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, UnicodeError) as exc:  # a full disk must not break the fallback
            log.warning("could not cache extracted text: %s", exc)

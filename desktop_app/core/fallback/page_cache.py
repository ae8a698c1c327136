"""Pages of a long extraction (OCR of a scan) kept as they finish, so an interrupted job resumes."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from desktop_app.core.extract import PageText

log = logging.getLogger(__name__)


class PageCache:
    """Pages of one document finished so far (JSON lines, appended as they come), for resuming
    an interrupted OCR job; only pages read with the same OCR languages are reused."""

    def __init__(self, path: Path, languages: Sequence[str]) -> None:
        self._path = path
        self._languages = "+".join(languages)

    def load(self) -> list[PageText]:
        pages: list[PageText] = []
        try:
            with self._path.open(encoding="utf-8") as handle:
                for line in handle:
                    with contextlib.suppress(ValueError, KeyError, TypeError):
                        data = json.loads(line)
                        if data.get("languages") == self._languages:
                            pages.append(PageText.from_json(data))
        except FileNotFoundError:
            return []
        except OSError as exc:
            log.warning("ignoring the page cache %s: %s", self._path.name, exc)
        return pages

    def add(self, page: PageText) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with self._path.open("a", encoding="utf-8") as handle:
                record = {**page.to_json(), "languages": self._languages}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:  # resuming is a convenience: a full disk must not stop the job
            log.warning("could not keep an OCR'd page: %s", exc)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._path.unlink(missing_ok=True)

"""``TextService``: extract a document's text (sandboxed, cached) and build fallback prompts.

The facade the tray, the window and the CLI use for the text-only fallback. Extraction runs in
the worker process of :mod:`desktop_app.core.extract.sandbox`; results (and permanent failures
such as "encrypted") are cached as JSON by content hash and extractor version under
``AppPaths.extract_cache_dir``, so a second fallback for the same document skips the worker;
the cleaned text is kept there too (``text_cache.py``), and the cleaned texts and prompts of
recent documents in memory (``memo.py``), so the preview of a cached document opens at once.

Long extractions (OCR of a scan) report each finished page: callers may pass ``progress`` (a
callback taking :class:`Progress`, called on the calling thread) and ``cancel`` (an Event).
Finished pages are also kept in a per-document page cache until the document is done, so a
cancelled or interrupted job starts again where it stopped.
"""

from __future__ import annotations

import logging
import stat
import threading
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop_app.core.errors import AttachGuardError, ExtractionError, SourceError
from desktop_app.core.extract import (
    Extraction,
    ExtractionRunner,
    OcrOptions,
    Progress,
    detect_type,
)
from desktop_app.core.extract.messages import to_error
from desktop_app.core.extract.result import Failure, FailureKind
from desktop_app.core.fallback.clean import clean_markdown
from desktop_app.core.fallback.memo import SizedLru
from desktop_app.core.fallback.page_cache import PageCache
from desktop_app.core.fallback.presets import Preset, find_preset, presets
from desktop_app.core.fallback.prompt import DocumentText, FallbackPrompt, build_prompt
from desktop_app.core.fallback.selection import PageSelection, select_pages, select_sheet
from desktop_app.core.fallback.text_cache import TextCache, text_digest
from desktop_app.core.fallback.tokens import TokenCounter, default_counter
from desktop_app.core.fsutil import hash_file

if TYPE_CHECKING:
    from desktop_app.core.vault import Vault
    from desktop_app.settings import FallbackSettings

log = logging.getLogger(__name__)

_Source = TypeVar("_Source")
#: What reading one document gives: its display name, size in bytes, sha256 and text.
_Read = tuple[str, int, str, Extraction]

__all__ = ["Extraction", "FallbackPrompt", "Progress", "TextService"]

ProgressCallback = Callable[[Progress], None]

# Failures that say something about the file itself are cached; the rest (timeout, memory,
# crash) may go away on a less loaded machine or a newer version, so they are retried.
_PERMANENT = frozenset(
    {FailureKind.ENCRYPTED, FailureKind.CORRUPT, FailureKind.NO_TEXT, FailureKind.EMPTY,
     FailureKind.UNSUPPORTED, FailureKind.TOO_LARGE, FailureKind.BOMB,
     FailureKind.ENTITIES}
)  # fmt: skip


class TextService:
    """Extraction and fallback prompts for vault entries and plain files."""

    def __init__(
        self,
        vault: Vault | None,
        cache_dir: Path,
        settings: FallbackSettings,
        *,
        runner: ExtractionRunner | None = None,
        counter: TokenCounter | None = None,
        ocr: OcrOptions | None = None,
    ) -> None:
        self._vault = vault
        self._cache_dir = cache_dir
        self._settings = settings
        self._runner = runner or ExtractionRunner(ocr=ocr)
        self._counter = counter
        self._counter_thread: threading.Thread | None = None
        self._counter_lock = threading.Lock()
        self._cache = TextCache(cache_dir, self._ocr_key)
        # Pure functions of their keys, so a hit is exactly what a new build would give.
        self._cleaned: SizedLru[str] = SizedLru()  # raw Markdown -> cleaned
        self._prompts: SizedLru[FallbackPrompt] = SizedLru()

    # -- extraction -----------------------------------------------------------------------

    def extract_entry(
        self,
        entry_id: int,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        """The text of vault entry ``entry_id``; ``ExtractionError(kind=...)`` on failure."""
        if self._vault is None:
            raise ExtractionError("No vault is open.", kind="failed")
        entry = self._vault.get(entry_id)
        path = self._vault.blob_path(entry.sha256)
        return self._extract(path, entry.name, entry.sha256, progress, cancel)

    def extract_path(
        self,
        path: Path,
        *,
        name: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        """The text of the file at ``path`` (not necessarily in the vault)."""
        return self._extract_file(path, progress, cancel, name)[0]

    def _extract_file(
        self,
        path: Path,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
        name: str | None = None,
    ) -> tuple[Extraction, str]:
        """The text of the file at ``path`` and the file's sha256."""
        # "." and "/" have no name of their own: name the folder they stand for.
        label = name or path.name or path.resolve().name or str(path)
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            raise SourceError(f"{label} does not exist.") from None
        except OSError as exc:
            raise SourceError(f"{label} cannot be read: {exc.strerror or exc}.") from exc
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{label} is a folder, not a file.")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{label} is not a regular file (a pipe, socket or device).")
        try:
            digest, _ = hash_file(path)
        except OSError as exc:
            raise SourceError(f"{label} cannot be read: {exc.strerror or exc}.") from exc
        return self._extract(path, label, digest, progress, cancel), digest

    def _extract(
        self,
        path: Path,
        name: str,
        sha256: str,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        cached = self._cache.get(sha256)
        if isinstance(cached, Extraction):
            return cached
        if isinstance(cached, Failure):
            raise to_error(cached, name)
        try:
            mime = detect_type(path, name)
        except OSError as exc:
            raise SourceError(f"{name} cannot be read: {exc.strerror or exc}.") from exc
        pages = PageCache(self._cache.page_file(sha256), self._runner.ocr.languages)

        def on_progress(update: Progress) -> None:
            if update.page is not None:
                pages.add(update.page)
            if progress is not None:
                progress(update)

        result = self._runner.run(
            path, mime, progress=on_progress, cancel=cancel, resume=pages.load()
        )
        if isinstance(result, Failure):
            log.info("extraction failed: %s (%s)", result.kind.value, result.detail)
            if result.kind in _PERMANENT:
                self._cache.put_failure(sha256, result.kind, result.detail)
            raise to_error(result, name)
        self._cache.put_extraction(sha256, result)
        pages.discard()
        return result

    # -- fallback prompts -----------------------------------------------------------------

    def fallback_for_entries(
        self,
        entry_ids: Sequence[int],
        *,
        max_tokens: int | None = None,
        preset: str | None = None,
        pages: PageSelection | None = None,
        sheet: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> FallbackPrompt:
        """A ready-to-paste prompt for vault entries.

        Parts are sized by ``preset`` (a name from :func:`presets`; None: the settings'
        ``[fallback] preset``), or by ``max_tokens`` when given. ``pages`` keeps only those
        pages (PDFs, scans) or slides; ``sheet`` only that sheet (any case). A document the
        selection does not fit, or a bad preset, raises ``ExtractionError`` with one sentence
        (an unknown sheet names the sheets there are). The text is cleaned first (dot leaders,
        running headers, page numbers, hyphenated line breaks).
        """
        if self._vault is None:
            raise ExtractionError("No vault is open.", kind="failed")
        vault = self._vault

        def read(entry_id: int) -> _Read:
            entry = vault.get(entry_id)
            path = vault.blob_path(entry.sha256)
            extraction = self._extract(path, entry.name, entry.sha256, progress, cancel)
            return entry.name, entry.size, entry.sha256, extraction

        return self._gather(entry_ids, read, self.part_tokens(preset, max_tokens), pages, sheet)

    def fallback_for_paths(
        self,
        paths: Sequence[Path],
        *,
        max_tokens: int | None = None,
        preset: str | None = None,
        pages: PageSelection | None = None,
        sheet: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> FallbackPrompt:
        """A ready-to-paste prompt for files on disk (the CLI's ``fallback`` command); the
        options are those of :meth:`fallback_for_entries`."""

        def read(path: Path) -> _Read:
            extraction, sha256 = self._extract_file(path, progress, cancel)
            return path.name, path.stat().st_size, sha256, extraction

        return self._gather(paths, read, self.part_tokens(preset, max_tokens), pages, sheet)

    def _gather(
        self,
        sources: Sequence[_Source],
        read: Callable[[_Source], _Read],
        budget: int,
        pages: PageSelection | None,
        sheet: str | None,
    ) -> FallbackPrompt:
        """The prompt for ``sources``, each read by ``read`` (name, size, sha256, text) and
        cleaned; one that cannot be read is left out with its sentence, unless it was the user
        who stopped (cancelling stops the whole fallback)."""
        self._load_counter_in_background()
        documents: list[DocumentText] = []
        skipped: list[str] = []
        last_error: AttachGuardError | None = None
        for source in sources:
            try:
                name, size, sha256, extraction = read(source)
            except (ExtractionError, SourceError) as exc:
                _raise_if_cancelled(exc)
                skipped.append(str(exc))
                last_error = exc
                continue
            extraction = self._clean(sha256, extraction)
            documents.append(_prepared(name, size, extraction, pages, sheet))
        return self._prompt(documents, skipped, last_error, budget)

    def presets(self) -> list[Preset]:
        """The size presets, with ``chat`` and ``api`` sized by the current settings."""
        return presets(self._settings)

    def part_tokens(self, preset: str | None = None, max_tokens: int | None = None) -> int:
        """Tokens per part: ``max_tokens`` if given, else the preset's size (None: the
        settings' default preset); ``ExtractionError`` for an unknown preset."""
        if max_tokens is not None:
            return max_tokens
        try:
            return find_preset(preset or self._settings.preset, self._settings).part_tokens
        except ValueError as exc:
            raise ExtractionError(_sentence(exc), kind="failed") from None

    def _prompt(
        self,
        documents: list[DocumentText],
        skipped: list[str],
        last_error: AttachGuardError | None,
        budget: int,
    ) -> FallbackPrompt:
        if not documents:
            if last_error is not None and len(skipped) == 1:
                raise last_error
            raise ExtractionError(
                "No text could be extracted from any of the documents.", kind="failed"
            )
        counter = self.counter()
        key: Hashable = (tuple(documents), tuple(skipped), budget, counter.name, type(counter))
        try:
            hash(key)
        except TypeError:  # a record that cannot be a key: build it every time
            key = None
        cached = self._prompts.get(key) if key is not None else None
        if cached is not None:
            return cached
        try:
            prompt = build_prompt(documents, max_tokens=budget, counter=counter, skipped=skipped)
        except ValueError as exc:
            raise ExtractionError(f"{exc}.", kind="failed") from exc
        if key is not None:
            size = sum(len(d.extraction.markdown) for d in documents)
            self._prompts.put(key, prompt, size + sum(len(p) for p in prompt.parts))
        return prompt

    def _clean(self, sha256: str, extraction: Extraction) -> Extraction:
        """``extraction`` cleaned: from memory, else from the cache folder, else cleaned now
        (and kept in both)."""
        raw = extraction.markdown
        cleaned = self._cleaned.get(raw)
        if cleaned is None:
            digest = text_digest(raw)
            cleaned = self._cache.get_cleaned(sha256, raw, digest)
            if cleaned is None:
                cleaned = clean_markdown(raw)
                self._cache.put_cleaned(sha256, raw, cleaned, digest)
            self._cleaned.put(raw, cleaned, len(raw) + len(cleaned))
        return extraction if cleaned == raw else replace(extraction, markdown=cleaned)

    # -- warm-up, token counter, lifecycle ------------------------------------------------

    def warm_up(self) -> None:
        """Start the worker and load the tokenizer in the background (call at app start)."""
        self._load_counter_in_background()
        threading.Thread(target=self._runner.start, name="extract-warm-up", daemon=True).start()

    def counter(self) -> TokenCounter:
        thread = self._counter_thread
        if thread is not None:
            thread.join()
        if self._counter is None:
            self._counter = default_counter()
        return self._counter

    def _load_counter_in_background(self) -> None:
        # Loading the vocabulary takes about half a second: overlap it with extraction.
        with self._counter_lock:
            if self._counter is not None or self._counter_thread is not None:
                return
            self._counter_thread = threading.Thread(
                target=default_counter, name="tokenizer-load", daemon=True
            )
            self._counter_thread.start()

    def close(self) -> None:
        self._runner.close()

    # -- cache ----------------------------------------------------------------------------

    def prune_cache(self, keep: Collection[str]) -> int:
        """Delete cached texts of blobs not in ``keep`` (sha256s, e.g. what the vault still
        holds) and of older extractor or cleaner versions; return how many files were removed."""
        return self._cache.prune(keep)

    def _ocr_key(self) -> str:
        ocr = self._runner.ocr
        return f"{ocr.enabled}:{'+'.join(ocr.languages)}:{ocr.tessdata_dir or ''}"


def _prepared(
    name: str,
    size: int,
    extraction: Extraction,
    pages: PageSelection | None,
    sheet: str | None,
) -> DocumentText:
    """One (cleaned) document cut to the selection (cleaning comes first: running headers
    show only across many pages)."""
    chosen: list[str] = []
    try:
        if pages is not None:
            extraction = select_pages(extraction, name, pages)
            chosen.append(pages.describe(extraction.unit_name or "page"))
        if sheet is not None:
            extraction, sheet_name = select_sheet(extraction, name, sheet)
            chosen.append(f"sheet {sheet_name}")
    except ValueError as exc:  # the sentence starts with the file's name, as it is spelt
        raise ExtractionError(f"{exc}.", kind="failed") from None
    return DocumentText(name, size, extraction, selection=", ".join(chosen))


def _sentence(exc: Exception) -> str:
    text = str(exc)
    return f"{text[:1].upper()}{text[1:]}."


def _raise_if_cancelled(exc: AttachGuardError) -> None:
    if isinstance(exc, ExtractionError) and exc.kind == FailureKind.CANCELLED.value:
        raise exc  # the user stopped the whole fallback, not just this document

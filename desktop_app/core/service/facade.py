"""The facade that the CLI and the tray app both use; it owns the store and every core part.

The UI never reaches past this object to the SDK, the database or the file system. Use cases
that span parts (start and stop, add documents, change the key or the settings) are methods
here, so each front-end does not spell them out again; single operations of one part (retry a
job, restore an entry) go to that part, which is a typed attribute (``uploads``, ``vault``...).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.credentials import (
    CredentialStore,
    resolve_api_key,
    resolve_base_url,
    resolve_target_key,
)
from desktop_app.core.errors import StoreError
from desktop_app.core.fallback import FallbackPrompt
from desktop_app.core.fallback.texts import TextService
from desktop_app.core.monitor.health import HealthMonitor
from desktop_app.core.service.adding import AddReport, OnFile, add_documents
from desktop_app.core.service.copy_again import rebuild_prompt
from desktop_app.core.service.entry_details import DocumentDetails, read_details, read_only_copy
from desktop_app.core.service.settings_change import KeyState, SettingsChange, save_and_apply
from desktop_app.core.store.copies import CopyHistory, CopyRecord
from desktop_app.core.store.db import Database
from desktop_app.core.store.listing import DocumentListing, FallbackChoice
from desktop_app.core.uploads import (
    Failover,
    FailoverOffer,
    PauseReason,
    Target,
    UploadManager,
)
from desktop_app.core.vault import Source, Vault
from desktop_app.paths import AppPaths
from desktop_app.settings import LoadedSettings, Settings, WatchedFolder, load_settings
from desktop_app.targets import DEFAULT_TARGET

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.monitor.batches import BatchWatchdog
    from desktop_app.core.vault import Entry
    from desktop_app.core.watch import FolderRule, OnEvent, Watcher, WatcherOptions

log = logging.getLogger(__name__)


class Service:
    """Everything AttachGuard can do, for one data root."""

    def __init__(self, paths: AppPaths, loaded: LoadedSettings | None = None) -> None:
        self.paths = paths
        paths.ensure()
        self.loaded = loaded if loaded is not None else load_settings(paths.settings_file)
        for problem in self.loaded.problems:
            log.warning("settings: %s", problem)
        self.db = Database(paths.database_file)
        self.vault = Vault(self.db, paths.vault_dir)
        self.texts = TextService(
            self.vault,
            paths.extract_cache_dir,
            self.settings.fallback,
            ocr=self.settings.ocr.options(),
        )
        self.credentials = CredentialStore()
        self.uploads = UploadManager(
            self.db,
            self.vault,
            self.settings.upload,
            credentials=lambda: resolve_api_key(store=self.credentials),
            targets=self.settings.targets,
            target_key=lambda t: resolve_target_key(t.name, t.api_key_env, store=self.credentials),
        )
        # Not started here: the tray app (or a long-running command) calls .start() on each.
        self.health = HealthMonitor(self.settings.status, on_outage=self._status_outage)
        self._batches: BatchWatchdog | None = None
        self._batches_lock = threading.Lock()
        self._watcher: Watcher | None = None
        # start()/stop() may come from two threads (a pool thread starting, Quit stopping).
        self._run_lock = threading.RLock()

    @property
    def batches(self) -> BatchWatchdog:
        """The batch watchdog, built on first use: it imports the SDK, which costs the vault
        commands (and every CLI start) about 0.4 s they do not need."""
        with self._batches_lock:
            if self._batches is None:
                from desktop_app.core.monitor.batches import BatchWatchdog

                self._batches = BatchWatchdog(
                    self.db,
                    self.vault,
                    self.settings.status,
                    api_key=lambda: resolve_api_key(store=self.credentials),
                    base_url=lambda: resolve_base_url(self.settings.upload.base_url),
                )
            return self._batches

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    def protected_blobs(self) -> set[str]:
        """sha256 of blobs an upload job still needs (not done/cancelled): never prune them."""
        return self.uploads.queries.protected_blobs()

    def _status_outage(self, reason: str | None) -> None:
        # The status page reports an outage of Files (reason), or no longer does (None).
        if reason:
            # The status page is OpenAI's: other targets keep sending (and may take over).
            self.uploads.hold("status", PauseReason.SERVICE_OUTAGE, target=DEFAULT_TARGET)
        else:
            self.uploads.release("status")

    def has_api_key(self) -> bool:
        return resolve_api_key(store=self.credentials) is not None

    def target_without_key(self, names: Sequence[str] | None = None) -> Target | None:
        """The first of the targets ``names`` (default: the primary) that has no API key to
        upload with, or None when each has one (reads the keyring: not on a GUI thread)."""
        for name in names or [self.uploads.targets.primary.name]:
            target = self.uploads.targets.get(name)
            if target.name == DEFAULT_TARGET:
                missing = not self.has_api_key()
            else:
                key = resolve_target_key(target.name, target.api_key_env, store=self.credentials)
                missing = key is None
            if missing:
                return target
        return None

    def own_folders(self) -> tuple[Path, ...]:
        """The app's own folders (data, settings, logs, cache): never backed up or watched."""
        p = self.paths
        return (p.data_dir, p.config_dir, p.log_dir, p.cache_dir)

    @classmethod
    def open(cls, root: Path | None = None) -> Service:
        """A service for ``root`` (as ATTACHGUARD_HOME would select), or the user's default."""
        return cls(AppPaths.under(root) if root is not None else AppPaths.from_environment())

    # -- watched folders (core/watcher.py) --------------------------------------------------------

    def watcher(
        self,
        folders: Sequence[WatchedFolder] | None = None,
        *,
        on_event: OnEvent | None = None,
        options: WatcherOptions | None = None,
    ) -> Watcher:
        """A (not yet started) watcher for ``folders`` (default: the configured ones)."""
        # Imported here: watchdog is not needed by the commands that never watch.
        from desktop_app.core.watch import FolderRule, Watcher, WatcherOptions

        watch = self.settings.watch
        rules = [
            FolderRule.from_settings(f) for f in (watch.folders if folders is None else folders)
        ]
        if options is None:
            options = WatcherOptions(
                settle_seconds=watch.settle_seconds, give_up_seconds=watch.give_up_seconds
            )
        # The vault, database and logs may lie inside a watched folder: skip our own writes.
        ignore = tuple(str(p) for p in self.own_folders())
        return Watcher(
            rules,
            db=self.db,
            ingest=lambda path: self.vault.add_file(path, Source.WATCH),
            forget=self.vault.forget,
            on_event=on_event,
            on_backed_up=self._upload_watched,
            options=dataclasses.replace(options, ignore_roots=options.ignore_roots + ignore),
        )

    def start_watching(
        self,
        on_event: OnEvent | None = None,
        *,
        folders: Sequence[WatchedFolder] | None = None,
        options: WatcherOptions | None = None,
    ) -> Watcher:
        """Start watching ``folders`` (default: the configured ones), restarting if running."""
        with self._run_lock:
            self.stop_watching()
            watcher = self.watcher(folders, on_event=on_event, options=options)
            watcher.start()
            self._watcher = watcher
            return watcher

    def stop_watching(self) -> None:
        with self._run_lock:
            watcher, self._watcher = self._watcher, None
            if watcher is not None:
                watcher.stop()

    def _upload_watched(self, entry: Entry, rule: FolderRule) -> None:
        if rule.upload:
            self.uploads.enqueue([entry.id], purpose=rule.purpose)

    # -- running: the threads a front-end starts, and stops in dependency order ----------------

    def start(
        self,
        *,
        uploads: bool = True,
        recheck: bool = False,
        status: bool = False,
        batches: bool = False,
        watch: bool = False,
        folders: Sequence[WatchedFolder] | None = None,
        on_watch_event: OnEvent | None = None,
        watch_options: WatcherOptions | None = None,
        status_wait: float = 0.0,
    ) -> None:
        """Start the parts a front-end runs: upload workers, the periodic recheck of done
        uploads, status-page monitor, batch watchdog, folder watcher (``folders``, default: the
        configured ones). Idempotent: a part already
        running is left as it is. Blocks on disk and imports; call it off a GUI thread.

        With ``status_wait``, the status page's first answer is awaited that long before the
        workers start, so a known outage holds the very first upload too (an unreachable page
        never holds anything).

        Every asked-for part is tried; if some failed, the first error is raised afterwards.
        """
        errors: list[Exception] = []
        with self._run_lock:
            if status:
                self._start_part("status monitor", errors, self._start_status, status_wait)
            if batches:
                # Through a lambda: building the watchdog (it imports the SDK) may fail too.
                self._start_part("batch watchdog", errors, lambda: self.batches.start())
            if uploads:
                self._start_part("upload workers", errors, self.uploads.start)
            if recheck:
                self._start_part("upload recheck", errors, self.uploads.start_rechecks)
            if watch and self._watcher is None:
                self._start_part(
                    "folder watcher",
                    errors,
                    self.start_watching,
                    on_watch_event,
                    folders=folders,
                    options=watch_options,
                )
        if errors:
            raise errors[0]

    def _start_part(
        self,
        name: str,
        errors: list[Exception],
        start: Callable[..., object],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        try:
            start(*args, **kwargs)
        except Exception as exc:
            log.error("cannot start the %s: %s", name, exc)
            errors.append(exc)

    def _start_status(self, wait: float) -> None:
        if wait > 0 and not self.health.running:
            first = threading.Thread(
                target=self.health.check_now, name="attachguard-health-first", daemon=True
            )
            first.start()
            first.join(wait)
        self.health.start()

    def stop(self, timeout: float = 10.0) -> list[int]:
        """Stop what :meth:`start` started, joining every thread: watcher, monitors, workers.

        In-flight uploads get ``timeout`` seconds to finish; the ids of the jobs handed back to
        the queue instead are returned. Idempotent; the store stays open (see :meth:`close`).
        """
        with self._run_lock:
            self.stop_watching()
            if self._batches is not None:
                self._batches.stop(timeout)
            self.health.stop(timeout)  # a poll in flight must not hold up Ctrl+C for long
            return self.uploads.stop(timeout)

    # -- documents ------------------------------------------------------------------------------

    def add_documents(
        self,
        paths: Sequence[Path],
        *,
        source: Source,
        recursive: bool = True,
        upload: bool | None = None,
        purpose: str | None = None,
        expires_after: int | None = None,
        on_file: OnFile | None = None,
        targets: Sequence[str] | None = None,
    ) -> AddReport:
        """Back up ``paths``, then queue their uploads: ``upload`` True or False, or None to
        follow the ``auto_upload`` setting. ``on_file`` hears of each file as it is done."""
        wanted = self.settings.upload.auto_upload if upload is None else upload
        return add_documents(
            self.vault,
            self.uploads if wanted else None,
            paths,
            source=source,
            recursive=recursive,
            purpose=purpose,
            expires_after=expires_after,
            on_file=on_file,
            own_folders=self.own_folders(),
            targets=targets,
        )

    # -- upload targets -------------------------------------------------------------------------

    def target_names(self) -> list[str]:
        """The upload targets in force, the primary first."""
        return self.uploads.targets.names

    def failover_offer(self) -> FailoverOffer | None:
        """The standing offer to upload the primary's waiting documents elsewhere, or None."""
        return self.uploads.failover_offer()

    def accept_failover(self) -> Failover | None:
        """The user accepted the offer: queue those documents for the secondary, once."""
        return self.uploads.accept_failover()

    def check_database(self) -> None:
        """Raise ``DatabaseDamagedError`` (with what to do) if the database file is damaged."""
        self.db.ensure_sound()

    def documents(self) -> DocumentListing:
        """The document listing the window shows: vault entries with their latest upload job,
        read in pages (safe to use from any thread)."""
        return DocumentListing(self.db)

    def fallback_choices(self, limit: int = 10) -> list[FallbackChoice]:
        """Documents "Copy text instead" offers, best first, one per content: those whose
        upload failed or expired (most recent first), then the most recently added. Needs no
        API key, no network and no failed job (extraction is local). Reads the database: call
        it off a GUI thread."""
        return self.documents().fallback_choices(limit)

    def document_named(self, name: str) -> FallbackChoice | None:
        """The newest document added under ``name`` (exactly, else ignoring case), or None."""
        return self.documents().named(name)

    def default_fallback_entry(self) -> FallbackChoice | None:
        """What "Copy text instead" copies: the most recent failed or expired document, else
        the most recently added one; None when the vault holds no document."""
        choices = self.fallback_choices(1)
        return choices[0] if choices else None

    # -- copy history (the text fallback) -------------------------------------------------------

    def record_copy(
        self,
        document: str,
        *,
        part: int,
        parts: int,
        entry_id: int | None = None,
        path: Path | None = None,
        preset: str | None = None,
        max_tokens: int | None = None,
        pages: str | None = None,
        sheet: str | None = None,
    ) -> CopyRecord | None:
        """Note that part ``part`` of ``parts`` of ``document``'s fallback prompt was put on the
        clipboard, after the copy succeeded. The text came from vault entry ``entry_id`` or
        the file at ``path`` (one of them is required), sized by ``preset`` (None: the
        settings' default) or ``max_tokens``, for ``pages`` (as typed, "3-10,12") or ``sheet``.
        Only the last 20 copies are kept. Never fails a copy: a read-only or damaged database
        is logged and None returned. Writes the database: call it off a GUI thread."""
        try:
            return CopyHistory(self.db).record(
                document,
                part=part,
                parts=parts,
                preset=preset or self.settings.fallback.preset,
                entry_id=entry_id,
                path=None if path is None else str(path),
                max_tokens=max_tokens,
                pages=pages,
                sheet=sheet,
            )
        except StoreError as exc:
            log.warning("could not note the copy in the history: %s", exc)
            return None

    def copy_history(self, limit: int = 20) -> list[CopyRecord]:
        """The last ``limit`` (at most 20) copies, newest first (see :meth:`record_copy`).
        Reads the database: call it off a GUI thread."""
        return CopyHistory(self.db).latest(min(limit, 20))

    def prompt_for_copy(
        self,
        record: CopyRecord,
        *,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> FallbackPrompt:
        """The prompt a copy in the history came from, built again the same way (same preset or
        budget, pages and sheet), so ``prompt.parts[record.part - 1]`` can be copied again.
        Raises ``ExtractionError``/``SourceError``/``UnknownEntryError`` with one sentence when
        the document is gone or has changed so that the part no longer exists. Slow for a
        document not in the text cache: call it off a GUI thread."""
        return rebuild_prompt(self.texts, record, progress=progress, cancel=cancel)

    def document_details(self, entry_id: int) -> DocumentDetails:
        """What the details pane shows: the entry, its backup copy (path, still there?) and
        every upload of its content with times and last errors, newest first. Read-only; reads
        the database and stats a file: call it off a GUI thread."""
        return read_details(self.db, self.vault, entry_id)

    def read_only_copy(self, entry_id: int) -> Path:
        """A read-only copy of the entry's backup under its own name, to open in another app
        without any risk to the vault's copy (removed a day later). Call it off a GUI thread."""
        return read_only_copy(self.vault, self.paths.cache_dir, entry_id)

    # -- key and settings -----------------------------------------------------------------------

    def key_state(self) -> KeyState:
        """Which keyring backend holds the key, and whether a key is stored there (the keyring
        may be slow or locked: call it off a GUI thread)."""
        return KeyState(
            self.credentials.backend(),
            self.credentials.get() is not None,
            self.credentials.session_key is not None,
        )

    def store_api_key(self, key: str) -> None:
        """Store ``key`` in the keyring; uploads paused for a missing or rejected key resume."""
        self.credentials.set(key)
        self.uploads.key_changed()

    def use_api_key_until_quit(self, key: str) -> None:
        """Use ``key`` for uploads until this process ends, held in memory only (for desktops
        without a secure keyring); uploads paused for a missing or rejected key resume."""
        self.credentials.use_for_session(key)
        self.uploads.key_changed()

    def delete_api_key(self) -> None:
        """Remove the stored key and any key used until quit (``OPENAI_API_KEY``, if set, still
        applies)."""
        self.credentials.forget_session()
        self.credentials.delete()
        self.uploads.key_changed()

    def save_settings(self, new: Settings) -> SettingsChange:
        """Write ``new`` to the settings file and apply it to the running parts.

        A changed watch list is not applied here: restart watching with :meth:`start_watching`
        (the front-end knows where the watcher's events should go).
        """
        with self._run_lock:
            return save_and_apply(self.loaded, new)

    def close(self) -> None:
        """Stop everything and close the store; the service is unusable afterwards."""
        self.stop()
        self.texts.close()
        self.db.close()

"""The facade that the CLI and the tray app both use; it owns the store and every core part.

The UI never reaches past this object to the SDK, the database or the file system.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.credentials import CredentialStore, resolve_api_key, resolve_base_url
from desktop_app.core.fallback.texts import TextService
from desktop_app.core.monitor.health import HealthMonitor
from desktop_app.core.store.db import Database
from desktop_app.core.uploads import PauseReason, UploadManager
from desktop_app.core.vault import Vault
from desktop_app.paths import AppPaths
from desktop_app.settings import LoadedSettings, Settings, WatchedFolder, load_settings

if TYPE_CHECKING:
    from desktop_app.core.monitor.batches import BatchWatchdog
    from desktop_app.core.vault import Entry
    from desktop_app.core.watch.filters import FolderRule
    from desktop_app.core.watch.watcher import OnEvent, Watcher, WatcherOptions

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
        )
        # Not started here: the tray app (or a long-running command) calls .start() on each.
        self.health = HealthMonitor(self.settings.status, on_outage=self._status_outage)
        self._batches: BatchWatchdog | None = None
        self._batches_lock = threading.Lock()
        self._watcher: Watcher | None = None

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
        return self.uploads.queue.protected_blobs()

    def _status_outage(self, reason: str | None) -> None:
        # The status page reports an outage of Files (reason), or no longer does (None).
        if reason:
            self.uploads.hold("status", PauseReason.SERVICE_OUTAGE)
        else:
            self.uploads.release("status")

    def has_api_key(self) -> bool:
        return resolve_api_key(store=self.credentials) is not None

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
        from desktop_app.core.vault import Source
        from desktop_app.core.watch.filters import FolderRule
        from desktop_app.core.watch.watcher import Watcher, WatcherOptions

        watch = self.settings.watch
        rules = [
            FolderRule.from_settings(f) for f in (watch.folders if folders is None else folders)
        ]
        if options is None:
            options = WatcherOptions(
                settle_seconds=watch.settle_seconds, give_up_seconds=watch.give_up_seconds
            )
        # The vault, database and logs may lie inside a watched folder: skip our own writes.
        p = self.paths
        ignore = (str(p.data_dir), str(p.config_dir), str(p.log_dir), str(p.cache_dir))
        return Watcher(
            rules,
            db=self.db,
            ingest=lambda path: self.vault.add_file(path, Source.WATCH),
            forget=self.vault.forget,
            on_event=on_event,
            on_backed_up=self._upload_watched,
            options=dataclasses.replace(options, ignore_roots=options.ignore_roots + ignore),
        )

    def start_watching(self, on_event: OnEvent | None = None) -> Watcher:
        """Start watching the configured folders (restarting if already running)."""
        self.stop_watching()
        watcher = self.watcher(on_event=on_event)
        watcher.start()
        self._watcher = watcher
        return watcher

    def stop_watching(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def _upload_watched(self, entry: Entry, rule: FolderRule) -> None:
        if rule.upload:
            self.uploads.enqueue([entry.id], purpose=rule.purpose)

    def close(self) -> None:
        self.stop_watching()
        self.health.stop()
        if self._batches is not None:
            self._batches.stop()
        self.uploads.stop()
        self.texts.close()
        self.db.close()

"""The facade that the CLI and the tray app both use; it owns the store and every core part.

The UI never reaches past this object to the SDK, the database or the file system.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.core.credentials import CredentialStore, resolve_api_key
from desktop_app.core.db import Database
from desktop_app.core.vault import Vault
from desktop_app.paths import AppPaths
from desktop_app.settings import LoadedSettings, Settings, load_settings

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
        self.credentials = CredentialStore()

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    def has_api_key(self) -> bool:
        return resolve_api_key(store=self.credentials) is not None

    @classmethod
    def open(cls, root: Path | None = None) -> Service:
        """A service for ``root`` (as ATTACHGUARD_HOME would select), or the user's default."""
        return cls(AppPaths.under(root) if root is not None else AppPaths.from_environment())

    def close(self) -> None:
        self.db.close()

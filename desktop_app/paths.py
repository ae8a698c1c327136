"""Where AttachGuard keeps its files: platformdirs locations, or one root under ATTACHGUARD_HOME.

Every path the app uses comes from :class:`AppPaths`; nothing else builds locations by hand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "AttachGuard"
APP_AUTHOR = "AttachGuard"
HOME_ENV = "ATTACHGUARD_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The four base directories, plus the well-known files inside them."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def from_environment(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> AppPaths:
        env = os.environ if environ is None else environ
        home = env.get(HOME_ENV, "").strip()
        if home:
            root = Path(home).expanduser().resolve()
            return cls.under(root)
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All four directories below one root (what ATTACHGUARD_HOME selects)."""
        return cls(
            data_dir=root / "data",
            config_dir=root / "config",
            log_dir=root / "logs",
            cache_dir=root / "cache",
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "attachguard.sqlite3"

    @property
    def vault_dir(self) -> Path:
        return self.data_dir / "vault"

    @property
    def extract_cache_dir(self) -> Path:
        return self.data_dir / "text-cache"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "attachguard.log"

    @property
    def runtime_dir(self) -> Path:
        """Sockets and lock files for the single-instance guard (kept under the data root)."""
        return self.data_dir / "run"

    def ensure(self) -> None:
        """Create the directories, private to the user (0700). A folder that cannot be created
        (a read-only disk, a file in the way) raises :class:`StoreError` with one sentence."""
        from desktop_app.core.errors import StoreError

        for directory in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            try:
                directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                reason = (exc.strerror or str(exc)).lower()
                raise StoreError(
                    f"cannot create the folder {directory} ({reason}); make it writable, or "
                    "point ATTACHGUARD_HOME at a folder you can write to"
                ) from None

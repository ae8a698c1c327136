"""Every location comes from platformdirs, or from one root when ATTACHGUARD_HOME is set."""

from __future__ import annotations

from pathlib import Path

from desktop_app.paths import AppPaths


def test_attachguard_home_puts_everything_under_one_root(tmp_path: Path) -> None:
    paths = AppPaths.from_environment({"ATTACHGUARD_HOME": str(tmp_path / "ag")})
    root = (tmp_path / "ag").resolve()
    for directory in (paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir):
        assert directory.is_relative_to(root)
    assert paths.settings_file.is_relative_to(paths.config_dir)
    assert paths.database_file.is_relative_to(paths.data_dir)
    assert paths.log_file.is_relative_to(paths.log_dir)
    assert len({paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir}) == 4


def test_platform_locations_without_override() -> None:
    paths = AppPaths.from_environment({})
    assert "AttachGuard" in str(paths.data_dir)
    assert "AttachGuard" in str(paths.config_dir)
    assert paths.data_dir != paths.config_dir


def test_ensure_creates_private_directories(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "ag")
    paths.ensure()
    for directory in (paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir):
        assert directory.is_dir()
        assert directory.stat().st_mode & 0o077 == 0

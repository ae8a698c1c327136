"""Settings: defaults, validation that names the problem, env overrides, never clobbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import SettingsError
from desktop_app.settings import Settings, WatchedFolder, load_settings, save_settings


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.toml", environ={})
    assert loaded.settings == Settings()
    assert loaded.problems == []
    assert loaded.settings.upload.purpose == "user_data"
    # Outage-proof by default: retry transient failures for a day, with no attempt limit.
    assert loaded.settings.upload.give_up_after_hours == 24
    assert loaded.settings.upload.max_attempts == 0
    assert loaded.settings.upload.backoff_cap == 300
    assert loaded.settings.upload.recheck_minutes == 15
    assert loaded.settings.upload.reupload_expired is True


def test_values_are_read_and_typed(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[upload]\nconcurrency = 2\nbackoff_base = 2\nbase_url = 'http://127.0.0.1:1/v1'\n"
        "[vault]\nmax_age_days = 30\n"
        "[[watch.folders]]\npath = '/tmp/in'\nrecursive = true\ninclude = ['*.pdf']\n",
        encoding="utf-8",
    )
    loaded = load_settings(path, environ={})
    assert loaded.problems == []
    s = loaded.settings
    assert s.upload.concurrency == 2
    assert s.upload.backoff_base == 2.0 and isinstance(s.upload.backoff_base, float)
    assert s.upload.base_url == "http://127.0.0.1:1/v1"
    assert s.vault.max_age_days == 30
    assert s.watch.folders == [WatchedFolder(path="/tmp/in", recursive=True, include=["*.pdf"])]


def test_broken_toml_names_the_line_keeps_defaults_and_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = "[upload]\nconcurrency = 2\npurpose = = 'batch'\nmax_attempts = 3\n"
    path.write_text(original, encoding="utf-8")
    loaded = load_settings(path, environ={})
    assert loaded.settings == Settings()
    assert not loaded.parsed
    assert len(loaded.problems) == 1
    assert "line 3" in str(loaded.problems[0])
    unterminated = tmp_path / "unterminated.toml"
    unterminated.write_text("[upload]\npurpose = 'batch\n", encoding="utf-8")
    assert "line 2" in str(load_settings(unterminated, environ={}).problems[0])
    with pytest.raises(SettingsError, match="syntax error at line 3; fix it first"):
        save_settings(loaded)
    assert path.read_text(encoding="utf-8") == original


def test_wrong_types_and_unknown_keys_are_reported_by_key(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[upload]\nconcurrency = 'four'\nmax_attempts = -1\npurpose = 'batch'\ncolour = 1\n",
        encoding="utf-8",
    )
    loaded = load_settings(path, environ={})
    where = {p.where for p in loaded.problems}
    assert where == {"upload.concurrency", "upload.max_attempts", "upload.colour"}
    assert loaded.settings.upload.concurrency == 4
    assert loaded.settings.upload.max_attempts == 0
    assert loaded.settings.upload.purpose == "batch"


def test_numbers_out_of_range_are_named_and_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[upload]\nconcurrency = 20000\nbackoff_base = 1e308\ngive_up_after_hours = 0\n"
        "breaker_threshold = 5\nrecheck_minutes = nan\n",
        encoding="utf-8",
    )
    loaded = load_settings(path, environ={"ATTACHGUARD_BACKOFF_CAP": "1e309"})
    upload = loaded.settings.upload
    # Too large is clamped; too small takes the default where the minimum would hurt (giving
    # up on every upload after 36 s is no way to read a typo).
    assert (upload.concurrency, upload.backoff_base, upload.give_up_after_hours) == (16, 3600, 24)
    assert "using 24.0" in said_about(loaded, "upload.give_up_after_hours")
    assert upload.backoff_cap == 86_400  # inf is clamped like any other large number
    assert upload.recheck_minutes == 15  # NaN: the default
    said = {p.where: p.message for p in loaded.problems}
    assert "between 1 and 16" in said["upload.concurrency"]
    assert "using 16" in said["upload.concurrency"]
    assert set(said) == {
        "upload.concurrency",
        "upload.backoff_base",
        "upload.give_up_after_hours",
        "upload.recheck_minutes",
        "ATTACHGUARD_BACKOFF_CAP",
    }


def said_about(loaded: object, where: str) -> str:
    return " ".join(p.message for p in loaded.problems if p.where == where)  # type: ignore[attr-defined]


def test_harmful_minimums_take_the_default_and_an_unknown_theme_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[upload]\ngive_up_after_hours = -5\nconcurrency = 0\nfailover_after_minutes = 0\n"
        "[ui]\ntheme = 'neon'\n",
        encoding="utf-8",
    )
    loaded = load_settings(path, environ={})
    upload = loaded.settings.upload
    assert upload.give_up_after_hours == 24.0  # the default, not 0.01 h
    assert upload.failover_after_minutes == 5.0  # not 30 s
    assert upload.concurrency == 1  # a harmless minimum stays the minimum
    assert loaded.settings.ui.theme == "system"
    assert "'neon' is not one of system, light, dark" in said_about(loaded, "ui.theme")


def test_environment_overrides_apply_in_memory_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    env = {
        "ATTACHGUARD_MAX_ATTEMPTS": "3",
        "ATTACHGUARD_BACKOFF_BASE": "0.01",
        "ATTACHGUARD_BACKOFF_CAP": "0.5",
        "ATTACHGUARD_CONCURRENCY": "bogus",
    }
    loaded = load_settings(path, environ=env)
    upload = loaded.settings.upload
    assert (upload.max_attempts, upload.backoff_base, upload.backoff_cap) == (3, 0.01, 0.5)
    assert upload.concurrency == 4
    assert [p.where for p in loaded.problems] == ["ATTACHGUARD_CONCURRENCY"]
    assert not path.exists()


def test_save_round_trips_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.toml"
    loaded = load_settings(path, environ={})
    loaded.settings.upload.expires_after = 7200
    loaded.settings.watch.folders.append(WatchedFolder(path="/data/in", upload=True))
    save_settings(loaded)
    again = load_settings(path, environ={})
    assert again.problems == []
    assert again.settings == loaded.settings
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]

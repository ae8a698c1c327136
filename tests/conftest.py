"""Fixtures every test area shares. Area fixtures live in tests/<area>/conftest.py or support/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.paths import AppPaths

pytest_plugins = ["support.openai_fixtures", "support.secret_service"]


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """An isolated data root, as ``ATTACHGUARD_HOME`` would select."""
    paths = AppPaths.under(tmp_path / "home")
    paths.ensure()
    return paths


@pytest.fixture
def ag_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``ATTACHGUARD_HOME`` set for this test (for CLI subprocesses and in-process ``main``)."""
    home = tmp_path / "home"
    monkeypatch.setenv("ATTACHGUARD_HOME", str(home))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    yield home

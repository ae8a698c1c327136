"""Fixtures every test area shares. Area fixtures live in tests/<area>/conftest.py or support/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.paths import AppPaths

pytest_plugins = ["support.openai_fixtures", "support.secret_service"]


@pytest.fixture(scope="session", autouse=True)
def _no_real_status_page() -> Iterator[None]:
    """No test may reach the provider's real status page: checks are off unless a test points
    ``ATTACHGUARD_STATUS_URL`` at the loopback server itself."""
    with pytest.MonkeyPatch.context() as patch:
        if "ATTACHGUARD_STATUS_URL" not in os.environ:
            patch.setenv("ATTACHGUARD_STATUS_URL", "off")
        yield


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


# -- tests that need file permissions to be enforced -------------------------------------------
# Root (as in CI) reads any file whatever its mode, so a test marked ``unprivileged`` is re-run in
# a child pytest whose capabilities that bypass permission checks are dropped with ``setpriv``.

_CHILD_FLAG = "ATTACHGUARD_TEST_UNPRIVILEGED"
_DROPPED = "-dac_override,-dac_read_search,-fowner"


def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if pyfuncitem.get_closest_marker("unprivileged") is None or os.environ.get(_CHILD_FLAG):
        return None
    from support.watching import permissions_ignored

    if not permissions_ignored():
        return None  # an ordinary user: permissions already apply, run the test here
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("file permissions are not enforced for this user on this platform")
    if shutil.which("setpriv") is None:
        pytest.skip("running as root; needs setpriv (util-linux) to drop the permission override")
    command = [
        "setpriv",
        f"--bounding-set={_DROPPED}",
        f"--inh-caps={_DROPPED}",
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        pyfuncitem.nodeid,
    ]
    done = subprocess.run(
        command,
        cwd=pyfuncitem.config.rootpath,
        env={**os.environ, _CHILD_FLAG: "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"unprivileged run failed:\n{done.stdout[-4000:]}{done.stderr}"
    assert " passed" in done.stdout, done.stdout[-2000:]
    return True

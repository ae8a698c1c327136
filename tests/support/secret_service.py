"""A private Secret Service for tests: its own D-Bus session bus and gnome-keyring-daemon.

Nothing touches the developer's real keyring: the daemon keeps its keyrings under a temporary
HOME, and the bus address is handed to tests explicitly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = ("dbus-daemon", "gnome-keyring-daemon")


@dataclass(frozen=True)
class SecretServiceEnv:
    """Environment variables that point a process at the private Secret Service."""

    env: dict[str, str]

    def apply(self, base: dict[str, str] | None = None) -> dict[str, str]:
        merged = dict(os.environ if base is None else base)
        merged.update(self.env)
        return merged


def _wait_for_secrets(env: dict[str, str], deadline: float) -> None:
    # The daemon answers on the bus a moment after it starts; ask it until it does.
    probe = (
        "import secretstorage as s; c = s.dbus_init(); "
        "s.get_default_collection(c).is_locked() and exit(1)"
    )
    import sys

    while time.monotonic() < deadline:
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True)
        if done.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError("gnome-keyring-daemon did not come up on the private bus")


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecretServiceEnv]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install dbus gnome-keyring)")
    root: Path = tmp_path_factory.mktemp("secret-service")
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    base = dict(os.environ)
    base.update(
        HOME=str(root),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_DATA_HOME=str(root / "data"),
        XDG_CONFIG_HOME=str(root / "config"),
    )
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address=1",
            f"--address=unix:path={runtime / 'bus'}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=base,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    bus.stdout.close()
    base["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=base,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"test-keyring-password")
    daemon.stdin.close()
    try:
        _wait_for_secrets(base, time.monotonic() + 30)
        yield SecretServiceEnv(
            {
                "DBUS_SESSION_BUS_ADDRESS": address,
                "HOME": str(root),
                "XDG_RUNTIME_DIR": str(runtime),
                "XDG_DATA_HOME": str(root / "data"),
                "XDG_CONFIG_HOME": str(root / "config"),
            }
        )
    finally:
        for process in (daemon, bus):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def secret_service_backend(
    secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch
) -> object:
    """The real keyring SecretService backend, connected to the private bus for this test."""
    from keyring.backends import SecretService

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service.env["DBUS_SESSION_BUS_ADDRESS"])
    return SecretService.Keyring()

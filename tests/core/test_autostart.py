"""Start at login: the XDG file for real; the macOS and Windows entries by their content."""

from __future__ import annotations

import configparser
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.autostart import (
    APP_ID,
    RUN_KEY,
    MacLaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    desktop_exec,
    for_platform,
    launch_command,
)

ARGV = ["/opt/Attach Guard/bin/attachguard", "--minimized"]


def test_xdg_autostart_is_written_and_removed(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "autostart")
    assert not autostart.is_enabled()
    autostart.enable(ARGV)
    assert autostart.is_enabled()
    assert autostart.path.name == f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(autostart.path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == '"/opt/Attach Guard/bin/attachguard" --minimized'
    autostart.enable(ARGV)  # enabling twice keeps one file
    assert [p.name for p in autostart.directory.iterdir()] == [autostart.path.name]
    autostart.disable()
    assert not autostart.is_enabled()
    autostart.disable()  # and disabling twice is fine


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_xdg_autostart_file_is_valid(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    autostart.enable([*ARGV, "100%", 'say "hi"', "$HOME"])
    done = subprocess.run(["desktop-file-validate", str(autostart.path)], capture_output=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_exec_quoting() -> None:
    assert desktop_exec(["/usr/bin/attachguard"]) == "/usr/bin/attachguard"
    assert desktop_exec(["a b", "50%"]) == '"a b" 50%%'
    assert desktop_exec(['say "x"']) == '"say \\\\"x\\\\""'


def test_mac_launch_agent_plist(tmp_path: Path) -> None:
    agent = MacLaunchAgent(tmp_path)
    agent.enable(ARGV)
    data = plistlib.loads(agent.path.read_bytes())
    assert data["Label"] == APP_ID
    assert data["ProgramArguments"] == ARGV
    assert data["RunAtLoad"] is True
    agent.disable()
    assert not agent.is_enabled()


class _MemoryRegistry:
    """Stands in for HKEY_CURRENT_USER on non-Windows machines (content check only)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get(self, key: str, name: str) -> str | None:
        return self.values.get((key, name))

    def set(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


def test_windows_run_key_value() -> None:
    registry = _MemoryRegistry()
    run = WindowsRunKey(registry)
    run.enable([r"C:\Program Files\AttachGuard\attachguard.exe"])
    assert registry.values == {
        (RUN_KEY, "AttachGuard"): '"C:\\Program Files\\AttachGuard\\attachguard.exe"'
    }
    assert run.is_enabled()
    run.disable()
    assert not run.is_enabled()


def test_platform_choice_and_launch_command() -> None:
    assert isinstance(for_platform("linux"), XdgAutostart)
    assert isinstance(for_platform("darwin"), MacLaunchAgent)
    assert isinstance(for_platform("win32"), WindowsRunKey)
    command = launch_command()
    assert command and Path(command[0]).name.startswith(("attachguard", "python"))

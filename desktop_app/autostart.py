"""Start at login: the platform's own autostart entry, added or removed on request.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/<app id>.desktop``.
- macOS: a LaunchAgent plist in ``~/Library/LaunchAgents``.
- Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

Each writer only generates content and touches its one file or registry value; the Windows
registry is reached through a tiny seam so the content can be checked on any platform.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import platformdirs

APP_ID = "io.github.attachguard.AttachGuard"
APP_NAME = "AttachGuard"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class Autostart(Protocol):
    def is_enabled(self) -> bool: ...
    def enable(self, argv: Sequence[str]) -> None: ...
    def disable(self) -> None: ...


def launch_command() -> list[str]:
    """How to start the tray app from a login session (frozen bundle, script, or module)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    scripts = Path(sys.executable).parent
    for name in ("attachguard-gui", "attachguard-gui.exe", "attachguard", "attachguard.exe"):
        candidate = scripts / name
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("attachguard")
    if found:
        return [found]
    return [sys.executable, "-m", "desktop_app"]


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def desktop_exec(argv: Sequence[str]) -> str:
    """Quote a command line for a .desktop ``Exec=`` key (Desktop Entry spec, "Exec key")."""
    quoted = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if any(ch in arg for ch in " \t\n\"'\\><~|&;$*?#()`"):
            escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            arg = f'"{escaped}"'
        quoted.append(arg)
    # Inside the Exec value a backslash itself must be escaped once more (string-level escape).
    return " ".join(quoted).replace("\\", "\\\\")


class XdgAutostart:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or Path(platformdirs.user_config_dir()) / "autostart"
        self.path = self.directory / f"{APP_ID}.desktop"

    @staticmethod
    def content(argv: Sequence[str]) -> str:
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Keeps a backup of your attachments and uploads them when the service is up\n"
            f"Exec={desktop_exec(argv)}\n"
            f"Icon={APP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, argv: Sequence[str]) -> None:
        _write_atomic(self.path, self.content(argv).encode("utf-8"))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class MacLaunchAgent:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or Path.home() / "Library" / "LaunchAgents"
        self.path = self.directory / f"{APP_ID}.plist"

    @staticmethod
    def content(argv: Sequence[str]) -> bytes:
        return plistlib.dumps(
            {
                "Label": APP_ID,
                "ProgramArguments": list(argv),
                "RunAtLoad": True,
                "ProcessType": "Interactive",
                "LimitLoadToSessionType": "Aqua",
            }
        )

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, argv: Sequence[str]) -> None:
        _write_atomic(self.path, self.content(argv))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class Registry(Protocol):
    """The three operations on one HKCU key that the Run-key writer needs."""

    def get(self, key: str, name: str) -> str | None: ...
    def set(self, key: str, name: str, value: str) -> None: ...
    def delete(self, key: str, name: str) -> None: ...


class WinRegistry:
    """``Registry`` on the real Windows registry (HKEY_CURRENT_USER)."""

    def get(self, key: str, name: str) -> str | None:
        if sys.platform != "win32":  # (also tells mypy the rest is Windows-only)
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, _ = winreg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, key: str, name: str, value: str) -> None:
        if sys.platform != "win32":  # (also tells mypy the rest is Windows-only)
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def delete(self, key: str, name: str) -> None:
        if sys.platform != "win32":  # (also tells mypy the rest is Windows-only)
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            pass


class WindowsRunKey:
    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or WinRegistry()

    @staticmethod
    def content(argv: Sequence[str]) -> str:
        return subprocess.list2cmdline(list(argv))

    def is_enabled(self) -> bool:
        return self.registry.get(RUN_KEY, APP_NAME) is not None

    def enable(self, argv: Sequence[str]) -> None:
        self.registry.set(RUN_KEY, APP_NAME, self.content(argv))

    def disable(self) -> None:
        self.registry.delete(RUN_KEY, APP_NAME)


def for_platform(platform: str | None = None) -> Autostart:
    """The autostart writer for this (or the named) platform."""
    name = platform or sys.platform
    if name.startswith("win"):
        return WindowsRunKey()
    if name == "darwin":
        return MacLaunchAgent()
    return XdgAutostart()

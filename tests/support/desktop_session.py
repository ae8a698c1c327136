"""A throwaway X desktop for end-to-end runs: Xvfb on a free display plus ``trayer`` as tray host.

Used by ``tests/e2e`` and ``benchmarks/app.py``. ``Xvfb -displayfd`` picks a free display number
itself, so parallel runs never collide. Helpers read the X tree with ``xwininfo`` (is our icon
embedded in the tray?), the clipboard with ``xclip`` and take screenshots with ImageMagick's
``import``: all from other processes, as a user's desktop would see the app.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

TOOLS = ("Xvfb", "trayer", "xwininfo", "xclip", "import")


def missing_tools(tools: tuple[str, ...] = TOOLS) -> list[str]:
    return [tool for tool in tools if shutil.which(tool) is None]


def wait_for(predicate: Callable[[], object], timeout: float, interval: float = 0.05) -> bool:
    """Poll ``predicate`` until it is truthy or ``timeout`` seconds pass (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


@dataclass
class DesktopSession:
    display: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        env.pop("WAYLAND_DISPLAY", None)
        env["QT_QPA_PLATFORM"] = "xcb"
        return env

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), env=self.env(), capture_output=True, text=True, timeout=timeout
        )

    def tree(self, window: str = "-root") -> str:
        target = ["-root"] if window == "-root" else ["-id", window]
        done = self.run("xwininfo", "-tree", *target)
        return done.stdout if done.returncode == 0 else ""

    def tray_panel(self) -> str | None:
        """The window id of trayer's panel, once it is mapped."""
        match = re.search(
            r"^\s*(0x[0-9a-f]+) \"panel\": \(\"panel\" \"trayer\"\)", self.tree(), re.M
        )
        return match.group(1) if match else None

    def tray_icon_embedded(self, name: str) -> bool:
        """True when a window whose name or class contains ``name`` sits inside the tray."""
        panel = self.tray_panel()
        if panel is None:
            return False
        return name.lower() in self.tree(panel).lower()

    def window_viewable(self, title: str, min_width: int = 100) -> bool:
        """True when a top-level window titled ``title`` (at least ``min_width`` wide) is mapped.

        Qt creates a few helper windows with the application's name; the size filter skips them.
        """
        pattern = re.compile(
            r"^\s*(0x[0-9a-f]+) \"" + re.escape(title) + r"\": \(.*?\)\s+(\d+)x", re.M
        )
        for window_id, width in pattern.findall(self.tree()):
            if int(width) >= min_width:
                info = self.run("xwininfo", "-id", window_id)
                if "IsViewable" in info.stdout:
                    return True
        return False

    def window_id(self, title: str, min_width: int = 100) -> str | None:
        pattern = re.compile(
            r"^\s*(0x[0-9a-f]+) \"" + re.escape(title) + r"\": \(.*?\)\s+(\d+)x", re.M
        )
        for window_id, width in pattern.findall(self.tree()):
            if int(width) >= min_width:
                return str(window_id)
        return None

    def tray_icon_id(self, name: str) -> str | None:
        panel = self.tray_panel()
        if panel is None:
            return None
        match = re.search(r"(0x[0-9a-f]+) \"" + re.escape(name) + '"', self.tree(panel))
        return match.group(1) if match else None

    def tray_menu_keys(self, icon: str, *keys: str) -> None:
        """Right-click the tray icon ``icon`` and type ``keys`` (menu mnemonics), as a user does;
        a menu a previous try left open is closed first. Keys typed before the menu has opened
        are lost: callers retry until what they expect has happened."""
        self.run("xdotool", "key", "Escape")
        self.run("xdotool", "mousemove", "--window", icon, "8", "8", "click", "3")
        for key in keys:
            self.run("xdotool", "key", key)

    def set_background(self, top: str = "#3b4a5a", bottom: str = "#1f2833") -> None:
        """A gradient on the root window (a bare X server is black), for screenshots."""
        size = self.run("xwininfo", "-root").stdout
        width = re.search(r"Width: (\d+)", size)
        height = re.search(r"Height: (\d+)", size)
        if not (width and height):
            return
        done = subprocess.run(
            [
                "convert",
                "-size",
                f"{width.group(1)}x{height.group(1)}",
                f"gradient:{top}-{bottom}",
                "png:-",
            ],
            capture_output=True,
            timeout=60,
        )
        if done.returncode == 0:
            subprocess.run(
                ["display", "-window", "root", "png:-"],
                input=done.stdout,
                env=self.env(),
                capture_output=True,
                timeout=60,
            )

    def set_clipboard(self, text: str) -> None:
        """Another program takes the clipboard (xclip keeps serving it in the background)."""
        subprocess.run(
            ["xclip", "-i", "-selection", "clipboard"],
            input=text,
            text=True,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )

    def clipboard(self) -> str | None:
        done = self.run("xclip", "-o", "-selection", "clipboard", timeout=10)
        return done.stdout if done.returncode == 0 else None

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        done = self.run("import", "-window", "root", str(path), timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"screenshot failed: {done.stderr.strip()}")

    def start_tray(self) -> None:
        """Start ``trayer`` (bottom right) and wait until its panel is mapped."""
        for _attempt in range(3):
            trayer = subprocess.Popen(
                ["trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request",
                 "--height", "32", "--transparent", "false", "--tint", "0x30343a",
                 "--SetDockType", "true", "--expand", "true"],
                env=self.env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            # On a loaded machine trayer occasionally gives up before a fresh server is ready
            # for it; start it again rather than failing the whole run.
            wait_for(partial(_panel_or_exit, self, trayer), timeout=30)
            if self.tray_panel():
                self.processes.append(trayer)
                return
            trayer.kill()
            trayer.wait()
        raise RuntimeError("trayer did not map its panel")

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()


def _panel_or_exit(session: DesktopSession, trayer: subprocess.Popen[bytes]) -> bool:
    return bool(session.tray_panel()) or trayer.poll() is not None


def start_session(*, tray: bool = True, size: str = "1280x800") -> DesktopSession:
    """Start Xvfb (and trayer at the bottom right). Raises RuntimeError if either fails."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as reader:
        number = reader.readline().strip()  # written once the server accepts connections
    if not number:
        xvfb.kill()
        xvfb.wait()
        raise RuntimeError("Xvfb did not start")
    session = DesktopSession(f":{number}", [xvfb])
    if tray:
        try:
            session.start_tray()
        except RuntimeError:
            session.stop()
            raise
    return session


def session_for_test(
    tools: tuple[str, ...], packages: str, *, tray: bool
) -> Iterator[DesktopSession]:
    """A pytest fixture body: skip (naming the Debian packages) when a tool is missing, else a
    session that is stopped after the test."""
    import pytest

    missing = missing_tools(tools)
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install {packages})")
    session = start_session(tray=tray)
    try:
        yield session
    finally:
        session.stop()

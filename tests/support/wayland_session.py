"""A throwaway Wayland desktop with a real StatusNotifierItem host: headless sway plus waybar.

Used by ``tests/e2e/test_sni*.py``. A private session D-Bus (``dbus-daemon``) carries the SNI
protocol; ``sway`` runs headless (software rendering, no input devices, no Xwayland) and
``waybar`` with its ``tray`` module is both the ``org.kde.StatusNotifierWatcher`` and the host
that shows items, as on a user's Wayland desktop. sway refuses to run as root, so when the
tests run as root (CI) the compositor and the bar run as ``nobody`` (``setpriv``); the bus lets
every user in, and the app and the helpers below (root) may open sway's socket.

Everything a user's desktop would see is read from other processes: the registered items and
their properties with ``busctl``, the item's menu through ``com.canonical.dbusmenu``, and the
clipboard with ``wl-paste``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from support.desktop_session import wait_for

TOOLS = ("sway", "waybar", "dbus-daemon", "busctl", "wl-paste", "wl-copy", "setpriv")
PACKAGES = "sway waybar wl-clipboard dbus systemd util-linux"
WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
NOBODY = 65534

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <!-- the bar runs as another user than the app when the tests run as root -->
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
_SWAY_CONFIG = "xwayland disable\noutput HEADLESS-1 resolution 1280x800\n"
_WAYBAR_CONFIG = {
    "layer": "top",
    "position": "bottom",
    "height": 30,
    "modules-right": ["tray"],
    "tray": {"icon-size": 22, "spacing": 4},
}


@dataclass(frozen=True)
class MenuItem:
    id: int
    label: str
    enabled: bool
    children: tuple[MenuItem, ...] = ()

    def find(self, label: str) -> MenuItem | None:
        """The first item (depth first) whose label, without mnemonics, starts with ``label``."""
        for child in self.children:
            if child.label.replace("&", "").replace("_", "").startswith(label):
                return child
            found = child.find(label)
            if found is not None:
                return found
        return None


@dataclass
class WaylandSession:
    root: Path
    bus: str
    wayland_socket: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """The environment of a program in this session (on Qt's wayland platform)."""
        env = dict(os.environ if base is None else base)
        env.pop("DISPLAY", None)
        runtime = self.root / "app-runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env.update(
            QT_QPA_PLATFORM="wayland",
            WAYLAND_DISPLAY=str(self.wayland_socket),
            XDG_RUNTIME_DIR=str(runtime),
            DBUS_SESSION_BUS_ADDRESS=self.bus,
            XDG_CURRENT_DESKTOP="sway",
            XDG_SESSION_TYPE="wayland",
        )
        return env

    def busctl(self, *args: str) -> Any:
        """``busctl ARGS --json=short`` on the session bus: the decoded reply ({} for a method
        that returns nothing), None on error."""
        done = subprocess.run(
            ["busctl", f"--address={self.bus}", "--json=short", "--", *args],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode != 0:
            return None
        return json.loads(done.stdout) if done.stdout.strip() else {}

    def host_registered(self) -> bool:
        reply = self.busctl(
            "get-property", WATCHER, "/StatusNotifierWatcher", WATCHER,
            "IsStatusNotifierHostRegistered",
        )  # fmt: skip
        return bool(reply and reply["data"])

    def registered_items(self) -> list[str]:
        """The watcher's ``RegisteredStatusNotifierItems`` (``service/path`` each)."""
        reply = self.busctl(
            "get-property", WATCHER, "/StatusNotifierWatcher", WATCHER,
            "RegisteredStatusNotifierItems",
        )  # fmt: skip
        return list(reply["data"]) if reply else []

    def item_property(self, item: str, name: str) -> Any:
        """One property of the item registered as ``service/path`` (its JSON value)."""
        service, path = _split(item)
        reply = self.busctl("get-property", service, path, ITEM, name)
        return None if reply is None else reply.get("data")

    def tooltip(self, item: str) -> str:
        """The tooltip's title and text, one line each (``ToolTip`` is (sa(iiay)ss))."""
        value = self.item_property(item, "ToolTip")
        if not value:
            return ""
        return "\n".join(part for part in (value[2], value[3]) if part)

    def menu(self, item: str) -> MenuItem:
        """The item's menu, read through ``com.canonical.dbusmenu.GetLayout``."""
        service, _path = _split(item)
        menu_path = self.item_property(item, "Menu")
        reply = self.busctl("call", service, menu_path, MENU, "GetLayout", "iias", "0", "-1", "0")
        if reply is None:
            raise RuntimeError(f"{item} has no menu at {menu_path}")
        _revision, layout = reply["data"]
        return _menu_item(layout)

    def click(self, item: str, entry: MenuItem) -> None:
        """What a host does when the user clicks ``entry``: ``Event(id, "clicked", …)``."""
        service, _path = _split(item)
        menu_path = self.item_property(item, "Menu")
        # Before a menu is shown, a host tells the item (Qt fills submenus then).
        self.busctl("call", service, menu_path, MENU, "AboutToShow", "i", "0")
        reply = self.busctl(
            "call", service, menu_path, MENU, "Event", "isvu",
            str(entry.id), "clicked", "i", "0", str(int(time.time())),
        )  # fmt: skip
        if reply is None:
            raise RuntimeError(f"clicking {entry.label!r} of {item} failed")

    def clipboard(self) -> str | None:
        """The clipboard as another Wayland program reads it (None when it holds nothing)."""
        done = subprocess.run(
            ["wl-paste", "--no-newline"],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=10,
        )
        return done.stdout if done.returncode == 0 else None

    def set_clipboard(self, text: str) -> None:
        """Another program takes the clipboard (wl-copy keeps serving it in the background)."""
        subprocess.run(
            ["wl-copy"],
            input=text,
            text=True,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
            check=True,
        )

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        shutil.rmtree(self.root, ignore_errors=True)


def _split(item: str) -> tuple[str, str]:
    service, _slash, path = item.partition("/")
    return service, "/" + path if path else "/StatusNotifierItem"


def _menu_item(node: list[Any]) -> MenuItem:
    """One ``(ia{sv}av)`` node of a dbusmenu layout, as busctl's JSON spells it."""
    item_id, props, children = node
    label = props.get("label", {}).get("data", "")
    enabled = props.get("enabled", {}).get("data", True)
    return MenuItem(
        int(item_id),
        str(label),
        bool(enabled),
        tuple(_menu_item(child["data"]) for child in children),
    )


def _as_desktop_user() -> list[str]:
    """The command prefix that runs the compositor and the bar (not as root: sway refuses)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]


def start_wayland_session() -> WaylandSession:
    """Start the bus, sway and waybar; return once waybar's tray host is registered.

    Raises RuntimeError (with the tool's own words) when a part does not come up.
    """
    root = Path(tempfile.mkdtemp(prefix="ag-wayland-"))
    root.chmod(0o755)  # the desktop user reads its configuration files here
    runtime, home = root / "runtime", root / "home"
    runtime.mkdir(mode=0o700)
    home.mkdir()
    if os.geteuid() == 0:
        for path in (runtime, home):
            os.chown(path, NOBODY, NOBODY)
    socket = root / "bus"
    (root / "bus.conf").write_text(_BUS_CONFIG.format(socket=socket))
    (root / "sway.conf").write_text(_SWAY_CONFIG)
    (root / "waybar.json").write_text(json.dumps(_WAYBAR_CONFIG))
    for name in ("bus.conf", "sway.conf", "waybar.json"):
        (root / name).chmod(0o644)
    session = WaylandSession(root, f"unix:path={socket}", runtime / "wayland-1")
    try:
        _start(session, runtime, home)
    except BaseException:
        session.stop()
        raise
    return session


def _start(session: WaylandSession, runtime: Path, home: Path) -> None:
    root = session.root
    logs = root / "logs"
    logs.mkdir()

    def spawn(args: list[str], name: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
        with (logs / f"{name}.log").open("wb") as sink:
            process = subprocess.Popen(args, env=env, stdout=sink, stderr=subprocess.STDOUT)
        session.processes.append(process)
        return process

    def failed(process: subprocess.Popen[bytes], name: str) -> RuntimeError:
        text = (logs / f"{name}.log").read_text(errors="replace").strip().splitlines()
        return RuntimeError(f"{name} did not start: {' / '.join(text[-5:])}")

    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    bus = spawn(
        ["dbus-daemon", "--nofork", f"--config-file={root / 'bus.conf'}"], "dbus", dict(base)
    )
    if not wait_for(lambda: (root / "bus").exists() or bus.poll() is not None, timeout=30):
        raise failed(bus, "dbus")
    if bus.poll() is not None:
        raise failed(bus, "dbus")
    (root / "bus").chmod(0o777)
    desktop = {
        **base,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "DBUS_SESSION_BUS_ADDRESS": session.bus,
    }
    sway = spawn(
        [*_as_desktop_user(), "sway", "-c", str(root / "sway.conf")],
        "sway",
        {
            **desktop,
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
        },
    )

    def sway_socket() -> Path | None:
        # Listing a directory that belongs to the desktop user: root may, others need ours.
        sockets = sorted(p for p in runtime.glob("wayland-*") if not p.name.endswith(".lock"))
        return sockets[0] if sockets else None

    wait_for(lambda: sway_socket() is not None or sway.poll() is not None, timeout=60)
    found = sway_socket()
    if found is None or sway.poll() is not None:
        raise failed(sway, "sway")
    session.wayland_socket = found
    waybar = spawn(
        [*_as_desktop_user(), "waybar", "-c", str(root / "waybar.json")],
        "waybar",
        {**desktop, "WAYLAND_DISPLAY": found.name},
    )
    wait_for(lambda: session.host_registered() or waybar.poll() is not None, timeout=60)
    if not session.host_registered():
        raise failed(waybar, "waybar")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wayland_session_for_tests() -> Iterator[WaylandSession]:
    """A pytest fixture body: skip (naming the Debian packages) when a tool is missing, else a
    session that is stopped afterwards."""
    import pytest

    missing = missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install {PACKAGES})")
    if os.geteuid() == 0 and not _can_drop_root():
        pytest.skip("running as root, and setpriv cannot switch to the user nobody here")
    session = start_wayland_session()
    try:
        yield session
    finally:
        session.stop()


def _can_drop_root() -> bool:
    done = subprocess.run(
        [*_as_desktop_user(), "true"], capture_output=True, timeout=30, check=False
    )
    return done.returncode == 0

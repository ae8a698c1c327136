"""The tray on a StatusNotifierItem host: a real Wayland session (headless sway) with waybar.

KDE Plasma, GNOME with the AppIndicator extension and most Wayland panels show tray icons
through the StatusNotifierItem protocol over D-Bus, not XEmbed. Here the app runs on Qt's
wayland platform under sway, and waybar's tray module is the watcher and the host. Everything
is read as the desktop sees it, from other processes: the watcher lists our item; its tooltip
and icon follow the queue's state; its menu, opened through ``com.canonical.dbusmenu`` as
waybar does, pauses uploads, and its "Copy text instead" and "Copy text of…" put the document's
text on the Wayland clipboard, read back by ``wl-paste``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.app_home import loopback_home
from support.app_process import RunningApp, app_env, launch
from support.desktop_session import wait_for
from support.openai_server import FakeOpenAI
from support.wayland_session import WaylandSession, wayland_session_for_tests

pytestmark = pytest.mark.e2e

SENTENCE = "The heron counted 4711 silver pebbles beside the quiet canal at dawn."
OTHER = "The ferry timetable changes on the first Monday of October."


@pytest.fixture(scope="module")
def wayland() -> Iterator[WaylandSession]:
    """One sway + waybar session for the module (starting one takes a few seconds)."""
    yield from wayland_session_for_tests()


def _our_item(session: WaylandSession) -> str | None:
    for item in session.registered_items():
        if session.item_property(item, "Title") == "AttachGuard":
            return item
    return None


def _tooltip_has(session: WaylandSession, item: str, words: str) -> bool:
    return words in session.tooltip(item)


def test_sni_item_registers_follows_the_queue_and_its_menu_copies_text(
    wayland: WaylandSession, openai_server: FakeOpenAI, apps: list[RunningApp], tmp_path: Path
) -> None:
    server = openai_server
    server.expired(times=None)  # every upload: "file has expired"
    home = tmp_path / "home"
    loopback_home(home, server)
    env = app_env(
        wayland,  # type: ignore[arg-type]  # any session with env() will do
        home,
        {
            "OPENAI_API_KEY": server.api_key,
            "OPENAI_BASE_URL": server.base_url,
            "ATTACHGUARD_MAX_ATTEMPTS": "3",
            "ATTACHGUARD_BACKOFF_BASE": "0.05",
            "ATTACHGUARD_BACKOFF_CAP": "0.2",
        },
    )
    started = time.monotonic()
    app = launch(env, home, tmp_path / "app-output.txt")
    apps.append(app)

    assert wait_for(lambda: _our_item(wayland) is not None, timeout=60, interval=0.1), (
        f"no item registered with waybar's watcher: {wayland.registered_items()}\n"
        f"{app.output_text()}"
    )
    print(f"SNI item registered {time.monotonic() - started:.2f} s after launch")
    item = _our_item(wayland)
    assert item is not None
    assert "system tray available: True" in app.log_text()
    assert wayland.item_property(item, "Status") == "Active"
    assert wayland.item_property(item, "Category") == "ApplicationStatus"

    # Nothing queued yet: all good.
    assert wait_for(
        lambda: _tooltip_has(wayland, item, "All documents are backed up"), timeout=60
    ), wayland.tooltip(item)
    good_icon = wayland.item_property(item, "IconPixmap")
    assert good_icon, "the item shows an icon"

    document = tmp_path / "quarterly notes.txt"
    document.write_text(f"Quarterly notes\n\n{SENTENCE}\n", encoding="utf-8")
    added = app.cli("add", str(document))
    assert added.returncode == 0, added.stderr

    # The upload expires on OpenAI's side: the tooltip says so, and the icon changes.
    assert wait_for(lambda: _tooltip_has(wayland, item, "expired"), timeout=90), (
        wayland.tooltip(item) + app.log_text()
    )
    assert wayland.item_property(item, "IconPixmap") != good_icon

    menu = wayland.menu(item)
    pause = menu.find("Pause uploads")
    assert pause is not None and pause.enabled, menu
    wayland.click(item, pause)
    assert wait_for(lambda: _tooltip_has(wayland, item, "Uploads paused by you"), timeout=30)
    resume = wayland.menu(item).find("Resume uploads")
    assert resume is not None, "the menu offers to resume"

    # "Copy text instead" from the panel's menu, while another program owns the clipboard.
    wayland.set_clipboard("something else")
    assert wait_for(lambda: wayland.clipboard() == "something else", timeout=30)
    copy = wayland.menu(item).find("Copy text instead")
    assert copy is not None
    wayland.click(item, copy)
    assert wait_for(lambda: SENTENCE in (wayland.clipboard() or ""), timeout=60), (
        f"{wayland.clipboard()!r}\n{app.log_text()}"
    )
    assert "quarterly notes.txt" in (wayland.clipboard() or "")

    # "Copy text of…" lists the documents; choosing the older one copies its text.
    other = tmp_path / "timetable.txt"
    other.write_text(f"Timetable\n\n{OTHER}\n", encoding="utf-8")
    assert app.cli("add", str(other)).returncode == 0
    assert wait_for(
        lambda: "the copy-text menu lists 2 document(s)" in app.log_text(), timeout=60
    ), app.log_text()
    wayland.set_clipboard("something else")
    assert wait_for(lambda: wayland.clipboard() == "something else", timeout=30)
    submenu = wayland.menu(item).find("Copy text of")
    assert submenu is not None and len(submenu.children) == 2, submenu
    older = next(c for c in submenu.children if "quarterly notes.txt" in c.label)
    wayland.click(item, older)
    assert wait_for(lambda: SENTENCE in (wayland.clipboard() or ""), timeout=60), app.log_text()
    assert OTHER not in (wayland.clipboard() or "")
    # The menu's two copies (logged once the clipboard holds the text).
    assert wait_for(lambda: app.log_text().count("fallback copied") == 2, timeout=30)

    assert app.quit() == 0
    assert "AttachGuard stopped cleanly" in app.log_text()
    # Gone from the panel with the app.
    assert wait_for(lambda: _our_item(wayland) is None, timeout=30)

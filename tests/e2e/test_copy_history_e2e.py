"""The tray after an upload failed, as a user meets it: "Copy text of…" puts the failed
document's text on the clipboard, and after the clipboard was overwritten "Copy again" puts it
back. A real app process in Xvfb with trayer as its tray host; the loopback server refuses the
upload for good (HTTP 400); the menu is opened with a right-click on the icon and its mnemonics
are typed (xdotool); the clipboard is read back by ``xclip`` in another process. The test prints
the clicks and seconds from "upload failed" to "text in the clipboard" for the tray.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from support.app_home import loopback_home
from support.app_process import RunningApp, app_env, launch
from support.desktop_session import DesktopSession, wait_for
from support.openai_server import FakeOpenAI

pytestmark = pytest.mark.e2e

SENTENCE = "The harbour ledger lists 4127 crates of oranges landed on the ninth of May."


def _choose(desktop: DesktopSession, icon: str, keys: tuple[str, ...], expect: str) -> bool:
    """Right-click the tray icon and type ``keys`` until ``expect`` is on the clipboard."""

    def attempt() -> bool:
        desktop.tray_menu_keys(icon, *keys)
        return wait_for(lambda: expect in (desktop.clipboard() or ""), timeout=3, interval=0.1)

    return wait_for(attempt, timeout=90, interval=0.2)


def test_tray_copy_text_of_after_a_failure_then_copy_again_after_the_clipboard_changed(
    desktop: DesktopSession, openai_server: FakeOpenAI, apps: list[RunningApp], tmp_path: Path
) -> None:
    openai_server.fail_status(400, times=None, message="This file type is not supported.")
    home = tmp_path / "home"
    loopback_home(home, openai_server)
    extra = {"OPENAI_BASE_URL": openai_server.base_url, "OPENAI_API_KEY": openai_server.api_key}
    app = launch(app_env(desktop, home, extra), home, tmp_path / "app-output.txt")
    apps.append(app)
    assert wait_for(lambda: desktop.tray_icon_embedded("attachguard"), timeout=60), (
        f"no AttachGuard icon in the tray:\n{desktop.tree()}\n{app.output_text()}"
    )
    icon = desktop.tray_icon_id("AttachGuard")
    assert icon is not None

    document = tmp_path / "harbour ledger.txt"
    document.write_text(f"Harbour ledger\n\n{SENTENCE}\n", encoding="utf-8")
    desktop.set_clipboard("something else")
    assert app.cli("add", str(document)).returncode == 0
    assert wait_for(app.has_failed_upload, timeout=90, interval=0.1), app.log_text()
    failed_at = time.monotonic()
    assert wait_for(lambda: "copy-text menu lists 1 document(s)" in app.log_text(), timeout=60)

    # (a) Right-click the icon, "Copy text o&f…", "&1 harbour ledger.txt (upload failed)".
    assert _choose(desktop, icon, ("f", "1"), SENTENCE), app.log_text()
    seconds = time.monotonic() - failed_at
    assert "harbour ledger.txt" in (desktop.clipboard() or "")
    print(
        f"\ntray: 3 clicks (icon, Copy text of\u2026, the document), {seconds:.1f} s from "
        "'upload failed' to the text in the clipboard"
    )

    # (c) The clipboard is overwritten; "Copy a&gain", "&1 harbour ledger.txt, chat, HH:MM".
    assert wait_for(lambda: "copy-again menu lists 1 copies" in app.log_text(), timeout=60), (
        app.log_text()
    )
    desktop.set_clipboard("a password copied meanwhile")
    assert wait_for(lambda: desktop.clipboard() == "a password copied meanwhile", timeout=30)
    assert _choose(desktop, icon, ("g", "1"), SENTENCE), app.log_text()
    assert "a password" not in (desktop.clipboard() or "")
    assert wait_for(lambda: "copy-again menu lists 2 copies" in app.log_text(), timeout=60)

    assert app.quit() == 0
    assert "AttachGuard stopped cleanly" in app.log_text()

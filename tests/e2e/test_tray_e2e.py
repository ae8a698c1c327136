"""The whole app under Xvfb with a real tray host, as a user meets it.

Start the app; its icon appears in trayer's tray. A second ``attachguard add`` hands a document
to it and exits. The loopback server answers every upload with "The file has expired"; the app
tells the user, and "Copy text instead" (the tray action, triggered through the running app)
puts the document's text on the X clipboard, read back by ``xclip`` from another process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.app_home import SUMMARY_PATH, loopback_home
from support.app_process import RunningApp, app_env, launch
from support.desktop_session import DesktopSession, wait_for
from support.openai_server import FakeOpenAI

from desktop_app.core.service import Service
from desktop_app.paths import AppPaths

pytestmark = pytest.mark.e2e

SENTENCE = "The heron counted 4711 silver pebbles beside the quiet canal at dawn."


def _key_environment(request: pytest.FixtureRequest, key: str) -> dict[str, str]:
    """The API key in a real (private) Secret Service when one can run; else the environment."""
    try:
        secrets = request.getfixturevalue("secret_service")
    except (pytest.skip.Exception, RuntimeError) as exc:
        # Optional: without a Secret Service the key comes from the environment instead.
        print(f"no Secret Service for this run ({exc}); using OPENAI_API_KEY")
        return {"OPENAI_API_KEY": key}
    env = secrets.apply()
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env.pop("OPENAI_API_KEY", None)
    store = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop_app.core.credentials import CredentialStore; "
            "CredentialStore().set(sys.stdin.read())",
        ],
        input=key,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert store.returncode == 0, store.stderr
    return {**secrets.env, "PYTHON_KEYRING_BACKEND": ""}


def _expired_job(home: Path) -> bool:
    service = Service(AppPaths.under(home))
    try:
        return any(str(job.error_kind) == "expired" for job in service.uploads.jobs())
    finally:
        service.close()


def test_tray_add_expiry_and_copy_text_instead(
    desktop: DesktopSession,
    openai_server: FakeOpenAI,
    apps: list[RunningApp],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    server = openai_server
    server.expired(times=None)  # every upload: "file has expired"
    home = tmp_path / "home"
    loopback_home(home, server)  # status page and API on loopback
    extra = {
        "OPENAI_BASE_URL": server.base_url,
        # The loopback "all operational" page that loopback_home serves (the suite turns status
        # checks off by default).
        "ATTACHGUARD_STATUS_URL": server.url(SUMMARY_PATH),
        "ATTACHGUARD_MAX_ATTEMPTS": "3",
        "ATTACHGUARD_BACKOFF_BASE": "0.05",
        "ATTACHGUARD_BACKOFF_CAP": "0.2",
    }
    extra.update(_key_environment(request, server.api_key))
    env = app_env(desktop, home, extra)
    if not env.get("PYTHON_KEYRING_BACKEND"):
        env.pop("PYTHON_KEYRING_BACKEND", None)
    app = launch(env, home, tmp_path / "app-output.txt")
    apps.append(app)

    assert wait_for(lambda: desktop.tray_icon_embedded("attachguard"), timeout=60), (
        f"no AttachGuard icon in the tray:\n{desktop.tree()}\n{app.output_text()}"
    )
    assert wait_for(lambda: "system tray available: True" in app.log_text(), timeout=30)

    document = tmp_path / "quarterly notes.txt"
    document.write_text(f"Quarterly notes\n\n{SENTENCE}\n", encoding="utf-8")
    added = app.cli("add", str(document))
    assert added.returncode == 0, added.stderr
    assert "backing up 1 item" in added.stdout
    assert app.process.poll() is None  # the second process handed over; the app still runs

    assert wait_for(lambda: _expired_job(home), timeout=90), app.log_text()
    assert wait_for(lambda: "notification: Upload" in app.log_text(), timeout=30), app.log_text()
    assert "expired on OpenAI's side" in app.log_text()

    copied = app.cli("copy-text")
    assert copied.returncode == 0, copied.stderr + app.log_text()
    assert "Copied the text of \u201cquarterly notes.txt\u201d" in copied.stdout
    assert wait_for(lambda: SENTENCE in (desktop.clipboard() or ""), timeout=30)
    clipboard = desktop.clipboard() or ""
    assert "quarterly notes.txt" in clipboard  # the prompt names the file it stands in for

    shown = app.cli()  # a second plain launch: brings the window up, exits at once
    assert shown.returncode == 0, shown.stderr
    assert wait_for(lambda: _window_mapped(desktop), 60)
    shot = tmp_path / "screenshot.png"
    target = os.environ.get("ATTACHGUARD_E2E_SCREENSHOT")
    if target:
        _stage_for_screenshot(desktop)
    desktop.screenshot(shot)
    assert shot.stat().st_size > 10_000
    if target:
        shutil.copyfile(shot, target)

    # Once more the way a user does it: another program owns the clipboard; right-click the
    # tray icon and press the menu's mnemonic for "&Copy text instead".
    desktop.set_clipboard("something else")
    assert wait_for(lambda: desktop.clipboard() == "something else", timeout=30)
    desktop.run("xdotool", "key", "Escape")  # close a menu left open for the screenshot
    icon = desktop.tray_icon_id("AttachGuard")
    assert icon is not None
    desktop.run("xdotool", "mousemove", "--window", icon, "8", "8", "click", "3")

    def press_c_in_menu() -> bool:
        desktop.run("xdotool", "key", "c")  # ignored until the menu has opened
        return wait_for(lambda: SENTENCE in (desktop.clipboard() or ""), timeout=2, interval=0.2)

    assert wait_for(press_c_in_menu, timeout=60, interval=0.2), app.log_text()
    assert app.log_text().count("fallback copied") == 2  # the CLI's copy, then the menu's

    assert app.quit() == 0
    assert "AttachGuard stopped cleanly" in app.log_text()
    assert "threads still running at exit" not in app.log_text()


def _stage_for_screenshot(desktop: DesktopSession) -> None:
    """For the README picture: a backdrop, the window placed, and the tray menu open (opened by
    a real right-click on our embedded tray icon)."""
    desktop.set_background()
    window = desktop.window_id("AttachGuard")
    assert window is not None
    desktop.run("xdotool", "windowsize", window, "900", "520")
    desktop.run("xdotool", "windowmove", window, "40", "40")
    icon = desktop.tray_icon_id("AttachGuard")
    assert icon is not None
    before = desktop.tree()
    desktop.run("xdotool", "mousemove", "--window", icon, "8", "8", "click", "3")
    wait_for(lambda: desktop.tree() != before, timeout=10)  # the menu maps (checked by eye)
    desktop.run("xdotool", "mousemove_relative", "--", "-40", "-114")  # on "Copy text instead"


def _window_mapped(desktop: DesktopSession) -> bool:
    return desktop.window_viewable("AttachGuard")


def test_without_a_tray_the_window_opens(
    bare_desktop: DesktopSession, openai_server: FakeOpenAI, apps: list[RunningApp], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    loopback_home(home, openai_server)
    app = launch(app_env(bare_desktop, home), home, tmp_path / "app-output.txt")
    apps.append(app)
    assert wait_for(lambda: _window_mapped(bare_desktop), timeout=60), app.output_text()
    assert wait_for(lambda: "system tray available: False" in app.log_text(), timeout=30)
    # Started at login before the panel: once a tray appears, the app moves into it.
    if shutil.which("trayer"):
        bare_desktop.start_tray()
        assert wait_for(lambda: bare_desktop.tray_icon_embedded("attachguard"), timeout=60)
        assert "a system tray appeared" in app.log_text()
    assert app.quit() == 0

"""The tray's "Copy text of…" submenu, as a ChatGPT-only user meets it: no API key, no upload
ever failed. Two documents are handed to the running app; a right-click on its tray icon (in
trayer, under Xvfb), "f" for "Copy text o&f…" and "2" for the second-newest document put that
document's text on the X clipboard, read back by ``xclip`` from another process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app_process import RunningApp, app_env, launch
from support.desktop_session import DesktopSession, wait_for

pytestmark = pytest.mark.e2e

OLDER = "The lighthouse keeper logged 5813 gulls on the northern rocks."
NEWER = "The ferry timetable changes on the first Monday of October."


def test_copy_text_of_puts_the_chosen_documents_text_on_the_clipboard(
    desktop: DesktopSession, apps: list[RunningApp], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = app_env(desktop, home)  # no OPENAI_API_KEY, no keyring: nothing can upload
    app = launch(env, home, tmp_path / "app-output.txt")
    apps.append(app)
    assert wait_for(lambda: desktop.tray_icon_embedded("attachguard"), timeout=60), (
        f"no AttachGuard icon in the tray:\n{desktop.tree()}\n{app.output_text()}"
    )

    for name, sentence in (("logbook.txt", OLDER), ("timetable.txt", NEWER)):
        document = tmp_path / name
        document.write_text(f"{name}\n\n{sentence}\n", encoding="utf-8")
        added = app.cli("add", str(document))
        assert added.returncode == 0, added.stderr
    assert wait_for(
        lambda: "the copy-text menu lists 2 document(s)" in app.log_text(), timeout=60
    ), app.log_text()

    desktop.set_clipboard("something else")
    assert wait_for(lambda: desktop.clipboard() == "something else", timeout=30)
    icon = desktop.tray_icon_id("AttachGuard")
    assert icon is not None

    def choose_second_document() -> bool:
        # "Copy text o&f…", then "&2 logbook.txt (added)".
        desktop.tray_menu_keys(icon, "f", "2")
        return wait_for(lambda: OLDER in (desktop.clipboard() or ""), timeout=3, interval=0.2)

    assert wait_for(choose_second_document, timeout=90, interval=0.5), app.log_text()
    clipboard = desktop.clipboard() or ""
    assert "logbook.txt" in clipboard  # the prompt names the file it stands in for
    assert NEWER not in clipboard
    assert "fallback copied" in app.log_text()

    assert app.quit() == 0
    assert "AttachGuard stopped cleanly" in app.log_text()

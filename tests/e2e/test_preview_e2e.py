"""The text preview as a user meets it from the tray: after an upload failed, "Preview text…"
opens the document's text in parts; Space copies part 1, Space again part 2 (the focus moves to
"Copy next part"). A real app process in Xvfb with trayer; each part is read back from the
clipboard by ``xclip`` in another process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app_home import loopback_home
from support.app_process import RunningApp, app_env, launch
from support.desktop_session import DesktopSession, wait_for
from support.openai_server import FakeOpenAI

pytestmark = pytest.mark.e2e


def _long_report(path: Path) -> None:
    """About 25,000 tokens of distinct paragraphs: two or more ChatGPT-sized parts."""
    paragraphs = [
        f"Paragraph {n}: the survey of quay {n} counted {n * 7} bollards, {n * 3} cranes and "
        f"{n * 11} mooring rings, all inspected in week {n % 52 + 1}. " * 4
        for n in range(1, 301)
    ]
    path.write_text("Harbour survey\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def test_preview_from_the_tray_copies_part_1_then_the_next_part_with_the_keyboard(
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
    report = tmp_path / "harbour survey.txt"
    _long_report(report)
    desktop.set_clipboard("something else")
    assert app.cli("add", str(report)).returncode == 0
    assert wait_for(app.has_failed_upload, timeout=90, interval=0.1), app.log_text()

    def open_preview() -> bool:
        desktop.tray_menu_keys(icon, "v")  # "Pre&view text…"
        return wait_for(
            lambda: desktop.window_id("Text of harbour survey.txt \u2014 AttachGuard") is not None,
            timeout=5,
            interval=0.2,
        )

    assert wait_for(open_preview, timeout=90, interval=0.2), app.log_text()
    assert wait_for(lambda: "preview shown:" in app.log_text(), timeout=60), app.log_text()
    window = desktop.window_id("Text of harbour survey.txt \u2014 AttachGuard")
    assert window is not None

    def press_space_until(expect: str) -> bool:
        def attempt() -> bool:
            desktop.run("xdotool", "windowfocus", "--sync", window)
            desktop.run("xdotool", "key", "--window", window, "space")
            return wait_for(lambda: expect in (desktop.clipboard() or ""), timeout=3)

        return wait_for(attempt, timeout=30, interval=0.2)

    assert press_space_until("Part 1 of "), app.log_text()
    first = desktop.clipboard() or ""
    assert "Paragraph 1:" in first and "Part 2 of " not in first
    assert press_space_until("Part 2 of "), app.log_text()
    second = desktop.clipboard() or ""
    assert "Paragraph 1:" not in second and '"harbour survey.txt"' in second
    # Nothing lost between the parts: the paragraph after part 1's last one opens part 2.
    last_in_first = max(int(n) for n in _numbers(first))
    assert f"Paragraph {last_in_first + 1}:" in second

    assert app.quit() == 0
    assert "AttachGuard stopped cleanly" in app.log_text()


def _numbers(text: str) -> list[str]:
    import re

    return re.findall(r"Paragraph (\d+):", text)

"""Every tray state has its own icon shape, an honest tooltip, and the right menu state."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from support.snapshots import snap

from desktop_app.core.service import Service
from desktop_app.paths import AppPaths
from desktop_app.ui import icons
from desktop_app.ui.tray import TrayController
from desktop_app.ui.tray_state import TrayState, describe

NOW = 1_800_000_000.0


def test_all_good() -> None:
    view = describe(snap(counts={"done": 12}), NOW)
    assert view.state is TrayState.OK
    assert view.icon_name == "tray-ok"
    assert "All documents are backed up" in view.tooltip
    assert "12 uploaded" in view.tooltip


def test_uploading_shows_overall_progress() -> None:
    view = describe(
        snap(counts={"uploading": 2, "queued": 3, "done": 1}, bytes_total=1000, bytes_sent=250),
        NOW,
    )
    assert view.state is TrayState.UPLOADING
    assert view.progress == pytest.approx(0.25)
    assert "Uploading 5 documents (25%)" in view.tooltip
    assert "2 uploading, 3 queued, 1 uploaded" in view.tooltip


def test_failures_and_expiries_need_attention_with_count() -> None:
    view = describe(
        snap(counts={"failed": 2, "waiting_retry": 3}, expired_waiting=1, next_retry_at=NOW + 30),
        NOW,
    )
    assert view.state is TrayState.ATTENTION
    assert view.count == 3  # two failed + one expired (the fallback is ready for it)
    assert "3 documents could not be uploaded" in view.tooltip
    assert "Next retry: " in view.tooltip and "(in 30 s)" in view.tooltip


@pytest.mark.parametrize(
    ("paused", "has_key", "words"),
    [
        ("user", True, "Uploads paused by you"),
        (None, False, "Uploads paused until you add an API key"),
        ("no_key", True, "Uploads paused until you add an API key"),
        ("auth", True, "the API key was refused"),
    ],
)
def test_paused_states(paused: str | None, has_key: bool, words: str) -> None:
    view = describe(snap(paused=paused, has_key=has_key, counts={"failed": 4}), NOW)
    assert view.state is TrayState.PAUSED
    assert words in view.tooltip
    assert view.user_paused is (paused == "user")


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"breaker_open": True}, "The upload service is failing"),
        ({"paused": "breaker"}, "The upload service is failing"),
        ({"paused": "service_outage"}, "OpenAI reports an outage"),
        ({"paused": "rate_limit"}, "Rate limited"),
    ],
)
def test_service_trouble(overrides: dict[str, object], words: str) -> None:
    view = describe(snap(counts={"queued": 5}, **overrides), NOW)
    assert view.state is TrayState.TROUBLE
    assert view.icon_name == "tray-trouble"
    assert words in view.tooltip


def _alpha_mask(image: QImage) -> bytes:
    return bytes(
        255 if image.pixelColor(x, y).alpha() > 128 else 0
        for y in range(image.height())
        for x in range(image.width())
    )


def test_state_icons_differ_in_shape_not_only_colour(qapp: object) -> None:
    masks = {state: _alpha_mask(icons.render(f"tray-{state.value}", 32)) for state in TrayState}
    for a, b in itertools.combinations(TrayState, 2):
        gray_a = icons.render(f"tray-{a.value}", 32).convertToFormat(
            QImage.Format.Format_Grayscale8
        )
        gray_b = icons.render(f"tray-{b.value}", 32).convertToFormat(
            QImage.Format.Format_Grayscale8
        )
        # Either the outline differs or the glyph does, even for a colour-blind user.
        assert masks[a] != masks[b] or gray_a != gray_b, (a, b)


def test_badge_and_progress_change_the_icon(qapp: object) -> None:
    plain = icons.render("tray-attention", 32)
    assert icons.render("tray-attention", 32, count=3) != plain
    assert icons.render("tray-uploading", 32, progress=0.5) != icons.render("tray-uploading", 32)


def test_controller_applies_view_to_icon_tooltip_and_menu(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    calls: list[str] = []
    tray = TrayController(
        None,  # the service is still opening
        open_window=lambda: calls.append("open"),
        add_files=lambda: calls.append("add"),
        open_settings=lambda: calls.append("settings"),
        quit_app=lambda: calls.append("quit"),
    )
    service = Service(app_paths)
    try:
        assert tray.icon.toolTip() == "AttachGuard: starting\u2026"
        tray.open_action.trigger()  # disabled until the service is open: nothing happens
        assert calls == []
        assert tray.quit_action.isEnabled()
        tray.attach(service)

        tray.apply(describe(snap(has_key=False), NOW))
        assert tray.key_notice.isVisible()
        assert tray.icon.toolTip().startswith(
            "AttachGuard: Uploads paused until you add an API key"
        )
        assert not tray.pause_action.isEnabled()
        assert not tray.icon.icon().isNull()

        tray.apply(describe(snap(paused="user"), NOW))
        assert tray.pause_action.text() == "Res&ume uploads"
        assert not tray.key_notice.isVisible()

        tray.apply(describe(snap(), NOW))
        assert tray.pause_action.text() == "Pa&use uploads"

        texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert texts[1:] == [
            "&Open AttachGuard",
            "&Add files\u2026",
            "&Copy text instead",
            "Copy text o&f\u2026",
            "Copy a&gain",
            "Pre&view text\u2026",
            "&Retry failed now",
            "Pa&use uploads",
            "&Settings\u2026",
            "&Quit",
        ]
        # A tray menu cannot take shortcuts: it shows none (issue 16, "shortcuts that lie").
        assert all(a.shortcut().isEmpty() for a in tray.menu.actions())
        tray.open_action.trigger()
        tray.settings_action.trigger()
        tray.quit_action.trigger()
        assert calls == ["open", "settings", "quit"]
    finally:
        tray.close()
        service.close()


def test_window_icon_is_the_installed_application_icon() -> None:
    """The runtime copy (package data) matches the artwork packaging installs for menus."""
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "resources" / "icons" / "attachguard.svg"
    assert icons.svg_data(icons.APP_ICON) == source.read_bytes()

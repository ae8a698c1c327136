"""Symbolic tray icons: every state reads on dark and light panels, by shape alone.

Panels on most desktops are monochrome; a full-colour icon can vanish on them. Each state has a
light glyph for dark panels and a dark glyph for light ones, the states still tell apart by
their outline (alpha masks, so even with a single colour), and the tray follows the platform's
colour scheme as it changes.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot
from support.snapshots import snap

from desktop_app.core.service import Service
from desktop_app.paths import AppPaths
from desktop_app.ui import icons
from desktop_app.ui.tray import TrayController
from desktop_app.ui.tray_state import TrayState, describe

NOW = 1_800_000_000.0
PANELS = (icons.ON_DARK, icons.ON_LIGHT)


def _alpha_mask(image: QImage) -> bytes:
    return bytes(
        255 if image.pixelColor(x, y).alpha() > 128 else 0
        for y in range(image.height())
        for x in range(image.width())
    )


def _colours(image: QImage) -> set[tuple[int, int, int]]:
    """The distinct colours of the clearly visible pixels (anti-aliased edges left out)."""
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                found.add((colour.red(), colour.green(), colour.blue()))
    return found


def _lightness(image: QImage) -> float:
    """The mean lightness (0-255) of the visible pixels."""
    values = [
        image.pixelColor(x, y).lightness()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 128
    ]
    return sum(values) / len(values)


@pytest.mark.parametrize("state", list(TrayState))
@pytest.mark.parametrize("panel", PANELS)
def test_every_state_has_a_monochrome_variant_for_each_panel(
    qapp: object, state: TrayState, panel: str
) -> None:
    image = icons.render(f"tray-{state.value}{panel}", 32)
    assert len(_colours(image)) == 1, "a symbolic icon is drawn in one colour"
    light = _lightness(image)
    # A light glyph for dark panels, a dark glyph for light ones.
    assert light > 200 if panel == icons.ON_DARK else light < 80


@pytest.mark.parametrize("panel", PANELS)
def test_symbolic_states_differ_by_shape(qapp: object, panel: str) -> None:
    for size in (16, 22, 32):
        masks = {s: _alpha_mask(icons.render(f"tray-{s.value}{panel}", size)) for s in TrayState}
        for a, b in itertools.combinations(TrayState, 2):
            assert masks[a] != masks[b], (size, a, b)


def test_both_variants_have_the_same_shape(qapp: object) -> None:
    for state in TrayState:
        dark, light = (_alpha_mask(icons.render(f"tray-{state.value}{p}", 32)) for p in PANELS)
        assert dark == light, state


def test_overlays_stay_monochrome(qapp: object) -> None:
    plain = icons.render("tray-attention-on-dark", 32)
    badge = icons.render("tray-attention-on-dark", 32, count=3)
    bar = icons.render("tray-uploading-on-light", 32, progress=0.5)
    assert badge != plain and bar != icons.render("tray-uploading-on-light", 32)
    # The badge's number is written in the panel's colour (its anti-aliased edges blend the
    # two greys); the bar is in the glyph's colour: no hue anywhere.
    assert all(max(c) - min(c) <= 12 for c in _colours(badge))
    assert _colours(bar) == {(0x2E, 0x34, 0x36)}


def test_variant_follows_the_colour_scheme() -> None:
    assert icons.symbolic_name("tray-ok", Qt.ColorScheme.Dark) == "tray-ok-on-dark"
    assert icons.symbolic_name("tray-ok", Qt.ColorScheme.Light) == "tray-ok-on-light"
    # No known scheme (e.g. a bare X server): the full-colour icon reads on both.
    assert icons.symbolic_name("tray-ok", Qt.ColorScheme.Unknown) == "tray-ok"


def test_tray_icon_follows_the_platform_colour_scheme_as_it_changes(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    # The offscreen platform cannot switch its scheme: the tray reads ours, and hears the
    # change through the platform's own signal, as it would from the desktop.
    platform = [Qt.ColorScheme.Dark]
    hints = QGuiApplication.styleHints()
    service = Service(app_paths)
    tray = TrayController(
        service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
        color_scheme=lambda: platform[0],
    )
    try:
        tray.apply(describe(snap(), NOW))
        assert tray.icon_name == "tray-ok-on-dark"
        shown = tray.icon.icon().pixmap(32, 32).toImage()
        assert _lightness(shown) > 200

        platform[0] = Qt.ColorScheme.Light
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert tray.icon_name == "tray-ok-on-light"
        assert _lightness(tray.icon.icon().pixmap(32, 32).toImage()) < 80

        # A new state keeps the panel's variant.
        tray.apply(describe(snap(paused="user"), NOW))
        assert tray.icon_name == "tray-paused-on-light"

        # No known scheme any more: back to the full-colour icon.
        platform[0] = Qt.ColorScheme.Unknown
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Unknown)
        assert tray.icon_name == "tray-paused"
    finally:
        tray.close()
        service.close()

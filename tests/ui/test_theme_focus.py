"""Dark and light themes: the keyboard focus and the drop zone's border stay visible.

Measured on rendered pixels: what changes when a control gets keyboard focus (Tab), and the drop
zone's border, must contrast at least 3:1 with the window background (WCAG's floor for
non-text UI), in both themes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.ui import theme
from desktop_app.ui.dropzone import DropZone


@pytest.fixture(params=["light", "dark"])
def themed(request: pytest.FixtureRequest) -> Iterator[QColor]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, request.param)
    try:
        yield app.palette().window().color()
    finally:
        theme.apply_theme(app, "system")


def _best_contrast(image: QImage, background: QColor, changed_from: QImage | None = None) -> float:
    best = 1.0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            if changed_from is not None and changed_from.pixel(x, y) == pixel:
                continue
            best = max(best, theme.contrast(QColor(pixel), background))
    return best


@pytest.mark.parametrize("kind", [QPushButton, QCheckBox])
def test_keyboard_focus_is_visible(qtbot: QtBot, themed: QColor, kind: type[QWidget]) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    before = QLineEdit()
    control = kind("Save")  # type: ignore[call-arg]
    layout = QVBoxLayout(host)
    layout.addWidget(before)
    layout.addWidget(control)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    before.setFocus()
    unfocused = control.grab().toImage()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert control.hasFocus()
    focused = control.grab().toImage()
    assert _best_contrast(focused, themed, changed_from=unfocused) >= 3.0


def test_drop_zone_border_is_visible(qtbot: QtBot, themed: QColor) -> None:
    zone = DropZone()
    qtbot.addWidget(zone)
    zone.resize(400, 160)
    zone.show()
    qtbot.waitExposed(zone)
    image = zone.grab().toImage()
    # The dashed border runs along the top edge, a pixel or two inside.
    edge = image.copy(20, 0, image.width() - 40, 4)
    assert _best_contrast(edge, themed) >= 3.0

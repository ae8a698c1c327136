"""Icons: SVGs shipped inside the package, rendered crisp at every size a tray or window asks for.

The SVG sources live in ``desktop_app/resources/icons/`` (inside the package so that wheels and
frozen builds find them through ``importlib.resources``). Tray icons are drawn per state with a
distinct shape, not only a colour, and can carry an overlay: a progress bar while uploading, a
count badge when documents need attention.

Each tray state also comes in two monochrome *symbolic* variants (``tray-<state>-on-dark`` with a
light glyph, ``tray-<state>-on-light`` with a dark one) that read on any panel, as desktop
panels expect. :func:`symbolic_name` picks one from the platform's colour scheme; with no
known scheme the full-colour icon is used, since it reads on both.
"""

from __future__ import annotations

import functools
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: Sizes rendered into every icon: tray sizes of common desktops, plus 2x for HiDPI.
SIZES = (16, 20, 22, 24, 32, 40, 44, 48, 64, 96, 128, 256)

APP_ICON = "attachguard"

_BADGE = QColor("#c62828")
_BAR_FILL = QColor("#42a5f5")
_BAR_TRACK = QColor(255, 255, 255, 230)

#: Suffixes of the symbolic variants, by the panel they are drawn for.
ON_DARK = "-on-dark"
ON_LIGHT = "-on-light"
#: The glyph colour of each symbolic variant (the same as in its SVG) and the colour that
#: stands out on it (for the text of a count badge).
_GLYPH = {
    ON_DARK: (QColor("#f6f5f4"), QColor("#2e3436")),
    ON_LIGHT: (QColor("#2e3436"), QColor("#f6f5f4")),
}


def symbolic_name(name: str, scheme: Qt.ColorScheme) -> str:
    """The variant of tray icon ``name`` for a panel in ``scheme``: a light glyph on dark
    panels, a dark glyph on light ones, and the full-colour icon when the scheme is unknown."""
    if scheme == Qt.ColorScheme.Dark:
        return name + ON_DARK
    if scheme == Qt.ColorScheme.Light:
        return name + ON_LIGHT
    return name


def _glyph(name: str) -> tuple[QColor, QColor] | None:
    for suffix, colours in _GLYPH.items():
        if name.endswith(suffix):
            return colours
    return None


def svg_data(name: str) -> bytes:
    """The raw SVG for ``name`` (without ``.svg``); FileNotFoundError for an unknown name."""
    return resources.files("desktop_app").joinpath("resources", "icons", f"{name}.svg").read_bytes()


@functools.lru_cache(maxsize=32)
def _renderer(name: str) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(svg_data(name)))
    if not renderer.isValid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    return renderer


def render(name: str, size: int, *, progress: float | None = None, count: int = 0) -> QImage:
    """One square image of ``name`` at ``size`` pixels, with the optional overlays."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        _renderer(name).render(painter, QRectF(0, 0, size, size))
        mono = _glyph(name)
        if progress is not None:
            _draw_progress(painter, size, min(max(progress, 0.0), 1.0), mono)
        if count > 0:
            _draw_badge(painter, size, count, mono)
    finally:
        painter.end()
    return image


def _draw_progress(
    painter: QPainter, size: int, fraction: float, mono: tuple[QColor, QColor] | None
) -> None:
    height = max(3.0, size * 0.18)
    track = QRectF(size * 0.06, size - height - size * 0.02, size * 0.88, height)
    # Symbolic: an outlined track filled in the glyph's colour, like the glyph itself.
    painter.setPen(QPen(QColor("#0d47a1") if mono is None else mono[0], max(1.0, size / 32)))
    painter.setBrush(_BAR_TRACK if mono is None else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(track, height / 3, height / 3)
    if fraction > 0:
        fill = QRectF(track.x(), track.y(), track.width() * fraction, track.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_BAR_FILL if mono is None else mono[0])
        painter.drawRoundedRect(fill, height / 3, height / 3)


def _draw_badge(
    painter: QPainter, size: int, count: int, mono: tuple[QColor, QColor] | None
) -> None:
    text = str(count) if count < 100 else "99+"
    diameter = size * (0.56 if len(text) == 1 else 0.66)
    rect = QRectF(size - diameter, size - diameter, diameter, diameter)
    ink = QColor("#ffffff") if mono is None else mono[1]
    painter.setPen(QPen(ink, max(1.0, size / 32)))
    painter.setBrush(_BADGE if mono is None else mono[0])
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(diameter * (0.62 if len(text) == 1 else 0.45))))
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _icon_from(name: str, progress: float | None, count: int) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(QPixmap.fromImage(render(name, size, progress=progress, count=count)))
    return icon


@functools.lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    """A plain icon (needs a QGuiApplication)."""
    return _icon_from(name, None, 0)


@functools.lru_cache(maxsize=128)
def _overlay_icon(name: str, progress_step: int | None, count: int) -> QIcon:
    progress = None if progress_step is None else progress_step / 20
    return _icon_from(name, progress, count)


def overlay_icon(name: str, *, progress: float | None = None, count: int = 0) -> QIcon:
    """``name`` with a progress bar and/or a count badge. Progress is shown in 5 % steps so
    the cache stays small and the tray is not redrawn for every byte."""
    step = None if progress is None else round(min(max(progress, 0.0), 1.0) * 20)
    return _overlay_icon(name, step, min(count, 100))

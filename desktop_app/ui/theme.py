"""Light and dark themes: follow the system colour scheme, or force one (``settings.ui.theme``).

Forced themes use Qt's Fusion style with an explicit palette, because many platforms (and the
offscreen one used by tests) ignore a requested colour scheme. "system" hands the palette back to
the platform and re-applies whenever the platform's scheme changes. Status colours are picked from
the active palette so text stays readable in both themes.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


CHOICES: tuple[ThemeChoice, ...] = (ThemeChoice.SYSTEM, ThemeChoice.LIGHT, ThemeChoice.DARK)

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

_LIGHT = {
    _Role.Window: "#f3f3f3",
    _Role.WindowText: "#1d1d1d",
    _Role.Base: "#ffffff",
    _Role.AlternateBase: "#f6f7f9",
    _Role.Text: "#1d1d1d",
    _Role.Button: "#ececec",
    _Role.ButtonText: "#1d1d1d",
    _Role.ToolTipBase: "#ffffdc",
    _Role.ToolTipText: "#1d1d1d",
    _Role.PlaceholderText: "#767676",
    _Role.Highlight: "#2160c4",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#1f5fbf",
    _Role.BrightText: "#b00020",
    _Role.Mid: "#c4c4c4",
    _Role.Dark: "#a0a0a0",
    _Role.Light: "#ffffff",
}

_DARK = {
    _Role.Window: "#202124",
    _Role.WindowText: "#e8e8e8",
    _Role.Base: "#17181a",
    _Role.AlternateBase: "#232528",
    _Role.Text: "#e8e8e8",
    _Role.Button: "#2c2e31",
    _Role.ButtonText: "#e8e8e8",
    _Role.ToolTipBase: "#2c2e31",
    _Role.ToolTipText: "#e8e8e8",
    _Role.PlaceholderText: "#9a9a9a",
    _Role.Highlight: "#3d7be0",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#8ab4f8",
    _Role.BrightText: "#ff6b6b",
    _Role.Mid: "#3a3c40",
    _Role.Dark: "#101112",
    _Role.Light: "#3f4145",
}


def parse_choice(value: str) -> ThemeChoice:
    """The setting as a :class:`ThemeChoice`; an unknown value means "system"."""
    try:
        return ThemeChoice(value.strip().lower())
    except ValueError:
        log.warning("unknown theme %r in settings; following the system", value)
        return ThemeChoice.SYSTEM


def palette_for(dark: bool) -> QPalette:
    """An explicit light or dark palette (disabled text dimmed so it reads as disabled)."""
    palette = QPalette()
    for role, color in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(color))
    dim = QColor("#6f6f6f") if dark else QColor("#a0a0a0")
    for role in (_Role.Text, _Role.WindowText, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, dim)
    return palette


def system_is_dark() -> bool:
    """Whether the platform currently asks for a dark scheme (unknown counts as light)."""
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def is_dark(palette: QPalette) -> bool:
    return palette.color(_Role.Window).lightness() < 128


class ThemeManager(QObject):
    """Keeps the application's palette in line with the user's choice and the platform."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._choice = ThemeChoice.SYSTEM
        self._default_style = app.style().name()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    def apply(self, choice: ThemeChoice | str) -> None:
        self._choice = parse_choice(choice) if isinstance(choice, str) else choice
        if self._choice is ThemeChoice.SYSTEM:
            if self._app.style().name().lower() != self._default_style.lower():
                self._app.setStyle(self._default_style)
            # A default-constructed palette resolves nothing: the platform palette comes back.
            self._app.setPalette(QPalette())
            if system_is_dark() and not is_dark(self._app.palette()):
                # Platforms without a dark palette of their own still get a dark window.
                self._set_fusion(dark=True)
            return
        self._set_fusion(dark=self._choice is ThemeChoice.DARK)

    def _set_fusion(self, dark: bool) -> None:
        if self._app.style().name().lower() != "fusion":
            fusion = QStyleFactory.create("Fusion")
            if fusion is not None:
                self._app.setStyle(fusion)
        self._app.setPalette(palette_for(dark))

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice is ThemeChoice.SYSTEM:
            self.apply(ThemeChoice.SYSTEM)


def theme_manager(app: QApplication) -> ThemeManager:
    """The application's one theme manager (created on first use, owned by the app)."""
    existing = app.findChild(ThemeManager)
    if isinstance(existing, ThemeManager):
        return existing
    return ThemeManager(app)


def apply_theme(app: QApplication, choice: str) -> None:
    """Apply ``settings.ui.theme`` ("system", "light" or "dark") to the whole application."""
    theme_manager(app).apply(choice)


def status_color(kind: str, palette: QPalette) -> QColor:
    """Readable colour for a status family ("error", "warning", "ok", "muted") in this palette."""
    dark = is_dark(palette)
    colors = {
        "error": ("#c62828", "#ff8a80"),
        "warning": ("#a15c00", "#ffcc80"),
        "ok": ("#2e7d32", "#a5d6a7"),
    }
    if kind in colors:
        return QColor(colors[kind][1 if dark else 0])
    return palette.color(_Group.Active, _Role.PlaceholderText)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21); 3 is the floor for borders and focus."""

    def luminance(color: QColor) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.red())
            + 0.7152 * channel(color.green())
            + 0.0722 * channel(color.blue())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def outline_color(palette: QPalette) -> QColor:
    """A border that stays visible on the window background (at least 3:1) in either theme;
    the palette's Mid is too faint for that on a dark window."""
    mid = palette.color(_Role.Mid)
    if contrast(mid, palette.color(_Role.Window)) >= 3.0:
        return mid
    return QColor("#8d9199") if is_dark(palette) else QColor("#767676")

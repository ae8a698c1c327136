"""With no tray on this desktop: a dismissable banner in the window that says how to get one.

GNOME without the AppIndicator extension, and some bare Wayland compositors, show no tray
icons at all. The app then opens its window at start (closing it quits); this banner, at the
top of the window, says in one sentence what to install or enable on *this* desktop (read from
``XDG_CURRENT_DESKTOP``) so that AttachGuard can live in the panel. It goes away when dismissed,
or by itself when a tray appears.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QWidget,
)

from desktop_app.ui.translations import QT_TRANSLATE_NOOP

_UNTIL_THEN = QT_TRANSLATE_NOOP(
    "TrayHelpBanner",
    "Until then, AttachGuard works from this window, and closing the window quits it.",
)

#: Per desktop (a word of ``XDG_CURRENT_DESKTOP``, lower case): how to get a tray there.
_HOW = {
    "gnome": QT_TRANSLATE_NOOP(
        "TrayHelpBanner",
        "GNOME shows no tray icons by itself: install the AppIndicator extension (package "
        "gnome-shell-extension-appindicator on Debian and Ubuntu), turn it on in Extensions, "
        "log out and back in, and AttachGuard appears in the top bar.",
    ),
    "kde": QT_TRANSLATE_NOOP(
        "TrayHelpBanner",
        "Your Plasma panel has no system tray: right-click the panel, choose Add Widgets, "
        "and add the System Tray.",
    ),
    "xfce": QT_TRANSLATE_NOOP(
        "TrayHelpBanner",
        "Your Xfce panel has no tray: right-click a panel, choose Panel > Add New Items, and "
        "add the Status Tray Plugin.",
    ),
    "sway": QT_TRANSLATE_NOOP(
        "TrayHelpBanner",
        'Your bar shows no tray: add the tray module to waybar ("tray" in modules-right) or '
        "turn on the tray of the bar you use.",
    ),
    "hyprland": QT_TRANSLATE_NOOP(
        "TrayHelpBanner",
        'Your bar shows no tray: add the tray module to waybar ("tray" in modules-right) or '
        "turn on the tray of the bar you use.",
    ),
}
_ANY = QT_TRANSLATE_NOOP(
    "TrayHelpBanner",
    "This desktop shows no tray icons: add a system tray (status notifier) to your panel or "
    "bar, and AttachGuard moves into it.",
)


def tray_help_text(environ: Mapping[str, str] | None = None) -> str:
    """What to do on this desktop to get a tray icon, and what happens until then."""
    env = os.environ if environ is None else environ
    desktops = [d.strip().lower() for d in env.get("XDG_CURRENT_DESKTOP", "").split(":")]
    for desktop in desktops:
        for key, how in _HOW.items():
            if key in desktop:
                return f"{_tr(how)} {_tr(_UNTIL_THEN)}"
    return f"{_tr(_ANY)} {_tr(_UNTIL_THEN)}"


def _tr(text: str) -> str:
    """A text marked above, in the UI's language."""
    return QCoreApplication.translate("TrayHelpBanner", text)


class TrayHelpBanner(QFrame):
    """The banner itself: the advice (wrapped, selectable) and a Dismiss button."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trayHelpBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("No system tray"))
        self.setAccessibleDescription(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("How to get a tray icon"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleDescription(self.tr("Hide this advice"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)


def install(window: QMainWindow, environ: Mapping[str, str] | None = None) -> QToolBar:
    """Put the banner at the top of ``window``; returns its (fixed) bar, to hide it later.

    A fixed tool bar holds it so the window's own layout stays as it is.
    """
    banner = TrayHelpBanner(tray_help_text(environ))
    bar = QToolBar(QCoreApplication.translate("TrayHelpBanner", "No system tray"), window)
    bar.setObjectName("trayHelpBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not offered in the window's tool bar menu
    bar.addWidget(banner)
    banner.dismiss_button.clicked.connect(bar.hide)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar

"""Words for a missing secure keyring: which one this desktop would use, and how to get it.

Shown by the settings dialog and the welcome window when the keyring backend is keyring's "fail"
or "null" backend or a plaintext store, next to the offer to use a key until the app quits.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

_KDE = ("kde", "plasma")
_GNOME_LIKE = ("gnome", "unity", "cinnamon", "mate", "xfce", "lxde", "lxqt", "budgie", "pantheon")


def desktop_name(environ: Mapping[str, str] | None = None) -> str:
    """This session's desktop as ``XDG_CURRENT_DESKTOP`` names it ("" when unknown)."""
    env = os.environ if environ is None else environ
    return env.get("XDG_CURRENT_DESKTOP", "") or env.get("DESKTOP_SESSION", "")


def how_to_get_a_keyring(environ: Mapping[str, str] | None = None) -> str:
    """One sentence naming the Secret Service this desktop would use and how to install it."""
    desktop = desktop_name(environ).lower()
    if any(name in desktop for name in _KDE):
        return QCoreApplication.translate(
            "KeyringHelp",
            "On KDE Plasma, install and enable KWallet (the kwalletmanager and kwallet packages, "
            "then System Settings → KDE Wallet), log out and back in, then restart AttachGuard.",
        )
    if any(name in desktop for name in _GNOME_LIKE):
        return QCoreApplication.translate(
            "KeyringHelp",
            "On this desktop, install gnome-keyring (the gnome-keyring package), log out and back "
            "in so it unlocks with your login, then restart AttachGuard.",
        )
    return QCoreApplication.translate(
        "KeyringHelp",
        "Install gnome-keyring or KWallet, or turn on KeePassXC's Secret Service integration "
        "(KeePassXC → Settings → Secret Service Integration), then restart AttachGuard.",
    )


def missing_keyring_text(backend_name: str, environ: Mapping[str, str] | None = None) -> str:
    """The whole explanation: what is missing, how to get it, and what can be done meanwhile."""
    return (
        QCoreApplication.translate(
            "KeyringHelp",
            "The keyring in use ({name}) is not secure: no Secret Service is running, so "
            "AttachGuard will not save your API key in it.",
        ).format(name=backend_name)
        + " "
        + how_to_get_a_keyring(environ)
        + " "
        + QCoreApplication.translate(
            "KeyringHelp",
            "Meanwhile you can use a key until you quit: it is kept in memory only and never "
            "written to disk.",
        )
    )

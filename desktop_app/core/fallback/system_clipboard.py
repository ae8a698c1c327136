"""Put text on the system clipboard without Qt, for ``attachguard fallback --copy``.

The CLI must work without importing Qt (and Qt's clipboard content vanishes when the process
that owns it exits, which a CLI does at once). The platform's own tools keep serving the text
after we exit: ``wl-copy`` and ``xclip``/``xsel`` fork a small server process that owns the
selection, ``pbcopy`` and ``clip`` hand it to the OS. The GUI copies through Qt instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping

from desktop_app.core.errors import ClipboardError

_TIMEOUT = 10.0


def clipboard_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The command that would take the clipboard text on stdin here, or ``None``."""
    env = os.environ if environ is None else environ
    if sys.platform == "darwin":
        return ["pbcopy"] if shutil.which("pbcopy") else None
    if sys.platform == "win32":
        return ["clip"]
    candidates: list[list[str]] = []
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates.append(["xclip", "-selection", "clipboard", "-in"])
        candidates.append(["xsel", "--clipboard", "--input"])
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def copy_text(text: str, environ: Mapping[str, str] | None = None) -> str:
    """Put ``text`` on the clipboard; return the tool's name. ``ClipboardError`` if impossible."""
    env = os.environ if environ is None else environ
    command = clipboard_command(env)
    if command is None:
        if sys.platform.startswith("linux") and not (
            env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
        ):
            raise ClipboardError(
                "No display is available, so there is no clipboard; print the text instead "
                "with 'attachguard fallback FILE' and redirect it to a file."
            )
        raise ClipboardError(
            "No clipboard tool was found; install wl-clipboard (Wayland) or xclip or xsel (X11)."
        )
    data = text.encode("utf-16-le") if command[0] == "clip" else text.encode("utf-8")
    try:
        # stdout/stderr go to DEVNULL: xclip's background server would otherwise keep our pipes
        # open and make this call wait until the selection changes hands.
        subprocess.run(
            command,
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=_TIMEOUT,
            env=dict(env),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise ClipboardError(f"Copying to the clipboard with {command[0]} failed: {exc}.") from exc
    return command[0]

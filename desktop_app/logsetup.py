"""Logging: a rotating file in the log directory, optionally stderr too, secrets redacted."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from desktop_app.core.redact import RedactingFilter

FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates each log file (the first and every one after a rollover) readable by us only."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def configure(log_file: Path, *, verbose: bool = False) -> None:
    """Install our handlers on the root logger (idempotent: replaces earlier ones of ours)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_attachguard", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    redactor = RedactingFilter()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler: logging.Handler = _PrivateRotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        file_handler.setFormatter(logging.Formatter(FORMAT))
        file_handler.addFilter(redactor)
        file_handler._attachguard = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    except OSError:
        # A read-only or full disk must not stop the app; stderr still works below.
        pass
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(redactor)
        stream._attachguard = True  # type: ignore[attr-defined]
        root.addHandler(stream)

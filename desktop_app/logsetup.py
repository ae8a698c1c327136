"""Logging: a rotating file in the log directory, optionally stderr too, secrets redacted."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from desktop_app.core.redact import RedactingFilter

FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates each log file (the first and every one after a rollover) readable by us only.

    When the log cannot be written (a full or read-only disk), one line on stderr says so, and
    records are dropped quietly until a write works again: never a traceback per record, which
    is what :class:`logging.Handler` prints by default and what floods a terminal.
    """

    _failing = False
    _wrote = True

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream

    def emit(self, record: logging.LogRecord) -> None:
        self._wrote = True
        super().emit(record)  # on failure, calls handleError, which clears _wrote
        if self._wrote and self._failing:
            self._failing = False
            sys.stderr.write(
                f"attachguard: the log file can be written again ({self.baseFilename})\n"
            )

    def handleError(self, record: logging.LogRecord) -> None:
        self._wrote = False
        if self._failing:
            return
        self._failing = True
        error = sys.exc_info()[1]
        with contextlib.suppress(OSError, ValueError):  # no stderr either: nothing to say
            sys.stderr.write(
                f"attachguard: cannot write the log file {self.baseFilename} ({error}); "
                "log messages are dropped until it can be written\n"
            )


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

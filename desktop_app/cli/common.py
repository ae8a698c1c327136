"""What every subcommand shares: the lazily opened service, logging, output and exit codes."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from desktop_app import logsetup
from desktop_app.core.redact import redact
from desktop_app.paths import AppPaths

if TYPE_CHECKING:
    from desktop_app.core.service import Service

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandContext:
    """Per-invocation state. The service (database, vault) is opened on first use only."""

    def __init__(self, *, verbose: bool = False) -> None:
        self.verbose = verbose
        self.paths = AppPaths.from_environment()
        self._service: Service | None = None
        logsetup.configure(self.paths.log_file, verbose=verbose)

    @property
    def service(self) -> Service:
        if self._service is None:
            # Imported here: the service pulls in the SDK and the store, which --help never needs.
            from desktop_app.core.service import Service

            self._service = Service(self.paths)
            for problem in self._service.loaded.problems:
                warn(f"settings: {problem}")
        return self._service

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None


def shown(text: str) -> str:
    """``text`` safe for one terminal line: control characters (escape sequences, newlines,
    carriage returns) are written as escapes, e.g. ``\\x1b``; printable text is unchanged.

    The one helper for every file name, job error, incident title and URL we print, since any
    of them may come from a hostile file name or a status page; secrets are redacted too.
    """
    text = redact(text)
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def fail(message: str) -> int:
    """Print a one-line failure to stderr and return the failure exit code."""
    print(f"attachguard: {redact(shown(_one_line(message)))}", file=sys.stderr)
    return EXIT_FAILURE


def warn(message: str) -> None:
    print(f"attachguard: {redact(shown(_one_line(message)))}", file=sys.stderr)


def print_json(data: Any) -> None:
    sys.stdout.write(redact(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n")


def _one_line(message: str) -> str:
    return " ".join(message.split())

"""The ``attachguard`` command: with no arguments it starts the tray app; subcommands run headless.

Exit codes: 0 success, 1 a handled failure (one line on stderr), 2 a usage error. Each group of
subcommands lives in its own module with a ``register(subparsers)`` function; the GUI and every
heavy dependency are imported lazily so ``--help`` and ``--version`` start fast without a display.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CommandContext, fail
from desktop_app.core.errors import AttachGuardError

log = logging.getLogger(__name__)

#: Modules under desktop_app.cli that add subcommands, in the order --help lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "vault_cmds",
    "watch_cmds",
    "upload_cmds",
    "gui_cmds",
    "health_cmds",
    "extract_cmds",
)

DESCRIPTION = """\
AttachGuard keeps a verified local backup of every document you attach to ChatGPT or the OpenAI
API, uploads it through a crash-safe retrying queue, and gives you a text-only fallback when the
service fails. Run with no arguments to start the tray app."""

EPILOG = """\
environment:
  ATTACHGUARD_HOME   keep data, settings, logs and cache under this one folder
  OPENAI_API_KEY     API key (otherwise the OS keyring is used)
  OPENAI_BASE_URL    API base URL (default https://api.openai.com/v1)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="attachguard",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"attachguard {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also log to stderr, with debug detail"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"desktop_app.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        files = _files_to_open(parser, args_list)
    except _NoSuchFile as exc:
        return fail(
            f"no such file: {exc} (to open files: attachguard FILE...; "
            "commands: attachguard --help)"
        )
    if files:
        args_list = [a for a in args_list if a.startswith("-")]
    args = parser.parse_args(args_list)
    context = CommandContext(verbose=args.verbose)
    if args.command is not None:
        # SIGTERM (a service manager, `kill`) stops a command the way Ctrl+C does: in-flight work
        # is handed back and the store is closed, instead of the process dying mid-write.
        signal.signal(signal.SIGTERM, _terminate)
    try:
        try:
            if args.command is None:
                return _start_gui(context, files)
            return int(args.handler(args, context))
        finally:
            context.close()
    except AttachGuardError as exc:
        return fail(str(exc))
    except _Terminated:
        print("stopped", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`attachguard list | head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


class _Terminated(KeyboardInterrupt):
    """Raised in the main thread by SIGTERM, so it unwinds exactly like Ctrl+C."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def _files_to_open(parser: argparse.ArgumentParser, args_list: Sequence[str]) -> list[str]:
    """``attachguard FILE...`` (a file manager's "Open with"): the files, else an empty list.

    Only when the first positional is not a subcommand but a path, and the only options are
    ``-v``; anything else goes to argparse unchanged, so typos still get a usage error.
    """
    positionals = [a for a in args_list if not a.startswith("-")]
    options = [a for a in args_list if a.startswith("-")]
    if not positionals or any(o not in ("-v", "--verbose") for o in options):
        return []
    commands: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
    first = positionals[0]
    if first in commands:
        return []
    if not (os.sep in first or Path(first).exists()):
        if "." in Path(first).name.strip("."):  # looks like a file name, not a mistyped command
            raise _NoSuchFile(first)
        return []
    return positionals


class _NoSuchFile(Exception):
    """``attachguard report.pdf`` for a file that is not there (an "Open with" gone stale)."""


def _start_gui(context: CommandContext, files: Sequence[str] = ()) -> int:
    # A second launch only hands its files to the running app: do that before loading Qt,
    # so it returns at once (``ipc`` is Qt-free).
    from desktop_app import ipc

    # A data folder that cannot be created is said in one sentence here, before Qt starts
    # (the single-instance lock lives in it).
    context.paths.ensure()
    handed = ipc.hand_over(ipc.instance_address(context.paths), ipc.open_request(files))
    if handed is not None:
        return handed
    if not _display_available():
        return fail(
            "no graphical display found (DISPLAY and WAYLAND_DISPLAY are unset): start the tray "
            "app from a desktop session, or use the headless subcommands (attachguard --help)"
        )
    try:
        # Qt is imported only when the GUI starts, so the CLI never needs a display.
        from desktop_app.ui.app import run
    except ImportError as exc:
        return fail(f"the tray app is not available in this build: {exc}")
    return int(run(context, files))


def _display_available() -> bool:
    """False on an X11/Wayland platform with no display, where Qt would abort the process."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True  # Windows and macOS always have their native platform
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

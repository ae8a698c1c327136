"""Subcommands that talk to the tray app: ``add`` and ``copy-text``.

``attachguard add FILE...`` hands the files to the running tray app for this data root (it backs
them up and queues their upload). With no app running it does the backup itself, headless,
through the vault, queues the uploads (when ``upload.auto_upload`` is on) and says so; they are
uploaded the next time the app (or another upload runner) starts. It never starts the GUI, so it
works in scripts and over SSH. Folders are added with their contents, as when dropped on the
window. (``attachguard FILE...`` without a subcommand, the form file managers use for "Open
with", instead starts the app if needed and shows its window.)

``attachguard copy-text`` asks the running app for its tray action "Copy text instead": the text
of the latest failed or expired upload goes on the clipboard, and the command waits until it is.

Nothing heavy is imported at module level: ``desktop_app.ipc`` is Qt-free and imported inside
the handlers, like the service.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_FAILURE, EXIT_OK, CommandContext, fail, warn

COPY_TIMEOUT_S = 120.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = subparsers.add_parser(
        "add",
        help="hand files to the running tray app (or back them up now if it is not running)",
        description="Give files or folders to the running AttachGuard, which backs them up and "
        "uploads them. If it is not running, they are backed up right away and their uploads "
        "are queued for when it starts. Folders are added with everything inside them.",
    )
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    add.set_defaults(handler=cmd_add)

    copy = subparsers.add_parser(
        "copy-text",
        help="the tray's 'Copy text instead': put the latest failed document's text on the "
        "clipboard",
        description="Ask the running AttachGuard to put the text-only fallback of the latest "
        "failed or expired upload on the clipboard, exactly like its tray menu item, and wait "
        "until it is there. For any file, without the app, see 'attachguard fallback --copy'.",
    )
    copy.set_defaults(handler=cmd_copy_text)


def cmd_add(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app import ipc

    paths = [p.absolute() for p in args.paths]
    request = ipc.Request(ipc.Command.ADD, tuple(str(p) for p in paths))
    try:
        reply = ipc.send(ipc.instance_address(context.paths), request, timeout=30)
    except ipc.InstanceError as exc:
        return fail(str(exc))
    if reply is not None:
        if not reply.ok:
            return fail(reply.message)
        print(reply.message)
        return EXIT_OK
    return _add_headless(paths, context)


def _add_headless(paths: list[Path], context: CommandContext) -> int:
    from desktop_app.core.errors import VaultError
    from desktop_app.core.vault import Entry, Source

    service = context.service

    def each(path: Path, result: Entry | VaultError) -> None:
        # Said as each file is done: a large folder shows progress.
        if isinstance(result, Entry):
            print(f"{result.id}\t{result.name}\t{result.sha256[:12]}")
        else:
            warn(f"skipped {path}: {result}")

    report = service.add_documents(paths, source=Source.CLI, recursive=True, on_file=each)
    for problem in report.skipped:
        warn(f"skipped {problem}")
    for path in report.not_tried:
        warn(f"skipped {path}: not tried after the disk filled")
    queued = "; their uploads are queued and start when AttachGuard runs" if report.job_ids else ""
    print(f"AttachGuard is not running: backed up {len(report.entries)} file(s) here{queued}.")
    if not report.files_found and not report.problems:
        return fail("no files found")
    return EXIT_FAILURE if report.problems else EXIT_OK


def cmd_copy_text(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app import ipc

    del args
    try:
        reply = ipc.send(
            ipc.instance_address(context.paths),
            ipc.Request(ipc.Command.COPY_TEXT),
            timeout=COPY_TIMEOUT_S,
        )
    except ipc.InstanceError as exc:
        return fail(str(exc))
    if reply is None:
        return fail(
            "AttachGuard is not running; start it, or use 'attachguard fallback FILE --copy'"
        )
    if not reply.ok:
        return fail(reply.message)
    print(reply.message)
    return EXIT_OK

"""Subcommands that talk to the tray app: ``add`` and ``copy-text``.

``attachguard add FILE...`` hands the files to the running tray app for this data root (it backs
them up and queues their upload). With no app running it does the backup itself, headless,
through the vault, queues the uploads (when ``upload.auto_upload`` is on) and says so; they are
uploaded the next time the app (or another upload runner) starts. It never starts the GUI, so it
works in scripts and over SSH. Folders are added with their contents, as when dropped on the
window. (``attachguard FILE...`` without a subcommand, the form file managers use for "Open
with", instead starts the app if needed and shows its window.)

``attachguard copy-text [DOCUMENT | --id N]`` is the tray's "Copy text instead" from a shell: the
text of the chosen document (by default the latest failed or expired upload, else the latest
added document; a file on disk is backed up first) goes on the clipboard. With the app running it
asks the app (the same clipboard, the same message); without it, it extracts the text here and
uses the system's clipboard tool. No API key or network is needed.

Nothing heavy is imported at module level: ``desktop_app.ipc`` is Qt-free and imported inside
the handlers, like the service.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_FAILURE, EXIT_OK, CommandContext, fail, warn
from desktop_app.cli.copy_history import copy_again, print_history
from desktop_app.cli.extract_cmds import add_size_options, size_options

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
        help="put a document's text on the clipboard, ready to paste into ChatGPT (the tray's "
        "'Copy text instead')",
        description="Put the text-only fallback of a document on the clipboard, exactly like the "
        "tray's 'Copy text instead'. By default: the latest failed or expired upload, else the "
        "latest added document. Needs no API key and no network. With the app running it does "
        "the copy; without it, the text is extracted here (scans are read by OCR, with a "
        "progress line) and copied with the system's clipboard tool.",
    )
    copy.add_argument(
        "document",
        nargs="?",
        help="a file (backed up first) or the name of a document in the vault",
    )
    copy.add_argument(
        "--id", dest="entry_id", type=int, metavar="N", help="the vault entry N (see 'list')"
    )
    add_size_options(copy)
    copy.add_argument(
        "--part", type=int, default=None, metavar="K", help="copy part K (default: part 1)"
    )
    copy.add_argument(
        "--history",
        action="store_true",
        help="list the last 20 copies, newest first (numbered for --again)",
    )
    copy.add_argument(
        "--again",
        type=int,
        default=None,
        metavar="N",
        help="copy again copy N of --history (1 = the latest), built the same way",
    )
    copy.set_defaults(handler=cmd_copy_text, copy_parser=copy)


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
    from desktop_app.core.errors import AttachGuardError

    if args.document is not None and args.entry_id is not None:
        args.copy_parser.error("name a document or give --id, not both")
    if args.history:
        return print_history(context)
    if args.again is not None:
        return copy_again(context, args.again)
    if args.part is not None and args.part < 1:
        args.copy_parser.error("--part must be 1 or more")
    # The running app copies with its own defaults; a chosen size, part or selection is
    # copied here (the clipboard is the same one).
    chosen_here = args.part is not None or any(v is not None for v in size_options(args).values())
    try:
        chosen = _chosen_document(args, context)
    except AttachGuardError as exc:
        return fail(str(exc))
    if chosen is None:
        return fail("there is no document to copy text from yet: add one")
    entry_id, name = chosen
    if chosen_here:
        return _copy_here(context, entry_id, name, args)
    try:
        reply = ipc.send(
            ipc.instance_address(context.paths),
            ipc.Request(ipc.Command.COPY_TEXT, entry_id=entry_id),
            timeout=COPY_TIMEOUT_S,
        )
    except ipc.InstanceError as exc:
        return fail(str(exc))
    if reply is None:  # the app is not running: do it here
        return _copy_here(context, entry_id, name, args)
    if not reply.ok:
        return fail(reply.message)
    print(reply.message)
    return EXIT_OK


def _chosen_document(args: argparse.Namespace, context: CommandContext) -> tuple[int, str] | None:
    """(entry id, name) of the document to copy; raises AttachGuardError when none matches."""
    from desktop_app.core.errors import UnknownEntryError
    from desktop_app.core.vault import Source

    service = context.service
    if args.entry_id is not None:
        entry = service.vault.get(args.entry_id)
        return entry.id, entry.name
    if args.document is None:
        choice = service.default_fallback_entry()
        return None if choice is None else (choice.entry_id, choice.name)
    path = Path(args.document)
    if path.is_dir():
        raise UnknownEntryError(
            f"{args.document} is a folder; copy-text takes one document "
            "(for several, use 'attachguard fallback FILE...')"
        )
    if path.is_file():
        report = service.add_documents([path.absolute()], source=Source.CLI, upload=False)
        if not report.entries:
            problem = report.failed[0].error if report.failed else f"cannot back up {path}"
            raise UnknownEntryError(str(problem))
        entry = report.entries[0]
        return entry.id, entry.name
    named = service.document_named(args.document)
    if named is None:
        raise UnknownEntryError(
            f"no file or document named {args.document!r} (see 'attachguard list')"
        )
    return named.entry_id, named.name


def _copy_here(context: CommandContext, entry_id: int, name: str, args: argparse.Namespace) -> int:
    """Extract in this process (a progress line for scans), copy with the system's tool, and
    note the copy in the history."""
    import sys

    from desktop_app.cli.extract_cmds import ProgressLine
    from desktop_app.core.errors import AttachGuardError
    from desktop_app.core.fallback import copy_text

    options = size_options(args)
    part = args.part or 1
    bar = ProgressLine(sys.stderr)
    try:
        prompt = context.service.texts.fallback_for_entries(
            [entry_id], progress=bar.update, **options
        )
        if not prompt.parts:
            raise AttachGuardError(f"there is no text to copy in \u201c{name}\u201d")
        if part > len(prompt.parts):
            raise AttachGuardError(
                f"\u201c{name}\u201d has {len(prompt.parts)} part(s), not {part}."
            )
        tool = copy_text(prompt.parts[part - 1])
    except KeyboardInterrupt:
        return bar.interrupted()
    except AttachGuardError as exc:
        bar.clear()
        return fail(f"could not copy the text: {exc} The clipboard was left unchanged.")
    bar.clear()
    parts = len(prompt.parts)
    context.service.record_copy(
        name,
        part=part,
        parts=parts,
        entry_id=entry_id,
        preset=args.preset,
        max_tokens=args.max_tokens,
        pages=None if args.pages is None else str(args.pages),
        sheet=args.sheet,
    )
    which = f"part {part} of {parts} of " if parts > 1 else ""
    holds = prompt.spans[part - 1] if parts > 1 and part - 1 < len(prompt.spans) else ""
    held = f" ({holds})" if holds else ""
    print(f"Copied {which}the text of \u201c{name}\u201d{held} (with {tool}).", end=" ")
    print("Paste it into ChatGPT instead of the file.")
    if parts > 1 and part < parts:
        warn(
            f"the text has {parts} parts: 'attachguard copy-text --part {part + 1}' copies the next"
        )
    return EXIT_OK

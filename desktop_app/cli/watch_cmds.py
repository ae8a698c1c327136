"""The ``watch`` subcommand: watch folders in the foreground, or edit the configured ones.

``attachguard watch DIR...`` (or with no DIR: the configured folders) backs up documents as they
appear until Ctrl+C or SIGTERM, then exits 0. ``watch list``, ``watch add DIR...`` and
``watch remove DIR...`` edit the ``[[watch.folders]]`` entries in settings.toml. The watcher and
the service are imported inside the handlers so ``attachguard --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from types import FrameType
from typing import TYPE_CHECKING

from desktop_app.cli.common import EXIT_OK, CommandContext, fail, print_json, shown, warn

if TYPE_CHECKING:
    from desktop_app.core.watch import WatchEvent
    from desktop_app.settings import WatchedFolder

ACTIONS = ("list", "add", "remove")
PURPOSES = ("user_data", "assistants", "batch", "fine-tune", "vision", "evals")

DESCRIPTION = """\
Back up documents as they appear in folders: a file is taken once it is complete (its size and
modification time stop changing for a moment), temporary and hidden files (*.part, *.crdownload,
*.tmp, ~$*, editor swap files) are ignored, and a download renamed into place counts as new.
Files that appeared while nothing was watching are caught up on start. A folder that does
not exist (yet) is reported at once and watched as soon as it appears, as is one that goes away
and comes back (an unplugged drive).

  attachguard watch DIR... [options]   watch these folders until Ctrl+C
  attachguard watch                    watch the configured folders until Ctrl+C
  attachguard watch list [--json]      show the configured folders
  attachguard watch add DIR... [opts]  add (or update) configured folders
  attachguard watch remove DIR...      stop watching configured folders

To watch a folder literally named list, add or remove, write it as ./list."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="back up documents as they appear in folders",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "targets", nargs="*", metavar="DIR", help="folders (or: list, add DIR..., remove DIR...)"
    )
    parser.add_argument("-r", "--recursive", action="store_true", help="include subfolders")
    parser.add_argument(
        "--upload", action="store_true", help="also queue each new document for upload"
    )
    parser.add_argument(
        "--purpose",
        choices=PURPOSES,
        default=None,
        help="upload purpose for --upload (default: the [upload] purpose setting)",
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="only files matching this pattern, e.g. '*.pdf' (repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files matching this pattern (repeatable)",
    )
    parser.add_argument(
        "--existing",
        action="store_true",
        help="when a folder is watched for the first time, back up the files already in it",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long a file must stay unchanged (default: the [watch] setting, 1.0)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output (list)")
    parser.set_defaults(handler=cmd_watch, watch_parser=parser)


def cmd_watch(args: argparse.Namespace, context: CommandContext) -> int:
    parser: argparse.ArgumentParser = args.watch_parser
    targets: list[str] = args.targets
    action = targets[0] if targets and targets[0] in ACTIONS else None
    if args.settle is not None and args.settle < 0:
        parser.error("--settle must not be negative")
    if action == "list":
        if len(targets) > 1:
            parser.error("watch list takes no folders")
        return _list(args, context)
    if args.json:
        parser.error("--json goes with watch list")
    if action is not None:
        if len(targets) < 2:
            parser.error(f"watch {action} needs at least one folder")
        return (
            _add(args, context, targets[1:]) if action == "add" else _remove(context, targets[1:])
        )
    return _run(args, context, targets)


def _folder_from_args(args: argparse.Namespace, path: str, default_purpose: str) -> WatchedFolder:
    from desktop_app.core.watch import normalize_root
    from desktop_app.settings import WatchedFolder

    return WatchedFolder(
        path=normalize_root(path),
        recursive=args.recursive,
        include=list(args.include),
        exclude=list(args.exclude),
        upload=args.upload,
        purpose=args.purpose or default_purpose,
        backup_existing=args.existing,
    )


def _run(args: argparse.Namespace, context: CommandContext, targets: list[str]) -> int:
    from desktop_app.core.watch import WatcherOptions

    service = context.service
    settings = service.settings
    if targets:
        for target in targets:
            if os.path.exists(target) and not os.path.isdir(target):
                return fail(f"{target} is not a folder")
        folders = [_folder_from_args(args, t, settings.upload.purpose) for t in targets]
    else:
        folders = list(settings.watch.folders)
        if not folders:
            return fail(
                "no folders to watch: give one (watch DIR) or configure one (watch add DIR)"
            )
    uploads = False
    if any(f.upload for f in folders):
        # A long-running command: upload what it queues while it runs (jobs persist either way).
        uploads = service.has_api_key()
        if not uploads:
            warn("no API key: new documents are backed up and queued, and upload once a key is set")
    settle = args.settle if args.settle is not None else settings.watch.settle_seconds
    options = WatcherOptions(settle_seconds=settle, give_up_seconds=settings.watch.give_up_seconds)

    stop = threading.Event()
    printer = _EventPrinter()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        # Said before starting, so a missing folder's report (from a watcher thread) follows it.
        names = ", ".join(f.path for f in folders)
        print(f"attachguard: watching {names}; press Ctrl+C to stop", file=sys.stderr, flush=True)
        try:
            service.start(
                uploads=uploads,
                watch=True,
                folders=folders,
                on_watch_event=printer,
                watch_options=options,
            )
            # A timed wait, so the signal handler gets to run promptly on every platform.
            while not stop.wait(0.5):
                pass
        finally:
            service.stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("attachguard: stopped", file=sys.stderr)
    return EXIT_OK


class _EventPrinter:
    """Prints watcher events (they arrive on watcher threads) one whole line at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __call__(self, event: WatchEvent) -> None:
        from desktop_app.core.watch import WatchEventKind

        with self._lock:
            if event.kind is WatchEventKind.BACKED_UP:
                print(f"backed up {shown(str(event.path))} (entry {event.entry_id})", flush=True)
            elif event.kind is WatchEventKind.FOLDER_BACK:
                print(f"{shown(str(event.path))}: {shown(event.message)}", flush=True)
            elif event.kind is WatchEventKind.FOLDER_MISSING:
                # The message reads on from the path: "/x does not exist; waiting for it ...".
                warn(f"{event.path} {event.message}")
                sys.stderr.flush()
            else:
                warn(f"{event.path}: {event.message}")
                sys.stderr.flush()


def _list(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.settings import load_settings

    loaded = load_settings(context.paths.settings_file)
    folders = loaded.settings.watch.folders
    if args.json:
        print_json([_as_dict(f) for f in folders])
        return EXIT_OK
    if not folders:
        print("no watched folders (add one with: attachguard watch add DIR)")
        return EXIT_OK
    for folder in folders:
        print(f"{folder.path}  [{_describe(folder)}]")
    return EXIT_OK


def _add(args: argparse.Namespace, context: CommandContext, paths: list[str]) -> int:
    from desktop_app.settings import load_settings, save_settings

    loaded = load_settings(context.paths.settings_file)
    watch = loaded.settings.watch
    for path in paths:
        if os.path.exists(path) and not os.path.isdir(path):
            return fail(f"{path} is not a folder")
    for path in paths:
        folder = _folder_from_args(args, path, loaded.settings.upload.purpose)
        known = [i for i, f in enumerate(watch.folders) if _same(f.path, folder.path)]
        if known:
            watch.folders[known[0]] = folder
            verb = "updated"
        else:
            watch.folders.append(folder)
            verb = "added"
        print(f"{verb} {folder.path}  [{_describe(folder)}]")
        if not os.path.isdir(folder.path):
            warn(f"{folder.path} does not exist yet; it will be watched once it appears")
    save_settings(loaded)
    return EXIT_OK


def _remove(context: CommandContext, paths: list[str]) -> int:
    from desktop_app.core.watch import normalize_root
    from desktop_app.settings import load_settings, save_settings

    loaded = load_settings(context.paths.settings_file)
    watch = loaded.settings.watch
    wanted = [normalize_root(p) for p in paths]
    unknown = [p for p, n in zip(paths, wanted, strict=True) if not _configured(watch.folders, n)]
    if unknown:
        return fail(f"not a watched folder: {', '.join(unknown)} (see: attachguard watch list)")
    watch.folders = [f for f in watch.folders if not any(_same(f.path, n) for n in wanted)]
    save_settings(loaded)
    for path in wanted:
        print(f"removed {path}")
    return EXIT_OK


def _configured(folders: list[WatchedFolder], path: str) -> bool:
    return any(_same(f.path, path) for f in folders)


def _same(configured: str, normalized: str) -> bool:
    from desktop_app.core.watch import normalize_root

    return normalize_root(configured) == normalized


def _describe(folder: WatchedFolder) -> str:
    parts = ["recursive" if folder.recursive else "top level only"]
    if folder.include:
        parts.append("include " + " ".join(folder.include))
    if folder.exclude:
        parts.append("exclude " + " ".join(folder.exclude))
    if folder.upload:
        parts.append(f"upload as {folder.purpose}")
    if folder.backup_existing:
        parts.append("existing files too")
    return ", ".join(parts)


def _as_dict(folder: WatchedFolder) -> dict[str, object]:
    import dataclasses

    return dataclasses.asdict(folder)

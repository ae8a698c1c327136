"""The catch-up scan: find files in a watched folder that are new or changed since last noted.

Runs on the watcher's settle thread when a folder is attached (start, or its return after being
gone) and whenever events may have been lost (the pending map or the OS event queue overflowed).
The check per file is cheap: one ``lstat`` (from ``scandir``) and one indexed lookup by path; only
files whose size or mtime differ from the record are handed on to settle and be backed up.

Symbolic links are never followed (so a link loop cannot trap the walk), hidden folders are
skipped, and unreadable folders are reported and skipped.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.watch.filters import FolderRule, inside
from desktop_app.core.watch.pending import PendingFiles
from desktop_app.core.watch.state import NOTE_BATCH, WatchState

log = logging.getLogger(__name__)

#: Files modified this recently when a folder is first watched are treated as new arrivals, not as
#: the existing content that is only noted (they may be downloads landing as the watch starts).
FRESH_SECONDS = 2.0


@dataclass(frozen=True)
class ScanResult:
    complete: bool  # False: stopped early (pending map full, or shutting down); scan again later
    found: int  # files handed on to settle
    noted: int  # existing files recorded without a backup (first watch of the folder)


def scan_folder(
    rule: FolderRule,
    *,
    state: WatchState,
    pending: PendingFiles,
    ignore_roots: tuple[str, ...],
    stop: threading.Event,
    report: Callable[[str, str], None],
) -> ScanResult:
    """Walk ``rule.root`` and queue what is new or changed; ``report(path, message)`` on trouble."""
    root_record = state.root(rule.root)
    # Until one full scan is done, what predates the first watch is noted, not backed up. The
    # cut-off is fixed at the first watch, so scans cut short by a burst keep the same baseline.
    note_before: float | None = None
    if not rule.backup_existing and not root_record.baseline_done:
        note_before = root_record.first_watched - FRESH_SECONDS
    found = noted = 0
    to_note: list[tuple[str, int, int]] = []
    stack = [rule.root]
    while stack:
        if stop.is_set():
            return ScanResult(False, found, noted)
        directory = stack.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    path = entry.path
                    if ignore_roots and inside(path, ignore_roots):
                        continue
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        if rule.accepts_dir(path):
                            stack.append(path)
                        continue
                    if not stat.S_ISREG(info.st_mode) or not rule.accepts(path):
                        continue
                    if path in pending:
                        continue
                    snapshot = (info.st_size, info.st_mtime_ns)
                    record = state.lookup(path)
                    if record is not None and record.matches(*snapshot):
                        continue
                    if note_before is not None and record is None and info.st_mtime < note_before:
                        to_note.append((path, *snapshot))
                        if len(to_note) >= NOTE_BATCH:
                            noted += state.note_existing(to_note)
                            to_note = []
                        continue
                    age = time.time() - info.st_mtime
                    if not pending.add_found(path, rule, time.monotonic(), snapshot, age):
                        noted += state.note_existing(to_note)
                        return ScanResult(False, found, noted)
                    found += 1
        except FileNotFoundError:
            if directory == rule.root:
                raise
        except OSError as exc:
            if directory == rule.root:
                raise
            # An unreadable subfolder (permissions, a dead mount) must not stop the others.
            report(directory, f"cannot read this folder: {exc.strerror or exc}")
    noted += state.note_existing(to_note)
    if not root_record.baseline_done:
        state.finish_baseline(rule.root)
    log.info("scanned %s: %d new or changed, %d noted", rule.root, found, noted)
    return ScanResult(True, found, noted)

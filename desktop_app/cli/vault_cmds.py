"""Vault subcommands: ``backup``, ``list``, ``restore``, ``verify``, ``forget`` and ``prune``.

Each handler opens the service lazily (``context.service``) and imports core modules inside the
handler, so ``attachguard --help`` does not load the store.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    CommandContext,
    fail,
    print_json,
    shown,
    warn,
)

if TYPE_CHECKING:
    from desktop_app.core.vault import Entry


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="copy documents into the local vault",
        description="Copy documents into the vault (each content stored once, by SHA-256). "
        "Unreadable, vanished and special files (FIFOs, devices) are reported and skipped; "
        "the others still go in, and the exit status is 1 if anything was skipped.",
    )
    backup.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files to back up")
    backup.add_argument(
        "-r", "--recursive", action="store_true", help="also back up the files inside folders"
    )
    backup.set_defaults(handler=cmd_backup)

    listing = subparsers.add_parser(
        "list",
        help="list the documents in the vault",
        description="List vault entries, newest first.",
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_list)

    restore = subparsers.add_parser(
        "restore",
        help="copy documents out of the vault",
        description="Copy entries out of the vault into a folder under their original names. "
        "Existing files are never overwritten: a number is added instead, e.g. 'report (1).pdf'.",
    )
    restore.add_argument("ids", nargs="+", type=int, metavar="ID", help="entry ids (see list)")
    restore.add_argument(
        "--to", required=True, type=Path, metavar="DIR", help="folder to restore into"
    )
    restore.set_defaults(handler=cmd_restore)

    verify = subparsers.add_parser(
        "verify",
        help="re-hash every stored document",
        description="Check the database, re-read every stored document and check it against its "
        "SHA-256, and find stored documents the database does not list (unindexed: kept, never "
        "deleted). Exit status 1 and a list of problems if anything is wrong.",
    )
    verify.add_argument(
        "--reindex",
        action="store_true",
        help="list unindexed documents again (named by SHA-256 until backed up again); a "
        "damaged database is moved aside first and rebuilt from the stored documents",
    )
    verify.set_defaults(handler=cmd_verify)

    forget = subparsers.add_parser(
        "forget",
        help="remove entries from the vault",
        description="Remove entries; a stored document is deleted once no entry uses it.",
    )
    forget.add_argument("ids", nargs="+", type=int, metavar="ID", help="entry ids (see list)")
    forget.set_defaults(handler=cmd_forget)

    prune = subparsers.add_parser(
        "prune",
        help="apply the retention limits from the settings",
        description="Remove the oldest entries beyond [vault] max_age_days / max_total_mb in "
        "settings.toml. Documents whose upload is pending or failed are never removed.",
    )
    prune.set_defaults(handler=cmd_prune)


def cmd_backup(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.errors import DiskFullError, VaultError
    from desktop_app.core.vault import Source

    def each(path: Path, result: Entry | VaultError) -> None:
        # Said as each file is committed: a long backup shows its progress.
        if isinstance(result, DiskFullError):
            warn(f"not backed up {shown(str(path))}: {result}")
        elif isinstance(result, VaultError):
            warn(f"skipped {shown(str(result))}")
        else:
            print(
                f"{result.id:>6}  {result.sha256[:12]}  {_size(result.size):>9}  "
                f"{shown(result.name)}"
            )

    report = context.service.add_documents(
        args.paths, source=Source.CLI, recursive=args.recursive, upload=False, on_file=each
    )
    for problem in report.skipped:
        warn(f"skipped {problem}")
    stored = len(report.entries)
    if report.disk_full is not None:
        # Nothing partial was left, and files not yet started were not tried: name them, so
        # the user knows exactly which documents still have no copy.
        for path in report.not_tried:
            warn(f"not backed up {shown(str(path))}: not tried after the disk filled")
        return fail(
            f"{report.disk_full}: backed up {stored} file(s), {report.problems} not backed up"
        )
    if report.problems:
        warn(f"backed up {stored} file(s), skipped {report.problems}")
        return EXIT_FAILURE
    return EXIT_OK


def cmd_list(args: argparse.Namespace, context: CommandContext) -> int:
    entries = context.service.vault.entries()
    if args.json:
        print_json([_entry_json(e) for e in entries])
        return EXIT_OK
    if not entries:
        print("the vault is empty")
        return EXIT_OK
    print(f"{'ID':>6}  {'ADDED (UTC)':<19}  {'SIZE':>9}  {'SOURCE':<6}  {'SHA256':<12}  NAME")
    for e in entries:
        added = datetime.fromtimestamp(e.added_at, UTC).strftime("%Y-%m-%d %H:%M:%S")
        print(
            f"{e.id:>6}  {added:<19}  {_size(e.size):>9}  {e.source.value:<6}  "
            f"{e.sha256[:12]}  {shown(e.name)}"
        )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.errors import VaultError

    vault = context.service.vault
    failed = 0
    for entry_id in args.ids:
        try:
            restored = vault.restore(entry_id, args.to)
        except VaultError as exc:
            warn(str(exc))
            failed += 1
            continue
        print(f"{entry_id:>6}  {restored}")
    return EXIT_FAILURE if failed else EXIT_OK


def cmd_verify(args: argparse.Namespace, context: CommandContext) -> int:
    if args.reindex:
        return _reindex(context)
    vault = context.service.vault
    report = vault.verify(progress=_progress_line if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    if report.database:
        for finding in report.database[:20]:
            print(f"database  {shown(finding)}")
        return fail(
            f"the database {vault.db.path} is damaged: run `attachguard verify --reindex` to "
            "copy it aside and rebuild the list from the stored documents"
        )
    if report.ok:
        print(f"checked {report.checked} stored document(s): all intact")
        return EXIT_OK
    for label, shas in (("missing", report.missing), ("corrupt", report.corrupt)):
        for sha in shas:
            names = ", ".join(f"#{e.id} {shown(e.name)}" for e in vault.entries_for_blob(sha))
            print(f"{label}  {sha}  {names}")
    for sha in report.unindexed:
        print(f"unindexed  {sha}  (kept; not in the database)")
    if report.unindexed:
        warn(
            f"{len(report.unindexed)} stored document(s) are not in the database (unindexed) and "
            "were kept: run `attachguard verify --reindex` to list them again"
        )
    kept = f"; {len(report.unindexed)} unindexed (kept)" if report.unindexed else ""
    return fail(
        f"{len(report.missing)} missing and {len(report.corrupt)} corrupt of "
        f"{report.checked} stored document(s){kept}"
    )


def _reindex(context: CommandContext) -> int:
    from desktop_app.core.service import recover

    context.close()  # the database may be moved aside: nothing of ours may hold it open
    result = recover(context.paths)
    if result.set_aside is not None:
        warn(f"the database was damaged; the damaged file was moved aside to {result.set_aside}")
    report = result.reindex
    for sha in report.damaged:
        warn(f"stored document {sha} does not match its SHA-256: left as it is, not listed")
    print(
        f"listed {len(report.relisted)} stored document(s) again ({report.entries_created} "
        f"entries, {report.names_salvaged} with their names; the others are named by SHA-256 "
        f"until backed up again) of {report.blobs_found} in the vault"
    )
    return EXIT_FAILURE if report.damaged else EXIT_OK


def cmd_forget(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.errors import UnknownEntryError

    service = context.service
    vault = service.vault
    failed = 0
    for entry_id in args.ids:
        try:
            entry = vault.get(entry_id)
        except UnknownEntryError as exc:
            warn(str(exc))
            failed += 1
            continue
        last_copy = len(vault.entries_for_blob(entry.sha256)) == 1
        if last_copy and entry.sha256 in service.protected_blobs():
            # Forgetting it would delete the only copy an upload job still has to send.
            warn(f"entry {entry_id} ({entry.name}) has an unfinished upload; cancel it first")
            failed += 1
            continue
        vault.forget(entry_id)
        print(f"forgot {entry.id}  {entry.name}")
    return EXIT_FAILURE if failed else EXIT_OK


def cmd_prune(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.vault import RetentionPolicy

    service = context.service
    limits = service.settings.vault
    if limits.max_age_days is None and limits.max_total_mb is None:
        print("no retention limits set ([vault] max_age_days, max_total_mb): nothing to prune")
        return EXIT_OK
    policy = RetentionPolicy(
        max_age_days=limits.max_age_days,
        max_total_bytes=None if limits.max_total_mb is None else limits.max_total_mb * 1024 * 1024,
    )
    # Blobs an upload job still needs (pending or failed uploads) are never evicted.
    report = service.vault.prune(policy, service.protected_blobs())
    print(f"removed {report.removed_entries} entries, freed {_size(report.freed_bytes)}")
    return EXIT_OK


def _progress_line(done: int, total: int) -> None:
    sys.stderr.write(f"\rverifying {done}/{total}")
    sys.stderr.flush()


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "sha256": entry.sha256,
        "size": entry.size,
        "mime_type": entry.mime_type,
        "source": entry.source.value,
        "added_at": datetime.fromtimestamp(entry.added_at, UTC).isoformat(),
        "added_at_epoch": entry.added_at,
        "original_path": entry.original_path,
    }


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{count} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover

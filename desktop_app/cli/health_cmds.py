"""``attachguard status`` and ``attachguard batches``: provider health, our queue, Batch jobs.

The service (and with it the SDK) is imported only inside the handlers, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop_app.cli.common import EXIT_OK, CommandContext, fail, print_json, shown, warn

if TYPE_CHECKING:
    from desktop_app.core.monitor import BatchView, HealthSnapshot


def register(subparsers: Any) -> None:
    status = subparsers.add_parser(
        "status",
        help="show the provider's service status and the upload queue",
        description=(
            "Check the provider's public status page once (components such as Files and Batch, "
            "open incidents) and show the upload queue: counts, pause reason, circuit breaker. "
            "An unreachable status page is shown as unknown, never as an outage."
        ),
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=_status)

    batches = subparsers.add_parser(
        "batches",
        help="list your Batch jobs and flag stuck ones",
        description=(
            "List the Batch jobs of your API key, flag jobs stuck in finalizing (or still "
            "validating/in progress past their completion window) for longer than "
            "status.batch_stuck_minutes, and back up their input files into the vault."
        ),
    )
    batches.add_argument("--stuck", action="store_true", help="only show stuck jobs")
    batches.add_argument("--json", action="store_true", help="print a JSON list")
    batches.add_argument(
        "--offline",
        action="store_true",
        help="show what the last check saw, without contacting the API",
    )
    batches.set_defaults(handler=_list_batches)
    actions = batches.add_subparsers(dest="batches_action", metavar="ACTION")
    resubmit = actions.add_parser(
        "resubmit",
        help="create a new batch from a job's backed-up input",
        description=(
            "Upload the backed-up input file of batch ID again and create a new batch with the "
            "same endpoint, completion window and metadata. Asks for confirmation unless --yes."
        ),
    )
    resubmit.add_argument("batch_id", metavar="ID", help="the batch to resubmit (batch_...)")
    resubmit.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    resubmit.set_defaults(handler=_resubmit)


# -- status -----------------------------------------------------------------------------------


def _status(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.uploads import PauseReason

    service = context.service
    service.check_database()  # an overview must not call a damaged database "empty"
    snapshot = service.health.check_now()
    queue = service.uploads.status()
    if queue.paused is None and not service.has_api_key():
        # This process starts no workers, so its gate never learnt what the app's would: with
        # no key nothing is sent, and no retry is scheduled.
        queue = dataclasses.replace(queue, paused=PauseReason.NO_KEY, next_retry_at=None)
    if args.json:
        print_json(
            {
                "status_page": _snapshot_json(snapshot, service.health.outage_reason),
                "queue": _queue_json(queue),
            }
        )
        return EXIT_OK
    _print_snapshot(snapshot, service.health.outage_reason)
    counts = ", ".join(f"{n} {state}" for state, n in queue.counts.items() if n) or "empty"
    print(f"\nUpload queue: {counts}")
    paused = "until you add an API key" if queue.paused is PauseReason.NO_KEY else queue.paused
    print(f"  paused: {paused or 'no'}")
    print(f"  circuit breaker: {'open' if queue.breaker_open else 'closed'}")
    if queue.next_retry_at:
        print(f"  next retry: {_when(queue.next_retry_at)}")
    return EXIT_OK


def _snapshot_json(snapshot: HealthSnapshot, hold: str | None) -> dict[str, Any]:
    return {
        "url": snapshot.url,
        "format": snapshot.format,
        "known": snapshot.known,
        "error": snapshot.error,
        "fetched_at": snapshot.fetched_at,
        "components": {name: state.value for name, state in snapshot.components.items()},
        "incidents": [
            {
                "name": i.name,
                "status": i.status.value,
                "open": i.is_open,
                "updated_at": i.updated_at,
                "url": i.url,
                "components": list(i.components),
            }
            for i in snapshot.incidents
        ],
        "uploads_held": hold,
    }


def _queue_json(queue: Any) -> dict[str, Any]:
    return {
        "counts": {str(state): n for state, n in queue.counts.items()},
        "paused": queue.paused,
        "breaker_open": queue.breaker_open,
        "next_retry_at": queue.next_retry_at,
        "bytes_total": queue.bytes_total,
        "bytes_sent": queue.bytes_sent,
    }


def _print_snapshot(snapshot: HealthSnapshot, hold: str | None) -> None:
    if not snapshot.known:
        print(f"Service status: unknown ({shown(str(snapshot.error))})")
        print(f"  {shown(snapshot.url or 'no status URL configured')}")
        return
    print(f"Service status ({shown(snapshot.url or '')})")
    width = max((len(shown(n)) for n in snapshot.components), default=0)
    for name, state in snapshot.components.items():
        print(f"  {shown(name):<{width}}  {shown(state.label)}")
    incidents = snapshot.open_incidents
    print("\nOpen incidents:" if incidents else "\nNo open incidents.")
    for incident in incidents:
        updated = f", updated {_when(incident.updated_at)}" if incident.updated_at else ""
        print(f"  [{shown(incident.status)}] {shown(incident.name)}{updated}")
        if incident.url:
            print(f"    {shown(incident.url)}")
    if hold:
        print(f"\nUploads are held: {hold}.")


def _when(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- batches ----------------------------------------------------------------------------------


def _list_batches(args: argparse.Namespace, context: CommandContext) -> int:
    watchdog = context.service.batches
    if args.offline:
        views = watchdog.batches(stuck_only=args.stuck)
    else:
        report = watchdog.check(notify=False)
        for problem in report.problems:
            warn(problem)
        views = list(report.stuck if args.stuck else report.batches)
    now = time.time()
    if args.json:
        print_json([_batch_json(v, now) for v in views])
        return EXIT_OK
    if not views:
        print("No stuck batch jobs." if args.stuck else "No batch jobs.")
        return EXIT_OK
    rows = [("ID", "STATUS", "AGE", "REQUESTS", "BACKUP", "NOTE")]
    for view in views:
        backup = (
            "yes" if view.backup_entry_id is not None else ("lost" if view.backup_error else "-")
        )
        note = view.stuck_reason and f"STUCK: {view.stuck_reason}"
        if view.resubmitted_as:
            note = f"resubmitted as {view.resubmitted_as}"
        rows.append(
            (
                view.id,
                view.status.value,
                _age(view, now),
                f"{view.requests_completed}/{view.requests_total}"
                + (f" ({view.requests_failed} failed)" if view.requests_failed else ""),
                backup,
                note or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print(shown("  ".join([*cells, row[-1]]).rstrip()))
    return EXIT_OK


def _age(view: BatchView, now: float) -> str:
    from desktop_app.core.monitor import format_duration

    return format_duration(view.age(now))


def _batch_json(view: BatchView, now: float) -> dict[str, Any]:
    return {
        "id": view.id,
        "status": view.status.value,
        "endpoint": view.endpoint,
        "completion_window": view.completion_window,
        "created_at": view.created_at,
        "status_since": view.status_since,
        "age_seconds": round(view.age(now), 3),
        "stuck": view.stuck,
        "stuck_reason": view.stuck_reason,
        "notified_at": view.stuck_notified_at,
        "input_file_id": view.input_file_id,
        "output_file_id": view.output_file_id,
        "error_file_id": view.error_file_id,
        "requests": {
            "total": view.requests_total,
            "completed": view.requests_completed,
            "failed": view.requests_failed,
        },
        "metadata": dict(view.metadata) if view.metadata else None,
        "backup_entry_id": view.backup_entry_id,
        "backup_error": view.backup_error,
        "resubmitted_as": view.resubmitted_as,
        "resubmitted_from": view.resubmitted_from,
    }


def _resubmit(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.errors import UnknownBatchError

    watchdog = context.service.batches
    try:
        view = watchdog.get(args.batch_id)
    except UnknownBatchError:
        watchdog.check(notify=False)  # not seen yet: learn about it (and back up its input) first
        view = watchdog.get(args.batch_id)
    if not args.yes:
        if not sys.stdin.isatty():
            return fail("resubmitting needs confirmation: run it in a terminal or add --yes")
        prompt = (
            f"Resubmit {view.id} ({view.status.value}, {view.endpoint}, "
            f"{view.requests_total} requests) as a new batch? [y/N] "
        )
        try:
            answer = input(prompt)
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Not resubmitted.")
            return EXIT_OK
    new = watchdog.resubmit(view.id)
    print(f"Resubmitted {view.id} as {new.id} ({new.status.value}).")
    return EXIT_OK

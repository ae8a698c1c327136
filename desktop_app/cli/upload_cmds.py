"""Upload subcommands: ``upload``, ``run``, ``queue``, ``retry``, ``cancel`` and ``recheck``.

Handlers import the core (SDK, store) lazily so ``attachguard --help`` stays fast. Exit codes:
0 ok, 1 a handled failure (missing or rejected key included), 2 usage (checked before anything
is backed up), 3 ``upload --wait`` finished with some job failed, 130 interrupted (Ctrl+C; the
jobs in flight are handed back to the queue).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
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
    from desktop_app.core.service import Service
    from desktop_app.core.uploads import JobView, Target, UploadManager

EXIT_SOME_FAILED = 3
EXIT_INTERRUPTED = 130


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    upload = subparsers.add_parser(
        "upload",
        help="back up documents and queue them for upload",
        description="Back up each file into the vault, then queue it for upload to the OpenAI "
        "Files API (the queue survives crashes and outages). With --wait, process the queue "
        "until these uploads are done or failed: exit 0 if all are done, 3 if some failed. "
        "Exit 1 at once if a target the files go to has no API key (with or without --wait), "
        "or if the key is rejected; the "
        "documents stay backed up and queued either way.",
    )
    upload.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="files (or folders, with -r)"
    )
    upload.add_argument(
        "-r", "--recursive", action="store_true", help="upload the files inside folders too"
    )
    upload.add_argument(
        "--purpose",
        type=_purpose,
        metavar="P",
        help="file purpose: assistants, batch, evals, fine-tune, user_data or vision "
        "(default from settings)",
    )
    upload.add_argument(
        "--expires-after",
        type=_expires_after,
        metavar="S",
        help="remote file expires S seconds after upload (3600..2592000)",
    )
    upload.add_argument(
        "--target",
        action="append",
        metavar="NAME",
        help="upload to this target ([[targets]] in the settings; repeatable; default: the "
        "first target, openai unless the settings list another first)",
    )
    upload.add_argument(
        "--all-targets", action="store_true", help="upload to every configured target"
    )
    upload.add_argument("--wait", action="store_true", help="upload now and wait for the result")
    upload.add_argument("--json", action="store_true", help="machine-readable output")
    upload.set_defaults(handler=cmd_upload)

    run = subparsers.add_parser(
        "run",
        help="process the upload queue without the tray app",
        description="Upload queued documents until interrupted (Ctrl-C or SIGTERM: in-flight "
        "uploads are handed back to the queue). Jobs left busy by a crashed run are recovered.",
    )
    run.add_argument(
        "--until-idle", action="store_true", help="exit once no job is queued or waiting"
    )
    run.set_defaults(handler=cmd_run)

    queue = subparsers.add_parser(
        "queue",
        help="show upload jobs",
        description="List upload jobs, newest first, with state, attempts and last error.",
    )
    queue.add_argument("--json", action="store_true", help="machine-readable output")
    queue.add_argument(
        "--state",
        action="append",
        type=_job_state,
        metavar="STATE",
        help="only jobs in this state (repeatable): queued, uploading, verifying, "
        "waiting_retry, done, failed, cancelled, expired",
    )
    queue.add_argument("--limit", type=int, metavar="N", help="show at most N jobs")
    queue.set_defaults(handler=cmd_queue)

    retry = subparsers.add_parser(
        "retry",
        help="retry failed or waiting uploads now",
        description="Make a failed or waiting job due now (bypassing backoff); failed jobs get "
        "a fresh attempt budget. The next 'run' (or the tray app) uploads them.",
    )
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("job_id", nargs="?", type=int, metavar="ID", help="job id (see queue)")
    which.add_argument("--all", action="store_true", help="every failed or waiting job")
    retry.set_defaults(handler=cmd_retry)

    cancel = subparsers.add_parser(
        "cancel", help="cancel an upload job", description="Cancel a job that is not done yet."
    )
    cancel.add_argument("job_id", type=int, metavar="ID", help="job id (see queue)")
    cancel.set_defaults(handler=cmd_cancel)

    recheck = subparsers.add_parser(
        "recheck",
        help="check that uploaded files still exist remotely",
        description="Retrieve every done job's remote file; re-queue those that expired or "
        "vanished (run 'run' or the tray app to upload them again).",
    )
    recheck.add_argument("--json", action="store_true", help="machine-readable output")
    recheck.set_defaults(handler=cmd_recheck)


# -- argument types (usage errors exit 2 before anything is backed up) -----------------------


def _purpose(text: str) -> str:
    from desktop_app.core.uploads import PURPOSES

    if text not in PURPOSES:
        raise argparse.ArgumentTypeError(
            f"unknown purpose {text!r}; use one of {', '.join(sorted(PURPOSES))}"
        )
    return text


def _expires_after(text: str) -> int:
    from desktop_app.core.uploads import EXPIRES_AFTER_RANGE

    low, high = EXPIRES_AFTER_RANGE
    try:
        seconds = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of seconds: {text!r}") from None
    if not low <= seconds <= high:
        raise argparse.ArgumentTypeError(
            f"must be between {low} (1 hour) and {high} (30 days) seconds, got {seconds}"
        )
    return seconds


def _job_state(text: str) -> str:
    from desktop_app.core.uploads import JobState

    names = [s.value for s in JobState]
    if text not in names:
        raise argparse.ArgumentTypeError(f"unknown state {text!r}; use one of {', '.join(names)}")
    return text


#: Seconds an interrupted command lets in-flight calls finish before handing them back.
INTERRUPT_STOP_SECONDS = 2.0


#: How often `upload --wait` says what it is waiting for while nothing is being sent.
WAIT_REPORT_SECONDS = 15.0

#: How long `run` waits for the status page before starting uploads regardless.
FIRST_STATUS_WAIT_SECONDS = 3.0

# -- handlers --------------------------------------------------------------------------------


def cmd_upload(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.uploads import JobState
    from desktop_app.core.vault import Source

    service = context.service
    known = service.target_names()
    targets = known if args.all_targets else args.target
    unknown = [name for name in targets or () if name not in known]
    if unknown:
        return fail(f"no upload target named {unknown[0]!r}; the targets are {', '.join(known)}")
    report = service.add_documents(
        args.paths,
        source=Source.CLI,
        recursive=args.recursive,
        upload=True,
        purpose=args.purpose,
        expires_after=args.expires_after,
        targets=targets,
    )
    for item in report.skipped:
        warn(f"skipped {item}")
    for failed in report.failed:
        if failed.error is not report.disk_full:
            warn(f"skipped {failed.error}")
    if report.disk_full is not None:
        return fail(f"{report.disk_full}; nothing was queued")
    if not report.entries:
        return fail("nothing to upload")
    manager = service.uploads
    job_ids = list(report.job_ids)
    problems = report.problems
    missing = service.target_without_key(targets)
    if missing is not None:
        # Backed up and queued (nothing is lost), but nothing can be sent: say so, exit 1.
        return fail(_no_key_message(len(job_ids), missing))
    if args.wait:
        _run_interruptibly(manager, job_ids)
        problem = _pause_problem(service, len(job_ids))
        if problem:
            return fail(problem)
    jobs = [manager.job(i) for i in job_ids]
    _print_jobs(jobs, args.json)
    if args.wait and any(j.state is not JobState.DONE for j in jobs):
        return EXIT_SOME_FAILED
    return EXIT_FAILURE if problems else EXIT_OK


def cmd_run(args: argparse.Namespace, context: CommandContext) -> int:
    service = context.service
    manager = service.uploads
    if not service.has_api_key():
        return fail(_no_key_message(manager.job_count(_active())))
    if args.until_idle:
        _run_interruptibly(manager, None)
        problem = _pause_problem(service, manager.job_count(_active()))
        if problem:
            return fail(problem)
        counts = manager.status().counts
        print(", ".join(f"{n} {state}" for state, n in counts.items() if n) or "queue empty")
        return EXIT_OK
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    interrupted = False
    try:
        # A long-running queue also watches the provider's status page, as the tray app does:
        # a Files outage holds uploads until it is over (an unreachable page never does). The
        # first answer is awaited briefly so a known outage holds the very first upload too.
        # Done uploads are rechecked at start and periodically: a file the server let expire
        # is uploaded again.
        service.start(status=True, recheck=True, status_wait=FIRST_STATUS_WAIT_SECONDS)
        print("processing the upload queue; Ctrl-C to stop", flush=True)
        warned = False
        while not stop.wait(1.0):
            problem = _pause_problem(service, manager.job_count(_active()))
            if problem and not warned:
                warn(problem)
            warned = bool(problem)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        # A status poll in flight gets as little time as the uploads: it must not hold up Ctrl+C.
        _say_handed_back(service.stop(INTERRUPT_STOP_SECONDS))
    print("stopped", file=sys.stderr)
    return EXIT_INTERRUPTED if interrupted else EXIT_OK


def _run_interruptibly(
    manager: UploadManager,
    job_ids: list[int] | None,
    report_every: float = WAIT_REPORT_SECONDS,
) -> None:
    """``run_until_idle``; on Ctrl+C or SIGTERM stop promptly, hand in-flight jobs back to the
    queue, say so, and let the interrupt end the command (no traceback: ``main`` reports it).

    While nothing is being sent (an outage holds the uploads, or they wait to retry), one line
    every ``report_every`` seconds on stderr says what it is waiting for, instead of silence.
    """
    from desktop_app.core.uploads import ACTIVE_STATES

    try:
        while True:
            manager.run_until_idle(job_ids, report_every, only=job_ids is not None)
            if manager.job_count(ACTIVE_STATES, job_ids) == 0 or manager.waiting_for_user:
                return
            line = waiting_line(manager, job_ids)
            if line:
                print(line, file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        _say_handed_back(manager.stop(INTERRUPT_STOP_SECONDS))
        raise


def waiting_line(
    manager: UploadManager, job_ids: list[int] | None, now: float | None = None
) -> str | None:
    """ "waiting for OpenAI: 3 uploads held, next try 12:04:10", or None while one is being
    sent (progress is being made)."""
    from desktop_app.core.uploads import JobState, PauseReason

    jobs = [manager.job(i) for i in job_ids] if job_ids is not None else manager.jobs()
    if any(j.state in (JobState.UPLOADING, JobState.VERIFYING) for j in jobs):
        return None
    targets = [j.target for j in jobs if j.state in (JobState.QUEUED, JobState.WAITING_RETRY)]
    waiting = len(targets)
    if not waiting:
        return None
    names = ", ".join(_target_label(manager, name) for name in dict.fromkeys(sorted(targets)))
    status = manager.status()
    held = status.breaker_open or status.paused in (
        PauseReason.BREAKER,
        PauseReason.SERVICE_OUTAGE,
        PauseReason.RATE_LIMIT,
    )
    what = "held" if held else "waiting to retry"
    if status.paused is PauseReason.SERVICE_OUTAGE:
        when = "when OpenAI reports the outage over"
    elif status.next_retry_at is not None:
        at = datetime.fromtimestamp(status.next_retry_at).strftime("%H:%M:%S")
        when = "now" if status.next_retry_at <= (now or time.time()) + 1 else at
    else:
        when = f"when {names} recovers" if "," not in names else "when they recover"
    uploads = f"{waiting} upload{'s' if waiting != 1 else ''}"
    return f"waiting for {names}: {uploads} {what}, next try {when}"


def _target_label(manager: UploadManager, name: str) -> str:
    """ "OpenAI", "Azure" or the target's own name (a job may outlive its [[targets]] table)."""
    return next((t.label for t in manager.targets if t.name == name), name)


def _say_handed_back(ids: list[int]) -> None:
    if ids:
        warn(
            f"{len(ids)} upload(s) in progress handed back to the queue "
            f"({', '.join(str(i) for i in ids)}); 'attachguard run' continues them"
        )


def cmd_queue(args: argparse.Namespace, context: CommandContext) -> int:
    from desktop_app.core.uploads import JobState

    states = {JobState(s) for s in args.state} if args.state else None
    manager = context.service.uploads
    jobs = manager.jobs(states=states, limit=args.limit)
    if args.json:
        print_json([job_json(j) for j in jobs])
        return EXIT_OK
    status = manager.status()
    if status.paused is not None:
        print(f"uploads paused: {status.paused.value.replace('_', ' ')}")
    if not jobs:
        print("no upload jobs")
        return EXIT_OK
    _print_table(jobs)
    return EXIT_OK


def cmd_retry(args: argparse.Namespace, context: CommandContext) -> int:
    count = context.service.uploads.retry(None if args.all else args.job_id)
    if count == 0:
        if args.all:
            print("nothing to retry")
            return EXIT_OK
        return fail(f"upload job {args.job_id} is not failed or waiting")
    print(f"{count} job(s) will be retried now ('attachguard run' uploads them)")
    return EXIT_OK


def cmd_cancel(args: argparse.Namespace, context: CommandContext) -> int:
    context.service.uploads.cancel(args.job_id)
    print(f"cancelled upload job {args.job_id}")
    return EXIT_OK


def cmd_recheck(args: argparse.Namespace, context: CommandContext) -> int:
    manager = context.service.uploads
    if not context.service.has_api_key():
        return fail(_no_key_message(0))
    report = manager.recheck()
    if args.json:
        print_json(
            {
                "checked": report.checked,
                "ok": report.ok,
                "requeued": report.requeued,
                "unreachable": report.unreachable,
                "duplicates_removed": report.duplicates_removed,
            }
        )
    else:
        print(
            f"checked {report.checked}: {report.ok} ok, {len(report.requeued)} re-queued, "
            f"{report.unreachable} could not be checked now, "
            f"{report.duplicates_removed} duplicate remote cop(ies) removed"
        )
        if report.requeued:
            ids = ", ".join(str(i) for i in report.requeued)
            print(f"re-queued job{'s' if len(report.requeued) > 1 else ''} {ids}")
    if report.unreachable and report.unreachable == report.checked:
        return fail(
            f"none of the {report.checked} uploaded file(s) could be checked "
            "(the service did not answer); try again later"
        )
    return EXIT_OK


# -- output ----------------------------------------------------------------------------------


def _active() -> set[Any]:
    from desktop_app.core.uploads import ACTIVE_STATES

    return set(ACTIVE_STATES)


def _no_key_message(queued: int, target: Target | None = None) -> str:
    from desktop_app.core.uploads import no_key_sentence
    from desktop_app.targets import DEFAULT_TARGET

    if target is not None and target.name != DEFAULT_TARGET:
        return f"{no_key_sentence(target)}; {queued} job(s) stay queued until then"
    return (
        "no OpenAI API key: set OPENAI_API_KEY or store a key in the keyring "
        f"(service 'attachguard'); {queued} job(s) stay queued until then"
    )


def _pause_problem(service: Service, queued: int) -> str | None:
    from desktop_app.core.credentials import KeySource, key_source
    from desktop_app.core.uploads import PauseReason

    paused = service.uploads.paused
    if paused is PauseReason.NO_KEY:
        return _no_key_message(queued)
    if paused is PauseReason.AUTH:
        source = key_source(service.credentials)
        where = (
            "OPENAI_API_KEY"
            if source is KeySource.ENVIRONMENT
            else "the API key stored in the keyring (service 'attachguard')"
        )
        return f"the server rejected {where} (401/403); fix the key; {queued} job(s) stay queued"
    if paused is PauseReason.QUOTA:
        return (
            "the OpenAI account is out of credit (insufficient_quota); add credit or use "
            f"another key, then run 'attachguard retry --all'; {queued} job(s) stay queued"
        )
    if paused is PauseReason.USER:
        return f"uploads are paused; {queued} job(s) stay queued"
    if paused is PauseReason.SERVICE_OUTAGE:
        return (
            f"{service.health.outage_reason or 'the status page reports an outage'}; uploads "
            f"are held until it is over; {queued} job(s) stay queued"
        )
    return None


def _when(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def job_json(job: JobView) -> dict[str, Any]:
    return {
        "id": job.id,
        "entry_id": job.entry_id,
        "name": job.name,
        "sha256": job.sha256,
        "size": job.size,
        "state": job.state.value,
        "target": job.target,
        "attempts": job.attempts,
        "next_attempt_at": _when(job.next_attempt_at),
        "file_id": job.file_id,
        "expires_at": _when(job.expires_at),
        "bytes_sent": job.bytes_sent,
        "fallback_available": job.fallback_available,
        "last_error": None
        if job.error_kind is None
        else {
            "kind": job.error_kind.value,
            "http_status": job.http_status,
            "message": job.error_message,
            "request_id": job.request_id,
        },
        "created_at": _when(job.created_at),
        "updated_at": _when(job.updated_at),
    }


def _last_error(job: JobView) -> str:
    if job.error_kind is None:
        return ""
    status = f" {job.http_status}" if job.http_status else ""
    return f"{job.error_kind.value}{status}: {job.error_message or ''}"


def _print_jobs(jobs: list[JobView], as_json: bool) -> None:
    if as_json:
        print_json([job_json(j) for j in jobs])
    else:
        _print_table(jobs)


def _print_table(jobs: list[JobView]) -> None:
    rows = [
        (
            str(j.id),
            j.state.value,
            str(j.attempts),
            j.sha256[:12],
            shown(j.file_id or "-"),
            shown(j.name),
            shown(_last_error(j)[:60]),
        )
        for j in jobs
    ]
    header = ("ID", "STATE", "TRIES", "SHA256", "FILE ID", "NAME", "LAST ERROR")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {0, 2}
    for row in [header, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())

"""The sandbox: extraction runs in a separate worker process, never in the app's own process.

One warm worker (``python -m desktop_app.core.extract.child``) is reused across calls, so
parsers stay imported and a typical document takes milliseconds. It is replaced after anything
abnormal:

* a wall-clock timeout: the worker is killed (SIGKILL / TerminateProcess) and reaped;
* a memory cap: ``RLIMIT_AS`` is set inside the worker on Linux and the BSDs, so a runaway
  parser gets ``MemoryError`` (reported as "memory") instead of swapping the machine. macOS does
  not enforce ``RLIMIT_AS`` and Windows has no ``resource`` module: there only the timeout
  applies (a Job Object limit would be the Windows equivalent);
* a crash (a segfault in a native parser, or the OS killing the worker): reported as "failed";
* an oversized result: the worker cuts the text at ``Limits.max_output_chars``;
* a cancel request (``run(cancel=event)``) or Ctrl+C: the worker is killed; pages it already
  reported were handed to the caller and can be passed back as ``resume``.

A plain subprocess (not ``multiprocessing``) keeps the app's ``__main__`` from being re-imported
in the worker and never forks a process that has threads. The worker exits by itself when its
stdin closes (so it dies with the app), and every worker is waited for, so none is left as a
zombie. Calls are serialised: the worker handles one document at a time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.extract.job import OcrOptions, PageText, Progress, default_workers
from desktop_app.core.extract.protocol import read_frame, write_frame
from desktop_app.core.extract.result import Extraction, Failure, FailureKind, Limits

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
DEFAULT_MEMORY_LIMIT = 2 * 1024 * 1024 * 1024
STARTUP_TIMEOUT = 30.0  # a cold interpreter on a loaded machine; not part of the document's time
_REAP_SECONDS = 5.0
_CANCEL_POLL = 0.1
_SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|COOKIE|SESSION", re.IGNORECASE)


def worker_command() -> list[str]:
    """How to start a worker. A frozen (PyInstaller) build must route this flag to
    ``desktop_app.core.extract.child.main`` in its entry point."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--extract-worker"]
    return [sys.executable, "-m", "desktop_app.core.extract.child"]


def worker_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The app's environment minus anything that looks like a credential: the worker parses
    hostile files, so even a parser exploit must find no API key to steal."""
    env = os.environ if environ is None else environ
    clean = {name: value for name, value in env.items() if not _SECRET_NAME.search(name)}
    clean["OMP_THREAD_LIMIT"] = "1"  # Tesseract: one thread per page, pages run in parallel
    return clean


class _Worker:
    """One worker process and the named thread that reads its replies into a queue."""

    def __init__(self, hello: dict[str, Any]) -> None:
        self.process = subprocess.Popen(
            worker_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
            env=worker_environment(),
        )
        self.replies: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.ready = False
        self.reader = threading.Thread(
            target=self._read, name=f"extract-reader-{self.process.pid}", daemon=True
        )
        self.reader.start()
        assert self.process.stdin is not None
        write_frame(self.process.stdin, hello)

    def _read(self) -> None:
        assert self.process.stdout is not None
        try:
            while True:
                message = read_frame(self.process.stdout)
                self.replies.put(message)
                if message is None:
                    return
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            self.replies.put({"status": "broken", "detail": str(exc)})

    def wait_ready(self, timeout: float) -> bool:
        if self.ready:
            return True
        try:
            message = self.replies.get(timeout=timeout)
        except queue.Empty:
            return False
        self.ready = message is not None and message.get("status") == "ready"
        return self.ready

    def stop(self, *, kill: bool) -> int | None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        if kill:
            self.process.kill()
        try:
            code = self.process.wait(_REAP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.reader.join(_REAP_SECONDS)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code


class ExtractionRunner:
    """Runs extractions in a warm, recyclable worker process (thread-safe; one call at a time).

    ``extractors`` maps extra MIME types to ``"module:function"`` extractors loaded in the
    worker; it is the seam tests use to simulate hanging or memory-hungry parsers.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        limits: Limits | None = None,
        extractors: Mapping[str, str] | None = None,
        ocr: OcrOptions | None = None,
    ) -> None:
        self.timeout = timeout
        self.ocr = ocr or OcrOptions(workers=default_workers())
        self.memory_limit = memory_limit
        self.limits = limits or Limits()
        self._extractors = dict(extractors or {})
        self._lock = threading.Lock()
        self._state: dict[str, _Worker | None] = {"worker": None}
        self.workers_started = 0
        weakref.finalize(self, _shutdown, self._state)

    def start(self) -> None:
        """Start the worker now (e.g. at app start, in the background) so the first call is warm."""
        with self._lock:
            worker = self._ensure_worker()
            if not worker.wait_ready(STARTUP_TIMEOUT):
                self._recycle(kill=True)

    def run(
        self,
        path: Path,
        mime: str,
        timeout: float | None = None,
        *,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        resume: Sequence[PageText] = (),
    ) -> Extraction | Failure:
        """Extract ``path`` as ``mime`` in the worker; a :class:`Failure` for a handled problem.

        ``timeout`` bounds the time without news from the worker: each page it reports (see
        ``progress``) starts the clock again, so a 40-page scan is not cut off while a hung
        parser still is. Setting ``cancel`` stops the worker within a tenth of a second;
        ``resume`` hands back pages an earlier, interrupted run already reported.
        """
        limit = self.timeout if timeout is None else timeout
        with self._lock:
            worker = self._ensure_worker()
            if not worker.wait_ready(STARTUP_TIMEOUT):
                code = self._recycle(kill=True)
                return Failure(FailureKind.FAILED, f"the worker did not start (exit {code})")
            request = {
                "path": str(path.absolute()),
                "mime": mime,
                "limits": dataclasses.asdict(self.limits),
                "ocr": self.ocr.to_json(),
                "resume": [page.to_json() for page in resume],
            }
            try:
                assert worker.process.stdin is not None
                write_frame(worker.process.stdin, request)
            except OSError as exc:
                self._recycle(kill=True)
                return Failure(FailureKind.FAILED, f"worker unreachable: {exc}")
            try:
                return self._wait(worker, mime, limit, progress, cancel)
            except (
                BaseException
            ):  # Ctrl+C, or the progress callback failed: do not leave it running
                self._recycle(kill=True)
                raise

    def _wait(
        self,
        worker: _Worker,
        mime: str,
        limit: float,
        progress: Callable[[Progress], None] | None,
        cancel: threading.Event | None,
    ) -> Extraction | Failure:
        deadline = time.monotonic() + limit
        while True:
            if cancel is not None and cancel.is_set():
                self._recycle(kill=True)
                return Failure(FailureKind.CANCELLED, "stopped on request")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                log.warning("extraction of a %s timed out after %.1fs; killing worker", mime, limit)
                self._recycle(kill=True)
                return Failure(FailureKind.TIMEOUT, f"no result within {limit:.1f}s")
            try:
                reply = worker.replies.get(timeout=min(remaining, _CANCEL_POLL))
            except queue.Empty:
                continue
            if reply is not None and reply.get("status") == "progress":
                deadline = time.monotonic() + limit
                if progress is not None:
                    progress(_progress(reply))
                continue
            return self._interpret(reply)

    def close(self) -> None:
        with self._lock:
            self._recycle(kill=False)

    @property
    def pid(self) -> int | None:
        worker = self._state["worker"]
        return worker.process.pid if worker is not None and worker.process.poll() is None else None

    def _interpret(self, reply: dict[str, Any] | None) -> Extraction | Failure:
        if reply is None:
            code = self._recycle(kill=True)
            log.warning("extraction worker died (exit %s)", code)
            return Failure(FailureKind.FAILED, f"the worker crashed (exit {code})")
        status = reply.get("status")
        if status == "ok":
            return Extraction.from_json(reply["extraction"])
        if status == "fail":
            kind = FailureKind(reply.get("kind", "failed"))
            if kind is FailureKind.MEMORY:
                self._recycle(kill=False)  # the worker exits after a MemoryError
            return Failure(kind, str(reply.get("detail", "")))
        self._recycle(kill=True)
        return Failure(FailureKind.FAILED, f"unexpected reply from the worker: {status!r}")

    def _ensure_worker(self) -> _Worker:
        worker = self._state["worker"]
        if worker is not None and worker.process.poll() is None:
            return worker
        self._recycle(kill=True)
        hello = {
            "memory_limit": self.memory_limit,
            "sys_path": [p for p in sys.path if p],
            "extractors": self._extractors,
        }
        worker = _Worker(hello)
        self._state["worker"] = worker
        self.workers_started += 1
        return worker

    def _recycle(self, *, kill: bool) -> int | None:
        return _shutdown(self._state, kill=kill)


def _progress(reply: dict[str, Any]) -> Progress:
    page = reply.get("page")
    return Progress(
        done=int(reply.get("done", 0)),
        total=int(reply.get("total", 0)),
        page=PageText.from_json(page) if isinstance(page, dict) else None,
    )


def _shutdown(state: dict[str, _Worker | None], kill: bool = False) -> int | None:
    worker = state.get("worker")
    state["worker"] = None
    return worker.stop(kill=kill) if worker is not None else None

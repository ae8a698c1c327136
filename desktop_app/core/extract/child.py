"""The extraction worker's main loop: ``python -m desktop_app.core.extract.child``.

Reads requests from stdin and answers on the original stdout (see :mod:`.protocol`); anything a
native library prints goes to stderr instead, so it cannot corrupt the replies. Long extractions
(OCR) send ``progress`` frames, one per finished page, before the final reply. Exits when stdin
closes, i.e. when the app stops or dies.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
from pathlib import Path
from typing import IO, Any

from desktop_app.core.extract.job import Job, OcrOptions, PageText, Progress, running
from desktop_app.core.extract.protocol import read_frame, write_frame
from desktop_app.core.extract.result import (
    ExtractFailed,
    Extraction,
    Failure,
    FailureKind,
    Limits,
)


def main() -> int:
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not reach the pipe
    requests = sys.stdin.buffer
    hello = read_frame(requests)
    if hello is None:
        return 0
    _limit_memory(hello.get("memory_limit"))
    # Ctrl+C in a terminal reaches the whole process group: the app decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        os.nice(5)  # parsing in the background must not make the tray or window stutter
    for entry in hello.get("sys_path", []):
        if entry not in sys.path:
            sys.path.append(str(entry))
    from desktop_app.core.extract import registry

    for mime, target in dict(hello.get("extractors", {})).items():
        registry.register(str(mime), str(target))
    write_frame(replies, {"status": "ready"})
    return _serve(requests, replies)


def _serve(requests: IO[bytes], replies: IO[bytes]) -> int:
    from desktop_app.core.extract import registry

    while True:
        request = read_frame(requests)
        if request is None:
            return 0
        limits = Limits(**request["limits"])
        job = Job(
            ocr=OcrOptions.from_json(request.get("ocr")),
            resume={
                int(page["number"]): PageText.from_json(page) for page in request.get("resume", ())
            },
            report=lambda progress: _report(replies, progress),
        )
        try:
            with running(job):
                result = registry.extract_file(Path(request["path"]), request["mime"], limits)
            write_frame(replies, {"status": "ok", "extraction": _capped(result, limits).to_json()})
        except ExtractFailed as exc:
            write_frame(replies, _failure(exc.failure))
        except MemoryError:
            write_frame(replies, _failure(Failure(FailureKind.MEMORY, "MemoryError")))
            return 3  # a process that ran out of memory is not trusted with the next document
        except RecursionError as exc:
            write_frame(replies, _failure(Failure(FailureKind.CORRUPT, f"too deep: {exc}")))
        except Exception as exc:  # a parser's own error on a malformed file
            detail = f"{type(exc).__name__}: {exc}"
            write_frame(replies, _failure(Failure(FailureKind.FAILED, detail)))


def _report(replies: IO[bytes], progress: Progress) -> None:
    page = None if progress.page is None else progress.page.to_json()
    message = {"status": "progress", "done": progress.done, "total": progress.total, "page": page}
    write_frame(replies, message)


def _failure(failure: Failure) -> dict[str, Any]:
    return {"status": "fail", "kind": failure.kind.value, "detail": failure.detail[:2000]}


def _limit_memory(limit: object) -> None:
    if not isinstance(limit, int) or sys.platform in ("win32", "darwin"):
        return  # Windows has no RLIMIT_AS and macOS does not enforce it: the timeout still holds
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _capped(result: Extraction, limits: Limits) -> Extraction:
    if len(result.markdown) <= limits.max_output_chars:
        return result
    cut = result.markdown.rfind("\n", 0, limits.max_output_chars)
    cut = cut if cut > limits.max_output_chars // 2 else limits.max_output_chars
    return dataclasses.replace(
        result.with_warning("the text was cut: it is longer than the app keeps"),
        markdown=result.markdown[:cut] + "\n",
        truncated=True,
    )


if __name__ == "__main__":
    sys.exit(main())

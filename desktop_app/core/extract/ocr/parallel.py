"""OCR pages on a pool of threads (one Tesseract per thread, one OpenMP thread each).

Pictures are produced lazily by the caller's thread (PDFium is not thread-safe, so PDF pages
are rendered there) and at most ``workers + 1`` wait in memory at once. Every finished page is
reported straight away through the job, so the app can show progress and keep the page even if
the job is cancelled or killed later; pages the job already has are not OCR'd again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from PIL import Image

from desktop_app.core.extract.job import Job, PageText, Progress
from desktop_app.core.extract.ocr.engine import Engine
from desktop_app.core.extract.ocr.page import read_page

PageSource = tuple[int, Callable[[], Image.Image]]


def run_pages(sources: Iterable[PageSource], total: int, job: Job) -> dict[int, PageText]:
    """OCR every page in ``sources`` (``(number, load)`` pairs); return the pages by number."""
    results: dict[int, PageText] = {}
    pending: list[PageSource] = []
    for number, load in sources:
        done = job.resume.get(number)
        if done is not None:
            results[number] = done
            job.report(Progress(len(results), total, None))
        else:
            pending.append((number, load))
    if not pending:
        return results
    engine = Engine(job.ocr)
    workers = max(1, min(job.ocr.workers, len(pending)))
    in_flight: set[Future[PageText]] = set()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr-page") as pool:
        for number, load in pending:
            if len(in_flight) > workers:
                in_flight = _collect(in_flight, results, total, job)
            image = load()
            in_flight.add(pool.submit(_read, engine, image, number))
        while in_flight:
            in_flight = _collect(in_flight, results, total, job)
    return results


def _read(engine: Engine, image: Image.Image, number: int) -> PageText:
    try:
        return read_page(engine, image, number)
    finally:
        image.close()


def _collect(
    in_flight: set[Future[PageText]], results: dict[int, PageText], total: int, job: Job
) -> set[Future[PageText]]:
    finished, rest = wait(in_flight, return_when=FIRST_COMPLETED)
    for future in finished:
        page = future.result()
        results[page.number] = page
        job.report(Progress(len(results), total, page))
    return rest


def missing_languages(job: Job) -> tuple[str, ...]:
    """Requested languages without a model (for a warning); cheap, no Tesseract instance."""
    return Engine(job.ocr).missing

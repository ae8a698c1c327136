"""Text preview benchmark: how long the preview takes to show a document's prompt.

For a cached document (its text already extracted) the preview should open in well under
100 ms (issue 15). Measured on the offscreen Qt platform with a real service on a temporary
data root, real PDFs made by reportlab, the sandboxed extraction and the real tokenizer: the
clock runs from building the widget and asking for the document to the prompt on screen
(parts table and text filled). The first, uncached open (extraction included) is printed
apart. Then, for the cached document, the median of several opens, each on a new widget:

* baseline: the plain path (cleaning and prompt code as they were before they were made fast,
  ``tests/support/reference_fallback``, nothing kept between opens), in the same run;
* uncleaned: the fast path with nothing kept but the extraction (the first preview after an
  upgrade that changed the cleaner);
* restart: the cleaned text kept on disk, nothing in memory (the first preview after the app
  started);
* reopen: the same document again in the same session (another size, the tray after the window).

    python benchmarks/preview.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("OPENAI_API_KEY", None)

from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from support import docgen, reference_fallback  # noqa: E402

from desktop_app.core.errors import ExtractionError  # noqa: E402
from desktop_app.core.fallback import DocumentText, FallbackPrompt, TextService  # noqa: E402
from desktop_app.core.service import Service  # noqa: E402
from desktop_app.core.vault import Source  # noqa: E402
from desktop_app.paths import AppPaths  # noqa: E402
from desktop_app.ui import tasks  # noqa: E402
from desktop_app.ui.preview import PreviewWidget  # noqa: E402


def _pdf(path: Path, pages: int) -> Path:
    return docgen.pdf(
        path,
        [" ".join(f"quarterly figure {n}-{i} rose" for i in range(100)) for n in range(pages)],
    )


def _open(qapp: QApplication, service: Service, entry_id: int, preset: int) -> tuple[float, int]:
    """Seconds from a new widget to the prompt shown, and the number of parts."""
    started = time.perf_counter()
    widget = PreviewWidget(service, tasks)
    widget.preset_box.blockSignals(True)
    widget.preset_box.setCurrentIndex(preset)
    widget.preset_box.blockSignals(False)
    widget.show()
    shown: list[object] = []
    widget.ready.connect(shown.append)
    widget.failed.connect(lambda text: sys.exit(f"preview failed: {text}"))
    widget.load([entry_id])
    while not shown:
        qapp.processEvents()
        time.sleep(0.0005)
    elapsed = time.perf_counter() - started
    parts = len(widget.prompt.parts) if widget.prompt else 0
    widget.close()
    widget.deleteLater()
    qapp.processEvents()
    return elapsed, parts


def _quiet_qt(kind: QtMsgType, context: object, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform says so on every window
        sys.stderr.write(message + "\n")


class Baseline:
    """Makes ``texts`` take the plain path (reference cleaning and building, nothing kept)
    while in use; the fast path is back afterwards."""

    def __init__(self, texts: TextService) -> None:
        self._texts = texts

    def __enter__(self) -> None:
        texts = self._texts

        def clean(sha256: str, extraction: object) -> object:
            return reference_fallback.clean_extraction(extraction)  # type: ignore[arg-type]

        def prompt(
            documents: list[DocumentText], skipped: list[str], error: object, budget: int
        ) -> FallbackPrompt:
            if not documents:
                raise ExtractionError("No text.", kind="failed")
            return reference_fallback.build_prompt(
                documents, max_tokens=budget, counter=texts.counter(), skipped=skipped
            )

        texts._clean = clean  # type: ignore[method-assign,assignment]
        texts._prompt = prompt  # type: ignore[method-assign]

    def __exit__(self, *exc: object) -> None:
        del self._texts._clean, self._texts._prompt  # type: ignore[attr-defined]


def _forget(texts: TextService, *, disk: bool) -> None:
    """Nothing kept in memory (as after a restart); with ``disk``, no cleaned text either."""
    texts._cleaned.clear()
    texts._prompts.clear()
    if disk:
        for path in texts._cache_dir.rglob("*.clean*.json"):
            path.unlink()


def _median_open(
    qapp: QApplication,
    service: Service,
    entry_id: int,
    preset: int,
    runs: int,
    before: object = None,
) -> tuple[float, int]:
    timings = []
    parts = 0
    for _ in range(runs):
        if callable(before):
            before()
        seconds, parts = _open(qapp, service, entry_id, preset)
        timings.append(seconds * 1000)
    return statistics.median(timings), parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    qInstallMessageHandler(_quiet_qt)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        service = Service(AppPaths.under(Path(tmp) / "home"))
        try:
            print(f"{'document':<22} {'preset':<6} {'parts':>5} {'first open':>10} "
                  f"{'baseline':>9} {'uncleaned':>9} {'restart':>9} {'reopen':>9}"
                  f"   (ms, median of {args.runs})")  # fmt: skip
            texts = service.texts
            for pages in (10, 50, 200):
                pdf = _pdf(Path(tmp) / f"report-{pages}.pdf", pages)
                entry = service.vault.add_file(pdf, Source.DROP)
                first, _ = _open(qapp, service, entry.id, 0)
                for preset in range(2):
                    with Baseline(texts):
                        baseline, parts = _median_open(qapp, service, entry.id, preset, args.runs)
                    uncleaned, fast_parts = _median_open(
                        qapp, service, entry.id, preset, args.runs,
                        lambda: _forget(texts, disk=True),
                    )  # fmt: skip
                    restart, _ = _median_open(
                        qapp, service, entry.id, preset, args.runs,
                        lambda: _forget(texts, disk=False),
                    )  # fmt: skip
                    reopen, _ = _median_open(qapp, service, entry.id, preset, args.runs)
                    assert fast_parts == parts
                    label = ("chat", "api")[preset]
                    shown_first = f"{first * 1000:8.0f}ms" if preset == 0 else f"{'':>10}"
                    print(
                        f"{pdf.name + f' ({pages} p)':<22} {label:<6} {parts:>5} {shown_first} "
                        f"{baseline:9.1f} {uncleaned:9.1f} {restart:9.1f} {reopen:9.1f}"
                    )
        finally:
            tasks.wait_for_all()
            service.close()


if __name__ == "__main__":
    main()

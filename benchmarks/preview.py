"""Text preview benchmark: how long the preview takes to show a document's prompt.

For a cached document (its text already extracted) the preview should open in well under
100 ms (issue 15). Measured on the offscreen Qt platform with a real service on a temporary
data root, real PDFs made by reportlab, the sandboxed extraction and the real tokenizer: the
clock runs from building the widget and asking for the document to the prompt on screen
(parts table and text filled). The first, uncached open (extraction included) is printed
apart. Median of several opens, each on a new widget.

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

from PySide6.QtWidgets import QApplication  # noqa: E402
from support import docgen  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        service = Service(AppPaths.under(Path(tmp) / "home"))
        try:
            print(f"{'document':<22} {'preset':<8} {'parts':>5} {'first open':>11} "
                  f"{'cached: median':>15} {'min':>8} {'max':>8}")  # fmt: skip
            for pages in (10, 50, 200):
                pdf = _pdf(Path(tmp) / f"report-{pages}.pdf", pages)
                entry = service.vault.add_file(pdf, Source.DROP)
                first, _ = _open(qapp, service, entry.id, 0)
                for preset in range(2):
                    timings = []
                    parts = 0
                    for _ in range(args.runs):
                        seconds, parts = _open(qapp, service, entry.id, preset)
                        timings.append(seconds * 1000)
                    label = ("chat", "api")[preset]
                    shown_first = f"{first * 1000:9.0f}ms" if preset == 0 else f"{'':>11}"
                    print(
                        f"{pdf.name + f' ({pages} p)':<22} {label:<8} {parts:>5} {shown_first} "
                        f"{statistics.median(timings):13.1f}ms {min(timings):6.1f}ms "
                        f"{max(timings):6.1f}ms"
                    )
        finally:
            tasks.wait_for_all()
            service.close()


if __name__ == "__main__":
    main()

"""The text preview (details pane and dialog): sizes, parts, spans, presets, copy per part and
copy next part (the clipboard read back), progress then result for a scan, and cancel.

Real parts throughout: a service on a temp data root, documents backed up into its vault, the
sandboxed extraction and the real tokenizer, the Qt clipboard.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture  # noqa: F401 - fixture

from desktop_app.core.vault import Source
from desktop_app.ui import tasks
from desktop_app.ui.preview import PreviewDialog, PreviewWidget

WAIT_MS = 100_000
PAGES = 50


def _report(tmp_path: Path) -> Path:
    """A 50-page PDF, about 600 tokens a page, each page saying which page it is."""
    from support import docgen

    pages = [
        " ".join(f"quarterly figure {n}-{i} rose" for i in range(50))
        + f" Marker page{n:02d}. "
        + " ".join(f"annual figure {n}-{i} fell" for i in range(50))
        for n in range(1, PAGES + 1)
    ]
    return docgen.pdf(tmp_path / "annual-report.pdf", pages)


@pytest.fixture
def preview(qtbot: QtBot, ui_service: Any) -> Iterator[PreviewWidget]:
    widget = PreviewWidget(ui_service, tasks)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    yield widget
    widget.cancel()
    tasks.wait_for_all()


def _load(qtbot: QtBot, widget: PreviewWidget, entry_id: int) -> Any:
    with qtbot.waitSignal(widget.ready, timeout=WAIT_MS) as blocker:
        widget.load([entry_id])
    return blocker.args[0]


def test_a_long_pdf_shows_its_size_parts_and_what_each_part_holds(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_report(tmp_path), Source.DROP)
    prompt = _load(qtbot, preview, entry.id)

    # The default size is one chat message a part: a 36-page report does not fit in one.
    assert preview.preset_box.currentData().name == "chat"
    parts = len(prompt.parts)
    assert parts > 1
    assert max(prompt.token_counts) <= preview.preset_box.currentData().part_tokens
    chars = sum(len(p) for p in prompt.parts)
    summary = preview.summary_label.text()
    assert f"{chars:,} characters" in summary
    assert f"{prompt.total_tokens:,} tokens" in summary
    assert f"in {parts} parts" in summary
    # One row per part, saying which pages it holds; together they cover every page in order.
    table = preview.parts_table
    assert table.rowCount() == parts
    assert table.item(0, 0).text() == f"1 of {parts}"
    assert table.item(0, 1).text().startswith("page 1")
    assert table.item(parts - 1, 1).text().endswith(f"page {PAGES}")
    for row in range(parts):
        span = table.item(row, 1).text()
        first = int(span.split()[1])
        assert f"Marker page{first:02d}." in prompt.parts[row]
        assert f"{prompt.token_counts[row]:,} tokens" in table.item(row, 2).text()
    # The text view shows the first part exactly as it will be pasted.
    assert preview.text_view.toPlainText() == prompt.parts[0]
    table.setCurrentCell(1, 0)
    assert preview.text_view.toPlainText() == prompt.parts[1]


def test_copy_a_part_then_copy_next_part_fills_the_clipboard(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_report(tmp_path), Source.DROP)
    prompt = _load(qtbot, preview, entry.id)
    parts = len(prompt.parts)
    assert parts >= 3
    clipboard = QGuiApplication.clipboard()
    assert not preview.copy_next_button.isEnabled()  # nothing copied yet

    copy_second = preview.parts_table.cellWidget(1, 3)
    assert copy_second.accessibleName() == "Copy part 2"
    with qtbot.waitSignal(preview.copied) as copied:
        qtbot.mouseClick(copy_second, Qt.MouseButton.LeftButton)
    assert clipboard.text() == prompt.parts[1]
    assert copied.args[0].message.startswith(f"Copied part 2 of {parts} of the text of")
    assert preview.shown_part() == 2
    assert preview.copy_next_button.isEnabled()
    assert preview.copy_next_button.text().replace("&", "") == f"Copy next part (3 of {parts})"

    qtbot.mouseClick(preview.copy_next_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == prompt.parts[2]
    # After the last part there is no next one.
    preview.copy_part(parts)
    assert clipboard.text() == prompt.parts[-1]
    assert not preview.copy_next_button.isEnabled()


def test_choosing_the_api_size_puts_the_report_in_one_part(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_report(tmp_path), Source.DROP)
    chat = _load(qtbot, preview, entry.id)
    api = preview.preset_box.findText("API", Qt.MatchFlag.MatchContains)
    assert api >= 0
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS) as blocker:
        preview.preset_box.setCurrentIndex(api)
    whole = blocker.args[0]
    assert len(whole.parts) == 1 < len(chat.parts)
    assert "in 1 part." in preview.summary_label.text()
    assert not preview.copy_next_button.isVisible()
    assert "Marker page01." in whole.parts[0] and f"Marker page{PAGES}." in whole.parts[0]
    preview.copy_part(1)
    assert QGuiApplication.clipboard().text() == whole.parts[0]


def test_a_page_selection_keeps_only_those_pages(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_report(tmp_path), Source.DROP)
    _load(qtbot, preview, entry.id)
    preview.selection_edit.setText("3-5")
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS) as blocker:
        preview.selection_edit.returnPressed.emit()
    text = "".join(blocker.args[0].parts)
    assert "Marker page03." in text and "Marker page05." in text
    assert "Marker page02." not in text and "Marker page06." not in text
    # A range that makes no sense is one sentence, and the shown text stays as it was.
    preview.selection_edit.setText("10-3")
    with qtbot.waitSignal(preview.failed) as failed:
        preview.selection_edit.returnPressed.emit()
    assert failed.args[0] == "10-3 runs backwards: write 3-10. Try 3-10, or a sheet's name."
    assert preview.summary_label.text() == failed.args[0]
    assert "Marker page03." in preview.text_view.toPlainText()


def test_a_sheet_name_keeps_only_that_sheet(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    from support import docgen

    book = docgen.xlsx(
        tmp_path / "sales.xlsx",
        {
            "Q2": [["region", "revenue"], ["north", 4411]],
            "Q3": [["region", "revenue"], ["south", 9377]],
        },
    )
    entry = ui_service.vault.add_file(book, Source.DROP)
    both = _load(qtbot, preview, entry.id)
    assert "4411" in both.parts[0] and "9377" in both.parts[0]
    preview.selection_edit.setText("Q3")
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS) as blocker:
        preview.selection_edit.returnPressed.emit()
    only = "".join(blocker.args[0].parts)
    assert "9377" in only and "4411" not in only


def _scan(tmp_path: Path, pages: int) -> Path:
    from support import ocr_pages

    return ocr_pages.image_pdf(
        [ocr_pages.text_page(ocr_pages.words(60, seed=90 + n), height_in=4) for n in range(pages)],
        tmp_path / "fax.pdf",
    )


def test_a_scan_shows_progress_then_its_text(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_scan(tmp_path, 2), Source.DROP)
    seen: list[tuple[int, int, str, bool]] = []
    preview.progressed.connect(
        lambda done, total: seen.append(
            (done, total, preview.progress_label.text(), preview.cancel_button.isVisible())
        )
    )
    with qtbot.waitSignal(preview.ready, timeout=WAIT_MS) as blocker:
        preview.load([entry.id])
        assert preview.cancel_button.isVisible() and not preview.text_view.isVisible()
    assert seen[0] == (1, 2, "Reading page 1 of 2\u2026", True)
    assert not preview.cancel_button.isVisible()
    assert 'name="fax.pdf"' in preview.text_view.toPlainText()
    assert blocker.args[0].parts[0] == preview.text_view.toPlainText()


def test_cancel_stops_reading_a_scan_and_says_so(
    qtbot: QtBot, preview: PreviewWidget, ui_service: Any, tmp_path: Path
) -> None:
    entry = ui_service.vault.add_file(_scan(tmp_path, 4), Source.DROP)
    QGuiApplication.clipboard().setText("left alone")
    preview.progressed.connect(lambda *_: preview.cancel_button.click())
    with qtbot.waitSignal(preview.failed, timeout=WAIT_MS) as blocker:
        preview.load([entry.id])
    assert blocker.args[0].startswith("Stopped. The pages read so far are kept")
    assert preview.summary_label.text() == blocker.args[0]
    assert preview.prompt is None and not preview.cancel_button.isVisible()
    assert QGuiApplication.clipboard().text() == "left alone"


def test_the_dialog_names_the_document_and_copies(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    note = tmp_path / "minutes.txt"
    note.write_text("minutes.txt\n\nThe board approved the budget on Tuesday.\n", "utf-8")
    entry = ui_service.vault.add_file(note, Source.DROP)
    dialog = PreviewDialog(ui_service, tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview.ready, timeout=WAIT_MS):
        dialog.show_entry(entry.id)
    qtbot.waitUntil(lambda: dialog.windowTitle().startswith("Text of minutes.txt"))
    assert "in 1 part." in dialog.preview.summary_label.text()
    qtbot.mouseClick(dialog.preview.parts_table.cellWidget(0, 3), Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "The board approved the budget on Tuesday." in copied
    assert dialog.message.text().startswith("Copied the text of \u201cminutes.txt\u201d")
    tasks.wait_for_all()


def test_preview_text_from_the_tray_opens_the_document_copy_text_would_copy(
    qtbot: QtBot, ui_service: Any, tmp_path: Path
) -> None:
    from desktop_app.ui.tray import TrayController

    note = tmp_path / "agenda.txt"
    note.write_text("agenda.txt\n\nItem 4: the roof repair quote.\n", "utf-8")
    entry = ui_service.vault.add_file(note, Source.DROP)
    tray = TrayController(
        ui_service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    try:
        with qtbot.waitSignal(tray.preview_requested, timeout=WAIT_MS) as asked:
            tray.preview_action.trigger()
        assert asked.args == [entry.id]
    finally:
        tray.close()
        tasks.wait_for_all()

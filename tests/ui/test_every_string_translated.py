"""Every text a user sees is translated: the real screens are built once in English (no
translators, as under ``LANG=C``) and once under ``LANG=<lang>_<COUNTRY>.UTF-8``, and every
visible text, tooltip, placeholder, accessible name and description, column title, tab and menu
action is collected from both.

A German (French, Spanish) screen fails on a text that is an English ``<source>`` of our
``.ts`` files shown untranslated, and on an English text that is not in the ``.ts`` at all (one
that reads the same in both walks and is not data). The screens: the main window (Documents and
Service health tabs, the details pane of a selected document), the tray menu, Settings (every
tab), the welcome window and the text preview dialog with a document.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    _shown_window,
    insert_documents,
    ui_service_fixture,
)

from desktop_app.core.vault import Source
from desktop_app.ui import tasks, translations
from desktop_app.ui.preview import PreviewDialog
from desktop_app.ui.settings_dialog import PURPOSES, SettingsDialog
from desktop_app.ui.tray import TrayController
from desktop_app.ui.welcome import WelcomeWindow

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "desktop_app" / "resources" / "translations"
WAIT_MS = 60_000
COUNTRY = {"de": "DE", "fr": "FR", "es": "ES"}

#: Texts that read the same in every language because they are names, not words: the product,
#: the provider and its products, the tokenizer, the size presets named after products.
NAMES = {"AttachGuard", "OpenAI", "ChatGPT", "API", "Claude", "Gemini", "o200k_base", "Batch"}
#: The upload purposes Settings offers are the API's own values ("user_data", "batch", …).
NAMES |= set(PURPOSES)
#: Data: numbers, sizes, times, ids, paths, URLs, file names and our test documents' names.
DATA = re.compile(
    r"^[\W\d_]*$"  # numbers, dates, punctuation
    r"|^[\d.,]+\s*(B|KiB|MiB|GiB)$"  # sizes
    r"|://|^/|^~|\\"  # URLs and paths
    r"|\.(pdf|txt|toml|log)\b"  # file names
    r"|^(file|batch|sk)-"  # ids
    r"|^report-\d+"
)


def _messages() -> dict[str, dict[str, str]]:
    """language -> {source: translation} over every context of our .ts files."""
    found: dict[str, dict[str, str]] = {}
    for language in translations.LANGUAGES:
        table = found.setdefault(language, {})
        root = ET.parse(TS_DIR / f"attachguard_{language}.ts").getroot()
        for message in root.iter("message"):
            table[message.findtext("source", "")] = message.findtext("translation", "")
    return found


def _plain(text: str) -> str:
    """A text as read: without mnemonics' ``&`` and markup, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"&(?=\S)", "", text.replace("&&", "\0")).replace("\0", "&")
    return " ".join(text.split())


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    for orientation in (Qt.Orientation.Horizontal,):
        for section in range(model.columnCount()):
            yield str(model.headerData(section, orientation) or "")
    for row in range(min(model.rowCount(), 20)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def _action_texts(action: QAction) -> Iterator[str]:
    if action.isSeparator() or not action.isVisible():
        return
    yield from (action.text(), action.toolTip(), action.statusTip())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title()
        for child in menu.actions():
            yield from _action_texts(child)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield from (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription())
    yield widget.statusTip()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
            yield str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield from (widget.tabText(i), widget.tabToolTip(i))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())
    for action in widget.actions():
        yield from _action_texts(action)


def _walk(root: QWidget) -> set[str]:
    """The texts of ``root`` and every widget in it that shows (each page of each tab)."""
    found: set[str] = set()

    def collect() -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            if widget is root or widget.isVisibleTo(root):
                found.update(_plain(t) for t in _widget_texts(widget) if t)

    collect()
    for tabs in root.findChildren(QTabWidget):
        current = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            collect()
        tabs.setCurrentIndex(current)
    found.discard("")
    return found


def _data(text: str, documents: set[str]) -> bool:
    return bool(DATA.search(text)) or text in NAMES or text in documents


def _screens(qtbot: QtBot, service: Any, entry_id: int, tmp_path: Path) -> set[str]:
    """Every text of the screens a user meets, in the language installed now."""
    texts: set[str] = set()
    window_iter = _shown_window(qtbot, service)
    window = next(window_iter)
    try:
        window.reload()
        qtbot.waitUntil(lambda: window.model.row_of(entry_id) is not None, timeout=WAIT_MS)
        row = window.proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0))
        window.table.selectRow(row.row())
        qtbot.waitUntil(lambda: window.details.open_button.isEnabled(), timeout=WAIT_MS)
        texts |= _walk(window)
        for action in window.menuBar().actions():
            texts.update(_plain(t) for t in _action_texts(action) if t)
    finally:
        window.close()
        tasks.wait_for_all()
        next(window_iter, None)

    tray = TrayController(
        service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    try:
        texts.add(_plain(tray.icon.toolTip()))
        texts.add(_plain(tray.menu.accessibleName()))
        for action in tray.menu.actions():
            texts.update(_plain(t) for t in _action_texts(action) if t)
    finally:
        tasks.wait_for_all()  # the copy-again menu's read, before the menu goes
        tray.close()

    settings = SettingsDialog(service)
    qtbot.addWidget(settings)
    texts |= _walk(settings)
    settings.close()
    welcome = WelcomeWindow(service, downloads=tmp_path)
    qtbot.addWidget(welcome)
    texts |= _walk(welcome)
    welcome.close()

    preview = PreviewDialog(service, tasks)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.preview.ready, timeout=WAIT_MS):
        preview.show_entry(entry_id)
    tasks.wait_for_all()
    qtbot.waitUntil(lambda: "minutes.txt" in preview.windowTitle(), timeout=WAIT_MS)
    texts |= _walk(preview)
    preview.close()
    tasks.wait_for_all()
    texts.discard("")
    return texts


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_text_on_screen_is_translated(
    qtbot: QtBot, qapp: QApplication, ui_service: Any, tmp_path: Path, language: str
) -> None:
    source = tmp_path / "minutes.txt"
    source.write_text("Minutes of the meeting. " * 400)
    entry_id = int(ui_service.vault.add_file(source, Source.DROP).id)
    insert_documents(ui_service.db, 3)
    documents = {"minutes.txt", *(f"report-{n:06d}.pdf" for n in range(1, 4))}
    messages = _messages()[language]
    sources = {_plain(s) for s in messages}
    translated = {_plain(t) for t in messages.values()}

    english = _screens(qtbot, ui_service, entry_id, tmp_path)
    installed = translations.install(qapp, "", {"LANG": f"{language}_{COUNTRY[language]}.UTF-8"})
    try:
        assert installed.language == language
        shown = _screens(qtbot, ui_service, entry_id, tmp_path)
    finally:
        translations.remove(qapp, installed)

    # A walk that found little would prove nothing.
    assert len(english) > 150 and len(shown) > 150
    untranslated = sorted(t for t in shown & sources if t not in translated)
    assert untranslated == [], f"English sources shown untranslated in {language}: {untranslated}"
    # A translation may read like the English ("{total} documents" in French): filled in, it
    # is still a translation.
    filled = [
        re.compile("^" + re.sub(r"\\{[a-z_]*(?::[^}]*)?\\}", ".+", re.escape(t)) + "$")
        for t in translated
        if "{" in t
    ]
    unknown = sorted(
        t
        for t in shown & english
        if t not in translated and not _data(t, documents) and not any(f.match(t) for f in filled)
    )
    assert unknown == [], f"English texts in {language} that the .ts files do not hold: {unknown}"

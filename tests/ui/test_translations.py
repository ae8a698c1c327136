"""Languages: complete, up-to-date German, French and Spanish translations, loaded from the
desktop's language, that fit the main window at 1024x768.

The ``.ts`` sources and ``.qm`` files are checked against what ``pyside6-lupdate`` and
``pyside6-lrelease`` make from the code now (run into a temporary folder by
``packaging/translations.py``); the widget tests install the real translators the app installs
at start, then build the real window, tray menu and settings dialog.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    _shown_window,
    insert_documents,
    ui_service_fixture,
)

from desktop_app.settings import load_settings
from desktop_app.ui import tasks, translations
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.tray import TrayController

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "desktop_app" / "resources" / "translations"
TOOL = ROOT / "packaging" / "translations.py"
LANGUAGES = translations.LANGUAGES
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
MNEMONIC = re.compile(r"&(?!&)\S")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element of each message in a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source", ""))] = translation
    return found


def _translated(language: str) -> dict[tuple[str, str], str]:
    return {k: v.text or "" for k, v in _messages(TS_DIR / f"attachguard_{language}.ts").items()}


def _run_tool(*args: str) -> None:
    subprocess.run([sys.executable, str(TOOL), *args], check=True, capture_output=True)


# -- the files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_keeps_its_placeholders(language: str) -> None:
    messages = _messages(TS_DIR / f"attachguard_{language}.ts")
    assert len(messages) > 400  # the whole UI, not a sample
    unfinished = [src for (_, src), t in messages.items() if t.get("type") or not t.text]
    assert unfinished == []
    for (context, source), translation in messages.items():
        text = translation.text or ""
        # {name}, {count}, … are filled in with .format(): a lost or renamed one is a crash.
        where = f"{context}: {source!r} -> {text!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        # A menu entry or button with a keyboard mnemonic keeps one.
        assert bool(MNEMONIC.search(text)) == bool(MNEMONIC.search(source)), where
        assert "AttachGuard" not in source or "AttachGuard" in text, where


def test_sources_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate run afresh on today's code finds exactly the messages the .ts files hold."""
    _run_tool("--ts-dir", str(tmp_path), "--qm-dir", str(tmp_path / "qm"))
    for language in LANGUAGES:
        fresh = set(_messages(tmp_path / f"attachguard_{language}.ts"))
        committed = set(_messages(TS_DIR / f"attachguard_{language}.ts"))
        assert sorted(fresh - committed) == [], "new strings: run packaging/translations.py"
        assert sorted(committed - fresh) == [], "vanished strings: run packaging/translations.py"


def test_compiled_files_are_up_to_date_with_the_sources(tmp_path: Path) -> None:
    _run_tool("--no-update", "--ts-dir", str(TS_DIR), "--qm-dir", str(tmp_path))
    for language in LANGUAGES:
        name = f"attachguard_{language}.qm"
        assert (tmp_path / name).read_bytes() == (TS_DIR / name).read_bytes(), name


# -- choosing the language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "environ", "chosen"),
    [
        ("", {"LANG": "de_DE.UTF-8"}, "de"),
        ("", {"LANG": "fr_CA.UTF-8"}, "fr"),
        ("", {"LC_ALL": "es_MX.UTF-8", "LANG": "de_DE.UTF-8"}, "es"),
        ("", {"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "fr"),
        # gettext's priority list: the first language we ship wins (Italian we do not).
        ("", {"LANGUAGE": "it:es:de", "LANG": "it_IT.UTF-8"}, "es"),
        ("", {"LANGUAGE": "de", "LANG": "C"}, "en"),  # as gettext: C ignores LANGUAGE
        ("", {"LANG": "it_IT.UTF-8"}, "en"),  # no Italian translation: all English
        ("", {"LANG": "C.UTF-8"}, "en"),
        ("fr", {"LANG": "de_DE.UTF-8"}, "fr"),  # [ui] language overrides the desktop
        ("en", {"LANG": "de_DE.UTF-8"}, "en"),
        ("pt_BR", {"LANG": "de_DE.UTF-8"}, "en"),  # a language we do not ship: English
    ],
)
def test_the_language_follows_the_setting_then_the_desktop(
    setting: str, environ: dict[str, str], chosen: str
) -> None:
    assert translations.choose_language(setting, environ) == chosen


def test_the_language_setting_is_read_and_a_wrong_one_is_named(tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text('[ui]\nlanguage = "FR"\n')
    assert load_settings(settings_file).settings.ui.language == "fr"
    settings_file.write_text('[ui]\nlanguage = "klingon"\n')
    loaded = load_settings(settings_file)
    assert loaded.settings.ui.language == ""  # the desktop's language, then English
    assert [p.where for p in loaded.problems] == ["ui.language"]
    assert "'klingon' is not one of" in str(loaded.problems[0])


def test_an_unshipped_language_installs_nothing(qapp: QApplication) -> None:
    installed = translations.install(qapp, "", {"LANG": "it_IT.UTF-8"})
    assert (installed.language, installed.translators) == ("en", [])
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.fixture(name="language", params=LANGUAGES)
def language_fixture(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The translators the app installs at start under LANG=<language>_<COUNTRY>.UTF-8."""
    language = str(request.param)
    country = {"de": "DE", "fr": "FR", "es": "ES"}[language]
    installed = translations.install(qapp, "", {"LANG": f"{language}_{country}.UTF-8"})
    assert installed.language == language
    assert len(installed.translators) == 2  # ours and Qt's own
    yield language
    translations.remove(qapp, installed)


def _expect(language: str, context: str, source: str) -> str:
    """The translation the .ts holds (a word like "Documents" may be the same in French)."""
    text = _translated(language)[(context, source)]
    assert text
    return text


# -- what the user sees ------------------------------------------------------------------------


def test_qt_standard_buttons_are_translated_too(language: str) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    assert cancel == {"de": "Abbrechen", "fr": "Annuler", "es": "Cancelar"}[language]


@pytest.fixture(name="window")
def window_fixture(qtbot: QtBot, language: str, ui_service: Any) -> Iterator[Any]:
    # A few documents, so the table, its header and the count have something to show.
    insert_documents(ui_service.db, 3)
    yield from _shown_window(qtbot, ui_service)
    tasks.wait_for_all()


def test_main_window_speaks_the_desktop_language(window: Any, language: str) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&File" not in menus and "&Help" not in menus
    for english in ("&File", "&Documents", "&Uploads"):
        assert _expect(language, "MainWindow", english) in menus
    assert _expect(language, "HelpMenu", "&Help") in menus
    assert window.search.placeholderText() != "Search by name (Ctrl+F)"
    assert window.search.placeholderText() == _expect(
        language, "MainWindow", "Search by name (Ctrl+F)"
    )
    assert window.drop_zone.add_files_button.text() == _expect(language, "DropZone", "&Add files…")
    header = window.model.headerData(0, window.table.horizontalHeader().orientation())
    assert header == _expect(language, "Documents", "Name")
    assert window.status_filter.itemText(0) == _expect(language, "Documents", "All documents")
    count = _expect(language, "MainWindow", "{total} documents").format(total=3)
    assert window.count_label.text() == count
    assert window.tabs.tabText(1) == _expect(language, "HealthView", "Service health")


def test_tray_menu_and_tooltip_speak_the_desktop_language(qtbot: QtBot, language: str) -> None:
    tray = TrayController(
        None,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    try:
        shown = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert "&Quit" not in shown and "&Open AttachGuard" not in shown
        for english in ("&Open AttachGuard", "&Copy text instead", "Pa&use uploads", "&Quit"):
            assert _expect(language, "TrayController", english) in shown
        assert tray.copy_menu.title() == _expect(language, "TrayController", "Copy text o&f…")
        starting = _expect(language, "TrayController", "AttachGuard: starting…")
        assert tray.icon.toolTip() == starting
    finally:
        tray.close()


def test_settings_dialog_speaks_the_desktop_language(
    qtbot: QtBot, language: str, ui_service: Any
) -> None:
    dialog = SettingsDialog(ui_service)
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabBar)
    assert tabs is not None
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "&Account" not in titles and "&Watched folders" not in titles
    for english in ("&Account", "&Uploads", "&Watched folders"):
        assert _expect(language, "SettingsDialog", english) in titles
    assert dialog.windowTitle() == _expect(language, "SettingsDialog", "AttachGuard settings")
    # The standard Save button comes from Qt's own translation.
    assert dialog.save_button.text().replace("&", "") not in ("", "Save")
    tasks.wait_for_all()


def _cut_off(widget: QWidget) -> list[str]:
    """Texts of ``widget``'s visible labels, buttons, tabs and menu bar that do not fit."""
    problems = []
    for label in widget.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(widget) or not text or label.wordWrap() or "<" in text:
            continue
        needed = label.fontMetrics().horizontalAdvance(text.replace("&", ""))
        if needed > label.contentsRect().width() and not label.toolTip():
            problems.append(f"label {text!r}: {needed} > {label.contentsRect().width()}")
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and button.sizeHint().width() > button.width():
            problems.append(
                f"button {button.text()!r}: {button.sizeHint().width()} > {button.width()}"
            )
    for bar in widget.findChildren(QTabBar):
        for i in range(bar.count()):
            needed = bar.fontMetrics().horizontalAdvance(bar.tabText(i).replace("&", ""))
            if bar.isVisibleTo(widget) and needed > bar.tabRect(i).width():
                problems.append(f"tab {bar.tabText(i)!r}: {needed} > {bar.tabRect(i).width()}")
    return problems


def test_nothing_is_cut_off_in_the_main_window_at_1024x768(
    qtbot: QtBot, window: Any, language: str
) -> None:
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    # The status bar's texts arrive from a background read, and the bar lays them out on a
    # later turn of the event loop: let both settle (a real cut-off never does).
    tasks.wait_for_all()
    with contextlib.suppress(WaitTimeout):
        qtbot.waitUntil(lambda: _window_problems(window) == [], timeout=5_000)
    assert _window_problems(window) == []


def _window_problems(window: Any) -> list[str]:
    problems = _cut_off(window)
    bar = window.menuBar()
    for action in bar.actions():
        geometry = bar.actionGeometry(action)
        needed = bar.fontMetrics().horizontalAdvance(action.text().replace("&", ""))
        if geometry.isEmpty() or geometry.right() > bar.width() or needed > geometry.width():
            problems.append(f"menu {action.text()!r} does not fit the menu bar")
    header = window.table.horizontalHeader()
    for column in range(window.model.columnCount()):
        title = str(window.model.headerData(column, header.orientation()))
        if header.fontMetrics().horizontalAdvance(title) > header.sectionSize(column):
            problems.append(f"column {title!r}: {header.sectionSize(column)} px")
    return problems

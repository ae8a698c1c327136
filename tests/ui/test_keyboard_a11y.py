"""Keyboard and accessibility: every control of the main window (both tabs, a document
selected so the details pane and its text preview are filled), Settings (every tab), the welcome
window, About and the text preview dialog has an accessible name, and a description where its
label alone does not say what happens; every tray menu item has a status tip; every focusable
control of the main window is reached with Tab; the window's shortcuts are unique, shown in their
tooltips and do what their labels say; the Help menu's actions work; the status bar never hides
its counters.

The rule, per kind of control (a tooltip counts as a description: Qt exposes it as one):

- buttons, check boxes, radio buttons and tool buttons (``QAbstractButton``), combo boxes, spin
  boxes and sliders need a name and a description: their short label names a choice, not what
  choosing it does;
- tables, lists and trees (``QAbstractItemView``) need a name and a description: what the rows
  are and what can be done with them;
- each tab of a tab bar needs a text (its name) and a tooltip saying what the page holds;
- line edits need a name, and a description unless a buddy label (``QLabel.setBuddy``) names them;
- text views (``QPlainTextEdit``/``QTextEdit``) need a name, and a description when editable;
  a read-only view only shows text, and its name says which.

The failover offer is not a widget: it is a notice and a tray menu item, covered by the tray
menu's check.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from keyring.backends import fail
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture, window_fixture  # noqa: F401 - fixtures

from desktop_app.core.credentials import CredentialStore
from desktop_app.core.vault import Source
from desktop_app.ui import tasks
from desktop_app.ui.help_menu import AboutDialog, diagnostics_text
from desktop_app.ui.preview import PreviewDialog
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.tray import TrayController
from desktop_app.ui.welcome import WelcomeWindow

WAIT_MS = 60_000
INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QAbstractSlider,
    QPlainTextEdit,
    QTextEdit,
)
#: Kinds whose label alone never says what happens (see the module docstring).
DESCRIBED = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QAbstractItemView)
KEY = "sk-diagnostics-test-0123456789abcdef"


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def _description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Description).strip() if iface is not None else ""


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a compound control (a spin box's editor, a combo box's popup list, a
    line edit's clear button, a table's headers, scroll bars): the compound control carries the
    name. Buttons a table holds in its cells are controls of their own and are checked."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QScrollBar | QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def _controls(root: QWidget) -> Iterator[QWidget]:
    seen: set[int] = set()
    for kind in INTERACTIVE:
        for widget in root.findChildren(kind):
            if id(widget) not in seen and not _internal(widget):
                seen.add(id(widget))
                yield widget


def _buddied(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def _problems(root: QWidget) -> list[str]:
    """What breaks the module docstring's rule in ``root``, one line per control."""
    found = []
    buddied = _buddied(root)
    where = type(root).__name__
    for widget in _controls(root):
        label = f"{where}: {type(widget).__name__} {widget.accessibleName() or _name(widget)!r}"
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if not widget.tabText(i).replace("&", "").strip():
                    found.append(f"tab without text: {label} #{i}")
                elif not widget.tabToolTip(i):
                    found.append(f"tab without a tooltip: {label} {widget.tabText(i)!r}")
            continue
        if not _name(widget):
            found.append(f"no accessible name: {label}")
            continue
        if _description(widget):
            continue
        editable_text = isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly()
        bare_line = isinstance(widget, QLineEdit) and id(widget) not in buddied
        if isinstance(widget, DESCRIBED) or editable_text or bare_line:
            found.append(f"no description: {label}")
    return found


def _menu_problems(menu: QMenu, where: str) -> list[str]:
    """Menu items without text or without a status tip saying what they do (submenus too)."""
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        text = action.text().replace("&", "").strip()
        if not text:
            found.append(f"{where} item without text")
        elif not action.statusTip():
            found.append(f"{where} item without a status tip: {text!r}")
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.extend(_menu_problems(submenu, f"{where} > {text}"))
    return found


def _text_document(service: Any, tmp_path: Path) -> int:
    source = tmp_path / "minutes.txt"
    source.write_text("Minutes of the meeting. " * 400)
    return int(service.vault.add_file(source, Source.DROP).id)


def _select_with_preview(qtbot: QtBot, window: Any, entry_id: int) -> None:
    """Select ``entry_id`` in the window and turn its text preview on, filled."""
    window.reload()
    qtbot.waitUntil(lambda: window.model.row_of(entry_id) is not None, timeout=WAIT_MS)
    row = window.proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0))
    window.table.selectRow(row.row())
    qtbot.waitUntil(lambda: window.details.open_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(window.details.preview.ready, timeout=WAIT_MS):
        window.details.preview_button.setChecked(True)


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, window: Any, ui_service: Any, tmp_path: Path
) -> None:
    entry_id = _text_document(ui_service, tmp_path)
    _select_with_preview(qtbot, window, entry_id)
    window.tabs.setCurrentIndex(1)  # the Service health page, built
    problems = _problems(window)
    window.tabs.setCurrentIndex(0)
    ui_service.credentials = CredentialStore(fail.Keyring())
    settings = SettingsDialog(ui_service)
    qtbot.addWidget(settings)
    welcome = WelcomeWindow(ui_service, downloads=tmp_path)
    qtbot.addWidget(welcome)
    about = AboutDialog()
    qtbot.addWidget(about)
    preview = PreviewDialog(ui_service, tasks)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.preview.ready, timeout=WAIT_MS):
        preview.show_entry(entry_id)
    for root in (settings, welcome, about, preview):
        problems += _problems(root)
    tray = TrayController(
        ui_service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    try:
        tray.refresh()
        qtbot.waitUntil(lambda: bool(tray.copy_menu.actions()), timeout=WAIT_MS)
        tasks.wait_for_all()  # the copy-again submenu's read
        problems += _menu_problems(tray.menu, "tray menu")
        assert tray.menu.accessibleName()
    finally:
        tasks.wait_for_all()
        tray.close()
    for action in window.findChildren(QAction):
        if action.menu() is None and action.text() and not action.statusTip():
            problems.append(f"window action without a description: {action.text()!r}")
    preview.close()
    tasks.wait_for_all()
    assert problems == [], "\n".join(problems)


def _tab_stop(widget: QWidget | None) -> QWidget | None:
    """The control a focused widget belongs to (a spin box for its editor)."""
    while widget is not None and _internal(widget):
        widget = widget.parentWidget()
    return widget


def test_tab_reaches_every_focusable_control_of_the_main_window(
    qtbot: QtBot, window: Any, ui_service: Any, tmp_path: Path
) -> None:
    entry_id = _text_document(ui_service, tmp_path)
    _select_with_preview(qtbot, window, entry_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    for page in range(window.tabs.count()):
        window.tabs.setCurrentIndex(page)
        shown = [w for w in _controls(window) if w.isVisible() and w.isEnabled()]
        no_tab = [
            f"{type(w).__name__} {_name(w)!r}"
            for w in shown
            if not w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert no_tab == [], f"page {page}: controls Tab never reaches: {no_tab}"
        assert len(shown) >= 2, "a walk over nothing would prove nothing"
        first = shown[0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda first=first: first.hasFocus(), timeout=WAIT_MS)
        reached: list[QWidget] = []
        for _ in range(4 * len(shown) + 10):
            here = _tab_stop(QApplication.focusWidget())
            if here is not None and here not in reached:
                reached.append(here)
            window.focusNextChild()
        # Whatever Tab stops on (a scroll area too) must say what it is.
        unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in reached if not _name(w)]
        assert unnamed == [], f"page {page}: Tab stops on controls without a name: {unnamed}"
        skipped = [f"{type(w).__name__} {_name(w)!r}" for w in shown if w not in reached]
        assert skipped == [], f"page {page}: Tab skips {skipped}"
    window.tabs.setCurrentIndex(0)
    tasks.wait_for_all()


def _window_actions(window: Any) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]


def test_window_shortcuts_are_unique_and_shown_and_pause_keeps_its_mnemonic(
    qtbot: QtBot, window: Any
) -> None:
    def scope(action: QAction) -> set[int] | None:
        # None: the whole window. Otherwise the widgets (outside menus) it is bound to.
        if action.shortcutContext() is Qt.ShortcutContext.WindowShortcut:
            return None
        return {id(w) for w in action.associatedObjects() if not isinstance(w, QMenu)}

    seen: dict[str, str] = {}
    scopes: dict[str, list[tuple[set[int] | None, str]]] = {}
    for action in _window_actions(window):
        for keys in action.shortcuts():
            text = keys.toString(QKeySequence.SequenceFormat.PortableText)
            mine = scope(action)
            for other, label in scopes.get(text, []):
                clash = mine is None or other is None or bool(mine & other)
                assert not clash, f"{text} is both {label!r} and {action.text()!r}"
            scopes.setdefault(text, []).append((mine, action.text()))
            seen.setdefault(text, action.text())
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        in_menu = any(isinstance(w, QMenu) for w in action.associatedObjects())
        assert in_menu or native in action.toolTip(), f"{action.text()} hides its keys"
    assert seen["Ctrl+O"] == window.add_files_action.text()
    assert seen["F5"] == window.reload_action.text()
    assert "Ctrl+R" in seen and seen["Ctrl+R"] != window.reload_action.text()
    before = window.pause_action.text()
    window.toggle_pause()
    qtbot.waitUntil(lambda: window.pause_action.text() != before, timeout=WAIT_MS)
    mnemonic = {t[t.index("&") + 1].lower() for t in (before, window.pause_action.text())}
    assert mnemonic == {"u"}


def test_shortcuts_do_what_their_labels_say(qtbot: QtBot, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    window.tabs.setCurrentIndex(1)
    qtbot.keyClick(window.table, "f", QKeySequence("Ctrl+F")[0].keyboardModifiers())
    assert window.tabs.currentIndex() == 0 and window.search.hasFocus()
    triggered: list[str] = []
    window.settings_action.triggered.connect(lambda: triggered.append("settings"))
    sequence = window.settings_action.shortcut()[0]
    qtbot.keyClick(window.table, sequence.key(), sequence.keyboardModifiers())
    assert triggered == ["settings"]
    tasks.wait_for_all()


def test_help_actions_open_logs_copy_redacted_diagnostics_and_show_licences(
    qtbot: QtBot, window: Any, ui_service: Any
) -> None:
    import logging

    from desktop_app import logsetup

    ui_service.credentials = CredentialStore(fail.Keyring())
    ui_service.use_api_key_until_quit(KEY)
    logsetup.configure(ui_service.paths.log_file)
    try:
        logging.getLogger("desktop_app.test").info("a line for the report")
    finally:
        logsetup.configure(ui_service.paths.cache_dir / "elsewhere.log")
    help_menu = window.help_menu
    opened: list[QUrl] = []
    help_menu.open_url = lambda url: opened.append(url) or True
    help_menu.open_logs.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [ui_service.paths.log_dir]

    with qtbot.waitSignal(window.message_shown, timeout=WAIT_MS):
        help_menu.copy_diagnostics.trigger()
    copied = QApplication.clipboard().text()
    assert "a line for the report" in copied
    assert "AttachGuard" in copied and "Python" in copied and "[settings]" in copied
    assert "API key: set (session)" in copied
    assert KEY not in copied and KEY not in diagnostics_text(ui_service)

    help_menu.about.trigger()
    about = help_menu.about_dialog
    assert about is not None and about.isVisible()
    text = about.text.toPlainText()
    for needle in ("openai", "Apache-2.0", "keyring", "MIT", "tessdata_fast eng", "Qt"):
        assert needle in text, needle
    assert [a.text() for a in help_menu.menu.actions() if a.text()] == [
        "&Welcome…",
        "Open &log folder",
        "Copy &diagnostics",
        "&About AttachGuard",
    ]


def test_status_bar_elides_long_messages_and_keeps_counters(qtbot: QtBot, window: Any) -> None:
    window.resize(700, 500)
    reason = (
        "Failed: the remote file was deleted by the provider before it could be verified, and "
        "the encrypted PDF “quarterly statement.pdf” is password-protected: open it, print it "
        "to a new PDF without a password, and add that one instead."
    )
    window.show_message(reason)
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert shown != reason and shown.endswith("…")
    assert bar.toolTip() == reason  # the whole sentence stays readable
    room = bar.width() - sum(
        w.width() for w in (window.count_label, window.queue_label, window.service_label)
    )
    assert bar.fontMetrics().horizontalAdvance(shown) <= room
    assert window.count_label.isVisible()


def test_reason_column_takes_the_spare_width(qtbot: QtBot, window: Any) -> None:
    from PySide6.QtWidgets import QHeaderView

    from desktop_app.ui.models import Column

    header = window.table.horizontalHeader()
    window.resize(900, 600)
    qtbot.waitUntil(lambda: header.sectionSize(Column.STATUS) > 0, timeout=WAIT_MS)
    status_before = header.sectionSize(Column.STATUS)
    name_before = header.sectionSize(Column.NAME)
    window.resize(1400, 600)
    qtbot.waitUntil(lambda: header.sectionSize(Column.STATUS) > status_before, timeout=WAIT_MS)
    assert header.sectionSize(Column.NAME) == name_before
    assert header.sectionResizeMode(Column.STATUS) is QHeaderView.ResizeMode.Stretch

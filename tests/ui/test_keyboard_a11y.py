"""Keyboard and accessibility: every control of the main window, Settings, the welcome window,
About and the tray menu has an accessible name (and a description where the label alone does
not say what it does); the window's shortcuts are unique, shown in their tooltips and do what
their labels say; the Help menu's actions work; the status bar never hides its counters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from keyring.backends import fail
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture, window_fixture  # noqa: F401 - fixtures

from desktop_app.core.credentials import CredentialStore
from desktop_app.ui import tasks
from desktop_app.ui.help_menu import AboutDialog, diagnostics_text
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.tray import TrayController
from desktop_app.ui.welcome import WelcomeWindow

WAIT_MS = 60_000
INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QTabBar)
KEY = "sk-diagnostics-test-0123456789abcdef"


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def _description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Description).strip() if iface is not None else ""


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a compound control (a spin box's editor, a combo box's popup list, a
    line edit's clear button): the compound control carries the name."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent, QComboBox | QAbstractSpinBox | QLineEdit | QTabBar | QAbstractItemView
        ):
            return True
        parent = parent.parentWidget()
    return False


def _problems(root: QWidget, *, describe_choices: bool) -> list[str]:
    """Interactive controls without an accessible name; with ``describe_choices``, also check
    boxes and push buttons without a description (their short label rarely says enough)."""
    found = []
    for kind in INTERACTIVE:
        for widget in root.findChildren(kind):
            if _internal(widget):
                continue
            label = f"{type(widget).__name__} {widget.objectName() or _name(widget)!r}"
            if not _name(widget):
                found.append(f"no accessible name: {label}")
            elif (
                describe_choices
                and isinstance(widget, QCheckBox | QPushButton)
                and not _description(widget)
            ):
                found.append(f"no description: {label}")
    return found


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, window: Any, ui_service: Any, tmp_path: Path
) -> None:
    ui_service.credentials = CredentialStore(fail.Keyring())
    settings = SettingsDialog(ui_service)
    qtbot.addWidget(settings)
    welcome = WelcomeWindow(ui_service, downloads=tmp_path)
    qtbot.addWidget(welcome)
    about = AboutDialog()
    qtbot.addWidget(about)
    problems = [
        *_problems(window, describe_choices=False),
        *_problems(settings, describe_choices=True),
        *_problems(welcome, describe_choices=True),
        *_problems(about, describe_choices=False),
    ]
    tray = TrayController(
        ui_service,
        open_window=lambda: None,
        add_files=lambda: None,
        open_settings=lambda: None,
        quit_app=lambda: None,
    )
    try:
        for action in tray.menu.actions():
            if not action.isSeparator() and not action.text().replace("&", "").strip():
                problems.append("tray menu item without text")
        assert tray.menu.accessibleName()
    finally:
        tray.close()
    for action in window.findChildren(QAction):
        if action.menu() is None and action.text() and not action.statusTip():
            problems.append(f"window action without a description: {action.text()!r}")
    assert problems == [], "\n".join(problems)
    tasks.wait_for_all()


def _window_actions(window: Any) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]


def test_window_shortcuts_are_unique_and_shown_and_pause_keeps_its_mnemonic(
    qtbot: QtBot, window: Any
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

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

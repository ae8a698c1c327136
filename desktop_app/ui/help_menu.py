"""The window's Help menu: About, Open log folder, Copy diagnostics, Welcome.

About lists the versions (AttachGuard, Python, Qt, PySide6, the OpenAI SDK) and the licences of
what ships with the app: the Python libraries, read from their installed metadata with
``importlib.metadata``, and the bundled OCR models. Diagnostics add the platform, the settings
(no key: the key lives in the keyring or in memory, never in the settings) and the last 200 log
lines; the whole text goes through ``core/redact.py`` before it reaches the clipboard. The log
file is read on the task pool.
"""

from __future__ import annotations

import dataclasses
import html
import importlib.metadata as metadata
import os
import platform
import re
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

import tomli_w
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app import __version__
from desktop_app.core.credentials import BASE_URL_ENV, KeySource, key_source, resolve_base_url
from desktop_app.core.errors import AttachGuardError
from desktop_app.core.redact import redact

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from desktop_app.core.service import Service
    from desktop_app.ui.tasks import TaskRunner

LOG_LINES = 200
_DIST = "attachguard"


@dataclass(frozen=True)
class Licence:
    """One bundled library or model: its name, version and licence."""

    name: str
    version: str
    licence: str


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _licence_of(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 80:
        return text
    classified = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if "License ::" in c
    ]
    if classified:
        return " / ".join(classified)
    return text.splitlines()[0][:80] if text else "see the package's own files"


def library_licences() -> list[Licence]:
    """The Python libraries AttachGuard runs on (its runtime requirements), with licences."""
    requires = metadata.requires(_DIST) or []
    names = sorted(
        {re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0] for r in requires if "extra ==" not in r},
        key=str.lower,
    )
    found = []
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(
            Licence(dist.metadata["Name"] or name, dist.version, _licence_of(dist.metadata))
        )
    return found


def model_licences() -> list[Licence]:
    """The OCR models shipped in ``resources/tessdata`` (tessdata_fast, Apache-2.0)."""
    folder = files("desktop_app.resources").joinpath("tessdata")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".traineddata"))
    licence = next(
        (
            p.name.removeprefix("LICENSE-").removesuffix(".txt")
            for p in folder.iterdir()
            if p.name.startswith("LICENSE-")
        ),
        "Apache-2.0",
    )
    return [Licence(f"tessdata_fast {n.removesuffix('.traineddata')}", "", licence) for n in names]


def versions() -> dict[str, str]:
    try:
        sdk = metadata.version("openai")
    except metadata.PackageNotFoundError:
        sdk = "not installed"
    return {
        "AttachGuard": __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": pyside_version,
        "OpenAI SDK": sdk,
    }


def about_html() -> str:
    """The About text: versions, then the licences of the libraries and models."""
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
        for k, v in versions().items()
    )
    libs = "".join(
        f"<li>{html.escape(item.name)} {html.escape(item.version)}: {html.escape(item.licence)}"
        "</li>"
        for item in (*library_licences(), *model_licences())
    )
    what = QCoreApplication.translate(
        "HelpMenu", "Keeps a copy of every document you attach and uploads it safely."
    )
    bundled = QCoreApplication.translate("HelpMenu", "Bundled libraries and models")
    return (
        f"<h3>AttachGuard {html.escape(__version__)}</h3>"
        f"<p>{html.escape(what)}</p><table>{rows}</table>"
        f"<h4>{html.escape(bundled)}</h4><ul>{libs}</ul>"
    )


def _last_lines(service: Service, count: int = LOG_LINES) -> list[str]:
    path = service.paths.log_file
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return list(deque(handle, maxlen=count))
    except OSError as exc:
        return [f"(the log {path} cannot be read: {exc.strerror or exc})\n"]


def diagnostics_text(service: Service) -> str:
    """Everything a bug report needs, redacted. Reads the keyring and the log: not on the GUI
    thread."""
    state = service.key_state()
    source = key_source(service.credentials)
    settings = tomli_w.dumps(_without_none_dict(dataclasses.asdict(service.settings)))
    parts = [
        "AttachGuard diagnostics",
        *(f"{k}: {v}" for k, v in versions().items()),
        f"Platform: {platform.platform()} ({sys.platform}, {platform.machine()})",
        f"Keyring: {state.backend.name} ({'secure' if state.backend.secure else 'not secure'})",
        f"API key: {'none' if source is KeySource.NONE else 'set (' + source.value + ')'}",
        f"Data folder: {service.paths.data_dir}",
        f"Base URL: {_base_url(service)}",
        "",
        "[settings]",
        settings,
        f"[last {LOG_LINES} log lines]",
        "".join(_last_lines(service)),
    ]
    return redact("\n".join(parts))


def _base_url(service: Service) -> str:
    """The API address in force, and where it comes from (settings, environment, default)."""
    configured = service.settings.upload.base_url
    try:
        url = resolve_base_url(configured)
    except AttachGuardError as exc:
        return str(exc)
    if configured:
        return f"{url} (settings)"
    from_env = os.environ.get(BASE_URL_ENV, "").strip()
    return f"{url} ({BASE_URL_ENV})" if from_env else f"{url} (default)"


def _without_none_dict(value: dict[str, object]) -> dict[str, object]:
    return {k: _without_none(v) for k, v in value.items() if v is not None}


def _without_none(value: object) -> object:
    # TOML has no null: leave unset options out, as the settings file itself does.
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About AttachGuard"))
        self.setAccessibleName(self.tr("About AttachGuard"))
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Versions and licences"))
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Close this window"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 520)


class HelpMenu:
    """Builds the Help menu on ``window``; its actions are attributes for tests."""

    def __init__(
        self,
        window: QMainWindow,
        service: Service,
        tasks_module: TaskRunner,
        say: Callable[[str], None],
        open_welcome: Callable[[], None],
    ) -> None:
        self._window = window
        self._service = service
        self._tasks = tasks_module
        self._say = say
        #: Opens a folder in the file manager; replaceable (tests record the URL).
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.about_dialog: AboutDialog | None = None
        menu: QMenu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
        self.menu = menu
        self.welcome = self._add(
            menu,
            QCoreApplication.translate("HelpMenu", "&Welcome…"),
            QCoreApplication.translate("HelpMenu", "What AttachGuard does; API key"),
        )
        self.welcome.triggered.connect(open_welcome)
        self.open_logs = self._add(
            menu,
            QCoreApplication.translate("HelpMenu", "Open &log folder"),
            QCoreApplication.translate("HelpMenu", "Show the log files"),
        )
        self.open_logs.triggered.connect(self.open_log_folder)
        self.copy_diagnostics = self._add(
            menu,
            QCoreApplication.translate("HelpMenu", "Copy &diagnostics"),
            QCoreApplication.translate(
                "HelpMenu", "Versions, settings and recent log lines, redacted"
            ),
        )
        self.copy_diagnostics.triggered.connect(self.copy_diagnostics_now)
        menu.addSeparator()
        self.about = self._add(
            menu,
            QCoreApplication.translate("HelpMenu", "&About AttachGuard"),
            QCoreApplication.translate("HelpMenu", "Versions and licences"),
        )
        self.about.triggered.connect(self.show_about)

    def _add(self, menu: QMenu, text: str, tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        menu.addAction(action)
        return action

    def open_log_folder(self) -> None:
        folder = self._service.paths.log_dir
        folder.mkdir(parents=True, exist_ok=True)
        if not self.open_url(QUrl.fromLocalFile(str(folder))):
            self._say(
                QCoreApplication.translate("HelpMenu", "Could not open {folder}.").format(
                    folder=folder
                )
            )

    def copy_diagnostics_now(self) -> None:
        def copied(text: str) -> None:
            QGuiApplication.clipboard().setText(text)
            self._say(
                QCoreApplication.translate(
                    "HelpMenu",
                    "Diagnostics copied (no API key in them); paste them in a bug report.",
                )
            )

        self._tasks.run_in_background(
            diagnostics_text,
            self._service,
            on_done=copied,
            on_error=lambda exc: self._say(
                QCoreApplication.translate("HelpMenu", "Diagnostics not copied: {e}").format(e=exc)
            ),
        )

    def show_about(self) -> None:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self._window)
        self.about_dialog.show()
        self.about_dialog.raise_()

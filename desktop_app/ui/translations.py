"""The UI's language: picks it (``[ui] language``, else the desktop's) and installs translators.

AttachGuard's own strings come from ``desktop_app/resources/translations/attachguard_<lang>.qm``
(compiled from the ``.ts`` sources with ``pyside6-lrelease``); Qt's standard buttons and dialogs
from Qt's ``qtbase_<lang>.qm`` in PySide6's translations folder. A language we ship no
translation for means English, never a half-translated mixture of our own strings.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context`` and returns it untranslated (for tables
    translated later with ``QCoreApplication.translate(context, text)``). Qt's own returns
    ``object`` in PySide6's stubs; this one keeps the ``str``."""
    return text


#: The languages AttachGuard ships translations for (English is the source language).
LANGUAGES = ("de", "fr", "es")
#: The setting's value that means "the desktop's language".
AUTO = ""


@dataclass
class Installed:
    """What :func:`install` put on the application (to take off again with :func:`remove`)."""

    language: str = "en"
    translators: list[QTranslator] = field(default_factory=list)
    #: The default locale before (dates and numbers follow the UI's language while installed).
    locale: QLocale | None = None


def _language_code(name: str) -> str:
    """``de_DE.UTF-8`` / ``de-AT`` / ``fr`` -> ``de`` / ``de`` / ``fr``; "" for C and POSIX."""
    code = name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if code in ("c", "posix") else code


def desktop_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The desktop's languages, most wanted first, as ISO 639-1 codes.

    The same order gettext uses: ``LANGUAGE`` (a colon-separated list), then ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG``; with none of them set, Qt's idea of the system's languages
    (which is what Windows and macOS provide).
    """
    env = os.environ if environ is None else environ
    names: list[str] = []
    locale_name = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    # gettext ignores LANGUAGE when the locale is C: so does this.
    if env.get("LANGUAGE") and _language_code(locale_name):
        names += env["LANGUAGE"].split(":")
    if locale_name:
        names.append(locale_name)
    elif environ is None:
        names += QLocale.system().uiLanguages()
    codes = [c for c in (_language_code(n) for n in names) if c]
    return list(dict.fromkeys(codes))


def choose_language(setting: str = AUTO, environ: Mapping[str, str] | None = None) -> str:
    """The language to show: the setting if we ship it, else the desktop's first one we ship,
    else English ("en")."""
    wanted: Sequence[str] = (
        [_language_code(setting)] if setting.strip() else desktop_languages(environ)
    )
    return next((code for code in wanted if code in LANGUAGES or code == "en"), "en")


def _qm_path(language: str) -> Path | None:
    resource = resources.files("desktop_app").joinpath(
        "resources", "translations", f"attachguard_{language}.qm"
    )
    return Path(str(resource)) if resource.is_file() else None


def install(
    app: QCoreApplication, setting: str = AUTO, environ: Mapping[str, str] | None = None
) -> Installed:
    """Install the translators for the chosen language on ``app`` (call before any widget is
    made: texts are translated when they are set). Returns what was installed."""
    language = choose_language(setting, environ)
    installed = Installed(language)
    if language == "en":
        return installed
    installed.locale = QLocale()
    QLocale.setDefault(QLocale(language))
    ours = _qm_path(language)
    candidates = [
        (ours, "AttachGuard"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), "Qt"),
    ]
    for where, whose in candidates:
        translator = QTranslator(app)
        if where is None:
            loaded = False
        elif where.is_dir():
            loaded = translator.load(f"qtbase_{language}", str(where))
        else:
            loaded = translator.load(str(where))
        if loaded and app.installTranslator(translator):
            installed.translators.append(translator)
        else:
            log.warning("no %s translation for %r could be loaded", whose, language)
            translator.deleteLater()
    log.info("user interface language: %s", language)
    return installed


def remove(app: QCoreApplication, installed: Installed) -> None:
    """Take ``installed``'s translators off ``app`` again (tests switch languages)."""
    for translator in installed.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    installed.translators.clear()
    if installed.locale is not None:
        QLocale.setDefault(installed.locale)
        installed.locale = None

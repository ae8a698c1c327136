"""Typed user settings, stored as a human-editable TOML file in the config directory.

Loading never fails: a broken file, a wrong type or an unknown key is reported as a
:class:`SettingsProblem` (naming the line or the key) and the default is used in its place. The
user's file is never rewritten behind their back; :func:`save_settings` is only called when the
user changes a setting, writes only what they changed onto the file as it is then, and refuses
to replace a file that does not parse (:mod:`desktop_app.settings_file`).

A few retry and concurrency knobs can be overridden for scripting through environment variables
(see :data:`ENV_OVERRIDES`); those overrides are applied in memory only.
"""

from __future__ import annotations

import copy
import dataclasses
import locale
import os
import re
import tomllib
import types
import typing
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.settings_file import write_changes
from desktop_app.targets import DEFAULT_TARGET, FAILOVER_CHOICES, TargetSettings, check_targets

if TYPE_CHECKING:
    from desktop_app.core.extract import OcrOptions


def _within(low: float, high: float, *, low_is_harmful: bool = False) -> dict[str, Any]:
    """Field metadata: the range a number must lie in; values outside are clamped and named.

    With ``low_is_harmful``, a value below the range takes the default instead of the minimum:
    a typo such as ``give_up_after_hours = -5`` must not make every upload give up in seconds.
    """
    return {"range": (low, high), "low_is_harmful": low_is_harmful}


@dataclass
class UploadSettings:
    base_url: str | None = None
    purpose: str = "user_data"
    expires_after: int | None = field(default=None, metadata=_within(3600, 2_592_000))
    concurrency: int = field(default=4, metadata=_within(1, 16))
    # Transient failures (server errors, network, rate limits, "expired" on upload) are retried
    # until this many hours after the job's first attempt; permanent ones fail at once.
    give_up_after_hours: float = field(
        default=24.0, metadata=_within(0.01, 24 * 30, low_is_harmful=True)
    )
    # An extra limit on attempts per job; 0 (the default) means none: the deadline decides.
    max_attempts: int = field(default=0, metadata=_within(0, 1000))
    backoff_base: float = field(default=1.0, metadata=_within(0.001, 3600, low_is_harmful=True))
    backoff_cap: float = field(default=300.0, metadata=_within(0.01, 86_400, low_is_harmful=True))
    breaker_threshold: int = field(default=5, metadata=_within(1, 1000))
    # Done uploads are checked this often (and at start-up) for files the server let expire.
    recheck_minutes: float = field(default=15.0, metadata=_within(1, 24 * 60))
    # A file that expired or vanished on the server is uploaded again from the vault copy
    # (not one that expired on the schedule the user asked for with expires_after).
    reupload_expired: bool = True
    large_file_threshold_mb: int = field(default=64, metadata=_within(1, 512))
    # Files above the threshold go through the Uploads API in parts of this size (at most 64).
    part_size_mb: int = field(default=64, metadata=_within(1, 64))
    auto_upload: bool = True
    # When the first target is held (outage, breaker, expiry storm) this long, offer ("ask"),
    # do ("auto") or never do ("off") the upload of its waiting documents to another target.
    failover: str = "ask"
    failover_after_minutes: float = field(
        default=5.0, metadata=_within(0.5, 24 * 60, low_is_harmful=True)
    )
    failover_to: str | None = None  # the target to fail over to; None: the next one listed


@dataclass
class VaultSettings:
    max_age_days: int | None = None
    max_total_mb: int | None = None


#: The size presets of the text fallback (``core/fallback/presets.py`` describes each).
FALLBACK_PRESETS = ("chat", "api", "claude", "gemini", "local")


@dataclass
class FallbackSettings:
    """``[fallback]``: how the text-only prompt is sized (see README "Text fallback")."""

    # Tokens per part for the "api" preset (a model's context through the API).
    max_tokens: int = field(default=100_000, metadata=_within(500, 2_000_000, low_is_harmful=True))
    # Tokens per part for the "chat" preset: what one ChatGPT message takes.
    chat_part_tokens: int = field(
        default=12_000, metadata=_within(500, 2_000_000, low_is_harmful=True)
    )
    # The preset used when none is chosen: one of FALLBACK_PRESETS.
    preset: str = "chat"


#: The desktop's language (ISO 639-1) -> Tesseract's model name, for the default OCR languages.
_TESSERACT_CODES = {
    "en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
    "pl": "pol", "sv": "swe", "da": "dan", "nb": "nor", "no": "nor", "fi": "fin", "cs": "ces",
    "ru": "rus", "uk": "ukr", "tr": "tur", "el": "ell", "hu": "hun", "ro": "ron", "ja": "jpn",
    "zh": "chi_sim", "ko": "kor", "ar": "ara", "he": "heb", "hi": "hin",
}  # fmt: skip
_LANGUAGE_CODE = re.compile(r"^[a-z]{3}(_[a-z]+)?$")


@dataclass
class OcrSettings:
    """``[ocr]``: reading text from pictures and scanned pages (see README "OCR")."""

    enabled: bool = True
    # Tesseract model names ("eng", "fra", "deu", "spa" are bundled); empty: the desktop's
    # language plus English.
    languages: list[str] = field(default_factory=list)
    workers: int = 0  # pages OCR'd at once; 0: the number of cores minus one (at least one)
    dpi: int = 300  # resolution scanned PDF pages are rendered at (100-600)
    tessdata_dir: str | None = None  # a folder of more .traineddata files

    def options(self, locale_name: str | None = None) -> OcrOptions:
        """What the extraction worker is told (defaults resolved, values clamped)."""
        from desktop_app.core.extract import OcrOptions, default_workers  # keep start-up light

        languages = [code for code in self.languages if _LANGUAGE_CODE.match(code)]
        if not languages:
            languages = [*_desktop_language(locale_name), "eng"]
        cores = os.cpu_count() or 1
        return OcrOptions(
            enabled=self.enabled,
            languages=tuple(dict.fromkeys(languages)),
            workers=min(self.workers, cores) if self.workers else default_workers(),
            dpi=min(600, max(100, self.dpi)),
            tessdata_dir=self.tessdata_dir or None,
        )


def _desktop_language(locale_name: str | None) -> list[str]:
    if locale_name is None:
        locale_name = locale.getlocale()[0] or os.environ.get("LANG", "")
    code = _TESSERACT_CODES.get(locale_name.split("_")[0].split(".")[0].lower())
    return [code] if code else []


@dataclass
class WatchedFolder:
    path: str = ""
    recursive: bool = False
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    upload: bool = False
    purpose: str = "user_data"
    # False: files already in the folder when it is first watched are only noted, not backed up.
    backup_existing: bool = False
    # The upload targets (names from [[targets]]) its new files go to; empty: the primary.
    targets: list[str] = field(default_factory=list)


@dataclass
class WatchSettings:
    folders: list[WatchedFolder] = field(default_factory=list)
    settle_seconds: float = 1.0
    # A file still changing after this long is reported and skipped (until it changes again).
    give_up_seconds: float = 600.0


@dataclass
class StatusSettings:
    url: str = "https://status.openai.com/api/v2/summary.json"
    poll_seconds: int = 120
    components: list[str] = field(default_factory=lambda: ["Files", "Batch", "File uploads"])
    batch_stuck_minutes: int = 60
    # An outage (partial or major) of one of these holds uploads until it is over.
    hold_components: list[str] = field(default_factory=lambda: ["Files"])


@dataclass
class UiSettings:
    notify_success: bool = False
    start_at_login: bool = False
    theme: str = "system"
    #: The interface language ("de", "fr", "es" or "en"); "" follows the desktop's language.
    language: str = ""
    #: The welcome window was shown (or skipped) once; Help → Welcome still opens it.
    welcome_shown: bool = False


@dataclass
class Settings:
    upload: UploadSettings = field(default_factory=UploadSettings)
    vault: VaultSettings = field(default_factory=VaultSettings)
    fallback: FallbackSettings = field(default_factory=FallbackSettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    status: StatusSettings = field(default_factory=StatusSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    # ``[[targets]]``: more places to upload to (see desktop_app/targets.py).
    targets: list[TargetSettings] = field(default_factory=list)


@dataclass(frozen=True)
class SettingsProblem:
    """One thing wrong with the settings file; the default was used in its place."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class LoadedSettings:
    settings: Settings
    problems: list[SettingsProblem]
    path: Path
    parsed: bool  # False when the file exists but is not valid TOML: saving would destroy it
    #: The settings as loaded (or last saved): saving writes only what differs from these.
    baseline: Settings | None = None


#: Environment variable -> (section, key). Applied after the file, in memory only.
ENV_OVERRIDES: Mapping[str, tuple[str, str]] = {
    "ATTACHGUARD_MAX_ATTEMPTS": ("upload", "max_attempts"),
    "ATTACHGUARD_BACKOFF_BASE": ("upload", "backoff_base"),
    "ATTACHGUARD_BACKOFF_CAP": ("upload", "backoff_cap"),
    "ATTACHGUARD_CONCURRENCY": ("upload", "concurrency"),
}

_TYPE_NAMES = {int: "an integer", float: "a number", str: "a string", bool: "true or false"}


def load_settings(path: Path, environ: Mapping[str, str] | None = None) -> LoadedSettings:
    """Read ``path`` (a missing file means all defaults) and apply environment overrides."""
    problems: list[SettingsProblem] = []
    raw: dict[str, Any] = {}
    parsed = True
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except FileNotFoundError:
        pass
    except tomllib.TOMLDecodeError as exc:
        parsed = False
        problems.append(
            SettingsProblem(str(path), f"not valid TOML ({_where(exc, path)}); using defaults")
        )
    except (OSError, UnicodeDecodeError) as exc:
        parsed = False
        problems.append(SettingsProblem(str(path), f"cannot be read ({exc}); using defaults"))
    settings = _build(Settings, raw, "", problems)
    _check_ocr(settings.ocr, problems)
    _check_fallback(settings.fallback, problems)
    _check_ui(settings.ui, problems)
    _apply_env(settings, os.environ if environ is None else environ, problems)
    _check_base_url(settings, problems)
    _check_targets(settings, problems)
    return LoadedSettings(
        settings=settings,
        problems=problems,
        path=path,
        parsed=parsed,
        baseline=copy.deepcopy(settings),
    )


def save_settings(loaded: LoadedSettings) -> None:
    """Write what the user changed (``loaded.settings`` against ``loaded.baseline``) onto the
    file as it is on disk now, atomically; see :mod:`desktop_app.settings_file`. A file that no
    longer parses is refused with one sentence (:class:`SettingsError`) and kept."""
    before = loaded.baseline if loaded.baseline is not None else Settings()
    write_changes(loaded.path, before, loaded.settings, Settings())
    loaded.baseline = copy.deepcopy(loaded.settings)


def _where(exc: tomllib.TOMLDecodeError, path: Path) -> str:
    # tomllib says "(at line N, column M)" except at the very end, where it gives no line.
    text = str(exc)
    if "end of document" in text:
        lines = path.read_text(encoding="utf-8", errors="replace").count("\n") or 1
        text = text.replace("at end of document", f"at line {lines}, end of file")
    return text


def _build(cls: type[Any], raw: Any, where: str, problems: list[SettingsProblem]) -> Any:
    instance = cls()
    if not isinstance(raw, dict):
        problems.append(SettingsProblem(where or "settings", "expected a table; using defaults"))
        return instance
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in known:
            problems.append(SettingsProblem(_join(where, key), "unknown setting; ignored"))
    for f in dataclasses.fields(cls):
        if f.name not in raw:
            continue
        key_where = _join(where, f.name)
        try:
            value = _coerce(hints[f.name], raw[f.name], key_where, problems)
        except _WrongType as exc:
            problems.append(SettingsProblem(key_where, f"{exc}; using the default"))
            continue
        setattr(instance, f.name, _clamped(f, value, key_where, problems))
    return instance


def _clamped(
    f: dataclasses.Field[Any], value: Any, where: str, problems: list[SettingsProblem]
) -> Any:
    """``value`` moved into the field's documented range, saying so when it had to be."""
    bounds = f.metadata.get("range")
    if bounds is None or value is None or isinstance(value, bool):
        return value
    low, high = bounds
    if low <= value <= high:
        return value
    if value != value:  # NaN has no place in a range
        kept = f.default
        problems.append(SettingsProblem(where, f"must be a number, got nan; using {kept!r}"))
        return kept
    if value < low and f.metadata.get("low_is_harmful"):
        kept = f.default
    else:
        kept = type(value)(min(max(value, low), high))
    problems.append(
        SettingsProblem(
            where, f"must be between {low:g} and {high:g}, got {value!r}; using {kept!r}"
        )
    )
    return kept


class _WrongType(ValueError):
    pass


def _coerce(hint: Any, value: Any, where: str, problems: list[SettingsProblem]) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return _coerce(options[0], value, where, problems)
    if dataclasses.is_dataclass(hint):
        return _build(typing.cast(type[Any], hint), value, where, problems)
    if origin is list:
        if not isinstance(value, list):
            raise _WrongType(f"expected a list, got {value!r}")
        (item,) = typing.get_args(hint)
        return [_coerce(item, v, f"{where}[{i}]", problems) for i, v in enumerate(value)]
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in _TYPE_NAMES:
        if type(value) is not hint:
            raise _WrongType(f"expected {_TYPE_NAMES[hint]}, got {value!r}")
        if hint in (int, float) and value < 0:
            raise _WrongType(f"must not be negative, got {value!r}")
        return value
    raise _WrongType(f"unsupported type {hint!r}")  # pragma: no cover - programming error


def _apply_env(settings: Settings, env: Mapping[str, str], problems: list[SettingsProblem]) -> None:
    for name, (section, key) in ENV_OVERRIDES.items():
        text = env.get(name)
        if text is None or not text.strip():
            continue
        target = getattr(settings, section)
        kind = type(getattr(target, key))
        try:
            value = kind(text.strip())
            if value < 0 or value != value:  # negative or NaN
                raise ValueError
        except (ValueError, OverflowError):
            problems.append(SettingsProblem(name, f"expected a positive number, got {text!r}"))
            continue
        spec = next(f for f in dataclasses.fields(target) if f.name == key)
        setattr(target, key, _clamped(spec, value, name, problems))


def base_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be an API base URL (naming it), or None when it can."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        return f"{url!r} is not an http:// or https:// URL with a host name"
    return None


def _check_base_url(settings: Settings, problems: list[SettingsProblem]) -> None:
    url = settings.upload.base_url
    if url is None or not url.strip():
        return
    problem = base_url_problem(url)
    if problem is not None:
        # Refused here, once, rather than retried for minutes as a network error.
        settings.upload.base_url = None
        problems.append(SettingsProblem("upload.base_url", f"{problem}; ignored"))


def _check_targets(settings: Settings, problems: list[SettingsProblem]) -> None:
    settings.targets, sentences = check_targets(settings.targets)
    problems.extend(SettingsProblem("targets", sentence) for sentence in sentences)
    upload = settings.upload
    if upload.failover not in FAILOVER_CHOICES:
        problems.append(
            SettingsProblem(
                "upload.failover",
                f"must be one of {', '.join(FAILOVER_CHOICES)}, got {upload.failover!r};"
                " using 'ask'",
            )
        )
        upload.failover = "ask"
    names = {DEFAULT_TARGET, *(t.name for t in settings.targets)}
    for index, folder in enumerate(settings.watch.folders):
        unknown = [n for n in folder.targets if n not in names]
        if unknown:
            folder.targets = [n for n in folder.targets if n in names]
            problems.append(
                SettingsProblem(
                    f"watch.folders[{index}].targets",
                    f"no upload target named {', '.join(map(repr, unknown))}; left out",
                )
            )


def _check_ocr(ocr: OcrSettings, problems: list[SettingsProblem]) -> None:
    """Report OCR values that ``OcrSettings.options`` will clamp or ignore."""
    for code in ocr.languages:
        if not _LANGUAGE_CODE.match(code):
            problems.append(
                SettingsProblem(
                    "ocr.languages", f"{code!r} is not a model name like 'eng'; ignored"
                )
            )
    if not 100 <= ocr.dpi <= 600:
        problems.append(SettingsProblem("ocr.dpi", f"{ocr.dpi} is outside 100-600; clamped"))


def _check_fallback(fallback: FallbackSettings, problems: list[SettingsProblem]) -> None:
    name = fallback.preset.strip().lower()
    if name not in FALLBACK_PRESETS:
        problems.append(
            SettingsProblem(
                "fallback.preset",
                f"{fallback.preset!r} is not one of {', '.join(FALLBACK_PRESETS)}; using 'chat'",
            )
        )
        name = "chat"
    fallback.preset = name


#: The values ``[ui] language`` takes: "" follows the desktop (``ui/translations.py``).
UI_LANGUAGES = ("", "en", "de", "fr", "es")
#: The values ``[ui] theme`` takes (``ui/theme.py`` reads them).
THEMES = ("system", "light", "dark")


def _check_ui(ui: UiSettings, problems: list[SettingsProblem]) -> None:
    theme = ui.theme.strip().lower()
    if theme not in THEMES:
        problems.append(
            SettingsProblem(
                "ui.theme", f"{ui.theme!r} is not one of {', '.join(THEMES)}; using 'system'"
            )
        )
        theme = "system"
    ui.theme = theme
    language = ui.language.strip().lower()
    if language not in UI_LANGUAGES:
        shown = ", ".join(repr(code) for code in UI_LANGUAGES)
        problems.append(
            SettingsProblem(
                "ui.language",
                f"{ui.language!r} is not one of {shown}; following the desktop's language",
            )
        )
        language = ""
    ui.language = language


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key

"""Saving the settings and applying them to parts that already run; the key's state.

Core parts keep references to their section objects (the upload manager holds
``settings.upload``, the text service ``settings.fallback``), so saved values are copied into
the existing objects instead of replacing them.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from desktop_app.core.credentials import BackendInfo
from desktop_app.settings import LoadedSettings, Settings, save_settings

#: Upload settings the upload manager reads once, when it starts.
_READ_AT_START = (
    "base_url",
    "concurrency",
    "max_attempts",
    "backoff_base",
    "backoff_cap",
    "give_up_after_hours",
)


@dataclass(frozen=True)
class KeyState:
    """What the settings show about the key: the keyring backend, whether a key is stored, and
    whether a key is held in memory until the app quits."""

    backend: BackendInfo
    has_stored_key: bool
    has_session_key: bool = False


@dataclass(frozen=True)
class SettingsChange:
    """What saving new settings changed, for the front-end to act on and say."""

    #: A changed setting only takes effect after AttachGuard restarts.
    restart_needed: bool
    #: The watched folders differ: a running watcher should be restarted.
    folders_changed: bool


def save_and_apply(loaded: LoadedSettings, new: Settings) -> SettingsChange:
    """Write what differs between the running settings and ``new`` onto the settings file as it
    is on disk now (hand edits made since the start survive; a file that no longer parses is
    refused and kept), then copy ``new`` into ``loaded.settings``."""
    before = loaded.settings
    save_settings(dataclasses.replace(loaded, settings=new, baseline=before))
    change = SettingsChange(
        restart_needed=any(
            getattr(before.upload, name) != getattr(new.upload, name) for name in _READ_AT_START
        )
        or before.targets != new.targets,  # the upload targets are resolved at start
        folders_changed=before.watch.folders != new.watch.folders,
    )
    _update_in_place(before, new)
    loaded.baseline = copy.deepcopy(before)
    return change


def _update_in_place(target: Settings, source: Settings) -> None:
    for section in dataclasses.fields(Settings):
        old = getattr(target, section.name)
        new = getattr(source, section.name)
        if isinstance(old, list):  # [[targets]]: a list of tables, not a section
            old[:] = new
            continue
        for item in dataclasses.fields(old):
            setattr(old, item.name, getattr(new, item.name))

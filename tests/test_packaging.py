"""Desktop integration files are valid and agree with the package (id, version, icon)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib.metadata import version
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.autostart import APP_ID

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def test_version_comes_from_one_place() -> None:
    assert version("attachguard") == __version__
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases is not None
    newest = releases.find("release")
    assert newest is not None and newest.get("version") == __version__


def test_desktop_file_opens_documents_with_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[-1] == "%F"
    assert section["Icon"] == APP_ID
    assert "application/pdf" in section["MimeType"].split(";")
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_metainfo_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- "Copy text for ChatGPT" in file managers (install.sh) -------------------------------------

ACTIONS = LINUX / "file-manager"
SERVICE_MENU = ACTIONS / "attachguard-copy-text.desktop"
#: KDE's service menus are Type=Service files with MimeType and Actions, a KDE extension the
#: freedesktop validator reports as such; anything else it says is a real mistake.
KDE_EXTENSION_COMPLAINTS = (
    'key "MimeType" is present in group "Desktop Entry", but the type is "Service"',
    'key "Actions" is present in group "Desktop Entry", but the type is "Service"',
)


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_kde_service_menu_validates() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(SERVICE_MENU)], capture_output=True, text=True
    )
    complaints = [line for line in done.stdout.splitlines() if line.strip()]
    unexpected = [c for c in complaints if not any(k in c for k in KDE_EXTENSION_COMPLAINTS)]
    assert unexpected == [], done.stdout + done.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(SERVICE_MENU, encoding="utf-8")
    action = entry["Desktop Action copyTextForChatGPT"]
    assert action["Name"] == "Copy text for ChatGPT"
    assert action["Exec"] == "attachguard copy-text %f"  # one document per run
    assert action["Icon"] == APP_ID


def _bundle(tmp_path: Path) -> Path:
    """The one-folder bundle as build.py lays it out, with a stand-in for the frozen binary
    that runs this checkout's ``python -m desktop_app``."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("ag_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    bundle = tmp_path / "dist" / "AttachGuard"
    (tmp_path / "icons" / "hicolor").mkdir(parents=True)
    bundle.mkdir(parents=True)
    build.add_linux_desktop_files(bundle, tmp_path / "icons")
    binary = bundle / "attachguard"
    binary.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m desktop_app "$@"\n')
    binary.chmod(0o755)
    return bundle


@pytest.mark.e2e
def test_install_sh_adds_file_manager_actions_that_copy_a_files_text(tmp_path: Path) -> None:
    from support.desktop_session import session_for_test

    home = tmp_path / "user"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), ATTACHGUARD_HOME=str(tmp_path / "ag"))
    bundle = _bundle(tmp_path)
    done = subprocess.run(
        ["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    opt = home / ".local" / "opt" / "AttachGuard"
    data = home / ".local" / "share"
    menu = data / "kio" / "servicemenus" / "attachguard-copy-text.desktop"
    script = data / "nautilus" / "scripts" / "Copy text for ChatGPT"
    assert f"Exec={opt}/attachguard copy-text %f" in menu.read_text(encoding="utf-8")
    assert os.access(menu, os.X_OK) and os.access(script, os.X_OK)

    document = tmp_path / "field notes.txt"
    sentence = "The beekeeper counted 61 hives along the orchard wall."
    document.write_text(f"Field notes\n\n{sentence}\n", encoding="utf-8")
    sessions = session_for_test(("Xvfb", "xclip"), "xvfb xclip", tray=False)
    desktop = next(sessions)
    try:
        # What Nautilus does for Scripts > Copy text for ChatGPT: run it with the file.
        ran = subprocess.run(
            [str(script), str(document)],
            env=desktop.env(env),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert ran.returncode == 0, ran.stdout + ran.stderr
        clipboard = desktop.clipboard() or ""
        assert sentence in clipboard
        assert "field notes.txt" in clipboard  # the prompt names the file it stands in for
    finally:
        sessions.close()

    done = subprocess.run(
        ["sh", str(opt / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not menu.exists() and not script.exists() and not opt.exists()

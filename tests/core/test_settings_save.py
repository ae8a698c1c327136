"""Saving settings while the user edits settings.toml by hand: their edits survive, a broken file
is kept, and the file the app writes stays one the README's examples can be appended to."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator

import pytest

from desktop_app.core.errors import SettingsError
from desktop_app.core.service import Service
from desktop_app.paths import AppPaths
from desktop_app.settings import Settings, load_settings, save_settings

#: The README's "More than one target" example, as a user would paste it.
README_TARGET = (
    "\n[[targets]]\n"
    'name = "azure"\n'
    'kind = "azure"\n'
    'endpoint = "https://myres.openai.azure.com"\n'
    'api_version = "2024-10-21"\n'
)


@pytest.fixture
def service(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    app_paths.settings_file.write_text("[upload]\npurpose = 'assistants'\n", encoding="utf-8")
    svc = Service(app_paths, load_settings(app_paths.settings_file, environ={}))
    yield svc
    svc.close()


def test_saving_keeps_a_targets_table_added_by_hand_while_the_app_runs(service: Service) -> None:
    path = service.paths.settings_file
    with path.open("a", encoding="utf-8") as handle:  # the user edits the file meanwhile
        handle.write("concurrency = 2\n" + README_TARGET)
    new = copy.deepcopy(service.settings)
    new.ui.theme = "dark"

    service.save_settings(new)

    again = load_settings(path, environ={})
    assert again.problems == []
    assert [t.name for t in again.settings.targets] == ["azure"]
    assert again.settings.upload.concurrency == 2  # the hand edit, not the value at start (4)
    assert again.settings.upload.purpose == "assistants"
    assert again.settings.ui.theme == "dark"
    assert service.settings.ui.theme == "dark"


def test_saving_refuses_a_file_broken_while_the_app_runs_and_keeps_it(service: Service) -> None:
    path = service.paths.settings_file
    broken = "[upload]\npurpose = 'assistants'\nconcurrency = = 2\n"
    path.write_text(broken, encoding="utf-8")
    new = copy.deepcopy(service.settings)
    new.ui.theme = "dark"

    with pytest.raises(SettingsError) as caught:
        service.save_settings(new)

    assert str(caught.value) == (
        "settings.toml has a syntax error at line 3; fix it first — nothing was saved"
    )
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp file left


def test_a_saved_file_takes_the_readme_targets_block_appended_by_hand(service: Service) -> None:
    path = service.paths.settings_file
    path.unlink()  # a first save, as the welcome window or Settings makes it
    new = copy.deepcopy(service.settings)
    new.ui.welcome_shown = True
    service.save_settings(new)
    assert "targets" not in path.read_text(encoding="utf-8")

    with path.open("a", encoding="utf-8") as handle:
        handle.write(README_TARGET)

    again = load_settings(path, environ={})
    assert again.parsed and again.problems == []
    assert [t.name for t in again.settings.targets] == ["azure"]
    assert again.settings.ui.welcome_shown is True


def test_targets_are_written_after_every_other_section(service: Service) -> None:
    path = service.paths.settings_file
    with path.open("a", encoding="utf-8") as handle:
        handle.write(README_TARGET)
    new = copy.deepcopy(service.settings)
    new.ui.notify_success = True  # a section after [[targets]] in the file...
    service.save_settings(new)

    text = path.read_text(encoding="utf-8")
    assert text.index("[ui]") < text.index("[[targets]]")
    with path.open("a", encoding="utf-8") as handle:  # ...so another pasted table still fits
        handle.write(README_TARGET.replace('"azure"', '"azure2"', 1))
    again = load_settings(path, environ={})
    assert again.problems == []
    assert [t.name for t in again.settings.targets] == ["azure", "azure2"]


def test_only_values_that_differ_from_the_defaults_are_written(service: Service) -> None:
    path = service.paths.settings_file
    new = copy.deepcopy(service.settings)
    new.upload.concurrency = 6
    service.save_settings(new)
    assert "concurrency = 6" in path.read_text(encoding="utf-8")
    assert "backoff_cap" not in path.read_text(encoding="utf-8")  # a default: left out

    back = copy.deepcopy(service.settings)
    back.upload.concurrency = Settings().upload.concurrency
    service.save_settings(back)

    text = path.read_text(encoding="utf-8")
    assert "concurrency" not in text  # a later release's default reaches this user
    assert tomllib.loads(text) == {"upload": {"purpose": "assistants"}}


def test_cli_style_save_writes_only_the_change_and_keeps_environment_overrides_out(
    app_paths: AppPaths,
) -> None:
    path = app_paths.settings_file
    path.write_text("# mine\n[vault]\nmax_age_days = 30\n", encoding="utf-8")
    loaded = load_settings(path, environ={"ATTACHGUARD_CONCURRENCY": "2"})
    loaded.settings.ui.theme = "light"

    save_settings(loaded)

    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "vault": {"max_age_days": 30},
        "ui": {"theme": "light"},
    }

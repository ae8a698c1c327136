"""``attachguard upload --target/--all-targets`` and ``queue --json`` with two targets: an
OpenAI loopback server and an Azure OpenAI one (keys from the environment, never on disk)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.cli import cli
from support.openai_server import FakeOpenAI

AZURE_KEY = "azure-cli-key-0123456789abcdef"


@pytest.fixture
def azure_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(valid_keys=[AZURE_KEY], azure=True) as server:
        yield server


@pytest.fixture
def env(ag_home: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI) -> dict[str, str]:
    settings = ag_home / "config" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        f"endpoint = '{azure_server.base_url}'\napi_version = '2024-10-21'\n"
        "api_key_env = 'AZURE_OPENAI_API_KEY'\n",
        encoding="utf-8",
    )
    return {
        **os.environ,
        "OPENAI_API_KEY": openai_server.api_key,
        "OPENAI_BASE_URL": openai_server.base_url,
        "AZURE_OPENAI_API_KEY": AZURE_KEY,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


def test_upload_to_all_targets_lists_a_file_id_per_target(
    env: dict[str, str], tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    doc = tmp_path / "offer.pdf"
    doc.write_bytes(b"%PDF-1.4 offer\n" * 100)
    done = cli(env, "upload", "--all-targets", "--wait", "--json", doc)
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli(env, "queue", "--json").stdout)
    by_target = {job["target"]: job for job in listed}
    assert set(by_target) == {"openai", "azure"}
    assert by_target["openai"]["file_id"] in openai_server.files
    assert by_target["azure"]["file_id"] in azure_server.files
    assert {j["state"] for j in listed} == {"done"}
    # The plain table says which file id lives where.
    table = cli(env, "queue").stdout.splitlines()
    assert table[0].split()[:6] == ["ID", "STATE", "TRIES", "SHA256", "TARGET", "FILE", "ID"][:6]
    for target, job in by_target.items():
        row = next(line for line in table[1:] if job["file_id"] in line)
        assert row.split()[4] == target
    # The keys never reach a file of ours.
    for path in Path(env["ATTACHGUARD_HOME"]).rglob("*"):
        if path.is_file():
            assert AZURE_KEY.encode() not in path.read_bytes(), path


def test_upload_to_one_named_target_and_an_unknown_one(
    env: dict[str, str], tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    doc = tmp_path / "memo.txt"
    doc.write_text("memo\n" * 100)
    done = cli(env, "upload", "--target", "azure", "--wait", doc)
    assert done.returncode == 0, done.stderr
    assert len(azure_server.files) == 1 and not openai_server.files
    wrong = cli(env, "upload", "--target", "gcp", doc)
    assert wrong.returncode == 1
    assert "no upload target named 'gcp'; the targets are openai, azure" in wrong.stderr
    assert "Traceback" not in wrong.stderr

"""A target without a key: ``upload --target azure --wait`` says so at once and exits 1 (as its
--help promises) instead of waiting for ever, and the waiting line names the target it waits for.
"""

from __future__ import annotations

import os
from pathlib import Path

from support.cli import cli
from support.openai_server import FakeOpenAI

from desktop_app.cli.upload_cmds import waiting_line
from desktop_app.core.store.db import Database
from desktop_app.core.uploads import UploadManager
from desktop_app.core.vault import Source, Vault
from desktop_app.settings import UploadSettings
from desktop_app.targets import TargetSettings

AZURE = TargetSettings(
    name="azure",
    kind="azure",
    endpoint="https://myres.openai.azure.com",
    api_version="2024-10-21",
    api_key_env="AZURE_OPENAI_API_KEY",
)


def test_upload_wait_to_a_target_without_a_key_exits_1_at_once(
    ag_home: Path, tmp_path: Path, openai_server: FakeOpenAI
) -> None:
    settings = ag_home / "config" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        "[[targets]]\nname = 'azure'\nkind = 'azure'\n"
        "endpoint = 'https://myres.openai.azure.com'\napi_version = '2024-10-21'\n"
        "api_key_env = 'AZURE_OPENAI_API_KEY'\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "OPENAI_API_KEY": openai_server.api_key,  # OpenAI has a key; Azure has none
        "OPENAI_BASE_URL": openai_server.base_url,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("AZURE_OPENAI_API_KEY", None)
    doc = tmp_path / "notes.docx"
    doc.write_bytes(b"PK notes " * 200)

    done = cli(env, "upload", "--target", "azure", "--wait", doc)

    assert done.returncode == 1, done.stderr
    assert "no API key for the upload target 'azure'" in done.stderr
    assert "AZURE_OPENAI_API_KEY" in done.stderr
    assert "1 job(s) stay queued" in done.stderr
    assert "Traceback" not in done.stderr
    queued = cli(env, "queue")
    assert "notes.docx" in queued.stdout  # backed up and queued: nothing is lost
    assert not openai_server.files  # nothing went to OpenAI instead


def test_the_waiting_line_names_the_target_it_waits_for(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    vault = Vault(db, tmp_path / "vault")
    manager = UploadManager(
        db,
        vault,
        UploadSettings(),
        credentials=lambda: "sk-openai-key-0123456789abcdef",
        base_url="http://127.0.0.1:9/v1",
        targets=[AZURE],
        target_key=lambda t: None,
    )
    try:
        src = tmp_path / "notes.docx"
        src.write_bytes(b"notes" * 100)
        entry = vault.add_file(src, Source.CLI)
        (job_id,) = manager.enqueue([entry.id], targets=["azure"])

        line = waiting_line(manager, [job_id])

        assert line is not None
        assert line.startswith("waiting for Azure: 1 upload "), line
        assert "OpenAI" not in line
    finally:
        manager.stop(timeout=10)
        db.close()

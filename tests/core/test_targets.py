"""Upload targets: two loopback servers (one OpenAI, one Azure OpenAI), driven by the real SDK.

Server A speaks the OpenAI paths (``/v1/…``, ``Authorization: Bearer``); server B the Azure
OpenAI ones (``/openai/…?api-version=…``, ``api-key``), and answers nothing else. Real SQLite,
the real vault, the real upload manager with the default upload settings.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.fast_clock import FastClock
from support.openai_server import FakeOpenAI
from support.uploading import fast_settings, wait_for

from desktop_app.core.credentials import CredentialStore, resolve_target_key
from desktop_app.core.store.db import Database
from desktop_app.core.uploads import JobState, UploadManager
from desktop_app.core.uploads.clock import SYSTEM_CLOCK, Clock
from desktop_app.core.vault import Entry, Source, Vault
from desktop_app.settings import UploadSettings, load_settings
from desktop_app.targets import TargetSettings

AZURE_KEY = "azure-key-0123456789abcdef0123"
API_VERSION = "2024-10-21"


@pytest.fixture
def azure_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(valid_keys=[AZURE_KEY], azure=True) as server:
        yield server


@dataclass
class Two:
    root: Path
    db: Database
    vault: Vault
    manager: UploadManager

    def doc(self, name: str) -> Entry:
        src = self.root / "originals" / name
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_bytes(name.encode() * 300)
        return self.vault.add_file(src, Source.CLI)


@contextmanager
def two_targets(
    root: Path,
    openai: FakeOpenAI,
    azure: FakeOpenAI,
    settings: UploadSettings,
    clock: Clock = SYSTEM_CLOCK,
    lease_seconds: float = 60.0,
) -> Iterator[Two]:
    db = Database(root / "store.sqlite3")
    vault = Vault(db, root / "vault")
    tables = [
        TargetSettings(name="azure", kind="azure", endpoint=azure.base_url, api_version=API_VERSION)
    ]
    manager = UploadManager(
        db,
        vault,
        settings,
        credentials=lambda: openai.api_key,
        base_url=openai.base_url,
        targets=tables,
        target_key=lambda t: AZURE_KEY if t.name == "azure" else None,
        clock=clock,
        lease_seconds=lease_seconds,
    )
    try:
        yield Two(root, db, vault, manager)
    finally:
        manager.stop(timeout=10)
        db.close()


def test_bad_target_tables_are_named_and_the_rest_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[upload]\nconcurrency = 3\nfailover = 'sometimes'\n"
        "[[targets]]\nname = 'azure'\nkind = 'azure'\nendpoint = 'https://x.openai.azure.com'\n"
        "api_version = '2024-10-21'\napi_key_env = 'AZURE_OPENAI_API_KEY'\n"
        "[[targets]]\nname = 'nokey'\nkind = 'azure'\nendpoint = 'https://y.example'\n"
        "[[targets]]\nname = 'gateway'\nkind = 'openai_compatible'\nbase_url = 'ftp://gw'\n"
        "[[targets]]\nname = 'azure'\nkind = 'openai_compatible'\nbase_url = 'https://z'\n",
        encoding="utf-8",
    )
    loaded = load_settings(path, environ={})
    assert loaded.settings.upload.concurrency == 3
    assert [t.name for t in loaded.settings.targets] == ["azure"]
    assert loaded.settings.upload.failover == "ask"
    text = [str(p) for p in loaded.problems]
    assert any("'nokey'" in t and "needs endpoint and api_version" in t for t in text), text
    # Counted as a person counts the tables in the file: 'nokey' is the second one.
    assert any("the 2nd [[targets]] table ('nokey')" in t for t in text), text
    assert any("'gateway'" in t and "ftp://gw" in t for t in text), text
    assert any("used twice" in t for t in text), text
    assert any("upload.failover" in t and "'sometimes'" in t for t in text), text


def test_the_openai_target_exists_by_default_and_follows_openai_base_url(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    try:
        manager = UploadManager(db, Vault(db, tmp_path / "vault"), UploadSettings())
        assert manager.targets.names == ["openai"]
        assert manager.targets.primary.address == manager.base_url
    finally:
        db.close()


def test_each_target_has_its_own_key_in_the_keyring_or_environment(
    secret_service_backend: object, tmp_path: Path
) -> None:
    store = CredentialStore(secret_service_backend)
    store.set("sk-openai-key-0000000000000000")
    store.set(AZURE_KEY, target="azure")
    try:
        assert store.get() == "sk-openai-key-0000000000000000"  # the single key, unchanged
        assert resolve_target_key("azure", environ={}, store=store) == AZURE_KEY
        assert resolve_target_key("openai", environ={}, store=store) == store.get()
        assert resolve_target_key("gw", environ={}, store=store) is None
        env = {"GW_KEY": "gw-key-from-env-000000000000"}
        assert resolve_target_key("gw", "GW_KEY", environ=env, store=store) == env["GW_KEY"]
    finally:
        store.delete(target="azure")
        store.delete()
    assert resolve_target_key("azure", environ={}, store=store) is None


def test_one_document_goes_to_both_targets_through_the_real_sdk_clients(
    tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    with two_targets(tmp_path, openai_server, azure_server, fast_settings()) as two:
        entry = two.doc("contract.pdf")
        ids = two.manager.enqueue([entry.id], targets=["openai", "azure"])
        two.manager.run_until_idle(ids, timeout=60)
        jobs = [two.manager.job(i) for i in ids]
        assert [j.state for j in jobs] == [JobState.DONE, JobState.DONE]
        assert [j.target for j in jobs] == ["openai", "azure"]
        # Each file id lives on the server that issued it, and only there.
        assert set(openai_server.files) == {jobs[0].file_id}
        assert set(azure_server.files) == {jobs[1].file_id}
        # Azure was called the Azure way: /openai/… with api-version, key in api-key.
        assert azure_server.api_versions and set(azure_server.api_versions) == {API_VERSION}
        # Queued again for both: reused, no duplicate on either server.
        again = two.manager.enqueue([entry.id], targets=["openai", "azure"])
        two.manager.run_until_idle(again, timeout=60)
        assert [two.manager.job(i).state for i in again] == [JobState.DONE, JobState.DONE]
        assert len(openai_server.files) == 1 and len(azure_server.files) == 1


def test_a_target_without_a_key_waits_while_the_other_uploads(
    tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    db = Database(tmp_path / "store.sqlite3")
    vault = Vault(db, tmp_path / "vault")
    tables = [TargetSettings(name="azure", kind="azure", endpoint=azure_server.base_url,
                             api_version=API_VERSION)]  # fmt: skip
    manager = UploadManager(
        db, vault, fast_settings(), credentials=lambda: openai_server.api_key,
        base_url=openai_server.base_url, targets=tables, target_key=lambda t: None,
    )  # fmt: skip
    try:
        src = tmp_path / "a.txt"
        src.write_text("hello " * 100)
        entry = vault.add_file(src, Source.CLI)
        to_openai, to_azure = manager.enqueue([entry.id], targets=["openai", "azure"])
        manager.run_until_idle([to_openai], timeout=60)
        assert manager.job(to_openai).state is JobState.DONE
        wait_for(lambda: manager.job(to_azure).state is JobState.QUEUED, 10)
        assert not azure_server.files
    finally:
        manager.stop(timeout=10)
        db.close()


def test_upload_to_an_unknown_target_is_one_clear_sentence(
    tmp_path: Path, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    from desktop_app.core.errors import UploadError

    with two_targets(tmp_path, openai_server, azure_server, fast_settings()) as two:
        entry = two.doc("x.txt")
        with pytest.raises(UploadError, match="no upload target named 'gcp'; the targets are"):
            two.manager.enqueue([entry.id], targets=["gcp"])
        assert two.manager.job_count() == 0


# -- failover, with the defaults and a compressed clock ----------------------------------------

SPEED = 300.0


@pytest.fixture
def fast_clock(openai_server: FakeOpenAI, azure_server: FakeOpenAI) -> Iterator[FastClock]:
    clock = FastClock(SPEED)
    openai_server.clock = azure_server.clock = clock
    yield clock
    openai_server.clock = azure_server.clock = time.time


@pytest.mark.parametrize("mode", ["ask", "auto"])
def test_a_primary_outage_fails_over_to_azure_once(
    tmp_path: Path,
    openai_server: FakeOpenAI,
    azure_server: FakeOpenAI,
    fast_clock: FastClock,
    mode: str,
) -> None:
    settings = UploadSettings()  # the defaults: failover "ask" after 5 minutes
    assert (settings.failover, settings.failover_after_minutes) == ("ask", 5.0)
    settings.failover = mode
    openai_server.outage(3 * 3600)  # server A: 503 for three hours
    with two_targets(
        tmp_path, openai_server, azure_server, settings, fast_clock, lease_seconds=3600.0
    ) as two:
        manager = two.manager
        entries = [two.doc(f"report-{i}.pdf") for i in range(3)]
        primary_ids = manager.enqueue([e.id for e in entries])
        manager.start()
        wait_for(lambda: manager.target_held("openai"), 60, "the primary held")
        held_at = fast_clock()
        if mode == "ask":
            wait_for(lambda: manager.failover_offer() is not None, 60, "an offer")
            offer = manager.failover_offer()
            assert offer is not None
            assert offer.text == "Upload 3 waiting documents to Azure instead"
            offered_after = fast_clock() - held_at
            assert offered_after >= 5 * 60  # not before the default five minutes
            assert not azure_server.files  # nothing happens until the user says so
            done = manager.accept_failover()
            assert done is not None and len(done.job_ids) == 3
            assert manager.accept_failover() is None  # once
        else:
            wait_for(lambda: manager.failover.done, 60, "the automatic failover")
            (done,) = manager.failover.done
        secondary = list(done.job_ids)
        wait_for(
            lambda: all(manager.job(i).state is JobState.DONE for i in secondary),
            60,
            "the documents uploaded to Azure",
        )
        available = max(manager.job(i).updated_at for i in secondary) - held_at
        print(f"\n[{mode}] primary held -> documents on the secondary: {available / 60:.1f} min")
        assert sorted(f.filename for f in azure_server.files.values()) == sorted(
            e.name for e in entries
        )
        assert not openai_server.files
        # The primary's jobs keep waiting for OpenAI; nothing was failed or cancelled.
        assert {manager.job(i).state for i in primary_ids} <= {
            JobState.QUEUED,
            JobState.WAITING_RETRY,
            JobState.UPLOADING,
        }
        assert {manager.job(i).target for i in secondary} == {"azure"}

"""Fixtures for the window-side UI tests (table model, window, settings dialog, drop zone).

Imported explicitly by those test modules (``from ui.conftest_window import ...``); the shared
``tests/ui/conftest.py`` only selects the offscreen platform. Rows are written straight into a
real on-disk store with ``executemany`` so a 100,000-row vault takes a second, not minutes.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QUrl

from desktop_app.core.store.db import Database
from desktop_app.paths import AppPaths

BASE_TIME = 1_780_000_000.0


def fake_sha(n: int) -> str:
    return hashlib.sha256(f"document-{n}".encode()).hexdigest()


def document_name(n: int) -> str:
    return f"report-{n:06d}.pdf"


def insert_documents(db: Database, count: int, *, first: int = 1) -> list[int]:
    """Insert ``count`` entries (each with its own blob row); returns their entry ids."""
    numbers = range(first, first + count)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO blobs (sha256, size, mime_type, stored_at) VALUES (?, ?, ?, ?)",
            ((fake_sha(n), 1000 + n, "application/pdf", BASE_TIME + n) for n in numbers),
        )
        conn.executemany(
            "INSERT INTO entries (sha256, name, original_path, source, added_at)"
            " VALUES (?, ?, ?, 'drop', ?)",
            (
                (fake_sha(n), document_name(n), f"/docs/{document_name(n)}", BASE_TIME + n)
                for n in numbers
            ),
        )
        rows = conn.execute("SELECT id FROM entries ORDER BY id DESC LIMIT ?", (count,)).fetchall()
    return sorted(int(r[0]) for r in rows)


@dataclass(frozen=True)
class JobSpec:
    entry_id: int
    state: str
    attempts: int = 1
    file_id: str | None = None
    error_kind: str | None = None
    error_message: str | None = None
    bytes_sent: int = 0
    next_attempt_at: float | None = None
    expires_at: float | None = None


def insert_jobs(db: Database, specs: Sequence[JobSpec]) -> list[int]:
    """Upload-job rows as the upload engine writes them; returns the job ids in order."""
    now = time.time()
    ids: list[int] = []
    with db.transaction() as conn:
        for spec in specs:
            entry = conn.execute(
                "SELECT e.sha256, e.name, b.size, b.mime_type FROM entries e"
                " JOIN blobs b ON b.sha256 = e.sha256 WHERE e.id = ?",
                (spec.entry_id,),
            ).fetchone()
            cursor = conn.execute(
                "INSERT INTO upload_jobs (entry_id, sha256, name, size, mime_type, target,"
                " purpose, state, attempts, next_attempt_at, error_kind, error_message,"
                " file_id, expires_at, bytes_sent, fallback_available, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, 'http://127.0.0.1:9/v1', 'user_data', ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?)",
                (
                    spec.entry_id,
                    entry[0],
                    entry[1],
                    entry[2],
                    entry[3],
                    spec.state,
                    spec.attempts,
                    spec.next_attempt_at,
                    spec.error_kind,
                    spec.error_message,
                    spec.file_id,
                    spec.expires_at,
                    spec.bytes_sent,
                    int(spec.state == "failed"),
                    now,
                    now,
                ),
            )
            ids.append(int(cursor.lastrowid or 0))
    return ids


def set_job(db: Database, job_id: int, **columns: object) -> None:
    """Change a job the way a worker would (used to drive live updates)."""
    names = ", ".join(f"{k} = ?" for k in columns)
    with db.transaction() as conn:
        conn.execute(f"UPDATE upload_jobs SET {names} WHERE id = ?", (*columns.values(), job_id))


@pytest.fixture(name="store")
def store_fixture(app_paths: AppPaths) -> Iterator[Database]:
    """A real, migrated SQLite store on disk."""
    db = Database(app_paths.database_file)
    yield db
    db.close()


@pytest.fixture(name="big_store", scope="module")
def big_store_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A store with 100,000 documents, built once per test module."""
    paths = AppPaths.under(tmp_path_factory.mktemp("big") / "home")
    paths.ensure()
    db = Database(paths.database_file)
    insert_documents(db, 100_000)
    yield db
    db.close()


@pytest.fixture(name="ui_service")
def ui_service_fixture(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A real :class:`Service` on a temp data root, with no API key and no workers running."""
    from desktop_app.core.service import Service

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    service = Service(app_paths)
    yield service
    from desktop_app.ui import tasks

    tasks.wait_for_all()
    service.close()


def _shown_window(qtbot: Any, service: Any) -> Iterator[Any]:
    """The main window over ``service``, with a real bridge, shown offscreen; closed after."""
    from desktop_app.ui import tasks
    from desktop_app.ui.bridge import ServiceBridge
    from desktop_app.ui.window import MainWindow

    bridge = ServiceBridge(service)
    bridge.attach()
    window = MainWindow(service, bridge, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    bridge.close()


@pytest.fixture(name="window")
def window_fixture(qtbot: Any, ui_service: Any) -> Iterator[Any]:
    """The main window over ``ui_service``, with a real bridge, shown offscreen."""
    from desktop_app.ui import tasks

    yield from _shown_window(qtbot, ui_service)
    tasks.wait_for_all()


def url_mime(*targets: Path | str) -> QMimeData:
    """Mime data as a file manager puts it on a drag or the clipboard (file URLs)."""
    mime = QMimeData()
    mime.setUrls([QUrl(t) if isinstance(t, str) else QUrl.fromLocalFile(str(t)) for t in targets])
    return mime


@pytest.fixture(name="upload_service")
def upload_service_fixture(
    app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, openai_server: Any
) -> Iterator[Any]:
    """A real service whose upload workers talk to the loopback OpenAI server.

    One attempt per job and millisecond backoff (the same settings users have), so a failure is
    final at once and tests poll state instead of sleeping.
    """
    from desktop_app.core.service import Service

    app_paths.settings_file.write_text(
        "[upload]\n"
        f'base_url = "{openai_server.base_url}"\n'
        "max_attempts = 1\nbackoff_base = 0.01\nbackoff_cap = 0.05\nconcurrency = 2\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    service = Service(app_paths)
    service.uploads.start()
    yield service
    from desktop_app.ui import tasks

    tasks.wait_for_all()
    service.close()


@pytest.fixture(name="upload_window")
def upload_window_fixture(qtbot: Any, upload_service: Any) -> Iterator[Any]:
    """The main window over ``upload_service`` (workers running), shown offscreen."""
    from desktop_app.ui import tasks

    yield from _shown_window(qtbot, upload_service)
    upload_service.uploads.stop()
    tasks.wait_for_all()


def drag_event(kind: type[Any], mime: QMimeData) -> Any:
    """A drag-enter or drop event at (10, 10) offering copy or move, as a file manager sends.

    Qt 6.12 takes the position as QPointF (QPoint is deprecated there); older 6.x builds
    accept only QPoint for drag-enter events.
    """
    import PySide6
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDropEvent

    # Asked by version, not by trial: a call with wrong argument types makes shiboken build
    # its error text through a deprecated API, which aborts under filterwarnings=error.
    new_api = kind is QDropEvent or tuple(PySide6.__version_info__[:2]) >= (6, 12)
    position = QPointF(10, 10) if new_api else QPoint(10, 10)
    return kind(
        position,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )

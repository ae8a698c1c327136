"""The status bar and the themes: what the window says about the queue, in plain words."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui.conftest_window import ui_service_fixture, window_fixture  # noqa: F401 - fixtures

from desktop_app.core.uploads import PauseReason, QueueStatus
from desktop_app.core.uploads.queue import JobState
from desktop_app.ui import theme
from desktop_app.ui.status_view import describe_queue


def _status(
    counts: dict[JobState, int] | None = None,
    paused: PauseReason | None = None,
    breaker_open: bool = False,
    next_retry_at: float | None = None,
    sent: int = 0,
    total: int = 0,
) -> QueueStatus:
    return QueueStatus(counts or {}, paused, breaker_open, next_retry_at, total, sent)


def _fixed_time(_epoch: float | None) -> str:
    return "14:05"


def test_queue_counts_and_progress_in_words() -> None:
    status = _status(
        {JobState.UPLOADING: 2, JobState.QUEUED: 5, JobState.FAILED: 1, JobState.DONE: 9},
        sent=250,
        total=1000,
    )
    queue, service, kind = describe_queue(status, _fixed_time)
    assert queue == "2 uploading · 5 queued · 1 failed (25%)"
    assert (service, kind) == ("Some uploads need attention", "warning")
    assert describe_queue(_status({JobState.DONE: 3}), _fixed_time)[:2] == (
        "All uploads done",
        "Ready",
    )


@pytest.mark.parametrize(
    ("reason", "expected", "kind"),
    [
        (PauseReason.USER, "Uploads paused by you", "warning"),
        (PauseReason.NO_KEY, "Uploads paused until you add an API key", "warning"),
        (PauseReason.AUTH, "the API key was rejected", "error"),
        (PauseReason.RATE_LIMIT, "rate limited by the service; next try 14:05", "warning"),
        (PauseReason.BREAKER, "Service trouble: too many failures in a row; next try", "error"),
        (PauseReason.SERVICE_OUTAGE, "the provider reports an outage", "error"),
    ],
)
def test_every_pause_reason_is_explained(reason: PauseReason, expected: str, kind: str) -> None:
    status = _status({JobState.WAITING_RETRY: 1}, paused=reason, next_retry_at=1.0)
    queue, service, got_kind = describe_queue(status, _fixed_time)
    assert queue == "1 waiting to retry"
    assert expected in service
    assert got_kind == kind


def test_status_bar_shows_the_live_queue(qtbot: QtBot, window: Any) -> None:
    qtbot.waitUntil(lambda: window.service_label.text() != "", timeout=30_000)
    window._service.uploads.pause()
    window.refresh_status()
    qtbot.waitUntil(lambda: "paused by you" in window.service_label.text(), timeout=30_000)
    window._service.uploads.resume()
    window.refresh_status()
    qtbot.waitUntil(lambda: "paused" not in window.service_label.text(), timeout=30_000)


def test_forced_themes_and_readable_status_colours(qtbot: QtBot, window: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        theme.apply_theme(app, "dark")
        palette = app.palette()
        assert theme.is_dark(palette)
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        assert abs(text.lightness() - base.lightness()) > 120  # high contrast
        error = theme.status_color("error", palette)
        assert abs(error.lightness() - base.lightness()) > 80
        theme.apply_theme(app, "light")
        assert not theme.is_dark(app.palette())
        assert theme.theme_manager(app).choice is theme.ThemeChoice.LIGHT
        theme.apply_theme(app, "no-such-theme")  # a typo in the file follows the system
        assert theme.theme_manager(app).choice is theme.ThemeChoice.SYSTEM
    finally:
        theme.apply_theme(app, "system")

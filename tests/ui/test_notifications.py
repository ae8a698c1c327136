"""What notices say: plain words, one per burst, the documents they are about."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.uploads.queue import JobState, JobView
from desktop_app.core.uploads.retry import ErrorKind
from desktop_app.ui.desktop_notify import URGENCY_CRITICAL, Posting, notify_body
from desktop_app.ui.notifications import (
    NoticeDisplay,
    _classify,
    _Item,
    failure_notice,
    success_notice,
)


def item(job_id: int, name: str, kind: str, reason: str = "OpenAI refused the file") -> _Item:
    return _Item(job_id, job_id * 10, name, kind, reason)


def test_single_expiry_says_what_happened_and_what_a_click_does() -> None:
    notice = failure_notice([item(1, "offer.pdf", "expired")])
    assert notice.title == "Upload expired"
    assert notice.text == (
        "\u201coffer.pdf\u201d expired on OpenAI's side. It is still backed up here. "
        "Click to copy its text and paste that instead."
    )
    assert notice.entry_ids == (10,)


def test_single_permanent_failure_gives_the_reason_in_plain_words() -> None:
    notice = failure_notice([item(2, "huge.zip", "failed", "it is larger than OpenAI accepts")])
    assert notice.title == "Upload failed"
    assert "\u201chuge.zip\u201d could not be uploaded: it is larger than OpenAI accepts." in (
        notice.text
    )


def test_a_burst_is_summarised_in_one_notice() -> None:
    items = [item(i, f"doc{i}.txt", "expired" if i < 3 else "failed") for i in range(1, 6)]
    notice = failure_notice(items)
    assert notice.title == "5 uploads need attention"
    assert notice.text.startswith("5 documents could not be uploaded (2 expired, 3 failed).")
    assert notice.entry_ids == (10, 20, 30, 40, 50)


def test_success_notice() -> None:
    assert success_notice([item(1, "a.txt", "done")]).text == "\u201ca.txt\u201d was uploaded."
    assert success_notice([item(1, "a", "done"), item(2, "b", "done")]).text == (
        "2 documents were uploaded."
    )


def _job(job_id: int, state: str, error_kind: str | None) -> JobView:
    return JobView(
        id=job_id, entry_id=job_id, name=f"doc{job_id}", sha256="0" * 64, size=1,
        state=JobState(state), attempts=1, next_attempt_at=None,
        error_kind=None if error_kind is None else ErrorKind(error_kind), error_message=None,
        http_status=None, request_id=None, file_id=None, expires_at=None, bytes_sent=0,
        fallback_available=error_kind == "expired", created_at=0.0, updated_at=0.0,
    )  # fmt: skip


def test_which_job_changes_deserve_a_notice() -> None:
    kinds = {
        i.job_id: i.kind
        for i in _classify(
            [
                _job(1, "waiting_retry", "expired"),  # fallback ready at once
                _job(2, "failed", "expired"),  # still an expiry to the user
                _job(3, "failed", "too_large"),
                _job(4, "waiting_retry", "server"),  # retried quietly
                _job(5, "uploading", None),
                _job(6, "done", None),
                _job(7, "cancelled", "expired"),  # the user cancelled it: nothing to say
            ]
        )
    }
    assert kinds == {1: "expired", 2: "expired", 3: "failed", 6: "done"}


# -- showing a notice: desktop notification with buttons, or the tray balloon ------------------


class _FakeDesktop(QObject):
    """Stands in for ``DesktopNotifications`` (our own seam); the real server is in the e2e."""

    posted = Signal(int, int)
    failed = Signal(int, str)
    action_invoked = Signal(int, str)
    closed = Signal(int, int)

    def __init__(self, available: bool) -> None:
        super().__init__()
        self.available = available
        self.postings: list[Posting] = []
        self.closed_ids: list[int] = []

    def notify(self, posting: Posting) -> int:
        self.postings.append(posting)
        return len(self.postings)

    def close_notification(self, notification_id: int) -> None:
        self.closed_ids.append(notification_id)


def _display(desktop: _FakeDesktop | None) -> tuple[NoticeDisplay, dict[str, list[Any]]]:
    calls: dict[str, list[Any]] = {"balloon": [], "copy": [], "retry": [], "open": []}
    display = NoticeDisplay(
        lambda notice, click: calls["balloon"].append((notice.title, click)),
        lambda ids: calls["copy"].append(list(ids)),
        lambda ids: calls["retry"].append(list(ids)),
        lambda ids: calls["open"].append(list(ids)),
        desktop=desktop,  # type: ignore[arg-type]
    )
    return display, calls


def test_a_failure_gets_buttons_that_act_on_its_documents(qapp: Any) -> None:
    desktop = _FakeDesktop(available=True)
    display, calls = _display(desktop)
    notice = failure_notice([item(3, "offer.pdf", "expired"), item(4, "plan.pdf", "failed")])
    display.show(notice)
    (posting,) = desktop.postings
    assert posting.sticky  # stays until dismissed
    assert [label for _key, label in posting.actions][-3:] == ["Copy text", "Retry", "Open"]
    assert "Click" not in posting.body
    desktop.posted.emit(1, 77)
    for key in ("copy", "open", "retry"):
        desktop.action_invoked.emit(77, key)
    assert calls["copy"] == [[30, 40]] and calls["open"] == [[30, 40]]
    assert calls["retry"] == [[3, 4]]  # the jobs, requeued
    assert desktop.closed_ids == [77]  # retried: the notice has done its job
    desktop.action_invoked.emit(12, "copy")  # another application's notification
    assert calls["copy"] == [[30, 40]]
    assert calls["balloon"] == []


def test_without_action_buttons_or_when_refused_the_balloon_copies_on_click(qapp: Any) -> None:
    notice = failure_notice([item(5, "memo.txt", "failed")])
    for desktop in (None, _FakeDesktop(available=False)):
        display, calls = _display(desktop)
        display.show(notice)
        ((title, click),) = calls["balloon"]
        assert title == "Upload failed"
        click()
        assert calls["copy"] == [[50]]
    refusing = _FakeDesktop(available=True)
    display, calls = _display(refusing)
    display.show(notice)
    refusing.failed.emit(1, "org.freedesktop.DBus.Error.ServiceUnknown: gone")
    assert [title for title, _click in calls["balloon"]] == ["Upload failed"]


def test_the_notify_call_asks_failures_to_stay() -> None:
    sticky = notify_body("AttachGuard", "app.id", Posting("T", "B", (("copy", "Copy text"),), True))
    name, replaces, _icon, title, body, actions, hints, timeout = sticky
    assert (name, replaces, title, body, actions, timeout) == (
        "AttachGuard", 0, "T", "B", ["copy", "Copy text"], 0,
    )  # fmt: skip
    assert hints["urgency"] == ("y", URGENCY_CRITICAL) and hints["resident"] == ("b", True)
    passing = notify_body("AttachGuard", "app.id", Posting("T", "B"))
    assert passing[-1] == 10_000 and "resident" not in passing[6]

"""The failover offer in the app, against two loopback servers and the defaults on a fast clock.

Real parts: a Service on a temporary data root whose settings file lists an Azure target (its
key in an environment variable named by ``api_key_env``), the upload engine with every default
(failover "ask" after 5 minutes), the real SDK clients, the tray's menu and the notice display
(no desktop notification server: tray messages). OpenAI answers 503 for hours; the fast clock
compresses engine time 300 times, so what is printed in minutes is what a user would wait.
"""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot
from support.openai_server import FakeOpenAI
from ui.targets_rig import (  # noqa: F401 - fixtures
    WAIT_MS,
    Rig,
    ask_rig_fixture,
    auto_rig_fixture,
    azure_server_fixture,
)
from ui.test_notifications import _FakeDesktop

from desktop_app.core.uploads import FailoverOffer, JobState
from desktop_app.settings import UploadSettings
from desktop_app.ui.failover_offer import ACCEPT_KEY, offer_notice
from desktop_app.ui.notifications import Notice, NoticeDisplay
from desktop_app.ui.tray import TrayController


def _menu_texts(tray: TrayController) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.isVisible() and a.text()]


def _landed(rig: Rig, qtbot: QtBot) -> tuple[Notice, float]:
    with qtbot.waitSignal(
        rig.presenter.noticed,
        timeout=WAIT_MS,
        check_params_cb=lambda n: n.title == "Uploaded to Azure instead",
    ) as blocker:
        pass
    notice = blocker.args[0]
    return notice, rig.clock()


def test_ask_offers_in_the_tray_and_a_notice_and_accepting_uploads_to_azure_once(
    qtbot: QtBot, ask_rig: Rig, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    rig, service = ask_rig, ask_rig.service
    defaults = UploadSettings()
    assert (
        (service.settings.upload.failover, service.settings.upload.failover_after_minutes)
        == (
            defaults.failover,
            defaults.failover_after_minutes,
        )
        == ("ask", 5.0)
    )
    openai_server.outage(3 * 3600)  # OpenAI: 503 for three hours
    entries = rig.add(3)
    service.start(uploads=True)
    qtbot.waitUntil(lambda: service.uploads.target_held("openai"), timeout=WAIT_MS)
    held_at = rig.clock()
    with qtbot.waitSignal(rig.tray.view_changed, timeout=WAIT_MS) as seen:
        rig.tray.refresh()
    steps = [("0.0", f"OpenAI held; the tray says: {seen.args[0].tooltip!r}")]

    with qtbot.waitSignal(
        rig.presenter.offer_changed, timeout=WAIT_MS, check_params_cb=lambda o: o is not None
    ):
        pass
    offered_at = rig.clock()
    assert offered_at - held_at >= 5 * 60  # never before the default five minutes
    text = "Upload 3 waiting documents to Azure instead"
    assert text in _menu_texts(rig.tray)
    ((notice, click),) = rig.balloons  # the offer, once, as a tray message
    assert notice.title == "OpenAI uploads are held"
    assert "3 documents are waiting" in notice.text
    assert "Upload them to Azure instead?" in notice.text
    assert click is not None
    assert not azure_server.files  # nothing happens until the user says so
    steps.append((f"{(offered_at - held_at) / 60:.1f}", f"notice + tray entry: {text}"))

    rig.presenter.action.trigger()  # the user picks the tray entry
    qtbot.waitUntil(lambda: text not in _menu_texts(rig.tray), timeout=WAIT_MS)
    (failover,) = service.failovers()
    assert failover.secondary == "azure" and len(failover.job_ids) == 3
    notice, landed_at = _landed(rig, qtbot)
    available = max(service.uploads.job(i).updated_at for i in failover.job_ids) - held_at
    steps.append((f"{available / 60:.1f}", "all three documents have file ids on Azure"))
    steps.append((f"{(landed_at - held_at) / 60:.1f}", f"after-notice: {notice.text}"))

    jobs = [service.uploads.job(i) for i in failover.job_ids]
    assert {j.state for j in jobs} == {JobState.DONE}
    assert sorted(azure_server.files) == sorted(j.file_id for j in jobs)  # once each
    assert not openai_server.files
    assert notice.text.endswith("are now on Azure; they stay there when OpenAI recovers.")
    for job in jobs:
        assert f"\u201c{job.name}\u201d ({job.file_id})" in notice.text
    assert {e for e in notice.entry_ids} == set(entries)
    assert service.failover_offer() is None and service.accept_failover() is None  # once
    # The primary's jobs still wait for OpenAI: nothing failed or cancelled.
    waiting = [j for j in service.uploads.jobs() if j.target == "openai"]
    assert len(waiting) == 3 and all(j.state is not JobState.FAILED for j in waiting)
    print("\n[ask] fake-clock minutes after OpenAI was held: what the user sees")
    for minute, what in steps:
        print(f"  {minute:>5}  {what}")


def test_auto_uploads_to_azure_and_only_says_so_afterwards(
    qtbot: QtBot, auto_rig: Rig, openai_server: FakeOpenAI, azure_server: FakeOpenAI
) -> None:
    rig, service = auto_rig, auto_rig.service
    openai_server.outage(3 * 3600)
    rig.add(2)
    service.start(uploads=True)
    qtbot.waitUntil(lambda: service.uploads.target_held("openai"), timeout=WAIT_MS)
    held_at = rig.clock()
    notice, landed_at = _landed(rig, qtbot)
    (failover,) = service.failovers()
    available = max(service.uploads.job(i).updated_at for i in failover.job_ids) - held_at
    assert available >= 5 * 60
    assert notice.text.endswith("are now on Azure; they stay there when OpenAI recovers.")
    assert len(azure_server.files) == 2 and not openai_server.files
    # No offer was made: no offer notice and no tray entry, only the after-notice.
    assert [n.title for n, _click in rig.balloons] == ["Uploaded to Azure instead"]
    assert not any("waiting documents to" in t for t in _menu_texts(rig.tray))
    print(
        f"\n[auto] OpenAI held -> on Azure: {available / 60:.1f} min; after-notice at "
        f"{(landed_at - held_at) / 60:.1f} min: {notice.text}"
    )


def test_the_offer_has_a_button_on_desktops_that_show_them(qapp: Any) -> None:
    desktop = _FakeDesktop(available=True)
    display = NoticeDisplay(
        lambda n, c: None, lambda ids: None, lambda ids: None, lambda ids: None, desktop=desktop
    )  # type: ignore[arg-type]
    taken: list[Notice] = []
    display.on_action(ACCEPT_KEY, taken.append)
    offer = FailoverOffer("openai", "azure-eu", "azure-eu", 1, 0.0)
    notice = offer_notice(offer, "OpenAI", 5.0)
    display.show(notice)
    (posting,) = desktop.postings
    assert posting.actions == ((ACCEPT_KEY, "Upload to azure-eu instead"),)
    assert "1 document is waiting" in posting.body
    desktop.posted.emit(1, 41)
    desktop.action_invoked.emit(41, "copy")  # not a button of this notice: nothing happens
    assert taken == []
    desktop.action_invoked.emit(41, ACCEPT_KEY)
    assert taken == [notice] and desktop.closed_ids == [41]

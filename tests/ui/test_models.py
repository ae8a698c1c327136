"""The document table over a real store: paging through 100,000 rows, live job updates, filters."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui.conftest_window import (  # noqa: F401 - fixtures
    JobSpec,
    big_store_fixture,
    document_name,
    insert_documents,
    insert_jobs,
    set_job,
    store_fixture,
)

from desktop_app.core.store.db import Database
from desktop_app.core.store.listing import DocumentListing
from desktop_app.ui.models import (
    PAGE_SIZE,
    PROGRESS_ROLE,
    ROW_ROLE,
    Column,
    DocumentFilterProxy,
    DocumentTableModel,
    StatusFilter,
)

N = 100_000


def _text(model: DocumentTableModel, row: int, column: Column) -> str:
    return str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))


def test_100k_rows_open_with_one_page_and_page_in_order(big_store: Database) -> None:
    model = DocumentTableModel(DocumentListing(big_store))
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    # Newest first: the last inserted document is on top.
    assert _text(model, 0, Column.NAME) == document_name(N)
    assert _text(model, PAGE_SIZE - 1, Column.NAME) == document_name(N - PAGE_SIZE + 1)

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    assert _text(model, PAGE_SIZE, Column.NAME) == document_name(N - PAGE_SIZE)

    model.fetch_all()
    assert model.rowCount() == N
    assert not model.canFetchMore(QModelIndex())
    assert _text(model, N - 1, Column.NAME) == document_name(1)
    assert _text(model, N - 1, Column.SIZE) == "1001 B"
    assert _text(model, N - 1, Column.STATUS) == "Backed up"
    # Every row is present exactly once, in strictly descending id order.
    ids = [model.row_at(i).entry_id for i in range(N)]
    assert ids == sorted(set(ids), reverse=True)
    assert model.row_of(ids[54_321]) == 54_321


def test_filter_on_100k_rows_finds_matches_beyond_the_first_page(
    qtbot: QtBot, big_store: Database
) -> None:
    model = DocumentTableModel(DocumentListing(big_store))
    proxy = DocumentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("REPORT-00001")  # case-insensitive; matches 000010..000019 and 000001 x
    assert proxy.rowCount() == 0  # not loaded yet: the first page holds 99001..100000
    model.fetch_all()
    names = sorted(proxy.source_row(r).name for r in range(proxy.rowCount()))
    assert names == [document_name(n) for n in range(10, 20)]


def test_model_passes_qt_model_tester(qtbot: QtBot, store: Database) -> None:
    insert_documents(store, 2_500)
    model = DocumentTableModel(DocumentListing(store), page_size=1000)
    tester = ModelTester(qtbot)
    tester.check(model, force_py=True)
    model.fetch_all()
    assert model.rowCount() == 2_500


def test_job_state_shows_in_the_row_and_updates_in_place(qtbot: QtBot, store: Database) -> None:
    ids = insert_documents(store, 30)
    done, failed, uploading, waiting = ids[0], ids[1], ids[2], ids[3]
    later = time.time() + 3600
    jobs = insert_jobs(
        store,
        [
            JobSpec(done, "done", file_id="file-abc123", expires_at=later),
            JobSpec(
                failed,
                "failed",
                attempts=8,
                error_kind="expired",
                error_message="The file has expired",
            ),
            JobSpec(uploading, "uploading", bytes_sent=0),
            JobSpec(
                waiting, "waiting_retry", attempts=3, error_kind="network", next_attempt_at=later
            ),
        ],
    )
    model = DocumentTableModel(DocumentListing(store))
    row = {e: model.row_of(e) for e in ids}
    assert _text(model, row[done], Column.STATUS) == "Uploaded"
    assert _text(model, row[done], Column.FILE_ID) == "file-abc123"
    assert _text(model, row[done], Column.EXPIRES) != ""
    assert _text(model, row[failed], Column.STATUS) == "Failed: the remote file expired"
    tip = model.data(model.index(row[failed], Column.STATUS), Qt.ItemDataRole.ToolTipRole)
    assert "The file has expired" in tip and "Copy text instead" in tip
    assert _text(model, row[waiting], Column.ATTEMPTS).startswith("3 · next ")
    assert _text(model, row[waiting], Column.STATUS).endswith("(network problem)")
    assert model.data(model.index(row[uploading], Column.STATUS), PROGRESS_ROLE) == 0.0

    # A worker reports progress: only that row changes, and it shows the new fraction.
    entry = model.row_at(row[uploading])
    set_job(store, jobs[2], bytes_sent=entry.size // 2)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_jobs({jobs[2]})
    assert blocker.args[0].row() == row[uploading] == blocker.args[1].row()
    progress = model.data(model.index(row[uploading], Column.STATUS), PROGRESS_ROLE)
    assert progress == (entry.size // 2) / entry.size
    assert _text(model, row[uploading], Column.STATUS) == "Uploading 50%"

    # A retry creates a newer job for the same entry: the row follows the latest job.
    new_job = insert_jobs(store, [JobSpec(failed, "queued", attempts=0)])[0]
    model.update_jobs({new_job})
    assert model.row_at(row[failed]).job_id == new_job
    assert _text(model, row[failed], Column.STATUS) == "Queued"


def test_new_and_removed_entries(qtbot: QtBot, store: Database) -> None:
    insert_documents(store, 5)
    model = DocumentTableModel(DocumentListing(store))
    assert model.rowCount() == 5
    fresh = insert_documents(store, 3, first=100)
    with qtbot.waitSignal(model.rowsInserted):
        assert model.refresh_new() == 3
    assert [model.row_at(i).entry_id for i in range(3)] == sorted(fresh, reverse=True)
    # A job for an entry that appeared meanwhile brings it in on top as well.
    late = insert_documents(store, 1, first=200)[0]
    job = insert_jobs(store, [JobSpec(late, "queued", attempts=0)])[0]
    model.update_jobs({job})
    assert model.row_at(0).entry_id == late
    assert _text(model, 0, Column.STATUS) == "Queued"

    model.remove_entries([fresh[0], late])
    assert model.rowCount() == 7
    assert model.row_of(late) is None
    with store.transaction() as conn:
        conn.execute("DELETE FROM entries WHERE id = ?", (fresh[1],))
    model.drop_missing()
    assert model.row_of(fresh[1]) is None
    assert model.rowCount() == 6


def test_status_filter_follows_live_changes(qtbot: QtBot, store: Database) -> None:
    ids = insert_documents(store, 4)
    jobs = insert_jobs(
        store,
        [JobSpec(ids[0], "done", file_id="file-1"), JobSpec(ids[1], "uploading")],
    )
    model = DocumentTableModel(DocumentListing(store))
    proxy = DocumentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status(StatusFilter.FAILED)
    assert proxy.rowCount() == 0
    proxy.set_status(StatusFilter.NOT_UPLOADED)
    assert {proxy.source_row(r).entry_id for r in range(proxy.rowCount())} == set(ids[2:])
    proxy.set_status(StatusFilter.IN_PROGRESS)
    assert proxy.rowCount() == 1
    # The upload fails: it leaves "in progress" and shows up under "failed".
    set_job(store, jobs[1], state="failed", error_kind="server", error_message="500")
    model.update_jobs({jobs[1]})
    assert proxy.rowCount() == 0
    proxy.set_status(StatusFilter.FAILED)
    assert [proxy.source_row(r).entry_id for r in range(proxy.rowCount())] == [ids[1]]
    proxy.set_text("nothing-like-this")
    assert proxy.rowCount() == 0
    proxy.set_text("")
    proxy.set_status(StatusFilter.ALL)
    assert proxy.rowCount() == 4
    row = proxy.data(proxy.index(0, 0), ROW_ROLE)
    assert row.entry_id == max(ids)

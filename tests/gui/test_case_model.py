"""The case list model: lazy pages, SQL sorting, kept selection; checked by qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.case_model import CASE_ID_ROLE, COLUMNS, CaseTableModel
from desktop.formatting import local_time
from desktop.views_panel import VIEWS, ViewsModel
from inbox.model import Channel
from inbox.services import CaseQuery

pytestmark = pytest.mark.gui


def references(model: CaseTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_modeltester_with_pages_and_sorting(loket, qtmodeltester):
    model = CaseTableModel(loket, CaseQuery(), page_size=4)
    assert model.total() == 6
    assert model.rowCount() == 4 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 6 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)

    for column in range(len(COLUMNS)):
        model.sort(column, Qt.SortOrder.AscendingOrder)
        qtmodeltester.check(model)


def test_columns_and_cells(loket, sample):
    model = CaseTableModel(loket, CaseQuery(sort="reference", descending=False))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Case", "Subject", "Resident", "Channel", "Status", "Handled by",
                       "Last message", "Messages", "Answer by"]
    row = model.row_of(sample.ids["parkeren"])
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells[0] == sample.references["parkeren"]
    assert cells[1:6] == ["Parkeervergunning bezoekers", "Fatima el Hadi", "E-mail",
                          "In progress", "Anna de Vries"]
    assert len(cells[6]) == len("02-03-2026 09:02") and cells[6][2] == "-"
    assert cells[7] == 1
    # antwoord uiterlijk: 2 working days from its arrival, at closing time (17:00 Amsterdam)
    due = loket.case_detail(sample.references["parkeren"]).summary.due_at
    assert due == "2026-03-04T16:00:00Z" and cells[8] == local_time(due)[:5] + local_time(due)[10:]
    assert model.index(row, 0).data(CASE_ID_ROLE) == sample.ids["parkeren"]


def test_sort_requeries_sql(loket):
    model = CaseTableModel(loket, CaseQuery())
    model.sort(0, Qt.SortOrder.AscendingOrder)
    ascending = references(model)
    assert ascending == sorted(ascending)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert references(model) == list(reversed(ascending))
    model.sort(2, Qt.SortOrder.AscendingOrder)  # Inwoner: by contact name
    names = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=str.lower)
    before = references(model)
    model.sort(7, Qt.SortOrder.AscendingOrder)  # message count: not sortable in SQL, no change
    assert references(model) == before


def _count_summary_reads(loket, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """How many summaries each read of the model asks for, in order."""
    asked: list[int] = []
    original = loket.case_summaries

    def counting(ids):  # type: ignore[no-untyped-def]
        asked.append(len(ids))
        return original(ids)

    monkeypatch.setattr(loket, "case_summaries", counting)
    return asked


def test_rows_are_fetched_a_page_at_a_time(loket, monkeypatch):
    asked = _count_summary_reads(loket, monkeypatch)
    model = CaseTableModel(loket, CaseQuery(), page_size=2)
    for row in range(model.rowCount()):
        model.index(row, 1).data()
    assert asked == [2]  # one page, then served from the cache
    assert model.rowCount() == 2 and model.total() == 6  # ids are paged in SQL too
    last = loket.case_ids(CaseQuery())[-1]
    assert model.row_of(last) == 5  # fetches pages until the row is there
    assert model.rowCount() == 6


def test_summaries_are_read_a_screenful_at_a_time(loket, qapp, monkeypatch):
    from desktop.case_table import CaseTable

    asked = _count_summary_reads(loket, monkeypatch)
    model = CaseTableModel(loket, CaseQuery())
    model.fill_rows = 2
    for row in range(model.rowCount()):
        model.index(row, 1).data()
    assert asked == [2, 2, 2]  # the six cases, two rows per read
    table = CaseTable(model)
    table.resize(900, 40 * table.verticalHeader().defaultSectionSize())
    table.show()
    qapp.processEvents()
    shown = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert shown >= 30 and shown < model.fill_rows <= shown + 2  # what the table shows
    table.close()


def test_refresh_keeps_loaded_rows_and_sees_new_cases(loket, sample):
    model = CaseTableModel(loket, CaseQuery(), page_size=2)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4
    loket.add_note(sample.references["boom"], "Buitendienst is gebeld.")
    loket.log_contact(Channel.PHONE, name="Kees", question="Waar is de milieustraat?")
    model.refresh()
    assert model.total() == 7 and model.rowCount() == 4


def test_changed_cases_update_their_rows_in_place(loket, sample, qtmodeltester):
    model = CaseTableModel(loket, CaseQuery(sort="reference", descending=False))
    qtmodeltester.check(model)
    row = model.row_of(sample.ids["subsidie"])
    assert model.index(row, 5).data() == ""
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    changes = loket.assign(sample.references["subsidie"], "bram")
    model.update_cases(changes.cases)
    assert resets == [] and changed == [(row, row)]  # in place: selection and scroll stay
    assert model.index(row, 5).data() == "Bram Jansen"
    assert model.index(row, 4).data() == "In progress"
    qtmodeltester.check(model)


def test_a_case_that_leaves_the_list_is_read_again(loket, sample):
    model = CaseTableModel(loket, CaseQuery(statuses=("nieuw",)))
    assert sample.references["subsidie"] in references(model)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.update_cases(loket.assign(sample.references["subsidie"], "bram").cases)
    assert resets == [1] and sample.references["subsidie"] not in references(model)
    assert model.total() == len(references(model))


def test_views_model_counts(loket, qtmodeltester):
    from datetime import UTC, datetime

    loket.now = lambda: datetime(2026, 6, 1, tzinfo=UTC)  # months after the sample's mail
    views = ViewsModel(loket)
    qtmodeltester.check(views)
    counts = {v.key: views.count(v.key) for v in VIEWS}
    assert counts == {"open": 5, "nieuw": 3, "mine": 0, "wacht_op_inwoner": 1,
                      "afgerond": 1, "all": 6, "vandaag": 0, "te_laat": 4, "terugbellen": 0,
                      "bij_vakafdeling": 0}
    # open cases per channel, under a header that cannot be chosen
    keys = [v.key for v in views.views]
    assert keys[len(VIEWS):] == ["h:channels", "channel:email", "channel:phone",
                                 "channel:counter"]
    assert views.count("channel:email") == 4 and views.count("channel:counter") == 0
    header = views.index(keys.index("h:channels"))
    assert not header.flags() & Qt.ItemFlag.ItemIsSelectable


def test_my_cases_and_saved_searches(loket, qtmodeltester):
    from inbox import workspace

    loket.user = "anna"
    workspace.save_search(loket, workspace.SavedSearch("Afval", "afvalpas"))
    views = ViewsModel(loket)
    qtmodeltester.check(views)
    assert views.count("mine") == 1  # the parking permit
    assert views.count("saved:Afval") == 1
    row = views.row_of("saved:Afval")
    assert row is not None and views.index(row).data() == "Afval"

"""The main window: views, the case list, search and the case pane, driven like a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def listed(window) -> set[str]:
    model = window.cases
    return {model.index(r, 0).data() for r in range(model.rowCount())}


def test_window_opens_on_open_cases(window, sample, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert window.views.current_view().key == "open"
    assert window.cases.total() == sample.open_count == 5
    assert sample.references["balie"] not in listed(window)
    assert window.list_count.text() == "5 case(s) in this list"
    assert window.totals.text() == "Open: 5 · New: 3"
    assert window.case_view.title.text() == "No case selected"


def test_switching_views_changes_rows_and_counts(window, sample):
    window.views.choose("afgerond")
    assert listed(window) == {sample.references["balie"]}
    window.views.choose("wacht_op_inwoner")
    assert listed(window) == {sample.references["boom"]}
    window.views.choose("all")
    assert window.cases.total() == 6
    assert window.list_count.text() == "6 case(s) in this list"


def test_search_box_filters_after_a_short_pause(window, sample, qtbot):
    assert window.search.placeholderText() == "Search all cases…"
    qtbot.keyClicks(window.search, "afvalp")
    assert window.cases.total() == 5  # debounced: nothing yet
    qtbot.waitUntil(lambda: window.cases.total() == 1, timeout=2000)
    assert listed(window) == {sample.references["afval"]}
    assert window.views.current_view().key == "all"  # searching spans all cases
    assert window.list_count.text() == "1 case(s) found"

    window.search.clear()
    window.apply_search()
    assert window.cases.total() == 6

    # a search finds closed cases too, and a view narrows it again
    qtbot.keyClicks(window.search, "uittreksel")
    window.apply_search()
    assert listed(window) == {sample.references["balie"]}
    window.views.choose("open")
    assert window.cases.total() == 0


def test_search_by_reference(window, sample):
    window.search.setText(sample.references["subsidie"])
    window.apply_search()
    assert listed(window) == {sample.references["subsidie"]}


def test_selecting_a_case_shows_its_timeline_escaped(window, sample, qtbot):
    window.table.select_case(sample.ids["afval"])
    view = window.case_view
    assert view.title.text() == f"{sample.references['afval']} · Vraag over afvalpas"
    assert "Jan Bakker" in view.contact.text()
    assert "j.bakker@example.nl" in view.addresses.text()
    text = view.timeline_text()
    assert "Mijn afvalpas werkt niet meer" in text
    assert "Nieuwe pas aangevraagd bij de milieustraat." in text  # the note
    assert "Internal note" in text and "Zaak geopend" in text  # an event

    window.table.select_case(sample.ids["boom"])
    text = window.case_view.timeline_text()
    assert "<b>niet vet</b>" in text  # shown as text, not as markup
    assert '<img src="http://tracker.example/x.png">' in text
    assert "Waiting for resident" in window.case_view.status.text()
    assert "Bram Jansen" in window.case_view.status.text()


def test_selection_survives_refresh_and_sorting(window, sample, loket):
    window.table.select_case(sample.ids["parkeren"])
    loket.add_note(sample.references["parkeren"], "Formulier gemaild.")
    window.refresh()
    assert window.table.selected_case_id() == sample.ids["parkeren"]
    assert "Formulier gemaild." in window.case_view.timeline_text()
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert window.table.selected_case_id() == sample.ids["parkeren"]
    assert window.cases.query.sort == "subject"
    window.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # not sortable: indicator restored
    assert window.table.horizontalHeader().sortIndicatorSection() == 1
    assert window.cases.query.sort == "subject"


def test_selection_goes_when_the_case_leaves_the_view(window, sample, loket):
    window.table.select_case(sample.ids["subsidie"])
    loket.close_case(sample.references["subsidie"], outcome="Formulier gestuurd",
                     first_contact_resolution=False)
    window.refresh()
    assert window.table.selected_case_id() is None
    assert window.case_view.reference is None
    assert window.totals.text() == "Open: 4 · New: 2"


def test_colleagues_presence_from_another_laptop_shows_on_the_case(window, sample, loket):
    case_id = sample.ids["afval"]
    loket.db.conn.execute("INSERT INTO team_cases(case_id, uid) VALUES (?, 'case-uid-1')",
                          (case_id,))
    loket.db.conn.execute(
        "INSERT INTO team_presence(id, case_uid, author, author_name, device, activity, "
        "expires_at) VALUES ('p1', 'case-uid-1', 'bram', 'Bram Jansen', 'laptop-2', "
        "'replying', '2999-01-01T00:00:00Z')")
    window.table.select_case(case_id)
    assert window.case_view.presence.isVisibleTo(window.case_view)
    assert window.case_view.presence.text() == "Bram is dit antwoord aan het schrijven"
    window.table.select_case(sample.ids["boom"])  # nobody is on this one
    assert not window.case_view.presence.isVisibleTo(window.case_view)


def test_a_case_written_by_another_process_shows_within_two_seconds(window, sample, qtbot):
    """The window notices changes made by other processes (PRAGMA data_version)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    mail = (b"From: Kees Dekker <kees@example.nl>\r\nTo: info@gemeente.nl\r\n"
            b"Subject: Lantaarnpaal kapot\r\nDate: Mon, 2 Mar 2026 09:00:00 +0100\r\n"
            b"Message-ID: <lamp@example.nl>\r\n\r\nDe lamp brandt niet.\r\n")
    eml = sample.path.parent / "lamp.eml"
    eml.write_bytes(mail)
    window.show()
    qtbot.waitExposed(window)
    before = window.cases.total()
    root = Path(__file__).resolve().parents[2]
    from tests.conftest import STAFF_PASSWORD, give_password

    give_password(window.loket, "anna")
    done = subprocess.run([sys.executable, str(root / "main.py"), "--db", str(sample.path),
                           "--user", "anna", "import", str(eml)], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "LOKET_PASSWORD": STAFF_PASSWORD})
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.cases.total() == before + 1, timeout=2500)
    subjects = [window.cases.summary(r).subject for r in range(window.cases.rowCount())]
    assert "Lantaarnpaal kapot" in subjects

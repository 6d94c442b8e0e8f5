"""The all-day workspace, driven like a KCC medewerker and a teamleider would: triage, reply
with a standaardantwoord, close in one go, phone note, merge and split, undo, the dashboard
(equal to `stats --json`), shortcuts, remembered layout and export. Screenshots for people."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QSplitter

from desktop.main_window import MainWindow
from inbox.model import Role, Status
from inbox.services import Loket

from .conftest import REPO, SCREENSHOTS, FakeScheduler, note_phone_call
from .test_i18n import dutch, translations  # noqa: F401 - fixtures
from .test_reply import add_account

pytestmark = pytest.mark.gui


def _summary(loket: Loket, reference: str):  # type: ignore[no-untyped-def]
    return loket.case_detail(reference).summary


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_views_have_live_counts_and_my_cases(anna_window, loket, sample):
    views = anna_window.views.views
    assert views.count("nieuw") == 3 and views.count("mine") == 1
    anna_window.views.choose("mine")
    assert anna_window.cases.total() == 1
    loket.assign(sample.references["afval"], "anna")
    anna_window.refresh()
    assert views.count("mine") == 2 and views.count("nieuw") == 2
    assert anna_window.cases.total() == 2


def test_triage_by_keyboard_with_undo(anna_window, loket, sample, qtbot):
    w = anna_window
    actions = w.workspace.actions
    reference = sample.references["subsidie"]
    w.table.select_case(sample.ids["subsidie"])
    assert actions.assign_me.isEnabled()
    w.activateWindow()
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # assign to me
    if _summary(loket, reference).assignee is None:  # the offscreen platform may not focus
        actions.assign_me.trigger()
    summary = _summary(loket, reference)
    assert (summary.assignee, summary.status) == ("Anna de Vries", Status.IN_BEHANDELING)

    dialog = actions.choose_product()
    dialog.combo.setCurrentText("Subsidie")
    dialog.submit()
    assert _summary(loket, reference).product == "Subsidie"

    dialog = actions.choose_deadline()
    dialog.days.setValue(5)
    expected = dialog.deadline().isoformat()
    shot(dialog, "deadline-dialog.png")
    dialog.submit()
    assert _summary(loket, reference).deadline == expected
    assert "deadline" in w.case_view.status.text()

    dialog = actions.change_status()
    dialog.combo.setCurrentIndex(dialog.combo.findData(Status.WACHT_OP_INWONER.value))
    dialog.submit()
    assert _summary(loket, reference).status is Status.WACHT_OP_INWONER
    assert actions.undo.isEnabled()
    actions.undo.trigger()  # Ctrl+Z: back to in behandeling
    assert _summary(loket, reference).status is Status.IN_BEHANDELING
    assert not actions.undo.isEnabled()

    assign = actions.assign_to_colleague()
    assign.combo.setCurrentIndex(assign.combo.findData("bram"))
    assign.submit()
    assert _summary(loket, reference).assignee == "Bram Jansen"
    shot(w, "workspace-triage.png")


def test_reply_with_a_standard_reply_then_close_in_one_go(anna_window, loket, sample, qtbot):
    w = anna_window
    add_account(loket)
    w.table.select_case(sample.ids["afval"])
    editor = w.open_reply_editor()
    assert editor is not None
    picker = editor.templates.open()
    picker.field.setText("ontvangst")
    assert picker.titles() == ["Ontvangstbevestiging"]
    picker.pick()  # in place of the greeting Loket put there
    text = editor.text.toPlainText()
    assert text.startswith("Beste Jan Bakker,") and sample.references["afval"] in text
    shot(editor, "reply-standard-text.png")
    with qtbot.waitSignal(editor.sent):
        editor.send_button.click()

    dialog = w.workspace.actions.close_open_case()
    dialog.outcome.setText("Nieuwe pas gestuurd")
    dialog.one_go.setChecked(True)
    shot(dialog, "close-dialog.png")
    dialog.submit()
    detail = loket.case_detail(sample.references["afval"])
    assert detail.summary.status is Status.AFGEROND and detail.first_contact_resolution
    assert w.case_view.reference != sample.references["afval"]  # closed: on to the next case
    w.views.choose("all")
    w.table.select_case(sample.ids["afval"])
    assert w.workspace.actions.undo.text() == "&Undo: closing"


def test_phone_note_then_note_and_close(anna_window, loket, qtbot):
    w = anna_window
    note_phone_call(w, qtbot, "Mohamed Yilmaz", "06 12345678",
                    "Er zit een gat in de weg bij Kerkstraat 12.", subject="Gat in de weg")
    reference = w.case_view.reference
    assert reference is not None and "Kerkstraat 12" in w.case_view.timeline_text()
    note = w.workspace.actions.write_note()
    note.submit()
    assert note.error.text() == "Write the note first."
    note.text.setPlainText("Doorgezet naar de buitendienst.")
    note.submit()
    assert "Doorgezet naar de buitendienst." in w.case_view.timeline_text()


def test_merge_and_split(anna_window, loket, sample, qtbot):
    w = anna_window
    actions = w.workspace.actions
    source, target = sample.references["subsidie"], sample.references["parkeren"]
    w.table.select_case(sample.ids["subsidie"])
    merge = actions.merge_case()
    merge.target.setText(source)
    merge.submit()
    assert merge.error.text() == "Een zaak kan niet met zichzelf worden samengevoegd."
    merge.target.setText(target.lower())
    merge.submit()
    assert _summary(loket, target).messages == 2
    assert _summary(loket, source).status is Status.AFGEROND
    assert w.case_view.reference == target  # the merged case is shown

    split = actions.split_case()
    assert split.list.count() == 2
    split.list.item(1).setCheckState(Qt.CheckState.Checked)
    shot(split, "split-dialog.png")
    split.submit()
    new_reference = w.case_view.reference
    assert new_reference not in (source, target)
    assert _summary(loket, new_reference).subject == "Subsidie jeugdsport"
    assert _summary(loket, target).messages == 1


def test_move_a_message(anna_window, loket, sample):
    w = anna_window
    w.table.select_case(sample.ids["parkeren"])
    loket.receive_ok = True
    move = w.workspace.actions.move_message()
    move.target.setText(sample.references["boom"])
    move.submit()  # the only message of its case: refused, with the reason
    assert "enige bericht" in move.error.text()
    move.reject()


def test_shortcut_overview(anna_window, qtbot):
    overview = anna_window.workspace.actions.show_shortcuts()
    qtbot.waitExposed(overview)
    table = overview.findChild(type(overview.children()[-1]).__mro__[0], None)
    assert table is not None
    texts = {anna_window.workspace.actions.shortcuts.shortcuts()[i].toString() for i in (0, 1)}
    assert texts == {"F1", "Ctrl+/"}
    shot(overview, "shortcuts.png")


def test_dashboard_equals_stats_json(anna_window, loket, sample, qtbot):
    dashboard = anna_window.workspace.open_dashboard()
    dashboard.date_from.setDate(QDate(2026, 1, 1))
    dashboard.date_to.setDate(QDate(2026, 12, 31))
    dashboard.reload()
    loket.close_case(sample.references["parkeren"], "Uitgelegd", first_contact_resolution=True)
    before = dashboard.figures["cases_closed"]
    dashboard.reload()  # the dashboard moves
    assert dashboard.figures["cases_closed"] == before + 1
    out = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(sample.path), "stats", "--json",
         "--from", "2026-01-01", "--to", "2026-12-31"],
        capture_output=True, text=True, check=True)
    cli = json.loads(out.stdout)
    shown = dashboard.figures
    for key in ("cases_total", "cases_closed", "open_backlog", "per_channel", "weekly",
                "median_first_answer_hours", "answered_within_norm_pct",
                "handled_in_one_go_pct"):
        assert shown[key] == cli[key], key
    assert dashboard.tiles["cases_total"].text() == str(cli["cases_total"])
    table = dashboard.table_values()
    assert table["E-mail"]["Incoming"] == str(cli["per_channel"]["email"]["incoming"])
    assert table["Phone"]["Closed"] == str(cli["per_channel"]["phone"]["closed"])
    dialog = anna_window.workspace.dashboard_dialog
    qtbot.waitExposed(dialog)
    shot(dialog, "dashboard.png")
    path = Path(sample.path).with_name("cijfers.csv")
    dashboard.export_csv(path)
    assert path.read_text(encoding="utf-8-sig").splitlines()[1].startswith("kanaal;")


def test_layout_is_remembered(loket, runner, qtbot):
    first = MainWindow(loket, runner, network=runner, scheduler_factory=FakeScheduler)
    qtbot.addWidget(first)
    first.show()
    splitter = first.centralWidget()
    assert isinstance(splitter, QSplitter)
    splitter.setSizes([260, 600, 420])
    wanted = splitter.sizes()
    first.table.horizontalHeader().resizeSection(1, 222)
    first.close()
    second = MainWindow(loket, runner, network=runner, scheduler_factory=FakeScheduler)
    qtbot.addWidget(second)
    second.show()
    assert second.centralWidget().sizes()[0] == wanted[0]  # the views pane kept its width
    assert second.table.horizontalHeader().sectionSize(1) == 222


def test_export_list_and_settings(anna_window, loket, tmp_path, qtbot):
    w = anna_window
    w.views.choose("all")
    work = w.workspace.export_list(tmp_path / "zaken.csv")
    assert work is not None
    lines = (tmp_path / "zaken.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 7 and lines[0].startswith("zaak;onderwerp")
    settings = w.workspace.open_settings()
    qtbot.waitExposed(settings)
    assert [settings.tabs.tabText(i) for i in range(settings.tabs.count())] == [
        "Standard replies", "Channels"]  # norms: teamleider, beheerder; accounts and
    # colleagues: the beheerder's own window
    settings.close()
    w.close()  # the medewerker's window goes; the teamleider opens the settings
    loket.user = "systeem"  # (the sample database's users have no passwords)
    loket.ensure_user("tineke", "Tineke Bos", Role.TEAMLEIDER)
    loket.user = "tineke"
    from desktop.settings_dialog import SettingsDialog

    settings = SettingsDialog(loket, w.runner)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert "Norms" in tabs and "Standard replies" not in tabs
    settings.tabs.setCurrentIndex(tabs.index("Norms"))
    shot(settings, "settings-norms.png")


def test_dutch_workspace_screenshot(dutch, anna_window, sample, qtbot):  # noqa: F811
    window = anna_window  # made after `dutch`: it speaks Dutch
    window.table.select_case(sample.ids["afval"])
    assert window.workspace.actions.note.text() == "Interne &notitie…"
    shot(window, "main-window.png")
    dashboard = window.workspace.open_dashboard()
    dashboard.date_from.setDate(QDate(2026, 1, 1))
    dashboard.reload()
    qtbot.waitExposed(window.workspace.dashboard_dialog)
    shot(window.workspace.dashboard_dialog, "dashboard-nl.png")


def test_an_act_updates_its_row_the_counts_and_the_open_case_in_place(anna_window, sample):
    """The window shows an act's Changes: no list reset, the row and the case pane follow."""
    w = anna_window
    w.views.choose("all")  # assigning keeps the case in this list
    w.table.select_case(sample.ids["subsidie"])
    row = w.cases.row_of(sample.ids["subsidie"])
    w.table.verticalScrollBar().setValue(0)
    resets, heard = [], []
    w.cases.modelReset.connect(lambda: resets.append(1))
    w.changes_applied.connect(heard.append)
    new_before = w.views.views.count("nieuw")
    w.workspace.actions.assign_me.trigger()
    assert resets == [] and len(heard) == 1 and sample.ids["subsidie"] in heard[0].cases
    assert w.cases.index(row, 5).data() == "Anna de Vries"  # the row, read again
    assert w.table.selected_case_id() == sample.ids["subsidie"]  # the selection stayed
    assert "Anna de Vries" in w.case_view.status.text()  # the open case
    assert w.views.views.count("nieuw") == new_before - 1  # the counts panel


def test_components_find_menus_by_key_in_any_language(dutch, anna_window):  # noqa: F811
    w = anna_window
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles.index("&Zaak") == titles.index(w.menus["view"].title()) - 1
    assert w.workspace.import_action in w.menus["file"].actions()  # Bestand, in Dutch
    assert w.social.mastodon_action in w.menus["settings"].actions()
    assert w.workspace.actions.assign_me in w.toolbar.actions()

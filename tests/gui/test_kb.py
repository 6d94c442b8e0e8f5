"""The kennisbank at hand: Ctrl+K in the reply editor and the phone note inserts the answer at
the cursor (undoable, use counted); suggestions beside an opened case; trends for a teamleider."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.kb.search import attach
from desktop.phone_dialog import ContactDialog
from desktop.reply_editor import ReplyEditor
from desktop.tasks import TaskRunner
from inbox.kb import articles
from inbox.model import Channel
from tests.conftest import act_as
from tests.gui.test_reply import add_account
from tests.unit.test_kb import with_starter_set

pytestmark = pytest.mark.gui


@pytest.fixture
def kb_ready(loket: Any) -> Any:
    return with_starter_set(loket)


def phone_note(loket: Any, qtbot: Any) -> ContactDialog:
    dialog = ContactDialog(TaskRunner(loket, synchronous=True), Channel.PHONE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def uses(loket: Any, title: str) -> int:
    return next(int(u["totaal"]) for u in articles.usage(loket) if u["titel"] == title)


def search_and_insert(dialog: Any, target: Any, qtbot: Any, query: str) -> Any:
    qtbot.keyClick(target, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = dialog.kb.popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClicks(popup.field, query)  # results as you type
    assert popup.model.rowCount() > 0
    first = popup.current()
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    return first


def test_ctrl_k_inserts_the_filled_answer_into_a_reply_at_the_cursor(
    kb_ready: Any, sample: Any, qtbot: Any
) -> None:
    loket = kb_ready
    account = add_account(loket)
    runner = TaskRunner(loket, synchronous=True)
    detail = loket.case_detail(sample.references["afval"])
    editor = ReplyEditor(runner, detail, [account], "Anne de Vries")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    before = editor.text.toPlainText()
    assert before == "Dear Jan Bakker,\n\n"
    hit = search_and_insert(editor, editor.text, qtbot, "afvalpas kwijt")
    assert hit.article.title == "Milieupas en milieustraat"
    text = editor.text.toPlainText()
    assert text.startswith(before + "Beste Jan Bakker,\n\nDe milieustraat")
    assert "Anne de Vries" in text and "{" not in text
    assert editor.focusWidget() is editor.text
    assert uses(loket, "Milieupas en milieustraat") == 1
    editor.text.undo()  # one undoable edit
    assert editor.text.toPlainText() == before


def test_ctrl_k_inserts_into_the_phone_notes_answer_field(
    kb_ready: Any, qtbot: Any
) -> None:
    loket = kb_ready
    dialog = phone_note(loket, qtbot)
    qtbot.keyClicks(dialog.name, "Els Brouwer")
    dialog.question.setPlainText("Mijn rijbewijs is verlopen, hoe verleng ik het?")
    dialog.answer.setPlainText("Uitgelegd: ")
    dialog.answer.moveCursor(dialog.answer.textCursor().MoveOperation.End)
    hit = search_and_insert(dialog, dialog.answer, qtbot, "rijbewijs verl")
    assert hit.article.title == "Rijbewijs verlengen"
    answer = dialog.answer.toPlainText()
    assert answer.startswith("Uitgelegd: Beste Els Brouwer,")
    assert "DigiD" in answer
    assert dialog.question.toPlainText().startswith("Mijn rijbewijs")  # untouched
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    timeline = loket.case_detail(saved.args[0].reference).timeline
    assert any("Beste Els Brouwer" in entry.text for entry in timeline)
    assert uses(loket, "Rijbewijs verlengen") == 1


def test_a_search_without_result_is_remembered_without_personal_data(
    kb_ready: Any, qtbot: Any
) -> None:
    loket = kb_ready
    dialog = phone_note(loket, qtbot)
    qtbot.keyClick(dialog.answer, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = dialog.kb.popup
    qtbot.keyClicks(popup.field, "zonnepanelen Jansen 0612345678")
    assert popup.model.rowCount() == 0
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    act_as(loket, "bea")
    missed = articles.health(loket)["zonder_resultaat"]
    assert [m["zoekvraag"] for m in missed] == ["zonnepanelen"]


def test_no_kennisbank_for_those_who_may_not_read_it(kb_ready: Any, qtbot: Any) -> None:
    loket = kb_ready
    act_as(loket, "arjen")
    runner = TaskRunner(loket, synchronous=True)
    dialog = ContactDialog(runner, Channel.PHONE)
    qtbot.addWidget(dialog)
    assert dialog.kb is None
    assert attach(dialog, dialog.answer, runner, lambda: None, "x") is None  # type: ignore


def test_three_suggestions_beside_an_opened_case(
    kb_ready: Any, window: Any, sample: Any, qtbot: Any
) -> None:
    window.show()
    window.table.select_case(sample.ids["parkeren"])
    panel = window.case_view.kb_panel
    assert panel.isVisible()
    titles = [h.article.title for h in panel.model.hits]
    assert len(titles) == 3 and titles[0] == "Bezoekersparkeren"
    assert panel.answer.toPlainText().startswith("Beste Fatima el Hadi,")
    panel.copy.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().startswith("Beste Fatima el Hadi,")


def test_trends_dialog_shows_spikes_and_their_cases_only_to_those_who_may(
    kb_ready: Any, qtbot: Any
) -> None:
    from random import Random

    from desktop.kb.views import TrendsDialog
    from inbox.kb.demo import plant_burst

    loket = kb_ready
    plant_burst(loket, Random(1))
    act_as(loket, "tineke")
    dialog = TrendsDialog(TaskRunner(loket, synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.spikes.rows[0]["onderwerp"] == "lantaarnpaal Beatrixstraat"
    assert dialog.show_cases() == []  # counts, not cases, for a teamleider
    act_as(loket, "anne")
    dialog = TrendsDialog(TaskRunner(loket, synchronous=True))
    qtbot.addWidget(dialog)
    assert len(dialog.show_cases()) == 12

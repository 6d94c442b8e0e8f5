"""Message data is shown as typed, never as rich text: a subject that looks like a link is text.

Qt renders a string that looks like HTML as rich text in labels, tooltips and message boxes; a
`file://` link there would open a local file (or, on Windows, reach a server). Every place that
shows a subject, a name or an address must show it literally.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop import dialogs
from desktop.case_model import CaseTableModel
from desktop.plain import plain_label, tip
from inbox.model import Channel, IncomingMessage
from tests.gui.conftest import SCREENSHOTS

HOSTILE = '<a href="file:///etc/passwd">x</a>'
NAME = '<img src="file:///etc/passwd">Eve <b>Kwaad</b>'


def shown(text: str) -> str:
    """What Qt shows for a tooltip or auto-format string: rich text is rendered first."""
    if not QtGuiQt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def test_tip_shows_the_characters_as_typed() -> None:
    for text in (HOSTILE, NAME, "a & b", "Gewoon een onderwerp", "<b>\nline two", "&lt;b&gt;"):
        assert shown(tip(text)) == text
    assert tip("Gewoon een onderwerp") == "Gewoon een onderwerp"
    assert "<a " not in tip(HOSTILE) and "href" in tip(HOSTILE)  # escaped, not a tag


def _hostile_case(loket):  # type: ignore[no-untyped-def]
    return loket.receive(IncomingMessage(
        channel=Channel.EMAIL, sent_at=datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        sender="eve@example.nl", sender_name=NAME, subject=HOSTILE, body_text="Hallo"))


def _labels_showing(root: QWidget, needle: str) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if needle in label.text()]


def test_a_link_in_a_subject_is_text_everywhere_it_shows(
    window, loket, qtbot, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    received = _hostile_case(loket)
    window.show()
    window.show_case_id_anywhere(int(received.case_id))

    # the case list: the cell and its tooltip
    model = window.table.model()
    rows = [r for r in range(model.rowCount(QModelIndex()))
            if model.index(r, 0).data() == str(received.reference)]
    assert rows, "the hostile case is in the list"
    cell = model.index(rows[0], 1)
    assert cell.data() == HOSTILE  # a view's delegate draws DisplayRole as plain text
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tooltip) == HOSTILE and "<a " not in tooltip

    # the case view's headers
    headers = _labels_showing(window.case_view, "file:///etc/passwd")
    assert headers, "the subject shows in the case view"
    for label in headers:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
        assert not label.openExternalLinks()
    assert any(HOSTILE in label.text() for label in headers)
    assert "<a " not in window.case_view.timeline.toHtml().split("<body", 1)[-1]

    # the contact card: labels and table tooltips
    window.case_view.resident_button.click()
    card = window.social.card
    assert card is not None and card.isVisible()
    assert card.name.text() == NAME and card.name.textFormat() == Qt.TextFormat.PlainText
    for label in _labels_showing(card, "file:///"):
        assert label.textFormat() == Qt.TextFormat.PlainText
    for table in (card.messages, card.cases):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is not None and "file:///" in item.text():
                    assert shown(item.toolTip()) == item.text()
    card.grab().save(str(SCREENSHOTS / "plain_text_contact_card.png"))
    window.grab().save(str(SCREENSHOTS / "plain_text_case.png"))
    card.close()
    assert opened == []


def test_questions_and_feedback_show_data_as_typed(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    boxes: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    dialogs.ask(None, "Bijlage openen", f"'{HOSTILE}' kan een programma bevatten.", HOSTILE)
    from desktop.archive.lists import ask as archive_ask
    from desktop.archive.lists import say

    archive_ask(None, "Vernietiging", HOSTILE)  # type: ignore[arg-type]
    assert len(boxes) == 2
    for box in boxes:
        assert box.textFormat() == Qt.TextFormat.PlainText
    label = plain_label(None, HOSTILE)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == HOSTILE
    feedback = QLabel()
    say(feedback, HOSTILE, error=True)
    assert feedback.textFormat() == Qt.TextFormat.PlainText


def test_the_case_model_tooltip_without_a_window(loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    received = _hostile_case(loket)
    model = CaseTableModel(loket)
    refs = [model.index(r, 0).data() for r in range(model.rowCount(QModelIndex()))]
    row = refs.index(str(received.reference))
    assert shown(model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)) == HOSTILE

"""The archivaris' screens under pytest-qt: destruction from due to verklaring, MDTO wizard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from lxml import etree  # noqa: E402

from inbox.services import Loket  # noqa: E402
from tests.gui.test_i18n import dutch, translations  # noqa: E402, F401 - Dutch UI
from tests.unit.test_archive_kit import XSD, ready  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
pytestmark = [
    pytest.mark.gui,
    pytest.mark.usefixtures("dutch"),  # the texts below are the Dutch UI
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[Loket]:
    loket = ready(tmp_path / "g.db")
    loket.now = lambda: datetime(2028, 6, 1, 10, 0, tzinfo=UTC)
    yield loket
    loket.close()


def _runner(loket: Loket, qtbot):  # type: ignore[no-untyped-def]
    from desktop.tasks import TaskRunner

    return TaskRunner(loket, synchronous=True)


def test_destruction_screen_from_due_to_verklaring(lk: Loket, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.archive.destruction_dialog import DestructionDialog

    lk.user = "arjen"
    dialog = DestructionDialog(_runner(lk, qtbot))
    qtbot.addWidget(dialog)
    dialog.show()
    due = dialog.due_model.rowCount()
    assert due > 0 and dialog.propose_button.isEnabled()
    dialog.propose_button.click()
    assert dialog.tabs.currentIndex() == 1
    assert dialog.lists_model.rowCount() == 1
    assert dialog.review_button.isEnabled() and not dialog.carry_out_button.isEnabled()
    assert dialog.items_model.rowCount() == due

    dialog.ask_text = lambda title, label: ""
    dialog.review_button.click()  # the proposer may not review
    assert "tweede persoon" in dialog.message.text()

    lk.user = "tineke"
    dialog.items_view.selectRow(0)
    kept = dialog.items_model.row(0).reference
    dialog.ask_text = lambda title, label: "Nog in behandeling bij bezwaar"
    dialog.review_button.click()
    assert dialog.current_list().state == "beoordeeld", dialog.message.text()
    dialog.approve_button.click()
    assert "archivaris" in dialog.message.text()

    lk.user = "arjen"
    dialog.approve_button.click()
    assert dialog.carry_out_button.isEnabled()
    dialog.confirm = lambda text: False
    dialog.carry_out_button.click()
    assert dialog.current_list().state == "goedgekeurd"
    dialog.confirm = lambda text: True
    dialog.carry_out_button.click()
    assert dialog.current_list().state == "uitgevoerd", dialog.message.text()
    assert f"{due - 1} zaken vernietigd" in dialog.message.text()
    assert lk.db.scalar("SELECT count(*) FROM cases WHERE reference = ?", (kept,)) == 1
    dialog.choose_folder = lambda: tmp_path / "verklaring"
    dialog.verklaring_button.click()
    assert sorted(p.suffix for p in (tmp_path / "verklaring").iterdir()) == [".csv", ".pdf"]
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "archive-destruction.png"))


def test_mdto_wizard_exports_a_valid_package(lk: Loket, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.archive.mdto_wizard import MdtoWizard

    lk.user = "arjen"
    wizard = MdtoWizard(_runner(lk, qtbot))
    qtbot.addWidget(wizard)
    wizard.show()
    assert "41 zaken" in wizard.choice.count.text()
    wizard.choice.chosen.setChecked(True)
    assert "zaaknummers" in wizard.choice.count.text()
    ref = str(lk.db.scalar("SELECT reference FROM cases ORDER BY reference LIMIT 1"))
    wizard.choice.references.setText(ref.lower())
    assert "1 zaken" in wizard.choice.count.text()
    wizard.next()
    assert wizard.target.name.text() == "Gemeente Voorbeeld"
    out = tmp_path / "pakket"
    wizard.target.folder.setText(str(out))
    wizard.next()
    assert wizard.outcome.isComplete(), wizard.outcome.result.text()
    assert wizard.report is not None and wizard.report.references == [ref]
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert all(schema.validate(etree.parse(str(p))) for p in out.rglob("*.xml"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wizard.grab().save(str(SCREENSHOTS / "archive-mdto-wizard.png"))

    # an export that fails says why, in Dutch, and does not finish
    again = MdtoWizard(_runner(lk, qtbot))
    qtbot.addWidget(again)
    again.show()
    again.next()
    again.target.folder.setText(str(out))  # not empty any more
    again.next()
    assert not again.outcome.isComplete()
    assert "niet leeg" in again.outcome.result.text()

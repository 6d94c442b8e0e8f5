"""The records screens under pytest-qt: destruction without the CLI (the archivaris proposes,
the teamleider reviews in her own window, the archivaris approves and carries out) and the
MDTO wizard (a summary first, progress, afterwards only 'Voltooien')."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from lxml import etree  # noqa: E402

from inbox.services import Loket  # noqa: E402
from tests.conftest import act_as  # noqa: E402
from tests.gui.conftest import SCREENSHOTS  # noqa: E402 - the one screenshot folder
from tests.gui.test_i18n import dutch, translations  # noqa: E402, F401 - Dutch UI
from tests.unit.test_archive_kit import XSD, ready  # noqa: E402

pytestmark = [
    pytest.mark.gui,
    pytest.mark.usefixtures("dutch"),  # the texts below are the Dutch UI
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[Loket]:
    loket = ready(tmp_path / "g.db")  # signed in as arjen
    loket.now = lambda: datetime(2028, 6, 1, 10, 0, tzinfo=UTC)
    yield loket
    loket.close()


def _runner(loket: Loket) -> Any:
    from desktop.tasks import TaskRunner

    return TaskRunner(loket, synchronous=True)


def _shot(widget: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / name))


def _cells(model: Any) -> list[str]:
    return [
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def test_destruction_from_proposal_through_the_teamleiders_review_to_the_verklaring(
    lk: Loket, qtbot: Any, tmp_path: Path
) -> None:
    from desktop.archive.destruction_dialog import DestructionDialog
    from desktop.archive.review import DestructionReview
    from desktop.role_home import RoleHome

    # arjen (archivaris) proposes the list in his screen
    dialog = DestructionDialog(_runner(lk))
    qtbot.addWidget(dialog)
    dialog.show()
    due = dialog.due_model.rowCount()
    assert due > 0 and dialog.propose_button.isEnabled()
    dialog.propose_button.click()
    assert dialog.tabs.currentIndex() == 1 and dialog.lists_model.rowCount() == 1
    assert dialog.review_button.isEnabled() and not dialog.approve_button.isEnabled()
    assert dialog.items_model.rowCount() == due
    dialog.ask_text = lambda title, label: ""
    dialog.review_button.click()  # the proposer may not review
    assert "tweede persoon" in dialog.message.text()

    # tineke (teamleider) reviews it in her own window: the lists and metadata only
    act_as(lk, "tineke")
    home = RoleHome(lk, _runner(lk))
    qtbot.addWidget(home)
    home.show()
    review = home.findChild(DestructionReview)
    assert review is not None
    tabs = home.centralWidget()
    assert tabs.tabText(tabs.indexOf(review)) == "Vernietiging beoordelen"
    tabs.setCurrentWidget(review)
    assert review.pane.current_list() is not None, review.message.text()
    assert review.pane.current_list().state == "voorgesteld"
    assert review.review_button.isEnabled()
    assert review.pane.items_model.rowCount() == due
    cells = _cells(review.pane.items_model)
    subjects = [str(r[0]) for r in lk.db.query("SELECT subject FROM cases")]
    names = [str(r[0]) for r in lk.db.query("SELECT name FROM contacts WHERE name != ''")]
    assert not [text for text in subjects + names if any(text in cell for cell in cells)]
    review.pane.items_view.selectRow(0)
    kept = review.pane.items_model.row(0).reference
    review.review_button.click()  # taking a case off needs a reason
    assert "waarom" in review.message.text()
    assert review.pane.current_list().state == "voorgesteld"
    review.note.setText("Nog in behandeling bij bezwaar")
    asked: list[str] = []
    review.confirm = lambda text: asked.append(text) or True  # type: ignore[func-returns-value]
    review.review_button.click()
    assert asked and "1 zaken" in asked[0]
    assert review.pane.current_list().state == "beoordeeld", review.message.text()
    assert f"{due - 1} zaken" in review.message.text()
    assert not review.review_button.isEnabled()
    states = {i.reference: i.state for i in review.pane.items_model.rows()}
    assert states[kept] == "verwijderd"
    _shot(home, "archive-review-teamleider.png")

    # arjen approves and carries it out
    act_as(lk, "arjen")
    dialog.refresh()
    assert dialog.current_list().state == "beoordeeld"
    dialog.approve_button.click()
    assert dialog.current_list().state == "goedgekeurd", dialog.message.text()
    assert dialog.carry_out_button.isEnabled()
    dialog.confirm = lambda text: False
    dialog.carry_out_button.click()
    assert dialog.current_list().state == "goedgekeurd"
    dialog.confirm = lambda text: True
    removed: list[int] = []
    dialog.cases_removed.connect(removed.append)  # the main window's list drops them
    dialog.carry_out_button.click()
    assert dialog.current_list().state == "uitgevoerd", dialog.message.text()
    assert removed == [due - 1]
    assert f"{due - 1} zaken vernietigd" in dialog.message.text()
    assert lk.db.scalar("SELECT count(*) FROM cases WHERE reference = ?", (kept,)) == 1
    dialog.choose_folder = lambda: tmp_path / "verklaring"
    dialog.verklaring_button.click()
    assert sorted(p.suffix for p in (tmp_path / "verklaring").iterdir()) == [".csv", ".pdf"]
    dialog.verklaring_button.click()  # a second time: never over the kept files
    assert "bestaat al" in dialog.message.text()
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    _shot(dialog, "archive-destruction.png")


def test_the_archive_menu_offers_what_the_person_may_do(lk: Loket, qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    from desktop.archive import add_archive_menu

    def menu_for(login: str) -> list[str]:
        act_as(lk, login)
        window = QMainWindow()
        qtbot.addWidget(window)
        add_archive_menu(window, _runner(lk))
        return [
            action.text()
            for menu in window.menuBar().actions()
            for action in menu.menu().actions()
        ]

    assert menu_for("arjen") == ["&Vernietiging…", "&MDTO-export…"]
    assert menu_for("anne") == []  # no 'Vernietiging' that then refuses
    assert menu_for("tineke") == []  # her review is a tab of her own window


def _visible(wizard: Any, which: Any) -> bool:
    button = wizard.button(which)
    return bool(button.isVisible() and button.isEnabled())


def test_mdto_wizard_summarises_then_exports_with_progress_and_ends_with_voltooien(
    lk: Loket, qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWizard

    from desktop.archive.mdto_wizard import MdtoWizard

    B = QWizard.WizardButton
    anne = lk.db.scalar("SELECT id FROM users WHERE name = 'anne'")
    refs = [str(r[0]) for r in lk.db.query("SELECT reference FROM cases ORDER BY reference")]
    lk.db.conn.execute(
        "UPDATE cases SET confidential = 1, assignee_id = ? WHERE reference = ?", (anne, refs[2])
    )
    wizard = MdtoWizard(_runner(lk))
    qtbot.addWidget(wizard)
    wizard.show()
    assert "41 zaken" in wizard.choice.count.text()
    wizard.choice.chosen.setChecked(True)
    assert "zaaknummers" in wizard.choice.count.text()
    wizard.choice.references.setText(", ".join(r.lower() for r in refs[:3]))
    assert "3 zaken" in wizard.choice.count.text()
    wizard.next()
    assert wizard.target.name.text() == "Gemeente Voorbeeld"
    taken = tmp_path / "vol"
    taken.mkdir()
    (taken / "iets.txt").write_text("van mij")
    wizard.target.folder.setText(str(taken))
    wizard.next()  # refused: the folder holds something
    assert wizard.currentPage() is wizard.target
    assert "geen lege map" in wizard.target.problem.text()
    out = tmp_path / "pakket"
    wizard.target.folder.setText(str(out))
    wizard.next()

    # the summary, before anything is written
    assert wizard.currentPage() is wizard.summary
    text = wizard.summary.text.text()
    plan = wizard.summary.plan
    assert plan is not None and plan.cases == 2 and plan.withheld == [refs[2]]
    assert "2 zaken" in text and f"{plan.files} bestanden" in text
    assert refs[2] in text and "vertrouwelijk" in text and str(out) in text
    assert not out.exists()
    assert wizard.button(B.NextButton).text() == "&Exporteren"
    _shot(wizard, "archive-mdto-summary.png")
    wizard.next()

    # exported, with progress; afterwards only 'Voltooien'
    assert wizard.outcome.isComplete(), wizard.outcome.result.text()
    assert wizard.report is not None and wizard.report.references == refs[:2]
    assert (wizard.report.files, wizard.report.bytes) == (plan.files, plan.bytes)
    assert wizard.outcome.progress.value() == wizard.outcome.progress.maximum()
    assert _visible(wizard, B.FinishButton)
    assert wizard.button(B.FinishButton).text().replace("&", "") == "Voltooien"
    for gone in (B.BackButton, B.CancelButton, B.NextButton):
        assert not wizard.button(gone).isVisible(), gone
    assert not wizard.outcome.stop_button.isEnabled()
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert all(schema.validate(etree.parse(str(p))) for p in out.rglob("*.xml"))
    assert sorted(p.name for p in out.iterdir()) == refs[:2]
    _shot(wizard, "archive-mdto-wizard.png")


def _at_summary(lk: Loket, qtbot: Any, out: Path) -> Any:
    """The wizard for all closed cases into `out`, on its summary page."""
    from desktop.archive.mdto_wizard import MdtoWizard

    wizard = MdtoWizard(_runner(lk))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.target.folder.setText(str(out))
    wizard.next()
    assert wizard.summary.plan is not None, wizard.summary.text.text()
    return wizard


def test_mdto_wizard_failure_says_why_and_allows_going_back(
    lk: Loket, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QWizard

    from inbox.archive import mdto

    B = QWizard.WizardButton
    out = tmp_path / "pakket"
    wizard = _at_summary(lk, qtbot, out)
    assert wizard.summary.plan.cases == 41

    # the disk fills up half-way: nothing is left, the wizard says so and offers 'Terug'
    real = mdto._case_files
    calls: list[int] = []

    def failing(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args)

    monkeypatch.setattr(mdto, "_case_files", failing)
    wizard.next()
    assert not wizard.outcome.isComplete()
    assert "schijf is vol" in wizard.outcome.result.text()
    assert not out.exists() and not list(tmp_path.glob(".pakket.loket-tmp-*"))
    assert _visible(wizard, B.BackButton) and _visible(wizard, B.CancelButton)
    assert not wizard.button(B.FinishButton).isEnabled()
    monkeypatch.undo()
    wizard.back()
    assert wizard.currentPage() is wizard.summary
    wizard.next()  # the retry works
    assert wizard.outcome.isComplete(), wizard.outcome.result.text()
    assert wizard.report is not None and wizard.report.cases == 41
    assert not wizard.button(B.BackButton).isVisible()


def test_stopping_the_export_writes_nothing(lk: Loket, qtbot: Any, tmp_path: Path) -> None:
    out = tmp_path / "pakket"
    wizard = _at_summary(lk, qtbot, out)
    page = wizard.outcome
    real = page.report_progress

    def progress(done: int, total: int) -> bool:
        if done == 3:
            page.stop_button.click()  # the person presses Stop while it runs
        return real(done, total)

    page.report_progress = progress  # type: ignore[method-assign]
    wizard.next()
    assert not page.isComplete()
    assert "gestopt" in page.result.text()
    assert not out.exists() and not list(tmp_path.glob(".pakket.loket-tmp-*"))

"""The archivaris' screens and the status labels speak English with LOKET_LANG=en and Dutch
by default; only domain messages and data stay Dutch in English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop.archive.destruction_dialog import DestructionDialog
from desktop.i18n import install_translators, language, remove_translators
from desktop.main_window import MainWindow
from desktop.privacy.avg_dialog import AvgDialog
from desktop.tasks import TaskRunner
from inbox.model import Role, Status
from inbox.services import Loket
from tests.gui.test_i18n import translations  # noqa: F401 - the fixture
from tests.unit.test_archive_kit import ready

pytestmark = pytest.mark.gui

# Dutch words of the archive and AVG screens that must not show up in the English UI
DUTCH = re.compile(
    r"\b(Vernietig\w*|Zaak|Zaken|Lijst|Sluiten|Beoordel\w*|Goedkeur\w*|Afwijz\w*|Uitvoer\w*|"
    r"Verklaring|Termijn|Resultaat|Afgerond|Voorgesteld|Uitgevoerd|Toelichting|Uitkomst|"
    r"Inwoner|Ontvangen|Verzoek\w*|Inzage|Verwijdering|Nieuw|jaar|maanden|blijvend|"
    r"afgehandeld|voorgesteld|Exporteren|Wissen)\b"
)


@pytest.fixture(params=["en", "nl"])
def lang(request, qapp, monkeypatch, translations: Path) -> Iterator[str]:  # noqa: F811
    """The language the app would choose: LOKET_LANG=en, or nothing (Dutch by default)."""
    if request.param == "en":
        monkeypatch.setenv("LOKET_LANG", "en")
    else:
        monkeypatch.delenv("LOKET_LANG", raising=False)
    chosen = language()
    assert chosen == request.param
    locale = QLocale()
    installed = install_translators(qapp, chosen, translations)
    yield chosen
    remove_translators(qapp, installed)
    QLocale.setDefault(locale)


def ui_texts(widget: QWidget) -> list[str]:
    """Window title, labels, buttons, tabs and table headers: the UI's own words."""
    texts = [widget.windowTitle()]
    texts += [label.text() for label in widget.findChildren(QLabel)]
    texts += [b.text().replace("&", "") for b in widget.findChildren(QAbstractButton)]
    tabs = getattr(widget, "tabs", None)
    if tabs is not None:
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    return [t for t in texts if t]


def headers(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Loket]:
    loket = ready(tmp_path / "archive.db")
    loket.now = lambda: datetime(2028, 6, 1, 10, 0, tzinfo=UTC)
    loket.user = "arjen"
    yield loket
    loket.close()


def test_destruction_screen_speaks_the_language(lang, archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DestructionDialog(TaskRunner(archive, synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.due_model.rowCount() > 0
    dialog.propose_button.click()
    assert dialog.lists_model.rowCount() == 1
    term = dialog.due_model.index(0, 3).data()
    state = dialog.lists_model.index(0, 1).data()
    outcome = dialog.items_model.index(0, 4).data()
    texts = [*ui_texts(dialog), *headers(dialog.due_model), *headers(dialog.lists_model),
             *headers(dialog.items_model), term, state, outcome]
    if lang == "en":
        assert dialog.windowTitle() == "Destruction"
        assert [dialog.tabs.tabText(i) for i in range(2)] == ["Due for destruction",
                                                               "Destruction lists"]
        assert headers(dialog.lists_model)[:3] == ["List", "Status", "Cases"]
        assert dialog.propose_button.text() == "&Propose list"
        assert state == "Proposed" and outcome == "proposed"
        assert "year" in term or term == "permanent"
        assert dialog.message.text().startswith("Destruction list 1 proposed with")
        assert not [t for t in texts if DUTCH.search(t)], [t for t in texts if DUTCH.search(t)]
    else:
        assert dialog.windowTitle() == "Vernietiging"
        assert [dialog.tabs.tabText(i) for i in range(2)] == ["Te vernietigen",
                                                               "Vernietigingslijsten"]
        assert headers(dialog.lists_model)[:3] == ["Lijst", "Status", "Zaken"]
        assert dialog.propose_button.text() == "Lijst &voorstellen"
        assert state == "Voorgesteld" and outcome == "voorgesteld"
        assert "jaar" in term or term == "blijvend"
        assert dialog.message.text().startswith("Vernietigingslijst 1 voorgesteld met")
    # a domain message stays as the domain says it, in Dutch
    dialog.ask_text = lambda title, label: ""
    dialog.review_button.click()  # the proposer may not review
    assert "tweede persoon" in dialog.message.text()


def test_avg_screen_speaks_the_language(lang, loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    loket.ensure_user("arjen", "Arjen Smit", Role.ARCHIVARIS)
    loket.user = "arjen"
    dialog = AvgDialog(loket)
    qtbot.addWidget(dialog)
    dialog.address.setText("j.bakker@example.nl")
    assert dialog.add_request() is not None
    table = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    texts = [*ui_texts(dialog), *table, row[0], row[5], *kinds]
    if lang == "en":
        assert dialog.windowTitle() == "AVG requests"
        assert table[:2] == ["Kind", "Resident"]
        assert row[0] == "Access" and row[5] == "open"
        assert dialog.add_button.text() == "&Register request"
        assert dialog.message.text().startswith("Request registered; answer by")
        assert not [t for t in texts if DUTCH.search(t)], [t for t in texts if DUTCH.search(t)]
    else:
        assert dialog.windowTitle() == "AVG-verzoeken"
        assert table[:2] == ["Soort", "Inwoner"]
        assert row[0] == "Inzage" and row[5] == "open"
    dialog.table.selectRow(0)
    dialog.mark_handled()
    assert dialog.table.item(0, 5).text() == ("handled" if lang == "en" else "afgehandeld")


def test_case_status_in_the_table(lang, loket, runner, sample, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(loket, runner)
    qtbot.addWidget(window)
    window.views.choose("all")
    statuses = {window.cases.index(r, 0).data(): window.cases.index(r, 4).data()
                for r in range(window.cases.rowCount())}
    channels = {window.cases.index(r, 0).data(): window.cases.index(r, 3).data()
                for r in range(window.cases.rowCount())}
    new = loket.db.scalar("SELECT reference FROM cases WHERE status = ? ORDER BY id LIMIT 1",
                          (Status.NIEUW.value,))
    paspoort = sample.references["paspoort"]
    if lang == "en":
        assert statuses[new] == "New"
        assert statuses[sample.references["parkeren"]] == "In progress"
        assert channels[paspoort] == "Phone"
    else:
        assert statuses[new] == "Nieuw"
        assert statuses[sample.references["parkeren"]] == "In behandeling"
        assert channels[paspoort] == "Telefoon"

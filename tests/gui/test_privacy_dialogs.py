"""The AVG inzage wizard (requests with deadlines, export, erasure refusal) and the Woo
redaction review (marked text, toggling, adding, export) for the archivaris."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from desktop.formatting import local_day
from desktop.privacy import add_privacy_menu
from desktop.privacy.avg_dialog import AvgDialog
from desktop.privacy.woo_dialog import WooDialog
from inbox.model import Role
from tests.gui.test_i18n import dutch, translations  # noqa: F401 - the Dutch UI

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("dutch")]


@pytest.fixture
def archivaris(loket):  # type: ignore[no-untyped-def]
    loket.ensure_user("arjen", "Arjen Smit", Role.ARCHIVARIS)
    loket.user = "arjen"
    return loket


def _bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_menu_only_for_those_who_may_export(loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    loket.user = "anna"
    plain = QMainWindow()
    qtbot.addWidget(plain)
    add_privacy_menu(plain, loket)
    assert not [a.text() for a in plain.menuBar().actions() if "Privacy" in a.text()]
    loket.user = "systeem"
    loket.ensure_user("arjen", "Arjen Smit", Role.ARCHIVARIS)
    loket.user = "arjen"
    add_privacy_menu(plain, loket)
    assert [a.text() for a in plain.menuBar().actions() if "Privacy" in a.text()]


def test_avg_wizard_registers_exports_and_explains_refusal(archivaris, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = AvgDialog(archivaris)
    qtbot.addWidget(dialog)
    dialog.address.setText("j.bakker@example.nl")
    made = dialog.add_request()
    assert made is not None and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == local_day(made.deadline)  # dd-mm-jjjj
    assert dialog.table.item(0, 4).text() == str(made.days_left)
    assert dialog.export_button.isEnabled()
    folder = dialog.export_selected(tmp_path / "inzage")
    assert folder is not None and b"afvalpas" in _bytes(folder)
    assert dialog.table.item(0, 5).text() == "afgehandeld"
    dialog.kind.setCurrentIndex(dialog.kind.findData("verwijdering"))
    dialog.address.setText("j.bakker@example.nl")
    dialog.add_request()
    assert not dialog.erase_selected()
    assert "niet afgerond" in dialog.message.text()
    # an unknown resident still gets a request; a bad address an error message
    dialog.address.setText("")
    assert dialog.add_request() is None and dialog.message.text()


def test_woo_review_marks_toggles_adds_and_exports(archivaris, sample, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ref = sample.references["afval"]
    dialog = WooDialog(archivaris, reference=ref)
    qtbot.addWidget(dialog)
    labels = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert "naam [5.1.2e]: Jan Bakker" in labels  # each hit with its kind and ground
    assert all("[5.1." in t for t in labels)
    html = dialog.text.toHtml()
    assert "Bakker" in html and "5.1.2e" in html
    # undo the redaction of the name "Jan Bakker" by unchecking it, then check it again
    jan = next(
        dialog.items.item(i)
        for i in range(dialog.items.count())
        if dialog.items.item(i).data(Qt.ItemDataRole.UserRole) == "Jan Bakker"
    )
    jan.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.document is not None and "Jan Bakker" in dialog.document.undone
    again = next(
        dialog.items.item(i)
        for i in range(dialog.items.count())
        if dialog.items.item(i).data(Qt.ItemDataRole.UserRole) == "Jan Bakker"
    )
    again.setCheckState(Qt.CheckState.Checked)
    assert "Jan Bakker" not in dialog.document.undone
    # add a redaction from a selected text
    dialog.add_selection("container")
    assert "container" in dialog.document.secrets()
    folder = dialog.export(tmp_path / "woo")
    assert folder is not None
    everything = _bytes(folder)
    assert b"afvalpas" in everything
    for secret in (b"Bakker", b"container", b"j.bakker@example.nl"):
        assert secret not in everything


def test_avg_screen_extends_a_deadline_once(archivaris, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AvgDialog(archivaris)
    qtbot.addWidget(dialog)
    dialog.address.setText("j.bakker@example.nl")
    made = dialog.add_request()
    assert made is not None and dialog.extend_button.isEnabled()
    dialog.extend_selected("Veel zaken")
    longer = dialog.requests[0]
    assert longer.deadline > made.deadline and dialog.table.item(0, 3).text() == local_day(
        longer.deadline)
    dialog.extend_selected("nog eens")  # refused, explained in the screen
    assert "één keer" in dialog.message.text()


def test_woo_review_shows_withheld_attachments_and_exports_atomically(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inbox.channels.imports.eml import import_bytes
    from inbox.privacy import redaction
    from inbox.services import Loket
    from tests.conftest import act_as, add_staff
    from tests.unit.test_privacy_woo import BSN, NAME, PDF_BSN, _mail

    loket = Loket.open(tmp_path / "w.db")
    try:
        add_staff(loket)
        ref = import_bytes(loket, _mail()).reference
        act_as(loket, "arjen")
        dialog = WooDialog(loket, reference=str(ref))
        qtbot.addWidget(dialog)
        labels = [dialog.items.item(i).text() for i in range(dialog.items.count())]
        assert any(t.startswith("BSN [5.1.1e]: ") for t in labels)
        assert "bijlage niet openbaar [5.1.2e]: foto-stoep.png" in " ".join(labels)
        assert "Niet openbaar gemaakte bijlagen" in dialog.text.toPlainText()
        folder = dialog.export(tmp_path / "woo")
        assert folder is not None and folder.stat().st_mode & 0o777 == 0o700
        everything = _bytes(folder)
        for secret in (BSN, PDF_BSN, NAME):
            assert secret.encode() not in everything
        assert "1 bijlagen niet openbaar" in dialog.message.text()
        dialog.reject()
        assert redaction._deducer is None  # its gigabyte of lists let go with the screen
    finally:
        loket.close()


def test_avg_export_with_a_missing_attachment_says_what_is_missing(loket, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import act_as, add_staff

    add_staff(loket)
    digest = loket.db.scalar(
        "SELECT a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id "
        "WHERE m.sender = 'j.bakker@example.nl' LIMIT 1"
    )
    if digest is None:  # the sample's resident has no attachment: give her message one
        act_as(loket, "anne")
        message = loket.db.scalar("SELECT id FROM messages WHERE sender = 'j.bakker@example.nl'")
        digest = loket.blobs.put(b"scan van de afvalpas")
        loket.db.conn.execute(
            "INSERT INTO attachments(message_id, filename, content_type, size, sha256) "
            "VALUES (?, 'afvalpas.pdf', 'application/pdf', 20, ?)",
            (message, digest),
        )
    loket.blobs.path_for(digest).unlink()
    act_as(loket, "arjen")
    dialog = AvgDialog(loket)
    qtbot.addWidget(dialog)
    dialog.address.setText("j.bakker@example.nl")
    made = dialog.add_request()
    assert made is not None
    folder = dialog.export_selected(tmp_path / "inzage")
    assert folder is not None and (folder / "index.json").exists()
    text = dialog.message.text()
    assert "Niet volledig: 1 bestanden" in text and "ontbreekt" in text
    assert "b00020" in dialog.message.styleSheet()  # shown as a problem
    assert dialog.table.item(0, 5).text() == "open"  # the request is not handled yet


def test_audit_tab_shows_actions_in_dutch_words(loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.role_home import RoleHome
    from desktop.tasks import TaskRunner
    from inbox.errors import PermissionDenied
    from inbox.services import CaseQuery
    from tests.conftest import act_as, add_staff

    add_staff(loket)
    act_as(loket, "anne")
    first = loket.case_summaries(loket.case_ids(CaseQuery())[:1])[0].reference
    loket.case_detail(first)
    act_as(loket, "tineke")
    with pytest.raises(PermissionDenied):
        loket.case_detail(first)
    act_as(loket, "bea")
    home = RoleHome(loket, TaskRunner(loket, synchronous=True))
    qtbot.addWidget(home)
    table = home.audit_table
    actions = [table.item(r, 2).text() for r in range(table.rowCount())]
    results = {table.item(r, 4).text() for r in range(table.rowCount())}
    assert "Zaak bekijken" in actions
    assert not [a for a in actions if "." in a.split(" ")[0] or "_" in a], actions
    assert {"uitgevoerd", "geweigerd"} <= results

"""One language (issue 17): Qt's own file dialog, TLS errors, the audit trail's actions and the
CSV exports speak Dutch; the mnemonic of "In één keer" is not on "é"."""

from __future__ import annotations

import re
import ssl

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.case_dialogs import CloseDialog
from desktop.role_home import RoleHome
from desktop.tasks import TaskRunner
from inbox import reports
from inbox.channels import imap
from inbox.channels.network import connection_reason
from tests.conftest import act_as, add_staff
from tests.gui.conftest import staff_window
from tests.gui.test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui

ENGLISH = re.compile(r"\b(Look in|Files of|mismatch|certificate|phone|counter|read_content|"
                     r"destruction|carried_out)\b")


def test_qts_file_dialog_speaks_dutch(dutch, qtbot):  # noqa: F811
    dialog = QFileDialog(None, "Bestanden importeren")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "&Zoeken in:" in labels and "Bestanden van &type:" in labels
    assert not [t for t in labels if ENGLISH.search(t)], labels


def _unverified(code: int, message: str) -> ssl.SSLCertVerificationError:
    exc = ssl.SSLCertVerificationError(1, f"[SSL: CERTIFICATE_VERIFY_FAILED] {message}")
    exc.verify_code = code
    exc.verify_message = message
    return exc


def test_tls_errors_in_dutch() -> None:
    mismatch = _unverified(64, "IP address mismatch, certificate is not valid for '127.0.0.1'.")
    text = str(imap.explain(mismatch, "127.0.0.1", 993))
    assert "hoort niet bij dit IP-adres" in text and not ENGLISH.search(text)
    expired = str(imap.explain(_unverified(10, "certificate has expired"), "mail.test", 993))
    assert "verlopen" in expired and "expired" not in expired
    odd = str(imap.explain(_unverified(99, "something new in OpenSSL"), "mail.test", 993))
    assert "OpenSSL-code 99" in odd and "something" not in odd
    assert connection_reason(mismatch).startswith("certificaat niet te vertrouwen")
    assert connection_reason(ConnectionRefusedError(111, "Connection refused")) == \
        "verbinding geweigerd"


def test_the_audit_trail_shows_actions_in_dutch(dutch, loket, sample, qtbot):  # noqa: F811
    add_staff(loket)
    act_as(loket, "anne")
    loket.case_detail(sample.references["afval"])
    with loket.db.transaction():  # entries as older versions wrote them
        loket._audit("archief:destruction_carried_out", "vernietigingslijst:1")
        loket._audit("permission.read_content", "zaak:LK-2026-000001")
    act_as(loket, "bea")
    home = RoleHome(loket, TaskRunner(loket, synchronous=True))
    qtbot.addWidget(home)
    table = home.audit_table
    actions = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert "Zaak bekijken" in actions and "Aanmelden" in actions
    assert "Archief: vernietiging uitgevoerd" in actions
    assert not [a for a in actions if ENGLISH.search(a) or re.search(r"\w[._]\w", a)], actions
    when = table.item(0, 0).text()
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", when), when  # not ISO with a 'Z'


def test_csv_exports_name_channels_and_statuses_in_dutch(loket, sample, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    add_staff(loket)
    window = staff_window(loket, "anne", qtbot)
    window.views.choose("all")
    window.workspace.export_list(tmp_path / "zaken.csv")
    rows = [line.split(";") for line in
            (tmp_path / "zaken.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]
    channels = {row[3] for row in rows}
    statuses = {row[4] for row in rows}
    assert channels == {"E-mail", "Telefoon", "Balie"}
    assert "Nieuw" in statuses and "Wacht op inwoner" in statuses
    figures = reports.csv_rows(reports.figures(loket))
    assert {"Telefoon", "Balie"} <= {row[0] for row in figures if row}
    assert not {"phone", "counter", "email"} & {row[0] for row in figures if row}


def test_in_een_keer_has_its_mnemonic_on_a_plain_letter(dutch, runner, sample, qtbot):  # noqa: F811
    dialog = CloseDialog(runner, sample.references["afval"])
    qtbot.addWidget(dialog)
    text = dialog.one_go.text()
    assert text.replace("&", "") == "In één keer afgehandeld"
    key = text[text.index("&") + 1]
    assert key.isascii() and key.isalpha(), text

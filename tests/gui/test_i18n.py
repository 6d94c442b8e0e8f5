"""Dutch by default: with loket_nl.qm present the UI speaks Dutch; screenshots for people."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop import dialogs
from desktop.i18n import TRANSLATIONS_DIR, install_translators, language, remove_translators
from desktop.main_window import MainWindow
from inbox.model import Channel

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.gui


@pytest.fixture
def translations(tmp_path: Path) -> Path:
    """The folder holding loket_nl.qm: the one `make translations` built, else built here."""
    if (TRANSLATIONS_DIR / "loket_nl.qm").exists():
        return TRANSLATIONS_DIR
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent /
                                                       "pyside6-lrelease")
    subprocess.run([lrelease, "-silent", str(TRANSLATIONS_DIR / "loket_nl.ts"), "-qm",
                    str(tmp_path / "loket_nl.qm")], check=True)
    return tmp_path


@pytest.fixture
def dutch(qapp, translations: Path):
    locale = QLocale()
    installed = install_translators(qapp, "nl", translations)
    yield installed
    remove_translators(qapp, installed)
    QLocale.setDefault(locale)


def test_every_message_is_translated():
    text = (TRANSLATIONS_DIR / "loket_nl.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert "<numerusform></numerusform>" not in text


def test_language_follows_loket_lang(monkeypatch):
    monkeypatch.delenv("LOKET_LANG", raising=False)
    assert language() == "nl"
    monkeypatch.setenv("LOKET_LANG", "en")
    assert language() == "en"


def test_missing_translation_falls_back_to_english(qapp, tmp_path):
    installed = install_translators(qapp, "nl", tmp_path)  # no .qm here
    try:
        assert all(not t.filePath().endswith("loket_nl.qm") for t in installed)
    finally:
        remove_translators(qapp, installed)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))


def test_window_speaks_dutch_and_screenshots(dutch, loket, runner, sample, qtbot):
    assert any(t.filePath().endswith("loket_nl.qm") for t in dutch)
    window = MainWindow(loket, runner)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Loket — klantcontact"
    assert window.search.placeholderText() == "Zoeken in alle zaken…"
    headers = [window.cases.headerData(c, Qt.Orientation.Horizontal)
               for c in range(window.cases.columnCount())]
    assert headers == ["Zaak", "Onderwerp", "Inwoner", "Kanaal", "Status", "Behandelaar",
                       "Laatste bericht", "Berichten", "Antwoord uiterlijk"]
    titles = [window.views.views.index(r).data() for r in range(window.views.views.rowCount())]
    assert titles == ["Nieuw", "Mijn zaken", "Vandaag", "Te laat", "Terugbellen",
                      "Bij vakafdeling", "Team (alle open)", "Wacht op inwoner", "Afgerond",
                      "Alles", "Open per kanaal", "E-mail", "Telefoon", "Balie"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Zaak" in menus and "&Help" in menus
    assert window.workspace.actions.close_case.text() == "Zaak &afronden…"
    assert window.list_count.text() == "5 zaken in deze lijst"
    assert window.phone_action.text() == "&Telefoonnotitie"
    assert window.counter_action.text() == "&Baliebezoek"

    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.table.select_case(sample.ids["afval"])
    assert "Interne notitie" in window.case_view.timeline_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "main-window.png"))

    dialog = window.open_contact_dialog(Channel.PHONE)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Telefoonnotitie"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text().replace("&", "") == "Opslaan"  # Qt's own Dutch translation
    dialog.name.setText("Mohamed Yilmaz")
    dialog.phone.setText("06 12")
    dialog.subject.setText("Gat in de weg")
    dialog.question.setPlainText("Er zit een gat in de weg bij Kerkstraat 12.")
    dialog.answer.setPlainText("Melding doorgezet naar de buitendienst.")
    dialog.submit()
    assert dialog.error.text() == "'06 12' is geen geldig telefoonnummer."
    assert dialog.grab().save(str(SCREENSHOTS / "phone-dialog.png"))
    dialog.discard()


def test_mail_screens_speak_dutch_and_screenshots(dutch, loket, runner, sample, schedulers,
                                                  qtbot, monkeypatch, tmp_path):
    """Accounts dialog, reply editor and an HTML mail, in Dutch, saved for people to look at."""
    from inbox.accounts import Accounts, MailAccount, Security
    from tests.gui.conftest import FakeScheduler
    from tests.gui.test_mail_browser import html_mail
    from tests.integration.dovecot import free_port

    window = MainWindow(loket, runner, network=runner,
                        scheduler_factory=lambda emit: FakeScheduler(emit))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.sync_status.hint.text() == "Nog geen e-mailaccount — stel er een in…"
    assert window.fetch_action.text() == "&Nu ophalen"
    assert window.case_view.reply_action.text() == "&Beantwoorden"

    Accounts(loket).add_mail(
        MailAccount(name="Info-mailbox", host="imap.gemeente.test", username="info@gemeente.test",
                    smtp_host="smtp.gemeente.test", from_address="info@gemeente.test",
                    sent_folder="Sent"), "geheim")
    dialog = window.open_accounts_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "E-mailaccounts"
    assert dialog.test_button.text() == "Verbinding &testen"
    dialog.new_account()
    form = dialog.form
    form.name.setText("Balie")
    form.host.setText("127.0.0.1")
    form.security.setCurrentIndex(form.security.findData(Security.NONE.value))
    port = free_port()
    form.port.setValue(port)
    form.username.setText("balie@gemeente.test")
    form.password.setText("geheim")
    assert form.security.currentText() == "Geen (onversleuteld)"
    assert form.warning.isVisible() and "zonder versleuteling" in form.warning.text()
    dialog.test_connection()
    assert dialog.outcome.text() == f"Server 127.0.0.1 weigert de verbinding op poort {port}."
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    assert dialog.grab().save(str(SCREENSHOTS / "accounts-dialog.png"))
    dialog.reject()

    window.table.select_case(sample.ids["afval"])
    editor = window.open_reply_editor()
    assert editor is not None
    qtbot.waitExposed(editor)
    assert editor.windowTitle() == f"Antwoord op {sample.references['afval']}"
    assert editor.send_button.text() == "&Versturen"
    editor.text.setPlainText(
        "Beste Jan Bakker,\n\nDank voor uw bericht. Er is een nieuwe afvalpas voor u "
        "aangevraagd; u krijgt hem binnen vijf werkdagen thuisgestuurd.\n\n"
        "Met vriendelijke groet,\n\nKlantcontactcentrum\nGemeente Voorbeeld")
    qtbot.wait(50)
    assert editor.grab().save(str(SCREENSHOTS / "reply-editor.png"))
    editor.submit()
    assert "Wacht op verzending" in window.case_view.timeline_text()

    reference, _ = html_mail(loket, free_port())
    window.refresh()
    case_id = loket.db.scalar("SELECT id FROM cases WHERE reference = ?", (reference,))
    window.views.choose("all")
    assert window.table.select_case(case_id)
    text = window.case_view.timeline_text()
    assert "Bijlagen:" in text and "(kan een programma bevatten)" in text
    qtbot.wait(50)  # let the layouts settle (wrapped title, new status bar parts)
    assert window.sync_status.accounts["Info-mailbox"].label.text() == (
        "Info-mailbox: nog niet opgehaald")
    assert window.grab().save(str(SCREENSHOTS / "html-mail.png"))


def test_a_phone_note_asks_too_in_dutch(dutch, window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append((a[1], a[2])) or False)
    dialog = window.open_contact_dialog(Channel.PHONE)
    qtbot.waitExposed(dialog)
    dialog.name.setText("Sanne Bakker")  # a name alone is not a note
    dialog.reject()
    assert asked == [] and not dialog.isVisible()

    dialog = window.open_contact_dialog(Channel.PHONE)
    dialog.answer.setPlainText("Donderdag wordt het opgehaald.")
    dialog.reject()
    assert asked == [("Tekst weggooien?", "Wat u hier typte is nog niet bewaard. Weggooien?")]
    assert dialog.isVisible()
    dialog.discard()
    assert not dialog.isVisible()

"""The form for one mail account: IMAP and SMTP settings, how to sign in, what Loket may change.

Builds a MailAccount from what is typed (the domain validates it and words the errors);
the password is only handed on, never kept here longer than the form lives.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import text_field
from inbox.accounts import Auth, MailAccount, Security

IMAP_PORTS = {Security.SSL: 993, Security.STARTTLS: 143, Security.NONE: 143}
SMTP_PORTS = {Security.SSL: 465, Security.STARTTLS: 587, Security.NONE: 25}


def _security_combo(form: QWidget) -> QComboBox:
    translate = QCoreApplication.translate
    combo = QComboBox(form)
    combo.addItem(translate("AccountForm", "SSL/TLS"), Security.SSL.value)
    combo.addItem(translate("AccountForm", "STARTTLS"), Security.STARTTLS.value)
    combo.addItem(translate("AccountForm", "None (unencrypted)"), Security.NONE.value)
    return combo


def _port(parent: QWidget, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(1, 65535)
    box.setValue(value)
    box.setAccessibleName(QCoreApplication.translate("AccountForm", "Port"))
    return box


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def _minutes(account: MailAccount) -> int:
    return max(1, round(account.interval_minutes))


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, buddy.parentWidget())
    label.setBuddy(buddy)
    return label


def _note(parent: QWidget, text: str = "", style: str = "color: #555555;") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class AccountForm(QWidget):
    """Emits `changed` on every edit (so the insecure warning and buttons follow)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: MailAccount | None = None

        self.name = text_field(self, self.tr("e.g. Info-mailbox"))
        self.host = text_field(self, self.tr("e.g. imap.gemeente.nl"))
        self.security = _security_combo(self)
        self.port = _port(self, 993)
        self.username = QLineEdit(self)
        self.auth = QComboBox(self)
        self.auth.addItem(self.tr("Password"), Auth.PASSWORD.value)
        self.auth.addItem(self.tr("OAuth2 (Microsoft 365, Google)"), Auth.OAUTH2.value)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.provider = QComboBox(self)
        self.provider.addItem("Microsoft 365", "microsoft")
        self.provider.addItem("Google Workspace", "google")
        self.client_id = text_field(self, self.tr("from the app registration"))
        self.sign_in_button = QPushButton(self.tr("Sign in…"), self)
        self.folders = QLineEdit("INBOX", self)
        self.folders.setPlaceholderText("INBOX")
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 24 * 60)
        self.interval.setValue(2)
        self.interval.setSuffix(self.tr(" min"))

        self.smtp_host = text_field(self, self.tr("empty: replies cannot be sent"))
        self.smtp_security = _security_combo(self)
        self.smtp_port = _port(self, 465)
        self.from_address = text_field(self, self.tr("empty: the user name"))
        self.sent_folder = text_field(self, self.tr("e.g. Sent (empty: do not file replies)"))
        self.move_handled_to = text_field(self, self.tr("empty: off"))

        self.warning = _note(
            self, style="color: #a4262c; font-weight: bold; background: #fde7e9; padding: 4px;"
        )
        self.warning.setAccessibleName(self.tr("Warning"))
        self.warning.hide()

        incoming = QGroupBox(self.tr("Incoming mail (IMAP)"), self)
        form = QFormLayout(incoming)
        form.addRow(_label(self.tr("&Name"), self.name), self.name)
        form.addRow(_label(self.tr("IMAP &server"), self.host), self.host)
        form.addRow(_label(self.tr("&Port"), self.port), self._pair(self.port, self.security))
        form.addRow(_label(self.tr("&User name"), self.username), self.username)
        form.addRow(_label(self.tr("Sign-in &method"), self.auth), self.auth)
        self._password_label = _label(self.tr("Pass&word"), self.password)
        form.addRow(self._password_label, self.password)
        self._provider_label = _label(self.tr("Provider"), self.provider)
        form.addRow(self._provider_label, self.provider)
        self._client_label = _label(self.tr("Client ID"), self.client_id)
        form.addRow(self._client_label, self.client_id)
        form.addRow("", self.sign_in_button)
        form.addRow(_label(self.tr("&Folders"), self.folders), self.folders)
        form.addRow(_label(self.tr("Fetch e&very"), self.interval), self.interval)
        self._form = form

        outgoing = QGroupBox(self.tr("Sending replies (SMTP)"), self)
        form2 = QFormLayout(outgoing)
        form2.addRow(_label(self.tr("SMTP s&erver"), self.smtp_host), self.smtp_host)
        form2.addRow(
            _label(self.tr("P&ort"), self.smtp_port), self._pair(self.smtp_port, self.smtp_security)
        )
        form2.addRow(_label(self.tr("Sender &address"), self.from_address), self.from_address)
        form2.addRow(_label(self.tr("Sent fol&der"), self.sent_folder), self.sent_folder)

        handled = QGroupBox(self.tr("Handled mail"), self)
        form3 = QFormLayout(handled)
        form3.addRow(
            _label(self.tr("Move &handled mail to folder"), self.move_handled_to),
            self.move_handled_to,
        )
        form3.addRow(
            _note(
                self,
                self.tr(
                    "By default Loket never changes mail on the server: it only reads. Fill in "
                    "a folder to have mail of closed cases moved there."
                ),
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(incoming)
        layout.addWidget(outgoing)
        layout.addWidget(handled)
        layout.addWidget(self.warning)
        layout.addStretch(1)  # extra height goes below, not into the warning

        self._last_ports = (993, 465)
        self.security.currentIndexChanged.connect(lambda: self._security_changed(imap=True))
        self.smtp_security.currentIndexChanged.connect(lambda: self._security_changed(imap=False))
        self.auth.currentIndexChanged.connect(self._auth_changed)
        for edit in (self.name, self.host, self.username, self.smtp_host, self.folders):
            edit.textChanged.connect(self.changed)
        self.changed.connect(self._update_warning)
        self._auth_changed()
        self.clear()

    @staticmethod
    def _pair(port: QSpinBox, security: QComboBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(port)
        row.addWidget(security, 1)
        return row

    # -- reading and writing -------------------------------------------------------------

    def clear(self) -> None:
        """An empty form for a new account."""
        self.editing = None
        self.name.setReadOnly(False)
        for edit in (self.name, self.host, self.username, self.password, self.client_id,
                     self.smtp_host, self.from_address, self.sent_folder,
                     self.move_handled_to):
            edit.clear()
        self.folders.setText("INBOX")
        _choose(self.security, Security.SSL.value)
        _choose(self.smtp_security, Security.SSL.value)
        self.port.setValue(993)
        self.smtp_port.setValue(465)
        _choose(self.auth, Auth.PASSWORD.value)
        self.interval.setValue(2)
        self.password.setPlaceholderText("")
        self._update_warning()

    def load(self, account: MailAccount) -> None:
        """Show an existing account; its name is its key (keyring, jobs), so it stays fixed."""
        self.clear()
        self.editing = account
        self.name.setText(account.name)
        self.name.setReadOnly(True)
        self.host.setText(account.host)
        _choose(self.security, account.security.value)
        self.port.setValue(account.port)
        self.username.setText(account.username)
        _choose(self.auth, account.auth.value)
        self.password.setPlaceholderText(self.tr("unchanged (kept in the keyring)"))
        _choose(self.provider, account.oauth.get("provider", "microsoft"))
        self.client_id.setText(account.oauth.get("client_id", ""))
        self.folders.setText(", ".join(account.folders))
        self.interval.setValue(_minutes(account))
        self.smtp_host.setText(account.smtp_host)
        _choose(self.smtp_security, account.smtp_security.value)
        self.smtp_port.setValue(account.smtp_port)
        self.from_address.setText(account.from_address)
        self.sent_folder.setText(account.sent_folder)
        self.move_handled_to.setText(account.move_handled_to)
        self._update_warning()

    def account(self) -> MailAccount:
        """The account as typed (not validated: MailAccount.validate words the errors)."""
        folders = tuple(f.strip() for f in self.folders.text().split(",") if f.strip())
        base = self.editing or MailAccount(name="", host="", username="")
        oauth = dict(base.oauth)
        if self.auth_method() is Auth.OAUTH2:
            oauth["provider"] = str(self.provider.currentData())
            oauth["client_id"] = self.client_id.text().strip()
        interval = float(self.interval.value())
        if self.editing is not None and _minutes(self.editing) == self.interval.value():
            interval = self.editing.interval_minutes  # keep a finer value set on the CLI
        return replace(
            base,
            name=self.name.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            security=Security(self.security.currentData()),
            username=self.username.text().strip(),
            auth=self.auth_method(),
            folders=folders,
            interval_minutes=interval,
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=Security(self.smtp_security.currentData()),
            from_address=self.from_address.text().strip(),
            sent_folder=self.sent_folder.text().strip(),
            move_handled_to=self.move_handled_to.text().strip(),
            oauth=oauth,
        )

    def auth_method(self) -> Auth:
        return Auth(self.auth.currentData())

    def secret(self) -> str:
        return self.password.text()

    # -- reactions -----------------------------------------------------------------------

    def _security_changed(self, imap: bool) -> None:
        """Follow the usual port for the chosen security, unless a port was typed."""
        combo, box, ports = (
            (self.security, self.port, IMAP_PORTS)
            if imap
            else (self.smtp_security, self.smtp_port, SMTP_PORTS)
        )
        if box.value() in ports.values():
            box.setValue(ports[Security(combo.currentData())])
        self.changed.emit()

    def _auth_changed(self) -> None:
        oauth = self.auth_method() is Auth.OAUTH2
        password: tuple[QWidget, ...] = (self.password, self._password_label)
        signing_in: tuple[QWidget, ...] = (self.provider, self._provider_label, self.client_id,
                                           self._client_label, self.sign_in_button)
        for widget in password:
            widget.setVisible(not oauth)
        for widget in signing_in:
            widget.setVisible(oauth)
        self.changed.emit()

    def _update_warning(self) -> None:
        text = self.account().insecure_warning
        self.warning.setText(text or "")
        self.warning.setVisible(bool(text))

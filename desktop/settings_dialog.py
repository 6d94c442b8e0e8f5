"""Settings in one dialog: accounts, users, response norms, standaardantwoorden and channels.

What a user may not change is shown but disabled (the domain refuses it anyway).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import close_buttons
from desktop.labels import channel_label
from desktop.plain import plain_label
from desktop.tasks import TaskRunner
from inbox import workspace
from inbox.errors import LoketError, StorageError
from inbox.model import Channel
from inbox.privacy.roles import Permission
from inbox.services import Loket


class TabbedSettings(QDialog):
    """Tabs of settings, a line for what happened (or the domain's Dutch refusal), Close."""

    def __init__(self, loket: Loket, runner: TaskRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.runner = runner
        self.setWindowTitle(title)
        self.tabs = QTabWidget(self)
        self.message = plain_label(self, wrap=True)  # may quote data
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _run(self, work: Callable[[Loket], object], ok: str,
             after: Callable[[], None] | None = None) -> None:
        def done(_: object) -> None:
            self._say(ok)
            if after is not None:
                after()

        self.runner.run(work, done, lambda exc: self._say(str(exc)))


class SettingsDialog(TabbedSettings):
    def __init__(self, loket: Loket, runner: TaskRunner, parent: QWidget | None = None,
                 open_accounts: Callable[[], object] | None = None,
                 open_mastodon: Callable[[], object] | None = None) -> None:
        super().__init__(loket, runner, self.tr("Settings"), parent)
        if loket.may(Permission.MANAGE_ACCOUNTS):  # colleagues: the beheerder's own screen
            self.tabs.addTab(self._accounts(open_accounts, open_mastodon), self.tr("Accounts"))
        if loket.may(Permission.SET_NORMS):
            self.tabs.addTab(self._norms(), self.tr("Norms"))
        if loket.may(Permission.MANAGE_TEMPLATES):
            self.tabs.addTab(self._templates(), self.tr("Standard replies"))
        self.tabs.addTab(self._channels(), self.tr("Channels"))

    # -- accounts ------------------------------------------------------------------------

    def _accounts(self, open_accounts: Callable[[], object] | None,
                  open_mastodon: Callable[[], object] | None = None) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Mail accounts fetch and send the team's e-mail."), page))
        button = QPushButton(self.tr("Mail &accounts…"), page)
        button.setEnabled(open_accounts is not None)
        if open_accounts is not None:
            button.clicked.connect(lambda: open_accounts())
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Mastodon accounts fetch mentions and direct messages."),
                                page))
        self.mastodon_button = QPushButton(self.tr("&Mastodon accounts…"), page)
        self.mastodon_button.setEnabled(open_mastodon is not None)
        if open_mastodon is not None:
            self.mastodon_button.clicked.connect(lambda: open_mastodon())
        layout.addWidget(self.mastodon_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # -- norms ---------------------------------------------------------------------------

    def _norms(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout()
        self.norm_rows: dict[str, tuple[QCheckBox, QSpinBox, QComboBox]] = {}
        current = workspace.norms(self.loket)
        for row, channel in enumerate(Channel):
            norm = current.get(channel.value)
            check = QCheckBox(channel_label(channel), page)
            check.setChecked(norm is not None)
            amount = QSpinBox(page)
            amount.setRange(1, 1000)
            amount.setValue(norm.amount if norm else 2)
            amount.setAccessibleName(self.tr("Norm for %1").replace("%1", channel_label(channel)))
            unit = QComboBox(page)
            unit.addItem(self.tr("working days"), workspace.WORKING_DAYS)
            unit.addItem(self.tr("hours"), workspace.HOURS)
            unit.setCurrentIndex(unit.findData(norm.unit if norm else workspace.WORKING_DAYS))
            unit.setAccessibleName(self.tr("Unit for %1").replace("%1", channel_label(channel)))
            check.toggled.connect(amount.setEnabled)
            check.toggled.connect(unit.setEnabled)
            amount.setEnabled(norm is not None)
            unit.setEnabled(norm is not None)
            grid.addWidget(check, row, 0)
            grid.addWidget(amount, row, 1)
            grid.addWidget(unit, row, 2)
            self.norm_rows[channel.value] = (check, amount, unit)
        save = QPushButton(self.tr("&Save norms"), page)
        save.clicked.connect(self.save_norms)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Time for a first answer, per channel. The dashboard "
                                        "counts the share answered within it."), page))
        layout.addLayout(grid)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def save_norms(self) -> None:
        values: dict[str, workspace.Norm | None] = {}
        for channel, (check, amount, unit) in self.norm_rows.items():
            values[channel] = (workspace.Norm(amount.value(), str(unit.currentData()))
                               if check.isChecked() else None)
        self._run(lambda loket: workspace.save_norms(loket, values), self.tr("Norms saved."))

    # -- templates -----------------------------------------------------------------------

    def _templates(self) -> QWidget:
        page = QWidget(self)
        self.template_list = QListWidget(page)  # a few dozen replies at most
        self.template_list.setAccessibleName(self.tr("Standard replies"))
        self.template_title = QLineEdit(page)
        self.template_title.setAccessibleName(self.tr("Title"))
        self.template_body = QPlainTextEdit(page)
        self.template_body.setAccessibleName(self.tr("Text"))
        self.template_body.setPlaceholderText(
            self.tr("Beste {naam}, ... {zaak} ... {medewerker}"))
        save = QPushButton(self.tr("Save &reply"), page)
        save.clicked.connect(self.save_template)
        self.template_new = QPushButton(self.tr("&New reply"), page)
        self.template_new.clicked.connect(self.new_template)
        self.template_retire = QPushButton(self.tr("Re&tire"), page)
        self.template_retire.setToolTip(self.tr("Take it out of use; saving it again brings it "
                                                "back (for the whole team)"))
        self.template_retire.clicked.connect(self.retire_template)
        self.template_list.currentItemChanged.connect(self._template_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.template_title)
        form.addRow(self.tr("Text"), self.template_body)
        hint = QLabel(self.tr("{naam}, {zaak}, {medewerker}, {onderwerp}, {datum} and {termijn} "
                              "are filled in: the resident's name, the case reference, your "
                              "name, the subject, today and the date of the answer. The team "
                              "shares these replies."), page)
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QHBoxLayout()
        for button in (self.template_new, save, self.template_retire):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(self.template_list, 1)
        layout.addLayout(form, 2)
        self._load_templates()
        return page

    def _load_templates(self) -> None:
        self.template_list.clear()
        for t in workspace.templates(self.loket):
            item = QListWidgetItem(t.title, self.template_list)
            item.setData(Qt.ItemDataRole.UserRole, t)

    def _template_chosen(self, item: QListWidgetItem | None, _: object = None) -> None:
        self.template_retire.setEnabled(item is not None)
        if item is None:
            return
        t: workspace.Template = item.data(Qt.ItemDataRole.UserRole)
        self.template_title.setText(t.title)
        self.template_body.setPlainText(t.body)

    def new_template(self) -> None:
        self.template_list.setCurrentItem(None)
        self.template_list.clearSelection()
        self.template_title.clear()
        self.template_body.clear()
        self.template_title.setFocus()

    def _chosen_key(self) -> str | None:
        item = self.template_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole).key)

    def save_template(self) -> None:
        """Save the chosen reply (its title may change too), or a new one."""
        title, body = self.template_title.text(), self.template_body.toPlainText()
        key = self._chosen_key()
        self._run(lambda loket: workspace.save_template(loket, title, body, key),
                  self.tr("Standard reply saved."), self._load_templates)

    def retire_template(self) -> None:
        key = self._chosen_key()
        if key is None:
            return
        self._run(lambda loket: workspace.retire_template(loket, key),
                  self.tr("Standard reply retired."), self.new_template_list)

    def new_template_list(self) -> None:
        self._load_templates()
        self.new_template()

    # -- channels ------------------------------------------------------------------------

    def _channels(self) -> QWidget:
        page = QWidget(self)
        # which channels cases came through is a look at the cases: only for who may list them
        # (asking anyway would write a refused act into the audit trail on every opening)
        counts = self.loket.may(Permission.LIST_CASES)
        used: set[str] = set()
        if counts:
            try:
                used = set(workspace.channels_in_use(self.loket))
            except (LoketError, StorageError):
                pass
        table = QTableWidget(len(Channel), 2 if counts else 1, page)
        headers = [self.tr("Channel"), self.tr("In use")]
        table.setHorizontalHeaderLabels(headers[: table.columnCount()])
        table.setAccessibleName(self.tr("Channels"))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, channel in enumerate(Channel):
            table.setItem(r, 0, QTableWidgetItem(channel_label(channel)))
            if counts:
                table.setItem(r, 1, QTableWidgetItem(self.tr("yes") if channel.value in used
                                                     else self.tr("not yet")))
        table.resizeColumnsToContents()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("E-mail comes in through the mail accounts; phone and "
                                        "counter through notes; social media through Mastodon "
                                        "and imported exports."), page))
        layout.addWidget(table)
        return page

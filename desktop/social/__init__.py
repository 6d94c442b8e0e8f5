"""The social-channel and resident screens, hooked into the main window from one place.

`install(window)` adds Settings > Mastodon accounts, lets the case pane open the resident's
contact card, and answers a case whose last message came in on Mastodon on Mastodon. The
screens themselves load when first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from inbox.model import CaseDetail, Changes

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.social.contact_card import ContactCard
    from desktop.social.mastodon_form import MastodonAccountsDialog
    from desktop.social.mastodon_reply import MastodonReplyEditor


class SocialScreens(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.mastodon_dialog: MastodonAccountsDialog | None = None
        self.card: ContactCard | None = None
        self.mastodon_action = QAction(self.tr("&Mastodon accounts…"), window)
        self.mastodon_action.triggered.connect(self.open_mastodon_accounts)
        window.menus["settings"].addAction(self.mastodon_action)
        window.case_view.resident_requested.connect(self.open_contact_card)

    # -- Mastodon accounts ---------------------------------------------------------------

    def open_mastodon_accounts(self) -> MastodonAccountsDialog:
        from desktop.social.mastodon_form import MastodonAccountsDialog

        window = self.window
        if self.mastodon_dialog is None:
            self.mastodon_dialog = MastodonAccountsDialog(
                window.loket, window.runner, window.network, window
            )
            self.mastodon_dialog.accounts_changed.connect(window.accounts_changed)
        else:
            self.mastodon_dialog.reload()
        self.mastodon_dialog.open()
        return self.mastodon_dialog

    # -- replying on Mastodon ------------------------------------------------------------

    def open_mastodon_reply(self, detail: CaseDetail) -> MastodonReplyEditor:
        from desktop.social.mastodon_reply import MastodonReplyEditor

        window = self.window
        editor = MastodonReplyEditor(window.runner, window.network, detail, parent=window)
        editor.sent.connect(lambda reference: self._mastodon_sent(reference, editor.changes))
        window.case_view.colleagues_changed.connect(editor.guard.note)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _mastodon_sent(self, reference: str, changes: Changes | None) -> None:
        if changes is not None:
            self.window.apply_changes(changes)
        else:
            self.window.refresh()
        self.window.show_case_anywhere(reference)
        self.window.statusBar().showMessage(
            self.tr("Reply posted on Mastodon in case %1.").replace("%1", reference), 5000
        )

    # -- the resident --------------------------------------------------------------------

    def open_contact_card(self, detail: CaseDetail | None = None) -> ContactCard | None:
        from desktop.social.contact_card import ContactCard, contact_of

        window = self.window
        detail = detail or window.case_view.detail
        if detail is None:
            return None
        contact_id = contact_of(window.loket, detail)
        if contact_id is None:
            window.show_error(
                self.tr("This resident left no address, so Loket cannot gather their contacts.")
            )
            return None
        if self.card is not None:
            self.card.close()
        card = ContactCard(window.loket, window.runner, contact_id, parent=window)
        card.case_chosen.connect(window.show_case_anywhere)
        card.contacts_changed.connect(window.refresh)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.finished.connect(lambda _result, c=card: self._card_gone(c))
        card.show()
        self.card = card
        return card

    def _card_gone(self, card: ContactCard) -> None:
        if self.card is card:
            self.card = None


def install(window: MainWindow) -> SocialScreens:
    return SocialScreens(window)

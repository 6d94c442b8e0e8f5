"""OAuth2 sign-in for Microsoft 365 and Google Workspace mailboxes (being built)."""

from __future__ import annotations

from inbox.accounts import MailAccount
from inbox.errors import LoketError
from storage.db import Database


def access_token(db: Database, account: MailAccount) -> str:
    raise LoketError("Aanmelden met OAuth2 is in deze versie nog niet beschikbaar.")

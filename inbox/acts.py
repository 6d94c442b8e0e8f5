"""The catalogue of acts: every read of content and every change Loket can do, by name.

An act names the one permission it needs (from the grants table in inbox/privacy/roles.py),
how the audit trail calls it, and whether it reads or changes a resident's data (the processing
log). The gate (inbox/gate.py) runs every act; the role matrix test and the CLI parity test walk
this catalogue, so a new act without a CLI command or a matrix row fails the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbox.privacy.roles import Permission

P = Permission


@dataclass(frozen=True)
class Act:
    code: str  # stable, used in the audit trail and team sync
    permission: Permission
    label: str  # Dutch, as the audit viewer shows it
    writes: bool = True  # runs in one write transaction
    audited: bool = True  # leaves an audit entry (case lists and counts do not)
    # the Logboek dataverwerkingen operation when a resident's data is processed
    processing: str | None = None
    activity: str = "klantcontact"
    content: bool = True  # touches a case's content: vertrouwelijk cases are the assignee's only


ACTS: dict[str, Act] = {}


def act(
    code: str,
    permission: Permission,
    label: str,
    *,
    writes: bool = True,
    audited: bool = True,
    processing: str | None = None,
    activity: str = "klantcontact",
    content: bool = True,
) -> Act:
    """Declare an act; each code once."""
    if code in ACTS:
        raise ValueError(f"act {code!r} declared twice")
    found = Act(code, permission, label, writes, audited, processing, activity, content)
    ACTS[code] = found
    return found


def label(code: str) -> str:
    """The Dutch name of an audit action code (unknown codes, e.g. older rows, as they are)."""
    base, _, detail = code.partition(":")
    found = ACTS.get(base)
    if found is None:
        return code
    return found.label + (f" ({detail})" if detail else "")


# -- cases -------------------------------------------------------------------------------------
CASE_LIST = act("case.list", P.LIST_CASES, "Zaken opvragen", writes=False, audited=False,
                content=False)
CASE_READ = act("case.read", P.READ_CONTENT, "Zaak bekijken", writes=False, processing="read")
CASE_SEARCH = act("case.search", P.READ_CONTENT, "Zoeken", writes=False)
MESSAGES_LIST = act("messages.list", P.READ_CONTENT, "Berichten opvragen", writes=False,
                    processing="read")
MESSAGE_ORIGINAL = act("message.original", P.READ_CONTENT, "Origineel bericht openen",
                       writes=False, processing="read")
CASE_ASSIGN = act("case.assign", P.WORK_CASES, "Zaak toewijzen", processing="update")
CASE_STATUS = act("case.status", P.WORK_CASES, "Status wijzigen", processing="update")
CASE_CLOSE = act("case.close", P.WORK_CASES, "Zaak afronden", processing="update")
CASE_NOTE = act("case.note", P.WORK_CASES, "Notitie toevoegen", processing="create")
CONTACT_LOG = act("contact.log", P.WORK_CASES, "Telefoon- of baliecontact vastleggen",
                  processing="create")
MESSAGE_RECEIVE = act("message.receive", P.RECEIVE, "Bericht ontvangen", audited=False)

# -- figures ---------------------------------------------------------------------------------
STATS_VIEW = act("stats.view", P.VIEW_STATS, "Cijfers bekijken", writes=False, audited=False,
                 content=False)

# -- people ----------------------------------------------------------------------------------
USER_LIST = act("user.list", P.MANAGE_USERS, "Gebruikers opvragen", writes=False, audited=False,
                content=False)
USER_ADD = act("user.add", P.MANAGE_USERS, "Gebruiker toevoegen", content=False)
USER_PASSWORD = act("user.passwd", P.MANAGE_USERS, "Wachtwoord instellen", content=False)

# -- the database file -----------------------------------------------------------------------
DB_CHECK = act("db.check", P.MANAGE_KEYS, "Database controleren", writes=False, audited=False,
               content=False)

# -- file imports and Mastodon (imports) -------------------------------------------------------
# A run of `import FILE...`: the audit entry counts files, never names them (a chat's file name
# is often a resident's name). Messages are filed through message.receive, each in its own
# transaction; a platform export goes in whole or not at all (import.file).
IMPORT_FILES = act("import.files", P.WORK_CASES, "Bestanden importeren", writes=False,
                   processing="create", content=False)
IMPORT_FILE = act("import.file", P.WORK_CASES, "Exportbestand vastleggen", audited=False,
                  content=False)
MASTODON_ACCOUNT_ADD = act("mastodon.account.add", P.MANAGE_ACCOUNTS,
                           "Mastodon-account toevoegen", content=False)
MASTODON_ACCOUNT_REMOVE = act("mastodon.account.remove", P.MANAGE_ACCOUNTS,
                              "Mastodon-account verwijderen", content=False)
MASTODON_ACCOUNT_LIST = act("mastodon.account.list", P.MANAGE_ACCOUNTS,
                            "Mastodon-accounts opvragen", writes=False, audited=False,
                            content=False)
# Fetching: which accounts (read), where each stream got to (statuses: message.receive).
MASTODON_ACCOUNTS = act("mastodon.accounts", P.SYNC, "Mastodon-accounts voor ophalen",
                        writes=False, audited=False, content=False)
MASTODON_SYNC = act("mastodon.sync", P.SYNC, "Mastodon ophalen", audited=False, content=False)
# A reply is posted over the network, so the act holds no write transaction while it waits;
# the posted status is filed in its own (message.receive), the audit entry follows success.
MASTODON_REPLY = act("mastodon.reply", P.REPLY, "Antwoorden op Mastodon", writes=False,
                     processing="create")
MASTODON_REPLY_TARGET = act("mastodon.reply.target", P.REPLY, "Mastodon-antwoord voorbereiden",
                            writes=False, audited=False)

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
    # allowed to anyone while nobody in the database has a password (the first beheerder)
    bootstrap: bool = False


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
    bootstrap: bool = False,
) -> Act:
    """Declare an act; each code once."""
    if code in ACTS:
        raise ValueError(f"act {code!r} declared twice")
    found = Act(code, permission, label, writes, audited, processing, activity, content,
                bootstrap)
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
USER_FIRST = act("user.first", P.MANAGE_USERS, "Eerste beheerder instellen", content=False,
                 bootstrap=True)
USER_OWN_PASSWORD = act("user.own_password", P.OWN_ACCOUNT, "Eigen wachtwoord kiezen",
                        content=False)
USER_ROLE = act("user.role", P.MANAGE_USERS, "Rol wijzigen", content=False)
USER_DISABLE = act("user.disable", P.MANAGE_USERS, "Gebruiker uitschakelen", content=False)
USER_ENABLE = act("user.enable", P.MANAGE_USERS, "Gebruiker inschakelen", content=False)
USER_UNLOCK = act("user.unlock", P.MANAGE_USERS, "Gebruiker deblokkeren", content=False)
USER_GRANT = act("user.grant", P.MANAGE_USERS, "Recht geven of intrekken", content=False)
USER_SIGN_IN = act("user.sign_in", P.OWN_ACCOUNT, "Aanmelden", writes=False, content=False)
USER_SIGN_OUT = act("user.sign_out", P.OWN_ACCOUNT, "Afmelden", writes=False, content=False)

# -- the database file -----------------------------------------------------------------------
DB_CHECK = act("db.check", P.MANAGE_KEYS, "Database controleren", writes=False, audited=False,
               content=False)
AUDIT_ACCEPT = act("audit.accept", P.MANAGE_USERS, "Auditlog aanvaarden na een melding",
                   content=False)

# -- privacy: AVG requests, inzage, erasure, audit trail, processing log ---------------------
AVG_REQUESTS = act("avg.requests", P.EXPORT_PERSONAL, "AVG-verzoeken opvragen", writes=False,
                   audited=False, content=False)
AVG_REQUEST_ADD = act("avg.request.add", P.EXPORT_PERSONAL, "AVG-verzoek vastleggen",
                      processing="create", activity="avg-inzage", content=False)
AVG_REQUEST_CLOSE = act("avg.request.close", P.EXPORT_PERSONAL, "AVG-verzoek afhandelen",
                        processing="update", activity="avg-inzage", content=False)
AVG_REQUEST_EXTEND = act("avg.request.extend", P.EXPORT_PERSONAL,
                         "Termijn van AVG-verzoek verlengen", processing="update",
                         activity="avg-inzage", content=False)
AVG_EXPORT = act("avg.export", P.EXPORT_PERSONAL, "AVG-inzage exporteren", writes=False,
                 processing="export", activity="avg-inzage", content=False)
AVG_ERASE_REVIEW = act("avg.erase.review", P.EXPORT_PERSONAL,
                       "Verwijderverzoek getoetst aan de bewaarplicht", writes=False,
                       content=False)
AVG_ERASE = act("avg.erase", P.EXPORT_PERSONAL, "Gegevens van inwoner verwijderen (AVG)",
                processing="erase", activity="avg-inzage", content=False)
AVG_ERASE_COMPACT = act("avg.erase.compact", P.EXPORT_PERSONAL,
                        "Verwijderde gegevens uit de opslag wissen", writes=False,
                        audited=False, content=False)
KLANTINTERACTIES_EXPORT = act("export.klantinteracties", P.EXPORT_PERSONAL,
                              "Klantinteracties exporteren (Open Klant)", writes=False,
                              processing="export", content=False)
AUDIT_VIEW = act("audit.view", P.VIEW_AUDIT, "Auditlog bekijken", writes=False, content=False)
AUDIT_VERIFY = act("audit.verify", P.VIEW_AUDIT, "Auditlog controleren", writes=False,
                   content=False)
PROCESSING_LOG_VIEW = act("processing_log.view", P.VIEW_AUDIT,
                          "Verwerkingenlogboek bekijken", writes=False, content=False)

# -- e-mail: accounts, sync and replies (inbox/accounts.py, oauth.py, sync.py, channels/imap.py,
#    channels/smtp.py, mailview.py) ------------------------------------------------------------
ACCOUNT_LIST = act("account.list", P.MANAGE_ACCOUNTS, "Accounts opvragen", writes=False,
                   audited=False, content=False)
ACCOUNT_ADD = act("account.add", P.MANAGE_ACCOUNTS, "Account toevoegen", content=False)
ACCOUNT_CHANGE = act("account.change", P.MANAGE_ACCOUNTS, "Account wijzigen", content=False)
ACCOUNT_REMOVE = act("account.remove", P.MANAGE_ACCOUNTS, "Account verwijderen", content=False)
ACCOUNT_TEST = act("account.test", P.MANAGE_ACCOUNTS, "Verbinding van een account testen",
                   writes=False, content=False)
ACCOUNT_SIGN_IN = act("account.sign_in", P.MANAGE_ACCOUNTS, "Aanmelden bij de mailprovider",
                      writes=False, content=False)
MAIL_SYNC = act("mail.sync", P.SYNC, "Post ophalen", audited=False, content=False)
MAIL_DELIVER = act("mail.deliver", P.SYNC, "Antwoorden versturen", audited=False, content=False)
REPLY_SEND = act("reply.send", P.REPLY, "Antwoord per e-mail", processing="create")
REPLY_SEND_AGAIN = act("reply.send_again", P.REPLY, "Antwoord opnieuw versturen",
                       processing="update")
OUTBOX_READ = act("outbox.read", P.READ_CONTENT, "Verzendstatus bekijken", writes=False,
                  audited=False)
MESSAGE_VIEW = act("message.view", P.READ_CONTENT, "Bericht en bijlagen bekijken", writes=False,
                   audited=False)
ATTACHMENT_OPEN = act("attachment.open", P.READ_CONTENT, "Bijlage openen", writes=False,
                      processing="read")

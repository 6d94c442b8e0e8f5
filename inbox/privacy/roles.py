"""Who may do what: the one grants table (role x permission) that the gate enforces.

Every act of Loket names one permission (inbox/acts.py); `allowed` answers from the table below
and nothing else. The README's role table is generated from it (`markdown_table`) and a test
keeps the two equal. The system identity (scheduled jobs such as fetching mail) has its own
narrow column; a person never acts as it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from inbox.model import Role


class Permission(StrEnum):
    LIST_CASES = "list_cases"  # reference, subject, status, who: the case list
    READ_CONTENT = "read_content"  # messages, notes, timeline, search, suggestions
    WORK_CASES = "work_cases"  # assign, status, notes, phone/counter notes, import, merge
    REPLY = "reply"  # send to a resident (e-mail, Mastodon)
    READ_CONTACTS = "read_contacts"  # a resident's contact card and merge suggestions
    MANAGE_CONTACTS = "manage_contacts"  # merge, undo a merge, mark two residents distinct
    MANAGE_TEMPLATES = "manage_templates"  # standaardantwoorden of the team
    VIEW_STATS = "view_stats"  # counts only
    SET_NORMS = "set_norms"  # response norms and the team's targets
    MANAGE_USERS = "manage_users"  # colleagues, roles, passwords
    MANAGE_ACCOUNTS = "manage_accounts"  # mail and Mastodon accounts, OAuth sign-in
    MANAGE_SETTINGS = "manage_settings"  # departments, office hours, team sync, organisation
    MANAGE_KEYS = "manage_keys"  # database key: recovery key, rotation, backup
    ARCHIVE = "archive"  # retention, destruction lists (metadata)
    REVIEW_DESTRUCTION = "review_destruction"  # the second pair of eyes on a destruction list
    EXPORT_ARCHIVE = "export_archive"  # MDTO export (content leaves Loket: logged)
    EXPORT_PERSONAL = "export_personal"  # AVG inzage and erasure, Woo, Klantinteracties
    VIEW_AUDIT = "view_audit"  # the audit trail and the processing log
    SYNC = "sync"  # fetch mail and send the outbox
    RECEIVE = "receive"  # file arriving messages into cases
    KB_READ = "kb_read"  # the kennisbank
    KB_EDIT = "kb_edit"  # edit and import kennisbank articles (beheerder, or granted)
    OWN_ACCOUNT = "own_account"  # one's own password, signing out
    LIFT_CONFIDENTIAL = "lift_confidential"  # undo someone's vertrouwelijk marking


P = Permission

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.MEDEWERKER: frozenset(
        {
            P.LIST_CASES,
            P.READ_CONTENT,
            P.WORK_CASES,
            P.REPLY,
            P.READ_CONTACTS,
            P.MANAGE_CONTACTS,
            P.MANAGE_TEMPLATES,
            P.VIEW_STATS,
            P.SYNC,
            P.RECEIVE,
            P.KB_READ,
            P.OWN_ACCOUNT,
        }
    ),
    Role.TEAMLEIDER: frozenset(
        {P.VIEW_STATS, P.SET_NORMS, P.REVIEW_DESTRUCTION, P.OWN_ACCOUNT}
    ),
    Role.ARCHIVARIS: frozenset(
        {
            P.LIST_CASES,
            P.ARCHIVE,
            P.REVIEW_DESTRUCTION,
            P.EXPORT_ARCHIVE,
            P.EXPORT_PERSONAL,
            P.VIEW_AUDIT,
            P.VIEW_STATS,
            P.OWN_ACCOUNT,
        }
    ),
    Role.BEHEERDER: frozenset(
        {
            P.MANAGE_USERS,
            P.MANAGE_ACCOUNTS,
            P.MANAGE_SETTINGS,
            P.MANAGE_KEYS,
            P.MANAGE_TEMPLATES,
            P.SET_NORMS,
            P.VIEW_AUDIT,
            P.KB_READ,
            P.KB_EDIT,
            P.OWN_ACCOUNT,
            P.LIFT_CONFIDENTIAL,
        }
    ),
}

# The system identity runs scheduled jobs only: fetching mail and filing it.
SYSTEM_GRANTS: frozenset[Permission] = frozenset({P.SYNC, P.RECEIVE})

# A database from before sign-in was required, where nobody has a password yet: it can be read
# (unnamed, audited) until its first beheerder is set, but nothing can be changed.
UNNAMED_READ_ONLY: frozenset[Permission] = frozenset(
    {P.LIST_CASES, P.READ_CONTENT, P.VIEW_STATS, P.KB_READ}
)

# Rights a beheerder may give one person on top of their role.
GRANTABLE: frozenset[Permission] = frozenset({P.KB_EDIT})

ROLE_LABELS = {
    Role.MEDEWERKER: "medewerker KCC",
    Role.TEAMLEIDER: "teamleider",
    Role.ARCHIVARIS: "archivaris",
    Role.BEHEERDER: "beheerder",
}

# What each permission means, for the README table and the beheerder's screen.
DESCRIPTIONS: dict[Permission, str] = {
    P.LIST_CASES: "case list (reference, subject, status, assignee)",
    P.READ_CONTENT: "message and note text, timeline, search",
    P.WORK_CASES: "assign, status, notes, phone/counter notes, import, merge/split",
    P.REPLY: "reply to a resident (e-mail, Mastodon)",
    P.READ_CONTACTS: "a resident's contact card",
    P.MANAGE_CONTACTS: "merge residents, undo, mark distinct",
    P.MANAGE_TEMPLATES: "standaardantwoorden",
    P.VIEW_STATS: "counts and figures",
    P.SET_NORMS: "response norms and targets",
    P.MANAGE_USERS: "colleagues, roles, passwords",
    P.MANAGE_ACCOUNTS: "mail and Mastodon accounts",
    P.MANAGE_SETTINGS: "departments, office hours, team sync, organisation",
    P.MANAGE_KEYS: "database key, recovery key, backups",
    P.ARCHIVE: "retention, destruction lists",
    P.REVIEW_DESTRUCTION: "review a destruction list (not one's own)",
    P.EXPORT_ARCHIVE: "MDTO export",
    P.EXPORT_PERSONAL: "AVG inzage and erasure, Woo, Klantinteracties export",
    P.VIEW_AUDIT: "audit trail and processing log",
    P.SYNC: "fetch mail and send the outbox",
    P.RECEIVE: "file arriving messages",
    P.KB_READ: "read the kennisbank",
    P.KB_EDIT: "edit the kennisbank",
    P.OWN_ACCOUNT: "one's own password, signing out",
    P.LIFT_CONFIDENTIAL: "undo a vertrouwelijk marking",
}

REFUSALS: dict[Permission, str] = {
    P.LIST_CASES: "U mag de zaken niet inzien.",
    P.READ_CONTENT: "U mag de inhoud van zaken niet lezen.",
    P.WORK_CASES: "U mag zaken niet behandelen.",
    P.REPLY: "Alleen een medewerker KCC mag inwoners antwoorden.",
    P.READ_CONTACTS: "U mag de gegevens van inwoners niet inzien.",
    P.MANAGE_CONTACTS: "Alleen een medewerker KCC mag inwoners samenvoegen of splitsen.",
    P.MANAGE_TEMPLATES: "U mag de standaardantwoorden niet beheren.",
    P.VIEW_STATS: "U mag de cijfers niet inzien.",
    P.SET_NORMS: "Alleen een teamleider of beheerder mag de normen instellen.",
    P.MANAGE_USERS: "Dit mag alleen een beheerder.",
    P.MANAGE_ACCOUNTS: "Alleen een beheerder mag accounts beheren.",
    P.MANAGE_SETTINGS: "Dit mag alleen een beheerder.",
    P.MANAGE_KEYS: "Alleen een beheerder mag de sleutel beheren.",
    P.ARCHIVE: "Dit mag alleen een archivaris.",
    P.REVIEW_DESTRUCTION: "Alleen een archivaris of teamleider mag een lijst beoordelen.",
    P.EXPORT_ARCHIVE: "Dit mag alleen een archivaris.",
    P.EXPORT_PERSONAL: "Dit mag alleen een archivaris.",
    P.VIEW_AUDIT: "Dit mag alleen een beheerder of archivaris.",
    P.SYNC: "U mag geen post ophalen of versturen.",
    P.RECEIVE: "U mag geen berichten invoeren.",
    P.KB_READ: "U mag de kennisbank niet inzien.",
    P.KB_EDIT: "U mag de kennisbank niet bewerken.",
    P.OWN_ACCOUNT: "Meld u eerst aan.",
    P.LIFT_CONFIDENTIAL: "Alleen de behandelaar of een beheerder mag dit opheffen.",
}

NOT_SIGNED_IN = "Meld u eerst aan."


def allowed(
    role: Role | None, permission: Permission, extra: Iterable[Permission] = ()
) -> bool:
    """Whether a person with `role` (and the granted `extra` rights) may use `permission`."""
    if role is None:
        return False
    return permission in GRANTS[role] or permission in set(extra) & GRANTABLE


def markdown_table() -> str:
    """The README's role table, generated from GRANTS (a test keeps the README equal)."""
    roles = list(GRANTS)
    head = "| permission | means | " + " | ".join(r.value for r in roles) + " | systeem |"
    rule = "|---|---|" + "---|" * (len(roles) + 1)
    rows = [head, rule]
    for permission in Permission:
        marks = ["✓" if permission in GRANTS[r] else "" for r in roles]
        marks.append("✓" if permission in SYSTEM_GRANTS else "")
        rows.append(
            f"| `{permission.value}` | {DESCRIPTIONS[permission]} | " + " | ".join(marks) + " |"
        )
    return "\n".join(rows)

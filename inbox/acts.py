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


def lookup(code: str, permission: Permission, label: str) -> Act:
    """Declare a look at lists, settings or figures: it reads only, leaves no audit entry (a
    list opened all day long would drown the trail) and shows no case content, so a
    vertrouwelijk case's content rule does not apply."""
    return act(code, permission, label, writes=False, audited=False, content=False)


def sync_pass(code: str, label: str) -> Act:
    """Declare the system's own work in a sync pass (fetching mail, applying the team's
    changes): it writes, but leaves no audit entry (it runs all day; what it files is
    recorded as case events) and is not held to the vertrouwelijk rule (it works for all)."""
    return act(code, P.SYNC, label, audited=False, content=False)


def label(code: str) -> str:
    """The Dutch name of an audit action code (unknown codes, e.g. older rows, as they are)."""
    base, _, detail = code.partition(":")
    found = ACTS.get(base)
    if found is None:
        return code
    return found.label + (f" ({detail})" if detail else "")


# -- cases -------------------------------------------------------------------------------------
CASE_LIST = lookup("case.list", P.LIST_CASES, "Zaken opvragen")
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
CASE_CONFIDENTIAL = act("case.confidential", P.WORK_CASES, "Vertrouwelijk maken of opheffen",
                       processing="update")
# a beheerder undoes a colleague's marking: metadata only, never the content
CASE_CONFIDENTIAL_LIFT = act("case.confidential.lift", P.LIFT_CONFIDENTIAL,
                             "Vertrouwelijk opheffen (beheerder)", content=False)
MESSAGE_RECEIVE = act("message.receive", P.RECEIVE, "Bericht ontvangen", audited=False)

# -- figures ---------------------------------------------------------------------------------
STATS_VIEW = lookup("stats.view", P.VIEW_STATS, "Cijfers bekijken")

# -- people ----------------------------------------------------------------------------------
USER_LIST = lookup("user.list", P.MANAGE_USERS, "Gebruikers opvragen")
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
DB_CHECK = lookup("db.check", P.MANAGE_KEYS, "Database controleren")
# the key is changed outside a transaction (SQLCipher rekeys the whole file), so these do not
# "write": the gate audits them after the work, in a transaction of their own
KEY_SHOW_RECOVERY = act("key.show_recovery", P.MANAGE_KEYS, "Herstelsleutel getoond",
                        writes=False, content=False)
KEY_ROTATE = act("key.rotate", P.MANAGE_KEYS, "Sleutel vervangen", writes=False, content=False)
KEY_ENCRYPT = act("key.encrypt", P.MANAGE_KEYS, "Database versleuteld", writes=False,
                  content=False)
BACKUP_CREATE = act("backup.create", P.MANAGE_KEYS, "Reservekopie maken", writes=False,
                    content=False)
BACKUP_RESTORE = act("backup.restore", P.MANAGE_KEYS, "Reservekopie terugzetten", content=False)
AUDIT_ACCEPT = act("audit.accept", P.MANAGE_USERS, "Auditlog aanvaarden na een melding",
                   content=False)

# -- privacy: AVG requests, inzage, erasure, audit trail, processing log ---------------------
AVG_REQUESTS = lookup("avg.requests", P.EXPORT_PERSONAL, "AVG-verzoeken opvragen")
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

# -- kennisbank and trends ---------------------------------------------------------------------
KB_READ = lookup("kb.read", P.KB_READ, "Kennisbank raadplegen")
KB_USE = act("kb.use", P.KB_READ, "Kennisbankantwoord gebruikt", audited=False, content=False)
KB_MISS = act("kb.miss", P.KB_READ, "Zoekvraag zonder resultaat", audited=False, content=False)
KB_EXPORT = act("kb.export", P.KB_READ, "Kennisbank exporteren", writes=False, content=False)
KB_EDIT = act("kb.edit", P.KB_EDIT, "Kennisbankartikel bewerken", content=False)
KB_IMPORT = act("kb.import", P.KB_EDIT, "Kennisbank importeren", content=False)
KB_HEALTH = lookup("kb.health", P.KB_EDIT, "Onderhoud kennisbank bekijken")
KB_USAGE = lookup("kb.usage", P.VIEW_STATS, "Gebruik kennisbank bekijken")
TEMPLATE_TEAM = sync_pass("template.team", "Standaardantwoorden van het team bijwerken")
KB_TEAM = sync_pass("kb.team", "Kennisbank van het team bijwerken")
KB_SUGGEST = act("kb.suggest", P.READ_CONTENT, "Suggesties bij een zaak", writes=False,
                 audited=False)
TRENDS_VIEW = lookup("trends.view", P.VIEW_STATS, "Trends bekijken")
TRENDS_CASES = lookup("trends.cases", P.LIST_CASES, "Zaken bij een trend")
TRENDS_SIGNAL = act("trends.signal", P.VIEW_STATS, "Signaal over een trend versturen",
                    content=False)
# -- records: retention, legal hold, destruction, MDTO (inbox/archive/) ----------------------
# Metadata acts (content=False): the archivaris sees retention and destruction of vertrouwelijk
# cases too; the MDTO export withholds their content itself (it is not opened on one case).
RETENTION_RESULTS = lookup("retention.results", P.ARCHIVE, "Selectielijst raadplegen")
RETENTION_RULES = lookup("retention.rules", P.ARCHIVE, "Bewaarregels opvragen")
RETENTION_MAP = act("retention.map", P.ARCHIVE, "Bewaarregel instellen", content=False)
RETENTION_APPLY = act("retention.apply", P.ARCHIVE, "Bewaartermijnen vastleggen", content=False)
RETENTION_DUE = lookup("retention.due", P.ARCHIVE, "Te vernietigen zaken opvragen")
RETENTION_SHOW = lookup("retention.show", P.ARCHIVE, "Bewaartermijn van een zaak opvragen")
# a colleague's closing or reopening, arriving through team sync, fixes or clears retention here
RETENTION_FOLLOW = sync_pass("retention.follow", "Bewaartermijn volgt teamwijziging")
LEGAL_HOLD = act("archive.hold", P.ARCHIVE, "Bewaarplicht (legal hold) wijzigen", content=False)
ORGANISATION_READ = lookup("archive.organisation", P.ARCHIVE, "Archiefvormer opvragen")
ORGANISATION_SET = act("archive.organisation.set", P.ARCHIVE, "Archiefvormer instellen",
                       content=False)
DESTRUCTION_LISTS = lookup("destruction.lists", P.REVIEW_DESTRUCTION, "Vernietigingslijsten inzien")
DESTRUCTION_PROPOSE = act("destruction.propose", P.ARCHIVE, "Vernietigingslijst voorstellen",
                          content=False)
DESTRUCTION_REVIEW = act("destruction.review", P.REVIEW_DESTRUCTION,
                         "Vernietigingslijst beoordelen", content=False)
DESTRUCTION_APPROVE = act("destruction.approve", P.ARCHIVE, "Vernietigingslijst goedkeuren",
                          content=False)
DESTRUCTION_REJECT = act("destruction.reject", P.ARCHIVE, "Vernietigingslijst afwijzen",
                         content=False)
DESTRUCTION_CARRY_OUT = act("destruction.carry_out", P.ARCHIVE, "Vernietiging uitvoeren",
                            processing="erase", content=False)
# after a carried-out list: unused blobs removed, index rebuilt, file VACUUMed (no transaction)
DESTRUCTION_SCRUB = act("destruction.scrub", P.ARCHIVE, "Vernietigde gegevens wegpoetsen",
                        writes=False, audited=False, content=False)
DESTRUCTION_CERTIFICATE = act("destruction.certificate", P.REVIEW_DESTRUCTION,
                              "Verklaring van vernietiging opslaan", writes=False, content=False)
MDTO_SELECT = lookup("mdto.select", P.EXPORT_ARCHIVE, "Zaken voor MDTO-export kiezen")
# reads content to count files and bytes, but nothing leaves Loket: no audit, no processing
MDTO_PLAN = lookup("mdto.plan", P.EXPORT_ARCHIVE, "MDTO-export voorbereiden")
# not one write transaction: a package can take minutes and must not stall mail sync; the one
# write (the mdto_export event) commits at the end. Each resident whose content leaves Loket
# gets a processing-log entry (operation export).
MDTO_EXPORT = act("export.mdto", P.EXPORT_ARCHIVE, "MDTO-export", writes=False,
                  processing="export", content=False)
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
MASTODON_ACCOUNT_LIST = lookup("mastodon.account.list", P.MANAGE_ACCOUNTS,
                               "Mastodon-accounts opvragen")
# Fetching: which accounts (read), where each stream got to (statuses: message.receive).
MASTODON_ACCOUNTS = lookup("mastodon.accounts", P.SYNC, "Mastodon-accounts voor ophalen")
MASTODON_SYNC = sync_pass("mastodon.sync", "Mastodon ophalen")
# A reply is posted over the network, so the act holds no write transaction while it waits;
# the posted status is filed in its own (message.receive), the audit entry follows success.
MASTODON_REPLY = act("mastodon.reply", P.REPLY, "Antwoorden op Mastodon", writes=False,
                     processing="create")
MASTODON_REPLY_TARGET = act("mastodon.reply.target", P.REPLY, "Mastodon-antwoord voorbereiden",
                            writes=False, audited=False)
# Listening (inbox/channels/listening.py): the beheerder chooses the hashtags and keywords;
# fetching them (and purging old posts) is part of the account's fetch pass; a medewerker reads
# the posts (a resident's handle and words: audited) and makes a case of one.
MASTODON_WATCH_LIST = lookup("mastodon.watch.list", P.MANAGE_ACCOUNTS, "Luistertermen opvragen")
MASTODON_WATCH_ADD = act("mastodon.watch.add", P.MANAGE_ACCOUNTS, "Luisterterm toevoegen",
                         content=False)
MASTODON_WATCH_REMOVE = act("mastodon.watch.remove", P.MANAGE_ACCOUNTS,
                            "Luisterterm verwijderen", content=False)
MASTODON_WATCH_KEEP = act("mastodon.watch.keep", P.MANAGE_ACCOUNTS,
                          "Bewaartermijn meeluisteren instellen", content=False)
MASTODON_LISTEN = sync_pass("mastodon.listen", "Meeluisteren op Mastodon")
MASTODON_POSTS = act("mastodon.posts", P.READ_CONTENT, "Meegeluisterde berichten bekijken",
                     writes=False, content=False)
MASTODON_POST_CASE = act("mastodon.post.case", P.WORK_CASES,
                         "Zaak maken van een Mastodon-bericht", processing="create",
                         content=False)

# -- Woo (openbaarmaking) --------------------------------------------------------------------
WOO_REVIEW = act("woo.review", P.EXPORT_PERSONAL, "Woo: zaak beoordelen voor openbaarmaking",
                 writes=False, processing="read", activity="woo-openbaarmaking")
WOO_DECIDE = act("woo.decide", P.EXPORT_PERSONAL, "Woo: lakken beoordeeld")
WOO_EXPORT = act("woo.export", P.EXPORT_PERSONAL, "Exporteren: Woo", processing="export",
                 activity="woo-openbaarmaking")
# -- casework: residents, case fields, merge/split/move, norms, templates, demo ---------------
# (inbox/contacts.py, casework.py, workspace.py, reports.py, demo.py)
CONTACT_FIND = lookup("contact.find", P.READ_CONTACTS, "Inwoner opzoeken")
CONTACT_SHOW = act("contact.show", P.READ_CONTACTS, "Inwoner bekijken", writes=False,
                   processing="read")
CONTACT_SUGGESTIONS = act("contact.suggestions", P.MANAGE_CONTACTS,
                          "Voorstellen samenvoegen inwoners bekijken", writes=False,
                          content=False)
CONTACT_MERGE = act("contact.merge", P.MANAGE_CONTACTS, "Inwoners samenvoegen",
                    processing="update", content=False)
CONTACT_UNMERGE = act("contact.unmerge", P.MANAGE_CONTACTS, "Samenvoeging ongedaan maken",
                      processing="update", content=False)
CONTACT_DISTINCT = act("contact.distinct", P.MANAGE_CONTACTS,
                       "Inwoners als verschillend vastleggen", processing="update",
                       content=False)
CASE_PRODUCT = act("case.product", P.WORK_CASES, "Product instellen", processing="update")
CASE_LABEL = act("case.label", P.WORK_CASES, "Labels instellen", processing="update")
# one action on several cases in one transaction (the case list's multi-selection); each
# case's own act (assign, status, close, label) runs inside it
CASE_BULK = act("case.bulk", P.WORK_CASES, "Actie op meerdere zaken", content=False)
CASE_DEADLINE = act("case.deadline", P.WORK_CASES, "Termijn instellen", processing="update")
CASE_MERGE = act("case.merge", P.WORK_CASES, "Zaken samenvoegen", processing="update")
CASE_SPLIT = act("case.split", P.WORK_CASES, "Zaak splitsen", processing="update")
MESSAGE_MOVE = act("message.move", P.WORK_CASES, "Bericht verplaatsen", processing="update")
CASE_UNDO = act("case.undo", P.WORK_CASES, "Wijziging ongedaan maken", audited=False)
CASE_REPLY = act("case.reply", P.REPLY, "Antwoord per e-mail klaarzetten", processing="create")
CASE_ANSWERED_ELSEWHERE = act("case.answered_elsewhere", P.REPLY,
                              "Antwoord buiten Loket vastgelegd", processing="create")
SEARCH_SAVE = act("search.save", P.LIST_CASES, "Zoekopdracht bewaren", audited=False,
                  content=False)
NORMS_VIEW = lookup("norms.view", P.SET_NORMS, "Normen bekijken")
NORMS_SET = act("norms.set", P.SET_NORMS, "Normen instellen", content=False)
TEMPLATES_LIST = lookup("templates.list", P.MANAGE_TEMPLATES, "Standaardantwoorden opvragen")
TEMPLATE_SAVE = act("template.save", P.MANAGE_TEMPLATES, "Standaardantwoord bewaren",
                    content=False)
TEMPLATE_RETIRE = act("template.retire", P.MANAGE_TEMPLATES, "Standaardantwoord intrekken",
                      content=False)
DEMO_BUILD = act("demo.build", P.MANAGE_USERS, "Demogegevens maken", content=False)


# -- team sync (inbox/teamsync/) -------------------------------------------------------------
TEAM_SETUP = act("team.setup", P.MANAGE_SETTINGS, "Teamsynchronisatie instellen", content=False)
TEAM_JOIN = act("team.join", P.MANAGE_SETTINGS, "Teamlogboek lezen bij het instellen",
                audited=False, content=False)
TEAM_SYNC = sync_pass("team.sync", "Teamsynchronisatie")
TEAM_ERASE = act("team.erase", P.SYNC, "Verwijdering (AVG) van een collega-laptop uitvoeren",
                 processing="erase", activity="avg-inzage", content=False)
TEAM_ERASE_COMPACT = act("team.erase.compact", P.SYNC,
                         "Verwijderde gegevens uit de opslag wissen (team)", writes=False,
                         audited=False, content=False)
TEAM_STATUS = lookup("team.status", P.MANAGE_SETTINGS, "Teamstatus en laptops bekijken")
TEAM_CONFLICTS = lookup("team.conflicts", P.LIST_CASES, "Teamconflicten bekijken")
TEAM_PRESENCE = act("team.presence", P.WORK_CASES, "Collega's laten zien waar je mee bezig bent",
                    audited=False)
TEAM_PRESENCE_READ = act("team.presence.read", P.READ_CONTENT, "Zien wie met een zaak bezig is",
                         writes=False, audited=False)

# -- e-mail: accounts, sync and replies (inbox/accounts.py, oauth.py, sync.py, channels/imap.py,
#    channels/smtp.py, mailview.py) ------------------------------------------------------------
ACCOUNT_LIST = lookup("account.list", P.MANAGE_ACCOUNTS, "Accounts opvragen")
ACCOUNT_ADD = act("account.add", P.MANAGE_ACCOUNTS, "Account toevoegen", content=False)
ACCOUNT_CHANGE = act("account.change", P.MANAGE_ACCOUNTS, "Account wijzigen", content=False)
ACCOUNT_REMOVE = act("account.remove", P.MANAGE_ACCOUNTS, "Account verwijderen", content=False)
ACCOUNT_TEST = act("account.test", P.MANAGE_ACCOUNTS, "Verbinding van een account testen",
                   writes=False, content=False)
ACCOUNT_SIGN_IN = act("account.sign_in", P.MANAGE_ACCOUNTS, "Aanmelden bij de mailprovider",
                      writes=False, content=False)
MAIL_SYNC = sync_pass("mail.sync", "Post ophalen")
MAIL_DELIVER = sync_pass("mail.deliver", "Antwoorden versturen")
REPLY_SEND = act("reply.send", P.REPLY, "Antwoord per e-mail", processing="create")
REPLY_SEND_AGAIN = act("reply.send_again", P.REPLY, "Antwoord opnieuw versturen",
                       processing="update")
OUTBOX_READ = act("outbox.read", P.READ_CONTENT, "Verzendstatus bekijken", writes=False,
                  audited=False)
MESSAGE_VIEW = act("message.view", P.READ_CONTENT, "Bericht en bijlagen bekijken", writes=False,
                   audited=False)
ATTACHMENT_OPEN = act("attachment.open", P.READ_CONTENT, "Bijlage openen", writes=False,
                      processing="read")

# -- the KCC's day: departments and hand-over, call-backs, deadlines, products, auto-reply ------
# (inbox/departments.py, handover.py, callbacks.py, deadlines.py, autoreply.py)
DEPARTMENT_LIST = lookup("department.list", P.MANAGE_SETTINGS, "Vakafdelingen opvragen")
DEPARTMENT_SAVE = act("department.save", P.MANAGE_SETTINGS, "Vakafdeling toevoegen of wijzigen",
                      content=False)
# the medewerker picks a department to hand a case over to (names only)
DEPARTMENT_CHOOSE = lookup("department.choose", P.WORK_CASES, "Vakafdeling kiezen")
# the case's question and originals go by e-mail to another part of the municipality (the
# same organisation: an update of the case in the processing log; the audit names the act)
CASE_FORWARD = act("case.forward", P.WORK_CASES, "Zaak overdragen aan vakafdeling",
                   processing="update")
CALLBACK_LIST = act("callback.list", P.READ_CONTENT, "Terugbelverzoeken opvragen", writes=False)
CALLBACK_REQUEST = act("callback.request", P.WORK_CASES, "Terugbelverzoek vastleggen",
                       processing="create")
CALLBACK_ASSIGN = act("callback.assign", P.WORK_CASES, "Terugbelverzoek toewijzen",
                      processing="update")
CALLBACK_DONE = act("callback.done", P.WORK_CASES, "Terugbelverzoek afhandelen",
                    processing="update")
OFFICE_HOURS_VIEW = lookup("office_hours.view", P.MANAGE_SETTINGS, "Openingstijden bekijken")
OFFICE_HOURS_SET = act("office_hours.set", P.MANAGE_SETTINGS, "Openingstijden instellen",
                       content=False)
# open cases without an "antwoord uiterlijk" get theirs (after an upgrade, or new norms)
DEADLINES_FILL = act("deadlines.fill", P.LIST_CASES, "Termijnen berekenen", audited=False,
                     content=False)
PRODUCTS_LIST = lookup("products.list", P.WORK_CASES, "Producten opvragen")
AUTOREPLY_SET = act("autoreply.set", P.MANAGE_ACCOUNTS, "Automatisch antwoord instellen",
                    content=False)
# filed mail outside office hours gets the account's automatic reply (the system's sync pass)
AUTOREPLY_QUEUE = sync_pass("autoreply.queue", "Automatisch antwoord klaarzetten")

# -- the command line (inbox/cli/) -------------------------------------------------------------
CLI_BATCH = act("cli.batch", P.OWN_ACCOUNT, "Opdrachtenbestand uitvoeren", writes=False,
                content=False)

"""The role matrix: every CLI command (and GUI action) with the act it runs.

Who may run a row is never written here: it follows from the act's permission in the grants
table (inbox/privacy/roles.py). tests/unit/test_role_matrix.py walks the argparse tree (a new
command without a row fails), runs every checked row as each role and as nobody on a demo
database with planted phrases, and checks refusals, leaks and audit entries;
tests/unit/test_cli_parity.py checks that every act of the catalogue has a command.

To add a command: add a `Row` with its act. Placeholders in `args` are filled from the demo
database the test builds: {open} the case with the planted phrase, {secret} the vertrouwelijk
case assigned to anne, {c1}..{c9} other open cases, {addr} the planted resident's address,
{secret_addr} the address of the resident of the vertrouwelijk case,
{contact}/{contact2}/{contact3}/{contact4} residents, {merge} an earlier merge, {split_case} and
{split_msg} a case with two messages and one of them, {move_msg} a message that can move,
{original} a message kept with its original bytes, {mine} a case assigned to anne, {closed} a
closed case, {toot} a Mastodon case, {post} a public post heard while listening, {eml} an .eml
file to import, {reply} a reply text file, {out} a fresh path for a written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KB_STARTER = Path(__file__).resolve().parent.parent / "resources" / "kb" / "artikelen.csv"


@dataclass(frozen=True)
class Row:
    path: tuple[str, ...]  # the command, as argparse knows it ("contact", "show")
    args: tuple[str, ...] = ()  # what follows the command (placeholders filled in)
    act: str | None = None  # the act whose permission decides (None: legacy, see below)
    # A module not yet behind the gate (tests/check_imports.py LEGACY) decides who may run
    # the command; the row is listed but not checked until the module leaves LEGACY.
    legacy: str | None = None
    # For a role the act allows: an error the command still gives on the demo database
    # (e.g. demo data only go into a new database); None: it must succeed.
    state_error: str | None = None
    stdin: str = ""  # what the command reads from standard input (a password)
    # Why those allowed to run it may see a vertrouwelijk case's content (None: only the
    # case's assignee may, as everywhere else)
    vertrouwelijk_too: str | None = None

    @property
    def name(self) -> str:
        return " ".join(self.path + self.args)


R = Row

CLI: tuple[Row, ...] = (
    # -- cases -----------------------------------------------------------------------------
    R(("cases",), ("--json",), act="case.list"),
    R(("messages",), ("--case", "{open}", "--json"), act="messages.list"),
    R(("messages",), ("--contact", "{addr}", "--json"), act="messages.list"),
    R(("messages",), ("--contact", "{secret_addr}", "--json"), act="messages.list"),
    R(("case",), ("{open}", "--json"), act="case.read"),
    R(("case",), ("{secret}", "--json"), act="case.read"),
    R(("case",), ("{c1}", "--assign", "bram"), act="case.assign"),
    R(("case",), ("{c2}", "--status", "wacht_op_inwoner"), act="case.status"),
    R(("case",), ("{c3}", "--status", "afgerond", "--outcome", "Uitgelegd", "--in-one-go"),
      act="case.close"),
    R(("case",), ("{c4}", "--note", "Teruggebeld"), act="case.note"),
    R(("case",), ("{c4}", "--product", "Paspoort"), act="case.product"),
    R(("case",), ("{c4}", "--deadline", "2026-12-01"), act="case.deadline"),
    R(("case",), ("{c8}", "--label", "Wijk Noord", "--unlabel", "Pers"), act="case.label"),
    R(("bulk",), ("{c8}", "{c1}", "--label", "Pers"), act="case.bulk"),
    R(("case",), ("{open}", "--reply-file", "{reply}"), act="case.reply"),
    R(("case",), ("{c5}", "--answered-elsewhere", "Teruggebeld en uitgelegd", "--via", "phone"),
      act="case.answered_elsewhere"),
    R(("case",), ("{mine}", "--confidential", "on", "--reason", "Schuldhulp"),
      act="case.confidential"),
    R(("case",), ("merge", "{c5}", "{c6}"), act="case.merge"),
    R(("case",), ("split", "{split_case}", "--message", "{split_msg}"), act="case.split"),
    R(("case",), ("move-message", "{move_msg}", "--to", "{c7}"), act="message.move"),
    R(("message",), ("{original}", "--out", "{out}"), act="message.original"),
    R(("search",), ("kwartelkoning", "--json"), act="case.search"),
    R(("search",), ("roerdompsnavel", "--json"), act="case.search"),
    R(("stats",), ("--json",), act="stats.view"),
    R(("norms", "list"), ("--json",), act="norms.view"),
    R(("norms", "set"), ("email", "--amount", "3"), act="norms.set"),
    R(("templates", "list"), ("--json",), act="templates.list"),
    R(("templates", "add"), ("--title", "Matrix", "--text", "Beste {{naam}}."),
      act="template.save"),
    R(("templates", "edit"), ("ontvangstbevestiging", "--title", "Ontvangen"),
      act="template.save"),
    R(("templates", "retire"), ("ontvangstbevestiging",), act="template.retire"),
    R(("searches", "list"), ("--json",), act="case.list"),
    R(("searches", "save"), ("Open", "--status", "nieuw"), act="search.save"),
    R(("searches", "delete"), ("Open",), act="search.save"),
    # -- residents -------------------------------------------------------------------------
    R(("contact", "show"), ("{addr}", "--json"), act="contact.show"),
    R(("contact", "show"), ("#{contact}", "--json"), act="contact.show"),
    R(("contact", "show"), ("{secret_addr}", "--json"), act="contact.show"),
    R(("contact", "suggestions"), ("--json",), act="contact.suggestions"),
    R(("contact", "merge"), ("{contact}", "{contact2}"), act="contact.merge"),
    R(("contact", "unmerge"), ("{merge}",), act="contact.unmerge"),
    R(("contact", "distinct"), ("{contact3}", "{contact4}"), act="contact.distinct"),
    R(("contact", "log"), ("--channel", "phone", "--name", "Sanne", "--question",
                           "Wanneer is het stadhuis open?", "--answer", "Tot vijf uur"),
      act="contact.log"),
    # -- the installation --------------------------------------------------------------------
    R(("demo",), ("--cases", "1"), act="demo.build", state_error="nieuwe database"),
    R(("import",), ("{eml}",), act="import.files"),
    R(("check",), (), act="db.check"),
    # -- colleagues (carla: a demo medewerker who is not one of the people running the rows) --
    R(("user", "list"), ("--json",), act="user.list"),
    R(("user", "add"), ("nieuw", "--name", "Nieuwe Collega", "--role", "medewerker",
                        "--password-stdin"), act="user.add", stdin="zomer-appel-fiets-42\n"),
    R(("user", "passwd"), ("carla", "--password-stdin"), act="user.passwd",
      stdin="herfst-peer-auto-17\n"),
    R(("user", "role"), ("carla", "teamleider"), act="user.role"),
    R(("user", "disable"), ("carla",), act="user.disable"),
    R(("user", "enable"), ("carla",), act="user.enable"),
    R(("user", "unlock"), ("carla",), act="user.unlock"),
    R(("user", "grant"), ("carla", "kennisbank"), act="user.grant"),
    R(("user", "revoke"), ("carla", "kennisbank"), act="user.grant"),
    # -- records (the archivaris; the teamleider reviews) ------------------------------------
    R(("retention", "results"), ("--search", "klant", "--json"), act="retention.results"),
    R(("retention", "rules"), ("--json",), act="retention.rules"),
    R(("retention", "map"), ("--product", "Paspoort", "--result", "1.1"), act="retention.map",
      state_error="resultaat"),
    R(("retention", "due"), ("--on", "2099-01-01", "--json"), act="retention.due"),
    R(("retention", "apply"), ("--json",), act="retention.apply"),
    R(("retention", "show"), ("{c1}", "--json"), act="retention.show"),
    R(("hold",), ("{c9}", "on", "--reason", "Bezwaarprocedure"), act="archive.hold"),
    R(("organisation",), ("--json",), act="archive.organisation"),
    R(("organisation",), ("--name", "Gemeente Voorbeeld", "--identifier", "GM0999"),
      act="archive.organisation.set"),
    R(("export", "mdto"), ("--out", "{out}", "--case", "{closed}"), act="export.mdto"),
    R(("destruction", "propose"), ("--on", "2099-01-01", "--json"), act="destruction.propose"),
    R(("destruction", "lists"), ("--json",), act="destruction.lists"),
    R(("destruction", "show"), ("1", "--json"), act="destruction.lists"),
    R(("destruction", "review"), ("1",), act="destruction.review"),
    R(("destruction", "approve"), ("1",), act="destruction.approve"),
    R(("destruction", "carry-out"), ("1",), act="destruction.carry_out"),
    R(("destruction", "verklaring"), ("1", "--out", "{out}"), act="destruction.certificate"),
    # a list carried out cannot be rejected any more: the archivaris is let through, then told
    R(("destruction", "reject"), ("1", "--reason", "Nog niet"), act="destruction.reject",
      state_error="lijst"),
    # -- social channels ---------------------------------------------------------------------
    R(("mastodon", "sync"), ("--json",), act="mastodon.sync"),  # no account yet: nothing to do
    R(("mastodon", "reply"), ("{toot}", "--text", "Dank u, we kijken ernaar."),
      act="mastodon.reply", state_error="Mastodon"),  # no account yet: never the network
    R(("account", "add", "mastodon"), ("--name", "Toot", "--url", "https://social.example",
                                       "--token-stdin", "--no-verify"),  # no network
      act="mastodon.account.add", stdin="token-matrix\n"),
    R(("mastodon", "listen"), ("Toot", "--add", "#gemeentevoorbeeld"),
      act="mastodon.watch.add"),
    R(("mastodon", "listen"), ("Toot", "--list", "--json"), act="mastodon.watch.list"),
    R(("mastodon", "listen"), ("Toot", "--keep-days", "14"), act="mastodon.watch.keep"),
    R(("mastodon", "listen"), ("Toot", "--remove", "#gemeentevoorbeeld"),
      act="mastodon.watch.remove"),
    R(("mastodon", "remove"), ("Toot",), act="mastodon.account.remove"),
    R(("mastodon", "posts"), ("--json",), act="mastodon.posts"),
    R(("mastodon", "post-to-case"), ("{post}",), act="mastodon.post.case"),
    # -- kennisbank, suggestions and trends (the demo loads the starter articles) --------------
    R(("kb", "list"), ("--json",), act="kb.read"),
    R(("kb", "show"), ("Grofvuil laten ophalen", "--json"), act="kb.read"),
    R(("kb", "history"), ("Grofvuil laten ophalen", "--json"), act="kb.read"),
    R(("kb", "search"), ("paspoort kwijt", "--json"), act="kb.read"),
    R(("kb", "use"), ("Hondenbelasting",), act="kb.use"),
    R(("kb", "export"), ("--out", "{out}.csv"), act="kb.export"),
    R(("kb", "import"), (str(KB_STARTER),), act="kb.import"),
    R(("kb", "add"), ("--title", "Matrixartikel", "--answer", "Beste {{naam}}."),
      act="kb.edit"),
    R(("kb", "edit"), ("Grofvuil laten ophalen", "--owner", "Matrix"), act="kb.edit"),
    R(("kb", "health"), ("--json",), act="kb.health"),
    R(("kb", "usage"), ("--json",), act="kb.usage"),
    R(("suggest",), ("{open}", "--json"), act="kb.suggest"),
    R(("trends",), ("--json",), act="trends.view"),
    # the matrix's demo (40 cases) has no planted burst, so no spike today
    R(("trends",), ("--cases", "lantaarnpaal Beatrixstraat"), act="trends.cases",
      state_error="geen piek"),
    R(("trends",), ("--signal", "lantaarnpaal Beatrixstraat", "--to", "comm@gemeente.test"),
      act="trends.signal", state_error="geen piek"),
    # -- not yet behind the gate (their owners convert them) ---------------------------------
    # -- privacy (the archivaris): requests, inzage, erasure, exports, the logs ---------------
    R(("export", "klantinteracties"), ("--out", "{out}"), act="export.klantinteracties",
      vertrouwelijk_too="the Open Klant export carries every klantcontact (to be decided by "
      "the privacy owner: leave vertrouwelijk cases out?)"),
    R(("export", "subject"), ("--contact", "{addr}", "--out", "{out}"), act="avg.export"),
    R(("avg", "requests"), ("--json",), act="avg.requests"),
    R(("avg", "request", "add"), ("--contact", "{addr}", "--json"), act="avg.request.add"),
    R(("avg", "request", "extend"), ("1", "--reason", "Veel gegevens"),
      act="avg.request.extend"),
    R(("avg", "request", "close"), ("1",), act="avg.request.close"),
    R(("avg", "erase"), ("--contact", "{addr}"), act="avg.erase", state_error="bewaarplicht"),
    R(("export", "woo"), ("--case", "{open}", "--out", "{out}"), act="woo.export"),
    R(("processing-log",), ("--json",), act="processing_log.view"),
    R(("audit",), ("--json", "--limit", "50"), act="audit.view"),
    R(("audit",), ("--verify",), act="audit.verify"),
    # -- e-mail: the team's accounts (the beheerder) and fetching (a medewerker) -------------
    R(("account", "add", "imap"), ("--name", "Matrix", "--host", "127.0.0.1", "--port", "1",
                                   "--security", "none", "--user", "matrix@gemeente.test",
                                   "--password-stdin"),
      act="account.add", stdin="geheim-matrix\n"),  # adding never connects
    R(("account", "list"), ("--json",), act="account.list"),
    # port 1 on this machine refuses: the test is run, never the network beyond loopback
    R(("account", "test"), ("Matrix",), act="account.test", state_error="weigert"),
    R(("account", "remove"), ("Matrix",), act="account.remove"),
    # the demo mailbox has no server (127.0.0.1:10143): the pass runs and says so
    R(("sync",), act="mail.sync", state_error="weigert"),
    R(("key", "show-recovery"), act="key.show_recovery"),
    R(("key", "recover"), legacy="inbox/privacy/keys.py"),
    R(("key", "rotate"), act="key.rotate"),
    R(("key", "encrypt"), act="key.encrypt", state_error="al versleuteld"),
    R(("backup",), ("--out", "{out}"), act="backup.create"),
    # onto the demo database itself: checked, then refused (restores go to a new file)
    R(("restore",), ("{out}",), act="backup.restore", state_error="bestaat al"),
)

# Team sync (inbox/teamsync/): the demo database is in no team and its mailbox has no server.
CLI += (
    R(("team", "setup"), ("--account", "Demo-postbus (geen server)", "--new-key"),
      act="team.setup", state_error="verbinding"),
    R(("team", "sync"), ("--json",), act="team.sync", state_error="doet nog niet mee"),
    R(("team", "status"), ("--json",), act="team.status"),
    R(("team", "devices"), ("--json",), act="team.status"),
    R(("team", "conflicts"), ("--json",), act="team.conflicts"),
    R(("team", "presence"), ("{open}", "--json"), act="team.presence.read"),
    R(("team", "presence"), ("{open}", "--announce", "replying"), act="team.presence",
      state_error="doet nog niet mee"),
)

# The KCC's day (issue 14): departments and hand-over, call-backs, deadlines, products.
CLI += (
    R(("department", "list"), ("--json",), act="department.list"),
    R(("case",), ("{c8}", "--forward", "Burgerzaken", "--note", "Graag uitzoeken"),
      act="case.forward"),
    R(("department", "add"), ("Matrixafdeling", "--email", "matrix@gemeente.test",
                              "--norm-days", "3"), act="department.save"),
    R(("department", "change"), ("Matrixafdeling", "--norm-days", "4"), act="department.save"),
    R(("department", "remove"), ("Matrixafdeling",), act="department.save"),
    R(("callback",), ("{c1}", "--on", "2030-01-07", "--window", "09:00-12:00"),
      act="callback.request"),
    R(("callback",), ("{c1}", "--for", "bram"), act="callback.assign"),
    R(("callbacks",), ("--json",), act="callback.list"),
    R(("callback",), ("{c1}", "--done", "--outcome", "niet_bereikt"), act="callback.done"),
    R(("cases",), ("--view", "te_laat", "--json"), act="case.list"),
    R(("office-hours", "list"), ("--json",), act="office_hours.view"),
    R(("office-hours", "set"), ("fri", "08:30", "16:30"), act="office_hours.set"),
    R(("autoreply", "list"), ("--json",), act="account.list"),
    R(("autoreply", "set"), ("Demo-postbus (geen server)", "on"), act="autoreply.set"),
    R(("products",), ("--search", "pas", "--json"), act="products.list"),
    R(("norms", "target"), ("--in-one-go", "80"), act="norms.set"),
)

# Many commands under one sign-in (inbox/cli/batch.py): each line is checked by its own act;
# tests/unit/test_cli_batch.py runs real lines as each kind of person.
CLI += (
    R(("batch",), ("-",), act="cli.batch", stdin="# een opdrachtenbestand zonder opdrachten\n"),
)

# Acts that run as part of another command, not on their own: act -> the command that runs it.
RUN_BY: dict[str, tuple[str, ...]] = {
    "contact.find": ("contact", "show"),  # finding the resident an address belongs to
    "case.undo": ("case",),  # the app's undo; on the command line: set the fields back
    "user.first": ("user", "add"),  # the first beheerder of a new database (and `demo`)
    "user.own_password": ("user", "passwd"),  # `user passwd MY_LOGIN`
    "user.sign_in": ("cases",),  # every command run with --user signs in first
    "audit.accept": ("audit",),  # `audit --accept`
    "avg.erase.review": ("avg", "erase"),  # what an erasure would remove, and why not now
    "avg.erase.compact": ("avg", "erase"),  # the erased data also leave the file's free pages
    "case.confidential.lift": ("case",),  # a beheerder lifts it: case REF --confidential off
    "destruction.scrub": ("destruction", "carry-out"),  # destroyed data leave the file too
    "retention.follow": ("sync",),  # a reopened or re-closed case's retention follows
    "kb.miss": ("kb", "search"),  # a search that found nothing is remembered (stripped)
    "kb.team": ("team", "sync"),  # colleagues' article versions arrive with team sync
    "template.team": ("team", "sync"),  # colleagues' standaardantwoorden arrive with it
    "team.erase": ("team", "sync"),  # a colleague's erasure (AVG art. 17), carried out here
    "team.erase.compact": ("team", "sync"),  # ... and its data gone from the file too
    "team.join": ("team", "setup"),  # reading the team's log while a laptop joins
    "mdto.select": ("export", "mdto"),
    "mdto.plan": ("export", "mdto"),
    "import.file": ("import",),  # each file of an import
    "woo.review": ("export", "woo"),  # each case is reviewed for redactions on the way out
    "message.receive": ("import",),  # each message of an imported file (and `sync`)
    "mastodon.accounts": ("mastodon", "sync"),
    "mastodon.account.list": ("account", "list"),
    "mastodon.reply.target": ("mastodon", "reply"),
    "mastodon.listen": ("mastodon", "sync"),  # the watched terms are fetched in the pass
    "reply.send": ("case",),  # `case REF --reply-file F` queues the e-mail reply
    "mail.deliver": ("sync",),  # each pass sends the outbox after fetching
}
RUN_BY.update({
    "department.choose": ("case",),  # `case REF --forward DEPT`: the department by its name
    "autoreply.queue": ("sync",),  # mail fetched outside office hours, when it is on
    "deadlines.fill": ("cases",),  # `cases --view`: open cases of an older database get theirs
})

# Acts that mean nothing to a command-line process, with why.
APP_ONLY: dict[str, str] = {
    "user.sign_out": "a command signs in for itself and ends; the app's window signs out",
    "message.view": "the case view's rendering of an e-mail (sanitised HTML, attachment list); "
    "the command line shows messages through messages.list and case.read",
    "attachment.open": "opening an attachment in the desktop's own viewer or program",
    "outbox.read": "the send-again panel of the case view",
}

# Acts declared before their command exists, with who adds it. Only shrinks: an act that has
# a command must leave this list (the parity test says so).
PENDING: dict[str, str] = {
    "account.change": "changing an account's settings (the accounts dialog; the mail owner "
    "adds `account set`)",
    "account.sign_in": "OAuth2 sign-in (the accounts dialog; the mail owner adds `account "
    "sign-in NAME` with the device code)",
    "reply.send_again": "send a failed or uncertain reply again (the case view; the mail owner "
    "adds `outbox send-again ID`)",
    "woo.decide": "the Woo reviewer's decision on a redaction (app only so far; Woo's owner)",
}


@dataclass(frozen=True)
class GuiAction:
    window: str  # "main" (medewerker, archivaris) or "home" (teamleider, beheerder)
    path: str  # menu path or tab title, as in the English UI: "Case/Product…"
    act: str | None  # the act it runs; None: navigation, view or app settings (no data)
    legacy: str | None = None  # as for Row
    # why it is usable for roles the act does not allow (a known gap, to be closed)
    shown_anyway: str | None = None


def gui(window: str, path: str, act: str | None, legacy: str | None = None,
        shown_anyway: str | None = None) -> GuiAction:
    return GuiAction(window, path, act, legacy, shown_anyway)


G = gui
MAIN, HOME = "main", "home"
# both windows' File menus end so, and their Help menus are the same
FILE_MENU: tuple[tuple[str, str | None], ...] = (("File/Sign out", "user.sign_out"),
                                                 ("File/Quit", None))
HELP_MENU = ("Help/Keyboard shortcuts", "Help/User guide", "Help/About Loket")
# the role home's tabs (title, act); comments say what a tab holds
HOME_TABS: tuple[tuple[str, str | None], ...] = (
    ("Dashboard", "stats.view"),
    ("Counts", "stats.view"),
    ("Colleagues", "user.list"),  # add, role, disable, unlock, rights, passwords
    ("Settings", None),  # mail accounts (see Settings/Accounts… above)
    ("Audit trail", "audit.view"),
    ("Destruction review", "destruction.review"),
    ("Kennisbank", "kb.read"),  # search; its owners open the health page from it
    ("Trends", "trends.view"),  # with the kennisbank's use (kb.usage: view_stats too)
)

GUI: tuple[GuiAction, ...] = (
    # the main window (roles that may list cases), menus as the English UI names them
    G(MAIN, "File/Import files…", "import.files"),
    G(MAIN, "File/Export list as CSV…", "case.list"),
    *(G(MAIN, path, act) for path, act in FILE_MENU),
    G(MAIN, "File/Export selected cases as CSV…", "case.list"),
    G(MAIN, "Contact/Phone note", "contact.log"),
    G(MAIN, "Contact/Counter visit", "contact.log"),
    G(MAIN, "Contact/Reply", "case.reply"),
    # the click only moves the scheduler's next run (its job acts as the system identity);
    # shown to those who may fetch mail themselves
    G(MAIN, "Contact/Fetch mail now", "mail.sync"),
    G(MAIN, "Case/Assign to me", "case.assign"),
    G(MAIN, "Case/Assign to a colleague…", "case.assign"),
    G(MAIN, "Case/Change status…", "case.status"),
    G(MAIN, "Case/Product…", "case.product"),
    G(MAIN, "Case/Deadline…", "case.deadline"),
    G(MAIN, "Case/Internal note…", "case.note"),
    G(MAIN, "Case/Vertrouwelijk…", "case.confidential"),  # the handler's own case
    G(MAIN, "Case/Close case…", "case.close"),
    G(MAIN, "Case/Add label…", "case.label"),
    G(MAIN, "Case/Merge into another case…", "case.merge"),
    G(MAIN, "Case/Split case…", "case.split"),
    G(MAIN, "Case/Move a message…", "message.move"),
    G(MAIN, "Case/Undo", "case.undo"),  # enabled once there is something to undo
    G(MAIN, "View/Search", None),
    G(MAIN, "View/Refresh", None),
    G(MAIN, "View/Save this search…", "search.save"),
    G(MAIN, "View/Dashboard", "stats.view"),
    G(MAIN, "Settings/Accounts…", "account.list"),
    G(MAIN, "Settings/Settings…", None),  # its tabs follow the grants (norms, templates)
    G(MAIN, "Settings/Mastodon accounts…", "mastodon.account.list"),
    G(MAIN, "Archive/Destruction…", "destruction.lists"),
    G(MAIN, "Archive/MDTO export…", "export.mdto"),
    G(MAIN, "Privacy/AVG requests…", "avg.requests"),
    G(MAIN, "Privacy/Woo redaction…", "woo.review"),
    G(MAIN, "Kennisbank/Trends…", "trends.view"),
    G(MAIN, "Kennisbank/Health and use…", "kb.usage"),
    G(MAIN, "Kennisbank/Listening on Mastodon…", "mastodon.posts"),
    *(G(MAIN, path, None) for path in HELP_MENU),
    # the home of roles that do not list cases: its tabs, and its View menu switches to each
    *(G(HOME, tab, act) for tab, act in HOME_TABS),
    *(G(HOME, f"View/{tab}", act) for tab, act in HOME_TABS),
    # the role home's menu bar (a path with a slash)
    *(G(HOME, path, act) for path, act in FILE_MENU),
    G(HOME, "Manage/Mail accounts…", "account.list"),
    G(HOME, "Manage/Mastodon accounts…", "mastodon.account.list"),
    G(HOME, "Manage/Lift vertrouwelijk…", "case.confidential.lift"),
    *(G(HOME, path, None) for path in HELP_MENU),
)

GUI += (  # the KCC's day (issue 14)
    G(MAIN, "Case/Hand over to a department…", "case.forward"),
    G(MAIN, "Case/Call back…", "callback.request"),
    G(MAIN, "Case/Call-back done…", "callback.done"),
)

# Actions that are off until there is something to act on, whoever you are.
GUI_WAITS_FOR_STATE = frozenset({"Case/Undo"})

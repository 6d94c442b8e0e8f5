"""Realistic, deterministic demo data: a year of a small Dutch municipality's KCC inbox.

`build(loket, cases, seed)` plays a simulated year (the twelve months before ANCHOR) through the
real acts, inside one act of its own (`demo.build`): e-mails are built as RFC 5322 bytes and go
through the .eml importer, phone calls and counter visits through `log_contact`, social messages
through `receive`, and staff assign, answer, note and close as themselves. `loket.now` follows
a simulated clock, so every stored time is simulated too. The same seed and number of cases give
the same database content.

The scenario (topics, texts, names, streets) is data in resources/demo/. All people, addresses,
numbers and handles are synthetic (example.nl, voorbeeld.nl, mail.test, social.example).
"""

from __future__ import annotations

import base64
import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from inbox import acts, workspace
from inbox.addresses import address_for
from inbox.channels.imports.eml import import_bytes
from inbox.gate import Op
from inbox.model import Channel, Direction, IncomingMessage, Role, Status
from inbox.services import Loket, Received
from inbox.threading import normalize_subject

SCENARIO = Path(__file__).resolve().parent.parent / "resources" / "demo"
TZ = ZoneInfo("Europe/Amsterdam")
ANCHOR = datetime(2026, 11, 15, 9, 0, tzinfo=TZ)
"""The simulated 'now' at the end of the demo year."""
START = ANCHOR - timedelta(days=365)

MUNICIPALITY = "Gemeente Voorbeeld"
INFO_ADDRESS = "info@gemeente-voorbeeld.nl"
MASTODON_ACCOUNT = "@gemeentevoorbeeld@social.example"
WHATSAPP_NUMBER = "+31201234567"
FACEBOOK_PAGE = "gemeentevoorbeeld"
TOWN = "Voorbeeld"

STAFF: tuple[tuple[str, str, Role], ...] = (
    ("anne", "Anne de Vries", Role.MEDEWERKER),
    ("bram", "Bram Visser", Role.MEDEWERKER),
    ("carla", "Carla Jansen", Role.MEDEWERKER),
    ("tineke", "Tineke Leeuw", Role.TEAMLEIDER),
    ("arjen", "Arjen Smit", Role.ARCHIVARIS),
    ("bea", "Bea Kok", Role.BEHEERDER),
)
AGENTS = ("anne", "bram", "carla")
TEAMLEIDER = "tineke"
DISPLAY = {name: display for name, display, _ in STAFF}

CHANNEL_SHARES: tuple[tuple[Channel, float], ...] = (
    (Channel.EMAIL, 0.55),
    (Channel.PHONE, 0.25),
    (Channel.COUNTER, 0.10),
    (Channel.MASTODON, 0.04),
    (Channel.WHATSAPP, 0.04),
    (Channel.FACEBOOK, 0.02),
)
STATUS_SHARES: tuple[tuple[Status, float], ...] = (
    (Status.AFGEROND, 0.60),
    (Status.WACHT_OP_INWONER, 0.15),
    (Status.IN_BEHANDELING, 0.15),
    (Status.NIEUW, 0.10),
)
RETURNING_SHARE = 0.2  # of cases: one resident in five comes back -> ~25% of residents return
HANDED_OVER_SHARE = 0.2  # of open e-mail cases in progress: at a department (some overdue)
DEMO_MAILBOX = "Demo-postbus (geen server)"
# the topics' departments as the beheerder lists them: name, e-mail address, norm (working days)
DEPARTMENTS: dict[str, tuple[str, str, int]] = {
    "team Burgerzaken": ("Burgerzaken", "burgerzaken", 3),
    "het Wmo-team": ("Wmo-team", "wmo", 5),
    "team Belastingen": ("Belastingen", "belastingen", 5),
    "team Wijkbeheer": ("Wijkbeheer", "wijkbeheer", 3),
    "de afvalinzamelaar": ("Afvalinzameling", "afval", 2),
    "team Afval": ("Afvalinzameling", "afval", 2),
    "team Vergunningen": ("Vergunningen", "vergunningen", 5),
    "team Parkeren": ("Parkeren", "parkeren", 3),
    "de wijkagent en het wijkteam": ("Wijkteam", "wijkteam", 3),
    "de jongerenwerkers en de wijkagent": ("Wijkteam", "wijkteam", 3),
    "team Toezicht en Handhaving": ("Toezicht en Handhaving", "handhaving", 3),
    "team Werk en Inkomen": ("Werk en Inkomen", "werkeninkomen", 5),
    "team Schuldhulpverlening": ("Schuldhulpverlening", "schuldhulp", 5),
}
DEPARTMENT_DOMAIN = "gemeente-voorbeeld.nl"


# -- scenario data: resources/demo/ (topics.json, texts.json) ------------------------------


@dataclass(frozen=True)
class Topic:
    key: str
    product: str  # UPL-like product name, for the product/UPL tag
    department: str
    subjects: tuple[str, ...]
    mails: tuple[str, ...]
    phone: tuple[tuple[str, str], ...]  # (what was asked, answer given)
    social: tuple[str, ...]
    asks: tuple[str, ...]  # the municipality asks the resident for something
    supplies: tuple[str, ...]  # the resident's answer to that
    answers: tuple[str, ...]
    outcomes: tuple[str, ...]
    notes: tuple[str, ...] = ()
    attachment: tuple[str, str] | None = None  # (file name, sentence for {bijlage})
    weight: float = 1.0
    months: tuple[int, ...] = ()  # busy months


def _scenario(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCENARIO / name).read_text(encoding="utf-8"))
    return data


def _topic_from(item: dict[str, Any]) -> Topic:
    attachment = item.get("attachment")
    return Topic(
        key=item["key"],
        product=item["product"],
        department=item["department"],
        subjects=tuple(item["subjects"]),
        mails=tuple(item["mails"]),
        phone=tuple((q, a) for q, a in item["phone"]),
        social=tuple(item["social"]),
        asks=tuple(item["asks"]),
        supplies=tuple(item["supplies"]),
        answers=tuple(item["answers"]),
        outcomes=tuple(item["outcomes"]),
        notes=tuple(item.get("notes", ())),
        attachment=None if attachment is None else (attachment[0], attachment[1]),
        weight=float(item.get("weight", 1.0)),
        months=tuple(item.get("months", ())),
    )


TOPICS: tuple[Topic, ...] = tuple(_topic_from(t) for t in _scenario("topics.json")["topics"])
_TEXTS = _scenario("texts.json")
GENERIC_NOTES: tuple[str, ...] = tuple(_TEXTS["generic_notes"])
SUPPLY_MAILS: tuple[str, ...] = tuple(_TEXTS["supply_mails"])
THANKS_MAILS: tuple[str, ...] = tuple(_TEXTS["thanks_mails"])
REMINDER_MAILS: tuple[str, ...] = tuple(_TEXTS["reminder_mails"])
ACK_TEXTS: tuple[str, ...] = tuple(_TEXTS["ack_texts"])
FOLLOWUP_CALLS: tuple[tuple[str, str], ...] = tuple((q, a) for q, a in _TEXTS["followup_calls"])
SOCIAL_SUPPLIES: tuple[str, ...] = tuple(_TEXTS["social_supplies"])
SOCIAL_THANKS: tuple[str, ...] = tuple(_TEXTS["social_thanks"])
MALE_NAMES: tuple[str, ...] = tuple(_TEXTS["male_names"])
FEMALE_NAMES: tuple[str, ...] = tuple(_TEXTS["female_names"])
SURNAMES: tuple[tuple[str, str], ...] = tuple((t, n) for t, n in _TEXTS["surnames"])
STREETS: tuple[str, ...] = tuple(_TEXTS["streets"])
WIJKEN: tuple[str, ...] = tuple(_TEXTS["wijken"])
MAIL_DOMAINS: tuple[str, ...] = tuple(_TEXTS["mail_domains"])
USER_AGENTS = (
    None, None, "Microsoft Outlook 16.0", "Mozilla Thunderbird", "iPhone Mail (21F90)",
    "Android Mail", None,
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

# A real 4x3 pixel JPEG; a COM segment with the message number makes each one unique.
_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAZABkAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERX"
    "RTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAADAAQDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAA"
    "AAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAk"
    "M2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKT"
    "lJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QA"
    "HwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdh"
    "cRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hp"
    "anN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk"
    "5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCWiiiuMyP/2Q=="
)


# -- small synthetic files -----------------------------------------------------------------


def jpeg_bytes(comment: str) -> bytes:
    """A tiny valid JPEG carrying `comment` in a COM segment."""
    data = comment.encode("ascii", "replace")[:200]
    segment = b"\xff\xfe" + (len(data) + 2).to_bytes(2, "big") + data
    return _JPEG[:20] + segment + _JPEG[20:]


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` in Helvetica."""

    def text(value: str) -> bytes:
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.encode("cp1252", "replace")

    content = b"BT /F1 12 Tf 72 770 Td 16 TL\n" + b"".join(
        b"(" + text(line) + b") Tj T*\n" for line in lines
    ) + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


# -- simulated time ------------------------------------------------------------------------

_HOLIDAYS = holidays.country_holidays("NL", years=range(START.year, ANCHOR.year + 2))
_RESIDENT_HOURS = (7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 16, 17, 19, 20,
                   20, 21, 21, 22, 23)


def _workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _HOLIDAYS


def _at(day: date, minutes: float) -> datetime:
    return datetime.combine(day, time(0, 0), TZ) + timedelta(minutes=int(minutes))


def _into_office(rng: random.Random, moment: datetime) -> datetime:
    """`moment` if it falls in office hours, else shortly after the next opening."""
    day = moment.date()
    if _workday(day) and time(8, 30) <= moment.time() < time(17, 0):
        return moment
    if not (_workday(day) and moment.time() < time(8, 30)):
        day += timedelta(days=1)
        while not _workday(day):
            day += timedelta(days=1)
    return _at(day, 8 * 60 + 30 + rng.uniform(0, 150))


def _staff_after(rng: random.Random, moment: datetime, lo_hours: float, hi_hours: float
                 ) -> datetime:
    return _into_office(rng, moment + timedelta(hours=rng.uniform(lo_hours, hi_hours)))


def _resident_after(rng: random.Random, moment: datetime, lo_hours: float, hi_hours: float
                    ) -> datetime:
    later = moment + timedelta(hours=rng.uniform(lo_hours, hi_hours))
    if later.hour < 7:
        later = _at(later.date(), rng.choice(_RESIDENT_HOURS) * 60 + rng.uniform(0, 59))
        if later <= moment:
            later = moment + timedelta(minutes=rng.uniform(20, 90))
    return later


def _pick_moment(rng: random.Random, lo: datetime, hi: datetime, office: bool) -> datetime:
    """A plausible moment in [lo, hi]: office hours for calls and visits, else a resident's."""
    span = (hi - lo).total_seconds()
    for _ in range(100):
        moment = lo + timedelta(seconds=rng.uniform(0, span))
        day = moment.date()
        if office:
            while not _workday(day):
                day -= timedelta(days=1)
            moment = _at(day, rng.uniform(9 * 60, 16 * 60 + 45))
        else:
            if day.weekday() >= 5 and rng.random() < 0.5:
                continue
            moment = _at(day, rng.choice(_RESIDENT_HOURS) * 60 + rng.uniform(0, 59))
        if lo <= moment <= hi:
            return moment
    return hi


def dutch_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


# -- people --------------------------------------------------------------------------------


def _ascii(value: str) -> str:
    import unicodedata

    value = value.replace("ı", "i").replace("ş", "s").replace("Ş", "S").replace("'", "")
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def _kind(channel: Channel) -> str:
    if channel in (Channel.PHONE, Channel.COUNTER, Channel.WHATSAPP):
        return "phone"
    return channel.value


@dataclass
class _Resident:
    first: str
    tussen: str
    last: str
    female: bool
    email: str
    phone: str  # as the resident writes it
    handle: str
    facebook: str
    street: str
    number: str
    postcode: str
    wijk: str
    formal: bool
    kinds: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    cases: int = 0

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first, self.tussen, self.last) if p)

    @property
    def surname(self) -> str:
        return " ".join(p for p in (self.tussen, self.last) if p)

    @property
    def formal_surname(self) -> str:
        surname = self.surname
        return surname[:1].upper() + surname[1:]

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}"


class _People:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.emails: set[str] = set()
        self.phones: set[str] = set()

    def new(self) -> _Resident:
        rng = self.rng
        female = rng.random() < 0.55
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        tussen, last = rng.choice(SURNAMES)
        f, t, sur = _ascii(first), _ascii(tussen), _ascii(last)
        year = rng.randint(45, 99) if rng.random() < 0.6 else rng.randint(0, 5)
        local = rng.choice((
            f"{f[0]}.{t}{sur}", f"{f}.{t}{sur}", f"{f}{t}{sur}{year:02d}", f"{t}{sur}.{f}",
            f"{f[0]}{t[:1]}{sur}{rng.randint(1, 99)}", f"{f}_{sur}", f"fam{t}{sur}",
        ))
        email = f"{local}@{rng.choice(MAIL_DOMAINS)}"
        while email in self.emails:
            email = f"{local}{rng.randint(2, 999)}@{rng.choice(MAIL_DOMAINS)}"
        self.emails.add(email)
        digits = f"{rng.randint(1, 5)}{rng.randint(0, 9_999_999):07d}"
        while digits in self.phones:
            digits = f"{rng.randint(1, 5)}{rng.randint(0, 9_999_999):07d}"
        self.phones.add(digits)
        phone = rng.choice((
            f"06-{digits}", f"06 {digits}", f"06{digits}", f"+31 6 {digits[:4]} {digits[4:]}",
            f"06 {digits[:2]} {digits[2:5]} {digits[5:]}",
        ))
        number = str(rng.randint(1, 140)) + rng.choice(("",) * 8 + ("a", "b", "-2"))
        return _Resident(
            first=first, tussen=tussen, last=last, female=female, email=email, phone=phone,
            handle=f"@{f}{rng.choice(('', '_', '.'))}{sur}{rng.randint(1, 99)}@social.example",
            facebook=f"{f}.{t}{sur}.{rng.randint(1000, 9999)}",
            street=rng.choice(STREETS), number=number,
            postcode=f"{rng.randint(7400, 7499)} {rng.choice('ABCEGHJKLMNPRSTVWXZ')}"
                     f"{rng.choice('ABCEGHJKLMNPRSTVWXZ')}",
            wijk=rng.choice(WIJKEN), formal=rng.random() < 0.6,
        )


# -- the plan ------------------------------------------------------------------------------


def _quota(rng: random.Random, n: int, shares: tuple[tuple[Any, float], ...]) -> list[Any]:
    """Exactly n items with the given shares (largest remainder), shuffled."""
    exact = [(value, share * n) for value, share in shares]
    counts = {value: int(x) for value, x in exact}
    rest = n - sum(counts.values())
    for value, _ in sorted(exact, key=lambda vx: vx[1] - int(vx[1]), reverse=True)[:rest]:
        counts[value] += 1
    items = [value for value, _ in shares for _ in range(counts[value])]
    rng.shuffle(items)
    return items


@dataclass
class _Case:
    index: int
    channel: Channel
    status: Status
    opened: datetime
    topic: Topic = TOPICS[0]
    resident: _Resident | None = None
    subject: str = ""
    ctx: dict[str, str] = field(default_factory=dict)
    staff: str = "anne"
    reference: str = ""
    case_id: int = 0
    thread: list[str] = field(default_factory=list)  # e-mail Message-IDs, oldest first
    last_out: str = ""  # last Message-ID / status URL of the municipality
    last_text: str = ""
    last_from: str = ""
    last_at: datetime | None = None
    gives_phone: bool = True

    @property
    def who(self) -> _Resident:
        assert self.resident is not None
        return self.resident
    fcr: bool = False
    outcome: str = ""
    variant: int = 0  # which of the topic's aligned texts this case uses
    formal: bool = True

    def pick(self, texts: tuple[str, ...]) -> str:
        return texts[self.variant % len(texts)]


Action = Callable[[], None]


def _email_bytes(
    *,
    sender: Address,
    to: Address,
    moment: datetime,
    message_id: str,
    subject: str,
    text: str,
    html_text: str | None = None,
    attachment: tuple[str, str, bytes] | None = None,  # (file name, content type, data)
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
    user_agent: str | None = None,
) -> bytes:
    """An RFC 5322 message with deterministic MIME boundaries."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = format_datetime(moment)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    msg["Subject"] = subject
    if user_agent:
        msg["User-Agent"] = user_agent
    msg.set_content(text)
    if html_text is not None:
        msg.add_alternative(html_text, subtype="html")
    if attachment is not None:
        filename, content_type, data = attachment
        maintype, subtype = content_type.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    boundary = message_id.strip("<>").split("@", 1)[0]
    parts = [part for part in msg.walk() if part.is_multipart()]
    for number, part in enumerate(parts):
        part.set_boundary(f"=_{boundary}_{number}")
    return msg.as_bytes()


def _html(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>\n"
        for p in paragraphs
    )
    return (
        '<html><head><meta charset="utf-8"></head>'
        '<body style="font-family: Arial, sans-serif; font-size: 11pt">\n' + body + "</body></html>"
    )


_SUBJECT_PREFIXES = ("Inwoner belt: ", "Aan de balie: ", "Melding: ", "Vraag: ", "Hallo, ",
                     "Help, ", "Hoi, ", "@gemeentevoorbeeld ")


def _short_subject(text: str) -> str:
    """A subject a person would give a call note or a social post: its first sentence."""
    text = text.strip()
    for prefix in _SUBJECT_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    end = min((i for i in (text.find(". "), text.find("?"), text.find("!"), text.find("\n"))
               if i >= 0), default=len(text))
    sentence = text[: end + 1 if end < len(text) and text[end] in "?!" else end].strip(" .,")
    if len(sentence) > 70:
        sentence = sentence[: sentence.rfind(" ", 0, 66)].rstrip(" ,") + " …"
    return sentence[:1].upper() + sentence[1:]


def _greeting_for(text: str, moment: datetime) -> str:
    """Residents greet by the time of day they write."""
    for word in ("Goedemorgen", "Goedemiddag", "Goedenavond"):
        if text.startswith(word):
            right = ("Goedemorgen" if moment.hour < 12 else "Goedemiddag" if moment.hour < 18
                     else "Goedenavond")
            return right + text[len(word):]
    return text


def demo_mailbox(loket: Loket) -> None:
    """A mail account for the demo, so answering and handing over work: the mail is kept in
    its case and waits in the outbox, since no mail server runs at this (local, closed)
    address. Made once."""
    from inbox.accounts import Accounts, MailAccount, Security

    accounts = Accounts(loket)
    if any(a.name == DEMO_MAILBOX for a in accounts.mail_accounts()):
        return
    accounts.add_mail(
        MailAccount(
            name=DEMO_MAILBOX,
            host="127.0.0.1",
            port=10143,
            security=Security.NONE,
            username=INFO_ADDRESS,
            from_address=INFO_ADDRESS,
            smtp_host="127.0.0.1",
            smtp_port=10025,
            smtp_security=Security.NONE,
            interval_minutes=24 * 60,
        ),
        "demo",
    )


def _departments(loket: Loket) -> None:
    """The beheerder's list of departments (once per database)."""
    from inbox import departments

    known = {d.name for d in departments.departments(loket, inactive=True)}
    for name, local, days in sorted(set(DEPARTMENTS.values())):
        if name not in known:
            departments.add(loket, name, f"{local}@{DEPARTMENT_DOMAIN}", days)


def _quote(author: str, moment: datetime | None, text: str) -> str:
    if moment is None or not text:
        return ""
    when = f"{dutch_date(moment.date())} {moment.year} om {moment:%H:%M}"
    quoted = "\n".join("> " + line if line else ">" for line in text.splitlines())
    return f"\n\nOp {when} schreef {author}:\n{quoted}"


class _Demo:
    """Plans the year, then plays every step in time order through the services."""

    def __init__(
        self,
        loket: Loket,
        op: Op,
        rng: random.Random,
        tag: str,
        total: int,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.loket = loket
        self.op = op
        self.rng = rng
        self.tag = tag
        self.total = total
        self.progress = progress
        self.clock = START
        self.counter = 0
        self.opened = 0
        self.people = _People(rng)

    # -- planning ----------------------------------------------------------------------

    def plan(self) -> list[tuple[datetime, int, int, Action]]:
        rng = self.rng
        n = self.total
        channels = _quota(rng, n, CHANNEL_SHARES)
        statuses = _quota(rng, n, STATUS_SHARES)
        cases: list[_Case] = []
        for index, (channel, status) in enumerate(zip(channels, statuses, strict=True)):
            office = channel in (Channel.PHONE, Channel.COUNTER)
            lo, hi = self._window(status)
            cases.append(_Case(index, channel, status, _pick_moment(rng, lo, hi, office)))
        cases.sort(key=lambda c: (c.opened, c.index))
        residents: list[_Resident] = []
        steps: list[tuple[datetime, int, int, Action]] = []
        for order, case in enumerate(cases):
            case.index = order
            case.topic = self._topic(case.opened)
            case.variant = rng.randrange(len(case.topic.mails))
            case.resident = self._resident(case, residents)
            case.staff = rng.choice(AGENTS)
            case.ctx = self._context(case)
            case.subject = self._subject(case)
            case.outcome = case.pick(case.topic.outcomes).format(**case.ctx)
            planned = self._steps(case)
            last = max(t for t, _ in planned)
            limit = ANCHOR - timedelta(minutes=2)
            if last > limit:  # squeeze a late case's life into the year, keeping its order
                factor = (limit - case.opened) / (last - case.opened)
                planned = [(case.opened + (t - case.opened) * factor, a) for t, a in planned]
            steps.extend((t, order, k, action) for k, (t, action) in enumerate(planned))
        steps.sort(key=lambda s: (s[0], s[1], s[2]))
        return steps

    def _window(self, status: Status) -> tuple[datetime, datetime]:
        days = timedelta(days=1)
        if status is Status.NIEUW:
            return ANCHOR - 3.5 * days, ANCHOR - timedelta(minutes=20)
        if status is Status.IN_BEHANDELING:
            return ANCHOR - 28 * days, ANCHOR - 2 * days
        if status is Status.WACHT_OP_INWONER:
            return ANCHOR - 40 * days, ANCHOR - 4 * days
        if self.rng.random() < 0.1:
            return ANCHOR - 22 * days, ANCHOR - 3 * days
        return START + timedelta(hours=1), ANCHOR - 22 * days

    def _topic(self, moment: datetime) -> Topic:
        weights = [t.weight * (2.5 if moment.month in t.months else 1.0) for t in TOPICS]
        return self.rng.choices(TOPICS, weights=weights)[0]

    def _resident(self, case: _Case, residents: list[_Resident]) -> _Resident:
        rng = self.rng
        kind = _kind(case.channel)
        case.gives_phone = case.channel is not Channel.COUNTER or rng.random() < 0.5
        if rng.random() < 0.23:
            known = [r for r in residents if kind in r.kinds]
            once = [r for r in known if r.cases == 1]
            pool = once if once and rng.random() < 0.85 else known
            if pool:
                resident = rng.choice(pool)
                resident.cases += 1
                case.gives_phone = True
                return resident
        resident = self.people.new()
        residents.append(resident)
        resident.cases = 1
        if case.gives_phone or kind != "phone":
            resident.kinds.add(kind)
        return resident

    def _context(self, case: _Case) -> dict[str, str]:
        rng = self.rng
        r = case.who
        day = case.opened.date()
        back = day - timedelta(days=rng.randint(2, 6))
        soon = day + timedelta(days=rng.randint(5, 20))
        while not _workday(soon):
            soon += timedelta(days=1)
        letters = "BDFGHJKLNPRSTVXZ"
        return {
            "naam": r.name, "voornaam": r.first, "achternaam": r.surname,
            "adres": r.address, "straat": r.street, "huisnr": r.number, "postcode": r.postcode,
            "woonplaats": TOWN, "wijk": r.wijk, "telefoon": r.phone, "email": r.email,
            "dag_vorige_week": WEEKDAYS[back.weekday()],
            "datum_vorige_week": dutch_date(back),
            "datum_straks": dutch_date(soon),
            "datum_later": dutch_date(day + timedelta(days=rng.randint(30, 90))),
            "datum_ver": dutch_date(day + timedelta(days=rng.randint(120, 270))),
            "datum_open": dutch_date(day),
            "jaar": str(case.opened.year),
            "kenteken": f"{rng.choice(letters)}{rng.choice(letters)}-{rng.randint(100, 999)}-"
                        f"{rng.choice(letters)}",
            "bedrag": f"€ {rng.randint(180, 980)},{rng.randint(0, 99):02d}",
            "woz": f"€ {rng.randint(210, 620)}.000",
            "aanslag": f"{case.opened.year}.{rng.randint(100000, 999999)}",
            "afdeling": case.topic.department,
            "bijlage": "",
        }

    def _subject(self, case: _Case) -> str:
        r = case.who
        options = [s.format(**case.ctx) for s in case.topic.subjects]
        preferred = options.pop(case.variant)
        self.rng.shuffle(options)
        options.insert(0, preferred)
        subject = next((s for s in options if normalize_subject(s) not in r.subjects), "")
        if not subject:
            subject = f"{options[0]} (opnieuw)"
            number = 2
            while normalize_subject(subject) in r.subjects:
                number += 1
                subject = f"{options[0]} ({number})"
        if not r.formal and self.rng.random() < 0.2:
            subject = subject.lower()
        r.subjects.add(normalize_subject(subject))
        return subject

    def _steps(self, c: _Case) -> list[tuple[datetime, Action]]:
        rng = self.rng
        out: list[tuple[datetime, Action]] = []

        def add(moment: datetime, action: Action) -> None:
            out.append((moment, action))

        def later(moment: datetime, minutes: float) -> datetime:
            return moment + timedelta(minutes=minutes)

        t = c.opened
        status = c.status
        assigner = rng.choice(AGENTS) if rng.random() < 0.5 else c.staff  # a colleague or self
        if c.channel is Channel.EMAIL:
            add(t, lambda: self.open_email(c))
            if status is Status.NIEUW:
                if rng.random() < 0.15:
                    add(_resident_after(rng, t, 2, 30), lambda: self.resident_mail(c, "reminder"))
                return out
            t = _staff_after(rng, t, 0.5, 30)
            add(t, lambda: self.assign(c, assigner))
            if rng.random() < 0.25:
                add(later(t, 6), lambda: self.note(c))
            if status is Status.IN_BEHANDELING:
                if rng.random() < 0.5:
                    t = later(t, rng.uniform(5, 60))
                    add(t, lambda: self.reply_mail(c, "ack"))
                if rng.random() < HANDED_OVER_SHARE:  # at a department: answered or waiting
                    t = later(t, rng.uniform(10, 120))
                    add(t, lambda: self.forward(c))
                    if rng.random() < 0.4:
                        add(_staff_after(rng, t, 4, 72), lambda: self.department_reply(c))
                    return out
                chance = rng.random()
                if chance < 0.25:
                    add(_resident_after(rng, t, 24, 120), lambda: self.resident_mail(c, "reminder"))
                elif chance < 0.4:
                    add(_staff_after(rng, t, 24, 96), lambda: self.call_about(c, 0))
            elif status is Status.WACHT_OP_INWONER:
                t = _staff_after(rng, t, 0, 24)
                add(t, lambda: self.reply_mail(c, "ask"))
                add(later(t, 1), lambda: self.wait(c))
            else:
                variant = rng.random()
                if variant < 0.5:
                    c.fcr = rng.random() < 0.35
                    t = _staff_after(rng, t, 0, 30)
                    add(t, lambda: self.reply_mail(c, "answer"))
                    add(later(t, 2), lambda: self.close(c))
                    if rng.random() < 0.2:
                        t = _resident_after(rng, t, 1, 30)
                        add(t, lambda: self.resident_mail(c, "thanks"))
                        add(_staff_after(rng, t, 0.5, 24), lambda: self.close(c))
                elif variant < 0.9:
                    t = _staff_after(rng, t, 0, 24)
                    add(t, lambda: self.reply_mail(c, "ask"))
                    add(later(t, 1), lambda: self.wait(c))
                    if rng.random() < 0.2:
                        t = _staff_after(rng, t, 20, 120)
                        add(t, lambda: self.call_about(c, 1))
                    else:
                        t = _resident_after(rng, t, 3, 144)
                        add(t, lambda: self.resident_mail(c, "supply"))
                    t = _staff_after(rng, t, 1, 48)
                    add(t, lambda: self.reply_mail(c, "answer"))
                    add(later(t, 2), lambda: self.close(c))
                else:  # the department knows: handed over, its reply comes back
                    t = later(t, 8)
                    add(t, lambda: self.forward(c))
                    t = _staff_after(rng, t, 4, 120)
                    add(t, lambda: self.department_reply(c))
                    t = _staff_after(rng, t, 1, 24)
                    add(t, lambda: self.reply_mail(c, "answer"))
                    add(later(t, 2), lambda: self.close(c))
        elif c.channel in (Channel.PHONE, Channel.COUNTER):
            if status is Status.AFGEROND and rng.random() < 0.7:
                c.fcr = True
                add(t, lambda: self.log_first(c, resolved=True))
                return out
            logger = c.staff if status is not Status.NIEUW and rng.random() < 0.6 else (
                rng.choice(AGENTS))
            add(t, lambda: self.log_first(c, resolved=False, logger=logger))
            if status is Status.NIEUW:
                return out
            t = _staff_after(rng, t, 0.2, 6)
            add(t, lambda: self.assign(c, assigner))
            if rng.random() < 0.3:
                add(later(t, 4), lambda: self.note(c))
            if status is Status.WACHT_OP_INWONER:
                add(later(t, 5), lambda: self.wait(c))
                add(later(t, 6), lambda: self.note(
                    c, "Inwoner levert de ontbrekende gegevens nog aan."))
            elif status is Status.AFGEROND:
                if rng.random() < 0.2:  # nobody answered the first time: try again
                    t = _staff_after(rng, t, 1, 24)
                    add(t, lambda: self.missed_call(c))
                t = _staff_after(rng, t, 2, 72)
                add(t, lambda: self.call_back(c))
                add(later(t, 3), lambda: self.close(c))
            elif rng.random() < 0.5:  # in progress: called back already, or still to call
                add(_staff_after(rng, t, 1, 48), lambda: self.call_back(c))
        else:
            add(t, lambda: self.open_social(c))
            if status is Status.NIEUW:
                return out
            t = _staff_after(rng, t, 0.3, 20)
            add(t, lambda: self.assign(c, assigner))
            if status is Status.IN_BEHANDELING:
                add(later(t, 2), lambda: self.reply_social(c, "ack"))
            elif status is Status.WACHT_OP_INWONER:
                add(later(t, 2), lambda: self.reply_social(c, "ask"))
                add(later(t, 3), lambda: self.wait(c))
            elif rng.random() < 0.5:
                c.fcr = rng.random() < 0.5
                add(later(t, 2), lambda: self.reply_social(c, "answer"))
                add(later(t, 4), lambda: self.close(c))
            else:
                add(later(t, 2), lambda: self.reply_social(c, "ask"))
                add(later(t, 3), lambda: self.wait(c))
                t = _resident_after(rng, t, 1, 72)
                add(t, lambda: self.resident_social(c))
                t = _staff_after(rng, t, 0.5, 30)
                add(t, lambda: self.reply_social(c, "answer"))
                add(later(t, 2), lambda: self.close(c))
        return out

    # -- playing -------------------------------------------------------------------------

    def run(self, steps: list[tuple[datetime, int, int, Action]]) -> None:
        for moment, _, _, action in steps:
            self.clock = moment
            action()

    def templates(self) -> None:
        """The team's own standaardantwoorden (resources/demo/templates.json), saved by a
        medewerker as the team would."""
        items: list[dict[str, str]] = json.loads(
            (SCENARIO / "templates.json").read_text(encoding="utf-8"))
        previous = self.loket.user
        self.loket.user = AGENTS[0]
        try:
            for item in items:
                workspace.save_template(self.loket, item["title"], item["text"], item["key"])
        finally:
            self.loket.user = previous

    def _as(self, user: str, action: Callable[[], Received | object]) -> Any:
        previous = self.loket.user
        self.loket.user = user
        try:
            return action()
        finally:
            self.loket.user = previous

    def _id(self, domain: str) -> str:
        self.counter += 1
        return f"<{self.tag}-{self.counter}@{domain}>"

    def _text(self, c: _Case, template: str, **extra: str) -> str:
        return template.format(**{**c.ctx, **extra})

    def _opened(self, c: _Case, received: Received) -> None:
        if received.duplicate or not received.new_case or received.reference is None:
            raise RuntimeError(
                f"demo: case {c.index} should open a new case but joined "
                f"{received.reference} (rule {received.rule!r})"
            )
        c.reference = received.reference
        c.case_id = received.case_id or 0
        self.opened += 1
        if self.progress is not None and (self.opened % 50 == 0 or self.opened == self.total):
            self.progress(self.opened, self.total)

    def _joined(self, c: _Case, received: Received) -> None:
        if received.duplicate or received.case_id != c.case_id:
            raise RuntimeError(
                f"demo: a message of {c.reference} landed in {received.reference} "
                f"(rule {received.rule!r})"
            )

    def _free_subject(self, channel: Channel, sender: str, subject: str) -> str:
        """`subject`, numbered when this sender has an open case with that subject already."""
        address = address_for(channel, sender)
        if address is None:
            return subject
        candidate, number = subject, 1
        while self.op.store.casework.has_open_case(
            address[0].value, address[1], normalize_subject(candidate)
        ):
            number += 1
            candidate = f"{subject} ({number})"
        return candidate

    def _attachment(self, c: _Case) -> tuple[str, str, bytes] | None:
        if c.topic.attachment is None:
            return None
        filename = c.topic.attachment[0]
        if filename.endswith(".jpg"):
            return filename, "image/jpeg", jpeg_bytes(f"Loket demo {self.tag} {self.counter}")
        lines = [c.topic.product, f"{c.who.name}, {c.who.address}, {TOWN}",
                 f"Bijlage bij e-mail van {dutch_date(self.clock.date())} {self.clock.year}",
                 "Synthetisch demodocument (Loket)"]
        return filename, "application/pdf", pdf_bytes(lines)

    def _resident_address(self, r: _Resident) -> Address:
        name = r.name if r.formal or len(r.email) % 5 else ""
        return Address(display_name=name, addr_spec=r.email)

    def _agent(self, r: _Resident) -> str | None:
        return USER_AGENTS[len(r.email) % len(USER_AGENTS)]

    def _remember(self, c: _Case, author: str, text: str) -> None:
        c.last_from, c.last_text, c.last_at = author, text, self.clock

    # e-mail

    def open_email(self, c: _Case) -> None:
        rng = self.rng
        r = c.who
        c.subject = self._free_subject(Channel.EMAIL, r.email, c.subject)
        template = c.pick(c.topic.mails)
        c.formal = r.formal or not template.lower().startswith(("hoi", "hallo", "hey", "beste"))
        attachment = None
        bijlage = ""
        if c.topic.attachment and "{bijlage}" in template and rng.random() < 0.6:
            attachment = self._attachment(c)
            bijlage = c.topic.attachment[1]
        text = _greeting_for(self._text(c, template, bijlage=bijlage), self.clock)
        agent = self._agent(r)
        if agent and agent.startswith("iPhone") and not r.formal:
            text += "\n\nVerstuurd vanaf mijn iPhone"
        mid = self._id("example.nl")
        raw = _email_bytes(
            sender=self._resident_address(r), to=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS),
            moment=self.clock, message_id=mid, subject=c.subject, text=text,
            html_text=_html(text) if rng.random() < 0.25 else None, attachment=attachment,
            user_agent=agent,
        )
        self._opened(c, import_bytes(self.loket, raw))
        c.thread.append(mid)
        self._remember(c, f"{r.name} <{r.email}>", text)

    def resident_mail(self, c: _Case, kind: str) -> None:
        rng = self.rng
        r = c.who
        attachment = None
        if kind == "supply":
            supply = self._text(c, c.pick(c.topic.supplies))
            text = self._text(c, rng.choice(SUPPLY_MAILS), aanvulling=supply)
            if c.topic.attachment and rng.random() < 0.4:
                attachment = self._attachment(c)
        elif kind == "thanks":
            text = self._text(c, rng.choice(THANKS_MAILS))
        else:
            text = self._text(c, rng.choice(REMINDER_MAILS))
        in_reply_to: str | None = None
        references: tuple[str, ...] = ()
        if not c.last_out:
            subject = f"Re: {c.subject}"
            in_reply_to, references = c.thread[0], (c.thread[0],)
        else:
            how = rng.random()
            if how < 0.6:
                prefix = rng.choice(("Re:", "RE:", "Antw:", "Re:"))
                subject = f"{prefix} [{c.reference}] {c.subject}"
                in_reply_to, references = c.last_out, tuple(c.thread[-4:])
            elif how < 0.8:
                subject = f"Re: {c.subject}"
                in_reply_to, references = c.last_out, tuple(c.thread[-4:])
            else:
                subject = rng.choice((f"Aanvulling zaak {c.reference}", f"Uw kenmerk {c.reference}",
                                      f"{c.reference} - {c.subject}"))
        text = _greeting_for(text, self.clock)
        if in_reply_to and rng.random() < 0.5:
            text += _quote(c.last_from, c.last_at, c.last_text)
        mid = self._id("example.nl")
        raw = _email_bytes(
            sender=self._resident_address(r), to=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS),
            moment=self.clock, message_id=mid, subject=subject, text=text,
            html_text=_html(text) if rng.random() < 0.25 else None, attachment=attachment,
            in_reply_to=in_reply_to, references=references, user_agent=self._agent(r),
        )
        self._joined(c, import_bytes(self.loket, raw))
        c.thread.append(mid)
        self._remember(c, f"{r.name} <{r.email}>", text)

    def _letter(self, c: _Case, kind: str) -> str:
        if kind == "ack":
            return self._text(c, self.rng.choice(ACK_TEXTS))
        if kind == "ask":
            return self._text(c, c.pick(c.topic.asks))
        return self._text(c, c.pick(c.topic.answers))

    def reply_mail(self, c: _Case, kind: str) -> None:
        r = c.who
        if c.formal:
            greeting = f"Geachte {'mevrouw' if r.female else 'heer'} {r.formal_surname},"
            closing = (f"Heeft u nog vragen? Beantwoordt u dan deze e-mail en laat het "
                       f"zaaknummer {c.reference} in het onderwerp staan.")
        else:
            greeting = f"Beste {r.first},"
            closing = "Nog vragen? Je kunt gewoon op deze e-mail reageren."
        signature = (f"Met vriendelijke groet,\n\n{DISPLAY[c.staff]}\nKlantcontactcentrum "
                     f"{MUNICIPALITY}\nTelefoon 14 0999 | www.gemeente-voorbeeld.nl")
        text = f"{greeting}\n\n{self._letter(c, kind)}\n\n{closing}\n\n{signature}"
        html_text = _html(text)
        if self.rng.random() < 0.4:
            text += _quote(c.last_from, c.last_at, c.last_text)
        mid = self._id("gemeente-voorbeeld.nl")
        raw = _email_bytes(
            sender=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS),
            to=Address(r.name, addr_spec=r.email), moment=self.clock, message_id=mid,
            subject=f"Re: [{c.reference}] {c.subject}", text=text, html_text=html_text,
            in_reply_to=c.thread[-1], references=tuple(c.thread[-4:]),
            user_agent="Loket 0.1",
        )
        received = self._as(c.staff, lambda: import_bytes(self.loket, raw, Direction.OUTBOUND))
        self._joined(c, received)
        c.thread.append(mid)
        c.last_out = mid
        self._remember(c, f"{MUNICIPALITY} <{INFO_ADDRESS}>", text)

    # phone and counter

    def _question(self, c: _Case, text: str) -> str:
        text = self._text(c, text)
        if c.channel is Channel.COUNTER:
            text = text.replace("Inwoner belt: ", "Aan de balie: ").replace(" belt ", " komt ")
        return text

    def log_first(self, c: _Case, resolved: bool, logger: str | None = None) -> None:
        r = c.who
        question, answer = c.topic.phone[c.variant % len(c.topic.phone)]
        question = self._question(c, question)
        phone = r.phone if c.gives_phone else ""
        c.subject = self._free_subject(Channel.PHONE, phone, _short_subject(question))
        callback = None
        if resolved:
            answer = self._text(c, answer)
            c.outcome = answer
        elif c.status is Status.WACHT_OP_INWONER:
            answer = "Uitgelegd welke gegevens nodig zijn; inwoner levert die aan."
        else:
            answer = f"Vraag uitgezet bij {c.topic.department}; inwoner wordt teruggebeld."
            day = self.clock.date() + timedelta(days=1)
            while not _workday(day):
                day += timedelta(days=1)
            callback = day.isoformat()
        user = c.staff if resolved or logger is None else logger
        received = self._as(user, lambda: self.loket.log_contact(
            c.channel, name=r.name, question=question, answer=answer,
            phone_number=phone, subject=c.subject, resolved=False, callback_by=callback,
        ))
        self._opened(c, received)
        if resolved:
            self._as(user, lambda: self.loket.assign(c.reference, c.staff))
            self._tag(c)
            self._as(user, lambda: self.loket.close_case(c.reference, c.outcome, True))

    def call_back(self, c: _Case) -> None:
        r = c.who
        answer = self._text(c, c.pick(c.topic.answers))
        channel = Channel.PHONE if c.gives_phone else Channel.COUNTER
        question = ("Inwoner teruggebeld over de vraag van " + c.ctx["datum_open"] + "."
                    if c.gives_phone else "Inwoner komt terug aan de balie voor het antwoord.")
        received = self._as(c.staff, lambda: self.loket.log_contact(
            channel, name=r.name, question=question, answer=answer,
            phone_number=r.phone if c.gives_phone else "", subject=c.subject,
            case_reference=c.reference,
        ))
        self._joined(c, received)
        if self._open_callback(c):
            from inbox import callbacks

            self._as(c.staff, lambda: callbacks.done(self.loket, c.reference, callbacks.REACHED))

    def missed_call(self, c: _Case) -> None:
        """The call-back did not reach the resident: tried again the next working day."""
        from inbox import callbacks

        day = self.clock.date() + timedelta(days=1)
        while not _workday(day):
            day += timedelta(days=1)
        if self._open_callback(c):
            self._as(c.staff, lambda: callbacks.done(self.loket, c.reference,
                                                     callbacks.NOT_REACHED, again=day))

    def _open_callback(self, c: _Case) -> bool:
        case = self.op.store.records.case_row(c.case_id)
        return case is not None and bool(case["callback_requested_at"]) and \
            not case["callback_outcome"]

    def call_about(self, c: _Case, which: int) -> None:
        """The e-mailing resident phones about the same case."""
        r = c.who
        question, answer = FOLLOWUP_CALLS[which]
        supply = self._text(c, c.pick(c.topic.supplies))
        received = self._as(self.rng.choice(AGENTS), lambda: self.loket.log_contact(
            Channel.PHONE, name=r.name, question=self._text(c, question, aanvulling=supply),
            answer=self._text(c, answer), phone_number=r.phone, subject=c.subject,
            case_reference=c.reference,
        ))
        self._joined(c, received)

    # hand-over to a department

    def forward(self, c: _Case) -> None:
        from inbox import handover

        name = DEPARTMENTS[c.topic.department][0]
        question = self.rng.choice((
            "Kunnen jullie dit uitzoeken en mij laten weten wat ik de inwoner kan antwoorden?",
            "Graag jullie antwoord op de vraag hieronder; de inwoner wacht erop.",
            "Dit kunnen wij aan het KCC niet beantwoorden. Willen jullie ernaar kijken?",
        ))
        self._as(c.staff, lambda: handover.forward(self.loket, c.reference, name, question,
                                                   message_id=self._id(DEPARTMENT_DOMAIN)))

    def department_reply(self, c: _Case) -> None:
        name, local, _ = DEPARTMENTS[c.topic.department]
        sent = self.op.store.departments.hand_over_message_id(c.case_id)
        colleague = self.people.new()
        answer = self._text(c, c.pick(c.topic.answers))
        text = (f"Beste collega,\n\n{answer}\n\nMet vriendelijke groet,\n\n"
                f"{colleague.name}\n{name}, {MUNICIPALITY}")
        raw = _email_bytes(
            sender=Address(f"{colleague.name} ({name})", addr_spec=f"{local}@{DEPARTMENT_DOMAIN}"),
            to=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS), moment=self.clock,
            message_id=self._id(DEPARTMENT_DOMAIN),
            subject=f"RE: [{c.reference}] Vraag van het KCC: {c.subject}", text=text,
            html_text=None, in_reply_to=sent, references=(sent,) if sent else (),
            user_agent="Microsoft Outlook 16.0",
        )
        self._joined(c, import_bytes(self.loket, raw))

    # social media

    def _social_sender(self, c: _Case) -> tuple[str, str]:
        r = c.who
        if c.channel is Channel.MASTODON:
            return r.handle, r.name
        if c.channel is Channel.WHATSAPP:
            return r.phone, r.first
        return r.facebook, r.name

    def _status_url(self, account: str) -> str:
        self.counter += 1
        user = account.lstrip("@").split("@", 1)[0]
        return f"https://social.example/@{user}/{113_000_000_000_000_000 + self.counter * 7919}"

    def _social(self, c: _Case, text: str, subject: str, outbound: bool) -> Received:
        sender, name = self._social_sender(c)
        message_id = None
        in_reply_to = None
        if c.channel is Channel.MASTODON:
            account = MASTODON_ACCOUNT if outbound else sender
            message_id = self._status_url(account)
            in_reply_to = c.last_out if not outbound and c.last_out else (
                c.thread[-1] if c.thread else None)
            external = message_id.rsplit("/", 1)[1]
        else:
            self.counter += 1
            external = f"{self.tag}-{self.counter}"
        if outbound:
            ours = {Channel.MASTODON: MASTODON_ACCOUNT, Channel.WHATSAPP: WHATSAPP_NUMBER,
                    Channel.FACEBOOK: FACEBOOK_PAGE}[c.channel]
            msg = IncomingMessage(
                channel=c.channel, sent_at=self.clock, sender=ours, sender_name=MUNICIPALITY,
                recipients=sender, subject=subject, body_text=text, message_id=message_id,
                in_reply_to=in_reply_to, external_id=external, direction=Direction.OUTBOUND,
            )
        else:
            recipients = {Channel.MASTODON: MASTODON_ACCOUNT, Channel.WHATSAPP: WHATSAPP_NUMBER,
                          Channel.FACEBOOK: FACEBOOK_PAGE}[c.channel]
            msg = IncomingMessage(
                channel=c.channel, sent_at=self.clock, sender=sender, sender_name=name,
                recipients=recipients, subject=subject, body_text=text, message_id=message_id,
                in_reply_to=in_reply_to, external_id=external,
            )
        received = self.loket.receive(msg)
        if message_id:
            c.thread.append(message_id)
            if outbound:
                c.last_out = message_id
        return received

    def open_social(self, c: _Case) -> None:
        sender, _ = self._social_sender(c)
        text = self._text(c, c.pick(c.topic.social))
        c.formal = False
        c.subject = self._free_subject(c.channel, sender, _short_subject(text))
        if c.channel is Channel.MASTODON:
            if not text.startswith("@gemeentevoorbeeld"):
                text = "@gemeentevoorbeeld " + text
            text = text.replace("@gemeentevoorbeeld", MASTODON_ACCOUNT, 1)
        else:
            text = text.replace("@gemeentevoorbeeld ", "").replace(" @gemeentevoorbeeld", "")
        self._opened(c, self._social(c, text, c.subject, outbound=False))

    def reply_social(self, c: _Case, kind: str) -> None:
        r = c.who
        initials = "".join(p[0] for p in DISPLAY[c.staff].split() if p[0].isupper())
        mention = f"{r.handle} " if c.channel is Channel.MASTODON else ""
        text = f"{mention}Hoi {r.first}, {self._letter(c, kind)} ^{initials}"
        subject = f"[{c.reference}] {c.subject}"
        received = self._as(c.staff, lambda: self._social(c, text, subject, outbound=True))
        self._joined(c, received)

    def resident_social(self, c: _Case) -> None:
        supply = self._text(c, c.pick(c.topic.supplies))
        text = self._text(c, self.rng.choice(SOCIAL_SUPPLIES), aanvulling=supply)
        if c.channel is Channel.MASTODON:
            text = f"{MASTODON_ACCOUNT} {text}"
        self._joined(c, self._social(c, text, c.subject, outbound=False))

    # staff actions

    def assign(self, c: _Case, by: str) -> None:
        self._as(by, lambda: self.loket.assign(c.reference, c.staff))

    def wait(self, c: _Case) -> None:
        self._as(c.staff, lambda: self.loket.set_status(c.reference, Status.WACHT_OP_INWONER))

    def note(self, c: _Case, text: str | None = None) -> None:
        if text is None:
            pool = c.topic.notes + GENERIC_NOTES if c.topic.notes else GENERIC_NOTES
            text = self._text(c, self.rng.choice(pool))
        self._as(c.staff, lambda: self.loket.add_note(c.reference, text))

    def close(self, c: _Case) -> None:
        self._tag(c)
        self._as(c.staff, lambda: self.loket.close_case(c.reference, c.outcome, c.fcr))

    def _tag(self, c: _Case) -> None:
        """The product, asked for when closing (now and then left empty)."""
        from inbox import casework

        if self.rng.random() < 0.9:
            self._as(c.staff, lambda: casework.set_product(self.loket, c.reference,
                                                           c.topic.product))


def build(
    loket: Loket,
    cases: int = 500,
    seed: int = 1,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Fill the database with `cases` realistic cases; the same seed gives the same data.

    One act (`demo.build`, one transaction: a failure leaves nothing half made) in which the
    demo's staff are made, then the year is played through the real acts, each by the person
    who would do it. Returns how many cases, messages and contacts this run added. (The staff's
    password is inbox.identity.demo_staff's, as `loket demo` does.)
    """
    if cases < 0:
        raise ValueError("cases must be zero or more")
    saved_now, saved_user = loket.now, loket.user
    with loket.op(acts.DEMO_BUILD, obj="demo") as op:
        before = op.store.casework.table_counts()
        # a fresh database gets exactly the seed's data; a second run into a filled one gets
        # its own (still deterministic) residents and ids, so nothing collides with the first
        fresh = before["messages"] == 0 and before["cases"] == 0
        tag = f"demo-{seed}" if fresh else f"demo-{seed}-r{before['messages']}"
        rng = random.Random(seed if fresh else f"{seed}/{before['messages']}/{before['cases']}")
        demo = _Demo(loket, op, rng, tag, cases, progress)
        loket.now = lambda: demo.clock
        try:
            demo.clock = START - timedelta(days=30)
            for name, display, role in STAFF:
                op.store.records.insert_user(name, display, role.value, op.stamp())
            demo_mailbox(loket)  # hand-overs go out through it (and wait in its outbox)
            _departments(loket)
            demo.templates()
            demo.run(demo.plan())
        finally:
            loket.now, loket.user = saved_now, saved_user
        after = op.store.casework.table_counts()
        made = {t: after[t] - before[t] for t in after}
        if made["cases"] != cases:
            raise RuntimeError(f"demo: made {made['cases']} cases instead of {cases}")
        op.changed("users")
    return made

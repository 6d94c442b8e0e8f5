"""What residents ask about: topics of this week against the weeks before, and spikes today.

Counted from incoming messages and the public posts heard while listening on Mastodon (rows
with a negative id and no case; inbox/channels/listening.py), never shown: products, street
names and recurring words and word pairs, with Dutch stopwords removed and personal data
stripped first (e-mail addresses, @handles, numbers, postcodes, the residents' own names,
capitalised words mid-sentence; a heard post also loses the watched hashtag that found it).
Each message counts once per term per day.

A spike: today's count k of a term is improbable under its usual daily rate. The usual rate is
the trailing mean over the other days of the window; the test uses the Poisson tail
P(X >= k | lambda) with lambda = (count before + 1) / (days before), so a term never seen before
needs several messages, and a spike is flagged when k >= 3, k >= 4 x the trailing mean and
P < 0.001. Spikes are ordered by that probability; one whose messages are all inside a spike
shown above it is left out ("Beatrixstraat" under "lantaarnpaal Beatrixstraat").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from zoneinfo import ZoneInfo

from inbox import acts, clock
from inbox.errors import InvalidInput, NotFound
from inbox.gate import Op, Session
from inbox.kb.text import STREET, stem, strip_personal, words
from inbox.model import EventKind

TZ = ZoneInfo("Europe/Amsterdam")
MIN_SPIKE = 3
RATIO = 4.0
ALPHA = 1e-3
WEEK = 7
MAX_TEXT = 4000
KIND_ORDER = {"combinatie": 0, "straat": 1, "zin": 2, "woord": 3, "product": 4}
TREND_STOP = frozenset(
    """gisteren vandaag morgen week weken dag dagen maand maanden jaar keer laatst sinds tijd
    mogelijk informatie bericht berichten mail email reactie antwoord groet woon wonen straat
    vraagje snel gewoon echt helemaal steeds inmiddels sorry hartelijk hele heel even ergens
    waarschijnlijk misschien kunnen moeten weten goed""".split()
)
_QUOTED = re.compile(r"^\s*>.*$", re.M)
_HANDLE = re.compile(r"@\S+")


def _listened(text: str, terms: str) -> str:
    """A heard post's text for counting: without @handles (they name people) and without the
    watched hashtags that found it (every such post has them: they say nothing of its topic)."""
    import json

    text = _HANDLE.sub(" ", text)
    try:
        watched = json.loads(terms or "[]")
    except ValueError:
        watched = []
    for term in watched if isinstance(watched, list) else []:
        if isinstance(term, str) and term.startswith("#"):
            text = re.sub(rf"(?<!\w){re.escape(term)}\b", " ", text, flags=re.I)
    return text


@dataclass
class Term:
    kind: str
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    days: dict[date, set[int]] = field(default_factory=lambda: defaultdict(set))  # messages
    cases: dict[date, set[int]] = field(default_factory=lambda: defaultdict(set))

    @property
    def label(self) -> str:
        if self.kind == "combinatie":
            word, street = self.key.split("|", 1)
            return f"{self._surface(word)} {street}"
        if self.kind in ("straat", "product"):
            return self.key
        return self.surfaces.most_common(1)[0][0] if self.surfaces else self.key

    def _surface(self, stem_key: str) -> str:
        for surface, _ in self.surfaces.most_common():
            if stem(surface) == stem_key:
                return surface
        return stem_key

    def count(self, day: date) -> int:
        return len(self.days.get(day, ()))


def poisson_tail(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam)."""
    if k <= 0:
        return 1.0
    lam = max(lam, 1e-9)
    total = 0.0
    for i in range(k, k + 400):
        term = math.exp(-lam + i * math.log(lam) - math.lgamma(i + 1))
        total += term
        if term < total * 1e-12:
            break
    return min(1.0, total)


def local_day(stamp: str) -> date:
    return clock.parse(stamp).astimezone(TZ).date()


def _period(today: date, days: int) -> tuple[str, str]:
    start = datetime.combine(today - timedelta(days=days - 1), datetime.min.time(), TZ)
    end = datetime.combine(today + timedelta(days=1), datetime.min.time(), TZ)
    return clock.iso(start), clock.iso(end)


def _collect(op: Op, today: date, days: int) -> dict[tuple[str, str], Term]:
    since, until = _period(today, days)
    rows = op.store.trends.incoming(since, until)
    ids = sorted({int(r["contact_id"]) for r in rows if r["contact_id"] is not None})
    contact_names = op.store.trends.contact_names(ids)
    terms: dict[tuple[str, str], Term] = {}

    def add(kind: str, key: str, day: date, message: int, case: int | None,
            surface: str = "") -> Term:
        term = terms.get((kind, key))
        if term is None:
            term = terms[(kind, key)] = Term(kind, key)
        term.days[day].add(message)
        if case is not None:
            term.cases[day].add(case)
        if surface:
            term.surfaces[surface] += 1
        return term

    for r in rows:
        day = local_day(str(r["sent_at"]))
        message, case = int(r["id"]), r["case_id"]
        if r["product"]:
            add("product", str(r["product"]), day, message, case)
        text = _QUOTED.sub("", f"{r['subject'] or ''}.\n{r['body_text'] or ''}")[:MAX_TEXT]
        if message < 0:  # a public post heard on Mastodon
            text = _listened(text, str(r["terms"] or ""))
        own = [str(r["sender_name"] or ""), contact_names.get(int(r["contact_id"] or 0), "")]
        clean = strip_personal(text, names=[n for n in own if n], keep_streets=True)
        streets = sorted(set(STREET.findall(clean)))
        for street in streets:
            add("straat", street, day, message, case)
        content = [w for w in words(STREET.sub(" ", clean)) if len(w) > 3 and w not in TREND_STOP]
        keys = [stem(w) for w in content]
        seen: set[str] = set()
        for word, key in zip(content, keys, strict=True):
            add("woord", key, day, message, case, word)
            if key not in seen:
                seen.add(key)
                for street in streets:
                    combo = add("combinatie", f"{key}|{street}", day, message, case)
                    combo.surfaces[word] += 1
        for (w1, k1), (w2, k2) in zip(zip(content, keys, strict=True),
                                      zip(content[1:], keys[1:], strict=True), strict=False):
            if k1 != k2:
                add("zin", f"{k1} {k2}", day, message, case, f"{w1} {w2}")
    return terms


@dataclass(frozen=True)
class Spike:
    term: Term
    today: int
    usual: float
    p: float

    def as_json(self) -> dict[str, Any]:
        usual = f"{self.usual:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        return {
            "onderwerp": self.term.label,
            "soort": self.term.kind,
            "vandaag": self.today,
            "normaal_per_dag": round(self.usual, 3),
            "p": float(f"{self.p:.3g}"),
            "tekst": f"{self.term.label}: {self.today} berichten vandaag, normaal {usual} per dag",
        }


def spikes(terms: dict[tuple[str, str], Term], today: date, days: int) -> list[Spike]:
    before_days = days - 1
    found: list[Spike] = []
    for term in terms.values():
        k = term.count(today)
        if k < MIN_SPIKE:
            continue
        before = sum(len(m) for d, m in term.days.items() if d != today)
        usual = before / before_days
        if k < RATIO * usual:
            continue
        p = poisson_tail(k, (before + 1) / before_days)
        if p < ALPHA:
            found.append(Spike(term, k, usual, p))
    found.sort(key=lambda s: (s.p, KIND_ORDER[s.term.kind], -s.today, s.term.label))
    kept: list[Spike] = []
    for s in found:
        mine = s.term.days[today]
        if any(mine <= k.term.days[today] for k in kept):
            continue
        kept.append(s)
    return kept


def _topics(terms: dict[tuple[str, str], Term], today: date, days: int,
            kinds: tuple[str, ...], limit: int = 15) -> list[dict[str, Any]]:
    week_start = today - timedelta(days=WEEK - 1)
    weeks_before = max((days - WEEK) / WEEK, 1e-9)
    out = []
    for term in terms.values():
        if term.kind not in kinds:
            continue
        this_week = sum(len(m) for d, m in term.days.items() if d >= week_start)
        if this_week < 2:
            continue
        before = sum(len(m) for d, m in term.days.items() if d < week_start)
        out.append({"onderwerp": term.label, "soort": term.kind, "deze_week": this_week,
                    "per_week_eerder": round(before / weeks_before, 1) if days > WEEK else None})
    out.sort(key=lambda t: (-int(str(t["deze_week"])), str(t["onderwerp"])))
    return out[:limit]


def _today(loket: Session) -> date:
    return loket.now().astimezone(TZ).date()


def trends(loket: Session, days: int = 28, today: date | None = None) -> dict[str, Any]:
    """Counts and phrases only: never message text, names or addresses."""
    today = today or _today(loket)
    with loket.op(acts.TRENDS_VIEW) as op:
        terms = _collect(op, today, days)
    found = spikes(terms, today, days)
    return {
        "vandaag": today.isoformat(),
        "dagen": days,
        "statistiek": "Poisson: P(X >= vandaag | lambda = (aantal eerder + 1) / dagen eerder) "
                      f"< {ALPHA}, vandaag >= {MIN_SPIKE} en >= {RATIO:g}x het gemiddelde",
        "pieken": [dict(s.as_json(), zaken=len(s.term.cases[today]),
                        mastodon=sum(1 for m in s.term.days[today] if m < 0)) for s in found],
        "producten": _topics(terms, today, days, ("product",)),
        "straten": _topics(terms, today, days, ("straat",)),
        "onderwerpen": _topics(terms, today, days, ("woord", "zin")),
    }


def _spike(loket: Session, phrase: str, days: int, today: date | None) -> tuple[Spike, date]:
    today = today or _today(loket)
    with loket.op(acts.TRENDS_VIEW) as op:
        terms = _collect(op, today, days)
    wanted = " ".join(phrase.split()).lower()
    for s in spikes(terms, today, days):
        if s.term.label.lower() == wanted:
            return s, today
    raise NotFound(f"Er is vandaag geen piek '{phrase[:60]}'.")


def spike_cases(loket: Session, phrase: str, days: int = 28,
                today: date | None = None) -> list[dict[str, Any]]:
    """The cases of today's spike `phrase`, for those who may see the case list."""
    loket.check(acts.TRENDS_CASES)  # refused before anything is counted
    found, day = _spike(loket, phrase, days, today)
    with loket.op(acts.TRENDS_CASES) as op:
        rows = op.store.trends.cases(sorted(found.term.cases[day]), loket.visibility())
        return [{"reference": r["reference"], "subject": r["subject"], "status": r["status"]}
                for r in rows]


_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[a-z]{2,}$", re.I)


def send_signal(loket: Session, phrase: str, to: str, days: int = 28,
                today: date | None = None) -> dict[str, Any]:
    """Queue a short signal about a spike (counts, phrase, case references) in the outbox."""
    loket.check(acts.TRENDS_SIGNAL)
    to = to.strip()
    if not _ADDRESS.match(to):
        raise InvalidInput(f"'{to[:60]}' is geen e-mailadres.")
    found, day = _spike(loket, phrase, days, today)
    with loket.op(acts.TRENDS_SIGNAL, obj=f"trend:{found.term.label}") as op:
        account = op.store.trends.mail_account()
        if account is None:
            raise InvalidInput("Er is geen e-mailaccount om het signaal mee te versturen.")
        import json

        settings = json.loads(account["settings"] or "{}")
        sender = str(settings.get("from_address") or settings.get("username") or "")
        if "@" not in sender:
            raise InvalidInput("Het e-mailaccount heeft geen afzenderadres.")
        rows = op.store.trends.cases(sorted(found.term.cases[day]), None)
        references = [str(r["reference"]) for r in rows]
        data = found.as_json()
        body = "\n".join([
            "Signaal van het Klantcontactcentrum",
            "",
            data["tekst"] + ".",
            f"Kans bij het gewone aantal: {data['p']:.2g} (Poisson).",
            "",
            f"Zaken ({len(references)}): " + ", ".join(references),
            "",
            "Dit bericht bevat alleen aantallen en zaaknummers; de zaken staan in Loket.",
        ])
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = to
        msg["Subject"] = f"Signaal KCC: {found.term.label} ({found.today} berichten vandaag)"
        msg["Date"] = format_datetime(op.now)
        msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "loket.invalid")
        msg.set_content(body + "\n")
        from email import policy

        raw = msg.as_bytes(policy=policy.SMTP)
        digest = loket.blobs.put(raw)
        outbox_id = op.store.trends.queue_mail(
            int(account["id"]), digest, str(msg["Message-ID"]), sender, to, op.stamp()
        )
        op.event(EventKind.TREND_SIGNAL_SENT,
                 {"onderwerp": found.term.label, "aan": to, "zaken": len(references)})
        op.changed("outbox")
    return {"onderwerp": found.term.label, "aan": to, "zaken": references, "outbox": outbox_id}

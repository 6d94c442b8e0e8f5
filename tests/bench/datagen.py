"""Deterministic synthetic data for the benchmarks: Dutch-ish cases, contacts and messages.

Everything comes from one `random.Random(seed)`, so the same seed gives the same database.
Bodies are built from a pool of generated sentences (with names, streets, amounts and dates
filled in) so the full-text index sees a realistic, Zipf-like vocabulary at a fraction of
the cost of generating every sentence from scratch.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from inbox.threading import normalize_subject
from storage.db import Database, connect
from storage.records import Records

# Bump when the generator changes: the cached database is keyed by it.
GENERATOR_VERSION = "3"

FIRST_NAMES = (
    "Jan Piet Klaas Kees Henk Gerrit Willem Johan Peter Hans Marco Dennis Sander Bas Thijs "
    "Daan Sem Lucas Finn Milan Levi Noah Luuk Bram Ruben Jesse Stijn Tim Lars Joris Wouter "
    "Maria Anna Johanna Cornelia Elisabeth Sanne Lotte Emma Julia Sophie Tess Lisa Fleur "
    "Eva Anouk Iris Femke Marloes Esther Ingrid Petra Annemiek Yvonne Sandra Mohamed Fatima "
    "Ahmed Yusuf Aisha Priya Wei Olena Dmitri Karin Monique Ilse Hanneke Wilma Greetje Tineke "
    "Rik Joost Maarten Arjen Sjoerd Tjeerd Hidde Wietske Baukje Anke Mirjam Nienke"
).split()
LAST_NAMES = (
    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|"
    "Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|"
    "de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|"
    "van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|Willems|"
    "van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|"
    "Peeters|de Jonge|Kuipers|van Veen|Post|Kuiper|Veenstra|Kramer|van den Brink|Scholten|"
    "van Wijk|Postma|Martens|Vink|de Ruiter|Timmermans|Groen|Gerritsen|Jonker|van Loon|Boer|"
    "van der Velde|Willemsen|Smeets|de Lange|de Vos|Bosch|van Dongen|Schipper|de Koning|"
    "van der Laan|Koning|van der Velden|Driessen|van Doorn|Hermans|Evers|van den Bosch|"
    "van der Meulen|Hofman|Bosman|Wolters|Sijbesma|Yilmaz|El Amrani|Bouzid|Kaya|Nguyen"
).split("|")
STREETS = (
    "Dorpsstraat Kerkstraat Schoolstraat Molenweg Stationsweg Julianastraat Beatrixlaan "
    "Wilhelminastraat Hoofdstraat Nieuwstraat Marktplein Parallelweg Industrieweg Spoorlaan "
    "Eikenlaan Beukenlaan Lindelaan Kastanjelaan Irisstraat Tulpstraat Rozenstraat Vondelstraat "
    "Rembrandtlaan Vermeerstraat Zuiderdiep Noorderhaven Oosterkade Westersingel Havenstraat "
    "Prinsengracht Herengracht Lange Nieuwstraat Oudegracht Kruisweg Boterdiep Vismarkt"
).split()
PLACES = (
    "Assen Emmen Zwolle Deventer Kampen Meppel Hoogeveen Coevorden Steenwijk Hardenberg "
    "Ommen Dalfsen Raalte Staphorst Zwartewaterland Westerveld Borger Tynaarlo Aa-en-Hunze"
).split()
TOPICS = (
    ("afval", "De grijze container is niet geleegd", "containerpas ophaaldag afvalkalender "
     "grofvuil milieustraat gft-bak restafval kliko"),
    ("parkeren", "Vraag over mijn parkeervergunning", "parkeervergunning bezoekersregeling "
     "parkeerzone kenteken naheffingsaanslag parkeerautomaat"),
    ("paspoort", "Afspraak paspoort en identiteitskaart", "paspoort identiteitskaart "
     "pasfoto vingerafdrukken spoedaanvraag rijbewijs"),
    ("verhuizing", "Verhuizing doorgeven", "verhuizing inschrijving adreswijziging "
     "brp-uittreksel hoofdbewoner woonadres"),
    ("belasting", "Bezwaar tegen de WOZ-beschikking", "woz-waarde aanslag kwijtschelding "
     "onroerendezaakbelasting rioolheffing betalingsregeling bezwaarschrift"),
    ("bouwen", "Omgevingsvergunning voor een dakkapel", "omgevingsvergunning dakkapel "
     "aanbouw bestemmingsplan welstandscommissie bouwtekening"),
    ("zorg", "Aanvraag huishoudelijke hulp (Wmo)", "wmo huishoudelijke keukentafelgesprek "
     "indicatie trapliftaanvraag scootmobiel mantelzorg"),
    ("werk", "Vraag over mijn bijstandsuitkering", "bijstandsuitkering participatiewet "
     "inkomstenopgave re-integratie sollicitatieplicht toeslag"),
    ("openbare ruimte", "Melding losliggende stoeptegel", "stoeptegel lantaarnpaal "
     "zwerfvuil onkruid boomwortels gladheid strooien"),
    ("evenementen", "Vergunning voor een buurtfeest", "evenementenvergunning buurtfeest "
     "straatafsluiting geluidsontheffing"),
    ("onderwijs", "Leerlingenvervoer aanvragen", "leerlingenvervoer schoolbus "
     "leerplicht vrijstelling taxivervoer"),
    ("geluid", "Klacht over geluidsoverlast", "geluidsoverlast burenruzie "
     "handhaving boa hondenpoep overlast"),
)
OPENERS = (
    "Geachte heer/mevrouw,", "Beste medewerker,", "Goedemiddag,", "Hallo,", "Goedemorgen,",
    "Beste gemeente {place},",
)
CLOSERS = (
    "Met vriendelijke groet,", "Groeten,", "Alvast bedankt,", "Met vriendelijke groeten,",
    "Bij voorbaat dank,",
)
TEMPLATES = (
    "Ik woon sinds {year} aan de {street} {number} in {place} en heb een vraag over {w1}.",
    "Op {date} heb ik al gebeld over de {w1}, maar ik heb nog steeds niets gehoord.",
    "Kunt u mij laten weten wanneer de {w1} wordt behandeld?",
    "Mijn buurman {first} {last} heeft hetzelfde probleem met de {w1}.",
    "Het gaat om een bedrag van {amount} euro dat volgens mij niet klopt.",
    "Volgens de website van de gemeente moet ik eerst een {w1} aanvragen.",
    "Ik heb de {w1} en de {w2} als bijlage meegestuurd.",
    "Wilt u contact met mij opnemen via {phone}?",
    "Het kenmerk van uw brief is {ref}, verstuurd op {date}.",
    "Ik ben het niet eens met de beslissing over de {w1} en wil bezwaar maken.",
    "Sinds vorige week is de situatie bij de {street} alleen maar erger geworden.",
    "Mijn moeder woont in {place} en kan zelf geen {w1} regelen.",
    "Is het mogelijk om de {w1} digitaal te regelen in plaats van aan de balie?",
    "Ik heb geen DigiD, hoe kan ik dan de {w1} aanvragen?",
    "De medewerker aan de telefoon zei dat ik een {w2} nodig heb.",
    "Graag ontvang ik een schriftelijke bevestiging van de {w1}.",
    "Kunt u de termijn voor de {w1} met twee weken verlengen?",
    "Wij hebben de {w1} op {date} ontvangen en nemen binnen acht weken een besluit.",
    "U kunt de {w2} ook downloaden via Mijn Gemeente met uw DigiD.",
    "Voor vragen kunt u bellen met telefoonnummer 14 0{area} op werkdagen.",
    "Uw melding over de {w1} is doorgezet naar de afdeling {dept}.",
    "Wij begrijpen dat dit vervelend is en doen ons best om het snel op te lossen.",
    "De kosten voor de {w1} bedragen {amount} euro en worden in rekening gebracht.",
    "Hierbij stuur ik de gevraagde gegevens over de {w1} en de {w2}.",
    "Ik heb de {w1} nodig voor de notaris, dus het is nogal dringend.",
    "De afspraak op {date} om {hour}:{minute} uur kan helaas niet doorgaan.",
    "Er staat al drie weken een container met {w1} op de stoep aan de {street}.",
    "Mijn zoon {first} is achttien geworden en heeft een eigen {w1} nodig.",
    "Wij zijn verhuisd van {place} naar de {street} {number}.",
    "Ik wil graag weten of ik in aanmerking kom voor {w1}.",
)
DEPARTMENTS = (
    "Burgerzaken", "Belastingen", "Openbare Ruimte", "Vergunningen", "Sociaal Domein",
    "Handhaving", "Afval en Reiniging", "Werk en Inkomen",
)
CHANNELS = (
    ("email", 55), ("phone", 18), ("webform", 10), ("counter", 5), ("letter", 3),
    ("whatsapp", 5), ("mastodon", 2), ("facebook", 2),
)
OPEN_STATUSES = ("nieuw", "in_behandeling", "wacht_op_inwoner")
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN_SECONDS = 2 * 365 * 24 * 3600


def iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


@dataclass
class Vocabulary:
    sentences: list[str]
    topic_sentences: list[list[str]]
    subjects: list[list[str]]


def vocabulary(rng: random.Random, pool: int = 30_000) -> Vocabulary:
    """A pool of filled-in sentences; a third of each topic's pool uses that topic's words."""
    all_words = [w for _, _, words in TOPICS for w in words.split()]

    def fill(template: str, words: list[str]) -> str:
        day = START + timedelta(days=rng.randrange(730))
        return template.format(
            year=rng.randrange(1960, 2025),
            street=rng.choice(STREETS),
            number=rng.randrange(1, 250),
            place=rng.choice(PLACES),
            w1=rng.choice(words),
            w2=rng.choice(words),
            date=f"{day.day} {MONTHS[day.month - 1]} {day.year}",
            first=rng.choice(FIRST_NAMES),
            last=rng.choice(LAST_NAMES),
            amount=f"{rng.randrange(12, 4000)},{rng.randrange(100):02d}",
            phone=f"06-{rng.randrange(10_000_000, 99_999_999)}",
            ref=f"Z/{rng.randrange(20, 26)}/{rng.randrange(100_000, 999_999)}",
            area=rng.randrange(10, 99),
            dept=rng.choice(DEPARTMENTS),
            hour=rng.randrange(8, 17),
            minute=rng.choice(("00", "15", "30", "45")),
        )

    general = [fill(rng.choice(TEMPLATES), all_words) for _ in range(pool)]
    per_topic = []
    subjects = []
    for _, subject, words in TOPICS:
        own = words.split()
        per_topic.append([fill(rng.choice(TEMPLATES), own) for _ in range(pool // 30)])
        subjects.append(
            [subject]
            + [f"{subject} ({rng.choice(STREETS)} {rng.randrange(1, 250)})" for _ in range(40)]
            + [f"Vraag over {w}" for w in own]
        )
    return Vocabulary(general, per_topic, subjects)


MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def body(rng: random.Random, vocab: Vocabulary, topic: int, name: str, outbound: bool) -> str:
    """One message body, 500-2000 characters."""
    target = rng.randrange(500, 2000)
    opener = "Geachte heer/mevrouw " + name.split()[-1] + "," if outbound else rng.choice(OPENERS)
    parts = [opener.replace("{place}", rng.choice(PLACES))]
    size = len(parts[0])
    own = vocab.topic_sentences[topic]
    while size < target - 60:
        sentence = rng.choice(own) if rng.random() < 0.4 else rng.choice(vocab.sentences)
        parts.append(sentence)
        size += len(sentence) + 1
    closer = "Met vriendelijke groet,\nKlantcontactcentrum" if outbound else rng.choice(CLOSERS)
    parts.append(closer + "\n" + (rng.choice(DEPARTMENTS) if outbound else name))
    return " ".join(parts)[:2000]


@dataclass
class Plan:
    """What build_database writes, kept small: the messages are generated in chunks."""

    contacts: list[tuple[int, str, str, str]]  # id, name, email, created_at
    cases: list[tuple[Any, ...]]
    case_messages: list[int]  # number of messages per case (index = case id - 1)
    case_topic: list[int]
    case_contact: list[int]
    case_times: list[list[float]]


def plan(rng: random.Random, vocab: Vocabulary, cases: int, messages: int) -> Plan:
    contacts_n = max(1, cases * 6 // 10)
    base = START.timestamp()
    contacts = []
    for cid in range(1, contacts_n + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first}.{last.replace(' ', '')}{cid}@example.nl".lower()
        contacts.append((cid, f"{first} {last}", email, iso(base + rng.randrange(SPAN_SECONDS))))

    per_case = [1] * cases
    for _ in range(max(0, messages - cases)):
        per_case[rng.randrange(cases)] += 1
    opened = sorted(base + rng.randrange(SPAN_SECONDS) for _ in range(cases))
    counters: dict[int, int] = {}
    channels = [c for c, _ in CHANNELS]
    weights = [w for _, w in CHANNELS]
    rows = []
    topics, owners, times = [], [], []
    newest = opened[int(cases * 0.85)] if cases else base
    for i in range(cases):
        t0 = opened[i]
        stamps = [t0]
        for _ in range(per_case[i] - 1):
            stamps.append(stamps[-1] + rng.randrange(600, 6 * 24 * 3600))
        year = time.gmtime(t0).tm_year
        counters[year] = counters.get(year, 0) + 1
        topic = rng.randrange(len(TOPICS))
        contact = rng.randrange(1, contacts_n + 1)
        p_open = 0.9 if t0 >= newest else 0.15
        if rng.random() < p_open:
            status = rng.choices(OPEN_STATUSES, (30, 50, 20))[0]
        else:
            status = "afgerond"
        assignee = None if status == "nieuw" else rng.randrange(1, 21)
        subject = rng.choice(vocab.subjects[topic])
        closed = iso(stamps[-1] + 3600) if status == "afgerond" else None
        rows.append((
            i + 1, f"LK-{year}-{counters[year]:06d}", subject, normalize_subject(subject),
            status, rng.choices(channels, weights)[0], contact, assignee, TOPICS[topic][0],
            iso(t0), iso(stamps[-1]), iso(stamps[-1]), closed,
            iso(stamps[1]) if len(stamps) > 1 else None,
        ))
        topics.append(topic)
        owners.append(contact)
        times.append(stamps)
    return Plan(contacts, rows, per_case, topics, owners, times)


def message_rows(
    rng: random.Random, vocab: Vocabulary, p: Plan, start_case: int, end_case: int, first_id: int
) -> Iterator[tuple[dict[str, Any], str]]:
    """(row for records.insert_messages, contact name for the index) for cases [start, end)."""
    mid = first_id
    for i in range(start_case, end_case):
        case = p.cases[i]
        case_id, subject, channel = case[0], case[2], case[5]
        contact_id, name, email, _ = p.contacts[p.case_contact[i] - 1]
        previous = None
        for n, stamp in enumerate(p.case_times[i]):
            outbound = n % 2 == 1
            when = iso(stamp)
            message_id = f"<{mid}.{case_id}@{'gemeente' if outbound else 'mail'}.example.nl>"
            row = {
                "case_id": case_id,
                "contact_id": None if outbound else contact_id,
                "channel": channel,
                "direction": "out" if outbound else "in",
                "message_id": message_id if channel == "email" else None,
                "in_reply_to": previous if channel == "email" else None,
                "sent_at": when,
                "received_at": when,
                "sender": "info@gemeente.example.nl" if outbound else email,
                "sender_name": "Gemeente" if outbound else name,
                "recipients": email if outbound else "info@gemeente.example.nl",
                "subject": ("Re: " + subject) if n else subject,
                "body_text": body(rng, vocab, p.case_topic[i], name, outbound),
                "raw_sha256": hashlib.sha256(message_id.encode()).hexdigest(),
                "author_id": (case[7] or 1) if outbound else None,
            }
            previous = message_id if channel == "email" else None
            yield row, ("" if outbound else name)
            mid += 1


def write_people(db: Database, p: Plan) -> None:
    """Users, contacts with e-mail addresses and cases (plain executemany)."""
    stamp = iso(START.timestamp())
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO users(id, name, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)",
            [
                (u, f"mw{u:02d}", f"{FIRST_NAMES[u]} {LAST_NAMES[u]}", "medewerker", stamp)
                for u in range(1, 21)
            ],
        )
        conn.executemany(
            "INSERT INTO contacts(id, name, kind, created_at) VALUES (?, ?, 'persoon', ?)",
            [(c[0], c[1], c[3]) for c in p.contacts],
        )
        conn.executemany(
            "INSERT INTO contact_addresses(contact_id, kind, value, created_at) "
            "VALUES (?, 'email', ?, ?)",
            [(c[0], c[2], c[3]) for c in p.contacts],
        )
        conn.executemany(
            "INSERT INTO cases(id, reference, subject, normalized_subject, status, channel, "
            "contact_id, assignee_id, product, opened_at, updated_at, last_message_at, "
            "closed_at, first_response_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            p.cases,
        )
        last: dict[int, int] = {}
        for row in p.cases:
            year, number = int(row[1][3:7]), int(row[1][8:])
            last[year] = max(last.get(year, 0), number)
        conn.executemany(
            "INSERT INTO reference_counters(year, last) VALUES (?, ?)", sorted(last.items())
        )


def new_plan(seed: int, cases: int, messages: int) -> tuple[random.Random, Vocabulary, Plan]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    return rng, vocab, plan(rng, vocab, cases, messages)


def build_database(
    path: Path, cases: int, messages: int, seed: int, chunk_cases: int = 5_000
) -> dict[str, float]:
    """Write the whole database at `path` (which must not exist); returns timings and sizes."""
    t0 = time.perf_counter()
    rng, vocab, p = new_plan(seed, cases, messages)
    db = connect(path)
    try:
        write_people(db, p)
        t_people = time.perf_counter()
        written = 0
        chars = 0
        gen_seconds = 0.0
        insert_seconds = 0.0
        for start in range(0, cases, chunk_cases):
            g0 = time.perf_counter()
            pairs = list(message_rows(rng, vocab, p, start, min(cases, start + chunk_cases),
                                      written + 1))
            g1 = time.perf_counter()
            with db.transaction():
                Records(db).insert_messages([r for r, _ in pairs], [n for _, n in pairs])
            insert_seconds += time.perf_counter() - g1
            gen_seconds += g1 - g0
            written += len(pairs)
            chars += sum(len(r["body_text"]) for r, _ in pairs)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    total = time.perf_counter() - t0
    return {
        "seconds": total,
        "people_seconds": t_people - t0,
        "generate_seconds": gen_seconds,
        "insert_seconds": insert_seconds,
        "messages": written,
        "avg_body_chars": chars / max(1, written),
        "size_mb": path.stat().st_size / 1e6,
    }

"""The kennisbank's part of the demo: the starter articles, some use, and a planted burst.

The burst: twelve residents write today about the streetlights of one street, which
`trends` shows as the first spike ("lantaarnpaal Beatrixstraat: 12 berichten vandaag").
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from inbox.gate import Session
from inbox.kb import articles, transfer
from inbox.model import Channel, IncomingMessage

STARTER = Path(__file__).resolve().parent.parent.parent / "resources" / "kb" / "artikelen.csv"
BURST_STREET = "Beatrixstraat"
EDITOR = "bea"

_FIRST = ("Sanne", "Mohamed", "Els", "Ruud", "Fatma", "Jeroen", "Ilse", "Kofi", "Wendy", "Bart",
          "Noor", "Gerrit", "Yara")
_LAST = ("Kuipers", "Yilmaz", "Brouwer", "Dekker", "Çelik", "Prins", "Veenstra", "Mensah",
         "Hoekstra", "Schouten", "Koster", "Wolters", "Bosman")
_BURST = (
    "De lantaarnpaal voor {street} {n} brandt sinds gisteravond niet meer. Het is echt donker.",
    "beste gemeente, in de {street} doen de lantaarnpalen het niet. graag snel maken",
    "Lantaarnpaal kapot in de {street}, ter hoogte van nummer {n}. Mijn kinderen lopen daar "
    "in het donker naar huis.",
    "Goedemorgen, de hele {street} is donker, alle lantaarnpalen zijn uit sinds de storm. "
    "Gaat dit opgelost worden?",
    "er hangt een lantaarnpaal scheef in de {street} {n}, volgens mij is er een auto tegenaan "
    "gereden. gevaarlijk!",
    "Melding: lantaarnpaal {street} werkt niet (bij de speeltuin).",
)


BURST = 12


def burst_size(cases: int) -> int:
    """How many of a demo's `cases` the burst makes (none in a small demo): the street's twelve
    of today and one from weeks ago."""
    return BURST + 1 if cases >= 50 else 0


def build(loket: Session, seed: int = 1, burst: int = BURST + 1) -> dict[str, int]:
    """Load the starter articles as the beheerder, count some uses, plant today's burst
    (`burst` cases, 0 for none). Returns what it added, in the demo's counts."""
    rng = random.Random(seed)
    saved = loket.user
    try:
        loket.user = EDITOR
        loket.forget_identity()
        report = transfer.import_file(loket, STARTER)
        loket.user = "anne"
        loket.forget_identity()
        found = articles.articles(loket)
        for article in rng.sample(found, k=min(30, len(found))):
            for _ in range(rng.randint(1, 6)):
                articles.record_use(loket, article.uid, "antwoord")
    finally:
        loket.user = saved
        loket.forget_identity()
    made = plant_burst(loket, rng, burst - 1) if burst else 0
    return {"kb_articles": report.created + report.updated, "cases": made, "messages": made,
            "contacts": made}


def plant_burst(loket: Session, rng: random.Random, count: int = BURST) -> int:
    """`count` messages about the streetlights of BURST_STREET today (one, weeks ago)."""
    now = loket.now()
    moments = [now - timedelta(days=19, hours=3)]
    moments += [now - timedelta(minutes=20 + 23 * i) for i in range(count)]
    for i, moment in enumerate(moments):
        first, last = _FIRST[i % len(_FIRST)], _LAST[i % len(_LAST)]
        text = rng.choice(_BURST).format(street=BURST_STREET, n=rng.randint(2, 80))
        loket.receive(  # type: ignore[attr-defined]
            IncomingMessage(
                channel=Channel.EMAIL,
                sent_at=moment,
                sender=f"{first.lower()}.{last.lower()}@example.nl".replace("ç", "c"),
                sender_name=f"{first} {last}",
                recipients="info@gemeente-voorbeeld.nl",
                subject=f"Straatverlichting {BURST_STREET}",
                body_text=f"{text}\n\nMet vriendelijke groet,\n{first} {last}",
                message_id=f"<burst-{i}-{moment.timestamp():.0f}@example.nl>",
            )
        )
    return len(moments)

"""Finding personal data in text and blacking it out, each redaction with its Woo ground.

Detected: BSNs (nine digits passing the 11-proef; Woo art. 5.1 lid 1 sub d), phone numbers
(phonenumbers, Dutch default region), e-mail addresses, IBANs (ISO 13616 mod-97 check) and the
names of residents and staff Loket knows (all art. 5.1 lid 2 sub e, privacy). A reviewer's
decisions come on top: add a text to redact, or undo a detected one. `apply` replaces every
redacted span by a marker naming its ground, so the text that comes out never holds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import phonenumbers

# Woo art. 5.1: lid 1 sub d (identificatienummers, absolute ground), lid 2 sub e (privacy)
GROUND_ID_NUMBER = "5.1.1d"
GROUND_PRIVACY = "5.1.2e"
GROUNDS = {
    GROUND_ID_NUMBER: "Woo art. 5.1 lid 1 sub d: identificatienummer (BSN)",
    GROUND_PRIVACY: "Woo art. 5.1 lid 2 sub e: eerbiediging van de persoonlijke levenssfeer",
}

KIND_LABELS = {
    "bsn": "BSN",
    "telefoon": "telefoonnummer",
    "email": "e-mailadres",
    "iban": "IBAN",
    "naam": "naam",
    "handmatig": "door de beoordelaar toegevoegd",
}

_BSN = re.compile(r"(?<![\w.-])(\d(?:[ .]?\d){8})(?![\w-]|[.]\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "ES": 24, "LU": 20, "IT": 27}
# name words that are never redacted on their own (particles, titles, very short words)
_PARTICLES = frozenset(
    "de den der van von het ten ter te la le el al da di du mc mac bin ben st".split()
    + "meneer mevrouw dhr mw mr mevr heer familie fam".split()
)


@dataclass(frozen=True)
class Redaction:
    start: int
    end: int
    kind: str
    ground: str
    text: str


def bsn_valid(digits: str) -> bool:
    """The 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def iban_valid(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    if _IBAN_LENGTHS.get(compact[:2], len(compact)) != len(compact):
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def find_bsns(text: str) -> list[Redaction]:
    out = []
    for m in _BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if bsn_valid(digits):
            out.append(Redaction(m.start(1), m.end(1), "bsn", GROUND_ID_NUMBER, m.group(1)))
    return out


def find_emails(text: str) -> list[Redaction]:
    return [
        Redaction(m.start(), m.end(), "email", GROUND_PRIVACY, m.group())
        for m in _EMAIL.finditer(text)
    ]


def find_ibans(text: str) -> list[Redaction]:
    out = []
    for m in _IBAN.finditer(text):
        candidate = m.group()
        # the greedy match may run into the next word: shrink until the checksum holds
        for end in range(len(candidate), 14, -1):
            piece = candidate[:end].rstrip()
            if iban_valid(piece):
                out.append(
                    Redaction(m.start(), m.start() + len(piece), "iban", GROUND_PRIVACY, piece)
                )
                break
    return out


def find_phones(text: str) -> list[Redaction]:
    out = []
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        out.append(Redaction(match.start, match.end, "telefoon", GROUND_PRIVACY, match.raw_string))
    return out


def name_terms(names: Iterable[str]) -> list[str]:
    """Full names, plus their distinctive words ("Jan Bakker" -> "Jan Bakker", "Bakker", "Jan")
    so a greeting like "Beste meneer Bakker" is caught too."""
    terms: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if len(name) < 3 or "@" in name or any(c.isdigit() for c in name):
            continue
        terms.add(name)
        for word in re.split(r"[\s,]+", name):
            if len(word) >= 3 and word.lower() not in _PARTICLES and word[:1].isupper():
                terms.add(word)
    return sorted(terms, key=lambda t: (-len(t), t))


def find_terms(text: str, terms: Sequence[str], kind: str, ground: str) -> list[Redaction]:
    if not terms:
        return []
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.IGNORECASE
    )
    return [Redaction(m.start(), m.end(), kind, ground, m.group()) for m in pattern.finditer(text)]


def detect(
    text: str,
    names: Sequence[str] = (),
    added: Sequence[tuple[str, str]] = (),
    undone: Iterable[str] = (),
) -> list[Redaction]:
    """Every redaction in `text`, without overlaps, in order.

    `names` are name terms (see name_terms); `added` the reviewer's (text, ground) additions;
    `undone` texts the reviewer decided to leave (compared case-insensitively).
    """
    found = (
        find_bsns(text)
        + find_ibans(text)
        + find_emails(text)
        + find_phones(text)
        + find_terms(text, names, "naam", GROUND_PRIVACY)
    )
    for term, ground in added:
        found += find_terms(text, [term], "handmatig", ground or GROUND_PRIVACY)
    skip = {u.casefold() for u in undone}
    found = [r for r in found if r.text.casefold() not in skip]
    # earliest first, the longest of those starting together; drop what overlaps a kept one
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Redaction] = []
    for r in found:
        if kept and r.start < kept[-1].end:
            if r.end > kept[-1].end and r.kind != "naam":
                last = kept[-1]
                kept[-1] = Redaction(
                    last.start, r.end, last.kind, last.ground, text[last.start : r.end]
                )
            continue
        kept.append(r)
    return kept


def marker(r: Redaction) -> str:
    return f"[{r.ground}]"


def apply(text: str, redactions: Sequence[Redaction]) -> str:
    """`text` with every redaction replaced by its marker."""
    out, pos = [], 0
    for r in sorted(redactions, key=lambda r: r.start):
        out.append(text[pos : r.start])
        out.append(marker(r))
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


def scrub_remaining(text: str, secrets: Iterable[str]) -> str:
    """A last safety pass: any redacted text still present anywhere (as part of a word, or in
    another field) is replaced too, so the output cannot hold it."""
    for secret in sorted({s for s in secrets if s.strip()}, key=len, reverse=True):
        text = re.sub(re.escape(secret), f"[{GROUND_PRIVACY}]", text, flags=re.IGNORECASE)
    return text

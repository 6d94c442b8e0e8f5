"""Finding personal data in text and blacking it out, each redaction with its Woo ground.

Text is first normalised (NFKC; every space character, including the non-breaking ones that
survive an HTML mail, becomes a plain space; zero-width characters and soft hyphens go; every
dash becomes '-'), detection runs on that, and each hit is mapped back to the original text, so
the redaction covers exactly what the reader would see.

Detected: BSNs (nine digits in any common grouping, 11-proef; Woo art. 5.1 lid 1 sub e), IBANs
(any case and grouping, ISO 13616 mod-97), phone numbers (phonenumbers, Dutch and international;
the municipality's 14-numbers and 0800/0900 numbers are not personal), e-mail addresses
(internationalised, and the usual obfuscations such as "jan [at] example [dot] nl"), postcodes,
street + house number, dates of birth, the names Loket knows (residents, senders, staff), and
the names, places and institutions found by deduce (a rule-based de-identifier for Dutch text,
loaded lazily: its lookup lists take seconds and about a gigabyte to load). All but the BSN fall
under art. 5.1 lid 2 sub e (privacy). A reviewer's decisions come on top: add a text to redact,
or undo a detected one. `apply` replaces every redacted span by a marker naming its ground.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers

from inbox.errors import LoketError

log = logging.getLogger("loket.redaction")

# Woo art. 5.1: lid 1 sub d (bijzondere persoonsgegevens), lid 1 sub e (identificatienummers,
# both absolute grounds), lid 2 sub e (the privacy of the people named)
GROUND_SPECIAL = "5.1.1d"
GROUND_ID_NUMBER = "5.1.1e"
GROUND_PRIVACY = "5.1.2e"
GROUNDS = {
    GROUND_SPECIAL: "Woo art. 5.1 lid 1 sub d: bijzondere persoonsgegevens",
    GROUND_ID_NUMBER: "Woo art. 5.1 lid 1 sub e: identificatienummer (BSN)",
    GROUND_PRIVACY: "Woo art. 5.1 lid 2 sub e: eerbiediging van de persoonlijke levenssfeer",
}

KIND_LABELS = {
    "bsn": "BSN",
    "iban": "IBAN",
    "telefoon": "telefoonnummer",
    "email": "e-mailadres",
    "postcode": "postcode",
    "adres": "adres",
    "geboortedatum": "geboortedatum",
    "naam": "naam",
    "plaats": "plaats",
    "instelling": "instelling",
    "handmatig": "door de beoordelaar toegevoegd",
}
# When hits overlap, the one kind that names the joined span (the first listed wins).
_PRIORITY = ["bsn", "iban", "email", "telefoon", "geboortedatum", "adres", "postcode",
             "handmatig", "naam", "instelling", "plaats"]


_GROUND_ORDER = {GROUND_ID_NUMBER: 0, GROUND_SPECIAL: 1, GROUND_PRIVACY: 2}


class RedactionUnavailable(LoketError):
    """The name recogniser could not be loaded: a Woo export would not be safe."""


@dataclass(frozen=True)
class Redaction:
    start: int
    end: int
    kind: str
    ground: str
    text: str


# -- normalisation ------------------------------------------------------------------------------

_REMOVED = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


@dataclass(frozen=True)
class Normalised:
    """Text after normalisation, with where each of its characters came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced text[start:end]."""
        return self.starts[start], self.ends[end - 1]


def _clean(c: str) -> str:
    if c in _REMOVED:
        return ""
    if c in _DASHES:
        return "-"
    if c in _LINE_BREAKS:
        return "\n"
    if c.isspace() or unicodedata.category(c) == "Zs":
        return " "
    return c


def normalise(text: str) -> Normalised:
    """NFKC, one kind of space, one kind of dash; per character, where it came from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):  # a letter and its accents together
            j += 1
        piece = "".join(_clean(c) for c in unicodedata.normalize("NFKC", text[i:j]))
        piece = "".join(_clean(c) for c in piece)  # NFKC may produce new spaces or dashes
        out.append(piece)
        starts += [i] * len(piece)
        ends += [j] * len(piece)
        i = j
    return Normalised("".join(out), tuple(starts), tuple(ends))


def _fold(text: str) -> str:
    """Same length, accents off and case folded per character: 'Zoë' and 'zoe' compare equal."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFD", c)[:1] or c
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out)


# -- numbers -------------------------------------------------------------------------------------

_BSN = re.compile(r"(?<![\w.,/-])(\d(?:[ .\-]?\d){8})(?![\w/]|[.,\-]\d)")
_BSN_SHORT = re.compile(
    r"(?:bsn|burgerservicenummer|sofi-?nummer)\W{0,12}(\d(?:[ .\-]?\d){7})(?![\w]|[.,\-]\d)",
    re.IGNORECASE,
)
_IBAN_START = re.compile(r"(?<![\w])([A-Za-z]{2})[ .\-]?(\d{2})")
_IBAN_BODY = re.compile(r"(?:[ .\-]?[A-Za-z0-9]){10,30}")
# ISO 13616 registry: IBAN length per country
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def bsn_valid(digits: str) -> bool:
    """The 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def iban_valid(value: str) -> bool:
    """ISO 13616: the country's length and the mod-97 check, in any case and grouping."""
    compact = re.sub(r"[ .\-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _hit(text: str, start: int, end: int, kind: str, ground: str = GROUND_PRIVACY) -> Redaction:
    return Redaction(start, end, kind, ground, text[start:end])


def find_bsns(text: str) -> list[Redaction]:
    out = []
    for m in _BSN.finditer(text):
        if bsn_valid(re.sub(r"\D", "", m.group(1))):
            out.append(_hit(text, m.start(1), m.end(1), "bsn", GROUND_ID_NUMBER))
    for m in _BSN_SHORT.finditer(text):  # an old eight-digit number, named as a BSN
        if bsn_valid("0" + re.sub(r"\D", "", m.group(1))):
            out.append(_hit(text, m.start(1), m.end(1), "bsn", GROUND_ID_NUMBER))
    return out


def find_ibans(text: str) -> list[Redaction]:
    out = []
    pos = 0
    while (m := _IBAN_START.search(text, pos)) is not None:
        pos = m.start() + 1
        if m.group(1).upper() not in _IBAN_LENGTHS:
            continue
        body = _IBAN_BODY.match(text, m.end())
        if body is None:
            continue
        # the greedy body may run into the next word: shrink until the checksum holds
        for end in range(body.end(), m.end() + 9, -1):
            if text[end - 1].isalnum() and iban_valid(text[m.start() : end]):
                out.append(_hit(text, m.start(), end, "iban"))
                pos = end
                break
    return out


_NOT_PERSONAL = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
}


def find_phones(text: str) -> list[Redaction]:
    """Valid Dutch and international numbers; a municipality's 14-number and 0800/0900
    numbers are organisations', not a person's."""
    out = []
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        number = match.number
        if number.country_code == 31 and str(number.national_number).startswith("14"):
            continue
        if phonenumbers.number_type(number) in _NOT_PERSONAL:
            continue
        out.append(_hit(text, match.start, match.end, "telefoon"))
    return out


# -- e-mail --------------------------------------------------------------------------------------

_LOCAL = r"[\w.%+'\-]*\w"
_LABEL = r"\w(?:[\w\-]*\w)?"
_EMAIL = re.compile(rf"(?<![\w.%+'\-]){_LOCAL}\s?@\s?(?:{_LABEL}\.)+(?:[^\W\d_]{{2,}}|xn--[\w\-]+)")
_TLDS = (
    "nl|com|org|net|eu|be|de|fr|uk|info|nu|biz|io|frl|amsterdam|online|email|me|co|at|ch|es|"
    "it|pl|dk|se|no|fi|pt|ie|lu|tr|ma|su|cn|gov|edu|int"
)
_AT = r"(?:\s*[\[(<{]\s*(?:at|@|apenstaartje)\s*[\])>}]\s*|\s+(?:at|apenstaartje|AT)\s+)"
_DOT = r"(?:\s*[\[(<{]\s*(?:dot|punt|\.)\s*[\])>}]\s*|\s+(?:dot|punt|DOT)\s+|\.)"
_OBFUSCATED = re.compile(
    rf"(?<![\w.%+'\-]){_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*?{_DOT}(?:{_TLDS})(?![\w])",
    re.IGNORECASE,
)


def find_emails(text: str) -> list[Redaction]:
    """Addresses (internationalised ones too) and their usual disguises: 'jan [at] example
    [dot] nl', 'jan(at)example.nl', 'jan at example dot nl'."""
    found = [_hit(text, m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]
    found += [_hit(text, m.start(), m.end(), "email") for m in _OBFUSCATED.finditer(text)]
    return found


# -- places and dates ----------------------------------------------------------------------------

# the letters of a postcode are never SA, SD or SS; in lower case, not a Dutch two-letter word
_POSTCODE = re.compile(r"(?<![\w\-.,])([1-9]\d{3})(\s?)([A-Za-z]{2})(?!\w)")
_TWO_LETTER_WORDS = frozenset(
    "af al be de en er ga ik in is ja je na nu of om op te we ze zo".split()
)
_STREET_SUFFIX = (
    "straat|straatje|laan|laantje|weg|wegje|plein|pleintje|gracht|kade|singel|dijk|dreef|hof|"
    "pad|steeg|park|plantsoen|markt|veld|baan|wal|haven|erf|ring|boulevard|allee|dam|dal|donk|"
    "hoek|akker|weide|wei|zoom|tuin|berg|bos|oord|vaart|burg|brink|veste|promenade|kamp|horst|"
    "wetering|vliet|meent|polder|gaarde|stede|hage|rijn|kanaal|burgwal|dreef|lei|zijde"
)
_HOUSE_NUMBER = (
    r"\d{1,5}(?:\s?-?\s?(?:hs|bis|I{1,3})(?!\w)|-?[A-Za-z](?!\w)|\s?-\s?[A-Za-z](?!\w)"
    r"|\s[A-Z](?!\w)|\s?-\s?\d{1,4}(?!\d))?"
)
_PARTICLE = r"(?:van|de|der|den|het|ter|ten|te|op|aan|in|'t|bij|la|le)"
_STREET = re.compile(
    rf"(?<![\w-])(?:[A-Z][\w'.\-]*\s+(?:(?:[A-Z][\w'.\-]*|{_PARTICLE})\s+){{0,3}})?"
    rf"[A-Z][\w'\-]*(?:{_STREET_SUFFIX})\s+{_HOUSE_NUMBER}(?!\w)"
    rf"|(?<![\w-])(?:Laan|Plein|Kade|Weg|Dreef|Hof|Singel|Burgwal|Gracht|Straat|Markt|Park|Pad|"
    rf"Dijk|Oude|Nieuwe)\s+(?:{_PARTICLE}\s+){{0,3}}[A-Z][\w'\-]+(?:\s[A-Z][\w'\-]+)?"
    rf"\s+{_HOUSE_NUMBER}(?!\w)"
)
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec"
)
_DATE = (
    rf"(?:\d{{1,2}}\s?[-/.]\s?\d{{1,2}}\s?[-/.]\s?(?:19|20)?\d{{2}}"
    rf"|(?:19|20)\d{{2}}\s?[-/.]\s?\d{{1,2}}\s?[-/.]\s?\d{{1,2}}"
    rf"|\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTHS})\.?(?:\s+(?:19|20)?\d{{2}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}})"
)
_BIRTH = re.compile(
    rf"(?:geboren|geb\.?|geboortedatum|geboortedag|geb\.\s?datum|geboren\s+op|d\.o\.b\.?|dob|"
    rf"date\s+of\s+birth|born(?:\s+on)?)[\s:]*(?:op|is|on|:)?[\s:]*({_DATE})(?![\w])",
    re.IGNORECASE,
)


def find_postcodes(text: str) -> list[Redaction]:
    out = []
    for m in _POSTCODE.finditer(text):
        letters = m.group(3)
        if letters.upper() in {"SA", "SD", "SS"}:
            continue
        if not letters.isupper() and letters.lower() in _TWO_LETTER_WORDS:
            if not re.match(r"\s+[A-Z]", text[m.end() :]):
                continue  # '2026 en', '1200 op': a number and a word, not '1234 ab Assen'

        out.append(_hit(text, m.start(), m.end(), "postcode"))
    return out


def find_streets(text: str) -> list[Redaction]:
    """A street and house number: 'Kerkstraat 12a', 'Burgemeester de Withstraat 4-2',
    'Laan van Meerdervoort 120'."""
    return [_hit(text, m.start(), m.end(), "adres") for m in _STREET.finditer(text)]


def find_birth_dates(text: str) -> list[Redaction]:
    """A date after 'geboren', 'geb.', 'geboortedatum', 'date of birth' (other dates in a
    letter are not personal data)."""
    return [_hit(text, m.start(1), m.end(1), "geboortedatum") for m in _BIRTH.finditer(text)]


# -- names ---------------------------------------------------------------------------------------

# name words that are never redacted on their own (particles, titles, very short words)
_PARTICLES = frozenset(
    "de den der van von het ten ter te la le el al da di du mc mac bin ben st".split()
    + "meneer mevrouw dhr mw mr mevr heer familie fam".split()
)
# local parts of an address that are no name ("info@...", "noreply@...")
_NOT_NAMES = frozenset(
    "info mail email contact post noreply no reply admin service klant klantenservice "
    "gemeente support office hallo hello team secretariaat receptie balie webmaster".split()
)
_TITLES = re.compile(
    r"(?:(?:de\s+)?(?:heer|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|mr\.?|dr\.?|ir\.?|drs\.?|"
    r"ing\.?|prof\.?|familie|fam\.?)\s+)+",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"(?<!\w)(?:[A-Z]\.\s?){1,4}$")


_GLUED_PARTICLES = ("van der", "van den", "van de", "van 't", "van", "de", "den", "der", "ter",
                    "ten", "te", "el", "in 't", "op de")


def _address_names(address: str) -> list[str]:
    """The name hidden in an address used as a name: 'jan.de.vries@example.nl' -> 'Jan de
    Vries'; 'jan.devries@...' -> 'Jan Devries' and 'Jan de Vries' (a glued particle may be
    one: both are kept); none when the address names no person ('info@...')."""
    local = address.split("@", 1)[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w]
    if not words or any(not w.isalpha() for w in words):
        return []
    if any(w.lower() in _NOT_NAMES for w in words):
        return []
    plain: list[str] = []
    split: list[str] = []
    for w in words:
        low = w.lower()
        if low in _PARTICLES:
            plain.append(low)
            split.append(low)
            continue
        if len(w) < 2:
            continue
        plain.append(w.capitalize())
        glued = next((p for p in _GLUED_PARTICLES
                      if low.startswith(p.replace(" ", "")) and len(low) - len(p) >= 2), None)
        if glued is None:
            split.append(w.capitalize())
        else:  # 'devries' -> 'de Vries'
            split += [glued, w[len(glued.replace(" ", "")) :].capitalize()]
    return sorted({" ".join(plain), " ".join(split)} - {""})


def name_terms(names: Iterable[str]) -> list[str]:
    """Full names, plus their distinctive words ("Jan Bakker" -> "Jan Bakker", "Bakker", "Jan")
    so a greeting like "Beste meneer Bakker" is caught too. A name that is an e-mail address
    gives the address itself and the name in it."""
    terms: set[str] = set()
    for raw in names:
        name = " ".join(normalise(raw).text.split())
        variants = [name]
        if "@" in name:
            terms.add(name)
            variants = _address_names(name)
        for variant in variants:
            if len(variant) < 3 or any(c.isdigit() for c in variant):
                continue
            terms.add(variant)
            for word in re.split(r"[\s,]+", variant):
                if len(word) >= 3 and word.lower() not in _PARTICLES and word[:1].isupper():
                    terms.add(word)
    return sorted(terms, key=lambda t: (-len(t), t))


def find_terms(text: str, terms: Sequence[str], kind: str, ground: str) -> list[Redaction]:
    """Every whole-word occurrence of `terms`, regardless of accents and (for full names)
    case."""
    if not terms:
        return []
    folded = _fold(text)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(_fold(t)) for t in terms if t) + r")(?!\w)"
    )
    # a reviewer's own additions match as written, in any case
    single = {_fold(t) for t in terms if " " not in t.strip()} if kind == "naam" else set()
    out = []
    for m in pattern.finditer(folded):
        # one word of a name ('Post', 'Bos') only as a name, with its capital: not 'per post'
        if m.group() in single and not text[m.start()].isupper():
            continue
        out.append(_hit(text, m.start(), m.end(), kind, ground))
    return out


def _with_initials(text: str, hits: list[Redaction]) -> list[Redaction]:
    """'J.P. Bakker': the initials before a name go with it."""
    out = []
    for r in hits:
        m = _INITIALS.search(text, max(0, r.start - 12), r.start) if r.kind == "naam" else None
        out.append(r if m is None else _hit(text, m.start(), r.end, r.kind, r.ground))
    return out


# -- deduce --------------------------------------------------------------------------------------

_DEDUCE_KINDS = {"persoon": "naam", "patient": "naam", "locatie": "plaats",
                 "instelling": "instelling", "ziekenhuis": "instelling"}
# words deduce's lists hold that a municipal letter uses in their ordinary sense
_NOT_A_NAME = frozenset(
    "gemeente college burgemeester wethouder wethouders raad afdeling team loket balie "
    "publiekszaken burgerzaken klantcontactcentrum kcc wij u uw ik".split()
)
_lock = threading.Lock()
_deducer: Any = None
_loader: threading.Thread | None = None


def _cache_args() -> dict[str, Any]:
    """Deduce keeps its built lookup structures beside its lists; where that folder cannot be
    written (a system-wide install), in Loket's own cache folder."""
    import os
    from pathlib import Path

    import deduce

    package = Path(deduce.__file__).parent / "data" / "lookup"
    if os.access(package, os.W_OK) or (package / "cache" / "lookup_structs.pickle").exists():
        return {}
    from storage.paths import cache_dir

    return {"cache_path": cache_dir() / "deduce"}


def _deduce() -> Any:
    global _deducer
    with _lock:
        if _deducer is None:
            try:
                from deduce import Deduce

                # Millions of small objects: without the cycle collector running over and
                # over while they load, loading takes a third of the time; frozen afterwards,
                # later collections skip them (else every full collection of the process,
                # e.g. while importing a module, walks them all and takes seconds).
                was_enabled = gc.isenabled()
                gc.disable()
                try:
                    _deducer = Deduce(**_cache_args())
                    gc.freeze()
                finally:
                    if was_enabled:
                        gc.enable()
            except Exception as exc:  # noqa: BLE001 - any failure makes redaction unsafe
                log.exception("deduce could not be loaded")
                raise RedactionUnavailable(
                    "De naamherkenning (deduce) kan niet worden geladen; lakken is nu niet "
                    "veilig mogelijk."
                ) from exc
        return _deducer


def load() -> None:
    """Load deduce now (raises RedactionUnavailable when it cannot be)."""
    _deduce()


def preload() -> None:
    """Start loading deduce in the background (a screen that will need it soon calls this)."""
    global _loader
    if _deducer is not None or (_loader is not None and _loader.is_alive()):
        return

    def load() -> None:
        try:
            _deduce()
        except RedactionUnavailable:
            pass  # reported when it is needed

    _loader = threading.Thread(target=load, name="deduce-loader", daemon=True)
    _loader.start()


def unload() -> None:
    """Let go of deduce's lookup lists (about a gigabyte) when no screen needs them."""
    global _deducer
    with _lock:
        if _deducer is not None:
            _deducer = None
            gc.unfreeze()  # what refcounting did not free, the collector may now


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:]\n"


def find_deduced(text: str, vocabulary: frozenset[str] = frozenset()) -> list[Redaction]:
    """Names, places and institutions deduce finds in Dutch text. One capitalised word at the
    start of a sentence that the document also writes in lower case ('Glas en blikjes ...',
    later '... overal glas') is an ordinary word, not a name."""
    if not text.strip():
        return []
    deducer = _deduce()
    with _lock:
        doc = deducer.deidentify(text)
    out = []
    for a in doc.annotations:
        kind = next((k for tag, k in _DEDUCE_KINDS.items() if tag in a.tag), None)
        if kind is None:
            continue
        start, end = a.start_char, a.end_char
        if kind == "naam":  # 'meneer Jansen': the title stays readable
            title = _TITLES.match(text, start, end)
            if title is not None:
                start = title.end()
        said = text[start:end]
        if not said.strip() or said.lower() in _NOT_A_NAME:
            continue
        if re.match(r"postbus\b", said, re.IGNORECASE):
            continue  # an organisation's postal address, not a person's
        if kind == "naam" and said.isalpha() and said.lower() in vocabulary and (
            _sentence_start(text, start)
        ):
            continue
        if kind == "plaats" and any(c.isdigit() for c in said):
            kind = "adres"
        out.append(_hit(text, start, end, kind))
    return out


# -- all together --------------------------------------------------------------------------------

FINDERS: tuple[Callable[[str], list[Redaction]], ...] = (
    find_bsns,
    find_ibans,
    find_emails,
    find_phones,
    find_postcodes,
    find_streets,
    find_birth_dates,
)


def detect(
    text: str,
    names: Sequence[str] = (),
    added: Sequence[tuple[str, str]] = (),
    undone: Iterable[str] = (),
    *,
    keep: Sequence[str] = (),
    words: frozenset[str] = frozenset(),
    deduced: bool = True,
) -> list[Redaction]:
    """Every redaction in `text`, without overlaps, in order, in `text`'s own positions.

    `names` are name terms (see name_terms); `added` the reviewer's (text, ground) additions;
    `undone` texts the reviewer decided to leave (compared case- and accent-insensitively);
    `keep` the organisation's own addresses (never personal data); `words` the lower-case words
    of the whole document (see find_deduced). `deduced`: also run deduce (names, places,
    institutions Loket does not know).
    """
    norm = normalise(text)
    plain = norm.text
    found: list[Redaction] = []
    for finder in FINDERS:
        found += finder(plain)
    found += find_terms(plain, names, "naam", GROUND_PRIVACY)
    if deduced:
        found += find_deduced(plain, words | words_of([plain]))
    if keep:
        kept = find_terms(plain, [normalise(k).text for k in keep], "houden", "")
        found = [r for r in found
                 if not any(k.start <= r.start and r.end <= k.end for k in kept)]
    for term, ground in added:
        ground = ground if ground in GROUNDS else GROUND_PRIVACY
        found += find_terms(plain, [normalise(term).text], "handmatig", ground)
    found = _with_initials(plain, found)
    skip = {_fold(normalise(u).text) for u in undone}
    found = [r for r in found if _fold(r.text) not in skip]
    out = []
    for r in _merge(found):
        start, end = norm.source(r.start, r.end)
        out.append(Redaction(start, end, r.kind, r.ground, text[start:end]))
    return out


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """The words a document writes in lower case (for find_deduced)."""
    return frozenset(
        w for t in texts for w in re.findall(r"\w+", normalise(t).text) if w.islower()
    )


def _merge(found: list[Redaction]) -> list[Redaction]:
    """Overlapping hits become one span, named by the highest-priority kind among them."""
    found = sorted(found, key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Redaction] = []
    for r in found:
        if kept and r.start < kept[-1].end:
            last = kept[-1]
            first = min((last, r), key=lambda x: _PRIORITY.index(x.kind)
                        if x.kind in _PRIORITY else len(_PRIORITY))
            # an absolute ground (an identification number, special data) outranks privacy
            ground = min(last.ground, r.ground, key=lambda g: _GROUND_ORDER.get(g, 9))
            end = max(last.end, r.end)
            text = last.text + r.text[last.end - r.start :] if r.end > last.end else last.text
            kept[-1] = Redaction(last.start, end, first.kind, ground, text)
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


def _secret_pattern(secrets: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word matches of the redacted texts, folded (a name 'Jan' is not in 'januari')."""
    folded = sorted({_fold(normalise(s).text.strip()) for s in secrets} - {""}, key=len,
                    reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in folded) + r")(?!\w)")


def scrub_remaining(text: str, secrets: Iterable[str]) -> str:
    """A last safety pass: any redacted text still present anywhere (in another field, or in
    another spelling of case, accents or spaces) is replaced too."""
    pattern = _secret_pattern(secrets)
    if pattern is None:
        return text
    norm = normalise(text)
    hits = [
        Redaction(*norm.source(m.start(), m.end()), "handmatig", GROUND_PRIVACY, "")
        for m in pattern.finditer(_fold(norm.text))
    ]
    return apply(text, _merge(hits))


def leftovers(text: str, secrets: Iterable[str]) -> list[str]:
    """The redacted texts that `text` still holds (should be none)."""
    pattern = _secret_pattern(secrets)
    if pattern is None:
        return []
    return sorted({m.group() for m in pattern.finditer(_fold(normalise(text).text))})

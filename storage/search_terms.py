"""Phone numbers in the full-text index: one form (E.164) whatever way they were written.

A resident writes "06-19868609", a colleague notes "+31 6 1986 8609", WhatsApp knows
"+31619868609", a search box gets "0619868609". The index stores each valid number found in a
message or note (and its sender) as the digits of its E.164 form ("31619868609") beside the
text, and a search turns every number it contains into the same digits, so each notation finds
the others. Pure text work (phonenumbers), no database.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

REGION = "NL"  # numbers without a country code are Dutch

# a run of 9 to 15 digits with single separators ("06-19868609", "+31 (0)6 1986 8609",
# "0031619868609"); a cheap sieve before phonenumbers parses the few candidates. The leading
# lookahead only lets the engine skip positions that cannot start a number before it tries the
# lookbehind (about 30% of the sieve's time on the bench's message bodies; same matches)
_CANDIDATE = re.compile(r"(?=[+(\d])(?<![\w+])(?:\+|00)?\(?\d(?:[ \-./()]{0,2}\d){8,14}(?![\w])")


@functools.lru_cache(maxsize=4096)
def _e164_digits(candidate: str) -> str | None:
    """Cached: a resident's number recurs in every message of a thread, and parsing it with
    phonenumbers costs ~35 us each time (the insert path's largest Python cost after FTS5)."""
    import phonenumbers  # imported here: only texts with a long digit run need it

    try:
        number = phonenumbers.parse(candidate, REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def phone_terms(*texts: str | None) -> list[str]:
    """The E.164 digits of every valid phone number in `texts`, each once, in order."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        for match in _CANDIDATE.finditer(text):
            digits = _e164_digits(match.group(0))
            if digits and digits not in found:
                found.append(digits)
    return found


def indexed_with_phones(contact: str, texts: Iterable[str | None]) -> str:
    """The index's contact column: the resident's name and the numbers found in `texts`."""
    return with_phone_terms(contact, phone_terms(*texts))


def with_phone_terms(contact: str, terms: Sequence[str]) -> str:
    """The index's contact column from numbers already found (`phone_terms`)."""
    return " ".join([contact, *terms]) if terms else contact


def message_phone_terms(sender: str, subject: str, body: str) -> tuple[str, ...]:
    """A message's numbers as its index row finds them (sender, subject, body): run by the
    sync's parser processes, so this regex and phonenumbers work (0.56 s of a 3,000-message
    sync's profile) runs on the other core instead of in the transaction."""
    return tuple(phone_terms(sender, subject, body))


def phones_in_query(text: str) -> tuple[str, list[str]]:
    """`text` with each phone number in it written as its E.164 digits, and those numbers
    (as E.164, "+31619868609", the form contact addresses are stored in)."""
    numbers: list[str] = []

    def one(match: re.Match[str]) -> str:
        digits = _e164_digits(match.group(0))
        if digits is None:
            return match.group(0)
        numbers.append("+" + digits)
        return digits

    return _CANDIDATE.sub(one, text or ""), numbers

"""Normalising digitale adressen: e-mail addresses and phone numbers (E.164)."""

from __future__ import annotations

import email.utils
import functools
import inspect
from collections.abc import Iterable
from typing import Any

from inbox.model import AddressKind, Channel

# CVE-2023-27043: email.utils.parseaddr/getaddresses used to pick one of several addresses out
# of an ambiguous header ('alice@example.org)<bob@example.org>' gave alice). Python 3.13, 3.12.6
# and 3.11.10 added `strict=True`, which answers ('', '') instead. Loket supports 3.11.4+ (this
# machine runs 3.11.7, without it), so it uses the stdlib's strict mode where it exists and the
# same checks of its own where it does not: unbalanced parentheses, a failed domain literal, or
# more or fewer addresses than the header's commas promise make the whole header unparseable.
STDLIB_STRICT = "strict" in inspect.signature(email.utils.getaddresses).parameters


def parse_addresses(values: Iterable[str]) -> list[tuple[str, str]]:
    """(name, address) pairs of address headers, strictly: [('', '')] when ambiguous."""
    fields = [str(v) for v in values]
    if STDLIB_STRICT:
        strict_getaddresses: Any = email.utils.getaddresses
        return list(strict_getaddresses(fields, strict=True))
    if not all(_balanced(f) for f in fields):
        return [("", "")]
    found = [p if "[" not in p[1] else ("", "") for p in email.utils.getaddresses(fields)]
    expected = sum(1 + _without_quoted(f).count(",") for f in fields)
    return found if len(found) == expected else [("", "")]


def parse_address(value: str) -> tuple[str, str]:
    """The one (name, address) of a From or Sender header, or ('', '') when there is not
    exactly one unambiguous address."""
    if STDLIB_STRICT:
        strict_parseaddr: Any = email.utils.parseaddr
        name, address = strict_parseaddr(value, strict=True)
        return str(name), str(address)
    found = parse_addresses([value])
    return found[0] if len(found) == 1 else ("", "")


def _without_quoted(value: str) -> str:
    """`value` without its quoted strings (a comma in "Bakker, Jan" separates nothing)."""
    out: list[str] = []
    quoted = escaped = False
    for ch in value:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif not quoted:
            out.append(ch)
    return "".join(out)


def _balanced(value: str) -> bool:
    depth = 0
    for ch in _without_quoted(value):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0

_CHANNEL_ADDRESS = {
    Channel.EMAIL: AddressKind.EMAIL,
    Channel.PHONE: AddressKind.PHONE,
    Channel.COUNTER: AddressKind.PHONE,
    Channel.WHATSAPP: AddressKind.PHONE,
    Channel.MASTODON: AddressKind.MASTODON,
    Channel.FACEBOOK: AddressKind.FACEBOOK,
    Channel.INSTAGRAM: AddressKind.INSTAGRAM,
    Channel.X: AddressKind.X,
}


@functools.lru_cache(maxsize=4096)
def normalize_email(value: str) -> str:
    """The bare lower-case address of a header value. Cached: a sync asks it for each message's
    sender three times (contact, hand-over reply, auto-reply) and senders recur; parsing costs
    ~100 us each (measured: 1.0 s of a 3,000-message sync's 7.8 s profile)."""
    address = parse_address(value or "")[1] or (value or "")
    return address.strip().strip("<>").lower()


def normalize_phone(value: str, region: str = "NL") -> str | None:
    """E.164 form (+31612345678), or None when `value` is not a valid number."""
    import phonenumbers  # imported here: it costs start-up time and most paths never need it

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def address_for(channel: Channel, value: str) -> tuple[AddressKind, str] | None:
    """The (kind, normalised value) a sender on `channel` is known by, or None."""
    kind = _CHANNEL_ADDRESS.get(channel)
    if kind is None or not value:
        return None
    if kind is AddressKind.EMAIL:
        email = normalize_email(value)
        return (kind, email) if "@" in email else None
    if kind is AddressKind.PHONE:
        phone = normalize_phone(value)
        return (kind, phone) if phone else None
    return kind, value.strip().lower()

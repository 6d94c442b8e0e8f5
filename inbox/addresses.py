"""Normalising digitale adressen: e-mail addresses and phone numbers (E.164)."""

from __future__ import annotations

from email.utils import parseaddr

from inbox.model import AddressKind, Channel

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


def normalize_email(value: str) -> str:
    address = parseaddr(value or "")[1] or (value or "")
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

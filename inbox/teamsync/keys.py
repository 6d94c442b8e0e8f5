"""The team's secrets, in the OS keyring only: the team key (shared by the team, seals every
batch) and this laptop's device key (its own Ed25519 key, signs what it sends). Neither is ever
written to the database or the mailbox; the device key's public half is announced to the team.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from inbox.errors import InvalidInput, LoketError
from inbox.teamsync.events import parse_key

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# keyring entries "<installation id>/team/<kind>" (the team key's name predates this module)
TEAM_KEY = "team-key"
DEVICE_KEY = "device-key"


def _name(store: Any, kind: str) -> str:
    return f"{store.team.installation_id()}/team/{kind}"


def _get(name: str) -> str | None:
    from inbox.privacy.keys import _get as get

    return get(name)


def _set(name: str, value: str) -> None:
    from inbox.privacy.keys import _set as put

    put(name, value)


def store_team_key(store: Any, text: str) -> bytes:
    """Keep the team key (as people paste it) in the keyring; refuse what is not a team key."""
    try:
        key = parse_key(text)
    except ValueError as exc:
        raise InvalidInput("Dit is geen geldige teamsleutel.") from exc
    _set(_name(store, TEAM_KEY), text.strip())
    return key


def team_key(store: Any) -> bytes | None:
    text = _get(_name(store, TEAM_KEY))
    if not text:
        return None
    try:
        return parse_key(text)
    except ValueError as exc:
        raise LoketError("De teamsleutel in de sleutelbos is beschadigd.") from exc


def device_key(store: Any) -> Ed25519PrivateKey | None:
    """This laptop's signing key, or None when the keyring has none."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    text = _get(_name(store, DEVICE_KEY))
    if not text:
        return None
    try:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text))
    except ValueError as exc:
        raise LoketError("De apparaatsleutel in de sleutelbos is beschadigd.") from exc


def new_device_key(store: Any) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    _set(_name(store, DEVICE_KEY), base64.b64encode(raw).decode("ascii"))
    return key

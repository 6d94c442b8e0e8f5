"""Joining a team: this installation's device id, its reference slot, the team key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inbox.errors import InvalidInput, LoketError
from inbox.teamsync import apply, engine, outgoing
from inbox.teamsync.events import parse_key

if TYPE_CHECKING:
    from inbox.services import Loket

KEY_ACCOUNT = "team"
KEY_KIND = "team-key"
MAX_SLOT = 99


def store_key(loket: Loket, key_text: str) -> None:
    from inbox.accounts import Secrets

    try:
        parse_key(key_text)
    except ValueError as exc:
        raise InvalidInput("Dit is geen geldige teamsleutel.") from exc
    Secrets(loket).set(KEY_ACCOUNT, KEY_KIND, key_text.strip())


def load_key(loket: Loket) -> bytes | None:
    from inbox.accounts import Secrets

    text = Secrets(loket).get(KEY_ACCOUNT, KEY_KIND)
    if not text:
        return None
    try:
        return parse_key(text)
    except ValueError as exc:
        raise LoketError("De teamsleutel in de sleutelbos is beschadigd.") from exc


def _identity(loket: Loket, device_name: str | None) -> str:
    from inbox.accounts import installation_id

    device = apply.setting(loket.db, "device") or installation_id(loket)
    with loket.db.transaction():
        apply.set_setting(loket.db, "device", device)
        apply.set_setting(loket.db, "device_name", device_name or outgoing.device_name())
    return device


def _claim(loket: Loket, slot: int) -> None:
    with loket.db.transaction():
        apply.set_setting(loket.db, "slot", str(slot))
        outgoing.forget(loket)
        t = outgoing.team(loket.db)
        assert t is not None
        outgoing.emit(loket, t, "device_joined", None, {"slot": slot})


def join_memory(loket: Loket, slot: int, device_name: str | None = None) -> None:
    """Join with a given slot (tests and benchmarks)."""
    _identity(loket, device_name)
    _claim(loket, slot)


def join(
    loket: Loket,
    folder: engine.Folder,
    key: bytes | None,
    device_name: str | None = None,
    account: str | None = None,
    publish_existing: bool = True,
) -> int:
    """Read the team log, claim the lowest free slot, announce this laptop; returns the slot."""
    device = _identity(loket, device_name)
    if account is not None:
        with loket.db.transaction():
            apply.set_setting(loket.db, "account", account)
    engine.sync_pass(loket, folder, key, upload=False)
    mine = loket.db.scalar("SELECT slot FROM team_devices WHERE device = ?", (device,))
    if mine is None:
        taken = {
            int(r[0])
            for r in loket.db.query("SELECT slot FROM team_devices WHERE device != ?", (device,))
        }
        free = [s for s in range(1, MAX_SLOT + 1) if s not in taken]
        if not free:
            raise LoketError("Het team is vol: alle 99 plaatsen zijn bezet.")
        mine = free[0]
        _claim(loket, int(mine))
    else:
        with loket.db.transaction():
            apply.set_setting(loket.db, "slot", str(int(mine)))
        outgoing.forget(loket)
    if publish_existing:
        outgoing.publish_existing(loket)
    engine.sync_pass(loket, folder, key)
    return int(mine)

"""Whether a batch may be applied: who sent it, who made its events, and may they speak so.

- Every laptop has its own Ed25519 device key; it announces the public half in a signed
  `device_joined` event (the first key announced for a device is its key; another key for the
  same device is refused).
- The batch is signed by the laptop that sent it: a batch from an unknown laptop, or whose
  signature fails, is refused.
- Every event is signed by the laptop that made it (so colleagues can republish it): an event
  from an unknown laptop, or whose signature fails, refuses the batch. The sender's own events
  are covered by the batch's signature.
- An event's author must be a person its laptop announced (signed) as signed in there, or the
  system identity (scheduled mail filing): "Bram's laptop" cannot write notes as Anne. Every
  announcement is shown to the beheerder (`team devices`).

A refused batch is kept aside and tried again after every pass (a laptop's announcement may come
in a later batch), never applied as it is. See docs/design/team-sync.md.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from inbox.gate import SYSTEM_USER
from inbox.teamsync.events import Batch, Event, UnreadableBatch, load_public

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class _Known:
    """Device keys and people, from the team state and the batch's own announcements."""

    def __init__(self, store: Any, batch: Batch) -> None:
        self.store = store
        self.announced: dict[str, list[Event]] = defaultdict(list)
        for event in sorted(batch.events, key=lambda e: (e.hlc, e.id)):
            if event.kind == "device_joined":
                self.announced[event.device].append(event)
        self._keys: dict[str, tuple[str, Ed25519PublicKey] | None] = {}

    def key(self, device: str) -> tuple[str, Ed25519PublicKey] | None:
        """(announced text, key) of a device, or None when no valid announcement is known."""
        if device not in self._keys:
            self._keys[device] = self._find_key(device)
        return self._keys[device]

    def _find_key(self, device: str) -> tuple[str, Ed25519PublicKey] | None:
        text = self.store.team.device_public_key(device)
        if text:
            public = load_public(str(text))
            return None if public is None else (str(text), public)
        for event in self.announced.get(device, ()):
            # a first announcement is signed with the key it announces
            text = str(event.data.get("public_key") or "")
            public = load_public(text) if text else None
            if public is not None and event.verifies(public):
                return text, public
        return None

    def speaks_for(self, device: str, user: str) -> bool:
        if user == SYSTEM_USER:
            return True
        if self.store.team.device_has_user(device, user):
            return True
        return any(e.data.get("user") == user for e in self.announced.get(device, ()))


def check(store: Any, batch: Batch) -> None:
    """Raise UnreadableBatch (with its reason) unless `batch` may be applied."""
    known = _Known(store, batch)
    sender = known.key(batch.device)
    if sender is None:
        raise UnreadableBatch("unknown_device", device=batch.device)
    if not batch.verifies(sender[1]):
        raise UnreadableBatch("signature", device=batch.device)
    if batch.user and not known.speaks_for(batch.device, batch.user):
        raise UnreadableBatch("author", batch.user, device=batch.device)
    for event in batch.events:
        found = known.key(event.device)
        if found is None:
            raise UnreadableBatch("unknown_device", device=event.device)
        text, public = found
        if event.device != batch.device and not event.verifies(public):
            raise UnreadableBatch("signature", device=event.device)
        if event.kind == "device_joined":
            if str(event.data.get("public_key") or text) != text:
                raise UnreadableBatch("signature", "tweede sleutel voor een laptop",
                                      device=event.device)
        elif not known.speaks_for(event.device, event.author):
            raise UnreadableBatch("author", event.author, device=event.device)

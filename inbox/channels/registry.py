"""Every channel described once: what its originals are, how (and whether) Loket answers on it,
and how the archive stores it. Sync, the case view, the reply editor and the exports read these
specs instead of testing `channel == "email"`.

A channel code Loket does not know (a newer colleague's laptop, an old export) still gets a
spec: its label is the code itself, nothing can be replied on it, its original is kept as bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inbox.model import Channel


class ReplyRoute(StrEnum):
    """How an answer reaches the resident on this channel."""

    EMAIL = "email"  # composed in Loket, queued in the outbox, sent over SMTP
    MASTODON = "mastodon"  # posted in the thread through the Mastodon API
    NONE = "none"  # not in this channel: call, e-mail, or record the answer given elsewhere


@dataclass(frozen=True)
class ChannelSpec:
    code: str
    label: str  # Dutch, for the domain (CLI, exports, audit); desktop/labels.py translates
    rfc822: bool  # the original is an RFC 822 message, kept byte for byte (.eml)
    reply: ReplyRoute
    # the original as the archive (MDTO) stores it: MIME type and file extension; "" for a
    # channel without an original of its own (a note typed by a colleague)
    mime_type: str
    extension: str
    noted: bool = False  # a colleague writes it down (phone, counter): no original exists
    fetched: bool = False  # Loket fetches it from an account (sync)
    known: bool = True

    @property
    def can_reply(self) -> bool:
        return self.reply is not ReplyRoute.NONE


def _written(code: str, label: str, *, noted: bool) -> ChannelSpec:
    """A channel whose messages are text typed into Loket: no original, no reply in it."""
    return ChannelSpec(code, label, False, ReplyRoute.NONE, "", "", noted=noted)


SPECS: dict[Channel, ChannelSpec] = {
    Channel.EMAIL: ChannelSpec("email", "E-mail", True, ReplyRoute.EMAIL, "message/rfc822",
                               ".eml", fetched=True),
    Channel.PHONE: _written("phone", "Telefoon", noted=True),
    Channel.COUNTER: _written("counter", "Balie", noted=True),
    Channel.LETTER: _written("letter", "Brief", noted=False),
    Channel.WEBFORM: _written("webform", "Webformulier", noted=False),
    Channel.MASTODON: ChannelSpec("mastodon", "Mastodon", False, ReplyRoute.MASTODON,
                                  "application/json", ".json", fetched=True),
    # platform exports, imported from files: no way to answer in the channel itself
    Channel.WHATSAPP: ChannelSpec("whatsapp", "WhatsApp", False, ReplyRoute.NONE, "text/plain",
                                  ".txt"),
    Channel.FACEBOOK: ChannelSpec("facebook", "Facebook", False, ReplyRoute.NONE,
                                  "application/json", ".json"),
    Channel.INSTAGRAM: ChannelSpec("instagram", "Instagram", False, ReplyRoute.NONE,
                                   "application/json", ".json"),
    Channel.X: ChannelSpec("x", "X", False, ReplyRoute.NONE, "application/json", ".json"),
}


def spec(channel: Channel | str) -> ChannelSpec:
    """The spec of a channel code; an unknown code gets one that shows the code itself."""
    try:
        return SPECS[Channel(channel)]
    except ValueError:
        code = str(channel)
        return ChannelSpec(code, code or "?", False, ReplyRoute.NONE, "application/octet-stream",
                           ".bin", known=False)


def label(channel: Channel | str) -> str:
    """The Dutch name of a channel ('E-mail', 'Balie', ...); an unknown code as it is."""
    return spec(channel).label


def channel_of(code: str) -> Channel | str:
    """The Channel for a stored code, or the code itself when this Loket does not know it."""
    try:
        return Channel(code)
    except ValueError:
        return code


def noted_channels() -> tuple[Channel, ...]:
    """Channels a colleague writes down (a phone call, a counter visit)."""
    return tuple(c for c, s in SPECS.items() if s.noted)


def replying_on(route: ReplyRoute) -> tuple[Channel, ...]:
    return tuple(c for c, s in SPECS.items() if s.reply is route)

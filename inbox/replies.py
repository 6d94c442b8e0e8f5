"""How a case gets its answer: on the channel the resident wrote on when Loket can answer
there (the channel registry's reply route: e-mail, Mastodon), else the ways a KCC answers
instead: an e-mail when an address is known, a phone call, or an answer given elsewhere (the
WhatsApp app on the team's phone, a letter), recorded in the case.

`reply_options` says which, and why not in the channel; the desktop's reply action and the
command line follow it, so no reply silently becomes an e-mail without an address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from inbox import acts
from inbox.channels.registry import ReplyRoute, channel_of, label, spec
from inbox.errors import InvalidInput
from inbox.model import AddressKind, CaseDetail, Channel, Direction, IncomingMessage

if TYPE_CHECKING:
    from inbox.services import Loket, Received


@dataclass(frozen=True)
class ReplyOptions:
    """What answering this case can be."""

    channel: Channel | str  # where the resident last wrote (else the case's channel)
    route: ReplyRoute  # the in-channel answer Loket can give now (NONE: none)
    why: str  # Dutch: why not in the channel ("" when `route` is not NONE)
    email: str = ""  # the resident's e-mail address, when known
    phone: str = ""  # the resident's phone number (E.164), when known
    handle: str = ""  # the resident's Mastodon handle, when known

    @property
    def in_channel(self) -> bool:
        return self.route is not ReplyRoute.NONE


def last_inbound_channel(detail: CaseDetail) -> Channel | str:
    """The channel of the resident's newest message in the case (else the case's own)."""
    for entry in reversed(detail.timeline):
        if (entry.kind == "message" and entry.direction is Direction.INBOUND
                and entry.channel is not None):
            return entry.channel
    return detail.summary.channel


def _address(detail: CaseDetail, kind: AddressKind) -> str:
    return next((value for k, value in detail.contact_addresses if k == kind.value), "")


def reply_options(loket: Loket, detail: CaseDetail) -> ReplyOptions:
    """How this case can be answered (reads only what the reply editors read)."""
    channel = last_inbound_channel(detail)
    channel_spec = spec(channel)
    email = _address(detail, AddressKind.EMAIL)
    phone = _address(detail, AddressKind.PHONE)
    handle = _address(detail, AddressKind.MASTODON)
    name = channel_spec.label
    route, why = channel_spec.reply, ""
    if route is ReplyRoute.MASTODON:
        from inbox.channels import mastodon

        target = mastodon.reply_target(loket, detail.summary.reference)
        if target is not None and target.author:
            handle = "@" + target.author.lstrip("@")
        if target is None or not target.account:
            route = ReplyRoute.NONE
            why = ("Dit Mastodon-bericht kwam niet binnen via een gekoppeld Mastodon-account "
                   "(bijvoorbeeld uit een import of de demo); Loket kan er niet op antwoorden.")
    elif route is ReplyRoute.EMAIL and not email:
        route = ReplyRoute.NONE
        why = "Van deze inwoner is geen e-mailadres bekend."
    elif route is ReplyRoute.NONE:
        if channel_spec.noted:
            why = (f"Een contact via {name.lower()} beantwoordt u door te bellen, of legt u "
                   "vast als antwoord dat buiten Loket is gegeven.")
        elif not channel_spec.known:
            why = f"Loket kent het kanaal '{name}' niet en kan er niet op antwoorden."
        elif channel_spec.fetched:
            why = f"Loket kan niet antwoorden via {name}."
        else:
            why = (f"{name}-berichten komen binnen via een exportbestand; Loket kan niet in "
                   f"{name} antwoorden.")
    return ReplyOptions(channel, route, why, email, phone, handle)


def elsewhere_channels() -> tuple[Channel, ...]:
    """The channels an answer given outside Loket may have gone through."""
    return tuple(Channel)


def answered_elsewhere(loket: Loket, reference: str, text: str,
                       via: Channel | str = Channel.PHONE) -> Received:
    """Record that the resident got the answer outside Loket (the WhatsApp app on the team's
    phone, a letter, a call): an outgoing message of `via` in the case with what was
    answered, so the case shows it and the figures count the case as answered."""
    from inbox.channels.smtp import reply_subject

    text = text.strip()
    if not text:
        raise InvalidInput("Schrijf kort op wat er is geantwoord.")
    channel = channel_of(str(via))
    if not isinstance(channel, Channel):
        raise InvalidInput(f"Onbekend kanaal '{via}'.")
    with loket.op(acts.CASE_ANSWERED_ELSEWHERE, case=reference) as op:
        case = op.case
        who = op.store.casework.display_name(loket.user)
        received = loket.receive(IncomingMessage(
            channel=channel,
            direction=Direction.OUTBOUND,
            sent_at=loket.now(),
            sender=who,
            sender_name=who,
            subject=reply_subject(case["reference"], case["subject"]),
            body_text=f"Beantwoord via {label(channel).lower()} (buiten Loket): {text}",
        ))
        if received.case_id != op.case_id:  # the reference in the subject files it here
            raise InvalidInput(f"Het antwoord kon niet in zaak {reference} worden bewaard.")
        op.details = {"kanaal": channel.value}
        op.changes.cases.add(op.case_id)
        if received.message_id is not None:
            op.changes.messages.add(received.message_id)
    return received

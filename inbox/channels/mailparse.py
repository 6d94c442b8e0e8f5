"""Turning the original bytes of an e-mail into an IncomingMessage, whatever state they are in.

Parsing is separate from any connection and tested on raw bytes. Every header is read on its
own, so one broken header costs that header, not the message; a message that cannot be read at
all still becomes an IncomingMessage, flagged with parse_error, so it is kept and shown.
"""

from __future__ import annotations

import html
import logging
import re
from datetime import datetime
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

import nh3

from inbox import clock
from inbox.model import Attachment, Channel, Direction, IncomingMessage
from inbox.threading import message_ids

log = logging.getLogger("loket.mailparse")

MAX_TEXT = 1_000_000  # characters of body text kept for display and search


def parse_email(
    raw: bytes,
    raw_sha256: str,
    *,
    direction: Direction = Direction.INBOUND,
    received_at: datetime | None = None,
) -> IncomingMessage:
    """Parse `raw`; never raises for bad input (a broken message comes back flagged)."""
    try:
        # compat32 keeps headers as they came: parsing the MIME tree is several times faster
        # than with policy.default (which re-parses structured headers on every access), and
        # the few headers Loket shows are decoded leniently below.
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
        return _from_message(msg, raw_sha256, direction, received_at)
    except Exception as exc:  # noqa: BLE001 - any parser failure must keep the message
        log.warning("message %s could not be parsed: %s", raw_sha256[:12], type(exc).__name__)
        return _unparsed(raw, raw_sha256, f"{type(exc).__name__}", direction, received_at)


def _from_message(
    msg: Message, raw_sha256: str, direction: Direction, received_at: datetime | None
) -> IncomingMessage:
    if not msg.keys():
        raise ValueError("no headers")
    # addresses are split before their display names are decoded: a decoded name may hold
    # commas or angle brackets that would confuse the address parser
    name, address = parseaddr(_raw(msg, "From"))
    if not address and _raw(msg, "Sender"):
        name, address = parseaddr(_raw(msg, "Sender"))
    name = _decode_words(name)
    sent_at = _date(msg) or received_at or clock.now()
    text, html_body, attachments = _bodies(msg)
    recipients = ", ".join(a for _, a in getaddresses([_raw(msg, "To"), _raw(msg, "Cc")]) if a)
    references = tuple(message_ids(_raw(msg, "References")))
    defects = [type(d).__name__ for d in getattr(msg, "defects", [])]
    if defects:
        log.info("message %s has defects: %s", raw_sha256[:12], ",".join(sorted(set(defects))))
    return IncomingMessage(
        channel=Channel.EMAIL,
        direction=direction,
        sent_at=sent_at,
        sender=address.lower(),
        sender_name=_clean(name),
        recipients=recipients,
        subject=_clean(_header(msg, "Subject")),
        body_text=text[:MAX_TEXT],
        body_html=html_body,
        message_id=_first_id(_raw(msg, "Message-ID")),
        in_reply_to=_first_id(_raw(msg, "In-Reply-To")),
        references=references,
        raw_sha256=raw_sha256,
        attachments=tuple(attachments),
    )


def _first_id(value: str) -> str | None:
    ids = message_ids(value)
    return ids[0] if ids else None


def _unparsed(
    raw: bytes, raw_sha256: str, reason: str, direction: Direction, received_at: datetime | None
) -> IncomingMessage:
    text = raw[:200_000].decode("utf-8", errors="replace")
    subject = ""
    match = re.search(r"^Subject:[ \t]*(.*)$", text, re.MULTILINE | re.IGNORECASE)
    if match:
        subject = _clean(match.group(1))
    return IncomingMessage(
        channel=Channel.EMAIL,
        direction=direction,
        sent_at=received_at or clock.now(),
        subject=subject or "(onleesbaar bericht)",
        body_text=text,
        raw_sha256=raw_sha256,
        parse_error=reason,
    )


def _raw(msg: Message, name: str) -> str:
    """A header's value as it came (encoded words left in); bytes outside ASCII are read as
    UTF-8, else as Windows-1252, the two encodings mail programs send unannounced."""
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - a header Python cannot even split
        return ""
    if value is None:
        return ""
    text = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in text):  # surrogate-escaped 8-bit bytes
        data = text.encode("utf-8", "surrogateescape")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    return text


def _decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; what cannot be decoded is kept as it is."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # noqa: BLE001 - a broken encoded word: show it undecoded
        return value


def _header(msg: Message, name: str) -> str:
    """One header as text for people: encoded words decoded."""
    return _decode_words(_raw(msg, name))


def _clean(value: str) -> str:
    value = value.replace("\r", " ").replace("\n", " ").replace("\x00", "")
    return re.sub(r"\s+", " ", value).strip()


def _date(msg: Message) -> datetime | None:
    for name in ("Date", "Delivery-Date"):
        value = _raw(msg, name)
        if not value:
            continue
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            continue
        if moment.tzinfo is None:
            from datetime import UTC

            moment = moment.replace(tzinfo=UTC)
        if 1980 <= moment.year <= 2100:
            return moment
    return None


def _bodies(msg: Message) -> tuple[str, str | None, list[Attachment]]:
    plain: list[str] = []
    html_parts: list[str] = []
    attachments: list[Attachment] = []
    for index, part in enumerate(_walk(msg)):
        content_type = part.get_content_type()
        disposition = (part.get_content_disposition() or "").lower()
        filename = _filename(part)
        if (
            content_type == "message/rfc822"
            or (disposition == "attachment" or (filename and disposition != "inline"))
            and not content_type.startswith("multipart/")
        ):
            data = _payload_bytes(part)
            if content_type == "message/rfc822" and not filename:
                filename = "bijgevoegd-bericht.eml"
            attachments.append(
                Attachment(
                    filename=safe_filename(filename or f"bijlage-{index}"),
                    content_type=content_type,
                    data=data,
                    content_id=_content_id(part),
                )
            )
            continue
        if content_type == "text/plain" or (
            content_type.startswith("multipart/") and not part.is_multipart()
        ):
            # a multipart without a (findable) boundary cannot be split: its body is its text
            plain.append(_text(part))
        elif content_type == "text/html":
            html_parts.append(_text(part))
        elif not content_type.startswith("multipart/"):
            data = _payload_bytes(part)
            if data:
                attachments.append(
                    Attachment(
                        filename=safe_filename(filename or f"inline-{index}"),
                        content_type=content_type,
                        data=data,
                        content_id=_content_id(part),
                        inline=True,
                    )
                )
    html_body = "\n".join(html_parts) if html_parts else None
    text = "\n\n".join(p.strip("\n") for p in plain if p.strip())
    if not text and html_body:
        text = html_to_text(html_body)
    return text, sanitize_html(html_body) if html_body else None, attachments


def _walk(msg: Message) -> list[Message]:
    """Leaf parts, not descending into attached messages (those are kept as attachments)."""
    if msg.get_content_type() == "message/rfc822" and msg is not None:
        return [msg]
    if msg.is_multipart():
        parts: list[Message] = []
        payload = msg.get_payload()
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message):
                    if sub.get_content_type() == "message/rfc822":
                        parts.append(sub)
                    else:
                        parts.extend(_walk(sub))
        return parts
    return [msg]


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        name = None
    if not name:
        return ""
    # a quote left open ('name="foto.jpg') is a typo, not part of the name
    return _decode_words(str(name).strip().strip('"'))


def _content_id(part: Message) -> str | None:
    value = _header(part, "Content-ID").strip()
    return value.strip("<>") or None


def _payload_bytes(part: Message) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return inner[0].as_bytes(policy=policy.compat32)
        return part.as_bytes(policy=policy.compat32)
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001
        data = None
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    return payload.encode("utf-8", "replace") if isinstance(payload, str) else b""


_CHARSET_ALIASES = {
    "unknown-8bit": "latin-1",
    "x-unknown": "latin-1",
    "ansi_x3.4-1968": "ascii",
    "cp-850": "cp850",
    "windows-1252": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
}


def _text(part: Message) -> str:
    """Decoded text of a text/* part; unknown or lying charsets fall back gracefully."""
    data = _payload_bytes(part)
    charset = (part.get_content_charset() or "").lower()
    charset = _CHARSET_ALIASES.get(charset, charset)
    for candidate in (charset, "utf-8", "cp1252"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def safe_filename(name: str) -> str:
    """A file name that is safe to write anywhere: no paths, no control characters."""
    name = name.replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "_", name).strip(" .")
    if name.upper().split(".")[0] in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}:
        name = "_" + name
    return name[:150] or "bijlage"


_ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img"} | {"img", "font", "center", "span", "div"}


def sanitize_html(value: str) -> str:
    """Allowlist-sanitised HTML: no scripts, no event handlers, images only from cid:."""

    def keep(tag: str, attribute: str, val: str) -> str | None:
        if tag == "img" and attribute == "src":
            return val if val.lower().startswith("cid:") else None
        return val

    return nh3.clean(
        value,
        tags=_ALLOWED_TAGS,
        attributes={
            "*": {"style", "class", "align", "title"},
            "a": {"href"},
            "img": {"src", "alt", "width", "height"},
            "td": {"colspan", "rowspan"},
            "th": {"colspan", "rowspan"},
            "font": {"color", "face", "size"},
        },
        url_schemes={"http", "https", "mailto", "cid"},
        attribute_filter=keep,
        link_rel="noopener noreferrer nofollow",
    )


_TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.IGNORECASE | re.DOTALL)
_BLOCK_RE = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    text = _BLOCK_RE.sub("\n", value)
    text = _TAG_RE.sub("", text)
    text = html.unescape(text)
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()

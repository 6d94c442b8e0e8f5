"""Turning the original bytes of an e-mail into an IncomingMessage, whatever state they are in.

Parsing is separate from any connection and tested on raw bytes. Every header is read on its
own, so one broken header costs that header, not the message; a message that cannot be read at
all still becomes an IncomingMessage, flagged with parse_error, so it is kept and shown.
Nothing here raises on hostile input: lone surrogates (UTF-7 encoded words), lying charsets,
deep nesting and pathological HTML all end in text.
"""

from __future__ import annotations

import html
import logging
import re
import time
import unicodedata
from datetime import datetime
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

import nh3

from inbox import clock
from inbox.addresses import parse_address, parse_addresses
from inbox.channels.imports.limits import (
    HTML_CPU_SECONDS,
    MAX_HTML_AMPERSANDS,
    MAX_HTML_CHARS,
    MAX_HTML_DEPTH,
    MAX_MIME_DEPTH,
    MAX_SANITIZE_CHARS,
)
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
    name, address = parse_address(_raw(msg, "From"))  # strict: CVE-2023-27043
    if not address and _raw(msg, "Sender"):
        name, address = parse_address(_raw(msg, "Sender"))
    name = _decode_words(name)
    sent_at = _date(msg) or received_at or clock.now()
    text, html_body, attachments = _bodies(msg)
    recipients = ", ".join(a for _, a in parse_addresses([_raw(msg, "To"), _raw(msg, "Cc")]) if a)
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
        body_text=scrub(text[:MAX_TEXT]),
        body_html=html_body,
        message_id=_first_id(_raw(msg, "Message-ID")),
        in_reply_to=_first_id(_raw(msg, "In-Reply-To")),
        references=references,
        raw_sha256=raw_sha256,
        attachments=tuple(attachments),
        automated=_automated(msg),
    )


def _automated(msg: Message) -> bool:
    """Whether a machine sent it (RFC 3834 Auto-Submitted, Precedence, a list's headers, an
    auto-responder's marks): Loket never answers it automatically."""
    auto = _raw(msg, "Auto-Submitted").strip().lower()
    if auto and auto != "no":
        return True
    if _raw(msg, "Precedence").strip().lower() in ("bulk", "list", "junk", "auto_reply"):
        return True
    return any(_raw(msg, h) for h in ("List-Id", "List-Unsubscribe", "X-Autoreply",
                                      "X-Autorespond", "X-Auto-Response-Suppress"))


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
        body_text=scrub(text),
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
    value = scrub(value).replace("\r", " ").replace("\n", " ")
    return re.sub(r"\s+", " ", value).strip()


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: str) -> str:
    """Text that can be stored and shown: lone surrogates (from UTF-7 or surrogate-escaped
    bytes) become U+FFFD, NUL characters are dropped."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    return _SURROGATE.sub("\ufffd", value)


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


def _attachment(part: Message, filename: str, data: bytes, *, inline: bool = False) -> Attachment:
    """A part kept as a file: under a name safe to save, with its Content-ID so the HTML's
    cid: links still find it."""
    return Attachment(
        filename=safe_filename(filename),
        content_type=part.get_content_type(),
        data=data,
        content_id=_content_id(part),
        inline=inline,
    )


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
            attachments.append(_attachment(part, filename or f"bijlage-{index}", data))
            continue
        if content_type.startswith("multipart/") and part.is_multipart():
            attachments.append(  # nested deeper than the limit: kept whole, not walked
                Attachment(
                    filename=f"deel-{index}.eml",
                    content_type="message/rfc822",
                    data=part.as_bytes(policy=policy.compat32),
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
                    _attachment(part, filename or f"inline-{index}", data, inline=True)
                )
    html_body = "\n".join(html_parts) if html_parts else None
    text = "\n\n".join(p.strip("\n") for p in plain if p.strip())
    if not html_body:
        return text, None, attachments
    html_text, tame = _convert(html_body, "\n")
    # HTML too deep, too large or with too many '&' for the sanitiser (its time grows with the
    # square of those) is shown as its text; the original keeps it byte for byte
    return text or html_text, sanitize_html(html_body) if tame else None, attachments


def _walk(msg: Message, depth: int = 0) -> list[Message]:
    """Leaf parts, not descending into attached messages (those are kept as attachments) nor
    deeper than the limit (a deeper multipart is one part, kept as an attachment)."""
    if msg.get_content_type() == "message/rfc822" and msg is not None:
        return [msg]
    if msg.is_multipart() and depth < MAX_MIME_DEPTH:
        parts: list[Message] = []
        payload = msg.get_payload()
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message):
                    if sub.get_content_type() == "message/rfc822":
                        parts.append(sub)
                    else:
                        parts.extend(_walk(sub, depth + 1))
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
        except Exception:  # noqa: BLE001 - unknown, lying or broken codecs: try the next
            continue
    return data.decode("latin-1")


_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)
MAX_FILENAME = 150


def safe_filename(name: str) -> str:
    """A file name that is safe to write anywhere and shows what it is: no paths, no control
    or format characters (a right-to-left override makes 'x\u202egpj.exe' look like a .jpg),
    no Windows device names (CON, COM1-9, LPT1-9, also as 'CON .txt'), at most 150 characters
    with the extension kept."""
    name = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", name))
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    name = re.sub(r"[\x00-\x1f\x7f-\x9f<>:\"|?*]", "_", name).strip(" .")
    if name.split(".")[0].rstrip(" ").upper() in _RESERVED:
        name = "_" + name
    if len(name) > MAX_FILENAME:
        stem, dot, ext = name.rpartition(".")
        keep = "." + ext if dot and stem and len(ext) <= 16 else ""
        name = (name[: MAX_FILENAME - len(keep)].rstrip(" .") + keep) if keep else name[:150]
    return name or "bijlage"


_ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img"} | {"img", "font", "center", "span", "div"}


def sanitize_html(value: str) -> str:
    """Allowlist-sanitised HTML: no scripts, no event handlers, images only from cid:."""

    def keep(tag: str, attribute: str, val: str) -> str | None:
        if tag == "img" and attribute == "src":
            return val if val.lower().startswith("cid:") else None
        return val

    return nh3.clean(
        scrub(value),
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


_BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody tfoot thead tr ul"
    .split()
)
_CELLS = frozenset({"td", "th"})
_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
# every Unicode space separator (Zs) and the tab, as a plain space
_SPACES = str.maketrans({ch: " " for ch in "\t\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                         "\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


def html_to_text(value: str, *, paragraph: str = "\n") -> str:
    """Readable text of an HTML body, in time linear in its size: parsed by libxml2 (lxml),
    script and style left out, block elements on their own lines (`paragraph` after a <p>),
    every Unicode space a plain space. Past the CPU budget (or when libxml2 gives up on very
    deep nesting) a plain tag strip is used instead; it never raises."""
    return _convert(value, paragraph)[0]


def _convert(value: str, paragraph: str) -> tuple[str, bool]:
    """(text, whether the HTML is tame enough to hand to the sanitiser: not larger, deeper,
    slower or with more '&' than the limits)."""
    tame = len(value) <= MAX_SANITIZE_CHARS and value.count("&") <= MAX_HTML_AMPERSANDS
    value = scrub(value[:MAX_HTML_CHARS])
    if not value.strip():
        return "", tame
    deadline = time.process_time() + HTML_CPU_SECONDS
    try:
        walked = _walk_html(value, paragraph, deadline)
    except Exception as exc:  # noqa: BLE001 - any parser trouble: the plain strip below
        log.info("html to text fell back to a tag strip: %s", type(exc).__name__)
        walked = None
    if walked is None:
        return _tidy(_strip_tags(value)), False
    text, depth = walked
    return _tidy(text), tame and depth <= MAX_HTML_DEPTH


class _OverBudget(Exception):
    pass


def _walk_html(value: str, paragraph: str, deadline: float) -> tuple[str, int] | None:
    """(text, deepest nesting) of `value`, or None when libxml2 could not read all of it."""
    from lxml import etree

    parser = etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8"
    )
    root = etree.fromstring(value.encode("utf-8"), parser)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return None  # libxml2 stopped (nesting too deep): it would lose the rest of the text
    if root is None:
        return None
    out: list[str] = []
    depth = deepest = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for count, (event, element) in enumerate(walker):
        if count % 4096 == 0 and time.process_time() > deadline:
            raise _OverBudget
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
        if event == "start":
            if tag in _SKIPPED:
                walker.skip_subtree()
                continue
            if tag == "br":
                out.append("\n")
            elif tag in _BLOCKS:
                _line_break(out)
            elif tag in _CELLS:
                out.append(" ")
            if element.text:
                out.append(element.text)
        else:
            if tag in _BLOCKS:
                _line_break(out)
                if tag == "p" and paragraph != "\n":
                    out.append(paragraph[1:])
            if element.tail:
                out.append(element.tail)
    return "".join(out), deepest


def _line_break(out: list[str]) -> None:
    if out and not out[-1].endswith("\n"):
        out.append("\n")


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/tr|/li|/h\d)\b[^<>]*>", re.IGNORECASE)


def _strip_tags(value: str) -> str:
    """A linear plain-text fallback: scripts and styles cut (to their end tag, or to the end
    when unclosed), tags removed, entities decoded. Every pattern stops at the next '<'."""
    lowered = value.lower()
    pieces: list[str] = []
    position = 0
    for found in _SCRIPT_OR_STYLE.finditer(value):
        if found.start() < position:
            continue
        pieces.append(value[position : found.start()])
        end = lowered.find(f"</{found.group(1).lower()}", found.end())
        if end < 0:
            position = len(value)
            break
        close = value.find(">", end)
        position = len(value) if close < 0 else close + 1
    pieces.append(value[position:])
    text = _BREAK.sub("\n", "".join(pieces))
    return html.unescape(_TAG.sub("", text))


def _tidy(text: str) -> str:
    text = text.translate(_SPACES)
    text = re.sub(r"[ \r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()

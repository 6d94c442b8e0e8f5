"""WhatsApp "Export chat" files (.txt, or .zip with media) read into chat messages.

Both layouts are recognised: Android ("12-03-2024 14:05 - Naam: tekst") and iOS
("[12-03-2024 14:05:23] Naam: tekst"), with 12- or 24-hour clocks, day-month, month-day or ISO
dates and any of the separators phones use. Which of day-month or month-day a file uses is
decided per file: a first number above 12 means day-month, a second above 12 month-day, and
otherwise the order that keeps the messages in time order (12-hour clocks lean to month-day).
Lines without a header continue the message above. System messages ("Berichten en oproepen zijn
end-to-end versleuteld", "created group", ...) are counted, not filed as a resident's words.
The times in an export are the phone's local time; Loket reads them as Dutch time.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import PurePosixPath

from inbox.addresses import normalize_phone
from inbox.channels.imports.exportfile import (
    ChatMessage,
    ExportError,
    ParsedExport,
    SafeZip,
    plausible,
)
from inbox.model import AddressKind, Attachment, Channel

_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
IOS_LINE = re.compile(rf"^\[{_DATE},?\s{_TIME}\]\s(?P<rest>.*)$")
ANDROID_LINE = re.compile(rf"^{_DATE},?\s{_TIME}\s[-\u2013]\s(?P<rest>.*)$")

_ENCRYPTED = re.compile(
    r"^(?:messages and calls are end-to-end encrypted|berichten en oproepen zijn end-to-end "
    r"versleuteld|messages to this group are now secured with end-to-end encryption|"
    r"berichten naar deze groep zijn nu beveiligd met end-to-end-versleuteling)",
    re.IGNORECASE,
)
_ATTACHED = re.compile(
    r"<(?:attached|bijgevoegd):\s*([^>]+)>|^(\S[^\n]*?\.\w{2,5}) \((?:file attached|bestand "
    r"bijgevoegd)\)",
    re.IGNORECASE | re.MULTILINE,
)
_OMITTED = re.compile(
    r"^(?:<media omitted>|<media weggelaten>|(?:image|video|audio|sticker|gif|document) omitted|"
    r"(?:afbeelding|video|audio|sticker|gif|document) weggelaten)$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"^whatsapp[ -]?chat(?:\s+(?:with|met)\s+|\s*-\s*)(?P<title>.+?)(?: \(\d+\))?$", re.IGNORECASE
)


@dataclass
class _Entry:
    date: tuple[str, str, str]
    time: str
    ampm: str
    ios: bool
    rest: str
    more: list[str] = field(default_factory=list)


def title_from_name(name: str) -> str:
    """'WhatsApp Chat with Anna de Vries.txt' -> 'Anna de Vries'; '_chat.txt' -> ''."""
    stem = PurePosixPath(name).stem
    match = _TITLE.match(stem.strip())
    return match.group("title").strip() if match else ""


def looks_like_chat(text: str) -> bool:
    for line in text.splitlines()[:20]:
        clean = _clean(line)
        if IOS_LINE.match(clean) or ANDROID_LINE.match(clean):
            return True
    return False


def parse_text(
    text: str,
    title: str = "",
    own_names: frozenset[str] = frozenset(),
    media: dict[str, bytes] | None = None,
    zone: tzinfo | None = None,
) -> ParsedExport:
    """The messages of one exported chat; raises ExportError for an unknown layout."""
    entries = _entries(text)
    dates = _date_order([e.date for e in entries], any(e.ampm for e in entries))
    zone = zone or _dutch_time()
    parsed = ParsedExport(Channel.WHATSAPP, [], title=title)
    raw: list[tuple[datetime, str, str, tuple[Attachment, ...]]] = []
    for entry, (year, month, day) in zip(entries, dates, strict=True):
        moment = _moment(year, month, day, entry.time, entry.ampm, zone)
        author, body, system = _split(entry)
        body = "\n".join([body, *entry.more]).strip("\n")
        if system or not author:
            parsed.system_messages += 1
            continue
        attachments = _attachments(body, media or {})
        raw.append((moment, author, body, attachments))
    authors = {a for _, a, _, _ in raw}
    own = _own_authors(authors, title, own_names)
    thread = title or "WhatsApp-gesprek"
    for moment, author, body, attachments in raw:
        phone = normalize_phone(author)
        address = (
            (AddressKind.PHONE, phone)
            if phone
            else (AddressKind.WHATSAPP, f"{thread}/{author}".casefold())
        )
        parsed.messages.append(
            ChatMessage(
                thread=thread,
                sent_at=moment,
                author=author,
                text=body,
                outbound=author in own,
                address=None if author in own else address,
                attachments=attachments,
            )
        )
    return parsed


def parse_file(name: str, raw: bytes, own_names: frozenset[str] = frozenset()) -> ParsedExport:
    """A .txt export or a .zip with the chat text (and media) inside."""
    if raw[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        return _parse_zip(name, raw, own_names)
    return parse_text(_decode(raw), title_from_name(name), own_names)


def _parse_zip(name: str, raw: bytes, own_names: frozenset[str]) -> ParsedExport:
    with SafeZip(raw) as archive:
        infos = archive.files()
        chats = [
            i
            for i in infos
            if i.filename.lower().endswith(".txt")
            and (
                PurePosixPath(i.filename).name.lower() == "_chat.txt"
                or PurePosixPath(i.filename).name.lower().startswith("whatsapp")
            )
        ]
        if len(chats) != 1:
            raise ExportError(
                "In dit zip-bestand staat geen (of meer dan één) WhatsApp-gesprek (_chat.txt)."
            )
        chat = chats[0]
        text = _decode(archive.read(chat))
        named = _attached_names(text)
        media = {}
        for info in infos:
            base = PurePosixPath(info.filename).name
            if info is not chat and base in named:
                media[base] = archive.read(info)
    title = title_from_name(chat.filename) or title_from_name(name)
    return parse_text(text, title, own_names, media)


def _attached_names(text: str) -> set[str]:
    """The file names the chat says were attached (one pass over the text)."""
    return {
        (m.group(1) or m.group(2) or "").strip().lstrip(_BIDI) for m in _ATTACHED.finditer(text)
    }


def _decode(raw: bytes) -> str:
    try:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(
            "Dit bestand is geen WhatsApp-export: de tekst is geen geldige UTF-8 of UTF-16."
        ) from exc


def _clean(line: str) -> str:
    return line.lstrip(_BIDI).replace("\u202f", " ").replace("\u00a0", " ")


def _entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        clean = _clean(line)
        match = IOS_LINE.match(clean) or ANDROID_LINE.match(clean)
        if match:
            parts = re.split(r"[./-]", match.group("date"))
            entries.append(
                _Entry(
                    (parts[0], parts[1], parts[2]),
                    match.group("time"),
                    (match.group("ampm") or "").replace(".", "").replace(" ", "").lower(),
                    clean.startswith("["),
                    match.group("rest"),
                )
            )
        elif entries:
            entries[-1].more.append(line.replace("\u202f", " "))
        elif line.strip(_BIDI + " \t"):
            raise ExportError(
                f"Onbekende chatindeling (regel {number} begint niet met een datum en tijd); "
                "dit lijkt geen WhatsApp-export."
            )
    if not entries:
        raise ExportError("Onbekende chatindeling: er staat geen enkel WhatsApp-bericht in.")
    return entries


def _date_order(dates: list[tuple[str, str, str]], twelve_hour: bool) -> list[tuple[int, int, int]]:
    """(year, month, day) per entry, deciding the file's date order once."""

    def year(value: str) -> int:
        number = int(value)
        return number + 2000 if len(value) <= 2 else number

    if all(len(a) == 4 for a, _, _ in dates):
        order = "ymd"
    else:
        firsts = [int(a) for a, _, _ in dates]
        seconds = [int(b) for _, b, _ in dates]
        if any(n > 12 for n in firsts) and any(n > 12 for n in seconds):
            raise ExportError("Onbekende datumnotatie in deze chat-export.")
        if any(n > 12 for n in firsts):
            order = "dmy"
        elif any(n > 12 for n in seconds):
            order = "mdy"
        else:
            order = _by_time_order(dates, twelve_hour)
    out = []
    for a, b, c in dates:
        if order == "ymd":
            out.append((int(a), int(b), int(c)))
        elif order == "dmy":
            out.append((year(c), int(b), int(a)))
        else:
            out.append((year(c), int(a), int(b)))
    return out


def _by_time_order(dates: list[tuple[str, str, str]], twelve_hour: bool) -> str:
    def backwards(order: str) -> int:
        keys = [
            (int(c), int(b), int(a)) if order == "dmy" else (int(c), int(a), int(b))
            for a, b, c in dates
        ]
        return sum(1 for x, y in zip(keys, keys[1:], strict=False) if y < x)

    dmy, mdy = backwards("dmy"), backwards("mdy")
    if dmy != mdy:
        return "dmy" if dmy < mdy else "mdy"
    return "mdy" if twelve_hour else "dmy"


def _moment(year: int, month: int, day: int, clock: str, ampm: str, zone: tzinfo) -> datetime:
    parts = [int(p) for p in re.split(r"[:.]", clock)]
    hour, minute = parts[0], parts[1]
    second = parts[2] if len(parts) > 2 else 0
    if ampm:
        if not 1 <= hour <= 12:
            raise ExportError(f"Onbekende tijd '{clock} {ampm}' in deze chat-export.")
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except (ValueError, OverflowError) as exc:
        raise ExportError(
            f"Onbekende datum of tijd ({day}-{month}-{year} {clock}) in deze chat-export."
        ) from exc
    return plausible(moment, "in deze chat-export")


def _split(entry: _Entry) -> tuple[str, str, bool]:
    """(author, text, is_system) of a header line's remainder."""
    rest = entry.rest
    author, sep, text = rest.partition(": ")
    if not sep:
        return "", rest, True  # Android system lines have no author
    author = author.strip(_BIDI + " ")
    stripped = text.lstrip(_BIDI + " ")
    if _ENCRYPTED.match(stripped) or _ENCRYPTED.match(rest.lstrip(_BIDI)):
        return author, stripped, True
    if entry.ios and text.startswith("\u200e"):
        # iOS writes system events under the chat's name, behind a left-to-right mark;
        # attachments and left-out media get the same mark but are a resident's message.
        if not (_ATTACHED.search(stripped) or _OMITTED.match(stripped.strip())):
            return author, stripped, True
    return author, stripped, False


def _attachments(text: str, media: dict[str, bytes]) -> tuple[Attachment, ...]:
    found = []
    for match in _ATTACHED.finditer(text):
        name = (match.group(1) or match.group(2) or "").strip().lstrip(_BIDI)
        data = media.get(name)
        if data is not None:
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            found.append(Attachment(filename=name, content_type=kind, data=data))
    return tuple(found)


def _own_authors(authors: set[str], title: str, own_names: frozenset[str]) -> set[str]:
    """Which authors are the municipality: configured names, 'Gemeente ...', or in a
    one-to-one chat named after the resident, the other party."""
    own = {a for a in authors if a.casefold() in own_names or a.casefold().startswith("gemeente ")}
    if not own and title and len(authors) == 2:
        others = [a for a in authors if a.casefold() != title.casefold()]
        if len(others) == 1:
            own = set(others)
    return own


def _dutch_time() -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # pragma: no cover - no tz database on this system
        from datetime import UTC

        return UTC

"""The importers' limits, in one table: the code reads them from here, the README shows them.

Each keeps one hostile or broken file from exhausting memory, time or the disk: beyond a limit
the file (or the one message) is refused with one Dutch line, and the other files go on. The
README's "Limits of the importers" section is generated from this table (`markdown_table`) and a
test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    value: int
    unit: str  # "bytes", "members", "levels", "times", "ms"
    means: str  # what is limited (English, for the README)


LIMITS: dict[str, Limit] = {
    "file_bytes": Limit(
        512 * MB, "bytes", "an export file (WhatsApp, Facebook/Instagram, X): read into memory"
    ),
    "message_bytes": Limit(
        100 * MB, "bytes", "one e-mail: an .eml file, or one message inside an .mbox"
    ),
    "member_bytes": Limit(256 * MB, "bytes", "one file inside an export .zip, unpacked"),
    "unpacked_bytes": Limit(
        1024 * MB, "bytes", "everything read from one export .zip, unpacked, together"
    ),
    "zip_members": Limit(50_000, "members", "files and folders in one export .zip"),
    "expansion_ratio": Limit(
        100, "times", "unpacked size / packed size of a .zip member larger than 1 MB"
    ),
    "zip_depth": Limit(1, "levels", "zips inside an export .zip are kept, never unpacked"),
    "json_depth": Limit(100, "levels", "nesting of arrays and objects in an export's JSON"),
    "mime_depth": Limit(
        50, "levels", "nesting of multiparts in an e-mail; deeper parts are kept as attachments"
    ),
    "html_chars": Limit(
        4_000_000, "characters", "HTML converted to text per message (the original is kept)"
    ),
    "html_sanitize_chars": Limit(
        1_000_000, "characters", "HTML shown as (sanitised) HTML; a larger body is shown as text"
    ),
    "html_depth": Limit(
        200, "levels", "nesting of HTML elements shown as HTML; deeper is shown as text"
    ),
    "html_ampersands": Limit(
        10_000, "characters", "'&' in HTML shown as HTML; more is shown as text (the sanitiser "
        "slows down with each)"
    ),
    "html_cpu_ms": Limit(
        500, "ms", "CPU time for HTML to text per message; beyond it a plain tag strip is used"
    ),
}

RATIO_FLOOR = 1 * MB
"""Members unpacking to less than this are not held to the expansion ratio (a small file of
repeated bytes compresses extremely well and harms nobody)."""


def limit(name: str) -> int:
    return LIMITS[name].value


MAX_FILE_BYTES = limit("file_bytes")
MAX_MESSAGE_BYTES = limit("message_bytes")
MAX_MEMBER_BYTES = limit("member_bytes")
MAX_UNPACKED_BYTES = limit("unpacked_bytes")
MAX_ZIP_MEMBERS = limit("zip_members")
MAX_EXPANSION_RATIO = limit("expansion_ratio")
MAX_JSON_DEPTH = limit("json_depth")
MAX_MIME_DEPTH = limit("mime_depth")
MAX_HTML_CHARS = limit("html_chars")
MAX_HTML_DEPTH = limit("html_depth")
MAX_SANITIZE_CHARS = limit("html_sanitize_chars")
MAX_HTML_AMPERSANDS = limit("html_ampersands")
HTML_CPU_SECONDS = limit("html_cpu_ms") / 1000


def human(value: int, unit: str) -> str:
    if unit == "bytes":
        if value >= 1024 * MB:
            return f"{value / (1024 * MB):.1f} GB".replace(".", ",")
        return f"{value / MB:.0f} MB"
    if value == 1:
        unit = unit.removesuffix("s")
    return f"{value:,} {unit}".replace(",", ".")


def markdown_table() -> str:
    """The README's table of limits."""
    rows = ["| limit | value | what |", "|---|---|---|"]
    rows += [f"| `{name}` | {human(lim.value, lim.unit)} | {lim.means} |"
             for name, lim in LIMITS.items()]
    return "\n".join(rows)

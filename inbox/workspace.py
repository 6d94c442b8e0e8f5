"""The KCC workspace's own data: response norms per channel, saved searches, standaardantwoorden
and undo of the last safe action.

Norms, saved searches and the team's own templates are kept in the `settings` table as JSON;
the shipped templates are text files in resources/templates/ (first line: the title).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import casework
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Changes, Channel, Status
from inbox.privacy.roles import Permission

if TYPE_CHECKING:
    from inbox.services import Loket

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"
NORMS_KEY = "workspace.norms"
TEMPLATES_KEY = "workspace.templates"
SEARCHES_KEY = "workspace.saved_searches."  # + user name

WORKING_DAYS = "working_days"
HOURS = "hours"
SOCIAL = (Channel.MASTODON, Channel.WHATSAPP, Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X)


# -- norms -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Norm:
    """The time within which a channel's cases get a first answer."""

    amount: int
    unit: str  # WORKING_DAYS or HOURS

    def deadline(self, opened: datetime) -> datetime:
        if self.unit == HOURS:
            return opened + timedelta(hours=self.amount)
        day = casework.add_working_days(casework.local_date(opened), self.amount)
        return casework.end_of_local_day(day)

    def label(self) -> str:
        unit = "uur" if self.unit == HOURS else ("werkdag" if self.amount == 1 else "werkdagen")
        return f"{self.amount} {unit}"


def default_norms() -> dict[str, Norm]:
    """E-mail and letters 2 working days, social media 4 hours, terugbelverzoek (phone) 2."""
    norms = {c.value: Norm(2, WORKING_DAYS) for c in (Channel.EMAIL, Channel.WEBFORM,
                                                       Channel.LETTER, Channel.PHONE)}
    norms.update({c.value: Norm(4, HOURS) for c in SOCIAL})
    return norms


def norms(loket: Loket) -> dict[str, Norm]:
    """The norms in force: the defaults, overridden per channel by what was saved."""
    found = default_norms()
    raw = loket.db.scalar("SELECT value FROM settings WHERE key = ?", (NORMS_KEY,))
    if raw:
        for channel, value in json.loads(raw).items():
            if value is None:
                found.pop(channel, None)
            else:
                found[channel] = Norm(int(value["amount"]), str(value["unit"]))
    return found


def _may_configure(loket: Loket) -> None:
    if loket.may(Permission.SET_NORMS):
        return
    raise PermissionDenied("Alleen de teamleider of beheerder stelt de normen in.")


def save_norms(loket: Loket, values: dict[str, Norm | None]) -> None:
    """Save the norm per channel (None: no norm for that channel)."""
    _may_configure(loket)
    out: dict[str, Any] = {}
    for channel, norm in values.items():
        Channel(channel)  # a known channel code, or ValueError
        if norm is not None:
            if norm.unit not in (WORKING_DAYS, HOURS) or not 0 < norm.amount <= 1000:
                raise InvalidInput(f"Ongeldige norm voor {channel}.")
            out[channel] = asdict(norm)
        else:
            out[channel] = None
    _put(loket, NORMS_KEY, out)
    loket.audit("wijzigen:normen", "instellingen")


def _put(loket: Loket, key: str, value: Any) -> None:
    with loket.db.transaction():
        loket.db.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False, sort_keys=True)),
        )


def _get(loket: Loket, key: str, default: Any) -> Any:
    raw = loket.db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return json.loads(raw) if raw else default


# -- saved searches ----------------------------------------------------------------------


@dataclass(frozen=True)
class SavedSearch:
    name: str
    text: str = ""
    statuses: tuple[str, ...] = ()
    channel: str | None = None


def saved_searches(loket: Loket) -> list[SavedSearch]:
    """The acting user's saved searches, in the order they were saved."""
    loket.check(Permission.LIST_CASES)
    return [
        SavedSearch(s["name"], s.get("text", ""), tuple(s.get("statuses", ())), s.get("channel"))
        for s in _get(loket, SEARCHES_KEY + loket.user, [])
    ]


def save_search(loket: Loket, search: SavedSearch) -> None:
    """Save (or replace by name) a search for the acting user."""
    loket.check(Permission.LIST_CASES)
    name = search.name.strip()
    if not name:
        raise InvalidInput("Geef de zoekopdracht een naam.")
    for status in search.statuses:
        Status(status)
    kept = [s for s in saved_searches(loket) if s.name != name]
    kept.append(SavedSearch(name, search.text.strip(), search.statuses, search.channel))
    _put(loket, SEARCHES_KEY + loket.user, [
        {"name": s.name, "text": s.text, "statuses": list(s.statuses), "channel": s.channel}
        for s in kept
    ])


def delete_search(loket: Loket, name: str) -> None:
    kept = [s for s in saved_searches(loket) if s.name != name]
    _put(loket, SEARCHES_KEY + loket.user, [
        {"name": s.name, "text": s.text, "statuses": list(s.statuses), "channel": s.channel}
        for s in kept
    ])


# -- standaardantwoorden ------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    body: str
    shipped: bool = True


_PLACEHOLDER = re.compile(r"\{(naam|zaak|medewerker|onderwerp)\}")


def templates(loket: Loket | None = None, directory: Path = TEMPLATES_DIR) -> list[Template]:
    """Shipped templates, then the team's own (which replace a shipped one with the same key)."""
    found: dict[str, Template] = {}
    for path in sorted(directory.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines:
            found[path.stem] = Template(path.stem, lines[0].strip(), "\n".join(lines[1:]).strip())
    if loket is not None:
        for item in _get(loket, TEMPLATES_KEY, []):
            found[item["key"]] = Template(item["key"], item["title"], item["body"], False)
    return sorted(found.values(), key=lambda t: t.title.casefold())


def save_template(loket: Loket, title: str, body: str, key: str | None = None) -> Template:
    """Add or change one of the team's own templates."""
    loket.check(Permission.WORK_CASES)
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise InvalidInput("Een standaardantwoord heeft een titel en een tekst.")
    key = key or re.sub(r"[^a-z0-9]+", "_", title.casefold()).strip("_") or "antwoord"
    own = [t for t in _get(loket, TEMPLATES_KEY, []) if t["key"] != key]
    own.append({"key": key, "title": title, "body": body})
    _put(loket, TEMPLATES_KEY, own)
    return Template(key, title, body, False)


def delete_template(loket: Loket, key: str) -> None:
    loket.check(Permission.WORK_CASES)
    _put(loket, TEMPLATES_KEY, [t for t in _get(loket, TEMPLATES_KEY, []) if t["key"] != key])


def fill(template: Template, *, name: str, reference: str, employee: str = "",
         subject: str = "") -> str:
    """The template's text with {naam}, {zaak}, {medewerker} and {onderwerp} filled in."""
    values = {"naam": name.strip() or "heer/mevrouw", "zaak": reference,
              "medewerker": employee, "onderwerp": subject}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template.body)


# -- undo --------------------------------------------------------------------------------

UNDO_FIELDS = ("assignee", "status", "product", "deadline")


@dataclass(frozen=True)
class UndoStep:
    """How to put a case back as it was before one safe action (assign, status, product,
    deadline, close). Notes, replies, merges and splits are not undone: others may have seen
    or built on them."""

    label: str
    reference: str
    before: dict[str, str | None] = field(default_factory=dict)


def snapshot(loket: Loket, reference: str) -> dict[str, str | None]:
    """The fields an undo can restore, as they are now."""
    case = loket._case(reference)
    assignee = loket.db.scalar("SELECT name FROM users WHERE id = ?", (case["assignee_id"],))
    return {"assignee": assignee, "status": case["status"], "product": case["product"],
            "deadline": case["deadline"]}


def undo(loket: Loket, step: UndoStep) -> Changes:
    """Restore the fields of `step.before` that differ now; each change writes its own event."""
    loket.check(Permission.WORK_CASES)
    changes = Changes()
    with loket.db.transaction():
        now = snapshot(loket, step.reference)
        before = step.before
        if now["status"] != before["status"] and before["status"] is not None:
            changes.merge(loket.set_status(step.reference, before["status"]))
        if now["assignee"] != before["assignee"]:
            changes.merge(loket.assign(step.reference, before["assignee"]))
            after = snapshot(loket, step.reference)
            if after["status"] != before["status"] and before["status"] is not None:
                changes.merge(loket.set_status(step.reference, before["status"]))
        if now["product"] != before["product"]:
            changes.merge(casework.set_product(loket, step.reference, before["product"]))
        if now["deadline"] != before["deadline"]:
            value = before["deadline"]
            changes.merge(casework.set_deadline(
                loket, step.reference, date.fromisoformat(value) if value else None))
    return changes


def channels_in_use(loket: Loket) -> list[str]:
    """The channels cases arrived through, for the per-channel views (codes, in enum order)."""
    loket.check(Permission.LIST_CASES)
    used = {str(r[0]) for r in loket.db.query("SELECT DISTINCT channel FROM cases")}
    return [c.value for c in Channel if c.value in used]

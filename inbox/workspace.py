"""The KCC workspace's own data: response norms per channel, saved searches, standaardantwoorden
and undo of the last safe action.

Norms, saved searches, the team's own templates and the retired ones are kept in the `settings`
table as JSON; the shipped templates are text files in resources/templates/ (first line: the
title). Every read and change is an act of the gate (inbox/acts.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import acts, casework
from inbox.errors import InvalidInput, NotFound
from inbox.model import Changes, Channel, EventKind, Status

if TYPE_CHECKING:
    from inbox.gate import Op, Session
    from inbox.services import Loket

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"
NORMS_KEY = "workspace.norms"
TEMPLATES_KEY = "workspace.templates"
SEARCHES_KEY = "workspace.saved_searches."  # + user name
RETIRED_KEY = "workspace.templates.retired"
TEMPLATE_CLOCKS_KEY = "workspace.templates.hlc"  # key -> team clock of its newest version

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
    with loket.op(acts.NORMS_VIEW) as op:
        return norms_in_force(op)


def norms_in_force(op: Op) -> dict[str, Norm]:
    """`norms` for an act already running (the figures, a deadline)."""
    found = default_norms()
    for channel, value in _get(op, NORMS_KEY, {}).items():
        if value is None:
            found.pop(channel, None)
        else:
            found[channel] = Norm(int(value["amount"]), str(value["unit"]))
    return found


def save_norms(loket: Loket, values: dict[str, Norm | None]) -> Changes:
    """Save the norm per channel (None: no norm for that channel)."""
    out: dict[str, Any] = {}
    for channel, norm in values.items():
        if channel not in {c.value for c in Channel}:
            raise InvalidInput(f"Onbekend kanaal '{channel}'.")
        if norm is not None:
            if norm.unit not in (WORKING_DAYS, HOURS) or not 0 < norm.amount <= 1000:
                raise InvalidInput(f"Ongeldige norm voor {channel}.")
            out[channel] = asdict(norm)
        else:
            out[channel] = None
    with loket.op(acts.NORMS_SET, obj="normen") as op:
        _put(op, NORMS_KEY, out)
        op.details = {"kanalen": sorted(out)}
        op.changed("settings")
        from inbox import deadlines

        deadlines.after_norms_changed(op)  # open cases' "antwoord uiterlijk" follows
    return op.changes


def _put(op: Op | Session, key: str, value: Any) -> None:
    op.store.records.set_setting(key, json.dumps(value, ensure_ascii=False, sort_keys=True))


def _get(op: Op | Session, key: str, default: Any) -> Any:
    raw = op.store.records.setting(key)
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
    with loket.op(acts.CASE_LIST) as op:
        return _searches(op)


def _searches(op: Op) -> list[SavedSearch]:
    return [
        SavedSearch(s["name"], s.get("text", ""), tuple(s.get("statuses", ())), s.get("channel"))
        for s in _get(op, SEARCHES_KEY + op.user, [])
    ]


def _put_searches(op: Op, searches: list[SavedSearch]) -> None:
    _put(op, SEARCHES_KEY + op.user, [
        {"name": s.name, "text": s.text, "statuses": list(s.statuses), "channel": s.channel}
        for s in searches
    ])


def save_search(loket: Loket, search: SavedSearch) -> Changes:
    """Save (or replace by name) a search for the acting user."""
    name = search.name.strip()
    if not name:
        raise InvalidInput("Geef de zoekopdracht een naam.")
    for status in search.statuses:
        if status not in {s.value for s in Status}:
            raise InvalidInput(f"Onbekende status '{status}'.")
    with loket.op(acts.SEARCH_SAVE) as op:
        kept = [s for s in _searches(op) if s.name != name]
        kept.append(SavedSearch(name, search.text.strip(), search.statuses, search.channel))
        _put_searches(op, kept)
        op.changed("searches")
    return op.changes


def delete_search(loket: Loket, name: str) -> Changes:
    with loket.op(acts.SEARCH_SAVE) as op:
        _put_searches(op, [s for s in _searches(op) if s.name != name])
        op.changed("searches")
    return op.changes


# -- standaardantwoorden ------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    body: str
    shipped: bool = True
    retired: bool = False


PLACEHOLDERS = ("naam", "zaak", "medewerker", "onderwerp", "datum", "termijn")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def shipped_templates(directory: Path = TEMPLATES_DIR) -> dict[str, Template]:
    """The templates that come with Loket (resources/templates/, first line: the title)."""
    found: dict[str, Template] = {}
    for path in sorted(directory.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines:
            found[path.stem] = Template(path.stem, lines[0].strip(), "\n".join(lines[1:]).strip())
    return found


def templates(
    loket: Loket, directory: Path = TEMPLATES_DIR, *, retired: bool = False
) -> list[Template]:
    """Shipped templates, then the team's own (which replace a shipped one with the same key);
    retired ones only when asked for."""
    with loket.op(acts.TEMPLATES_LIST) as op:
        return _templates(op, directory, retired)


def _templates(op: Op | Session, directory: Path, retired: bool) -> list[Template]:
    found = shipped_templates(directory)
    for item in _get(op, TEMPLATES_KEY, []):
        found[item["key"]] = Template(item["key"], item["title"], item["body"], False)
    gone = set(_get(op, RETIRED_KEY, []))
    listed = [replace(t, retired=t.key in gone) for t in found.values()]
    if not retired:
        listed = [t for t in listed if not t.retired]
    return sorted(listed, key=lambda t: t.title.casefold())


def save_template(loket: Loket, title: str, body: str, key: str | None = None) -> Template:
    """Add one of the team's own templates, or change one (a shipped one too: the team's
    version replaces it). Saving a retired template brings it back."""
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise InvalidInput("Een standaardantwoord heeft een titel en een tekst.")
    key = key or re.sub(r"[^a-z0-9]+", "_", title.casefold()).strip("_") or "antwoord"
    with loket.op(acts.TEMPLATE_SAVE, obj=f"standaardantwoord:{key}") as op:
        own = [t for t in _get(op, TEMPLATES_KEY, []) if t["key"] != key]
        own.append({"key": key, "title": title, "body": body})
        _put(op, TEMPLATES_KEY, own)
        _put(op, RETIRED_KEY, [k for k in _get(op, RETIRED_KEY, []) if k != key])
        op.changed("templates")
        op.event(EventKind.TEMPLATE_SAVED, {"key": key})  # travels to the team's laptops
    return Template(key, title, body, False)


def retire_template(loket: Loket, key: str) -> Changes:
    """Take a template out of use (shipped or the team's own); its text is kept."""
    with loket.op(acts.TEMPLATE_RETIRE, obj=f"standaardantwoord:{key}") as op:
        known = {t.key for t in _templates(op, TEMPLATES_DIR, retired=True)}
        if key not in known:
            raise NotFound(f"Standaardantwoord '{key}' bestaat niet.")
        _put(op, RETIRED_KEY, sorted({*_get(op, RETIRED_KEY, []), key}))
        op.changed("templates")
        op.event(EventKind.TEMPLATE_SAVED, {"key": key})
    return op.changes


def template_state(op: Op | Session, key: str) -> Template | None:
    """One template as it is now (retired ones too), for the team's laptops."""
    return next((t for t in _templates(op, TEMPLATES_DIR, True) if t.key == key), None)


def template_clock(op: Op | Session, key: str) -> str:
    return str(_get(op, TEMPLATE_CLOCKS_KEY, {}).get(key, ""))


def set_template_clock(op: Op | Session, key: str, hlc: str) -> None:
    clocks = _get(op, TEMPLATE_CLOCKS_KEY, {})
    clocks[key] = hlc
    _put(op, TEMPLATE_CLOCKS_KEY, clocks)


def apply_team_template(op: Op, template: Template, version: str) -> bool:
    """A colleague's version of a template: kept when it is newer (team clock, then device
    and event: teamsync.events.Event.version) than the one here, last writer wins; True when
    it changed something."""
    if version <= template_clock(op, template.key):
        return False
    own = [t for t in _get(op, TEMPLATES_KEY, []) if t["key"] != template.key]
    own.append({"key": template.key, "title": template.title, "body": template.body})
    _put(op, TEMPLATES_KEY, own)
    retired = {k for k in _get(op, RETIRED_KEY, []) if k != template.key}
    if template.retired:
        retired.add(template.key)
    _put(op, RETIRED_KEY, sorted(retired))
    set_template_clock(op, template.key, version)
    op.changed("templates")
    return True


def fill(template: Template, *, name: str, reference: str, employee: str = "",
         subject: str = "", today: date | None = None, deadline: date | None = None) -> str:
    """The template's text with {naam}, {zaak}, {medewerker}, {onderwerp}, {datum} (today)
    and {termijn} (the date the resident gets an answer by) filled in; dates as "15 november
    2026". Without a deadline {termijn} stays visible as [termijn], for the writer to fill."""
    from inbox.kb.model import dutch_date

    values = {"naam": name.strip() or "heer/mevrouw", "zaak": reference,
              "medewerker": employee, "onderwerp": subject,
              "datum": dutch_date(today or date.today()),
              "termijn": dutch_date(deadline) if deadline else "[termijn]"}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template.body)


def answer_deadline(loket: Loket, reference: str) -> date | None:
    """The date the resident is promised an answer by: the case's deadline, else the norm of
    its channel counted from when it came in (None when its channel has no norm)."""
    from inbox import clock

    with loket.op(acts.CASE_LIST, case=reference) as op:
        case = op.case
        if case["deadline"]:
            return date.fromisoformat(str(case["deadline"]))
        norm = norms_in_force(op).get(str(case["channel"]))
    if norm is None:
        return None
    return casework.local_date(norm.deadline(clock.parse(str(case["opened_at"]))))


# -- undo --------------------------------------------------------------------------------

UNDO_FIELDS = ("assignee", "status", "product", "deadline", "labels")


Fields = dict[str, str | None]


@dataclass(frozen=True)
class UndoStep:
    """How to put a case back as it was before one safe action (assign, status, product,
    deadline, labels, close). Notes, replies, merges and splits are not undone: others may have seen
    or built on them.

    `after` holds the fields as the action left them: when they differ now, someone (a
    colleague, another window, a later action) changed the case since, and the step is
    overtaken. `others`: the further cases of one bulk action, undone together with it."""

    label: str
    reference: str
    before: Fields = field(default_factory=dict)
    after: Fields | None = None
    others: tuple[tuple[str, Fields, Fields | None], ...] = ()

    def parts(self) -> list[tuple[str, Fields, Fields | None]]:
        return [(self.reference, self.before, self.after), *self.others]

    def references(self) -> list[str]:
        return [reference for reference, _, _ in self.parts()]


def snapshot(loket: Loket, reference: str) -> Fields:
    """The fields an undo can restore, as they are now (metadata: no content is read)."""
    with loket.op(acts.CASE_LIST, case=reference) as op:
        return _snapshot(op)


def snapshots(loket: Loket, references: list[str]) -> dict[str, Fields]:
    """`snapshot` of several cases in one act (a bulk action's before and after)."""
    with loket.op(acts.CASE_LIST) as op:
        return {reference: _fields(op, op.other_case(reference)) for reference in references}


def _snapshot(op: Op) -> Fields:
    case = op.store.records.case_row(op.case_id)
    assert case is not None
    return _fields(op, case)


def _fields(op: Op, case: Any) -> Fields:
    return {"assignee": op.store.casework.user_name(case["assignee_id"]),
            "status": case["status"], "product": case["product"], "deadline": case["deadline"],
            "labels": case["labels"]}


def overtaken(loket: Loket, step: UndoStep) -> list[str]:
    """The references of `step` changed since its action (so it can no longer be undone)."""
    now = snapshots(loket, step.references())
    return [reference for reference, _, after in step.parts()
            if after is not None and now[reference] != after]


def undo(loket: Loket, step: UndoStep) -> Changes:
    """Restore the fields of each case of `step` to `before`; all in one transaction, each
    change its own act (with its event). Refused when a case changed since the action."""
    changes = Changes()
    with loket.op(acts.CASE_UNDO, case=step.reference):
        later = overtaken(loket, step)
        if later:
            raise InvalidInput(f"{', '.join(later)} is na deze wijziging nog eens gewijzigd; "
                               "ongedaan maken kan niet meer.")
        for reference, before, _ in step.parts():
            changes.merge(_restore(loket, reference, before))
    return changes


def _restore(loket: Loket, reference: str, before: Fields) -> Changes:
    changes = Changes()
    now = snapshot(loket, reference)
    if now["status"] != before["status"] and before["status"] is not None:
        changes.merge(loket.set_status(reference, before["status"]))
    if now["assignee"] != before["assignee"]:
        changes.merge(loket.assign(reference, before["assignee"]))
        after = snapshot(loket, reference)
        if after["status"] != before["status"] and before["status"] is not None:
            changes.merge(loket.set_status(reference, before["status"]))
    if now["product"] != before["product"]:
        changes.merge(casework.set_product(loket, reference, before["product"]))
    if now["deadline"] != before["deadline"]:
        value = before["deadline"]
        changes.merge(casework.set_deadline(
            loket, reference, date.fromisoformat(value) if value else None))
    if now.get("labels") != before.get("labels"):
        labels = before.get("labels")
        changes.merge(casework.set_labels(loket, reference, labels.split(", ") if labels else []))
    return changes


def channels_in_use(loket: Loket) -> list[str]:
    """The channels cases arrived through, for the per-channel views (codes, in enum order)."""
    with loket.op(acts.CASE_LIST) as op:
        used = op.store.casework.channels_in_use()
    return [c.value for c in Channel if c.value in used]

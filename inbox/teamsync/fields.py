"""The case fields that travel between laptops, each declared once: which local case events set
it (and how its value is read from them), the column it lands in, and how a colleague's change
shows in the timeline. Every field is last-writer-wins (the edit with the highest HLC); a
`conflict` field also shows concurrent different values to the people involved.

A new field (a hand-over's department, a call-back) is one entry in FIELDS: outgoing.py turns
the named local events into field edits, apply.py writes the winning value into the column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inbox.model import EventKind

# (local event data, the case row as the act left it) -> the field's value
Source = Callable[[Mapping[str, Any], Any], Any]


def take(key: str, convert: Callable[[Any], Any] = lambda v: v) -> Source:
    """The value under `key` of the local event's data."""
    return lambda data, _case: convert(data.get(key))


def const(value: Any) -> Source:
    return lambda _data, _case: value


def column(name: str) -> Source:
    """The value the act wrote into the case's column (e.g. the closing time)."""
    return lambda _data, case: case[name]


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _flag(value: Any) -> bool:
    return bool(value)


@dataclass(frozen=True)
class Field:
    column: str  # the cases column
    sources: Mapping[EventKind, Source] = field(default_factory=dict)
    conflict: bool = False  # concurrent different values are a conflict shown to people
    history: EventKind | None = None  # the timeline entry for a colleague's change
    key: str = "to"  # the value's key in that entry (as in the local event)
    carry: tuple[str, ...] = ()  # words of the local event that travel along (e.g. a reason)
    # team value -> column value (store: to look up local ids)
    to_column: Callable[[Any, Any], Any] = lambda _store, value: value
    # when a laptop joins with cases, each field is published from the case row: by default
    # the row's value under the field's name, else `publish`'s (None: nothing); local ids and
    # the subject are not published (`joins=False`)
    publish: Callable[[Any], Any] | None = None
    joins: bool = True


def _timeline(
    column: str, kind: EventKind, key: str = "to", convert: Callable[[Any], Any] = lambda v: v,
    **options: Any,
) -> Field:
    """A field that one local event kind sets from its data under `key`, shown in a
    colleague's timeline as that same kind (a product, a deadline, a call-back done)."""
    return Field(column, {kind: take(key, convert)}, history=kind, key=key, **options)


def _user_id(store: Any, login: Any) -> int | None:
    """A colleague's local user id; applying never creates users (unknown: no assignee)."""
    return None if not login else store.team.user_id(str(login))


def _int_flag(_store: Any, value: Any) -> int | None:
    return None if value is None else int(bool(value))


FIELDS: dict[str, Field] = {
    "status": Field(
        "status",
        {
            EventKind.STATUS_CHANGED: take("to"),
            EventKind.CLOSED: const("afgerond"),
            EventKind.REOPENED: const("in_behandeling"),
        },
        conflict=True,
        history=EventKind.STATUS_CHANGED,
    ),
    "assignee": Field(
        "assignee_id",
        {EventKind.ASSIGNED: take("to", lambda v: v or None)},
        conflict=True,
        history=EventKind.ASSIGNED,
        to_column=_user_id,
    ),
    "outcome": Field("outcome", {EventKind.CLOSED: take("outcome", _text)}),
    "first_contact_resolution": Field(
        "first_contact_resolution",
        {EventKind.CLOSED: take("first_contact_resolution", _flag),
         EventKind.REPEAT_CONTACT: const(False)},  # back within 14 days: not in one go
        to_column=_int_flag,
        publish=lambda row: None if row["first_contact_resolution"] is None
        else bool(row["first_contact_resolution"]),
    ),
    "closed_at": Field(
        "closed_at", {EventKind.CLOSED: column("closed_at"), EventKind.REOPENED: const(None)}
    ),
    "subject": Field("subject", joins=False),
    "product": _timeline("product", EventKind.PRODUCT_SET, convert=_text),
    "deadline": _timeline("deadline", EventKind.DEADLINE_SET),
    "labels": _timeline("labels", EventKind.LABELS_SET, convert=_text),
    "confidential": _timeline(
        "confidential",
        EventKind.CONFIDENTIAL_SET,
        "on",
        _flag,
        carry=("reason",),
        to_column=lambda _store, value: int(bool(value)),
        publish=lambda row: True if row["confidential"] else None,
    ),
    # -- the KCC's day (issue 14): hand-over, call-back, repeat contact ------------------------
    # A department's reply is mail every laptop files itself: "teruggemeld" (reported_back_at)
    # and the case going back to the medewerker are derived there, not carried.
    "department": _timeline(
        "department", EventKind.FORWARDED, "department", _text, carry=("note", "due", "by")
    ),
    "forwarded_at": Field("forwarded_at", {EventKind.FORWARDED: take("at")}),
    "forward_due": Field("forward_due", {EventKind.FORWARDED: take("due")}),
    "forwarded_by": Field("forwarded_by_id", {EventKind.FORWARDED: take("by")},
                          to_column=_user_id, joins=False),
    "reported_back_at": Field(
        "reported_back_at",
        {EventKind.FORWARDED: const(None), EventKind.FORWARD_ANSWERED: take("at")},
    ),
    "callback_requested_at": _timeline(
        "callback_requested_at", EventKind.CALLBACK_REQUESTED, "requested_at",
        carry=("due", "window", "for"),
    ),
    "callback_due": Field("callback_due", {EventKind.CALLBACK_REQUESTED: take("due")}),
    "callback_window": Field("callback_window", {EventKind.CALLBACK_REQUESTED: take("window")}),
    "callback_number": Field("callback_number", {EventKind.CALLBACK_REQUESTED: take("number")}),
    "callback_for": Field(
        "callback_for_id",
        {EventKind.CALLBACK_REQUESTED: take("for"), EventKind.CALLBACK_ASSIGNED: take("to")},
        history=EventKind.CALLBACK_ASSIGNED,
        to_column=_user_id,
        joins=False,
    ),
    "callback_done_at": _timeline(
        "callback_done_at", EventKind.CALLBACK_DONE, "done_at",
        carry=("result", "on_time"),  # the figures count call-backs done on time
    ),
    "callback_outcome": Field(
        "callback_outcome",
        {EventKind.CALLBACK_REQUESTED: const(None), EventKind.CALLBACK_DONE: take("result")},
    ),
    "repeat_contact_at": _timeline(
        "repeat_contact_at", EventKind.REPEAT_CONTACT, "at", carry=("by", "channel", "was_one_go")
    ),
}

CONFLICT_FIELDS = frozenset(name for name, spec in FIELDS.items() if spec.conflict)


def edits(kind: EventKind | str, data: Mapping[str, Any], case: Any) -> list[tuple[str, Any]]:
    """The field edits a local case event makes: [(field, value)], in FIELDS order; `case`
    is the case row as the act left it."""
    try:
        known = EventKind(kind)
    except ValueError:
        return []
    return [
        (name, spec.sources[known](data, case))
        for name, spec in FIELDS.items()
        if known in spec.sources
    ]


def sources(kind: EventKind | str) -> bool:
    """Whether a local case event of `kind` sets any field (else it stays on this laptop)."""
    return any(str(k) == str(kind) for spec in FIELDS.values() for k in spec.sources)


def published(name: str, case: Any) -> Any:
    """The value of field `name` that a laptop joining with its cases publishes for `case`
    (a case row); None: nothing."""
    spec = FIELDS[name]
    if not spec.joins:
        return None
    return spec.publish(case) if spec.publish is not None else case[name]

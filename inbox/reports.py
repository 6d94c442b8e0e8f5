"""The teamleider's figures (counts only, never content): per channel and per week incoming,
closed and open backlog, median time to first answer, % answered within the norm, % handled
in one go. `Loket.stats` adds them to its counts, so `stats --json` and the dashboard agree.

The cases counted are those opened in [date_from, date_to], as in storage.queries.stats.
"""

from __future__ import annotations

import statistics
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from inbox import acts, clock, deadlines
from inbox.casework import end_of_local_day, local_date
from inbox.model import Status

if TYPE_CHECKING:
    from inbox.gate import Op
    from inbox.services import Loket

KEYS = ("per_channel", "weekly", "open_backlog", "median_first_answer_hours",
        "answered_within_norm_pct", "handled_in_one_go_pct", "norms")


@dataclass(frozen=True)
class _Case:
    channel: str
    status: str
    opened: datetime
    first_response: datetime | None
    closed: datetime | None
    one_go: bool


def _rows(op: Op, date_from: str | None, date_to: str | None) -> list[_Case]:
    lo = date_from or "0000-01-01"
    hi = (date_to or "9999-12-31") + "T99"  # as storage.queries.stats: the whole end day
    out = []
    for r in op.store.casework.report_rows(lo, hi):
        out.append(_Case(
            r[0], r[1], clock.parse(r[2]),
            clock.parse(r[3]) if r[3] else None,
            clock.parse(r[4]) if r[4] else None,
            bool(r[5]),
        ))
    return out


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _median_hours(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def figures(loket: Loket, date_from: str | None = None,
            date_to: str | None = None) -> dict[str, Any]:
    """The dashboard's figures as JSON-ready values (see the module docstring)."""
    with loket.op(acts.STATS_VIEW) as op:
        return _figures(op, date_from, date_to)


def _figures(op: Op, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    rules = deadlines.rules(op)
    norms = rules.norms
    now = op.now
    # "open" is open at the end of the period (now, when the period runs to today): the open
    # column, the "Openstaand" figure and the chart's open backlog all count it this way
    until = min(now, end_of_local_day(date.fromisoformat(date_to))) if date_to else now
    cases = _rows(op, date_from, date_to)
    per: dict[str, dict[str, Any]] = {}
    waits: dict[str, list[float]] = defaultdict(list)
    all_waits: list[float] = []
    within: dict[str, int] = defaultdict(int)
    judged: dict[str, int] = defaultdict(int)
    weekly: dict[str, dict[str, Any]] = {}
    closings: dict[str, int] = defaultdict(int)
    for c in cases:
        row = per.setdefault(c.channel, {"incoming": 0, "closed": 0, "open": 0, "answered": 0,
                                         "handled_in_one_go": 0})
        row["incoming"] += 1
        if c.status == Status.AFGEROND.value:
            row["closed"] += 1
            row["handled_in_one_go"] += int(c.one_go)
        if _open_at(c, until):
            row["open"] += 1
        if c.first_response is not None:
            row["answered"] += 1
            hours = (c.first_response - c.opened).total_seconds() / 3600
            waits[c.channel].append(hours)
            all_waits.append(hours)
        norm = norms.get(c.channel)
        if norm is not None:
            # counted as the worklist's "antwoord uiterlijk": office hours, working days
            due = deadlines.norm_due(rules, norm, c.opened)
            if c.first_response is not None:
                judged[c.channel] += 1
                within[c.channel] += int(c.first_response <= due)
            elif due < now:
                judged[c.channel] += 1  # too late already
        week = weekly.setdefault(week_of(local_date(c.opened)), {"incoming": {}, "closed": 0})
        week["incoming"][c.channel] = week["incoming"].get(c.channel, 0) + 1
        if c.closed is not None and c.status == Status.AFGEROND.value and c.closed <= until:
            closings[week_of(local_date(c.closed))] += 1  # weeks after the period stay out
    for channel, row in per.items():
        row["median_first_answer_hours"] = _median_hours(waits[channel])
        row["answered_within_norm_pct"] = _pct(within[channel], judged[channel])
        row["handled_in_one_go_pct"] = _pct(row["handled_in_one_go"], row["closed"])
    _weekly_backlog(weekly, closings, cases, until)
    closed = sum(r["closed"] for r in per.values())
    return {
        "per_channel": dict(sorted(per.items())),
        "weekly": dict(sorted(weekly.items())),
        "open_backlog": sum(r["open"] for r in per.values()),
        "median_first_answer_hours": _median_hours(all_waits),
        "answered_within_norm_pct": _pct(sum(within.values()), sum(judged.values())),
        "handled_in_one_go_pct": _pct(sum(r["handled_in_one_go"] for r in per.values()), closed),
        "norms": {k: {"amount": n.amount, "unit": n.unit} for k, n in sorted(norms.items())},
    }


def _open_at(case: _Case, moment: datetime) -> bool:
    """Opened by `moment` and not closed by then (a reopened case is open)."""
    closed = (case.closed is not None and case.status == Status.AFGEROND.value
              and case.closed <= moment)
    return case.opened <= moment and not closed


def _weekly_backlog(weekly: dict[str, dict[str, Any]], closings: dict[str, int],
                    cases: list[_Case], until: datetime) -> None:
    """Closed per week, and the open backlog at each week's end (of the cases counted; the
    last week ends at `until`, so its bar is the "Openstaand" figure)."""
    for key in closings:
        weekly.setdefault(key, {"incoming": {}, "closed": 0})
    opened = sorted(c.opened for c in cases)
    closed = sorted(c.closed for c in cases
                    if c.closed is not None and c.status == Status.AFGEROND.value)
    for key, week in weekly.items():
        week["closed"] = closings.get(key, 0)
        year, number = key.split("-W")
        end = min(end_of_local_day(date.fromisocalendar(int(year), int(number), 7)), until)
        week["backlog"] = bisect_right(opened, end) - bisect_right(closed, end)


def _channel_label(code: str) -> str:
    """A channel's Dutch name for people reading an export ('Telefoon', not 'phone')."""
    from inbox.model import Channel

    try:
        return Channel(code).label
    except ValueError:
        return code


def csv_rows(data: dict[str, Any]) -> list[list[str]]:
    """The figures as rows for a CSV file (per channel, then per week)."""

    def text(value: Any) -> str:
        return "" if value is None else str(value).replace(".", ",") \
            if isinstance(value, float) else str(value)

    rows = [["kanaal", "binnengekomen", "afgerond", "open", "mediaan_eerste_antwoord_uren",
             "binnen_norm_pct", "in_een_keer_pct"]]
    for channel, r in data["per_channel"].items():
        rows.append([_channel_label(channel), text(r["incoming"]), text(r["closed"]),
                     text(r["open"]),
                     text(r["median_first_answer_hours"]), text(r["answered_within_norm_pct"]),
                     text(r["handled_in_one_go_pct"])])
    rows.append([])
    rows.append(["week", "binnengekomen", "afgerond", "openstaand_einde_week"])
    for week, w in data["weekly"].items():
        rows.append([week, str(sum(w["incoming"].values())), str(w["closed"]),
                     str(w["backlog"])])
    return rows


def extend(op: Op, counts: dict[str, Any], date_from: str | None,
           date_to: str | None) -> dict[str, Any]:
    """Add the dashboard's figures to Loket.stats' counts (its existing keys stay as they are);
    runs inside its `stats.view` act."""
    from inbox import kcc_figures  # products, repeat contact, hand-overs, call-backs, targets

    for key, value in {**_figures(op, date_from, date_to),
                       **kcc_figures.figures(op, date_from, date_to)}.items():
        counts.setdefault(key, value)
    return counts


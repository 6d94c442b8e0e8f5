"""The figures of the KCC's day (counts only, never content), added to `stats --json` by
inbox/reports.py so the dashboard shows the same numbers:

- `per_product`: per product (UPL) volume, channel mix, % in één keer, % handed over and the
  median hours to a first answer;
- `repeat_contact_pct`: of the cases that were closed, the share whose resident came back
  within 14 days (inbox/repeat_contact.py);
- `forwarded`: per department the hand-overs, still open, overdue now, answered;
- `callbacks`: open and overdue now, done in the period and the share done on time;
- `channel_shift`: per week the cases that came in online (e-mail, web form, social media)
  and by phone or at the counter, and the online share;
- `per_medewerker`: per colleague the cases assigned, open, closed and closed in één keer;
- `targets`: the teamleider's target for % in één keer (the dashboard draws it as a line).

Cases counted are those opened in [date_from, date_to], as in the other figures.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from inbox import acts, clock
from inbox.casework import local_date
from inbox.errors import InvalidInput
from inbox.model import Channel, Status

if TYPE_CHECKING:
    from inbox.gate import Op
    from inbox.services import Loket

KEYS = ("per_product", "repeat_contact_pct", "forwarded", "callbacks", "channel_shift",
        "per_medewerker", "targets")
TARGETS_KEY = "workspace.targets"
DEFAULT_TARGET = 80.0
PERSONAL = (Channel.PHONE.value, Channel.COUNTER.value)  # phone and counter: not online


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _online(channel: str) -> bool | None:
    """True for online channels, False for phone and counter, None for a letter."""
    if channel in PERSONAL:
        return False
    if channel == Channel.LETTER.value:
        return None
    return True


def targets(op: Op) -> dict[str, float]:
    raw = op.store.records.setting(TARGETS_KEY)
    found = json.loads(raw) if raw else {}
    return {"handled_in_one_go_pct": float(found.get("handled_in_one_go_pct", DEFAULT_TARGET))}


def set_target(loket: Loket, in_one_go_pct: float) -> dict[str, float]:
    """The teamleider's target for the share handled in één keer (0-100)."""
    if not 0 <= in_one_go_pct <= 100:
        raise InvalidInput("Een streefwaarde ligt tussen 0 en 100 procent.")
    with loket.op(acts.NORMS_SET, obj="streefwaarden") as op:
        value = {"handled_in_one_go_pct": round(float(in_one_go_pct), 1)}
        op.store.records.set_setting(TARGETS_KEY, json.dumps(value))
        op.details = {"in_een_keer_pct": value["handled_in_one_go_pct"]}
        op.changed("settings")
    return value


def figures(op: Op, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    lo = date_from or "0000-01-01"
    hi = (date_to or "9999-12-31") + "T99"  # the whole end day, as the other figures
    now = op.stamp()
    rows = op.store.deadlines.day_rows(lo, hi)
    products: dict[str, dict[str, Any]] = {}
    waits: dict[str, list[float]] = defaultdict(list)
    forwarded: dict[str, dict[str, int]] = {}
    shift: dict[str, dict[str, Any]] = {}
    people: dict[str, dict[str, int]] = {}
    was_closed = came_back = 0
    for r in rows:
        closed = r["status"] == Status.AFGEROND.value
        one_go = closed and bool(r["first_contact_resolution"])
        if r["product"]:
            p = products.setdefault(str(r["product"]), {
                "volume": 0, "channels": {}, "closed": 0, "in_one_go": 0, "handed_over": 0})
            p["volume"] += 1
            p["channels"][r["channel"]] = p["channels"].get(r["channel"], 0) + 1
            p["closed"] += int(closed)
            p["in_one_go"] += int(one_go)
            p["handed_over"] += int(bool(r["department"]))
            if r["first_response_at"]:
                hours = (clock.parse(r["first_response_at"])
                         - clock.parse(r["opened_at"])).total_seconds() / 3600
                waits[str(r["product"])].append(hours)
        if closed or r["repeat_contact_at"]:
            was_closed += 1
            came_back += int(bool(r["repeat_contact_at"]))
        if r["department"]:
            d = forwarded.setdefault(str(r["department"]),
                                     {"count": 0, "open": 0, "overdue": 0, "answered": 0})
            d["count"] += 1
            if r["reported_back_at"]:
                d["answered"] += 1
            else:
                d["open"] += 1
                d["overdue"] += int(bool(r["forward_due"]) and str(r["forward_due"]) < now)
        online = _online(str(r["channel"]))
        if online is not None:
            year, week, _ = local_date(clock.parse(r["opened_at"])).isocalendar()
            w = shift.setdefault(f"{year}-W{week:02d}", {"online": 0, "phone_counter": 0})
            w["online" if online else "phone_counter"] += 1
        if r["assignee"]:
            m = people.setdefault(str(r["assignee"]),
                                  {"cases": 0, "open": 0, "closed": 0, "in_one_go": 0})
            m["cases"] += 1
            m["closed" if closed else "open"] += 1
            m["in_one_go"] += int(one_go)
    for name, p in products.items():
        p["channels"] = dict(sorted(p["channels"].items()))
        p["handled_in_one_go_pct"] = _pct(p["in_one_go"], p["closed"])
        p["handed_over_pct"] = _pct(p["handed_over"], p["volume"])
        p["median_first_answer_hours"] = (round(statistics.median(waits[name]), 2)
                                          if waits[name] else None)
    for w in shift.values():
        w["online_pct"] = _pct(w["online"], w["online"] + w["phone_counter"])
    return {
        "per_product": dict(sorted(products.items(), key=lambda kv: (-kv[1]["volume"],
                                                                      kv[0].casefold()))),
        "repeat_contact_pct": _pct(came_back, was_closed),
        "forwarded": dict(sorted(forwarded.items())),
        "callbacks": _callbacks(op, lo, hi, now),
        "channel_shift": dict(sorted(shift.items())),
        "per_medewerker": dict(sorted(people.items())),
        "targets": targets(op),
    }


def _callbacks(op: Op, lo: str, hi: str, now: str) -> dict[str, Any]:
    open_now, overdue = op.store.callbacks.counts(now)
    done = [bool(r["on_time"]) for r in op.store.callbacks.done_events(lo, hi)]
    return {"open": open_now, "overdue": overdue, "done": len(done),
            "on_time_pct": _pct(sum(done), len(done))}


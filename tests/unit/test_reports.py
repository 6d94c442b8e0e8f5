"""The teamleider's figures: per channel and week, norms, medians; stats --json carries them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from inbox import reports, workspace
from inbox.model import Channel, Direction, IncomingMessage
from inbox.services import Loket
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def _fill(loket: Loket) -> dict[str, str]:
    """Cases as anne (medewerker); the figures are then read as tineke (teamleider)."""
    add_staff(loket)
    act_as(loket, "anne")
    loket.now = lambda: at(20)
    refs = {}
    for name, day, channel in (("a", 2, Channel.EMAIL), ("b", 3, Channel.EMAIL),
                               ("c", 9, Channel.EMAIL), ("m", 4, Channel.MASTODON)):
        r = loket.receive(IncomingMessage(channel, at(day), sender=f"{name}@example.nl",
                                          sender_name=name.upper(), subject=f"Vraag {name}"))
        refs[name] = str(r.reference)
    # a answered after 1 hour (within), b after 5 working days (too late), c never (late now)
    for name, day, hour in (("a", 2, 11), ("b", 10, 10)):
        loket.receive(IncomingMessage(Channel.EMAIL, at(day, hour), sender="kcc@gemeente.nl",
                                      subject=f"Re: [{refs[name]}] Vraag {name}",
                                      direction=Direction.OUTBOUND))
    loket.close_case(refs["a"], "Uitgelegd", first_contact_resolution=True)
    loket.close_case(refs["b"], "", first_contact_resolution=False)
    loket.log_contact(Channel.PHONE, name="Sanne", question="Paspoort?", answer="Donderdag",
                      resolved=True, at=at(5))
    act_as(loket, "tineke")
    return refs


def test_figures_per_channel_norm_and_one_go(loket) -> None:  # type: ignore[no-untyped-def]
    _fill(loket)
    data = reports.figures(loket)
    email = data["per_channel"]["email"]
    assert (email["incoming"], email["closed"], email["open"], email["answered"]) == (3, 2, 1, 2)
    assert email["answered_within_norm_pct"] == round(100 / 3, 1)
    assert email["median_first_answer_hours"] == (1 + 7 * 24) / 2
    assert email["handled_in_one_go_pct"] == 50.0
    assert data["per_channel"]["mastodon"]["answered_within_norm_pct"] == 0.0
    phone = data["per_channel"]["phone"]
    assert phone["answered_within_norm_pct"] == 100.0 and phone["handled_in_one_go_pct"] == 100
    assert data["open_backlog"] == 2
    assert data["handled_in_one_go_pct"] == round(200 / 3, 1)
    weeks = data["weekly"]
    assert weeks["2026-W45"]["incoming"] == {"email": 2, "mastodon": 1, "phone": 1}
    assert weeks["2026-W46"]["incoming"] == {"email": 1}
    assert weeks["2026-W45"]["backlog"] == 4 and weeks["2026-W47"]["backlog"] == 2
    assert sum(w["closed"] for w in weeks.values()) == 3


def test_date_range_and_changed_norms(loket) -> None:  # type: ignore[no-untyped-def]
    _fill(loket)
    data = reports.figures(loket, "2026-11-09", "2026-11-09")
    assert list(data["per_channel"]) == ["email"]
    workspace.save_norms(loket, {"mastodon": workspace.Norm(400, workspace.HOURS)})
    assert reports.figures(loket)["per_channel"]["mastodon"]["answered_within_norm_pct"] is None
    rows = reports.csv_rows(reports.figures(loket))
    assert rows[0][0] == "kanaal" and ["week", "binnengekomen", "afgerond",
                                       "openstaand_einde_week"] in rows


def test_stats_json_carries_the_figures_with_its_old_keys(tmp_path: Path) -> None:
    loket = Loket.open(tmp_path / "loket.db")
    _fill(loket)
    loket.now = lambda: at(20)
    expected = loket.stats("2026-11-01", "2026-11-30")
    loket.close()
    out = subprocess.run(
        [sys.executable, str(MAIN), "--db", str(tmp_path / "loket.db"), "--user", "tineke",
         "stats", "--json", "--from", "2026-11-01", "--to", "2026-11-30"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "LOKET_PASSWORD": STAFF_PASSWORD})
    data = json.loads(out.stdout)
    assert data["cases_total"] == 5 and data["closed_first_contact"] == 2
    for key in ("per_channel", "weekly", "open_backlog", "handled_in_one_go_pct"):
        assert data[key] == expected[key]


def test_open_backlog_is_the_charts_last_bar_also_for_a_past_period(loket) -> None:  # type: ignore[no-untyped-def]
    """'Openstaand 0' once stood beside a chart of open cases: a period in the past counted
    the cases open today, the chart those open at each week's end. Now both count the same."""
    refs = _fill(loket)
    act_as(loket, "anne")
    loket.now = lambda: at(26)
    loket.close_case(refs["c"], "Later afgehandeld", first_contact_resolution=False)
    act_as(loket, "tineke")
    data = reports.figures(loket, "2026-11-01", "2026-11-22")  # the others closed on the 20th
    last_week = list(data["weekly"].values())[-1]
    assert data["open_backlog"] == last_week["backlog"] == 2  # c and m were open on the 22nd
    assert sum(r["open"] for r in data["per_channel"].values()) == data["open_backlog"]
    assert all(week <= "2026-W47" for week in data["weekly"])  # c's closing is after it
    today = reports.figures(loket)
    assert today["open_backlog"] == list(today["weekly"].values())[-1]["backlog"] == 1

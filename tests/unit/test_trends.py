"""Trends: topics and spikes from incoming messages, counts only; the demo's planted burst."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from inbox.errors import NotFound, PermissionDenied
from inbox.kb import trends
from inbox.model import Channel, IncomingMessage
from tests.conftest import ROOT, act_as, add_staff

TODAY = date(2026, 11, 20)
NOON = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)


def receive(loket: Any, moment: datetime, text: str, n: int, name: str = "") -> Any:
    who = loket.user
    loket.user = "systeem"
    try:
        return loket.receive(IncomingMessage(
            channel=Channel.EMAIL, sent_at=moment, sender=f"bewoner{n}@example.nl",
            sender_name=name or f"Bewoner {n}", subject="Melding", body_text=text))
    finally:
        loket.user = who


@pytest.fixture
def town(loket: Any) -> Any:
    """Three weeks of ordinary questions, then today: seven about one street's bins."""
    add_staff(loket)
    n = 0
    for day in range(1, 21):
        moment = NOON - timedelta(days=day)
        for text in ("Mijn paspoort verloopt, hoe vraag ik een nieuwe aan?",
                     "Wanneer wordt het grofvuil opgehaald in de Dorpsweg?"):
            n += 1
            receive(loket, moment, text, n)
    for i in range(7):
        n += 1
        receive(loket, NOON - timedelta(minutes=10 * i),
                f"Hallo, ik ben Gert Klaassen. De ondergrondse container in de Wilhelminastraat "
                f"{i + 3} zit vol, het afval ligt ernaast. Bel 06-1234567{i}.", n,
                name="Gert Klaassen")
    n += 1
    receive(loket, NOON, "Mijn paspoort verloopt, hoe vraag ik een nieuwe aan?", n)
    return loket


def test_a_spike_is_flagged_with_its_statistic_and_no_personal_data(town: Any) -> None:
    act_as(town, "tineke")  # teamleider: counts and trends
    report = trends.trends(town, days=28, today=TODAY)
    first = report["pieken"][0]
    assert first["onderwerp"].endswith("Wilhelminastraat")
    assert first["vandaag"] == 7 and first["zaken"] == 7
    assert first["p"] < 1e-3
    assert first["tekst"].startswith(first["onderwerp"] + ": 7 berichten vandaag, normaal 0")
    assert "Poisson" in report["statistiek"]
    assert not any("paspoort" in s["onderwerp"] for s in report["pieken"])  # usual rate
    topics = {t["onderwerp"]: t for t in report["onderwerpen"]}
    assert topics["paspoort"]["deze_week"] == 7  # 6 earlier days and today
    assert topics["paspoort"]["per_week_eerder"] == pytest.approx(14 * 7 / 21, abs=0.1)
    assert {s["onderwerp"] for s in report["straten"]} >= {"Wilhelminastraat", "Dorpsweg"}
    dump = json.dumps(report).lower()
    for secret in ("gert", "klaassen", "1234567", "bewoner"):
        assert secret not in dump


def test_a_spike_lists_its_cases_for_those_who_may_see_them_and_queues_a_signal(
    town: Any,
) -> None:
    act_as(town, "tineke")
    phrase = trends.trends(town, today=TODAY)["pieken"][0]["onderwerp"]
    with pytest.raises(PermissionDenied):
        trends.spike_cases(town, phrase, today=TODAY)  # no case list for a teamleider
    act_as(town, "anne")
    cases = trends.spike_cases(town, phrase, today=TODAY)
    assert len(cases) == 7 and all(c["reference"].startswith("LK-") for c in cases)
    hidden = town.store.records.case_id_by_reference(cases[0]["reference"])
    town.store.records.update_case(hidden, {"confidential": 1})
    assert len(trends.spike_cases(town, phrase, today=TODAY)) == 6  # bram's vertrouwelijk case
    with pytest.raises(NotFound):
        trends.spike_cases(town, "paspoort", today=TODAY)

    from inbox.accounts import Accounts, MailAccount, Security
    from tests.conftest import as_beheerder

    with as_beheerder(town):  # the team's mail account is the beheerder's to add
        Accounts(town).add_mail(MailAccount(
            name="kcc", host="127.0.0.1", port=1143, security=Security.NONE,
            username="kcc@gemeente.test", from_address="kcc@gemeente.test",
            smtp_host="127.0.0.1", smtp_port=1025, smtp_security=Security.NONE), "x")
    sent = trends.send_signal(town, phrase, "communicatie@gemeente.test", today=TODAY)
    assert len(sent["zaken"]) == 7
    from inbox.channels import smtp

    queued = [r for r in smtp.outbox(town) if r["id"] == sent["outbox"]]
    assert queued and queued[0]["state"] == "queued"
    assert queued[0]["recipients"] == "communicatie@gemeente.test"
    raw = town.blobs.get(town.db.scalar("SELECT raw_sha256 FROM outbox WHERE id = ?",
                                        (sent["outbox"],))).decode()
    assert "7 berichten vandaag" in raw and cases[0]["reference"] in raw
    assert "Klaassen" not in raw and "afval ligt ernaast" not in raw


def test_poisson_tail() -> None:
    assert trends.poisson_tail(0, 0.5) == 1.0
    assert trends.poisson_tail(1, 0.5) == pytest.approx(1 - 2.718281828 ** -0.5)
    assert trends.poisson_tail(12, 0.04) < 1e-20


@pytest.mark.slow
def test_the_demo_burst_is_the_first_spike_of_trends_json(tmp_path: Path) -> None:
    env = {**os.environ, "LOKET_PASSWORD": "loket-demo"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db",
                               str(tmp_path / "demo.db"), *args], capture_output=True,
                              text=True, timeout=300, cwd=ROOT, env=env)

    made = run("demo", "--cases", "60", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["kb_articles"] >= 40
    result = run("--user", "tineke", "trends", "--json")
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)["pieken"][0]
    assert "Beatrixstraat" in first["onderwerp"] and first["vandaag"] == 12
    listed = run("--user", "anne", "trends", "--cases", first["onderwerp"], "--json")
    assert len(json.loads(listed.stdout)) == 12

"""The channel registry: one spec per channel, read instead of `channel == "email"` checks; an
unknown channel code shows as itself and never crashes a list, a case or an export."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from inbox.channels import registry
from inbox.channels.registry import ReplyRoute
from inbox.model import Channel, IncomingMessage
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at

ROOT = Path(__file__).resolve().parents[2]


def test_every_channel_has_one_spec_with_its_own_code() -> None:
    assert set(registry.SPECS) == set(Channel)
    for channel, spec in registry.SPECS.items():
        assert spec.code == channel.value and spec.known and spec.label
        assert channel.label == spec.label
    email = registry.spec(Channel.EMAIL)
    assert email.rfc822 and email.reply is ReplyRoute.EMAIL and email.extension == ".eml"
    assert registry.spec("mastodon").reply is ReplyRoute.MASTODON
    assert not registry.spec(Channel.WHATSAPP).can_reply  # an export file: no way back
    assert set(registry.noted_channels()) == {Channel.PHONE, Channel.COUNTER}
    assert registry.replying_on(ReplyRoute.EMAIL) == (Channel.EMAIL,)


def test_an_unknown_code_is_shown_as_itself() -> None:
    spec = registry.spec("sms")
    assert (spec.code, spec.label, spec.known, spec.can_reply) == ("sms", "sms", False, False)
    assert registry.channel_of("sms") == "sms" and registry.channel_of("x") is Channel.X
    assert registry.label("x") == "X"  # the platform X, which is a known channel


def test_the_desktop_label_of_an_unknown_code_is_the_code() -> None:
    from desktop.labels import channel_label

    assert channel_label("sms") == "sms"
    assert channel_label(Channel.X) == "X"


def test_no_module_tests_for_email_or_mastodon_by_hand() -> None:
    """The case view, reply, sync and exports ask the registry (channel modules may know
    their own channel; the demo simulates residents per channel)."""
    pattern = re.compile(
        r"channel[\"']?\]?\s*(==|!=|\bis\b|\bis not\b)\s*"
        r"(Channel\.(EMAIL|MASTODON)|[\"'](email|mastodon)[\"'])"
    )
    found = []
    for package in ("inbox", "desktop"):
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("inbox/channels/") or rel == "inbox/demo.py":
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line):
                    found.append(f"{rel}:{n}")
    assert found == []


def _cli(db: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(db, "anne", *args)


def test_a_case_from_an_unknown_channel_lists_shows_and_exports(
    loket: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_staff(loket)
    act_as(loket, "anne")
    got = loket.receive(IncomingMessage(Channel.EMAIL, at(2), sender="els@example.nl",
                                        subject="Vraag", body_text="Hallo"))
    # a newer colleague's laptop filed this under a channel this Loket does not know
    loket.db.conn.execute("UPDATE cases SET channel = 'sms' WHERE id = ?", (got.case_id,))
    loket.db.conn.execute("UPDATE messages SET channel = 'sms' WHERE case_id = ?",
                          (got.case_id,))
    (summary,) = loket.case_summaries([got.case_id])
    assert summary.channel == "sms"
    detail = loket.case_detail(got.reference)
    assert [t.channel for t in detail.timeline if t.kind == "message"] == ["sms"]
    db = loket.path
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    code, out, err = _cli(db, "cases", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["channel"] == "sms"
    code, out, err = _cli(db, "case", got.reference)
    assert code == 0, err
    assert "Kanaal: sms" in out


def test_every_channel_and_status_has_a_translatable_desktop_name() -> None:
    from desktop import labels
    from inbox.model import Status

    assert set(labels._CHANNELS) == set(Channel) and set(labels._STATUSES) == set(Status)
    assert labels.status_label("afgerond") == "Closed" and labels.status_label("?") == "?"

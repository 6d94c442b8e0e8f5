"""Address headers are parsed strictly (CVE-2023-27043), on every supported Python."""

from __future__ import annotations

import email.utils
import sys

import pytest

from inbox import addresses
from inbox.addresses import parse_address, parse_addresses
from inbox.channels.mailparse import parse_email

AMBIGUOUS = [
    "alice@example.org)<bob@example.org>",  # the CVE's example: old parseaddr gave alice
    "alice@example.org, bob@example.org",  # two senders in one From
    "a@example.org (unclosed",
    "x@[10.0.0.1",  # a failed domain literal
]
FINE = [
    ("Jan Bakker <jan@example.nl>", ("Jan Bakker", "jan@example.nl")),
    ('"Bakker, Jan" <jan@example.nl>', ("Bakker, Jan", "jan@example.nl")),
    ("jan@example.nl", ("", "jan@example.nl")),
    ("jan@example.nl (Jan)", ("Jan", "jan@example.nl")),
    ('"a\\"b" <ab@example.nl>', ('a"b', "ab@example.nl")),
]


@pytest.mark.parametrize("header", AMBIGUOUS)
def test_an_ambiguous_sender_gives_no_address(header: str) -> None:
    assert parse_address(header) == ("", "")


@pytest.mark.parametrize(("header", "expected"), FINE)
def test_ordinary_senders_parse_as_before(header: str, expected: tuple[str, str]) -> None:
    assert parse_address(header) == expected == email.utils.parseaddr(header)


def test_recipient_lists() -> None:
    assert parse_addresses(['a@example.nl, "B, C" <b@example.nl>', "c@example.nl"]) == [
        ("", "a@example.nl"), ("B, C", "b@example.nl"), ("", "c@example.nl")]
    assert parse_addresses(["a@example.nl)<b@example.nl>", "c@example.nl"]) == [("", "")]


def test_a_mail_with_an_ambiguous_from_is_not_filed_under_the_first_address() -> None:
    raw = (b"From: alice@example.org)<bob@example.org>\r\nTo: kcc@gemeente.example\r\n"
           b"Subject: test\r\nMessage-ID: <1@x>\r\n\r\nHallo\r\n")
    message = parse_email(raw, "0" * 64)
    assert message.sender not in ("alice@example.org", "bob@example.org")


def test_the_stdlib_strict_mode_is_used_where_this_python_has_it() -> None:
    has = sys.version_info >= (3, 11, 10)
    assert addresses.STDLIB_STRICT is has

"""inbox/rows.py: a dataclass from a storage row, and inbox/errors.member: an enum from input."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pytest

from inbox.errors import InvalidInput, member
from inbox.model import Role, Status
from inbox.rows import from_row


@dataclass(frozen=True)
class _Request:
    id: int
    kind: str
    note: str | None
    days_left: int


def test_a_dataclass_takes_the_columns_of_its_fields_and_the_values_given() -> None:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT 4 AS id, 'inzage' AS kind, NULL AS note, 'x' AS extra").fetchone()
    assert from_row(_Request, row, days_left=-2) == _Request(4, "inzage", None, -2)
    with pytest.raises(IndexError):  # a field the row does not hold and no value gives
        from_row(_Request, row)


def test_member_takes_a_member_or_its_code_and_names_the_codes_when_unknown() -> None:
    assert member(Status, Status.NIEUW, "status") is Status.NIEUW
    assert member(Role, "archivaris", "rol") is Role.ARCHIVARIS
    with pytest.raises(InvalidInput) as refused:
        member(Role, "baas", "rol")
    codes = ", ".join(r.value for r in Role)
    assert str(refused.value) == f"Onbekende rol 'baas'. Kies uit: {codes}."

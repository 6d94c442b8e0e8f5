"""Departments (vakafdelingen): the beheerder keeps the list, a medewerker picks from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbox import departments
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff


@pytest.fixture(autouse=True)
def _staff(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)


def test_the_beheerder_keeps_the_list_and_a_medewerker_picks_from_it(loket) -> None:  # type: ignore[no-untyped-def]
    act_as(loket, "bea")
    departments.add(loket, "Burgerzaken", "Burgerzaken@Gemeente.test", 3)
    departments.add(loket, "Afval en reiniging", "afval@gemeente.test", 5)
    with pytest.raises(InvalidInput, match="bestaat al"):
        departments.add(loket, "burgerzaken", "bz@gemeente.test", 2)
    with pytest.raises(InvalidInput, match="e-mailadres"):
        departments.add(loket, "Wonen", "geen adres", 2)
    with pytest.raises(InvalidInput, match="werkdagen"):
        departments.add(loket, "Wonen", "wonen@gemeente.test", 0)
    changed = departments.change(loket, "burgerzaken", norm_days=4)
    assert (changed.name, changed.email, changed.norm_days) == (
        "Burgerzaken", "burgerzaken@gemeente.test", 4)
    departments.remove(loket, "Afval en reiniging")
    assert [d.name for d in departments.departments(loket)] == ["Burgerzaken"]
    assert [d.name for d in departments.departments(loket, inactive=True)] == [
        "Afval en reiniging", "Burgerzaken"]
    act_as(loket, "anne")
    assert [d.name for d in departments.choices(loket)] == ["Burgerzaken"]
    with pytest.raises(PermissionDenied):
        departments.add(loket, "Wonen", "wonen@gemeente.test", 2)
    act_as(loket, "bea")
    again = departments.add(loket, "afval en reiniging", "afval2@gemeente.test", 2)
    assert again.name == "Afval en reiniging" and again.active  # brought back
    with pytest.raises(NotFound, match="Kies uit: Afval en reiniging, Burgerzaken"):
        departments.change(loket, "Wonen", norm_days=2)


def test_department_commands(loket, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = loket.path
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    code, out, err = run_cli(db, "bea", "department", "add", "Burgerzaken", "--email",
                             "bz@gemeente.test", "--norm-days", "3", "--json")
    assert code == 0, err
    assert json.loads(out) == {"name": "Burgerzaken", "email": "bz@gemeente.test",
                               "norm_days": 3, "active": True}
    code, out, err = run_cli(db, "bea", "department", "list", "--json")
    assert code == 0 and [d["name"] for d in json.loads(out)] == ["Burgerzaken"]
    code, out, err = run_cli(db, "bea", "department", "add", "Wonen", "--email", "x",
                             "--norm-days", "3")
    assert code == 1 and err.startswith("loket: ") and "e-mailadres" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run_cli(db, "anne", "department", "add", "Wonen", "--email",
                           "w@gemeente.test", "--norm-days", "3")
    assert code == 1 and "beheerder" in err
    code, _, err = run_cli(db, "bea", "department", "add", "Wonen", "--email", "w@g.test")
    assert code == 2  # usage: the norm is required

"""The import and SQL rules of tests/check_imports.py, as a test (also run by `make lint`)."""

from tests.check_imports import stale_legacy, violations


def test_only_storage_and_the_gate_reach_the_database_and_qt_stays_in_desktop() -> None:
    assert violations() == []


def test_the_list_of_modules_not_yet_behind_the_gate_only_shrinks() -> None:
    assert stale_legacy() == []


def test_the_rules_catch_a_feature_module_that_reaches_for_the_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import ast

    from tests import check_imports

    tree = ast.parse('import sqlite3\nq = "SELECT id FROM cases"\nloket.db.conn.execute(q)\n')
    assert check_imports._sql_strings(tree) == [2]
    assert check_imports._raw_database(tree) == [3]
    assert [n for _, n in check_imports._imports(tree)] == ["sqlite3"]

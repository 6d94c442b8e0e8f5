"""CLI parity: every act of the catalogue (inbox/acts.py) can be run from the command line.

The table is tests/role_matrix.py: a row per command with the act it runs, RUN_BY for acts that
are part of another command, APP_ONLY for the few that mean nothing to a command (with why),
PENDING for acts whose command is still to come (it only shrinks).
"""

from __future__ import annotations

from inbox import acts
from tests.role_matrix import APP_ONLY, CLI, PENDING, RUN_BY
from tests.unit.test_role_matrix import leaves


def _catalogue() -> set[str]:
    return set(acts.ACTS)


def test_every_act_has_a_command() -> None:
    run = {r.act for r in CLI if r.act is not None} | set(RUN_BY)
    missing = sorted(_catalogue() - run - set(PENDING) - set(APP_ONLY))
    assert missing == [], f"acts without a CLI command (add a row to tests/role_matrix.py): " \
        f"{missing}"


def test_the_pending_list_only_shrinks() -> None:
    run = {r.act for r in CLI if r.act is not None} | set(RUN_BY)
    assert sorted(set(PENDING) & run) == [], "these have a command now: remove them from PENDING"
    assert sorted(set(PENDING) - set(acts.ACTS)) == [], "PENDING names acts that do not exist"
    assert sorted(set(APP_ONLY) & run) == [] and set(APP_ONLY) <= set(acts.ACTS)


def test_acts_run_by_another_command_name_a_real_command() -> None:
    from inbox import cli

    commands = set(leaves(cli.build_parser()))
    for code, path in RUN_BY.items():
        assert code in acts.ACTS and path in commands, code

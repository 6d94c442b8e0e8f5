"""Running the command line in the test process: fast, and with the test's fixtures in force."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path


def run_cli(db: Path, user: str | None, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """`loket --db DB [--user USER] ARGS...`: (exit code, stdout, stderr). The password comes
    from LOKET_PASSWORD, as for a person at the command line."""
    from inbox import cli

    argv = ["--db", str(db), *(["--user", user] if user else []), *args]
    out, err = io.StringIO(), io.StringIO()
    old_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as stop:  # a usage error
                code = int(stop.code or 0)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()

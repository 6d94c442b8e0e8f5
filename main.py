"""Loket's entry point: parses the command line and starts the CLI or the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from inbox.logsetup import configure_logging

    gui_db = _gui_only(argv)
    if gui_db is not None:
        # no command: the app. The full command parser (and every feature module it loads)
        # is not needed for that, which keeps start-up short.
        configure_logging()
        from desktop.opening import Opening

        # the key, the database and the sign-in's thread first: argon2id then runs while Qt
        # loads below, instead of after the first frame
        opening = Opening.begin(gui_db)
        from desktop.app import run  # Qt is imported only for the GUI

        return run(gui_db, opening)
    from inbox import cli

    args = cli.build_parser(argv).parse_args(argv)
    configure_logging()
    if args.command is None:
        from desktop.app import run

        return run(cli.db_path(args))
    code = cli.run(args, argv=argv)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `loket ... | head`: the reader left; stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


def _gui_only(argv: list[str]) -> Path | None:
    """The database path when `argv` holds nothing but `--db PATH` (or nothing at all)."""
    import os

    if argv and not (len(argv) == 2 and argv[0] == "--db"):
        return None
    if argv:
        return Path(argv[1])
    if os.environ.get("LOKET_DB"):
        return Path(os.environ["LOKET_DB"])
    from storage.paths import default_db_path

    return default_db_path()


if __name__ == "__main__":
    sys.exit(main())

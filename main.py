"""Loket's entry point: parses the command line and starts the CLI or the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from inbox import cli
    from inbox.logsetup import configure_logging

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    configure_logging()
    if args.command is None:
        from desktop.app import run  # Qt is imported only for the GUI

        return run(cli.db_path(args))
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())

"""What every command shares: where the database is and the one output rule."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

DEMO_PASSWORD = "loket-demo"


def db_path(args: argparse.Namespace) -> Path:
    if args.db_file:
        return Path(args.db_file)
    if os.environ.get("LOKET_DB"):
        return Path(os.environ["LOKET_DB"])
    from storage.paths import default_db_path

    return default_db_path()


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """`data` as JSON with --json, else `text`: the one output rule of every command
    (dates and paths are written as text)."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(text)

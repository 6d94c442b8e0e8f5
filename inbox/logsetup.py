"""Logging to a rotating file in the data folder: detail for engineers, never personal data.

Log lines carry ids, counts and exception types, not subjects, bodies or addresses.
"""

from __future__ import annotations

import logging
import logging.handlers
import os

from storage.paths import log_dir


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger("loket")
    if root.handlers:
        return
    root.setLevel(level)
    root.propagate = False
    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            directory / "loket.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if os.environ.get("LOKET_DEBUG"):
        root.addHandler(logging.StreamHandler())

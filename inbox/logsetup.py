"""Logging to a rotating file in the data folder: detail for engineers, never personal data.

Log lines carry ids, counts and exception types, not subjects, bodies or addresses.
"""

from __future__ import annotations

import logging
import os
import traceback
from typing import Any

from storage.paths import log_dir


class SafeFormatter(logging.Formatter):
    """Tracebacks keep their frames and exception types but not the exception messages, which
    may quote a mail, a name or an address (a parser or database error can)."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging API
        chain: list[BaseException] = []
        exc: BaseException | None = ei[1]
        while exc is not None and exc not in chain:
            chain.append(exc)
            exc = exc.__cause__ or exc.__context__
        parts: list[str] = []
        for i, item in enumerate(reversed(chain)):
            if i:
                parts.append("\nWhile handling the above, another exception occurred:\n")
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(item.__traceback__))
            name = f"{type(item).__module__}.{type(item).__qualname__}"
            parts.append(f"{name} (message not logged)\n")
        return "".join(parts).rstrip("\n")


class _LogFile(logging.Handler):
    """The rotating log file in the data folder, opened at the first record: most runs of a
    command log nothing, and logging.handlers (with socket and pickle) costs start-up."""

    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None

    def _target(self) -> logging.Handler:
        if self._file is None:
            import logging.handlers

            try:
                directory = log_dir()
                directory.mkdir(parents=True, exist_ok=True)
                self._file = logging.handlers.RotatingFileHandler(
                    directory / "loket.log", maxBytes=2_000_000, backupCount=3,
                    encoding="utf-8",
                )
            except OSError:
                self._file = logging.NullHandler()
            self._file.setFormatter(self.formatter)
        return self._file

    def emit(self, record: logging.LogRecord) -> None:
        self._target().handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger("loket")
    if root.handlers:
        return
    root.setLevel(level)
    root.propagate = False
    handler = _LogFile()
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if os.environ.get("LOKET_DEBUG"):
        root.addHandler(logging.StreamHandler())

"""The GUI entry point main.py calls: `run(db_path)` opens the database and shows the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("loket.desktop")


def run(db_path: Path) -> int:
    """Open Loket on `db_path` and run the event loop; returns the exit code."""
    # Qt and the window are imported here, so `main.py --help` and the CLI stay fast
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.i18n import install_translators
    from inbox.errors import LoketError, StorageError
    from inbox.services import SYSTEM_USER, Loket

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Loket")
    app.setApplicationDisplayName("Loket")
    app.setOrganizationName("Loket")
    translators = install_translators(app)  # noqa: F841 - parented to app, kept alive

    try:
        loket = Loket.open(db_path, user=os.environ.get("LOKET_USER") or SYSTEM_USER)
    except (LoketError, StorageError) as exc:
        log.error("cannot open database %s: %s", db_path, exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "Loket",
                          app.translate("App", "Loket cannot open the database."))
        box.setInformativeText(f"{exc}\n\n{db_path}")
        box.exec()
        return 1

    from desktop.main_window import MainWindow

    window = MainWindow(loket)
    window.show()
    try:
        return int(app.exec())
    finally:
        loket.close()

"""Which language the UI speaks: Dutch by default, English source strings with LOKET_LANG=en."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

log = logging.getLogger("loket.desktop.i18n")

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

# Texts of Qt's own file dialog that Qt's Dutch (qtbase_nl) lacks in Qt 6 (its labels gained a
# mnemonic): Loket's translation carries them, so the whole dialog speaks Dutch.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def language() -> str:
    """'nl' unless LOKET_LANG asks for another language ('en' means the source strings)."""
    return (os.environ.get("LOKET_LANG") or "nl").strip().lower()[:2] or "nl"


def install_translators(
    app: QCoreApplication, lang: str | None = None, directory: Path = TRANSLATIONS_DIR
) -> list[QTranslator]:
    """Install Loket's and Qt's own translations; returns them (keep them alive, or remove).

    A missing .qm file is not an error: the UI then shows the English source strings.
    """
    lang = lang or language()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    installed: list[QTranslator] = []
    own = QTranslator(app)
    if own.load(str(directory / f"loket_{lang}.qm")):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.info("no translation loket_%s.qm in %s; showing English", lang, directory)
    qt = QTranslator(app)  # standard buttons and context menus
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)

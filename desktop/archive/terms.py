"""Retention terms for the screens: 'P10Y' -> '10 years' (Dutch '10 jaar' via loket_nl.ts)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def describe_term(duration: str | None) -> str:
    """'P1Y' -> '1 year', 'P6M' -> '6 months', None -> 'permanent'; like the domain's
    retention.describe_term, but translatable."""
    if not duration:
        return QCoreApplication.translate("ArchiveTerms", "permanent")
    match = _DURATION.match(duration)
    if not match:
        return duration
    years, months, weeks, days = (None if g is None else int(g) for g in match.groups())
    parts = []
    if years is not None:
        parts.append(QCoreApplication.translate("ArchiveTerms", "%n year(s)", "", years))
    if months is not None:
        parts.append(QCoreApplication.translate("ArchiveTerms", "%n month(s)", "", months))
    if weeks is not None:
        parts.append(QCoreApplication.translate("ArchiveTerms", "%n week(s)", "", weeks))
    if days is not None:
        parts.append(QCoreApplication.translate("ArchiveTerms", "%n day(s)", "", days))
    if not parts:
        return QCoreApplication.translate("ArchiveTerms", "%n day(s)", "", 0)
    text = parts[0]
    for part in parts[1:]:
        text = (
            QCoreApplication.translate("ArchiveTerms", "%1 and %2")
            .replace("%1", text)
            .replace("%2", part)
        )
    return text

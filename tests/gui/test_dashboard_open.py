"""The dashboard's "Openstaand" and its chart of open cases come from one rule (issue 17): a
period in the past no longer shows 0 open beside a chart full of open cases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

pytestmark = pytest.mark.gui


def test_open_figure_equals_the_charts_last_open_bar(anna_window, loket, sample):
    # the sample's cases came in on 2 March 2026; closing them later empties "open now"
    for key in ("afval", "parkeren", "boom", "paspoort", "subsidie"):
        loket.close_case(sample.references[key], "Afgehandeld", first_contact_resolution=False)
    dashboard = anna_window.workspace.open_dashboard()
    dashboard.date_from.setDate(QDate(2026, 3, 1))
    dashboard.date_to.setDate(QDate(2026, 3, 8))  # before they were closed
    dashboard.reload()
    shown = dashboard.tiles["open_backlog"].text()
    name, values = dashboard.weekly.series[-1]
    assert name == "Open backlog"
    assert shown == str(int(values[-1])) == "5"

"""The search box finds a resident's cases by phone number in any notation (issue 17)."""

from __future__ import annotations

import pytest

from inbox.model import Channel, IncomingMessage

from .conftest import StepClock

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("typed", ["0612345678", "06-12345678", "+31 6 1234 5678",
                                   "0031612345678"])
def test_search_box_finds_all_cases_of_a_number(anna_window, loket, sample, typed):
    """Sanne called (06 12345678, the sample's phone note) and later sent a WhatsApp."""
    loket.now = StepClock(loket.now())
    chat = loket.receive(IncomingMessage(
        Channel.WHATSAPP, loket.now(), sender="+31612345678", sender_name="Sanne",
        subject="Paspoort", body_text="Is mijn paspoort er al?"))
    window = anna_window
    window.views.choose("all")
    window.search.setText(typed)
    window.apply_search()
    listed = {window.cases.summary(r).reference for r in range(window.cases.rowCount())}
    assert listed == {sample.references["paspoort"], chat.reference}
    assert window.list_count.text() == "2 case(s) found"

"""Two people on one case (issue 17): when a colleague changes or answers the open case, in
another process on this laptop or through team sync, the case view says so at once; a reply
being written stays, and before it is sent the colleague's answer is shown and the writer
asked "toch versturen?"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop import dialogs
from desktop.reply_editor import ReplyEditor
from inbox import casework
from inbox.services import Loket

from .conftest import SCREENSHOTS
from .test_i18n import dutch, translations  # noqa: F401 - fixtures
from .test_reply import add_account

pytestmark = pytest.mark.gui


@pytest.fixture
def bram(sample) -> Iterator[Loket]:  # type: ignore[no-untyped-def]
    """Bram, working in his own process on the same database."""
    other = Loket.open(sample.path)
    other.user = "bram"
    yield other
    other.close()


def _open(window, sample, key: str = "afval") -> str:  # type: ignore[no-untyped-def]
    window.views.choose("all")
    window.table.select_case(sample.ids[key])
    assert window.case_view.reference == sample.references[key]
    assert not window.case_view.collision.isVisibleTo(window.case_view)
    return sample.references[key]


def test_a_colleagues_change_shows_at_once(anna_window, sample, bram):
    reference = _open(anna_window, sample)
    anna_window.workspace.actions.assign_me.trigger()  # my own change: nothing to say
    assert not anna_window.case_view.collision.isVisibleTo(anna_window.case_view)
    bram.assign(reference, "bram")
    anna_window._poll_changes()  # the window's 1.5-second look at the database
    banner = anna_window.case_view.collision
    assert banner.isVisibleTo(anna_window.case_view)
    assert banner.text().startswith("Bram Jansen just changed this case: Toegewezen aan")
    anna_window.table.select_case(sample.ids["subsidie"])  # another case: nothing to say
    assert not banner.isVisibleTo(anna_window.case_view)


def test_a_reply_in_progress_is_kept_and_compared(anna_window, loket, sample, bram, qtbot,
                                                  monkeypatch):
    add_account(loket)
    reference = _open(anna_window, sample)
    editor = anna_window.open_reply_editor()
    assert isinstance(editor, ReplyEditor)
    qtbot.waitExposed(editor)
    editor.text.setPlainText("Beste Jan,\n\nIk stuur u een nieuwe pas.\n")
    casework.reply_by_email(bram, reference, "Beste Jan, de pas is al onderweg. Bram")
    anna_window._poll_changes()
    assert anna_window.case_view.collision.text() == "Bram Jansen just answered the resident."
    assert editor.collision.isVisibleTo(editor)
    assert "Bram Jansen just answered" in editor.collision.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SCREENSHOTS / "reply-collision.png"))

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "ask", lambda _p, _t, text, detail="", **_k:
                        asked.append((text, detail)) or False)
    editor.submit()  # "no": nothing is sent, the text stays
    assert asked == [("Bram Jansen just answered: send anyway?",
                      "Beste Jan, de pas is al onderweg. Bram")]
    assert editor.isVisible() and "nieuwe pas" in editor.text.toPlainText()
    assert editor.received is None
    monkeypatch.setattr(dialogs, "ask", lambda *_a, **_k: True)
    with qtbot.waitSignal(editor.sent):
        editor.submit()  # "send anyway"
    texts = [e.text for e in loket.case_detail(reference).timeline if e.kind == "message"]
    assert any("nieuwe pas" in t for t in texts) and any("onderweg" in t for t in texts)


def test_the_banner_speaks_dutch(dutch, anna_window, sample, bram):  # noqa: F811
    reference = _open(anna_window, sample)
    bram.set_status(reference, "wacht_op_inwoner")
    anna_window._poll_changes()
    assert anna_window.case_view.collision.text() == (
        "Bram Jansen heeft deze zaak net gewijzigd: Status: Wacht op inwoner")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    anna_window.grab().save(str(SCREENSHOTS / "collision-banner.png"))

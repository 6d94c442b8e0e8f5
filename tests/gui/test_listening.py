"""Listening on Mastodon in the app (the heard posts, Make a case; the watch list in the account
settings) and the kennisbank in the role home, against the local Mastodon server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.kb.listening import ListeningDialog
from desktop.role_home import RoleHome
from desktop.social.mastodon_form import MastodonAccountsDialog
from inbox.channels import listening, mastodon
from inbox.channels.mastodon import MastodonClient
from inbox.privacy.roles import REFUSALS, Permission
from tests.conftest import act_as, add_staff
from tests.integration.mastodon_server import FakeMastodon, running
from tests.unit.test_kb import with_starter_set

from .conftest import SCREENSHOTS
from .test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with running() as server:
        yield server


def shot(widget: Any, name: str) -> None:
    assert widget.grab().save(str(SCREENSHOTS / name))


def heard(loket: Any, fake: FakeMastodon) -> mastodon.MastodonAccount:
    """An account listening for #gemeentevoorbeeld that heard two posts; anne signed in."""
    add_staff(loket)
    act_as(loket, "bea")
    account = mastodon.add_account(loket, "Mastodon KCC", fake.url, fake.token)
    listening.add_term(loket, account.name, "#gemeentevoorbeeld")
    act_as(loket, "anne")
    fake.post(fake.person("11", "anna", "Anna de Vries"),
              "De lantaarnpaal in de Beatrixstraat is kapot", tags=("gemeentevoorbeeld",))
    fake.post(fake.person("12", "piet", "Piet Smit"), "Mooie markt vandaag!",
              tags=("gemeentevoorbeeld",))
    client = MastodonClient(fake.url, fake.token, sleep=lambda s: None)
    assert mastodon.sync_account(loket, account, fake.token, client=client).heard == 2
    return account


def test_heard_posts_are_listed_and_one_click_makes_a_case(
    loket: Any, runner: Any, fake: FakeMastodon, qtbot: Any, qtmodeltester: Any
) -> None:
    heard(loket, fake)
    dialog = ListeningDialog(runner)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    assert dialog.posts[0].text.startswith("Mooie markt")  # newest first
    dialog.view.selectRow(1)
    assert dialog.text.toPlainText().startswith("De lantaarnpaal in de Beatrixstraat")
    assert dialog.make.isEnabled() and dialog.browser.isEnabled()
    cases = loket.db.scalar("SELECT count(*) FROM cases")

    with qtbot.waitSignal(dialog.case_made) as made:
        dialog.make.click()

    reference = made.args[0]
    assert loket.db.scalar("SELECT count(*) FROM cases") == cases + 1
    assert dialog.message.text() == f"Case {reference} made of the post."
    row = next(r for r in dialog.model.rows if r["case"])
    assert row["case"] == reference and "Beatrixstraat" in row["text"]
    dialog.view.selectRow(dialog.model.rows.index(row))
    assert not dialog.make.isEnabled()  # a case already: not twice
    act_as(loket, "tineke")  # a teamleider sees counts, never the posts
    refused = ListeningDialog(runner)
    qtbot.addWidget(refused)
    assert refused.model.rowCount() == 0
    assert refused.message.text() == REFUSALS[Permission.READ_CONTENT]


def test_listening_screenshot_in_dutch(
    dutch: Any, loket: Any, runner: Any, fake: FakeMastodon, qtbot: Any  # noqa: F811
) -> None:
    heard(loket, fake)
    dialog = ListeningDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.make.text() == "&Zaak maken"
    dialog.show()
    qtbot.waitExposed(dialog)
    shot(dialog, "listening.png")


def test_the_watch_list_in_the_mastodon_account_settings(
    loket: Any, runner: Any, fake: FakeMastodon, qtbot: Any
) -> None:
    add_staff(loket)
    act_as(loket, "bea")
    mastodon.add_account(loket, "Mastodon KCC", fake.url, fake.token)
    dialog = MastodonAccountsDialog(loket, runner)
    qtbot.addWidget(dialog)
    watch = dialog.watch
    assert watch.isEnabled() and watch.account == "Mastodon KCC" and watch.terms.count() == 0

    qtbot.keyClicks(watch.field, "#GemeenteVoorbeeld")
    watch.add_button.click()
    assert [watch.terms.item(i).text() for i in range(watch.terms.count())] == [
        "#gemeentevoorbeeld  ·  not yet fetched"]
    assert "next fetch" in watch.message.text()
    qtbot.keyClicks(watch.field, "@anna")
    watch.add_button.click()
    assert "niet naar personen" in watch.message.text()  # the domain's Dutch refusal
    watch.keep.setValue(14)
    watch.keep.editingFinished.emit()
    assert mastodon.account_overview(loket)[0].account.listen_days == 14
    dialog.show()
    qtbot.waitExposed(dialog)
    shot(dialog, "mastodon-watch-list.png")
    watch.terms.setCurrentRow(0)
    watch.remove_button.click()
    assert watch.terms.count() == 0
    assert listening.watch_list(loket, "Mastodon KCC").terms == ()
    dialog.new_account()  # an account not yet saved has no watch list
    assert not watch.isEnabled()


def test_the_role_home_offers_the_kennisbank_and_the_trends_as_the_grants_allow(
    loket: Any, runner: Any, qtbot: Any
) -> None:
    from desktop.kb.home import KbPage, TrendsPage
    from desktop.kb.views import KbHealthDialog

    with_starter_set(loket)
    act_as(loket, "bea")  # beheerder: search and health, no counts
    home = RoleHome(loket, runner)
    qtbot.addWidget(home)
    tabs = home.centralWidget()
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Kennisbank" in titles and "Trends" not in titles
    page = tabs.widget(titles.index("Kennisbank"))
    assert isinstance(page, KbPage) and page.health.text() == "&Health and use…"
    qtbot.keyClicks(page.field, "paspoort kwijt")
    assert page.model.rowCount() > 0
    assert page.article.toPlainText().startswith(page.model.hits[0].article.title)
    tabs.setCurrentWidget(page)
    home.show()
    qtbot.waitExposed(home)
    shot(home, "role-home-kennisbank.png")
    home.close()

    act_as(loket, "tineke")  # teamleider: trends and the kennisbank's use, no articles
    home = RoleHome(loket, runner)
    qtbot.addWidget(home)
    tabs = home.centralWidget()
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Trends" in titles and "Kennisbank" not in titles
    trends = tabs.widget(titles.index("Trends"))
    assert isinstance(trends, TrendsPage) and trends.trends.report["dagen"] == 28
    tabs.setCurrentWidget(trends)
    home.show()
    qtbot.waitExposed(home)
    shot(home, "role-home-trends.png")
    trends.usage.click()
    health = trends.findChild(KbHealthDialog)
    assert health is not None
    assert [health.tabs.tabText(i) for i in range(health.tabs.count())] == ["Use"]

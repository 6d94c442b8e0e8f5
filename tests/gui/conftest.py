"""GUI test kit: the offscreen platform, a small realistic database and a synchronous runner."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from inbox.model import Channel, IncomingMessage, Role  # noqa: E402
from inbox.services import Loket  # noqa: E402

# the real IMAP server, for the few GUI tests also marked `integration`
from tests.integration.conftest import dovecot, mailbox_user  # noqa: E402, F401

REPO = Path(__file__).resolve().parents[2]
# Screenshots for people to look at: a scratch folder by default (so a test run leaves the tree
# clean); `make screenshots` writes them into docs/screenshots for the README.
SCREENSHOTS = Path(os.environ.get("LOKET_SCREENSHOTS_DIR") or REPO / "tests" / "gui" / "out")
SCREENSHOTS.mkdir(parents=True, exist_ok=True)


class StepClock:
    """A clock that moves on a minute per reading, so the timeline order is fixed."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(minutes=1)
        return self.moment


@dataclass
class Sample:
    """What the sample database holds, for assertions."""

    path: Path
    references: dict[str, str]  # short name -> case reference
    ids: dict[str, int]

    @property
    def open_count(self) -> int:
        return len(self.ids) - 1  # one case is closed


def _mail(now: Callable[[], datetime], sender: str, name: str, subject: str,
          body: str) -> IncomingMessage:
    return IncomingMessage(channel=Channel.EMAIL, sent_at=now(), sender=sender,
                           sender_name=name, subject=subject, body_text=body)


def build_sample(path: Path) -> Sample:
    """Six cases over four statuses and three channels, made through the services."""
    loket = Loket.open(path)
    now = StepClock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    loket.now = now
    try:
        loket.ensure_user("anna", "Anna de Vries", Role.MEDEWERKER)
        loket.ensure_user("bram", "Bram Jansen", Role.MEDEWERKER)
        made = {
            "afval": loket.receive(_mail(
                now, "j.bakker@example.nl", "Jan Bakker", "Vraag over afvalpas",
                "Goedemorgen,\n\nMijn afvalpas werkt niet meer bij de container.\n"
                "Kunt u een nieuwe sturen?\n\nJan Bakker")),
            "parkeren": loket.receive(_mail(
                now, "f.elhadi@example.nl", "Fatima el Hadi", "Parkeervergunning bezoekers",
                "Hoe vraag ik een bezoekersvergunning aan?")),
            "boom": loket.receive(_mail(
                now, "p.smit@example.nl", "Piet Smit", "Omgewaaide boom Dorpsstraat",
                "Er ligt een boom over het fietspad. <b>niet vet</b> "
                '<img src="http://tracker.example/x.png">')),
            "paspoort": loket.log_contact(
                Channel.PHONE, name="Sanne de Wit", question="Wanneer is mijn paspoort klaar?",
                answer="Vanaf donderdag op te halen.", phone_number="06 12345678",
                subject="Paspoort ophalen", at=now()),
            "balie": loket.log_contact(
                Channel.COUNTER, name="Henk Visser", question="Uittreksel BRP nodig voor werk.",
                answer="Direct meegegeven.", resolved=True, subject="Uittreksel BRP", at=now()),
            "subsidie": loket.receive(_mail(
                now, "info@sportclub.example", "Sportclub De Zwaluw", "Subsidie jeugdsport",
                "Wij willen subsidie aanvragen voor de jeugdafdeling.")),
        }
        references = {k: str(r.reference) for k, r in made.items()}
        loket.assign(references["parkeren"], "anna")  # -> in behandeling
        loket.assign(references["boom"], "bram")
        loket.set_status(references["boom"], "wacht_op_inwoner")
        loket.add_note(references["afval"], "Nieuwe pas aangevraagd bij de milieustraat.")
        ids = {k: int(r.case_id or 0) for k, r in made.items()}
    finally:
        loket.close()
    return Sample(path, references, ids)


@pytest.fixture(autouse=True)
def no_window_left_open() -> Iterator[None]:
    """A window a test left open (a help window, a dialog) is hidden after it, so the next
    test's list of visible windows is its own. Hidden, not closed: closing a form with
    typed text would ask a question nobody answers."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            if widget.isVisible():
                widget.hide()


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings (window layout) go to a fresh folder per test, never the user's own."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build_sample(tmp_path / "loket.db")


@pytest.fixture
def loket(sample: Sample) -> Iterator[Loket]:
    opened = Loket.open(sample.path)
    yield opened
    opened.close()


@pytest.fixture
def runner(loket: Loket, qtbot):  # type: ignore[no-untyped-def]
    from desktop.tasks import TaskRunner

    return TaskRunner(loket, synchronous=True)


class FakeScheduler:
    """Stands in for inbox.sync.SyncScheduler: records calls; tests emit events through it."""

    def __init__(self, emit: Callable[..., None]) -> None:
        self.emit = emit
        self.calls: list[tuple[str, str | None]] = []

    def start(self) -> None:
        self.calls.append(("start", None))

    def reload(self) -> None:
        self.calls.append(("reload", None))

    def sync_now(self, account_name: str | None = None) -> None:
        self.calls.append(("sync_now", account_name))

    def shutdown(self) -> None:
        self.calls.append(("shutdown", None))


@pytest.fixture
def schedulers() -> list[FakeScheduler]:
    """The fake schedulers the windows of a test made (usually one)."""
    return []


@pytest.fixture
def window(loket: Loket, runner, schedulers, qtbot):  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    def make(emit: Callable[..., None]) -> FakeScheduler:
        schedulers.append(FakeScheduler(emit))
        return schedulers[-1]

    win = MainWindow(loket, runner, network=runner, scheduler_factory=make)
    qtbot.addWidget(win)
    return win


def shown_window(loket, runner, qtbot):  # type: ignore[no-untyped-def]
    """The main window for whoever `loket` acts as, shown at the usual size."""
    from desktop.main_window import MainWindow

    win = MainWindow(loket, runner, network=runner, scheduler_factory=FakeScheduler)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def anna_window(loket, runner, qtbot):  # type: ignore[no-untyped-def]
    """The main window as Anna (medewerker), shown at the usual size."""
    loket.user = "anna"
    return shown_window(loket, runner, qtbot)


# The offscreen platform plugin says this for every shown top-level window: it is the test
# platform lacking a feature, not a fault in Loket, so it is the one Qt warning let through.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def staff_window(loket: Loket, login: str, qtbot, size: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
    """The main window as `login` (one of tests.conftest.STAFF, signed in), on a synchronous
    runner and a fake scheduler; shown when `size` is given."""
    from desktop.main_window import MainWindow
    from desktop.tasks import TaskRunner
    from tests.conftest import act_as

    act_as(loket, login)
    runner = TaskRunner(loket, synchronous=True)
    window = MainWindow(loket, runner, network=runner, scheduler_factory=FakeScheduler)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
    return window


def note_phone_call(window, qtbot, name: str, phone: str, question: str,  # type: ignore[no-untyped-def]
                    subject: str = "") -> None:
    """Note a phone call in `window`'s contact dialog as a user types it, and wait until it
    is saved (the new case is then in view)."""
    dialog = window.open_contact_dialog(Channel.PHONE)
    dialog.name.setText(name)
    dialog.phone.setText(phone)
    if subject:
        dialog.subject.setText(subject)
    dialog.question.setPlainText(question)
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()


def add_template(settings, qtbot, title: str, body: str) -> None:  # type: ignore[no-untyped-def]
    """Write a new standaardantwoord on the settings' Standard replies tab and save it."""
    qtbot.waitExposed(settings)
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    settings.tabs.setCurrentIndex(tabs.index("Standard replies"))
    settings.new_template()
    settings.template_title.setText(title)
    settings.template_body.setPlainText(body)
    settings.save_template()

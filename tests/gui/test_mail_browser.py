"""Showing e-mail safely: sanitised HTML, the message's own cid: images, nothing remote, links
only after asking, attachments saved or opened on request with a warning for risky types."""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument

from desktop import dialogs
from desktop.mail_browser import MailBrowser
from inbox.mailview import message_view
from inbox.model import Attachment, Channel, IncomingMessage
from inbox.services import Loket

pytestmark = pytest.mark.gui

def png(width: int = 16) -> bytes:
    image = QImage(width, width, QImage.Format.Format_RGB32)
    image.fill(0x2E7D32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class CountingServer(http.server.ThreadingHTTPServer):
    requests = 0


class _Handler(http.server.BaseHTTPRequestHandler):
    server: CountingServer

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests += 1
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a")

    def log_message(self, format, *args):  # type: ignore[no-untyped-def]  # noqa: A002
        pass


@pytest.fixture
def tracker() -> Iterator[CountingServer]:
    """A web server on 127.0.0.1 that counts every request (a tracking pixel's host)."""
    server = CountingServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def html_mail(loket: Loket, port: int) -> tuple[str, int]:
    """A newsletter-like mail stored as-is (not through the parser's sanitiser)."""
    remote = f"http://127.0.0.1:{port}"
    html = (
        "<html><head><style>body { background: url(" + remote + "/bg.gif) }</style>"
        "<script>alert('weg')</script></head><body>"
        "<h2>Melding openbare ruimte</h2>"
        "<p onmouseover=\"alert(1)\">Beste medewerker,</p>"
        "<p>Bij de <b>speeltuin</b> aan de Lindelaan is een bank kapot. Zie de foto:</p>"
        '<p><img src="cid:foto1@bewoner.example" alt="foto" width="16" height="16"></p>'
        f'<p><img src="{remote}/pixel.gif" width="1" height="1"></p>'
        f'<div style="background-image: url({remote}/css.gif)">Met vriendelijke groet,</div>'
        f'<p><a href="https://www.example.nl/meldingen">Mijn meldingen</a> · '
        f'<a href="javascript:alert(2)">klik</a></p>'
        '<iframe src="' + remote + '/frame"></iframe>'
        "</body></html>"
    )
    received = loket.receive(
        IncomingMessage(
            channel=Channel.EMAIL,
            sent_at=datetime(2026, 3, 3, 8, 30, tzinfo=UTC),
            sender="m.dekker@bewoner.example",
            sender_name="Marieke Dekker",
            subject="Kapotte bank speeltuin Lindelaan",
            body_text="Bij de speeltuin aan de Lindelaan is een bank kapot.",
            body_html=html,
            attachments=(
                Attachment("foto.png", "image/png", png(),
                           content_id="foto1@bewoner.example", inline=True),
                Attachment("situatieschets.pdf", "application/pdf", b"%PDF-1.4\n" * 300),
                Attachment("factuur.pdf.exe", "application/octet-stream", b"MZ\x90\x00"),
            ),
        )
    )
    assert received.reference is not None and received.message_id is not None
    return received.reference, received.message_id


def show_mail(window, loket: Loket, port: int, qtbot) -> int:  # type: ignore[no-untyped-def]
    reference, message_id = html_mail(loket, port)
    window.refresh()
    case_id = loket.db.scalar("SELECT id FROM cases WHERE reference = ?", (reference,))
    window.show()
    qtbot.waitExposed(window)
    assert window.table.select_case(case_id)
    window.grab()  # lay out and paint everything, images included
    return message_id


def test_html_mail_is_rendered_without_scripts_or_remote_content(window, loket, tracker, qtbot):
    message_id = show_mail(window, loket, tracker.server_address[1], qtbot)
    browser = window.case_view.timeline
    html = browser.toHtml()
    text = window.case_view.timeline_text()
    assert "speeltuin" in text and "Melding openbare ruimte" in text
    assert "alert" not in html and "weg" not in text
    assert "onmouseover" not in html and "javascript" not in html and "iframe" not in html
    assert "pixel.gif" not in html
    # the cid image came from the message's own inline attachment
    image = browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"cid:foto1@bewoner.example#m{message_id}"))
    assert isinstance(image, QImage) and not image.isNull() and image.width() == 16
    qtbot.wait(200)
    assert tracker.requests == 0


def test_load_resource_refuses_everything_but_the_messages_own_cid_images(loket, tracker,
                                                                           qtbot):
    port = tracker.server_address[1]
    _, message_id = html_mail(loket, port)
    browser = MailBrowser(loket)
    qtbot.addWidget(browser)
    browser.views = {message_id: message_view(loket, message_id)}
    image = QTextDocument.ResourceType.ImageResource
    own = QUrl(f"cid:foto1@bewoner.example#m{message_id}")

    def served(url: str) -> bool:
        """A real image; a refusal is a blank 1x1 one, so Qt does not go looking itself."""
        result = browser.loadResource(image, QUrl(url))
        assert isinstance(result, QImage)
        return result.width() > 1

    assert served(own.toString())
    assert not served("cid:foto1@bewoner.example")  # which message's? none
    assert not served(f"cid:foto1@bewoner.example#m{message_id + 1}")  # not another message's
    assert not served(f"cid:onbekend#m{message_id}")
    for url in (f"http://127.0.0.1:{port}/a.gif", f"https://127.0.0.1:{port}/b.gif",
                "file:///etc/passwd", "pixel.gif", ""):
        assert not served(url)
    css = browser.loadResource(QTextDocument.ResourceType.StyleSheetResource,
                               QUrl(f"http://127.0.0.1:{port}/s.css"))
    assert css == ""
    # even unsanitised HTML set directly cannot make it fetch anything
    browser.setHtml(f'<img src="http://127.0.0.1:{port}/pixel.gif">'
                    f'<link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">'
                    f'<p style="background-image:url(http://127.0.0.1:{port}/c.gif)">x</p>')
    browser.show()
    browser.grab()
    qtbot.wait(200)
    assert tracker.requests == 0
    assert any("pixel.gif" in url for url in browser.refused)


def test_links_open_only_after_asking(window, loket, tracker, qtbot, monkeypatch):
    show_mail(window, loket, tracker.server_address[1], qtbot)
    browser = window.case_view.timeline
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString())
                        or True)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[3]) or False)
    browser.anchorClicked.emit(QUrl("https://www.example.nl/meldingen"))
    assert asked and "https://www.example.nl/meldingen" in asked[0]
    assert opened == []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    browser.anchorClicked.emit(QUrl("https://www.example.nl/meldingen"))
    assert opened == ["https://www.example.nl/meldingen"]
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == ["https://www.example.nl/meldingen"]  # other schemes: nothing happens
    assert browser.source().isEmpty()  # the browser itself never navigated


def test_attachments_are_listed_saved_and_opened_with_a_warning(window, loket, tracker, qtbot,
                                                                 monkeypatch, tmp_path: Path):
    message_id = show_mail(window, loket, tracker.server_address[1], qtbot)
    browser = window.case_view.timeline
    text = window.case_view.timeline_text()
    assert "Attachments:" in text
    assert re.search(r"situatieschets\.pdf \(2[.,]7 kB\)", text)  # the decimal follows QLocale
    assert "factuur.pdf.exe (4 bytes) (can contain a program)" in text
    assert "foto.png" not in text  # the inline image is shown, not listed
    view = message_view(loket, message_id)
    pdf, exe = view.listed_attachments

    target = tmp_path / "schets.pdf"
    assert browser.write_attachment(pdf.id, target) == target
    assert target.read_bytes() == b"%PDF-1.4\n" * 300
    monkeypatch.setattr("desktop.mail_browser.QFileDialog.getSaveFileName",
                        lambda *a: (str(tmp_path / a[2].split("/")[-1]), ""))
    saved = browser.save_attachment(exe.id)
    assert saved == tmp_path / "factuur.pdf.exe" and saved.read_bytes() == b"MZ\x90\x00"

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
                        or True)
    asked: list[tuple[str, bool]] = []
    monkeypatch.setattr(dialogs, "ask",
                        lambda *a, **k: asked.append((a[2], k.get("warning", False))) or False)
    assert browser.open_attachment(exe.id) is None
    assert asked == [("'factuur.pdf.exe' can contain a program or macros.", True)]
    assert opened == []
    path = browser.open_attachment(pdf.id)  # not risky: no question
    assert len(asked) == 1 and path is not None and opened == [str(path)]
    assert path.name == "situatieschets.pdf" and path.read_bytes() == pdf_bytes(loket, pdf.id)
    from storage.paths import opened_dir

    assert opened_dir() in path.parents  # the private folder, not the shared system temp
    assert path.stat().st_mode & 0o777 == 0o600 and opened_dir().stat().st_mode & 0o777 == 0o700

    menu = browser.attachment_menu(pdf.id)
    assert [a.text() for a in menu.actions()] == ["Save as…", "Open"]
    menu.deleteLater()


def pdf_bytes(loket: Loket, attachment_id: int) -> bytes:
    from inbox.mailview import attachment_bytes

    return attachment_bytes(loket, attachment_id)

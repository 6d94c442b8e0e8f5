"""inbox.mailview: what the desktop shows of an e-mail, read through the domain."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from inbox import mailview
from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.errors import NotFound
from inbox.model import Attachment, Channel, IncomingMessage
from inbox.services import Loket
from tests.conftest import receive_mail

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def html_mail(loket: Loket, html: str, *attachments: Attachment) -> int:
    received = loket.receive(
        IncomingMessage(
            channel=Channel.EMAIL,
            sent_at=MONDAY,
            sender="j.bakker@example.nl",
            sender_name="Jan Bakker",
            subject="Foto van de container",
            body_text="Zie de foto.",
            body_html=html,
            attachments=attachments,
        )
    )
    assert received.message_id is not None
    return received.message_id


def test_html_is_sanitised_again_and_cid_images_belong_to_the_message(loket: Loket) -> None:
    # stored as-is (as an older version or another path might have): the view cleans it
    message_id = html_mail(
        loket,
        '<p onclick="x()">Hallo<script>alert(1)</script></p><img src="cid:foto1@example">'
        '<img src="http://tracker.example/p.gif">',
        Attachment("foto.gif", "image/gif", PIXEL, content_id="foto1@example", inline=True),
        Attachment("brief.pdf", "application/pdf", b"%PDF-1.4 ..."),
    )
    view = mailview.message_view(loket, message_id)
    assert view.html is not None
    assert "script" not in view.html and "onclick" not in view.html
    assert "tracker.example" not in view.html
    assert 'src="cid:foto1@example"' in view.html
    assert view.text == "Zie de foto."
    image = view.by_content_id("<foto1@example>")
    assert image is not None and image.inline and image.content_type == "image/gif"
    assert view.by_content_id("iets-anders") is None
    assert [a.filename for a in view.listed_attachments] == ["brief.pdf"]
    assert mailview.attachment_bytes(loket, image.id) == PIXEL
    pdf = view.listed_attachments[0]
    assert pdf.size == len(b"%PDF-1.4 ...") and not pdf.risky


def test_plain_message_and_unknown_ids(loket: Loket) -> None:
    exe = Attachment("../../etc/factuur.exe", "application/octet-stream", b"MZ")
    received = receive_mail(loket, "a@example.nl", "Vraag", "Gewoon tekst", when=MONDAY,
                            attachments=(exe,))
    assert received.message_id is not None
    view = mailview.message_view(loket, received.message_id)
    assert view.html is None and view.text == "Gewoon tekst"
    (attachment,) = view.listed_attachments
    assert attachment.filename == "factuur.exe" and attachment.risky
    assert mailview.message_views(loket, []) == {}
    with pytest.raises(NotFound, match="bestaat niet"):
        mailview.message_view(loket, 9999)
    with pytest.raises(NotFound, match="bijlage"):
        mailview.attachment_bytes(loket, 9999)


@pytest.mark.parametrize(
    ("name", "risky"),
    [
        ("setup.EXE", True),
        ("script.js", True),
        ("macro.docm", True),
        ("pagina.html", True),
        ("image.iso", True),
        ("snelkoppeling.lnk ", True),
        ("foto.jpg", False),
        ("brief.pdf", False),
        ("exe", False),
    ],
)
def test_risky_types(name: str, risky: bool) -> None:
    assert mailview.is_risky(name) is risky


def test_outbox_state_per_reply(loket: Loket) -> None:
    received = receive_mail(loket, "a@example.nl", "Vraag", "Wanneer?", when=MONDAY)
    assert received.reference is not None
    assert mailview.outbox_of_case(loket, received.reference) == {}
    account = Accounts(loket).add_mail(
        MailAccount(
            name="kcc",
            host="127.0.0.1",
            username="kcc@gemeente.test",
            security=Security.NONE,
            smtp_host="127.0.0.1",
        ),
        "geheim",
    )
    changes = smtp.compose_reply(loket, account, received.reference, "Morgen.")
    assert changes.cases == {received.case_id} and "outbox" in changes.kinds
    (reply,) = changes.messages
    states = mailview.outbox_of_case(loket, received.reference.lower())
    info = states[reply]
    assert (info.state, info.account, info.can_send_again) == ("queued", "kcc", False)
    loket.db.conn.execute("UPDATE outbox SET state = 'uncertain' WHERE id = ?", (info.id,))
    assert mailview.outbox_of_case(loket, received.reference)[reply].can_send_again

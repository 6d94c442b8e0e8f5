"""Writes the synthetic mbox corpus beside this file (run once; the files are committed).

Each file has the shape the program writes (From_ line, its own headers, line endings, how a
body line starting with "From " is kept); every name, address and text is made up.

- thunderbird.mbox: "From - <date>" lines, X-Mozilla-Status headers, LF, mboxo quoting
  (">From ") and a blank line between messages.
- gmail-takeout.mbox: "From <thread id>@xxx <date> +0000 <year>", X-GM-THRID and
  X-Gmail-Labels, CRLF, multipart/alternative, and body lines starting with "From " left
  unquoted (as Takeout does).
- mutt.mbox: "From <address> <asctime>", Status, Content-Length and Lines headers, mboxcl quoting.
- mboxcl2.mbox: Content-Length and no quoting at all: a forwarded message in a body has its own
  From_ line and headers; one message has a wrong Content-Length (read line by line instead).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def thunderbird() -> bytes:
    messages = [
        (
            "Mon Nov 02 10:00:00 2026",
            "<tb-1@mail.example.nl>",
            "Fatima el Amrani <fatima@example.nl>",
            "Parkeerautomaat Dorpsstraat",
            "Beste gemeente,\n\nDe automaat bij nummer 12 werkt niet.\n"
            ">From maandag af kan ik niet meer betalen.\n\nMet vriendelijke groet,\nFatima\n",
        ),
        (
            "Mon Nov 02 11:30:00 2026",
            "<tb-2@mail.example.nl>",
            "Joost Verbeek <joost@example.org>",
            "Vraag over grofvuil",
            "Hallo,\n\nWanneer wordt het grofvuil in de Kerkstraat opgehaald?\n\n"
            ">>From de buren hoorde ik dinsdag.\n\nJoost\n",
        ),
        (
            "Tue Nov 03 08:15:00 2026",
            "<tb-3@mail.example.nl>",
            "Fatima el Amrani <fatima@example.nl>",
            "Re: Parkeerautomaat Dorpsstraat",
            "Hij doet het weer, dank u.\n",
        ),
    ]
    out = []
    for date, mid, sender, subject, body in messages:
        out.append(
            f"From - {date}\n"
            "X-Mozilla-Status: 0001\n"
            "X-Mozilla-Status2: 00000000\n"
            f"Message-ID: {mid}\n"
            f"Date: {date[:3]}, {int(date[8:10])} Nov 2026 {date[11:19]} +0100\n"
            f"From: {sender}\n"
            "To: info@gemeente-voorbeeld.nl\n"
            f"Subject: {subject}\n"
            "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
            f"{body}\n"
        )
    return "".join(out).encode()


def gmail() -> bytes:
    def message(thread: str, date: str, mid: str, sender: str, subject: str, text: str) -> str:
        html = "".join(f"<div>{line or '<br>'}</div>" for line in text.split("\n"))
        return (
            f"From {thread}@xxx {date} +0000 2026\r\n"
            f"X-GM-THRID: {thread}\r\n"
            "X-Gmail-Labels: Inbox,Geopend\r\n"
            "Delivered-To: info@gemeente-voorbeeld.nl\r\n"
            "MIME-Version: 1.0\r\n"
            f"Date: {date[:3]}, {int(date[8:10])} Nov 2026 {date[11:19]} +0000\r\n"
            f"Message-ID: {mid}\r\n"
            f"Subject: {subject}\r\n"
            f"From: {sender}\r\n"
            "To: info@gemeente-voorbeeld.nl\r\n"
            'Content-Type: multipart/alternative; boundary="000000000000a1b2c3"\r\n'
            "\r\n"
            "--000000000000a1b2c3\r\n"
            'Content-Type: text/plain; charset="UTF-8"\r\n'
            "\r\n"
            + text.replace("\n", "\r\n")
            + "\r\n--000000000000a1b2c3\r\n"
            'Content-Type: text/html; charset="UTF-8"\r\n'
            "\r\n"
            f'<div dir="ltr">{html}</div>\r\n'
            "--000000000000a1b2c3--\r\n"
            "\r\n"
        )

    return (
        message(
            "1781234567890123456",
            "Mon Nov 02 09:12:00",
            "<CAGm-1@mail.gmail.com>",
            "Anna Novak <anna.novak@example.com>",
            "Registering at the town hall",
            "Dear municipality,\n\nFrom what I read on your website I need an appointment.\n"
            "From Monday on I live at Dorpsstraat 3.\n\nKind regards,\nAnna",
        )
        + message(
            "1781234567890123457",
            "Mon Nov 02 14:40:00",
            "<CAGm-2@mail.gmail.com>",
            "Piet de Boer <piet.deboer@example.com>",
            "Lantaarnpaal kapot",
            "Goedemiddag,\n\nDe lantaarnpaal voor nummer 8 is al een week kapot.\n\nPiet",
        )
    ).encode()


def mutt() -> bytes:
    def message(sender: str, date: str, mid: str, subject: str, body: str) -> bytes:
        quoted = "".join(
            (">" + line if line.lstrip(">").startswith("From ") else line)
            for line in body.splitlines(keepends=True)
        ).encode()
        lines = quoted.count(b"\n")
        return (
            f"From {sender} {date}\n"
            f"Return-Path: <{sender}>\n"
            f"Date: Tue, 3 Nov 2026 {date[11:19]} +0100\n"
            f"From: {sender}\n"
            "To: info@gemeente-voorbeeld.nl\n"
            f"Message-ID: {mid}\n"
            f"Subject: {subject}\n"
            "Status: RO\n"
            f"Content-Length: {len(quoted)}\n"
            f"Lines: {lines}\n"
            "\n"
        ).encode() + quoted + b"\n"

    return message(
        "sanne@example.nl",
        "Tue Nov  3 09:00:00 2026",
        "<mutt-1@example.nl>",
        "Paspoort verlengen",
        "Goedemorgen,\n\nMijn paspoort verloopt.\nFrom de website snap ik niet wat ik moet doen.\n"
        "\nSanne\n",
    ) + message(
        "kees@example.nl",
        "Tue Nov  3 09:45:00 2026",
        "<mutt-2@example.nl>",
        "Afval",
        "De container is niet geleegd.\n",
    )


def mboxcl2() -> bytes:
    forwarded = (
        b"Zie het doorgestuurde bericht hieronder.\n\n"
        b"From jan@example.nl Sun Nov  1 09:00:00 2026\n"
        b"Subject: Klacht over de stoep\n\n"
        b"De stoep is gevaarlijk.\n"
    )
    first = (
        b"From lisa@example.nl Wed Nov  4 10:00:00 2026\n"
        b"From: lisa@example.nl\nSubject: Doorgestuurd: klacht\n"
        b"Message-ID: <cl2-1@example.nl>\n"
        + f"Content-Length: {len(forwarded)}\n\n".encode()
        + forwarded
        + b"\n"
    )
    wrong = (
        b"From tom@example.nl Wed Nov  4 11:00:00 2026\n"
        b"From: tom@example.nl\nSubject: Verkeerde lengte\nMessage-ID: <cl2-2@example.nl>\n"
        b"Content-Length: 9999\n\nDeze lengte klopt niet; Loket leest regel voor regel.\n\n"
    )
    last = (
        b"From eva@example.nl Wed Nov  4 12:00:00 2026\n"
        b"From: eva@example.nl\nSubject: Laatste\nMessage-ID: <cl2-3@example.nl>\n\nTot ziens.\n"
    )
    return first + wrong + last


if __name__ == "__main__":
    (HERE / "thunderbird.mbox").write_bytes(thunderbird())
    (HERE / "gmail-takeout.mbox").write_bytes(gmail())
    (HERE / "mutt.mbox").write_bytes(mutt())
    (HERE / "mboxcl2.mbox").write_bytes(mboxcl2())

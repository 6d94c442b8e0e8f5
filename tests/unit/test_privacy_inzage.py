"""The AVG inzage holds one resident's data and nobody else's: in a case two residents share,
the other's messages are left out and their names, addresses and numbers redacted, with the
ground, checked on the raw bytes of every exported file. Files that cannot be included are
listed with the reason and make the command fail; the folder is written atomically and
privately."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from inbox.channels.imports.eml import import_bytes
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, Direction, IncomingMessage
from inbox.privacy import subject
from inbox.services import Loket
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at
from tests.unit.test_cli import loket as cli

JAN = ("Jan Bakker", "jan.bakker@example.nl", "06-11112222", "111222333", "Kruisbessenstruik")
PETRA = ("Petra Vos", "petra.vos@example.org", "06-33334444", "123456782", "Zonnebloemveld")


def _mail(who: tuple[str, ...], subject_line: str, day: int) -> bytes:
    name, address, phone, bsn, phrase = who
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>"
    msg["To"] = "info@gemeente-voorbeeld.nl"
    msg["Subject"] = subject_line
    msg["Date"] = format_datetime(at(day))
    msg["Message-ID"] = f"<{day}.{len(name)}@mail.example.net>"
    msg.set_content(
        f"Beste gemeente,\n\nHet gaat om de {phrase}. Mijn BSN is {bsn}, bel {phone}.\n\n"
        f"Groet,\n{name}\n"
    )
    msg.add_attachment(f"Foto van de {phrase}".encode(), maintype="text", subtype="plain",
                       filename=f"{phrase}.txt")
    return bytes(msg)


def _bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _identifiers(who: tuple[str, ...]) -> list[bytes]:
    name, address, phone, bsn, phrase = who
    first, last = name.split()
    digits = phone.replace("-", "")[2:]
    return [s.encode() for s in (first, last, address, digits, bsn, phrase)]


@pytest.fixture
def shared(loket: Loket) -> Iterator[tuple[Loket, str]]:
    """Jan's case, in which Petra wrote too; notes about each; a reply to each."""
    add_staff(loket)
    act_as(loket, "anne")
    first = import_bytes(loket, _mail(JAN, "Lekkage in de flat", 2))
    ref = str(first.reference)
    joined = import_bytes(loket, _mail(PETRA, f"Re: [{ref}] Lekkage in de flat", 3))
    assert joined.reference == ref  # one case, two residents
    loket.add_note(ref, f"{PETRA[0]} ({PETRA[2]}, BSN {PETRA[3]}) belde ook over het lek.")
    loket.add_note(ref, "Teruggebeld, loodgieter komt dinsdag.")
    for who in (JAN, PETRA):
        loket.receive(
            IncomingMessage(
                Channel.EMAIL, at(4), direction=Direction.OUTBOUND,
                sender="info@gemeente-voorbeeld.nl", sender_name="Anne de Vries",
                recipients=who[1], subject=f"Re: [{ref}] Lekkage in de flat",
                body_text=f"Beste {who[0]}, de loodgieter komt dinsdag.",
            )
        )
    act_as(loket, "arjen")
    yield loket, ref


def test_an_inzage_for_one_resident_of_a_shared_case_holds_nothing_of_the_other(
    shared: tuple[Loket, str], tmp_path: Path
) -> None:
    loket, ref = shared
    for me, other in ((JAN, PETRA), (PETRA, JAN)):
        out = tmp_path / me[0].split()[0]
        done = subject.export_subject(loket, me[1], out)
        everything = _bytes(out)
        for value in _identifiers(other):
            assert value not in everything, (me[0], value)
        name, address, _, bsn, phrase = me
        for value in (name, address, bsn, phrase):  # their own data is all there
            assert value.encode() in everything, (me[0], value)
        assert done.left_out >= 2 and done.complete  # the other's message and reply at least
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
        assert [c["zaak"] for c in index["zaken"]] == [ref] and index["zaken"][0]["gedeeld"]
        left = index["niet_opgenomen"][0]
        assert left["zaak"] == ref and left["berichten"] == 2 and "15 lid 4" in left["grond"]
        mine = [m for m in index["berichten"] if m["richting"] == "van inwoner"]
        assert len(mine) == 1 and len(index["berichten"]) == 2  # theirs and the reply to them
        summary = (out / "samenvatting.html").read_text(encoding="utf-8")
        assert "Gegevens van anderen" in summary and "niet opgenomen" in summary
    # Jan's inzage keeps the note about Petra with her details redacted (it is in his case)
    jan = json.loads((tmp_path / "Jan" / "index.json").read_text(encoding="utf-8"))
    about_petra = [n["tekst"] for n in jan["notities"] if "belde ook" in n["tekst"]]
    assert about_petra and subject.REDACTED in about_petra[0] and jan["weggelakt"] >= 3
    # Petra's has the note about her as it is, not the note of Jan's case that is not about her
    petra = json.loads((tmp_path / "Petra" / "index.json").read_text(encoding="utf-8"))
    assert [n["tekst"] for n in petra["notities"]] == [
        f"{PETRA[0]} ({PETRA[2]}, BSN {PETRA[3]}) belde ook over het lek."
    ]
    assert petra["niet_opgenomen"][0]["notities"] == 1


def test_the_inzage_says_where_loket_keeps_data_and_who_processed_it(
    shared: tuple[Loket, str], tmp_path: Path
) -> None:
    loket, ref = shared
    act_as(loket, "anne")
    loket.case_detail(ref)
    act_as(loket, "arjen")
    subject.export_subject(loket, JAN[1], tmp_path / "jan")
    index = json.loads((tmp_path / "jan" / "index.json").read_text(encoding="utf-8"))
    places = {w["plaats"]: w["aantal"] for w in index["waar_bewaard"]}
    assert places["Notities van medewerkers"] == 2 and places["Uw naam"] == 1
    assert any("verwerkingenlogboek" in p for p in places)
    read = [a for a in index["auditregels"] if a["action"] == "case.read"]
    assert read and read[0]["actie"] == "Zaak bekijken" and read[0]["actor"] == "anne"
    assert any(v["handeling"] == "ingezien" for v in index["verwerkingen"])


def test_the_inzage_is_the_archivaris_own_and_is_audited_and_logged(
    shared: tuple[Loket, str], tmp_path: Path
) -> None:
    loket, _ = shared
    for login in ("anne", "bea", "tineke"):
        act_as(loket, login)
        with pytest.raises(PermissionDenied):
            subject.export_subject(loket, JAN[1], tmp_path / login)
        assert not (tmp_path / login).exists()
    act_as(loket, "arjen")
    done = subject.export_subject(loket, JAN[1], tmp_path / "ok")
    entries = loket.store.audit.entries([done.contact_id])
    export = [e for e in entries if e["action"].startswith("avg.export")]
    assert export and export[0]["actor"] == "arjen" and export[0]["result"] == "ok"
    refused = {e["actor"] for e in loket.store.audit.entries() if e["result"] == "geweigerd"}
    assert {"anne", "bea", "tineke"} <= refused


def test_the_export_is_atomic_private_and_never_over_existing_content(
    shared: tuple[Loket, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loket, _ = shared
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "iets.txt").write_text("van iemand anders")
    with pytest.raises(InvalidInput, match="niet leeg"):
        subject.export_subject(loket, JAN[1], busy)
    assert [p.name for p in busy.iterdir()] == ["iets.txt"]

    def broken(data: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(subject, "summary_html", broken)
    with pytest.raises(Exception, match="schijf is vol"):
        subject.export_subject(loket, JAN[1], tmp_path / "half")
    assert not (tmp_path / "half").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".half")]
    monkeypatch.undo()
    out = tmp_path / "heel"
    subject.export_subject(loket, JAN[1], out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in out.rglob("*") if p.is_file())


def test_missing_originals_and_attachments_are_listed_and_the_command_fails(
    tmp_path: Path,
) -> None:
    db = tmp_path / "m.db"
    loket = Loket.open(db)
    add_staff(loket)
    act_as(loket, "arjen")
    request = subject.add_request(loket, JAN[1])
    act_as(loket, "anne")
    got = import_bytes(loket, _mail(JAN, "Lekkage", 2))
    original, attachment = (
        loket.db.scalar("SELECT raw_sha256 FROM messages WHERE id = ?", (got.message_id,)),
        loket.db.scalar("SELECT sha256 FROM attachments WHERE message_id = ?", (got.message_id,)),
    )
    loket.blobs.path_for(attachment).unlink()  # gone from the store
    loket.blobs.path_for(original).write_bytes(b"not what was stored")  # damaged
    loket.close()
    out = tmp_path / "inzage"
    run = cli("--db", db, "--user", "arjen", "export", "subject", "--contact", JAN[1],
              "--out", out, "--request", str(request.id), "--json",
              env={"LOKET_PASSWORD": STAFF_PASSWORD})
    assert run.returncode == 1
    assert run.stderr.startswith("loket: de inzage is niet volledig, 2 bestanden ontbreken")
    assert "ontbreekt" in run.stderr and "beschadigd" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    report = json.loads(run.stdout)
    assert report["complete"] is False and len(report["missing"]) == 2
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    reasons = {m["bestand"]: m["reden"] for m in index["ontbrekend"]}
    assert set(reasons) == {"origineel", f"{JAN[4]}.txt"}
    assert "Niet alles kon worden bijgevoegd" in (out / "samenvatting.html").read_text("utf-8")
    assert JAN[4].encode() in _bytes(out)  # the message text itself is there
    again = Loket.open(db)
    try:
        act_as(again, "arjen")
        assert subject.get_request(again, request.id).status == "open"  # not handled yet
    finally:
        again.close()

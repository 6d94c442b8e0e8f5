"""The verklaring van vernietiging of a destruction list, as CSV and as PDF (a document for
people: Dutch dates in Dutch time, inbox/clock.py).

It names what was destroyed by reference, product and Selectielijst result only: no subject, no
name, no address, so the verklaring that is kept forever does not bring back what it destroys.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from inbox import clock
from inbox.archive import selectielijst

GROUND = (
    f"{selectielijst.NAME}, vastgesteld op grond van artikel 5 van de Archiefwet 1995; "
    "vernietiging volgens artikel 8 van het Archiefbesluit 1995."
)

COLUMNS = (
    "zaaknummer",
    "product",
    "resultaat",
    "omschrijving resultaat",
    "waardering",
    "bewaartermijn",
    "geopend",
    "afgerond",
    "vernietigingsdatum",
    "uitkomst",
    "toelichting",
)


@dataclass(frozen=True)
class Item:
    """One case of a destruction list, as the list and its verklaring name it."""

    reference: str
    product: str | None
    result_code: str
    result_name: str
    waardering: str
    bewaartermijn: str
    opened_on: str
    closed_on: str
    destroy_date: str
    state: str  # voorgesteld, vernietigd, overgeslagen, verwijderd
    note: str | None

    @property
    def result(self) -> tuple[str, str, str, str]:
        """The Selectielijst result it was kept under, as both documents show it: code,
        description, waardering and bewaartermijn."""
        return (self.result_code, self.result_name, self.waardering, self.bewaartermijn)


@dataclass(frozen=True)
class Header:
    organisation: str
    organisation_id: str
    list_id: int
    proposed: tuple[str, str]  # (who, when)
    reviewed: tuple[str, str]
    approved: tuple[str, str]
    carried_out: tuple[str, str]
    review_note: str


def to_csv(header: Header, lines: list[Item]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS + ("grond", "goedgekeurd door", "goedgekeurd op", "uitgevoerd op"))
    for line in lines:
        writer.writerow(
            (
                line.reference,
                line.product,
                *line.result,
                clock.shown_date(line.opened_on),
                clock.shown_date(line.closed_on),
                clock.shown_date(line.destroy_date),
                line.state,
                line.note,
                GROUND,
                header.approved[0],
                clock.shown_time(header.approved[1]),
                clock.shown_time(header.carried_out[1]),
            )
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8


def _latin(text: str) -> str:
    """The PDF core fonts speak Latin-1; replace what they cannot show."""
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
    return text.encode("latin-1", "replace").decode("latin-1")


def to_pdf(header: Header, lines: list[Item]) -> bytes:
    from fpdf import FPDF  # imported here: it pulls in Pillow, which start-up does not need

    destroyed = [line for line in lines if line.state == "vernietigd"]
    others = [line for line in lines if line.state != "vernietigd"]
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(
        clock.parse(header.carried_out[1]) if header.carried_out[1] else datetime(2000, 1, 1)
    )
    pdf.set_title(_latin(f"Verklaring van vernietiging - lijst {header.list_id}"))
    pdf.set_author(_latin(header.organisation))
    pdf.set_creator("Loket")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _latin("Verklaring van vernietiging"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    org = header.organisation + (f" ({header.organisation_id})" if header.organisation_id else "")
    intro = (
        f"{org} verklaart dat de hieronder genoemde {len(destroyed)} zaken van het "
        f"klantcontactcentrum, met alle berichten, bijlagen en notities, zijn vernietigd "
        f"volgens vernietigingslijst {header.list_id}.\nGrond: {GROUND}"
    )
    pdf.multi_cell(0, 5, _latin(intro), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for label, (who, when) in (
        ("Voorgesteld door", header.proposed),
        ("Beoordeeld door", header.reviewed),
        ("Goedgekeurd door (archivaris)", header.approved),
        ("Uitgevoerd door", header.carried_out),
    ):
        pdf.cell(70, 5, _latin(label + ":"))
        pdf.cell(0, 5, _latin(f"{who}, {clock.shown_time(when)}"), new_x="LMARGIN",
                 new_y="NEXT")
    if header.review_note:
        pdf.multi_cell(
            0,
            5,
            _latin(f"Opmerking beoordelaar: {header.review_note}"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(3)
    widths = (34, 48, 16, 70, 10, 18, 22, 22, 26)
    heads = (
        "Zaaknummer",
        "Product",
        "Resultaat",
        "Omschrijving",
        "W",
        "Termijn",
        "Afgerond",
        "Vernietigd na",
        "Uitkomst",
    )

    def table(rows: list[Item]) -> None:
        pdf.set_font("Helvetica", "B", 8)
        for width, head in zip(widths, heads, strict=True):
            pdf.cell(width, 6, _latin(head), border=1)
        pdf.ln()
        pdf.set_font("Helvetica", "", 8)
        for line in rows:
            values = (
                line.reference,
                line.product or "-",
                *line.result,
                clock.shown_date(line.closed_on),
                clock.shown_date(line.destroy_date),
                line.state,
            )
            for width, value in zip(widths, values, strict=True):
                text = _latin(value)
                while text and pdf.get_string_width(text) > width - 2:
                    text = text[:-1]
                pdf.cell(width, 5, text, border=1)
            pdf.ln()

    table(destroyed)
    if others:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(
            0,
            6,
            _latin("Niet vernietigd (van de lijst gehaald of overgeslagen)"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        table(others)
        pdf.set_font("Helvetica", "", 8)
        for line in others:
            if line.note:
                pdf.multi_cell(
                    0, 4, _latin(f"{line.reference}: {line.note}"), new_x="LMARGIN", new_y="NEXT"
                )
    return bytes(pdf.output())

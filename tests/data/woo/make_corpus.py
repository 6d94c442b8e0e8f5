"""Writes corpus.json: synthetic messages to a municipality, each with the personal data it holds.

Every value is made up (BSNs and IBANs are generated to pass their checks, phone numbers are
valid numbers of unassigned-looking ranges, names are common Dutch first names and surnames
combined at random). The forms are the ones residents really use: groupings, case, non-breaking
spaces, obfuscated addresses, names in the body. Run `python tests/data/woo/make_corpus.py` to
write it again (deterministic).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import phonenumbers

HERE = Path(__file__).resolve().parent
NBSP, NNBSP = "\u00a0", "\u202f"

FIRST = (
    "Jan Piet Kees Henk Willem Daan Sem Lucas Finn Bram Thijs Ruben Jesse Lars Tim Sander Joost "
    "Maarten Pieter Gerrit Hendrik Cornelis Anna Emma Sophie Julia Lotte Sanne Eva Fleur Lisa "
    "Iris Femke Marieke Ingrid Anouk Esther Annelies Petra Marloes Wilma Gerda Johanna Ahmed "
    "Mohammed Fatima Yasmina Mehmet Ayse Priya Wei Olga"
).split()
SURNAMES = (
    "Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|"
    "Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|"
    "van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|"
    "de Bruijn|de Jong|Schouten|Willems|Hoekstra|Koster|Prins|Huisman|Post|Kuipers|Verhoeven|"
    "Yilmaz|El Amrani|Kaya|Wiersma|Postma|Boersma|Veenstra|Kramer|van Dam"
).split("|")
STREETS = (
    "Kerkstraat|Dorpsstraat|Molenweg|Stationsplein|Julianalaan|Beatrixstraat|Oranjestraat|"
    "Schoolstraat|Nieuwe Gracht|Prinsengracht|Lindelaan|Eikenlaan|Populierendreef|Wilhelminapark|"
    "Burgemeester de Withstraat|Koningin Julianaplein|Kastanjehof|Zuiderkade|Havenweg|Vismarkt|"
    "Laan van Meerdervoort|Oude Singel|Rozensteeg|Berkenpad|Noorderdijk"
).split("|")
PLACES = (
    "Utrecht|Amersfoort|Zwolle|Deventer|Leeuwarden|Groningen|Assen|Haarlem|Leiden|Delft|"
    "Gouda|Breda|Tilburg|Eindhoven|Nijmegen|Arnhem|Apeldoorn|Enschede|Hengelo|Almere"
).split("|")
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"


def bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


def iban(rng: random.Random, country: str = "NL") -> str:
    if country == "NL":
        bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"])
        body = bank + "".join(str(rng.randrange(10)) for _ in range(10))
    elif country == "BE":
        body = "".join(str(rng.randrange(10)) for _ in range(12))
    else:  # DE
        body = "".join(str(rng.randrange(10)) for _ in range(18))
    moved = body + country + "00"
    check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
    return f"{country}{check:02d}{body}"


def group(value: str, size: int, sep: str) -> str:
    return sep.join(value[i : i + size] for i in range(0, len(value), size))


def phone(rng: random.Random) -> tuple[str, str]:
    """(number as written, its kind of writing)"""
    while True:
        style = rng.randrange(16)
        mobile = "6" + str(rng.randrange(1, 6)) + "".join(str(rng.randrange(10)) for _ in range(7))
        land = rng.choice(["20", "10", "30", "50", "70", "40", "53", "58", "570", "320", "418"])
        rest = "".join(str(rng.randrange(10)) for _ in range(9 - len(land)))
        if rest[0] in "01":
            continue
        national = [mobile, land + rest][style % 2]
        region = "NL"
        if style == 0:
            text = "0" + national
        elif style == 1:
            text = f"0{land}-{rest}"
        elif style == 2:
            text = f"06-{mobile[1:]}"
        elif style == 3:
            text = f"06 {group(mobile[1:], 2, ' ')}"
        elif style == 4:
            text = f"+31 6 {mobile[1:]}"
        elif style == 5:
            text = f"({'0' + land}) {rest[:3]} {rest[3:]}"
        elif style == 6:
            text = f"+31 (0)6 {mobile[1:5]} {mobile[5:]}"
        elif style == 7:
            text = f"0031 {land} {rest}"
        elif style == 8:
            text = f"06{NBSP}{mobile[1:5]}{NBSP}{mobile[5:]}"
        elif style == 9:
            text = f"0{land}.{rest[:3]}.{rest[3:]}"
        elif style == 10:
            text = f"06 - {mobile[1:3]} {mobile[3:5]} {mobile[5:7]} {mobile[7:]}"
        elif style == 11:
            text = f"+31{NNBSP}{land}{NNBSP}{rest}"
        elif style == 12:
            region, text = (
                "BE",
                "+32 4"
                + str(rng.randrange(70, 99))
                + " "
                + group("".join(str(rng.randrange(10)) for _ in range(6)), 2, " "),
            )
        elif style == 13:
            region, text = "DE", "+49 30 " + "".join(str(rng.randrange(1, 10)) for _ in range(8))
        elif style == 14:
            region, text = "GB", "+44 7700 9" + "".join(str(rng.randrange(10)) for _ in range(5))
        else:
            region, text = "DE", "0049 151 " + "".join(str(rng.randrange(10)) for _ in range(8))
        try:
            parsed = phonenumbers.parse(text, "NL")
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(parsed)
            and phonenumbers.region_code_for_number(parsed) == region
        ):
            return text, f"style-{style}"


def email(rng: random.Random, first: str, last: str) -> str:
    local = (
        rng.choice(
            [
                f"{first}.{last}",
                f"{first[0]}.{last}",
                f"{first}{last}",
                f"{first}_{last}",
                f"{last}.{first[0]}",
                f"{first}.{last}+gemeente",
            ]
        )
        .lower()
        .replace(" ", "")
    )
    domain = rng.choice(
        [
            "example.nl",
            "voorbeeld.nl",
            "mail.example.com",
            "posteo.example",
            "example.org",
            "kpnmail.example.nl",
        ]
    )
    style = rng.randrange(14)
    if style == 0:
        return f"{local}@{domain}"
    if style == 1:
        return f"{local} [at] {domain.replace('.', ' [dot] ')}"
    if style == 2:
        return f"{local}(at){domain}"
    if style == 3:
        return f"{local} at {domain.replace('.', ' dot ')}"
    if style == 4:
        return f"{local}@{domain}".upper()
    if style == 5:
        return f"{local} @ {domain}"
    if style == 6:
        return f"jürgen.{last.lower().replace(' ', '')}@müller-bäckerei.de"
    if style == 7:
        return f"{local}@xn--mller-kva.example"
    if style == 8:
        return f"{local}{{at}}{domain.replace('.', '{dot}')}"
    if style == 9:
        return f"{local}＠{domain}"
    if style == 10:
        return f"{local} apenstaartje {domain.replace('.', ' punt ')}"
    if style == 11:
        return f"{local}[@]{domain}"
    if style == 12:
        return f"zoë.{last.lower().replace(' ', '')}@exämple.nl"
    return f"{local}@{domain}"


def birth(rng: random.Random) -> str:
    d, m, y = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(1935, 2008)
    return rng.choice(
        [
            f"{d:02d}-{m:02d}-{y}",
            f"{d}-{m}-{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{d}.{m}.{y}",
            f"{d} {MONTHS.split()[m - 1]} {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d} {MONTHS.split()[m - 1][:3]} {y}",
        ]
    )


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(SURNAMES)


def full(first: str, last: str) -> str:
    """'Lotte van der Veen' (the particle stays small after a first name)."""
    return f"{first} {last}"


def alone(last: str) -> str:
    """'meneer Van der Veen' (alone, the particle is written with a capital)."""
    return last[0].upper() + last[1:]


def forms(rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(text: str, values: list[tuple[str, str]], known: list[str] | None = None) -> None:
        for _kind, value in values:
            assert value in text, (value, text)
        out.append(
            {
                "text": text,
                "known_names": known or [],
                "expect": [{"kind": k, "value": v} for k, v in values],
            }
        )

    # BSN in every grouping
    bsn_forms = [
        lambda b: b,
        lambda b: f"{b[:4]}.{b[4:6]}.{b[6:]}",
        lambda b: f"{b[:3]}.{b[3:6]}.{b[6:]}",
        lambda b: f"{b[:3]} {b[3:6]} {b[6:]}",
        lambda b: f"{b[:3]}-{b[3:6]}-{b[6:]}",
        lambda b: f"{b[:4]} {b[4:6]} {b[6:]}",
        lambda b: f"{b[:2]} {b[2:4]} {b[4:6]} {b[6:]}",
        lambda b: f"{b[:3]}{NBSP}{b[3:6]}{NBSP}{b[6:]}",
        lambda b: f"{b[:4]}-{b[4:6]}-{b[6:]}",
        lambda b: b.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ]
    bsn_templates = [
        "Mijn BSN is {v}.",
        "Burgerservicenummer: {v}\nGraag snel antwoord.",
        "Hierbij mijn gegevens (bsn {v}) voor de aanvraag.",
        "BSN-nummer {v}, zie bijlage.",
        "{v} is het burgerservicenummer van mijn vader.",
        "U kunt mij vinden onder nummer {v} in de BRP.",
    ]
    for i in range(30):
        v = bsn_forms[i % len(bsn_forms)](bsn(rng))
        add(rng.choice(bsn_templates).format(v=v), [("bsn", v)])

    # IBAN in any case and grouping
    iban_forms = [
        lambda x: x,
        lambda x: x.lower(),
        lambda x: group(x, 4, " "),
        lambda x: group(x, 4, " ").lower(),
        lambda x: f"{x[:2]} {x[2:4]} {group(x[4:], 4, ' ')}",
        lambda x: group(x, 4, "-"),
        lambda x: group(x, 4, "."),
        lambda x: x[:2] + x[2:8].lower() + x[8:],
        lambda x: group(x, 4, NBSP),
        lambda x: x[:2].lower() + x[2:],
    ]
    iban_templates = [
        "Graag terugstorten op {v} t.n.v. de aanvrager.",
        "IBAN: {v}\nAlvast bedankt.",
        "Mijn rekeningnummer is {v}.",
        "Het geld mag naar rekening {v} (ten name van mij).",
        "Stort de vergoeding op {v}, dank u.",
    ]
    for i in range(30):
        country = "NL" if i % 5 else rng.choice(["BE", "DE"])
        v = iban_forms[i % len(iban_forms)](iban(rng, country))
        add(rng.choice(iban_templates).format(v=v), [("iban", v)])

    # e-mail addresses, internationalised and disguised
    email_templates = [
        "U kunt mij mailen op {v}.",
        "Mijn nieuwe mailadres is {v} — graag dat gebruiken.",
        "Stuur de beschikking naar {v} aub",
        "Contact: {v}\nBedankt!",
        "Mijn dochter heeft {v} als adres, zij regelt het verder.",
    ]
    for _ in range(30):
        first, last = person(rng)
        v = email(rng, first, last)
        add(rng.choice(email_templates).format(v=v), [("email", v)])

    # phone numbers, Dutch and international
    phone_templates = [
        "Bel mij op {v}.",
        "Telefoon: {v}\nIk ben overdag bereikbaar.",
        "U kunt mij bereiken op {v} na 17.00 uur.",
        "Mijn mobiel is {v}, of laat een bericht achter.",
        "Terugbellen graag naar {v} (mijn buurman).",
        "tel. {v}",
    ]
    for _ in range(32):
        v, _style = phone(rng)
        add(rng.choice(phone_templates).format(v=v), [("telefoon", v)])

    # addresses: street + number, postcode
    for i in range(24):
        street = rng.choice(STREETS)
        number = rng.choice(
            [
                str(rng.randrange(1, 250)),
                f"{rng.randrange(1, 90)}a",
                f"{rng.randrange(1, 90)}-2",
                f"{rng.randrange(1, 90)} B",
            ]
        )
        postcode = f"{rng.randrange(1000, 9999)}{rng.choice(['', ' '])}" + "".join(
            rng.choice("ABCDEFGHJKLMNPRTVWXZ") for _ in range(2)
        )
        if i % 4 == 3:
            postcode = postcode.lower()
        place = rng.choice(PLACES)
        a, p = f"{street} {number}", postcode
        template = rng.choice(
            [
                "Ik woon op {a}, {p} {c}.",
                "Adres: {a}\n{p}  {c}",
                "De lantaarnpaal voor {a} ({p} {c}) is kapot.",
                "Mijn nieuwe adres is {a} in {c}, postcode {p}.",
            ]
        )
        add(template.format(a=a, p=p, c=place), [("adres", a), ("postcode", p)])

    # dates of birth
    birth_templates = [
        "Geboren op {v} te {c}.",
        "Geboortedatum: {v}",
        "Mijn moeder (geb. {v}) woont bij mij in.",
        "geb.datum {v}, BRP-gegevens zijn bekend",
        "Ik ben geboren {v} en woon sinds kort hier.",
    ]
    for _ in range(20):
        v = birth(rng)
        add(rng.choice(birth_templates).format(v=v, c=rng.choice(PLACES)), [("geboortedatum", v)])

    # names: the resident (known to Loket) and third parties in the body (not known)
    third_templates = [
        "Mijn buurvrouw {n} heeft hetzelfde probleem.",
        "Namens mijn vader, {n}, wil ik bezwaar maken.",
        "Ik heb eerder gesproken met {n} van uw afdeling.",
        "De eigenaar, meneer {l}, reageert niet.",
        "Mevrouw {l} van nummer 14 klaagt ook over de overlast.",
        "Mijn zoon {n} komt het pasje ophalen.",
        "Ik heb dit met {n} besproken, zij is mijn mantelzorger.",
        "Groeten ook van {n} (mijn partner).",
    ]
    for i in range(40):
        first, last = person(rng)
        name = full(first, last)
        template = third_templates[i % len(third_templates)]
        shown = alone(last) if "{l}" in template else name
        text = template.format(n=name, l=shown)
        add(text, [("naam", shown)])
    for i in range(20):
        first, last = person(rng)
        name = full(first, last)
        sign = rng.choice([name, f"{first[0]}. {alone(last)}", name.upper()])
        text = rng.choice(
            [
                "Beste gemeente,\n\nDe container is niet geleegd.\n\nMet vriendelijke groet,\n{s}",
                "Goedemiddag,\nKunt u mij laten weten wanneer de vergunning klaar is?\nGroet, {s}",
                "Hallo,\nIk wacht al drie weken op antwoord.\n{s}",
            ]
        ).format(s=sign)
        known = [name] if i % 3 else [f"{first.lower()}.{last.lower().replace(' ', '')}@example.nl"]
        add(text, [("naam", sign)], known)
    # harder forms, as residents write them (informal, hyphenated, initials, other origins)
    hard = [
        ("groetjes, sanne", "sanne"),
        ("T.a.v. mevrouw A.M. Jansen-de Vries", "A.M. Jansen-de Vries"),
        ("Mijn schoonmoeder, mevr. Yilmaz-Kaya, is ziek.", "Yilmaz-Kaya"),
        ("De huurder is dhr. Mehmet Öztürk.", "Mehmet Öztürk"),
        ("Ondertekend: W.J. van der Linden", "W.J. van der Linden"),
        ("Kind: Noah (8 jaar) gaat naar groep 5.", "Noah"),
        ("Namens de VvE, Hendrik Jan Wiersma (voorzitter)", "Hendrik Jan Wiersma"),
        ("Contactpersoon: Priya Ramdin", "Priya Ramdin"),
        ("Hoi! Met Fleur hier, de dochter van mevrouw Dijkstra.", "Fleur"),
        ("Hoi! Met Fleur hier, de dochter van mevrouw Dijkstra.", "Dijkstra"),
        ("mijn buurman kees de jong maakt elke nacht herrie", "kees de jong"),
        ("Graag contact met Dhr. Van Wijk over de subsidie.", "Van Wijk"),
    ]
    for text, name in hard:
        add(text, [("naam", name)])
    return out


def main() -> None:
    rng = random.Random(20261120)
    data = forms(rng)
    path = HERE / "corpus.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data)} forms written to {path}")


if __name__ == "__main__":
    main()

"""Realistic, deterministic demo data: a year of a small Dutch municipality's KCC inbox.

`build(loket, cases, seed)` plays a simulated year (the twelve months before ANCHOR) through the
real services: e-mails are built as RFC 5322 bytes and go through the .eml importer, phone calls
and counter visits through `log_contact`, social messages through `receive`, and staff assign,
answer, note and close as themselves. `loket.now` follows a simulated clock, so every stored time
is simulated too. The same seed and number of cases give the same database content.

All people, addresses, numbers and handles are synthetic (example.nl, voorbeeld.nl, mail.test,
social.example).
"""

from __future__ import annotations

import base64
import html
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from inbox.addresses import address_for
from inbox.channels.imports.eml import import_bytes
from inbox.model import Channel, Direction, IncomingMessage, Role, Status
from inbox.services import Loket, Received
from inbox.threading import normalize_subject

TZ = ZoneInfo("Europe/Amsterdam")
ANCHOR = datetime(2026, 11, 15, 9, 0, tzinfo=TZ)
"""The simulated 'now' at the end of the demo year."""
START = ANCHOR - timedelta(days=365)

MUNICIPALITY = "Gemeente Voorbeeld"
INFO_ADDRESS = "info@gemeente-voorbeeld.nl"
MASTODON_ACCOUNT = "@gemeentevoorbeeld@social.example"
WHATSAPP_NUMBER = "+31201234567"
FACEBOOK_PAGE = "gemeentevoorbeeld"
TOWN = "Voorbeeld"

STAFF: tuple[tuple[str, str, Role], ...] = (
    ("anne", "Anne de Vries", Role.MEDEWERKER),
    ("bram", "Bram Visser", Role.MEDEWERKER),
    ("carla", "Carla Jansen", Role.MEDEWERKER),
    ("tineke", "Tineke Leeuw", Role.TEAMLEIDER),
    ("arjen", "Arjen Smit", Role.ARCHIVARIS),
    ("bea", "Bea Kok", Role.BEHEERDER),
)
AGENTS = ("anne", "bram", "carla")
TEAMLEIDER = "tineke"
DISPLAY = {name: display for name, display, _ in STAFF}

CHANNEL_SHARES: tuple[tuple[Channel, float], ...] = (
    (Channel.EMAIL, 0.55),
    (Channel.PHONE, 0.25),
    (Channel.COUNTER, 0.10),
    (Channel.MASTODON, 0.04),
    (Channel.WHATSAPP, 0.04),
    (Channel.FACEBOOK, 0.02),
)
STATUS_SHARES: tuple[tuple[Status, float], ...] = (
    (Status.AFGEROND, 0.60),
    (Status.WACHT_OP_INWONER, 0.15),
    (Status.IN_BEHANDELING, 0.15),
    (Status.NIEUW, 0.10),
)
RETURNING_SHARE = 0.2  # of cases: one resident in five comes back -> ~25% of residents return


# -- scenario data ------------------------------------------------------------------------
#
# Placeholders in the texts: {naam} {voornaam} {achternaam} {adres} {straat} {postcode}
# {woonplaats} {wijk} {telefoon} {dag_vorige_week} {datum_vorige_week} {datum_straks}
# {datum_later} {datum_ver} {jaar} {kenteken} {bedrag} {woz} {aanslag} {bijlage}.


@dataclass(frozen=True)
class Topic:
    key: str
    product: str  # UPL-like product name, for the product/UPL tag
    department: str
    subjects: tuple[str, ...]
    mails: tuple[str, ...]
    phone: tuple[tuple[str, str], ...]  # (what was asked, answer given)
    social: tuple[str, ...]
    asks: tuple[str, ...]  # the municipality asks the resident for something
    supplies: tuple[str, ...]  # the resident's answer to that
    answers: tuple[str, ...]
    outcomes: tuple[str, ...]
    notes: tuple[str, ...] = ()
    attachment: tuple[str, str] | None = None  # (file name, sentence for {bijlage})
    weight: float = 1.0
    months: tuple[int, ...] = ()  # busy months


TOPICS: tuple[Topic, ...] = (
    Topic(
        key="afval-container",
        product="Afvalcontainer",
        department="de afvalinzamelaar",
        subjects=("Container niet geleegd", "GFT-bak niet opgehaald {straat}",
                  "Papiercontainer overgeslagen", "grijze container weer vergeten!!"),
        mails=(
            "Geachte heer/mevrouw,\n\nAfgelopen {dag_vorige_week} is onze grijze container aan de "
            "{adres} niet geleegd, terwijl hij gewoon op tijd aan de straat stond (om 7 uur al). "
            "De container van de buren is wel geleegd. Kunt u ervoor zorgen dat hij alsnog wordt "
            "opgehaald?{bijlage}\n\nMet vriendelijke groet,\n\n{naam}\n{adres}\n{postcode} "
            "{woonplaats}",
            "Hoi,\n\nvoor de 2e keer deze maand is de gft bak niet geleegd. Hij staat nu weer "
            "vol en "
            "het begint echt te stinken met dit weer. wanneer komen jullie langs?{bijlage}\n\ngr "
            "{voornaam}",
            "Goedemiddag,\n\nIk wil graag melden dat de papiercontainer bij ons ({adres}) vorige "
            "week is overgeslagen. De wagen reed wel door de straat. Ik heb via de afvalapp al een "
            "melding gedaan maar daar niks meer op gehoord.\n\nIs het mogelijk om de container "
            "deze "
            "week alsnog te legen? Anders moet ik 4 weken wachten en dat past echt niet.{bijlage}"
            "\n\nMet vriendelijke groet,\n{naam}",
        ),
        phone=(
            ("Inwoner belt: grijze container {adres} is {dag_vorige_week} niet geleegd. Stond op "
             "tijd buiten volgens inwoner.",
             "Melding doorgezet naar de inzamelaar, container wordt binnen twee werkdagen alsnog "
             "geleegd."),
            ("Mevrouw meldt dat de GFT-container al twee keer is overgeslagen ({straat}).",
             "Uitgelegd dat de chip mogelijk niet goed gelezen wordt; melding gemaakt bij de "
             "inzamelaar."),
        ),
        social=(
            "@gemeentevoorbeeld onze container in de {straat} is alweer niet geleegd 🙄 wanneer "
            "komen jullie?",
            "Hallo, de grijze bak op {adres} is vandaag overgeslagen. Kan er nog iemand langs?",
        ),
        asks=("Om de melding goed door te geven hebben wij nog wat informatie nodig: om welke "
              "container gaat het (grijs, groen of blauw) en stond de container met de handgreep "
              "naar de straat? Een foto helpt ons ook.",),
        supplies=("Het gaat om de grijze container en ja, de handgreep stond naar de straat.",
                  "Het is de groene (gft). Hij stond er om half 8 al."),
        answers=(
            "Wij hebben uw melding doorgegeven aan de inzamelaar. Uw container wordt binnen twee "
            "werkdagen alsnog geleegd. Wilt u hem tot die tijd aan de straat laten staan?",
            "Navraag bij de inzamelaar leert dat de chip van uw container niet werd herkend. De "
            "chip is opnieuw geregistreerd en uw container is vandaag alsnog geleegd.",
        ),
        outcomes=("Melding doorgezet naar de inzamelaar; container alsnog geleegd.",
                  "Chip van de container opnieuw geregistreerd; container geleegd."),
        notes=("Inzamelaar bevestigt dat de wagen in de {straat} een storing had.",
               "Derde melding van dit adres dit jaar, gevraagd of de chip vervangen kan worden."),
        attachment=("foto-container.jpg", " Ik heb een foto van de volle container meegestuurd."),
        weight=1.6,
    ),
    Topic(
        key="afval-grofvuil",
        product="Grofvuil",
        department="de afvalinzamelaar",
        subjects=("Ophalen oude bank en matras", "afspraak grof vuil", "Grofvuil niet opgehaald",
                  "Grofvuil laten ophalen"),
        mails=(
            "Goedemorgen,\n\nWij gaan verhuizen en willen graag een oude bank, een matras en een "
            "kast laten ophalen. Kan dat nog vóór {datum_straks}? En wat zijn de kosten?\n\nMet "
            "vriendelijke groet,\n{naam}\n{adres}",
            "Hallo,\n\nIk wil grofvuil laten ophalen maar de website doet het niet, ik krijg "
            "steeds "
            "een foutmelding bij het kiezen van een datum. kunnen jullie een afspraak maken? het "
            "gaat om een wasmachine en 2 stoelen.\n\nalvast bedankt\n{voornaam}",
            "Geachte heer/mevrouw,\n\nOp {datum_vorige_week} zou mijn grofvuil worden opgehaald "
            "(afspraak gemaakt via de site). Het staat er nog steeds. Ik heb het netjes om 7 uur "
            "buiten gezet. Wat nu?\n\nMet vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Meneer wil afspraak voor ophalen grofvuil: bankstel en tapijt.",
             "Afspraak ingepland voor {datum_straks}, uitgelegd dat het vóór 7.30 uur buiten moet "
             "staan."),
            ("Inwoner vraagt wat grofvuil ophalen kost.",
             "Eerste 4 keer per jaar gratis, daarna € 25 per keer. Afspraak via de website."),
        ),
        social=("Kan ik via hier een afspraak maken voor grofvuil? Website geeft een error",
                "Grofvuil zou vandaag opgehaald worden maar er is niemand geweest. Staat nog op "
                "de stoep in de {straat}"),
        asks=("Wilt u ons laten weten welke spullen u wilt laten ophalen en welke datum u het "
              "beste uitkomt? Wij plannen dan een afspraak voor u in.",),
        supplies=("Het gaat om een bank, een matras en een kastje. Liefst op een dinsdag.",
                  "Een oude wasmachine en een tuinset. Elke dag is goed."),
        answers=(
            "Wij hebben een afspraak voor u ingepland op {datum_straks}. Wilt u de spullen die "
            "ochtend vóór 7.30 uur aan de straat zetten? Elektrische apparaten graag apart.",
            "Excuus dat uw grofvuil niet is opgehaald. De inzamelaar komt alsnog langs op "
            "{datum_straks}. U hoeft geen nieuwe afspraak te maken.",
        ),
        outcomes=("Afspraak grofvuil ingepland.", "Gemiste ophaalafspraak opnieuw ingepland."),
        notes=("Storing in de afsprakenmodule van de website gemeld bij functioneel beheer.",),
        weight=1.0,
        months=(4, 5, 9, 10),
    ),
    Topic(
        key="afval-pas",
        product="Milieupas",
        department="team Afval",
        subjects=("Pasje milieustraat kwijt", "Milieupas werkt niet",
                  "nieuwe milieupas aanvragen"),
        mails=(
            "Hoi,\n\nik ben mijn pasje voor de milieustraat kwijt geraakt. hoe kom ik aan een "
            "nieuwe? moet ik daarvoor betalen?\n\ngroetjes {voornaam}",
            "Geachte heer/mevrouw,\n\nGisteren werd ik bij de milieustraat geweigerd omdat mijn "
            "pas niet werkt. Ik woon al 20 jaar op de {adres} en heb altijd gewoon afval kunnen "
            "brengen. Ik verzoek u dit z.s.m. op te lossen.\n\nHoogachtend,\n\n{naam}",
            "Goedendag,\n\nWij zijn onlangs verhuisd naar de {adres} en hebben nog geen milieupas "
            "ontvangen. Kunt u die opsturen?\n\nMet vriendelijke groet,\n{naam}",
        ),
        phone=(
            ("Inwoner is milieupas kwijt.",
             "Nieuwe pas aangevraagd (€ 7,50), wordt binnen 5 werkdagen thuisgestuurd."),
            ("Mevrouw nieuw in de gemeente, wil milieupas.",
             "Pas aangevraagd op adres {adres}; wordt automatisch verstuurd."),
        ),
        social=("Waar vraag ik een nieuwe milieupas aan? Kan het niet vinden op de site",),
        asks=("Kunt u ons uw volledige adres en geboortedatum sturen? Dan kunnen wij de pas op "
              "uw naam aanvragen.",),
        supplies=("Mijn adres is {adres}, {postcode} {woonplaats}. Geboortedatum stuur ik liever "
                  "niet per mail, kan ik die telefonisch doorgeven?",),
        answers=(
            "Wij hebben een nieuwe milieupas voor u aangevraagd. U ontvangt de pas binnen vijf "
            "werkdagen op uw huisadres. De oude pas is geblokkeerd.",
            "Uw pas bleek niet gekoppeld aan uw adres. Dat is hersteld: u kunt vanaf morgen weer "
            "terecht bij de milieustraat.",
        ),
        outcomes=("Nieuwe milieupas aangevraagd.", "Koppeling pas-adres hersteld."),
    ),
    Topic(
        key="reisdocument-afspraak",
        product="Paspoort",
        department="team Burgerzaken",
        subjects=("Afspraak paspoort", "ID-kaart aanvragen voor mijn zoon",
                  "Paspoort verloopt, kan ik nog reizen?"),
        mails=(
            "Goedemiddag,\n\nIk wil graag een afspraak maken om een nieuw paspoort aan te vragen. "
            "Online zie ik pas plek over 5 weken en wij gaan op {datum_later} op vakantie. Is er "
            "eerder ruimte?\n\nMet vriendelijke groet,\n{naam}",
            "Hallo,\n\nMoet mijn zoon (9) zelf mee komen voor de aanvraag van zijn ID-kaart? En "
            "moeten we allebei als ouders tekenen?\n\nGroet,\n{naam}",
            "Geachte heer/mevrouw,\n\nMijn paspoort verloopt over twee maanden. Kan ik nog met dit "
            "paspoort naar Turkije reizen of moet ik eerst een nieuwe aanvragen? Welke foto "
            "moet ik meenemen?\n\nBij voorbaat dank,\n\n{naam}",
        ),
        phone=(
            ("Inwoner wil afspraak voor paspoort, online geen plek voor {datum_later}.",
             "Afspraak gemaakt voor {datum_straks} 10.20 uur, pasfoto en oud paspoort meenemen."),
            ("Vraag of kind mee moet bij aanvraag ID-kaart.",
             "Ja, kind moet mee; beide ouders geven toestemming (formulier of samen komen)."),
        ),
        social=("Hoe lang duurt het voordat mijn paspoort klaar is?",
                "Kunnen jullie meer afspraken voor paspoorten openzetten? Alles zit vol tot na de "
                "zomer 😩"),
        asks=("Wilt u ons laten weten voor wie de aanvraag is en welke dagen u kunt? Dan zoeken "
              "wij een afspraak voor u.",),
        supplies=("Het is voor mij en mijn dochter. Ik kan op dinsdag en donderdag.",
                  "Alleen voor mezelf, ik kan elke ochtend."),
        answers=(
            "Wij hebben een afspraak voor u gemaakt op {datum_straks} om 10.20 uur bij de balie "
            "Burgerzaken. Neemt u een recente pasfoto en uw huidige reisdocument mee. Het "
            "document is ongeveer vijf werkdagen na de aanvraag klaar.",
            "Uw kind moet bij de aanvraag aanwezig zijn. Beide gezagdragers moeten toestemming "
            "geven; de andere ouder kan dat doen met het toestemmingsformulier op onze website "
            "en een kopie van zijn of haar identiteitsbewijs.",
        ),
        outcomes=("Afspraak reisdocument ingepland.",
                  "Informatie gegeven over aanvraag ID-kaart minderjarige."),
        notes=("Extra afspraakblokken voor de zomer aangevraagd bij de teamleider Burgerzaken.",),
        weight=1.5,
        months=(4, 5, 6, 7),
    ),
    Topic(
        key="reisdocument-kwijt",
        product="Vermissing reisdocument",
        department="team Burgerzaken",
        subjects=("ID kaart verloren wat moet ik doen", "Paspoort gestolen bij inbraak",
                  "Melding vermissing identiteitskaart"),
        mails=(
            "Hoi,\n\nik ben mijn id kaart kwijt, waarschijnlijk verloren in de trein. moet ik "
            "eerst aangifte doen bij de politie of kan dat bij jullie?\n\ngroet {voornaam}",
            "Geachte heer/mevrouw,\n\nBij een inbraak in onze woning aan de {adres} is mijn "
            "paspoort gestolen. Van de politie kreeg ik het advies contact met u op te nemen. "
            "Wat moet ik doen om een nieuw paspoort aan te vragen?\n\nMet vriendelijke groet,\n\n"
            "{naam}",
        ),
        phone=(
            ("Meneer is paspoort kwijt, vraagt hoe te melden.",
             "Vermissing kan aan de balie bij de aanvraag van het nieuwe document; afspraak "
             "gemaakt."),
            ("Inwoner belt namens moeder (87), ID-kaart kwijt.",
             "Uitgelegd dat moeder zelf moet komen of een thuisbezoek kan aanvragen."),
        ),
        social=("Mijn ID-kaart is gestolen, kan ik nog stemmen volgende week?",),
        asks=("Is uw reisdocument verloren of gestolen? Bij diefstal hebben wij het proces-verbaal "
              "van de politie nodig.",),
        supplies=("Het is gestolen, het proces-verbaal heb ik als bijlage toegevoegd.",
                  "Verloren, denk ik. Ik weet het niet precies."),
        answers=(
            "U kunt de vermissing melden aan de balie, tegelijk met de aanvraag van een nieuw "
            "document. Wij hebben een afspraak voor u gemaakt op {datum_straks}. Neemt u een "
            "pasfoto en een ander identiteitsbewijs (bijvoorbeeld rijbewijs) mee.",
            "Aangifte bij de politie is niet nodig bij verlies; bij diefstal wel. De vermissing "
            "meldt u bij ons. Het oude document wordt dan ongeldig verklaard.",
        ),
        outcomes=("Vermissing gemeld en afspraak nieuw document gemaakt.",
                  "Uitleg gegeven over melden vermissing."),
    ),
    Topic(
        key="reisdocument-spoed",
        product="Spoedaanvraag reisdocument",
        department="team Burgerzaken",
        subjects=("SPOED paspoort nodig", "Zo snel mogelijk nieuw paspoort",
                  "Spoedaanvraag paspoort vakantie"),
        mails=(
            "Goedemorgen,\n\nIk vlieg over 4 dagen naar Canada en kom er nu pas achter dat mijn "
            "paspoort verlopen is!! Kan ik een spoedaanvraag doen en hoe snel is het dan klaar? "
            "Graag snel reactie aub.\n\n{naam}\n{telefoon}",
            "Geachte heer/mevrouw,\n\nVoor een onverwachte begrafenis in Suriname moet ik op zeer "
            "korte termijn reizen. Mijn paspoort is verlopen. Is een spoedprocedure mogelijk en "
            "wat zijn daarvan de kosten?\n\nMet vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Inwoner vertrekt {datum_straks}, paspoort verlopen. Wil spoedaanvraag.",
             "Spoedaanvraag uitgelegd (klaar volgende werkdag, toeslag € 57,70); afspraak morgen "
             "9.00 uur gemaakt."),
        ),
        social=("Help, paspoort verlopen en we vliegen zaterdag. Kan dat nog geregeld worden?",),
        asks=("Wanneer vertrekt u precies? Dan kijken wij of een spoedaanvraag nodig is.",),
        supplies=("Mijn vlucht gaat op {datum_straks} om 6 uur 's ochtends.",),
        answers=(
            "Een spoedaanvraag is mogelijk. Als u vóór 12.00 uur aanvraagt, kunt u het paspoort de "
            "volgende werkdag na 14.00 uur ophalen. De spoedtoeslag bedraagt € 57,70. Wij hebben "
            "voor u een afspraak gemaakt op {datum_straks} om 9.00 uur.",
        ),
        outcomes=("Spoedaanvraag reisdocument ingepland.",),
        notes=("Inwoner heeft zeer haast; aan balie doorgegeven dat hij vroeg komt.",),
        weight=0.6,
        months=(6, 7, 12),
    ),
    Topic(
        key="rijbewijs",
        product="Rijbewijs",
        department="team Burgerzaken",
        subjects=("Rijbewijs verlengen", "Verlopen rijbewijs en gezondheidsverklaring",
                  "vraag rijbewijs ophalen"),
        mails=(
            "Hallo,\n\nMijn rijbewijs verloopt volgende maand. Kan ik dat online verlengen of moet "
            "ik langskomen? En hoe lang duurt het?\n\nMvg {naam}",
            "Geachte heer/mevrouw,\n\nIk ben 75 geworden en heb een gezondheidsverklaring "
            "ingevuld bij het CBR. Het duurt nu al 8 weken. Mijn rijbewijs verloopt op "
            "{datum_straks}. Kunt u mij vertellen wat ik moet doen?\n\nMet vriendelijke groet,\n\n"
            "{naam}\n{adres}",
            "Hoi, is mijn nieuwe rijbewijs al klaar? Ik heb het {datum_vorige_week} aangevraagd."
            "\n\n{voornaam}",
        ),
        phone=(
            ("Vraagt of rijbewijs klaar ligt.", "Ja, ligt klaar; ophalen met oud rijbewijs."),
            ("Meneer (76) wacht op CBR voor verlenging.",
             "Verwezen naar CBR voor status gezondheidsverklaring; daarna aanvraag bij ons."),
        ),
        social=("Kan ik mijn rijbewijs ook op zaterdag ophalen?",),
        asks=("Heeft u de aanvraag online gedaan met DigiD? Dan kunnen wij de status opzoeken.",),
        supplies=("Ja, met DigiD op {datum_vorige_week}.",),
        answers=(
            "U kunt uw rijbewijs online aanvragen met DigiD en een goedgekeurde pasfoto. Het "
            "rijbewijs ligt na ongeveer vijf werkdagen klaar; ophalen doet u zonder afspraak op "
            "werkdagen tussen 9.00 en 12.00 uur.",
            "Wij kunnen uw rijbewijs verlengen zodra het CBR uw gezondheidsverklaring heeft "
            "beoordeeld. Hoe ver die beoordeling is, kunt u opvragen bij het CBR. Daarna vraagt u "
            "het nieuwe rijbewijs bij ons aan.",
            "Uw nieuwe rijbewijs ligt klaar. U kunt het ophalen aan de balie; neemt u uw oude "
            "rijbewijs mee.",
        ),
        outcomes=("Uitleg aanvraag rijbewijs gegeven.", "Verwezen naar het CBR.",
                  "Rijbewijs ligt klaar, inwoner geïnformeerd."),
    ),
    Topic(
        key="parkeervergunning",
        product="Parkeervergunning",
        department="team Parkeren",
        subjects=("Kenteken wijzigen parkeervergunning", "Bezoekersvergunning werkt niet",
                  "Parkeervergunning aanvragen"),
        mails=(
            "Goedemiddag,\n\nWij hebben een nieuwe auto (kenteken {kenteken}). Hoe kan ik het "
            "kenteken op onze parkeervergunning laten wijzigen?\n\nMet vriendelijke groet,\n{naam}"
            "\n{adres}",
            "hallo\n\nmijn moeder komt elke week op bezoek maar de bezoekers app accepteert haar "
            "kenteken niet. ik krijg nu een boete van 70 euro terwijl ik wel betaald heb. dit "
            "slaat nergens op\n\n{naam}",
            "Geachte heer/mevrouw,\n\nIk woon sinds kort in de {straat} en wil een "
            "bewonersvergunning aanvragen. Mijn werkgever heeft een leaseauto voor mij; kan ik "
            "daar ook een vergunning voor krijgen? Ik voeg het leasecontract bij.{bijlage}\n\n"
            "Met vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Kentekenwijziging parkeervergunning, nieuw kenteken {kenteken}.",
             "Gewijzigd in het systeem, direct actief."),
            ("Inwoner heeft naheffing ondanks bezoekersregeling.",
             "Uitgelegd hoe bezwaar te maken tegen de naheffing; verwezen naar formulier."),
        ),
        social=("Waarom moet ik ineens betalen voor parkeren in de {straat}? Niks over gehoord",),
        asks=("Wilt u ons een kopie van het kentekenbewijs (deel 1) of het leasecontract sturen?",),
        supplies=("Zie bijlage voor het leasecontract.",
                  "Kentekenbewijs gaat nu via de post, kan niet scannen."),
        answers=(
            "Het kenteken op uw vergunning is gewijzigd naar {kenteken}. De wijziging is direct "
            "actief; u hoeft niets meer te doen.",
            "Het kenteken van uw bezoek stond met een tikfout in de registratie; dat is hersteld. "
            "Tegen de naheffing kunt u bezwaar maken. Stuurt u daarbij een schermafdruk van de "
            "bezoekersregistratie mee.",
            "U komt in aanmerking voor een bewonersvergunning. De vergunning is verleend en gaat "
            "in op {datum_straks}. De kosten worden via de aanslag gemeentelijke belastingen in "
            "rekening gebracht.",
        ),
        outcomes=("Kenteken op parkeervergunning gewijzigd.",
                  "Registratie bezoekersregeling hersteld; uitleg bezwaar naheffing.",
                  "Bewonersvergunning verleend."),
        attachment=("leasecontract.pdf", " Het leasecontract zit in de bijlage."),
    ),
    Topic(
        key="wmo-huishoudelijke-hulp",
        product="Huishoudelijke hulp",
        department="het Wmo-team",
        subjects=("hulp in de huishouding voor mijn moeder", "Huishoudelijke hulp komt niet",
                  "Aanvraag huishoudelijke hulp"),
        mails=(
            "Geachte heer/mevrouw,\n\nMijn moeder (84) woont zelfstandig aan de {adres}. Sinds "
            "haar heupoperatie kan zij het huishouden niet meer zelf doen. Ik zou graag voor haar "
            "huishoudelijke hulp aanvragen via de Wmo. Hoe gaat dat in zijn werk?\n\nMet "
            "vriendelijke groet,\n\n{naam} (dochter)",
            "Goedemorgen,\n\nAl 3 weken is mijn hulp niet geweest. Ik krijg geen bericht van de "
            "zorgaanbieder. Ik ben 79 en kan zelf niet stofzuigen. Wat moet ik doen?\n\nGroet,\n"
            "{naam}",
            "Beste meneer, mevrouw\n\nkan ik huishoudelijke hulp krijgen? ik heb reuma en het lukt "
            "niet meer. ik weet niet wat het kost\n\n{naam}\n{telefoon}",
        ),
        phone=(
            ("Dochter belt voor moeder: wil huishoudelijke hulp aanvragen.",
             "Melding Wmo gedaan; consulent neemt binnen 5 werkdagen contact op voor gesprek."),
            ("Mevrouw: hulp komt al weken niet.",
             "Contact gehad met zorgaanbieder, nieuwe hulp start {datum_straks}."),
        ),
        social=("Is er iemand die mij kan helpen met het aanvragen van huishoudelijke hulp? "
                "Ik kom er niet uit",),
        asks=("Mag een Wmo-consulent contact met u opnemen voor een keukentafelgesprek? Wilt u "
              "ons een telefoonnummer sturen waarop u overdag bereikbaar bent?",),
        supplies=("Ja graag. U kunt mij bellen op {telefoon}, het liefst na 10 uur.",),
        answers=(
            "Wij hebben een Wmo-melding voor u gedaan. Een consulent neemt binnen vijf werkdagen "
            "contact met u op voor een gesprek over wat u nodig heeft. U betaalt een eigen "
            "bijdrage van maximaal € 21,80 per maand.",
            "Wij hebben contact opgenomen met de zorgaanbieder. Er is een nieuwe hulp voor u "
            "gevonden; zij komt voor het eerst op {datum_straks}.",
        ),
        outcomes=("Wmo-melding gedaan, consulent neemt contact op.",
                  "Zorgaanbieder aangesproken; nieuwe hulp ingepland."),
        notes=("Consulent Wmo (M. Bakker) geïnformeerd.", "Let op: inwoner is slechthorend, "
               "bij voorkeur schriftelijk contact."),
    ),
    Topic(
        key="wmo-scootmobiel",
        product="Vervoersvoorziening",
        department="het Wmo-team",
        subjects=("scootmobiel kapot", "Scootmobiel aanvragen", "Reparatie scootmobiel"),
        mails=(
            "Goedendag,\n\nMijn scootmobiel (via de Wmo) staat al 2 weken stil, de accu laadt niet "
            "meer op. Ik heb de leverancier gebeld maar die verwijst naar de gemeente. Ik zit nu "
            "de hele dag binnen.\n\nMet vriendelijke groet,\n{naam}\n{adres}",
            "Geachte heer/mevrouw,\n\nMijn man heeft sinds zijn beroerte moeite met lopen. Wij "
            "willen graag een scootmobiel aanvragen. Welke stappen moeten wij zetten?\n\nMet "
            "vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Scootmobiel defect (accu), leverancier verwijst naar gemeente.",
             "Reparatieopdracht doorgezet naar leverancier; monteur komt binnen 3 werkdagen."),
            ("Mevrouw wil scootmobiel aanvragen voor haar man.",
             "Wmo-melding gedaan, consulent belt voor afspraak."),
        ),
        social=("Scootmobiel al weken kapot en niemand die iets doet. Zit opgesloten in huis",),
        asks=("Kunt u ons het nummer van de scootmobiel sturen? Dat staat op de sticker onder de "
              "zitting.",),
        supplies=("Het nummer is SV-{huisnr}-2231.",),
        answers=(
            "Wij hebben de leverancier opdracht gegeven uw scootmobiel te repareren. Een monteur "
            "neemt binnen drie werkdagen contact met u op voor een afspraak.",
            "Wij hebben een Wmo-melding gedaan. Een consulent komt bij u thuis om te bekijken "
            "welke voorziening het beste past.",
        ),
        outcomes=("Reparatie scootmobiel in opdracht gegeven.",
                  "Wmo-melding vervoersvoorziening gedaan."),
    ),
    Topic(
        key="wmo-traplift",
        product="Woningaanpassing",
        department="het Wmo-team",
        subjects=("Traplift aanvragen", "Traplift stopt halverwege"),
        mails=(
            "Geachte heer/mevrouw,\n\nWij wonen in een eengezinswoning aan de {adres}. Mijn vrouw "
            "kan de trap niet meer op. Komen wij in aanmerking voor een traplift via de Wmo, of "
            "is het beter om te verhuizen?\n\nMet vriendelijke groet,\n\n{naam}",
            "Hallo,\n\nde traplift die we 3 jaar geleden via jullie hebben gekregen maakt een raar "
            "geluid en stopt halverwege. wie moet ik bellen?\n\ngr {naam}",
        ),
        phone=(
            ("Meneer vraagt naar traplift voor echtgenote.",
             "Wmo-melding gedaan; consulent en ergotherapeut komen kijken."),
        ),
        social=("Traplift doet het niet meer, wie moet ik bellen?",),
        asks=("Is de woning een koop- of huurwoning? Bij een huurwoning nemen wij ook contact op "
              "met de verhuurder.",),
        supplies=("Het is een huurwoning van de woningcorporatie.", "Koopwoning."),
        answers=(
            "Wij hebben een Wmo-melding gedaan voor een woningaanpassing. Een consulent en een "
            "ergotherapeut komen bij u thuis kijken wat mogelijk is.",
            "Storingen aan de traplift meldt u rechtstreeks bij de leverancier (het nummer staat "
            "op de lift). Wij hebben de storing voor u doorgegeven.",
        ),
        outcomes=("Wmo-melding woningaanpassing gedaan.",
                  "Storing traplift doorgegeven aan leverancier."),
        weight=0.6,
    ),
    Topic(
        key="kapvergunning",
        product="Omgevingsvergunning kappen",
        department="team Vergunningen",
        subjects=("Kapvergunning boom achtertuin", "Vergunning voor kap eiken buurman?",
                  "Mag ik deze boom kappen?", "Vraag kapvergunning"),
        mails=(
            "Goedemiddag,\n\nIn onze achtertuin ({adres}) staat een grote berk die steeds dichter "
            "tegen het huis groeit. De wortels drukken de tegels omhoog. Heb ik een vergunning "
            "nodig om hem te kappen? De stam is ongeveer 40 cm dik.{bijlage}\n\nMet vriendelijke "
            "groet,\n{naam}",
            "Geachte heer/mevrouw,\n\nMijn buurman heeft vorige week twee grote eiken gekapt. "
            "Ik vraag mij af of daar een vergunning voor is verleend.\n\nMet vriendelijke groet,"
            "\n\n{naam}",
            "hoi, moet ik een vergunning voor een conifeer van 3 meter? groetjes {voornaam}",
        ),
        phone=(
            ("Inwoner wil boom kappen in voortuin, stamomtrek ca. 90 cm.",
             "Vergunning nodig (stamomtrek boven 80 cm); verwezen naar Omgevingsloket."),
            ("Melding: buurman kapt bomen, vraagt of vergunning is verleend.",
             "Doorgezet naar toezicht; vergunningen zijn openbaar."),
        ),
        social=("Er worden nu bomen gekapt in het park aan de {straat}!! Is daar wel een "
                "vergunning voor??",),
        asks=("Wat is de stamomtrek van de boom op 1,30 meter hoogte? En staat de boom in de "
              "voor- of achtertuin?",),
        supplies=("Ongeveer 1 meter omtrek, in de achtertuin.",
                  "Ik heb het gemeten: 65 cm. Achtertuin."),
        answers=(
            "Voor bomen met een stamomtrek van meer dan 80 cm op 1,30 meter hoogte heeft u een "
            "omgevingsvergunning nodig. U vraagt die aan via het Omgevingsloket. De behandeltijd "
            "is acht weken.",
            "Wij hebben uw vraag doorgegeven aan team Toezicht. Zij controleren of voor de kap een "
            "vergunning is verleend. Verleende vergunningen zijn openbaar en staan op overheid.nl.",
            "Voor deze boom heeft u geen vergunning nodig. Let u wel op broedende vogels: kap bij "
            "voorkeur buiten het broedseizoen (15 maart tot 15 juli).",
        ),
        outcomes=("Uitgelegd dat een kapvergunning nodig is.",
                  "Doorgezet naar toezicht; uitleg openbare vergunningen.",
                  "Geen vergunning nodig, inwoner geïnformeerd."),
        attachment=("boom-achtertuin.jpg", " Foto van de boom zit erbij."),
        months=(1, 2, 3, 11, 12),
    ),
    Topic(
        key="overlast-buren",
        product="Burenoverlast",
        department="de wijkagent en het wijkteam",
        subjects=("Overlast buren", "Vuilniszakken in de gemeenschappelijke gang",
                  "Blaffende hond buren", "Burenruzie, wat kan ik doen"),
        mails=(
            "Geachte heer/mevrouw,\n\nSinds een half jaar ondervinden wij ernstige overlast van de "
            "bewoners van nummer {huisnr}. Er wordt tot diep in de nacht harde muziek gedraaid en "
            "er zijn regelmatig ruzies. Wij hebben meerdere keren geprobeerd hierover in gesprek "
            "te gaan, zonder resultaat. Wat kan de gemeente hieraan doen?\n\nMet vriendelijke "
            "groet,\n\n{naam}\n{adres}",
            "Hallo,\n\nDe buren zetten hun vuilniszakken al weken in de gemeenschappelijke gang. "
            "Het stinkt en er komen muizen op af. De woningcorporatie zegt dat het de gemeente is. "
            "Wie is er nou verantwoordelijk???\n\n{naam}",
            "Hoi\n\nik word gek van de hond van de buren die de hele dag blaft als ze weg zijn. "
            "is daar iets aan te doen?\n\n{voornaam}",
        ),
        phone=(
            ("Mevrouw klaagt over geluidsoverlast bovenburen ({straat}), al maanden.",
             "Buurtbemiddeling uitgelegd en aangemeld; bij acute overlast politie bellen."),
            ("Meneer meldt blaffende hond buren.",
             "Uitgelegd dat eerst in gesprek gaan; buurtbemiddeling aangeboden."),
        ),
        social=("Wat kan je doen tegen buren die elke nacht herrie maken? Politie komt niet",),
        asks=("Heeft u de overlast al gemeld bij uw woningcorporatie? Wilt u bijhouden op welke "
              "dagen en tijden de overlast zich voordoet?",),
        supplies=("Ja, bij de corporatie gemeld op {datum_vorige_week}. Ik houd een logboek bij, "
                  "zie hieronder: vrijdag tot 3 uur, zaterdag tot 2 uur, zondag tot 1 uur.",),
        answers=(
            "Wij hebben u aangemeld bij Buurtbemiddeling. Een van de vrijwilligers neemt binnen "
            "twee weken contact met u op. Bij acute overlast kunt u de politie bellen via "
            "0900-8844.",
            "Wij hebben uw melding doorgegeven aan de wijkagent en de woningcorporatie. Zij nemen "
            "contact op met de bewoners.",
        ),
        outcomes=("Aangemeld bij Buurtbemiddeling.", "Doorgezet naar wijkagent en corporatie."),
        notes=("Eerder (vorig jaar) ook melding van dit adres, zie archief.",
               "Wijkagent gebeld, gaat langs bij de buren."),
    ),
    Topic(
        key="overlast-jongeren",
        product="Overlast jongeren",
        department="de jongerenwerkers en de wijkagent",
        subjects=("Hangjongeren bij het speeltuintje", "Jongeren met scooters in het park",
                  "Overlast jeugd {straat}"),
        mails=(
            "Goedenavond,\n\nElke avond hangt er een groep jongeren bij het speeltuintje aan de "
            "{straat}. Er wordt geblowd, er ligt rommel en gisteren is er een bankje vernield. Ik "
            "durf er 's avonds niet meer langs met de hond.\n\nMet vriendelijke groet,\n{naam}",
            "Geachte heer/mevrouw,\n\nGraag vraag ik uw aandacht voor de jongeren die met scooters "
            "door het park racen. Er spelen daar kleine kinderen. Het is wachten op een ongeluk."
            "\n\nHoogachtend,\n\n{naam}",
        ),
        phone=(
            ("Overlast hangjongeren bij winkelcentrum, elke avond na 21 uur.",
             "Doorgezet naar jongerenwerk en wijkagent."),
        ),
        social=("Alweer die jongens op scooters door het park. Doe er eens wat aan "
                "@gemeentevoorbeeld",
                "Jongeren bij de speeltuin in de {straat} hebben weer alles vernield"),
        asks=("Op welke dagen en tijden ziet u de groep meestal? Dat helpt de jongerenwerkers.",),
        supplies=("Vooral vrijdag en zaterdag vanaf een uur of 10.",),
        answers=(
            "Wij hebben uw melding doorgegeven aan de jongerenwerkers en de wijkagent. Zij gaan de "
            "komende weken vaker langs op deze plek. Bij acute overlast kunt u 0900-8844 bellen.",
        ),
        outcomes=("Doorgezet naar jongerenwerk en wijkagent.",),
        notes=("Derde melding over deze plek, besproken in het wijkoverleg.",),
        months=(5, 6, 7, 8),
    ),
    Topic(
        key="overlast-geluid",
        product="Geluidsoverlast",
        department="team Toezicht en Handhaving",
        subjects=("Lawaai bouwplaats 's ochtends vroeg", "Geluidsoverlast horeca",
                  "Geluidsoverlast bedrijf"),
        mails=(
            "Geachte heer/mevrouw,\n\nDe bouwplaats naast ons huis begint elke dag om 6.15 uur met "
            "heien. Volgens mij mag dat pas vanaf 7.00 uur. Kunt u hierop handhaven?\n\nMet "
            "vriendelijke groet,\n\n{naam}\n{adres}",
            "Hallo,\n\nhet café op de hoek heeft elk weekend tot 3 uur live muziek met open "
            "deuren. wij kunnen niet slapen. mag dat zomaar?\n\n{naam}",
        ),
        phone=(
            ("Geluidsoverlast bouwplaats vóór 7 uur.",
             "Doorgezet naar Toezicht en Handhaving; boa gaat kijken."),
        ),
        social=("Wie geeft toestemming voor een feest tot 2 uur 's nachts op een doordeweekse "
                "dag??",),
        asks=("Om welk adres gaat het precies en op welke tijden heeft u de overlast?",),
        supplies=("Het gaat om het café aan het Marktplein, vrijdag en zaterdag van 23 "
                  "tot 3 uur.",),
        answers=(
            "Wij hebben uw melding doorgegeven aan team Toezicht en Handhaving. Een "
            "handhaver gaat de komende tijd controleren of de regels worden nageleefd.",
        ),
        outcomes=("Doorgezet naar Toezicht en Handhaving.",),
        months=(6, 7, 8),
    ),
    Topic(
        key="belasting-woz",
        product="WOZ-waarde",
        department="team Belastingen",
        subjects=("Bezwaar WOZ-waarde {jaar}", "WOZ waarde veel te hoog",
                  "Geen ontvangstbevestiging bezwaar WOZ"),
        mails=(
            "Geachte heer/mevrouw,\n\nHierbij maak ik bezwaar tegen de WOZ-waarde van mijn woning "
            "aan de {adres} (aanslagnummer {aanslag}). De waarde is vastgesteld op {woz}, terwijl "
            "vergelijkbare woningen in de straat voor veel minder zijn verkocht. Bovendien is de "
            "badkamer nog uit 1985.{bijlage}\n\nIk verzoek u het taxatieverslag toe te sturen."
            "\n\nMet vriendelijke groet,\n\n{naam}",
            "Hoi,\n\nwaarom is de WOZ van ons huis 15% omhoog gegaan?? we hebben niks verbouwd. "
            "ik wil bezwaar maken, hoe moet dat?\n\n{voornaam}",
            "Goedemorgen,\n\nIk heb online bezwaar gemaakt tegen de WOZ-waarde maar heb geen "
            "ontvangstbevestiging gekregen. Is mijn bezwaar wel aangekomen?\n\nMvg,\n{naam}",
        ),
        phone=(
            ("Vraag over hoogte WOZ-waarde, wil taxatieverslag.",
             "Taxatieverslag is in te zien via Mijn Belastingen; uitgelegd hoe bezwaar te maken."),
            ("Inwoner wil bezwaar WOZ, vraagt termijn.",
             "Bezwaar binnen 6 weken na dagtekening aanslag; online of per brief."),
        ),
        social=("WOZ-waarde weer flink omhoog. Wie heeft dat bedacht 🤔",),
        asks=("Wilt u het aanslagnummer en de gronden van uw bezwaar sturen? Foto's van de staat "
              "van de woning mag u meesturen.",),
        supplies=("Aanslagnummer {aanslag}. De keuken en badkamer zijn verouderd, het dak lekt.",),
        answers=(
            "Wij hebben uw bezwaar in behandeling genomen. U ontvangt binnen vier weken het "
            "taxatieverslag. Een taxateur beoordeelt uw bezwaar; u hoort uiterlijk "
            "{datum_later} de uitkomst.",
            "De WOZ-waarde volgt de woningmarkt: de prijzen in {woonplaats} zijn het afgelopen "
            "jaar gestegen. Het taxatieverslag ziet u in Mijn Belastingen. Bent u het niet eens "
            "met de waarde, dan kunt u binnen zes weken bezwaar maken via onze website.",
            "Uw bezwaar is op {datum_vorige_week} ontvangen en geregistreerd. De "
            "ontvangstbevestiging is alsnog naar u verzonden.",
        ),
        outcomes=("Bezwaar WOZ geregistreerd en doorgezet naar taxateur.",
                  "Uitleg WOZ-waarde en bezwaarprocedure gegeven.",
                  "Ontvangst bezwaar bevestigd."),
        notes=("Taxateur gevraagd om inpandige opname.",),
        attachment=("bezwaar-woz.pdf", " Mijn bezwaarschrift zit ook als bijlage bij deze mail."),
        weight=1.2,
        months=(2, 3, 4),
    ),
    Topic(
        key="belasting-kwijtschelding",
        product="Kwijtschelding gemeentelijke belastingen",
        department="team Belastingen",
        subjects=("Kwijtschelding aanvragen", "Afwijzing kwijtschelding",
                  "kan ik kwijtschelding krijgen"),
        mails=(
            "Geachte heer/mevrouw,\n\nIk heb een bijstandsuitkering en kan de aanslag van "
            "{bedrag} niet betalen. Kom ik in aanmerking voor kwijtschelding? Welke papieren heeft "
            "u nodig?\n\nMet vriendelijke groet,\n\n{naam}",
            "Hallo,\n\nMijn kwijtschelding is afgewezen maar ik snap niet waarom. Ik heb alleen "
            "AOW "
            "en een klein pensioen. Kunt u mij uitleggen hoe het zit?\n\nGroeten,\n{naam}",
        ),
        phone=(
            ("Vraag over kwijtschelding, inwoner heeft bijstand.",
             "Aanvraagformulier toegestuurd; automatische kwijtschelding mogelijk na toetsing."),
        ),
        social=("Hoe vraag ik kwijtschelding aan voor de afvalstoffenheffing?",),
        asks=("Wilt u de bankafschriften van de afgelopen drie maanden en een overzicht van uw "
              "inkomsten meesturen?",),
        supplies=("In de bijlage de bankafschriften van de afgelopen drie maanden.",),
        answers=(
            "U komt in aanmerking voor kwijtschelding. De aanslag van {bedrag} is kwijtgescholden; "
            "u hoeft niets te betalen. Volgend jaar toetsen wij automatisch opnieuw.",
            "Uw vermogen ligt boven de grens voor kwijtschelding. Wel kunt u de aanslag in tien "
            "termijnen betalen. Tegen de afwijzing kunt u binnen zes weken in beroep gaan.",
        ),
        outcomes=("Kwijtschelding toegekend.",
                  "Uitleg afwijzing gegeven; betalingsregeling aangeboden."),
        attachment=("bankafschriften.pdf", " De bankafschriften heb ik bijgevoegd."),
        months=(3, 4, 5),
    ),
    Topic(
        key="belasting-aanslag",
        product="Gemeentelijke belastingen",
        department="team Belastingen",
        subjects=("Aanslag dubbel betaald", "Vraag over aanslag gemeentelijke belastingen",
                  "Betalingsregeling aanslag"),
        mails=(
            "Goedemiddag,\n\nIk heb de aanslag gemeentelijke belastingen ({aanslag}) per ongeluk "
            "twee keer betaald. Kunt u het bedrag van {bedrag} terugstorten?\n\nMet vriendelijke "
            "groet,\n{naam}",
            "Geachte heer/mevrouw,\n\nIk ontvang een aanslag rioolheffing voor een woning waar ik "
            "sinds {datum_vorige_week} niet meer woon. Graag ontvang ik een "
            "verminderingsbeschikking."
            "\n\nMet vriendelijke groet,\n\n{naam}",
            "hoi kan ik de belasting in termijnen betalen? gr {voornaam}",
        ),
        phone=(
            ("Vraag over betalen in termijnen.",
             "Automatische incasso in 10 termijnen uitgelegd; formulier via website."),
            ("Aanslag dubbel betaald.", "Terugbetaling in gang gezet, binnen 10 werkdagen."),
        ),
        social=("Hoe zet ik automatische incasso aan voor de gemeentelijke belastingen?",),
        asks=("Wilt u ons het rekeningnummer sturen waarop wij het bedrag kunnen terugstorten?",),
        supplies=("Graag terugstorten op NL00 BANK 0123 4567 89 t.n.v. {naam}.",),
        answers=(
            "Het dubbel betaalde bedrag van {bedrag} wordt binnen tien werkdagen teruggestort.",
            "Wij hebben de aanslag verminderd vanaf de datum van uw verhuizing. U ontvangt binnen "
            "vier weken een verminderingsbeschikking; te veel betaald geld storten wij terug.",
            "U kunt de aanslag betalen met automatische incasso in tien maandelijkse termijnen. "
            "U regelt dat via Mijn Belastingen op onze website.",
        ),
        outcomes=("Terugbetaling in gang gezet.", "Aanslag verminderd na verhuizing.",
                  "Uitleg betalen in termijnen gegeven."),
        months=(2, 3),
    ),
    Topic(
        key="verhuizing",
        product="Verhuizing",
        department="team Burgerzaken",
        subjects=("verhuismelding lukt niet online", "Inschrijven vanuit het buitenland",
                  "Adreswijziging", "Verhuizing doorgeven"),
        mails=(
            "Goedemorgen,\n\nWij verhuizen op {datum_straks} naar de {adres}. Ik probeer de "
            "verhuizing online door te geven, maar ik krijg de melding dat mijn partner niet "
            "kan worden meeverhuisd. Hoe los ik dit op?\n\nMet vriendelijke groet,\n{naam}",
            "Hallo,\n\nIk kom uit het buitenland (Polen) en woon nu in {woonplaats}. Hoe schrijf "
            "ik "
            "mij in? Ik heb geen DigiD.\n\nThank you / dank je,\n{naam}",
            "Geachte heer/mevrouw,\n\nIk heb op {datum_vorige_week} mijn verhuizing doorgegeven "
            "maar nog geen bevestiging ontvangen. Klopt mijn nieuwe adres nu in de BRP?\n\nMet "
            "vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Inwoner wil verhuizing doorgeven, heeft geen DigiD.",
             "Verhuisformulier toegestuurd; kan ook aan de balie met ID."),
            ("Vraagt of adreswijziging verwerkt is.", "Ja, verwerkt per {datum_vorige_week}."),
        ),
        social=("Hoe lang van tevoren moet ik mijn verhuizing doorgeven?",),
        asks=("Wilt u een kopie van het huurcontract of de koopakte meesturen, en de "
              "toestemming van de hoofdbewoner als u inwoont?",),
        supplies=("Hierbij het huurcontract.", "Ik woon in bij mijn zus, toestemming volgt."),
        answers=(
            "Uw verhuizing is verwerkt. Uw nieuwe adres is per {datum_straks} ingeschreven in de "
            "Basisregistratie Personen (BRP). Organisaties als de Belastingdienst krijgen dit "
            "automatisch door.",
            "Als u uit het buitenland komt, schrijft u zich in aan de balie. Wij hebben een "
            "afspraak voor u gemaakt op {datum_straks}. Neemt u uw paspoort en huurcontract mee.",
        ),
        outcomes=("Verhuizing verwerkt in de BRP.", "Afspraak eerste inschrijving gemaakt."),
        weight=1.3,
    ),
    Topic(
        key="openbare-ruimte-tegel",
        product="Melding openbare ruimte",
        department="team Wijkbeheer",
        subjects=("Losse stoeptegel", "Gevaarlijke stoep {straat}", "Melding losliggende tegels"),
        mails=(
            "Geachte heer/mevrouw,\n\nVoor de deur van {adres} liggen al weken een paar "
            "stoeptegels los. Mijn buurvrouw (met rollator) is er gisteren bijna over gestruikeld."
            "{bijlage}\n\nWilt u dit zo spoedig mogelijk laten herstellen?\n\nMet vriendelijke "
            "groet,\n\n{naam}",
            "Hoi gemeente,\n\nhet trottoir bij de bushalte op de {straat} is helemaal omhoog "
            "gedrukt door boomwortels. levensgevaarlijk voor fietsers. graag even naar kijken!"
            "{bijlage}\n\n{voornaam}",
        ),
        phone=(
            ("Losse tegels voor {adres}, struikelgevaar.",
             "Melding openbare ruimte aangemaakt; herstel binnen 2 weken."),
        ),
        social=("Stoeptegels liggen al maanden los in de {straat}. Iemand gaat nog zijn nek "
                "breken",
                "Kijk eens naar deze stoep bij de bushalte 😬 wanneer wordt dit gemaakt?"),
        asks=("Kunt u de precieze locatie aangeven, bijvoorbeeld het dichtstbijzijnde "
              "huisnummer of een foto?",),
        supplies=("Het is tegenover nummer {huisnr}, bij de lantaarnpaal.",),
        answers=(
            "Wij hebben uw melding doorgegeven aan team Wijkbeheer. De tegels worden binnen twee "
            "weken opnieuw gelegd. Tot die tijd is de plek gemarkeerd.",
        ),
        outcomes=("Melding openbare ruimte doorgezet; herstel ingepland.",),
        attachment=("stoeptegel.jpg", " Foto bijgevoegd."),
        weight=1.3,
    ),
    Topic(
        key="openbare-ruimte-verlichting",
        product="Straatverlichting",
        department="team Wijkbeheer",
        subjects=("Lantaarnpaal kapot", "Kapotte lantaarnpaal bij fietspad",
                  "Straatverlichting uit {straat}"),
        mails=(
            "Goedenavond,\n\nDe lantaarnpaal voor {adres} doet het al twee weken niet. Het is "
            "'s avonds erg donker en er is vorige maand al een keer ingebroken in de straat.\n\n"
            "Met vriendelijke groet,\n{naam}",
            "Hallo,\n\nop het fietspad langs het kanaal zijn 3 lampen kapot. mijn dochter fietst "
            "daar elke avond van haar werk naar huis. kunnen die snel gemaakt worden?\n\ngr "
            "{naam}",
        ),
        phone=(
            ("Lantaarnpaal defect voor {adres}.", "Storing gemeld bij de netbeheerder."),
        ),
        social=("Halve {straat} in het donker, lantaarnpalen doen het niet",),
        asks=("Staat er een nummer op de paal? Dat vinden wij snel terug in ons systeem.",),
        supplies=("Op de paal staat nummer {huisnr}-017.",),
        answers=(
            "Wij hebben de storing doorgegeven aan de netbeheerder. Storingen aan "
            "straatverlichting "
            "worden meestal binnen vijf werkdagen verholpen.",
        ),
        outcomes=("Storing straatverlichting gemeld bij netbeheerder.",),
        attachment=("lantaarnpaal.jpg", " In de bijlage een foto van de paal."),
        months=(10, 11, 12, 1, 2),
    ),
    Topic(
        key="openbare-ruimte-zwerfafval",
        product="Zwerfafval",
        department="team Wijkbeheer",
        subjects=("Zwerfafval bij de glasbak", "Glas en blikjes op het speelveld",
                  "Rommel naast ondergrondse container"),
        mails=(
            "Geachte heer/mevrouw,\n\nNaast de glasbak aan de {straat} wordt al weken afval "
            "gedumpt: vuilniszakken, een oude stoel, dozen. Het trekt ratten aan.{bijlage}\n\n"
            "Met vriendelijke groet,\n\n{naam}",
            "hoi, bij het speelveldje ligt overal glas en blikjes. kinderen spelen daar. kan dit "
            "worden opgeruimd?{bijlage}\n\n{voornaam}",
        ),
        phone=(
            ("Afvaldumping bij ondergrondse container {straat}.",
             "Melding openbare ruimte gemaakt; wordt binnen 2 werkdagen opgeruimd."),
        ),
        social=("Weer een berg afval naast de container in de {straat}. Bah.",),
        asks=("Kunt u aangeven waar het afval precies ligt?",),
        supplies=("Naast de glasbak op de hoek bij de supermarkt.",),
        answers=(
            "Het afval wordt binnen twee werkdagen opgeruimd. Handhaving controleert de komende "
            "weken extra op deze plek.",
        ),
        outcomes=("Zwerfafval opgeruimd; extra controle handhaving.",),
        attachment=("zwerfafval.jpg", " Foto's meegestuurd."),
    ),
    Topic(
        key="bijstand",
        product="Bijstand",
        department="team Werk en Inkomen",
        subjects=("Aanvraag bijstandsuitkering", "Uitkering niet ontvangen",
                  "Vraag over mijn uitkering"),
        mails=(
            "Geachte heer/mevrouw,\n\nSinds {datum_vorige_week} ben ik mijn baan kwijt en mijn "
            "WW loopt af. Ik wil graag weten of ik bijstand kan aanvragen en hoe lang dat duurt."
            "\n\nMet vriendelijke groet,\n\n{naam}",
            "Hallo,\n\nMijn uitkering is deze maand niet op mijn rekening gestort. Ik moet de huur "
            "betalen. Wat is er aan de hand??\n\n{naam}\n{telefoon}",
        ),
        phone=(
            ("Uitkering niet ontvangen deze maand.",
             "Navraag bij team W&I: wijzigingsformulier ontbrak; betaling volgt na ontvangst."),
            ("Vraag hoe bijstand aan te vragen.",
             "Aanvraag via werk.nl uitgelegd; wachttijd 4 weken; voorschot mogelijk."),
        ),
        social=("Mijn uitkering is niet binnen en ik krijg niemand aan de telefoon",),
        asks=("Wilt u ons uw geboortedatum sturen? Uw BSN hoeft u niet per e-mail te sturen.",),
        supplies=("Geboren op 12-03-1978.",),
        answers=(
            "U kunt bijstand aanvragen via werk.nl. Daarna neemt een consulent van team Werk en "
            "Inkomen binnen een week contact met u op. Heeft u geen geld voor eerste "
            "levensbehoeften, dan kunt u een voorschot aanvragen.",
            "Uw uitkering is aangehouden omdat het wijzigingsformulier ontbrak. Zodra het "
            "formulier "
            "binnen is, wordt de uitkering binnen drie werkdagen betaald.",
        ),
        outcomes=("Doorverwezen naar aanvraag via werk.nl.",
                  "Oorzaak niet-betaling uitgezocht; inwoner geïnformeerd."),
        notes=("Vertrouwelijk: inwoner heeft acute geldzorgen, warm overgedragen aan W&I.",),
    ),
    Topic(
        key="schuldhulp",
        product="Schuldhulpverlening",
        department="team Schuldhulpverlening",
        subjects=("ik kom er financieel niet uit", "Schuldhulp aanvragen", "Hulp bij schulden"),
        mails=(
            "Hallo,\n\nik weet niet goed hoe ik dit moet vragen maar ik heb schulden en krijg "
            "steeds meer brieven van incassobureaus. Ik durf de post niet meer open te maken. "
            "Kunnen jullie helpen?\n\n{voornaam}",
            "Geachte heer/mevrouw,\n\nNamens mijn broer, die de Nederlandse taal onvoldoende "
            "beheerst, vraag ik of hij in aanmerking komt voor schuldhulpverlening.\n\nMet "
            "vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Inwoner heeft schulden, vraagt om hulp.",
             "Aangemeld bij schuldhulpverlening; intake binnen 3 werkdagen."),
        ),
        social=("Hoe kom ik in contact met schuldhulpverlening? Liefst niet bellen",),
        asks=("Mag een schuldhulpverlener u bellen? Op welk nummer en welke tijd schikt het?",),
        supplies=("Ja, bel mij op {telefoon}, na 15 uur.",),
        answers=(
            "Wat goed dat u contact opneemt. Wij hebben u aangemeld bij team "
            "Schuldhulpverlening. Een medewerker belt u binnen drie werkdagen voor een eerste "
            "gesprek. Dat is gratis.",
        ),
        outcomes=("Aangemeld bij schuldhulpverlening.",),
        notes=("Vertrouwelijk behandelen. Intake gepland.",),
    ),
    Topic(
        key="huwelijk",
        product="Huwelijk of partnerschap",
        department="team Burgerzaken",
        subjects=("Trouwen in {jaar}", "Vraag over melding voorgenomen huwelijk",
                  "Trouwlocatie en kosten"),
        mails=(
            "Hoi!\n\nMijn vriend en ik willen op {datum_ver} trouwen 🎉 Hoe ver van tevoren "
            "moeten we dat melden en kan het ook in de oude kerk?\n\nLiefs, {voornaam}",
            "Geachte heer/mevrouw,\n\nWij zijn voornemens op {datum_ver} in het huwelijk te "
            "treden. Graag ontvangen wij informatie over de mogelijkheden voor een gratis of "
            "eenvoudige ceremonie en de benodigde documenten. Mijn partner heeft de Marokkaanse "
            "nationaliteit.\n\nMet vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Stel wil trouwen, vraagt naar trouwlocaties.",
             "Lijst trouwlocaties gemaild; melding voorgenomen huwelijk via website."),
        ),
        social=("Kunnen we ook op zaterdag trouwen in het gemeentehuis?",),
        asks=("Wilt u ons de gewenste datum en het tijdstip laten weten? Dan reserveren wij "
              "de trouwzaal in optie.",),
        supplies=("{datum_ver}, liefst rond 14.00 uur.",),
        answers=(
            "U doet de melding voorgenomen huwelijk uiterlijk twee weken en maximaal een jaar "
            "vóór de trouwdatum, via de website met DigiD. Wij hebben de trouwzaal voor "
            "{datum_ver} in optie voor u gereserveerd.",
        ),
        outcomes=("Informatie huwelijk gegeven en trouwzaal in optie.",),
        months=(1, 2, 3, 4),
        weight=0.7,
    ),
    Topic(
        key="evenementenvergunning",
        product="Evenementenvergunning",
        department="team Vergunningen",
        subjects=("Evenementenvergunning straatfeest", "Aanvraag vergunning braderie",
                  "Vergunning buurtbarbecue"),
        mails=(
            "Goedemiddag,\n\nWij willen op {datum_later} een straatfeest organiseren in de "
            "{straat} met een springkussen en muziek tot 23.00 uur. Hebben wij een vergunning "
            "nodig? De straat moet dan ook afgesloten worden.{bijlage}\n\nMet vriendelijke groet,"
            "\n{naam}\nnamens de buurtvereniging",
            "Geachte heer/mevrouw,\n\nNamens de ondernemersvereniging vraag ik een vergunning "
            "aan voor de jaarlijkse braderie op {datum_later}. Bijgaand de "
            "situatietekening.{bijlage}"
            "\n\nMet vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Vraag: vergunning nodig voor buurtbarbecue op straat?",
             "Klein evenement: melding volstaat, uiterlijk 4 weken vooraf."),
        ),
        social=("Moet je een vergunning hebben voor een buurtfeest?",),
        asks=("Wilt u een situatieschets en het aantal verwachte bezoekers sturen?",),
        supplies=("Ongeveer 150 bezoekers. Situatieschets zit in de bijlage.",),
        answers=(
            "Voor uw straatfeest volstaat een melding klein evenement. Wij hebben de melding "
            "geregistreerd; u ontvangt de afzethekken op de dag zelf.",
            "Uw aanvraag is compleet en in behandeling genomen. De behandeltermijn is acht weken; "
            "wij hebben de brandweer en politie om advies gevraagd.",
        ),
        outcomes=("Melding klein evenement geregistreerd.",
                  "Aanvraag evenementenvergunning in behandeling."),
        attachment=("situatieschets.pdf", " De situatieschets zit in de bijlage."),
        months=(3, 4, 5, 6),
    ),
    Topic(
        key="uittreksel-brp",
        product="Uittreksel basisregistratie personen",
        department="team Burgerzaken",
        subjects=("uittreksel gba nodig voor werkgever", "Uittreksel met adreshistorie",
                  "Uittreksel BRP aanvragen"),
        mails=(
            "Hallo,\n\nvoor mijn nieuwe baan heb ik een uittreksel nodig uit de gemeentelijke "
            "basisadministratie. kan ik die per mail krijgen?\n\nmvg {naam}",
            "Geachte heer/mevrouw,\n\nVoor de aanvraag van een visum heb ik een internationaal "
            "uittreksel uit de BRP nodig, met adreshistorie. Hoe kan ik dit aanvragen?\n\nMet "
            "vriendelijke groet,\n\n{naam}",
        ),
        phone=(
            ("Vraag uittreksel BRP voor werkgever.",
             "Online aan te vragen met DigiD, € 14,40; wordt per post verstuurd."),
        ),
        social=("Hoe vraag ik een uittreksel BRP aan zonder DigiD?",),
        asks=("Heeft u een DigiD? Dan kunt u het uittreksel direct online aanvragen.",),
        supplies=("Nee, ik heb geen DigiD.",),
        answers=(
            "U vraagt een uittreksel BRP aan via onze website met DigiD. Het uittreksel kost "
            "€ 14,40 en wordt binnen drie werkdagen per post verstuurd. Zonder DigiD kunt u "
            "het aan de balie aanvragen.",
        ),
        outcomes=("Uitleg aanvraag uittreksel BRP gegeven.",),
        weight=0.8,
    ),
)

GENERIC_NOTES = (
    "Teruggebeld, geen gehoor. Voicemail ingesproken.",
    "Besproken met de teamleider, zo afhandelen.",
    "Inwoner belde nogmaals, zelfde vraag. Gerustgesteld.",
    "Vakafdeling gevraagd om inhoudelijke reactie.",
    "Let op: inwoner wil liever per telefoon contact dan per e-mail.",
    "Inwoner gevraagd of een reactie per e-mail akkoord is.",
)

SUPPLY_MAILS = (
    "Goedemorgen,\n\nHierbij de gevraagde informatie. {aanvulling}\n\nIk hoor graag of u verder "
    "nog iets nodig heeft.\n\nMet vriendelijke groet,\n{naam}",
    "Hoi,\n\n{aanvulling}\n\ngroetjes {voornaam}",
    "Geachte heer/mevrouw,\n\nNaar aanleiding van uw e-mail stuur ik u de gevraagde gegevens. "
    "{aanvulling}\n\nMet vriendelijke groet,\n\n{naam}",
    "{aanvulling}\n\nVerstuurd vanaf mijn iPhone",
)
THANKS_MAILS = (
    "Bedankt voor de snelle reactie!\n\n{voornaam}",
    "Dank u wel, dit is duidelijk.\n\nMet vriendelijke groet,\n{naam}",
    "Top, dank je!",
    "Hartelijk dank voor uw hulp. Fijn dat het zo snel geregeld is.\n\nGroet,\n{naam}",
)
REMINDER_MAILS = (
    "Goedendag,\n\nOp {datum_open} heb ik u een e-mail gestuurd (zie hieronder) maar ik heb nog "
    "niets gehoord. Kunt u mij laten weten wanneer ik een reactie kan verwachten?\n\nMet "
    "vriendelijke groet,\n{naam}",
    "Hallo? Ik wacht nog steeds op antwoord...\n\n{voornaam}",
    "Beste medewerker,\n\nIk wil even vragen hoe het staat met mijn vraag. Ik heb nog geen "
    "ontvangstbevestiging gehad.\n\nGroet,\n{naam}",
)
ACK_TEXTS = (
    "Bedankt voor uw bericht. Wij hebben uw vraag doorgezet naar {afdeling}. U krijgt binnen "
    "vijf werkdagen een inhoudelijke reactie.",
    "Wij hebben uw bericht goed ontvangen en zoeken het voor u uit. U hoort zo snel mogelijk, "
    "uiterlijk binnen tien werkdagen, van ons.",
)
FOLLOWUP_CALLS = (
    ("Inwoner belt na over de e-mail van {datum_open}: wil weten hoe het ermee staat.",
     "Uitgelegd dat de vraag in behandeling is bij {afdeling}; reactie volgt per e-mail."),
    ("Inwoner belt: heeft de gevraagde gegevens, geeft ze telefonisch door. {aanvulling}",
     "Gegevens genoteerd bij de zaak."),
)
SOCIAL_SUPPLIES = ("{aanvulling}", "Hoi, {aanvulling}", "{aanvulling} Groetjes")
SOCIAL_THANKS = ("Dank je wel!", "Top, bedankt 👍", "Dankjewel voor de snelle reactie")

MALE_NAMES = (
    "Jan", "Pieter", "Henk", "Kees", "Wim", "Gerrit", "Johan", "Mark", "Dennis", "Sander", "Bas",
    "Thijs", "Daan", "Lars", "Ruben", "Mohamed", "Youssef", "Mehmet", "Ahmet", "Rachid", "Tom",
    "Jeroen", "Martijn", "Erik", "Frank", "Hans", "Ton", "Sjoerd", "Wouter", "Niels", "Stefan",
    "Priyesh", "Dewi", "Kevin", "Jorden", "Gijs", "Hendrik", "Klaas", "Arie", "Rob",
)
FEMALE_NAMES = (
    "Anna", "Maria", "Els", "Ingrid", "Marja", "Annemiek", "Sanne", "Lisa", "Femke", "Fleur",
    "Iris", "Eva", "Sophie", "Lotte", "Marloes", "Fatima", "Samira", "Ayşe", "Zeynep", "Nadia",
    "Petra", "Monique", "Wilma", "Corrie", "Gerda", "Joke", "Ria", "Sylvia", "Esther", "Linda",
    "Chantal", "Priya", "Mei", "Anouk", "Noor", "Julia", "Emma", "Marieke", "Tineke", "Hanneke",
)
SURNAMES: tuple[tuple[str, str], ...] = (
    ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("", "Bakker"), ("", "Visser"),
    ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"), ("de", "Groot"), ("", "Bos"),
    ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"),
    ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"),
    ("van der", "Meer"), ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"),
    ("", "Vermeulen"), ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"),
    ("de", "Bruijn"), ("de", "Jong"), ("van", "Dijk"), ("", "Schouten"), ("", "Postma"),
    ("", "Kuipers"), ("El", "Amrani"), ("", "Yılmaz"), ("", "Bouzid"), ("", "Kaya"),
    ("", "Nguyen"), ("", "Pinas"), ("", "Wijaya"), ("", "Kowalski"), ("ter", "Horst"),
    ("van 't", "Hof"), ("", "Hoekstra"), ("", "Veenstra"), ("op den", "Kamp"), ("", "Şahin"),
)
STREETS = (
    "Kerkstraat", "Dorpsstraat", "Molenweg", "Schoolstraat", "Julianalaan", "Beatrixstraat",
    "Prinses Irenestraat", "Eikenlaan", "Berkenlaan", "Lindelaan", "Populierenweg", "Merelstraat",
    "Kievitlaan", "Zonnebloemstraat", "Tulpstraat", "Havenweg", "Stationsweg", "Raadhuisstraat",
    "Wilhelminaplein", "Slotlaan", "Oude Rijksweg", "Esdoornhof", "Vogelzang", "Kastanjelaan",
    "Nieuwe Gracht", "Brink", "Kortestraat", "Lange Akker", "Weidelaan", "Spoorstraat",
)
WIJKEN = ("Centrum", "Oosterwijk", "Westerkade", "Het Veld", "De Bongerd", "Noordhoek")
MAIL_DOMAINS = ("example.nl", "voorbeeld.nl", "mail.test", "example.com", "voorbeeld.nl")
USER_AGENTS = (
    None, None, "Microsoft Outlook 16.0", "Mozilla Thunderbird", "iPhone Mail (21F90)",
    "Android Mail", None,
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

# A real 4x3 pixel JPEG; a COM segment with the message number makes each one unique.
_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAZABkAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERX"
    "RTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAADAAQDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAA"
    "AAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAk"
    "M2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKT"
    "lJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QA"
    "HwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdh"
    "cRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hp"
    "anN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk"
    "5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCWiiiuMyP/2Q=="
)


# -- small synthetic files -----------------------------------------------------------------


def jpeg_bytes(comment: str) -> bytes:
    """A tiny valid JPEG carrying `comment` in a COM segment."""
    data = comment.encode("ascii", "replace")[:200]
    segment = b"\xff\xfe" + (len(data) + 2).to_bytes(2, "big") + data
    return _JPEG[:20] + segment + _JPEG[20:]


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` in Helvetica."""

    def text(value: str) -> bytes:
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.encode("cp1252", "replace")

    content = b"BT /F1 12 Tf 72 770 Td 16 TL\n" + b"".join(
        b"(" + text(line) + b") Tj T*\n" for line in lines
    ) + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


# -- simulated time ------------------------------------------------------------------------

_HOLIDAYS = holidays.country_holidays("NL", years=range(START.year, ANCHOR.year + 2))
_RESIDENT_HOURS = (7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 16, 17, 19, 20,
                   20, 21, 21, 22, 23)


def _workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _HOLIDAYS


def _at(day: date, minutes: float) -> datetime:
    return datetime.combine(day, time(0, 0), TZ) + timedelta(minutes=int(minutes))


def _into_office(rng: random.Random, moment: datetime) -> datetime:
    """`moment` if it falls in office hours, else shortly after the next opening."""
    day = moment.date()
    if _workday(day) and time(8, 30) <= moment.time() < time(17, 0):
        return moment
    if not (_workday(day) and moment.time() < time(8, 30)):
        day += timedelta(days=1)
        while not _workday(day):
            day += timedelta(days=1)
    return _at(day, 8 * 60 + 30 + rng.uniform(0, 150))


def _staff_after(rng: random.Random, moment: datetime, lo_hours: float, hi_hours: float
                 ) -> datetime:
    return _into_office(rng, moment + timedelta(hours=rng.uniform(lo_hours, hi_hours)))


def _resident_after(rng: random.Random, moment: datetime, lo_hours: float, hi_hours: float
                    ) -> datetime:
    later = moment + timedelta(hours=rng.uniform(lo_hours, hi_hours))
    if later.hour < 7:
        later = _at(later.date(), rng.choice(_RESIDENT_HOURS) * 60 + rng.uniform(0, 59))
        if later <= moment:
            later = moment + timedelta(minutes=rng.uniform(20, 90))
    return later


def _pick_moment(rng: random.Random, lo: datetime, hi: datetime, office: bool) -> datetime:
    """A plausible moment in [lo, hi]: office hours for calls and visits, else a resident's."""
    span = (hi - lo).total_seconds()
    for _ in range(100):
        moment = lo + timedelta(seconds=rng.uniform(0, span))
        day = moment.date()
        if office:
            while not _workday(day):
                day -= timedelta(days=1)
            moment = _at(day, rng.uniform(9 * 60, 16 * 60 + 45))
        else:
            if day.weekday() >= 5 and rng.random() < 0.5:
                continue
            moment = _at(day, rng.choice(_RESIDENT_HOURS) * 60 + rng.uniform(0, 59))
        if lo <= moment <= hi:
            return moment
    return hi


def dutch_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


# -- people --------------------------------------------------------------------------------


def _ascii(value: str) -> str:
    import unicodedata

    value = value.replace("ı", "i").replace("ş", "s").replace("Ş", "S").replace("'", "")
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def _kind(channel: Channel) -> str:
    if channel in (Channel.PHONE, Channel.COUNTER, Channel.WHATSAPP):
        return "phone"
    return channel.value


@dataclass
class _Resident:
    first: str
    tussen: str
    last: str
    female: bool
    email: str
    phone: str  # as the resident writes it
    handle: str
    facebook: str
    street: str
    number: str
    postcode: str
    wijk: str
    formal: bool
    kinds: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    cases: int = 0

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first, self.tussen, self.last) if p)

    @property
    def surname(self) -> str:
        return " ".join(p for p in (self.tussen, self.last) if p)

    @property
    def formal_surname(self) -> str:
        surname = self.surname
        return surname[:1].upper() + surname[1:]

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}"


class _People:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.emails: set[str] = set()
        self.phones: set[str] = set()

    def new(self) -> _Resident:
        rng = self.rng
        female = rng.random() < 0.55
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        tussen, last = rng.choice(SURNAMES)
        f, t, sur = _ascii(first), _ascii(tussen), _ascii(last)
        year = rng.randint(45, 99) if rng.random() < 0.6 else rng.randint(0, 5)
        local = rng.choice((
            f"{f[0]}.{t}{sur}", f"{f}.{t}{sur}", f"{f}{t}{sur}{year:02d}", f"{t}{sur}.{f}",
            f"{f[0]}{t[:1]}{sur}{rng.randint(1, 99)}", f"{f}_{sur}", f"fam{t}{sur}",
        ))
        email = f"{local}@{rng.choice(MAIL_DOMAINS)}"
        while email in self.emails:
            email = f"{local}{rng.randint(2, 999)}@{rng.choice(MAIL_DOMAINS)}"
        self.emails.add(email)
        digits = f"{rng.randint(1, 5)}{rng.randint(0, 9_999_999):07d}"
        while digits in self.phones:
            digits = f"{rng.randint(1, 5)}{rng.randint(0, 9_999_999):07d}"
        self.phones.add(digits)
        phone = rng.choice((
            f"06-{digits}", f"06 {digits}", f"06{digits}", f"+31 6 {digits[:4]} {digits[4:]}",
            f"06 {digits[:2]} {digits[2:5]} {digits[5:]}",
        ))
        number = str(rng.randint(1, 140)) + rng.choice(("",) * 8 + ("a", "b", "-2"))
        return _Resident(
            first=first, tussen=tussen, last=last, female=female, email=email, phone=phone,
            handle=f"@{f}{rng.choice(('', '_', '.'))}{sur}{rng.randint(1, 99)}@social.example",
            facebook=f"{f}.{t}{sur}.{rng.randint(1000, 9999)}",
            street=rng.choice(STREETS), number=number,
            postcode=f"{rng.randint(7400, 7499)} {rng.choice('ABCEGHJKLMNPRSTVWXZ')}"
                     f"{rng.choice('ABCEGHJKLMNPRSTVWXZ')}",
            wijk=rng.choice(WIJKEN), formal=rng.random() < 0.6,
        )


# -- the plan ------------------------------------------------------------------------------


def _quota(rng: random.Random, n: int, shares: tuple[tuple[Any, float], ...]) -> list[Any]:
    """Exactly n items with the given shares (largest remainder), shuffled."""
    exact = [(value, share * n) for value, share in shares]
    counts = {value: int(x) for value, x in exact}
    rest = n - sum(counts.values())
    for value, _ in sorted(exact, key=lambda vx: vx[1] - int(vx[1]), reverse=True)[:rest]:
        counts[value] += 1
    items = [value for value, _ in shares for _ in range(counts[value])]
    rng.shuffle(items)
    return items


@dataclass
class _Case:
    index: int
    channel: Channel
    status: Status
    opened: datetime
    topic: Topic = TOPICS[0]
    resident: _Resident | None = None
    subject: str = ""
    ctx: dict[str, str] = field(default_factory=dict)
    staff: str = "anne"
    reference: str = ""
    case_id: int = 0
    thread: list[str] = field(default_factory=list)  # e-mail Message-IDs, oldest first
    last_out: str = ""  # last Message-ID / status URL of the municipality
    last_text: str = ""
    last_from: str = ""
    last_at: datetime | None = None
    gives_phone: bool = True

    @property
    def who(self) -> _Resident:
        assert self.resident is not None
        return self.resident
    fcr: bool = False
    outcome: str = ""
    variant: int = 0  # which of the topic's aligned texts this case uses
    formal: bool = True

    def pick(self, texts: tuple[str, ...]) -> str:
        return texts[self.variant % len(texts)]


Action = Callable[[], None]


def _email_bytes(
    *,
    sender: Address,
    to: Address,
    moment: datetime,
    message_id: str,
    subject: str,
    text: str,
    html_text: str | None = None,
    attachment: tuple[str, str, bytes] | None = None,  # (file name, content type, data)
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
    user_agent: str | None = None,
) -> bytes:
    """An RFC 5322 message with deterministic MIME boundaries."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = format_datetime(moment)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    msg["Subject"] = subject
    if user_agent:
        msg["User-Agent"] = user_agent
    msg.set_content(text)
    if html_text is not None:
        msg.add_alternative(html_text, subtype="html")
    if attachment is not None:
        filename, content_type, data = attachment
        maintype, subtype = content_type.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    boundary = message_id.strip("<>").split("@", 1)[0]
    parts = [part for part in msg.walk() if part.is_multipart()]
    for number, part in enumerate(parts):
        part.set_boundary(f"=_{boundary}_{number}")
    return msg.as_bytes()


def _html(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>\n"
        for p in paragraphs
    )
    return (
        '<html><head><meta charset="utf-8"></head>'
        '<body style="font-family: Arial, sans-serif; font-size: 11pt">\n' + body + "</body></html>"
    )


_SUBJECT_PREFIXES = ("Inwoner belt: ", "Aan de balie: ", "Melding: ", "Vraag: ", "Hallo, ",
                     "Help, ", "Hoi, ", "@gemeentevoorbeeld ")


def _short_subject(text: str) -> str:
    """A subject a person would give a call note or a social post: its first sentence."""
    text = text.strip()
    for prefix in _SUBJECT_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    end = min((i for i in (text.find(". "), text.find("?"), text.find("!"), text.find("\n"))
               if i >= 0), default=len(text))
    sentence = text[: end + 1 if end < len(text) and text[end] in "?!" else end].strip(" .,")
    if len(sentence) > 70:
        sentence = sentence[: sentence.rfind(" ", 0, 66)].rstrip(" ,") + " …"
    return sentence[:1].upper() + sentence[1:]


def _greeting_for(text: str, moment: datetime) -> str:
    """Residents greet by the time of day they write."""
    for word in ("Goedemorgen", "Goedemiddag", "Goedenavond"):
        if text.startswith(word):
            right = ("Goedemorgen" if moment.hour < 12 else "Goedemiddag" if moment.hour < 18
                     else "Goedenavond")
            return right + text[len(word):]
    return text


def _quote(author: str, moment: datetime | None, text: str) -> str:
    if moment is None or not text:
        return ""
    when = f"{dutch_date(moment.date())} {moment.year} om {moment:%H:%M}"
    quoted = "\n".join("> " + line if line else ">" for line in text.splitlines())
    return f"\n\nOp {when} schreef {author}:\n{quoted}"


class _Demo:
    """Plans the year, then plays every step in time order through the services."""

    def __init__(
        self,
        loket: Loket,
        rng: random.Random,
        tag: str,
        total: int,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.loket = loket
        self.rng = rng
        self.tag = tag
        self.total = total
        self.progress = progress
        self.clock = START
        self.counter = 0
        self.opened = 0
        self.people = _People(rng)

    # -- planning ----------------------------------------------------------------------

    def plan(self) -> list[tuple[datetime, int, int, Action]]:
        rng = self.rng
        n = self.total
        channels = _quota(rng, n, CHANNEL_SHARES)
        statuses = _quota(rng, n, STATUS_SHARES)
        cases: list[_Case] = []
        for index, (channel, status) in enumerate(zip(channels, statuses, strict=True)):
            office = channel in (Channel.PHONE, Channel.COUNTER)
            lo, hi = self._window(status)
            cases.append(_Case(index, channel, status, _pick_moment(rng, lo, hi, office)))
        cases.sort(key=lambda c: (c.opened, c.index))
        residents: list[_Resident] = []
        steps: list[tuple[datetime, int, int, Action]] = []
        for order, case in enumerate(cases):
            case.index = order
            case.topic = self._topic(case.opened)
            case.variant = rng.randrange(len(case.topic.mails))
            case.resident = self._resident(case, residents)
            case.staff = rng.choice(AGENTS)
            case.ctx = self._context(case)
            case.subject = self._subject(case)
            case.outcome = case.pick(case.topic.outcomes).format(**case.ctx)
            planned = self._steps(case)
            last = max(t for t, _ in planned)
            limit = ANCHOR - timedelta(minutes=2)
            if last > limit:  # squeeze a late case's life into the year, keeping its order
                factor = (limit - case.opened) / (last - case.opened)
                planned = [(case.opened + (t - case.opened) * factor, a) for t, a in planned]
            steps.extend((t, order, k, action) for k, (t, action) in enumerate(planned))
        steps.sort(key=lambda s: (s[0], s[1], s[2]))
        return steps

    def _window(self, status: Status) -> tuple[datetime, datetime]:
        days = timedelta(days=1)
        if status is Status.NIEUW:
            return ANCHOR - 3.5 * days, ANCHOR - timedelta(minutes=20)
        if status is Status.IN_BEHANDELING:
            return ANCHOR - 28 * days, ANCHOR - 2 * days
        if status is Status.WACHT_OP_INWONER:
            return ANCHOR - 40 * days, ANCHOR - 4 * days
        if self.rng.random() < 0.1:
            return ANCHOR - 22 * days, ANCHOR - 3 * days
        return START + timedelta(hours=1), ANCHOR - 22 * days

    def _topic(self, moment: datetime) -> Topic:
        weights = [t.weight * (2.5 if moment.month in t.months else 1.0) for t in TOPICS]
        return self.rng.choices(TOPICS, weights=weights)[0]

    def _resident(self, case: _Case, residents: list[_Resident]) -> _Resident:
        rng = self.rng
        kind = _kind(case.channel)
        case.gives_phone = case.channel is not Channel.COUNTER or rng.random() < 0.5
        if rng.random() < 0.23:
            known = [r for r in residents if kind in r.kinds]
            once = [r for r in known if r.cases == 1]
            pool = once if once and rng.random() < 0.85 else known
            if pool:
                resident = rng.choice(pool)
                resident.cases += 1
                case.gives_phone = True
                return resident
        resident = self.people.new()
        residents.append(resident)
        resident.cases = 1
        if case.gives_phone or kind != "phone":
            resident.kinds.add(kind)
        return resident

    def _context(self, case: _Case) -> dict[str, str]:
        rng = self.rng
        r = case.who
        day = case.opened.date()
        back = day - timedelta(days=rng.randint(2, 6))
        soon = day + timedelta(days=rng.randint(5, 20))
        while not _workday(soon):
            soon += timedelta(days=1)
        letters = "BDFGHJKLNPRSTVXZ"
        return {
            "naam": r.name, "voornaam": r.first, "achternaam": r.surname,
            "adres": r.address, "straat": r.street, "huisnr": r.number, "postcode": r.postcode,
            "woonplaats": TOWN, "wijk": r.wijk, "telefoon": r.phone, "email": r.email,
            "dag_vorige_week": WEEKDAYS[back.weekday()],
            "datum_vorige_week": dutch_date(back),
            "datum_straks": dutch_date(soon),
            "datum_later": dutch_date(day + timedelta(days=rng.randint(30, 90))),
            "datum_ver": dutch_date(day + timedelta(days=rng.randint(120, 270))),
            "datum_open": dutch_date(day),
            "jaar": str(case.opened.year),
            "kenteken": f"{rng.choice(letters)}{rng.choice(letters)}-{rng.randint(100, 999)}-"
                        f"{rng.choice(letters)}",
            "bedrag": f"€ {rng.randint(180, 980)},{rng.randint(0, 99):02d}",
            "woz": f"€ {rng.randint(210, 620)}.000",
            "aanslag": f"{case.opened.year}.{rng.randint(100000, 999999)}",
            "afdeling": case.topic.department,
            "bijlage": "",
        }

    def _subject(self, case: _Case) -> str:
        r = case.who
        options = [s.format(**case.ctx) for s in case.topic.subjects]
        preferred = options.pop(case.variant)
        self.rng.shuffle(options)
        options.insert(0, preferred)
        subject = next((s for s in options if normalize_subject(s) not in r.subjects), "")
        if not subject:
            subject = f"{options[0]} (opnieuw)"
            number = 2
            while normalize_subject(subject) in r.subjects:
                number += 1
                subject = f"{options[0]} ({number})"
        if not r.formal and self.rng.random() < 0.2:
            subject = subject.lower()
        r.subjects.add(normalize_subject(subject))
        return subject

    def _steps(self, c: _Case) -> list[tuple[datetime, Action]]:
        rng = self.rng
        out: list[tuple[datetime, Action]] = []

        def add(moment: datetime, action: Action) -> None:
            out.append((moment, action))

        def later(moment: datetime, minutes: float) -> datetime:
            return moment + timedelta(minutes=minutes)

        t = c.opened
        status = c.status
        assigner = rng.choice(AGENTS) if rng.random() < 0.5 else c.staff  # a colleague or self
        if c.channel is Channel.EMAIL:
            add(t, lambda: self.open_email(c))
            if status is Status.NIEUW:
                if rng.random() < 0.15:
                    add(_resident_after(rng, t, 2, 30), lambda: self.resident_mail(c, "reminder"))
                return out
            t = _staff_after(rng, t, 0.5, 30)
            add(t, lambda: self.assign(c, assigner))
            if rng.random() < 0.25:
                add(later(t, 6), lambda: self.note(c))
            if status is Status.IN_BEHANDELING:
                if rng.random() < 0.5:
                    t = later(t, rng.uniform(5, 60))
                    add(t, lambda: self.reply_mail(c, "ack"))
                chance = rng.random()
                if chance < 0.25:
                    add(_resident_after(rng, t, 24, 120), lambda: self.resident_mail(c, "reminder"))
                elif chance < 0.4:
                    add(_staff_after(rng, t, 24, 96), lambda: self.call_about(c, 0))
            elif status is Status.WACHT_OP_INWONER:
                t = _staff_after(rng, t, 0, 24)
                add(t, lambda: self.reply_mail(c, "ask"))
                add(later(t, 1), lambda: self.wait(c))
            else:
                variant = rng.random()
                if variant < 0.5:
                    c.fcr = rng.random() < 0.35
                    t = _staff_after(rng, t, 0, 30)
                    add(t, lambda: self.reply_mail(c, "answer"))
                    add(later(t, 2), lambda: self.close(c))
                    if rng.random() < 0.2:
                        t = _resident_after(rng, t, 1, 30)
                        add(t, lambda: self.resident_mail(c, "thanks"))
                        add(_staff_after(rng, t, 0.5, 24), lambda: self.close(c))
                elif variant < 0.9:
                    t = _staff_after(rng, t, 0, 24)
                    add(t, lambda: self.reply_mail(c, "ask"))
                    add(later(t, 1), lambda: self.wait(c))
                    if rng.random() < 0.2:
                        t = _staff_after(rng, t, 20, 120)
                        add(t, lambda: self.call_about(c, 1))
                    else:
                        t = _resident_after(rng, t, 3, 144)
                        add(t, lambda: self.resident_mail(c, "supply"))
                    t = _staff_after(rng, t, 1, 48)
                    add(t, lambda: self.reply_mail(c, "answer"))
                    add(later(t, 2), lambda: self.close(c))
                else:
                    add(later(t, 8), lambda: self.note(c, f"Doorgezet naar {c.topic.department}."))
                    t = _staff_after(rng, t, 24, 120)
                    add(t, lambda: self.reply_mail(c, "answer"))
                    add(later(t, 2), lambda: self.close(c))
        elif c.channel in (Channel.PHONE, Channel.COUNTER):
            if status is Status.AFGEROND and rng.random() < 0.7:
                c.fcr = True
                add(t, lambda: self.log_first(c, resolved=True))
                return out
            logger = c.staff if status is not Status.NIEUW and rng.random() < 0.6 else (
                rng.choice(AGENTS))
            add(t, lambda: self.log_first(c, resolved=False, logger=logger))
            if status is Status.NIEUW:
                return out
            t = _staff_after(rng, t, 0.2, 6)
            add(t, lambda: self.assign(c, assigner))
            if rng.random() < 0.3:
                add(later(t, 4), lambda: self.note(c))
            if status is Status.WACHT_OP_INWONER:
                add(later(t, 5), lambda: self.wait(c))
                add(later(t, 6), lambda: self.note(
                    c, "Inwoner levert de ontbrekende gegevens nog aan."))
            elif status is Status.AFGEROND:
                t = _staff_after(rng, t, 2, 72)
                add(t, lambda: self.call_back(c))
                add(later(t, 3), lambda: self.close(c))
        else:
            add(t, lambda: self.open_social(c))
            if status is Status.NIEUW:
                return out
            t = _staff_after(rng, t, 0.3, 20)
            add(t, lambda: self.assign(c, assigner))
            if status is Status.IN_BEHANDELING:
                add(later(t, 2), lambda: self.reply_social(c, "ack"))
            elif status is Status.WACHT_OP_INWONER:
                add(later(t, 2), lambda: self.reply_social(c, "ask"))
                add(later(t, 3), lambda: self.wait(c))
            elif rng.random() < 0.5:
                c.fcr = rng.random() < 0.5
                add(later(t, 2), lambda: self.reply_social(c, "answer"))
                add(later(t, 4), lambda: self.close(c))
            else:
                add(later(t, 2), lambda: self.reply_social(c, "ask"))
                add(later(t, 3), lambda: self.wait(c))
                t = _resident_after(rng, t, 1, 72)
                add(t, lambda: self.resident_social(c))
                t = _staff_after(rng, t, 0.5, 30)
                add(t, lambda: self.reply_social(c, "answer"))
                add(later(t, 2), lambda: self.close(c))
        return out

    # -- playing -------------------------------------------------------------------------

    def run(self, steps: list[tuple[datetime, int, int, Action]]) -> None:
        for moment, _, _, action in steps:
            self.clock = moment
            action()

    def _as(self, user: str, action: Callable[[], Received | object]) -> Any:
        previous = self.loket.user
        self.loket.user = user
        try:
            return action()
        finally:
            self.loket.user = previous

    def _id(self, domain: str) -> str:
        self.counter += 1
        return f"<{self.tag}-{self.counter}@{domain}>"

    def _text(self, c: _Case, template: str, **extra: str) -> str:
        return template.format(**{**c.ctx, **extra})

    def _opened(self, c: _Case, received: Received) -> None:
        if received.duplicate or not received.new_case or received.reference is None:
            raise RuntimeError(
                f"demo: case {c.index} should open a new case but joined "
                f"{received.reference} (rule {received.rule!r})"
            )
        c.reference = received.reference
        c.case_id = received.case_id or 0
        self.opened += 1
        if self.progress is not None and (self.opened % 50 == 0 or self.opened == self.total):
            self.progress(self.opened, self.total)

    def _joined(self, c: _Case, received: Received) -> None:
        if received.duplicate or received.case_id != c.case_id:
            raise RuntimeError(
                f"demo: a message of {c.reference} landed in {received.reference} "
                f"(rule {received.rule!r})"
            )

    def _free_subject(self, channel: Channel, sender: str, subject: str) -> str:
        """`subject`, numbered when this sender has an open case with that subject already."""
        address = address_for(channel, sender)
        if address is None:
            return subject
        candidate, number = subject, 1
        while self.loket.db.one(
            "SELECT 1 FROM cases c JOIN contact_addresses a ON a.contact_id = c.contact_id "
            "WHERE a.kind = ? AND a.value = ? AND c.normalized_subject = ? "
            "AND c.status != 'afgerond' LIMIT 1",
            (address[0].value, address[1], normalize_subject(candidate)),
        ) is not None:
            number += 1
            candidate = f"{subject} ({number})"
        return candidate

    def _attachment(self, c: _Case) -> tuple[str, str, bytes] | None:
        if c.topic.attachment is None:
            return None
        filename = c.topic.attachment[0]
        if filename.endswith(".jpg"):
            return filename, "image/jpeg", jpeg_bytes(f"Loket demo {self.tag} {self.counter}")
        lines = [c.topic.product, f"{c.who.name}, {c.who.address}, {TOWN}",
                 f"Bijlage bij e-mail van {dutch_date(self.clock.date())} {self.clock.year}",
                 "Synthetisch demodocument (Loket)"]
        return filename, "application/pdf", pdf_bytes(lines)

    def _resident_address(self, r: _Resident) -> Address:
        name = r.name if r.formal or len(r.email) % 5 else ""
        return Address(display_name=name, addr_spec=r.email)

    def _agent(self, r: _Resident) -> str | None:
        return USER_AGENTS[len(r.email) % len(USER_AGENTS)]

    def _remember(self, c: _Case, author: str, text: str) -> None:
        c.last_from, c.last_text, c.last_at = author, text, self.clock

    # e-mail

    def open_email(self, c: _Case) -> None:
        rng = self.rng
        r = c.who
        c.subject = self._free_subject(Channel.EMAIL, r.email, c.subject)
        template = c.pick(c.topic.mails)
        c.formal = r.formal or not template.lower().startswith(("hoi", "hallo", "hey", "beste"))
        attachment = None
        bijlage = ""
        if c.topic.attachment and "{bijlage}" in template and rng.random() < 0.6:
            attachment = self._attachment(c)
            bijlage = c.topic.attachment[1]
        text = _greeting_for(self._text(c, template, bijlage=bijlage), self.clock)
        agent = self._agent(r)
        if agent and agent.startswith("iPhone") and not r.formal:
            text += "\n\nVerstuurd vanaf mijn iPhone"
        mid = self._id("example.nl")
        raw = _email_bytes(
            sender=self._resident_address(r), to=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS),
            moment=self.clock, message_id=mid, subject=c.subject, text=text,
            html_text=_html(text) if rng.random() < 0.25 else None, attachment=attachment,
            user_agent=agent,
        )
        self._opened(c, import_bytes(self.loket, raw))
        c.thread.append(mid)
        self._remember(c, f"{r.name} <{r.email}>", text)

    def resident_mail(self, c: _Case, kind: str) -> None:
        rng = self.rng
        r = c.who
        attachment = None
        if kind == "supply":
            supply = self._text(c, c.pick(c.topic.supplies))
            text = self._text(c, rng.choice(SUPPLY_MAILS), aanvulling=supply)
            if c.topic.attachment and rng.random() < 0.4:
                attachment = self._attachment(c)
        elif kind == "thanks":
            text = self._text(c, rng.choice(THANKS_MAILS))
        else:
            text = self._text(c, rng.choice(REMINDER_MAILS))
        in_reply_to: str | None = None
        references: tuple[str, ...] = ()
        if not c.last_out:
            subject = f"Re: {c.subject}"
            in_reply_to, references = c.thread[0], (c.thread[0],)
        else:
            how = rng.random()
            if how < 0.6:
                prefix = rng.choice(("Re:", "RE:", "Antw:", "Re:"))
                subject = f"{prefix} [{c.reference}] {c.subject}"
                in_reply_to, references = c.last_out, tuple(c.thread[-4:])
            elif how < 0.8:
                subject = f"Re: {c.subject}"
                in_reply_to, references = c.last_out, tuple(c.thread[-4:])
            else:
                subject = rng.choice((f"Aanvulling zaak {c.reference}", f"Uw kenmerk {c.reference}",
                                      f"{c.reference} - {c.subject}"))
        text = _greeting_for(text, self.clock)
        if in_reply_to and rng.random() < 0.5:
            text += _quote(c.last_from, c.last_at, c.last_text)
        mid = self._id("example.nl")
        raw = _email_bytes(
            sender=self._resident_address(r), to=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS),
            moment=self.clock, message_id=mid, subject=subject, text=text,
            html_text=_html(text) if rng.random() < 0.25 else None, attachment=attachment,
            in_reply_to=in_reply_to, references=references, user_agent=self._agent(r),
        )
        self._joined(c, import_bytes(self.loket, raw))
        c.thread.append(mid)
        self._remember(c, f"{r.name} <{r.email}>", text)

    def _letter(self, c: _Case, kind: str) -> str:
        if kind == "ack":
            return self._text(c, self.rng.choice(ACK_TEXTS))
        if kind == "ask":
            return self._text(c, c.pick(c.topic.asks))
        return self._text(c, c.pick(c.topic.answers))

    def reply_mail(self, c: _Case, kind: str) -> None:
        r = c.who
        if c.formal:
            greeting = f"Geachte {'mevrouw' if r.female else 'heer'} {r.formal_surname},"
            closing = (f"Heeft u nog vragen? Beantwoordt u dan deze e-mail en laat het "
                       f"zaaknummer {c.reference} in het onderwerp staan.")
        else:
            greeting = f"Beste {r.first},"
            closing = "Nog vragen? Je kunt gewoon op deze e-mail reageren."
        signature = (f"Met vriendelijke groet,\n\n{DISPLAY[c.staff]}\nKlantcontactcentrum "
                     f"{MUNICIPALITY}\nTelefoon 14 0999 | www.gemeente-voorbeeld.nl")
        text = f"{greeting}\n\n{self._letter(c, kind)}\n\n{closing}\n\n{signature}"
        html_text = _html(text)
        if self.rng.random() < 0.4:
            text += _quote(c.last_from, c.last_at, c.last_text)
        mid = self._id("gemeente-voorbeeld.nl")
        raw = _email_bytes(
            sender=Address(MUNICIPALITY, addr_spec=INFO_ADDRESS),
            to=Address(r.name, addr_spec=r.email), moment=self.clock, message_id=mid,
            subject=f"Re: [{c.reference}] {c.subject}", text=text, html_text=html_text,
            in_reply_to=c.thread[-1], references=tuple(c.thread[-4:]),
            user_agent="Loket 0.1",
        )
        received = self._as(c.staff, lambda: import_bytes(self.loket, raw, Direction.OUTBOUND))
        self._joined(c, received)
        c.thread.append(mid)
        c.last_out = mid
        self._remember(c, f"{MUNICIPALITY} <{INFO_ADDRESS}>", text)

    # phone and counter

    def _question(self, c: _Case, text: str) -> str:
        text = self._text(c, text)
        if c.channel is Channel.COUNTER:
            text = text.replace("Inwoner belt: ", "Aan de balie: ").replace(" belt ", " komt ")
        return text

    def log_first(self, c: _Case, resolved: bool, logger: str | None = None) -> None:
        r = c.who
        question, answer = c.topic.phone[c.variant % len(c.topic.phone)]
        question = self._question(c, question)
        phone = r.phone if c.gives_phone else ""
        c.subject = self._free_subject(Channel.PHONE, phone, _short_subject(question))
        callback = None
        if resolved:
            answer = self._text(c, answer)
            c.outcome = answer
        elif c.status is Status.WACHT_OP_INWONER:
            answer = "Uitgelegd welke gegevens nodig zijn; inwoner levert die aan."
        else:
            answer = f"Vraag uitgezet bij {c.topic.department}; inwoner wordt teruggebeld."
            day = self.clock.date() + timedelta(days=1)
            while not _workday(day):
                day += timedelta(days=1)
            callback = day.isoformat()
        user = c.staff if resolved or logger is None else logger
        received = self._as(user, lambda: self.loket.log_contact(
            c.channel, name=r.name, question=question, answer=answer,
            phone_number=phone, subject=c.subject, resolved=False, callback_by=callback,
        ))
        self._opened(c, received)
        if resolved:
            self._as(user, lambda: self.loket.assign(c.reference, c.staff))
            self._as(user, lambda: self.loket.close_case(c.reference, c.outcome, True))

    def call_back(self, c: _Case) -> None:
        r = c.who
        answer = self._text(c, c.pick(c.topic.answers))
        channel = Channel.PHONE if c.gives_phone else Channel.COUNTER
        question = ("Inwoner teruggebeld over de vraag van " + c.ctx["datum_open"] + "."
                    if c.gives_phone else "Inwoner komt terug aan de balie voor het antwoord.")
        received = self._as(c.staff, lambda: self.loket.log_contact(
            channel, name=r.name, question=question, answer=answer,
            phone_number=r.phone if c.gives_phone else "", subject=c.subject,
            case_reference=c.reference,
        ))
        self._joined(c, received)

    def call_about(self, c: _Case, which: int) -> None:
        """The e-mailing resident phones about the same case."""
        r = c.who
        question, answer = FOLLOWUP_CALLS[which]
        supply = self._text(c, c.pick(c.topic.supplies))
        received = self._as(self.rng.choice(AGENTS), lambda: self.loket.log_contact(
            Channel.PHONE, name=r.name, question=self._text(c, question, aanvulling=supply),
            answer=self._text(c, answer), phone_number=r.phone, subject=c.subject,
            case_reference=c.reference,
        ))
        self._joined(c, received)

    # social media

    def _social_sender(self, c: _Case) -> tuple[str, str]:
        r = c.who
        if c.channel is Channel.MASTODON:
            return r.handle, r.name
        if c.channel is Channel.WHATSAPP:
            return r.phone, r.first
        return r.facebook, r.name

    def _status_url(self, account: str) -> str:
        self.counter += 1
        user = account.lstrip("@").split("@", 1)[0]
        return f"https://social.example/@{user}/{113_000_000_000_000_000 + self.counter * 7919}"

    def _social(self, c: _Case, text: str, subject: str, outbound: bool) -> Received:
        sender, name = self._social_sender(c)
        message_id = None
        in_reply_to = None
        if c.channel is Channel.MASTODON:
            account = MASTODON_ACCOUNT if outbound else sender
            message_id = self._status_url(account)
            in_reply_to = c.last_out if not outbound and c.last_out else (
                c.thread[-1] if c.thread else None)
            external = message_id.rsplit("/", 1)[1]
        else:
            self.counter += 1
            external = f"{self.tag}-{self.counter}"
        if outbound:
            ours = {Channel.MASTODON: MASTODON_ACCOUNT, Channel.WHATSAPP: WHATSAPP_NUMBER,
                    Channel.FACEBOOK: FACEBOOK_PAGE}[c.channel]
            msg = IncomingMessage(
                channel=c.channel, sent_at=self.clock, sender=ours, sender_name=MUNICIPALITY,
                recipients=sender, subject=subject, body_text=text, message_id=message_id,
                in_reply_to=in_reply_to, external_id=external, direction=Direction.OUTBOUND,
            )
        else:
            recipients = {Channel.MASTODON: MASTODON_ACCOUNT, Channel.WHATSAPP: WHATSAPP_NUMBER,
                          Channel.FACEBOOK: FACEBOOK_PAGE}[c.channel]
            msg = IncomingMessage(
                channel=c.channel, sent_at=self.clock, sender=sender, sender_name=name,
                recipients=recipients, subject=subject, body_text=text, message_id=message_id,
                in_reply_to=in_reply_to, external_id=external,
            )
        received = self.loket.receive(msg)
        if message_id:
            c.thread.append(message_id)
            if outbound:
                c.last_out = message_id
        return received

    def open_social(self, c: _Case) -> None:
        sender, _ = self._social_sender(c)
        text = self._text(c, c.pick(c.topic.social))
        c.formal = False
        c.subject = self._free_subject(c.channel, sender, _short_subject(text))
        if c.channel is Channel.MASTODON:
            if not text.startswith("@gemeentevoorbeeld"):
                text = "@gemeentevoorbeeld " + text
            text = text.replace("@gemeentevoorbeeld", MASTODON_ACCOUNT, 1)
        else:
            text = text.replace("@gemeentevoorbeeld ", "").replace(" @gemeentevoorbeeld", "")
        self._opened(c, self._social(c, text, c.subject, outbound=False))

    def reply_social(self, c: _Case, kind: str) -> None:
        r = c.who
        initials = "".join(p[0] for p in DISPLAY[c.staff].split() if p[0].isupper())
        mention = f"{r.handle} " if c.channel is Channel.MASTODON else ""
        text = f"{mention}Hoi {r.first}, {self._letter(c, kind)} ^{initials}"
        subject = f"[{c.reference}] {c.subject}"
        received = self._as(c.staff, lambda: self._social(c, text, subject, outbound=True))
        self._joined(c, received)

    def resident_social(self, c: _Case) -> None:
        supply = self._text(c, c.pick(c.topic.supplies))
        text = self._text(c, self.rng.choice(SOCIAL_SUPPLIES), aanvulling=supply)
        if c.channel is Channel.MASTODON:
            text = f"{MASTODON_ACCOUNT} {text}"
        self._joined(c, self._social(c, text, c.subject, outbound=False))

    # staff actions

    def assign(self, c: _Case, by: str) -> None:
        self._as(by, lambda: self.loket.assign(c.reference, c.staff))

    def wait(self, c: _Case) -> None:
        self._as(c.staff, lambda: self.loket.set_status(c.reference, Status.WACHT_OP_INWONER))

    def note(self, c: _Case, text: str | None = None) -> None:
        if text is None:
            pool = c.topic.notes + GENERIC_NOTES if c.topic.notes else GENERIC_NOTES
            text = self._text(c, self.rng.choice(pool))
        self._as(c.staff, lambda: self.loket.add_note(c.reference, text))

    def close(self, c: _Case) -> None:
        self._as(c.staff, lambda: self.loket.close_case(c.reference, c.outcome, c.fcr))


def _count(loket: Loket, table: str) -> int:
    return int(loket.db.one(f"SELECT count(*) FROM {table}")[0])  # type: ignore[index]


def build(
    loket: Loket,
    cases: int = 500,
    seed: int = 1,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Fill the database with `cases` realistic cases; the same seed gives the same data.

    Returns how many cases, messages and contacts this run added.
    """
    if cases < 0:
        raise ValueError("cases must be zero or more")
    before = {t: _count(loket, t) for t in ("cases", "messages", "contacts")}
    # a fresh database gets exactly the seed's data; a second run into a filled one gets its
    # own (still deterministic) residents and ids, so nothing collides with the first run
    fresh = before["messages"] == 0 and before["cases"] == 0
    tag = f"demo-{seed}" if fresh else f"demo-{seed}-r{before['messages']}"
    rng = random.Random(seed if fresh else f"{seed}/{before['messages']}/{before['cases']}")
    demo = _Demo(loket, rng, tag, cases, progress)
    saved_now, saved_user = loket.now, loket.user
    loket.now = lambda: demo.clock
    try:
        demo.clock = START - timedelta(days=30)
        for name, display, role in STAFF:
            loket.ensure_user(name, display, role)
        steps = demo.plan()
        demo.run(steps)
    finally:
        loket.now, loket.user = saved_now, saved_user
    after = {t: _count(loket, t) for t in ("cases", "messages", "contacts")}
    made = {t: after[t] - before[t] for t in after}
    if made["cases"] != cases:
        raise RuntimeError(f"demo: made {made['cases']} cases instead of {cases}")
    return made

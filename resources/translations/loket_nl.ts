<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/app.py" line="34" />
            <source>Loket cannot open the database.</source>
            <translation>Loket kan de database niet openen.</translation>
        </message>
    </context>
    <context>
        <name>CaseTable</name>
        <message>
            <location filename="../../desktop/case_table.py" line="31" />
            <source>Cases</source>
            <translation>Zaken</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <location filename="../../desktop/case_model.py" line="37" />
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="38" />
            <source>Subject</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="39" />
            <source>Resident</source>
            <translation>Inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="40" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="41" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="42" />
            <source>Handled by</source>
            <translation>Behandelaar</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="43" />
            <source>Last message</source>
            <translation>Laatste bericht</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="44" />
            <source>Messages</source>
            <translation>Berichten</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../../desktop/case_view.py" line="22" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="23" />
            <source>Phone</source>
            <translation>Telefoon</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="31" />
            <source>No messages yet.</source>
            <translation>Nog geen berichten.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="45" />
            <source>Internal note</source>
            <translation>Interne notitie</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="49" />
            <source>Sent</source>
            <translation>Verzonden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="52" />
            <source>Received</source>
            <translation>Ontvangen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="62" />
            <source>This message could not be read completely; the original is kept.</source>
            <translation>Dit bericht kon niet volledig worden gelezen; het origineel is bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="104" />
            <source>Timeline</source>
            <translation>Tijdlijn</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="116" />
            <source>No case selected</source>
            <translation>Geen zaak geselecteerd</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="117" />
            <source>Select a case in the list to see its messages.</source>
            <translation>Kies een zaak in de lijst om de berichten te zien.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="126" />
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="128" />
            <source>handled by %1</source>
            <translation>behandelaar %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="130" />
            <source>resolved in one go</source>
            <translation>in één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="133" />
            <source>Resident: %1</source>
            <translation>Inwoner: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="133" />
            <source>unknown</source>
            <translation>onbekend</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="55" />
            <source>Phone note</source>
            <translation>Telefoonnotitie</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="57" />
            <source>Counter visit</source>
            <translation>Baliebezoek</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="61" />
            <source>e.g. 06 12345678</source>
            <translation>bijv. 06 12345678</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="63" />
            <source>Empty: the first line of the question</source>
            <translation>Leeg: de eerste regel van de vraag</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="66" />
            <source>Resolved in one go</source>
            <translation>In één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="67" />
            <source>Call back before</source>
            <translation>Terugbellen vóór</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="74" />
            <source>LK-2026-000123 (optional)</source>
            <translation>LK-2026-000123 (optioneel)</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="83" />
            <source>&amp;Name</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="84" />
            <source>&amp;Phone number</source>
            <translation>&amp;Telefoonnummer</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="85" />
            <source>S&amp;ubject</source>
            <translation>&amp;Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="86" />
            <source>&amp;Question</source>
            <translation>&amp;Vraag</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="87" />
            <source>&amp;Answer given</source>
            <translation>&amp;Antwoord gegeven</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="90" />
            <source>Existing &amp;case</source>
            <translation>Bestaande &amp;zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="96" />
            <source>Error</source>
            <translation>Foutmelding</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="109" />
            <source>Enter saves; in the question and answer: Ctrl+Enter</source>
            <translation>Enter slaat op; in vraag en antwoord: Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="174" />
            <source>The note could not be saved because of an error in Loket. Nothing was stored; please try again.</source>
            <translation>De notitie kon door een fout in Loket niet worden opgeslagen. Er is niets bewaard; probeer het opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/main_window.py" line="41" />
            <source>Loket — customer contact</source>
            <translation>Loket — klantcontact</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="51" />
            <source>Search all cases…</source>
            <translation>Zoeken in alle zaken…</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="53" />
            <source>Search</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="95" />
            <source>&amp;Phone note</source>
            <translation>&amp;Telefoonnotitie</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="97" />
            <source>Log a phone call (Ctrl+T)</source>
            <translation>Telefoongesprek vastleggen (Ctrl+T)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="99" />
            <source>&amp;Counter visit</source>
            <translation>&amp;Baliebezoek</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="101" />
            <source>Log a counter visit (Ctrl+B)</source>
            <translation>Baliebezoek vastleggen (Ctrl+B)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="103" />
            <source>&amp;Refresh</source>
            <translation>&amp;Vernieuwen</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="106" />
            <source>&amp;Search</source>
            <translation>&amp;Zoeken</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="109" />
            <source>&amp;Quit</source>
            <translation>&amp;Afsluiten</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="114" />
            <source>&amp;File</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="116" />
            <source>&amp;Contact</source>
            <translation>&amp;Klantcontact</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="119" />
            <source>&amp;View</source>
            <translation>Beel&amp;d</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="123" />
            <source>Main toolbar</source>
            <translation>Werkbalk</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="152" />
            <source>Saved in case %1</source>
            <translation>Opgeslagen in zaak %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="200" />
            <source>%n case(s) found</source>
            <translation>
                <numerusform>%n zaak gevonden</numerusform>
                <numerusform>%n zaken gevonden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="202" />
            <source>%n case(s) in this list</source>
            <translation>
                <numerusform>%n zaak in deze lijst</numerusform>
                <numerusform>%n zaken in deze lijst</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="206" />
            <source>Open: %1 · New: %2</source>
            <translation>Open: %1 · Nieuw: %2</translation>
        </message>
    </context>
    <context>
        <name>ViewsModel</name>
        <message>
            <location filename="../../desktop/views_panel.py" line="52" />
            <source>All open cases</source>
            <translation>Alle open zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="53" />
            <source>New</source>
            <translation>Nieuw</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="56" />
            <source>In progress</source>
            <translation>In behandeling</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="61" />
            <source>Waiting for resident</source>
            <translation>Wacht op inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="64" />
            <source>Closed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="65" />
            <source>All</source>
            <translation>Alles</translation>
        </message>
    </context>
    <context>
        <name>ViewsPanel</name>
        <message>
            <location filename="../../desktop/views_panel.py" line="146" />
            <source>Views</source>
            <translation>Weergaven</translation>
        </message>
    </context>
</TS>

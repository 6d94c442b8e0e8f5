<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
    <context>
        <name>AccountForm</name>
        <message>
            <location filename="../../desktop/account_form.py" line="34" />
            <source>SSL/TLS</source>
            <translation>SSL/TLS</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="35" />
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="36" />
            <source>None (unencrypted)</source>
            <translation>Geen (onversleuteld)</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="44" />
            <source>Port</source>
            <translation>Poort</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="81" />
            <source>e.g. Info-mailbox</source>
            <translation>bijv. Info-mailbox</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="83" />
            <source>e.g. imap.gemeente.nl</source>
            <translation>bijv. imap.gemeente.nl</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="88" />
            <location filename="../../desktop/account_form.py" line="92" />
            <source>Password</source>
            <translation>Wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="89" />
            <source>OAuth2 (Microsoft 365, Google)</source>
            <translation>OAuth2 (Microsoft 365, Google)</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="97" />
            <source>from the app registration</source>
            <translation>uit de app-registratie</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="98" />
            <source>Sign in…</source>
            <translation>Aanmelden…</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="104" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="107" />
            <source>empty: replies cannot be sent</source>
            <translation>leeg: antwoorden kunnen niet verstuurd worden</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="111" />
            <source>empty: the user name</source>
            <translation>leeg: de gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="113" />
            <source>e.g. Sent (empty: do not file replies)</source>
            <translation>bijv. Sent (leeg: antwoorden niet bewaren)</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="115" />
            <source>empty: off</source>
            <translation>leeg: uit</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="120" />
            <source>Warning</source>
            <translation>Waarschuwing</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="123" />
            <source>Incoming mail (IMAP)</source>
            <translation>Inkomende mail (IMAP)</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="125" />
            <source>&amp;Name</source>
            <translation>Na&amp;am</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="126" />
            <source>IMAP &amp;server</source>
            <translation>&amp;IMAP-server</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="127" />
            <source>&amp;Port</source>
            <translation>&amp;Poort</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="128" />
            <source>&amp;User name</source>
            <translation>&amp;Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="129" />
            <source>Sign-in &amp;method</source>
            <translation>Aanmel&amp;dmethode</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="130" />
            <source>Pass&amp;word</source>
            <translation>&amp;Wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="132" />
            <source>Provider</source>
            <translation>Aanbieder</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="134" />
            <source>Client ID</source>
            <translation>Client-id</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="137" />
            <source>&amp;Folders</source>
            <translation>&amp;Mappen</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="138" />
            <source>Fetch e&amp;very</source>
            <translation>&amp;Ophalen elke</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="141" />
            <source>Sending replies (SMTP)</source>
            <translation>Antwoorden versturen (SMTP)</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="143" />
            <source>SMTP s&amp;erver</source>
            <translation>&amp;SMTP-server</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="145" />
            <source>P&amp;ort</source>
            <translation>Poo&amp;rt</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="147" />
            <source>Sender &amp;address</source>
            <translation>A&amp;fzenderadres</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="148" />
            <source>Sent fol&amp;der</source>
            <translation>&amp;Verzonden-map</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="150" />
            <source>Handled mail</source>
            <translation>Afgehandelde mail</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="153" />
            <source>Move &amp;handled mail to folder</source>
            <translation>Afge&amp;handelde mail verplaatsen naar map</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="160" />
            <source>By default Loket never changes mail on the server: it only reads. Fill in a folder to have mail of closed cases moved there.</source>
            <translation>Standaard verandert Loket nooit iets aan de mail op de server: het leest alleen. Vul een map in om de mail van afgeronde zaken daarheen te laten verplaatsen.</translation>
        </message>
        <message>
            <location filename="../../desktop/account_form.py" line="222" />
            <source>unchanged (kept in the keyring)</source>
            <translation>ongewijzigd (bewaard in de sleutelbos)</translation>
        </message>
    </context>
    <context>
        <name>AccountListModel</name>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="91" />
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="91" />
            <source>Last fetched</source>
            <translation>Laatst opgehaald</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="103" />
            <source>not yet</source>
            <translation>nog niet</translation>
        </message>
    </context>
    <context>
        <name>AccountsDialog</name>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="124" />
            <location filename="../../desktop/accounts_dialog.py" line="133" />
            <source>Mail accounts</source>
            <translation>E-mailaccounts</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="144" />
            <source>&amp;New account</source>
            <translation>Nieuw a&amp;ccount</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="145" />
            <source>&amp;Remove…</source>
            <translation>Verwijd&amp;eren…</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="157" />
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="159" />
            <source>&amp;Test connection</source>
            <translation>Verbinding &amp;testen</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="160" />
            <source>&amp;Save</source>
            <translation>Opslaa&amp;n</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="250" />
            <source>This did not work because of an error in Loket; see the log.</source>
            <translation>Dit is niet gelukt door een fout in Loket; zie het logbestand.</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="292" />
            <location filename="../../desktop/accounts_dialog.py" line="358" />
            <source>Fill in the password.</source>
            <translation>Vul het wachtwoord in.</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="308" />
            <source>Saved. Loket fetches the mail of this account.</source>
            <translation>Opgeslagen. Loket haalt de mail van dit account op.</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="321" />
            <source>Remove account</source>
            <translation>Account verwijderen</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="322" />
            <source>Remove the account '%1'?</source>
            <translation>Het account '%1' verwijderen?</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="324" />
            <source>Loket stops fetching its mail and forgets its password. Cases and messages already fetched stay; nothing on the mail server changes.</source>
            <translation>Loket haalt de mail ervan niet meer op en vergeet het wachtwoord. Zaken en berichten die al zijn opgehaald blijven bewaard; op de mailserver verandert niets.</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="327" />
            <source>Remove</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="340" />
            <source>Account '%1' removed.</source>
            <translation>Account '%1' is verwijderd.</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="372" />
            <source>Connecting…</source>
            <translation>Verbinding maken…</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="390" />
            <source>Signed in. Save the account to start fetching.</source>
            <translation>Aangemeld. Sla het account op om te beginnen met ophalen.</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="393" />
            <source>Finish signing in in your browser…</source>
            <translation>Rond het aanmelden af in uw browser…</translation>
        </message>
        <message>
            <location filename="../../desktop/accounts_dialog.py" line="365" />
            <source>Signing in with OAuth2 is not available in this version.</source>
            <translation>Aanmelden met OAuth2 is in deze versie nog niet beschikbaar.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/app.py" line="129" />
            <source>Loket</source>
            <translation>Loket</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="130" />
            <source>Opening Loket…</source>
            <translation>Loket wordt geopend…</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="150" />
            <source>Loket cannot open the database.</source>
            <translation>Loket kan de database niet openen.</translation>
        </message>
    </context>
    <context>
        <name>ArchiveMenu</name>
        <message>
            <location filename="../../desktop/archive/__init__.py" line="39" />
            <source>&amp;Archive</source>
            <translation>&amp;Archief</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/__init__.py" line="23" />
            <source>&amp;Destruction…</source>
            <translation>&amp;Vernietiging…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/__init__.py" line="24" />
            <source>What is due for destruction, destruction lists and certificates</source>
            <translation>Wat is te vernietigen, vernietigingslijsten en verklaringen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/__init__.py" line="32" />
            <source>&amp;MDTO export…</source>
            <translation>&amp;MDTO-export…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/__init__.py" line="33" />
            <source>Closed cases as an MDTO package for the archive</source>
            <translation>Afgeronde zaken als MDTO-pakket naar het archief</translation>
        </message>
    </context>
    <context>
        <name>ArchiveTerms</name>
        <message>
            <location filename="../../desktop/archive/terms.py" line="16" />
            <source>permanent</source>
            <translation>blijvend</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/archive/terms.py" line="23" />
            <source>%n year(s)</source>
            <translation>
                <numerusform>%n jaar</numerusform>
                <numerusform>%n jaar</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/archive/terms.py" line="25" />
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n maand</numerusform>
                <numerusform>%n maanden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/archive/terms.py" line="27" />
            <source>%n week(s)</source>
            <translation>
                <numerusform>%n week</numerusform>
                <numerusform>%n weken</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/archive/terms.py" line="29" />
            <location filename="../../desktop/archive/terms.py" line="31" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n dag</numerusform>
                <numerusform>%n dagen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/archive/terms.py" line="35" />
            <source>%1 and %2</source>
            <translation>%1 en %2</translation>
        </message>
    </context>
    <context>
        <name>AvgDialog</name>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="39" />
            <source>AVG requests</source>
            <translation>AVG-verzoeken</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="44" />
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="45" />
            <source>Resident</source>
            <translation>Inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="46" />
            <source>Received</source>
            <translation>Ontvangen</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="47" />
            <source>Deadline</source>
            <translation>Uiterlijk</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="48" />
            <source>Days left</source>
            <translation>Dagen over</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="49" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="58" />
            <source>e-mail address or phone number</source>
            <translation>e-mailadres of telefoonnummer</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="60" />
            <source>Access (art. 15)</source>
            <translation>Inzage (art. 15)</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="61" />
            <source>Erasure (art. 17)</source>
            <translation>Verwijdering (art. 17)</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="65" />
            <source>&amp;Register request</source>
            <translation>Verzoek &amp;vastleggen</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="68" />
            <source>&amp;Resident</source>
            <translation>&amp;Inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="69" />
            <source>&amp;Kind</source>
            <translation>&amp;Soort</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="70" />
            <source>Re&amp;ceived on</source>
            <translation>&amp;Ontvangen op</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="73" />
            <source>&amp;Export data…</source>
            <translation>Gegevens &amp;exporteren…</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="75" />
            <source>E&amp;rase…</source>
            <translation>&amp;Verwijderen…</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="77" />
            <source>Mark &amp;handled</source>
            <translation>Markeer als &amp;afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="79" />
            <source>E&amp;xtend deadline…</source>
            <translation>Termijn &amp;verlengen…</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="81" />
            <source>Once, by two months, when the request is complex (AVG art. 12(3)); tell the resident why.</source>
            <translation>Eén keer, met twee maanden, als het verzoek ingewikkeld is (AVG art. 12 lid 3); vertel de inwoner waarom.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="108" />
            <source>Access</source>
            <translation>Inzage</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="108" />
            <source>Erasure</source>
            <translation>Verwijdering</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="110" />
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="111" />
            <source>handled</source>
            <translation>afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="112" />
            <source>refused</source>
            <translation>geweigerd</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="127" />
            <source>The deadline has passed.</source>
            <translation>De termijn is verstreken.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="164" />
            <source>Request registered; answer by %1.</source>
            <translation>Verzoek vastgelegd; uiterlijk %1 afhandelen.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="172" />
            <source>Folder for the export</source>
            <translation>Map voor de export</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="183" />
            <source>Export written to %1: %2 cases, %3 messages.</source>
            <translation>Export geschreven naar %1: %2 zaken, %3 berichten.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="190" />
            <source>%1 messages or notes about other residents were left out.</source>
            <translation>%1 berichten of notities over andere inwoners zijn niet opgenomen.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="194" />
            <source>Message %1 (%2): %3</source>
            <translation>Bericht %1 (%2): %3</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="200" />
            <source>Not complete: %1 files could not be included; the request stays open.</source>
            <translation>Niet volledig: %1 bestanden konden niet worden bijgevoegd; het verzoek blijft open.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="217" />
            <source>Erasure is not possible now:</source>
            <translation>Verwijderen kan nu niet:</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="225" />
            <source>Pseudonymised: %1 cases, %2 messages.</source>
            <translation>Gepseudonimiseerd: %1 zaken, %2 berichten.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="240" />
            <source>Extend deadline</source>
            <translation>Termijn verlengen</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="241" />
            <source>Why does this request take longer? The resident is told this.</source>
            <translation>Waarom duurt dit verzoek langer? De inwoner hoort de reden.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/avg_dialog.py" line="252" />
            <source>Deadline extended to %1.</source>
            <translation>Termijn verlengd tot %1.</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <location filename="../../desktop/charts.py" line="69" />
            <source>No figures</source>
            <translation>Geen cijfers</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <location filename="../../desktop/case_actions.py" line="138" />
            <source>&amp;Undo: %1</source>
            <translation>&amp;Ongedaan maken: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="166" />
            <source>%1 is now yours.</source>
            <translation>%1 is nu van u.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="166" />
            <location filename="../../desktop/case_actions.py" line="179" />
            <source>assign</source>
            <translation>toewijzen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="174" />
            <source>(nobody)</source>
            <translation>(niemand)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="175" />
            <source>Assign %1</source>
            <translation>%1 toewijzen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="176" />
            <source>&amp;Colleague</source>
            <translation>&amp;Collega</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="179" />
            <source>%1 assigned.</source>
            <translation>%1 toegewezen.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="188" />
            <source>Status of %1</source>
            <translation>Status van %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="189" />
            <source>&amp;Status</source>
            <translation>&amp;Status</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="192" />
            <source>Status of %1 changed.</source>
            <translation>Status van %1 gewijzigd.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="192" />
            <source>status</source>
            <translation>status</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="202" />
            <source>Product of %1</source>
            <translation>Product van %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="203" />
            <source>&amp;Product (UPL)</source>
            <translation>&amp;Product (UPL)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="206" />
            <source>Product of %1 set.</source>
            <translation>Product van %1 vastgelegd.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="206" />
            <source>product</source>
            <translation>product</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="215" />
            <source>Deadline of %1 set.</source>
            <translation>Termijn van %1 vastgelegd.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="215" />
            <source>deadline</source>
            <translation>termijn</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="223" />
            <source>Note saved in %1.</source>
            <translation>Notitie bewaard in %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="231" />
            <source>%1 closed.</source>
            <translation>%1 afgerond.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="231" />
            <source>close</source>
            <translation>afronden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="239" />
            <source>Merged into %1.</source>
            <translation>Samengevoegd met %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="255" />
            <source>New case %1 made from the chosen messages.</source>
            <translation>Nieuwe zaak %1 gemaakt van de gekozen berichten.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="264" />
            <source>Message moved to %1.</source>
            <translation>Bericht verplaatst naar %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="270" />
            <source>Nothing to undo.</source>
            <translation>Niets om ongedaan te maken.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="81" />
            <location filename="../../desktop/case_actions.py" line="274" />
            <source>&amp;Undo</source>
            <translation>&amp;Ongedaan maken</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="67" />
            <source>Assign to &amp;me</source>
            <translation>Aan &amp;mij toewijzen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="68" />
            <source>Assign to a &amp;colleague…</source>
            <translation>Aan een &amp;collega toewijzen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="70" />
            <source>Change &amp;status…</source>
            <translation>&amp;Status wijzigen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="71" />
            <source>&amp;Product…</source>
            <translation>&amp;Product…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="72" />
            <source>Tag the case with a product (UPL)</source>
            <translation>De zaak een product geven (UPL)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="73" />
            <source>&amp;Deadline…</source>
            <translation>&amp;Termijn…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="74" />
            <source>Deadline in working days</source>
            <translation>Termijn in werkdagen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="75" />
            <source>Internal &amp;note…</source>
            <translation>Interne &amp;notitie…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="76" />
            <source>&amp;Close case…</source>
            <translation>Zaak &amp;afronden…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="77" />
            <source>Close with an outcome</source>
            <translation>Afronden met een uitkomst</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="78" />
            <source>&amp;Merge into another case…</source>
            <translation>&amp;Samenvoegen met een andere zaak…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="79" />
            <source>S&amp;plit case…</source>
            <translation>Zaak s&amp;plitsen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="80" />
            <source>Move a &amp;message…</source>
            <translation>Bericht &amp;verplaatsen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="83" />
            <source>Save this &amp;search…</source>
            <translation>Deze zoekopdracht &amp;bewaren…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="86" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Sneltoetsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="277" />
            <source>Undone: %1 on %2</source>
            <translation>Ongedaan gemaakt: %1 op %2</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="286" />
            <source>Save search</source>
            <translation>Zoekopdracht bewaren</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="286" />
            <source>&amp;Name:</source>
            <translation>&amp;Naam:</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="297" />
            <source>Search saved.</source>
            <translation>Zoekopdracht bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="305" />
            <location filename="../../desktop/case_actions.py" line="316" />
            <source>Keyboard shortcuts</source>
            <translation>Sneltoetsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="315" />
            <source>Action</source>
            <translation>Handeling</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="315" />
            <source>Keys</source>
            <translation>Toetsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="132" />
            <source>&amp;Undo: %1 (changed since)</source>
            <translation>&amp;Ongedaan maken: %1 (intussen gewijzigd)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="229" />
            <source>status %1</source>
            <translation>status %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="245" />
            <source>product %1</source>
            <translation>product %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="256" />
            <source>deadline %1</source>
            <translation>termijn %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="272" />
            <source>closing</source>
            <translation>afronden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="310" />
            <source>nobody</source>
            <translation>niemand</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="311" />
            <source>assignment to %1</source>
            <translation>toewijzing aan %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="317" />
            <source>Nothing to undo on this case.</source>
            <translation>Niets ongedaan te maken in deze zaak.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="83" />
            <source>&amp;Hand over to a department…</source>
            <translation>Over&amp;dragen aan een vakafdeling…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="84" />
            <source>E-mail the case to a department</source>
            <translation>De zaak per e-mail aan een vakafdeling voorleggen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="85" />
            <source>Call &amp;back…</source>
            <translation>Terug&amp;bellen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="86" />
            <source>Ask for a call-back, or give it to a colleague</source>
            <translation>Een terugbelverzoek vastleggen, of het aan een collega geven</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="87" />
            <source>Call-back d&amp;one…</source>
            <translation>Terugbelverzoek af&amp;handelen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="88" />
            <source>Reached or not: in one step</source>
            <translation>Bereikt of niet: in één stap</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="296" />
            <source>%1 handed over; the department's reply comes back into the case.</source>
            <translation>%1 is overgedragen; het antwoord van de vakafdeling komt vanzelf bij de zaak.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="313" />
            <source>Call-back of %1 saved.</source>
            <translation>Terugbelverzoek van %1 opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="322" />
            <source>%1 has no open call-back request.</source>
            <translation>%1 heeft geen open terugbelverzoek.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="328" />
            <source>Call-back of %1 recorded.</source>
            <translation>Terugbelverzoek van %1 afgehandeld.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="80" />
            <source>Add &amp;label…</source>
            <translation>&amp;Label toevoegen…</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="81" />
            <source>Label the case, or every selected case</source>
            <translation>Geef de zaak, of elke geselecteerde zaak, een label</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/case_actions.py" line="180" />
            <source>%1 (%n case(s))</source>
            <translation>
                <numerusform>%1 (%n zaak)</numerusform>
                <numerusform>%1 (%n zaken)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/case_actions.py" line="213" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n zaak</numerusform>
                <numerusform>%n zaken</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="302" />
            <source>Label for %1</source>
            <translation>Label voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="303" />
            <source>&amp;Label</source>
            <translation>&amp;Label</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="308" />
            <source>Label added to %1.</source>
            <translation>Label toegevoegd aan %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_actions.py" line="309" />
            <source>label %1</source>
            <translation>label %1</translation>
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
            <location filename="../../desktop/case_model.py" line="40" />
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="41" />
            <source>Subject</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="42" />
            <source>Resident</source>
            <translation>Inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="43" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="44" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="45" />
            <source>Handled by</source>
            <translation>Behandelaar</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="46" />
            <source>Last message</source>
            <translation>Laatste bericht</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="47" />
            <source>Messages</source>
            <translation>Berichten</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="49" />
            <source>Answer by</source>
            <translation>Antwoord uiterlijk</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="54" />
            <source>Call back by</source>
            <translation>Terugbellen uiterlijk</translation>
        </message>
        <message>
            <location filename="../../desktop/case_model.py" line="221" />
            <source>Vertrouwelijk (only you see this case): %1</source>
            <translation>Vertrouwelijk (alleen u ziet deze zaak): %1</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../../desktop/case_view.py" line="38" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="39" />
            <source>Phone</source>
            <translation>Telefoon</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="51" />
            <source>No messages yet.</source>
            <translation>Nog geen berichten.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="67" />
            <source>Sent %1</source>
            <translation>Verzonden %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="70" />
            <source>Sending failed: %1</source>
            <translation>Verzenden mislukt: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="72" />
            <source>Uncertain whether it was sent: %1</source>
            <translation>Onzeker of het is verzonden: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="74" />
            <source>Waiting to be sent</source>
            <translation>Wacht op verzending</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="76" />
            <source>last attempt: %1</source>
            <translation>laatste poging: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="86" />
            <source>(can contain a program)</source>
            <translation>(kan een programma bevatten)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="94" />
            <source>Attachments:</source>
            <translation>Bijlagen:</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="123" />
            <source>Internal note</source>
            <translation>Interne notitie</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="127" />
            <source>Sent</source>
            <translation>Verzonden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="130" />
            <source>Received</source>
            <translation>Ontvangen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="140" />
            <source>This message could not be read completely; the original is kept.</source>
            <translation>Dit bericht kon niet volledig worden gelezen; het origineel is bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="215" />
            <source>&amp;Reply</source>
            <translation>&amp;Beantwoorden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="218" />
            <source>Reply to the resident by e-mail (Ctrl+R)</source>
            <translation>De inwoner per e-mail antwoorden (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="225" />
            <source>View &amp;resident</source>
            <translation>Inwoner &amp;bekijken</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="226" />
            <source>Every case and message of this resident</source>
            <translation>Alle zaken en berichten van deze inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="241" />
            <source>Colleagues on this case</source>
            <translation>Collega's bij deze zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="249" />
            <source>Timeline</source>
            <translation>Tijdlijn</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="288" />
            <source>No case selected</source>
            <translation>Geen zaak geselecteerd</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="289" />
            <source>Select a case in the list to see its messages.</source>
            <translation>Kies een zaak in de lijst om de berichten te zien.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="305" />
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="307" />
            <source>handled by %1</source>
            <translation>behandelaar %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="309" />
            <source>product: %1</source>
            <translation>product: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="311" />
            <source>deadline %1</source>
            <translation>termijn %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="314" />
            <source>resolved in one go</source>
            <translation>in één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="317" />
            <source>Resident: %1</source>
            <translation>Inwoner: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="317" />
            <source>unknown</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="306" />
            <source>Your role sees a case's data, not its messages.</source>
            <translation>Uw rol ziet de gegevens van een zaak, niet de berichten.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="66" />
            <source>answer by %1</source>
            <translation>antwoord uiterlijk %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="69" />
            <source>at %1 until %2</source>
            <translation>bij %1 tot %2</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="72" />
            <source>call back by %1</source>
            <translation>terugbellen uiterlijk %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="311" />
            <source>labels: %1</source>
            <translation>labels: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="219" />
            <source>Reply to the resident where they wrote, or say why not (Ctrl+R)</source>
            <translation>De inwoner antwoorden waar die schreef, of zeggen waarom dat niet kan (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="255" />
            <source>Changed by someone else</source>
            <translation>Door een ander gewijzigd</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="385" />
            <source>%1 just answered the resident.</source>
            <translation>%1 heeft de inwoner net geantwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="386" />
            <source>A colleague just answered the resident.</source>
            <translation>Een collega heeft de inwoner net geantwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="388" />
            <source>The resident just sent a new message.</source>
            <translation>De inwoner heeft net een nieuw bericht gestuurd.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_view.py" line="389" />
            <source>%1 just changed this case: %2</source>
            <translation>%1 heeft deze zaak net gewijzigd: %2</translation>
        </message>
    </context>
    <context>
        <name>ChoicePage</name>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="38" />
            <source>Which cases?</source>
            <translation>Welke zaken?</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="39" />
            <source>Only closed cases go to the archive, each as a dossier.</source>
            <translation>Alleen afgeronde zaken gaan naar het archief, elk als een dossier.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="40" />
            <source>All closed cases</source>
            <translation>Alle afgeronde zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="41" />
            <source>Closed before</source>
            <translation>Afgerond vóór</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="42" />
            <source>Only these cases</source>
            <translation>Alleen deze zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="85" />
            <source>%1 cases will be exported.</source>
            <translation>%1 zaken worden geëxporteerd.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="91" />
            <source>Fill in one or more case references.</source>
            <translation>Vul een of meer zaaknummers in.</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="220" />
            <source>Close %1</source>
            <translation>%1 afronden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="221" />
            <source>&amp;Close case</source>
            <translation>Zaak &amp;afronden</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="224" />
            <source>e.g. Explained how to apply online</source>
            <translation>bijv. Uitgelegd hoe je online aanvraagt</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="225" />
            <source>Outcome</source>
            <translation>Uitkomst</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="226" />
            <source>Handled in &amp;one go</source>
            <translation>&amp;In één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="227" />
            <source>The resident's question was answered at the first contact, without passing it on or calling back.</source>
            <translation>De vraag van de inwoner is bij het eerste contact beantwoord, zonder doorverwijzen of terugbellen.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="229" />
            <source>&amp;Outcome</source>
            <translation>&amp;Uitkomst</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="228" />
            <source>Product (UPL)</source>
            <translation>Product (UPL)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="231" />
            <source>Type to search; the last used are on top</source>
            <translation>Typ om te zoeken; de laatst gebruikte staan bovenaan</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="246" />
            <source>&amp;Product (UPL)</source>
            <translation>&amp;Product (UPL)</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="236" />
            <source>&amp;Close cases</source>
            <translation>Zaken &amp;afronden</translation>
        </message>
    </context>
    <context>
        <name>ContactCard</name>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="120" />
            <source>Resident</source>
            <translation>Inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="135" />
            <source>Addresses</source>
            <translation>Adressen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="144" />
            <location filename="../../desktop/social/contact_card.py" line="170" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="144" />
            <location filename="../../desktop/social/contact_card.py" line="156" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="144" />
            <source>Direction</source>
            <translation>Richting</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="145" />
            <location filename="../../desktop/social/contact_card.py" line="155" />
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="145" />
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="145" />
            <location filename="../../desktop/social/contact_card.py" line="155" />
            <source>Subject</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="146" />
            <location filename="../../desktop/social/contact_card.py" line="154" />
            <source>Messages</source>
            <translation>Berichten</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="149" />
            <source>Message text</source>
            <translation>Tekst van het bericht</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="155" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="156" />
            <source>Opened</source>
            <translation>Geopend</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="156" />
            <location filename="../../desktop/social/contact_card.py" line="162" />
            <source>Cases</source>
            <translation>Zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="157" />
            <source>&amp;Open case</source>
            <translation>Zaak &amp;openen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="165" />
            <source>Probably the same resident</source>
            <translation>Waarschijnlijk dezelfde inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="166" />
            <source>Evidence</source>
            <translation>Bewijs</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="167" />
            <source>Merge suggestions</source>
            <translation>Voorstellen om samen te voegen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="168" />
            <source>&amp;Merge…</source>
            <translation>&amp;Samenvoegen…</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="169" />
            <source>&amp;Different persons</source>
            <translation>&amp;Verschillende personen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="170" />
            <source>What</source>
            <translation>Wat</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="171" />
            <source>By</source>
            <translation>Door</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="171" />
            <source>Undone</source>
            <translation>Ongedaan gemaakt</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="172" />
            <source>Merge history</source>
            <translation>Geschiedenis van samenvoegingen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="173" />
            <source>&amp;Undo merge…</source>
            <translation>Samenvoeging &amp;ongedaan maken…</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="175" />
            <source>Suggestions (never on a name alone)</source>
            <translation>Voorstellen (nooit alleen op naam)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="183" />
            <source>History</source>
            <translation>Geschiedenis</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="186" />
            <location filename="../../desktop/social/contact_card.py" line="322" />
            <source>Merge</source>
            <translation>Samenvoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="219" />
            <source>Resident: %1</source>
            <translation>Inwoner: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="220" />
            <source>(no name)</source>
            <translation>(geen naam)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="222" />
            <source>Cases: %1 · messages: %2 · channels: %3</source>
            <translation>Zaken: %1 · berichten: %2 · kanalen: %3</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="226" />
            <source>merged from %1 other contact(s)</source>
            <translation>samengevoegd uit %1 ander(e) contact(en)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="231" />
            <source>No addresses known.</source>
            <translation>Geen adressen bekend.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="232" />
            <source>received</source>
            <translation>ontvangen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="232" />
            <source>sent</source>
            <translation>verstuurd</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="251" />
            <source>Messages (%1)</source>
            <translation>Berichten (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="252" />
            <source>Cases (%1)</source>
            <translation>Zaken (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="253" />
            <source>Merge (%1)</source>
            <translation>Samenvoegen (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="270" />
            <source>%1 merged into %2</source>
            <translation>%1 samengevoegd met %2</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="317" />
            <source>Merge residents</source>
            <translation>Inwoners samenvoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="318" />
            <source>Merge %1 into %2?</source>
            <translation>%1 samenvoegen met %2?</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="320" />
            <source>Evidence: %1. Every case and message stays where it is; the merge can be undone on this card.</source>
            <translation>Bewijs: %1. Elke zaak en elk bericht blijft waar het is; het samenvoegen kan op deze kaart ongedaan worden gemaakt.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="342" />
            <location filename="../../desktop/social/contact_card.py" line="346" />
            <source>Undo merge</source>
            <translation>Ongedaan maken</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="343" />
            <source>Undo this merge?</source>
            <translation>Deze samenvoeging ongedaan maken?</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="344" />
            <source>The merged resident stands alone again, with the messages that came in under their own addresses.</source>
            <translation>De samengevoegde inwoner staat weer op zichzelf, met de berichten die binnenkwamen op de eigen adressen.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/contact_card.py" line="369" />
            <source>This did not work because of an error in Loket; see the log.</source>
            <translation>Dit is niet gelukt door een fout in Loket; zie het logbestand.</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="54" />
            <source>Phone note</source>
            <translation>Telefoonnotitie</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="56" />
            <source>Counter visit</source>
            <translation>Baliebezoek</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="60" />
            <source>e.g. 06 12345678</source>
            <translation>bijv. 06 12345678</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="62" />
            <source>Empty: the first line of the question</source>
            <translation>Leeg: de eerste regel van de vraag</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="65" />
            <source>Resolved in one go</source>
            <translation>In één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="66" />
            <source>Call back before</source>
            <translation>Terugbellen vóór</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="73" />
            <source>LK-2026-000123 (optional)</source>
            <translation>LK-2026-000123 (optioneel)</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="82" />
            <source>&amp;Name</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="83" />
            <source>&amp;Phone number</source>
            <translation>&amp;Telefoonnummer</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="84" />
            <source>S&amp;ubject</source>
            <translation>&amp;Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="85" />
            <source>&amp;Question</source>
            <translation>&amp;Vraag</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="86" />
            <source>&amp;Answer given</source>
            <translation>&amp;Antwoord gegeven</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="89" />
            <source>Existing &amp;case</source>
            <translation>Bestaande &amp;zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="95" />
            <source>Error</source>
            <translation>Foutmelding</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="108" />
            <source>Enter saves; in the question and answer: Ctrl+Enter</source>
            <translation>Enter slaat op; in vraag en antwoord: Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../desktop/phone_dialog.py" line="166" />
            <source>The note could not be saved because of an error in Loket. Nothing was stored; please try again.</source>
            <translation>De notitie kon door een fout in Loket niet worden opgeslagen. Er is niets bewaard; probeer het opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <location filename="../../desktop/dashboard.py" line="57" />
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="57" />
            <source>To</source>
            <translation>Tot en met</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="61" />
            <source>&amp;Show</source>
            <translation>&amp;Tonen</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="62" />
            <source>&amp;Export CSV…</source>
            <translation>CSV &amp;exporteren…</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="66" />
            <source>&amp;From</source>
            <translation>&amp;Van</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="68" />
            <source>&amp;To</source>
            <translation>&amp;Tot en met</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="81" />
            <location filename="../../desktop/dashboard.py" line="101" />
            <location filename="../../desktop/dashboard.py" line="167" />
            <location filename="../../desktop/dashboard.py" line="173" />
            <source>Incoming</source>
            <translation>Binnengekomen</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="82" />
            <location filename="../../desktop/dashboard.py" line="101" />
            <location filename="../../desktop/dashboard.py" line="168" />
            <location filename="../../desktop/dashboard.py" line="174" />
            <source>Closed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="83" />
            <location filename="../../desktop/dashboard.py" line="169" />
            <source>Open backlog</source>
            <translation>Openstaand</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="84" />
            <source>Median first answer (hours)</source>
            <translation>Mediaan eerste antwoord (uur)</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="85" />
            <source>Answered within norm</source>
            <translation>Binnen de norm beantwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="86" />
            <source>Handled in one go</source>
            <translation>In één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="101" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="101" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="102" />
            <source>Median first answer (h)</source>
            <translation>Mediaan eerste antwoord (uur)</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="102" />
            <source>Within norm</source>
            <translation>Binnen norm</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="103" />
            <source>In one go</source>
            <translation>In één keer</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="105" />
            <source>Figures per channel</source>
            <translation>Cijfers per kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="110" />
            <source>Per week: incoming, closed and open backlog</source>
            <translation>Per week: binnengekomen, afgerond en openstaand</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="111" />
            <source>Per channel: incoming and closed</source>
            <translation>Per kanaal: binnengekomen en afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="130" />
            <source>Counting…</source>
            <translation>Tellen…</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="190" />
            <source>Export figures</source>
            <translation>Cijfers exporteren</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="191" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="207" />
            <source>Saved as %1</source>
            <translation>Bewaard als %1</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="110" />
            <source>Channels and weeks</source>
            <translation>Kanalen en weken</translation>
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="111" />
            <source>Topics, hand-overs and team</source>
            <translation>Onderwerpen, overdrachten en team</translation>
        </message>
    </context>
    <context>
        <name>DeadlineDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="160" />
            <source>Deadline for %1</source>
            <translation>Termijn voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="166" />
            <source> working days</source>
            <translation> werkdagen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="167" />
            <source>Working days</source>
            <translation>Werkdagen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="169" />
            <source>&amp;No deadline</source>
            <translation>&amp;Geen termijn</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="170" />
            <source>&amp;Within</source>
            <translation>&amp;Binnen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="173" />
            <source>Deadline</source>
            <translation>Termijn</translation>
        </message>
    </context>
    <context>
        <name>DestructionDialog</name>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="44" />
            <location filename="../../desktop/archive/destruction_dialog.py" line="289" />
            <source>Destruction</source>
            <translation>Vernietiging</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="53" />
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="54" />
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="55" />
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="56" />
            <source>Term</source>
            <translation>Termijn</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="57" />
            <source>Closed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="58" />
            <source>Destroy after</source>
            <translation>Vernietigen na</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="59" />
            <source>On list</source>
            <translation>Op lijst</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="68" />
            <source>&amp;Propose list</source>
            <translation>Lijst &amp;voorstellen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="76" />
            <source>Due for destruction</source>
            <translation>Te vernietigen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="85" />
            <source>&amp;Review…</source>
            <translation>&amp;Beoordelen…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="87" />
            <source>By a second person; selected cases are taken off the list</source>
            <translation>Door een tweede persoon; geselecteerde zaken gaan van de lijst af</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="89" />
            <source>&amp;Approve</source>
            <translation>&amp;Goedkeuren</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="90" />
            <source>Re&amp;ject…</source>
            <translation>&amp;Afwijzen…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="91" />
            <source>&amp;Carry out…</source>
            <translation>&amp;Uitvoeren…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="92" />
            <source>&amp;Save certificate…</source>
            <translation>&amp;Verklaring opslaan…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="103" />
            <source>Destruction lists</source>
            <translation>Vernietigingslijsten</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="115" />
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="140" />
            <source>%1 closed cases have reached their destruction date; %2 are not on a list yet. Cases with a duty to keep them are not shown.</source>
            <translation>%1 afgeronde zaken hebben hun vernietigingsdatum bereikt; %2 staan nog op geen lijst. Zaken met een bewaarplicht staan er niet bij.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="173" />
            <source>Destruction list %1 proposed with %2 cases; now to be reviewed by a second person.</source>
            <translation>Vernietigingslijst %1 voorgesteld met %2 zaken; nu beoordelen door een tweede persoon.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="189" />
            <source>Note on the review (may be empty):</source>
            <translation>Opmerking bij de beoordeling (mag leeg):</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="191" />
            <source>%1 selected cases are taken off the list. Why? (note)</source>
            <translation>%1 geselecteerde zaken gaan van de lijst af. Waarom? (opmerking)</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="194" />
            <source>Review list</source>
            <translation>Lijst beoordelen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="199" />
            <source>List %1 reviewed.</source>
            <translation>Lijst %1 beoordeeld.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="207" />
            <source>List %1 approved; it can now be carried out.</source>
            <translation>Lijst %1 goedgekeurd; ze kan nu worden uitgevoerd.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="214" />
            <source>Reject list</source>
            <translation>Lijst afwijzen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="214" />
            <source>Reason for rejection:</source>
            <translation>Reden van afwijzing:</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="218" />
            <source>List %1 rejected.</source>
            <translation>Lijst %1 afgewezen.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="227" />
            <source>Carry out list %1? %2 cases are destroyed for good with all their messages, attachments and notes. This cannot be undone.</source>
            <translation>Lijst %1 uitvoeren? %2 zaken worden met al hun berichten, bijlagen en notities definitief vernietigd. Dit kan niet ongedaan worden gemaakt.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="237" />
            <source>List %1 carried out: %2 cases destroyed</source>
            <translation>Lijst %1 uitgevoerd: %2 zaken vernietigd</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="242" />
            <source>, %1 skipped</source>
            <translation>, %1 overgeslagen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="243" />
            <source>. The certificate of destruction has been kept.</source>
            <translation>. De verklaring van vernietiging is bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="245" />
            <source> Close Loket once to empty the database's log file as well.</source>
            <translation> Sluit Loket eenmaal af om ook het logbestand van de database te legen.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="264" />
            <source>Certificate saved: %1</source>
            <translation>Verklaring opgeslagen: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/destruction_dialog.py" line="296" />
            <source>Folder for the certificate</source>
            <translation>Map voor de verklaring</translation>
        </message>
    </context>
    <context>
        <name>DestructionReview</name>
        <message>
            <location filename="../../desktop/archive/review.py" line="34" />
            <source>Destruction review</source>
            <translation>Vernietiging beoordelen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="44" />
            <source>The archivist proposes which closed cases are destroyed now that their term has passed. Check a proposed list: select the cases that must be kept (with a reason below) and press Review. Only their reference, product and retention are shown.</source>
            <translation>De archivaris stelt voor welke afgeronde zaken worden vernietigd nu hun bewaartermijn is verstreken. Controleer een voorgestelde lijst: selecteer de zaken die bewaard moeten blijven (met een reden hieronder) en kies Beoordelen. Alleen zaaknummer, product en bewaartermijn worden getoond.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="54" />
            <source>Note or reason for taking cases off (optional)</source>
            <translation>Opmerking of reden om zaken van de lijst te halen (optioneel)</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="55" />
            <source>&amp;Review</source>
            <translation>&amp;Beoordelen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="57" />
            <source>The list goes back to the archivist for approval; selected cases are taken off it</source>
            <translation>De lijst gaat terug naar de archivaris om goed te keuren; geselecteerde zaken gaan eraf</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="85" />
            <source>No destruction list is waiting for a review.</source>
            <translation>Er wacht geen vernietigingslijst op beoordeling.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="95" />
            <source>You proposed this list; a second person reviews it.</source>
            <translation>U hebt deze lijst voorgesteld; een tweede persoon beoordeelt haar.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="105" />
            <source>Say why the selected cases must be kept.</source>
            <translation>Geef aan waarom de geselecteerde zaken bewaard moeten blijven.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="108" />
            <source>Pass list %1 on to the archivist for approval?</source>
            <translation>Lijst %1 doorgeven aan de archivaris om goed te keuren?</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="112" />
            <source>Take %1 cases off list %2 and pass it on to the archivist?</source>
            <translation>%1 zaken van lijst %2 halen en de lijst doorgeven aan de archivaris?</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/review.py" line="122" />
            <source>List %1 reviewed: %2 cases stay on it; the archivist can approve it now.</source>
            <translation>Lijst %1 beoordeeld: er staan nog %2 zaken op; de archivaris kan haar nu goedkeuren.</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="110" />
            <source>This did not work because of an error in Loket.</source>
            <translation>Dit is niet gelukt door een fout in Loket.</translation>
        </message>
    </context>
    <context>
        <name>IdleLock</name>
        <message>
            <location filename="../../desktop/privacy/autolock.py" line="54" />
            <source>Loket is locked. Sign in to continue.</source>
            <translation>Loket is vergrendeld. Meld u aan om verder te gaan.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/autolock.py" line="97" />
            <source>Loket is locked</source>
            <translation>Loket is vergrendeld</translation>
        </message>
    </context>
    <context>
        <name>KbHealthDialog</name>
        <message>
            <location filename="../../desktop/kb/views.py" line="187" />
            <source>Kennisbank: health and use</source>
            <translation>Kennisbank: onderhoud en gebruik</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="198" />
            <source>Due for review</source>
            <translation>Te herzien</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="199" />
            <source>Review on</source>
            <translation>Herzien op</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="199" />
            <location filename="../../desktop/kb/views.py" line="202" />
            <location filename="../../desktop/kb/views.py" line="211" />
            <source>Article</source>
            <translation>Artikel</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="200" />
            <location filename="../../desktop/kb/views.py" line="202" />
            <source>Owner</source>
            <translation>Eigenaar</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="201" />
            <source>Never used</source>
            <translation>Nooit gebruikt</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="203" />
            <source>Searches without result</source>
            <translation>Zoekvragen zonder resultaat</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="204" />
            <source>Times</source>
            <translation>Aantal</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="204" />
            <source>Search</source>
            <translation>Zoekvraag</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="210" />
            <source>Last 30 days</source>
            <translation>Laatste 30 dagen</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="211" />
            <source>Total</source>
            <translation>Totaal</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="216" />
            <source>Use</source>
            <translation>Gebruik</translation>
        </message>
    </context>
    <context>
        <name>KbMenu</name>
        <message>
            <location filename="../../desktop/kb/__init__.py" line="19" />
            <source>&amp;Kennisbank</source>
            <translation>&amp;Kennisbank</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/__init__.py" line="21" />
            <source>&amp;Trends…</source>
            <translation>&amp;Trends…</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/__init__.py" line="24" />
            <source>&amp;Health and use…</source>
            <translation>&amp;Onderhoud en gebruik…</translation>
        </message>
        <message>
            <source>&amp;Listening on Mastodon…</source>
            <translation>&amp;Meeluisteren op Mastodon…</translation>
        </message>
    </context>
    <context>
        <name>KbSearch</name>
        <message>
            <location filename="../../desktop/kb/search.py" line="102" />
            <source>Kennisbank</source>
            <translation>Kennisbank</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/search.py" line="104" />
            <source>Search the kennisbank…</source>
            <translation>Zoek in de kennisbank…</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/search.py" line="105" />
            <source>Search the kennisbank</source>
            <translation>Zoek in de kennisbank</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/search.py" line="109" />
            <source>Articles found</source>
            <translation>Gevonden artikelen</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/search.py" line="115" />
            <source>↑↓ choose · Enter inserts the answer · Esc closes</source>
            <translation>↑↓ kiezen · Enter voegt het antwoord in · Esc sluit</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/search.py" line="146" />
            <source>Nothing found.</source>
            <translation>Niets gevonden.</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/search.py" line="252" />
            <source>Ctrl+K: insert an answer from the kennisbank</source>
            <translation>Ctrl+K: een antwoord uit de kennisbank invoegen</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../desktop/labels.py" line="22" />
            <source>New</source>
            <translation>Nieuw</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="24" />
            <source>In progress</source>
            <translation>In behandeling</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="26" />
            <source>Waiting for resident</source>
            <translation>Wacht op inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="28" />
            <source>At a department</source>
            <translation>Bij vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="30" />
            <source>Closed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="41" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="43" />
            <source>Phone</source>
            <translation>Telefoon</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="45" />
            <source>Counter</source>
            <translation>Balie</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="47" />
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="49" />
            <source>Web form</source>
            <translation>Webformulier</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="51" />
            <source>Mastodon</source>
            <translation>Mastodon</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="53" />
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="55" />
            <source>Facebook</source>
            <translation>Facebook</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="57" />
            <source>Instagram</source>
            <translation>Instagram</translation>
        </message>
        <message>
            <location filename="../../desktop/labels.py" line="59" />
            <source>X</source>
            <translation>X</translation>
        </message>
    </context>
    <context>
        <name>ListsPane</name>
        <message>
            <location filename="../../desktop/archive/lists.py" line="29" />
            <location filename="../../desktop/archive/lists.py" line="95" />
            <source>Proposed</source>
            <translation>Voorgesteld</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="30" />
            <location filename="../../desktop/archive/lists.py" line="96" />
            <source>Reviewed</source>
            <translation>Beoordeeld</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="31" />
            <location filename="../../desktop/archive/lists.py" line="97" />
            <source>Approved</source>
            <translation>Goedgekeurd</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="32" />
            <location filename="../../desktop/archive/lists.py" line="98" />
            <source>Carried out</source>
            <translation>Uitgevoerd</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="33" />
            <source>Rejected</source>
            <translation>Afgewezen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="41" />
            <source>proposed</source>
            <translation>voorgesteld</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="42" />
            <source>removed</source>
            <translation>verwijderd</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="43" />
            <source>skipped</source>
            <translation>overgeslagen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="44" />
            <source>destroyed</source>
            <translation>vernietigd</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="53" />
            <source>Unexpected error (%1); see the log file.</source>
            <translation>Onverwachte fout (%1); zie het logbestand.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="92" />
            <source>List</source>
            <translation>Lijst</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="93" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="94" />
            <source>Cases</source>
            <translation>Zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="104" />
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="105" />
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="106" />
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="107" />
            <source>Destroy after</source>
            <translation>Vernietigen na</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="108" />
            <source>Outcome</source>
            <translation>Uitkomst</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/lists.py" line="109" />
            <source>Note</source>
            <translation>Toelichting</translation>
        </message>
    </context>
    <context>
        <name>LongWork</name>
        <message>
            <location filename="../../desktop/long_work.py" line="32" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>MailBrowser</name>
        <message>
            <location filename="../../desktop/mail_browser.py" line="129" />
            <location filename="../../desktop/mail_browser.py" line="133" />
            <source>Open link</source>
            <translation>Link openen</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="130" />
            <source>Open this link from the e-mail?</source>
            <translation>Deze link uit de e-mail openen?</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="131" />
            <source>%1

Only open links you trust: a link in an e-mail can lead to a fake website.</source>
            <translation>%1

Open alleen links die u vertrouwt: een link in een e-mail kan naar een nagemaakte website leiden.</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="142" />
            <source>Save as…</source>
            <translation>Opslaan als…</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="143" />
            <source>Open</source>
            <translation>Openen</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="162" />
            <source>Save attachment</source>
            <translation>Bijlage opslaan</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="179" />
            <source>Could not save %1: %2</source>
            <translation>Kan %1 niet opslaan: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="192" />
            <source>Open attachment</source>
            <translation>Bijlage openen</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="193" />
            <source>'%1' can contain a program or macros.</source>
            <translation>'%1' kan een programma of macro's bevatten.</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="194" />
            <source>Opening it can infect this computer. Only open it if you expected this file from this sender; when in doubt, ask the service desk.</source>
            <translation>Openen kan deze computer besmetten. Open het alleen als u dit bestand van deze afzender verwachtte; vraag bij twijfel de servicedesk.</translation>
        </message>
        <message>
            <location filename="../../desktop/mail_browser.py" line="196" />
            <source>Open anyway</source>
            <translation>Toch openen</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/main_window.py" line="86" />
            <source>Loket — customer contact</source>
            <translation>Loket — klantcontact</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="98" />
            <source>Search all cases…</source>
            <translation>Zoeken in alle zaken…</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="100" />
            <source>Search</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="161" />
            <source>&amp;Phone note</source>
            <translation>&amp;Telefoonnotitie</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="163" />
            <source>Log a phone call (Ctrl+T)</source>
            <translation>Telefoongesprek vastleggen (Ctrl+T)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="165" />
            <source>&amp;Counter visit</source>
            <translation>&amp;Baliebezoek</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="167" />
            <source>Log a counter visit (Ctrl+B)</source>
            <translation>Baliebezoek vastleggen (Ctrl+B)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="169" />
            <source>&amp;Refresh</source>
            <translation>&amp;Vernieuwen</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="172" />
            <source>&amp;Search</source>
            <translation>&amp;Zoeken</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="175" />
            <source>&amp;Fetch mail now</source>
            <translation>&amp;Nu ophalen</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="177" />
            <source>Fetch new mail and send waiting replies (F9)</source>
            <translation>Nieuwe mail ophalen en wachtende antwoorden versturen (F9)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="179" />
            <source>&amp;Accounts…</source>
            <translation>&amp;Accounts…</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="181" />
            <source>&amp;Quit</source>
            <translation>&amp;Afsluiten</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="186" />
            <location filename="../../desktop/workspace_setup.py" line="101" />
            <source>&amp;File</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="188" />
            <source>&amp;Contact</source>
            <translation>&amp;Klantcontact</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="194" />
            <location filename="../../desktop/workspace_setup.py" line="71" />
            <location filename="../../desktop/workspace_setup.py" line="110" />
            <source>&amp;View</source>
            <translation>Beel&amp;d</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="197" />
            <location filename="../../desktop/workspace_setup.py" line="114" />
            <source>&amp;Settings</source>
            <translation>&amp;Instellingen</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="209" />
            <source>Main toolbar</source>
            <translation>Werkbalk</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="237" />
            <source>Saved in case %1</source>
            <translation>Opgeslagen in zaak %1</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="307" />
            <source>No account can send mail yet: fill in an SMTP server for an account.</source>
            <translation>Nog geen account kan mail versturen: vul bij een account een SMTP-server in.</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="331" />
            <source>Reply kept in case %1; it is being sent.</source>
            <translation>Antwoord bewaard in zaak %1; het wordt verstuurd.</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="340" />
            <source>It is unknown whether the resident received this reply.</source>
            <translation>Het is niet bekend of de inwoner dit antwoord heeft ontvangen.</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="342" />
            <source>Sending this reply failed.</source>
            <translation>Het versturen van dit antwoord is mislukt.</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="345" />
            <location filename="../../desktop/main_window.py" line="348" />
            <source>Send anyway</source>
            <translation>Toch versturen</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="347" />
            <source>Send it (again)? The resident may receive it twice.</source>
            <translation>(Opnieuw) versturen? Mogelijk krijgt de inwoner het twee keer.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="440" />
            <source>%n case(s) found</source>
            <translation>
                <numerusform>%n zaak gevonden</numerusform>
                <numerusform>%n zaken gevonden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="442" />
            <source>%n case(s) in this list</source>
            <translation>
                <numerusform>%n zaak in deze lijst</numerusform>
                <numerusform>%n zaken in deze lijst</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="446" />
            <source>Open: %1 · New: %2</source>
            <translation>Open: %1 · Nieuw: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="361" />
            <source>Answer recorded in case %1.</source>
            <translation>Antwoord vastgelegd in zaak %1.</translation>
        </message>
    </context>
    <context>
        <name>MastodonAccountsDialog</name>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="118" />
            <location filename="../../desktop/social/mastodon_form.py" line="128" />
            <source>Mastodon accounts</source>
            <translation>Mastodon-accounts</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="127" />
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="127" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="127" />
            <source>Last fetched</source>
            <translation>Laatst opgehaald</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="138" />
            <source>&amp;New account</source>
            <translation>Nieuw a&amp;ccount</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="139" />
            <source>&amp;Remove…</source>
            <translation>Verwijd&amp;eren…</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="145" />
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="147" />
            <source>&amp;Test connection</source>
            <translation>Verbinding &amp;testen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="148" />
            <source>&amp;Add account</source>
            <translation>Account &amp;toevoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="199" />
            <source>not yet</source>
            <translation>nog niet</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="257" />
            <source>This did not work because of an error in Loket; see the log.</source>
            <translation>Dit is niet gelukt door een fout in Loket; zie het logbestand.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="269" />
            <location filename="../../desktop/social/mastodon_form.py" line="299" />
            <source>Fill in the access token.</source>
            <translation>Vul het toegangstoken in.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="283" />
            <source>The connection works: signed in as @%1.</source>
            <translation>De verbinding werkt: aangemeld als @%1.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="286" />
            <source>Connecting…</source>
            <translation>Verbinding maken…</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="295" />
            <source>Fill in the address of the Mastodon server.</source>
            <translation>Vul het adres van de Mastodon-server in.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="311" />
            <source>Added: signed in as @%1. Loket fetches its mentions and direct messages.</source>
            <translation>Toegevoegd: aangemeld als @%1. Loket haalt de vermeldingen en directe berichten op.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="316" />
            <source>Checking the token with the server…</source>
            <translation>Het token wordt bij de server gecontroleerd…</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="325" />
            <source>Remove account</source>
            <translation>Account verwijderen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="326" />
            <source>Remove the Mastodon account '%1'?</source>
            <translation>Het Mastodon-account '%1' verwijderen?</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="327" />
            <source>Loket stops fetching its mentions and direct messages and forgets its token. Cases and messages already fetched stay; nothing on the server changes.</source>
            <translation>Loket haalt de vermeldingen en directe berichten niet meer op en vergeet het token. Zaken en berichten die al zijn opgehaald blijven; op de server verandert niets.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="330" />
            <source>Remove</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="342" />
            <source>Account '%1' removed.</source>
            <translation>Account '%1' is verwijderd.</translation>
        </message>
    </context>
    <context>
        <name>MastodonForm</name>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="62" />
            <source>e.g. Mastodon gemeente</source>
            <translation>bijv. Mastodon gemeente</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="64" />
            <source>e.g. https://social.overheid.nl</source>
            <translation>bijv. https://social.overheid.nl</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="67" />
            <source>Access token</source>
            <translation>Toegangstoken</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="68" />
            <location filename="../../desktop/social/mastodon_form.py" line="96" />
            <source>paste the access token here</source>
            <translation>plak hier het toegangstoken</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="71" />
            <source>Mastodon account</source>
            <translation>Mastodon-account</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="73" />
            <source>&amp;Name</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="73" />
            <source>&amp;Server</source>
            <translation>&amp;Server</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="74" />
            <source>Access &amp;token</source>
            <translation>Toegangs&amp;token</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="78" />
            <source>Signed in as</source>
            <translation>Aangemeld als</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="80" />
            <source>Make the token on the Mastodon server under Preferences &gt; Development &gt; New application, with the scopes read and write:statuses. Loket keeps it in the computer's keyring, never in its database.</source>
            <translation>Maak het token op de Mastodon-server onder Voorkeuren &gt; Ontwikkelen &gt; Nieuwe toepassing, met de rechten read en write:statuses. Loket bewaart het in de sleutelbos van de computer, nooit in de database.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="97" />
            <location filename="../../desktop/social/mastodon_form.py" line="107" />
            <source>not yet known</source>
            <translation>nog niet bekend</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_form.py" line="106" />
            <source>kept in the keyring</source>
            <translation>bewaard in de sleutelbos</translation>
        </message>
    </context>
    <context>
        <name>MastodonReplyEditor</name>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="52" />
            <source>Reply on Mastodon to %1</source>
            <translation>Antwoorden op Mastodon in %1</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="62" />
            <location filename="../../desktop/social/mastodon_reply.py" line="95" />
            <source>Visibility</source>
            <translation>Zichtbaarheid</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="72" />
            <source>Reply with a standard text</source>
            <translation>Antwoorden met een standaardtekst</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="73" />
            <source>(choose a standard reply)</source>
            <translation>(kies een standaardantwoord)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="82" />
            <source>Reply</source>
            <translation>Antwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="90" />
            <source>&amp;Standard reply</source>
            <translation>&amp;Standaardantwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="93" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="94" />
            <source>To</source>
            <translation>Aan</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="102" />
            <source>The reply is posted at once, in the thread of the resident's message, and kept in the case.</source>
            <translation>Het antwoord wordt meteen geplaatst, in de draad van het bericht van de inwoner, en bewaard in de zaak.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="109" />
            <source>&amp;Post on Mastodon</source>
            <translation>&amp;Plaatsen op Mastodon</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="110" />
            <source>Post (Ctrl+Enter)</source>
            <translation>Plaatsen (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="129" />
            <source>Direct message: the reply stays direct, only the resident sees it.</source>
            <translation>Direct bericht: direct blijft direct, alleen de inwoner ziet het antwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="131" />
            <source>Followers only: the reply is visible to the same people.</source>
            <translation>Alleen volgers: het antwoord is zichtbaar voor dezelfde mensen.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="132" />
            <source>Public but not listed: the reply is visible the same way.</source>
            <translation>Openbaar maar niet in tijdlijnen: het antwoord is op dezelfde manier zichtbaar.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="133" />
            <source>Public: the reply is public too, everyone can read it.</source>
            <translation>Openbaar: het antwoord is ook openbaar, iedereen kan het lezen.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="135" />
            <source>The reply keeps the visibility of the message.</source>
            <translation>Het antwoord houdt de zichtbaarheid van het bericht.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="146" />
            <source>%1 characters</source>
            <translation>%1 tekens</translation>
        </message>
        <message>
            <location filename="../../desktop/social/mastodon_reply.py" line="170" />
            <source>The reply could not be posted because of an error in Loket; please try again.</source>
            <translation>Het antwoord kon niet worden geplaatst door een fout in Loket; probeer het opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>MdtoWizard</name>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="303" />
            <source>MDTO export to the archive</source>
            <translation>MDTO-export naar het archief</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="359" />
            <source>Done: %1 cases with %2 messages, %3 files (%4) in %5. Every file has a .mdto.xml with a SHA-256 checksum; the export has been recorded.</source>
            <translation>Klaar: %1 zaken met %2 berichten, %3 bestanden (%4) in %5. Elk bestand heeft een .mdto.xml met SHA-256-checksum; de export is vastgelegd.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="369" />
            <source>%1 confidential cases were withheld.</source>
            <translation>%1 vertrouwelijke zaken zijn achtergehouden.</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="246" />
            <source>Merge %1</source>
            <translation>%1 samenvoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="247" />
            <source>&amp;Merge</source>
            <translation>&amp;Samenvoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="251" />
            <source>Target case</source>
            <translation>Doelzaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="252" />
            <source>Into &amp;case</source>
            <translation>Met &amp;zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="254" />
            <source>All messages and notes move to that case; this case is closed as merged.</source>
            <translation>Alle berichten en notities gaan naar die zaak; deze zaak wordt afgerond als samengevoegd.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="265" />
            <source>Type the reference of the case to merge into.</source>
            <translation>Typ het zaaknummer van de zaak om mee samen te voegen.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="265" />
            <source>All messages and notes move to that case; this case is closed as merged. The number alone is enough, e.g. 464.</source>
            <translation>Alle berichten en notities gaan naar die zaak; deze zaak wordt gesloten als samengevoegd. Alleen het nummer is genoeg, bijv. 464.</translation>
        </message>
    </context>
    <context>
        <name>MoveDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="315" />
            <source>Move a message of %1</source>
            <translation>Bericht van %1 verplaatsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="316" />
            <source>&amp;Move</source>
            <translation>&amp;Verplaatsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="318" />
            <source>Message</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="324" />
            <source>Target case</source>
            <translation>Doelzaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="325" />
            <source>&amp;Message</source>
            <translation>&amp;Bericht</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="327" />
            <source>To &amp;case</source>
            <translation>Naar &amp;zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="338" />
            <source>Choose a message and type the case it belongs to.</source>
            <translation>Kies een bericht en typ bij welke zaak het hoort.</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="197" />
            <source>Internal note on %1</source>
            <translation>Interne notitie bij %1</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="198" />
            <source>&amp;Save note</source>
            <translation>Notitie &amp;bewaren</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="202" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="203" />
            <source>Only colleagues see this; Ctrl+Enter saves.</source>
            <translation>Alleen collega's zien dit; Ctrl+Enter bewaart.</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="211" />
            <source>Write the note first.</source>
            <translation>Schrijf eerst de notitie.</translation>
        </message>
    </context>
    <context>
        <name>OutboxPanel</name>
        <message>
            <location filename="../../desktop/case_view.py" line="191" />
            <source>Send anyway</source>
            <translation>Toch versturen</translation>
        </message>
    </context>
    <context>
        <name>PrivacyMenu</name>
        <message>
            <location filename="../../desktop/privacy/__init__.py" line="17" />
            <source>&amp;Privacy</source>
            <translation>&amp;Privacy</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/__init__.py" line="18" />
            <source>&amp;AVG requests…</source>
            <translation>&amp;AVG-verzoeken…</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/__init__.py" line="20" />
            <source>&amp;Woo redaction…</source>
            <translation>&amp;Woo-lakken…</translation>
        </message>
    </context>
    <context>
        <name>ReplyEditor</name>
        <message>
            <location filename="../../desktop/reply_editor.py" line="65" />
            <source>Reply to %1</source>
            <translation>Antwoord op %1</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="71" />
            <source>the resident's e-mail address</source>
            <translation>het e-mailadres van de inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="77" />
            <source>Reply</source>
            <translation>Antwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="83" />
            <source>Dear %1,</source>
            <translation>Beste %1,</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="87" />
            <source>Reply with a standard text</source>
            <translation>Antwoorden met een standaardtekst</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="88" />
            <source>(choose a standard reply)</source>
            <translation>(kies een standaardantwoord)</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="97" />
            <source>&amp;Standard reply</source>
            <translation>&amp;Standaardantwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="100" />
            <source>&amp;From</source>
            <translation>&amp;Van</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="105" />
            <source>&amp;To</source>
            <translation>&amp;Aan</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="108" />
            <source>Subject</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="116" />
            <source>The reply is kept in the case at once and sent in the background.</source>
            <translation>Het antwoord wordt direct in de zaak bewaard en op de achtergrond verstuurd.</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="123" />
            <source>&amp;Send</source>
            <translation>&amp;Versturen</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="125" />
            <source>Send (Ctrl+Enter)</source>
            <translation>Versturen (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_editor.py" line="185" />
            <source>The reply could not be stored because of an error in Loket. Nothing was sent; please try again.</source>
            <translation>Het antwoord kon door een fout in Loket niet worden bewaard. Er is niets verstuurd; probeer het opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="233" />
            <source>Exporting</source>
            <translation>Exporteren</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="262" />
            <source>Exporting…</source>
            <translation>Bezig met exporteren…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="236" />
            <source>&amp;Stop</source>
            <translation>&amp;Stoppen</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="237" />
            <source>Stop the export; nothing is written</source>
            <translation>De export stoppen; er wordt niets geschreven</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="278" />
            <source>Stopping…</source>
            <translation>Bezig met stoppen…</translation>
        </message>
    </context>
    <context>
        <name>RoleHome</name>
        <message>
            <location filename="../../desktop/role_home.py" line="88" />
            <source>&amp;Mastodon accounts…</source>
            <translation>&amp;Mastodon-accounts…</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="101" />
            <source>done</source>
            <translation>uitgevoerd</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="101" />
            <source>refused</source>
            <translation>geweigerd</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="102" />
            <source>failed</source>
            <translation>mislukt</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="37" />
            <source>Loket — %1 (%2)</source>
            <translation>Loket — %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="43" />
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="44" />
            <source>Counts</source>
            <translation>Aantallen</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="46" />
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="48" />
            <source>Audit trail</source>
            <translation>Audittrail</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="67" />
            <source>Cases</source>
            <translation>Zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="70" />
            <source>Closed in one go</source>
            <translation>In één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="71" />
            <source>Figure</source>
            <translation>Gegeven</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="71" />
            <source>Count</source>
            <translation>Aantal</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="76" />
            <source>Mail accounts, users and channels.</source>
            <translation>E-mailaccounts, gebruikers en kanalen.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="77" />
            <source>Mail &amp;accounts…</source>
            <translation>E-mail&amp;accounts…</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="97" />
            <source>The audit trail is intact.</source>
            <translation>De audittrail is intact.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="98" />
            <source>The audit trail was changed or damaged from entry %1 on.</source>
            <translation>De audittrail is vanaf regel %1 gewijzigd of beschadigd.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="104" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="104" />
            <source>Who</source>
            <translation>Wie</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="104" />
            <source>Action</source>
            <translation>Handeling</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="104" />
            <source>Object</source>
            <translation>Object</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="105" />
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="52" />
            <source>Colleagues</source>
            <translation>Collega's</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="84" />
            <source>Mail accounts and channels.</source>
            <translation>Mailaccounts en kanalen.</translation>
        </message>
        <message>
            <source>Kennisbank</source>
            <translation>Kennisbank</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>Trends</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="73" />
            <source>&amp;View</source>
            <translation>Beel&amp;d</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="78" />
            <source>&amp;Manage</source>
            <translation>Beh&amp;eer</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="82" />
            <source>Lift &amp;vertrouwelijk…</source>
            <translation>&amp;Vertrouwelijk opheffen…</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="92" />
            <source>%1 is no longer vertrouwelijk.</source>
            <translation>%1 is niet meer vertrouwelijk.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="81" />
            <source>&amp;Departments, office hours and automatic reply…</source>
            <translation>&amp;Vakafdelingen, openingstijden en automatisch antwoord…</translation>
        </message>
        <message>
            <location filename="../../desktop/role_home.py" line="83" />
            <source>&amp;Settings…</source>
            <translation>&amp;Instellingen…</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="49" />
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="51" />
            <source>Accounts</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="52" />
            <location filename="../../desktop/settings_dialog.py" line="109" />
            <source>Users</source>
            <translation>Gebruikers</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="54" />
            <source>Norms</source>
            <translation>Normen</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="56" />
            <location filename="../../desktop/settings_dialog.py" line="207" />
            <source>Standard replies</source>
            <translation>Standaardantwoorden</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="57" />
            <location filename="../../desktop/settings_dialog.py" line="261" />
            <source>Channels</source>
            <translation>Kanalen</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="86" />
            <source>Mail accounts fetch and send the team's e-mail.</source>
            <translation>Mailaccounts halen en versturen de e-mail van het team.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="87" />
            <source>Mail &amp;accounts…</source>
            <translation>Mail&amp;accounts…</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="92" />
            <source>Mastodon accounts fetch mentions and direct messages.</source>
            <translation>Mastodon-accounts halen vermeldingen en directe berichten op.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="94" />
            <source>&amp;Mastodon accounts…</source>
            <translation>&amp;Mastodon-accounts…</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="107" />
            <location filename="../../desktop/settings_dialog.py" line="115" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="107" />
            <location filename="../../desktop/settings_dialog.py" line="113" />
            <source>Login</source>
            <translation>Inlognaam</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="108" />
            <location filename="../../desktop/settings_dialog.py" line="117" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="120" />
            <source>&amp;Add user</source>
            <translation>Gebruiker &amp;toevoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="130" />
            <source>login</source>
            <translation>inlognaam</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="131" />
            <source>full name</source>
            <translation>volledige naam</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="152" />
            <source>Fill in a login and a name.</source>
            <translation>Vul een inlognaam en een naam in.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="155" />
            <source>User added.</source>
            <translation>Gebruiker toegevoegd.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="171" />
            <source>Norm for %1</source>
            <translation>Norm voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="173" />
            <source>working days</source>
            <translation>werkdagen</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="174" />
            <source>hours</source>
            <translation>uur</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="176" />
            <source>Unit for %1</source>
            <translation>Eenheid voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="185" />
            <source>&amp;Save norms</source>
            <translation>Normen &amp;bewaren</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="188" />
            <source>Time for a first answer, per channel. The dashboard counts the share answered within it.</source>
            <translation>Tijd voor een eerste antwoord, per kanaal. Het dashboard telt welk deel daarbinnen is beantwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="200" />
            <source>Norms saved.</source>
            <translation>Normen bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="209" />
            <location filename="../../desktop/settings_dialog.py" line="218" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="211" />
            <location filename="../../desktop/settings_dialog.py" line="219" />
            <source>Text</source>
            <translation>Tekst</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="213" />
            <source>Beste {naam}, ... {zaak} ... {medewerker}</source>
            <translation>Beste {naam}, ... {zaak} ... {medewerker}</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="214" />
            <source>Save &amp;reply</source>
            <translation>Antwoord &amp;bewaren</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="220" />
            <source>{naam} and {zaak} are filled in with the resident's name and the case reference.</source>
            <translation>{naam} en {zaak} worden ingevuld met de naam van de inwoner en het zaaknummer.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="249" />
            <source>Standard reply saved.</source>
            <translation>Standaardantwoord bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="260" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="260" />
            <source>In use</source>
            <translation>In gebruik</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="266" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="267" />
            <source>not yet</source>
            <translation>nog niet</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="270" />
            <source>E-mail comes in through the mail accounts; phone and counter through notes; social media through Mastodon and imported exports.</source>
            <translation>E-mail komt binnen via de mailaccounts; telefoon en balie via notities; sociale media via Mastodon en geïmporteerde exports.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="216" />
            <source>&amp;New reply</source>
            <translation>&amp;Nieuw antwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="218" />
            <source>Re&amp;tire</source>
            <translation>In&amp;trekken</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="219" />
            <source>Take it out of use; saving it again brings it back (for the whole team)</source>
            <translation>Uit gebruik nemen; opnieuw bewaren brengt het terug (voor het hele team)</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="226" />
            <source>{naam}, {zaak}, {medewerker}, {onderwerp}, {datum} and {termijn} are filled in: the resident's name, the case reference, your name, the subject, today and the date of the answer. The team shares these replies.</source>
            <translation>{naam}, {zaak}, {medewerker}, {onderwerp}, {datum} en {termijn} worden ingevuld: de naam van de inwoner, het zaaknummer, uw naam, het onderwerp, de datum van vandaag en de datum van het antwoord. Het team deelt deze antwoorden.</translation>
        </message>
        <message>
            <location filename="../../desktop/settings_dialog.py" line="280" />
            <source>Standard reply retired.</source>
            <translation>Standaardantwoord ingetrokken.</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../desktop/sign_in.py" line="26" />
            <source>Sign in to Loket</source>
            <translation>Aanmelden bij Loket</translation>
        </message>
        <message>
            <location filename="../../desktop/sign_in.py" line="27" />
            <location filename="../../desktop/sign_in.py" line="44" />
            <source>Sign in</source>
            <translation>Aanmelden</translation>
        </message>
        <message>
            <location filename="../../desktop/sign_in.py" line="29" />
            <source>User name</source>
            <translation>Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/sign_in.py" line="32" />
            <source>Password</source>
            <translation>Wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/sign_in.py" line="38" />
            <source>&amp;User name</source>
            <translation>&amp;Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/sign_in.py" line="39" />
            <source>&amp;Password</source>
            <translation>&amp;Wachtwoord</translation>
        </message>
    </context>
    <context>
        <name>SocialScreens</name>
        <message>
            <location filename="../../desktop/social/__init__.py" line="41" />
            <source>&amp;Mastodon accounts…</source>
            <translation>&amp;Mastodon-accounts…</translation>
        </message>
        <message>
            <location filename="../../desktop/social/__init__.py" line="81" />
            <source>Reply posted on Mastodon in case %1.</source>
            <translation>Antwoord geplaatst op Mastodon in zaak %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/social/__init__.py" line="96" />
            <source>This resident left no address, so Loket cannot gather their contacts.</source>
            <translation>Deze inwoner liet geen adres achter, dus Loket kan de contacten niet bijeenbrengen.</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="280" />
            <source>Split %1</source>
            <translation>%1 splitsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="281" />
            <source>&amp;Split off</source>
            <translation>&amp;Afsplitsen</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="284" />
            <source>Messages</source>
            <translation>Berichten</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="290" />
            <source>Messages that become a new case:</source>
            <translation>Berichten die een nieuwe zaak worden:</translation>
        </message>
        <message>
            <location filename="../../desktop/case_dialogs.py" line="305" />
            <source>Tick at least one message (space bar).</source>
            <translation>Vink minstens één bericht aan (spatiebalk).</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsPanel</name>
        <message>
            <location filename="../../desktop/kb/panel.py" line="40" />
            <source>Kennisbank suggestions</source>
            <translation>Suggesties uit de kennisbank</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/panel.py" line="47" />
            <source>Suggested articles</source>
            <translation>Voorgestelde artikelen</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/panel.py" line="52" />
            <source>Answer of the article</source>
            <translation>Antwoord van het artikel</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/panel.py" line="53" />
            <source>&amp;Copy answer</source>
            <translation>Antwoord &amp;kopiëren</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/panel.py" line="56" />
            <source>Search… (Ctrl+K)</source>
            <translation>Zoeken… (Ctrl+K)</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="164" />
            <source>Summary</source>
            <translation>Samenvatting</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="165" />
            <source>Check what goes into the package, then export it.</source>
            <translation>Controleer wat er in het pakket komt en exporteer het dan.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="173" />
            <source>&amp;Export</source>
            <translation>&amp;Exporteren</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="180" />
            <source>Counting what will be exported…</source>
            <translation>Tellen wat er wordt geëxporteerd…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="201" />
            <source>%1 cases with %2 messages</source>
            <translation>%1 zaken met %2 berichten</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="203" />
            <source>%1 files, %2 in all (the originals byte for byte, a .mdto.xml for each)</source>
            <translation>%1 bestanden, samen %2 (de originelen byte voor byte, bij elk een .mdto.xml)</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="210" />
            <source>%1 confidential cases are withheld: only their handler may export their content (%2).</source>
            <translation>%1 vertrouwelijke zaken worden achtergehouden: alleen hun behandelaar mag de inhoud exporteren (%2).</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="217" />
            <source>No cases are withheld.</source>
            <translation>Er worden geen zaken achtergehouden.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="218" />
            <source>Into the folder %1</source>
            <translation>In de map %1</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <location filename="../../desktop/sync_status.py" line="116" />
            <source>No mail account yet — set one up…</source>
            <translation>Nog geen e-mailaccount — stel er een in…</translation>
        </message>
        <message>
            <location filename="../../desktop/sync_status.py" line="149" />
            <source>%1: not fetched yet</source>
            <translation>%1: nog niet opgehaald</translation>
        </message>
        <message>
            <location filename="../../desktop/sync_status.py" line="156" />
            <source>%1: fetching…</source>
            <translation>%1: ophalen…</translation>
        </message>
        <message>
            <location filename="../../desktop/sync_status.py" line="175" />
            <source>%1: fetched %2</source>
            <translation>%1: opgehaald om %2</translation>
        </message>
        <message>
            <location filename="../../desktop/sync_status.py" line="190" />
            <source>Demo mailbox: no mail server; replies wait in the outbox</source>
            <translation>Demo-postbus: geen mailserver; antwoorden wachten in de outbox</translation>
        </message>
        <message>
            <location filename="../../desktop/sync_status.py" line="191" />
            <source>This demo database has no mail server behind its mailbox. Replies are kept in their case and wait in the outbox; nothing is sent or fetched. A real mail account is set up by the beheerder.</source>
            <translation>Achter de postbus van deze demodatabase zit geen mailserver. Antwoorden blijven in hun zaak en wachten in de outbox; er wordt niets verzonden of opgehaald. Een echt mailaccount stelt de beheerder in.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync_status.py" line="199" />
            <source>No mail account yet (the beheerder sets one up)</source>
            <translation>Nog geen mailaccount (de beheerder stelt er een in)</translation>
        </message>
    </context>
    <context>
        <name>TargetPage</name>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="99" />
            <source>Archive creator and folder</source>
            <translation>Archiefvormer en map</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="101" />
            <source>The municipality as archive creator, and an empty folder for the package.</source>
            <translation>De gemeente als archiefvormer, en een lege map voor het pakket.</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="105" />
            <source>e.g. GM0999</source>
            <translation>bijv. GM0999</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="107" />
            <source>Browse…</source>
            <translation>Bladeren…</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="115" />
            <source>Municipality name</source>
            <translation>Naam gemeente</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="116" />
            <source>Identifier (CBS code)</source>
            <translation>Kenmerk (CBS-code)</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="117" />
            <source>Folder</source>
            <translation>Map</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="139" />
            <source>Folder for the MDTO package</source>
            <translation>Map voor het MDTO-pakket</translation>
        </message>
        <message>
            <location filename="../../desktop/archive/mdto_wizard.py" line="151" />
            <source>%1 is not an empty folder; choose a new or empty one.</source>
            <translation>%1 is geen lege map; kies een nieuwe of lege map.</translation>
        </message>
    </context>
    <context>
        <name>TrendsDialog</name>
        <message>
            <location filename="../../desktop/kb/views.py" line="82" />
            <source>Trends: what residents ask about</source>
            <translation>Trends: waar inwoners over vragen</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="86" />
            <source>Spike today</source>
            <translation>Piek vandaag</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="87" />
            <source>Probability</source>
            <translation>Kans</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="89" />
            <source>Spikes</source>
            <translation>Pieken</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="91" />
            <source>Topic</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="92" />
            <source>This week</source>
            <translation>Deze week</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="93" />
            <source>Per week before</source>
            <translation>Per week eerder</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="95" />
            <source>Phrases</source>
            <translation>Woorden</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="95" />
            <source>Streets</source>
            <translation>Straten</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="96" />
            <source>Products</source>
            <translation>Producten</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="101" />
            <source>Cases of the spike</source>
            <translation>Zaken bij de piek</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="103" />
            <source>Send as &amp;signal…</source>
            <translation>Als &amp;signaal versturen…</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="147" />
            <source>You may see the counts, not the cases.</source>
            <translation>U mag de aantallen zien, niet de zaken.</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="164" />
            <source>Send signal</source>
            <translation>Signaal versturen</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="165" />
            <source>E-mail address (Communicatie or the department):</source>
            <translation>E-mailadres (Communicatie of de afdeling):</translation>
        </message>
        <message>
            <location filename="../../desktop/kb/views.py" line="174" />
            <source>The signal waits in the outbox for %1.</source>
            <translation>Het signaal staat in de outbox, klaar om te verzenden naar %1.</translation>
        </message>
    </context>
    <context>
        <name>ViewsModel</name>
        <message>
            <location filename="../../desktop/views_panel.py" line="75" />
            <source>New</source>
            <translation>Nieuw</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="76" />
            <source>My cases</source>
            <translation>Mijn zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="78" />
            <source>Due today</source>
            <translation>Vandaag</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="79" />
            <source>Overdue</source>
            <translation>Te laat</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="80" />
            <source>Call back</source>
            <translation>Terugbellen</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="82" />
            <source>At a department</source>
            <translation>Bij vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="84" />
            <source>Team (all open)</source>
            <translation>Team (alle open)</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="87" />
            <source>Waiting for resident</source>
            <translation>Wacht op inwoner</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="90" />
            <source>Closed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="91" />
            <source>All</source>
            <translation>Alles</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="93" />
            <source>Open by channel</source>
            <translation>Open per kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/views_panel.py" line="94" />
            <source>Saved searches</source>
            <translation>Bewaarde zoekopdrachten</translation>
        </message>
    </context>
    <context>
        <name>ViewsPanel</name>
        <message>
            <location filename="../../desktop/views_panel.py" line="256" />
            <source>Views</source>
            <translation>Weergaven</translation>
        </message>
    </context>
    <context>
        <name>WooDialog</name>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="42" />
            <source>Woo redaction review</source>
            <translation>Woo: lakken beoordelen</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="45" />
            <source>Case reference</source>
            <translation>Zaaknummer</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="47" />
            <source>&amp;Show</source>
            <translation>&amp;Tonen</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="50" />
            <source>Case:</source>
            <translation>Zaak:</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="56" />
            <source>Case text with redactions</source>
            <translation>Tekst van de zaak met gelakte passages</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="58" />
            <source>Redactions</source>
            <translation>Gelakte passages</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="65" />
            <source>&amp;Redact selection</source>
            <translation>Selectie &amp;lakken</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="70" />
            <source>Redactions (uncheck to leave readable):</source>
            <translation>Gelakte passages (vinkje weg = leesbaar laten):</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="83" />
            <source>&amp;Export…</source>
            <translation>&amp;Exporteren…</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="104" />
            <source>BSN</source>
            <translation>BSN</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="105" />
            <source>phone number</source>
            <translation>telefoonnummer</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="106" />
            <source>e-mail address</source>
            <translation>e-mailadres</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="107" />
            <source>IBAN</source>
            <translation>IBAN</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="108" />
            <source>name</source>
            <translation>naam</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="114" />
            <source>added by the reviewer</source>
            <translation>door de beoordelaar toegevoegd</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="181" />
            <source>left readable: %1</source>
            <translation>leesbaar gelaten: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="227" />
            <source>Folder for the export</source>
            <translation>Map voor de export</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="109" />
            <source>postcode</source>
            <translation>postcode</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="110" />
            <source>address</source>
            <translation>adres</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="111" />
            <source>date of birth</source>
            <translation>geboortedatum</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="112" />
            <source>place</source>
            <translation>plaats</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="113" />
            <source>institution</source>
            <translation>instelling</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="187" />
            <source>attachment withheld [%1]: %2 (%3)</source>
            <translation>bijlage niet openbaar [%1]: %2 (%3)</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="237" />
            <source>Exported to %1 with %2 redactions; %3 attachments withheld.</source>
            <translation>Geëxporteerd naar %1 met %2 gelakte passages; %3 bijlagen niet openbaar.</translation>
        </message>
        <message>
            <location filename="../../desktop/privacy/woo_dialog.py" line="1" />
            <source>Attachments withheld</source>
            <translation>Niet openbaar gemaakte bijlagen</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="73" />
            <source>&amp;Case</source>
            <translation>&amp;Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="80" />
            <source>&amp;Dashboard</source>
            <translation>&amp;Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="84" />
            <source>&amp;Settings…</source>
            <translation>&amp;Instellingen…</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="87" />
            <source>&amp;Import files…</source>
            <translation>Bestanden &amp;importeren…</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="88" />
            <source>Import e-mail (.eml, mbox) and chat exports</source>
            <translation>E-mail (.eml, mbox) en chatexports importeren</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="91" />
            <source>&amp;Export list as CSV…</source>
            <translation>Lijst &amp;exporteren als CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="116" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="134" />
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="165" />
            <source>Import files</source>
            <translation>Bestanden importeren</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="166" />
            <source>Mail and chat exports (*.eml *.mbox *.txt *.zip *.json *.js);;WhatsApp (*.txt *.zip);;Facebook, Instagram (*.json *.zip);;X (*.js *.zip);;All files (*)</source>
            <translation>Mail- en chatexports (*.eml *.mbox *.txt *.zip *.json *.js);;WhatsApp (*.txt *.zip);;Facebook, Instagram (*.json *.zip);;X (*.js *.zip);;Alle bestanden (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="175" />
            <source>Importing…</source>
            <translation>Importeren…</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="182" />
            <source>Imported %1 message(s), %2 already present, %3 failed.</source>
            <translation>%1 bericht(en) geïmporteerd, %2 al aanwezig, %3 mislukt.</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="196" />
            <source>Export list</source>
            <translation>Lijst exporteren</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="197" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="204" />
            <source>Exporting…</source>
            <translation>Exporteren…</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="205" />
            <source>Export cancelled; the file was removed.</source>
            <translation>Exporteren afgebroken; het bestand is verwijderd.</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="235" />
            <source>%1 case(s) exported to %2</source>
            <translation>%1 zaak/zaken geëxporteerd naar %2</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/workspace_setup.py" line="265" />
            <source>%n new message(s)</source>
            <translation>
                <numerusform>%n nieuw bericht</numerusform>
                <numerusform>%n nieuwe berichten</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="95" />
            <source>Export &amp;selected cases as CSV…</source>
            <translation>&amp;Geselecteerde zaken exporteren als CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/workspace_setup.py" line="96" />
            <source>The cases selected in the list</source>
            <translation>De zaken die in de lijst zijn geselecteerd</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/workspace_setup.py" line="139" />
            <source>%n case(s) selected: assign (Ctrl+I, Ctrl+Shift+I), status (Ctrl+U), close (Ctrl+K), label (Ctrl+L) and export act on all of them.</source>
            <translation>
                <numerusform>%n zaak geselecteerd: toewijzen (Ctrl+I, Ctrl+Shift+I), status (Ctrl+U), afronden (Ctrl+K), label (Ctrl+L) en exporteren werken op alle.</numerusform>
                <numerusform>%n zaken geselecteerd: toewijzen (Ctrl+I, Ctrl+Shift+I), status (Ctrl+U), afronden (Ctrl+K), label (Ctrl+L) en exporteren werken op alle.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../desktop/people/first_run.py" line="41" />
            <source>Set up Loket</source>
            <translation>Loket instellen</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="57" />
            <source>Nobody in this database has a password yet (it comes from an older Loket). Choose its beheerder now: an existing user name makes that colleague beheerder. Until a beheerder is set, Loket only shows the cases and changes nothing.</source>
            <translation>Niemand in deze database heeft al een wachtwoord (hij komt uit een oudere versie van Loket). Kies nu de beheerder: met een bestaande gebruikersnaam wordt die collega beheerder. Tot er een beheerder is, toont Loket de zaken alleen en verandert er niets.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="63" />
            <source>This is a new Loket database. First make its beheerder: the person who adds colleagues, mail accounts and settings. Everyone signs in with their own name from now on.</source>
            <translation>Dit is een nieuwe Loket-database. Maak eerst de beheerder: degene die collega's, mailaccounts en instellingen toevoegt. Vanaf nu meldt iedereen zich aan met een eigen naam.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="69" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="70" />
            <source>e.g. Bea Kok</source>
            <translation>bijv. Bea Kok</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="72" />
            <source>User name</source>
            <translation>Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="73" />
            <source>e.g. bea</source>
            <translation>bijv. bea</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="75" />
            <source>&amp;Name</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="76" />
            <source>&amp;User name</source>
            <translation>&amp;Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="83" />
            <source>&amp;Make beheerder</source>
            <translation>Beheerder &amp;maken</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="86" />
            <source>&amp;Later (read only)</source>
            <translation>&amp;Later (alleen lezen)</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="86" />
            <source>&amp;Quit Loket</source>
            <translation>Loket &amp;afsluiten</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="136" />
            <source>The database is encrypted. Its key is kept in this computer's keyring. Should that be lost (a new laptop, a reinstalled system), only this recovery key opens the database again. Write it down and keep it somewhere safe, away from the laptop: Loket shows it only now.</source>
            <translation>De database is versleuteld. De sleutel staat in de sleutelbos van deze computer. Raakt die kwijt (een nieuwe laptop, een opnieuw geïnstalleerd systeem), dan opent alleen deze herstelsleutel de database nog. Schrijf hem op en bewaar hem veilig, niet bij de laptop: Loket toont hem alleen nu.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="143" />
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="145" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopiëren</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="147" />
            <source>I have &amp;written it down</source>
            <translation>Ik heb hem &amp;opgeschreven</translation>
        </message>
        <message>
            <location filename="../../desktop/people/first_run.py" line="148" />
            <source>&amp;Continue</source>
            <translation>&amp;Verder</translation>
        </message>
    </context>
    <context>
        <name>OwnPasswordDialog</name>
        <message>
            <location filename="../../desktop/people/own_password.py" line="23" />
            <source>Choose your own password</source>
            <translation>Kies uw eigen wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/people/own_password.py" line="25" />
            <source>Welcome, %1. A beheerder gave you a temporary password. Choose your own now: only you know it, and nobody else can work in your name.</source>
            <translation>Welkom, %1. Een beheerder heeft u een tijdelijk wachtwoord gegeven. Kies nu uw eigen wachtwoord: alleen u kent het, en niemand anders kan in uw naam werken.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/own_password.py" line="30" />
            <source>&amp;New password</source>
            <translation>&amp;Nieuw wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/people/own_password.py" line="36" />
            <source>&amp;Save password</source>
            <translation>Wachtwoord &amp;bewaren</translation>
        </message>
        <message>
            <location filename="../../desktop/people/own_password.py" line="39" />
            <source>Sign &amp;out</source>
            <translation>&amp;Afmelden</translation>
        </message>
    </context>
    <context>
        <name>PasswordFields</name>
        <message>
            <location filename="../../desktop/people/passwords.py" line="17" />
            <source>Password</source>
            <translation>Wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/people/passwords.py" line="20" />
            <source>Password again</source>
            <translation>Wachtwoord nogmaals</translation>
        </message>
        <message>
            <location filename="../../desktop/people/passwords.py" line="22" />
            <source>At least %1 characters, or a sentence of %2 or more words; not a common password, not your name.</source>
            <translation>Minstens %1 tekens, of een zin van %2 of meer woorden; geen veelgebruikt wachtwoord en niet uw naam.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/passwords.py" line="30" />
            <source>&amp;Password</source>
            <translation>&amp;Wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/people/passwords.py" line="31" />
            <source>Password &amp;again</source>
            <translation>Wachtwoord &amp;nogmaals</translation>
        </message>
        <message>
            <location filename="../../desktop/people/passwords.py" line="37" />
            <source>Fill in a password.</source>
            <translation>Vul een wachtwoord in.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/passwords.py" line="39" />
            <source>The two passwords are not the same.</source>
            <translation>De twee wachtwoorden zijn niet gelijk.</translation>
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <location filename="../../desktop/people/users.py" line="305" />
            <source>&amp;Name</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="306" />
            <source>&amp;User name</source>
            <translation>&amp;Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="307" />
            <source>&amp;Role</source>
            <translation>&amp;Rol</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="308" />
            <source>Temporary &amp;password</source>
            <translation>Tijdelijk &amp;wachtwoord</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../desktop/people/users.py" line="334" />
            <source>Temporary &amp;password</source>
            <translation>Tijdelijk &amp;wachtwoord</translation>
        </message>
    </context>
    <context>
        <name>UsersModel</name>
        <message>
            <location filename="../../desktop/people/users.py" line="98" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="98" />
            <source>User name</source>
            <translation>Gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="98" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="98" />
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="99" />
            <source>Extra rights</source>
            <translation>Extra rechten</translation>
        </message>
    </context>
    <context>
        <name>UsersScreen</name>
        <message>
            <location filename="../../desktop/people/users.py" line="60" />
            <source>Disabled</source>
            <translation>Uitgeschakeld</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="62" />
            <source>Locked</source>
            <translation>Geblokkeerd</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="64" />
            <source>Temporary password</source>
            <translation>Tijdelijk wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="66" />
            <source>No password</source>
            <translation>Geen wachtwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="67" />
            <source>Active</source>
            <translation>Actief</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="71" />
            <source>edit the kennisbank</source>
            <translation>kennisbank bewerken</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="126" />
            <source>Colleagues</source>
            <translation>Collega's</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="135" />
            <source>&amp;Add colleague…</source>
            <translation>Collega &amp;toevoegen…</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="136" />
            <source>Change &amp;role…</source>
            <translation>&amp;Rol wijzigen…</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="137" />
            <source>&amp;Disable</source>
            <translation>&amp;Uitschakelen</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="138" />
            <source>&amp;Unlock</source>
            <translation>&amp;Deblokkeren</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="139" />
            <source>New &amp;password…</source>
            <translation>Nieuw &amp;wachtwoord…</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="140" />
            <source>Allow editing the &amp;kennisbank</source>
            <translation>Mag de &amp;kennisbank bewerken</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="152" />
            <source>Everyone signs in with their own name. A password you set is temporary: the colleague chooses their own at the first sign-in.</source>
            <translation>Iedereen meldt zich aan met een eigen naam. Een wachtwoord dat u instelt is tijdelijk: de collega kiest bij de eerste aanmelding een eigen wachtwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="201" />
            <source>&amp;Enable</source>
            <translation>&amp;Inschakelen</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="204" />
            <source>Take back editing the &amp;kennisbank</source>
            <translation>Bewerken van de &amp;kennisbank intrekken</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="224" />
            <source>This did not work because of an error in Loket.</source>
            <translation>Dit is niet gelukt door een fout in Loket.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="232" />
            <source>%1 added. The password is temporary: they choose their own at the first sign-in.</source>
            <translation>%1 is toegevoegd. Het wachtwoord is tijdelijk: bij de eerste aanmelding kiest %1 een eigen wachtwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="243" />
            <source>Role of %1</source>
            <translation>Rol van %1</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="244" />
            <source>&amp;Role</source>
            <translation>&amp;Rol</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="248" />
            <source>Role of %1 changed.</source>
            <translation>Rol van %1 gewijzigd.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="259" />
            <source>Disable</source>
            <translation>Uitschakelen</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="259" />
            <source>Disable %1?</source>
            <translation>%1 uitschakelen?</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="260" />
            <source>They can no longer sign in; their history stays.</source>
            <translation>Deze collega kan zich niet meer aanmelden; de geschiedenis blijft bewaard.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="264" />
            <source>%1 can sign in again.</source>
            <translation>%1 kan zich weer aanmelden.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="265" />
            <source>%1 is disabled.</source>
            <translation>%1 is uitgeschakeld.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="279" />
            <source>%1 may now edit the kennisbank.</source>
            <translation>%1 mag nu de kennisbank bewerken.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="280" />
            <source>%1 may no longer edit the kennisbank.</source>
            <translation>%1 mag de kennisbank niet meer bewerken.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="288" />
            <source>New temporary password for %1: they choose their own at the next sign-in.</source>
            <translation>Nieuw tijdelijk wachtwoord voor %1: bij de volgende aanmelding kiest %1 een eigen wachtwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="298" />
            <source>Add colleague</source>
            <translation>Collega toevoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="299" />
            <source>&amp;Add</source>
            <translation>&amp;Toevoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/people/users.py" line="331" />
            <source>New password for %1</source>
            <translation>Nieuw wachtwoord voor %1</translation>
        </message>
    </context>
    <context>
        <name>KbPage</name>
        <message>
            <source>Search the kennisbank…</source>
            <translation>Zoeken in de kennisbank…</translation>
        </message>
        <message>
            <source>Search the kennisbank</source>
            <translation>Zoeken in de kennisbank</translation>
        </message>
        <message>
            <source>Articles found</source>
            <translation>Gevonden artikelen</translation>
        </message>
        <message>
            <source>The article</source>
            <translation>Het artikel</translation>
        </message>
        <message>
            <source>&amp;Health and use…</source>
            <translation>&amp;Onderhoud en gebruik…</translation>
        </message>
        <message>
            <source>Nothing found.</source>
            <translation>Niets gevonden.</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Web page</source>
            <translation>Webpagina</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Afdeling</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Eigenaar</translation>
        </message>
        <message>
            <source>Review on</source>
            <translation>Herzien op</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>ListeningDialog</name>
        <message>
            <source>Listening on Mastodon</source>
            <translation>Meeluisteren op Mastodon</translation>
        </message>
        <message>
            <source>Public posts with a hashtag or keyword the team listens for. They are no cases: they count in the trends, and are removed after the listening period.</source>
            <translation>Openbare berichten met een hashtag of zoekwoord waar het team naar luistert. Het zijn geen zaken: ze tellen mee in de trends en worden na de luistertermijn verwijderd.</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Geschreven</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Door</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>Gevonden met</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <source>Heard posts</source>
            <translation>Gehoorde berichten</translation>
        </message>
        <message>
            <source>Text of the post</source>
            <translation>Tekst van het bericht</translation>
        </message>
        <message>
            <source>&amp;Make a case</source>
            <translation>&amp;Zaak maken</translation>
        </message>
        <message>
            <source>&amp;Open on Mastodon</source>
            <translation>&amp;Openen op Mastodon</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Vernieuwen</translation>
        </message>
        <message>
            <source>Nothing heard yet. The beheerder chooses the hashtags and keywords under Mastodon accounts.</source>
            <translation>Nog niets gehoord. De beheerder kiest de hashtags en zoekwoorden bij Mastodon-accounts.</translation>
        </message>
        <message>
            <source>Case %1 made of the post.</source>
            <translation>Zaak %1 gemaakt van het bericht.</translation>
        </message>
        <message>
            <source>The post is in case %1.</source>
            <translation>Het bericht staat in zaak %1.</translation>
        </message>
        <message>
            <source>This did not work because of an error in Loket; see the log.</source>
            <translation>Dit lukte niet door een fout in Loket; zie het logboek.</translation>
        </message>
    </context>
    <context>
        <name>TrendsPage</name>
        <message>
            <source>Use of the &amp;kennisbank…</source>
            <translation>Gebruik van de &amp;kennisbank…</translation>
        </message>
    </context>
    <context>
        <name>WatchListBox</name>
        <message>
            <source>Listening</source>
            <translation>Meeluisteren</translation>
        </message>
        <message>
            <source>Watched hashtags and keywords</source>
            <translation>Gevolgde hashtags en zoekwoorden</translation>
        </message>
        <message>
            <source>#gemeentenaam or a keyword</source>
            <translation>#gemeentenaam of een zoekwoord</translation>
        </message>
        <message>
            <source>Hashtag or keyword to listen for</source>
            <translation>Hashtag of zoekwoord om naar te luisteren</translation>
        </message>
        <message>
            <source>&amp;Listen</source>
            <translation>&amp;Luisteren</translation>
        </message>
        <message>
            <source>Stop l&amp;istening</source>
            <translation>Niet &amp;meer luisteren</translation>
        </message>
        <message>
            <source> days</source>
            <translation> dagen</translation>
        </message>
        <message>
            <source>Keep heard posts for</source>
            <translation>Gehoorde berichten bewaren gedurende</translation>
        </message>
        <message>
            <source>Public posts with these terms count in the trends and can be made into a case; they are no cases themselves.</source>
            <translation>Openbare berichten met deze termen tellen mee in de trends en kunnen een zaak worden; zelf zijn het geen zaken.</translation>
        </message>
        <message>
            <source>Keep posts</source>
            <translation>Berichten bewaren</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>fout: %1</translation>
        </message>
        <message>
            <source>not yet fetched</source>
            <translation>nog niet opgehaald</translation>
        </message>
        <message>
            <source>This did not work because of an error in Loket; see the log.</source>
            <translation>Dit lukte niet door een fout in Loket; zie het logboek.</translation>
        </message>
        <message>
            <source>Listening for %1 from the next fetch.</source>
            <translation>Vanaf de volgende ophaalronde wordt er geluisterd naar %1.</translation>
        </message>
        <message>
            <source>No longer listening for %1.</source>
            <translation>Er wordt niet meer geluisterd naar %1.</translation>
        </message>
        <message>
            <source>Heard posts are kept %1 days.</source>
            <translation>Gehoorde berichten blijven %1 dagen bewaard.</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../desktop/help.py" line="47" />
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../../desktop/help.py" line="51" />
            <source>Action</source>
            <translation>Handeling</translation>
        </message>
        <message>
            <location filename="../../desktop/help.py" line="51" />
            <source>Keys</source>
            <translation>Toetsen</translation>
        </message>
        <message>
            <location filename="../../desktop/help.py" line="52" />
            <source>Keyboard shortcuts</source>
            <translation>Sneltoetsen</translation>
        </message>
        <message>
            <location filename="../../desktop/help.py" line="67" />
            <source>The user guide (docs/handleiding.md) is not installed.</source>
            <translation>De handleiding (docs/handleiding.md) is niet geïnstalleerd.</translation>
        </message>
        <message>
            <location filename="../../desktop/help.py" line="68" />
            <source>User guide</source>
            <translation>Handleiding</translation>
        </message>
        <message>
            <location filename="../../desktop/help.py" line="74" />
            <source>About Loket</source>
            <translation>Over Loket</translation>
        </message>
    </context>
    <context>
        <name>RoleMenus</name>
        <message>
            <location filename="../../desktop/role_menus.py" line="102" />
            <source>Signed in as %1 (%2).</source>
            <translation>Aangemeld als %1 (%2).</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="106" />
            <source>Nobody is signed in: read only.</source>
            <translation>Niemand is aangemeld: alleen lezen.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="110" />
            <source>One inbox for the klantcontact team: e-mail, social media, phone and counter.</source>
            <translation>Eén inbox voor het klantcontactteam: e-mail, sociale media, telefoon en balie.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="114" />
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="140" />
            <source>Sign &amp;out</source>
            <translation>Af&amp;melden</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="142" />
            <source>Sign out; the next person signs in (%1)</source>
            <translation>Afmelden; de volgende persoon meldt zich aan (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="146" />
            <source>&amp;File</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="175" />
            <source>&amp;Quit</source>
            <translation>&amp;Afsluiten</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="203" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Sneltoetsen</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="207" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="209" />
            <source>&amp;User guide</source>
            <translation>&amp;Handleiding</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="211" />
            <source>&amp;About Loket</source>
            <translation>&amp;Over Loket</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="234" />
            <source>The audit trail is not complete: %1</source>
            <translation>Het auditlog is niet volledig: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="235" />
            <source>&amp;Accept the trail as it is…</source>
            <translation>Auditlog &amp;aanvaarden zoals het is…</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="240" />
            <source>Read only: this database has no beheerder yet, so nothing can be changed.</source>
            <translation>Alleen lezen: deze database heeft nog geen beheerder, dus er kan niets worden gewijzigd.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="241" />
            <source>&amp;Make the beheerder…</source>
            <translation>&amp;Beheerder instellen…</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="275" />
            <source>Accept the audit trail</source>
            <translation>Auditlog aanvaarden</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="276" />
            <source>Accept the audit trail as it is now?</source>
            <translation>Het auditlog aanvaarden zoals het nu is?</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="277" />
            <source>Do this only after finding out what happened (a restored backup, a damaged disk, or someone who changed the file). Accepting is itself recorded in the audit trail.</source>
            <translation>Doe dit pas als u weet wat er is gebeurd (een teruggezette back-up, een beschadigde schijf, of iemand die het bestand heeft veranderd). Het aanvaarden komt zelf ook in het auditlog.</translation>
        </message>
        <message>
            <location filename="../../desktop/role_menus.py" line="279" />
            <source>Accept</source>
            <translation>Aanvaarden</translation>
        </message>
    </context>
    <context>
        <name>ConfidentialAction</name>
        <message>
            <location filename="../../desktop/confidential.py" line="105" />
            <source>&amp;Vertrouwelijk…</source>
            <translation>Vertrou&amp;welijk…</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="106" />
            <source>Only the handler sees a vertrouwelijk case</source>
            <translation>Alleen de behandelaar ziet een vertrouwelijke zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="122" />
            <source>Lift &amp;vertrouwelijk…</source>
            <translation>Vertrouwelijk op&amp;heffen…</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="141" />
            <source>%1: vertrouwelijk changed.</source>
            <translation>%1: vertrouwelijkheid gewijzigd.</translation>
        </message>
    </context>
    <context>
        <name>ConfidentialDialog</name>
        <message>
            <location filename="../../desktop/confidential.py" line="61" />
            <source>Mark %1 vertrouwelijk</source>
            <translation>%1 vertrouwelijk maken</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="61" />
            <source>Lift vertrouwelijk on %1</source>
            <translation>Vertrouwelijk opheffen voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="63" />
            <source>&amp;Mark vertrouwelijk</source>
            <translation>&amp;Vertrouwelijk maken</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="63" />
            <source>&amp;Lift</source>
            <translation>&amp;Opheffen</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="66" />
            <source>Case</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="69" />
            <source>&amp;Case</source>
            <translation>&amp;Zaak</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="71" />
            <source>From now on only the case's handler sees it: colleagues no longer find it in lists or searches. A beheerder can lift it.</source>
            <translation>Vanaf nu ziet alleen de behandelaar deze zaak: collega's vinden haar niet meer in lijsten of bij zoeken. Een beheerder kan dit opheffen.</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="73" />
            <source>The case becomes visible to the team again.</source>
            <translation>De zaak wordt weer zichtbaar voor het team.</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="78" />
            <source>Reason</source>
            <translation>Reden</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="79" />
            <source>e.g. Debt counselling; the resident asked for discretion</source>
            <translation>bijv. Schuldhulp; de inwoner vroeg om discretie</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="81" />
            <source>&amp;Reason</source>
            <translation>&amp;Reden</translation>
        </message>
        <message>
            <location filename="../../desktop/confidential.py" line="89" />
            <source>Fill in the case's reference.</source>
            <translation>Vul het zaaknummer in.</translation>
        </message>
    </context>
    <context>
        <name>StatusFeedback</name>
        <message>
            <location filename="../../desktop/status_feedback.py" line="41" />
            <source>Mail is not fetched in this window (no mail scheduler runs).</source>
            <translation>In dit venster wordt geen post opgehaald (er loopt geen ophaalplanning).</translation>
        </message>
        <message>
            <location filename="../../desktop/status_feedback.py" line="43" />
            <source>No mail account yet: there is nothing to fetch.</source>
            <translation>Nog geen mailaccount: er valt niets op te halen.</translation>
        </message>
        <message>
            <location filename="../../desktop/status_feedback.py" line="45" />
            <source>Fetching mail and sending waiting replies…</source>
            <translation>Post ophalen en wachtende antwoorden versturen…</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location filename="../../desktop/i18n.py" line="24" />
            <source>&amp;Look in:</source>
            <translation>&amp;Zoeken in:</translation>
        </message>
        <message>
            <location filename="../../desktop/i18n.py" line="25" />
            <source>Files of &amp;type:</source>
            <translation>Bestanden van &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>CallbackDialog</name>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="91" />
            <source>Call back for %1</source>
            <translation>Terugbellen voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="92" />
            <source>&amp;Save</source>
            <translation>Op&amp;slaan</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="98" />
            <source>e.g. 09:00-12:00 (empty: all day)</source>
            <translation>bijv. 09:00-12:00 (leeg: de hele dag)</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="99" />
            <source>Time window</source>
            <translation>Tijdvak</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="101" />
            <source>Empty: the number the resident called from</source>
            <translation>Leeg: het nummer waarmee de inwoner belde</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="102" />
            <source>Phone number</source>
            <translation>Telefoonnummer</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="104" />
            <source>Who calls back</source>
            <translation>Wie belt terug</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="110" />
            <source>&amp;Day</source>
            <translation>&amp;Dag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="110" />
            <source>&amp;Time window</source>
            <translation>&amp;Tijdvak</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="111" />
            <source>&amp;Number</source>
            <translation>&amp;Nummer</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="111" />
            <source>&amp;Who</source>
            <translation>&amp;Wie</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="116" />
            <source>This case has an open call-back request: choose who calls back.</source>
            <translation>Deze zaak heeft een open terugbelverzoek: kies wie terugbelt.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="128" />
            <source>Choose a colleague.</source>
            <translation>Kies een collega.</translation>
        </message>
    </context>
    <context>
        <name>CallbackDoneDialog</name>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="141" />
            <source>Call-back for %1 done</source>
            <translation>Terugbelverzoek van %1 afhandelen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="142" />
            <source>&amp;Done</source>
            <translation>&amp;Afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="144" />
            <source>&amp;Reached</source>
            <translation>&amp;Bereikt</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="145" />
            <source>&amp;Not reached</source>
            <translation>&amp;Niet bereikt</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="150" />
            <source>Try &amp;again on</source>
            <translation>&amp;Opnieuw bellen op</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="153" />
            <source>09:00-12:00</source>
            <translation>09:00-12:00</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="154" />
            <source>Time window</source>
            <translation>Tijdvak</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="163" />
            <source>Outcome</source>
            <translation>Uitkomst</translation>
        </message>
    </context>
    <context>
        <name>DayPanel</name>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="69" />
            <source>Contacted again within 14 days</source>
            <translation>Binnen 14 dagen opnieuw contact</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="70" />
            <source>Handed over, waiting</source>
            <translation>Overgedragen, wacht</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="71" />
            <source>Handed over, overdue</source>
            <translation>Overgedragen, te laat</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="72" />
            <source>Call-backs open</source>
            <translation>Terugbellen open</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="73" />
            <source>Call-backs overdue</source>
            <translation>Terugbellen te laat</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="74" />
            <source>Called back on time</source>
            <translation>Op tijd teruggebeld</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="76" />
            <source>Handled in one go per channel (%)</source>
            <translation>In één keer afgehandeld per kanaal (%)</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="78" />
            <source>Per week: online versus phone and counter</source>
            <translation>Per week: online tegenover telefoon en balie</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="82" />
            <source>Figures per product</source>
            <translation>Cijfers per product</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="83" />
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="83" />
            <location filename="../../desktop/day_dashboard.py" line="89" />
            <source>Cases</source>
            <translation>Zaken</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="83" />
            <location filename="../../desktop/day_dashboard.py" line="90" />
            <location filename="../../desktop/day_dashboard.py" line="148" />
            <source>In one go</source>
            <translation>In één keer</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="84" />
            <location filename="../../desktop/day_dashboard.py" line="86" />
            <source>Handed over</source>
            <translation>Overgedragen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="84" />
            <source>Median first answer (h)</source>
            <translation>Mediaan eerste antwoord (u)</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="84" />
            <source>Channels</source>
            <translation>Kanalen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="85" />
            <source>Hand-overs per department</source>
            <translation>Overdrachten per vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="86" />
            <source>Department</source>
            <translation>Vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="86" />
            <source>Waiting</source>
            <translation>Wacht</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="87" />
            <source>Overdue</source>
            <translation>Te laat</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="87" />
            <source>Answered</source>
            <translation>Beantwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="88" />
            <source>Per colleague (counts only)</source>
            <translation>Per collega (alleen aantallen)</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="89" />
            <source>Colleague</source>
            <translation>Collega</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="89" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="89" />
            <source>Closed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="104" />
            <source>Target for handled in one go</source>
            <translation>Streefwaarde in één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="105" />
            <source>Save &amp;target</source>
            <translation>Streefwaarde op&amp;slaan</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="110" />
            <source>Target for handled in &amp;one go</source>
            <translation>Streefwaarde in &amp;één keer afgehandeld</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="128" />
            <source>Target saved.</source>
            <translation>Streefwaarde opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="130" />
            <location filename="../../desktop/day_dashboard.py" line="150" />
            <source>Target %1%</source>
            <translation>Streefwaarde %1%</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="155" />
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dashboard.py" line="156" />
            <source>Phone and counter</source>
            <translation>Telefoon en balie</translation>
        </message>
    </context>
    <context>
        <name>DaySettingsDialog</name>
        <message>
            <location filename="../../desktop/day_settings.py" line="32" />
            <source>Monday</source>
            <translation>Maandag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="33" />
            <source>Tuesday</source>
            <translation>Dinsdag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="34" />
            <source>Wednesday</source>
            <translation>Woensdag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="35" />
            <source>Thursday</source>
            <translation>Donderdag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="36" />
            <source>Friday</source>
            <translation>Vrijdag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="37" />
            <source>Saturday</source>
            <translation>Zaterdag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="38" />
            <source>Sunday</source>
            <translation>Zondag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="50" />
            <source>Departments, office hours and automatic reply</source>
            <translation>Vakafdelingen, openingstijden en automatisch antwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="52" />
            <location filename="../../desktop/day_settings.py" line="63" />
            <source>Departments</source>
            <translation>Vakafdelingen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="53" />
            <source>Office hours</source>
            <translation>Openingstijden</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="54" />
            <source>Automatic reply</source>
            <translation>Automatisch antwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="62" />
            <location filename="../../desktop/day_settings.py" line="70" />
            <source>Department</source>
            <translation>Vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="62" />
            <location filename="../../desktop/day_settings.py" line="73" />
            <source>E-mail address</source>
            <translation>E-mailadres</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="62" />
            <location filename="../../desktop/day_settings.py" line="78" />
            <source>Working days</source>
            <translation>Werkdagen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="69" />
            <source>name, e.g. Burgerzaken</source>
            <translation>naam, bijv. Burgerzaken</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="72" />
            <source>e-mail address</source>
            <translation>e-mailadres</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="77" />
            <source> working days</source>
            <translation> werkdagen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="79" />
            <source>&amp;Save department</source>
            <translation>Vakafdeling op&amp;slaan</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="81" />
            <source>&amp;Remove</source>
            <translation>Ve&amp;rwijderen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="88" />
            <source>A medewerker hands a case over to a department by e-mail; it has this many working days to reply.</source>
            <translation>Een medewerker draagt een zaak per e-mail over aan een vakafdeling; die heeft zoveel werkdagen om te antwoorden.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="123" />
            <source>Department saved.</source>
            <translation>Vakafdeling opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="128" />
            <source>Department removed; its cases keep its name.</source>
            <translation>Vakafdeling van de lijst gehaald; haar zaken houden de naam.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="147" />
            <source>Opens on %1</source>
            <translation>Opening op %1</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="148" />
            <source>Closes on %1</source>
            <translation>Sluiting op %1</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="158" />
            <source>&amp;Save office hours</source>
            <translation>Openingstijden op&amp;slaan</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="161" />
            <source>Deadlines count in office hours and working days; Dutch public holidays are skipped.</source>
            <translation>Termijnen tellen in openingstijden en werkdagen; Nederlandse feestdagen tellen niet mee.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="179" />
            <source>Office hours saved; open cases' deadlines follow.</source>
            <translation>Openingstijden opgeslagen; de termijnen van open zaken gaan mee.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="186" />
            <source>Outside office hours, a resident who writes gets one automatic reply per case with its reference ({zaak}); never to automatic mail, mailing lists or no-reply senders. In a team, turn it on on one laptop.</source>
            <translation>Buiten openingstijden krijgt een inwoner die schrijft één automatisch antwoord per zaak, met het zaaknummer ({zaak}); nooit op automatische mail, mailinglijsten of no-reply-afzenders. Zet het in een team op één laptop aan.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="194" />
            <source>Automatic reply for %1</source>
            <translation>Automatisch antwoord voor %1</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="198" />
            <source>Text of the automatic reply</source>
            <translation>Tekst van het automatische antwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="203" />
            <source>No mail account yet.</source>
            <translation>Nog geen e-mailaccount.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="204" />
            <source>Save &amp;automatic reply</source>
            <translation>&amp;Automatisch antwoord opslaan</translation>
        </message>
        <message>
            <location filename="../../desktop/day_settings.py" line="218" />
            <source>Automatic reply saved.</source>
            <translation>Automatisch antwoord opgeslagen.</translation>
        </message>
    </context>
    <context>
        <name>ForwardDialog</name>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="46" />
            <source>Hand %1 over to a department</source>
            <translation>%1 overdragen aan een vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="47" />
            <source>&amp;Hand over</source>
            <translation>&amp;Overdragen</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="50" />
            <source>Department</source>
            <translation>Vakafdeling</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/day_dialogs.py" line="52" />
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n werkdag</numerusform>
                <numerusform>%n werkdagen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="56" />
            <source>Question for the department</source>
            <translation>Vraag aan de vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="57" />
            <source>What should the department find out or do?</source>
            <translation>Wat moet de vakafdeling uitzoeken of doen?</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="58" />
            <source>&amp;Department</source>
            <translation>&amp;Vakafdeling</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="60" />
            <source>&amp;Question</source>
            <translation>V&amp;raag</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="62" />
            <source>The department gets an e-mail with the case reference and the resident's messages attached; its reply comes back into this case.</source>
            <translation>De vakafdeling krijgt een e-mail met het zaaknummer en de berichten van de inwoner als bijlage; haar antwoord komt vanzelf bij deze zaak.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="70" />
            <source>There are no departments yet; the beheerder adds them.</source>
            <translation>Er zijn nog geen vakafdelingen; de beheerder legt ze vast.</translation>
        </message>
        <message>
            <location filename="../../desktop/day_dialogs.py" line="79" />
            <source>Write the question for the department.</source>
            <translation>Schrijf de vraag aan de vakafdeling.</translation>
        </message>
    </context>
    <context>
        <name>ReplyChooser</name>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="56" />
            <source>Answer %1</source>
            <translation>%1 beantwoorden</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="60" />
            <source>The resident wrote via %1. %2</source>
            <translation>De inwoner schreef via %1. %2</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="62" />
            <source>Why not in this channel</source>
            <translation>Waarom niet in dit kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="64" />
            <source>Answer another way</source>
            <translation>Op een andere manier antwoorden</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="67" />
            <source>&amp;E-mail to %1</source>
            <translation>&amp;E-mailen naar %1</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="69" />
            <source>&amp;E-mail (no address known)</source>
            <translation>&amp;E-mailen (geen adres bekend)</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="74" />
            <source>&amp;Call %1 and note it</source>
            <translation>%1 &amp;bellen en vastleggen</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="76" />
            <source>&amp;Call and note it (no number known)</source>
            <translation>&amp;Bellen en vastleggen (geen nummer bekend)</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="82" />
            <source>Answered via another channel</source>
            <translation>Beantwoord via ander kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="84" />
            <source>Channel</source>
            <translation>Kanaal</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="90" />
            <source>What was answered</source>
            <translation>Wat er is geantwoord</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="91" />
            <source>e.g. Answered in the WhatsApp app: the pass is sent by post.</source>
            <translation>bijv. In de WhatsApp-app geantwoord: de pas wordt per post gestuurd.</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="95" />
            <source>&amp;Record the answer</source>
            <translation>Antwoord &amp;vastleggen</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="98" />
            <source>&amp;Via</source>
            <translation>&amp;Via</translation>
        </message>
        <message>
            <location filename="../../desktop/reply_chooser.py" line="152" />
            <source>The answer could not be recorded because of an error in Loket; please try again.</source>
            <translation>Het antwoord kon door een fout in Loket niet worden vastgelegd; probeer het opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>TemplateButton</name>
        <message>
            <location filename="../../desktop/template_picker.py" line="150" />
            <source>Choose… (Ctrl+T)</source>
            <translation>Kiezen… (Ctrl+T)</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="151" />
            <source>Insert a standard reply</source>
            <translation>Een standaardantwoord invoegen</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="174" />
            <source>&amp;Standard reply</source>
            <translation>&amp;Standaardantwoord</translation>
        </message>
    </context>
    <context>
        <name>TemplatePicker</name>
        <message>
            <location filename="../../desktop/template_picker.py" line="54" />
            <location filename="../../desktop/template_picker.py" line="60" />
            <source>Standard replies</source>
            <translation>Standaardantwoorden</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="56" />
            <source>Search the standard replies…</source>
            <translation>Zoeken in de standaardantwoorden…</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="57" />
            <source>Search the standard replies</source>
            <translation>Zoeken in de standaardantwoorden</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="64" />
            <source>Preview</source>
            <translation>Voorbeeld</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="67" />
            <source>↑↓ choose · Enter inserts at the cursor · Esc closes</source>
            <translation>↑↓ kiezen · Enter voegt in bij de cursor · Esc sluit</translation>
        </message>
        <message>
            <location filename="../../desktop/template_picker.py" line="99" />
            <source>Nothing found.</source>
            <translation>Niets gevonden.</translation>
        </message>
    </context>
    <context>
        <name>CollisionGuard</name>
        <message>
            <location filename="../../desktop/collision.py" line="55" />
            <source>%1 just answered the resident. Your text stays; before it is sent you see that answer.</source>
            <translation>%1 heeft de inwoner net geantwoord. Uw tekst blijft staan; voor het versturen ziet u dat antwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/collision.py" line="58" />
            <source>A colleague just answered the resident. Your text stays; before it is sent you see that answer.</source>
            <translation>Een collega heeft de inwoner net geantwoord. Uw tekst blijft staan; voor het versturen ziet u dat antwoord.</translation>
        </message>
        <message>
            <location filename="../../desktop/collision.py" line="76" />
            <source>%1 just answered: send anyway?</source>
            <translation>%1 heeft net geantwoord: toch versturen?</translation>
        </message>
        <message>
            <location filename="../../desktop/collision.py" line="77" />
            <source>A colleague just answered: send anyway?</source>
            <translation>Een collega heeft net geantwoord: toch versturen?</translation>
        </message>
        <message>
            <location filename="../../desktop/collision.py" line="78" />
            <source>Send anyway?</source>
            <translation>Toch versturen?</translation>
        </message>
        <message>
            <location filename="../../desktop/collision.py" line="79" />
            <source>Send anyway</source>
            <translation>Toch versturen</translation>
        </message>
    </context>
    <context>
        <name>WorkingDialog</name>
        <message>
            <location filename="../../desktop/dialogs.py" line="150" />
            <source>Discard text?</source>
            <translation>Tekst weggooien?</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs.py" line="151" />
            <source>What you typed here has not been saved. Throw it away?</source>
            <translation>Wat u hier typte is nog niet bewaard. Weggooien?</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs.py" line="152" />
            <source>&amp;Discard</source>
            <translation>&amp;Weggooien</translation>
        </message>
    </context>
</TS>

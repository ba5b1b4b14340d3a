# Die Meldungen von rapport auf Deutsch: die Beschriftungen aller Seiten (die interne
# Website in der Sprache des Arbeitsbereichs, der gemeinsame Ordner jedes Accounts und
# seine Druckseiten in der Sprache des Accounts), die Sätze der Warnungen, des Zustands und
# der Änderungsgeschichte sowie die Kalender. Dieselben Schlüssel wie en.ftl
# (tests/languages.rs); ein Arbeitsbereich kann jede Meldung in
# templates/locales/de.ftl überschreiben.

## Beide Unternehmen

and = und
parties = { $a } und { $b }
shared-folder = Gemeinsamer Ordner

## Die gemeinsame Erklärung

statement-crumb = Gemeinsame Erklärung
statement-eyebrow = Gemeinsame Absichtserklärung
statement-default-title = Gemeinsame Absichtserklärung von { $us } und { $them }
statement-version = Fassung { $version }
statement-agreed = vereinbart am { $date }
fingerprint = Prüfsumme
fingerprint-hint = lesen Sie sie der anderen Seite vor: Dieselbe Prüfsumme bedeutet denselben Wortlaut der Erklärung
statement-vision = Unser gemeinsames Leitbild
statement-commitments = Unsere Zusagen
commits-to = { $party } sagt zu
together-commit = Gemeinsam sagen wir zu
commitment-by = bis
commitment-ongoing = fortlaufend
commitment-open = offen
commitment-kept = eingehalten
commitment-broken = nicht eingehalten
commitment-withdrawn = zurückgezogen
statement-no-commitments = Noch keine Zusagen erfasst.
statement-behaviours = Wie wir zusammenarbeiten
statement-no-goals = Noch keine gemeinsamen Ziele.
goal-owners = Verantwortlich:
governance = Gremien
committee-members = Mitglieder:
governance-none = Noch keine gemeinsamen Gremien.
cadence-weekly = wöchentlich
cadence-monthly = monatlich
cadence-quarterly = vierteljährlich
cadence-yearly = jährlich
cadence-ad-hoc = nach Bedarf
escalation-path = Eskalationsweg
escalation-path-text = Was ein Gremium nicht klären kann, geht an das nächste: { $path }.
signatories = Unterzeichner
signatories-none = Keine Unterzeichner benannt.
signature-column-name = Name
signature-column-role = Funktion
signature-column-company = Unternehmen
signature-column-signature = Unterschrift
signed-on = unterzeichnet am { $date }
signature-awaited = Unterschrift ausstehend
earlier-versions = Frühere Fassungen
version-heading = Fassung { $version }
changed-in-version = Geändert in Fassung { $version }:
change-was = bisher { $value }
version-kept-text = Fassung { $version } hat den Wortlaut unverändert übernommen.

## Ziele und Meilensteine

joint-goals = Gemeinsame Ziele
milestones-done = { $done } von { $total } Meilensteinen erreicht
milestone-met = erreicht
milestone-met-late = verspätet erreicht
milestone-overdue = überfällig
milestone-open = offen
due = fällig am
done = erledigt am
not-done = nicht erledigt

## Die Fortschrittsberichte

progress-crumb = Fortschritt { $quarter }
progress-eyebrow = Gemeinsamer Fortschrittsbericht
progress-footer = Fortschritt { $quarter }
period = { $start } bis { $end }
summary = Zusammenfassung
previous-actions = Maßnahmen aus der letzten Besprechung
previous-actions-checked = Bei dieser Besprechung geprüft ({ $date }).
milestones-quarter = Meilensteine in diesem Quartal
milestones-met = Erreicht
milestones-due = Fällig
milestones-none = In dieses Quartal fiel kein Meilenstein.
commitments = Zusagen
commitments-kept = In diesem Quartal eingehalten
commitments-kept-none = Keine in diesem Quartal.
commitments-open = Offen
commitments-open-none = Keine offenen Zusagen.
progress-no-goals = Keine gemeinsamen Ziele.
plan-changes = Änderungen am gemeinsamen Plan seit der letzten Besprechung
actions-agreed = In dieser Besprechung vereinbarte Maßnahmen
status-as-of = Stand: { $date }.
what-happened = Was geschehen ist
action-column-action = Maßnahme
action-column-owner = Verantwortlich
action-column-due = Fällig
action-column-done = Erledigt
action-column-status = Status
action-internal = intern
action-done = erledigt
action-done-late = verspätet erledigt
action-late = überfällig
action-open = offen

## Die Übersicht des gemeinsamen Ordners

index-eyebrow = Gemeinsame Dokumente
documents = Dokumente
progress-report = Fortschrittsbericht { $quarter }
calendar-link = Kalender der kommenden Termine
shared-history = Gemeinsame Chronik
disputes = Offene Punkte, die wir gemeinsam klären
dispute-opened = eröffnet am { $date }
dispute-resolved = geklärt am { $date }

## Druckseiten (page.css): „Seite 2 von 5“ am Fuß jeder Seite

page-mark-page = Seite
page-mark-of = von
page-mark-internal = Intern – nicht weitergeben

## Der gemeinsame Kalender (calendar.ics)

calendar-milestone = Meilenstein: { $title }
calendar-goal = Ziel: { $goal }
calendar-commitment-due = Zusage fällig: { $what }
calendar-commitment-made = Vereinbart am { $date }
calendar-action-due = Maßnahme fällig: { $what }
calendar-action-from = Aus der Besprechung { $quarter }
calendar-action-from-owner = Aus der Besprechung { $quarter }; verantwortlich: { $owner }
calendar-meeting = { $name } (nächste Sitzung)
calendar-meets-counted = Tagt { $cadence ->
        [weekly] wöchentlich
        [monthly] monatlich
        [quarterly] vierteljährlich
        [yearly] jährlich
        [ad-hoc] nach Bedarf
       *[other] { $cadence }
    }; gerechnet ab der letzten erfassten Sitzung am { $date }
calendar-meets-unrecorded = Tagt { $cadence ->
        [weekly] wöchentlich
        [monthly] monatlich
        [quarterly] vierteljährlich
        [yearly] jährlich
        [ad-hoc] nach Bedarf
       *[other] { $cadence }
    }; keine Sitzung erfasst: Beginn des nächsten Zeitraums

## Die Kalender unseres Teams (internal/calendar.ics und einer je Verantwortlichem): die
## Einträge oben und diese

calendar-promised = { $party ->
        [us] Von uns zugesagt am { $date }
        [both] Von beiden Seiten zugesagt am { $date }
       *[them] Von { $them } zugesagt am { $date }
    }
calendar-review-due = Quartalsbesprechung { $quarter } fällig

## Interne Seiten: der Rahmen. { $date } ist ein ISO-Datum (2026-11-26), { $count } eine Zahl.

portfolio = Portfolio
owners = Verantwortliche
search = Suche
internal = intern
as-of = Stand { $date }
generated-by = erstellt mit rapport
colon = :
count-accounts = { $count ->
        [one] { $count } Account
       *[other] { $count } Accounts
    }
count-owners = { $count ->
        [one] { $count } verantwortliche Person
       *[other] { $count } Verantwortliche
    }
never = nie
none-recorded = Nichts erfasst.
tag-shared = geteilt
warning = Warnung

## Wörter des Account-Formats, wie die Seiten sie zeigen; { $value } ist das Wort in der Datei

word-kind = { $value ->
        [customer] Kunde
        [supplier] Lieferant
       *[partner] Partner
    }
count-kind = { $count } { $value ->
        [customer] { $count ->
            [one] Kunde
           *[other] Kunden
        }
        [supplier] { $count ->
            [one] Lieferant
           *[other] Lieferanten
        }
       *[partner] Partner
    }
word-stage = { $value ->
        [prospect] Interessent
        [vendor] Anbieter
        [preferred] bevorzugt
        [strategic] strategisch
        [associate] assoziiert
       *[none] ohne Stufe
    }
word-level = { $value ->
        [executive] Geschäftsleitung
        [senior] Bereichsleitung
        [manager] Abteilungsleitung
       *[operational] Arbeitsebene
    }
word-level-heading = { $value ->
        [executive] Geschäftsleitung
        [senior] Bereichsleitung
        [manager] Abteilungsleitung
       *[operational] Arbeitsebene
    }
word-event = { $value ->
        [meeting] Besprechung
        [dispute] Streitfall
        [bid] Angebot
        [escalation] Eskalation
        [personnel] Personal
        [market] Markt
        [delivery] Lieferung
        [recognition] Anerkennung
        [note] Notiz
       *[other] Ereignis
    }
word-sentiment = { $value ->
        [positive] positiv
        [negative] negativ
       *[neutral] neutral
    }
word-severity = { $value ->
        [high] hoch
        [medium] mittel
       *[low] niedrig
    }
word-commitment-status = { $value ->
        [kept] eingehalten
        [broken] nicht eingehalten
        [withdrawn] zurückgezogen
       *[open] offen
    }
word-degree = { $value ->
        [low] niedrig
        [high] hoch
       *[medium] mittel
    }
word-willingness = { $value ->
        [yes] ja
        [no] nein
       *[unknown] unbekannt
    }
word-party = { $value ->
        [us] wir
        [them] sie
       *[both] beide
    }
word-item = { $value ->
        [milestone] Meilenstein
        [commitment] Zusage
        [action] Maßnahme
       *[review] Besprechung
    }

## Account-Tabellen (Portfolio, Listenseiten, Seiten der Verantwortlichen)

column-account = Account
column-accounts = Accounts
column-kind = Art
column-owner = Verantwortlich
column-stage = Stufe
column-health = Zustand
column-trend = Verlauf
column-open-disputes = Offene Streitfälle
column-overdue-milestones = Überfällige Meilensteine
column-keep-rate = Einhaltungsquote
column-last-contact = Letzter Kontakt
column-next-review = Nächste Besprechung
column-open-actions = Offene Maßnahmen (überfällig)
column-alerts = Warnungen
column-high = Hoch
column-medium = Mittel
column-low = Niedrig
review-due-by = bis
actions-late-count = ({ $count } überfällig)
filter-accounts = Accounts filtern…
filter-alerts = Warnungen filtern…
filter-owners = Verantwortliche filtern…
figure-accounts = Accounts
figure-health-bands = Zustand gut / mittel / schlecht / ohne Wert
figure-exposure = Offene Streitwerte
figure-annual-value = Jahreswert
figure-alert-counts = Warnungen hoch / mittel / niedrig

## Das Portfolio

totals = Übersicht
accounts = Accounts
accounts-by-kind = Accounts nach Art
accounts-by-stage = Accounts nach Stufe
by-stage = Nach Stufe
alert-counts = { $high } hohe, { $medium } mittlere, { $low } niedrige Warnungen
alert-counts-short = { $high } hoch, { $medium } mittel, { $low } niedrig
by-owner = Nach Verantwortlichen:
by-owner-link = alle Beziehungsverantwortlichen
by-owner-after = , mit ihren Accounts, ihren Fälligkeiten und ihren Warnungen.
list-pages-intro = { $accounts } Accounts auf { $pages } Seiten, nach Account geordnet:
alerts-by-account = Warnungen nach Account
alerts-more = { $count ->
        [one] Dazu ein weiterer Account mit Warnungen: siehe die Seite der verantwortlichen Person.
       *[other] Dazu { $count } weitere Accounts mit Warnungen: siehe die Seiten ihrer Verantwortlichen.
    }
alerts-none-portfolio = Keine Warnungen im gesamten Portfolio.
health-how = Wie der Zustand berechnet wird
health-how-sum = Der Zustand ist eine gewichtete Summe aus fünf Komponenten – Bewertungen, Zusagen, Meilensteine, Streitfälle und Abdeckung –, jede mit 0–100 % bewertet und gewichtet nach
health-how-in = in
health-how-rest = Eine Komponente ohne Daten bleibt unberücksichtigt, die übrigen Gewichte werden neu skaliert. Jede Account-Seite zeigt ihre eigene Aufschlüsselung.
health-how-json = Maschinenlesbare Kennzahlen:
health-how-calendar = Kommende Termine für ein Kalenderprogramm:
list-page = Accounts, Seite { $number }
list-page-of = Accounts, Seite { $number } von { $pages }
list-pages-label = Seiten der Account-Liste

## Die Beziehungsverantwortlichen

owners-heading = Beziehungsverantwortliche
relationship-owner = beziehungsverantwortlich
relationship-owner-label = Beziehungsverantwortlich:
column-good = Gut
column-fair = Mittel
column-poor = Schlecht
column-no-score = Ohne Wert
column-high-alerts = Hohe Warnungen
column-medium-alerts = Mittlere Warnungen
column-due-soon = Fällig in 30 Tagen
column-due = Fällig
column-what = Was
column-item = Art
due-soon = Fällig in den nächsten 30 Tagen
due-soon-none = In den nächsten 30 Tagen ist nichts fällig.
due-later = Fällig in 31 bis 90 Tagen
due-later-none = In 31 bis 90 Tagen ist nichts fällig.
alerts-none-owner = Keine Warnungen zu diesen Accounts.

## Die Suche

search-scope = { $count ->
        [one] { $count } Account: sein Name, Personen, Ziele, Zusagen, Ereignisse, Streitfälle und Notizen.
       *[other] { $count } Accounts: ihre Namen, Personen, Ziele, Zusagen, Ereignisse, Streitfälle und Notizen.
    }
search-placeholder = Accounts durchsuchen…
search-label = Accounts durchsuchen
search-prompt = Geben Sie einen Namen, eine Person, ein Ziel oder ein Wort aus einer Notiz ein.
search-one = Account
search-many = Accounts
search-first-shown = , die ersten 100 angezeigt
search-needs-javascript = Die Suche braucht JavaScript; ohne JavaScript führen die
search-in-browser = Die Suche läuft im Browser: Öffnen Sie `search.html` der internen Website. Ohne Browser führen die
search-portfolio-link = Portfolio-Übersicht
search-and = und die
search-owners-link = Seiten der Verantwortlichen
search-lead = zu jedem Account.
search-lead-count = zu jedem der { $count } Accounts.

## Warnungen und Zustand, auf der Account-Seite und anderswo

alerts-none = Keine Warnungen.
health-why = Warum dieser Wert: { $score } / 100
health-why-heading = Warum dieser Wert
health-column-component = Komponente
health-column-weight = Gewicht
health-column-value = Wert
health-column-points = Punkte
health-column-how = Berechnung
health-left-out = Mangels Daten unberücksichtigt (die übrigen Gewichte werden neu skaliert): { $components }.
health-none = Noch kein Zustandswert: Keine Komponente hat Daten.
health-trend = Zustand am Ende jedes besprochenen Quartals:

## Die Account-Seite

review-packs = Besprechungsunterlagen
since = seit { $date }
glance = Auf einen Blick
figure-keep-rate = Einhaltungsquote der Zusagen
count-open = ({ $count } offen)
column-their-contacts = Ihre Ansprechpartner
salvage = Rettungsbewertung
salvage-worth = Wert für uns pro Jahr
salvage-need = Brauchen wir die Beziehung?
salvage-want = Wollen wir die Beziehung?
salvage-need-column = Bedarf
salvage-want-column = Interesse
salvage-they-want = Wollen sie die Beziehung?
salvage-decision-makers = Ihre Entscheider
none-known = keine bekannt
salvage-alternatives = Alternativen
salvage-impact = Folgen eines Verlusts
not-assessed = Nicht bewertet.
turnaround = Turnaround
turnaround-cycle = Zyklus { $cycle }
turnaround-started = begonnen am { $date }
turnaround-current = aktueller Schritt:
step-current = aktuell
step-done = erledigt
coverage = Abdeckung der Ansprechpartner
coverage-their-people = Ihre Ansprechpartner
column-level = Ebene
tag-sponsor = Sponsor
tag-decides = entscheidet
coverage-levels = Ebenen:
coverage-no-one = niemand
coverage-covered = abgedeckt
coverage-not-covered = nicht abgedeckt
coverage-no-contacts = Keine Ansprechpartner auf ihrer Seite.
timeline = Chronik
events-none = Keine Ereignisse erfasst.
disputes-internal = Streitfälle
column-dispute = Streitfall
column-opened = Eröffnet
column-resolved = Geklärt
column-amount = Betrag
column-age = Alter (Tage)
column-escalated-to = Eskaliert an
dispute-open = offen
not-escalated = nicht eskaliert
disputes-none = Keine Streitfälle erfasst.
goals-and-milestones = Gemeinsame Ziele und Meilensteine
commitments-ledger = Zusagen im Überblick
column-commitment = Zusage
column-made = Gegeben
column-status = Status
overdue = überfällig
commitments-none = Keine Zusagen erfasst.
criteria = Erfolgskriterien
column-criterion = Kriterium
column-illustrations = Beispiele
criteria-chart = Bewertungen je Kriterium (1–5) bei jeder Besprechung.
criteria-none = Keine Erfolgskriterien festgelegt.
committees-none = Keine gemeinsamen Gremien.
balance-sheets = Persönliche Bilanzen
assets = Pluspunkte
liabilities = Minuspunkte
notes = Notizen
none-noted = Nichts notiert.
signed-by = unterzeichnet von
awaiting = Unterschrift ausstehend von
behaviours-ours = Unser Verhalten
behaviours-theirs = Ihres
none-stated = Nichts festgelegt.
statement-none = Noch keine gemeinsame Erklärung verfasst; die geteilte Erklärung führt die geteilten Zusagen, Ziele und Gremien auf.
statement-as-shared = Die Erklärung, wie das andere Unternehmen sie erhält
reviews-none = Noch keine Besprechungen.
shared-with = Geteilt mit { $name }:
link-joint-statement = gemeinsame Erklärung
link-shared-folder = gemeinsamer Ordner

## Die Unterlagen zur Quartalsbesprechung

review-title = Besprechung { $quarter }
review-eyebrow = Unterlagen zur Quartalsbesprechung
review-footer = Besprechung { $quarter }
internal-do-not-forward = intern – nicht weitergeben
reviewed = besprochen am { $date }
health-quarter-end = Zustand am Quartalsende:
attendees = Teilnehmende:
previous-actions-agreed = Vereinbart in der Besprechung { $quarter }, geprüft in dieser ({ $date }).
scores = Bewertungen
column-previous = Vorher
column-score = Wert
column-change = Änderung
score-new = neu
scores-by-level = Bewertungen nach Ebene
scores-by-level-intro = Die Kriterien, die ihre Ebenen getrennt bewertet haben, mit der Änderung seit der letzten Besprechung; der Wert oben ist der Mittelwert der Ebenen.
scores-none = In dieser Besprechung wurden keine Bewertungen erfasst.
summary-internal = Interne Zusammenfassung
summary-shared = Mit { $name } geteilte Zusammenfassung
summary-none = Keine Zusammenfassung verfasst.
successes-failures = Erfolge und Misserfolge
successes = Erfolge
failures = Misserfolge
changes-period = Was sich im Zeitraum geändert hat
changes-none = In diesem Quartal nichts erfasst.
events = Ereignisse
milestones-met-heading = Erreichte Meilensteine
milestones-missed-heading = Verfehlte Meilensteine
met-late-short = verspätet
commitments-kept-heading = Eingehaltene Zusagen
commitments-broken-heading = Nicht eingehaltene Zusagen
commitments-made-heading = Neue Zusagen
kept-on = eingehalten am { $date }
kept-by-commit = eingehalten am { $date }, dem Datum des Commits, der es festgehalten hat
broken-on = nicht eingehalten am { $date }
broken-by-commit = nicht eingehalten am { $date }, dem Datum des Commits, der es festgehalten hat
due-on = fällig am { $date }
disputes-opened-heading = Eröffnete Streitfälle
disputes-resolved-heading = Geklärte Streitfälle
notes-changed = Was sich seit der letzten Besprechung in unseren Notizen geändert hat
notes-compared = Die Account-Datei im Stand { $from } verglichen mit { $to }.
notes-compared-commits = Die Account-Datei im Stand { $from } verglichen mit { $to }: { $count ->
        [one] { $count } Commit
       *[other] { $count } Commits
    } von { $authors }.
notes-created = Die Account-Datei kam erst nach der letzten Besprechung in git: Alles darin ist neu.
not-committed = noch nicht committet
notes-unchanged = Seit der letzten Besprechung keine Änderungen an den Notizen.
recognition = Anerkennung
next-steps = Nächste Schritte
actions-checked-next = Die nächste Besprechung prüft sie; Stand { $date }.
alerts-today = Offene Warnungen heute
no-owner = Ohne Verantwortliche
review-named = Quartalsbesprechung { $quarter }

## Warnungen: was jede bedeutet und was zu tun ist, dann der Satz mit den Fakten.
## Daten sind ISO-Daten; { $late }, { $age } und { $ago } sind Anzahlen von Tagen.

alert-milestone-overdue-title = Ein gemeinsamer Meilenstein ist überfällig
alert-milestone-overdue-advice = Vereinbaren Sie mit der anderen Seite einen neuen Termin, oder markieren Sie den Meilenstein als erledigt, falls er es ist.
alert-commitment-overdue-title = Eine Zusage hat ihren Termin überschritten
alert-commitment-overdue-advice = Erfüllen Sie sie, oder sagen Sie der anderen Seite jetzt Bescheid und vereinbaren Sie einen neuen Termin; erfassen Sie sie als eingehalten, nicht eingehalten oder zurückgezogen.
alert-dispute-unescalated-title = Ein Streitfall zieht sich ohne Eskalation hin
alert-dispute-unescalated-advice = Eskalieren Sie ihn auf beiden Seiten an die Bereichs- oder Geschäftsleitung, bevor er die Beziehung belastet.
alert-no-contacts-title = Wir kennen niemanden in diesem Unternehmen
alert-no-contacts-advice = Erfassen Sie die Personen, mit denen wir auf ihrer Seite zu tun haben, zuerst unseren Ansprechpartner im Tagesgeschäft.
alert-single-threaded-title = Die Beziehung hängt an einer einzigen Person
alert-single-threaded-advice = Lernen Sie eine zweite Person auf ihrer Seite kennen, am besten auf einer anderen Ebene, damit uns ein einzelner Weggang nicht den Zugang nimmt.
alert-no-sponsor-title = Kein Sponsor in der Führungsebene
alert-no-sponsor-advice = Benennen Sie auf jeder Seite, der einer fehlt, einen Sponsor, der die Beziehung auf Ebene der Geschäftsleitung verantwortet.
alert-no-executive-contact-title = Niemand von uns spricht mit ihrer Geschäftsleitung
alert-no-executive-contact-advice = Bitten Sie jemanden aus unserer Geschäftsleitung, ein Mitglied ihrer Geschäftsleitung zu betreuen und es noch in diesem Quartal zu treffen.
alert-stale-title = Seit Langem kein Kontakt
alert-stale-advice = Melden Sie sich: ein Anruf oder Besuch noch in diesem Monat, als Ereignis erfasst.
alert-review-overdue-title = Die Quartalsbesprechung hat nicht stattgefunden
alert-review-overdue-advice = Führen Sie die Quartalsbesprechung mit ihnen durch und erfassen Sie ihre Bewertungen.
alert-scores-declining-title = Ihre Bewertungen sinken stetig
alert-scores-declining-advice = Fragen Sie nach, was sich geändert hat, und vereinbaren Sie Maßnahmen in der nächsten Besprechung.
alert-counterpart-unwilling-title = Sie wollen diese Beziehung nicht
alert-counterpart-unwilling-advice = Finden Sie heraus, warum, und entscheiden Sie mit der verantwortlichen Person des Accounts, ob investiert, neu aufgesetzt oder zurückgefahren wird.
alert-action-overdue-title = Eine Maßnahme aus einer Besprechung ist überfällig
alert-action-overdue-advice = Schließen Sie die Maßnahme ab, oder vereinbaren Sie mit der verantwortlichen Person einen neuen Termin und sagen Sie es in der nächsten Besprechung.
alert-levels-disagree-title = Ihre Ebenen sehen uns sehr unterschiedlich
alert-levels-disagree-advice = Sprechen Sie mit beiden Ebenen: Die Lücke zeigt meist, wo wir nicht wahrgenommen werden.
alert-statement-unsigned-title = Die Erklärung ist noch nicht unterzeichnet
alert-statement-unsigned-advice = Fordern Sie die fehlende Unterschrift an, oder vereinbaren Sie eine neue Fassung, falls der Wortlaut strittig ist.

alert-message-milestone-overdue = Meilenstein „{ $milestone }“ des Ziels „{ $goal }“ war am { $due } fällig und ist nicht erledigt: { $late ->
        [one] { $late } Tag
       *[other] { $late } Tage
    } überfällig.
alert-message-commitment-overdue = Eine Zusage, die { $party ->
        [us] wir
        [both] beide Seiten
       *[them] sie
    } am { $made } gegeben haben, war am { $due } fällig und ist noch offen: { $late ->
        [one] { $late } Tag
       *[other] { $late } Tage
    } überfällig.
alert-message-dispute-unescalated = Streitfall { $dispute } ist seit { $opened } offen ({ $age ->
        [one] { $age } Tag
       *[other] { $age } Tage
    }) und nicht eskaliert; Streitfälle, die länger als { $limit } Tage offen sind, gehören an die Bereichs- oder Geschäftsleitung.
alert-message-dispute-escalated-low = Streitfall { $dispute } ist seit { $opened } offen ({ $age ->
        [one] { $age } Tag
       *[other] { $age } Tage
    }) und nur bis zur { $level } eskaliert; Streitfälle, die länger als { $limit } Tage offen sind, gehören an die Bereichs- oder Geschäftsleitung.
alert-message-no-contacts = Bei { $account } ist niemand als Ansprechpartner erfasst.
alert-message-single-threaded = { $person } ist unser einziger Kontakt bei { $account }; geht diese Person, geht die Beziehung mit.
alert-message-no-sponsor-ours = Niemand auf unserer Seite ({ $organisation }) ist Sponsor der Beziehung mit { $account }.
alert-message-no-sponsor-theirs = Niemand auf ihrer Seite ({ $account }) ist als Sponsor erfasst.
alert-message-no-executive-recorded = Niemand von uns betreut die Beziehung zur Geschäftsleitung von { $account }: Aus ihrer Geschäftsleitung ist niemand erfasst.
alert-message-no-executive-covered = Niemand von uns betreut die Beziehung zur Geschäftsleitung von { $account }: { $executives ->
        [one] Das einzige erfasste Mitglied ihrer Geschäftsleitung wird
       *[other] Keines der { $executives } erfassten Mitglieder ihrer Geschäftsleitung wird
    } von niemandem bei uns betreut.
alert-message-stale-never = Mit { $account } ist weder ein Ereignis noch eine Besprechung erfasst.
alert-message-stale = Der letzte Kontakt mit { $account } war am { $last }, vor { $ago ->
        [one] { $ago } Tag
       *[other] { $ago } Tagen
    } (mehr als { $limit }).
alert-message-review-overdue = Das Quartal { $quarter } endete am { $end }, und für { $account } gibt es keine Besprechung dazu.
alert-message-scores-declining = { $criterion } ist bei den letzten beiden Besprechungen jeweils gesunken: { $first } in { $first_quarter }, { $second } in { $second_quarter }, { $third } in { $third_quarter }.
alert-message-counterpart-unwilling = { $account } will die Beziehung nicht (value.counterpart_wants: no): Entscheiden Sie, ob sie gerettet werden soll.
alert-message-action-overdue = Maßnahme „{ $action }“ aus der Besprechung { $quarter } war am { $due } fällig und ist noch offen: { $late ->
        [one] { $late } Tag
       *[other] { $late } Tage
    } überfällig.
alert-message-levels-disagree = In der Besprechung { $quarter } bewertete ihre { $high_level } { $criterion } mit { $high }, ihre { $low_level } mit { $low }: Finden Sie heraus, warum die Ebenen das so unterschiedlich sehen.
alert-message-statement-unsigned = { $person } hat Fassung { $version } der gemeinsamen Erklärung, vereinbart am { $date }, noch nicht unterzeichnet: { $days ->
        [one] vor { $days } Tag.
       *[other] vor { $days } Tagen.
    }

## Zustand: der Name jeder Komponente und wie ihr Wert berechnet wurde. { $value } und
## { $mean } sind Zahlen mit zwei Nachkommastellen.

health-component = { $name ->
        [scores] Bewertungen
        [commitments] Zusagen
        [milestones] Meilensteine
        [disputes] Streitfälle
       *[coverage] Abdeckung
    }
health-scores = Die Besprechung { $quarter } hat { $count ->
        [one] { $count } Kriterium
       *[other] { $count } Kriterien
    } bewertet; ihr nach Bedeutung gewichteter Mittelwert ist { $mean } von 5, also (Mittelwert - 1) / 4 = { $value }.
health-commitments = { $kept ->
        [one] { $kept } Zusage
       *[other] { $kept } Zusagen
    } eingehalten und { $broken } nicht eingehalten: { $kept } / { $settled } = { $value }.
health-milestones = { $met } von { $due ->
        [one] { $due } bis { $date } fälligen Meilenstein
       *[other] { $due } bis { $date } fälligen Meilensteinen
    } { $met ->
        [one] wurde
       *[other] wurden
    } pünktlich erreicht: { $met } / { $due } = { $value }.
health-disputes-none-open = Kein Streitfall ist offen ({ $resolved } geklärt): { $value }.
health-disputes-open = { $open ->
        [one] { $open } offener Streitfall
       *[other] { $open } offene Streitfälle
    }, { $ages } Tage alt; jeder multipliziert den Wert mit 0,8 x (1 - Tage / 365, nicht unter 0): { $value }.
health-coverage-no-one = Auf ihrer Seite ist niemand erfasst, daher ist die Abdeckung { $value }.
health-coverage = Mittelwert aus { $parts } Teilen, { $value }: { $parts_said }.
health-coverage-levels = { $covered } von { $levels } ihrer besetzten Ebenen sind abgedeckt ({ $value })
health-coverage-sponsors = Sponsoren { $sides ->
        [both] auf beiden Seiten
        [ours] nur auf unserer Seite
        [theirs] nur auf ihrer Seite
       *[neither] auf keiner Seite
    } ({ $value })
health-coverage-contacts = { $contacts } Ansprechpartner auf ihrer Seite, mehr als einer nötig ({ $value })

## Diagramme, für Screenreader, und der Tooltip eines Punkts

chart-scores = Bewertungsverlauf je Kriterium
chart-health = Zustandsverlauf
chart-point = { $criterion } { $quarter }: { $score } ({ $levels })

## Wörter der Account-Seite, die der Code bildet

commitment-group = { $party ->
        [us] Unsere Zusagen
        [them] Ihre Zusagen
       *[both] Gemeinsame Zusagen
    }
turnaround-step = { $step ->
        [insight] Erkenntnis
        [needs] Bedürfnisse
        [ownership] Verantwortung
        [vision] Vision
        [action] Handeln & Verbündete
        [trust] Vertrauen durch Umsetzung
       *[recognition] Anerkennung & Erneuerung
    }
word-cadence = { $value ->
        [weekly] wöchentlich
        [monthly] monatlich
        [quarterly] vierteljährlich
        [yearly] jährlich
       *[ad-hoc] nach Bedarf
    }
word-side = { $value ->
        [us] unsere Seite
       *[them] ihre Seite
    }
word-step = { $value ->
        [insight] Erkenntnis
        [needs] Bedürfnisse
        [ownership] Verantwortung
        [vision] Vision
        [action] Handeln
        [trust] Vertrauen
       *[recognition] Anerkennung
    }
word-visibility = { $value ->
        [shared] geteilt
       *[internal] intern
    }
word-yes-no = { $value ->
        [yes] ja
       *[no] nein
    }

## Die Geschichte einer Account-Datei (Besprechungsunterlagen und, auf den geteilten
## Seiten, die Änderungen an geteilten Einträgen): Abschnitte, dann jede Art von Änderung

section-relationship = Beziehung
section-people = Personen
section-commitments = Zusagen
section-goals = Ziele und Meilensteine
section-disputes = Streitfälle
section-governance = Gremien
section-criteria = Erfolgskriterien
section-events = Ereignisse
section-statement = Gemeinsame Erklärung

change-owner-changed = Verantwortung gewechselt
change-stage-moved = Stufe geändert
change-turnaround-started = Turnaround begonnen
change-turnaround-removed = Turnaround entfernt
change-turnaround-step-moved = Turnaround-Schritt geändert
change-turnaround-cycle = Turnaround-Zyklus geändert
change-person-added = Person hinzugefügt
change-person-removed = Person entfernt
change-person-renamed = Person umbenannt
change-person-role = Funktion geändert
change-person-side = Seite geändert
change-person-level = Ebene geändert
change-person-sponsor = Sponsorrolle geändert
change-person-decision-maker = Entscheiderrolle geändert
change-person-covers = Betreuung geändert
change-commitment-added = Zusage hinzugefügt
change-commitment-removed = Zusage entfernt
change-commitment-reworded = Zusage umformuliert
change-commitment-by = Zusagende Seite geändert
change-commitment-made = Datum der Zusage geändert
change-commitment-status = Status der Zusage geändert
change-commitment-due = Fälligkeit der Zusage verschoben
change-commitment-closed = Abschlussdatum der Zusage geändert
change-commitment-visibility = Sichtbarkeit der Zusage geändert
change-goal-added = Ziel hinzugefügt
change-goal-removed = Ziel entfernt
change-goal-renamed = Ziel umbenannt
change-goal-visibility = Sichtbarkeit des Ziels geändert
change-milestone-added = Meilenstein hinzugefügt
change-milestone-removed = Meilenstein entfernt
change-milestone-renamed = Meilenstein umbenannt
change-milestone-slipped = Meilenstein verschoben
change-milestone-moved-earlier = Meilenstein vorgezogen
change-milestone-done = Meilenstein erreicht
change-milestone-reopened = Meilenstein wieder geöffnet
change-dispute-opened = Streitfall eröffnet
change-dispute-removed = Streitfall entfernt
change-dispute-resolved = Streitfall geklärt
change-dispute-reopened = Streitfall wieder eröffnet
change-dispute-amount = Streitwert geändert
change-dispute-escalated = Eskalation geändert
change-dispute-visibility = Sichtbarkeit des Streitfalls geändert
change-committee-added = Gremium hinzugefügt
change-committee-removed = Gremium entfernt
change-committee-renamed = Gremium umbenannt
change-committee-cadence = Sitzungsrhythmus geändert
change-committee-members = Mitglieder geändert
change-committee-visibility = Sichtbarkeit des Gremiums geändert
change-criterion-added = Kriterium hinzugefügt
change-criterion-removed = Kriterium entfernt
change-criterion-renamed = Kriterium umbenannt
change-criterion-weight = Gewicht des Kriteriums geändert
change-event-added = Ereignis hinzugefügt
change-event-removed = Ereignis entfernt
change-event-edited = Ereignis umbenannt
change-event-moved = Datum des Ereignisses geändert
change-event-visibility = Sichtbarkeit des Ereignisses geändert
change-statement-added = Erklärung verfasst
change-statement-removed = Erklärung entfernt
change-statement-version = Fassung der Erklärung geändert
change-statement-date = Datum der Erklärung geändert
change-statement-title = Titel der Erklärung geändert
change-statement-vision = Leitbild umformuliert
change-statement-behaviours = Erwartetes Verhalten geändert
change-statement-signatories = Unterzeichner geändert
change-statement-signed = Unterschriften geändert

## Was eine Änderung war und wurde: die Wörter um die Werte der Datei

# Nach „verglichen mit“: der Dativ.
working-tree = dem Arbeitsverzeichnis
value-none = keine Angabe
value-later = { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } später
value-earlier = { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } früher
value-steps-up = { $steps ->
        [one] { $steps } Stufe
       *[other] { $steps } Stufen
    } höher
value-steps-down = { $steps ->
        [one] { $steps } Stufe
       *[other] { $steps } Stufen
    } tiefer
value-step-direction = { $direction ->
        [new-cycle] neuer Zyklus
        [forward] vorwärts
       *[back] zurück
    }
value-turnaround = { $step }, Zyklus { $cycle }
value-sponsor = Sponsor
value-decision-maker = Entscheider
value-weight = Gewicht { $weight }
value-commitment = von { $party ->
        [us] uns
        [them] ihnen
       *[both] beiden
    }, gegeben am { $made }, { $status }
value-commitment-due = von { $party ->
        [us] uns
        [them] ihnen
       *[both] beiden
    }, gegeben am { $made }, fällig am { $due }, { $status }
value-commitment-subject = von { $party ->
        [us] uns
        [them] ihnen
       *[both] beiden
    }, gegeben am { $made }
value-milestones = { $count ->
        [one] { $count } Meilenstein
       *[other] { $count } Meilensteine
    }
value-days-after-due = { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } nach dem Fälligkeitsdatum
value-statement-subject = gemeinsame Erklärung
value-version = Fassung { $version }
value-version-of = Fassung { $version } vom { $date }
value-titled = { $version }: { $title }
value-behaviours = wir: { $us } | sie: { $them }

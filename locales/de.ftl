# Die Meldungen von rapport auf Deutsch: die Beschriftungen des gemeinsamen Ordners
# (gemeinsame Erklärung, Fortschrittsberichte, Übersicht) und seiner Druckseiten.
# Dieselben Schlüssel wie en.ftl (tests/messages.rs).

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

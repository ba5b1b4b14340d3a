# Les messages de rapport en français : les libellés du dossier partagé (déclaration
# commune, rapports d'avancement, sommaire) et de ses pages imprimées. Les mêmes clés que
# en.ftl (tests/messages.rs). Les deux-points sont précédés d'une espace insécable,
# écrite {"\u00A0"} pour rester visible.

## Les deux entreprises

and = et
parties = { $a } et { $b }
shared-folder = Dossier partagé

## La déclaration commune

statement-crumb = Déclaration commune
statement-eyebrow = Déclaration d'engagements commune
statement-default-title = Déclaration d'engagements commune de { $us } et { $them }
statement-version = version { $version }
statement-agreed = convenue le { $date }
fingerprint = Empreinte
fingerprint-hint = lisez-la à voix haute à l'autre partie{"\u00A0"}: la même empreinte signifie le même texte de déclaration
statement-vision = Notre vision commune
statement-commitments = Nos engagements
commits-to = { $party } s'engage à
together-commit = Ensemble, nous nous engageons à
commitment-by = d'ici le
commitment-ongoing = en continu
commitment-open = en cours
commitment-kept = tenu
commitment-broken = non tenu
commitment-withdrawn = retiré
statement-no-commitments = Aucun engagement enregistré pour l'instant.
statement-behaviours = Notre façon de travailler ensemble
statement-no-goals = Pas encore d'objectif commun.
goal-owners = Responsables{"\u00A0"}:
governance = Gouvernance
committee-members = Membres{"\u00A0"}:
governance-none = Pas encore de comité commun.
cadence-weekly = hebdomadaire
cadence-monthly = mensuel
cadence-quarterly = trimestriel
cadence-yearly = annuel
cadence-ad-hoc = selon les besoins
escalation-path = Voie d'escalade
escalation-path-text = Une question qu'une instance ne peut pas régler est portée devant la suivante{"\u00A0"}: { $path }.
signatories = Signataires
signatories-none = Aucun signataire désigné.
signature-column-name = Nom
signature-column-role = Fonction
signature-column-company = Entreprise
signature-column-signature = Signature
signed-on = signé le { $date }
signature-awaited = signature en attente
earlier-versions = Versions précédentes
version-heading = Version { $version }
changed-in-version = Modifié dans la version { $version }{"\u00A0"}:
change-was = auparavant { $value }
version-kept-text = La version { $version } a repris le texte sans modification.

## Objectifs et jalons

joint-goals = Objectifs communs
milestones-done = { $done } jalons atteints sur { $total }
milestone-met = atteint
milestone-met-late = atteint en retard
milestone-overdue = en retard
milestone-open = en cours
due = prévu le
done = atteint le
not-done = non atteint

## Les rapports d'avancement

progress-crumb = Avancement { $quarter }
progress-eyebrow = Rapport d'avancement commun
progress-footer = avancement { $quarter }
period = du { $start } au { $end }
summary = Synthèse
previous-actions = Actions issues de la revue précédente
previous-actions-checked = Vérifiées lors de cette revue ({ $date }).
milestones-quarter = Jalons du trimestre
milestones-met = Atteints
milestones-due = À échéance
milestones-none = Aucun jalon n'arrivait à échéance ce trimestre.
commitments = Engagements
commitments-kept = Tenus ce trimestre
commitments-kept-none = Aucun ce trimestre.
commitments-open = En cours
commitments-open-none = Aucun engagement en cours.
progress-no-goals = Aucun objectif commun.
plan-changes = Modifications du plan commun depuis la revue précédente
actions-agreed = Actions convenues lors de cette revue
status-as-of = Situation au { $date }.
what-happened = Ce qui s'est passé
action-column-action = Action
action-column-owner = Responsable
action-column-due = Échéance
action-column-done = Réalisée
action-column-status = Statut
action-internal = interne
action-done = réalisée
action-done-late = réalisée en retard
action-late = en retard
action-open = en cours

## Le sommaire du dossier partagé

index-eyebrow = Documents partagés
documents = Documents
progress-report = Rapport d'avancement { $quarter }
calendar-link = Calendrier des prochaines échéances
shared-history = Historique commun
disputes = Points que nous réglons ensemble
dispute-opened = ouvert le { $date }
dispute-resolved = réglé le { $date }

## Pages imprimées (page.css) : « Page 2 sur 5 » en bas de chaque page

page-mark-page = Page
page-mark-of = sur
page-mark-internal = Usage interne — ne pas diffuser

## Le calendrier partagé (calendar.ics)

calendar-milestone = Jalon{"\u00A0"}: { $title }
calendar-goal = Objectif{"\u00A0"}: { $goal }
calendar-commitment-due = Échéance d'engagement{"\u00A0"}: { $what }
calendar-commitment-made = Pris le { $date }
calendar-action-due = Échéance d'action{"\u00A0"}: { $what }
calendar-action-from = Issue de la revue { $quarter }
calendar-action-from-owner = Issue de la revue { $quarter }{"\u00A0"}; responsable{"\u00A0"}: { $owner }
calendar-meeting = { $name } (prochaine réunion)
calendar-meets-counted = Se réunit { $cadence ->
        [weekly] chaque semaine
        [monthly] chaque mois
        [quarterly] chaque trimestre
        [yearly] chaque année
        [ad-hoc] selon les besoins
       *[other] { $cadence }
    }{"\u00A0"}; compté à partir de la dernière réunion enregistrée, le { $date }
calendar-meets-unrecorded = Se réunit { $cadence ->
        [weekly] chaque semaine
        [monthly] chaque mois
        [quarterly] chaque trimestre
        [yearly] chaque année
        [ad-hoc] selon les besoins
       *[other] { $cadence }
    }{"\u00A0"}; aucune réunion enregistrée{"\u00A0"}: début de la période suivante

## Les calendriers de notre équipe (internal/calendar.ics et un par responsable) : les
## entrées ci-dessus, et celles-ci

calendar-promised = { $party ->
        [us] Promis par nous le { $date }
        [both] Promis par les deux parties le { $date }
       *[them] Promis par { $them } le { $date }
    }
calendar-review-due = Revue trimestrielle { $quarter } à tenir

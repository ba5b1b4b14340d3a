# Les messages de rapport en français : les libellés de toutes les pages (le site interne
# dans la langue de l'espace de travail, le dossier partagé de chaque compte et ses pages
# imprimées dans la langue du compte), les phrases des alertes, de la santé et de
# l'historique, et les calendriers. Les mêmes clés que en.ftl (tests/languages.rs) ; un
# espace de travail peut remplacer chaque message dans templates/locales/fr.ftl. Les
# deux-points, points-virgules et points d'interrogation sont précédés d'une espace
# insécable, écrite {"\u00A0"} pour rester visible.

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
milestones-done = { $done ->
        [one] { $done } jalon atteint
       *[other] { $done } jalons atteints
    } sur { $total }
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

## Pages internes : le cadre. { $date } est une date ISO (2026-11-26), { $count } un nombre.

portfolio = Portefeuille
owners = Responsables
search = Recherche
internal = interne
as-of = au { $date }
generated-by = généré par rapport
colon = {"\u00A0"}:
count-accounts = { $count ->
        [one] { $count } compte
       *[other] { $count } comptes
    }
count-owners = { $count ->
        [one] { $count } responsable
       *[other] { $count } responsables
    }
never = jamais
none-recorded = Rien d'enregistré.
tag-shared = partagé
warning = avertissement

## Les mots du format des comptes, tels que les pages les affichent ; { $value } est le mot du fichier

word-kind = { $value ->
        [customer] client
        [supplier] fournisseur
       *[partner] partenaire
    }
count-kind = { $count } { $value ->
        [customer] { $count ->
            [one] client
           *[other] clients
        }
        [supplier] { $count ->
            [one] fournisseur
           *[other] fournisseurs
        }
       *[partner] { $count ->
            [one] partenaire
           *[other] partenaires
        }
    }
word-stage = { $value ->
        [prospect] prospect
        [vendor] prestataire
        [preferred] privilégié
        [strategic] stratégique
        [associate] associé
       *[none] sans stade
    }
word-level = { $value ->
        [executive] direction générale
        [senior] direction
        [manager] management
       *[operational] opérationnel
    }
word-level-heading = { $value ->
        [executive] Direction générale
        [senior] Direction
        [manager] Management
       *[operational] Opérationnel
    }
word-event = { $value ->
        [meeting] réunion
        [dispute] litige
        [bid] offre
        [escalation] escalade
        [personnel] personnel
        [market] marché
        [delivery] livraison
        [recognition] reconnaissance
        [note] note
       *[other] événement
    }
word-sentiment = { $value ->
        [positive] positif
        [negative] négatif
       *[neutral] neutre
    }
word-severity = { $value ->
        [high] élevée
        [medium] moyenne
       *[low] faible
    }
word-commitment-status = { $value ->
        [kept] tenu
        [broken] non tenu
        [withdrawn] retiré
       *[open] en cours
    }
word-degree = { $value ->
        [low] faible
        [high] élevé
       *[medium] moyen
    }
word-willingness = { $value ->
        [yes] oui
        [no] non
       *[unknown] inconnu
    }
word-party = { $value ->
        [us] nous
        [them] eux
       *[both] les deux
    }
word-item = { $value ->
        [milestone] jalon
        [commitment] engagement
        [action] action
       *[review] revue
    }

## Les tableaux de comptes (portefeuille, pages de liste, pages des responsables)

column-account = Compte
column-accounts = Comptes
column-kind = Type
column-owner = Responsable
column-stage = Stade
column-health = Santé
column-trend = Tendance
column-open-disputes = Litiges ouverts
column-overdue-milestones = Jalons en retard
column-keep-rate = Taux de respect
column-last-contact = Dernier contact
column-next-review = Prochaine revue
column-open-actions = Actions ouvertes (en retard)
column-alerts = Alertes
column-high = Élevée
column-medium = Moyenne
column-low = Faible
review-due-by = d'ici le
actions-late-count = ({ $count } en retard)
filter-accounts = Filtrer les comptes…
filter-alerts = Filtrer les alertes…
filter-owners = Filtrer les responsables…
figure-accounts = Comptes
figure-health-bands = Santé bonne / moyenne / faible / sans score
figure-exposure = Montants en litige ouverts
figure-annual-value = Valeur annuelle
figure-alert-counts = Alertes élevées / moyennes / faibles

## Le portefeuille

totals = Totaux
accounts = Comptes
accounts-by-kind = Comptes par type
accounts-by-stage = Comptes par stade
by-stage = Par stade
alert-counts = alertes{"\u00A0"}: { $high } élevées, { $medium } moyennes, { $low } faibles
alert-counts-short = { $high } élevées, { $medium } moyennes, { $low } faibles
by-owner = Par responsable{"\u00A0"}:
by-owner-link = chaque responsable de la relation
by-owner-after = , avec ses comptes, ses échéances et ses alertes.
list-pages-intro = { $accounts } comptes sur { $pages } pages, par ordre de compte{"\u00A0"}:
alerts-by-account = Alertes par compte
alerts-more = { $count ->
        [one] Et un autre compte avec des alertes{"\u00A0"}: voir la page de son responsable.
       *[other] Et { $count } autres comptes avec des alertes{"\u00A0"}: voir les pages de leurs responsables.
    }
alerts-none-portfolio = Aucune alerte dans le portefeuille.
health-how = Comment la santé est calculée
health-how-sum = La santé est une somme pondérée de cinq composantes — notes, engagements, jalons, litiges et couverture —, chacune évaluée de 0 à 100{"\u00A0"}%, pondérée par
health-how-in = dans
health-how-rest = Une composante sans données est écartée et les autres pondérations sont recalculées. Chaque page de compte détaille son propre calcul.
health-how-json = Chiffres lisibles par machine{"\u00A0"}:
health-how-calendar = Dates à venir, pour un agenda{"\u00A0"}:
list-page = Comptes, page { $number }
list-page-of = Comptes, page { $number } sur { $pages }
list-pages-label = Pages de la liste des comptes

## Les responsables de la relation

owners-heading = Responsables de la relation
relationship-owner = responsable de la relation
relationship-owner-label = Responsable de la relation{"\u00A0"}:
column-good = Bonne
column-fair = Moyenne
column-poor = Faible
column-no-score = Sans score
column-high-alerts = Alertes élevées
column-medium-alerts = Alertes moyennes
column-due-soon = Échéance sous 30 jours
column-due = Échéance
column-what = Quoi
column-item = Élément
due-soon = À échéance dans les 30 prochains jours
due-soon-none = Rien n'arrive à échéance dans les 30 prochains jours.
due-later = À échéance dans 31 à 90 jours
due-later-none = Rien n'arrive à échéance dans 31 à 90 jours.
alerts-none-owner = Aucune alerte sur ces comptes.

## La recherche

search-scope = { $count ->
        [one] { $count } compte{"\u00A0"}: son nom, ses personnes, objectifs, engagements, événements, litiges et notes.
       *[other] { $count } comptes{"\u00A0"}: leurs noms, personnes, objectifs, engagements, événements, litiges et notes.
    }
search-placeholder = Rechercher des comptes…
search-label = Rechercher des comptes
search-prompt = Saisissez un nom, une personne, un objectif ou un mot d'une note.
search-one = compte
search-many = comptes
search-first-shown = , les 100 premiers affichés
search-needs-javascript = La recherche nécessite JavaScript{"\u00A0"}; sans lui, le
search-in-browser = La recherche fonctionne dans un navigateur{"\u00A0"}: ouvrez `search.html` du site interne. Sans navigateur, le
search-portfolio-link = portefeuille
search-and = et les
search-owners-link = pages des responsables
search-lead = mènent à chaque compte.
search-lead-count = mènent à chacun des { $count } comptes.

## Alertes et santé, sur la page du compte et ailleurs

alerts-none = Aucune alerte.
health-why = Pourquoi ce score{"\u00A0"}: { $score } / 100
health-why-heading = Pourquoi ce score
health-column-component = Composante
health-column-weight = Poids
health-column-value = Valeur
health-column-points = Points
health-column-how = Calcul
health-left-out = Écartées faute de données (les autres pondérations sont recalculées){"\u00A0"}: { $components }.
health-none = Pas encore de score de santé{"\u00A0"}: aucune composante n'a de données.
health-trend = Santé à la fin de chaque trimestre revu{"\u00A0"}:

## La page du compte

review-packs = Dossiers de revue
since = depuis le { $date }
glance = En un coup d'œil
figure-keep-rate = Taux de respect des engagements
count-open = ({ $count } en cours)
column-their-contacts = Leurs interlocuteurs
salvage = Faut-il sauver la relation{"\u00A0"}?
salvage-worth = Ce qu'elle nous rapporte par an
salvage-need = En avons-nous besoin{"\u00A0"}?
salvage-want = La voulons-nous{"\u00A0"}?
salvage-need-column = Besoin
salvage-want-column = Intérêt
salvage-they-want = La veulent-ils{"\u00A0"}?
salvage-decision-makers = Leurs décideurs
none-known = aucun connu
salvage-alternatives = Solutions de rechange
salvage-impact = Conséquences d'une perte
not-assessed = Non évalué.
turnaround = Redressement
turnaround-cycle = Cycle { $cycle }
turnaround-started = commencé le { $date }
turnaround-current = étape actuelle{"\u00A0"}:
step-current = en cours
step-done = fait
coverage = Couverture des interlocuteurs
coverage-their-people = Leurs interlocuteurs
column-level = Niveau
tag-sponsor = sponsor
tag-decides = décide
coverage-levels = Niveaux{"\u00A0"}:
coverage-no-one = personne
coverage-covered = couvert
coverage-not-covered = non couvert
coverage-no-contacts = Aucun interlocuteur de leur côté.
timeline = Chronologie
events-none = Aucun événement enregistré.
disputes-internal = Litiges
column-dispute = Litige
column-opened = Ouvert
column-resolved = Réglé
column-amount = Montant
column-age = Âge (jours)
column-escalated-to = Escaladé à
dispute-open = ouvert
not-escalated = non escaladé
disputes-none = Aucun litige enregistré.
goals-and-milestones = Objectifs communs et jalons
commitments-ledger = Registre des engagements
column-commitment = Engagement
column-made = Pris le
column-status = Statut
overdue = en retard
commitments-none = Aucun engagement enregistré.
criteria = Critères de réussite
column-criterion = Critère
column-illustrations = Exemples
criteria-chart = Notes par critère (1–5) à chaque revue.
criteria-none = Aucun critère de réussite défini.
committees-none = Aucun comité commun.
balance-sheets = Bilans personnels
assets = Atouts
liabilities = Points faibles
notes = Notes
none-noted = Rien de noté.
signed-by = signé par
awaiting = signature attendue de
behaviours-ours = Notre comportement
behaviours-theirs = Le leur
none-stated = Rien de précisé.
statement-none = Pas encore de déclaration commune rédigée{"\u00A0"}; la déclaration partagée reprend les engagements, objectifs et comités partagés.
statement-as-shared = La déclaration telle que l'autre entreprise la reçoit
reviews-none = Pas encore de revue.
shared-with = Partagé avec { $name }{"\u00A0"}:
link-joint-statement = déclaration commune
link-shared-folder = dossier partagé

## Le dossier de revue trimestrielle

review-title = Revue { $quarter }
review-eyebrow = Dossier de revue trimestrielle
review-footer = revue { $quarter }
internal-do-not-forward = usage interne — ne pas diffuser
reviewed = revue tenue le { $date }
health-quarter-end = santé en fin de trimestre{"\u00A0"}:
attendees = Participants{"\u00A0"}:
previous-actions-agreed = Convenues lors de la revue { $quarter }, vérifiées lors de celle-ci ({ $date }).
scores = Notes
column-previous = Précédente
column-score = Note
column-change = Évolution
score-new = nouveau
scores-by-level = Notes par niveau
scores-by-level-intro = Les critères que leurs niveaux ont notés séparément, avec l'évolution depuis la revue précédente{"\u00A0"}; la note ci-dessus est la moyenne des niveaux.
scores-none = Aucune note enregistrée lors de cette revue.
summary-internal = Synthèse interne
summary-shared = Synthèse partagée avec { $name }
summary-none = Aucune synthèse rédigée.
successes-failures = Réussites et échecs
successes = Réussites
failures = Échecs
changes-period = Ce qui a changé sur la période
changes-none = Rien d'enregistré ce trimestre.
events = Événements
milestones-met-heading = Jalons atteints
milestones-missed-heading = Jalons manqués
met-late-short = en retard
commitments-kept-heading = Engagements tenus
commitments-broken-heading = Engagements non tenus
commitments-made-heading = Engagements pris
kept-on = tenu le { $date }
kept-by-commit = tenu le { $date }, date du commit qui l'a enregistré
broken-on = non tenu le { $date }
broken-by-commit = non tenu le { $date }, date du commit qui l'a enregistré
due-on = échéance le { $date }
disputes-opened-heading = Litiges ouverts
disputes-resolved-heading = Litiges réglés
notes-changed = Ce qui a changé dans nos notes depuis la revue précédente
notes-compared = Le fichier du compte à { $from } comparé à { $to }.
notes-compared-commits = Le fichier du compte à { $from } comparé à { $to }{"\u00A0"}: { $count ->
        [one] { $count } commit
       *[other] { $count } commits
    } de { $authors }.
notes-created = Le fichier du compte est entré dans git après la revue précédente{"\u00A0"}: tout y est nouveau.
not-committed = pas encore commité
notes-unchanged = Aucune modification des notes depuis la revue précédente.
recognition = Reconnaissance
next-steps = Prochaines étapes
actions-checked-next = La prochaine revue les vérifiera{"\u00A0"}; situation au { $date }.
alerts-today = Alertes ouvertes aujourd'hui
no-owner = Sans responsable
review-named = Revue trimestrielle { $quarter }

## Les alertes : ce que chacune signifie et ce qu'il faut faire, puis la phrase qui donne
## les faits. Les dates sont des dates ISO ; { $late }, { $age } et { $ago } sont des
## nombres de jours.

alert-milestone-overdue-title = Un jalon commun est en retard
alert-milestone-overdue-advice = Convenez d'une nouvelle date avec l'autre partie, ou marquez le jalon comme atteint s'il l'est.
alert-commitment-overdue-title = Un engagement a dépassé son échéance
alert-commitment-overdue-advice = Tenez-le, ou prévenez dès maintenant l'autre partie et convenez d'une nouvelle date{"\u00A0"}; enregistrez-le comme tenu, non tenu ou retiré.
alert-dispute-unescalated-title = Un litige traîne sans escalade
alert-dispute-unescalated-advice = Portez-le au niveau de la direction, des deux côtés, avant qu'il n'empoisonne la relation.
alert-no-contacts-title = Nous ne connaissons personne dans cette entreprise
alert-no-contacts-advice = Enregistrez les personnes avec qui nous traitons de leur côté, en commençant par notre interlocuteur au quotidien.
alert-single-threaded-title = La relation repose sur une seule personne
alert-single-threaded-advice = Rencontrez une deuxième personne de leur côté, idéalement à un autre niveau, pour qu'un départ ne nous coupe pas d'eux.
alert-no-sponsor-title = Pas de sponsor à la direction
alert-no-sponsor-advice = Désignez, de chaque côté qui n'en a pas, un sponsor qui porte la relation au niveau de la direction générale.
alert-no-executive-contact-title = Personne chez nous ne parle à leur direction
alert-no-executive-contact-advice = Demandez à l'un de nos dirigeants de suivre l'un des leurs et de le rencontrer ce trimestre.
alert-stale-title = Pas de contact depuis longtemps
alert-stale-advice = Reprenez contact{"\u00A0"}: un appel ou une visite ce mois-ci, enregistré comme événement.
alert-review-overdue-title = La revue trimestrielle n'a pas eu lieu
alert-review-overdue-advice = Tenez la revue trimestrielle avec eux et enregistrez leurs notes.
alert-scores-declining-title = Leurs notes ne cessent de baisser
alert-scores-declining-advice = Demandez-leur ce qui a changé et convenez d'actions lors de la prochaine revue.
alert-counterpart-unwilling-title = Ils ne veulent pas de cette relation
alert-counterpart-unwilling-advice = Cherchez à comprendre pourquoi, et décidez avec le responsable du compte s'il faut investir, repartir sur de nouvelles bases ou se désengager.
alert-action-overdue-title = Une action de revue est en retard
alert-action-overdue-advice = Terminez l'action, ou convenez d'une nouvelle date avec son responsable et dites-le lors de la prochaine revue.
alert-levels-disagree-title = Leurs niveaux nous voient très différemment
alert-levels-disagree-advice = Parlez à leurs deux niveaux{"\u00A0"}: l'écart montre généralement là où nous ne sommes pas perçus.
alert-statement-unsigned-title = La déclaration n'est toujours pas signée
alert-statement-unsigned-advice = Relancez pour la signature manquante, ou convenez d'une nouvelle version si le texte est contesté.

alert-message-milestone-overdue = Le jalon «{"\u00A0"}{ $milestone }{"\u00A0"}» de l'objectif «{"\u00A0"}{ $goal }{"\u00A0"}» était prévu le { $due } et n'est pas atteint{"\u00A0"}: { $late ->
        [one] { $late } jour
       *[other] { $late } jours
    } de retard.
alert-message-commitment-overdue = Un engagement pris { $party ->
        [us] par nous
        [both] par les deux parties
       *[them] par eux
    } le { $made } était dû le { $due } et reste ouvert{"\u00A0"}: { $late ->
        [one] { $late } jour
       *[other] { $late } jours
    } de retard.
alert-message-dispute-unescalated = Le litige { $dispute } est ouvert depuis le { $opened } ({ $age ->
        [one] { $age } jour
       *[other] { $age } jours
    }) et n'a pas été escaladé{"\u00A0"}; portez au niveau de la direction les litiges ouverts depuis plus de { $limit } jours.
alert-message-dispute-escalated-low = Le litige { $dispute } est ouvert depuis le { $opened } ({ $age ->
        [one] { $age } jour
       *[other] { $age } jours
    }) et n'a été escaladé qu'au niveau { $level }{"\u00A0"}; portez au niveau de la direction les litiges ouverts depuis plus de { $limit } jours.
alert-message-no-contacts = Personne chez { $account } n'est enregistré comme interlocuteur.
alert-message-single-threaded = { $person } est notre seul interlocuteur chez { $account }{"\u00A0"}; si cette personne part, la relation part avec elle.
alert-message-no-sponsor-ours = Personne de notre côté ({ $organisation }) n'est sponsor de la relation avec { $account }.
alert-message-no-sponsor-theirs = Personne de leur côté ({ $account }) n'est enregistré comme sponsor.
alert-message-no-executive-recorded = Personne chez nous ne porte la relation avec la direction générale de { $account }{"\u00A0"}: aucun de leurs dirigeants n'est enregistré.
alert-message-no-executive-covered = Personne chez nous ne porte la relation avec la direction générale de { $account }{"\u00A0"}: { $executives ->
        [one] leur seul dirigeant enregistré n'est suivi
       *[other] aucun de leurs { $executives } dirigeants enregistrés n'est suivi
    } par personne chez nous.
alert-message-stale-never = Aucun événement ni aucune revue avec { $account } n'est enregistré.
alert-message-stale = Le dernier contact avec { $account } date du { $last }, il y a { $ago ->
        [one] { $ago } jour
       *[other] { $ago } jours
    } (plus de { $limit }).
alert-message-review-overdue = Le trimestre { $quarter } s'est terminé le { $end } et { $account } n'a pas de revue pour ce trimestre.
alert-message-scores-declining = { $criterion } a baissé à chacune des deux dernières revues{"\u00A0"}: { $first } en { $first_quarter }, { $second } en { $second_quarter }, { $third } en { $third_quarter }.
alert-message-counterpart-unwilling = { $account } ne veut pas de la relation (value.counterpart_wants: no){"\u00A0"}: décidez s'il faut la sauver.
alert-message-action-overdue = L'action «{"\u00A0"}{ $action }{"\u00A0"}», convenue lors de la revue { $quarter }, était due le { $due } et reste ouverte{"\u00A0"}: { $late ->
        [one] { $late } jour
       *[other] { $late } jours
    } de retard.
alert-message-levels-disagree = Lors de la revue { $quarter }, leur niveau { $high_level } a noté { $criterion } { $high } et leur niveau { $low_level } { $low }{"\u00A0"}: cherchez pourquoi ces niveaux le voient si différemment.
alert-message-statement-unsigned = { $person } n'a pas signé la version { $version } de la déclaration commune, convenue le { $date }{"\u00A0"}: il y a { $days ->
        [one] { $days } jour.
       *[other] { $days } jours.
    }

## La santé : le nom de chaque composante et le calcul de sa valeur. { $value } et
## { $mean } sont des nombres à deux décimales.

health-component = { $name ->
        [scores] Notes
        [commitments] Engagements
        [milestones] Jalons
        [disputes] Litiges
       *[coverage] Couverture
    }
health-scores = La revue { $quarter } a noté { $count ->
        [one] { $count } critère
       *[other] { $count } critères
    }{"\u00A0"}; leur moyenne pondérée par importance est de { $mean } sur 5, donc (moyenne - 1) / 4 = { $value }.
health-commitments = { $kept ->
        [one] { $kept } engagement tenu
       *[other] { $kept } engagements tenus
    } et { $broken } non { $broken ->
        [one] tenu
       *[other] tenus
    }{"\u00A0"}: { $kept } / { $settled } = { $value }.
health-milestones = { $met } { $met ->
        [one] jalon
       *[other] jalons
    } sur { $due } arrivés à échéance au { $date } { $met ->
        [one] a été atteint
       *[other] ont été atteints
    } à temps{"\u00A0"}: { $met } / { $due } = { $value }.
health-disputes-none-open = Aucun litige ouvert ({ $resolved ->
        [one] { $resolved } réglé
       *[other] { $resolved } réglés
    }){"\u00A0"}: { $value }.
health-disputes-open = { $open ->
        [one] { $open } litige ouvert
       *[other] { $open } litiges ouverts
    }, vieux de { $ages } jours{"\u00A0"}; chacun multiplie la valeur par 0,8 x (1 - jours / 365, sans descendre sous 0){"\u00A0"}: { $value }.
health-coverage-no-one = Personne n'est enregistré de leur côté, la couverture est donc de { $value }.
health-coverage = Moyenne de { $parts } parties, { $value }{"\u00A0"}: { $parts_said }.
health-coverage-levels = { $covered } de leurs { $levels } niveaux pourvus sont couverts ({ $value })
health-coverage-sponsors = sponsors { $sides ->
        [both] des deux côtés
        [ours] de notre côté seulement
        [theirs] de leur côté seulement
       *[neither] d'aucun côté
    } ({ $value })
health-coverage-contacts = { $contacts ->
        [one] { $contacts } interlocuteur
       *[other] { $contacts } interlocuteurs
    } de leur côté, plus d'un requis ({ $value })

## Les graphiques, pour les lecteurs d'écran, et l'info-bulle d'un point

chart-scores = Évolution des notes par critère
chart-health = Évolution de la santé
chart-point = { $criterion } { $quarter }{"\u00A0"}: { $score } ({ $levels })

## Les mots de la page du compte formés par le code

commitment-group = { $party ->
        [us] Nos engagements
        [them] Leurs engagements
       *[both] Engagements communs
    }
turnaround-step = { $step ->
        [insight] Compréhension
        [needs] Besoins
        [ownership] Appropriation
        [vision] Vision
        [action] Action et alliés
        [trust] Confiance par l'exécution
       *[recognition] Reconnaissance et renouveau
    }
word-cadence = { $value ->
        [weekly] hebdomadaire
        [monthly] mensuel
        [quarterly] trimestriel
        [yearly] annuel
       *[ad-hoc] selon les besoins
    }
word-side = { $value ->
        [us] notre côté
       *[them] leur côté
    }
word-step = { $value ->
        [insight] compréhension
        [needs] besoins
        [ownership] appropriation
        [vision] vision
        [action] action
        [trust] confiance
       *[recognition] reconnaissance
    }
word-visibility = { $value ->
        [shared] partagé
       *[internal] interne
    }
word-yes-no = { $value ->
        [yes] oui
       *[no] non
    }

## L'historique d'un fichier de compte (dossiers de revue et, sur les pages partagées,
## les modifications des éléments partagés) : les sections, puis chaque type de modification

section-relationship = Relation
section-people = Personnes
section-commitments = Engagements
section-goals = Objectifs et jalons
section-disputes = Litiges
section-governance = Gouvernance
section-criteria = Critères de réussite
section-events = Événements
section-statement = Déclaration commune

change-owner-changed = responsable changé
change-stage-moved = stade modifié
change-turnaround-started = redressement lancé
change-turnaround-removed = redressement retiré
change-turnaround-step-moved = étape du redressement modifiée
change-turnaround-cycle = cycle du redressement modifié
change-person-added = personne ajoutée
change-person-removed = personne retirée
change-person-renamed = personne renommée
change-person-role = fonction modifiée
change-person-side = côté modifié
change-person-level = niveau modifié
change-person-sponsor = rôle de sponsor modifié
change-person-decision-maker = rôle de décideur modifié
change-person-covers = suivi modifié
change-commitment-added = engagement ajouté
change-commitment-removed = engagement retiré
change-commitment-reworded = engagement reformulé
change-commitment-by = partie engagée modifiée
change-commitment-made = date de l'engagement modifiée
change-commitment-status = statut de l'engagement modifié
change-commitment-due = échéance de l'engagement déplacée
change-commitment-closed = date de clôture de l'engagement modifiée
change-commitment-visibility = visibilité de l'engagement modifiée
change-goal-added = objectif ajouté
change-goal-removed = objectif retiré
change-goal-renamed = objectif renommé
change-goal-visibility = visibilité de l'objectif modifiée
change-milestone-added = jalon ajouté
change-milestone-removed = jalon retiré
change-milestone-renamed = jalon renommé
change-milestone-slipped = jalon reporté
change-milestone-moved-earlier = jalon avancé
change-milestone-done = jalon atteint
change-milestone-reopened = jalon rouvert
change-dispute-opened = litige ouvert
change-dispute-removed = litige retiré
change-dispute-resolved = litige réglé
change-dispute-reopened = litige rouvert
change-dispute-amount = montant du litige modifié
change-dispute-escalated = escalade du litige modifiée
change-dispute-visibility = visibilité du litige modifiée
change-committee-added = comité ajouté
change-committee-removed = comité retiré
change-committee-renamed = comité renommé
change-committee-cadence = fréquence du comité modifiée
change-committee-members = membres du comité modifiés
change-committee-visibility = visibilité du comité modifiée
change-criterion-added = critère ajouté
change-criterion-removed = critère retiré
change-criterion-renamed = critère renommé
change-criterion-weight = poids du critère modifié
change-event-added = événement ajouté
change-event-removed = événement retiré
change-event-edited = événement renommé
change-event-moved = date de l'événement modifiée
change-event-visibility = visibilité de l'événement modifiée
change-statement-added = déclaration rédigée
change-statement-removed = déclaration retirée
change-statement-version = version de la déclaration modifiée
change-statement-date = date de la déclaration modifiée
change-statement-title = titre de la déclaration modifié
change-statement-vision = vision reformulée
change-statement-behaviours = comportements attendus modifiés
change-statement-signatories = signataires modifiés
change-statement-signed = signatures modifiées

## Ce qu'une modification était et est devenue : les mots autour des valeurs du fichier

working-tree = la copie de travail
value-none = aucun
value-later = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } plus tard
value-earlier = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } plus tôt
value-steps-up = en hausse de { $steps ->
        [one] { $steps } échelon
       *[other] { $steps } échelons
    }
value-steps-down = en baisse de { $steps ->
        [one] { $steps } échelon
       *[other] { $steps } échelons
    }
value-step-direction = { $direction ->
        [new-cycle] nouveau cycle
        [forward] en avant
       *[back] en arrière
    }
value-turnaround = { $step }, cycle { $cycle }
value-sponsor = sponsor
value-decision-maker = décideur
value-weight = poids { $weight }
value-commitment = par { $party ->
        [us] nous
        [them] eux
       *[both] les deux parties
    }, pris le { $made }, { $status }
value-commitment-due = par { $party ->
        [us] nous
        [them] eux
       *[both] les deux parties
    }, pris le { $made }, échéance le { $due }, { $status }
value-commitment-subject = par { $party ->
        [us] nous
        [them] eux
       *[both] les deux parties
    }, pris le { $made }
value-milestones = { $count ->
        [one] { $count } jalon
       *[other] { $count } jalons
    }
value-days-after-due = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } après l'échéance
value-statement-subject = déclaration commune
value-version = version { $version }
value-version-of = version { $version } du { $date }
value-titled = { $version }{"\u00A0"}: { $title }
value-behaviours = nous{"\u00A0"}: { $us } | eux{"\u00A0"}: { $them }

# rapport's messages in English: the labels of every page rapport writes (the internal
# site in the workspace's language, each account's shared folder and its printed pages in
# the account's), the sentences of alerts, health and history, and the calendars. Every key
# a template or the code uses is here and in de.ftl and fr.ftl, and every key here is used
# (tests/languages.rs). A workspace may override any of them in its own
# templates/locales/<lang>.ftl. Arguments: { $a } and { $b } are company names, { $date } a
# date, { $quarter } a quarter such as 2026-Q2; { $value } in a `word-` message is a word of
# the account format.

## Both companies

and = and
parties = { $a } and { $b }
shared-folder = Shared folder

## The joint statement

statement-crumb = Joint statement
statement-eyebrow = Joint commitment statement
statement-default-title = Joint commitment statement: { $us } and { $them }
statement-version = version { $version }
statement-agreed = agreed { $date }
fingerprint = Fingerprint
fingerprint-hint = read it aloud to the other side: the same fingerprint means the same statement text
statement-vision = Our shared vision
statement-commitments = What we commit to
commits-to = { $party } commits to
together-commit = Together we commit to
commitment-by = by
commitment-ongoing = ongoing
commitment-open = open
commitment-kept = kept
commitment-broken = broken
commitment-withdrawn = withdrawn
statement-no-commitments = No commitments recorded yet.
statement-behaviours = How we will behave
statement-no-goals = No joint goals yet.
goal-owners = Owners:
governance = Governance
committee-members = Members:
governance-none = No joint committees yet.
cadence-weekly = Weekly
cadence-monthly = Monthly
cadence-quarterly = Quarterly
cadence-yearly = Yearly
cadence-ad-hoc = Ad-hoc
escalation-path = Escalation path
escalation-path-text = An issue that one forum cannot settle goes to the next: { $path }.
signatories = Signatories
signatories-none = No signatories named.
signature-column-name = Name
signature-column-role = Role
signature-column-company = Company
signature-column-signature = Signature
signed-on = signed { $date }
signature-awaited = awaiting signature
earlier-versions = Earlier versions
version-heading = Version { $version }
changed-in-version = Changed in version { $version }:
change-was = was { $value }
version-kept-text = Version { $version } kept its text.

## Goals and milestones

joint-goals = Joint goals
milestones-done = { $done } of { $total } milestones done
milestone-met = met
milestone-met-late = met late
milestone-overdue = overdue
milestone-open = open
due = due
done = done
not-done = not done

## The progress pages

progress-crumb = Progress { $quarter }
progress-eyebrow = Joint progress report
progress-footer = progress { $quarter }
period = { $start } to { $end }
summary = Summary
previous-actions = Actions from the previous review
previous-actions-checked = Checked at this review ({ $date }).
milestones-quarter = Milestones this quarter
milestones-met = Met
milestones-due = Due
milestones-none = No milestones fell in this quarter.
commitments = Commitments
commitments-kept = Kept this quarter
commitments-kept-none = None this quarter.
commitments-open = Open
commitments-open-none = None open.
progress-no-goals = No joint goals.
plan-changes = Changes to the joint plan since the previous review
actions-agreed = Actions agreed at this review
status-as-of = Status as of { $date }.
what-happened = What happened
action-column-action = Action
action-column-owner = Owner
action-column-due = Due
action-column-done = Done
action-column-status = Status
action-internal = internal
action-done = done
action-done-late = done late
action-late = late
action-open = open

## The shared folder's index

index-eyebrow = Shared documents
documents = Documents
progress-report = Progress report { $quarter }
calendar-link = Calendar of dates to come
shared-history = Shared history
disputes = Issues we are resolving together
dispute-opened = opened { $date }
dispute-resolved = resolved { $date }

## Printed pages (page.css): "Page 2 of 5" at the foot of each page

page-mark-page = Page
page-mark-of = of
page-mark-internal = Internal — do not forward

## The shared calendar (calendar.ics); { $cadence } is weekly, monthly, quarterly,
## yearly or ad-hoc, or empty

calendar-milestone = Milestone: { $title }
calendar-goal = Goal: { $goal }
calendar-commitment-due = Commitment due: { $what }
calendar-commitment-made = Made on { $date }
calendar-action-due = Action due: { $what }
calendar-action-from = From the { $quarter } review
calendar-action-from-owner = From the { $quarter } review; owner { $owner }
calendar-meeting = { $name } (next meeting)
calendar-meets-counted = Meets { $cadence }; counted from the last one recorded, { $date }
calendar-meets-unrecorded = Meets { $cadence }; no meeting recorded: the start of the next period

## Our team's calendars (internal/calendar.ics and each owner's): the entries above, and
## these; { $party } is us, them or both, { $them } the account's name

calendar-promised = { $party ->
        [us] Promised by us on { $date }
        [both] Promised by both sides on { $date }
       *[them] Promised by { $them } on { $date }
    }
calendar-review-due = Quarterly review { $quarter } due

## Internal pages: the frame. { $date } is an ISO date (2026-11-26), { $count } a number.

portfolio = Portfolio
owners = Owners
search = Search
internal = internal
as-of = as of { $date }
generated-by = generated by rapport
colon = :
count-accounts = { $count ->
        [one] { $count } account
       *[other] { $count } accounts
    }
count-owners = { $count ->
        [one] { $count } owner
       *[other] { $count } owners
    }
never = never
none-recorded = None recorded.
tag-shared = shared
warning = warning

## Words of the account format, as pages print them; { $value } is the word in the file

word-kind = { $value ->
        [customer] customer
        [supplier] supplier
       *[partner] partner
    }
count-kind = { $count } { $value ->
        [customer] { $count ->
            [one] customer
           *[other] customers
        }
        [supplier] { $count ->
            [one] supplier
           *[other] suppliers
        }
       *[partner] { $count ->
            [one] partner
           *[other] partners
        }
    }
word-stage = { $value ->
        [prospect] prospect
        [vendor] vendor
        [preferred] preferred
        [strategic] strategic
        [associate] associate
       *[none] no stage
    }
word-level = { $value ->
        [executive] executive
        [senior] senior
        [manager] manager
       *[operational] operational
    }
word-level-heading = { $value ->
        [executive] Executive
        [senior] Senior
        [manager] Manager
       *[operational] Operational
    }
word-event = { $value ->
        [meeting] meeting
        [dispute] dispute
        [bid] bid
        [escalation] escalation
        [personnel] personnel
        [market] market
        [delivery] delivery
        [recognition] recognition
        [note] note
       *[other] event
    }
word-sentiment = { $value ->
        [positive] positive
        [negative] negative
       *[neutral] neutral
    }
word-severity = { $value ->
        [high] high
        [medium] medium
       *[low] low
    }
word-commitment-status = { $value ->
        [kept] kept
        [broken] broken
        [withdrawn] withdrawn
       *[open] open
    }
word-degree = { $value ->
        [low] low
        [high] high
       *[medium] medium
    }
word-willingness = { $value ->
        [yes] yes
        [no] no
       *[unknown] unknown
    }
word-party = { $value ->
        [us] us
        [them] them
       *[both] both
    }
word-item = { $value ->
        [milestone] milestone
        [commitment] commitment
        [action] action
       *[review] review
    }

## Tables of accounts (portfolio, list pages, owners' pages)

column-account = Account
column-accounts = Accounts
column-kind = Kind
column-owner = Owner
column-stage = Stage
column-health = Health
column-trend = Trend
column-open-disputes = Open disputes
column-overdue-milestones = Overdue milestones
column-keep-rate = Keep rate
column-last-contact = Last contact
column-next-review = Next review
column-open-actions = Open actions (late)
column-alerts = Alerts
column-high = High
column-medium = Medium
column-low = Low
review-due-by = by
actions-late-count = ({ $count } late)
filter-accounts = Filter accounts…
filter-alerts = Filter alerts…
filter-owners = Filter owners…
figure-accounts = Accounts
figure-health-bands = Health good / fair / poor / none
figure-exposure = Open dispute exposure
figure-annual-value = Annual value
figure-alert-counts = Alerts high / medium / low

## The portfolio

totals = Totals
accounts = Accounts
accounts-by-kind = Accounts by kind
accounts-by-stage = Accounts by stage
by-stage = By stage
alert-counts = { $high } high, { $medium } medium, { $low } low alerts
alert-counts-short = { $high } high, { $medium } medium, { $low } low
by-owner = By owner:
by-owner-link = every relationship owner
by-owner-after = , with their accounts, what is due and their alerts.
list-pages-intro = { $accounts } accounts, { $pages } pages in account order:
alerts-by-account = Alerts by account
alerts-more = { $count ->
        [one] And one more account with alerts: see its owner's page.
       *[other] And { $count } more accounts with alerts: see their owners' pages.
    }
alerts-none-portfolio = No alerts across the portfolio.
health-how = How health is computed
health-how-sum = Health is a weighted sum of five components — scores, commitments, milestones, disputes and coverage — each valued 0–100 %, weighted by
health-how-in = in
health-how-rest = A component without data is left out and the other weights are rescaled. Each account page shows its own breakdown.
health-how-json = Machine-readable figures:
health-how-calendar = Dates to come, for a calendar program:
list-page = Accounts, page { $number }
list-page-of = Accounts, page { $number } of { $pages }
list-pages-label = Account pages

## Relationship owners

owners-heading = Relationship owners
relationship-owner = relationship owner
relationship-owner-label = Relationship owner:
column-good = Good
column-fair = Fair
column-poor = Poor
column-no-score = No score
column-high-alerts = High alerts
column-medium-alerts = Medium alerts
column-due-soon = Due in 30 days
column-due = Due
column-what = What
column-item = Item
due-soon = Due in the next 30 days
due-soon-none = Nothing due in the next 30 days.
due-later = Due in 31 to 90 days
due-later-none = Nothing due in 31 to 90 days.
alerts-none-owner = No alerts on these accounts.

## Search

search-scope = { $count ->
        [one] { $count } account: its name, people, goals, commitments, events, disputes and notes.
       *[other] { $count } accounts: their names, people, goals, commitments, events, disputes and notes.
    }
search-placeholder = Search accounts…
search-label = Search accounts
search-prompt = Type a name, a person, a goal or a word from a note.
search-one = account
search-many = accounts
search-first-shown = , the first 100 shown
search-needs-javascript = Search needs JavaScript; without it, the
search-in-browser = Search runs in a browser: open `search.html` of the internal site. Without one, the
search-portfolio-link = portfolio
search-and = and the
search-owners-link = owners' pages
search-lead = lead to every account.
search-lead-count = lead to every one of the { $count } accounts.

## Alerts and health, on the account page and elsewhere

alerts-none = No alerts.
health-why = Why this score: { $score } / 100
health-why-heading = Why this score
health-column-component = Component
health-column-weight = Weight
health-column-value = Value
health-column-points = Points
health-column-how = How
health-left-out = Left out for lack of data (the other weights are rescaled): { $components }.
health-none = No health score yet: no component has data.
health-trend = Health at the end of each reviewed quarter:

## The account page

review-packs = Review packs
since = since { $date }
glance = At a glance
figure-keep-rate = Commitment keep rate
count-open = ({ $count } open)
column-their-contacts = Their contacts
salvage = Salvage panel
salvage-worth = Worth to us per year
salvage-need = Do we need it?
salvage-want = Do we want it?
salvage-need-column = Need
salvage-want-column = Want
salvage-they-want = Do they want it?
salvage-decision-makers = Their decision makers
none-known = none known
salvage-alternatives = Alternatives
salvage-impact = Impact of loss
not-assessed = Not assessed.
turnaround = Turnaround
turnaround-cycle = Cycle { $cycle }
turnaround-started = started { $date }
turnaround-current = current step:
step-current = current
step-done = done
coverage = Stakeholder coverage
coverage-their-people = Their people
column-level = Level
tag-sponsor = sponsor
tag-decides = decides
coverage-levels = Levels:
coverage-no-one = no one
coverage-covered = covered
coverage-not-covered = not covered
coverage-no-contacts = No contacts on their side.
timeline = Timeline
events-none = No events recorded.
disputes-internal = Disputes
column-dispute = Dispute
column-opened = Opened
column-resolved = Resolved
column-amount = Amount
column-age = Age (days)
column-escalated-to = Escalated to
dispute-open = open
not-escalated = not escalated
disputes-none = No disputes recorded.
goals-and-milestones = Joint goals and milestones
commitments-ledger = Commitments ledger
column-commitment = Commitment
column-made = Made
column-status = Status
overdue = overdue
commitments-none = No commitments recorded.
criteria = Success criteria
column-criterion = Criterion
column-illustrations = Illustrations
criteria-chart = Scores per criterion (1–5) at each review.
criteria-none = No success criteria defined.
committees-none = No joint committees.
balance-sheets = Personal balance sheets
assets = Assets
liabilities = Liabilities
notes = Notes
none-noted = None noted.
signed-by = signed by
awaiting = awaiting
behaviours-ours = Our behaviours
behaviours-theirs = Theirs
none-stated = None stated.
statement-none = No joint statement written yet; the shared statement lists the shared commitments, goals and governance.
statement-as-shared = The statement as the other company receives it
reviews-none = No reviews yet.
shared-with = Shared with { $name }:
link-joint-statement = joint statement
link-shared-folder = shared folder

## The quarterly review pack

review-title = Review { $quarter }
review-eyebrow = Quarterly review pack
review-footer = review { $quarter }
internal-do-not-forward = internal — do not forward
reviewed = reviewed { $date }
health-quarter-end = health at quarter end:
attendees = Attendees:
previous-actions-agreed = Agreed at the { $quarter } review, checked at this one ({ $date }).
scores = Scores
column-previous = Previous
column-score = Score
column-change = Change
score-new = new
scores-by-level = Scores by level
scores-by-level-intro = The criteria their levels scored separately, with the change since the previous review; the score above is the mean of the levels.
scores-none = No scores recorded in this review.
summary-internal = Internal summary
summary-shared = Summary shared with { $name }
summary-none = No summary written.
successes-failures = Successes and failures
successes = Successes
failures = Failures
changes-period = What changed in the period
changes-none = Nothing recorded in this quarter.
events = Events
milestones-met-heading = Milestones met
milestones-missed-heading = Milestones missed
met-late-short = late
commitments-kept-heading = Commitments kept
commitments-broken-heading = Commitments broken
commitments-made-heading = Commitments made
kept-on = kept { $date }
kept-by-commit = kept { $date }, the date of the commit that recorded it
broken-on = broken { $date }
broken-by-commit = broken { $date }, the date of the commit that recorded it
due-on = due { $date }
disputes-opened-heading = Disputes opened
disputes-resolved-heading = Disputes resolved
notes-changed = What changed in our notes since the previous review
notes-compared = The account file at { $from } compared with { $to }.
notes-compared-commits = The account file at { $from } compared with { $to }: { $count ->
        [one] { $count } commit
       *[other] { $count } commits
    } by { $authors }.
notes-created = The account file was added to git after the previous review: everything in it is new.
not-committed = not committed yet
notes-unchanged = No changes to the notes since the previous review.
recognition = Recognition
next-steps = Next steps
actions-checked-next = The next review checks them; status as of { $date }.
alerts-today = Open alerts today
no-owner = No owner
review-named = Quarterly review { $quarter }

## Alerts: what each one means and what to do (docs/health.md shows these words), then
## the sentence with the facts of each. Dates are ISO dates; { $late }, { $age } and
## { $ago } are numbers of days.

alert-milestone-overdue-title = A joint milestone is late
alert-milestone-overdue-advice = Agree a new date with the other side, or mark the milestone done if it is.
alert-commitment-overdue-title = A commitment is past its date
alert-commitment-overdue-advice = Deliver it, or tell the other side now and agree a new date; record it as kept, broken or withdrawn.
alert-dispute-unescalated-title = A dispute has dragged on without escalation
alert-dispute-unescalated-advice = Escalate it to a senior or executive level on both sides before it sours the relationship.
alert-no-contacts-title = We know no one at this company
alert-no-contacts-advice = Record the people we deal with on their side, starting with our day-to-day contact.
alert-single-threaded-title = The relationship hangs on one person
alert-single-threaded-advice = Meet a second person on their side, ideally at another level, so one departure does not cut us off.
alert-no-sponsor-title = No executive sponsor
alert-no-sponsor-advice = Name a sponsor who owns the relationship at executive level, on each side that lacks one.
alert-no-executive-contact-title = No one of ours talks to their executives
alert-no-executive-contact-advice = Ask one of our executives to cover an executive of theirs and meet them this quarter.
alert-stale-title = No contact for a long time
alert-stale-advice = Get in touch: a call or visit this month, recorded as an event.
alert-review-overdue-title = The quarterly review was not held
alert-review-overdue-advice = Hold the quarterly review with them and record their scores.
alert-scores-declining-title = Their scores keep falling
alert-scores-declining-advice = Ask them what changed and agree actions at the next review.
alert-counterpart-unwilling-title = They do not want this relationship
alert-counterpart-unwilling-advice = Find out why, and decide with the account owner whether to invest, reset or wind down.
alert-action-overdue-title = A review action is late
alert-action-overdue-advice = Finish the action, or agree a new date with its owner and say so at the next review.
alert-levels-disagree-title = Their levels see us very differently
alert-levels-disagree-advice = Talk to both levels of theirs: the gap usually shows where we are not seen.
alert-statement-unsigned-title = The statement is still unsigned
alert-statement-unsigned-advice = Chase the missing signature, or agree a new version if the text is disputed.

alert-message-milestone-overdue = Milestone "{ $milestone }" of goal "{ $goal }" was due on { $due } and is not done: { $late ->
        [one] { $late } day
       *[other] { $late } days
    } late.
alert-message-commitment-overdue = A commitment { $party ->
        [us] we
        [both] both sides
       *[them] they
    } made on { $made } was due on { $due } and is still open: { $late ->
        [one] { $late } day
       *[other] { $late } days
    } late.
alert-message-dispute-unescalated = Dispute { $dispute } has been open since { $opened }, { $age ->
        [one] { $age } day
       *[other] { $age } days
    }, and is not escalated; escalate disputes open longer than { $limit } days to senior or executive level.
alert-message-dispute-escalated-low = Dispute { $dispute } has been open since { $opened }, { $age ->
        [one] { $age } day
       *[other] { $age } days
    }, and is escalated only to { $level } level; escalate disputes open longer than { $limit } days to senior or executive level.
alert-message-no-contacts = No one at { $account } is recorded as a contact.
alert-message-single-threaded = { $person } is our only contact at { $account }; if they leave, the relationship goes with them.
alert-message-no-sponsor-ours = No one on our side ({ $organisation }) is a sponsor of the relationship with { $account }.
alert-message-no-sponsor-theirs = No one on their side ({ $account }) is recorded as a sponsor.
alert-message-no-executive-recorded = No one of ours holds the relationship with an executive at { $account }: no executive of theirs is recorded.
alert-message-no-executive-covered = No one of ours holds the relationship with an executive at { $account }: none of their { $executives } recorded { $executives ->
        [one] executive
       *[other] executives
    } is covered by one of ours.
alert-message-stale-never = No event or review with { $account } is recorded.
alert-message-stale = The last contact with { $account } was on { $last }, { $ago ->
        [one] { $ago } day
       *[other] { $ago } days
    } ago (more than { $limit }).
alert-message-review-overdue = Quarter { $quarter } ended on { $end } and { $account } has no review for it.
alert-message-scores-declining = { $criterion } fell at each of the last two reviews: { $first } in { $first_quarter }, { $second } in { $second_quarter }, { $third } in { $third_quarter }.
alert-message-counterpart-unwilling = { $account } does not want the relationship (value.counterpart_wants: no): decide whether to salvage it.
alert-message-action-overdue = Action "{ $action }", agreed at the { $quarter } review, was due on { $due } and is still open: { $late ->
        [one] { $late } day
       *[other] { $late } days
    } late.
alert-message-levels-disagree = In the { $quarter } review their { $high_level } level scored { $criterion } { $high } and their { $low_level } level { $low }: find out why the levels see it differently.
alert-message-statement-unsigned = { $person } has not signed version { $version } of the joint statement, agreed on { $date }: { $days ->
        [one] { $days } day ago.
       *[other] { $days } days ago.
    }

## Health: each component's name, and how its value was computed. { $value } and
## { $mean } are numbers with two decimals.

health-component = { $name ->
        [scores] Scores
        [commitments] Commitments
        [milestones] Milestones
        [disputes] Disputes
       *[coverage] Coverage
    }
health-scores = The { $quarter } review scored { $count } { $count ->
        [one] criterion
       *[other] criteria
    }; their mean weighted by importance is { $mean } out of 5, so (mean - 1) / 4 = { $value }.
health-commitments = { $kept } { $kept ->
        [one] commitment
       *[other] commitments
    } kept and { $broken } broken: { $kept } / { $settled } = { $value }.
health-milestones = { $met } of { $due } { $due ->
        [one] milestone
       *[other] milestones
    } due by { $date } { $met ->
        [one] was
       *[other] were
    } met on time: { $met } / { $due } = { $value }.
health-disputes-none-open = No dispute is open ({ $resolved } resolved): { $value }.
health-disputes-open = { $open } open { $open ->
        [one] dispute
       *[other] disputes
    }, { $ages } days old; each multiplies the value by 0.8 x (1 - days / 365, not below 0): { $value }.
health-coverage-no-one = No one on their side is recorded, so coverage is { $value }.
health-coverage = Average of { $parts } parts, { $value }: { $parts_said }.
health-coverage-levels = { $covered } of { $levels } levels of theirs with people are covered ({ $value })
health-coverage-sponsors = sponsors on { $sides ->
        [both] both sides
        [ours] our side only
        [theirs] their side only
       *[neither] neither side
    } ({ $value })
health-coverage-contacts = { $contacts } { $contacts ->
        [one] contact
       *[other] contacts
    } on their side, more than one needed ({ $value })

## Charts, for screen readers, and a point's tooltip ({ $levels }: "executive 5, manager 3")

chart-scores = Score trend per criterion
chart-health = Health trend
chart-point = { $criterion } { $quarter }: { $score } ({ $levels })

## The account page's words made by the code

commitment-group = { $party ->
        [us] Ours
        [them] Theirs
       *[both] Joint
    }
turnaround-step = { $step ->
        [insight] Insight
        [needs] Needs
        [ownership] Ownership
        [vision] Vision
        [action] Action & allies
        [trust] Trust through execution
       *[recognition] Recognition & reinvention
    }
word-cadence = { $value ->
        [weekly] weekly
        [monthly] monthly
        [quarterly] quarterly
        [yearly] yearly
       *[ad-hoc] ad-hoc
    }
word-side = { $value ->
        [us] us
       *[them] them
    }
word-step = { $value ->
        [insight] insight
        [needs] needs
        [ownership] ownership
        [vision] vision
        [action] action
        [trust] trust
       *[recognition] recognition
    }
word-visibility = { $value ->
        [shared] shared
       *[internal] internal
    }
word-yes-no = { $value ->
        [yes] yes
       *[no] no
    }

## The history of an account file (review packs, and on shared pages the changes to shared
## items): section headings, then what each change is

section-relationship = Relationship
section-people = People
section-commitments = Commitments
section-goals = Goals and milestones
section-disputes = Disputes
section-governance = Governance
section-criteria = Success criteria
section-events = Events
section-statement = Joint statement

change-owner-changed = owner changed
change-stage-moved = stage moved
change-turnaround-started = turnaround started
change-turnaround-removed = turnaround removed
change-turnaround-step-moved = turnaround step moved
change-turnaround-cycle = turnaround cycle changed
change-person-added = person added
change-person-removed = person removed
change-person-renamed = person renamed
change-person-role = role changed
change-person-side = side changed
change-person-level = level changed
change-person-sponsor = sponsor changed
change-person-decision-maker = decision maker changed
change-person-covers = coverage changed
change-commitment-added = commitment added
change-commitment-removed = commitment removed
change-commitment-reworded = commitment reworded
change-commitment-by = commitment party changed
change-commitment-made = commitment date changed
change-commitment-status = commitment status changed
change-commitment-due = commitment due date moved
change-commitment-closed = commitment closing date changed
change-commitment-visibility = commitment visibility changed
change-goal-added = goal added
change-goal-removed = goal removed
change-goal-renamed = goal renamed
change-goal-visibility = goal visibility changed
change-milestone-added = milestone added
change-milestone-removed = milestone removed
change-milestone-renamed = milestone renamed
change-milestone-slipped = milestone slipped
change-milestone-moved-earlier = milestone brought forward
change-milestone-done = milestone done
change-milestone-reopened = milestone reopened
change-dispute-opened = dispute opened
change-dispute-removed = dispute removed
change-dispute-resolved = dispute resolved
change-dispute-reopened = dispute reopened
change-dispute-amount = dispute amount changed
change-dispute-escalated = dispute escalation changed
change-dispute-visibility = dispute visibility changed
change-committee-added = committee added
change-committee-removed = committee removed
change-committee-renamed = committee renamed
change-committee-cadence = committee cadence changed
change-committee-members = committee members changed
change-committee-visibility = committee visibility changed
change-criterion-added = criterion added
change-criterion-removed = criterion removed
change-criterion-renamed = criterion renamed
change-criterion-weight = criterion weight changed
change-event-added = event added
change-event-removed = event removed
change-event-edited = event retitled
change-event-moved = event date changed
change-event-visibility = event visibility changed
change-statement-added = statement written
change-statement-removed = statement removed
change-statement-version = statement version changed
change-statement-date = statement date changed
change-statement-title = statement retitled
change-statement-vision = statement vision reworded
change-statement-behaviours = expected behaviours changed
change-statement-signatories = signatories changed
change-statement-signed = signatures changed

## What a change was and became: the words around the file's values

working-tree = the working tree
value-none = none
value-later = { $days ->
        [one] { $days } day
       *[other] { $days } days
    } later
value-earlier = { $days ->
        [one] { $days } day
       *[other] { $days } days
    } earlier
value-steps-up = up { $steps ->
        [one] { $steps } step
       *[other] { $steps } steps
    }
value-steps-down = down { $steps ->
        [one] { $steps } step
       *[other] { $steps } steps
    }
value-step-direction = { $direction ->
        [new-cycle] new cycle
        [forward] forward
       *[back] back
    }
value-turnaround = { $step }, cycle { $cycle }
value-sponsor = sponsor
value-decision-maker = decision maker
value-weight = weight { $weight }
value-commitment = by { $party ->
        [us] us
        [them] them
       *[both] both
    }, made { $made }, { $status }
value-commitment-due = by { $party ->
        [us] us
        [them] them
       *[both] both
    }, made { $made }, due { $due }, { $status }
value-commitment-subject = by { $party ->
        [us] us
        [them] them
       *[both] both
    }, made { $made }
value-milestones = { $count ->
        [one] { $count } milestone
       *[other] { $count } milestones
    }
value-days-after-due = { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after the due date
value-statement-subject = joint statement
value-version = version { $version }
value-version-of = version { $version } of { $date }
value-titled = { $version }: { $title }
value-behaviours = us: { $us } | them: { $them }

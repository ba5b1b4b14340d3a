# rapport's messages in English: the labels of the shared folder (the joint statement,
# the progress pages and the folder's index) and of its printed pages. Every key a
# template or the code uses is here and in de.ftl and fr.ftl, and every key here is used
# (tests/messages.rs). Arguments: { $a } and { $b } are company names, { $date } a long
# date, { $quarter } a quarter such as 2026-Q2.

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

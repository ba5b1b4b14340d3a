#!/usr/bin/env bash
# Creates a throw-away git repository from sample-data/ with a scripted history of the
# Northwind Supply account (commits with set dates and authors), so you can see the
# "What changed in our notes since the previous review" section of review packs and
# `rapport diff`. Nothing outside DIR is touched.
#
# Usage: scripts/history-demo.sh [DIR]     (default: a new folder under $TMPDIR)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$(mktemp -d "${TMPDIR:-/tmp}/rapport-history-demo.XXXXXX")/workspace"}
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
  echo "error: $dir exists and is not empty; give a new folder" >&2
  exit 2
fi
command -v git >/dev/null || { echo "error: git is not installed" >&2; exit 1; }
mkdir -p "$dir"
cp -R "$here/sample-data/." "$dir/"
rm -rf "$dir/site"
cd "$dir"
account=accounts/northwind-supply.yaml

# Inert git: no hooks, no signing, no user or system configuration needed.
g() {
  git -c core.hooksPath=/dev/null -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}

# commit DATE "AUTHOR NAME" MESSAGE
commit() {
  local email
  email="$(echo "$2" | tr 'A-Z ' 'a-z.')@acme.example"
  g add -A
  GIT_AUTHOR_NAME="$2" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="$1T10:00:00+00:00" \
    GIT_COMMITTER_NAME="$2" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="$1T10:00:00+00:00" \
    g commit -q --no-verify -m "$3"
}

# edit FROM TO: replaces the exact text FROM by TO in the account file, once; fails when
# FROM is not there (the sample data changed: update this script).
edit() {
  FROM="$1" TO="$2" perl -0777 -i -pe '$n = s/\Q$ENV{FROM}\E/$ENV{TO}/; END { exit($n ? 0 : 3) }' "$account" || {
    echo "error: the demo edit no longer applies to $account: $1" >&2
    exit 1
  }
}

g init -q
commit 2026-06-01 "Alex Morgan" "Account notes as of June"

edit "  - id: tom
" "  - id: priya
    name: Priya Nair
    side: them
    role: Chief Operating Officer
    level: executive
    decision_maker: true
  - id: tom
"
edit "    covers: [helga]" "    covers: [helga, priya]"
commit 2026-07-20 "Dana Whitfield" "Northwind: add Priya Nair, their new COO"

edit "with the other side's director within 10 working days" "with the other side's director within 5 working days"
edit "    amount: 28400" "    amount: 31200"
commit 2026-08-05 "Li-Wen Chao" "Northwind: tighter escalation rule; surcharge re-invoiced"

edit "      - title: Forecast loaded directly into Northwind's planning system
        due: 2026-09-30" "      - title: Forecast loaded directly into Northwind's planning system
        due: 2026-10-30"
edit "    role: Sales Director, North America
    level: senior
    sponsor: true" "    role: Sales Director, North America
    level: senior
    sponsor: false"
commit 2026-08-28 "Dana Whitfield" "Northwind: forecast integration slips a month; Helga steps back"

edit "stage: preferred" "stage: strategic"
edit "  - id: planning
    name: Openness in planning
    weight: 2" "  - id: planning
    name: Openness in planning
    weight: 3"
edit "    what: Share a rolling 12-month demand forecast every month
    made: 2025-06-12
    status: open" "    what: Share a rolling 12-month demand forecast every month
    made: 2025-06-12
    status: kept"
commit 2026-09-15 "Marcus Oyelaran" "Northwind: strategic supplier; forecasting promise kept"

edit "    escalated_to: manager
    owner: li-wen" "    resolved: 2026-09-29
    escalated_to: manager
    owner: li-wen"
commit 2026-09-30 "Li-Wen Chao" "Northwind: freight surcharge settled"

edit "
statement:
" "
  - quarter: 2026-Q4
    date: 2026-11-20
    attendees: [dana, raj]
    scores: { pricing-accuracy: 4, delivery: 4, responsiveness: 4, planning: 4 }
    shared_summary: The surcharge is settled and the workshop is booked.
statement:
"
commit 2026-11-12 "Dana Whitfield" "Northwind: Q4 review"

# Left uncommitted on purpose: the current quarter's pack compares with the working tree.
edit "      - title: Value-engineering workshop at Northwind's plant
        due: 2026-12-15" "      - title: Value-engineering workshop at Northwind's plant
        due: 2026-12-15
        done: 2026-11-24"

cat <<EOF
A workspace with a scripted history is ready: $dir
  git -C "$dir" log --format='%h %cs %an: %s'

See it (from the rapport source folder, or with rapport on PATH):
  cargo run -- build "$dir" --as-of 2026-11-26
  open $dir/site/internal/accounts/northwind-supply/2026-Q3.html   (and 2026-Q4.html)
  open $dir/site/shared/northwind-supply/2026-Q3.html              (shared items only)
  cargo run -- diff northwind-supply --from HEAD~6 --to HEAD~1 --workspace "$dir"
  cargo run -- diff northwind-supply --from HEAD~1 --workspace "$dir" --format json
EOF

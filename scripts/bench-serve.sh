#!/usr/bin/env bash
# rapport serve on a large portfolio (issue 17): how long one account's edit takes to reach
# its own pages and the portfolio's. Generates ACCOUNTS accounts (default 10000, seed 1),
# starts `rapport serve`, waits for the first build, then edits one account file EDITS
# times in turn (default 6): its name (which moves it on its list page and in the search
# index), its owner (two owners' pages and calendars), and back. Prints serve's own line for
# each rebuild ("its pages in N ms, the portfolio in M ms") and the medians of both.
#
#   scripts/bench-serve.sh
#   ACCOUNTS=2000 EDITS=4 scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${ACCOUNTS:-10000}
edits=${EDITS:-6}

cargo build --release --locked --bin rapport --example gen-portfolio >&2
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
target/release/examples/gen-portfolio --accounts "$accounts" --out "$work/ws" --seed 1 >&2
log="$work/serve.log"
target/release/rapport serve "$work/ws" --out "$work/site" --port 0 --as-of 2026-11-26 \
  2>"$log" &
pid=$!

# Waits until the log has N lines matching PATTERN.
wait_for() {
  local pattern=$1 count=$2
  for _ in $(seq 1 3000); do
    if [ "$(grep -c "$pattern" "$log" || true)" -ge "$count" ]; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "timed out waiting for: $pattern" >&2
  cat "$log" >&2
  exit 1
}

wait_for '^built ' 1
grep '^built ' "$log"
# Not the first or last of its list page, whose name the other list pages show.
file=$(ls "$work/ws/accounts" | sed -n "$((accounts / 2 + 7))p")
path="$work/ws/accounts/$file"
original=$(cat "$path")
owner=$(sed -n 's/^owner: //p' "$path")
other=$(sed -n 's/^  - id: //p' "$path" | grep -vx "$owner" | head -n 1)
for i in $(seq 1 "$edits"); do
  case $((i % 3)) in
    1) printf '%s\n' "$original" | sed "s/^name: .*/name: Renamed Account $i/" >"$path" ;;
    2) printf '%s\n' "$original" | sed "s/^owner: .*/owner: $other/" >"$path" ;;
    0) printf '%s\n' "$original" >"$path" ;;
  esac
  wait_for '^rebuilt ' "$i"
  # Past the watcher's settling time, so the next edit is a rebuild of its own.
  sleep 1
done
grep '^rebuilt ' "$log"
median() {
  sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
pages=$(sed -n 's/.*its pages in \([0-9]*\) ms.*/\1/p' "$log" | median)
portfolio=$(sed -n 's/.*the portfolio in \([0-9]*\) ms.*/\1/p' "$log" | median)
echo "$accounts accounts, $edits edits: median $pages ms to the account's pages, $portfolio ms to the portfolio's"

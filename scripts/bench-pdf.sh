#!/usr/bin/env bash
# build --pdf, old engine against new, side by side (issue 18): a generated portfolio of
# ACCOUNTS accounts (default 100) built with every review pack and statement printed,
# first with one browser process per page (RAPPORT_PDF_ENGINE=process, the approach before
# the DevTools one), then with one browser and four tabs, RUNS times in turn (default 1).
# Prints each run's printing time and pages per second, as the build reports them, and
# the whole build's wall time; then the speed-up of the medians.
#
#   scripts/bench-pdf.sh            # 100 accounts, one run of each
#   ACCOUNTS=20 RUNS=3 scripts/bench-pdf.sh
#
# Needs Chromium (apt-get install -y chromium) and builds rapport in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${ACCOUNTS:-100}
runs=${RUNS:-1}

cargo build --release --locked --bin rapport --example gen-portfolio >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/gen-portfolio --accounts "$accounts" --out "$work/ws" --seed 1 >&2

# One build: prints "ENGINE SECONDS_PRINTING PDFS WALL_SECONDS".
run() {
  local engine=$1 log="$work/$1.log" start end
  rm -rf "$work/site"
  start=$(date +%s.%N)
  RAPPORT_PDF_ENGINE=$engine target/release/rapport build "$work/ws" --out "$work/site" \
    --as-of 2026-11-26 --no-history --pdf 2>"$log" || { cat "$log" >&2; exit 1; }
  end=$(date +%s.%N)
  # "printed 612 PDFs in 61.2 s (10.0 pages/s)"
  sed -n 's/^printed \([0-9]*\) PDFs in \([0-9.]*\) s.*/\2 \1/p' "$log" |
    awk -v e="$engine" -v s="$start" -v f="$end" '{ printf "%s %s %s %.1f\n", e, $1, $2, f - s }'
}

# The median of the second column of the lines of engine $1.
median() {
  awk -v e="$1" '$1 == e { print $2 }' "$results" | sort -n |
    awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

results="$work/results"
for _ in $(seq "$runs"); do
  run process >>"$results"
  run tabs >>"$results"
done
awk '{ printf "%-8s printed %4d PDFs in %7.1f s = %5.2f pages/s (whole build %.1f s)\n", $1, $3, $2, $3 / $2, $4 }' "$results"
pdfs=$(awk '{ n = $3 } END { print n }' "$results")
awk -v p="$(median process)" -v c="$(median tabs)" -v n="$pdfs" 'BEGIN {
  printf "median printing time: process %.1f s (%.2f pages/s), tabs %.1f s (%.2f pages/s): %.1fx faster\n",
    p, n / p, c, n / c, p / c }'

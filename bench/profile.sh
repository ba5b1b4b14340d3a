#!/usr/bin/env bash
# Where a build's time goes: a CPU profile of `rapport build` on a generated portfolio.
#
#   bench/profile.sh                 # 10,000 accounts with perf
#   ACCOUNTS=1000 bench/profile.sh
#
# Builds rapport with frame pointers and line tables into its own target folder (so the
# profile has names and call chains, and the normal release build is left alone),
# records `perf record -g` (Debian: apt-get install linux-perf) and prints self time by
# category (bench/perf-categories.py) and the heaviest functions. Where perf cannot
# record (no perf_event access), it falls back to valgrind's callgrind on 500 accounts.
#
# For the wall time of each phase instead: PHASES=10000 cargo bench --bench pipeline
#
# Environment: ACCOUNTS (default 10000), SEED (default 1), BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

ACCOUNTS=${ACCOUNTS:-10000}
SEED=${SEED:-1}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/rapport-bench}
PROF_TARGET=$WORK/target-profile
mkdir -p "$WORK"

echo "building a profiling binary (frame pointers, line tables) in $PROF_TARGET..." >&2
CARGO_TARGET_DIR=$PROF_TARGET CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
  CARGO_PROFILE_RELEASE_STRIP=false RUSTFLAGS="-C force-frame-pointers=yes" \
  cargo build --release --quiet --bin rapport --example gen-portfolio
BIN=$PROF_TARGET/release/rapport
GEN=$PROF_TARGET/release/examples/gen-portfolio

use_perf=1
if ! command -v perf >/dev/null 2>&1 || ! perf record -q -o /dev/null -- true >/dev/null 2>&1; then
  use_perf=0
  echo "perf cannot record here: using valgrind --tool=callgrind on 500 accounts" >&2
  ACCOUNTS=500
fi

ws=$WORK/profile-portfolio-$ACCOUNTS-seed$SEED
"$GEN" --accounts "$ACCOUNTS" --seed "$SEED" --out "$ws" >&2
as_of=$(sed -n 's/^anchor=//p' "$ws/.gen-portfolio")
# A new output folder each time: deleting a large tree just before writing one makes
# file creation much slower on some filesystems (see bench/README.md).
out=$WORK/profile-site-$(date +%s)

if [ "$use_perf" = 1 ]; then
  data=$WORK/perf-$ACCOUNTS.data
  perf record -F 499 -g -o "$data" -- "$BIN" build "$ws" --out "$out" --as-of "$as_of" --no-history >&2
  echo
  echo "self time by category ($ACCOUNTS accounts):"
  perf report -i "$data" --no-children --sort sym --stdio -g none 2>/dev/null | python3 bench/perf-categories.py
  echo
  echo "heaviest functions (self):"
  perf report -i "$data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' | grep '%' | head -25
  echo
  echo "rapport functions with children (inclusive):"
  perf report -i "$data" --children --sort sym --stdio -g none 2>/dev/null | grep -E 'rapport::|tera::tera::Tera::render|AhoCorasick::new' | head -25
  echo "(perf data: $data; perf report -i $data)"
else
  data=$WORK/callgrind-$ACCOUNTS.out
  valgrind --tool=callgrind --callgrind-out-file="$data" "$BIN" build "$ws" --out "$out" --as-of "$as_of" --no-history >&2
  callgrind_annotate --inclusive=yes "$data" | head -60
fi
rm -rf "$out"

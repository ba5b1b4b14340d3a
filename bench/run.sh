#!/usr/bin/env bash
# rapport's build benchmark: how cost grows with the size of a portfolio.
#
#   bench/run.sh                       # 1,000, 5,000 and 10,000 accounts, 3 timed runs each
#   SIZES="1000 2000" RUNS=5 bench/run.sh
#   HUGO_COMPARE=1 SHARED_BENCH=DIR bench/run.sh   # also rapport vs Hugo with the comparison kit
#
# For each size it generates a portfolio with examples/gen-portfolio.rs (cached between
# runs), builds it with `rapport build --no-history` under GNU time (/usr/bin/time -v)
# into a fresh output folder, and prints a table of medians: accounts, files written,
# wall time, CPU time (user + sys), peak RSS, and the write floor (the time this machine
# needs just to write the same files, measured two ways: rapport's own parallel writer
# pattern with the bytes already in memory, and a single-threaded `cp -r` of the site).
#
# Needs GNU time at /usr/bin/time: Debian's `time` package. When it is missing and the
# script runs as root, it installs it with apt-get (say no by installing it yourself).
#
# Environment: SIZES (default "1000 5000 10000"), RUNS (timed runs per size after one
# warm-up, default 3), SEED (default 1), BENCH_DIR (binaries, portfolios and logs, default
# ${TMPDIR:-/tmp}/rapport-bench), OUT_DIR (where sites are written, default
# $BENCH_DIR/out; /dev/shm/rapport-bench measures without the disk), HUGO_COMPARE,
# SHARED_BENCH (the comparison kit's folder: gen.py and hugo-peer.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

SIZES=${SIZES:-"1000 5000 10000"}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/rapport-bench}
TIME=/usr/bin/time

if ! "$TIME" -v true >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "GNU time is missing: installing Debian's 'time' package (apt-get install time)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y time >/dev/null ||
      { apt-get update -y >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y time >/dev/null; }
  else
    echo "needs GNU time at $TIME: install Debian's 'time' package (apt-get install time)" >&2
    exit 2
  fi
fi

mkdir -p "$WORK/bin"
echo "building release binaries..." >&2
cargo build --release --quiet --bin rapport --example gen-portfolio
# Private copies: another cargo build in this tree must not swap the binary mid-run.
cp target/release/rapport "$WORK/bin/rapport"
cp target/release/examples/gen-portfolio "$WORK/bin/gen-portfolio"
RAPPORT=$WORK/bin/rapport
GEN=$WORK/bin/gen-portfolio
gen_key=$(cksum <"$GEN" | cut -d' ' -f1)

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print 0; else print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Seconds from GNU time's "h:mm:ss" or "m:ss.ss".
wall_seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }
cpu_seconds() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$1"; }
peak_kib() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

# Generates (or reuses) the portfolio of $1 accounts; prints its path.
portfolio() {
  local n=$1 ws="$WORK/portfolio-$1-seed$SEED"
  local key="$gen_key $n $SEED"
  if [ "$(cat "$ws/.bench-key" 2>/dev/null)" != "$key" ]; then
    "$GEN" --accounts "$n" --seed "$SEED" --out "$ws" >&2
    echo "$key" >"$ws/.bench-key"
  fi
  echo "$ws"
}

# Each build and floor writes into a folder that never existed, and nothing is deleted
# until the end: on ext4 without a journal (this project's machines), creating files in
# the minutes after a large delete is several times slower (see bench/README.md). On
# tmpfs (OUT_DIR=/dev/shm/...) outputs are deleted as soon as they are measured instead.
OUT=${OUT_DIR:-$WORK/out}
mkdir -p "$OUT"
OUT=$(mktemp -d "$OUT/run-XXXXXX")
on_tmpfs=0
[ "$(stat -f -c %T "$OUT")" = tmpfs ] && on_tmpfs=1
done_with() { if [ "$on_tmpfs" = 1 ]; then rm -rf "$@"; fi; }
trap 'rm -rf "$OUT"' EXIT

rows=()
for n in $SIZES; do
  ws=$(portfolio "$n")
  as_of=$(sed -n 's/^anchor=//p' "$ws/.gen-portfolio")
  echo "== $n accounts (load average: $(cut -d' ' -f1-3 /proc/loadavg)), output in $OUT" >&2
  "$RAPPORT" build "$ws" --out "$OUT/warm-$n" --as-of "$as_of" --no-history >/dev/null 2>&1 # warm-up
  done_with "$OUT/warm-$n"
  walls=() cpus=() rsss=()
  for run in $(seq "$RUNS"); do
    out="$OUT/site-$n-$run"
    sync
    log="$WORK/time-$n-$run.log"
    if ! "$TIME" -v -o "$log" "$RAPPORT" build "$ws" --out "$out" --as-of "$as_of" --no-history >/dev/null 2>"$WORK/build-$n.err"; then
      cat "$WORK/build-$n.err" >&2
      exit 1
    fi
    walls+=("$(wall_seconds "$log")") cpus+=("$(cpu_seconds "$log")") rsss+=("$(peak_kib "$log")")
    echo "   run $run: wall ${walls[-1]} s, cpu ${cpus[-1]} s, peak RSS $((rsss[-1] / 1024)) MiB" >&2
    [ "$run" = "$RUNS" ] || done_with "$out"
  done
  files=$(find "$out" -type f | wc -l)
  # The write floor: our writer with the bytes in memory, then cp -r (once each).
  sync
  floor=$("$GEN" --write-floor-from "$out" --out "$OUT/floor-$n" | cut -d' ' -f3)
  done_with "$OUT/floor-$n"
  sync
  cpfloor=$("$TIME" -f '%e' cp -r "$out" "$OUT/cp-$n" 2>&1 >/dev/null | tail -1)
  done_with "$OUT/cp-$n" "$out"
  echo "   floor: write ${floor} s, cp -r ${cpfloor} s" >&2
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  rss=$(printf '%s\n' "${rsss[@]}" | median)
  rows+=("$n $files $wall $cpu $rss $floor $cpfloor")
done

echo
echo "rapport build --no-history into $(stat -f -c %T "$OUT"), medians of $RUNS runs on $(nproc) cores ($(date -u +%Y-%m-%d), seed $SEED)"
printf '%9s %8s %8s %8s %9s %11s %9s %9s %8s\n' accounts files wall_s cpu_s rss_MiB ms/account floor_s cp_r_s wall/floor
for row in "${rows[@]}"; do
  set -- $row
  awk -v n="$1" -v f="$2" -v w="$3" -v c="$4" -v r="$5" -v fl="$6" -v cp="$7" 'BEGIN {
    printf "%9d %8d %8.2f %8.2f %9.0f %11.2f %9.2f %9.2f %8.1f\n", n, f, w, c, r / 1024, 1000 * w / n, fl, cp, (fl > 0 ? w / fl : 0) }'
done
echo "floor_s: the same files written from memory the way rapport writes them (parallel); cp_r_s: cp -r of the site."

if [ "${HUGO_COMPARE:-0}" = 1 ]; then
  bash bench/hugo-compare.sh
fi

#!/usr/bin/env bash
# How long `rapport serve` takes to put an edited account's page on disk.
#
#   bench/serve-latency.sh                 # 10,000 accounts, 20 edits
#   ACCOUNTS=1000 EDITS=10 bench/serve-latency.sh
#
# Copies a generated portfolio (examples/gen-portfolio.rs) to a scratch folder, starts
# `rapport serve` on it, waits for the first full build, then runs bench/serve-latency.py:
# each edit rewrites one account file's `name:` and times the write -> new account page
# on disk, and the write -> new portfolio.json. Stops the server at the end.
#
# Environment: ACCOUNTS (default 10000), EDITS (default 20), SEED (default 1), PORT
# (default 8911), BENCH_DIR (default ${TMPDIR:-/tmp}/rapport-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

ACCOUNTS=${ACCOUNTS:-10000}
EDITS=${EDITS:-20}
SEED=${SEED:-1}
PORT=${PORT:-8911}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/rapport-bench}
mkdir -p "$WORK"

echo "building release binaries..." >&2
cargo build --release --quiet --bin rapport --example gen-portfolio
ws=$WORK/serve-portfolio-$ACCOUNTS
out=$WORK/serve-site-$ACCOUNTS
rm -rf "$ws" "$out"
target/release/examples/gen-portfolio --accounts "$ACCOUNTS" --seed "$SEED" --out "$ws" >&2
as_of=$(sed -n 's/^anchor=//p' "$ws/.gen-portfolio")

target/release/rapport serve "$ws" --out "$out" --as-of "$as_of" --port "$PORT" >"$WORK/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
echo "waiting for the first build of $ACCOUNTS accounts..." >&2
until [ -f "$out/internal/portfolio.json" ]; do
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$WORK/serve.log" >&2
    exit 1
  fi
  sleep 0.5
done
sleep 2 # let the watcher settle after the first build
python3 bench/serve-latency.py "$ws" "$out" "$EDITS"

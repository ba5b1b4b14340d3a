#!/usr/bin/env bash
# Fails when a package in rapport's dependency graph declares a higher `rust-version` than
# rapport's own (package.rust-version in Cargo.toml), printing each such package and how it is
# reached; also fails when rapport declares no rust-version. Ours must be the oldest Rust that
# can build rapport, so it can be no lower than any dependency's.
#
# Which packages count: everything that `cargo build` or `cargo test` of rapport compiles, on
# any platform (no --filter-platform: the promise holds for every target, Windows and macOS
# dependencies included):
#   - normal and build dependencies, transitively;
#   - rapport's own dev-dependencies and what they pull in. They count because CI runs
#     `cargo test` and a contributor on the declared toolchain must be able to as well; the
#     dev-dependencies of dependencies are never built and do not count.
# Packages that declare no rust-version are not checked (nothing to compare).
#
# Reads Cargo.lock as it is (--locked). Needs cargo and python3.
# Usage: scripts/check-rust-version.sh
set -euo pipefail
cd "$(dirname "$0")/.."

meta=$(mktemp "${TMPDIR:-/tmp}/rapport-metadata.XXXXXX")
trap 'rm -f "$meta"' EXIT
cargo metadata --format-version 1 --locked >"$meta"

python3 - "$meta" <<'EOF'
import json
import sys
from collections import deque

with open(sys.argv[1], encoding="utf-8") as f:
    meta = json.load(f)

packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root_id = meta["resolve"]["root"]
if root_id is None:
    sys.exit("rust-version check: no root package in `cargo metadata` (run from the crate)")
root = packages[root_id]


def parse(version):
    """'1.91' or '1.91.0' -> (1, 91, 0)."""
    parts = [int(x) for x in version.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


ours = root.get("rust_version")


def kinds(dep):
    return {k["kind"] for k in dep["dep_kinds"]}


# Breadth first from the root, remembering how each package was first reached.
parent = {root_id: None}
queue = deque([root_id])
while queue:
    pid = queue.popleft()
    for dep in nodes[pid]["deps"]:
        allowed = {None, "build", "dev"} if pid == root_id else {None, "build"}
        if kinds(dep) & allowed and dep["pkg"] not in parent:
            parent[dep["pkg"]] = pid
            queue.append(dep["pkg"])


def label(pid):
    p = packages[pid]
    return f"{p['name']} {p['version']}"


def path(pid):
    chain = []
    while pid is not None:
        chain.append(packages[pid]["name"])
        pid = parent[pid]
    return " -> ".join(reversed(chain))


declared = [
    (parse(packages[pid]["rust_version"]), pid)
    for pid in parent
    if pid != root_id and packages[pid].get("rust_version")
]
highest_key = max((key for key, _ in declared), default=None)
highest = [pid for key, pid in declared if key == highest_key]
highest_text = packages[highest[0]]["rust_version"] if highest else "none"
names = ", ".join(label(pid) for pid in highest)

if not ours:
    print(
        f"rust-version check: FAIL: {root['name']} declares no rust-version. Add "
        f'`rust-version = "{highest_text}"` under [package] in Cargo.toml: the highest '
        f"declared in its dependency graph ({names}).",
        file=sys.stderr,
    )
    sys.exit(1)

ours_key = parse(ours)
offenders = sorted(
    ((key, pid) for key, pid in declared if key > ours_key),
    key=lambda t: (t[0], packages[t[1]]["name"]),
    reverse=True,
)
if offenders:
    print(
        f"rust-version check: FAIL: {root['name']} declares rust-version {ours}, but "
        f"{len(offenders)} package(s) in its dependency graph need a newer Rust:",
        file=sys.stderr,
    )
    for _, pid in offenders:
        print(
            f"  {label(pid)} declares rust-version {packages[pid]['rust_version']} "
            f"({path(pid)})",
            file=sys.stderr,
        )
    print(
        f'Raise rust-version in Cargo.toml to "{highest_text}", or keep those packages at '
        "older versions in Cargo.lock.",
        file=sys.stderr,
    )
    sys.exit(1)

print(
    f"rust-version check: ok: {root['name']} declares {ours}; the highest of the "
    f"{len(parent) - 1} packages it builds with is {highest_text} ({names}); "
    f"{len(declared)} declare one"
)
EOF

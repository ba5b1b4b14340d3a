#!/usr/bin/env python3
"""Latency of `rapport serve` from the write of one account file to the new page on disk.

usage: serve-latency.py WORKSPACE OUT EDITS [ACCOUNT_IDS...]

With `rapport serve WORKSPACE --out OUT` running, renames EDITS accounts one after the
other (spread over the portfolio, or the ids given) by rewriting their `name:` line, and
measures from the write to (1) the account page on disk holding the new name and (2)
`portfolio.json` holding it. Prints one line per edit and the medians. bench/serve-latency.sh
sets everything up.
"""
import os
import re
import statistics
import sys
import time

ws, out, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids = sys.argv[4:]
if not ids:
    names = sorted(os.listdir(os.path.join(ws, "accounts")))
    step = max(1, len(names) // edits)
    ids = [n.rsplit(".", 1)[0] for n in names[::step]][:edits]

def wait_for(path, needle, t0, timeout=30.0):
    last = None
    while True:
        try:
            st = os.stat(path)
            key = (st.st_ino, st.st_mtime_ns, st.st_size)
            if key != last:
                last = key
                with open(path, "rb") as f:
                    if needle in f.read():
                        return (time.perf_counter() - t0) * 1000
        except FileNotFoundError:
            pass
        if time.perf_counter() - t0 > timeout:
            return float("nan")
        time.sleep(0.0005)

page_ms, json_ms = [], []
for k in range(edits):
    acc = ids[k % len(ids)]
    path = os.path.join(ws, "accounts", acc + ".yaml")
    text = open(path, encoding="utf-8").read()
    new_name = f"Renamed {k} {int(time.time())}"
    new = re.sub(r"(?m)^name: .*$", "name: " + new_name, text, count=1)
    needle = new_name.encode()
    t0 = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    page = wait_for(os.path.join(out, "internal/accounts", acc, "index.html"), needle, t0)
    js = wait_for(os.path.join(out, "internal/portfolio.json"), needle, t0)
    page_ms.append(page)
    json_ms.append(js)
    print(f"{acc}: account page {page:.1f} ms, portfolio.json {js:.1f} ms", flush=True)
    time.sleep(1.0)

print(f"median over {edits}: account page {statistics.median(page_ms):.1f} ms, "
      f"portfolio.json {statistics.median(json_ms):.1f} ms; "
      f"min {min(page_ms):.1f} / max {max(page_ms):.1f} ms")

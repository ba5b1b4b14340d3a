#!/usr/bin/env python3
"""Sums a perf profile's self time by what the code is for (bench/profile.sh uses it).

Usage:  perf report -i perf.data --no-children --sort sym --stdio -g none | bench/perf-categories.py

Each symbol goes to the first category whose pattern it contains; the table lists each
category's share of all samples and its three heaviest symbols.
"""

import re
import sys

# (category, substrings): first match wins, so the specific ones come first.
CATEGORIES = [
    ("kernel: ext4 inode allocation (file create)", [
        "recently_deleted", "find_inode_bit", "find_get_block_common", "ext4_get_group_desc",
        "__ext4_new_inode", "_find_next_zero_bit"]),
    ("kernel: other (write, page cache, faults, unlink)", ["[k] "]),
    ("YAML parse (serde-saphyr, granit)", ["serde_saphyr", "granit_parser", "rapport::yaml", "rapport::load"]),
    ("validate", ["rapport::validate", "strsim"]),
    ("analyze", ["rapport::analyze"]),
    ("tera rendering", ["tera::"]),
    ("markdown (pulldown-cmark)", ["pulldown_cmark", "rapport::render::markdown", "escape_markdown_text", "md_filter", "md_cell_filter"]),
    ("HTML sanitizer (ammonia, html5ever)", ["ammonia", "html5ever", "markup5ever", "tendril", "string_cache", "maplit"]),
    ("leak guard: HTML tokenizer (html5gum)", ["html5gum"]),
    ("leak guard: automaton build and search (aho-corasick)", ["aho_corasick"]),
    ("leak guard: text normalising (visible_text etc.)", ["rapport::leak"]),
    ("view models + serde_json::Value", ["rapport::view", "serde_json::value", "serde_core::ser", "serde::ser", "serde_json::map"]),
    ("serde_json text output", ["serde_json::ser"]),
    ("BTreeMap build/clone/drop (tera contexts, JSON maps)", ["btree"]),
    ("allocator (malloc/free)", ["malloc", "je_", "jemalloc", "tcache", "arena_", "cfree", "_int_free", "unlink_chunk", "realloc", "__libc_free", "sysmalloc", "alloc::raw_vec", "__rust_dealloc", "__rust_alloc"]),
    ("memcpy/memcmp/memmove", ["__mem", "memcpy", "memmove", "memcmp"]),
    ("string and formatting (core::str, fmt)", ["core::str", "alloc::str", "core::fmt", "alloc::fmt", "to_lowercase", "alloc::string"]),
    ("rayon scheduling", ["rayon", "crossbeam"]),
]

LINE = re.compile(r"^\s*([0-9.]+)%\s+(.*)$")


def main():
    totals = {}
    top = {}
    for line in sys.stdin:
        m = LINE.match(line)
        if not m or line.lstrip().startswith("#"):
            continue
        share, symbol = float(m.group(1)), m.group(2).strip()
        category = "other"
        for name, patterns in CATEGORIES:
            if any(p in symbol for p in patterns):
                category = name
                break
        totals[category] = totals.get(category, 0.0) + share
        top.setdefault(category, []).append((share, symbol))
    width = max((len(c) for c in totals), default=10)
    for category, share in sorted(totals.items(), key=lambda kv: -kv[1]):
        heaviest = sorted(top[category], reverse=True)[:3]
        names = "; ".join("%s %.1f%%" % (re.sub(r"^\[[.k]\]\s*", "", s)[:60], p) for p, s in heaviest)
        print("%6.1f%%  %-*s  %s" % (share, width, category, names))


if __name__ == "__main__":
    main()

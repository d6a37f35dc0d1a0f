#!/bin/sh
# bench-journal.sh — an edit with its journal entry against the same edit
# without it (spec/evidence.md §2; issue 11: ≤ 1.2×), interleaved in the same
# run, on the demo case and on the large demo case (its history about 26 000
# entries). A benchmark run by hand, not a test:
#
#   tests/bench/bench-journal.sh [BUILD_DIR [RUNS]]     (default: build, 200)
#
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
runs=${2:-200}
recourse=$build/src/recourse
bench=$build/tests/store/bench-journal
[ -x "$recourse" ] && [ -x "$bench" ] || {
  echo "bench-journal: build first: ninja -C $build src/recourse tests/store/bench-journal" >&2
  exit 2
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$recourse" demo --as-of 2026-01-01 -o "$tmp/small.recourse" >/dev/null
"$recourse" demo --large --as-of 2026-01-01 -o "$tmp/large.recourse" >/dev/null
for size in small large; do
  entries=$(sqlite3 "$tmp/$size.recourse" "SELECT count(*) FROM journal" 2>/dev/null || echo "?")
  echo "== $size demo case ($entries journal entries)"
  "$bench" "$tmp/$size.recourse" "$runs"
done

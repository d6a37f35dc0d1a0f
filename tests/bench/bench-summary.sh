#!/bin/sh
# bench-summary.sh — whole-process `recourse summary` on the large demo case and
# on cases 10× and 100× as long, to show the cost grows linearly.
# A benchmark run by hand, not a test:
#
#   tests/bench/bench-summary.sh [BUILD_DIR]     (default: build)
#
# Uses hyperfine when installed, else repeated runs timed with date.
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
recourse=$build/src/recourse
scale=$build/tests/bench/bench-summary-scale
for f in "$recourse" "$scale"; do
  [ -x "$f" ] || { echo "bench-summary: build first: ninja -C $build src/recourse tests/bench/bench-summary-scale" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A fixed date makes the case the same on every run.
"$recourse" demo --large --as-of 2026-01-01 -o "$tmp/large.recourse" >/dev/null

for factor in 1 10 100; do
  as_of=$("$scale" scale "$tmp/large.recourse" "$factor" "$tmp/x$factor.recourse")
  echo "== ${factor}× as long (as of $as_of)"
  # The engine alone (case loaded once), then the whole process.
  "$scale" compute "$tmp/x$factor.recourse" "$as_of" $((200 / factor + 3))
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --min-runs 10 --style basic \
      "$recourse summary $tmp/x$factor.recourse --as-of $as_of --json" \
      "$recourse summary $tmp/x$factor.recourse --as-of $as_of" 2>&1 |
      grep -E 'Benchmark|Time \(mean'
  else
    start=$(date +%s%N)
    for i in 1 2 3 4 5 6 7 8 9 10; do
      "$recourse" summary "$tmp/x$factor.recourse" --as-of "$as_of" --json >/dev/null
    done
    end=$(date +%s%N)
    echo "summary --json: $(( (end - start) / 10000000 )) ms per run"
  fi
done

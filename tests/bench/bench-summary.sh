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

run () {  # run RUNS COMMAND…: mean wall time of whole processes
  runs=$1; shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 2 --runs "$runs" --style basic "$*" 2>&1 | grep -E 'Time \(mean'
  else
    start=$(date +%s%N)
    i=0
    while [ $i -lt "$runs" ]; do "$@" >/dev/null; i=$((i + 1)); done
    end=$(date +%s%N)
    echo "  Time (mean): $(( (end - start) / runs / 1000000 )) ms"
  fi
}

echo "== process floor: recourse --version"
run 20 "$recourse" --version
echo "== large demo case, as is (18 years, 20 000 payments, 5 000 communications)"
"$scale" compute "$tmp/large.recourse" 2026-01-01 50
echo "-- summary --json"
run 20 "$recourse" summary "$tmp/large.recourse" --as-of 2026-01-01 --json
echo "-- summary (text)"
run 20 "$recourse" summary "$tmp/large.recourse" --as-of 2026-01-01

# Terms, charges and payments repeated 1, 10, 100 times one after the other
# (communications are left out: the engine does not read them).
for factor in 1 10 100; do
  as_of=$("$scale" scale "$tmp/large.recourse" "$factor" "$tmp/x$factor.recourse")
  echo "== ${factor}× as long (as of $as_of)"
  "$scale" compute "$tmp/x$factor.recourse" "$as_of" $((100 / factor + 2))
  echo "-- summary --json"
  run $((20 / factor + 3)) "$recourse" summary "$tmp/x$factor.recourse" --as-of "$as_of" --json
done

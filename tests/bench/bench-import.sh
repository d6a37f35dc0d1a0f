#!/bin/sh
# bench-import.sh — what the import layer costs (spec/import.md), measured in
# one run. A benchmark run by hand, not a test:
#
#   tests/bench/bench-import.sh [BUILD_DIR]     (default: build)
#
# 1. A verb's start: the readers' libraries (libofx with OpenSP and libstdc++,
#    GMime with gpgme, libxml2, nettle) are linked into `recourse`. Their
#    load time is measured as two empty programs, one linked with them, and
#    set against `recourse summary` on the demo case (50 runs each).
# 2. 10 000 statement rows imported, reading to commit (target: under 1 s),
#    and the same file again (all already in the case).
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
recourse=$build/src/recourse
[ -x "$recourse" ] || { echo "bench-import: build first: ninja -C $build" >&2; exit 2; }
cc=${CC:-cc}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ms_per_run () {  # ms_per_run RUNS COMMAND…: mean wall time, in microseconds
  runs=$1; shift
  start=$(date +%s%N)
  i=0
  while [ "$i" -lt "$runs" ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000 ))
}

echo 'int main (void) { return 0; }' > "$tmp/empty.c"
"$cc" -o "$tmp/bare" "$tmp/empty.c"
# shellcheck disable=SC2046
"$cc" -o "$tmp/linked" "$tmp/empty.c" -Wl,--no-as-needed \
  $(pkg-config --libs libofx gmime-3.0 libxml-2.0 nettle)

"$recourse" demo --as-of 2026-01-01 -o "$tmp/demo.recourse" >/dev/null
for warm in 1 2 3; do "$recourse" summary "$tmp/demo.recourse" --as-of 2026-01-01 >/dev/null; done

echo "== 1. a verb's start (50 runs each, interleaved twice)"
bare=0; linked=0; summary=0
for round in 1 2; do
  bare=$((bare + $(ms_per_run 50 "$tmp/bare")))
  linked=$((linked + $(ms_per_run 50 "$tmp/linked")))
  summary=$((summary + $(ms_per_run 50 "$recourse" summary "$tmp/demo.recourse" --as-of 2026-01-01)))
done
bare=$((bare / 2)); linked=$((linked / 2)); summary=$((summary / 2))
cost=$((linked - bare))
echo "  empty program:                   $bare us"
echo "  empty program + readers' libs:   $linked us"
echo "  recourse summary (demo case):    $summary us"
echo "  the libraries' load time:        $cost us = $((cost * 1000 / summary / 10)).$((cost * 1000 / summary % 10)) % of summary (target: under 5 %)"

echo "== 2. 10 000 statement rows (preview to commit; target under 1 s)"
{
  echo "Date,Description,Amount"
  i=0
  while [ $i -lt 10000 ]; do
    d=$((i % 28 + 1)); m=$(( (i / 28) % 12 + 1 )); y=$((2010 + i / 336))
    printf '%02d/%02d/%d,ZELLE FROM OTHER PARENT %d,%d.%02d\n' "$m" "$d" "$y" "$i" $((100 + i % 900)) $((i % 100))
    i=$((i + 1))
  done
} > "$tmp/statement.csv"
cp "$tmp/demo.recourse" "$tmp/import.recourse"
first=$(ms_per_run 1 "$recourse" import-payments "$tmp/import.recourse" "$tmp/statement.csv")
again=$(ms_per_run 1 "$recourse" import-payments "$tmp/import.recourse" "$tmp/statement.csv")
dry=$(ms_per_run 1 "$recourse" import-payments "$tmp/demo.recourse" "$tmp/statement.csv" --dry-run)
"$recourse" import-payments "$tmp/import.recourse" "$tmp/statement.csv" | sed 's/^/  second run says: /'
echo "  import, 10 000 new:              $((first / 1000)) ms ($((first / 10000)) % of the 1 s target)"
if [ -x /usr/bin/time ]; then
  # The CPU time too: on a loaded machine the wall time waits for a core.
  cp "$tmp/demo.recourse" "$tmp/cpu.recourse"
  /usr/bin/time -f "  import, 10 000 new, CPU time:    %U s user + %S s system (wall %e s; load: $(cut -d' ' -f1 /proc/loadavg))" \
    "$recourse" import-payments "$tmp/cpu.recourse" "$tmp/statement.csv" >/dev/null
fi
echo "  import again, 10 000 already in: $((again / 1000)) ms"
echo "  --dry-run, 10 000 new:           $((dry / 1000)) ms"

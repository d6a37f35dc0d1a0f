#!/bin/sh
# bench-import.sh — what the import layer costs (spec/import.md), measured in
# one run. A benchmark run by hand, not a test:
#
#   tests/bench/bench-import.sh [BUILD_DIR]     (default: build)
#
# 1. A verb's start: the readers' libraries (libofx with OpenSP and libstdc++,
#    GMime with gpgme, libxml2, nettle) are a module recourse opens only to
#    read a file. `recourse summary` on the demo case as built, and with those
#    libraries preloaded — what linking them into the executable would cost.
# 2. 10 000 statement rows imported, reading to commit (target: under 1 s),
#    and the same file again (all already in the case).
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
recourse=$build/src/recourse
[ -x "$recourse" ] || { echo "bench-import: build first: ninja -C $build" >&2; exit 2; }

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

"$recourse" demo --as-of 2026-01-01 -o "$tmp/demo.recourse" >/dev/null
for warm in 1 2 3; do "$recourse" summary "$tmp/demo.recourse" --as-of 2026-01-01 >/dev/null; done

# The readers' libraries as the linker would load them, by their sonames.
preload=""
for lib in libofx.so.7 libgmime-3.0.so.0 libxml2.so.2 libnettle.so.8; do
  path=$(/sbin/ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
  [ -n "$path" ] && preload="$preload $path"
done

echo "== 1. a verb's start: recourse summary on the demo case (4 rounds of 25, interleaved)"
echo "  recourse loads: $(ldd "$recourse" | grep -cE 'ofx|gmime|libxml2|nettle|osp') of the readers' libraries (the readers are $build/src/librecourse-import.so)"
plain=0; linked=0
for round in 1 2 3 4; do
  plain=$((plain + $(ms_per_run 25 env "$recourse" summary "$tmp/demo.recourse" --as-of 2026-01-01)))
  linked=$((linked + $(ms_per_run 25 env LD_PRELOAD="$preload" "$recourse" summary "$tmp/demo.recourse" --as-of 2026-01-01)))
done
plain=$((plain / 4)); linked=$((linked / 4))
cost=$((linked - plain))
echo "  as built (readers in the module):           $plain us"
echo "  as if linked (their libraries preloaded):   $linked us"
echo "  what linking them would cost:               $cost us = $((cost * 1000 / plain / 10)).$((cost * 1000 / plain % 10)) % (the brief: module if over 5 %)"

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
# Three fresh copies, the median: one run alone can land on another
# program's disk flush.
firsts=""
for round in 1 2 3; do
  cp "$tmp/demo.recourse" "$tmp/import.recourse"
  firsts="$firsts $(ms_per_run 1 "$recourse" import-payments "$tmp/import.recourse" "$tmp/statement.csv")"
done
first=$(printf '%s\n' $firsts | sort -n | sed -n 2p)
echo "  import, 10 000 new, three runs:  $(for f in $firsts; do printf '%s ms ' $((f / 1000)); done)"
again=$(ms_per_run 1 "$recourse" import-payments "$tmp/import.recourse" "$tmp/statement.csv")
dry=$(ms_per_run 1 "$recourse" import-payments "$tmp/demo.recourse" "$tmp/statement.csv" --dry-run)
"$recourse" import-payments "$tmp/import.recourse" "$tmp/statement.csv" | sed 's/^/  second run says: /'
echo "  import, 10 000 new, median:      $((first / 1000)) ms ($((first / 10000)) % of the 1 s target)"
if [ -x /usr/bin/time ]; then
  # The CPU time too: on a loaded machine the wall time waits for a core.
  cp "$tmp/demo.recourse" "$tmp/cpu.recourse"
  /usr/bin/time -f "  import, 10 000 new, CPU time:    %U s user + %S s system (wall %e s; load: $(cut -d' ' -f1 /proc/loadavg))" \
    "$recourse" import-payments "$tmp/cpu.recourse" "$tmp/statement.csv" >/dev/null
fi
echo "  import again, 10 000 already in: $((again / 1000)) ms"
echo "  --dry-run, 10 000 new:           $((dry / 1000)) ms"

echo "== 3. the window's import of the same 10 000 rows, through the session (no widgets)"
session_bench=$build/tests/bench/bench-import-session
if [ -x "$session_bench" ]; then
  cp "$tmp/demo.recourse" "$tmp/session.recourse"
  "$session_bench" "$tmp/session.recourse" "$tmp/statement.csv"
else
  echo "  (build $session_bench first)"
fi

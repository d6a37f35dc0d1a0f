#!/bin/sh
# bench-add-payment.sh — what adding one payment costs in the window on the
# large demo case, against the engine alone and a 60 Hz frame. A benchmark
# run by hand, not a test:
#
#   tests/bench/bench-add-payment.sh [BUILD_DIR] [RUNS]     (default: build 20)
#
# Under Xvfb with the cairo renderer, the window open on the Payments page,
# then on the Overview, adds one payment RUNS times (undoing it in between)
# and reports the medians: "add" is rec_case_session_add() (the store's
# transaction, the engine, every page's refresh), "frame" runs from the add
# to the end of the frame that shows it; wall-clock time, then the process's
# CPU time (less disturbed by a busy machine). Target: frame ≤ 2 frames
# (33.3 ms).
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
runs=${2:-20}
bench=$build/tests/bench/bench-add-payment
recourse=$build/src/recourse
for f in "$bench" "$recourse"; do
  [ -x "$f" ] || { echo "bench-add-payment: build first: ninja -C $build src/recourse tests/bench/bench-add-payment" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$recourse" demo --large -o "$tmp/large.recourse" >/dev/null

export GSETTINGS_BACKEND=memory GTK_A11Y=none GSK_RENDERER=cairo NO_AT_BRIDGE=1
export XDG_DATA_HOME="$tmp/data"

echo "large demo case, median of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-16s %10s %10s %10s %14s %14s\n' page engine-ms add-ms frame-ms frame/engine frame/16.7ms
for page in payments overview; do
  xvfb-run -a -s '-screen 0 1280x800x24' "$bench" "$tmp/large.recourse" "$page" "$runs" \
    >"$tmp/out" 2>&1 || { cat "$tmp/out" >&2; exit 1; }
  for clock in "" cpu-; do
    engine=$(sed -n "s/^engine-${clock}ms //p" "$tmp/out")
    add=$(sed -n "s/^add-${clock}ms //p" "$tmp/out")
    frame=$(sed -n "s/^frame-${clock}ms //p" "$tmp/out")
    [ -n "$engine" ] && [ -n "$add" ] && [ -n "$frame" ] || { cat "$tmp/out" >&2; exit 1; }
    printf '%-16s %10s %10s %10s %13.2f× %13.2f×\n' "$page${clock:+ (cpu)}" "$engine" "$add" \
      "$frame" "$(echo "$frame / $engine" | bc -l)" "$(echo "$frame / 16.7" | bc -l)"
  done
done

#!/bin/sh
# bench-attach.sh — a 60 MB scan added to a payment: what the window's main
# thread feels. A benchmark run by hand, not a test:
#
#   tests/bench/bench-attach.sh [BUILD_DIR] [RUNS]     (default: build 5)
#
# The file is read and hashed in a worker thread (rec_case_session_read_
# files_async, what the dialog's Add Files… and a drop call); "stall" is the
# longest the main loop went without running meanwhile, against a 60 Hz
# frame (target: ≤ 1 frame) and against the same loop doing nothing else for
# as long ("idle": what a busy machine costs any program). "attach" is the
# store's transaction on Save (the bytes go into the case file), which holds
# the main thread.
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
runs=${2:-5}
bench=$build/tests/bench/bench-attach
recourse=$build/src/recourse
for f in "$bench" "$recourse"; do
  [ -x "$f" ] || { echo "bench-attach: build first: ninja -C $build src/recourse tests/bench/bench-attach" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$recourse" demo -o "$tmp/case.recourse" >/dev/null
head -c 62914560 /dev/urandom >"$tmp/scan.pdf"

"$bench" "$tmp/case.recourse" "$tmp/scan.pdf" "$runs" >"$tmp/out" 2>&1 || { cat "$tmp/out" >&2; exit 1; }
read=$(sed -n 's/^read-ms //p' "$tmp/out")
stall=$(sed -n 's/^stall-ms //p' "$tmp/out")
idle=$(sed -n 's/^idle-ms //p' "$tmp/out")
attach=$(sed -n 's/^attach-ms //p' "$tmp/out")
echo "60 MiB file, median of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%10s %10s %10s %10s %12s %14s %15s\n' read-ms stall-ms idle-ms attach-ms stall/idle \
  stall/16.7ms attach/16.7ms
printf '%10s %10s %10s %10s %11.2f× %13.2f× %14.2f×\n' "$read" "$stall" "$idle" "$attach" \
  "$(echo "$stall / $idle" | bc -l)" "$(echo "$stall / 16.7" | bc -l)" "$(echo "$attach / 16.7" | bc -l)"

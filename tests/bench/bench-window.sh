#!/bin/sh
# bench-window.sh — time to the first frame and peak memory of the window on
# the large demo case, against an empty AdwApplicationWindow in the same run.
# A benchmark run by hand, not a test:
#
#   tests/bench/bench-window.sh [BUILD_DIR] [RUNS]     (default: build 7)
#
# Each configuration runs RUNS times, interleaved, under Xvfb with the cairo
# renderer; the medians are reported. "first" is the first painted frame,
# "content" the first frame that shows the case (the case loads in a worker
# thread from before GTK's startup; "Opening the Case…" shows only while it
# is not loaded yet); peak RSS comes from /usr/bin/time -v. For a figure that
# does not move with the machine's load, count instructions: BENCH_EXIT=1
# valgrind --tool=callgrind --separate-threads=yes BUILD/tests/bench/bench-window
# CASE under xvfb-run (see bench-window.c); the main thread is the largest
# callgrind.out.*-01. The icon theme is read in a thread: GTK's own read is
# thrown away when GtkApplication and libadwaita add their icon paths, and
# Recourse reads it again in a thread after startup (rec-application.c); the
# --text window, which does not, reads it on the main thread at its first
# icon (about 65 M instructions, gtk_icon_theme_lookup_icon inclusive).
# Fonts race: pango's fontconfig setup runs in a thread of its own and the
# main thread may wait for it or do part of it (up to ~50 M, seen as
# freetype's share under open_path_in_background); run each configuration
# a few times.
# "settled" is the large case kept open until the hidden pages (ledger, log,
# checklist) have loaded in idle time: its RSS is the whole case in memory.
# Target: the large case within 1.3× of the empty window.
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
runs=${2:-7}
bench=$build/tests/bench/bench-window
recourse=$build/src/recourse
for f in "$bench" "$recourse"; do
  [ -x "$f" ] || { echo "bench-window: build first: ninja -C $build src/recourse tests/bench/bench-window" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench-window: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$recourse" demo -o "$tmp/demo.recourse" >/dev/null
"$recourse" demo --large -o "$tmp/large.recourse" >/dev/null

export GSETTINGS_BACKEND=memory GTK_A11Y=none GSK_RENDERER=cairo NO_AT_BRIDGE=1
export XDG_DATA_HOME="$tmp/data"

measure() {   # name args… → appends "first content rss_kb" to $tmp/name
  name=$1; shift
  settle=
  [ "$name" = settled ] && settle=1
  env ${settle:+BENCH_SETTLE=1} xvfb-run -a -s '-screen 0 1280x800x24' \
    /usr/bin/time -v "$bench" "$@" >"$tmp/out" 2>&1 || true
  first=$(sed -n 's/^first-frame-ms //p' "$tmp/out")
  content=$(sed -n 's/^content-frame-ms //p' "$tmp/out")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/out")
  [ -n "$first" ] && [ -n "$content" ] && [ -n "$rss" ] || { cat "$tmp/out" >&2; exit 1; }
  echo "$first $content $rss" >>"$tmp/$name"
}

median() {   # column file
  sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

i=0
while [ $i -lt "$runs" ]; do
  measure empty --empty
  measure text --text
  measure demo "$tmp/demo.recourse"
  measure large "$tmp/large.recourse"
  measure settled "$tmp/large.recourse"
  i=$((i + 1))
done

echo "median of $runs runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-26s %10s %12s %10s\n' configuration first-ms content-ms rss-MB
for name in empty text demo large settled; do
  printf '%-26s %10s %12s %10.1f\n' "$name" "$(median 1 "$tmp/$name")" \
    "$(median 2 "$tmp/$name")" "$(echo "$(median 3 "$tmp/$name") / 1024" | bc -l)"
done
e1=$(median 1 "$tmp/empty"); e3=$(median 3 "$tmp/empty")
l1=$(median 1 "$tmp/large"); l2=$(median 2 "$tmp/large"); l3=$(median 3 "$tmp/large")
s3=$(median 3 "$tmp/settled")
t1=$(median 1 "$tmp/text"); t3=$(median 3 "$tmp/text")
printf 'large / empty: first frame %.2f×, content frame %.2f×, peak RSS %.2f× (settled %.2f×)\n' \
  "$(echo "$l1 / $e1" | bc -l)" "$(echo "$l2 / $e1" | bc -l)" "$(echo "$l3 / $e3" | bc -l)" \
  "$(echo "$s3 / $e3" | bc -l)"
printf 'large / text:  first frame %.2f×, content frame %.2f×, peak RSS %.2f× (settled %.2f×)\n' \
  "$(echo "$l1 / $t1" | bc -l)" "$(echo "$l2 / $t1" | bc -l)" "$(echo "$l3 / $t3" | bc -l)" \
  "$(echo "$s3 / $t3" | bc -l)"

#!/usr/bin/env bash
# bench-report.sh — how fast `recourse report` writes the large demo case's packet
#
#   tests/bench/bench-report.sh [BUILD_DIR] [RUNS]
#
# Whole process, best and median of RUNS (default 7, at least 7), wall clock
# and CPU (user + sys, which a busy machine disturbs less), against:
#   (a) the floor: bench-report-floor, a bare libharu program writing the same
#       number of table rows with the same embedded font, compressed;
#   (b) LibreOffice converting the same rows from CSV to PDF, if installed
#       (apt-get install libreoffice-calc-nogui; the test suite never needs it).
# Targets (DESIGN.md §6): ≤ 1.5 × the floor, ≥ 10 × faster than LibreOffice
# (issue 10: ≤ 1.2 × the floor with the same pages).
# REC_BENCH_INSTRUCTIONS=1 also counts instructions with valgrind (below).
# Fair by construction: each side is one process started the same way
# (/usr/bin/time, output to a file in the same temporary folder), every
# command runs once unmeasured first (page cache and dynamic loader warm),
# and the runs are interleaved — packet, summary, floor, floor with the
# packet's pages, then again — so a change in the machine's load during the
# run falls on all of them alike; the ratios compare the medians (and the
# bests) of the same run. The load average is printed with them.
# Run it by hand; it is not a test.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
runs=${2:-7}
[ "$runs" -ge 7 ] || runs=7
recourse=$build/src/recourse
floor=$build/tests/bench/bench-report-floor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for f in "$recourse" "$floor"; do
  [ -x "$f" ] || { echo "missing $f: build first (ninja -C $build)" >&2; exit 1; }
done

# Prints "WALL CPU" in seconds for one run of the command.
measure() {
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}

# The runs of NAME ("WALL CPU" lines); prints "best_wall median_wall best_cpu median_cpu".
stats() {
  local out=$work/runs-$1
  local m=$(( (runs + 1) / 2 ))
  local walls cpus
  walls=$(cut -d' ' -f1 "$out" | sort -n)
  cpus=$(cut -d' ' -f2 "$out" | sort -n)
  echo "$(head -n1 <<<"$walls") $(sed -n "${m}p" <<<"$walls") $(head -n1 <<<"$cpus") $(sed -n "${m}p" <<<"$cpus")"
}

echo "Writing the large demo case…"
"$recourse" demo --large -o "$work/large.recourse" >/dev/null
as_of=$(date +%F)

"$recourse" report "$work/large.recourse" -o "$work/packet.pdf" --as-of "$as_of"
pages=$(pdfinfo "$work/packet.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
size=$(stat -c %s "$work/packet.pdf")
# Table rows: ledger and log rows start with a date (wrapped lines do not),
# in the packet's numeric form (01/15/2026) or ISO.
rows=$(pdftotext -layout "$work/packet.pdf" - 2>/dev/null \
       | grep -cE '^\s*([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}/[0-9]{2}/[0-9]{4})' || true)
[ "$rows" -gt 0 ] || { echo "no table rows found in the packet" >&2; exit 1; }

"$floor" "$rows" "$work/floor.pdf"
floor_size=$(stat -c %s "$work/floor.pdf")
floor_pages=$(pdfinfo "$work/floor.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
# The packet's rows hold more text (log entries wrap over several lines): a
# second floor with as many pages as the packet shows what that costs.
rows_per_page=$(( (rows + floor_pages - 1) / floor_pages ))
page_rows=$(( pages * rows_per_page ))

# The four commands, each warmed once, then measured interleaved.
run_one() {
  case $1 in
    packet) "${2:-measure}" "$recourse" report "$work/large.recourse" -o "$work/packet.pdf" --as-of "$as_of" ;;
    summary) "${2:-measure}" "$recourse" summary "$work/large.recourse" --as-of "$as_of" --json ;;
    floor) "${2:-measure}" "$floor" "$rows" "$work/floor.pdf" ;;
    floor-pages) "${2:-measure}" "$floor" "$page_rows" "$work/floor-pages.pdf" ;;
  esac
}
quiet() { "$@" >/dev/null 2>&1; }
for name in packet summary floor floor-pages; do
  run_one "$name" quiet
  : >"$work/runs-$name"
done
for _ in $(seq "$runs"); do
  for name in packet summary floor floor-pages; do
    run_one "$name" >>"$work/runs-$name"
  done
done
read -r pw pwm pc pcm < <(stats packet)
read -r sw swm sc scm < <(stats summary)
read -r fw fwm fc fcm < <(stats floor)
read -r gw gwm gc gcm < <(stats floor-pages)

printf '\nRuns: %s, load average: %s\n' "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %9s %9s %9s %9s %9s %7s\n' "" "wall best" "wall med" "cpu best" "cpu med" "bytes" "pages"
printf '%-28s %9s %9s %9s %9s %9s %7s\n' "recourse report (packet)" "$pw" "$pwm" "$pc" "$pcm" "$size" "$pages"
printf '%-28s %9s %9s %9s %9s\n' "  of which reading+computing" "$sw" "$swm" "$sc" "$scm"
printf '%-28s %9s %9s %9s %9s %9s %7s\n' "floor: bare libharu" "$fw" "$fwm" "$fc" "$fcm" "$floor_size" "$floor_pages"
printf '%-28s %9s %9s %9s %9s %9s %7s\n' "floor with the packet's pages" "$gw" "$gwm" "$gc" "$gcm" \
  "$(stat -c %s "$work/floor-pages.pdf")" "$(pdfinfo "$work/floor-pages.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
printf '\nTable rows: %s (floor with the same pages: %s rows)\n' "$rows" "$page_rows"
awk -v a="$pw" -v b="$fw" -v c="$pc" -v d="$fc" \
  'BEGIN { printf "Packet / floor: %.2f × (wall, best), %.2f × (CPU, best); target ≤ 1.5 ×\n", a / b, c / d }'
awk -v a="$pw" -v b="$gw" -v c="$pc" -v d="$gc" \
  'BEGIN { printf "Packet / floor with the same pages: %.2f × (wall, best), %.2f × (CPU, best)\n", a / b, c / d }'
awk -v a="$pwm" -v b="$gwm" -v c="$pcm" -v d="$gcm" \
  'BEGIN { printf "Packet / floor with the same pages: %.2f × (wall, median), %.2f × (CPU, median); target ≤ 1.2 ×\n", a / b, c / d }'
# "reading+computing" is `recourse summary --json`: starting the binary,
# loading the case from SQLite and running the engine, which the floor skips.
awk -v a="$pw" -v s="$sw" -v b="$fw" \
  'BEGIN { printf "Packet without reading+computing / floor: %.2f × (wall, best)\n", (a - s) / b }'

# Instructions executed (valgrind's callgrind), which a busy machine does not
# disturb: REC_BENCH_INSTRUCTIONS=1 (about a minute each).
if [ "${REC_BENCH_INSTRUCTIONS:-0}" = 1 ] && command -v valgrind >/dev/null; then
  # Prints "TOTAL MAIN": all threads, and the main thread alone (the
  # packet's wall time follows its main thread; the verification and half
  # the deflating run on a second one).
  instructions() {
    rm -f "$work"/cg.out*
    valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/cg.out" \
      "$@" >/dev/null 2>&1
    awk '/^totals:/ { total += $2; if (FILENAME ~ /-01$/) main = $2 }
         END { printf "%.0f %.0f\n", total, main }' "$work"/cg.out-*
  }
  read -r pi pm < <(instructions "$recourse" report "$work/large.recourse" -o "$work/packet.pdf" --as-of "$as_of")
  read -r gi gm < <(instructions "$floor" "$page_rows" "$work/floor-pages.pdf")
  awk -v a="$pi" -v b="$gi" \
    'BEGIN { printf "Instructions: packet %.0f, floor with the same pages %.0f: %.3f ×\n", a, b, a / b }'
  awk -v a="$pm" -v b="$gm" \
    'BEGIN { printf "Instructions, main thread: packet %.0f, floor with the same pages %.0f: %.3f ×\n", a, b, a / b }'
fi

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "LibreOffice is not installed: comparison skipped (apt-get install libreoffice-calc-nogui)."
  exit 0
fi

"$floor" "$rows" "$work/unused.pdf" "$work/rows.csv"
export HOME=$work   # a fresh LibreOffice profile, outside the user's
"$soffice" --headless --convert-to pdf --outdir "$work/lo" "$work/rows.csv" >/dev/null 2>&1   # profile warm-up
: >"$work/runs-lo"
for _ in $(seq "$runs"); do
  measure "$soffice" --headless --convert-to pdf --outdir "$work/lo" "$work/rows.csv" >>"$work/runs-lo"
done
read -r lw lwm lc lcm < <(stats lo)
printf '%-28s %9s %9s %9s %9s %9s\n' "LibreOffice CSV → PDF" "$lw" "$lwm" "$lc" "$lcm" "$(stat -c %s "$work/lo/rows.pdf")"
awk -v a="$pw" -v b="$lw" 'BEGIN { printf "LibreOffice / packet: %.1f × (wall, best); target ≥ 10 ×\n", b / a }'

#!/usr/bin/env bash
# bench-exhibits.sh — a packet with 40 photo exhibits (3–4 MB JPEGs each)
#
#   tests/bench/bench-exhibits.sh [BUILD_DIR] [RUNS]
#
# Generates 40 noisy 12-megapixel JPEGs once (kept in BUILD_DIR/bench-photos),
# then writes the packet RUNS times (default 3) with the originals embedded and
# with --no-originals (pages downsampled to 150 dpi), through bench-exhibits
# (the case is built in code: the store does not keep attachments yet).
# Prints the median wall clock and CPU (all threads, user + sys) of the
# snapshot and the writing, and the packet's size.
# Targets (issue 11): ≤ 3 s; ≤ 25 MB with --no-originals.
# Run it by hand; it is not a test.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
runs=${2:-3}
bench=$build/tests/bench/bench-exhibits
photos=$build/bench-photos
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$bench" ] || { echo "missing $bench: build first (ninja -C $build)" >&2; exit 1; }

if [ "$(ls "$photos"/*.jpg 2>/dev/null | wc -l)" -ne 40 ]; then
  echo "Generating 40 photos in $photos…"
  rm -rf "$photos"
  "$bench" --generate "$photos" 40
fi
echo "Photos: 40, $(du -sm "$photos" | cut -f1) MB ($(stat -c %s "$photos"/*.jpg | sort -n | head -n1) to $(stat -c %s "$photos"/*.jpg | sort -n | tail -n1) bytes each)"

# Prints "median_wall median_cpu size".
series() {
  local out=$work/series
  : >"$out"
  for _ in $(seq "$runs"); do "$bench" "$photos" "$work/packet.pdf" "$@" >>"$out"; done
  local m=$(( (runs + 1) / 2 ))
  echo "$(cut -d' ' -f1 "$out" | sort -n | sed -n "${m}p") $(cut -d' ' -f2 "$out" | sort -n | sed -n "${m}p") $(cut -d' ' -f3 "$out" | tail -n1)"
}

report() {
  local name=$1 wall=$2 cpu=$3 size=$4
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v s="$size" \
    'BEGIN { printf "%-22s %6.2f s wall  %6.2f s CPU  %8.1f MB%s\n", n, w, c, s / 1e6,
             (w <= 3.0 ? "" : "  (over 3 s)") }'
}

read -r wall cpu size < <(series)
report "with the originals" "$wall" "$cpu" "$size"
read -r wall cpu size < <(series --no-originals)
report "--no-originals" "$wall" "$cpu" "$size"
awk -v s="$size" 'BEGIN { if (s > 25e6) { print "--no-originals packet over 25 MB" > "/dev/stderr"; exit 1 } }'
echo "Processors: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

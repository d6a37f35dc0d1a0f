#!/bin/sh
# bench-import-sms.sh — a 1 GB SMS Backup & Restore file (mostly base64 MMS
# images) through `recourse import-messages`: peak RSS (target < 200 MB) and
# wall time against `xmllint --stream --noout` reading the same file in the
# same run (target ≤ 2×). A benchmark run by hand, not a test:
#
#   tests/bench/bench-import-sms.sh [BUILD_DIR] [SIZE_GB] [IMAGE_MB]
#                                   (defaults: build, 1, 2)
#   BENCH_COMMIT=0 tests/bench/…     skip the real import (done by default:
#                                    its peak RSS is the target too)
#   BENCH_ROUNDS=3 tests/bench/…     every measure N times, interleaved (a
#                                    fresh case for each real import); the
#                                    ratios from the medians
#
# The file is made in a temporary folder by make-sms-backup.py and removed
# at the end. Images of IMAGE_MB each: phones send MMS pictures of 0.3–3 MB;
# past about 7.5 MB of image (10 MB of base64 in one attribute) xmllint's
# stream reader slows down by the square of the size (see rec-import-sms.c),
# which would flatter the ratio.
#
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
size_gb=${2:-1}
image_mb=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
recourse=$build/src/recourse
[ -x "$recourse" ] || { echo "bench-import-sms: build first: ninja -C $build" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "bench-import-sms: xmllint (libxml2-utils) is missing" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-import-sms: /usr/bin/time (package time) is missing" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$here/make-sms-backup.py" "$tmp/sms.xml" --size-gb "$size_gb" --image-mb "$image_mb"
# On disk before anything is measured, as a backup copied from a phone is:
# left dirty, its 1 GB would be written back during the measures, charged to
# whichever process wrote past the kernel's dirty limits (the import and the
# dd: 4.2 s instead of 3.2 s here, with twice the system time).
sync
"$recourse" demo -o "$tmp/case.recourse" >/dev/null
bytes=$(wc -c < "$tmp/sms.xml")
case_before=$(wc -c < "$tmp/case.recourse")
rounds=${BENCH_ROUNDS:-1}

# measure LABEL COMMAND…: wall seconds and peak RSS (MB) of one process.
measure () {
  label=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" >"$tmp/out" 2>&1 || {
    echo "bench-import-sms: $label failed:" >&2; cat "$tmp/out" >&2; exit 1; }
  read -r secs kb user sys < "$tmp/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%-40s %7.2f s wall  %6.2f s CPU  %6d MB peak RSS\n' "$label" "$secs" "$cpu" $((kb / 1024))
  last_secs=$secs
  last_cpu=$cpu
  last_kb=$kb
}

# median NAME VALUE: VALUE added to the list NAME; median NAME: its median.
median () {
  if [ $# -eq 2 ]; then
    echo "$2" >> "$tmp/m.$1"
  else
    sort -n "$tmp/m.$1" | awk '{ v[NR] = $1 } END {
      if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
  fi
}

printf 'file: %d bytes\n' "$bytes"
commit_kb=0
commit_secs=0
commit_cpu=0
floor_secs=0
round=1
while [ "$round" -le "$rounds" ]; do
  [ "$rounds" -gt 1 ] && printf 'round %d of %d\n' "$round" "$rounds"
  # The page cache warmed for both: neither pays for the disk; and what the
  # round before wrote is on disk, not left for this one's writes to wait for.
  cat "$tmp/sms.xml" > /dev/null
  sync
  measure "xmllint --stream --noout --huge" xmllint --stream --noout --huge "$tmp/sms.xml"
  median xmllint_secs "$last_secs"
  median xmllint_cpu "$last_cpu"
  rm -f "$tmp/case.recourse"
  "$recourse" demo -o "$tmp/case.recourse" >/dev/null
  measure "recourse import-messages --dry-run" \
    "$recourse" import-messages "$tmp/case.recourse" "$tmp/sms.xml" --with 5550102030 --dry-run
  median dry_secs "$last_secs"
  median dry_cpu "$last_cpu"
  median dry_kb "$last_kb"
  [ "$round" = 1 ] && sed 's/^/  /' "$tmp/out"

  if [ "${BENCH_COMMIT:-1}" = 1 ]; then
    measure "recourse import-messages (commit)" \
      "$recourse" import-messages "$tmp/case.recourse" "$tmp/sms.xml" --with 5550102030
    median commit_kb "$last_kb"
    median commit_secs "$last_secs"
    median commit_cpu "$last_cpu"
    [ "$round" = 1 ] && sed 's/^/  /' "$tmp/out"
    case_after=$(wc -c < "$tmp/case.recourse")
    [ "$round" = 1 ] && printf 'case file after: %d bytes\n' "$case_after"
    # What the disk alone needs to keep as many bytes as the import added
    # (written and synced, as COMMIT does): no import can be faster than this
    # on this machine, whatever its parser.
    grown_mb=$(( (case_after - case_before) / 1048576 ))
    measure "dd of ${grown_mb} MiB, conv=fdatasync" \
      dd if=/dev/zero of="$tmp/floor" bs=1M count="$grown_mb" conv=fdatasync
    median floor_secs "$last_secs"
    rm -f "$tmp/floor"
  fi
  round=$((round + 1))
done
xmllint_secs=$(median xmllint_secs)
xmllint_cpu=$(median xmllint_cpu)
dry_secs=$(median dry_secs)
dry_cpu=$(median dry_cpu)
dry_kb=$(median dry_kb)
if [ "${BENCH_COMMIT:-1}" = 1 ]; then
  commit_kb=$(median commit_kb)
  commit_secs=$(median commit_secs)
  commit_cpu=$(median commit_cpu)
  floor_secs=$(median floor_secs)
fi
[ "$rounds" -gt 1 ] && printf 'medians of %d rounds:\n' "$rounds"

# CPU time too: the import uses threads beside the parser (the file's hash,
# the images' decoding and hash, the case file's writeback), and on a machine
# shared with other work the wall time varies.
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$dry_secs" -v b="$xmllint_secs" -v c="$dry_cpu" -v d="$xmllint_cpu" -v kb="$dry_kb" \
    -v ckb="$commit_kb" -v e="$commit_secs" -v f="$commit_cpu" -v g="$floor_secs" 'BEGIN {
  printf "ratio import --dry-run / xmllint --stream: %.2f× wall (target ≤ 2×), %.2f× CPU\n", a / b, c / d
  printf "peak RSS of the import --dry-run: %d MB (target < 200 MB)\n", kb / 1024
  if (ckb > 0) {
    printf "ratio real import / xmllint --stream: %.2f× wall (target ≤ 2×), %.2f× CPU\n", e / b, f / d
    printf "ratio real import / (xmllint --stream + dd of its bytes): %.2f× wall\n", e / (b + g)
    printf "peak RSS of the real import: %d MB (target < 200 MB)\n", ckb / 1024 } }'

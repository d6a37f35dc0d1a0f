#!/bin/sh
# bench-import-payments.sh — a 10 000-row bank statement imported into the
# large demo case (18 years of weekly support, 20 000 payments): read, filter,
# duplicates against the case, commit in one transaction (issue 12: preview to
# commit in under 1 s). The statement overlaps the case by 2 000 payments; a
# second run of the same statement adds nothing ("0 added, N already").
# A benchmark run by hand, not a test:
#
#   tests/bench/bench-import-payments.sh [BUILD_DIR]     (default: build)
#
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
recourse=$build/src/recourse
bench=$build/tests/bench/bench-import-payments
for f in "$recourse" "$bench"; do
  [ -x "$f" ] || { echo "bench-import-payments: build first: ninja -C $build src/recourse tests/bench/bench-import-payments" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A fixed date makes the case the same on every run.
"$recourse" demo --large --as-of 2026-01-01 -o "$tmp/large.recourse" >/dev/null

echo "== first import (the statement written from the case: 2 000 rows already in it)"
first=$("$bench" "$tmp/large.recourse" "$tmp/statement.csv" --write-statement)
echo "$first"
echo "== the same statement again"
again=$("$bench" "$tmp/large.recourse" "$tmp/statement.csv")
echo "$again"

# Ratios to the 1 s target, from this run's totals (wall, then CPU).
ratio () {  # ratio OUTPUT wall|cpu
  echo "$1" | sed -n "s/^$2 *total \([0-9.]*\) ms.*/\1/p" | awk '{ printf "%.2f", $1 / 1000 }'
}
printf 'statement %s bytes, %s rows\n' "$(wc -c < "$tmp/statement.csv")" "$(($(wc -l < "$tmp/statement.csv") - 1))"
printf 'first import: %s x the 1 s target (CPU %s x); again: %s x (CPU %s x)\n' \
  "$(ratio "$first" wall)" "$(ratio "$first" cpu)" "$(ratio "$again" wall)" "$(ratio "$again" cpu)"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"

#!/bin/sh
# bench-store.sh — the case file and the JSON interchange on the large demo case
# (18 years of weekly support, 20 000 payments, 5 000 communications): whole-process
# `recourse demo --large`, `export --json`, `import`, `verify`.
# A benchmark run by hand, not a test:
#
#   tests/bench/bench-store.sh [BUILD_DIR]     (default: build)
#
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
recourse=$build/src/recourse
[ -x "$recourse" ] || { echo "bench-store: build first: ninja -C $build src/recourse" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run () {  # run RUNS LABEL COMMAND…: mean wall time of whole processes
  runs=$1; label=$2; shift 2
  start=$(date +%s%N)
  i=0
  while [ $i -lt "$runs" ]; do "$@" >/dev/null; i=$((i + 1)); done
  end=$(date +%s%N)
  printf '%-34s %6d ms\n' "$label" $(( (end - start) / runs / 1000000 ))
}

# A fixed date makes the case the same on every run.
run 3 "demo --large (write the case)" "$recourse" demo --large --as-of 2026-01-01 --force -o "$tmp/large.recourse"
run 5 "export --json (read, write JSON)" "$recourse" export "$tmp/large.recourse" --json -o "$tmp/large.json"
run 3 "import --force (parse, validate, write)" "$recourse" import "$tmp/large.json" --force -o "$tmp/again.recourse"
run 5 "verify (integrity, every value)" "$recourse" verify "$tmp/large.recourse"
run 20 "process floor: --version" "$recourse" --version

"$recourse" export "$tmp/again.recourse" --json -o "$tmp/again.json"
if cmp -s "$tmp/large.json" "$tmp/again.json"; then
  echo "export → import → export: byte-identical"
else
  echo "export → import → export: DIFFERENT" >&2
  exit 1
fi
printf 'case file %s bytes, JSON %s bytes\n' "$(wc -c < "$tmp/large.recourse")" "$(wc -c < "$tmp/large.json")"

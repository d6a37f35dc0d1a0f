#!/bin/sh
# bench-verify.sh — `recourse verify` against SQLite's own checks of the same file
# (`PRAGMA integrity_check; PRAGMA foreign_key_check` in the sqlite3 shell), on the
# large demo case and on a case ten times larger (every record of the large case
# ten times, imported from JSON). Median wall time of 5 whole processes each,
# interleaved in the same run (wall and CPU time, user + sys: the CPU time is the
# fairer figure on a loaded machine), their ratios, and the peak RSS of each
# (/usr/bin/time). A benchmark run by hand, not a test:
#
#   tests/bench/bench-verify.sh [BUILD_DIR]     (default: build)
#
# Needs sqlite3, python3 and /usr/bin/time. Target (issue 10, point 15): verify
# ≤ 1.5× the pragmas, and its memory flat from 1× to 10×. Since schema 5
# verify also checks the history (issue 11: ≤ 2× the pragmas with it): the
# chain of every entry, the replay of every record against its last entry
# and the documents' hashes; the entries of each case are printed at the end.
#
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=${1:-build}
recourse=$build/src/recourse
[ -x "$recourse" ] || { echo "bench-verify: build first: ninja -C $build src/recourse" >&2; exit 2; }
for tool in sqlite3 python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-verify: $tool is needed" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A fixed date makes the case the same on every run.
"$recourse" demo --large --as-of 2026-01-01 --force -o "$tmp/x1.recourse" >/dev/null
"$recourse" export "$tmp/x1.recourse" --json -o "$tmp/x1.json" >/dev/null
python3 - "$tmp/x1.json" "$tmp/x10.json" <<'EOF'
import json, sys
case = json.load(open(sys.argv[1]))
for key, value in case.items():
    if isinstance(value, list):
        case[key] = value * 10
json.dump(case, open(sys.argv[2], "w"))
EOF
"$recourse" import "$tmp/x10.json" --force -o "$tmp/x10.recourse" >/dev/null

# One whole process under /usr/bin/time: "wall_ms cpu_ms peak_KiB" (cpu: user + sys).
measure () {
  /usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1 |
    awk '{ printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4 }'
}

median () {  # median N N N N N
  printf '%s\n' "$@" | sort -n | sed -n 3p
}

ratio () {
  awk "BEGIN { printf \"%.2f\", $1 / ($2 > 0 ? $2 : 1) }"
}

# The pragmas as the sqlite3 shell runs them on the file (read-write, as
# `sqlite3 FILE` opens it: integrity_check then checks every CHECK and NOT NULL
# constraint and the types of STRICT tables), and on a read-only connection
# (where SQLite's integrity_check skips the CHECK constraints).
pragmas="PRAGMA integrity_check; PRAGMA foreign_key_check;"

printf '%-4s %-22s %8s %8s %9s %10s %10s\n' size what wall_ms cpu_ms peak_KiB wall_ratio cpu_ratio
for size in x1 x10; do
  file=$tmp/$size.recourse
  "$recourse" verify "$file" >/dev/null    # warm the page cache
  vw=""; vc=""; vm=0; pw=""; pc=""; pm=0; rw=""; rc=""; rm=0
  for i in 1 2 3 4 5; do
    set -- $(measure "$recourse" verify "$file"); vw="$vw $1"; vc="$vc $2"; vm=$3
    set -- $(measure sqlite3 "$file" "$pragmas"); pw="$pw $1"; pc="$pc $2"; pm=$3
    set -- $(measure sqlite3 -readonly "$file" "$pragmas"); rw="$rw $1"; rc="$rc $2"; rm=$3
  done
  # shellcheck disable=SC2086
  vw=$(median $vw); vc=$(median $vc); pw=$(median $pw); pc=$(median $pc)
  # shellcheck disable=SC2086
  rw=$(median $rw); rc=$(median $rc)
  printf '%-4s %-22s %8d %8d %9d\n' "$size" "recourse verify" "$vw" "$vc" "$vm"
  printf '%-4s %-22s %8d %8d %9d %10s %10s\n' "$size" "pragmas (read-write)" "$pw" "$pc" "$pm" \
    "$(ratio "$vw" "$pw")" "$(ratio "$vc" "$pc")"
  printf '%-4s %-22s %8d %8d %9d %10s %10s\n' "$size" "pragmas (read-only)" "$rw" "$rc" "$rm" \
    "$(ratio "$vw" "$rw")" "$(ratio "$vc" "$rc")"
done
printf 'case files: %s and %s bytes\n' "$(wc -c < "$tmp/x1.recourse")" "$(wc -c < "$tmp/x10.recourse")"
printf 'journal entries: %s and %s\n' "$(sqlite3 "$tmp/x1.recourse" 'SELECT count(*) FROM journal')" \
  "$(sqlite3 "$tmp/x10.recourse" 'SELECT count(*) FROM journal')"

#!/bin/sh
# kill-trials.sh — real SIGKILLs of the real binary during `recourse import --force`
# of the large demo case over an existing case, at random moments. After each kill:
# `recourse verify` and `recourse summary --json` on the case, and the hidden
# temporaries ".NAME.XXXXXX" (and ".NAME.XXXXXX-journal") left beside it, before
# and after the next run that writes there. Prints a table. Run by hand, not a test (tests/store/test-crash.c
# is the test: a kill at every write, inside the store):
#
#   tests/bench/kill-trials.sh [KILLS] [SEED]       (default: 120 kills, seed 1)
#
# The binary is $RECOURSE_BIN, or build/src/recourse.
#
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

kills=${1:-120}
seed=${2:-1}
recourse=${RECOURSE_BIN:-build/src/recourse}
[ -x "$recourse" ] || { echo "kill-trials: no $recourse: build first, or set RECOURSE_BIN" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case_file=$tmp/case/case.recourse
mkdir "$tmp/case"

# A fixed date makes every case and every summary the same on every run.
as_of=2026-06-30
"$recourse" demo --large --as-of 2026-01-01 -o "$tmp/large.recourse" >/dev/null
"$recourse" export "$tmp/large.recourse" --json -o "$tmp/large.json" >/dev/null

reset_old () {  # the case before each import: the small demo case
  "$recourse" demo --as-of 2026-01-01 --force -o "$case_file" >/dev/null
}
leftovers () {  # hidden temporaries of the case in its folder (and their -journal)
  find "$tmp/case" -maxdepth 1 -name '.case.recourse.*' | wc -l | tr -d ' '
}
now_ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

# What the old and the new case say, and how long a whole import takes.
reset_old
"$recourse" summary "$case_file" --json --as-of $as_of > "$tmp/old.summary"
start=$(now_ms)
for i in 1 2 3; do
  "$recourse" import "$tmp/large.json" --force -o "$case_file" >/dev/null
done
import_ms=$(( ($(now_ms) - start) / 3 ))
"$recourse" summary "$case_file" --json --as-of $as_of > "$tmp/new.summary"
cmp -s "$tmp/old.summary" "$tmp/new.summary" && { echo "kill-trials: old and new summaries are the same" >&2; exit 1; }
[ "$(leftovers)" -eq 0 ] || { echo "kill-trials: whole imports left temporaries" >&2; exit 1; }

# Random delays in 0 … 1.2 × a whole import, the same for the same seed.
max_ms=$(( import_ms * 12 / 10 ))
awk -v n="$kills" -v max="$max_ms" -v seed="$seed" \
  'BEGIN { srand (seed); for (i = 0; i < n; i++) printf "%d\n", rand () * max }' > "$tmp/delays"

old=0 new=0 wrong=0 refused=0 finished=0
journal=0 left_kill=0 left_kill_files=0 left_next=0 left_next_files=0
: > "$tmp/messages"
i=0
pending=0   # the previous kill left temporaries: does the next run remove them?
while read -r delay; do
  i=$((i + 1))
  reset_old
  if [ $pending -gt 0 ]; then
    n=$(leftovers)
    if [ "$n" -gt 0 ]; then left_next=$((left_next + 1)); left_next_files=$((left_next_files + n)); fi
  fi
  # The next run's cleaning is counted above; start each kill from a clean folder.
  find "$tmp/case" -maxdepth 1 -name '.case.recourse.*' -exec rm -f {} +

  "$recourse" import "$tmp/large.json" --force -o "$case_file" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 $pid 2>/dev/null || true
  status=0
  { wait $pid; } 2>/dev/null || status=$?   # (no "Killed" from the shell)
  [ $status -eq 0 ] && finished=$((finished + 1))

  n=$(leftovers)
  pending=$n
  if [ "$n" -gt 0 ]; then left_kill=$((left_kill + 1)); left_kill_files=$((left_kill_files + n)); fi
  [ -e "$case_file-journal" ] && journal=$((journal + 1))

  # Reading verbs first (they must open it), then the state it holds.
  if ! "$recourse" verify "$case_file" > "$tmp/verify.out" 2> "$tmp/verify.err"; then
    refused=$((refused + 1))
    printf 'verify: %s\n' "$(head -n 1 "$tmp/verify.err" | sed "s|$tmp/case/||g")" >> "$tmp/messages"
    continue
  fi
  if ! "$recourse" summary "$case_file" --json --as-of $as_of > "$tmp/summary" 2> "$tmp/summary.err"; then
    refused=$((refused + 1))
    printf 'summary: %s\n' "$(head -n 1 "$tmp/summary.err" | sed "s|$tmp/case/||g")" >> "$tmp/messages"
    continue
  fi
  if cmp -s "$tmp/summary" "$tmp/old.summary"; then
    old=$((old + 1))
  elif cmp -s "$tmp/summary" "$tmp/new.summary"; then
    new=$((new + 1))
  else
    wrong=$((wrong + 1))
  fi
done < "$tmp/delays"

# The last kill's leftovers, after one more run that writes there.
if [ $pending -gt 0 ]; then
  reset_old
  n=$(leftovers)
  if [ "$n" -gt 0 ]; then left_next=$((left_next + 1)); left_next_files=$((left_next_files + n)); fi
fi

echo "kill-trials: $i SIGKILLs of \`recourse import --force\` (large demo case, $(wc -c < "$tmp/large.json") bytes of JSON)"
echo "over the small demo case, at random delays 0–$max_ms ms (a whole import: $import_ms ms), seed $seed"
echo
printf '%-52s %5s\n' "outcome" "kills"
printf '%-52s %5d\n' "finished before the kill (exit 0)" $finished
printf '%-52s %5d\n' "opened (verify OK), holds the old case" $old
printf '%-52s %5d\n' "opened (verify OK), holds the new case" $new
printf '%-52s %5d\n' "opened, holds neither" $wrong
printf '%-52s %5d\n' "refused by verify or summary" $refused
printf '%-52s %5d\n' "CASE.recourse-journal left beside it" $journal
printf '%-52s %5d  (%d files)\n' "hidden temporaries left by the kill" $left_kill $left_kill_files
printf '%-52s %5d  (%d files)\n' "... still there after the next run that writes" $left_next $left_next_files
if [ -s "$tmp/messages" ]; then
  echo
  echo "refusals:"
  sort "$tmp/messages" | uniq -c | sort -rn
fi

[ $wrong -eq 0 ] && [ $refused -eq 0 ]

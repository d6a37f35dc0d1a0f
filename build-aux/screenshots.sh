#!/bin/sh
# build-aux/screenshots.sh — the README's and the metainfo's window screenshots
# (data/screenshots/), made from the demo case under Xvfb:
#
#   build-aux/screenshots.sh [BUILD_DIR]        (default: build)
#
# The demo is made for a fixed as-of date so the figures do not move from one
# run to the next. Open each PNG and look at it before committing.
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
shot=$build/tests/ui/screenshot
out=$root/data/screenshots
for f in "$shot" "$build/src/recourse"; do
  [ -x "$f" ] || { echo "screenshots: build first: ninja -C $build" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case_file=$tmp/Demo.recourse
"$build/src/recourse" demo -o "$case_file" --as-of 2026-12-01 >/dev/null
# The README's two example files, imported as it shows: the Evidence page then
# holds the statement and the backup as the documents of what they gave.
"$build/src/recourse" import-payments "$case_file" "$root/data/examples/statement-demo.csv" \
  --match "CA SDU" --match "VICTOR MARQUEZ" >/dev/null
"$build/src/recourse" import-messages "$case_file" "$root/data/examples/sms-backup-demo.xml" \
  --with "(408) 555-0143" >/dev/null

# The demo family lives in California: its contacts were recorded at -08:00/-07:00.
export TZ=America/Los_Angeles
export GTK_A11Y=none GSK_RENDERER=cairo NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" RECOURSE_LOCALEDIR="$build/po"
take() {   # OUT.png PAGE WIDTH HEIGHT — with the caller's environment
  xvfb-run -a -s '-screen 0 1280x800x24' "$shot" "$case_file" "$2" "$out/$1" "$3" "$4" >/dev/null
  echo "$out/$1"
}

for page in overview order payments communications enforcement evidence; do
  LANGUAGE=en LANG=en_US.UTF-8 take "$page.png" "$page" 1280 800
done
LANGUAGE=es LANG=es_US.UTF-8 take overview-es.png overview 1280 800
LANGUAGE=vi LANG=vi_VN.UTF-8 take overview-vi.png overview 1280 800
LANGUAGE=en LANG=en_US.UTF-8 REC_SHOT_DIALOG=history take history.png overview 560 640
LANGUAGE=en LANG=en_US.UTF-8 REC_SHOT_DIALOG=add-payment \
  REC_SHOT_FIELDS='amount=1,250.00|date=11/14/2026' take payment-dialog.png payments 510 460

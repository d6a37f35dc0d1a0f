#!/bin/sh
# Copyright 2026 The Recourse authors. SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a MIME database from the freedesktop.org base definitions plus ours in a temporary
# directory, then checks that *.recourse maps to application/x-recourse, a subclass of SQLite.
# Usage: check-mime.sh UPDATE-MIME-DATABASE OUR-MIME-XML
set -eu
update_mime_database=$1
ours=$2
base=/usr/share/mime/packages/freedesktop.org.xml

if [ ! -f "$base" ]; then
  echo "skipped: $base not found"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rec-mime-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$base" "$ours" "$tmp/mime/packages/"

# The database must sit in a directory on the XDG search path, or the tool complains.
if ! XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" \
     "$update_mime_database" "$tmp/mime" >"$tmp/output" 2>"$tmp/errors"; then
  cat "$tmp/errors"
  echo "update-mime-database rejected $ours"
  exit 1
fi
if [ -s "$tmp/errors" ] || [ -s "$tmp/output" ]; then
  cat "$tmp/output" "$tmp/errors"
  echo "update-mime-database warned about $ours"
  exit 1
fi

status=0
grep -qxE '[0-9]+:application/x-recourse:\*\.recourse' "$tmp/mime/globs2" \
  || { echo "no glob *.recourse for application/x-recourse"; status=1; }
grep -qxF 'application/x-recourse application/vnd.sqlite3' "$tmp/mime/subclasses" \
  || { echo "application/x-recourse is not a subclass of application/vnd.sqlite3"; status=1; }
grep -q '^application/x-recourse$' "$tmp/mime/types" \
  || { echo "application/x-recourse is not in the types list"; status=1; }
[ $status -eq 0 ] && echo "application/x-recourse is registered for *.recourse"
exit $status

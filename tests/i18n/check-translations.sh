#!/bin/sh
# check-translations.sh — every shipped translation is complete and valid
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.sh SOURCE_ROOT [PO_FILE...]
# Extracts a fresh template from po/POTFILES.in into a temporary directory,
# merges a copy of each .po (default: po/es.po and po/vi.po) with it and
# fails, naming the messages, when one is untranslated or fuzzy, or when
# msgfmt --check refuses the merged catalog. The tree is never written to.
set -u

root=${1:?usage: check-translations.sh SOURCE_ROOT [PO_FILE...]}
shift
if [ $# -eq 0 ]; then
  set -- "$root/po/es.po" "$root/po/vi.po"
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

cd "$root" || exit 1
if ! xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ \
     --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --keyword=ngettext:1,2 --keyword=NP_:1,2 \
     --flag=g_dngettext:2:pass-c-format \
     --package-name=recourse -D . -f po/POTFILES.in \
     -o "$tmp/recourse.pot"; then
  echo "not ok - xgettext could not extract the template"
  exit 1
fi

# Prints one line per message of a catalog: [context] "msgid", joining the
# continuation lines of a long msgid; the header is left out.
message_list () {
  awk '
    /^msgctxt / { ctxt = substr ($0, 9); next }
    /^msgid / { id = substr ($0, 7); inid = 1; next }
    /^"/ && inid { sub (/^"/, "", $0); sub (/"$/, "", id); id = id $0; next }
    /^msgid_plural / || /^msgstr/ {
      if (inid && id != "\"\"")
        print (ctxt != "" ? "[" ctxt "] " : "") id
      inid = 0; ctxt = ""
    }
  ' "$1"
}

status=0
for po in "$@"; do
  failed=0
  name=$(basename "$po")
  if [ ! -f "$po" ]; then
    echo "FAIL $name: no such file: $po"
    failed=1
    continue
  fi
  merged="$tmp/$name"
  if ! msgmerge --quiet --no-fuzzy-matching -o "$merged" "$po" \
       "$tmp/recourse.pot"; then
    echo "FAIL $name: msgmerge refused the catalog"
    failed=1
    continue
  fi
  if ! msgfmt --check -o /dev/null "$merged" 2>"$tmp/msgfmt.log"; then
    echo "FAIL $name: msgfmt --check:"
    sed 's/^/  /' "$tmp/msgfmt.log"
    failed=1
  fi
  # Messages still to do: untranslated (msgattrib --untranslated) and fuzzy,
  # never counting the header or obsolete entries.
  msgattrib --force-po --untranslated --no-obsolete --no-wrap -o "$tmp/untr.po" "$merged"
  msgattrib --force-po --only-fuzzy --no-obsolete --no-wrap -o "$tmp/fuzzy.po" "$merged"
  for kind in untr fuzzy; do
    [ "$kind" = untr ] && label=untranslated || label=fuzzy
    list=$(message_list "$tmp/$kind.po")
    if [ -n "$list" ]; then
      count=$(printf '%s\n' "$list" | wc -l)
      echo "FAIL $name: $count $label message(s):"
      printf '%s\n' "$list" | sed 's/^/  /'
      failed=1
    fi
  done
  if [ $failed -ne 0 ]; then
    status=1
  else
    echo "ok $name: $(msgfmt --statistics -o /dev/null "$merged" 2>&1)"
  fi
done
exit $status

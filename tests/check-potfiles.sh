#!/bin/sh
# Fails when a source with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
cd "$1" || exit 2
status=0
for f in $( { grep -rlE '(^|[^a-zA-Z_])N?C?_\(' src --include='*.c'; ls ui/*.ui 2>/dev/null; \
             ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null; } | sort -u); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
while read -r f; do
  case "$f" in ''|\#*) continue ;; esac
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f"
    status=1
  fi
done < po/POTFILES.in
[ $status -eq 0 ] && echo "po/POTFILES.in lists every translatable source"
exit $status

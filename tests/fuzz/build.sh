#!/usr/bin/env bash
# tests/fuzz/build.sh — build the libFuzzer targets with clang (not part of meson test).
#
#   tests/fuzz/build.sh [BUILD_DIR]        build into BUILD_DIR (default build-fuzz)
#   build-fuzz/fuzz/fuzz-case-json -max_total_time=60 tests/fuzz/corpus/case-json
#
# The core and store libraries are built by meson with clang, AddressSanitizer,
# UndefinedBehaviorSanitizer and libFuzzer coverage; each target links them.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-build-fuzz}
cd "$here"

if ! command -v clang >/dev/null; then
  echo "clang is not installed: no fuzz targets built" >&2
  exit 0
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
ninja -C "$build" src/librec-core.a src/librec-store.a src/librec-report.a src/librec-import.a >/dev/null

mkdir -p "$build/fuzz"
flags=(-g -O1 -fsanitize=fuzzer,address,undefined -UG_DISABLE_ASSERT
       -I"$build" -Isrc/core -Isrc/store -Isrc/report -Isrc/import
       $(pkg-config --cflags gio-2.0 json-glib-1.0))
libs=("$build/src/librec-import.a" "$build/src/librec-report.a" "$build/src/librec-store.a"
      "$build/src/librec-core.a"
      $(pkg-config --libs gio-2.0 json-glib-1.0 sqlite3 libofx libxml-2.0 gmime-3.0 nettle zlib) -lhpdf -lm)

# Every tests/fuzz/fuzz-*.c is a target.
for source in tests/fuzz/fuzz-*.c; do
  target=$(basename "$source" .c)
  clang "${flags[@]}" "tests/fuzz/$target.c" "${libs[@]}" -o "$build/fuzz/$target"
  echo "$build/fuzz/$target"
done

#!/usr/bin/env bash
# Prints every test the last ctest run skipped, with the reason the test gave
# (tests/support/required.h): usually a tool that is not installed or a ../shared file that is
# not beside this checkout. Usage: tests/skipped.sh [BUILD_DIR]   (default build/dev)
# Under CI=true those tests fail instead of skipping, so CI output needs no such list.
set -euo pipefail
build=${1:-build/dev}
log="$build/Testing/Temporary/LastTest.log"
[[ -f $log ]] || { echo "no ctest log at $log (run ctest first)" >&2; exit 2; }
# gtest prints "FILE:LINE: Skipped", the reason on the following line(s), then
# "[  SKIPPED ] Suite.Name".
awk '
  /: Skipped$/ { reason = ""; collecting = 1; next }
  collecting && /^\[  SKIPPED \] [^ ]+ \(/ {
    name = $4; printf "%-60s %s\n", name, reason; collecting = 0; count++; next
  }
  collecting { reason = reason (reason == "" ? "" : " ") $0 }
  END { printf "%d test(s) skipped\n", count }
' "$log"

#!/usr/bin/env bash
# Regenerates the example outputs of docs/examples/ (README.md there says what each shows).
# tests/gate/examples_test.cpp runs this into a temporary directory and compares, with the
# wall-clock "started" values normalised, so the examples stay true.
# usage: docs/examples/generate.sh EDGEPLAN [OUTPUT_DIR]
set -euo pipefail
edgeplan=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
out=$(realpath -m "${2:-$here}")
cd "$here/../.."  # paths in the reports are relative to the source root
now=2026-06-01
export COLUMNS=100  # the text width (otherwise the terminal's)
mkdir -p "$out"

# Exit code 1 (a finding fails or the change adds one) is an expected outcome here.
run() {
  local file=$1
  shift
  "$edgeplan" "$@" >"$out/$file" || [ $? -eq 1 ]
}

sample=samples/contoso-docs/topology.xml
run contoso-docs.txt plan "$sample" --now "$now"
run contoso-docs.json plan "$sample" --now "$now" --format json
run contoso-docs.junit.xml plan "$sample" --now "$now" --format junit
run contoso-docs.sarif plan "$sample" --now "$now" --format sarif
run contoso-docs.html plan "$sample" --now "$now" --format html
run contoso-docs.md plan "$sample" --now "$now" --format markdown
# Waivers: one still holds, one expired before --now (WAIVER-01 fails for it).
run contoso-docs-waived.txt plan "$sample" --now "$now" --no-plan --waivers docs/examples/waivers.json
# The same waivers in the CI formats: a skipped JUnit case and an accepted SARIF suppression for
# the one that holds, a failure with a note for the expired one.
run contoso-docs-waived.junit.xml plan "$sample" --now "$now" --format junit --waivers docs/examples/waivers.json
run contoso-docs-waived.sarif plan "$sample" --now "$now" --format sarif --waivers docs/examples/waivers.json

old=samples/s3-dnslb-public/topology.xml
new=samples/s4-dnslb-nat/topology.xml
run diff-s3-to-s4.txt diff "$old" "$new" --now "$now"
run diff-s3-to-s4.json diff "$old" "$new" --now "$now" --format json
run diff-s3-to-s4.md diff "$old" "$new" --now "$now" --format markdown

#!/usr/bin/env bash
# `edgeplan plan` at the documented input limits (a benchmark, not a test). Results:
# docs/performance.md, "Input limits".
#
#   tests/bench/plan_limits.sh [--runs N] [--formats "text json html zone csr firewall"]
#                              [--cases "..."]
#
# Inputs from tests/bench/generate_limit_topology.py, at the limits of docs/topology-format.md
# ("Limits": 16 MiB, 200,000 elements per file) and the sizes issue 9 names:
#   sip-domains   10,000 SIP domains; the federation pool's certificate lists sip.<domain> for each
#   members-pool  20,000 Edge members in one DNS load balanced pool
#   members-pools 20,000 Edge members in 2,000 pools of 10
#   allowed       100,000 allowed federation domains in the --settings file
#   max-16mib     one ~16 MiB topology holding all of it at once, as far as the 200,000-element
#                 limit lets: 10,000 SIP domains (+10,000 SANs), 20,000 members in 20 pools
#                 (80,000 elements; 2 in the federation pool, see below), 99,000 allowed domains
#                 with names long enough to fill 16 MiB (199,228 elements)
# Some combinations are not in the cases because the plan itself is their product, not because
# of the code: every sip.<domain> A record lists each Access Edge address of the access pool
# (10,000 domains x 1,000 members = 10 million records), and every pool's external certificate
# names sip.<domain> of every SIP domain (2,000 pools x 10,000 = 20 million SANs).
# For each case and format: wall time and peak RSS of `edgeplan plan FILE --format F` (output to
# a file), or for zone, csr and firewall of `edgeplan plan FILE --emit-F DIR` (the exports,
# whose notes once scanned every finding per row), from /usr/bin/time, the median of --runs
# runs; targets <= 2 s and <= 200 MB. The peer figure is `xmllint --noout` on the same input
# files: parsing alone, the floor for any reader.
#
# EDGEPLAN=path/to/edgeplan measures another binary (e.g. an older build) on the same inputs;
# otherwise the script builds the Release binary in build/release.
set -euo pipefail

runs=3
formats="text json html zone csr firewall"
cases="sip-domains members-pool members-pools allowed max-16mib"
while (($#)); do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--formats \"text json html zone csr firewall\"] [--cases \"...\"]" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[ -x /usr/bin/time ] || { echo "plan_limits.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "plan_limits.sh: needs xmllint (libxml2-utils)" >&2; exit 1; }

if [ -n "${EDGEPLAN:-}" ]; then
    edgeplan=$EDGEPLAN
else
    build=$root/build/release
    echo "== building edgeplan in $build" >&2
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 --target edgeplan >/dev/null
    edgeplan=$build/app/edgeplan
fi

work=$(mktemp -d /tmp/edgeplan-limits.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
gen=$root/tests/bench/generate_limit_topology.py

# case -> generator arguments; a settings file is written when --settings is among them.
generate() {
    local name=$1 out=$work/$1.xml
    case "$name" in
    sip-domains) python3 "$gen" "$out" --sip-domains 10000 ;;
    members-pool) python3 "$gen" "$out" --members 20000 ;;
    members-pools) python3 "$gen" "$out" --pools 2000 --members 20000 ;;
    allowed) python3 "$gen" "$out" --allowed 100000 --settings "$work/$name.settings.xml" ;;
    max-16mib)
        python3 "$gen" "$out" --sip-domains 10000 --pools 20 --first-pool-members 2 \
            --members 20000 --allowed 99000 --pad-to 16700000 ;;
    *) echo "plan_limits.sh: unknown case $name" >&2; exit 2 ;;
    esac
}

# Runs "$@" --runs times under /usr/bin/time; prints "median-wall-s max-rss-kb exit-status
# median-cpu-s" (user + system: on a shared machine the CPU time varies less than the wall time).
measure() {
    local i status
    : >"$work/times"
    for ((i = 0; i < runs; i++)); do
        status=0
        /usr/bin/time -f "%e %M %U %S" -o "$work/time.one" "$@" >"$work/out" 2>"$work/err" || status=$?
        tail -1 "$work/time.one" >>"$work/times"
    done
    python3 - "$work/times" "$status" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
print(f"{statistics.median(float(r[0]) for r in rows):.2f} {max(int(r[1]) for r in rows)} {sys.argv[2]} "
      f"{statistics.median(float(r[2]) + float(r[3]) for r in rows):.2f}")
PY
}

echo "edgeplan: $edgeplan; $runs runs per figure (median wall time, largest peak RSS)"
echo
echo "| Case | Input | Elements | Command | Wall | CPU | Peak RSS | Output | Target (2 s, 200 MB) |"
echo "|---|---|---|---|---|---|---|---|---|"
for name in $cases; do
    echo "== $name: generating" >&2
    generate "$name"
    inputs=("$work/$name.xml")
    settings=()
    if [ -f "$work/$name.settings.xml" ]; then
        inputs+=("$work/$name.settings.xml")
        settings=(--settings "$work/$name.settings.xml")
    fi
    bytes=0
    elements=0
    for f in "${inputs[@]}"; do
        bytes=$((bytes + $(stat -c %s "$f")))
        elements=$((elements + $(grep -o '<[A-Za-z]' "$f" | wc -l)))
    done
    size=$(python3 -c "import sys; print(f'{int(sys.argv[1]) / 1048576:.1f} MiB')" "$bytes")
    for f in "${inputs[@]}"; do
        [ "$(stat -c %s "$f")" -le 16777216 ] || { echo "$f is over 16 MiB" >&2; exit 1; }
    done
    for format in $formats; do
        rm -rf "$work/emit"
        case "$format" in
        zone | csr | firewall)
            command="plan --emit-$format DIR"
            output=(--emit-"$format" "$work/emit" --quiet)
            ;;
        *)
            command="plan --format $format"
            output=(--format "$format")
            ;;
        esac
        echo "== $name: edgeplan $command" >&2
        read -r wall rss status cpu < <(measure "$edgeplan" plan "${inputs[0]}" "${settings[@]}" \
            "${output[@]}")
        if ((status > 1)); then
            echo "plan_limits.sh: edgeplan plan exited $status on $name:" >&2
            head -5 "$work/err" >&2
            exit 1
        fi
        written=$(stat -c %s "$work/out")
        if [ -d "$work/emit" ]; then
            written=$(find "$work/emit" -type f -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }')
        fi
        out=$(python3 -c "import sys; print(f'{int(sys.argv[1]) / 1048576:.1f} MiB')" "$written")
        verdict=$(python3 -c "import sys; print('met' if float(sys.argv[1]) <= 2 and int(sys.argv[2]) <= 200 * 1024 else 'MISSED')" "$wall" "$rss")
        echo "| $name | $size | $elements | \`$command\` | $wall s | $cpu s | $((rss / 1024)) MB | $out | $verdict |"
    done
    echo "== $name: xmllint --noout" >&2
    read -r wall rss status cpu < <(measure xmllint --noout "${inputs[@]}")
    ((status == 0)) || { echo "xmllint rejected $name" >&2; exit 1; }
    echo "| $name | $size | $elements | peer: \`xmllint --noout\` | $wall s | $cpu s | $((rss / 1024)) MB | - | - |"
done

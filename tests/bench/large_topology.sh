#!/usr/bin/env bash
# Large-topology benchmark (root only: creates a network namespace). Results: docs/performance.md.
#
#   tests/bench/large_topology.sh [--runs N]
#
# The topology comes from tests/bench/generate_large_topology.py: 20 DNS load-balanced Edge pools
# x 4 members, 50 SIP domains, 2,000 allowed partner domains, loopback 127.x addresses, one
# federation route pool.
# (f) `edgeplan plan` wall time, hyperfine median (target <= 200 ms).
# (e) a full `edgeplan check --from external --timeout 1s` against NSD in the namespace (the
#     zones of `edgeplan plan --emit-zone` plus the partner zone with one _sipfederationtls SRV
#     per partner; rrl-ratelimit: 0): wall time and peak RSS from /usr/bin/time -v (targets
#     <= 2 x timeout + 1 s = 3 s, <= 100 MB). Nothing listens on the Edge addresses, so the
#     port and STUN checks end as closed/unreachable findings: the run is complete, not green.
# (c) 10,000 partner SRV lookups: tests/bench/dns_srv_bench.cpp (the checks' resolver, 64 in
#     flight) vs dnsperf (-q 64) against the same NSD, queries/s.
set -euo pipefail

runs=10
while (($#)); do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DNS=127.0.53.1
TIMEOUT=1s

[ "$(id -u)" -eq 0 ] || { echo "large_topology.sh: needs root (network namespace)" >&2; exit 1; }
for tool in hyperfine dnsperf nsd nsd-checkzone drill; do
    command -v "$tool" >/dev/null ||
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine dnsperf nsd ldnsutils \
            >/dev/null 2>&1 || true
    command -v "$tool" >/dev/null || { echo "large_topology.sh: $tool is required" >&2; exit 1; }
done

# BENCH_BUILD_DIR: another (configured) build tree, e.g. to try the script on a debug build.
build=${BENCH_BUILD_DIR:-$root/build/release}
echo "== building edgeplan and dns_srv_bench in $build" >&2
[ -n "${BENCH_BUILD_DIR:-}" ] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target edgeplan dns_srv_bench >/dev/null
edgeplan="$build/app/edgeplan"
bench="$build/tests/bench/dns_srv_bench"

work=$(mktemp -d /tmp/edgeplan-large.XXXXXX)
netns="edgeplan-large-$$"
nsd_pid=""
cleanup() {
    [ -z "$nsd_pid" ] || kill -TERM "$nsd_pid" 2>/dev/null || true
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

topology="$work/topology.xml"
mkdir -p "$work/zones"
python3 "$root/tests/bench/generate_large_topology.py" "$topology" \
    --partner-zone "$work/zones/partners.example.zone" --partner-dns "$DNS" \
    --partner-names "$work/partner-names"

# ---- (f) plan ----
echo "== (f) edgeplan plan" >&2
status=0
"$edgeplan" plan "$topology" -q || status=$?
((status <= 1)) || { echo "large_topology.sh: edgeplan plan exited $status" >&2; exit 1; }
hyperfine -N --style none --warmup 2 --runs "$runs" -i --export-json "$work/plan.json" \
    -- "$edgeplan plan $topology -q" >/dev/null
plan_median=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/plan.json")

# ---- DNS: emitted external zones + the partner zone, NSD in the namespace ----
"$edgeplan" plan "$topology" -q --emit-zone "$work/emitted" || true
for fragment in "$work/emitted/"*.external.zone; do
    domain=$(basename "$fragment" .external.zone)
    {
        echo "\$ORIGIN $domain."
        echo "\$TTL 3600"
        echo "@ IN SOA ns1.$domain. hostmaster.$domain. 1 3600 600 86400 300"
        echo "@ IN NS ns1.$domain."
        echo "ns1 IN A $DNS"
        cat "$fragment"
    } >"$work/zones/$domain.zone"
done
{
    echo "server:"
    echo "  ip-address: $DNS@53"
    echo "  do-ip6: no"
    echo "  database: \"\""
    echo "  username: \"\""
    echo "  chroot: \"\""
    echo "  zonesdir: \"$work/zones\""
    echo "  server-count: 1"
    echo "  verbosity: 0"
    echo "  rrl-ratelimit: 0"
    echo "  pidfile: \"$work/nsd.pid\""
    echo "  xfrdfile: \"$work/xfrd.state\""
    echo "  xfrdir: \"$work\""
    echo "  zonelistfile: \"$work/zone.list\""
    echo "  logfile: \"$work/nsd.log\""
    echo "remote-control:"
    echo "  control-enable: no"
    for zone in "$work/zones/"*.zone; do
        name=$(basename "$zone" .zone)
        nsd-checkzone "$name" "$zone" >/dev/null || { echo "zone $name does not load" >&2; exit 1; }
        echo "zone:"
        echo "  name: $name"
        echo "  zonefile: \"$zone\""
    done
} >"$work/nsd.conf"
zones=$(ls "$work/zones/"*.zone | wc -l)

ip netns add "$netns"
ip -n "$netns" link set lo up
in_ns() { ip netns exec "$netns" "$@"; }
in_ns nsd -d -c "$work/nsd.conf" </dev/null >"$work/nsd.out" 2>&1 &
nsd_pid=$!
for _ in $(seq 100); do
    in_ns drill -Q "@$DNS" _sipfederationtls._tcp.partner1999.partners.example SRV 2>/dev/null |
        grep -q . && break
    sleep 0.1
done
in_ns drill -Q "@$DNS" _sipfederationtls._tcp.partner1999.partners.example SRV | grep -q 5061 ||
    { cat "$work/nsd.out" "$work/nsd.log" >&2 2>/dev/null; exit 1; }

# ---- (e) full check ----
echo "== (e) edgeplan check --from external --timeout $TIMEOUT ($zones zones)" >&2
status=0
in_ns /usr/bin/time -v -o "$work/check.time" "$edgeplan" check "$topology" --from external \
    --timeout "$TIMEOUT" --dns-server "$DNS" --format json --output "json=$work/check.json" -q ||
    status=$?
((status <= 1)) || { echo "large_topology.sh: edgeplan check exited $status" >&2; exit 1; }
check_wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/check.time")
check_rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/check.time")
check_cpu=$(sed -n 's/.*\(User\|System\) time (seconds): //p' "$work/check.time" | paste -sd' ')
summary=$(python3 - "$work/check.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
findings = report.get("findings", [])
counts = collections.Counter(f.get("status") for f in findings)
print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())) + f" total={len(findings)}")
PY
)
echo "   check exit $status: $summary; user/system CPU s: $check_cpu" >&2

# ---- (c) 10,000 SRV lookups ----
echo "== (c) 10,000 partner SRV lookups" >&2
for _ in 1 2 3 4 5; do cat "$work/partner-names"; done | sed 's/$/ SRV/' >"$work/dnsperf.input"
: >"$work/bench.runs"
: >"$work/dnsperf.runs"
for _ in $(seq "$runs"); do
    in_ns "$bench" --server "$DNS" --names "$work/partner-names" --count 10000 \
        --max-in-flight 64 --timeout-ms 1000 >>"$work/bench.runs"
    in_ns dnsperf -s "$DNS" -d "$work/dnsperf.input" -n 1 -q 64 -t 1 >"$work/dnsperf.out" 2>&1
    grep -E "Queries per second|Queries completed" "$work/dnsperf.out" | tr -s ' ' >>"$work/dnsperf.runs"
done
tail -1 "$work/bench.runs" >&2

python3 - "$work" "$plan_median" "$check_wall" "$check_rss" "$runs" "$summary" "$status" "$check_cpu" <<'PY'
import re, statistics, sys
work, plan, wall, rss, runs, summary, status, cpu = sys.argv[1:]
plan = float(plan)
parts = [float(p) for p in wall.split(":")]
wall_s = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
rss_mb = int(rss) / 1024
bench = [float(re.search(r"qps=(\d+)", l).group(1)) for l in open(f"{work}/bench.runs")]
lost = [l for l in open(f"{work}/bench.runs") if "ok=10000 " not in l]
perf = [float(re.search(r"Queries per second:\s*([\d.]+)", l).group(1))
        for l in open(f"{work}/dnsperf.runs") if "per second" in l]
done = [l.strip() for l in open(f"{work}/dnsperf.runs") if "completed" in l]
def verdict(ok):
    return "met" if ok else "MISSED"
print(f"Large topology (20 Edge pools x 4, 50 SIP domains, 2,000 partners); {runs} runs each")
print()
print("| Case | edgeplan | peer | Target |")
print("|---|---|---|---|")
print(f"| (f) `edgeplan plan`, median | {plan * 1000:.0f} ms | - | <= 200 ms: {verdict(plan <= 0.2)} |")
print(f"| (e) `edgeplan check --from external --timeout 1s`, wall | {wall_s:.2f} s | - | <= 3 s: {verdict(wall_s <= 3)} |")
print(f"| (e) same, peak RSS | {rss_mb:.0f} MB | - | <= 100 MB: {verdict(rss_mb <= 100)} |")
print(f"| (c) 10,000 SRV lookups, median queries/s | {statistics.median(bench):.0f} | dnsperf -q 64: {statistics.median(perf):.0f} | - |")
print()
print(f"check: exit {status}, {summary}; user/system CPU {cpu} s")
print(f"dns_srv_bench runs not all ok: {len(lost)}; dnsperf: {done[-1] if done else 'no output'}")
PY

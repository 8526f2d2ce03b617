#!/usr/bin/env bash
# Resolver rate vs dnsperf (root only: creates a network namespace). Results: docs/performance.md
# ("Large topology" (c) and the partner section's SRV lookups row).
#
#   tests/bench/dns_rate.sh [--runs N] [--partners N] [--passes N] [--in-flight N]
#
# Only the DNS part of large_topology.sh (c), at partner scale: NSD (rrl-ratelimit: 0) in a
# network namespace with only lo up, serving one zone with a _sipfederationtls._tcp SRV and a
# target A record for each of --partners (10,000) partners. Each run asks every partner's SRV
# --passes (5) times (one pass lasts well under 0.1 s, too short to time alone) with tests/bench/dns_srv_bench.cpp (the checks' resolver, --in-flight queries
# outstanding) and then with `dnsperf -q` at the same depth, alternately, so both see the same
# machine load. Prints both rates and CPU times per run (the CPU time of each client is less
# sensitive to other load on the machine than its rate), their medians and the ratio.
set -euo pipefail

runs=5
partners=10000
in_flight=64
passes=5
while (($#)); do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    --partners) partners=$2; shift 2 ;;
    --passes) passes=$2; shift 2 ;;
    --in-flight) in_flight=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--partners N] [--passes N] [--in-flight N]" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DNS=127.0.53.1
ZONE=partners.example

[ "$(id -u)" -eq 0 ] || { echo "dns_rate.sh: needs root (network namespace)" >&2; exit 1; }
for tool in dnsperf nsd drill; do
    command -v "$tool" >/dev/null ||
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dnsperf nsd ldnsutils \
            >/dev/null 2>&1 || true
    command -v "$tool" >/dev/null || { echo "dns_rate.sh: $tool is required" >&2; exit 1; }
done
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 ||
    true
[ -x /usr/bin/time ] || { echo "dns_rate.sh: /usr/bin/time is required" >&2; exit 1; }

# BENCH_BUILD_DIR: another (configured) build tree.
build=${BENCH_BUILD_DIR:-$root/build/release}
echo "== building dns_srv_bench in $build" >&2
[ -n "${BENCH_BUILD_DIR:-}" ] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
nice cmake --build "$build" -j2 --target dns_srv_bench >/dev/null
bench="$build/tests/bench/dns_srv_bench"

work=$(mktemp -d /tmp/edgeplan-dnsrate.XXXXXX)
netns="edgeplan-dnsrate-$$"
nsd_pid=""
cleanup() {
    [ -z "$nsd_pid" ] || kill -TERM "$nsd_pid" 2>/dev/null || true
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 - "$work" "$partners" "$DNS" "$ZONE" <<'PY'
import sys
work, partners, dns, zone = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
lines = [f"$ORIGIN {zone}.", "$TTL 3600",
         f"@ IN SOA ns1.{zone}. hostmaster.{zone}. 1 3600 600 86400 300",
         f"@ IN NS ns1.{zone}.", f"ns1 IN A {dns}"]
names = []
for i in range(partners):
    lines.append(f"_sipfederationtls._tcp.partner{i:05d} IN SRV 0 0 5061 sip.partner{i:05d}.{zone}.")
    lines.append(f"sip.partner{i:05d} IN A 127.99.{i // 250 % 256}.{i % 250 + 1}")
    names.append(f"_sipfederationtls._tcp.partner{i:05d}.{zone}")
open(f"{work}/zone", "w").write("\n".join(lines) + "\n")
open(f"{work}/names", "w").write("\n".join(names) + "\n")
open(f"{work}/dnsperf.input", "w").write("".join(f"{n} SRV\n" for n in names))
PY
cat >"$work/nsd.conf" <<CONF
server:
  ip-address: $DNS@53
  do-ip6: no
  database: ""
  username: ""
  chroot: ""
  server-count: 1
  verbosity: 0
  rrl-ratelimit: 0
  pidfile: "$work/nsd.pid"
  xfrdfile: "$work/xfrd.state"
  xfrdir: "$work"
  zonelistfile: "$work/zone.list"
  logfile: "$work/nsd.log"
remote-control:
  control-enable: no
zone:
  name: $ZONE
  zonefile: "$work/zone"
CONF

ip netns add "$netns"
ip -n "$netns" link set lo up
in_ns() { ip netns exec "$netns" "$@"; }
in_ns nsd -d -c "$work/nsd.conf" </dev/null >"$work/nsd.out" 2>&1 &
nsd_pid=$!
last=$(tail -1 "$work/names")
for _ in $(seq 100); do
    in_ns drill -Q "@$DNS" "$last" SRV 2>/dev/null | grep -q 5061 && break
    sleep 0.1
done
in_ns drill -Q "@$DNS" "$last" SRV | grep -q 5061 ||
    { cat "$work/nsd.out" "$work/nsd.log" >&2 2>/dev/null; exit 1; }

queries=$((partners * passes))
echo "== $runs runs, $queries SRV queries each ($passes x $partners partners), $in_flight in flight; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$work/rates"
for run in $(seq "$runs"); do
    status=0
    in_ns /usr/bin/time -f "%U %S" -o "$work/bench.cpu" "$bench" --server "$DNS" \
        --names "$work/names" --count "$queries" --max-in-flight "$in_flight" --timeout-ms 1000 \
        >"$work/bench.out" || status=$?
    in_ns /usr/bin/time -f "%U %S" -o "$work/dnsperf.cpu" dnsperf -s "$DNS" \
        -d "$work/dnsperf.input" -n "$passes" -q "$in_flight" -t 1 >"$work/dnsperf.out" 2>&1
    ours=$(sed -n 's/.*qps=\([0-9]*\).*/\1/p' "$work/bench.out")
    theirs=$(sed -n 's/.*Queries per second: *\([0-9.]*\).*/\1/p' "$work/dnsperf.out")
    completed=$(sed -n 's/.*Queries completed: *\([0-9]*\).*/\1/p' "$work/dnsperf.out")
    [ "$status" -eq 0 ] || { echo "dns_srv_bench: not every answer ok: $(cat "$work/bench.out")" >&2; exit 1; }
    [ "$completed" = "$queries" ] || { echo "dnsperf completed $completed of $queries" >&2; exit 1; }
    echo "$ours $theirs $(cat "$work/bench.cpu") $(cat "$work/dnsperf.cpu")" >>"$work/rates"
    echo "run $run: dns_srv_bench $ours q/s (user/system CPU s: $(cat "$work/bench.cpu")), dnsperf" \
        "$theirs q/s ($(cat "$work/dnsperf.cpu")) (load $(cut -d' ' -f1 /proc/loadavg))"
done
python3 - "$work/rates" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
ours = statistics.median(r[0] for r in rows)
theirs = statistics.median(r[1] for r in rows)
ratios = [r[0] / r[1] for r in rows]
cpu = lambda user, system: statistics.median(r[user] + r[system] for r in rows)
print(f"median CPU (user + system) per run: dns_srv_bench {cpu(2, 3):.2f} s, dnsperf {cpu(4, 5):.2f} s")
print(f"median: dns_srv_bench {ours:.0f} q/s, dnsperf {theirs:.0f} q/s, ratio {ours / theirs:.0%} "
      f"(per run {min(ratios):.0%}-{max(ratios):.0%}; target >= 90%: "
      f"{'met' if ours / theirs >= 0.9 else 'missed'})")
PY

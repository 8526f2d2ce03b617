#!/usr/bin/env bash
# TCP sweep benchmark: edgeplan's epoll port prober against nmap, on one loopback host inside a
# network namespace this script creates (root only). Results: docs/performance.md.
#
#   tests/bench/port_sweep.sh [--runs N] [--timeout-ms N] [--full-nmap]
#
# (a) 10,000 ports, 100 open and the rest closed (RST): prober vs `nmap -sT -T5`.
# (b) the same ports with nftables dropping the SYNs to half of them: the prober's wall time
#     against its per-probe timeout (target <= 1.5x: every probe is in flight at once), and nmap
#     on a 500-port subset (half dropped), extrapolated linearly to 10,000 ports; with
#     --full-nmap also one full 10,000-port nmap run, since nmap's time on drops is not linear
#     in the port count (docs/performance.md).
#
# `edgeplan check` cannot sweep an arbitrary port range yet (--target/--only), so the prober is
# driven by tests/bench/port_sweep_bench.cpp (CMake target port_sweep_bench, links
# edgeplan_checks): the same PortProber the port checks use, without the check logic around it.
# Medians of repeated runs, with hyperfine when installed (apt-get install -y hyperfine nmap).
set -euo pipefail

runs=10
timeout_ms=1000
full_nmap=0
while (($#)); do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    --timeout-ms) timeout_ms=$2; shift 2 ;;
    --full-nmap) full_nmap=1; shift ;;
    *) echo "usage: $0 [--runs N] [--timeout-ms N] [--full-nmap]" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOST=127.0.40.1
SOURCE=127.0.0.9
FIRST=20001
LAST=30000
DROP_FIRST=25001          # (b): 25001-30000 dropped, half of the range
SUBSET=24751-25250        # (b) nmap: 500 ports, 250 of them dropped
SUBSET_PORTS=500
PORTS=$((LAST - FIRST + 1))

[ "$(id -u)" -eq 0 ] || { echo "port_sweep.sh: needs root (network namespace, nftables)" >&2; exit 1; }
if ! command -v nmap >/dev/null || ! command -v hyperfine >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine nmap >/dev/null 2>&1 ||
        echo "port_sweep.sh: could not install hyperfine/nmap; timing with a Python loop" >&2
fi
command -v nmap >/dev/null || { echo "port_sweep.sh: nmap is required" >&2; exit 1; }

echo "== building port_sweep_bench (Release)" >&2
cmake -S "$root" -B "$root/build/release" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build/release" -j2 --target port_sweep_bench >/dev/null
bench="$root/build/release/tests/bench/port_sweep_bench"

work=$(mktemp -d /tmp/edgeplan-bench.XXXXXX)
netns="edgeplan-bench-$$"
listener_pid=""
cleanup() {
    [ -z "$listener_pid" ] || kill -TERM "$listener_pid" 2>/dev/null || true
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$netns"
ip -n "$netns" link set lo up
# 100 listeners, one every 100 ports: 20001, 20101, ..., 29901.
listen_ports=$(seq -s, "$FIRST" 100 "$LAST")
ip netns exec "$netns" python3 "$root/samples/lab/listener.py" --ready "$work/ready" \
    "$HOST:$listen_ports" </dev/null >"$work/listener.log" 2>&1 &
listener_pid=$!
for _ in $(seq 100); do [ -s "$work/ready" ] && break; sleep 0.1; done
[ -s "$work/ready" ] || { cat "$work/listener.log" >&2; exit 1; }

in_ns() { ip netns exec "$netns" "$@"; }
sweep=("$bench" --address "$HOST" --ports "$FIRST-$LAST" --source-address "$SOURCE" --timeout-ms "$timeout_ms")
nmap_all=(nmap -sT -T5 -n -Pn -p "$FIRST-$LAST" "$HOST")
nmap_subset=(nmap -sT -T5 -n -Pn -p "$SUBSET" "$HOST")

# expect LABEL WANT CMD...: run once and compare the outcome counts (a benchmark of wrong
# answers would be worthless).
expect() {
    local label=$1 want=$2 got
    shift 2
    got=$(in_ns "$@")
    echo "   $label: $got" >&2
    [[ "$got" == *"$want"* ]] || { echo "port_sweep.sh: $label: expected $want" >&2; exit 1; }
}
nmap_open() { in_ns "$@" -oG - | grep -o '[0-9]*/open/' | wc -l; }

# measure NAME RUNS CMD...: median wall seconds into $work/NAME.median
measure() {
    local name=$1 n=$2
    shift 2
    if command -v hyperfine >/dev/null; then
        in_ns hyperfine -N --style none --warmup 1 --runs "$n" --export-json "$work/$name.json" \
            -- "$(printf '%q ' "$@")" >/dev/null
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' \
            "$work/$name.json" >"$work/$name.median"
    else
        in_ns python3 - "$n" "$@" >"$work/$name.median" <<'PY'
import statistics, subprocess, sys, time
n, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
times = []
for _ in range(n):
    start = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    times.append(time.monotonic() - start)
print(statistics.median(times))
PY
    fi
}

echo "== (a) $PORTS ports, 100 open, the rest closed" >&2
expect "prober" "open=100 closed=$((PORTS - 100)) filtered=0" "${sweep[@]}"
open=$(nmap_open "${nmap_all[@]}")
echo "   nmap: $open open" >&2
[ "$open" -eq 100 ] || { echo "port_sweep.sh: nmap saw $open open ports, expected 100" >&2; exit 1; }
measure a_prober "$runs" "${sweep[@]}"
measure a_nmap "$runs" "${nmap_all[@]}"

echo "== (b) the same ports, nftables drops $DROP_FIRST-$LAST" >&2
cat >"$work/drop.nft" <<NFT
table inet edgeplan_bench {
    chain input {
        type filter hook input priority 0; policy accept;
        ip daddr $HOST tcp dport $DROP_FIRST-$LAST drop
    }
}
NFT
in_ns nft -f "$work/drop.nft"
dropped=$((LAST - DROP_FIRST + 1))
expect "prober" "open=50 closed=$((PORTS - dropped - 50)) filtered=$dropped" "${sweep[@]}"
nmap_runs=$(((runs + 1) / 2))
measure b_prober "$runs" "${sweep[@]}"
measure b_nmap_subset "$nmap_runs" "${nmap_subset[@]}"
echo none >"$work/b_nmap_full.seconds"
if ((full_nmap)); then
    echo "== (b) one full nmap run" >&2
    started=$(date +%s.%N)
    open=$(nmap_open "${nmap_all[@]}")
    python3 -c 'import sys,time; print(time.time() - float(sys.argv[1]))' "$started" \
        >"$work/b_nmap_full.seconds"
    echo "   nmap: $open open (expected 50)" >&2
fi

python3 - "$work" "$timeout_ms" "$PORTS" "$SUBSET_PORTS" "$runs" "$nmap_runs" <<'PY'
import sys
work, timeout_ms, ports, subset, runs, nmap_runs = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:])
m = {name: float(open(f"{work}/{name}.median").read()) for name in
     ("a_prober", "a_nmap", "b_prober", "b_nmap_subset")}
timeout = timeout_ms / 1000
extrapolated = m["b_nmap_subset"] * ports / subset
full = open(f"{work}/b_nmap_full.seconds").read().strip()
full_text = "" if full == "none" else f"; one full run: {float(full):.1f} s"
rows = [
    ("(a) 10,000 ports open/closed", f"{m['a_prober']:.3f} s", f"{m['a_nmap']:.3f} s",
     f"nmap/edgeplan {m['a_nmap'] / m['a_prober']:.1f}x"),
    ("(b) 10,000 ports, half dropped", f"{m['b_prober']:.3f} s",
     f"~{extrapolated:.1f} s (500 ports: {m['b_nmap_subset']:.3f} s, x{ports // subset}{full_text})",
     f"edgeplan/timeout {m['b_prober'] / timeout:.2f}x (target <= 1.5x: "
     f"{'met' if m['b_prober'] <= 1.5 * timeout else 'MISSED'})"),
]
print(f"TCP sweep, medians (edgeplan: {runs} runs; nmap: {runs} runs in (a), {nmap_runs} in (b));"
      f" probe timeout {timeout_ms} ms")
print("edgeplan = the epoll PortProber driven by tests/bench/port_sweep_bench (edgeplan check "
      "has no port sweep yet)")
print()
print("| Case | edgeplan | nmap -sT -T5 | Ratio |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY

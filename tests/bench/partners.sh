#!/usr/bin/env bash
# `edgeplan partners` at scale, beside peer tools, in a network namespace (root only).
# Results: docs/performance.md "Partner audit".
#
#   tests/bench/partners.sh EDGEPLAN [--partners N] [--silent-percent P] [--timeout S]
#                           [--tls-server BINARY]
#
# Builds the partner lab in bench mode (samples/lab/partners/partner_lab.sh: NSD with
# rrl-ratelimit 0 serving N partner domains, one TLS server process listening on N loopback
# addresses with a certificate per partner from a test CA, nftables dropping 5061 on P% of
# them). The TLS server is tests/bench/partner_tls_server (C++, epoll; `cmake --build BUILD
# --target partner_tls_server`), found beside EDGEPLAN's build tree or given with --tls-server;
# `--tls-server python` uses the lab's partner_tls_server.py (thread per connection under the
# GIL: on 2 cores it takes as much CPU as edgeplan). Then it measures:
#   (a) edgeplan partners end to end (SRV, A/AAAA, TCP, TLS, certificates for every partner):
#       wall time against the target 2 x --timeout + 1 s, and peak RSS against 150 MB;
#   (b) the peers in the same namespace: dnsperf (if installed) on the same SRV queries, and
#       `openssl s_time`-style handshakes: a loop of `openssl s_client` over a sample of the
#       partners, extrapolated to N (openssl has no parallel mode).
set -euo pipefail

binary=${1:-}
shift || true
partners=2000
silent=5
timeout_s=2
tls_server=
while (($#)); do
    case "$1" in
    --partners) partners=$2; shift 2 ;;
    --silent-percent) silent=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --tls-server) tls_server=$2; shift 2 ;;
    *) echo "usage: $0 EDGEPLAN [--partners N] [--silent-percent P] [--timeout S] [--tls-server BINARY|python]" >&2; exit 2 ;;
    esac
done
[ -x "$binary" ] || { echo "usage: $0 EDGEPLAN_BINARY [...]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "partners.sh: needs root (network namespace)" >&2; exit 77; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -z "$tls_server" ]; then
    # EDGEPLAN is BUILD/app/edgeplan; the server is BUILD/tests/bench/partner_tls_server.
    tls_server="$(cd "$(dirname "$binary")/.." && pwd)/tests/bench/partner_tls_server"
    [ -x "$tls_server" ] || { echo "partners.sh: $tls_server missing (cmake --build BUILD --target partner_tls_server, or --tls-server python)" >&2; exit 2; }
fi
server_args=(--tls-server "$tls_server")
[ "$tls_server" != python ] || server_args=()
lab="$root/samples/lab/partners/partner_lab.sh"
netns="edgeplan-partnerbench-$$"
state=$(mktemp -d /tmp/edgeplan-partnerbench.XXXXXX)
cleanup() {
    "$lab" stop "$state/lab" --netns "$netns" >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building the lab: $partners partners, $silent% silent, TLS server: $tls_server"
start=$(date +%s)
"$lab" start "$state/lab" bench "$partners" "$silent" --netns "$netns" "${server_args[@]}" >"$state/start.log" 2>&1 ||
    { cat "$state/start.log" >&2; exit 1; }
echo "lab ready in $(($(date +%s) - start)) s"
topology="$root/samples/lync-published/topology.xml"
in_ns() { ip netns exec "$netns" "$@"; }

# (a) edgeplan, three runs; /usr/bin/time gives the peak RSS and edgeplan's CPU time, the
# server's /proc stat the lab server's CPU time in the same run (both share the machine).
server_pid=$(sed -n 2p "$state/lab/pids")
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$server_pid/stat"; }
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
    status=0
    server_before=$(server_cpu)
    in_ns /usr/bin/time -f "%e %M %U %S" -o "$state/time.$run" "$binary" partners "$topology" \
        --settings "$state/lab/settings.xml" --dns-server 127.0.53.11 \
        --ca-file "$state/lab/pki/ca.pem" --timeout "${timeout_s}s" --format json --quiet \
        --output "json=$state/report.$run.json" || status=$?
    # /usr/bin/time writes "Command exited with non-zero status 1" first when edgeplan exits 1.
    read -r seconds kb user system < <(tail -n 1 "$state/time.$run")
    server_seconds=$(awk -v a="$(server_cpu)" -v b="$server_before" 'BEGIN {printf "%.2f", a - b}')
    verdicts=$(python3 -c '
import json, sys, collections
r = json.load(open(sys.argv[1]))
c = collections.Counter(p["verdict"] for p in r["partners"])
print(" ".join(f"{k}={v}" for k, v in sorted(c.items())))' "$state/report.$run.json")
    echo "edgeplan partners run $run: ${seconds} s, peak RSS $((kb / 1024)) MB, CPU ${user} s user + ${system} s system (lab TLS server: ${server_seconds} s), exit $status, verdicts: $verdicts"
done
target=$((2 * timeout_s + 1))
echo "target: <= ${target} s (2 x --timeout + 1 s), <= 150 MB"

# (b1) dnsperf on the same SRV names, if installed (apt-get install dnsperf).
if command -v dnsperf >/dev/null; then
    python3 - "$partners" >"$state/queries.txt" <<'PY'
import sys
for i in range(int(sys.argv[1])):
    print(f"_sipfederationtls._tcp.p{i:05d}.ptest SRV")
PY
    in_ns dnsperf -s 127.0.53.11 -d "$state/queries.txt" -n 5 -c 4 -q 500 2>&1 |
        grep -E "Queries per second|Queries completed|Run time" | sed 's/^/dnsperf: /'
else
    echo "dnsperf: not installed (apt-get install dnsperf); skipped"
fi

# (b2) openssl s_client handshakes, one at a time (no parallel mode), on 50 healthy partners.
sample=50
start=$(date +%s%N)
ok=0
for i in $(seq 1 "$sample"); do
    index=$((i * 7))
    address=$(python3 -c "import ipaddress,sys; print(ipaddress.ip_address('127.1.0.1') + int(sys.argv[1]))" "$index")
    ((index % (100 / silent) == 0)) && continue
    if in_ns timeout 3 openssl s_client -connect "$address:5061" \
        -servername "sip.p$(printf %05d "$index").ptest" </dev/null >/dev/null 2>&1; then
        ok=$((ok + 1))
    fi
done
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "openssl s_client: $ok handshakes in ${elapsed_ms} ms, $((elapsed_ms / (ok > 0 ? ok : 1))) ms each; x$partners partners = $((elapsed_ms * partners / (ok > 0 ? ok : 1) / 1000)) s sequential (the silent ones add ${timeout_s} s each)"

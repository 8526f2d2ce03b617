#!/usr/bin/env bash
# Certificate-check benchmark: edgeplan's TLS prober + certificate rules per second against one
# local TLS server, next to `openssl s_time -new` (handshakes per second) against the same
# server. Root only (network namespace). Target: >= 200 certificate checks per second.
# Results: docs/performance.md.
#
#   tests/bench/cert_checks.sh [--seconds N]
#
# Set-up, all inside a network namespace this script creates (only lo): a test CA and the lab's
# external Edge certificate, issued from `edgeplan plan samples/lab/topology.xml --emit-csr`
# exactly as samples/lab/lab.sh does (so every rule has something real to judge), served by
# `openssl s_server -www` on 127.0.40.1:5061. One certificate check = what `edgeplan check`
# does per TLS endpoint: a new TCP connection and a full handshake (no session resumption), the
# chain parsed and verified against the test CA, all certificate rules evaluated
# (tests/bench/cert_checks_bench.cpp, CMake target cert_checks_bench). `openssl s_time -new`
# does the handshakes alone, which bounds what any client can get from this server.
set -euo pipefail

seconds=10
while (($#)); do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N]" >&2; exit 2 ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && ((seconds >= 1 && seconds <= 120)) ||
    { echo "cert_checks.sh: --seconds must be 1-120" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOST=127.0.40.1
PORT=5061
TARGET=200

[ "$(id -u)" -eq 0 ] || { echo "cert_checks.sh: needs root (network namespace)" >&2; exit 1; }

echo "== building edgeplan and cert_checks_bench (Release)" >&2
cmake -S "$root" -B "$root/build/release" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build/release" -j2 --target edgeplan cert_checks_bench >/dev/null
bench="$root/build/release/tests/bench/cert_checks_bench"
edgeplan="$root/build/release/app/edgeplan"

work=$(mktemp -d /tmp/edgeplan-certbench.XXXXXX)
netns="edgeplan-certbench-$$"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== test CA and the lab's external certificate from edgeplan plan --emit-csr" >&2
status=0
"$edgeplan" plan "$root/samples/lab/topology.xml" --emit-csr "$work/requests" >"$work/plan.log" 2>&1 ||
    status=$?
((status <= 1)) || { cat "$work/plan.log" >&2; exit 1; }
{
    openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=edgeplan bench CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" \
        -keyout "$work/ca.key" -out "$work/ca.pem"
    openssl req -new -config "$work/requests/edge-external.cnf" -newkey rsa:2048 -nodes \
        -keyout "$work/server.key" -out "$work/server.csr"
    # OpenSSL 3: -copy_extensions keeps the SANs and EKUs edgeplan asked for.
    openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
        -CAcreateserial -days 365 -sha256 -copy_extensions copy -out "$work/server.crt"
} >"$work/openssl.log" 2>&1 || { cat "$work/openssl.log" >&2; exit 1; }
cat "$work/server.crt" "$work/ca.pem" >"$work/server.pem"

ip netns add "$netns"
ip -n "$netns" link set lo up
in_ns() { ip netns exec "$netns" "$@"; }
# Not through in_ns: a function in the background is a subshell, and $! must be s_server itself
# (ip execs it) so that cleanup stops the server by its PID.
ip netns exec "$netns" openssl s_server -accept "$HOST:$PORT" -cert "$work/server.pem" \
    -key "$work/server.key" -www -quiet </dev/null >"$work/s_server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    in_ns ss -Hltn "sport = :$PORT" | grep -qF "$HOST:$PORT" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/s_server.log" >&2; exit 1; }
    sleep 0.1
done
in_ns ss -Hltn "sport = :$PORT" | grep -qF "$HOST:$PORT" ||
    { echo "cert_checks.sh: s_server did not listen" >&2; exit 1; }

echo "== edgeplan: TLS prober + certificate rules for ${seconds}s" >&2
in_ns "$bench" --topology "$root/samples/lab/topology.xml" --address "$HOST" --port "$PORT" \
    --ca-file "$work/ca.pem" --seconds "$seconds" >"$work/bench.out"
# A benchmark of wrong answers would be worthless: the rules must have judged a correct
# certificate (no fail, no error) before the rate counts.
if grep -E '^[A-Z0-9-]+ (fail|error) ' "$work/bench.out" >&2; then
    echo "cert_checks.sh: the certificate rules failed the benchmark certificate" >&2
    exit 1
fi
sed 's/^/   /' "$work/bench.out" >&2

echo "== openssl s_time -new for ${seconds}s" >&2
in_ns openssl s_time -connect "$HOST:$PORT" -new -time "$seconds" >"$work/s_time.out" 2>&1 ||
    { cat "$work/s_time.out" >&2; exit 1; }
grep -v '^\**$' "$work/s_time.out" | sed 's/^/   /' >&2  # minus its progress stars

python3 - "$work/bench.out" "$work/s_time.out" "$TARGET" "$(nproc)" <<'PY'
import re, sys
bench, s_time, target, cpus = open(sys.argv[1]).read(), open(sys.argv[2]).read(), int(sys.argv[3]), sys.argv[4]
m = re.search(r"checks=(\d+) seconds=([\d.]+) rate=([\d.]+)/s handshake_failures=(\d+)", bench)
t = re.search(r"(\d+) connections in (\d+) real seconds", s_time)
if not m or not t:
    sys.exit("cert_checks.sh: could not read the results")
checks, elapsed, rate, failures = int(m[1]), float(m[2]), float(m[3]), int(m[4])
connections, real = int(t[1]), int(t[2])
s_rate = connections / real
verdict = "met" if rate >= target else "MISSED"
if rate < target and s_rate < target:
    verdict += f" (s_time itself reached only {s_rate:.0f}/s: the server and CPU were the bound)"
print(f"Certificate checks against one local TLS server (openssl s_server -www, RSA 2048, {cpus} CPUs)")
print()
print("| Client | Operations | Seconds | Per second |")
print("|---|---|---|---|")
print(f"| edgeplan TLS prober + certificate rules (cert_checks_bench) | {checks} checks"
      f" ({failures} failed) | {elapsed:.1f} | {rate:.0f} |")
print(f"| openssl s_time -new (handshakes only) | {connections} connections | {real} | {s_rate:.0f} |")
print()
print("s_time reports wall time in whole seconds, so its rate is accurate to about one part in "
      "the run's seconds.")
print()
print(f"edgeplan / s_time: {rate / s_rate:.2f}; target >= {target} checks/s: {verdict}")
sys.exit(0 if rate >= target else 1)
PY

#!/usr/bin/env bash
# Lab test of `edgeplan partners` (ctest: lab_partners). Root only; exit 77 = skipped.
#
#   run_partner_lab_test.sh EDGEPLAN
#
# Starts the partner lab (samples/lab/partners/partner_lab.sh: NSD, one TLS/XMPP server process
# with a test CA, nftables drops) in a namespace of its own, runs `edgeplan partners` on the
# lab's settings there (--record), asserts every planted verdict (assert_partners.py against the
# lab's expected.json), that the hostile peers (drip, garbage) end within the timeout, that no
# probe named a blocked or foreign name, and that --replay of the recording outside the
# namespace gives the same findings. The lab is always stopped (trap).
set -euo pipefail

binary=${1:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
lab="$root/samples/lab/partners/partner_lab.sh"
[ -x "$binary" ] || {
    echo "edgeplan binary not found: $binary" >&2
    exit 2
}
skip() {
    echo "SKIP: $*"
    exit 77
}
[ "$(id -u)" -eq 0 ] || skip "the partner lab needs root (it creates a network namespace)"
for tool in ip nsd drill nft python3; do
    command -v "$tool" >/dev/null || skip "$tool is missing (bash .ci/install-deps)"
done
python3 -c 'import cryptography' 2>/dev/null || skip "python3-cryptography is missing"
netns="edgeplan-partnertest-$$"
state=$(mktemp -d /tmp/edgeplan-partnertest.XXXXXX)
cleanup() {
    "$lab" stop "$state/lab" --netns "$netns" >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

timeout 180 "$lab" start "$state/lab" lab --netns "$netns" >"$state/start.log" 2>&1 || {
    cat "$state/start.log" >&2
    exit 1
}
topology="$root/samples/lync-published/topology.xml"
timeout_seconds=2
status=0
start=$(date +%s%N)
timeout 60 ip netns exec "$netns" "$binary" partners "$topology" \
    --settings "$state/lab/settings.xml" --dns-server 127.0.53.11 \
    --ca-file "$state/lab/pki/ca.pem" --timeout "${timeout_seconds}s" --format json \
    --record "$state/record.json" --output "text=$state/report.txt" \
    --output "html=$state/report.html" >"$state/report.json" 2>"$state/stderr" || status=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
cat "$state/report.txt"
[ "$status" -eq 1 ] || {
    echo "FAIL: exit code $status, expected 1 (planted faults)" >&2
    cat "$state/stderr" >&2
    exit 1
}
python3 "$here/assert_partners.py" "$state/report.json" "$state/lab/expected.json" \
    "$state/record.json"
# Hostile peers: a dripping and a garbage-sending server cost at most one timeout each phase.
# The whole run (DNS, TCP, TLS, the legacy retry) stays within 3 timeouts plus start-up.
limit_ms=$((3 * timeout_seconds * 1000 + 3000))
if ((elapsed_ms > limit_ms)); then
    echo "FAIL: the run took ${elapsed_ms} ms, over ${limit_ms} ms" >&2
    exit 1
fi
echo "run took ${elapsed_ms} ms (limit ${limit_ms} ms)"
# Replay outside the namespace: the same findings without any network.
"$binary" partners "$topology" --settings "$state/lab/settings.xml" \
    --ca-file "$state/lab/pki/ca.pem" --replay "$state/record.json" --format json \
    --now "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["now"])' "$state/report.json")" \
    >"$state/replay.json" || true
python3 - "$state/report.json" "$state/replay.json" <<'PY'
import json, sys
live, replay = (json.load(open(p)) for p in sys.argv[1:])
if live["findings"] != replay["findings"] or live["partners"] != replay["partners"]:
    print("FAIL: --replay gave other findings than the live run")
    sys.exit(1)
print(f"replay: {len(replay['findings'])} findings, identical")
PY
grep -q 'id="partners"' "$state/report.html" || {
    echo "FAIL: the HTML report has no partner table" >&2
    exit 1
}
echo "PASS"

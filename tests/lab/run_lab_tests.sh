#!/usr/bin/env bash
# Lab integration tests (ctest: lab_self, lab_check, lab_check_tls). Root only; exit 77 =
# skipped.
#
#   run_lab_tests.sh self      EDGEPLAN  the lab serves what each variant promises (no edgeplan
#                                        check needed: drill, TCP connects, STUN, openssl
#                                        s_client and SIP/XMPP from Python), every variant
#   run_lab_tests.sh check     EDGEPLAN  `edgeplan check` finds exactly the planted faults of
#                                        good, broken-dns, broken-ports; the TLS rows of
#                                        expected_findings.json are skipped (with a message)
#                                        while `edgeplan check --help` has no --ca-file
#   run_lab_tests.sh check-tls EDGEPLAN  the same for the certificate and XMPP variants; exit 77
#                                        while `edgeplan check` has no --ca-file
#
# Each variant gets a fresh lab in a namespace of its own (edgeplan-labtest-PID), so the test
# runs beside a lab started by hand; the lab is always stopped (trap). `edgeplan check` trusts
# the lab's test CA (--ca-file STATE/pki/ca.pem).
set -euo pipefail

mode=${1:-}
binary=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
lab="$root/samples/lab/lab.sh"
classic_variants=(good broken-dns broken-ports)
tls_variants=(broken-cert-san broken-cert-eku broken-cert-expired broken-cert-root
    broken-cert-members broken-xmpp)

skip() {
    echo "SKIP: $*"
    exit 77
}

case "$mode" in
self) variants=("${classic_variants[@]}" "${tls_variants[@]}") ;;
check) variants=("${classic_variants[@]}") ;;
check-tls) variants=("${tls_variants[@]}") ;;
*)
    echo "usage: $0 self|check|check-tls EDGEPLAN_BINARY" >&2
    exit 2
    ;;
esac
[ -x "$binary" ] || {
    echo "edgeplan binary not found: $binary" >&2
    exit 2
}
[ "$(id -u)" -eq 0 ] || skip "the lab tests need root (they create a network namespace)"
for tool in ip nsd nsd-checkzone drill turnserver nft ss python3 openssl prosody; do
    command -v "$tool" >/dev/null || skip "$tool is missing (bash .ci/install-deps)"
done
netns="edgeplan-labtest-$$"
ip netns add "$netns-probe" >/dev/null 2>&1 || skip "ip netns is unavailable here (cannot create a namespace)"
ip netns del "$netns-probe"
tls_layer=0
if [ "$mode" != self ]; then
    help=$("$binary" check --help 2>&1) ||
        skip "'edgeplan check --help' failed: this build has no check command yet; the lab check tests run once it is merged"
    if grep -q -- '--ca-file' <<<"$help"; then
        tls_layer=1
    elif [ "$mode" = check-tls ]; then
        skip "'edgeplan check --help' has no --ca-file: the live certificate/TLS checks are not merged yet; ${tls_variants[*]} are checked once they are (lab_self already verifies what these variants serve)"
    else
        echo "NOTE: 'edgeplan check' has no --ca-file yet: the TLS/certificate rows of expected_findings.json are skipped"
    fi
fi

state=$(mktemp -d /tmp/edgeplan-labtest.XXXXXX)
export EDGEPLAN="$binary" EDGEPLAN_LAB_STATE="$state"
cleanup() {
    "$lab" stop --netns "$netns" >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Every step is bounded, so a hang becomes a failure with a message instead of a stalled run.
start_lab() {
    timeout 180 "$lab" start "$1" --netns "$netns" >"$state/start.log" 2>&1
}

# One check of one variant against the running lab; 0 when the report is as expected.
check_variant() {
    local variant=$1 status=0
    local tls_args=() assert_args=(--without-tls)
    if ((tls_layer)); then
        tls_args=(--ca-file "$("$lab" ca-file --netns "$netns")")
        assert_args=()
    fi
    (cd "$root" && timeout 120 "$lab" exec --netns "$netns" "$binary" check \
        samples/lab/topology.xml --dns-server 127.0.53.1 --internal-dns-server 127.0.53.2 \
        --from external --from internal --source-address 127.0.0.9 --timeout 3s \
        "${tls_args[@]}" --format json) >"$state/$variant.json" 2>"$state/$variant.err" ||
        status=$?
    python3 "$here/assert_report.py" "${assert_args[@]}" "$here/expected_findings.json" \
        "$variant" "$state/$variant.json" "$status"
}

failures=0
for variant in "${variants[@]}"; do
    if ! start_lab "$variant"; then
        echo "FAIL [$variant] lab.sh start failed:"
        cat "$state/start.log"
        failures=$((failures + 1))
        timeout 60 "$lab" stop --netns "$netns" >/dev/null 2>&1 || true
        continue
    fi
    if [ "$mode" = self ]; then
        timeout 180 "$lab" exec --netns "$netns" python3 "$here/lab_probe.py" \
            "$here/lab_self_test.json" "$variant" --ca-file "$("$lab" ca-file --netns "$netns")" ||
            failures=$((failures + 1))
    elif ! check_variant "$variant"; then
        failures=$((failures + 1))
        echo "--- stderr of edgeplan check ($variant):"
        cat "$state/$variant.err"
    fi
    timeout 60 "$lab" stop --netns "$netns" >/dev/null || true
done

if ((failures)); then
    echo "$failures lab variant(s) failed"
    exit 1
fi
echo "all lab variants passed ($mode)"

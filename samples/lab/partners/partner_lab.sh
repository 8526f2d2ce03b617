#!/usr/bin/env bash
# The partner lab: federation partners' DNS and servers for `edgeplan partners`, inside a network
# namespace with only lo up (nothing touches the host network).
#
#   partner_lab.sh start DIR lab [--netns NAME]            one partner of each fault (README.md)
#   partner_lab.sh start DIR bench N PCT [--netns NAME]    N healthy partners, PCT% dropped 5061
#   partner_lab.sh stop DIR [--netns NAME]
#
# --tls-server BINARY (any mode) serves the endpoints with that program instead of
# partner_tls_server.py: the benchmark passes tests/bench/partner_tls_server (C++, epoll), which
# serves the healthy modes only.
#
# start writes the lab into DIR (make_partner_lab.py: zones, test CA and certificates, endpoints,
# settings.xml, partners.txt, expected.json), then runs NSD on 127.0.53.11, one
# partner_tls_server.py process for every endpoint, and the nftables drops. PIDs are kept in
# DIR/pids and stopped by PID. Run commands in the lab with `ip netns exec NAME ...`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
netns=edgeplan-partners
tls_server=
WAIT_SECONDS=60

die() {
    echo "partner_lab.sh: $*" >&2
    exit 1
}

command=${1:-}
dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || {
    sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
shift 2
args=()
while (($#)); do
    case "$1" in
    --netns)
        netns=$2
        shift 2
        ;;
    --tls-server)
        tls_server=$2
        shift 2
        ;;
    *)
        args+=("$1")
        shift
        ;;
    esac
done

stop() {
    if [ -f "$dir/pids" ]; then
        while read -r pid; do kill -TERM "$pid" 2>/dev/null || true; done <"$dir/pids"
        for _ in $(seq 50); do
            alive=0
            while read -r pid; do kill -0 "$pid" 2>/dev/null && alive=1; done <"$dir/pids"
            ((alive)) || break
            sleep 0.1
        done
        while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done <"$dir/pids"
        rm -f "$dir/pids"
    fi
    ip netns del "$netns" 2>/dev/null || true
}

start() {
    mkdir -p "$dir"
    python3 "$here/make_partner_lab.py" "$dir" "${args[@]}" || die "make_partner_lab.py failed"
    ip netns add "$netns" || die "cannot create the namespace $netns"
    ip netns exec "$netns" ip link set lo up
    # The silent addresses: 5061 dropped, so a connect gets no answer at all.
    ip netns exec "$netns" nft -f "$dir/drop.nft" || die "nft failed"
    : >"$dir/pids"
    ip netns exec "$netns" ip addr add 127.0.53.11/32 dev lo 2>/dev/null || true
    ip netns exec "$netns" nsd -d -c "$dir/nsd.conf" </dev/null >"$dir/nsd.out" 2>&1 &
    echo $! >>"$dir/pids"
    rm -f "$dir/ready"
    local serve=(python3 "$here/partner_tls_server.py")
    [ -z "$tls_server" ] || serve=("$tls_server")
    ip netns exec "$netns" "${serve[@]}" --ready "$dir/ready" \
        "$dir/endpoints.json" </dev/null >"$dir/server.out" 2>&1 &
    local server=$!
    echo "$server" >>"$dir/pids"
    local deadline=$((SECONDS + WAIT_SECONDS))
    until [ -f "$dir/ready" ]; do
        kill -0 "$server" 2>/dev/null || die "${serve[*]} exited (see $dir/server.out)"
        ((SECONDS < deadline)) || die "${serve[*]} not ready after ${WAIT_SECONDS}s"
        sleep 0.1
    done
    until ip netns exec "$netns" drill -Q @127.0.53.11 ns1.ptest A 2>/dev/null | grep -q 127.0.53.11; do
        ((SECONDS < deadline)) || die "NSD not answering after ${WAIT_SECONDS}s (see $dir/nsd.out)"
        sleep 0.1
    done
}

case "$command" in
start)
    stop
    start || {
        stop
        exit 1
    }
    ;;
stop) stop ;;
*) die "unknown command $command" ;;
esac

#!/usr/bin/env bash
# The edgeplan lab: real servers for `edgeplan check`, inside a network namespace.
#
#   lab.sh start [VARIANT] [--netns NAME]    VARIANT: good (default), broken-dns, broken-ports,
#                broken-cert-san, broken-cert-eku, broken-cert-expired, broken-cert-root,
#                broken-cert-members, broken-xmpp
#   lab.sh stop  [--netns NAME]
#   lab.sh exec  [--netns NAME] CMD...      run CMD inside the lab's namespace
#   lab.sh status [--netns NAME]
#   lab.sh ca-file [--netns NAME]           path of the running lab's test CA
#
# start emits the DNS zones of samples/lab/topology.xml with `edgeplan plan --emit-zone`, wraps
# them with SOA/NS, serves them with NSD (external view 127.0.53.1, internal view 127.0.53.2),
# runs coturn (STUN) on the A/V Edge and internal addresses, issues the Edge certificates from
# `edgeplan plan --emit-csr` with a test CA made at start (state directory only), serves them on
# the Access Edge (SIP over TLS, samples/lab/sip_tls_responder.py), the Web Conferencing Edge
# and the internal 5061, runs Prosody on each member's Access Edge 5269 (STARTTLS required),
# and TCP listeners on the other Edge ports (samples/lab/listener.py). Everything runs in a
# namespace of its own (default edgeplan-lab) with only lo up, so nothing touches the host
# network. Every PID is recorded in the state directory and stopped by PID; a failed start
# cleans up after itself. The lab's CA is STATE/pki/ca.pem (`lab.sh ca-file` prints the path,
# for `edgeplan check --ca-file`). See README.md.
#
# Environment: EDGEPLAN (binary, default build/release/app/edgeplan), EDGEPLAN_LAB_STATE (parent
# of the state directories, default /tmp/edgeplan-lab).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
topology="$here/topology.xml"

# Addresses of samples/lab/topology.xml (public stand-ins on loopback) and of the lab servers.
# Edge member 1 (edge01) and member 2 (edge02) of the DNS load-balanced pool.
ACCESS=127.0.10.1
WEBCONF=127.0.10.2
AV=127.0.10.3
EDGE_INTERNAL=127.0.20.1
ACCESS2=127.0.10.11
WEBCONF2=127.0.10.12
AV2=127.0.10.13
EDGE_INTERNAL2=127.0.20.2
XMPP_DOMAIN=lab.example
FRONT_END=127.0.20.10
PARTNER1=127.0.30.1
PARTNER2=127.0.30.2
XMPP_PARTNER=127.0.30.3
DNS_EXTERNAL=127.0.53.1
DNS_INTERNAL=127.0.53.2
WAIT_SECONDS=15

netns=edgeplan-lab
variant=good

die() {
    echo "lab.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

state_dir() { echo "${EDGEPLAN_LAB_STATE:-/tmp/edgeplan-lab}/$netns"; }

# Foreground helper only: background servers call `ip netns exec` directly, so that $! is the
# server itself (ip execs it) and not a subshell.
in_netns() { ip netns exec "$netns" "$@"; }

# ---- process bookkeeping: "PID STARTTIME NAME" per line, STARTTIME guards against PID reuse ----

start_time() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    awk '{print $20}' <<<"$stat"
}

record_pid() {
    local name=$1 pid=$2 started
    started=$(start_time "$pid") || started=gone
    echo "$pid $started $name" >>"$(state_dir)/pids"
}

# Running and still the process we started. A zombie counts as gone: once lab.sh start has
# exited, its servers are re-parented to whatever init this machine has, which may not reap them.
alive() {
    local pid=$1 started=$2 stat fields
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    read -r -a fields <<<"$stat"
    [ "${fields[0]}" != Z ] && [ "${fields[19]}" = "$started" ]
}

stop_processes() {
    local file pid started name deadline
    file="$(state_dir)/pids"
    [ -f "$file" ] || return 0
    # SIGTERM to all, then wait for all (5 s), then SIGKILL what is left.
    while read -r pid started name; do
        ! alive "$pid" "$started" || kill -TERM "$pid" 2>/dev/null || true
    done <"$file"
    deadline=$((SECONDS + 5))
    while read -r pid started name; do
        while alive "$pid" "$started" && ((SECONDS < deadline)); do sleep 0.05; done
        if alive "$pid" "$started"; then
            echo "lab.sh: $name ($pid) ignored SIGTERM; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done <"$file"
    rm -f "$file"
}

stop_lab() {
    local dir
    dir=$(state_dir)
    stop_processes
    if [ -f "$dir/netns" ]; then
        ip netns del "$(cat "$dir/netns")" 2>/dev/null || true
    fi
    rm -rf "$dir"
}

# wait_for SECONDS WHAT PID CMD...: poll CMD until it succeeds, PID dies or the deadline passes.
wait_for() {
    local seconds=$1 what=$2 pid=$3
    shift 3
    local deadline=$((SECONDS + seconds))
    while ! "$@" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || die "$what exited during start-up"
        ((SECONDS < deadline)) || die "$what not ready after ${seconds}s"
        sleep 0.1
    done
}

# ---- DNS ----

emit_zones() {
    local dir=$1 binary=${EDGEPLAN:-$root/build/release/app/edgeplan} status=0
    [ -x "$binary" ] || die "edgeplan binary not found at $binary (build it or set EDGEPLAN)"
    "$binary" plan "$topology" --emit-zone "$dir/emitted" >"$dir/plan.log" 2>&1 || status=$?
    # 1 means the offline checks found something; the zones are written all the same.
    ((status <= 1)) || die "edgeplan plan failed (exit $status), see $dir/plan.log"
}

# wrap_zone VIEW DOMAIN SERVER-IP OUT FRAGMENT...: SOA/NS around the fragments.
wrap_zone() {
    local view=$1 domain=$2 server=$3 out=$4
    shift 4
    {
        echo "; edgeplan lab, $view view of $domain: SOA/NS added by lab.sh"
        echo "\$ORIGIN $domain."
        echo "\$TTL 3600"
        echo "@	IN	SOA	ns1.$domain. hostmaster.$domain. 1 3600 600 86400 300"
        echo "@	IN	NS	ns1.$domain."
        echo "ns1	IN	A	$server"
        local fragment
        for fragment in "$@"; do
            cat "$fragment"
            echo
        done
    } >"$out"
}

# build_view VIEW SERVER-IP: one zone per domain from the emitted and the lab-only fragments.
build_view() {
    local view=$1 server=$2 dir
    dir="$(state_dir)/$view"
    mkdir -p "$dir"
    local domains=() fragment domain
    # Emitted: DOMAIN.VIEW.zone; lab-only: zones/VIEW/DOMAIN.zone.
    for fragment in "$(state_dir)/emitted/"*".$view.zone"; do
        [ -f "$fragment" ] || continue
        domain=$(basename "$fragment" ".$view.zone")
        domains+=("$domain")
    done
    ((${#domains[@]})) || die "edgeplan emitted no $view zone"
    for fragment in "$here/zones/$view/"*.zone; do
        [ -f "$fragment" ] || continue
        domains+=("$(basename "$fragment" .zone)")
    done
    local unique
    unique=$(printf '%s\n' "${domains[@]}" | sort -u)
    for domain in $unique; do
        local parts=()
        [ -f "$(state_dir)/emitted/$domain.$view.zone" ] && parts+=("$(state_dir)/emitted/$domain.$view.zone")
        [ -f "$here/zones/$view/$domain.zone" ] && parts+=("$here/zones/$view/$domain.zone")
        wrap_zone "$view" "$domain" "$server" "$dir/$domain.zone" "${parts[@]}"
    done
}

# must_edit FILE DESCRIPTION SED-SCRIPT: apply a planted fault; fail if it changed nothing.
must_edit() {
    local file=$1 what=$2 script=$3
    cp "$file" "$file.orig"
    sed -E -i "$script" "$file"
    ! cmp -s "$file" "$file.orig" || die "broken-dns: could not plant '$what' in $file"
    rm -f "$file.orig"
}

plant_dns_faults() {
    local dir
    dir="$(state_dir)/external"
    # DNS-SRV-FED-01: the second SIP domain no longer publishes its federation SRV record.
    must_edit "$dir/lab2.example.zone" "remove _sipfederationtls._tcp SRV" \
        '/^_sipfederationtls\._tcp[[:space:]]/d'
    # DNS-SRV-CLI-01: client auto-configuration points at port 5062 instead of 443.
    must_edit "$dir/lab.example.zone" "_sip._tls SRV port 5062" \
        's/^(_sip\._tls[[:space:]]+IN[[:space:]]+SRV[[:space:]]+[0-9]+[[:space:]]+[0-9]+[[:space:]]+)443([[:space:]])/\15062\2/'
    # DNS-A-EXT-04: under NAT the A/V name also answers a private address (never probed: the
    # namespace has no route to 10.0.0.0/8).
    must_edit "$dir/lab.example.zone" "private A for av" \
        '$a ; planted by lab.sh broken-dns: a private address under NAT\nav	IN	A	10.0.0.5'
}

write_nsd_conf() {
    local view=$1 address=$2 dir zone
    dir="$(state_dir)/$view"
    {
        echo "server:"
        echo "  ip-address: $address@53"
        echo "  do-ip6: no"
        echo "  database: \"\""
        echo "  username: \"\""
        echo "  chroot: \"\""
        echo "  zonesdir: \"$dir\""
        echo "  server-count: 1"
        echo "  verbosity: 0"
        echo "  hide-version: yes"
        echo "  rrl-ratelimit: 0"
        echo "  pidfile: \"$dir/nsd.pid\""
        echo "  xfrdfile: \"$dir/xfrd.state\""
        echo "  xfrdir: \"$dir\""
        echo "  zonelistfile: \"$dir/zone.list\""
        echo "  logfile: \"$dir/nsd.log\""
        echo "remote-control:"
        echo "  control-enable: no"
        for zone in "$dir/"*.zone; do
            nsd-checkzone "$(basename "${zone%.zone}")" "$zone" >>"$dir/checkzone.log" 2>&1 ||
                die "zone $zone does not load: $(cat "$dir/checkzone.log")"
            echo "zone:"
            echo "  name: $(basename "${zone%.zone}")"
            echo "  zonefile: \"$zone\""
        done
    } >"$dir/nsd.conf"
}

dns_answers() { # SERVER NAME TYPE: succeeds once the server answers authoritatively
    in_netns drill -Q "@$1" "$2" "$3" | grep -q .
}

start_nsd() {
    local view=$1 address=$2 probe_name=$3 dir pid
    dir="$(state_dir)/$view"
    write_nsd_conf "$view" "$address"
    ip netns exec "$netns" nsd -d -c "$dir/nsd.conf" </dev/null >"$dir/nsd.out" 2>&1 &
    pid=$!
    record_pid "nsd-$view" "$pid"
    wait_for "$WAIT_SECONDS" "NSD ($view view)" "$pid" dns_answers "$address" "$probe_name" SOA
}

# ---- STUN and TCP ----

udp_bound() { # ADDR PORT
    in_netns ss -Hlun "sport = :$2" | grep -qF "$1:$2"
}

start_coturn() {
    local dir pid
    dir="$(state_dir)/coturn"
    mkdir -p "$dir"
    # -n: no config file; --userdb in the state dir: no system database needed as root.
    ip netns exec "$netns" turnserver -n --listening-ip="$AV" --listening-ip="$EDGE_INTERNAL" \
        --listening-ip="$AV2" --listening-ip="$EDGE_INTERNAL2" \
        --listening-port=3478 --no-tls --no-dtls --stun-only --no-cli \
        --log-file="$dir/turn.log" --pidfile="$dir/turn.pid" --userdb="$dir/turndb" \
        </dev/null >"$dir/turn.out" 2>&1 &
    pid=$!
    record_pid coturn "$pid"
    wait_for "$WAIT_SECONDS" "coturn on $AV:3478" "$pid" udp_bound "$AV" 3478
    wait_for "$WAIT_SECONDS" "coturn on $EDGE_INTERNAL:3478" "$pid" udp_bound "$EDGE_INTERNAL" 3478
    wait_for "$WAIT_SECONDS" "coturn on $AV2:3478" "$pid" udp_bound "$AV2" 3478
    wait_for "$WAIT_SECONDS" "coturn on $EDGE_INTERNAL2:3478" "$pid" udp_bound "$EDGE_INTERNAL2" 3478
}

start_listeners() {
    local ready pid internal_ports=443,4443,5062,8057,23456,50001-50003
    ready="$(state_dir)/listeners.ready"
    # The TLS ports (Access Edge 443/5061, Web Conferencing 443, internal 5061) and 5269 have
    # servers of their own (start_tls_responder, start_xmpp); these accept and close.
    ip netns exec "$netns" python3 "$here/listener.py" --ready "$ready" \
        "$AV:443" "$AV2:443" "$EDGE_INTERNAL:$internal_ports" "$EDGE_INTERNAL2:$internal_ports" \
        "$FRONT_END:5061" "$PARTNER1:5061" "$PARTNER2:5061" "$XMPP_PARTNER:5269" \
        </dev/null >"$(state_dir)/listeners.log" 2>&1 &
    pid=$!
    record_pid listeners "$pid"
    wait_for "$WAIT_SECONDS" "TCP listeners" "$pid" test -s "$ready"
}

drop_stun() {
    # broken-ports: the firewall drops STUN to the A/V Edge (PORT-EXT-12); the internal side
    # keeps answering.
    cat >"$(state_dir)/broken-ports.nft" <<EOF
table inet edgeplan_lab {
    chain input {
        type filter hook input priority 0; policy accept;
        ip daddr $AV udp dport 3478 drop
    }
}
EOF
    in_netns nft -f "$(state_dir)/broken-ports.nft"
}

# ---- certificates: a test CA and the Edge certificates from `edgeplan plan --emit-csr` ----

# make_ca DIR CN: a self-signed root and an `openssl ca` configuration that keeps the requested
# extensions (copy_extensions = copy: SAN and EKU come from edgeplan's request, as a CA that
# honours the CSR would issue them).
make_ca() {
    local dir=$1 cn=$2
    mkdir -p "$dir/issued"
    : >"$dir/index.txt"
    echo 1000 >"$dir/serial"
    cat >"$dir/ca.cnf" <<CNF
[ ca ]
default_ca = lab_ca
[ lab_ca ]
dir = $dir
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir/issued
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
default_md = sha256
default_days = 365
policy = any_name
copy_extensions = copy
unique_subject = no
x509_extensions = leaf
[ any_name ]
commonName = supplied
[ leaf ]
basicConstraints = critical, CA:FALSE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
    openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=$cn" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" >>"$(state_dir)/pki/openssl.log" 2>&1 ||
        die "could not create the CA $cn (see $(state_dir)/pki/openssl.log)"
}

# issue CA-DIR CNF NAME [START END]: key + CSR from edgeplan's configuration, signed by the CA;
# NAME.pem is the chain a server presents (leaf, then the root), NAME.key its key. START/END
# (YYYYMMDDHHMMSSZ) replace the default 365 days from now.
issue() {
    local ca=$1 cnf=$2 name=$3 dir log validity
    dir="$(state_dir)/pki"
    log="$dir/openssl.log"
    openssl req -new -config "$cnf" -newkey rsa:2048 -nodes -keyout "$dir/$name.key" \
        -out "$dir/$name.csr" >>"$log" 2>&1 || die "openssl req failed for $cnf (see $log)"
    validity=(-days 365)
    (($# < 5)) || validity=(-startdate "$4" -enddate "$5")
    openssl ca -batch -notext -config "$ca/ca.cnf" -in "$dir/$name.csr" -out "$dir/$name.crt" \
        "${validity[@]}" >>"$log" 2>&1 || die "openssl ca failed for $name (see $log)"
    cat "$dir/$name.crt" "$ca/ca.pem" >"$dir/$name.pem"
}

# variant_cnf SOURCE NAME DESCRIPTION SED-SCRIPT: a copy of edgeplan's request with one fault
# planted; fails if the emitted configuration no longer has the line it changes.
variant_cnf() {
    local source=$1 name=$2 what=$3 script=$4 out
    out="$(state_dir)/pki/$name.cnf"
    sed -E "$script" "$source" >"$out"
    ! cmp -s "$source" "$out" || die "$variant: could not plant '$what' in $source"
}

# Issues what the variant serves: external_1 / external_2 (each member's external certificate:
# Access Edge 443/5061, Web Conferencing 443, XMPP 5269), internal (the Edge internal 5061).
make_certificates() {
    local dir binary=${EDGEPLAN:-$root/build/release/app/edgeplan} status=0 external internal
    dir="$(state_dir)/pki"
    mkdir -p "$dir/requests"
    "$binary" plan "$topology" --emit-csr "$dir/requests" >"$dir/plan.log" 2>&1 || status=$?
    ((status <= 1)) || die "edgeplan plan --emit-csr failed (exit $status), see $dir/plan.log"
    external="$dir/requests/edge-external.cnf"
    internal="$dir/requests/edge-internal.cnf"
    [ -f "$external" ] && [ -f "$internal" ] || die "edgeplan emitted no edge-external/-internal.cnf"
    grep -q '^DNS\.[0-9]* = sip\.lab2\.example$' "$external" ||
        die "the emitted $external lacks sip.lab2.example"
    grep -q '^extendedKeyUsage = serverAuth, clientAuth$' "$external" ||
        die "the emitted $external lacks the client EKU (is AOL still enabled in the topology?)"

    make_ca "$dir/ca" "edgeplan lab test CA"
    cp "$dir/ca/ca.pem" "$dir/ca.pem"
    issue "$dir/ca" "$internal" internal
    case "$variant" in
    broken-cert-san)
        # CERT-EXT-05: the request (and so the certificate) lacks the second SIP domain.
        variant_cnf "$external" no-san "remove sip.lab2.example" '/^DNS\.[0-9]+ = sip\.lab2\.example$/d'
        issue "$dir/ca" "$dir/no-san.cnf" external_1
        ;;
    broken-cert-eku)
        # CERT-EXT-10: AOL is enabled but the certificate has serverAuth only.
        variant_cnf "$external" no-client-eku "drop clientAuth" \
            's/^extendedKeyUsage = serverAuth, clientAuth$/extendedKeyUsage = serverAuth/'
        issue "$dir/ca" "$dir/no-client-eku.cnf" external_1
        ;;
    broken-cert-expired)
        # CERT-EXT-16 (and CERT-EXT-01: an expired certificate does not verify either).
        issue "$dir/ca" "$external" external_1 "$(date -u -d '60 days ago' +%Y%m%d%H%M%SZ)" \
            "$(date -u -d '30 days ago' +%Y%m%d%H%M%SZ)"
        ;;
    broken-cert-root)
        # CERT-EXT-01: the same names, issued by a root that --ca-file does not trust.
        make_ca "$dir/untrusted" "edgeplan lab untrusted root"
        issue "$dir/untrusted" "$external" external_1
        ;;
    *)
        issue "$dir/ca" "$external" external_1
        ;;
    esac
    if [ "$variant" = broken-cert-members ]; then
        # CERT-EXT-13: member 2 got its own certificate (new key, same names) instead of an
        # export of member 1's.
        issue "$dir/ca" "$external" external_2
    else
        cp "$dir/external_1.pem" "$dir/external_2.pem"
        cp "$dir/external_1.key" "$dir/external_2.key"
    fi
}

# ---- TLS and XMPP servers ----

tcp_bound() { # ADDR PORT
    in_netns ss -Hltn "sport = :$2" | grep -qF "$1:$2"
}

start_tls_responder() {
    local pki ready pid
    pki="$(state_dir)/pki"
    ready="$(state_dir)/tls.ready"
    local e1="$pki/external_1.pem,$pki/external_1.key" e2="$pki/external_2.pem,$pki/external_2.key"
    local int="$pki/internal.pem,$pki/internal.key"
    # 5061 asks for a client certificate (federation is mutual TLS) but does not insist.
    ip netns exec "$netns" python3 "$here/sip_tls_responder.py" --ready "$ready" \
        --client-ca "$pki/ca.pem" \
        "$ACCESS:443=$e1" "$ACCESS:5061=$e1,request-client-cert" "$WEBCONF:443=$e1" \
        "$ACCESS2:443=$e2" "$ACCESS2:5061=$e2,request-client-cert" "$WEBCONF2:443=$e2" \
        "$EDGE_INTERNAL:5061=$int,request-client-cert" "$EDGE_INTERNAL2:5061=$int,request-client-cert" \
        </dev/null >"$(state_dir)/tls.log" 2>&1 &
    pid=$!
    record_pid sip-tls-responder "$pid"
    wait_for "$WAIT_SECONDS" "TLS SIP responder" "$pid" test -s "$ready"
}

# start_prosody MEMBER ADDRESS: XMPP server-to-server on ADDRESS:5269 with STARTTLS required and
# the member's external certificate (it carries the XMPP domain, CERT-XMPP-01).
start_prosody() {
    local member=$1 address=$2 dir pki pid
    dir="$(state_dir)/prosody-$member"
    pki="$(state_dir)/pki"
    mkdir -p "$dir/data" "$dir/certs"
    cp "$pki/external_$member.pem" "$dir/certs/$XMPP_DOMAIN.crt"
    cp "$pki/external_$member.key" "$dir/certs/$XMPP_DOMAIN.key"
    cat >"$dir/prosody.cfg.lua" <<LUA
-- edgeplan lab: Edge member $member's XMPP proxy port (written by lab.sh)
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
run_as_root = true
daemonize = false
log = { { levels = { min = "info" }, to = "file", filename = "$dir/prosody.log" } }
modules_enabled = { "tls", "dialback", "disco" }
modules_disabled = { "c2s" }
certificates = "$dir/certs"
s2s_interfaces = { "$address" }
s2s_ports = { 5269 }
s2s_require_encryption = true
s2s_secure_auth = false
VirtualHost "$XMPP_DOMAIN"
LUA
    ip netns exec "$netns" prosody --config "$dir/prosody.cfg.lua" -F \
        </dev/null >"$dir/prosody.out" 2>&1 &
    pid=$!
    record_pid "prosody-$member" "$pid"
    wait_for "$WAIT_SECONDS" "Prosody on $address:5269" "$pid" tcp_bound "$address" 5269
}

start_xmpp() {
    local pid ready
    # broken-ports: member 1's XMPP proxy port is closed (PORT-EXT-01).
    # broken-xmpp: it is open but offers no STARTTLS (XMPP-17).
    case "$variant" in
    broken-ports) ;;
    broken-xmpp)
        ready="$(state_dir)/xmpp-stub.ready"
        ip netns exec "$netns" python3 "$here/xmpp_no_starttls.py" --ready "$ready" \
            --domain "$XMPP_DOMAIN" "$ACCESS:5269" </dev/null >"$(state_dir)/xmpp-stub.log" 2>&1 &
        pid=$!
        record_pid xmpp-no-starttls "$pid"
        wait_for "$WAIT_SECONDS" "XMPP stub on $ACCESS:5269" "$pid" test -s "$ready"
        ;;
    *) start_prosody 1 "$ACCESS" ;;
    esac
    start_prosody 2 "$ACCESS2"
}

# ---- commands ----

dump_logs() {
    local log
    for log in "$(state_dir)"/*.log "$(state_dir)"/*/*.log "$(state_dir)"/*/*.out; do
        [ -s "$log" ] || continue
        case "$log" in */plan.log | */checkzone.log) continue ;; esac # reported where they fail
        echo "--- $log" >&2
        tail -n 20 "$log" >&2
    done
}

cmd_start() {
    case "$variant" in
    good | broken-dns | broken-ports | broken-xmpp) ;;
    broken-cert-san | broken-cert-eku | broken-cert-expired | broken-cert-root) ;;
    broken-cert-members) ;;
    *) usage ;;
    esac
    [ "$(id -u)" -eq 0 ] || die "must run as root (it creates a network namespace)"
    local tool
    for tool in ip nsd nsd-checkzone drill turnserver nft ss python3 openssl prosody; do
        command -v "$tool" >/dev/null || die "$tool is missing (bash .ci/install-deps)"
    done
    local dir
    dir=$(state_dir)
    [ ! -e "$dir" ] || die "a lab is already running in $netns ($dir); run: lab.sh stop --netns $netns"
    ! ip netns list | grep -qw "^$netns" || die "namespace $netns exists already (ip netns del $netns)"
    mkdir -p "$dir"

    local started=0
    trap 'if [ "$started" = 0 ]; then echo "lab.sh: start failed, stopping what was started" >&2; dump_logs; stop_lab; fi' EXIT
    trap 'exit 130' INT TERM

    ip netns add "$netns"
    echo "$netns" >"$dir/netns"
    ip -n "$netns" link set lo up
    echo "$variant" >"$dir/variant"

    emit_zones "$dir"
    build_view external "$DNS_EXTERNAL"
    build_view internal "$DNS_INTERNAL"
    [ "$variant" != broken-dns ] || plant_dns_faults
    # The lab's name servers are addresses on the namespace's lo (127.0.0.0/8 is all local).
    start_nsd external "$DNS_EXTERNAL" lab.example
    start_nsd internal "$DNS_INTERNAL" lab.internal
    [ "$variant" != broken-ports ] || drop_stun
    start_coturn
    make_certificates
    start_tls_responder
    start_xmpp
    start_listeners

    started=1
    trap - EXIT INT TERM
    cat <<EOF
edgeplan lab '$variant' running in network namespace $netns (state: $dir)
  external DNS  $DNS_EXTERNAL:53   internal DNS  $DNS_INTERNAL:53
  edge01: Access Edge $ACCESS  Web Conferencing $WEBCONF  A/V $AV  internal $EDGE_INTERNAL
  edge02: Access Edge $ACCESS2  Web Conferencing $WEBCONF2  A/V $AV2  internal $EDGE_INTERNAL2
  Front End $FRONT_END   partners $PARTNER1 $PARTNER2 $XMPP_PARTNER
  test CA (for edgeplan check --ca-file): $dir/pki/ca.pem
run a command inside it:  $0 exec --netns $netns CMD...
stop it:                  $0 stop --netns $netns
EOF
}

cmd_stop() {
    [ -e "$(state_dir)" ] || {
        echo "lab.sh: no lab running in $netns" >&2
        return 0
    }
    stop_lab
    echo "edgeplan lab in $netns stopped"
}

cmd_status() {
    local dir pid started name
    dir=$(state_dir)
    [ -f "$dir/variant" ] || {
        echo "no lab running in $netns"
        return 1
    }
    echo "lab '$(cat "$dir/variant")' in namespace $netns"
    while read -r pid started name; do
        if alive "$pid" "$started"; then echo "  $name $pid running"; else echo "  $name $pid gone"; fi
    done <"$dir/pids"
}

main() {
    (($#)) || usage
    local command=$1
    shift
    local args=()
    while (($#)); do
        case "$1" in
        --netns)
            (($# >= 2)) || usage
            netns=$2
            shift 2
            ;;
        --netns=*)
            netns=${1#--netns=}
            shift
            ;;
        *)
            if [ "$command" = exec ]; then
                args+=("$@")
                break
            fi
            args+=("$1")
            shift
            ;;
        esac
    done
    [[ "$netns" =~ ^[A-Za-z0-9_.-]+$ ]] || die "bad namespace name: $netns"
    case "$command" in
    start)
        ((${#args[@]} <= 1)) || usage
        variant=${args[0]:-good}
        cmd_start
        ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    ca-file)
        [ -f "$(state_dir)/pki/ca.pem" ] || die "no lab running in $netns"
        echo "$(state_dir)/pki/ca.pem"
        ;;
    exec)
        ((${#args[@]})) || usage
        [ -f "$(state_dir)/netns" ] || die "no lab running in $netns"
        exec ip netns exec "$netns" "${args[@]}"
        ;;
    *) usage ;;
    esac
}

main "$@"

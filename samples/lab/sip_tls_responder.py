#!/usr/bin/env python3
"""TLS endpoints for the edgeplan lab: a SIP server that answers OPTIONS over TLS.

    sip_tls_responder.py [--ready FILE] [--client-ca CA.pem] SPEC ...
    SPEC = ADDR:PORT=CHAIN.pem,KEY.pem[,request-client-cert]

Example:
    sip_tls_responder.py --ready /tmp/ready --client-ca ca.pem \\
        127.0.10.1:443=edge.pem,edge.key 127.0.10.1:5061=edge.pem,edge.key,request-client-cert

Each endpoint serves its certificate chain (leaf first, as a real Edge presents it) and answers
every SIP OPTIONS request with `SIP/2.0 200 OK`, copying Via, From, To, Call-ID and CSeq (RFC
3261 8.2.6.2; the To gets a tag). Any other SIP method gets 405 with `Allow: OPTIONS`; bytes
that are not SIP close the connection (the Web Conferencing Edge speaks no SIP, and nothing
there sends any). `request-client-cert` asks for a client certificate signed by --client-ca
but does not require one (the Access Edge's 5061 does mutual TLS with federated partners;
edgeplan's probe may present `--client-cert` or none). TLS 1.2 is the minimum, as on an Edge
with TLS 1.0/1.1 disabled (CERT-EXT-22 is a warning the good lab must not raise).

Addresses are IPv4 (the lab uses 127.0.0.0/8 only). FILE is written once every socket listens.
One thread per connection, each bounded by a read timeout. Runs until SIGTERM/SIGINT.
"""

import argparse
import re
import selectors
import ssl
import sys
import threading

from lab_server import open_listener, serve_until_stopped

READ_TIMEOUT_SECONDS = 10
MAX_HEAD_BYTES = 64 * 1024
COPIED_HEADERS = ("via", "from", "to", "call-id", "cseq")
# Compact forms (RFC 3261 7.3.3) of the copied headers.
COMPACT = {"v": "via", "f": "from", "t": "to", "i": "call-id"}
REQUEST_LINE = re.compile(r"^([A-Z]+) (\S+) SIP/2\.0$")


def parse_spec(spec):
    endpoint, sep, files = spec.partition("=")
    address, colon, port = endpoint.rpartition(":")
    parts = files.split(",")
    if not sep or not colon or not address or len(parts) not in (2, 3):
        raise ValueError(f"expected ADDR:PORT=CHAIN,KEY[,request-client-cert], got {spec!r}")
    if len(parts) == 3 and parts[2] != "request-client-cert":
        raise ValueError(f"unknown option {parts[2]!r} in {spec!r}")
    port_number = int(port)
    if not 1 <= port_number <= 65535:
        raise ValueError(f"port out of range: {port}")
    return address, port_number, parts[0], parts[1], len(parts) == 3


def make_context(chain, key, request_client_cert, client_ca):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(chain, key)
    if request_client_cert:
        if not client_ca:
            raise ValueError("request-client-cert needs --client-ca")
        context.load_verify_locations(client_ca)
        context.verify_mode = ssl.CERT_OPTIONAL  # ask, do not insist
    return context


def read_message(stream, buffer):
    """One SIP message (head and body) from the TLS stream; None on EOF or non-SIP bytes."""
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > MAX_HEAD_BYTES:
            return None, buffer
        chunk = stream.recv(4096)
        if not chunk:
            return None, buffer
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    lines = head.decode("utf-8", "replace").split("\r\n")
    match = REQUEST_LINE.match(lines[0])
    if not match:
        return None, b""
    headers = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and headers:  # folded continuation
            headers[-1] = (headers[-1][0], headers[-1][1] + " " + line.strip())
            continue
        name, colon, value = line.partition(":")
        if colon:
            headers.append((name.strip(), value.strip()))
    length = 0
    for name, value in headers:
        if name.lower() in ("content-length", "l"):
            length = int(value) if value.isdigit() else 0
    while len(rest) < length:
        chunk = stream.recv(4096)
        if not chunk:
            return None, b""
        rest += chunk
    return (match.group(1), headers), rest[length:]


def response(method, headers):
    status = "200 OK" if method == "OPTIONS" else "405 Method Not Allowed"
    lines = [f"SIP/2.0 {status}"]
    for name, value in headers:
        canonical = COMPACT.get(name.lower(), name.lower())
        if canonical not in COPIED_HEADERS:
            continue
        if canonical == "to" and ";tag=" not in value.lower():
            value += ";tag=edgeplanlab"
        lines.append(f"{name}: {value}")
    lines += ["Allow: OPTIONS", "Server: edgeplan-lab-sip-tls-responder", "Content-Length: 0"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def serve_connection(connection, context):
    connection.settimeout(READ_TIMEOUT_SECONDS)
    try:
        with context.wrap_socket(connection, server_side=True) as stream:
            buffer = b""
            while True:
                message, buffer = read_message(stream, buffer)
                if message is None:
                    break
                stream.sendall(response(*message))
    except (OSError, ssl.SSLError, ValueError):
        pass  # handshake refused, timeout, peer gone: nothing to report to anyone
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ready", help="file written once every socket listens")
    parser.add_argument("--client-ca", help="CA file for request-client-cert endpoints")
    parser.add_argument("specs", nargs="+", metavar="ADDR:PORT=CHAIN,KEY[,request-client-cert]")
    args = parser.parse_args()

    selector = selectors.DefaultSelector()
    for spec in args.specs:
        try:
            address, port, chain, key, mutual = parse_spec(spec)
            context = make_context(chain, key, mutual, args.client_ca)
            selector.register(open_listener(address, port), selectors.EVENT_READ, context)
        except (ValueError, OSError, ssl.SSLError) as error:
            print(f"sip_tls_responder.py: {spec}: {error}", file=sys.stderr)
            return 1

    def serve_in_thread(connection, context):
        connection.setblocking(True)
        threading.Thread(target=serve_connection, args=(connection, context), daemon=True).start()

    serve_until_stopped(selector, serve_in_thread, args.ready, len(args.specs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The partner lab's federation servers: many endpoints in one process.

    partner_tls_server.py --ready FILE ENDPOINTS.json

ENDPOINTS.json (make_partner_lab.py) lists {"address", "port", "mode", "chain", "key"} and a
"client_ca". Modes:
  tls                  TLS 1.2+ with the endpoint's certificate (a partner's Access Edge)
  tls10                TLS 1.0 only (a partner that never enabled TLS 1.2)
  require-client-cert  TLS that insists on a client certificate from client_ca (mutual TLS)
  drip                 accepts and sends one byte a second, never a TLS record (hostile)
  garbage              accepts and answers 4 KB of bytes that are no TLS record, then closes
  xmpp                 jabber:server stream, <starttls/> offered, <proceed/>, TLS
  xmpp-no-starttls     jabber:server stream whose features offer no STARTTLS
One thread per connection, each bounded by a 10 s timeout (drip: 30 bytes). Runs until
SIGTERM/SIGINT. Uses the lab's shared accept loop (samples/lab/lab_server.py).
"""

import json
import os
import selectors
import ssl
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from lab_server import open_listener, serve_until_stopped  # noqa: E402

TIMEOUT_SECONDS = 10


def make_context(endpoint, client_ca):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    mode = endpoint["mode"]
    if mode == "tls10":
        # OpenSSL 3 serves TLS 1.0 only at security level 0.
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1
    else:
        context.set_ciphers("DEFAULT:@SECLEVEL=0")  # the SHA-1 case must still be served
        context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(endpoint["chain"], endpoint["key"])
    if mode == "require-client-cert":
        context.load_verify_locations(client_ca)
        context.verify_mode = ssl.CERT_REQUIRED
    return context


def serve_tls(connection, context):
    with context.wrap_socket(connection, server_side=True) as stream:
        stream.recv(1024)  # hold the session until the client leaves


def serve_drip(connection):
    for _ in range(30):
        connection.sendall(b"\x16")
        time.sleep(1)


def serve_garbage(connection):
    connection.recv(1024)
    connection.sendall(b"HTTP/1.0 200 OK\r\n\r\n" + b"\x00\xff garbage " * 400)


def read_until(connection, marker):
    data = b""
    while marker not in data and len(data) < 65536:
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def serve_xmpp(connection, context, starttls):
    header = read_until(connection, b">")
    domain = b"lab"
    if b"to='" in header:
        domain = header.split(b"to='", 1)[1].split(b"'", 1)[0]
    elif b'to="' in header:
        domain = header.split(b'to="', 1)[1].split(b'"', 1)[0]
    features = b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>" \
        if starttls else b"<dialback xmlns='urn:xmpp:features:dialback'/>"
    connection.sendall(
        b"<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
        b"xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
        b"from='" + domain + b"' id='partnerlab' version='1.0'>"
        b"<stream:features>" + features + b"</stream:features>")
    if not starttls:
        read_until(connection, b"</stream:stream>")
        return
    read_until(connection, b"/>")
    connection.sendall(b"<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    serve_tls(connection, context)


def serve_connection(connection, endpoint, context):
    connection.settimeout(TIMEOUT_SECONDS)
    mode = endpoint["mode"]
    try:
        if mode == "drip":
            serve_drip(connection)
        elif mode == "garbage":
            serve_garbage(connection)
        elif mode in ("xmpp", "xmpp-no-starttls"):
            serve_xmpp(connection, context, mode == "xmpp")
        else:
            serve_tls(connection, context)
    except (OSError, ssl.SSLError, ValueError):
        pass  # the probe left, refused our certificate or timed out: nothing to report
    finally:
        connection.close()


def main():
    args = sys.argv[1:]
    ready = None
    if len(args) == 3 and args[0] == "--ready":
        ready, args = args[1], args[2:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as spec:
        config = json.load(spec)
    selector = selectors.DefaultSelector()
    for endpoint in config["endpoints"]:
        context = make_context(endpoint, config["client_ca"]) if "chain" in endpoint else None
        listener = open_listener(endpoint["address"], endpoint["port"], backlog=1024)
        selector.register(listener, selectors.EVENT_READ, (endpoint, context))

    def start(connection, data):
        connection.setblocking(True)
        threading.Thread(target=serve_connection, args=(connection, *data), daemon=True).start()

    serve_until_stopped(selector, start, ready, len(config["endpoints"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

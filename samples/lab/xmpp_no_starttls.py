#!/usr/bin/env python3
"""An XMPP server-to-server endpoint that offers no STARTTLS (the lab's broken-xmpp variant).

    xmpp_no_starttls.py [--ready FILE] [--domain DOMAIN] ADDR:PORT ...

It answers every connection's stream header with its own jabber:server stream header and
stream features that offer only dialback (XEP-0220), never
<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/> (RFC 6120 5.3.1); it then keeps the stream
open until the peer closes it or 10 seconds pass. The port is open, so PORT-EXT-01 passes; the
missing STARTTLS is what XMPP-17 must find. FILE is written once every socket listens. Runs
until SIGTERM/SIGINT.
"""

import argparse
import selectors
import sys
import threading
import uuid

from lab_server import open_listener, serve_until_stopped

HOLD_SECONDS = 10
MAX_HEADER_BYTES = 16 * 1024


def header_and_features(domain):
    return (
        "<?xml version='1.0'?>"
        "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
        f"xmlns:db='jabber:server:dialback' from='{domain}' id='{uuid.uuid4().hex}' "
        "version='1.0'>"
        "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>"
    ).encode("utf-8")


def serve(connection, domain):
    connection.settimeout(HOLD_SECONDS)
    try:
        received = b""
        # Answer once the peer's stream header is complete (its first '>' after <stream:stream).
        while b"<stream:stream" not in received or b">" not in received.split(b"<stream:stream", 1)[1]:
            chunk = connection.recv(4096)
            if not chunk or len(received) > MAX_HEADER_BYTES:
                return
            received += chunk
        connection.sendall(header_and_features(domain))
        while connection.recv(4096):  # whatever the peer says next goes unanswered
            pass
    except OSError:
        pass
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ready", help="file written once every socket listens")
    parser.add_argument("--domain", default="lab.example", help="'from' of the stream header")
    parser.add_argument("endpoints", nargs="+", metavar="ADDR:PORT")
    args = parser.parse_args()

    selector = selectors.DefaultSelector()
    for endpoint in args.endpoints:
        address, _, port = endpoint.rpartition(":")
        try:
            sock = open_listener(address, int(port), backlog=16)
        except (OSError, ValueError) as error:
            print(f"xmpp_no_starttls.py: cannot listen on {endpoint}: {error}", file=sys.stderr)
            return 1
        selector.register(sock, selectors.EVENT_READ)

    def serve_in_thread(connection, _data):
        connection.setblocking(True)
        threading.Thread(target=serve, args=(connection, args.domain), daemon=True).start()

    serve_until_stopped(selector, serve_in_thread, args.ready, len(args.endpoints))
    return 0


if __name__ == "__main__":
    sys.exit(main())

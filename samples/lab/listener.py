#!/usr/bin/env python3
"""TCP listeners for the edgeplan lab: bind every ADDR:PORT given, accept and close.

    listener.py [--ready FILE] ADDR:PORT[,PORT...] ...

Example: listener.py --ready /tmp/ready 127.0.10.1:443,5061,5269 127.0.10.2:443

A completed handshake is what the port checks (PORT-EXT-*, PORT-INT-*) look for, so the
listeners speak no protocol: they accept and close at once. FILE is written once every socket
is bound and listening, so lab.sh can wait for it with a deadline. Runs until SIGTERM/SIGINT.
"""

import argparse
import selectors
import sys

from lab_server import open_listener, serve_until_stopped


def parse_endpoints(specs):
    endpoints = []
    for spec in specs:
        address, sep, ports = spec.rpartition(":")
        if not sep or not address:
            raise ValueError(f"expected ADDR:PORT[,PORT...], got {spec!r}")
        address = address.strip("[]")
        for port in ports.split(","):
            if "-" in port:
                first, last = (int(p) for p in port.split("-", 1))
                endpoints.extend((address, p) for p in range(first, last + 1))
            else:
                endpoints.append((address, int(port)))
    for _, port in endpoints:
        if not 1 <= port <= 65535:
            raise ValueError(f"port out of range: {port}")
    return endpoints


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ready", help="file written once every socket listens")
    parser.add_argument("endpoints", nargs="+", metavar="ADDR:PORT[,PORT...]")
    args = parser.parse_args()

    try:
        endpoints = parse_endpoints(args.endpoints)
    except ValueError as error:
        print(f"listener.py: {error}", file=sys.stderr)
        return 2

    selector = selectors.DefaultSelector()
    for address, port in endpoints:
        try:
            selector.register(open_listener(address, port), selectors.EVENT_READ)
        except OSError as error:
            print(f"listener.py: cannot listen on {address}:{port}: {error}", file=sys.stderr)
            return 1

    def close_at_once(connection, _data):
        connection.close()

    serve_until_stopped(selector, close_at_once, args.ready, len(endpoints))
    return 0


if __name__ == "__main__":
    sys.exit(main())

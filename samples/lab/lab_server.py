"""What the lab's Python servers share (listener.py, sip_tls_responder.py, xmpp_no_starttls.py):
non-blocking listeners, the ready file lab.sh waits for, and an accept loop that runs until
SIGTERM/SIGINT.
"""

import os
import signal
import socket


def open_listener(address, port, backlog=128):
    """A non-blocking TCP listener on ADDR:PORT (IPv6 when the address has a colon)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((address, port))
    sock.listen(backlog)
    sock.setblocking(False)
    return sock


def write_ready(path, count):
    """Writes 'PID COUNT' to path atomically, once every socket listens (lab.sh waits for it)."""
    if not path:
        return
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as ready:
        ready.write(f"{os.getpid()} {count}\n")
    os.replace(temporary, path)


def serve_until_stopped(selector, on_connection, ready_path, count):
    """Installs the SIGTERM/SIGINT handlers, writes the ready file, then accepts on every
    registered listener and hands each connection (with the listener's registered data) to
    on_connection until a signal arrives. The handlers come first so that lab.sh may stop the
    server as soon as it sees the ready file."""
    running = True

    def stop(_signum, _frame):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    write_ready(ready_path, count)
    while running:
        for key, _ in selector.select(timeout=0.5):
            try:
                connection, _peer = key.fileobj.accept()
            except (BlockingIOError, ConnectionAbortedError):
                continue
            on_connection(connection, key.data)

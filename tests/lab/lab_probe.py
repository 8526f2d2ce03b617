#!/usr/bin/env python3
"""Self-test of the lab (independent of edgeplan check): probe what lab.sh serves.

    lab_probe.py ROWS.json VARIANT

Runs inside the lab's namespace (lab.sh exec). Each row of ROWS.json names the variants it
applies to, a probe and the expected observation:
  dns:  {"server", "qname", "type"} -> the sorted answer data lines (drill -Q)
  tcp:  {"address", "port"}        -> "open" | "closed" | "filtered"
  stun: {"address", "port"}        -> "answered" | "silence"   (RFC 5389 Binding request)
Prints one line per row and exits 1 if any row differs.
"""

import errno
import json
import os
import socket
import subprocess
import sys

TIMEOUT_SECONDS = 1.0
STUN_MAGIC_COOKIE = 0x2112A442


def probe_dns(row):
    result = subprocess.run(
        ["drill", "-Q", "@" + row["server"], row["qname"], row["type"]],
        capture_output=True, text=True, timeout=10, check=False)
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    return sorted(lines)


def probe_tcp(row):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(TIMEOUT_SECONDS)
        try:
            sock.connect((row["address"], row["port"]))
            return "open"
        except socket.timeout:
            return "filtered"
        except OSError as error:
            return "closed" if error.errno == errno.ECONNREFUSED else os.strerror(error.errno)


def probe_stun(row):
    transaction = os.urandom(12)
    request = (0x0001).to_bytes(2, "big") + (0).to_bytes(2, "big") + \
        STUN_MAGIC_COOKIE.to_bytes(4, "big") + transaction
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(TIMEOUT_SECONDS)
        sock.sendto(request, (row["address"], row["port"]))
        try:
            answer, _ = sock.recvfrom(2048)
        except socket.timeout:
            return "silence"
        except ConnectionRefusedError:
            return "port unreachable"
    ok = len(answer) >= 20 and answer[0:2] == b"\x01\x01" and answer[8:20] == transaction
    return "answered" if ok else "malformed answer"


PROBES = {"dns": probe_dns, "tcp": probe_tcp, "stun": probe_stun}


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as rows_file:
        rows = json.load(rows_file)["rows"]
    variant = sys.argv[2]
    failures = 0
    ran = 0
    for row in rows:
        if variant not in row["variants"]:
            continue
        ran += 1
        observed = PROBES[row["probe"]](row)
        expected = sorted(row["expect"]) if isinstance(row["expect"], list) else row["expect"]
        verdict = "ok  " if observed == expected else "FAIL"
        failures += observed != expected
        print(f"{verdict} [{variant}] {row['name']}: observed {observed!r}"
              + ("" if observed == expected else f", expected {expected!r}"))
    if ran == 0:
        print(f"no rows for variant {variant}", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Self-test of the lab (independent of edgeplan check): probe what lab.sh serves.

    lab_probe.py ROWS.json VARIANT

Runs inside the lab's namespace (lab.sh exec). Each row of ROWS.json names the variants it
applies to, a probe and the expected observation:
  dns:  {"server", "qname", "type"} -> the sorted answer data lines (drill -Q)
  tcp:  {"address", "port"}        -> "open" | "closed" | "filtered"
  stun: {"address", "port"}        -> "answered" | "silence"   (RFC 5389 Binding request)
  tls:  {"address", "port", "sni", optional "starttls": "xmpp-server"} -> a dict with the keys
        the row's "expect" names (openssl s_client reads the chain; nothing is trusted blindly):
          handshake              "ok" | the failure
          subject_cn, issuer_cn  of the leaf
          san                    sorted dNSName entries of the leaf
          eku                    sorted "serverAuth" / "clientAuth" (others by OpenSSL's name)
          expired                the leaf's notAfter is in the past
          verify                 "ok" or OpenSSL's reason, verifying the presented chain
                                 against the lab's test CA (--ca-file of edgeplan check)
          client_cert_requested  the server sent a CertificateRequest
          sip                    the status line a SIP OPTIONS over this TLS connection gets
  same_cert: {"endpoints": [[ADDR, PORT], ...]} -> "same" | "different" (leaf fingerprints)
  xmpp: {"address", "port", "domain"} -> "starttls offered" | "no starttls" | what went wrong
        (the stream features a jabber:server peer is offered, RFC 6120 5.3.1)
Prints one line per row and exits 1 if any row differs.

    lab_probe.py ROWS.json VARIANT --ca-file CA.pem   (needed by tls rows with "verify")
"""

import errno
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import uuid

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


PEM_BLOCK = re.compile(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n?", re.S)
EKU_NAMES = {"TLS Web Server Authentication": "serverAuth",
             "TLS Web Client Authentication": "clientAuth"}
CA_FILE = None  # set from --ca-file


def openssl(*args, stdin=""):
    return subprocess.run(["openssl", *args], input=stdin, capture_output=True, text=True,
                          timeout=15, check=False)


def presented_chain(row):
    """The PEM blocks the server presented (leaf first) and s_client's whole output."""
    args = ["s_client", "-connect", f"{row['address']}:{row['port']}", "-servername", row["sni"],
            "-showcerts", "-msg"]
    if row.get("starttls"):
        args += ["-starttls", row["starttls"], "-xmpphost", row["sni"]]
    result = openssl(*args)
    output = result.stdout + result.stderr
    return PEM_BLOCK.findall(result.stdout), output


def leaf_fields(leaf):
    text = openssl("x509", "-noout", "-subject", "-issuer", "-ext",
                   "subjectAltName,extendedKeyUsage", "-nameopt", "sep_multiline", stdin=leaf).stdout
    fields = {"san": [], "eku": []}
    section = None
    for line in text.splitlines():
        stripped = line.strip()
        if line.startswith(("subject=", "issuer=")):
            section = line.split("=", 1)[0]
        elif stripped.startswith("CN=") and section in ("subject", "issuer"):
            fields[section + "_cn"] = stripped[3:]
        elif "Subject Alternative Name" in line:
            section = "san"
        elif "Extended Key Usage" in line:
            section = "eku"
        elif section == "san" and stripped:
            fields["san"] = sorted(n.strip()[4:] for n in stripped.split(",")
                                   if n.strip().startswith("DNS:"))
            section = None
        elif section == "eku" and stripped:
            fields["eku"] = sorted(EKU_NAMES.get(n.strip(), n.strip()) for n in stripped.split(","))
            section = None
    return fields


def verify_chain(chain):
    if not CA_FILE:
        return "no --ca-file given"
    with tempfile.TemporaryDirectory() as work:
        leaf_path = os.path.join(work, "leaf.pem")
        rest_path = os.path.join(work, "rest.pem")
        with open(leaf_path, "w", encoding="utf-8") as handle:
            handle.write(chain[0])
        with open(rest_path, "w", encoding="utf-8") as handle:
            handle.write("".join(chain[1:]))
        args = ["verify", "-CAfile", CA_FILE]
        if len(chain) > 1:
            args += ["-untrusted", rest_path]
        result = openssl(*args, leaf_path)
    if result.returncode == 0:
        return "ok"
    reason = re.search(r"error \d+ at \d+ depth lookup: (.*)", result.stdout + result.stderr)
    return reason.group(1).strip() if reason else (result.stdout + result.stderr).strip()


def sip_options(row):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the chain is judged by verify_chain, not here
    call_id = uuid.uuid4().hex
    request = (f"OPTIONS sip:{row['sni']} SIP/2.0\r\n"
               f"Via: SIP/2.0/TLS 127.0.0.9:5061;branch=z9hG4bK{call_id[:12]}\r\n"
               "Max-Forwards: 70\r\n"
               f"From: <sip:lab-probe@{row['sni']}>;tag=probe\r\n"
               f"To: <sip:{row['sni']}>\r\n"
               f"Call-ID: {call_id}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
    try:
        with socket.create_connection((row["address"], row["port"]), TIMEOUT_SECONDS * 5) as raw:
            with context.wrap_socket(raw, server_hostname=row["sni"]) as stream:
                stream.sendall(request.encode())
                answer = b""
                while b"\r\n\r\n" not in answer:
                    chunk = stream.recv(4096)
                    if not chunk:
                        break
                    answer += chunk
    except (OSError, ssl.SSLError) as error:
        return f"no answer: {error}"
    head = answer.decode("utf-8", "replace").split("\r\n")
    if f"Call-ID: {call_id}" not in head:
        return f"answer without our Call-ID: {head[0]!r}"
    return head[0]


def probe_tls(row):
    wanted = row["expect"]
    chain, output = presented_chain(row)
    observed = {}
    if not chain:
        lines = [line for line in output.splitlines() if line.strip()]
        observed["handshake"] = lines[-1] if lines else "no output"
        return {key: observed.get(key) for key in wanted}
    observed["handshake"] = "ok"
    observed.update(leaf_fields(chain[0]))
    if "expired" in wanted:
        observed["expired"] = openssl("x509", "-noout", "-checkend", "0", stdin=chain[0]).returncode != 0
    if "verify" in wanted:
        observed["verify"] = verify_chain(chain)
    # -msg traces each handshake message the server sent ("<<< ... CertificateRequest").
    observed["client_cert_requested"] = bool(re.search(r"<<< .*CertificateRequest", output))
    if "sip" in wanted:
        observed["sip"] = sip_options(row)
    return {key: observed.get(key) for key in wanted}


def fingerprint(address, port):
    chain, _ = presented_chain({"address": address, "port": port, "sni": "sip.lab.example"})
    if not chain:
        return None
    return openssl("x509", "-noout", "-fingerprint", "-sha256", stdin=chain[0]).stdout.strip()


def probe_same_cert(row):
    prints = [fingerprint(address, port) for address, port in row["endpoints"]]
    if None in prints:
        return "no certificate from " + str(row["endpoints"][prints.index(None)])
    return "same" if len(set(prints)) == 1 else "different"


def probe_xmpp(row):
    header = ("<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
              "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
              f"to='{row['domain']}' from='probe.invalid' version='1.0'>")
    received = b""
    try:
        with socket.create_connection((row["address"], row["port"]), TIMEOUT_SECONDS * 5) as sock:
            sock.settimeout(TIMEOUT_SECONDS * 5)
            sock.sendall(header.encode())
            while b"</stream:features>" not in received and len(received) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                received += chunk
    except OSError as error:
        return f"no stream: {error}"
    if b"</stream:features>" not in received:
        return "no stream features"
    features = received.split(b"<stream:features", 1)[1]
    return "starttls offered" if b"urn:ietf:params:xml:ns:xmpp-tls" in features else "no starttls"


PROBES = {"dns": probe_dns, "tcp": probe_tcp, "stun": probe_stun, "tls": probe_tls,
          "same_cert": probe_same_cert, "xmpp": probe_xmpp}


def main():
    global CA_FILE
    args = sys.argv[1:]
    if len(args) == 4 and args[2] == "--ca-file":
        CA_FILE = args[3]
        args = args[:2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as rows_file:
        rows = json.load(rows_file)["rows"]
    variant = args[1]
    failures = 0
    ran = 0
    for row in rows:
        if variant not in row["variants"]:
            continue
        ran += 1
        observed = PROBES[row["probe"]](row)
        expected = row["expect"]
        if isinstance(expected, list):
            expected = sorted(expected)
        elif isinstance(expected, dict):
            expected = {key: sorted(value) if isinstance(value, list) else value
                        for key, value in expected.items()}
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

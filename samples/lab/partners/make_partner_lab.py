#!/usr/bin/env python3
"""Writes the files of the partner lab (samples/lab/partners/partner_lab.sh) into a directory.

    make_partner_lab.py DIR lab            the planted partner set (one of each fault)
    make_partner_lab.py DIR bench N PCT    N healthy partners, PCT percent with dropped 5061

DIR receives: zones/*.zone and nsd.conf (NSD on 127.0.53.11), pki/ (a test CA and one
certificate per partner endpoint, EC P-256 unless the case asks otherwise), endpoints.json
(what partner_tls_server.py serves), drop.nft (nftables drops of the silent addresses),
settings.xml (edgeplan settings: allowed/blocked domains, hosting provider, XMPP partners),
partners.txt (the same SIP partners as a --partners list) and expected.json (the verdict each
rule must give each partner, for tests/partners/assert_partners.py).
Only names under .ptest, plus online.lync.com inside the namespace, and 127.0.0.0/8 are used.
"""

import datetime
import ipaddress
import json
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DNS_SERVER = "127.0.53.11"
NOW = datetime.datetime.now(datetime.timezone.utc)
DAY = datetime.timedelta(days=1)


class Pki:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self.key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "edgeplan partner lab CA")])
        self.name = name
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - 10 * DAY)
            .not_valid_after(NOW + 3650 * DAY)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
            )
            .sign(self.key, hashes.SHA256())
        )
        self.ca_file = os.path.join(directory, "ca.pem")
        with open(self.ca_file, "wb") as out:
            out.write(self.cert.public_bytes(serialization.Encoding.PEM))
        self.shared_key = ec.generate_private_key(ec.SECP256R1())

    def issue(self, label, names, not_before=None, not_after=None, self_signed=False,
              sha1=False, rsa_bits=None):
        key = rsa.generate_private_key(65537, rsa_bits) if rsa_bits else self.shared_key
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject if self_signed else self.name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or NOW - 30 * DAY)
            .not_valid_after(not_after or NOW + 365 * DAY)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), False)
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                False,
            )
        )
        signer = key if self_signed else self.key
        cert = builder.sign(signer, hashes.SHA1() if sha1 else hashes.SHA256())
        chain = os.path.join(self.directory, label + ".pem")
        key_file = os.path.join(self.directory, label + ".key")
        with open(chain, "wb") as out:
            out.write(cert.public_bytes(serialization.Encoding.PEM))
        with open(key_file, "wb") as out:
            out.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        return chain, key_file


class Lab:
    def __init__(self, directory):
        self.directory = directory
        self.pki = Pki(os.path.join(directory, "pki"))
        self.records = {"ptest": [], "online.lync.com": []}
        self.endpoints = []
        self.drops = []
        self.allowed = []  # (domain, proxy_fqdn)
        self.blocked = []
        self.xmpp = []
        self.providers = []  # (name, proxy_fqdn)
        self.expected = {}

    def record(self, zone, line):
        self.records[zone].append(line)

    def a(self, fqdn, address):
        zone = "online.lync.com" if fqdn.endswith("online.lync.com") else "ptest"
        self.record(zone, f"{fqdn}.\tIN\tA\t{address}")

    def srv(self, service, domain, target, port):
        self.record("ptest", f"{service}.{domain}.\tIN\tSRV\t0 0 {port} {target}.")

    def serve(self, address, port, mode="tls", label=None, names=None, **cert):
        entry = {"address": address, "port": port, "mode": mode}
        if names:
            chain, key = self.pki.issue(label, names, **cert)
            entry.update(chain=chain, key=key)
        self.endpoints.append(entry)

    def expect(self, domain, rules, protocol="sip", kind=None):
        key = domain + ("/xmpp" if protocol == "xmpp" else "")
        self.expected[key] = {"rules": rules, "kind": kind}

    def write(self):
        d = self.directory
        os.makedirs(os.path.join(d, "zones"), exist_ok=True)
        conf = [
            "server:",
            f"  ip-address: {DNS_SERVER}",
            "  port: 53",
            f'  zonesdir: "{d}/zones"',
            f'  pidfile: "{d}/nsd.pid"',
            f'  logfile: "{d}/nsd.log"',
            f'  database: ""',
            f'  xfrdfile: "{d}/xfrd.state"',
            f'  zonelistfile: "{d}/zone.list"',
            "  username: \"\"",
            "  hide-version: yes",
            "  verbosity: 0",
            "  server-count: 1",
            # The benchmark asks thousands of queries at once: no response rate limiting.
            "  rrl-ratelimit: 0",
            "remote-control:",
            "  control-enable: no",
        ]
        for zone, lines in self.records.items():
            path = os.path.join(d, "zones", zone + ".zone")
            with open(path, "w") as out:
                out.write(f"$ORIGIN {zone}.\n$TTL 300\n")
                out.write(f"@\tIN\tSOA\tns1.ptest. hostmaster.ptest. 1 3600 600 86400 300\n")
                out.write("@\tIN\tNS\tns1.ptest.\n")
                if zone == "ptest":
                    out.write(f"ns1\tIN\tA\t{DNS_SERVER}\n")
                out.write("\n".join(lines) + "\n")
            conf += ["zone:", f"  name: {zone}", f'  zonefile: "{path}"']
        with open(os.path.join(d, "nsd.conf"), "w") as out:
            out.write("\n".join(conf) + "\n")
        with open(os.path.join(d, "endpoints.json"), "w") as out:
            json.dump({"client_ca": self.pki.ca_file, "endpoints": self.endpoints}, out, indent=1)
        with open(os.path.join(d, "drop.nft"), "w") as out:
            out.write("table inet partner_lab {\n  chain input {\n")
            out.write("    type filter hook input priority 0; policy accept;\n")
            if self.drops:
                addresses = ", ".join(self.drops)
                out.write(f"    ip daddr {{ {addresses} }} tcp dport 5061 drop\n")
            out.write("  }\n}\n")
        settings = ['<?xml version="1.0" encoding="utf-8"?>',
                    '<Settings xmlns="urn:edgeplan:topology:1">',
                    '  <Federation enabled="true" partnerDiscovery="false" routing="dnsSrv">']
        for domain, proxy in self.allowed:
            attr = f' proxyFqdn="{proxy}"' if proxy else ""
            settings.append(f'    <AllowedDomain domain="{domain}"{attr}/>')
        for domain in self.blocked:
            settings.append(f'    <BlockedDomain domain="{domain}"/>')
        for name, fqdn in self.providers:
            settings.append(f'    <HostingProvider name="{name}" proxyFqdn="{fqdn}" '
                            f'verification="useSourceVerification" enabled="true"/>')
        for domain in self.xmpp:
            settings.append(f'    <XmppPartner domain="{domain}" type="federated" tls="required"'
                            f' sasl="notSupported" dialback="true"/>')
        settings += ["  </Federation>", "</Settings>"]
        with open(os.path.join(d, "settings.xml"), "w") as out:
            out.write("\n".join(settings) + "\n")
        with open(os.path.join(d, "partners.txt"), "w") as out:
            out.write("# SIP partners of the lab, one domain per line\n")
            for domain, proxy in self.allowed:
                out.write(domain + "\n")
        with open(os.path.join(d, "expected.json"), "w") as out:
            json.dump(self.expected, out, indent=1, sort_keys=True)


def healthy(lab, domain, address, expect=True):
    target = f"sip.{domain}"
    lab.allowed.append((domain, ""))
    lab.srv("_sipfederationtls._tcp", domain, target, 5061)
    lab.a(target, address)
    lab.serve(address, 5061, "tls", domain, [target])
    if expect:
        lab.expect(domain, {"FED-PARTNER-01": "pass", "FED-PARTNER-03": "pass",
                            "FED-PARTNER-04": "pass", "FED-PARTNER-06": "pass",
                            "FED-PARTNER-07": "pass"}, kind="on-premises")


def planted(lab):
    net = "127.0.40."
    for i in range(1, 21):
        healthy(lab, f"healthy{i:02d}.ptest", f"127.0.41.{i}")
    # Mutual TLS: the server insists on a client certificate; its own is read first.
    lab.allowed.append(("mutual.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "mutual.ptest", "sip.mutual.ptest", 5061)
    lab.a("sip.mutual.ptest", net + "2")
    lab.serve(net + "2", 5061, "require-client-cert", "mutual", ["sip.mutual.ptest"])
    lab.expect("mutual.ptest", {"FED-PARTNER-04": "pass", "FED-PARTNER-06": "pass",
                                "FED-PARTNER-07": "pass"})
    # ProxyFqdn instead of SRV.
    lab.allowed.append(("proxy.ptest", "edge.proxy.ptest"))
    lab.a("edge.proxy.ptest", net + "3")
    lab.serve(net + "3", 5061, "tls", "proxy", ["edge.proxy.ptest"])
    lab.expect("proxy.ptest", {"FED-PARTNER-01": "pass", "FED-PARTNER-07": "pass"})
    # Expired, wrong names, untrusted, expiring soon, SHA-1.
    cases = [
        ("expired", {"not_before": NOW - 400 * DAY, "not_after": NOW - 2 * DAY},
         {"FED-PARTNER-06": "fail"}),
        ("wrongname", {"names_override": ["other.ptest"]}, {"FED-PARTNER-07": "fail"}),
        ("untrusted", {"self_signed": True}, {"FED-PARTNER-06": "fail"}),
        ("soon", {"not_after": NOW + 10 * DAY}, {"FED-PARTNER-06": "warn"}),
        ("weak", {"rsa_bits": 1024}, {"FED-PARTNER-08": "warn"}),
    ]
    for number, (name, options, rules) in enumerate(cases, start=4):
        domain = f"{name}.ptest"
        target = f"sip.{domain}"
        names = options.pop("names_override", [target])
        lab.allowed.append((domain, ""))
        lab.srv("_sipfederationtls._tcp", domain, target, 5061)
        lab.a(target, net + str(number))
        lab.serve(net + str(number), 5061, "tls", name, names, **options)
        lab.expect(domain, rules)
    # Closed port (nothing listens), filtered port (nftables drop).
    for name, number, observed in (("closed", 10, "fail"), ("filtered", 11, "fail")):
        domain = f"{name}.ptest"
        lab.allowed.append((domain, ""))
        lab.srv("_sipfederationtls._tcp", domain, f"sip.{domain}", 5061)
        lab.a(f"sip.{domain}", net + str(number))
        lab.expect(domain, {"FED-PARTNER-03": observed})
    lab.drops.append(net + "11")
    # Two addresses, one of them dropped: "on every address".
    lab.allowed.append(("dual.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "dual.ptest", "sip.dual.ptest", 5061)
    lab.a("sip.dual.ptest", net + "12")
    lab.a("sip.dual.ptest", net + "13")
    lab.serve(net + "12", 5061, "tls", "dual", ["sip.dual.ptest"])
    lab.drops.append(net + "13")
    lab.expect("dual.ptest", {"FED-PARTNER-03": "fail"})
    # No SRV and no ProxyFqdn; an SRV target without address.
    lab.allowed.append(("nosrv.ptest", ""))
    lab.a("www.nosrv.ptest", net + "99")
    lab.expect("nosrv.ptest", {"FED-PARTNER-01": "fail"})
    lab.allowed.append(("unresolvable.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "unresolvable.ptest", "sip.unresolvable.ptest", 5061)
    lab.expect("unresolvable.ptest", {"FED-PARTNER-02": "fail"})
    # TLS 1.0 only.
    lab.allowed.append(("tls10.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "tls10.ptest", "sip.tls10.ptest", 5061)
    lab.a("sip.tls10.ptest", net + "14")
    lab.serve(net + "14", 5061, "tls10", "tls10", ["sip.tls10.ptest"])
    lab.expect("tls10.ptest", {"FED-PARTNER-04": "fail", "FED-PARTNER-05": "fail"})
    # Hosted: a configured hosting provider; Microsoft 365 without configuration; outside.
    lab.providers.append(("Hoster", "sipfed.hoster.ptest"))
    lab.a("sipfed.hoster.ptest", net + "15")
    lab.serve(net + "15", 5061, "tls", "hoster", ["sipfed.hoster.ptest"])
    lab.allowed.append(("hosted.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "hosted.ptest", "sipfed.hoster.ptest", 5061)
    lab.expect("hosted.ptest", {"FED-PARTNER-09": "pass", "FED-PARTNER-07": "pass"},
               kind="hosted")
    lab.a("sipfed.online.lync.com", net + "16")
    lab.serve(net + "16", 5061, "tls", "m365", ["sipfed.online.lync.com"])
    lab.allowed.append(("teams.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "teams.ptest", "sipfed.online.lync.com", 5061)
    lab.expect("teams.ptest", {"FED-PARTNER-09": "warn", "FED-PARTNER-07": "pass"}, kind="hosted")
    lab.allowed.append(("outside.ptest", ""))
    lab.srv("_sipfederationtls._tcp", "outside.ptest", "sip.elsewhere.ptest", 5061)
    lab.a("sip.elsewhere.ptest", net + "17")
    lab.serve(net + "17", 5061, "tls", "elsewhere", ["sip.elsewhere.ptest"])
    lab.expect("outside.ptest", {"FED-PARTNER-09": "warn"}, kind="unknown")
    # Allowed and blocked: a finding, and never probed.
    lab.allowed.append(("blocked.ptest", ""))
    lab.blocked.append("blocked.ptest")
    lab.srv("_sipfederationtls._tcp", "blocked.ptest", "sip.blocked.ptest", 5061)
    lab.a("sip.blocked.ptest", net + "18")
    lab.expect("blocked.ptest", {"FED-PARTNER-10": "warn"}, kind="blocked")
    # Hostile peers: one drips a byte a second, one answers garbage.
    for name, number in (("drip", 19), ("garbage", 20)):
        domain = f"{name}.ptest"
        lab.allowed.append((domain, ""))
        lab.srv("_sipfederationtls._tcp", domain, f"sip.{domain}", 5061)
        lab.a(f"sip.{domain}", net + str(number))
        lab.serve(net + str(number), 5061, name)
        lab.expect(domain, {"FED-PARTNER-03": "pass", "FED-PARTNER-04": "fail"})
    # XMPP partners: STARTTLS with a good certificate; no STARTTLS offered.
    lab.xmpp.append("xmpp-good.ptest")
    lab.srv("_xmpp-server._tcp", "xmpp-good.ptest", "xmpp.xmpp-good.ptest", 5269)
    lab.a("xmpp.xmpp-good.ptest", net + "21")
    lab.serve(net + "21", 5269, "xmpp", "xmpp-good", ["xmpp-good.ptest"])
    lab.expect("xmpp-good.ptest", {"FED-PARTNER-01": "pass", "FED-PARTNER-04": "pass",
                                   "FED-PARTNER-06": "pass", "FED-PARTNER-07": "pass"},
               protocol="xmpp")
    lab.xmpp.append("xmpp-plain.ptest")
    lab.srv("_xmpp-server._tcp", "xmpp-plain.ptest", "xmpp.xmpp-plain.ptest", 5269)
    lab.a("xmpp.xmpp-plain.ptest", net + "22")
    lab.serve(net + "22", 5269, "xmpp-no-starttls")
    lab.expect("xmpp-plain.ptest", {"FED-PARTNER-04": "fail"}, protocol="xmpp")


def bench(lab, count, silent_percent):
    silent_every = int(100 / silent_percent) if silent_percent > 0 else 0
    for i in range(count):
        address = str(ipaddress.ip_address("127.1.0.1") + i)
        domain = f"p{i:05d}.ptest"
        healthy(lab, domain, address, expect=False)
        if silent_every and i % silent_every == 0:
            lab.drops.append(address)


def main():
    if len(sys.argv) < 3 or sys.argv[2] not in ("lab", "bench"):
        print(__doc__, file=sys.stderr)
        return 2
    lab = Lab(os.path.abspath(sys.argv[1]))
    if sys.argv[2] == "lab":
        planted(lab)
    else:
        bench(lab, int(sys.argv[3]), float(sys.argv[4]))
    lab.write()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks an `edgeplan partners --format json` report against the partner lab's expected.json.

    assert_partners.py REPORT.json EXPECTED.json [RECORD.json]

For every partner of EXPECTED.json: each listed rule has the expected status for that partner
(pass: every finding of the rule for the partner passes, and there is one; warn/fail: at least
one finding has that status), and the partner table gives the expected kind. With RECORD.json
(--record): no DNS query, TCP, TLS or XMPP probe names a blocked domain or anything outside the
lab's names. Prints one line per mismatch; exit 1 when there is any.
"""

import json
import sys


def partner_of(subject):
    """('domain', 'sip'|'xmpp') of a partner:... subject."""
    rest = subject[len("partner:"):]
    domain, _, tail = rest.partition("/")
    protocol = "xmpp" if tail == "xmpp" or tail.startswith("xmpp/") else "sip"
    return domain, protocol


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    statuses = {}
    for finding in report["findings"]:
        if not finding["subject"].startswith("partner:"):
            continue
        domain, protocol = partner_of(finding["subject"])
        key = domain + ("/xmpp" if protocol == "xmpp" else "")
        statuses.setdefault((key, finding["check_id"]), []).append(finding["status"])
    rows = {r["domain"] + ("/xmpp" if r["protocol"] == "xmpp" else ""): r
            for r in report.get("partners", [])}
    for key, want in sorted(expected.items()):
        if key not in rows:
            problems.append(f"{key}: no row in the partner table")
            continue
        if want.get("kind") and rows[key]["kind"] != want["kind"]:
            problems.append(f"{key}: kind {rows[key]['kind']}, expected {want['kind']}")
        for rule, status in sorted(want["rules"].items()):
            seen = statuses.get((key, rule), [])
            if status == "pass":
                ok = bool(seen) and all(s == "pass" for s in seen)
            else:
                ok = status in seen
            if not ok:
                problems.append(f"{key}: {rule} gave {seen or 'no finding'}, expected {status}")
    if len(sys.argv) == 4:
        with open(sys.argv[3], encoding="utf-8") as f:
            record = json.load(f)
        blocked = [k for k, v in expected.items() if v.get("kind") == "blocked"]
        names = [a["query"]["name"] for a in record.get("dns", [])]
        names += [t["probe"]["sni"] for t in record.get("tls", [])]
        for name in names:
            name = name.rstrip(".")
            if any(name == b or name.endswith("." + b) for b in blocked):
                problems.append(f"a probe went to the blocked domain's name {name}")
            if not (name.endswith(".ptest") or name == "sipfed.online.lync.com"):
                problems.append(f"a probe went to {name}, a name outside the lab")
        for tcp in record.get("tcp", []):
            if not tcp["probe"]["address"].startswith("127."):
                problems.append(f"a TCP probe went to {tcp['probe']['address']}")
    for problem in problems:
        print("MISMATCH " + problem)
    checked = sum(len(v["rules"]) for v in expected.values())
    print(f"{len(expected)} partners, {checked} rule verdicts checked, {len(problems)} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Compare an `edgeplan check --format json` report with expected_findings.json.

    assert_report.py [--without-tls] EXPECTED.json VARIANT REPORT.json EXIT_CODE

Prints every mismatch and exits 1 if there is one (rules: see "about" in EXPECTED.json).
--without-tls drops the rows marked "tls" (the build's check has no live certificate layer
yet, `--ca-file`), and says how many it dropped.
"""

import json
import sys


def prefixes(row):
    value = row.get("subject_prefix")
    if value is None:
        return None
    return value if isinstance(value, list) else [value]


def matches(row, check_id, subject):
    if row["check_id"] not in ("*", check_id):
        return False
    starts = prefixes(row)
    return subject == row.get("subject") if starts is None else subject.startswith(tuple(starts))


def describe(row):
    subject = row.get("subject") or ("prefix " + " | ".join(prefixes(row)))
    return f"({row['check_id']!r}, {subject!r})"


def main():
    args = sys.argv[1:]
    without_tls = bool(args) and args[0] == "--without-tls"
    if without_tls:
        args = args[1:]
    if len(args) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    expected_path, variant, report_path, exit_code = args
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)["variants"][variant]
    rows = expected["findings"]
    if without_tls:
        dropped = [row for row in rows if row.get("tls")]
        rows = [row for row in rows if not row.get("tls")]
        if dropped:
            print(f"SKIP [{variant}] {len(dropped)} TLS/certificate expectations: this build's "
                  "`edgeplan check` has no --ca-file (live certificate layer not merged yet)")
    strict = expected.get("strict", False)
    problems = []
    try:
        with open(report_path, encoding="utf-8") as handle:
            report = json.load(handle)
        findings = report["findings"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"FAIL [{variant}] report {report_path} is not a JSON report: {error}")
        return 1

    by_key = {}
    for finding in findings:
        key = (finding.get("check_id"), finding.get("subject"))
        if key in by_key:
            problems.append(f"(check ID, subject) reported twice: {key}")
        by_key[key] = finding

    planted_subjects = set()
    for row in rows:
        hits = [key for key in by_key if matches(row, *key)]
        if row["status"] == "fail":
            planted_subjects.update(key[1] for key in hits if by_key[key].get("status") == "fail")
            if row.get("subject"):
                planted_subjects.add(row["subject"])
        if not row.get("required", True):
            continue
        if not hits:
            problems.append(f"missing {row['status']} finding {describe(row)}")
        elif not any(by_key[key].get("status") == row["status"] for key in hits):
            got = by_key[hits[0]]
            problems.append(f"{describe(row)}: status {got.get('status')}, expected "
                            f"{row['status']} ({got.get('message', '')})")

    fail_rows = [row for row in rows if row["status"] == "fail"]
    for key, finding in sorted(by_key.items(), key=lambda item: str(item[0])):
        status = finding.get("status")
        if status == "error":
            problems.append(f"error finding {key}: {finding.get('message', '')}")
        elif status != "fail":
            continue
        elif strict and not any(matches(row, *key) for row in fail_rows):
            problems.append(f"unexpected fail {key}: {finding.get('message', '')}")
        elif not strict and key[1] not in planted_subjects:
            problems.append(f"unexpected fail {key}: {finding.get('message', '')}")

    if int(exit_code) != expected["exit_code"]:
        problems.append(f"exit code {exit_code}, expected {expected['exit_code']}")

    counts = {}
    for finding in findings:
        counts[finding.get("status")] = counts.get(finding.get("status"), 0) + 1
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    for problem in problems:
        print(f"FAIL [{variant}] {problem}")
    print(f"{'FAIL' if problems else 'ok  '} [{variant}] {len(findings)} findings ({summary})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

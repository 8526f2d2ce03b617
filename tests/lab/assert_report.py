#!/usr/bin/env python3
"""Compare an `edgeplan check --format json` report with expected_findings.json.

    assert_report.py EXPECTED.json VARIANT REPORT.json EXIT_CODE

Prints every mismatch and exits 1 if there is one (rules: see "about" in EXPECTED.json).
"""

import json
import sys


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    expected_path, variant, report_path, exit_code = sys.argv[1:]
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)["variants"][variant]
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
    for row in expected["findings"]:
        key = (row["check_id"], row["subject"])
        if row["status"] == "fail":
            planted_subjects.add(row["subject"])
        got = by_key.get(key)
        if got is None:
            problems.append(f"missing {row['status']} finding {key}")
        elif got.get("status") != row["status"]:
            problems.append(f"{key}: status {got.get('status')}, expected {row['status']}"
                            f" ({got.get('message', '')})")

    for key, finding in sorted(by_key.items(), key=lambda item: str(item[0])):
        status = finding.get("status")
        if status == "error":
            problems.append(f"error finding {key}: {finding.get('message', '')}")
        elif status == "fail" and key[1] not in planted_subjects:
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

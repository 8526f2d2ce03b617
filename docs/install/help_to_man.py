#!/usr/bin/env python3
"""Writes edgeplan(1) in roff from the same text as `--help` (docs/install/README.md).

usage: help_to_man.py EDGEPLAN VERSION OUTPUT

Runs `EDGEPLAN --help` and `EDGEPLAN <command> --help` for every command the usage text lists,
so the man page cannot drift from the program. The text goes in no-fill blocks: it is already
laid out for a terminal.
"""
import re
import subprocess
import sys


def run_help(binary, *args):
    return subprocess.run([binary, *args, "--help"], check=True, capture_output=True,
                          text=True).stdout


def commands_of(usage):
    """The names of the 'commands:' block: lines '  name ...' up to the next blank line."""
    names, inside = [], False
    for line in usage.splitlines():
        if line.strip() == "commands:":
            inside = True
            continue
        if inside and not line.strip():
            break
        match = re.match(r"^  ([a-z]+)\b", line)
        if inside and match:
            names.append(match.group(1))
    return names


def roff_escape(text):
    """Backslashes and hyphens escaped; a leading '.' or quote cannot become a request."""
    out = []
    for line in text.rstrip("\n").splitlines():
        line = line.replace("\\", "\\e").replace("-", "\\-")
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line)
    return "\n".join(out)


def block(text):
    return ".PP\n.nf\n" + roff_escape(text) + "\n.fi\n"


def example(title, *commands):
    """One example: a sentence, then the commands in a no-fill block."""
    return [".TP", title, ".nf", *(roff_escape(c) for c in commands), ".fi"]


EXAMPLES = [
    ".SH EXAMPLES",
    ".PP",
    "Paths are examples; \\fB\\-\\-now\\fR makes a run repeatable.",
    *example("Plan a deployment: DNS records, firewall rules and certificates, with the offline "
             "findings, as text and as a page for the review:",
             "edgeplan plan topology.xml --output html=plan.html",
             "edgeplan plan topology.tbxml --emit-zone zones/ --emit-firewall fw/"),
    *example("Check the Edge from outside, as a federation partner and a remote user see it "
             "(public DNS, the external firewall, TLS on 443 and 5061):",
             "edgeplan check topology.xml --from external --dns-server 9.9.9.9 \\",
             "    --output json=check.json --output junit=check.xml"),
    *example("CI gate with a baseline: only what is new fails the job; known failures and "
             "waived findings are listed but do not count:",
             "edgeplan plan topology.xml --baseline main-report.json \\",
             "    --waivers waivers.json --format junit > report.xml"),
    *example("Diff in a pull request: what the change adds to and removes from the plan, as a "
             "Markdown comment; exit 1 when it brings a new failure:",
             "edgeplan diff old/topology.xml new/topology.xml --format markdown > comment.md"),
    *example("Render a saved report again, in another format, as the run did:",
             "edgeplan render check.json --format html --output sarif=check.sarif"),
]

EXIT_STATUS = [
    ".SH EXIT STATUS",
    ".TP", "\\fB0\\fR", "No finding counts as a failure (plan, check, render), or the change "
    "brings no new failure (diff).",
    ".TP", "\\fB1\\fR", "A finding failed, or warned with \\fB\\-\\-fail\\-on warn\\fR; "
    "findings known from \\fB\\-\\-baseline\\fR or waived by \\fB\\-\\-waivers\\fR do not count. "
    "For diff: a new failing (or warning) finding.",
    ".TP", "\\fB2\\fR", "Usage or input error: a bad option, an unreadable or malformed "
    "topology, settings, certificate or report file (named with line and column), an output "
    "that would overwrite an input. Nothing was checked and no output was written.",
    ".TP", "\\fB3\\fR", "No failure, but the tool could not decide somewhere (a finding of "
    "status error), or an output could not be written.",
]

SEE_ALSO = [
    ".SH SEE ALSO",
    "The documentation under docs/ of the edgeplan sources: report-format.md (JSON and text,",
    "and render), diff-format.md, ci-integration.md (JUnit, SARIF, HTML, Markdown), waivers.md,",
    "exit-codes.md, topology-format.md, checks/README.md (the check catalogue).",
    ".PP",
    "\\fBbash\\fR(1) completion is installed beside this page; \\fBedgeplan checks\\fR lists the",
    "check IDs and areas that \\fB\\-\\-only\\fR and \\fB\\-\\-skip\\fR take.",
]


def main():
    binary, version, output = sys.argv[1:4]
    usage = run_help(binary)
    page = [
        f'.TH EDGEPLAN 1 "" "edgeplan {version}" "User Commands"',
        ".SH NAME",
        "edgeplan \\- plan and check Lync Server 2013 / Skype for Business Edge deployments",
        ".SH SYNOPSIS",
        ".B edgeplan",
        "\\fIcommand\\fR [\\fIoptions\\fR]",
        ".SH DESCRIPTION",
        "edgeplan reads an Edge topology, derives the DNS records, firewall rules and",
        "certificates it needs, checks them offline and on the network, and renders reports.",
        "The text below is the program's own \\fB\\-\\-help\\fR output.",
        block(usage).rstrip("\n"),
        ".SH COMMANDS",
    ]
    for command in commands_of(usage):
        page += [f".SS {command}", block(run_help(binary, command)).rstrip("\n")]
    page += EXAMPLES + EXIT_STATUS + SEE_ALSO
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()

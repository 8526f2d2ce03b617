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
    page += [
        ".SH EXIT STATUS",
        "0 no failure; 1 a finding failed (or warned with \\fB\\-\\-fail\\-on warn\\fR);",
        "2 usage or input error; 3 the tool could not decide.",
        "See docs/exit-codes.md.",
        ".SH SEE ALSO",
        "The documentation under docs/ of the edgeplan sources: report-format.md,",
        "diff-format.md, waivers.md, ci-integration.md, exit-codes.md.",
    ]
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()

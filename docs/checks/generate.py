#!/usr/bin/env python3
"""Regenerates docs/checks/<ID>.md for every catalogue ID, and docs/checks/README.md.

usage: docs/checks/generate.py EDGEPLAN [OUTPUT_DIR]

What is mechanical comes from data, never from hand-written text:
- header, sources, kinds, severity, scenarios and fix: the catalogue as the binary states it
  (`edgeplan checks --format json`, i.e. the CheckInfo of checks/registry.cpp and the tables
  checks/ports_live/port_table.cpp, checks/dns_live/dns_table.cpp,
  checks/certificates/certificate_rule_info.cpp);
- recorded outcomes, evidence keys and the example: findings that real runs produced. Offline
  findings come from the sample goldens (samples/<name>/expected-plan.json, which
  tests/samples/golden_test.cpp keeps equal to `edgeplan plan`); live findings from replaying the
  lab recordings listed in tests/fixtures/replay/runs.json with `edgeplan check --replay` now;
  WAIVER-01's from the waivers run of docs/examples/generate.sh.
  An entry no run produced a finding for says so instead of showing an invented one.
The hand-written prose (objective details, when it applies, procedure, the outcome cases the
unit tests cover, further sections) lives in docs/checks/prose/<ID>.md and is merged in.

tests/gate/check_pages_test.cpp regenerates into a temporary directory and compares byte for byte.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = "tests/fixtures/replay/runs.json"
PROSE = "docs/checks/prose"

# Sections of a prose file placed at their place in the page; any other section follows the Fix.
PLACED = ("Objective", "When it applies", "Procedure", "Outcomes")
# Example preference: the most telling status first. An error says the tool could not decide,
# so it is shown only when nothing else was recorded.
STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2, "skip": 3, "error": 4}
SEVERITY_TEXT = {"must": "must (violation = fail)", "should": "should (violation = warn)",
                 "info": "info"}


class Run:
    """One real run: where its findings come from and the findings themselves."""

    def __init__(self, name, how, findings):
        self.name = name
        self.how = how
        self.findings = findings


def edgeplan_json(edgeplan, args, accepted=(0,)):
    done = subprocess.run([edgeplan] + args, cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, COLUMNS="100"))
    if done.returncode not in accepted:
        sys.exit("generate.py: edgeplan %s exited %d: %s" % (" ".join(args), done.returncode,
                                                            done.stderr.strip()))
    return json.loads(done.stdout)


def sample_runs():
    runs = []
    for name in sorted(os.listdir(os.path.join(ROOT, "samples"))):
        golden = os.path.join("samples", name, "expected-plan.json")
        if not os.path.exists(os.path.join(ROOT, golden)):
            continue
        with open(os.path.join(ROOT, golden), encoding="utf-8") as f:
            report = json.load(f)
        command = next(o["value"] for o in report["options"] if o["name"] == "command_line")
        runs.append(Run("samples/" + name,
                        "`edgeplan plan %s` (golden `%s`)" % (command, golden),
                        report["findings"]))
    return runs


def replay_runs(edgeplan):
    with open(os.path.join(ROOT, RUNS), encoding="utf-8") as f:
        manifest = json.load(f)
    runs = []
    for run in manifest["runs"]:
        args = replay_args(manifest, run)
        # 1: a finding fails (the broken lab variants exist to make some fail).
        report = edgeplan_json(edgeplan, args, accepted=(0, 1))
        runs.append(Run(run["name"],
                        "the lab recording `%s` (variant `%s`), replayed with `edgeplan check "
                        "--replay` (arguments: `%s`)" % (run["observations"], run["variant"],
                                                          RUNS),
                        report["findings"]))
    return runs


def waiver_run(edgeplan):
    """The run behind docs/examples/contoso-docs-waived.txt (docs/examples/generate.sh, kept
    true by tests/gate/examples_test.cpp): the one real run with --waivers, so WAIVER-01's."""
    args = ["plan", "samples/contoso-docs/topology.xml", "--now", "2026-06-01", "--waivers",
            "docs/examples/waivers.json", "--format", "json"]
    report = edgeplan_json(edgeplan, args, accepted=(0, 1))
    return Run("docs/examples (waivers)", "`edgeplan %s` (the run of "
               "`docs/examples/contoso-docs-waived.txt`)" % " ".join(args), report["findings"])


def replay_args(manifest, run):
    return (["check", manifest["topology"]] + manifest["args"] + run["args"] +
            ["--replay", run["observations"], "--format", "json"])


def read_prose(cid):
    path = os.path.join(ROOT, PROSE, cid + ".md")
    if not os.path.exists(path):
        return []
    sections, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("## "):
                current = [line[3:].strip(), []]
                sections.append(current)
            elif current is not None:
                current[1].append(line)
    return [(head, "\n".join(body).strip("\n")) for head, body in sections]


def sources_of(entries):
    seen, lines = set(), []
    for entry in entries:
        for c in entry["citations"]:
            if c["key"] in seen:
                continue
            seen.add(c["key"])
            if c.get("url"):
                lines.append("- %s: [%s](%s)" % (c["key"], c["page"], c["url"]))
            else:
                lines.append("- %s: %s" % (c["key"], c["page"]))
    return lines


# The rules of `edgeplan partners` (checks/partners/partner_rules.h) are in the catalogue too, but
# only that command evaluates them: neither `edgeplan plan` nor `edgeplan check` runs them.
PARTNER_RULE_PREFIX = "FED-PARTNER-"


def is_partner_rule(cid):
    return cid.startswith(PARTNER_RULE_PREFIX)


def kind_text(kind, cid=""):
    if is_partner_rule(cid):
        return "kind `%s` (partner rule, `edgeplan partners`)" % kind
    if kind == "offline":
        return "kind `offline` (`edgeplan plan` and `edgeplan check`)"
    return "kind `%s` (live probe check, `edgeplan check`)" % kind


def status_text(finding):
    if finding["status"] == "skip":
        return "skip (`%s`)" % finding.get("skip_reason", "")
    return finding["status"]


def render_finding(finding):
    lines = ["%s  %s  %s" % (finding["status"], finding["check_id"], finding["subject"]),
             "    " + finding["message"]]
    if finding["status"] == "skip":
        lines.append("    reason: " + finding.get("skip_reason", ""))
    for item in finding["evidence"]:
        lines.append("    %s: %s" % (item["key"], item["value"]))
    return lines


def recorded(entry, runs):
    """(run, finding) of every real finding of this entry (same ID and kind), in run order."""
    out = []
    for run in runs:
        for finding in run.findings:
            if finding["check_id"] == entry["id"] and finding["kind"] == entry["kind"]:
                out.append((run, finding))
    return out


def example(found):
    best = min(range(len(found)),
               key=lambda i: (STATUS_ORDER[found[i][1]["status"]],
                              found[i][1]["status"] == "skip" and
                              found[i][1].get("skip_reason") == "not_applicable", i))
    return found[best]


def page(cid, entries, runs):
    prose = read_prose(cid)
    placed = {head: body for head, body in prose if head in PLACED}
    both = len(entries) > 1
    out = ["# %s: %s" % (cid, entries[0]["title"]), "",
           "<!-- Generated by docs/checks/generate.py from the catalogue, recorded findings and "
           "docs/checks/prose/%s.md; edit those, then regenerate. -->" % cid, ""]
    for e in entries:
        title = "" if e["title"] == entries[0]["title"] else " · requirement: " + e["title"]
        out.append("%sArea `%s` · %s · severity %s · scenarios %s%s" % (
            "- " if both else "", e["area"], kind_text(e["kind"], cid),
            SEVERITY_TEXT.get(e["severity"], e["severity"]), ", ".join(e["scenarios"]), title))
    out += ["", "## Objective", "", entries[0]["title"] + "."]
    if "Objective" in placed:
        out += ["", placed["Objective"]]
    out += ["", "Sources (each key as in [../sources.md](../sources.md), linked to its "
            "Microsoft page):", ""] + sources_of(entries)

    out += ["", "## When it applies", ""]
    for e in entries:
        if is_partner_rule(cid):
            where = "`edgeplan partners` only, judging the partner list and what its probes observed"
        elif e["kind"] == "offline":
            where = "every run (`edgeplan plan`, `edgeplan check`)"
        else:
            where = "`edgeplan check` only, reading what the probes observed"
        out.append("- Entry `%s`: %s; scenarios %s." % (e["kind"], where, ", ".join(e["scenarios"])))
    if "When it applies" in placed:
        out += ["", placed["When it applies"]]
    if "Procedure" in placed:
        out += ["", "## Procedure", "", placed["Procedure"]]

    out += ["", "## Outcomes", "", "Recorded in real runs (the sample goldens, the lab "
            "replays and the waivers example; counts of findings):", "", "| Kind | Status | Findings | Runs |",
            "|---|---|---|---|"]
    for e in entries:
        found = recorded(e, runs)
        if not found:
            out.append("| `%s` | none recorded | 0 | |" % e["kind"])
            continue
        groups = {}
        for run, finding in found:
            group = groups.setdefault(status_text(finding), [0, []])
            group[0] += 1
            if run.name not in group[1]:
                group[1].append(run.name)
        for status in sorted(groups, key=lambda s: (STATUS_ORDER[s.split(" ")[0]], s)):
            count, names = groups[status]
            out.append("| `%s` | %s | %d | %s |" % (e["kind"], status, count, ", ".join(names)))
    if "Outcomes" in placed:
        out += ["", placed["Outcomes"]]

    out += ["", "## Evidence keys", ""]
    for e in entries:
        keys = []
        for _, finding in recorded(e, runs):
            for item in finding["evidence"]:
                if item["key"] not in keys:
                    keys.append(item["key"])
        text = ", ".join("`%s`" % k for k in keys) if keys else "none recorded"
        out.append(("- Entry `%s`: " % e["kind"] if both else "") + text)

    out += ["", "## Example", ""]
    for e in entries:
        found = recorded(e, runs)
        lead = "Entry `%s`: " % e["kind"] if both else ""
        if not found:
            out += [lead + "no recorded example: no sample golden, lab replay or example run "
                    "produced a finding of this entry.", ""]
            continue
        run, finding = example(found)
        out += [lead + "from %s:" % run.how, "", "```"] + render_finding(finding) + ["```", ""]
    out.pop()

    out += ["", "## Fix", ""]
    fixes = []
    for e in entries:
        if e["remediation"] not in fixes:
            fixes.append(e["remediation"])
    out += fixes
    for head, body in prose:
        if head not in PLACED:
            out += ["", "## " + head, "", body]
    return "\n".join(out) + "\n"


def generate(edgeplan, out_dir):
    catalogue = edgeplan_json(edgeplan, ["checks", "--format", "json"])
    runs = sample_runs() + replay_runs(edgeplan) + [waiver_run(edgeplan)]
    by_id = {}
    for entry in catalogue:
        by_id.setdefault(entry["id"], []).append(entry)
    os.makedirs(out_dir, exist_ok=True)
    for cid, entries in by_id.items():
        with open(os.path.join(out_dir, cid + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(page(cid, entries, runs))
    readme = subprocess.run([edgeplan, "checks", "--format", "markdown"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)
    missing = [e["id"] + " (" + e["kind"] + ")" for e in catalogue if not recorded(e, runs)]
    return missing


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    edgeplan = os.path.abspath(sys.argv[1])
    out_dir = os.path.abspath(sys.argv[2]) if len(sys.argv) == 3 else os.path.join(
        ROOT, "docs", "checks")
    missing = generate(edgeplan, out_dir)
    if missing:
        print("no recorded example: " + ", ".join(missing), file=sys.stderr)


if __name__ == "__main__":
    main()

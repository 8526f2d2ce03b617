// render_text: the administrator's report (docs/report-format.md "Text layout"). Header with the
// verdict, plan tables, findings most urgent first (those sharing one cause gathered under it),
// one summary line. No line is wider than TextOptions::width. Colour only when asked; every
// string from the inputs goes through text::clean so it cannot carry terminal escapes of its own.
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "report/finding_groups.h"
#include "report/partner_table.h"
#include "report/renderers.h"
#include "report/source_links.h"
#include "report/subject_words.h"
#include "report/text_plan.h"
#include "report/text_table.h"
#include "report/verdict.h"

namespace edgeplan::report {
namespace {

using text::clean;

const char* ansi_colour(checks::Status status) {
    switch (status) {
        case checks::Status::pass:
            return "\x1b[32m";  // green
        case checks::Status::warn:
            return "\x1b[33m";  // yellow
        case checks::Status::fail:
            return "\x1b[31m";  // red
        case checks::Status::skip:
            return "\x1b[2m";  // dim
        case checks::Status::error:
            return "\x1b[35m";  // magenta
    }
    return "";
}

std::string upper(std::string s) {
    for (char& ch : s) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return s;
}

// Colour goes around text that is already laid out, so it never changes a width.
std::string coloured(const std::string& s, checks::Status status, bool colour) {
    return colour ? ansi_colour(status) + s + "\x1b[0m" : s;
}

checks::Status verdict_colour(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::fail:
            return checks::Status::fail;
        case VerdictKind::could_not_decide:
            return checks::Status::error;
        case VerdictKind::pass_with_warnings:
            return checks::Status::warn;
        case VerdictKind::pass:
            return checks::Status::pass;
    }
    return checks::Status::pass;
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

// Where the probes ran from, which DNS servers answered, the timeout (check only).
void probe_lines(const ProbeContext& p, const TextOptions& o, std::ostream& out) {
    std::string where = "from " + (p.from.empty() ? std::string("external") : joined(p.from));
    where += "; source address " +
             (p.source_address.empty() ? std::string("chosen by the system") : p.source_address);
    if (!p.responder.empty()) where += "; responder " + p.responder;
    where += "; timeout " + std::to_string(p.timeout_ms) + " ms per operation";
    if (!p.replay.empty()) where += "; replayed from " + p.replay + " (nothing was probed)";
    text::write_wrapped(out, "probes:  ", "         ", clean(where), o.width);
    if (p.dns_servers.empty()) {
        text::write_wrapped(out, "dns:     ", "         ", "no DNS server used", o.width);
    }
    bool first = true;
    for (const DnsServerUse& d : p.dns_servers) {
        std::string line = d.server + " (" + d.view + "): ";
        if (d.asked == 0) {
            line += "not asked";
        } else if (d.answered == 0) {
            line += "answered none of " + std::to_string(d.asked) + " queries";
        } else {
            line += "answered " + std::to_string(d.answered) + " of " + std::to_string(d.asked) +
                    " queries";
        }
        text::write_wrapped(out, first ? "dns:     " : "         ", "           ", clean(line),
                            o.width);
        first = false;
    }
}

void header(const Report& r, const TextOptions& o, std::ostream& out) {
    std::string title = "edgeplan " + clean(r.tool_version);
    if (!r.command.empty()) title += " - " + clean(r.command);
    text::write_wrapped(out, "", "  ", title, o.width);
    const Verdict v = verdict_of(r);
    const std::string word = to_string(v.kind);
    std::ostringstream verdict;
    text::write_wrapped(verdict, "verdict: ", "         ", word + " (" + verdict_counts(v) + ")",
                        o.width);
    std::string laid_out = verdict.str();
    if (o.colour) laid_out.replace(9, word.size(), coloured(word, verdict_colour(v.kind), true));
    out << laid_out;
    for (const InputFile& i : r.inputs) {
        std::string line = clean(i.role) + " " + clean(i.path);
        if (!i.format.empty()) line += " (" + clean(i.format) + ")";
        if (!i.sha256.empty()) line += " sha256 " + clean(i.sha256);
        text::write_wrapped(out, "input:   ", "         ", line, o.width);
    }
    text::write_wrapped(out, "now:     ", "         ", clean(r.now), o.width);
    if (!r.started_at.empty()) {
        text::write_wrapped(out, "started: ", "         ", clean(r.started_at), o.width);
    }
    if (r.probe) probe_lines(*r.probe, o, out);
    out << "\n";
}

bool wants_remediation(checks::Status status) {
    return status == checks::Status::fail || status == checks::Status::warn;
}

// "KEY file name <url>; ..." so the page is one copy away in a terminal.
std::string citation_line(const checks::CheckInfo& info) {
    std::string line;
    for (const checks::Citation& c : info.citations) {
        if (!line.empty()) line += "; ";
        line += c.key;
        if (!c.page.empty()) line += " " + c.page;
        const std::string url = citation_url(c);
        if (!url.empty() && url != c.page) line += " <" + url + ">";
    }
    return line;
}

constexpr const char* tag_indent = "  ";

// "FAIL  CHECK-ID  subject in words  message [reason]" wrapped, then its details.
void finding(const Report& r, const checks::Finding& f, const TextOptions& options,
             const std::string& indent, bool with_fix, std::ostream& out) {
    const std::string tag = text::pad(upper(to_string(f.status)), 5);
    std::string line =
        clean(f.check_id) + "  " + clean(subject_in_words(f.subject)) + "  " + clean(f.message);
    if (f.status == checks::Status::skip && !f.skip_reason.empty()) {
        line += " [" + clean(f.skip_reason) + "]";
    }
    const Acceptance* accepted = r.acceptance_for(f);
    if (accepted != nullptr && !accepted->waiver) line += " [known: in the baseline]";
    // The tag is coloured after wrapping, so the colour never counts as width.
    std::ostringstream body;
    const std::string detail = indent + "      ";
    text::write_wrapped(body, indent + tag + " ", detail, line, options.width);
    std::string laid_out = body.str();
    if (options.colour) {
        laid_out.replace(indent.size(), tag.size(), coloured(tag, f.status, true));
    }
    out << laid_out;
    if (accepted != nullptr && accepted->waiver) {
        text::write_wrapped(
            out, detail + "waived until ", detail + "  ",
            clean(accepted->waiver->expires) + ": " + clean(accepted->waiver->reason),
            options.width);
    }
    const checks::CheckInfo* info = r.info_for(f);
    if (with_fix && info != nullptr && wants_remediation(f.status)) {
        const std::string& fix = checks::remediation_of(f, *info);
        if (!fix.empty())
            text::write_wrapped(out, detail + "fix: ", detail + "  ", clean(fix), options.width);
    }
    if (!options.verbose) return;
    if (f.where.known() || !f.where.file.empty()) {
        text::write_wrapped(out, detail + "at: ", detail + "  ", clean(f.where.to_string()),
                            options.width);
    }
    for (const auto& [key, value] : f.evidence) {
        text::write_wrapped(out, detail + clean(key) + "=", detail + "  ", clean(value),
                            options.width);
    }
    // The canonical subject: the key of baselines and waivers (docs/subjects.md).
    text::write_wrapped(out, detail + "subject: ", detail + "  ", clean(f.subject), options.width);
    if (info != nullptr && !info->citations.empty()) {
        text::write_wrapped(out, detail + "cite: ", detail + "  ", clean(citation_line(*info)),
                            options.width);
    }
}

// Whether the findings list shows `f` (the rest are counted in one line each).
bool listed(const Report& r, const checks::Finding& f, const TextOptions& options) {
    const Acceptance* accepted = r.acceptance_for(f);
    if (accepted != nullptr && accepted->waiver) return false;  // listed under "Waived"
    if (options.verbose) return true;
    // Compact mode lists what needs attention: passes and checks with nothing to look at in this
    // topology are counted only.
    return f.status != checks::Status::pass && !is_not_applicable(f);
}

// A group: the cause, its members without their fix, then each distinct fix once.
void group(const Report& r, const FindingGroup& g, const TextOptions& options, std::ostream& out) {
    const std::string tag = text::pad(upper(to_string(g.status)), 5);
    std::ostringstream head;
    text::write_wrapped(
        head, tag_indent + tag + " ", "        ",
        std::to_string(g.members.size()) + " findings, one cause: " + clean(g.cause),
        options.width);
    std::string laid_out = head.str();
    if (options.colour) laid_out.replace(2, tag.size(), coloured(tag, g.status, true));
    out << laid_out;
    std::vector<std::pair<std::string, std::string>> fixes;  // (check ID, fix), first seen first
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i : g.members) {
        const checks::Finding& f = r.findings[i];
        if (!listed(r, f, options)) continue;
        finding(r, f, options, "    ", false, out);
        const checks::CheckInfo* info = r.info_for(f);
        if (info == nullptr || !wants_remediation(f.status)) continue;
        const std::string& fix = checks::remediation_of(f, *info);
        if (!fix.empty() && seen.insert({f.check_id, fix}).second)
            fixes.emplace_back(f.check_id, fix);
    }
    for (const auto& [id, fix] : fixes) {
        text::write_wrapped(out, "        fix (" + clean(id) + "): ", "          ", clean(fix),
                            options.width);
    }
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void findings(const Report& r, const TextOptions& options, std::ostream& out) {
    text::section(out, "Findings (most urgent first)");
    const std::vector<FindingGroup> groups = root_cause_groups(r);
    const std::vector<int> group_of = group_of_findings(r, groups);
    std::vector<bool> group_done(groups.size(), false);
    int shown = 0;
    for (std::size_t i : findings_by_urgency(r)) {
        const checks::Finding& f = r.findings[i];
        const int g = group_of[i];
        if (g >= 0) {
            if (group_done[static_cast<std::size_t>(g)]) continue;
            group_done[static_cast<std::size_t>(g)] = true;
            group(r, groups[static_cast<std::size_t>(g)], options, out);
            ++shown;
            continue;
        }
        if (!listed(r, f, options)) continue;
        finding(r, f, options, tag_indent, true, out);
        ++shown;
    }
    const Summary s = r.summary();
    int not_applicable = 0;
    for (const checks::Finding& f : r.findings) not_applicable += is_not_applicable(f) ? 1 : 0;
    if (!options.verbose && s.pass > 0) {
        text::write_wrapped(out, "  (", "   ",
                            plural(s.pass, "passing finding", "passing findings") +
                                " not listed; --verbose lists them)",
                            options.width);
    }
    if (!options.verbose && not_applicable > 0) {
        text::write_wrapped(out, "  (", "   ",
                            plural(not_applicable, "check", "checks") +
                                " not applicable to this topology not listed; --verbose lists "
                                "them)",
                            options.width);
    }
    if (shown == 0 && (options.verbose || (s.pass == 0 && not_applicable == 0))) {
        out << "  (none)\n";
    }
    out << "\n";
    // Not "N passed, N failed": CI harnesses read that exact form as a test-runner result.
    text::write_wrapped(out, "summary: ", "  ",
                        std::to_string(s.pass) + " pass, " + std::to_string(s.fail) + " fail, " +
                            std::to_string(s.warn) + " warn, " + std::to_string(s.skip) +
                            " skip, " + std::to_string(s.error) + " error",
                        options.width);
}

// --waivers / --baseline (docs/waivers.md): the waived findings in their own section, and
// a line saying how many findings the exit code does not count.
void accepted(const Report& r, const TextOptions& options, std::ostream& out) {
    if (!r.gated) return;
    int known = 0;
    int waived = 0;
    std::ostringstream listed_out;
    for (const checks::Finding& f : r.findings) {
        const Acceptance* a = r.acceptance_for(f);
        if (a == nullptr) continue;
        if (!a->waiver) {
            ++known;
            continue;
        }
        ++waived;
        finding(r, f, options, tag_indent, true, listed_out);
    }
    out << "\n";
    text::section(out, "Waived");
    out << (waived > 0 ? listed_out.str() : "  (none)\n");
    out << "\n";
    text::write_wrapped(out, "gate: ", "  ",
                        std::to_string(known) + " known from the baseline, " +
                            std::to_string(waived) + " waived; neither counts for the exit code",
                        options.width);
}

}  // namespace

void render_text(const Report& report, const TextOptions& options, std::ostream& out) {
    header(report, options, out);
    if (options.show_plan) text::render_plan(report, out, options.width);
    if (!report.partners.empty()) render_partner_table_text(report.partners, out, options.width);
    findings(report, options, out);
    accepted(report, options, out);
}

}  // namespace edgeplan::report

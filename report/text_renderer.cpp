// render_text: the administrator's report (docs/report-format.md "Text layout"). Header, plan
// tables, findings, one summary line. Colour only when asked; every string from the inputs goes
// through text::clean so it cannot carry terminal escapes of its own.
#include <sstream>
#include <string>

#include "report/partner_table.h"
#include "report/renderers.h"
#include "report/text_plan.h"
#include "report/text_table.h"

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

// "FAIL " etc.: upper case, padded to the widest tag so the check IDs line up.
std::string status_tag(checks::Status status, bool colour) {
    std::string tag = to_string(status);
    for (char& ch : tag) ch = static_cast<char>(ch - 'a' + 'A');
    tag = text::pad(tag, 5);
    if (!colour) return tag;
    return ansi_colour(status) + tag + "\x1b[0m";
}

void header(const Report& r, std::ostream& out) {
    out << "edgeplan " << clean(r.tool_version);
    if (!r.command.empty()) out << " - " << clean(r.command);
    out << "\n";
    for (const InputFile& i : r.inputs) {
        out << "input:   " << clean(i.role) << " " << clean(i.path);
        if (!i.format.empty()) out << " (" << clean(i.format) << ")";
        if (!i.sha256.empty()) out << " sha256 " << clean(i.sha256);
        out << "\n";
    }
    out << "now:     " << clean(r.now) << "\n";
    if (!r.started_at.empty()) out << "started: " << clean(r.started_at) << "\n";
    out << "\n";
}

bool wants_remediation(checks::Status status) {
    return status == checks::Status::fail || status == checks::Status::warn;
}

std::string citation_line(const checks::CheckInfo& info) {
    std::string line;
    for (const checks::Citation& c : info.citations) {
        if (!line.empty()) line += "; ";
        line += c.key;
        if (!c.page.empty()) line += " (" + c.page + ")";
    }
    return line;
}

constexpr const char* detail_indent = "        ";

void finding(const Report& r, const checks::Finding& f, const TextOptions& options,
             std::ostream& out) {
    out << "  " << status_tag(f.status, options.colour) << " " << clean(f.check_id) << "  "
        << clean(f.subject) << "  " << clean(f.message);
    if (f.status == checks::Status::skip && !f.skip_reason.empty()) {
        out << " [" << clean(f.skip_reason) << "]";
    }
    const Acceptance* accepted = r.acceptance_for(f);
    if (accepted != nullptr && !accepted->waiver) out << " [known: in the baseline]";
    out << "\n";
    if (accepted != nullptr && accepted->waiver) {
        out << detail_indent << "waived until " << clean(accepted->waiver->expires) << ": "
            << clean(accepted->waiver->reason) << "\n";
    }
    const checks::CheckInfo* info = r.info_for(f.check_id);
    if (info != nullptr && wants_remediation(f.status) && !info->remediation.empty()) {
        out << detail_indent << "fix: " << clean(info->remediation) << "\n";
    }
    if (!options.verbose) return;
    if (f.where.known() || !f.where.file.empty()) {
        out << detail_indent << "at: " << clean(f.where.to_string()) << "\n";
    }
    for (const auto& [key, value] : f.evidence) {
        out << detail_indent << clean(key) << "=" << clean(value) << "\n";
    }
    if (info != nullptr && !info->citations.empty()) {
        out << detail_indent << "cite: " << clean(citation_line(*info)) << "\n";
    }
}

void findings(const Report& r, const TextOptions& options, std::ostream& out) {
    text::section(out, "Findings");
    int listed = 0;
    for (const checks::Finding& f : r.findings) {
        // Compact mode lists what needs attention; passes are counted in the summary only.
        if (!options.verbose && f.status == checks::Status::pass) continue;
        const Acceptance* accepted = r.acceptance_for(f);
        if (accepted != nullptr && accepted->waiver) continue;  // listed under "Waived"
        finding(r, f, options, out);
        ++listed;
    }
    const Summary s = r.summary();
    if (!options.verbose && s.pass > 0) {
        out << "  (" << s.pass << " passing finding" << (s.pass == 1 ? "" : "s")
            << " not listed; --verbose lists them)\n";
    } else if (listed == 0) {
        out << "  (none)\n";
    }
    out << "\n";
    // Not "N passed, N failed": CI harnesses read that exact form as a test-runner result.
    out << "summary: " << s.pass << " pass, " << s.fail << " fail, " << s.warn << " warn, "
        << s.skip << " skip, " << s.error << " error\n";
}

// --waivers / --baseline (docs/waivers.md): the waived findings in their own section, and
// a line saying how many findings the exit code does not count.
void accepted(const Report& r, const TextOptions& options, std::ostream& out) {
    if (!r.gated) return;
    int known = 0;
    int waived = 0;
    std::ostringstream listed;
    for (const checks::Finding& f : r.findings) {
        const Acceptance* a = r.acceptance_for(f);
        if (a == nullptr) continue;
        if (!a->waiver) {
            ++known;
            continue;
        }
        ++waived;
        finding(r, f, options, listed);
    }
    out << "\n";
    text::section(out, "Waived");
    out << (waived > 0 ? listed.str() : "  (none)\n");
    out << "\ngate: " << known << " known from the baseline, " << waived
        << " waived; neither counts for the exit code\n";
}

}  // namespace

void render_text(const Report& report, const TextOptions& options, std::ostream& out) {
    header(report, out);
    if (options.show_plan) text::render_plan(report.plan, out);
    if (!report.partners.empty()) render_partner_table_text(report.partners, out);
    findings(report, options, out);
    accepted(report, options, out);
}

}  // namespace edgeplan::report

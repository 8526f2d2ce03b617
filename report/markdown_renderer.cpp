// render_markdown: a report as a pull-request comment (docs/ci-integration.md "Markdown"). The
// verdict and counts come first, then a table of what needs attention (fail, error, warn) with
// the fix beside each finding, then the passes and skips counted in a collapsed <details>
// block. Like the other renderers it sees only the Report; it prints no wall-clock time.
#include <string>
#include <vector>

#include "report/ci_renderers.h"
#include "report/markdown_text.h"

namespace edgeplan::report {
namespace {

using checks::Status;
using markdown::escape;

// The verdict as the exit code sees it: accepted findings (baseline, waiver) do not count.
std::string verdict(const Report& r) {
    bool failing = false;
    bool warning = false;
    bool undecided = false;
    for (const checks::Finding& f : r.findings) {
        undecided = undecided || f.status == Status::error;
        if (r.acceptance_for(f) != nullptr) continue;
        failing =
            failing || f.status == Status::fail || (r.fail_on_warn && f.status == Status::warn);
        warning = warning || f.status == Status::warn;
    }
    if (failing) return "FAIL";
    if (undecided) return "COULD NOT DECIDE";
    return warning ? "PASS WITH WARNINGS" : "PASS";
}

std::string upper(Status s) {
    switch (s) {
        case Status::pass:
            return "PASS";
        case Status::warn:
            return "WARN";
        case Status::fail:
            return "FAIL";
        case Status::skip:
            return "SKIP";
        case Status::error:
            return "ERROR";
    }
    return "";
}

std::string topology_path(const Report& r) {
    for (const InputFile& i : r.inputs) {
        if (i.role == "topology") return i.path;
    }
    return "";
}

std::string acceptance_note(const Acceptance* a) {
    if (a == nullptr) return "";
    if (a->waiver) {
        return " (waived until " + escape(a->waiver->expires) + ": " + escape(a->waiver->reason) +
               ")";
    }
    return " (known in the baseline)";
}

void attention_table(const Report& r, std::ostream& out) {
    std::vector<const checks::Finding*> rows;
    for (Status wanted : {Status::fail, Status::error, Status::warn}) {
        for (const checks::Finding& f : r.findings) {
            if (f.status == wanted) rows.push_back(&f);
        }
    }
    if (rows.empty()) {
        out << "No finding failed, warned or could not be decided.\n\n";
        return;
    }
    out << "| Status | Check | Subject | Finding | Fix |\n|---|---|---|---|---|\n";
    for (const checks::Finding* f : rows) {
        const checks::CheckInfo* info = r.info_for(*f);
        std::string finding = escape(f->message);
        if (f->where.known() || !f->where.file.empty()) {
            finding += " (" + escape(f->where.to_string()) + ")";
        }
        out << "| " << upper(f->status) << acceptance_note(r.acceptance_for(*f)) << " | "
            << escape(f->check_id) << " | " << escape(f->subject) << " | " << finding << " | "
            << (info != nullptr ? escape(checks::remediation_of(*f, *info)) : std::string())
            << " |\n";
    }
    out << "\n";
}

void rest_block(const Report& r, const Summary& s, std::ostream& out) {
    if (s.pass + s.skip == 0) return;
    out << "<details><summary>" << s.pass << " passed, " << s.skip << " skipped</summary>\n\n"
        << "| Status | Check | Subject | Finding |\n|---|---|---|---|\n";
    for (Status wanted : {Status::pass, Status::skip}) {
        for (const checks::Finding& f : r.findings) {
            if (f.status != wanted) continue;
            std::string finding = escape(f.message);
            if (f.status == Status::skip) finding += " (" + escape(f.skip_reason) + ")";
            out << "| " << upper(f.status) << " | " << escape(f.check_id) << " | "
                << escape(f.subject) << " | " << finding << " |\n";
        }
    }
    out << "\n</details>\n\n";
}

}  // namespace

void render_markdown(const Report& r, std::ostream& out) {
    const Summary s = r.summary();
    out << "### edgeplan " << escape(r.command) << ": " << verdict(r) << "\n\n";
    out << "**" << s.fail << " fail**, " << s.error << " error, " << s.warn << " warn, " << s.pass
        << " pass, " << s.skip << " skip (" << s.total() << " findings)";
    if (r.gated) {
        int known = 0;
        int waived = 0;
        for (const checks::Finding& f : r.findings) {
            const Acceptance* a = r.acceptance_for(f);
            if (a != nullptr) ++(a->waiver ? waived : known);
        }
        out << "; " << known << " known from the baseline, " << waived << " waived";
    }
    out << ".\n\n";
    const std::string topology = topology_path(r);
    if (!topology.empty()) out << "Topology " << escape(topology);
    out << (topology.empty() ? "Rules" : ", rules") << " evaluated for " << escape(r.now)
        << ", edgeplan " << escape(r.tool_version) << ".\n\n";
    attention_table(r, out);
    rest_block(r, s, out);
}

}  // namespace edgeplan::report

// render_junit: JUnit XML as Jenkins (`junit` step) and GitLab (`artifacts:reports:junit`) read
// it (docs/ci-integration.md). One <testsuite> per check area, one <testcase> per finding, so a
// CI test view lists every (check ID, subject) a run looked at, passes included. Built with
// pugixml; every string goes through markup_safe because XML 1.0 forbids control characters
// even when escaped.
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "report/ci_renderers.h"
#include "report/finding_text.h"
#include "report/markup_text.h"

namespace edgeplan::report {
namespace {

using checks::Status;

struct Counts {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
};

void set(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name).set_value(markup_safe(value).c_str());
}

void set(pugi::xml_node node, const char* name, int value) {
    node.append_attribute(name).set_value(value);
}

void add_text(pugi::xml_node node, const std::string& text) {
    if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(markup_safe(text).c_str());
}

std::string expired_text(const checks::Waiver& w) {
    return "waiver expired on " + w.expires + ": " + w.reason;
}

// <failure>/<error>: message attribute = the finding's sentence, type = the check ID (what
// Jenkins shows as the exception class), body = location, evidence, fix and citation. An expired
// waiver accepts nothing: the body says so first (WAIVER-01 fails beside it, docs/waivers.md).
void add_problem(pugi::xml_node testcase, const char* element, const checks::Finding& f,
                 const checks::CheckInfo* info, const checks::Waiver* expired = nullptr) {
    pugi::xml_node problem = testcase.append_child(element);
    set(problem, "message", f.message);
    set(problem, "type", f.check_id);
    add_text(problem, expired == nullptr
                          ? finding_details(f, info)
                          : expired_text(*expired) + "\n" + finding_details(f, info));
}

// Why the gate does not count a finding (docs/waivers.md), as a <skipped> message.
std::string acceptance_text(const Acceptance& a) {
    if (a.waiver) return "waived: " + a.waiver->reason + " (until " + a.waiver->expires + ")";
    return "known in baseline";
}

// What the gate says about a warning shown as a case's output, or nothing.
std::string warn_mark(const Acceptance* accepted, const checks::Waiver* expired) {
    if (accepted != nullptr) return " (" + acceptance_text(*accepted) + ")";
    if (expired != nullptr) return " (" + expired_text(*expired) + ")";
    return "";
}

// A finding that would be a <failure> but that --waivers or --baseline accepts does not fail
// the exit code, so it is <skipped>, not red: CI consumers fail the build on any <failure>.
// The body keeps what the failure would have said.
void add_accepted(pugi::xml_node testcase, const checks::Finding& f, const checks::CheckInfo* info,
                  const Acceptance& a) {
    pugi::xml_node skipped = testcase.append_child("skipped");
    set(skipped, "message", acceptance_text(a));
    add_text(skipped, std::string(f.status == Status::warn ? "WARN: " : "FAIL: ") + f.message +
                          "\n" + finding_details(f, info));
}

void add_testcase(pugi::xml_node suite, const checks::Finding& f, const Report& report,
                  const JunitOptions& options, Counts& counts) {
    const checks::CheckInfo* info = report.info_for(f);
    const Acceptance* accepted = report.acceptance_for(f);
    pugi::xml_node testcase = suite.append_child("testcase");
    set(testcase, "name", f.check_id + " " + f.subject);
    set(testcase, "classname", finding_area(info));
    set(testcase, "time", "0");  // findings are not timed; the attribute keeps Ant readers happy
    ++counts.tests;
    const bool fails =
        f.status == Status::fail || (f.status == Status::warn && options.fail_on_warn);
    if (fails && accepted != nullptr) {
        add_accepted(testcase, f, info, *accepted);
        ++counts.skipped;
        return;
    }
    switch (f.status) {
        case Status::pass:
            break;
        case Status::fail:
            add_problem(testcase, "failure", f, info, report.expired_waiver_for(f));
            ++counts.failures;
            break;
        case Status::error:
            add_problem(testcase, "error", f, info);
            ++counts.errors;
            break;
        case Status::skip: {
            pugi::xml_node skipped = testcase.append_child("skipped");
            set(skipped, "message", f.skip_reason.empty() ? "skipped" : f.skip_reason.c_str());
            add_text(skipped, f.message);
            ++counts.skipped;
            break;
        }
        case Status::warn:
            if (options.fail_on_warn) {
                add_problem(testcase, "failure", f, info, report.expired_waiver_for(f));
                ++counts.failures;
            } else {
                // A warning does not fail the build; CI shows it as the case's output.
                add_text(testcase.append_child("system-out"),
                         "WARN" + warn_mark(accepted, report.expired_waiver_for(f)) + ": " +
                             f.message + "\n" + finding_details(f, info));
            }
            break;
    }
}

void set_counts(pugi::xml_node node, const Counts& c, bool with_skipped) {
    set(node, "tests", c.tests);
    set(node, "failures", c.failures);
    set(node, "errors", c.errors);
    // The Jenkins/Ant schema has `skipped` on <testsuite> only, not on <testsuites>.
    if (with_skipped) set(node, "skipped", c.skipped);
    set(node, "time", "0");
}

void add_properties(pugi::xml_node suite, const Report& r) {
    pugi::xml_node properties = suite.append_child("properties");
    auto property = [&](const std::string& name, const std::string& value) {
        pugi::xml_node p = properties.append_child("property");
        set(p, "name", name);
        set(p, "value", value);
    };
    property("edgeplan.version", r.tool_version);
    if (!r.command.empty()) property("edgeplan.command", r.command);
    if (!r.now.empty()) property("edgeplan.now", r.now);
    for (const InputFile& i : r.inputs) property("edgeplan.input." + i.role, i.path);
}

}  // namespace

void render_junit(const Report& report, const JunitOptions& options, std::ostream& out) {
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node root = doc.append_child("testsuites");
    set(root, "name", "edgeplan " + report.command);

    // Areas in name order; findings keep report order (check ID, then subject) inside an area.
    std::map<std::string, std::vector<const checks::Finding*>> by_area;
    for (const checks::Finding& f : report.findings) {
        by_area[finding_area(report.info_for(f))].push_back(&f);
    }
    Counts total;
    int id = 0;
    for (const auto& [area, findings] : by_area) {
        pugi::xml_node suite = root.append_child("testsuite");
        set(suite, "name", area);
        set(suite, "id", id++);
        set(suite, "package", "edgeplan");
        add_properties(suite, report);
        Counts counts;
        for (const checks::Finding* f : findings) {
            add_testcase(suite, *f, report, options, counts);
        }
        set_counts(suite, counts, true);
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
        total.skipped += counts.skipped;
    }
    set_counts(root, total, false);
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace edgeplan::report

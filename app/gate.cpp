#include "app/gate.h"

#include <nlohmann/json.hpp>

#include "app/clock.h"
#include "app/exit_codes.h"
#include "checks/gate/waiver_expiry.h"
#include "report/sha256.h"
#include "topology/input_file.h"

namespace edgeplan::app {
namespace {

using nlohmann::json;

// A baseline is a JSON report: 10,000 findings take about 10 MB.
constexpr std::size_t kMaxGateFileBytes = 256 * 1024 * 1024;

std::string read_text(const std::string& path, const char* what) {
    try {
        return topology::read_input_file(path, kMaxGateFileBytes);
    } catch (const topology::InputFileError& e) {
        throw GateInputError(std::string(e.what()) + " (the " + what + " file)");
    }
}

json parse_json(const std::string& text, const std::string& path) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        // parse_error, and out_of_range for a number such as 1e999999.
        throw GateInputError(path + ": not JSON (" + e.what() + ")");
    }
}

bool status_from(const std::string& text, checks::Status& out) {
    for (checks::Status s : {checks::Status::pass, checks::Status::warn, checks::Status::fail,
                             checks::Status::skip, checks::Status::error}) {
        if (text == to_string(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

// 2 for fail, 1 for warn, 0 otherwise: how much a status weighs on the gate.
int weight(checks::Status s) {
    return s == checks::Status::fail ? 2 : s == checks::Status::warn ? 1 : 0;
}

std::string string_field(const json& object, const char* key, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
        throw GateInputError(where + ": \"" + key + "\" must be a non-empty string");
    }
    return it->get<std::string>();
}

constexpr const char* kWaiverCheckId = checks::kWaiverExpiryId;

}  // namespace

Baseline parse_baseline(const std::string& text, const std::string& path) {
    const json doc = parse_json(text, path);
    if (!doc.is_object()) throw GateInputError(path + ": a report is a JSON object");
    const auto version = doc.find("schema_version");
    if (version == doc.end() || !version->is_string() ||
        version->get<std::string>().rfind("1.", 0) != 0) {
        throw GateInputError(path + ": not an edgeplan report of schema_version 1.x");
    }
    const auto findings = doc.find("findings");
    if (findings == doc.end() || !findings->is_array()) {
        throw GateInputError(path + ": \"findings\" must be an array");
    }
    Baseline baseline;
    for (std::size_t i = 0; i < findings->size(); ++i) {
        const json& f = (*findings)[i];
        const std::string where = path + ": findings[" + std::to_string(i) + "]";
        if (!f.is_object()) throw GateInputError(where + ": must be an object");
        checks::Status status{};
        if (!status_from(
                f.value("status", json()).is_string() ? f["status"].get<std::string>() : "",
                status)) {
            throw GateInputError(where + ": \"status\" must be pass, warn, fail, skip or error");
        }
        const auto subject = f.find("subject");
        if (subject == f.end() || !subject->is_string()) {
            throw GateInputError(where + ": \"subject\" must be a string");
        }
        baseline.statuses[{string_field(f, "check_id", where), subject->get<std::string>()}] =
            status;
    }
    return baseline;
}

Baseline read_baseline(const std::string& path) {
    return parse_baseline(read_text(path, "--baseline"), path);
}

std::vector<checks::Waiver> parse_waivers(const std::string& text, const std::string& path) {
    const json doc = parse_json(text, path);
    if (!doc.is_object() || doc.value("schema_version", json()) != "1.0") {
        throw GateInputError(path +
                             ": a waivers file is an object with \"schema_version\": \"1.0\"");
    }
    const auto list = doc.find("waivers");
    if (list == doc.end() || !list->is_array()) {
        throw GateInputError(path + ": \"waivers\" must be an array");
    }
    std::vector<checks::Waiver> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& w = (*list)[i];
        const std::string where = path + ": waivers[" + std::to_string(i) + "]";
        if (!w.is_object()) throw GateInputError(where + ": must be an object");
        for (const auto& item : w.items()) {
            const std::string& key = item.key();
            if (key != "check_id" && key != "subject" && key != "reason" && key != "expires") {
                throw GateInputError(where + ": unknown key \"" + key + "\"");
            }
        }
        checks::Waiver waiver;
        waiver.check_id = string_field(w, "check_id", where);
        waiver.subject = string_field(w, "subject", where);
        waiver.reason = string_field(w, "reason", where);
        waiver.expires = string_field(w, "expires", where);
        // A calendar date, written out: 2025-02-30 or 2025-2-1 are refused, not normalised.
        const auto day = parse_iso_date(waiver.expires);
        if (waiver.expires.size() != 10 || !day ||
            format_iso_utc(*day).substr(0, 10) != waiver.expires) {
            throw GateInputError(where + ": \"expires\" must be a date YYYY-MM-DD");
        }
        if (waiver.check_id == kWaiverCheckId) {
            throw GateInputError(where + ": WAIVER-01 findings cannot be waived");
        }
        waiver.expires_at = *day + std::chrono::hours(24);
        waiver.where.file = path;
        for (const checks::Waiver& earlier : out) {
            if (earlier.check_id == waiver.check_id && earlier.subject == waiver.subject) {
                throw GateInputError(where + ": a second waiver for " + waiver.check_id + " " +
                                     waiver.subject);
            }
        }
        out.push_back(std::move(waiver));
    }
    return out;
}

std::vector<checks::Waiver> read_waivers(const std::string& path) {
    return parse_waivers(read_text(path, "--waivers"), path);
}

void apply_gate(report::Report& r, const Baseline* baseline,
                const std::vector<checks::Waiver>* waivers, checks::Clock::time_point now) {
    r.gated = baseline != nullptr || waivers != nullptr;
    if (baseline != nullptr) r.baseline = baseline->statuses;
    if (waivers != nullptr) {
        r.expired_waivers.emplace();
        for (const checks::Waiver& w : *waivers) {
            if (!checks::waiver_active(w, now)) (*r.expired_waivers)[{w.check_id, w.subject}] = w;
        }
    }
    for (const checks::Finding& f : r.findings) {
        if (weight(f.status) == 0 || f.check_id == kWaiverCheckId) continue;
        const report::FindingKey key{f.check_id, f.subject};
        report::Acceptance acceptance;
        if (baseline != nullptr) {
            const auto it = baseline->statuses.find(key);
            // Known only when no worse than before: a warning that became a failure is new.
            acceptance.known =
                it != baseline->statuses.end() && weight(it->second) >= weight(f.status);
        }
        if (waivers != nullptr) {
            for (const checks::Waiver& w : *waivers) {
                if (w.check_id == f.check_id && w.subject == f.subject &&
                    checks::waiver_active(w, now)) {
                    acceptance.waiver = w;
                }
            }
        }
        if (acceptance.known || acceptance.waiver) r.accepted[key] = acceptance;
    }
}

GateInputs GateInputs::read(const std::string& baseline_path, const std::string& waivers_path) {
    GateInputs g;
    g.baseline_path = baseline_path;
    g.waivers_path = waivers_path;
    if (!baseline_path.empty()) g.baseline = read_baseline(baseline_path);
    if (!waivers_path.empty()) g.waivers = read_waivers(waivers_path);
    return g;
}

void GateInputs::apply(report::Report& r, checks::Clock::time_point now) const {
    if (baseline) {
        r.inputs.push_back(
            {"baseline", baseline_path, report::sha256_file_hex(baseline_path), "edgeplan-report"});
    }
    if (waivers) {
        r.inputs.push_back(
            {"waivers", waivers_path, report::sha256_file_hex(waivers_path), "edgeplan-waivers"});
    }
    apply_gate(r, baseline ? &*baseline : nullptr, waiver_list(), now);
}

int exit_code_for(const report::Diff& diff, bool fail_on_warn) {
    for (const report::FindingChange& c : diff.findings_new) {
        if (c.after == checks::Status::fail || (fail_on_warn && c.after == checks::Status::warn)) {
            return exit_findings;
        }
    }
    return exit_ok;
}

int exit_code_for(const report::Report& r, bool fail_on_warn) {
    bool failing = false;
    bool undecided = false;
    for (const checks::Finding& f : r.findings) {
        undecided = undecided || f.status == checks::Status::error;
        if (r.acceptance_for(f) != nullptr) continue;
        failing = failing || f.status == checks::Status::fail ||
                  (fail_on_warn && f.status == checks::Status::warn);
    }
    if (failing) return exit_findings;
    if (undecided) return exit_tool_error;
    return exit_ok;
}

}  // namespace edgeplan::app

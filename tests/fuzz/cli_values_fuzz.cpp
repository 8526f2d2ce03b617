// The command line's value parsers on one input: dates (--now), durations (--timeout,
// --duration), counts (--concurrency, --sample, --expiry-warning-days), DNS server addresses,
// FORMAT=FILE outputs, POOL:USE=FILE certificates and --only/--skip names. None may throw, and
// what they accept must be what the options promise.
#include <memory>
#include <string>
#include <vector>

#include "app/check_command.h"
#include "app/clock.h"
#include "app/count_option.h"
#include "app/duration_option.h"
#include "app/report_outputs.h"
#include "checks/certificates/certificate_files.h"
#include "checks/probes/resolver.h"
#include "checks/registry.h"
#include "checks/selection.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

using namespace edgeplan;

const std::vector<checks::CheckInfo>& catalogue() {
    static const std::vector<checks::CheckInfo> infos = [] {
        std::vector<checks::CheckInfo> out;
        for (const auto& check : checks::make_all_checks()) out.push_back(check->info());
        return out;
    }();
    return infos;
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(cli_values) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (const auto when = app::parse_iso_date(text)) {
        // A date accepted is the date written: no roll-over (2026-02-30) and no wrap (2300).
        fuzz::require(app::format_iso_utc(*when).compare(0, 10, text, 0, 10) == 0,
                      "--now '" + text + "' became " + app::format_iso_utc(*when));
    }
    if (const auto timeout = app::parse_timeout(text)) {
        fuzz::require(timeout->count() > 0 && timeout->count() <= 3600 * 1000,
                      "--timeout out of range");
    }
    app::parse_duration(text);
    if (const auto count = app::parse_count(text, 1, 1000000)) {
        fuzz::require(*count >= 1 && *count <= 1000000, "--concurrency out of range");
        fuzz::require(text.find_first_not_of("0123456789") == std::string::npos,
                      "a count with a non-digit: " + text);
    }
    checks::probes::is_dns_server_address(text);
    std::vector<app::ReportOutput> outputs;
    std::string error;
    app::parse_report_outputs({text}, outputs, error);
    checks::certificates::parse_cert_option(text, error);
    checks::Selection selection;
    selection.only = {text};
    if (checks::resolve_selection(selection, catalogue()).empty()) {
        for (const std::string& name : selection.only) {
            fuzz::require(!name.empty(), "--only accepted an empty name");
        }
    }
}

#pragma once
// Output formats of a Report. Each lives in its own file; this header only declares them.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "checks/check.h"
#include "report/report.h"

namespace edgeplan::report {

struct TextOptions {
    bool colour = false;    // ANSI colour (stdout is a terminal and NO_COLOR is unset)
    bool verbose = false;   // evidence, passes and not_applicable skips too
    bool show_plan = true;  // DNS, firewall and certificate tables
    // No line is wider than this many columns (the CLI: COLUMNS, else the terminal, else 100).
    std::size_t width = 100;
};

// text_renderer.cpp: verdict, tables for an administrator, then findings most urgent first,
// those sharing a cause under it, each with its fix.
void render_text(const Report& report, const TextOptions& options, std::ostream& out);

// json_renderer.cpp: docs/schema/report.schema.json (versioned by "schema_version").
nlohmann::json to_json(const Report& report);
// The same document streamed: to_json(report).dump(2) + "\n", byte for byte, without holding
// the whole tree (a report at the input limits is hundreds of megabytes).
void write_json(const Report& report, std::ostream& out);
nlohmann::json plan_to_json(const topology::Plan& plan);

// catalogue_renderer.cpp: `edgeplan checks --format text|json|markdown`.
void render_catalogue_text(const std::vector<const checks::CheckInfo*>& infos, std::ostream& out);
nlohmann::json catalogue_to_json(const std::vector<const checks::CheckInfo*>& infos);
void render_catalogue_markdown(const std::vector<const checks::CheckInfo*>& infos,
                               std::ostream& out);

}  // namespace edgeplan::report

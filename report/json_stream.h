#pragma once
// Writing a large JSON document piece by piece, byte for byte as nlohmann::json::dump(2) writes
// the whole tree: the report of 20,000 members is hundreds of megabytes, and its tree took 4-6
// times that in memory (docs/performance.md "Input limits"). Only one element (a finding, a DNS
// record) is a tree at a time.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "topology/plan.h"

namespace edgeplan::report::json_stream {

// `value` as dump(2) writes it when it sits `depth` levels deep in a larger document: every line
// after the first indented by 2 * depth more spaces. JSON strings never hold a raw newline, so
// every '\n' of the dump is a line break.
inline void put(std::ostream& out, const nlohmann::json& value, int depth) {
    const std::string text = value.dump(2);
    const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
    std::size_t start = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
        out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
        out << pad;
        start = nl + 1;
    }
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

// An array at `depth` whose elements are convert(item), each dumped on its own.
template <typename Items, typename Convert>
void put_array(std::ostream& out, const Items& items, int depth, Convert convert) {
    if (items.empty()) {
        out << "[]";
        return;
    }
    const std::string pad(static_cast<std::size_t>(2 * (depth + 1)), ' ');
    out << "[\n";
    bool first = true;
    for (const auto& item : items) {
        if (!first) out << ",\n";
        first = false;
        out << pad;
        put(out, convert(item), depth + 1);
    }
    out << '\n' << std::string(static_cast<std::size_t>(2 * depth), ' ') << ']';
}

// `"key": ` at `depth` (the key is one of the renderers' ASCII constants).
inline void put_key(std::ostream& out, const char* key, int depth) {
    out << std::string(static_cast<std::size_t>(2 * depth), ' ') << '"' << key << "\": ";
}

// plan_json.cpp: plan_to_json(plan) at `depth`, one row at a time.
void put_plan(std::ostream& out, const topology::Plan& plan, int depth);

}  // namespace edgeplan::report::json_stream

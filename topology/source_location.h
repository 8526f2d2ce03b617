#pragma once
// Where a model element came from, so findings, SARIF results and errors can point at it.
#include <string>

namespace edgeplan::topology {

struct SourceLocation {
    std::string file;  // path as given on the command line
    int line = 0;      // 1-based; 0 = unknown
    int column = 0;    // 1-based; 0 = unknown

    bool known() const { return line > 0; }
    std::string to_string() const;  // "file:line:column", or "file" when the position is unknown
};

}  // namespace edgeplan::topology

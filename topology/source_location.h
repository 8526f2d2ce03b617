#pragma once
// Where a model element came from, so findings, SARIF results and errors can point at it.
#include <iosfwd>
#include <string>

#include "topology/interned_text.h"

namespace edgeplan::topology {

// The file of a location, as given on the command line. Every model element, plan row and
// finding holds a location, and a run reads one or two files: a location holds the path as a
// shared text (topology/interned_text.h), 8 bytes instead of a shared pointer of 16 (hundreds
// of thousands of copies at the input limits, docs/performance.md "Input limits"). Immutable.
class SourcePath {
  public:
    SourcePath() = default;
    // Implicit: a location is made from a path string wherever a file name is at hand.
    SourcePath(std::string path);  // NOLINT(google-explicit-constructor)
    SourcePath(const char* path);  // NOLINT(google-explicit-constructor)

    const std::string& str() const;
    operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
    bool empty() const { return str().empty(); }

    friend bool operator==(const SourcePath& a, const SourcePath& b);  // one text, one object

  private:
    InternedText path_;  // empty: no file
};

bool operator==(const SourcePath& a, const SourcePath& b);
bool operator==(const SourcePath& a, const std::string& b);
bool operator==(const std::string& a, const SourcePath& b);
bool operator==(const SourcePath& a, const char* b);
bool operator==(const char* a, const SourcePath& b);
template <typename T>
bool operator!=(const SourcePath& a, const T& b) {
    return !(a == b);
}
inline bool operator!=(const std::string& a, const SourcePath& b) { return !(b == a); }
inline bool operator!=(const char* a, const SourcePath& b) { return !(b == a); }
std::ostream& operator<<(std::ostream& out, const SourcePath& path);

struct SourceLocation {
    SourcePath file;  // path as given on the command line
    int line = 0;     // 1-based; 0 = unknown
    int column = 0;   // 1-based; 0 = unknown

    bool known() const { return line > 0; }
    std::string to_string() const;  // "file:line:column", or "file" when the position is unknown
};

}  // namespace edgeplan::topology
